"""UI labels in fi/sv/en from ``prompts/ui.yaml`` (a tiny loader; Finnish is the fallback)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.i18n import DEFAULT_PROMPTS, t

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


def tr(key: str, lang: str = "fi", **fmt: Any) -> str:
    """The label ``key`` in ``lang`` (falls back to Finnish, then to the key itself)."""
    texts = _load(str(ui_file())).get(key, {})
    text = texts.get(norm_lang(lang)) or texts.get("fi") or key
    return text.format(**fmt) if fmt else text


def keys() -> list[str]:
    """Every label key (used by the completeness test)."""
    return list(_load(str(ui_file())))


def stage_label(stage: Any, lang: str) -> str:
    """A stage (enum or value) in the reader's language ("valmis levitettäväksi"), "" for none."""
    value = getattr(stage, "value", stage)
    return t(f"stage.{value}", norm_lang(lang)) if value else ""


def all_texts(lang: str) -> set[str]:
    """Every label of ``lang`` as shown (placeholders cut off): for the one-language browser test."""
    out: set[str] = set()
    for texts in _load(str(ui_file())).values():
        value = texts.get(lang, "")
        out.update(part.strip() for part in re.split(r"\{\w+\}", value) if part.strip())
    return out
