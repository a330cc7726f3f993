"""A list said to hold only some of its items now: "alue on nykyään pelkästään Lieksa", "rahotus tulee nykyään
pelkästään STEAlta", "alueeks vaan tampere ja nokia, ylöjärvellä … ei oo enää ryhmiä", "it's only running in
Siilinjärvi now - the other two lost the grant", "nu e de bara Vasa". The items the message names stay, the
others of that list go. Read at the summary, or after an answer to another question when the message says it
changed (nykyään, now, nu, enää …); the sentences before it stay the answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.card_words import _overlaps, _shared
from assistant.edits import only_places
from assistant.interview_types import FieldStatus
from assistant.items import sentences
from assistant.schema import LIST_FIELDS

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue

_ONLY = re.compile(r"(?<![\wåäö])(?:pelkästään|ainoastaan|vain|bara|endast|enbart|only|just)\s+(?:(?:running|happening|"
                   r"in|at|from|by|i|på|från|av)\s+)*(?P<x>[^,.;:!?–-]{2,60})", re.IGNORECASE)
_FIRST_ONLY = re.compile(r"^\s*(?:[\wåäö]+\s+)?vaan\s+(?P<x>[^,.;:!?–-]{2,60})", re.IGNORECASE)  # "alueeks vaan X"
_CHANGED = re.compile(r"(?<![\wåäö])(?:nykyään|nykyisin|enää|nyt|now|nowadays|anymore|no\s+longer|nu|numera|"
                      r"längre|jäi\s+pois|lopetti\w*|loppu\w*|lost|stopped|dropped|slutade|hoppade\s+av)(?![\wåäö])",
                      re.IGNORECASE)
_WE = re.compile(r"(?<![\wåäö])(?:us|we|ourselves|me|meidät|meitä|itse|oss|vi|själva)(?![\wåäö])", re.IGNORECASE)
_SKIP = ("core", "goals", "adaptable")  # what is done or hoped for: "only" there describes, it does not narrow
_TAIL = re.compile(r"\s+(?:now|nowadays|nykyään|nyt|nu|numera|enää|anymore)\b.*$", re.IGNORECASE)


def only_now(d: Dialogue, text: str) -> list[str] | None:
    """The reply when the message keeps only some items of one list; None otherwise."""
    st = d.state
    closing = st.phase == "confirm"
    asked = st.phase == "collect" and st.asking == "question" and bool(st.pending_field)
    if not (closing or asked) or len(text.split()) > 50 or not _CHANGED.search(text):
        return None
    said = sentences(text)
    for k, sentence in enumerate(said):
        m = _ONLY.search(sentence) or _FIRST_ONLY.match(sentence)
        if m is None:
            continue
        x = _TAIL.sub("", m.group("x")).strip()
        if _WE.search(x):
            return None  # "its only the city and us now": which item is "us" the card does not say
        found = _narrowed(d, x, sentence)
        if found is None:
            return None
        fld, keep = found
        head = " ".join(said[:k]).strip()
        if asked and head and st.pending_field != fld:
            d._store_answer(st.pending_field or "", head)  # type: ignore[attr-defined]
        elif asked and not closing:
            return None  # nothing else said: "only X" is the answer itself
        d.set(fld, keep, FieldStatus.confirmed, replace=True)
        st.status[fld] = FieldStatus.confirmed
        if closing:
            st.phase = "collect"
        return d.after_update([d.t("iv.corrected", label=d.label(fld))])
    return None


def _narrowed(d: Dialogue, x: str, sentence: str) -> tuple[str, list[str]] | None:
    """(list field, the items kept) when exactly one list has items the words name and others they do not."""
    st = d.state
    named = d.nlu.names_field(sentence, window=3)
    hits = []
    for fld in d.flow.card:
        items = getattr(st.draft, fld, None)
        if fld not in LIST_FIELDS or fld in _SKIP or not isinstance(items, list) or len(items) < 2:
            continue
        if named and named != fld:
            continue
        keep = [i for i in items if _shared(i, x, st.lang) or _overlaps(i, x, st.lang)]
        if keep and len(keep) < len(items):
            hits.append((fld, keep))
    if len(hits) > 1 and only_places(x):  # "only in Siilinjärvi now": the places, not "Siilinjärvi municipality"
        hits = [h for h in hits if h[0] == "regions"]
    return hits[0] if len(hits) == 1 else None
