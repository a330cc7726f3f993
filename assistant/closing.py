"""The reply to the numbered closing summary, carried out: a bare "kyllä" accepts what nobody contested,
"ok, mutta nimi on väärä" reopens the name, "vaihe: vakiintunut" sets it, "tavoitteista puuttuu: …" adds.

A mixin of ``Dialogue`` (it works on the same turn's state, like ``Corrections``); the decision itself is
``summary_reply.closing``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from assistant import policy
from assistant.contradiction import contradicted, name_said
from assistant.correction_shapes import renamed_in_passing
from assistant.flow import Flow
from assistant.hedged import RESTATING, restated_after_hedge
from assistant.interview_types import FieldStatus, InterviewState
from assistant.phrases import contains
from assistant.render import numbered_summary, steps_markdown
from assistant.textsafe import md, short
from assistant.why import content_words

if TYPE_CHECKING:
    from assistant.corrections import Corrections
    from assistant.extract_offline import OfflineExtractor
    from assistant.understand import Understanding


class Closing:
    """The closing-summary half of a turn's ``Dialogue``."""

    state: InterviewState
    flow: Flow
    nlu: Understanding
    offline: OfflineExtractor

    if TYPE_CHECKING:  # provided by Dialogue and Corrections
        def t(self, key: str, **fmt: Any) -> str: ...
        def label(self, fld: str) -> str: ...
        def after_update(self, parts: list[str]) -> list[str]: ...
        def refresh_matches(self, force_steps: bool = False) -> None: ...
        def _question(self, fld: str) -> str: ...
        def _apply_correction(self, fld: str, text: str, removed: list[str], additive: bool,
                              by_content: bool = False, pairs: list[tuple[str, str]] | None = None,
                              named: bool = False) -> None: ...
        def _move(self, wrong: str, right: str, phrases: list[str]) -> list[str]: ...

    def _do_accept(self, a: policy.Action) -> list[str]:
        st = self.state
        st.phase = "done"
        for f in self.flow.order:
            if policy.field_status(st, f) == FieldStatus.partial:
                st.status[f] = FieldStatus.confirmed
        self.refresh_matches(force_steps=True)
        return [self.t("iv.done") + "\n\n" + steps_markdown(st.next_steps)]

    def _do_reopen(self, a: policy.Action) -> list[str]:
        assert a.field
        said = self._against_card(a.text, a.field)  # "bättre kondition e ju int en målgrupp, de e ju de vi vill …"
        if said is not None:
            return said
        st = self.state
        st.phase = "collect"
        st.status[a.field] = FieldStatus.missing
        st.pending_field, st.asking = a.field, "question"
        st.asked.append(a.field)
        return [self.t("iv.reopen", label=self.label(a.field)), self._question(a.field)]

    def _do_set(self, a: policy.Action) -> list[str]:
        assert a.field
        if a.correction and a.correction.move_to and a.correction.removed:  # "X ei kuulu kohderyhmään vaan …"
            return self._move(a.field, a.correction.move_to, a.correction.removed)
        if a.correction:
            text, removed = a.text, a.correction.removed
        else:  # "vaihe: ollaan vakiintunut, ei mikään kokeilu"
            text, removed = self.nlu.clauses(a.text)
        owner = name_said(getattr(self, "message", "")) if a.field == "organisation" else ""
        if owner:  # "organisaatioks ei kunta, …, eli Pohjois-Savon hyvinvointialue": the owner is the name said
            text, removed = owner, []
        if a.field == "stage" and self.offline.value_for("stage", text) is None:
            return self._do_reopen(policy.Action("reopen", field="stage"))  # no stage said: ask it again
        self._apply_correction(a.field, text, removed, additive=False)
        self.state.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label(a.field))])

    def _do_add(self, a: policy.Action) -> list[str]:
        assert a.field
        self._apply_correction(a.field, a.text, [], additive=True)
        self.state.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label(a.field))])

    def _do_which(self, a: policy.Action) -> list[str]:
        return self._against_card(a.text) or self._place_unnamed(a.text) or [self.t("iv.which_field"),
                                                                            self.summary()]

    def _against_card(self, text: str, named: str | None = None) -> list[str] | None:
        """What the message says against the card's own words, read as it is read midway: an item it calls
        wrong and what is right instead, a thing renamed, a value said again after a hedge ("toi
        perhetapaaminen … ei kyl oo mikään vaihteleva juttu, se on koko homman ydin", "we are not under X
        anymore, Y took it over"). None when it says nothing of the card's words, or when the reading would take
        most of a longer value off the card without a word that says the value is told again, or would leave the
        field the contest ``named`` as it was: then nothing changes."""
        if not text:
            return None
        st = self.state
        before = st.model_copy(deep=True)
        me = cast("Corrections", self)  # Closing and Corrections make one Dialogue
        found = contradicted(me, text) or renamed_in_passing(me, text) or restated_after_hedge(me, text)
        if found is None:
            return None
        changed = [f for f in self.flow.card if getattr(st.draft, f) != getattr(before.draft, f)]
        card_now = [getattr(st.draft, f) for f in self.flow.card]
        wiped = [f for f in changed if _kept(getattr(before.draft, f), card_now) < _KEEP]
        if wiped and not RESTATING.search(text) or named and named not in changed:
            # "ok mut vaiheeseen vois lisätä …" put over the adaptable parts; "it's not STEA anymore, we got a
            # grant from …" written over all of the conditions: a summary correction changes what it speaks of,
            # what it moves stays on the card, and only "to be precise, …" says the whole value again; "all good
            # except the name – it's not X any more, …" changes the name, not the idea that mentions X
            for key in type(st).model_fields:
                setattr(st, key, getattr(before, key))
            return None
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return found

    def _place_unnamed(self, text: str) -> list[str] | None:
        """A contest at the summary that names no item but says what is right ("Korjaus: palkattuja
        työntekijöitä tarvitaan kolme, ei kaksi", and the card says two nowhere): the right part goes to the item
        its words clearly fit, and the reply says so; asking "which item?" would make the person say it again.
        None when the words fit no item clearly (then the person is asked which item)."""
        cues = self.nlu.cues
        if contains(text, cues.removal_commands) or contains(text, cues.removal_after):
            return None  # "… please take it away from goals": a removal of what is not there adds nothing
        said = self.nlu.correction(text)
        if said is None or len(said.text.split()) < 3:
            return None  # "something is still off there" says nothing of what is right
        body = said.text
        guess = self.offline.classifier.predict([body])[0]
        if guess.p < self.flow.thresholds.closing_place or guess.field not in self.flow.card or guess.field == "name":
            return None
        if guess.field == "stage":
            if self.offline.value_for("stage", body) is None:
                return None
            return self._do_set(policy.Action("set", field="stage", text=body))
        self._apply_correction(guess.field, body, [], additive=True)
        self.state.phase = "collect"
        wrong = ", ".join(said.removed)
        key = "iv.correction_placed" if wrong else "iv.corrected"
        return self.after_update([self.t(key, label=self.label(guess.field), words=md(short(wrong)))])

    def summary(self) -> str:
        st = self.state
        st.summary_fields = [f for f in self.flow.card if getattr(st.draft, f)]
        return self.t("iv.summary") + "\n\n" + numbered_summary(st.draft, st.summary_fields, st.lang)


_KEEP = 0.5  # a correction at the summary keeps at least half of a longer value, unless it says it restates it
def _words(value: object) -> set[str]:
    text = " ".join(map(str, value)) if isinstance(value, list) else str(value or "")
    return {w[:5] for w in content_words(text)}


def _kept(before: object, card: list[object]) -> float:
    """The share of a value's longer words (five-letter stems) still somewhere on the card; 1.0 for a short value."""
    old = _words(before)
    return 1.0 if len(old) < 5 else len(old & set().union(*map(_words, card))) / len(old)

