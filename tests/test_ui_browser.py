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
    running_app,
    seeded_services,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("ui-browser"), seeded_dir, real_embedder, extra=[XSS_MODEL])
    with running_app(services) as running:
        yield running


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
    bands = {"sama malli", "lähellä", "samaa aihetta", "kaukana"}
    assert matches.first.locator("[data-testid=band]").inner_text().split(" · ")[0] in bands
    assert "paikassa" in matches.first.locator("[data-testid=spread]").inner_text()
    # "Open card" shows the whole record in the detail panel; "Sulje" closes it
    first_id = matches.first.get_attribute("data-model")
    matches.first.locator(".ps-open").click()
    page.page.wait_for_selector(f"[data-testid=model-detail][data-model='{first_id}']")
    page.page.click("#detail-close")
    page.page.wait_for_selector("#detail-panel", state="hidden")
    # "Vertaa" puts the user's own description beside the match
    matches.first.locator(".ps-compare").click()
    comparison = page.page.locator(f"[data-testid=comparison][data-b='{first_id}']")
    comparison.wait_for()
    assert "Oma kuvauksesi" in comparison.inner_text()
    assert comparison.locator("[data-side=a]").count() >= 1


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


def test_card_edit_in_place_changes_exported_json(page: Page) -> None:
    page.send(STORY_FI)
    before = page.messages()
    editor = page.edit("target_groups")
    items = editor.locator(".ps-edit-item")
    assert "13" in items.first.input_value()  # the current value is prefilled
    for i in range(items.count() - 1, 0, -1):  # keep one item, remove the rest
        items.nth(i).locator("xpath=..").locator("button[data-act=remove]").click()
    items.first.fill("yläkoululaiset")
    editor.locator("button[data-act=add]").click()
    editor.locator(".ps-edit-item").last.fill("heidän vanhempansa")
    editor.locator("button[data-act=save]").click()
    page.wait_messages(before + 1)  # the correction is one more message in the chat
    assert page.card_attr("data-editing") == ""
    status, text = page.field("target_groups")
    assert status == "confirmed" and "heidän vanhempansa" in text
    assert page.last_bot_text().strip() == "Korjasit kohdan Kohderyhmä."
    record = json.loads(page.download("download-json"))
    assert record["target_groups"] == ["yläkoululaiset", "heidän vanhempansa"]
    # the stage is a localized choice; a bad address is refused next to the field, in Finnish
    editor = page.edit("stage")
    assert "valmis levitettäväksi" in editor.locator("select").inner_text()
    editor.locator("select").select_option(label="valmis levitettäväksi")
    editor.locator("button[data-act=save]").click()
    page.page.wait_for_function("() => document.querySelector('[data-testid=live-card]').dataset.editing === ''")
    assert page.field("stage")[1].strip() == "valmis levitettäväksi"
    editor = page.edit("source_url")
    editor.locator("textarea").fill("ftp://example.org/malli")
    editor.locator("button[data-act=save]").click()
    error = page.page.locator("[data-testid=live-card] section[data-field='source_url'] .ps-field-error[role=alert]")
    error.wait_for()
    assert error.inner_text() == "Osoitteen pitää alkaa http:// tai https://."
    assert editor.locator("textarea").input_value() == "ftp://example.org/malli"  # kept for fixing
    editor.locator("button[data-act=cancel]").click()
    page.page.wait_for_function("() => document.querySelector('[data-testid=live-card]').dataset.editing === ''")
    assert json.loads(page.download("download-json"))["stage"] == "ready"


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
    page.page.wait_for_selector("[data-testid=bank-count-line][data-total='1']")
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
    page.page.click("#search-filters .label-wrap")
    page.pick("filter-stage", "kehitteillä")
    page.page.fill("#search-query textarea, #search-query input", "nuorten hyvinvointi")
    page.page.click("#search-button")
    hits = page.page.locator("[data-testid=hit]")
    hits.first.wait_for()
    stages = [hits.nth(i).get_attribute("data-stage") for i in range(hits.count())]
    assert stages and set(stages) == {"developing"}, stages
    assert all(hits.nth(i).locator(".ps-why li").count() >= 1 for i in range(hits.count()))
    probabilities = [float(hits.nth(i).get_attribute("data-probability") or 0) for i in range(hits.count())]
    assert probabilities == sorted(probabilities, reverse=True)  # best first
    # "Tarkenna" adds words to the search on screen, on purpose
    page.page.fill("#search-query textarea, #search-query input", "koulu")
    page.page.click("#search-refine")
    page.page.wait_for_selector("[data-testid=search-context][data-refined=true]")
    assert page.page.locator("[data-testid=search-context] q").inner_text() == "nuorten hyvinvointi koulu"
    stages = [hits.nth(i).get_attribute("data-stage") for i in range(hits.count())]
    assert set(stages) <= {"developing"}


def test_each_search_is_new_and_says_when_nothing_is_close(page: Page) -> None:
    page.tab("search")
    page.page.fill("#search-query textarea, #search-query input", "nuoret työllisyys ohjaamo")
    page.page.click("#search-button")
    page.page.wait_for_selector("[data-testid=search-context] q:has-text('nuoret työllisyys ohjaamo')")
    unrelated = "ljudteknik för orgelkonserter i kyrkor"  # nothing in the bank is about this
    page.page.fill("#search-query textarea, #search-query input", unrelated)
    page.page.click("#search-button")
    context = page.page.locator("[data-testid=search-context]")
    expect(context.locator("q")).to_have_text(unrelated)  # not "A → B": the previous query is gone
    assert context.get_attribute("data-refined") == "false"
    page.page.wait_for_selector("[data-testid=search-count][data-close=none]")
    assert page.page.locator("[data-testid=no-close-match]").inner_text().startswith("Läheistä vastinetta ei löytynyt")
    bands = [page.page.locator("[data-testid=hit]").nth(i).get_attribute("data-band")
             for i in range(page.page.locator("[data-testid=hit]").count())]
    assert bands and "same" not in bands and "close" not in bands


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
    page.page.click("#search-filters .label-wrap")
    expect(page.page.locator("#filter-stage [data-testid=block-info]")).to_have_text("Stage")
    page.set_language("Svenska")
    expect(page.page.locator("#search-button")).to_have_text("Sök")
    expect(page.page.locator("#tab-describe-button")).to_have_text("Beskriv en modell")
    expect(page.page.locator("#tab-search-button")).to_have_text("Hitta lösningar")
