"""Where on the card a phrase or a value stands: the lookups a correction uses to find the item it means ("the
field whose value holds these words best", "the one field writing this number"). A base of ``Corrections``; it
reads the card only and changes nothing."""

from __future__ import annotations

import re

from assistant import numberwords
from assistant.card_words import _closeness, _overlaps, _shared, _spelled
from assistant.flow import Flow
from assistant.interview_types import InterviewState
from assistant.items import sentences
from assistant.rightwrong import unit_number
from assistant.textproc import stems


def _around(item: str, at: int) -> str:
    """The sentence of ``item`` that holds position ``at``."""
    start = max(item.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [e for e in (item.find(c, at) for c in ".!?\n") if e >= 0]
    return item[start:min(ends) if ends else len(item)]


class CardHolders:
    """Lookups over the card of ``state``, in the fields of ``flow.card``."""

    state: InterviewState
    flow: Flow

    def _value_holder(self, pairs: list[tuple[str, str]]) -> str | None:
        """The one field that writes the wrong value of a (right, wrong) pair, read by meaning."""
        right, wrong = pairs[0]
        message = str(getattr(self, "message", ""))
        found: dict[str, list[str]] = {}  # field → the sentences around each place it writes the wrong value
        for f in self.flow.card:
            value = getattr(self.state.draft, f) if f not in ("stage", "name") else None
            items = (value if isinstance(value, list) else [str(value)]) if value else []
            hits = numberwords.places(items, wrong, right) if items else []
            said = [t for i, m in hits if (t := _around(items[i], m.start()))
                    and t.strip().lower().rstrip(".") not in message.lower()]  # not this message, just stored
            if said:
                found[f] = said
        if len(found) == 1:
            return next(iter(found))
        # "asuntoja on kakskytä eikä kolkytä" with 30 in the idea ("… asunnoissa, joita on 30") and in the group
        # ("alle 30-vuotiaat"): the field whose sentence around the number shares a word with the message
        words = {s[:5] for s in stems(message, self.state.lang) if len(s) >= 4}
        near = {f: max(len(words & {s[:5] for s in stems(t, self.state.lang) if len(s) >= 4}) for t in texts)
                for f, texts in found.items()}
        best = max(near.values(), default=0)
        top = [f for f, n in near.items() if n == best]
        return top[0] if best > 0 and len(top) == 1 else None

    def _unit_swap(self, text: str) -> tuple[str, str, str] | None:
        """(field, right number, wrong number) when exactly one number on the card has the unit said."""
        said = unit_number(text)
        if len(said) != 1:
            return None
        number, unit = said[0]
        hits = set()
        for fld in self.flow.card:
            value = getattr(self.state.draft, fld, None)
            if not value or fld in ("stage", "name"):
                continue
            for n, u in unit_number(" ".join(value) if isinstance(value, list) else str(value)):
                if u == unit and n.lower() != number.lower():
                    hits.add((fld, n))
        if len(hits) != 1:
            return None
        fld, wrong = hits.pop()
        return fld, number, wrong

    def _shared_with(self, fld: str, text: str) -> int:
        value = getattr(self.state.draft, fld)
        items = value if isinstance(value, list) else sentences(str(value)) if value else []
        return max((_shared(i, text, self.state.lang) for i in items), default=0)

    def _holds(self, fld: str, phrases: list[str]) -> bool:
        value = getattr(self.state.draft, fld, None)
        items = value if isinstance(value, list) else sentences(str(value)) if value else []
        return any(_overlaps(i, r, self.state.lang, whole=True) for r in phrases for i in items)

    def _holders(self, phrases: list[str], whole: bool = False) -> list[str]:
        """Every field with an item or sentence that holds one of these phrases (``whole``: all of its
        content words, so "vanhempien ryhmä" is not found in "Vanhempien jaksaminen paranee")."""
        st = self.state
        out = []
        for fld in self.flow.card:
            value = getattr(st.draft, fld)
            items = value if isinstance(value, list) else sentences(str(value)) if value else []
            if any(_overlaps(i, r, st.lang, whole) for r in phrases for i in items):
                out.append(fld)
        return out

    def _holder(self, phrases: list[str], least: int = 0, context: str = "") -> str | None:
        """The field whose value holds these phrases best (with ``least``: at least that many shared
        content stems, numbers aside, rather than half of the phrase); the closest spelling wins, so
        "Satakuntaan" finds "Satakunnan hyvinvointialue", not "pari sataa metriä"."""
        st = self.state
        best: tuple[float, str] | None = None
        for fld in self.flow.card:
            value = getattr(st.draft, fld)
            items = value if isinstance(value, list) else sentences(str(value)) if value else []
            def holds(i: str, r: str) -> bool:
                return _shared(i, r, st.lang) >= least if least else _overlaps(i, r, st.lang)

            # a number names no field: "60 prosenttia eikä 70" goes where 70 stands next to the same words
            score = sum(_closeness(i, r, st.lang) + (len(re.findall(r"\d+", r)) and 1 + _closeness(i, context, st.lang))
                        for r in phrases for i in items if holds(i, r))
            if score and fld == st.pending_field:
                score += 0.5  # "kerava is wrong" to "which regions?": of two equal holders, the one asked
            if score and fld == st.last_field and st.last_field_turn == st.turns - 1:
                score += 0.5  # "Enontekiö ei vielä" right after the regions were given: that answer
            if score and any(_spelled(i, phrases) for i in items):
                score += 0.25  # written as said ("Enontekiö"), not only in another case ("Enontekiöllä")
            if score and (best is None or score > best[0]):
                best = (score, fld)
        return best[1] if best else None
