"""One language everywhere, own drafts, "start over" that asks first, and the bank's paging and live
filters, in a real (headless, offline) Chromium."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.flow import load_prompts
from assistant.i18n import t
from tests.ui_support import ANSWERS_FI, STORY_FI, Page, RunningApp, running_app, seeded_services
from ui.texts import LANGS, tr, ui_file

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LABELS = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

# Every text node and every label a screen reader gets (aria-label, placeholder, title) that is visible,
# outside the conversation (which keeps earlier messages in the language they were written in) and the
# language picker (each language is named in itself: Suomi, Svenska, English).
SHOWN_JS = """() => {
  const out = [];
  const visible = (e) => e.checkVisibility ? e.checkVisibility({visibilityProperty: true}) : true;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent.trim(); const e = n.parentElement;
    if (!t || !e || e.closest('#chat, #lang, script, style') || !visible(e)) continue;
    out.push(t);
  }
  for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (e.closest('#chat, #lang') || !visible(e)) continue;
    for (const a of ['aria-label', 'placeholder', 'title']) { const v = e.getAttribute(a); if (v) out.push(v.trim()); }
  }
  return out;
}"""


def patterns(lang: str) -> list[re.Pattern[str]]:
    """Each label of ``lang`` in prompts/ui.yaml that differs from the same label in the other languages,
    as a whole-text pattern (placeholders match anything)."""
    data = yaml.safe_load(ui_file().read_text(encoding="utf-8"))
    out = []
    for texts in data.values():
        own = str(texts[lang])
        if any(str(texts[other]) == own for other in LANGS if other != lang) or len(own) < 4:
            continue
        parts = re.split(r"\{\w+\}", own)
        out.append(re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL))
    return out


def foreign(p: Page, lang: str) -> list[str]:
    """Visible UI strings that belong to another language's labels."""
    shown = list(p.page.evaluate(SHOWN_JS))
    found = []
    for other in LANGS:
        if other == lang:
            continue
        for pattern in patterns(other):
            found += [f"{other}: {text}" for text in shown if pattern.fullmatch(text)]
    return found


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("ui-lang"), seeded_dir, real_embedder)
    with running_app(services) as running:
        yield running


def settled_foreign(p: Page, lang: str, timeout_s: float = 10.0) -> list[str]:
    """``foreign`` once the page has settled: a switch updates some outputs (download labels) in a later
    event, so wait up to ``timeout_s`` for other-language strings to go; whatever stays is a failure."""
    deadline = time.monotonic() + timeout_s
    found = foreign(p, lang)
    while found and time.monotonic() < deadline:
        p.page.wait_for_timeout(250)
        found = foreign(p, lang)
    return found


def switch(p: Page, lang: str) -> None:
    before = p.messages()
    p.set_language(LABELS[lang])
    p.wait_messages(before + 1)  # the pending question (or the summary) again, in the new language
    p.page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")


STORY_SV = ("Hos oss i Vasa faller många unga under 30 mellan stolarna: de som varken studerar eller jobbar får "
            "skicka sig själva mellan socialbyrån, arbetskraftsbyrån och FPA. Vi vill samla alla under samma tak.")


def test_a_turn_in_another_language_relabels_the_page_each_time(browser: Any, app: RunningApp) -> None:
    """The engine follows a person who writes Swedish on a Finnish page; the page's labels follow in an event
    of their own, also a second time after the person picked Finnish again in between."""
    p = Page(browser, app.url)
    try:
        assert settled_foreign(p, "fi") == []
        p.send(STORY_SV)
        p.page.wait_for_function("() => document.documentElement.lang === 'sv'")
        assert settled_foreign(p, "sv") == []
        assert p.page.locator("#chat-send").inner_text().strip() == tr("chat.send", "sv")
        switch(p, "fi")
        assert settled_foreign(p, "fi") == []
        p.send("Personalen kommer från socialbyrån, arbetskraftsbyrån och FPA och jobbar i samma rum varje dag.")
        p.page.wait_for_function("() => document.documentElement.lang === 'sv'")
        assert settled_foreign(p, "sv") == []
        assert p.errors == []
    finally:
        p.close()


def test_switches_leave_no_other_language_on_screen(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        p.send(STORY_FI)
        p.tab("search")
        p.page.fill("#search-query textarea, #search-query input", "nuorten yksinäisyys")
        p.page.click("#search-button")
        p.page.wait_for_selector("[data-testid=hit]")
        p.tab("describe")
        p.page.locator("[data-testid=match] .ps-open").first.click()  # the detail panel follows too
        p.page.wait_for_selector("[data-testid=model-detail]")
        p.page.click("#detail-close")
        p.page.locator("[data-testid=match] .ps-open").first.click()
        p.page.wait_for_selector("[data-testid=model-detail]")
        flow = load_prompts().flow
        for lang in ("sv", "en", "fi"):
            switch(p, lang)
            for tab in ("describe", "search", "bank"):
                p.tab(tab)
                p.page.wait_for_timeout(200)
                leftover = settled_foreign(p, lang)
                assert leftover == [], (lang, tab, leftover[:8])
            p.tab("describe")
            asking = p.card_attr("data-asking")
            if asking:
                assert any(q in p.last_bot_text() for q in flow.questions[asking][lang]), (lang, p.last_bot_text())
            steps = p.page.locator("[data-testid=step] .ps-kind").all_inner_texts()
            kinds = {t(f"step.{k}", lang).split(":")[0] for k in ("adopt", "co-develop", "learn", "implement",
                                                                  "compare")} | {tr("steps.new", lang)}
            assert steps, "next steps are shown"
            assert set(steps) <= kinds, (lang, steps)
            bands = p.page.locator("[data-testid=match] [data-testid=band]").all_inner_texts()
            words = {"fi": ("sama malli", "lähellä", "samaa aihetta", "kaukana"),
                     "sv": ("samma modell", "nära", "samma ämne", "långt ifrån"),
                     "en": ("same model", "close", "same topic", "not close")}[lang]
            assert bands and all(b.split(" · ")[0] in words for b in bands), (lang, bands)
        # each notice is its own message: the switch reply is a bubble of its own
        bubbles = p.page.locator("#chat [data-testid=bot]")
        assert bubbles.count() >= 4
        assert p.errors == []
    finally:
        p.close()


def test_full_finnish_interview_then_sv_and_en(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        p.send(STORY_FI)
        for _ in range(30):
            if p.card_attr("data-done") == "true":
                break
            asking = p.card_attr("data-asking")
            p.send(ANSWERS_FI.get(asking, "kyllä") if asking else "kyllä")
        assert p.card_attr("data-done") == "true"
        assert settled_foreign(p, "fi") == []
        for lang in ("sv", "en"):
            switch(p, lang)
            leftover = settled_foreign(p, lang)
            assert leftover == [], leftover[:8]
            stage = p.field("stage")[1].strip()
            assert stage == {"sv": "under utveckling", "en": "developing"}[lang]  # values follow too
        record = json.loads(p.download("download-json"))
        assert record["name"] == "Iltapäiväkaverit"
        assert p.errors == []
    finally:
        p.close()


def test_own_drafts_resume_and_delete_and_start_over_asks_first(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        p.send(STORY_FI)
        editor = p.edit("name")
        editor.locator("textarea").fill("Ensimmäinen luonnos")
        editor.locator("button[data-act=save]").click()
        p.page.wait_for_function("() => document.querySelector('[data-testid=live-card]').dataset.editing === ''")
        first = p.session_id()
        p.page.click("#restart")
        p.page.wait_for_selector("#restart-confirm", state="visible")  # it asks first
        p.page.click("#restart-no")
        p.page.wait_for_selector("#restart-confirm", state="hidden")
        assert p.session_id() == first and "Oulussa" in p.page.locator("#chat").inner_text()
        p.page.click("#restart")
        p.page.click("#restart-yes")
        p.page.wait_for_function(f"() => new URL(location.href).searchParams.get('session') !== '{first}'")
        second = p.session_id()
        assert "Oulussa" not in p.page.locator("#chat").inner_text()
        p.page.click("#drafts-box .label-wrap")
        row = p.page.locator(f"[data-testid=draft][data-session='{first}']")
        row.wait_for()
        assert "Ensimmäinen luonnos" in row.inner_text() and "/21" in row.inner_text()
        assert p.page.locator(f"[data-testid=draft][data-session='{second}']").inner_text().count("auki nyt") == 1
        row.locator("button[data-act=resume]").click()
        p.page.wait_for_function(f"() => new URL(location.href).searchParams.get('session') === '{first}'")
        assert "Oulussa" in p.page.locator("#chat").inner_text()
        # delete the other one (asked first); it is gone from the list and cannot be opened again
        other = p.page.locator(f"[data-testid=draft][data-session='{second}']")
        other.locator("button[data-act=delete]").click()
        other.locator("button[data-act=delete-yes]").click()
        p.page.wait_for_selector(f"[data-testid=draft][data-session='{second}']", state="detached")
        assert app.services.settings.data_dir.exists()
        q = Page(browser, f"{app.url}?session={second}")
        try:
            assert q.session_id() != second
        finally:
            q.close()
        assert p.errors == []
    finally:
        p.close()


def test_bank_pages_filters_live_and_marks_published_drafts(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        p.tab("bank")
        count = p.page.locator("[data-testid=bank-count-line]")
        count.wait_for()
        total = int(count.get_attribute("data-total") or 0)
        assert total >= 64 and count.get_attribute("data-shown") == "24"
        seen = 24
        while p.page.locator("#bank-more").is_visible():  # every model can be reached by browsing
            p.page.click("#bank-more")
            seen = min(seen + 24, total)
            p.page.wait_for_selector(f"[data-testid=bank-count-line][data-shown='{seen}']")
        assert p.page.locator("[data-testid=bank-item]").count() == total
        text = p.page.locator("#bank-text textarea, #bank-text input")
        text.fill("ohjaamo")
        p.page.wait_for_function("() => Number(document.querySelector('[data-testid=bank-count-line]')"
                                 f".dataset.total) < {total}")
        assert p.page.locator("[data-testid=bank-item][data-model=ohjaamo]").count() == 1
        text.fill("")  # clearing the filter shows everything again, without "Päivitä"
        p.page.wait_for_selector(f"[data-testid=bank-count-line][data-total='{total}']")
        # publish a draft: it shows in the bank marked as a draft
        p.tab("describe")
        p.send(STORY_FI)
        for field, value in (("name", "Luonnosmalli Oulu"), ("core", "Viikoittainen pienryhmä")):
            editor = p.edit(field)
            editor.locator(".ps-edit-input").first.fill(value)
            editor.locator("button[data-act=save]").click()
            p.page.wait_for_function("() => document.querySelector('[data-testid=live-card]').dataset.editing === ''")
        p.page.click("#publish")
        p.page.click("#publish-yes")
        p.page.wait_for_selector("#chat-notes .ps-n-ok")
        p.tab("bank")
        text.fill("Luonnosmalli")
        item = p.page.locator("[data-testid=bank-item][data-status=draft]")
        item.wait_for()
        assert "luonnos" in item.locator("[data-testid=pub-status]").inner_text()
        assert p.errors == []
    finally:
        p.close()
