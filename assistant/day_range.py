"""A run of weekdays made longer by one day: "perjantaisinkin on aamupala nykyään, eli ihan joka koulupäivä" for
the card's "maanantaista torstaihin", "öppet på fredagar också" for "måndag till torsdag", "fridays too now" for
"Monday to Thursday".

Why: the day said is not the card's day said wrongly (which ``slot_swap`` swaps) but one more: the end of the
card's run moves to it (or its start, for the day before), in the card's word form. Only when the message says
one day, not negated, with "also" in it ("-kin", "myös", "också", "too"), next to one run on the card. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ALSO = re.compile(r"(?:\w+(?:kin|kaan|kään)\b|(?<![\wåäö])(?:myös|kans|också|även|too|also|as\s+well|nykyään|nu|"
                   r"now|numera)(?![\wåäö]))", re.IGNORECASE)
_NOT_AFTER = re.compile(r"^\W*(?:\w+\s+)?(?:ei|eikä|int|inte|not|isn'?t|aren'?t|don'?t|doesn'?t)(?![\wåäö])",
                        re.IGNORECASE)
_NOT = re.compile(r"(?<![\wåäö])(?:ei|eikä|int|inte|not|never|aldrig)\s+(?:\w+\s+)?$", re.IGNORECASE)


def longer_run(text: str, card: dict[str, object], days: Callable[[str], list[tuple[int, int, int, str]]],
               render: Callable[[str, int], str]) -> tuple[str, str, str] | None:
    """(field, the new end word, the card's end word) or None. ``days`` reads (index, start, end, word) of the
    weekdays in a text; ``render`` writes a weekday in a card word's form."""
    said = days(text)
    if len({d[0] for d in said}) != 1 or not _ALSO.search(text) \
            or any(_NOT.search(text[:d[1]]) or _NOT_AFTER.match(text[d[2]:]) for d in said):
        return None  # "perjantaisin ei oo kerhoa": the day is denied, not added
    new = said[0][0]
    runs = []
    for fld, value in card.items():
        for item in value if isinstance(value, list) else [value]:
            found = days(str(item))
            for (a, _, a_end, a_word), (b, b_start, _, b_word) in zip(found, found[1:], strict=False):
                between = str(item)[a_end:b_start]
                if len(between.split()) <= 1 and re.fullmatch(r"\s*(?:till|to|through|until|[-–—])?\s*", between) \
                        and a < b:
                    runs.append((fld, a, a_word, b, b_word))
    if len(runs) != 1:
        return None
    fld, a, a_word, b, b_word = runs[0]
    if new == b + 1:
        return fld, render(b_word, new), b_word
    if new == a - 1:
        return fld, render(a_word, new), a_word
    return None
