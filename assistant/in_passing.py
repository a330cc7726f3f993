"""What people correct in passing, inside an answer to another question or at the summary: the model's
stage ("ei me enää pilotoida, tää on ollu vakiintunutta toimintaa"), an amount said again ("ei kun budjetti
on 120 000, 80 tuhatta oli ekan vuoden luku"), a phone number or address said again, and the card's items told
in passing (``dropped``, ``ordinal_item``, ``not_this_field``, ``owner_changed``). All are checked against the
card, so an answer that only mentions a stage, a number or a name is still an answer.

A mixin of ``Dialogue``, like ``Corrections`` and ``Closing``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from assistant import dropped, ordinal_item, place_gone, policy, timewords
from assistant.interview_types import FieldStatus, InterviewState
from assistant.items import dedupe, replace_words
from assistant.not_this_field import not_this_field
from assistant.number_in_answer import fixed_in_answer
from assistant.only_now import only_now
from assistant.owner_changed import owner_changed
from assistant.wrong_only import wrong_only
from assistant.wrong_value import amount_now, amount_said_again

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue
    from assistant.extract_offline import OfflineExtractor


class InPassing:
    """Changes told in passing."""

    state: InterviewState
    offline: OfflineExtractor

    if TYPE_CHECKING:  # provided by Dialogue and Corrections
        def t(self, key: str, **fmt: Any) -> str: ...
        def label(self, fld: str) -> str: ...
        def set(self, fld: str, value: Any, status: FieldStatus, replace: bool, strict: bool = False) -> None: ...
        def after_update(self, parts: list[str]) -> list[str]: ...
        def _swap_in(self, fld: str, right: str, wrong: str) -> list[str]: ...

    def in_passing(self, action: policy.Action) -> list[str] | None:
        """The reply when the message changes the card in passing: an item removed by its place, said not to
        be a goal, an owner changed, an item said to have stopped, the stage or an amount; None otherwise."""
        st = self.state
        me = cast("Dialogue", self)  # InPassing is a mixin of Dialogue
        if action.kind not in _NOT_DROPS:
            said = me.message or action.text  # a reopening action keeps no text
            by_place = ordinal_item.removed_by_place(me, said) or not_this_field(me, said) or owner_changed(me, said) \
                or wrong_only(me, said) or only_now(me, said) or self._amount_now(said)
            if by_place is not None:  # "kolmas tavoite pois", "X ei oo tavote vaan sillä mitataan"
                return by_place
        answer_kind = action.kind in ("answer", "which", "story")
        pointed = action.correction is not None and action.correction.position is not None  # "kolmonen noista …"
        # "ota se seurakunta pois …, ne lopetti … ku rahat loppu": the command says what goes, the rest is why
        pointed = pointed or action.kind == "correct" and action.correction is not None \
            and action.correction.command and bool(action.correction.removed)
        if not pointed and (answer_kind or action.kind == "correct" or st.phase == "confirm"
                            and action.kind not in _NOT_DROPS):
            found = dropped.read(me, action.text)
            # "… ja Keusote ei oo enää mukana": an item gone; read as a correction, only when an answer
            # comes first, which the correction alone would lose
            if found is not None and (answer_kind or found[1] or st.phase == "confirm"):
                return dropped.apply(me, *found)
        fix = action.correction
        if action.kind == "correct" and fix is not None and not fix.field and fix.removed:
            often = timewords.said_again(me.message or action.text, _card_text(st), False)
            if often is not None and any(r.lower() in often[2].lower() for r in fix.removed):
                return self._words_in(*often)  # "kaks kertaa kuussa, ei kerran": how often, where the card says it
        loose = answer_kind or (  # not "Kela ei ole enää mukana, … päättyi"
            action.kind == "correct" and action.correction is not None and not action.correction.field
            and action.correction.then is None and not policy.on_card(st, action.correction.removed))
        if not loose:
            return None
        card = _card_text(st)
        asked_empty = bool(st.pending_field) and not getattr(st.draft, st.pending_field or "", None)
        again = amount_said_again(action.text, card)
        if again is not None:  # "120 000, 80 tuhatta oli ekan vuoden luku"
            return self._swap_in(*again)
        if answer_kind and asked_empty and st.pending_field:
            fixed = fixed_in_answer(action.text, st.draft.model_dump(), st.pending_field)
            if fixed is not None:  # "… i skolan. åldern e förresten 15–25, int 13–25. …": the fix, then the answer
                return self._fixed_and_answered(*fixed)
        often = timewords.said_again(action.text, card, asked_empty)
        if often is not None:  # "nykyään kahdesti viikossa": the words replaced where they stand, nothing else
            return self._words_in(*often)
        if st.draft.contact and st.pending_field != "contact":
            told = self._contact_again(action.text, st.draft.contact)
            if told is not None:
                return told
        return self._told_stage(action.text) if st.pending_field != "stage" else None

    def _fixed_and_answered(self, fld: str, value: Any, rest: str) -> list[str]:
        """A number put right in ``fld`` where it stands; the rest of the message answers the question asked."""
        st = self.state
        self.set(fld, value, FieldStatus.confirmed, replace=True)
        st.status[fld] = FieldStatus.confirmed
        asked = st.pending_field
        parts = [self.t("iv.corrected", label=self.label(fld))]
        if asked and rest:
            parts += cast("Dialogue", self)._store_answer(asked, rest)
        return self.after_update(parts)

    def _amount_now(self, text: str) -> list[str] | None:
        """At the summary, "its more like 20k a year these days": the card's one amount of that size."""
        if self.state.phase != "confirm":
            return None
        now = amount_now(text, _card_text(self.state))
        return self._swap_in(*now) if now is not None else None

    def _words_in(self, fld: str, right: str, wrong: str) -> list[str]:
        """The card's words ``wrong`` replaced by ``right`` where they stand, the items kept as they are."""
        st = self.state
        self.set(fld, replace_words(getattr(st.draft, fld), wrong, right), FieldStatus.confirmed, replace=True)
        st.status[fld] = FieldStatus.confirmed
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label(fld))])

    def place_gone(self, text: str) -> list[str] | None:
        """A place of the card said not to be ours ("orimattilassa ei oo ollu lukupiiriä ikinä, se kolmas on
        heinolassa"): it goes, the right place in its stead; the rest of the message is then handled as if said
        alone (the answer asked for, or a second correction)."""
        st = self.state
        me = cast("Dialogue", self)
        regions = list(st.draft.regions or [])
        if st.phase not in ("confirm", "collect") or st.pending_field == "regions" or not regions:
            return None
        def others() -> list[str]:  # only read when the message names one of the places
            return [str(i) for f, v in st.draft.model_dump().items() if f not in ("regions", "implementations")
                    for i in (v if isinstance(v, list) else [v]) if isinstance(i, str) and i]

        gone = place_gone.read(text, regions, st.lang, others)
        if gone is None:
            return None
        new = [gone.instead if r == gone.place and gone.instead else r for r in regions
               if r != gone.place or gone.instead]
        self.set("regions", dedupe(new), FieldStatus.confirmed, replace=True)
        st.status["regions"] = FieldStatus.confirmed
        said = self.t("iv.corrected", label=self.label("regions"))
        rest = place_gone.rest(text, gone)
        if rest:
            return [said, *me.handle(rest)]
        if st.phase == "confirm":
            st.phase = "collect"  # the summary is shown again with the change
        return self.after_update([said])

    def _contact_again(self, text: str, contact: str) -> list[str] | None:
        """"puhelinnumero väärin: 040 123 4576", "nummret e 050 321 7789": the card's number swapped; "better to
        put our team inbox x@y there instead of my phone": the contact becomes what is said."""
        from assistant import pii

        said = pii.contact_details(text)
        if len(said) != 1 or len(text.split()) > 30:
            return None
        new = said[0]
        on_card = [f for f in pii.contact_details(contact) if f.kind == new.kind]
        if _INSTEAD.search(text) and new.kind == "email":
            value = new.text  # "… instead of my phone", "ei mun nimeä eikä numeroo": only the shared address
        elif on_card and on_card[0].text != new.text:
            value = contact[:on_card[0].start] + new.text + contact[on_card[0].end:]
        elif not on_card and re.search(r"\b(?:också|myös|kans|also|too|lisää|add|lägg)\b", text, re.IGNORECASE):
            value = f"{contact}, {new.text}"  # "du kan sätta me min mejl också, …"
        else:
            return None
        self.set("contact", value, FieldStatus.confirmed, replace=True)
        if self.state.phase in ("confirm", "done"):
            self.state.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label("contact"))])

    def _told_stage(self, text: str) -> list[str] | None:
        """"ei me enää pilotoida, tää on ollu vakiintunutta toimintaa", "sadly the money ran out and we closed
        down": a change of the card's stage told in passing, to another question or at the summary."""
        st = self.state
        if not st.draft.stage or not _STAGE_CHANGE.search(text) or len(text.split()) > 40 \
                or _OF_PEOPLE.search(text):
            return None  # "people who are no longer in the first weeks of shock": said of people, not the model
        said = self.offline.value_for("stage", re.sub(r"\b(?:19|20)\d\d\b", "", text))  # phrases, not a year
        if said is None or said == st.draft.stage:
            return None
        self.set("stage", said, FieldStatus.confirmed, replace=True)
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label("stage"))])


def _card_text(st: InterviewState) -> dict[str, str]:
    """The card's fields as text, where a value said again may stand."""
    return {f: " ".join(v) if isinstance(v, list) else str(v) for f, v in st.draft.model_dump().items()
            if f not in ("stage", "name", "contact", "implementations") and v and isinstance(v, (str, list))}


_NOT_DROPS = ("accept", "lang", "mask", "search", "empty", "greeting", "offtopic", "clarify")
_STAGE_CHANGE = re.compile(r"\b(?:enää|no longer|anymore|any more|längre|int mer|inte mer|nyt|nykyään|now|nu|numera|"
                           r"closed down|shut down|ran out|lopetettiin|lopetimme|loppui|loppu|lades ner|fel|wrong|"
                           r"väärin|väärä|lähtien|since|sedan|sen|lade ner|la ner|lagt ner|kesken|not ready|"
                           r"inte färdig|inte klar)\b", re.IGNORECASE)
_OF_PEOPLE = re.compile(r"\b(?:who|jotka|joka|som)\s+(?:are|is|were|ovat|on|eivät|ei|är|inte|int)?\s*"
                        r"(?:\w+\s+){0,2}?(?:no\s+longer|not\s+anymore|enää|längre|inte\s+mer)\b", re.IGNORECASE)
_INSTEAD = re.compile(r"\b(?:instead of|rather than|i stället för|istället för|sijaan|ei mun|int mitt|inte mitt|"
                      r"not my)\b", re.IGNORECASE)
