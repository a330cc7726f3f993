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


# pictographs, dingbats, flags and their joiners; text faces ":)", ";D", ":-(", "<3"
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+|(?<![\\w:/])(?:[:;]-?[)(DPp/]|<3)"
                    "(?![\\w)(])")


def without_emoji(text: str) -> str:
    """``text`` with its emoji and text faces taken out; one between two words ends a sentence there ("pari
    korjausta vielä 🙂 sijaishoitaja on …"). A message of emoji only is kept as it is ("👍")."""
    out = _EMOJI.sub(lambda m: "." if m.start() and m.end() < len(text) and not
                     re.search(r"[.!?,:;]\s*$", text[:m.start()]) else " ", text)
    out = re.sub(r"\s+\.", ".", re.sub(r"[ \t]{2,}", " ", out)).strip()
    return out if out.strip(" .") else text
