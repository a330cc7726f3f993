"""Fast checks of the UI's pure parts: escaping, rendering, labels, exports, the serve guard."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from assistant.interview_types import Draft, FieldStatus, Match, NextStep
from assistant.render import slugify
from assistant.schema import ModelDescription
from assistant.settings import Settings
from tests.ui_support import XSS_MODEL
from ui import chat
from ui.app import is_loopback, serve
from ui.card import CARD_FIELDS, edit_error, live_card, parse_edit
from ui.compare import comparison_html
from ui.exports import write_exports
from ui.render import about_html, bank_list, bank_stats, full_card, hit_cards, match_cards, steps_html
from ui.safe import esc, esc_md, safe_url
from ui.texts import LANGS, keys, tr, ui_file

RAW_TAG = re.compile(r"<\s*(script|img|a\s|iframe|svg|i>)", re.IGNORECASE)  # tags only data could add


def test_escaping_helpers() -> None:
    assert esc('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert esc(None) == ""
    md = esc_md("[klikkaa](javascript:alert(1)) **lihava** <b>x</b>")
    assert "<b>" not in md and "\\[" in md and "\\*\\*" in md and "&lt;b&gt;" in md
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url('https://example.org/?a="x"') == "https://example.org/?a=&quot;x&quot;"


def test_live_card_shows_every_field_with_badges_and_escapes() -> None:
    draft = Draft(name="<script>alert(1)</script>", target_groups=["<img src=x onerror=alert(2)>"],
                  core=["ydin 1"], adaptable=["sovellettava 1"], stage="developing")  # type: ignore[arg-type]
    status = {"name": FieldStatus.confirmed, "target_groups": FieldStatus.partial,
              "core": FieldStatus.confirmed, "adaptable": FieldStatus.skipped}
    html = live_card(draft, status, "fi", asking="goals", messages=3)
    assert not RAW_TAG.search(html.replace("<section", "").replace("<span", ""))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for field in CARD_FIELDS:
        assert f'data-field="{field}"' in html
    assert 'data-field="target_groups" data-status="partial"' in html
    assert 'data-field="adaptable" data-status="skipped"' in html
    assert "ps-core" in html and "ps-adaptable" in html and "ps-asking" in html
    assert 'data-asking="goals"' in html and 'data-messages="3"' in html
    assert "kehitteillä" in html  # stage shown in the reader's language
    assert "Kohderyhmä" in html and "Target groups" in live_card(draft, status, "en")
    assert html.count('data-act="edit"') == len(CARD_FIELDS)  # every field has its edit button
    assert 'aria-label="Muokkaa kohtaa Kohderyhmä"' in html


def test_card_editor_prefills_the_value_and_shows_errors_in_the_ui_language() -> None:
    draft = Draft(target_groups=["nuoret <b>", "vanhemmat"], stage="developing",  # type: ignore[arg-type]
                  source_url="https://example.org/x")
    lists = live_card(draft, {}, "fi", editing="target_groups")
    assert 'data-editing="target_groups"' in lists and lists.count('class="ps-edit-input ps-edit-item"') == 2
    assert 'value="nuoret &lt;b&gt;"' in lists and 'value="vanhemmat"' in lists  # escaped, prefilled
    assert "Lisää kohta" in lists and 'aria-label="Poista kohta 2"' in lists
    stage = live_card(draft, {}, "sv", editing="stage")
    assert '<option value="developing" selected>under utveckling</option>' in stage
    assert '<option value="ready">färdig att sprida</option>' in stage  # localized choices, canonical values
    text = live_card(draft, {}, "en", editing="source_url", edit_value="ftp://x", error="Bad <url>")
    assert ">ftp://x</textarea>" in text and 'role="alert">Bad &lt;url&gt;</div>' in text
    assert 'data-field="source_url"' in text and text.count('data-act="edit"') == len(CARD_FIELDS) - 1
    from pydantic import ValidationError

    from assistant.schema import ModelDescription

    try:
        ModelDescription(id="x", name="x", source_url="ftp://x")
    except ValidationError as exc:
        assert edit_error(exc, "source_url", "fi") == "Osoitteen pitää alkaa http:// tai https://."
        assert edit_error(exc, "source_url", "sv").startswith("Adressen ska börja")
    else:
        raise AssertionError("an ftp URL was accepted")
    assert "Kohderyhmä" in edit_error(ValueError("x"), "target_groups", "fi")


def test_full_card_and_lists_escape_bank_records() -> None:
    for html in (full_card(XSS_MODEL, "fi"), bank_list([XSS_MODEL], 1, "sv"), bank_stats([XSS_MODEL], "en")):
        assert not RAW_TAG.search(html), html
        assert "javascript:" not in html.replace("&lt;a href=javascript:alert(3)&gt;", "")
    assert "&lt;script&gt;alert(&#x27;pankki&#x27;)&lt;/script&gt; Testimalli" in full_card(XSS_MODEL, "fi")
    assert "&lt;b&gt;teema&lt;/b&gt;" in bank_stats([XSS_MODEL], "en")
    linked = full_card(ModelDescription(id="x", name="X", source_url="https://example.org/a"), "fi")
    assert 'href="https://example.org/a"' in linked and 'rel="noopener noreferrer"' in linked
    assert "ei löytynyt" in full_card(None, "fi")


def test_matches_and_steps_render_reasons_and_open_buttons() -> None:
    m = Match(id="a-b", name="<i>Malli</i>", stage="ready", organisation="Org", regions=["Oulu"],  # type: ignore[arg-type]
              score=0.9, similarity=0.87, probability=0.81, band="close", implementations=2,
              why="Sama kohderyhmä: <i>nuoret</i>")
    html = match_cards([m], "fi")
    assert 'data-model="a-b"' in html and "lähellä · 81&nbsp;%" in html and "&lt;i&gt;nuoret&lt;/i&gt;" in html
    assert "käytössä 3 paikassa" in html  # the owner plus two implementations
    assert 'data-act="open" data-model="a-b"' in html and 'data-act="compare" data-model="a-b"' in html
    assert not RAW_TAG.search(html)
    assert "Kerro lisää" in match_cards([], "fi")
    step = NextStep(kind="adopt", model_id="a-b", model_name="Malli", text="Ota käyttöön: Malli on valmis.",
                    reason="Samankaltaisuus 0.87")
    shtml = steps_html([step], "fi")
    assert '<span class="ps-kind">Ota käyttöön</span>' in shtml and "Malli on valmis." in shtml
    assert "Ota käyttöön: Malli" not in shtml


def test_about_panel() -> None:
    ok = about_html(None, 64, "embedded", "abc123", "fi")
    assert "64 mallia" in ok and "toimii ilman verkkoa" in ok and 'data-testid="session-id">abc123<' in ok
    assert 'href="?view=api"' in ok and 'href="?session=abc123"' in ok
    down = about_html("llama3", None, "http://127.0.0.1:9", "<x>", "en")
    assert "llama3" in down and "http://127.0.0.1:9" in down and "&lt;x&gt;" in down and "<x>" not in down


def test_search_hits_show_band_probability_spread_and_draft_status() -> None:
    from assistant.matcher import Scored

    m = XSS_MODEL.model_copy(update={"implementations": []})
    hit = Scored(model=m, probability=0.42, band="topic", similarity=0.9, reasons=["<b>sama</b> aihe"])
    html = hit_cards([hit], "sv", drafts=frozenset({m.id}))
    assert 'data-band="topic"' in html and "samma ämne · 42&nbsp;%" in html and "i bruk på 1 plats" in html
    assert 'data-testid="pub-status">utkast<' in html and "&lt;b&gt;sama&lt;/b&gt; aihe" in html
    assert not RAW_TAG.search(html)
    listing = bank_list([m], 70, "fi", drafts=frozenset())
    assert 'data-status="published"' in listing and 'data-shown="1" data-total="70"' in listing


def test_comparison_side_by_side_is_escaped() -> None:
    from assistant.compare import Aspect, Comparison

    a = ModelDescription(id="a", name="<i>A</i>", stage="ready")  # type: ignore[arg-type]
    b = ModelDescription(id="b", name="B", stage="idea")  # type: ignore[arg-type]
    c = Comparison(a, b, 0.57, [Aspect("core", shared=[("ryhmä <x>", "ryhmät")], only_a=["vain A"],
                                       only_b=["vain B"]), Aspect("goals")], same_stage=False)
    html = comparison_html(c, "fi")
    assert "57 %" in html and "&lt;i&gt;A&lt;/i&gt;" in html and "ryhmä &lt;x&gt;" in html
    a_col = html.split('data-side="a">')[1].split("</div>")[0]
    b_col = html.split('data-side="b">')[1].split("</div>")[0]
    assert "vain A" in a_col and "vain B" not in a_col and "vain B" in b_col and "ryhmät" in b_col
    assert 'data-field="goals"' not in html  # an aspect neither has is left out
    assert not RAW_TAG.search(html)


def test_every_ui_label_has_all_languages_and_same_placeholders() -> None:
    data = yaml.safe_load(ui_file().read_text(encoding="utf-8"))
    for key in keys():
        texts = data[key]
        assert set(texts) == set(LANGS), key
        fields = {lang: set(re.findall(r"{(\w+)}", str(texts[lang]))) for lang in LANGS}
        assert fields["fi"] == fields["sv"] == fields["en"], key
    assert tr("tab.describe", "fi") == "Kuvaa malli" and tr("tab.describe", "xx") == "Kuvaa malli"
    assert tr("session.busy", "sv").startswith("Det föregående")  # the session texts live in ui.yaml too
    assert tr("no.such.key", "en") == "no.such.key"


def test_user_messages_are_literal() -> None:
    assert chat.user_message("<b>x</b> *y*\nz")["content"] == "&lt;b&gt;x&lt;/b&gt; *y*<br>z"
    assert not hasattr(chat, "STREAM_DELAY")  # no artificial typing delay


def test_edit_values_and_exports() -> None:
    assert parse_edit("target_groups", "- nuoret\n\n• vanhemmat \n") == ["nuoret", "vanhemmat"]
    assert parse_edit("target_groups", [" nuoret ", "", "vanhemmat"]) == ["nuoret", "vanhemmat"]
    assert parse_edit("summary", "  teksti\nrivi  ") == "teksti\nrivi"
    assert slugify("Iltapäiväkaverit – Oulu!") == "iltapaivakaverit-oulu" and slugify(None) == "malli"
    md, js = write_exports("abc/../x", "Nimi <a>", "# Nimi\n", {"name": "Nimi <a>"})
    assert Path(md).name == "nimi-a.md" and Path(md).parent == Path(js).parent
    assert json.loads(Path(js).read_text(encoding="utf-8")) == {"name": "Nimi <a>"}
    md2, _ = write_exports("abc/../x", "Uusi nimi", "# Uusi\n", {})
    assert not Path(md).exists() and Path(md2).exists()  # a session's previous export is removed


def test_serve_refuses_open_address_without_login(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert serve(settings, host="0.0.0.0", port=9) == 2  # noqa: S104
    err = capsys.readouterr().err
    assert "PARASTELU_AUTH_USER" in err and "0.0.0.0" in err
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")  # noqa: S104


def test_llm_banner_when_the_configured_endpoint_is_down() -> None:
    from tests.conftest import free_port
    from ui.backend import llm_label, llm_problem

    assert llm_label(Settings(data_dir=Path("x"))) is None
    down = Settings(data_dir=Path("x"), llm_model="m", llm_base_url=f"http://127.0.0.1:{free_port()}/v1")
    assert llm_label(down) == "m"
    text = llm_problem(down, "fi")
    assert text is not None and "ei vastaa" in text and "127.0.0.1" in text
