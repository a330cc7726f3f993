"""Escaping: every user and bank text goes through here before it reaches HTML, Markdown or the chat."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")  # < > & are handled by html.escape


def esc(value: object) -> str:
    """HTML-escape any value (quotes too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def esc_md(value: object) -> str:
    """Text shown literally inside a Markdown component: Markdown syntax neutralised, then HTML-escaped."""
    text = "" if value is None else str(value)
    return html.escape(_MD_SPECIAL.sub(r"\\\1", text), quote=True)


def safe_url(value: str | None) -> str | None:
    """An http(s) URL escaped for an ``href``; anything else (javascript:, data:, …) is dropped."""
    if not value:
        return None
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    return esc(value.strip())
