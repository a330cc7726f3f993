"""An item of a list removed by its place: "kolmas tavoite pois", "den tredje punkten i kärnan ska strykas",
"please delete the second goal". People read the summary as numbered lists and point at an item by its
place in the list; the item's own words are never said, so nothing else can find it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.interview_types import FieldStatus
from assistant.schema import LIST_FIELDS

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue

_ORDINALS = {
    1: "ensimmäinen ensimmäisen eka ekan first 1st första",
    2: "toinen toisen toka tokan second 2nd andra",
    3: "kolmas kolmannen kolmonen third 3rd tredje",
    4: "neljäs neljännen fourth 4th fjärde",
    5: "viides viidennen fifth 5th femte",
    6: "kuudes kuudennen sixth 6th sjätte",
    -1: "viimeinen viimeisen viimenen vika last sista",
}
_PLACE = {word: n for n, words in _ORDINALS.items() for word in words.split()}
_ORDINAL = re.compile(r"(?<![\wåäö])(" + "|".join(sorted(_PLACE, key=len, reverse=True)) + r")(?![\wåäö])",
                      re.IGNORECASE)
# "den tredje punkten i kärnan", "the third item under goals": a word for an item before the field's name
_ITEM = re.compile(r"^(?:kohta|kohdan|kohdista|punkt|punkten|punkterna|point|item|bullet|one|rivi|rivin|line|"
                   r"raden|grej|grejen|juttu|jutun)$", re.IGNORECASE)
_REMOVE = re.compile(r"(?<![\wåäö])(?:pois|poista|poistakaa|poistetaan|stryk|stryka|strykas|ta\s+bort|tas\s+bort|"
                     r"ska\s+bort|kan\s+bort|remove|delete|drop|take\s+out|cut|scratch)(?![\wåäö])", re.IGNORECASE)
_WORDS = 5  # words after the ordinal in which the field is named


def removed_by_place(d: Dialogue, text: str) -> list[str] | None:
    """The reply when the message removes a list item by its place; None otherwise."""
    st = d.state
    if len(text.split()) > 40:
        return None
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        if not _REMOVE.search(sentence):
            continue
        found = _place_and_field(d, sentence)
        if found is None:
            continue
        fld, place = found
        items = list(getattr(st.draft, fld) or [])
        if not items or place > len(items):
            return None  # "the fifth goal" of three: no such item, ask rather than guess
        del items[place - 1 if place > 0 else len(items) - 1]
        d.set(fld, items, FieldStatus.confirmed, replace=True)
        st.status[fld] = FieldStatus.confirmed
        if st.phase == "confirm":
            st.phase = "collect"
        return d.after_update([d.t("iv.corrected", label=d.label(fld))])
    return None


def _place_and_field(d: Dialogue, sentence: str) -> tuple[str, int] | None:
    """(list field, place) of "kolmas tavoite", "den tredje punkten i kärnan"; None when the word after the
    ordinal names no list field ("toinen ohjaaja" is the other instructor, not an item's place)."""
    for m in _ORDINAL.finditer(sentence):
        after = sentence[m.end():].split()[:_WORDS]
        if not after:
            continue
        head = after[0].strip(".,;:!?")
        named = d.nlu.names_field(head, window=1)
        if named is None and _ITEM.match(head):
            rest = [w.strip(".,;:!?") for w in after[1:]]
            rest = [w for w in rest if w.lower() not in ("i", "in", "of", "under", "from", "on", "the", "bland")]
            named = d.nlu.names_field(" ".join(rest[:2]), window=2) if rest else None
        if named in LIST_FIELDS and named in d.flow.card:
            return named, _PLACE[m.group(1).lower()]
    return None
