"""Bank and user text are inert everywhere: Markdown images, links and HTML in data never become elements
(chat, cards, search results, Markdown export), and a real browser fetches nothing from them."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from assistant.interview_types import Match, NextStep
from assistant.mdformat import to_markdown
from assistant.schema import ModelDescription
from tests.ui_support import STORY_FI, Page, RunningApp, browser_session, running_app, seeded_services
from ui import chat
from ui.browser import free_port
from ui.render import bank_list, full_card, match_cards, steps_html

PORT = free_port()  # a real loopback server stands in for the attacker's host (8890 in the report)
PIXEL = f"http://127.0.0.1:{PORT}/pixel.png"
FORM = f"http://127.0.0.1:{PORT}/form"
NAME = f"Pikselimalli ![p]({PIXEL}) [Avaa lomake]({FORM})"
PLANTED = ModelDescription(
    id="pikselimalli", name=NAME, stage="ready",  # type: ignore[arg-type]
    organisation=f"<img src={PIXEL}> Oulu", language="fi",
    summary=f"Yläkouluikäiset nuoret jäävät yksin koulupäivän jälkeen. ![x]({PIXEL}) <{FORM}>",
    problem="Oulussa yläkouluikäiset nuoret jäävät usein yksin koulupäivän jälkeen eikä heillä ole turvallista "
            "aikuista.",
    target_groups=["13–16-vuotiaat nuoret, jotka kokevat yksinäisyyttä"],
    goals=["Vähentää nuorten yksinäisyyttä ja lisätä kaverisuhteita"],
    core=[f"Nuorisotyöntekijät ohjaavat viikoittain pienryhmiä [ilmoittaudu]({FORM})"])


def no_data_elements(html: str) -> None:
    assert "<img" not in html and "<a " not in html and f"{PORT}/" in html  # the text is there, inert


def test_chat_messages_escape_everything_but_the_engines_own_bold_and_bullets() -> None:
    reply = f"Löysin nämä:\n- **{NAME}** (valmis, Oulu): samankaltainen\n\n**Seuraavaksi** <script>x</script>"
    html = chat.assistant_message(reply)["content"]
    no_data_elements(html)
    assert f"<strong>{chat.esc(NAME)}</strong>" in html and "<li>" in html and "&lt;script&gt;" in html
    user = chat.user_message(f"**tärkeä** {NAME}")["content"]
    no_data_elements(user)
    assert "<strong>" not in user and "**tärkeä**" in user


def test_cards_and_lists_show_planted_markup_as_text() -> None:
    match = Match(id=PLANTED.id, name=NAME, stage=PLANTED.stage, organisation=PLANTED.organisation, score=0.9,
                  why=f"sama ydin ![y]({PIXEL})")
    step = NextStep(kind="adopt", model_id=PLANTED.id, model_name=NAME, text=f"Ota käyttöön: {NAME}",
                    reason=f"[syy]({FORM})")
    for html in (match_cards([match], "fi"), steps_html([step], "fi"), full_card(PLANTED, "fi"),
                 bank_list([PLANTED], 1, "fi")):
        no_data_elements(html)


def test_markdown_export_renders_no_image_or_link_from_data() -> None:
    md = to_markdown(PLANTED)
    # the whole file, front matter included (a viewer without front-matter support renders it as Markdown)
    for renderer in (MarkdownIt("commonmark"), MarkdownIt("commonmark").enable(["table", "strikethrough"])):
        html = renderer.render(md)
        assert "<img" not in html and "<a " not in html, html
    body = md.split("---", 2)[2]
    assert NAME not in body  # the body holds it only in escaped form…
    assert "Pikselimalli ![p](" in MarkdownIt("commonmark").render(body)  # …which a viewer shows as written


# -- the whole page in a real, offline Chromium -----------------------------------------------------------
class Hits(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Hits.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def trap() -> Iterator[list[str]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Hits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Hits.seen
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("inert"), seeded_dir, real_embedder, extra=[PLANTED])
    with running_app(services) as running:
        yield running


@pytest.mark.browser
@pytest.mark.slow
def test_planted_bank_record_fetches_nothing_in_the_chat(app: RunningApp, trap: list[str]) -> None:
    with browser_session() as browser:
        page = Page(browser, app.url)
        try:
            page.send(STORY_FI)
            page.send("onko tällaista jo tehty?")
            chat_box = page.page.locator("#chat")
            assert "Pikselimalli ![p](" in chat_box.inner_text()  # the planted record is in the answer…
            assert chat_box.locator("img").count() == 0  # …as text: no image, no link from data
            assert chat_box.locator(f"a[href*='{PORT}']").count() == 0
            assert page.page.locator(f"img[src*='{PORT}'], a[href*='{PORT}']").count() == 0
            page.page.wait_for_timeout(300)  # give a would-be image request the chance to leave
        finally:
            page.close()
    assert trap == []
    assert page.hosts <= {app.url.split("/")[2]}, page.hosts
