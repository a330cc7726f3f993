"""Accessibility as a tested property, in a real (headless, offline) Chromium:

- axe-core (npm, injected by Playwright) on every tab × fi/sv/en × desktop and a 390×844 phone: no serious or
  critical violation; and our own contrast check: every visible text at least 4.5:1 (WCAG 2.2 AA);
- a keyboard-only interview: tab order, Enter sends, visible focus, the card edited without a mouse;
- the phone layout: no horizontal scroll, chat first, the card one tap away, a compact header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui_support import (
    PHONE,
    STORY_FI,
    Page,
    RunningApp,
    axe_source,
    running_app,
    seeded_services,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every element with its own visible text: colour against the first opaque background behind it.
CONTRAST_JS = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const bgOf = (el) => { let layers = [];
    for (let e = el; e; e = e.parentElement) { const b = parse(getComputedStyle(e).backgroundColor);
      if (b && b[3] > 0) { layers.push(b); if (b[3] >= 1) break; } }
    let out = [255, 255, 255];
    for (const l of layers.reverse()) out = out.map((v, i) => l[i] * l[3] + v * (1 - l[3]));
    return out; };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const st = getComputedStyle(el); const r = el.getBoundingClientRect();
    if (st.visibility === 'hidden' || st.display === 'none' || r.width === 0 || r.height === 0) continue;
    if (el.closest('[aria-hidden=true], [disabled], .hide, [hidden]')) continue;
    if (el.checkVisibility && !el.checkVisibility({opacityProperty: true})) continue;
    const fg = parse(st.color); if (!fg) continue;
    const bg = bgOf(el);
    const f = [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const a = lum(f), b = lum(bg); const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 40)}"`);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("ui-a11y"), seeded_dir, real_embedder)
    with running_app(services) as running:
        yield running


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


def run_axe(page: Any, axe: str) -> list[str]:
    """Serious and critical axe violations on the page as it is now (one line per rule)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe)
    found = page.evaluate("""async (tags) => {
      const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
    }""", AXE_TAGS)
    return list(found)


def fill_tabs(p: Page) -> None:
    """Content on every tab: an interview with matches, a search with results, the bank list."""
    p.send(STORY_FI)
    p.page.wait_for_selector("[data-testid=match]")
    p.tab("search")
    p.page.fill("#search-query textarea, #search-query input", "nuorten yksinäisyys")
    p.page.click("#search-button")
    p.page.wait_for_selector("[data-testid=hit]")
    p.tab("bank")
    p.page.wait_for_selector("[data-testid=bank-item]")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_and_contrast_on_every_tab_in_every_language(browser: Any, app: RunningApp, axe: str,
                                                         viewport: str) -> None:
    p = Page(browser, app.url, viewport=PHONE if viewport == "phone" else None)
    try:
        fill_tabs(p)
        checked = 0
        for lang, label in (("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")):
            if lang != "fi":
                p.tab("describe")
                p.set_language(label)
                p.page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
                tab_name = {"sv": "Beskriv en modell", "en": "Describe a model"}[lang]
                p.page.wait_for_selector(f"#tab-describe-button:has-text('{tab_name}')")
            for tab in ("describe", "search", "bank"):
                p.tab(tab)
                p.page.wait_for_timeout(300)
                violations = run_axe(p.page, axe)
                assert violations == [], (viewport, lang, tab, violations)
                low = p.page.evaluate(CONTRAST_JS)
                assert low == [], (viewport, lang, tab, low[:10])
                checked += 1
        assert checked == 9
        # the states in between: a card field being edited, and the detail panel with a comparison
        p.tab("describe")
        p.edit("target_groups")
        assert run_axe(p.page, axe) == []
        p.page.locator("[data-testid=match] .ps-compare").first.click()
        p.page.wait_for_selector("[data-testid=comparison]")
        assert run_axe(p.page, axe) == []
        assert p.page.evaluate(CONTRAST_JS) == []
        assert p.errors == []
    finally:
        p.close()


def focused(p: Page) -> str:
    """A short description of the focused element (id of its Gradio block, or its data attributes)."""
    return str(p.page.evaluate("""() => { const e = document.activeElement; if (!e) return '';
      const block = e.closest('[id]'); return [e.tagName, e.dataset.act || '', e.dataset.field || '',
      block ? block.id : ''].join(' '); }"""))


def focus_ring(p: Page) -> bool:
    """The focused element draws a visible outline (at least 2 px, not 'none')."""
    return bool(p.page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"""))


def test_keyboard_only_interview(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        box = p.page.locator("#chat-input textarea")
        box.focus()
        before = p.messages()
        p.page.keyboard.type("Oulussa nuoret ovat yksinäisiä koulun jälkeen. Kohderyhmänä ovat 13–16-vuotiaat.")
        p.page.keyboard.press("Enter")  # Enter sends
        p.wait_messages(before + 2)
        assert box.input_value() == ""
        box.focus()
        p.page.keyboard.press("Tab")
        assert focused(p).startswith("BUTTON") and "chat-send" in focused(p)  # input → send
        assert focus_ring(p)
        order = []
        for _ in range(40):  # onwards: the card's edit buttons come in the card's reading order
            p.page.keyboard.press("Tab")
            order.append(focused(p))
            if "edit name" in order[-1]:
                break
        assert any("edit name" in f for f in order), order
        assert focus_ring(p)
        # the card without a mouse: Enter opens the field, the value is typed, Ctrl+Enter saves
        before = p.messages()
        p.page.keyboard.press("Enter")
        p.page.wait_for_selector("[data-testid=live-card] .ps-editor[data-editing=name] textarea:focus")
        assert focus_ring(p)
        p.page.keyboard.type("Iltapäiväkaverit")
        p.page.keyboard.press("Control+Enter")
        p.wait_messages(before + 1)
        assert p.field("name")[1].strip() == "Iltapäiväkaverit"
        p.page.wait_for_function("() => document.activeElement && document.activeElement.dataset.field === 'name'")
        # Escape leaves an editor without saving
        p.page.keyboard.press("Enter")
        p.page.wait_for_selector(".ps-editor[data-editing=name] textarea:focus")
        p.page.keyboard.type(" ja muuta")
        p.page.keyboard.press("Escape")
        p.page.wait_for_function("() => document.querySelector('[data-testid=live-card]').dataset.editing === ''")
        assert p.field("name")[1].strip() == "Iltapäiväkaverit"
        # list fields: items are reached and added with the keyboard too
        p.page.keyboard.press("Tab")
        for _ in range(40):
            if "edit goals" in focused(p):
                break
            p.page.keyboard.press("Tab")
        assert "edit goals" in focused(p)
        before = p.messages()
        p.page.keyboard.press("Enter")
        p.page.wait_for_selector(".ps-editor[data-editing=goals] .ps-edit-item:focus")
        p.page.keyboard.press("Shift+Tab")  # back to the heading's neighbours is fine; go forward to "add"
        for _ in range(10):
            p.page.keyboard.press("Tab")
            if "add" in focused(p):
                break
        assert "add" in focused(p)
        p.page.keyboard.press("Enter")
        p.page.keyboard.type("Kaverisuhteet lisääntyvät")
        p.page.keyboard.press("Enter")  # Enter in an item saves
        p.wait_messages(before + 1)
        assert "Kaverisuhteet lisääntyvät" in p.field("goals")[1]
        assert p.errors == []
    finally:
        p.close()


def test_phone_layout(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url, viewport=PHONE)
    try:
        chat_top = p.page.locator("#chat").bounding_box()
        card_box = p.page.locator("#live-card").bounding_box()
        assert chat_top is not None and card_box is not None
        assert chat_top["y"] < 180, chat_top  # a compact header: the chat starts near the top
        assert card_box["y"] > chat_top["y"]  # chat first
        assert p.no_horizontal_scroll()
        p.send(STORY_FI)
        jump = p.page.locator("[data-testid=card-jump]")
        assert jump.is_visible() and "/21" in jump.inner_text()
        jump.click()  # one tap to the card
        p.page.wait_for_function("() => { const r = document.querySelector('#live-card').getBoundingClientRect();"
                                 " return r.top >= -2 && r.top < window.innerHeight / 2; }")
        for tab in ("search", "bank", "describe"):
            p.tab(tab)
            p.page.wait_for_timeout(300)
            assert p.no_horizontal_scroll(), tab
        p.page.locator("[data-testid=match] .ps-open").first.click()
        panel = p.page.locator("#detail-panel").bounding_box()
        assert panel is not None and panel["width"] <= PHONE["width"] and p.no_horizontal_scroll()
        assert p.errors == []
    finally:
        p.close()


def test_desktop_hides_the_phone_jump_link(browser: Any, app: RunningApp) -> None:
    p = Page(browser, app.url)
    try:
        assert not p.page.locator("[data-testid=card-jump]").is_visible()
        chat, card = p.page.locator("#chat").bounding_box(), p.page.locator("#live-card").bounding_box()
        assert chat is not None and card is not None and card["x"] > chat["x"]  # side by side
    finally:
        p.close()
