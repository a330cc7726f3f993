"""A correction that says two numbers, one written on the card and the other nowhere ("kirjotin et 9 asukasta,
mut se o 8", "lukuhetkiä oli 380, se 420 oli tavoite", "ei 7 vaan 6 on koulussa", "fyra träffar nu, int fem"):
the card's number is the wrong one, in the one place it is written, and the other is the right one. Read before
the field is guessed, so a number put right changes that number and never replaces a whole field with the
correction's words. Pure: the message and the card in, (field, right, wrong as written on the card) out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.numberwords import inflected_like, word_number

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


def _said(text: str) -> tuple[Callable[[str], list[tuple[str, str]]], list[tuple[str, str]]] | None:
    """The numbers of a message and their reader: digits when it has any, else number words; None for none."""
    for read in (_digits, _words):
        said = read(text)
        if said:
            return read, said
    return None


def card_number_fix(text: str, card: dict[str, Any], either: bool = False,
                    single: bool = False) -> tuple[str, str, str] | None:
    """(field, right as said, wrong as the card writes it), or None unless exactly one of the two numbers said
    is written on the card, exactly once. ``either``: any of the two written there at all (the field is not
    silent about them). ``single``: one number said with its unit ("korjaan: kolme ohjaajaa") changes the one
    number the card writes with that unit."""
    if _RANGE.search(text):
        return None  # "tarkoitin 6–17-vuotiaita": an age range, read as one (``wrong_value.range_swap``)
    found = _said(text)
    if found is None:
        return None
    read, said = found
    values = {v for _, v in said}
    if len(values) == 1 and single and not either:
        return _unit_fix(text, said[0], read, card)
    if len(values) != 2:
        return None  # three numbers: not a plain "this, not that"
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
    return spots[0][0], inflected_like(right, spots[0][1]), spots[0][1]  # "kuus" for "neljäksi": "kuudeksi"


def _unit_fix(text: str, said: tuple[str, str], read: Any, card: dict[str, Any]) -> tuple[str, str, str] | None:
    """"kolme ohjaajaa" said, "kaksi ohjaajaa" written once: (field, "kolme", "kaksi")."""
    unit = re.search(rf"(?<![\w]){re.escape(said[0])}\s+([^\W\d_]{{2,}})", text)
    if unit is None or unit.group(1).lower() in _NOT_A_UNIT:
        return None
    stem = unit.group(1).lower()[:5]
    spots = []
    for fld, value in card.items():
        items = value if isinstance(value, list) else [str(value or "")]
        joined = " \n ".join(str(i) for i in items)
        for lit, v in read(joined):
            after = re.search(rf"(?<![\w]){re.escape(lit)}\s+([^\W\d_]+)", joined)
            if v != said[1] and after and _same_unit(after.group(1).lower()[:5], stem):
                spots.append((fld, lit))
    return (spots[0][0], said[0], spots[0][1]) if len(spots) == 1 else None


# words after a number that are no unit of it
_NOT_A_UNIT = frozenset("ja och and or tai eller i in on of av om to till på at for för e är is on oli was var".split())


def _same_unit(a: str, b: str) -> bool:
    """One unit, also with a case ending: "år"/"års", "vuotta"/"vuoden" share no more than the stem."""
    return a == b or min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 2


def every_spot(text: str, card: dict[str, Any]) -> list[tuple[str, str, str]]:
    """[(field, right as said, wrong as written)] when the card writes the wrong number in several places with the
    same word after it ("four families per therapist, not five" where the idea and the core both say "five
    families"): a fact put right is put right wherever it is told. [] when the places do not agree."""
    found = None if _RANGE.search(text) else _said(text)
    if found is None or len({v for _, v in found[1]}) != 2:
        return []
    read, said = found
    values = {v for _, v in said}
    spots: list[tuple[str, str, str, str]] = []  # field, literal, its value, the word after it
    for fld, value in card.items():
        items = value if isinstance(value, list) else [str(value or "")]
        joined = " \n ".join(str(i) for i in items)
        for lit, v in read(joined):
            if v in values:
                after = re.search(rf"(?<![\w]){re.escape(lit)}\s+([^\W\d_]+)", joined)
                spots.append((fld, lit, v, after.group(1).lower()[:5] if after else ""))
    if len({v for _, _, v, _ in spots}) != 1 or len(spots) < 2 or len({s[3] for s in spots}) != 1 \
            or not spots[0][3] or len({s[0] for s in spots}) > 3:
        return []
    wrong = spots[0][2]
    right = next(lit for lit, v in said if v != wrong)
    return list(dict.fromkeys((fld, right, lit) for fld, lit, _, _ in spots))
