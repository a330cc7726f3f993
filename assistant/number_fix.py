"""A correction that says two numbers, one written on the card and the other nowhere ("kirjotin et 9 asukasta,
mut se o 8", "lukuhetkiä oli 380, se 420 oli tavoite", "ei 7 vaan 6 on koulussa", "fyra träffar nu, int fem"):
the card's number is the wrong one, in the one place it is written, and the other is the right one. Read before
the field is guessed, so a number put right changes that number and never replaces a whole field with the
correction's words. Pure: the message and the card in, (field, right, wrong as written on the card) out.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.numberwords import word_number

_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)(?![\w])")
_WORD = re.compile(r"[^\W\d_]+")
_RANGE = re.compile(r"\d\s*(?:[–—-]|to|till|och|ja|and)\s*\d", re.IGNORECASE)


def _digits(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), re.sub(r"[ \u00a0]", "", m.group(1)).replace(",", ".")) for m in _DIGITS.finditer(text)]


def _words(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _WORD.finditer(text):
        n = word_number(m.group(0).lower())
        if n is not None:
            out.append((m.group(0), str(n)))
    return out


def card_number_fix(text: str, card: dict[str, Any], either: bool = False) -> tuple[str, str, str] | None:
    """(field, right as said, wrong as the card writes it), or None unless exactly one of the two numbers said
    is written on the card, exactly once. ``either``: any of the two written there at all (the field is not
    silent about them)."""
    if _RANGE.search(text):
        return None  # "tarkoitin 6–17-vuotiaita": an age range, read as one (``wrong_value.range_swap``)
    for read in (_digits, _words):
        said = read(text)
        values = {v for _, v in said}
        if len(values) == 2:
            break
        if said:
            return None  # three numbers, or one: not a plain "this, not that"
    else:
        return None
    where: dict[str, list[tuple[str, str]]] = {}
    for fld, value in card.items():
        items = value if isinstance(value, list) else [str(value or "")]
        for lit, v in read(" \n ".join(str(i) for i in items)):
            if v in values:
                where.setdefault(v, []).append((fld, lit))
    if either:
        return ("", "", "") if where else None
    if len(where) != 1:
        return None
    wrong, spots = next(iter(where.items()))
    if len(spots) != 1:
        return None
    right = next(lit for lit, v in said if v != wrong)
    return spots[0][0], right, spots[0][1]
