""""Not only X, also Y" adds Y and keeps X: "ei pelkästään ensikertalaiset, myös toisen kerran kiinni jääneet",
"inte bara hemvårdens klienter, också de som bara har matservice", "students from Gradia too, the vocational
college, not only the uni". Read as "Y, not X" it removed X; read as an answer it went to the question asked.
Pure: the message in, (X, Y) out; the caller adds Y to the field that writes X. Cue words:
``prompts/cues.yaml`` ``not_only``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.understand import Understanding

_GLUE = re.compile(r"^(?:(?:eiku|eikun|ei kun|sori|sorry|förlåt|no wait|oh|ah|ai niin|"
                   r"vaan|mut|mutta|but|utan|men|myös|kans|also|också|även|too|as well|siis|eli|ja|and|och|o|"
                   r"any|kaikki|alla|all)\b[\s,]*)+", re.IGNORECASE)
_TOO = re.compile(r"[\s,]*\b(?:myös|kans|too|also|as well|också|även|me|med)\s*$", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:myös|kans|too|also|as well|också|även)\b", re.IGNORECASE)
_ALL = re.compile(r"\b(?:kaikki|kaikkien|kaikille|alla|all|any|anyone|anybody|every|everyone|iästä riippumatta)\b",
                  re.IGNORECASE)
_CLAUSE = re.compile(r"\s*(?:[,;]|\s[–—-]\s|\.\s|!)\s*")


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Built once per cue list: this runs on every message."""
    words = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\wåäö])",
                      re.IGNORECASE) if words else None


def _phrase(nlu: Understanding, text: str) -> re.Match[str] | None:
    pattern = _pattern(tuple(p for ps in nlu.cues.not_only.values() for p in ps))
    found = pattern.search(text) if pattern else None
    return found or _apart(text)


# "ei sitä kyytiä aja pelkästään taksiyrittäjä vaan myös …": the negation and the only-word apart, "but also" after
_ONLY = re.compile(r"(?<![\wåäö])(?:pelkästään|pelkkä|vain|ainoastaan|bara|enbart|endast|only|just)(?![\wåäö])",
                   re.IGNORECASE)
_NEG_NEAR = re.compile(r"(?<![\wåäö])(?:ei|eikä|inte|int|not|isn'?t|doesn'?t|don'?t)(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
_BUT_ALSO = re.compile(r"^[^.!?]*(?<![\wåäö])(?:vaan\s+myös|utan\s+också|but\s+also)(?![\wåäö])", re.IGNORECASE)


def _apart(text: str) -> re.Match[str] | None:
    for m in _ONLY.finditer(text):
        if _NEG_NEAR.search(text[:m.start()]) and _BUT_ALSO.match(text[m.end():]):
            return m
    return None


def says_not_only(nlu: Understanding, text: str) -> bool:
    """Whether the message says "not only" in any form (``cues.yaml`` ``not_only``)."""
    return _phrase(nlu, text) is not None


def not_only(nlu: Understanding, text: str) -> tuple[str, str] | None:
    """(X, Y) of "not only X, also Y" (or "Y too, not only X"); None when the message is not that shape."""
    m = _phrase(nlu, text)
    if m is None:
        return None
    start = max(text.rfind(". ", 0, m.start()), text.rfind("! ", 0, m.start()))
    stop = min((i for i in (text.find(". ", m.end()), text.find("! ", m.end())) if i >= 0), default=len(text))
    after = [c for c in _CLAUSE.split(text[m.end():stop].strip()) if c.strip()]  # within its sentence
    before = [c for c in _CLAUSE.split(text[start + 1:m.start()].strip()) if c.strip()]
    before = [c for c in before if _ALSO.search(c)] or before[-1:]  # "myös kannabiksen käyttäjät", not "sori"
    if not after:
        return None
    x = re.split(r"\s+(?:vaan|but|utan|men|mut|mutta)\s+", after[0], maxsplit=1, flags=re.IGNORECASE)
    if len(x) == 2 and x[1].strip():  # "ei pelkästään X vaan myös Y"
        found = x[0].strip(), x[1]
    elif len(after) > 1:  # "not only first-timers, also second-timers"
        found = after[0].strip(), after[1]
    elif before:  # "students from Gradia too, the vocational college, not only the uni"
        found = after[0].strip(), re.sub(r"^.*?\b(?:myös|kans|också|även|also)\s+", "", before[0],
                                         flags=re.IGNORECASE)
        if len(found[1].split()) > 12:
            return None
    else:
        return None
    said = found[1] if len(x) == 2 or len(after) > 1 else before[0]  # the clause that says Y, as said
    if not _ALSO.search(said) or _ALL.search(said):
        return None  # "ei vain alle 3-vuotiaiden, kaikki alle kouluikäiset": wider, so it replaces (not this)
    y = _TOO.sub("", _GLUE.sub("", found[1])).strip()
    return (found[0], y) if y else None
