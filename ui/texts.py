"""UI labels in fi/sv/en from ``prompts/ui.yaml`` (a tiny loader; Finnish is the fallback)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.i18n import DEFAULT_PROMPTS

LANGS: tuple[str, ...] = ("fi", "sv", "en")
LANG_CHOICES: list[tuple[str, str]] = [("Suomi", "fi"), ("Svenska", "sv"), ("English", "en")]


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {str(k): {str(lk): str(lv) for lk, lv in v.items()} for k, v in data.items()}


def ui_file(prompts_dir: Path | None = None) -> Path:
    """The labels file: ``<prompts_dir>/ui.yaml`` when it exists there, else the shipped one."""
    if prompts_dir and (prompts_dir / "ui.yaml").exists():
        return prompts_dir / "ui.yaml"
    return DEFAULT_PROMPTS / "ui.yaml"


def norm_lang(lang: str | None) -> str:
    """One of fi/sv/en; anything else falls back to Finnish."""
    return lang if lang in LANGS else "fi"


# Labels added with the session-safety work; ``prompts/ui.yaml`` wins when it holds the same key.
EXTRA: dict[str, dict[str, str]] = {
    "session.not_yours": {
        "fi": "Tämä keskustelu kuuluu toiselle selaimelle, joten sitä ei avattu. Avaa linkki selaimessa, jossa "
              "aloitit keskustelun. Tässä on uusi keskustelu.",
        "sv": "Det här samtalet hör till en annan webbläsare och öppnades inte. Öppna länken i webbläsaren där du "
              "började samtalet. Här är ett nytt samtal.",
        "en": "This conversation belongs to another browser, so it was not opened. Open the link in the browser "
              "where you started it. Here is a new conversation."},
    "session.refused": {
        "fi": "Tätä keskustelua ei voi käyttää tästä selaimesta.",
        "sv": "Det här samtalet kan inte användas från den här webbläsaren.",
        "en": "This conversation cannot be used from this browser."},
    "session.busy": {
        "fi": "Edellistä viestiä käsitellään vielä. Viestisi on tallessa kirjoituskentässä; lähetä se hetken "
              "kuluttua uudelleen.",
        "sv": "Det föregående meddelandet behandlas fortfarande. Ditt meddelande finns kvar i textfältet; skicka "
              "det igen om en stund.",
        "en": "The previous message is still being handled. Your message is still in the text box; send it "
              "again in a moment."},
    "session.conflict": {
        "fi": "Keskustelua muutettiin samaan aikaan toisessa ikkunassa. Näytän nyt tallennetun version; lähetä "
              "viestisi uudelleen.",
        "sv": "Samtalet ändrades samtidigt i ett annat fönster. Nu visas den sparade versionen; skicka ditt "
              "meddelande igen.",
        "en": "The conversation was changed in another window at the same time. The saved version is shown "
              "now; please send your message again."},
}


def tr(key: str, lang: str = "fi", **fmt: Any) -> str:
    """The label ``key`` in ``lang`` (falls back to Finnish, then to the key itself)."""
    texts = _load(str(ui_file())).get(key) or EXTRA.get(key, {})
    text = texts.get(norm_lang(lang)) or texts.get("fi") or key
    return text.format(**fmt) if fmt else text


def keys() -> list[str]:
    """Every label key (used by the completeness test)."""
    return list(_load(str(ui_file())))
