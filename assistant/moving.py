"""Moving a card item to the field it belongs in, and rewriting an item pointed at by its place: the item the
message means is read against the card (the one sharing the most words with it), then it leaves one field for
the other whole. A base of ``Corrections``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant import policy
from assistant.card_holders import CardHolders
from assistant.card_words import _overlaps, _plain, _shared, _written_alike
from assistant.edits import without_places
from assistant.interview_types import FieldStatus
from assistant.items import sentences
from assistant.moves import MOVE_IT
from assistant.textsafe import md, short

if TYPE_CHECKING:
    from assistant.extract_offline import OfflineExtractor

def _first_said(item: str, text: str, lang: str) -> int:
    """Where in the message the first word it shares with the item stands (len(text) when none)."""
    words = re.findall(r"[\wåäöÅÄÖ-]+", _plain(text).lower())
    for n, word in enumerate(words):
        if _shared(item, word, lang):
            return n
    return len(words)


class Moving(CardHolders):
    """Where an item belongs, and an item at a place rewritten."""

    offline: OfflineExtractor

    if TYPE_CHECKING:  # provided by Dialogue and Corrections
        def t(self, key: str, **fmt: Any) -> str: ...
        def label(self, fld: str) -> str: ...
        def set(self, fld: str, value: Any, status: FieldStatus, replace: bool, strict: bool = False) -> None: ...
        def after_update(self, parts: list[str]) -> list[str]: ...
        def _repeat(self) -> str: ...
        def _apply_correction(self, fld: str, text: str, removed: list[str], additive: bool,
                              by_content: bool = False, pairs: list[tuple[str, str]] | None = None,
                              named: bool = False) -> None: ...

    def _replace_at(self, fld: str, item: str, new: str) -> list[str]:
        """The item pointed at by its place, rewritten where it stands or (nothing said instead) removed."""
        items = list(getattr(self.state.draft, fld) or [])
        at = items.index(item)
        items[at:at + 1] = [new] if new else []
        self.set(fld, items, FieldStatus.confirmed, replace=True)
        self.state.status[fld] = FieldStatus.confirmed
        if self.state.phase in ("confirm", "done"):
            self.state.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label(fld))])

    def _moved_item(self, c: Any) -> tuple[str, str] | None:
        """(field, item) the message means: the one card item sharing the most words with it, outside the field
        it should go to; None when no item or two equally; a hint about the question asked is an answer."""
        st = self.state
        said_from = bool(c.field) and c.field in policy.fields_named(c.text, self.offline.nlu)
        if c.move_to == st.pending_field and not said_from and not MOVE_IT.search(c.text):
            # "Teemat voi valita koulun mukaan" to "what may be adapted?" is the answer to it; "videokäynnit ei
            # oo mikään ydinjuttu" names the field it leaves, so it moves
            return None
        from assistant.edits import _strip_field_words

        text = c.text
        for fld in (c.move_to, c.field):
            if fld:
                text = _strip_field_words(self.offline.nlu, text, fld)
        scored = []
        for fld in [c.field] if c.field else self.flow.card:
            value = getattr(st.draft, fld, None)
            if fld == c.move_to or not value or fld in ("name", "stage"):
                continue
            for item in value if isinstance(value, list) else sentences(str(value)):
                scored.append((_shared(item, text, st.lang), fld, item))
        if scored and max(x[0] for x in scored) < 1:  # "tulkkausta …" for "Tulkkaus tarvittaessa"
            scored = [(_written_alike(item, text), fld, item) for _, fld, item in scored]
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[0][0] >= 1 and scored[1][0] == scored[0][0]:
            # "the cafe thing is not core, it can be … their home": of two items it names, the one said first
            tied = [x for x in scored if x[0] == scored[0][0]]
            firsts = sorted((_first_said(item, text, st.lang), n) for n, (_, _, item) in enumerate(tied))
            if firsts[0][0] < firsts[1][0]:
                scored = [tied[firsts[0][1]]]
        if not scored or scored[0][0] < 1 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1], scored[0][2]

    def _move(self, wrong: str, right: str, phrases: list[str]) -> list[str]:
        """The items of ``wrong`` that spell out the phrase move to ``right``; nothing moves when none does."""
        st = self.state
        value = getattr(st.draft, wrong)
        items = value if isinstance(value, list) else sentences(str(value)) if value else []
        moving = [i for i in items if any(_overlaps(i, r, st.lang, whole=True) for r in phrases)]
        if not moving:
            return [self.t("iv.not_on_card", words=md(short(", ".join(phrases)))), self._repeat()]
        if isinstance(value, list):  # whole items leave whole ("… på finska eller svenska" is one item)
            self.set(wrong, [i for i in items if i not in moving], FieldStatus.confirmed, replace=True)
        else:
            self._apply_correction(wrong, "", phrases, False)
        there = getattr(st.draft, right) or []  # "Ohjaajien määrä" is said by the core's "Ohjaajia aina kaksi"
        there = there if isinstance(there, list) else sentences(str(there))
        new = [m for m in moving if not any(_shared(t, without_places(m), st.lang) * 2 >= max(1, len(m.split()))
                                            for t in there)]
        if new and isinstance(getattr(st.draft, right), list):
            self.set(right, list(getattr(st.draft, right)) + new, FieldStatus.confirmed, replace=True)
        elif new:
            self._apply_correction(right, "; ".join(new), [], True)
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=f"{self.label(wrong)}, {self.label(right)}")])
