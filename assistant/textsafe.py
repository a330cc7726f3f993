"""Data inside the engine's own Markdown replies stays text: bank names and quoted user values cannot
become images, links, HTML or emphasis in any renderer (chat UI, exports, terminals that render Markdown)."""

from __future__ import annotations

import re

_MD = re.compile(r"([\\`*_\[\]<>!#|~])")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|file|javascript|data):")


def md(value: object) -> str:
    """Escape Markdown and HTML syntax in a value quoted inside a Markdown reply."""
    text = "" if value is None else str(value)
    text = _MD.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: m.group(1) + "\u200b:", text)  # no autolinks from data


def short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
