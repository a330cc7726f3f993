"""Cue phrases against a message: tokens, and whether a message is only, contains or starts with one of a
list of phrases. Shared by ``understand`` and the correction readers (``edits``, ``rightwrong``) so the same
tokenisation decides everywhere."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[0-9a-zåäöéüæø]+(?:['’-][0-9a-zåäöéüæø]+)*", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=8192)  # the cue phrases are tokenised again for every message
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.replace("’", "'") for t in _TOKEN.findall(text.lower()))


_PREPARED: dict[int, tuple[object, list[list[str]]]] = {}


def _phrases(by_lang: dict[str, list[str]] | list[str]) -> list[list[str]]:
    """The phrases as token lists, longest first; prepared once per cue list (every message reads the same
    lists several times). Keyed by the list itself: the entry holds it, so its id is not reused."""
    hit = _PREPARED.get(id(by_lang))
    if hit is not None and hit[0] is by_lang:
        return hit[1]
    items = by_lang if isinstance(by_lang, list) else [p for ps in by_lang.values() for p in ps]
    prepared = sorted((tokens(p) for p in items if tokens(p)), key=len, reverse=True)
    if len(_PREPARED) > 4096:  # lists built per call would otherwise pile up
        _PREPARED.clear()
    _PREPARED[id(by_lang)] = (by_lang, prepared)
    return prepared


def _remove(toks: list[str], phrases: list[list[str]]) -> tuple[list[str], int]:
    """Remove every occurrence of the phrases (longest first); returns what is left and how many matched."""
    found = 0
    for phrase in phrases:
        n = len(phrase)
        i = 0
        while i + n <= len(toks):
            if toks[i:i + n] == phrase:
                toks = toks[:i] + toks[i + n:]
                found += 1
            else:
                i += 1
    return toks, found


def only(text: str, phrases: dict[str, list[str]] | list[str], fillers: set[str]) -> bool:
    """The message is nothing but these phrases (at least one) and filler words."""
    rest, found = _remove(tokens(text), _phrases(phrases))
    return found > 0 and all(t in fillers for t in rest)


def contains(text: str, phrases: dict[str, list[str]] | list[str]) -> bool:
    toks = tokens(text)
    return _remove(toks, _phrases(phrases))[1] > 0


def starts_with(text: str, phrases: dict[str, list[str]] | list[str]) -> list[str] | None:
    """The longest phrase the message starts with (as tokens), or None."""
    toks = tokens(text)
    for phrase in _phrases(phrases):
        if toks[:len(phrase)] == phrase:
            return phrase
    return None


def cut_leading(text: str, phrase_tokens: list[str]) -> str:
    """The original text after its first ``len(phrase_tokens)`` words (keeps the user's casing)."""
    matches = list(_TOKEN.finditer(text))
    if len(matches) < len(phrase_tokens):
        return ""
    if not phrase_tokens:
        return text.strip()
    end = matches[len(phrase_tokens) - 1].end()
    return text[end:].lstrip(" ,.:;!-–—").strip()
