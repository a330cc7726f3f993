"""The web UI in a real (headless, offline) Chromium: one app and one browser for the whole module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from assistant.flow import load_prompts
from tests.ui_support import (
    ANSWERS_FI,
    STORY_FI,
    XSS_MESSAGE,
    XSS_MODEL,
    Page,
    RunningApp,
    browser_session,
    running_app,
    seeded_services,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("ui-browser"), seeded_dir, real_embedder, extra=[XSS_MODEL])
    with running_app(services) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with browser_session() as b:
        yield b


@pytest.fixture
def page(browser: Any, app: RunningApp) -> Iterator[Page]:
    p = Page(browser, app.url)
    yield p
    assert p.dialogs == [], f"a dialog fired: {p.dialogs}"
    assert p.hosts <= {app.url.split("/")[2]}, f"the page contacted other hosts: {p.hosts}"
    p.close()


def finish_interview(p: Page, answers: dict[str, str], max_turns: int = 30) -> None:
    """Answer whatever is asked until the interview says it is done ("kyllä" to offers and the summary)."""
    for _ in range(max_turns):
        if p.card_attr("data-done") == "true":
            return
        asking = p.card_attr("data-asking")
        p.send(answers.get(asking, "kyllä") if asking else "kyllä")
    raise AssertionError(f"interview not done after {max_turns} turns; last reply: {p.last_bot_text()}")


def test_opening_story_fills_card_and_finds_similar_models(page: Page) -> None:
    assert page.last_bot_text().strip(), "the assistant speaks first"
    page.send(STORY_FI)
    assert page.page.locator("#chat [data-testid=user]").last.inner_text().startswith("Oulussa")
    assert page.last_bot_text().strip()
    status, text = page.field("target_groups")
    assert status in ("partial", "confirmed") and "13–16" in text
    status, text = page.field("goals")
    assert status in ("partial", "confirmed") and "yksinäisyy" in text.lower()
    matches = page.page.locator("[data-testid=match]")
    assert matches.count() >= 1
    assert matches.first.locator(".ps-why").inner_text().strip() not in ("", "Miksi tämä:")
    # "Open card" shows the whole record in the sidebar
    first_id = matches.first.get_attribute("data-model")
    matches.first.locator(".ps-open").click()
    page.page.wait_for_selector(f"[data-testid=model-detail][data-model='{first_id}']")


def test_full_interview_summary_and_downloads(page: Page) -> None:
    page.send(STORY_FI)
    finish_interview(page, ANSWERS_FI)
    assert "Iltapäiväkaverit" in page.page.locator("#chat").inner_text()  # the summary lists the answers
    record = json.loads(page.download("download-json"))
    assert record["name"] == "Iltapäiväkaverit"
    assert record["stage"] == "developing"
    dumped = json.dumps(record, ensure_ascii=False).lower()
    for expected in ("kyselyllä", "koulutettu ohjaajapari", "oulun nuorisopalvelut", "13–16"):
        assert expected in dumped, (expected, record)
    markdown = page.download("download-md")
    assert markdown.startswith("---\n") and "# Iltapäiväkaverit" in markdown
    headings = ("## Perustiedot", "## Toimintamallin kuvaus", "### Kohderyhmä ja asiakasymmärrys",
                "## Kehittämisen polku", "### Tavoiteltu muutos", "### Muutoksen mittaaminen", "## Ydin")
    assert [markdown.index(h) for h in headings] == sorted(markdown.index(h) for h in headings)
    assert "kyselyllä" in markdown


def test_card_edit_changes_exported_json(page: Page) -> None:
    page.send(STORY_FI)
    page.page.click("#edit-box .label-wrap")
    page.pick("edit-field", "Kohderyhmä")
    page.page.wait_for_function(
        "() => document.querySelector('#edit-value textarea').value.includes('13')")  # prefilled
    page.page.fill("#edit-value textarea", "yläkoululaiset\nheidän vanhempansa")
    page.page.click("#edit-save")
    page.page.wait_for_selector("#chat-notes .ps-n-ok")
    status, text = page.field("target_groups")
    assert status == "confirmed" and "heidän vanhempansa" in text
    record = json.loads(page.download("download-json"))
    assert record["target_groups"] == ["yläkoululaiset", "heidän vanhempansa"]


def test_two_browsers_never_see_each_others_drafts(browser: Any, app: RunningApp) -> None:
    a, b = Page(browser, app.url), Page(browser, app.url)
    try:
        assert a.session_id() != b.session_id()
        want_a = a.type_message("Ikäihmiset ovat yksinäisiä kotona. Kohderyhmänä ovat kotihoidon asiakkaat "
                                "Kajaanissa. Tavoitteena on lisätä ikäihmisten sosiaalisia kontakteja.")
        want_b = b.type_message("Vankilasta vapautuvat jäävät ilman asuntoa. Kohderyhmänä ovat vapautuvat "
                                "vangit Turussa. Tavoitteena on, että jokaisella on asunto vapautuessa.")
        a.wait_messages(want_a)
        b.wait_messages(want_b)
        def own(p: Page) -> str:  # what the session itself shows: its chat and its card (not bank matches)
            return p.page.locator("#chat").inner_text() + p.page.locator("[data-testid=live-card]").inner_text()

        text_a, text_b = own(a), own(b)
        assert "Kajaani" in text_a and "Turu" not in text_a and "vangit" not in text_a
        assert "vangit" in text_b and "Kajaani" not in text_b and "kotihoidon" not in text_b
        rec_a, rec_b = json.loads(a.download("download-json")), json.loads(b.download("download-json"))
        assert "vangit" not in json.dumps(rec_a, ensure_ascii=False)
        assert "kotihoidon" not in json.dumps(rec_b, ensure_ascii=False)
        # a reload keeps the conversation; the ?session= link resumes it in the browser that owns it…
        a.page.reload(wait_until="domcontentloaded")
        a.page.wait_for_selector("#chat [data-testid=user]")
        assert "Kajaani" in a.page.locator("#chat").inner_text()
        b_id = b.session_id()
        b.open(f"{app.url}?session={b_id}")
        b.page.wait_for_selector("#chat [data-testid=user]")
        assert b.session_id() == b_id and "vangit" in b.page.locator("#chat").inner_text()
        # …but a fresh browser with the same link gets its own, new session and a notice
        c = Page(browser, f"{app.url}?session={b_id}")
        try:
            assert c.session_id() != b_id
            assert "vangit" not in c.page.locator("#chat").inner_text()
            c.page.wait_for_selector("#chat-notes .ps-n-warn")
        finally:
            c.close()
        assert a.dialogs == b.dialogs == []
    finally:
        a.close()
        b.close()


def test_html_in_messages_and_records_renders_as_text(page: Page) -> None:
    page.send(f"Kokeilen merkintöjä: {XSS_MESSAGE} ja <script>alert(4)</script>")
    chat = page.page.locator("#chat")
    assert XSS_MESSAGE in chat.inner_text()
    assert "<script>alert(4)</script>" in chat.inner_text()
    assert chat.locator("img[src=x], script").count() == 0
    # a bank record full of markup, in the bank list and in its full card
    page.tab("bank")
    page.page.fill("#bank-text textarea, #bank-text input", "Testimalli")
    item = page.page.locator("[data-testid=bank-item][data-model='xss-testimalli']")
    item.wait_for()
    assert "<script>alert('pankki')</script> Testimalli" in item.inner_text()
    assert "<img src=x onerror=alert(2)>" in item.inner_text()
    item.locator(".ps-open").click()
    detail = page.page.locator("[data-testid=model-detail][data-model='xss-testimalli']")
    detail.wait_for()
    assert "<a href=javascript:alert(3)>linkki</a>" in detail.inner_text()
    assert "nuoret <i>kursiivi</i>" in detail.inner_text()
    assert page.page.locator("#bank-list script, #detail script, #bank-list img, #detail img, #detail a[href^=javascript]"
                             ).count() == 0
    page.page.wait_for_timeout(300)  # give a would-be onerror handler the chance to fire
    assert page.dialogs == []


def test_search_stage_filter_returns_only_that_stage(page: Page) -> None:
    page.tab("search")
    page.pick("filter-stage", "kehitteillä")
    page.page.fill("#search-query textarea, #search-query input", "nuorten hyvinvointi")
    page.page.click("#search-button")
    hits = page.page.locator("[data-testid=hit]")
    hits.first.wait_for()
    stages = [hits.nth(i).get_attribute("data-stage") for i in range(hits.count())]
    assert stages and set(stages) == {"developing"}, stages
    assert all(hits.nth(i).locator(".ps-why li").count() >= 1 for i in range(hits.count()))
    # a follow-up refines: the first query stays as context
    page.page.fill("#search-query textarea, #search-query input", "koulu")
    page.page.click("#search-button")
    page.page.wait_for_function("() => document.querySelectorAll('[data-testid=search-context] q').length == 2")
    stages = [hits.nth(i).get_attribute("data-stage") for i in range(hits.count())]
    assert set(stages) <= {"developing"}


def test_language_switch_changes_labels_and_next_question(page: Page) -> None:
    asking = page.card_attr("data-asking")
    assert asking, "the first question asks for a field"
    before = page.messages()
    page.set_language("English")
    page.wait_messages(before + 1)  # the pending question is asked again, in English
    expect(page.page.locator("#tab-describe-button")).to_have_text("Describe a model")
    expect(page.page.locator("#chat-send")).to_have_text("Send")
    flow = load_prompts().flow
    reply = page.last_bot_text()
    assert any(q in reply for q in flow.questions[asking]["en"]), reply
    page.send("Young people in Oulu are lonely after school and have no safe adult to turn to.")
    nxt = page.card_attr("data-asking")
    if nxt:
        assert any(q in page.last_bot_text() for q in flow.questions[nxt]["en"]), page.last_bot_text()
    expect(page.page.locator("[data-testid=live-card] .ps-card-title")).to_have_text("Model card")
    page.tab("search")  # tabs render lazily; their labels were switched too
    expect(page.page.locator("#search-button")).to_have_text("Search")
    expect(page.page.locator("#filter-stage [data-testid=block-info]")).to_have_text("Stage")
    page.set_language("Svenska")
    expect(page.page.locator("#search-button")).to_have_text("Sök")
    expect(page.page.locator("#tab-describe-button")).to_have_text("Beskriv en modell")
    expect(page.page.locator("#tab-search-button")).to_have_text("Hitta lösningar")
