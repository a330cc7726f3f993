"""Corrections on the card: which field a correction means, what it calls wrong, and applying it so that
only the words named wrong go ("poista se Martat-kohta", "X:n tilalle Y", "it's not X, it's Y").

A mixin of ``Dialogue`` (it works on the same turn's state); kept apart because finding the right field
and the right words is most of what makes a correction work for people who type them in passing.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from assistant import policy
from assistant.card_words import (
    _clause_without,
    _in_part,
    _named_already,
    _number_like,
    _overlaps,
    _prefixed,
    _shared,
    _spelled,
    _without,
    by_initials,
    reason_clauses,
)
from assistant.contradiction import contradicted
from assistant.contrastive import answers_question, not_only_answer
from assistant.correction_shapes import (
    card_values,
    number_everywhere,
    number_fix,
    read_shapes,
    split_joined,
    value_swap_elsewhere,
    with_replacement,
)
from assistant.denied_old import without_denial
from assistant.edits import only_places
from assistant.flow import Flow
from assistant.hedged import restated_after_hedge, said_off
from assistant.interview_types import FieldStatus, InterviewState
from assistant.items import dedupe, replace_words, sentences
from assistant.moves import answer_before
from assistant.moving import Moving
from assistant.ordinal_fix import body_after_pointer, field_by_card, replacement
from assistant.ordinals import item_at
from assistant.pair_span import spanned
from assistant.phrases import contains
from assistant.place_for_place import place_for_place
from assistant.schema import LIST_FIELDS
from assistant.substitute import substitute
from assistant.textsafe import md, short
from assistant.two_corrections import NothingHere, carry_out_second
from assistant.unplaced import place_or_tell, removal_of_nothing
from assistant.wrong_value import range_swap, same_kind

if TYPE_CHECKING:
    from assistant.extract_offline import OfflineExtractor
    from assistant.understand import Correction

_CARD = frozenset({"name", "summary", "basic_idea", "core", "adaptable", "problem", "target_groups", "goals",
                   "measurement", "actors", "environment", "conditions", "stage", "evidence", "themes",
                   "regions", "organisation", "funders", "contact"})


# "only the NEET ones, not all young people", "bara högstadieelever, int alla barn o unga": narrowing what the card says
_NOT_ALL = re.compile(r"\b(?:not all|not everyone|not everybody|not every|int alla|inte alla|ei kaikki|eikä kaikki|"
                      r"ei kaikkia)\b", re.IGNORECASE)




class Corrections(Moving):
    """The correction half of a turn's ``Dialogue``."""

    state: InterviewState
    flow: Flow
    offline: OfflineExtractor
    _found_by_content: str | None
    message: str  # the message as typed (``Dialogue.handle_one``)
    _quiet: bool = False  # a second correction of the message is being carried out (``carry_out_second``)

    if TYPE_CHECKING:  # provided by Dialogue
        def t(self, key: str, **fmt: Any) -> str: ...
        def label(self, fld: str) -> str: ...
        def set(self, fld: str, value: Any, status: FieldStatus, replace: bool, strict: bool = False) -> None: ...
        def after_update(self, parts: list[str]) -> list[str]: ...
        def summary(self) -> str: ...
        def refresh_matches(self, force_steps: bool = False) -> None: ...
        def _do_set(self, a: policy.Action) -> list[str]: ...
        def _do_which(self, a: policy.Action) -> list[str]: ...
        def _do_reopen(self, a: policy.Action) -> list[str]: ...
        def _unsure_done(self, fld: str) -> None: ...
        def _store_answer(self, fld: str, text: str) -> list[str]: ...
        def _repeat(self) -> str: ...
        def _do_story(self, a: policy.Action) -> list[str]: ...
        def _do_replace_value(self, a: policy.Action) -> list[str]: ...
        def _contact_again(self, text: str, contact: str) -> list[str] | None: ...

    def _do_confirm_or_correct(self, a: policy.Action) -> list[str]:
        c = a.correction
        assert c is not None and a.field
        holder = self._holder(c.removed) if c.removed else None
        if holder or value_swap_elsewhere(self, c, a.text):  # what it calls wrong is on the card, in the quoted
            return self._do_correct(policy.Action("correct", correction=c, text=a.text))  # value or elsewhere
        placed = place_or_tell(self, a.text) if c.removed else None
        if placed is not None:  # "Sorry, small correction, the pilot was autumn 2023 not spring" to "did I get the
            return placed  # core right?": about something else, so the core stays and is asked again
        handler = getattr(self, f"_do_{a.choice}")  # the reply to the confirmation after all
        return list(handler(policy.Action(a.choice, field=a.field, text=a.text)))  # type: ignore[arg-type]

    def _do_correct(self, a: policy.Action) -> list[str]:
        """A correction; a removal followed by who or what is there now also adds that (``replacement``)."""
        return with_replacement(self, a, self._correct_once)

    def _correct_once(self, a: policy.Action) -> list[str]:
        c = a.correction
        assert c is not None
        both = not_only_answer(self, c, a.text)  # "inte bara X utan också Y" to "who is it for?"
        if both is not None:
            return self.after_update(self._store_answer(self.state.pending_field or "", both))
        shaped = read_shapes(self, a)  # "ei pelkästään X, myös Y", "korjaus toimijoihin: X on Y"
        if shaped is not None:
            return shaped
        if said_off(a.text):  # "nej vänta, så enkelt e de int. de som behövs e …": the value said again
            again = restated_after_hedge(self, a.text)
            if again is not None:
                return again
        if c.then is not None and not (c.position is not None and c.field and body_after_pointer(a.text)):  # both:
            # "kotkassa ei oo aloitettu, ota pois. ja sähköposti on nykyään …": both
            parts = self._do_correct(policy.Action("correct", correction=dataclasses.replace(c, then=None),
                                                   text=a.text))
            second = carry_out_second(self, c.then)  # after the first ("… ei OKM. okm:ltä haettiin mut ei saatu")
            said = self.t("iv.corrected", label=second) if second else None
            return parts[:1] + [said] + parts[1:] if said and said not in parts else parts
        st = self.state
        if c.answer and st.phase == "collect" and st.pending_field and st.asking == "question" \
                and not self.offline.nlu.is_skip(c.answer):  # what was asked is answered first, then the card fixed
            self._store_answer(st.pending_field, c.answer)
        if c.removed:  # "SFV ska bort": the card's "Svenska folkskolans vänner"; "Kristinestad och Kaskö"
            values = [getattr(st.draft, f) for f in self.flow.card if f != "stage"]
            c = dataclasses.replace(c, removed=split_joined(self, [by_initials(r, values) or r for r in c.removed]))
        if c.position is not None and not c.field:  # "take out the second one, parents dont come"
            pointed = field_by_card(st.draft, a.text, c.position, st.lang)
            c = dataclasses.replace(c, field=pointed) if pointed else c
        if c.position is not None and c.field:  # "se toinen tavoite … pois": the card's item at that place
            at = item_at(list(getattr(st.draft, c.field) or []), c.position)
            if at is None:
                return self._as_answer(a.text)
            return self._replace_at(c.field, at, replacement(self.offline.nlu, a.text, at))
        if c.move_to and not c.command:  # where an item belongs: which item is read against the card
            item = self._moved_item(c)
            if item:
                head = answer_before(self.offline.nlu, c.text, item[1], st.lang)
                if head and not c.answer and st.phase == "collect" and st.pending_field and st.asking == "question":
                    self._store_answer(st.pending_field, head)  # "tarvitaan iso sali. seurakunta ei rahota, …"
                return self._move(item[0], c.move_to, [item[1]])
            c = None
        elif c.number:  # "sorry, 77 percent": the one number on the card with that unit changes
            found = self._unit_swap(c.text)
            if found:
                return self._swap_in(found[0], found[1], found[2])
            c = None
        if c is None:  # no such number or item: an answer after all
            return self._as_answer(a.text)
        if c.move_to and c.field:  # "X ei oo toimija vaan kohderyhmää": X leaves one field for the other
            return self._move(c.field, c.move_to, c.removed)
        if c.command and not c.text and not c.field:  # "poista se X-kohta": X goes wherever it is written
            holders = self._holders(c.removed, whole=True) or self._holders(c.removed)[:1]
            if holders:
                for f in holders:
                    self._apply_correction(f, "", c.removed, False)
                if st.phase in ("confirm", "done"):
                    st.phase = "collect"
                return self.after_update([self.t("iv.corrected", label=", ".join(self.label(f) for f in holders))])
            return [self.t("iv.not_on_card", words=md(short(", ".join(c.removed)))), self._repeat()]
        fix = number_fix(self, c, a.text)
        if fix:  # "kirjotin et 9 asukasta, mut se o 8": the one place the card writes 9
            return self._swap_in(*fix)
        told_twice = number_everywhere(self, c, a.text)  # "four families per therapist, not five": the idea
        if told_twice is not None:  # and the core both said "five families"
            return told_twice
        ages = range_swap(c.text, card_values(self)) \
            if not c.field and not c.removed and c.text and not c.additive else None
        if ages is None and not c.field and c.removed and all(_number_like(r) for r in c.removed):
            ages = range_swap(a.text, card_values(self))  # "8 to 12 not 6 to 12": read as "12, not 6" before
        if ages:  # "tarkoitin 6–17-vuotiaita": the card's one other age range is the wrong one
            also = [p for p in re.split(r"[,;]\s+", c.text)[1:] if contains(p, self.offline.nlu.cues.addition_words)]
            if also:  # "jag menade 6–12 år, förskolebarnen är också med": and one more thing for the field
                self._apply_correction(ages[0], "; ".join(also), [], True)
            return self._swap_in(ages[0], ages[2], ages[1])
        named_range = _range_pair(c, getattr(st.draft, c.field)) if c.field and c.removed and not c.additive else None
        if named_range:  # "kohderyhmä onkin 18–29-vuotiaat eikä 16–25": the range changes where the card writes it
            return self._swap_in(c.field, *named_range)  # type: ignore[arg-type]
        valued = self._value_holder(c.pairs) if c.weak and c.pairs and not c.field else None
        if valued:  # "tonnin kuussa ei kaheksaasataa": the one field writing the wrong value ("800 €"); every
            for right, wrong in c.pairs[1:]:  # pair of "monday and wednesday, its tuesday and thursday"
                if wrong.lower() in str(getattr(st.draft, valued)).lower():
                    self._apply_correction(valued, right, [wrong], False, pairs=[(right, wrong)])
            return self._swap_in(valued, *c.pairs[0])
        if not c.field and not c.additive and not c.command and c.text:
            text, removed = reason_clauses(c.text, c.removed, st.lang, lambda w: bool(self._holders([w], whole=True)))
            c = dataclasses.replace(c, text=text, removed=removed)
        fld = c.field or self._correction_field(c.text, c.removed, c.weak, c.additive)
        pending = st.pending_field
        if c.narrow and fld is not None and not all(_number_like(r) for r in c.removed):
            # "only tenants over 65, not all residents": a correction of the field asked or just answered,
            # when that field spells out what is called wrong; otherwise an answer ("Nuoret, ei aikuiset")
            near = [f for f in (pending, st.last_field) if f]
            fld = next((f for f in near if self._holds(f, c.removed)), None)
            elsewhere = self._holders([re.sub(r"^(?:the|a|an)\s+", "", r, flags=re.I) for r in c.removed], whole=True)
            if fld is None and len(elsewhere) == 1 and (len(c.text.split()) > 2 or same_kind(c.text, c.removed[0])
                                                        or _NOT_ALL.search(a.text) or place_for_place(a.text)):
                fld = elsewhere[0]  # "the money comes from the municipality, not the ministry": a sentence
            elif fld is None and _NOT_ALL.search(a.text) and "target_groups" in elsewhere:
                fld = "target_groups"  # "not all young people": whom it is for, also when the idea says them too
        if not c.field and c.removed and not c.additive and (not c.text and not c.command or c.bare and not self.
                                                                   _holders(c.removed, whole=True)):
            denied = contradicted(self, a.text, first_only=True)  # "ei me tehä seurakunnan kanssa mitään, se on
            if denied is not None:  # Järvenpään Mielenterveysseura": the card's "Järvenpään seurakunta"
                return denied
        answer = answers_question(self, c, a.text)  # "Nej, int nåt projekt alls. Skolkuratorn märkte …" to "where?"
        if answer is not None:
            return self.after_update(self._store_answer(pending or "", answer))
        if c.bare and c.text and not c.field and pending and pending != fld and not getattr(st.draft, pending) \
                and not self._holders(c.removed, whole=True):
            # "Ei koko Pirkanmaa, vaan Tampere ja Nokia" to "which regions?": nothing on the card says "koko
            # Pirkanmaa", so it answers the question with what it says is right (the card's "Pirkanmaan
            # hyvinvointialue" stays)
            return self.after_update(self._store_answer(pending, c.text))
        by_content = not c.field and fld is not None and fld == self._found_by_content and not c.additive
        if fld is None:  # nothing to correct yet: it is an answer after all
            return self._as_answer(a.text)
        self._apply_correction(fld, c.text, c.removed, c.additive, by_content=by_content, pairs=c.pairs,
                               named=bool(c.field) and not c.in_place)
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        if st.phase == "reuse_offer":  # corrected before answering the offer: the offer still stands
            self.refresh_matches()
            return [self.t("iv.corrected", label=self.label(fld)), self.t("iv.reuse_question")]
        return self.after_update([self.t("iv.corrected", label=self.label(fld))])

    def _swap_in(self, fld: str, right: str, wrong: str) -> list[str]:
        """One value written on the card (a number, an age range) replaced where it stands."""
        self._apply_correction(fld, right, [wrong], False, pairs=[(right, wrong)])
        if self.state.phase in ("confirm", "done"):
            self.state.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=self.label(fld))])

    def _do_swap(self, a: policy.Action) -> list[str]:
        """A weekday, year or opening time replaced where the card writes it (``slot_swap``); the sentences
        that answer the open question are stored first."""
        st = self.state
        if a.text and a.field and st.pending_field == a.field:
            self._store_answer(a.field, a.text)
        fields = list(dict.fromkeys(s.field for s in a.swaps))
        for fld in fields:
            value = getattr(st.draft, fld)
            for s in (s for s in a.swaps if s.field == fld):  # the value as the card writes it, nothing else
                value = replace_words(value, s.wrong, s.right)
            self.set(fld, value, FieldStatus.confirmed, replace=True)
            st.status[fld] = FieldStatus.confirmed
            self._unsure_done(fld)
            st.last_field = fld
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return self.after_update([self.t("iv.corrected", label=", ".join(self.label(f) for f in fields))])

    def _as_answer(self, text: str) -> list[str]:
        """A message read as a correction that corrects nothing on the card: what it would have been."""
        if self._quiet:
            raise NothingHere
        st = self.state
        if st.phase in ("confirm", "done"):  # "close, but the stage is wrong, we're not a pilot, …": it says which
            said = self.offline.nlu.correction(text)
            if said is not None and said.removed and (said.command or contains(text, self.offline.nlu.cues.
                                                                               removal_commands)):
                # "less ambulance transports is not our goal, please take it away from goals": not written there
                return [self.t("iv.not_on_card", words=md(short(", ".join(said.removed)))), self.summary()]
            contest = policy.contest_of(text, self.offline.nlu)
            if contest is not None:
                return self._do_set(contest) if contest.kind == "set" else self._do_reopen(contest)
            return contradicted(self, text) or restated_after_hedge(self, text) \
                or self._do_which(policy.Action("which", text=text))
        if st.pending_field and st.asking == "confirm":
            return self._do_replace_value(policy.Action("replace_value", field=st.pending_field, text=text))
        if st.pending_field:  # "Korjaus: …" that corrects nothing on the card is not the answer to the question
            return place_or_tell(self, text) or removal_of_nothing(self, text) or contradicted(self, text) \
                or restated_after_hedge(self, text) or self.after_update(self._store_answer(st.pending_field, text))
        return self._do_story(policy.Action("story", text=text))

    def _correction_field(self, text: str, removed: list[str], weak: bool = False,
                          additive: bool = False) -> str | None:
        """Which field a correction without a field name means: the one holding what is called wrong; else
        the answer just given; else the field holding the corrected words ("korjaan: kolme ohjaajaa"); else
        the field the words describe. After only "sori" or "actually", only a value on the card counts."""
        st = self.state
        holder = self._holder(removed, context=text) if removed else None
        if holder or weak:
            return holder
        just = st.last_field if st.last_field and st.last_field_turn == st.turns - 1 \
            and st.phase in ("collect", "reuse_offer") else None
        if just and not additive:
            # "oho, tarkoitin yli 65-vuotiaat kotona asuvat" right after another answer still corrects the
            # field that says nearly the same ("Yli 75-vuotiaat kotona asuvat")
            elsewhere = self._holder([text], least=2) if text else None
            closer = elsewhere and self._shared_with(elsewhere, text) > self._shared_with(just, text) + 1
            if elsewhere and elsewhere != just and closer:
                self._found_by_content = elsewhere
                return elsewhere
            return just
        if text and additive:  # "also add hard of hearing elders": what the words are, before where they echo
            guess = self.offline.classifier.predict([text])[0]
            if guess.field in _CARD and guess.p >= 0.5 and (guess.field != "regions" or only_places(text)):
                return guess.field  # "Luckan Raseborg" is a partner in Raseborg, not a place to add
        holder = self._holder([text], least=1) if text else None
        if holder:
            self._found_by_content = holder
            return holder
        if text:
            guess = self.offline.classifier.predict([text])[0]
            if guess.field in _CARD and guess.p >= (0.4 if additive else 0.5):
                return guess.field
        return just or (st.last_field if st.phase == "collect" else None)

    def _apply_correction(self, fld: str, text: str, removed: list[str], additive: bool,
                          by_content: bool = False, pairs: list[tuple[str, str]] | None = None,
                          named: bool = False) -> None:
        """Change as little as the correction says. A short wrong phrase is swapped in place; lists lose
        the items named wrong and gain the new ones; a text loses the sentence named wrong. Only a
        correction of the field as a whole ("oho, väärin meni: …" right after answering, or naming the
        field) replaces all of it. ``by_content``: the field was found by the corrected words, so only the
        matching item or sentence changes."""
        draft, lang = self.state.draft, self.state.lang
        current = getattr(draft, fld)
        if fld == "name" and text:  # "nimi on Vauva edellä, se oli hankkeen nimi": the name, not the story
            text = re.split(r"\s*[;,]\s+|\.\s+", text)[0]
        if named and text and not removed and not additive and not by_content:
            text = without_denial(text, current, lang)  # "Vi har ingen enkät, vi följer upp …": the denial goes
        value = self.offline.value_for(fld, text) if text else None
        swapped = None
        for right, wrong in [] if named else pairs or []:  # "tiistaisin en torstaisin": swap where written;
            now = current if swapped is None else swapped  # every pair ("monday and wednesday, its tuesday and
            right, wrong = spanned(" \n ".join(now) if isinstance(now, list) else str(now or ""), right, wrong,
                                   self.message)  # "every wednesday, not every second tuesday": as wide as written
            wrong = _with_shared_lead(now, right, wrong)  # thursday": both days)
            again = substitute(now, fld, right, [wrong], lang)
            swapped = again if again is not None else swapped
        if swapped is None and not named:  # naming the field gives its whole value: no word swapping
            swapped = substitute(current, fld, text, removed, lang)
        whole = not removed and not additive and not by_content
        if swapped is not None:  # "Tuesdays not Thursdays": the word changes, the rest stays
            self.set(fld, swapped, FieldStatus.confirmed, replace=True)
        elif fld in LIST_FIELDS:
            keep = [] if whole and value else list(current or [])
            if removed:  # of items that spell the phrase as said ("föräldrarna") and ones that only share its
                exact = [i for i in keep if _spelled(i, removed)] or [i for i in keep if _prefixed(i, removed)]
                # stem ("vars föräldrar"), the first go; a phrase said short ("poli") is spelled too
                keep = [part for i in keep  # nothing said in its place: an organisation goes with its unit
                        for part in (_without(i, removed, lang, not value) if not exact or i in exact else [i])]
            elif by_content and value:
                keep = [i for i in keep if not any(_shared(i, v, lang) for v in value)]
            # "only for mums, not dads": "for mums" only names a group an item left on the card already names
            new_items = [v for v in value or [] if fld != "target_groups" or not _named_already(v, keep)]
            self.set(fld, dedupe(keep + new_items), FieldStatus.confirmed, replace=True)
        elif fld in ("stage", "name"):
            if value:
                self.set(fld, value, FieldStatus.confirmed, replace=True)
        else:
            old = sentences(str(current or ""))
            hit = [s for s in old if any(_overlaps(s, r, lang) for r in removed)] if removed else []
            if by_content and value and not hit:
                hit = [s for s in old if _shared(s, str(value), lang)][:1]
            if removed and not value and hit:  # "poista se X": only the clause that says X goes
                new_text = " ".join(s if s not in hit else _clause_without(s, removed, lang) for s in old)
            elif value and hit:
                new_text = " ".join(_in_part(s, str(value), removed, lang) if s == hit[0] else s
                                    for s in old if s not in hit[1:])
            elif value and current and not whole:
                glue = ", " if fld == "contact" and not str(current).rstrip().endswith((".", ",", ";")) else " "
                new_text = f"{current}{glue}{value}"  # added, or the wrong part was not found: keep what is there
            elif value:
                new_text = value
            else:
                new_text = " ".join(s for s in old if s not in hit)
            self.set(fld, new_text or None, FieldStatus.confirmed, replace=True)
        self.state.status[fld] = FieldStatus.confirmed
        self._unsure_done(fld)
        self.state.last_field = fld


def _with_shared_lead(current: object, right: str, wrong: str) -> str:
    """The wrong phrase with the word before it on the card when the right one starts with that word: "ei
    hyvinvointialue vaan Kainuun Järjestöverkko" on "Kainuun hyvinvointialue" gives no "Kainuun Kainuun …"."""
    lead = right.split()[0] if right.split() else ""
    said = " ".join(current) if isinstance(current, list) else str(current or "")
    if lead and not wrong.lower().startswith(lead.lower()) and \
            re.search(rf"(?<![\w-]){re.escape(lead)}\s+{re.escape(wrong)}", said, re.IGNORECASE):
        return f"{lead} {wrong}"
    return wrong


def _range_pair(c: Correction, current: object) -> tuple[str, str] | None:
    """(right, wrong) as the card writes them when a correction sets one range of numbers against another and
    the named field writes the wrong one ("16–25-vuotiaat" → "18–29")."""
    new = re.findall(r"\d+", c.text)
    old = re.findall(r"\d+", " ".join(c.removed))
    if len(new) != 2 or len(old) != 2 or new == old:
        return None
    said = " ".join(current) if isinstance(current, list) else str(current or "")
    m = re.search(rf"(?<![\d.,]){old[0]}\s*(?P<dash>[–-])\s*{old[1]}(?![\d.,])", said)
    return (f"{new[0]}{m.group('dash')}{new[1]}", m.group(0)) if m else None
