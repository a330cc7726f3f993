"""A place said right and the wrong one after it with the same preposition: "vi träffas i Sundom bibliotek nu,
int i Gamla Vasa", "we meet at the church hall now, not at the library". The clause opens like a remark about
us ("vi träffas …"), which the right/wrong reader otherwise sets aside, yet it says a place for a place. Pure
functions, used by ``rightwrong`` and ``corrections``."""

from __future__ import annotations

import re

_PREPOSITION = re.compile(r"^(?P<p>i|på|vid|hos|in|at)\s+(?P<rest>\S.*)$", re.IGNORECASE)
# "vi träffas i X nu, int i Y", "we meet at X now, not at Y": the same preposition on both sides
_PLACE_FOR_PLACE = re.compile(r"\s(?P<p>i|på|vid|hos|in|at)\s+[^,.;]+,\s*(?:not|inte|int)\s+(?P=p)\s+\S",
                              re.IGNORECASE)


def place_for_place(text: str) -> bool:
    """A place said right and the wrong one after it with the same preposition (a correction of a place,
    not an answer such as "Nuoret, ei aikuiset")."""
    return bool(_PLACE_FOR_PLACE.search(" " + text))


_NOW = re.compile(r"\s+(?:nu|numera|nuförtiden|now|nowadays|these days)$", re.IGNORECASE)


def same_preposition(positive: list[str], removed: list[str], remark: re.Pattern[str]) -> tuple[str, str] | None:
    """"vi träffas i X nu, int i Y", "we meet at X now, not at Y": one clause about us (a remark by its
    start, ``remark``) says where with a preposition, and the one wrong thing is said with the same preposition: X is
    right and Y wrong, both without it. None for any other shape."""
    if len(positive) != 1 or len(removed) != 1 or not remark.match(positive[0]):
        return None
    wrong = _PREPOSITION.match(removed[0].strip())
    if wrong is None:
        return None
    prep = wrong.group("p").lower()
    said = list(re.finditer(rf"(?<![\wåäö]){re.escape(prep)}\s+", positive[0], re.IGNORECASE))
    if not said:
        return None
    right = _NOW.sub("", positive[0][said[-1].end():].strip(" ,.;"))
    words = right.split()
    return (right, wrong.group("rest").strip(" ,.;")) if 1 <= len(words) <= 6 else None
