"""Carrying out the policy's decisions on an interview state: storing answers, corrections and
confirmations, searching the bank, offering reuse, and asking the next thing.

One ``Dialogue`` lives for one turn. It mutates the state it was given; ``Interview.turn`` gives it the
live state and restores a snapshot if anything fails, so a turn is all or nothing.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import ValidationError

from assistant import advisor, policy
from assistant.announced import about_part, without_when
from assistant.closing import Closing
from assistant.contradiction import contradicted
from assistant.correction_shapes import renamed_in_passing
from assistant.corrections import _CARD, Corrections
from assistant.extract_offline import Extraction, OfflineExtractor
from assistant.flow import Prompts
from assistant.hedged import restated_after_hedge
from assistant.i18n import t
from assistant.in_passing import InPassing
from assistant.interview_types import FieldStatus, InterviewState
from assistant.items import card_text, dedupe, sentences
from assistant.llm import LLMExtractor
from assistant.ordinal_words import spelled, typed_in_digits
from assistant.removal_ref import referred_removal
from assistant.schema import LIST_FIELDS, MAX_ITEM, MAX_ITEMS, MAX_TEXT, label
from assistant.self_repair import said_once
from assistant.services import Services
from assistant.several_fixes import SeveralFixes
from assistant.textproc import detect_language
from assistant.textsafe import md, short, without_emoji
from assistant.understand import Understanding
from assistant.unplaced import about_another_item, place_or_tell


class Dialogue(Corrections, Closing, InPassing, SeveralFixes):
    """Executes one turn's action on ``state``."""

    def __init__(self, state: InterviewState, services: Services, prompts: Prompts, offline: OfflineExtractor,
                 llm: LLMExtractor | None, notices: list[str]) -> None:
        self.state, self.services, self.prompts = state, services, prompts
        self.flow, self.offline, self.llm, self.notices = prompts.flow, offline, llm, notices
        self.nlu: Understanding = offline.nlu
        self.settings = services.settings
        self._found_by_content: str | None = None  # set when a correction's field was found by its words
        self.message = ""  # the person's message as typed, for readers that need more than the action's text

    def t(self, key: str, **fmt: Any) -> str:
        return t(key, self.state.lang, **fmt)

    def label(self, fld: str) -> str:
        return label(fld, self.state.lang)

    # -- the turn --------------------------------------------------------------------------------
    def handle(self, text: str) -> list[str]:
        text = without_emoji(text)  # "sori 😅 ryhmät on …": a face is no word of the answer (the log keeps it)
        text = about_part(text)  # "one thing on who it's for: …" says what is corrected as "who it's for: …"
        text = said_once(text)  # "niitä on kolme, ei vaan neljä": the number as finally said
        if typed_in_digits(text):  # "the 3rd floor not the 2nd" on a card that says "the second floor"
            text = spelled(text, card_text(self.state.draft, self.flow.card))
        several = self.several_fixes(text)  # at the summary, "pari asiaa vielä. …": a sentence at a time
        return several if several is not None else self.handle_one(text)

    def handle_one(self, text: str) -> list[str]:
        st = self.state
        text = without_when(text)  # "before the money question, …": the fix that follows, read alone
        self.message = text
        u = self.nlu.analyse(text, in_closing=st.phase in ("confirm", "done"))
        if u.correction is None and u.intent is None and st.phase in ("collect", "confirm", "done") and not (
                st.phase == "collect" and st.pending_field == "adaptable"):  # "välipalan voi jättää pois" adapts
            gone_item = referred_removal(st.draft, self.flow.card, text, st.lang)
            if gone_item is not None:  # "se tavote missä puhutaan ylipainosta saa lähtee pois": that one item
                u = dataclasses.replace(u, correction=gone_item)
        if u.intent is None and len(text.split()) >= 5:
            st.lang = detect_language(text, default=st.lang, min_evidence=2)
        gone = self.place_gone(text)
        if gone is not None:  # "Forssaa ei oo, pitää olla Janakkala": the place changed, the rest read alone
            return gone
        action = policy.decide(st, u, self.nlu, self.flow)
        told = self.in_passing(action)
        if told is not None:  # "ei me enää pilotoida, tää on vakiintunutta": the stage, whatever was asked
            return told
        handler = getattr(self, f"_do_{action.kind}")
        return list(handler(action))

    # -- intents ---------------------------------------------------------------------------------
    def _do_empty(self, a: policy.Action) -> list[str]:
        return [self.t("iv.empty"), self._repeat()]

    def _do_lang(self, a: policy.Action) -> list[str]:
        return self.switch_language(a.lang or self.state.lang)

    def switch_language(self, lang: str) -> list[str]:
        self.state.lang = lang
        self.refresh_matches(force_steps=True)
        return [self.t("iv.lang_switched"), self._repeat()]

    def _do_mask(self, a: policy.Action) -> list[str]:
        """"Peitä henkilötiedot": personal data in the draft becomes [henkilötunnus], [puhelin], …"""
        from assistant import pii

        st = self.state
        before = st.draft.model_dump()
        masked = pii.mask_record(before, st.lang)
        changed = [f for f in before if before[f] != masked.get(f)]
        for f in changed:
            setattr(st.draft, f, masked[f])
        key = "iv.masked" if changed else "iv.nothing_to_mask"
        return [self.t(key, fields=", ".join(self.label(f) for f in changed)), self._repeat()]

    def _do_greeting(self, a: policy.Action) -> list[str]:
        return [self.t("iv.thanks"), self._repeat()]

    def _do_offtopic(self, a: policy.Action) -> list[str]:
        return [self.t("iv.offtopic"), self._repeat()]

    def _do_clarify(self, a: policy.Action) -> list[str]:
        st = self.state
        if st.pending_field and st.asking == "question":
            variant = st.asked.count(st.pending_field)
            st.asked.append(st.pending_field)
            return [self.flow.question(st.pending_field, st.lang, variant)]
        return [self._repeat()]

    def _do_search(self, a: policy.Action) -> list[str]:
        st = self.state
        context = " ".join(filter(None, [st.draft.problem, "; ".join(st.draft.target_groups)]))
        from assistant.matcher import search_answer

        return [search_answer(self.services, f"{a.text} {context}".strip(), st.draft, st.lang), self._repeat()]

    def _repeat(self) -> str:
        """The pending question again (or the summary / the reuse question)."""
        st = self.state
        if st.phase == "reuse_offer":
            return self.t("iv.reuse_question")
        if st.phase in ("confirm", "done"):
            return self.summary() if st.phase == "confirm" else ""
        if st.pending_field and st.asking == "confirm":
            return self._confirm_question(st.pending_field)
        if st.pending_field:
            return self._question(st.pending_field)
        return self.ask_next()

    # -- reuse offer and core narrowing ----------------------------------------------------------
    def _do_reuse(self, a: policy.Action) -> list[str]:
        st = self.state
        st.phase, st.reuse_choice = "collect", a.choice
        st.reuse_note = short(a.text, 500)
        key = {"adopt": "iv.reuse_adopt", "join": "iv.reuse_join", "implement": "iv.reuse_implement"}.get(
            a.choice or "own", "iv.reuse_own")
        offered = st.offered[-1] if st.offered else None
        name = next((m.name for m in st.matches if m.id == offered), offered or "")
        if a.choice == "implement" and offered:
            st.implementation_of = offered
        self.refresh_matches(force_steps=True)
        return [self.t(key, name=md(name)), self.ask_next()]

    def _do_narrow_core(self, a: policy.Action) -> list[str]:
        self.state.phase = "collect"
        value = self.offline.value_for("core", a.text)
        if value:
            self.set("core", value, FieldStatus.confirmed, replace=True)
        self.state.status["core"] = FieldStatus.confirmed
        return self.after_update([])

    def _do_skip_core_narrowing(self, a: policy.Action) -> list[str]:
        self.state.phase = "collect"
        self.state.status["core"] = FieldStatus.confirmed
        return self.after_update([])

    # -- confirming an inferred value ------------------------------------------------------------
    def _unsure_done(self, fld: str) -> None:
        if fld in self.state.unsure:
            self.state.unsure.remove(fld)

    def _do_confirm_value(self, a: policy.Action) -> list[str]:
        assert a.field
        self.state.status[a.field] = FieldStatus.confirmed
        self._unsure_done(a.field)
        return self.after_update([self.t("iv.thanks")])

    def _do_reject_value(self, a: policy.Action) -> list[str]:
        assert a.field
        self.clear(a.field)
        self._unsure_done(a.field)
        return self.after_update([])

    def _do_keep_unsure(self, a: policy.Action) -> list[str]:
        assert a.field
        self._unsure_done(a.field)
        return self.after_update([])

    def _do_replace_value(self, a: policy.Action) -> list[str]:
        assert a.field
        elsewhere = about_another_item(self, a.field, a.text)
        if elsewhere is not None:
            return elsewhere
        self._unsure_done(a.field)
        return self.after_update(self._store_answer(a.field, a.text))

    def _do_add_value(self, a: policy.Action) -> list[str]:
        assert a.field
        self._unsure_done(a.field)
        value = self.offline.value_for(a.field, a.text)
        if value:
            self.set(a.field, value, FieldStatus.confirmed, replace=False)
        return self.after_update([self.t("iv.thanks")])

    # -- answers, stories, skips, corrections ----------------------------------------------------
    def _do_skip(self, a: policy.Action) -> list[str]:
        assert a.field
        self.state.status[a.field] = FieldStatus.skipped
        return self.after_update([self.t("iv.skipped")])

    def _do_reask(self, a: policy.Action) -> list[str]:
        st = self.state
        if st.pending_field:
            st.asked.append(st.pending_field)
            return [self.t("iv.tell_more"), self._question(st.pending_field)]
        return [self.ask_next()]

    def _do_answer(self, a: policy.Action) -> list[str]:
        assert a.field
        # "unohdin: myös kolmosperheet" to "what is the core?": a correction, never this answer
        return place_or_tell(self, a.text) or contradicted(self, a.text) or renamed_in_passing(self, a.text) \
            or restated_after_hedge(self, a.text) or self.after_update(self._store_answer(a.field, a.text))

    def _store_answer(self, fld: str, text: str) -> list[str]:
        """All of the answer goes to the asked field, except sentences that name another field."""
        st = self.state
        st.content_turns += 1
        if fld == "stage":
            stage = self.offline.value_for("stage", text)
            if stage is None:
                if st.asked.count("stage") >= self.flow.thresholds.max_stage_asks:
                    # asked twice without a stage phrase: the stage reader's guess rather than nothing
                    guess = self.offline.stage_of(text)
                    if guess is None:
                        st.status["stage"] = FieldStatus.skipped
                        return [self.t("iv.stage_unclear")]
                    stage = guess[0]
                else:
                    st.asked.append("stage")
                    return [self.t("iv.stage_options")]
        ext = self._extract(text, fld)
        if fld != "stage" and fld not in ext.values:
            value = self.offline.value_for(fld, text)
            if value:
                ext.values[fld] = value
        if fld == "stage" and "stage" not in ext.values:
            ext.values["stage"] = stage
        other: list[str] = []
        for f, value in ext.values.items():
            if not value or f not in _CARD:
                continue
            if f == fld:
                self.set(f, value, FieldStatus.confirmed, replace=True)
            elif self.state.status.get(f) != FieldStatus.confirmed and f != "stage":
                self.set(f, value, FieldStatus.partial, replace=False)
                other.append(f)
        st.last_field, st.last_field_turn = fld, st.turns
        if other:
            return [self.t("iv.noted", fields=", ".join(self.label(f).lower() for f in other))]
        return [self.t("iv.thanks")]

    def _extract(self, text: str, focus: str | None) -> Extraction:
        ext = self.offline.answer(focus, text) if focus else self.offline.story(text)
        if self.llm is None:
            return ext
        st = self.state
        self.llm.deadline((st.session_id, st.turns))  # the turn's LLM budget starts before the offline work
        ext, from_llm = self.llm.understand(ext, text, focus, st, self.notices, self.offline.classifier)
        for f in from_llm:  # another field the LLM found in this answer: the person confirms it
            if f != focus and f != "stage" and f in _CARD and st.status.get(f) != FieldStatus.confirmed:
                st.confidence[f] = ext.confidence.get(f, self.settings.llm_confidence)
                if f not in st.unsure:
                    st.unsure.append(f)
        return ext

    def _do_story(self, a: policy.Action) -> list[str]:
        """A story: each sentence to its field; confident ones are noted, unsure ones confirmed later."""
        st = self.state
        first = st.content_turns == 0
        denied = contradicted(self, a.text) or renamed_in_passing(self, a.text) \
            or restated_after_hedge(self, a.text)  # of what the card holds
        if denied is not None:
            return denied
        st.content_turns += 1
        th = self.flow.thresholds
        if self.llm is not None:
            self.llm.deadline((st.session_id, st.turns))
        long_report = len(sentences(a.text)) > th.report_sentences  # a pasted report: file only the clear
        ext = self.offline.story(a.text, focus=None if first else a.field,
                                 assign=th.assign_report if long_report else th.assign)
        if self.llm is not None:
            ext, _ = self.llm.understand(ext, a.text, a.field, st, self.notices, self.offline.classifier)
        filled: list[str] = []
        for f, value in ext.values.items():
            if not value or f not in _CARD or st.status.get(f) == FieldStatus.confirmed:
                continue
            p = ext.confidence.get(f, 1.0) if f != "stage" else 0.0  # a stage told in passing is confirmed
            self.set(f, value, FieldStatus.partial, replace=f == "stage")
            st.confidence[f] = round(min(p, st.confidence.get(f, 1.0)), 3)
            if (p < th.confident or f in self.flow.always_confirm) and f not in st.unsure:
                st.unsure.append(f)
            filled.append(f)
        if a.field and a.field in filled:
            st.last_field, st.last_field_turn = a.field, st.turns
        parts = [self.t("iv.noted", fields=", ".join(self.label(f).lower() for f in filled))] if filled else []
        return self.after_update(parts)

    # -- shared steps ----------------------------------------------------------------------------
    def set(self, fld: str, value: Any, status: FieldStatus, replace: bool, strict: bool = False) -> None:
        """Store a value (merged into what is there unless ``replace``), trimmed to the record limits."""
        draft = self.state.draft
        current = getattr(draft, fld)
        if fld in LIST_FIELDS and not replace and current:
            value = dedupe(list(current) + list(value))
        elif fld not in LIST_FIELDS and not replace and current and fld not in ("stage", "name"):
            if str(value).lower() not in str(current).lower():
                value = f"{current} {value}"
        if not strict:
            value = self._fit(fld, value)
        try:
            setattr(draft, fld, value)
        except ValidationError:
            if strict:
                raise
            self.notices.append(self.t("iv.value_rejected", label=self.label(fld)))
            return
        self.state.status[fld] = status

    def _fit(self, fld: str, value: Any) -> Any:
        """Over-long values are cut to the record limits with a notice instead of failing the turn."""
        if fld in LIST_FIELDS and isinstance(value, list):
            cut = [str(v)[:MAX_ITEM] for v in value[:MAX_ITEMS]]
            if len(value) > MAX_ITEMS or any(len(str(v)) > MAX_ITEM for v in value):
                self.notices.append(self.t("iv.value_trimmed", label=self.label(fld)))
            return cut
        if isinstance(value, str) and len(value) > MAX_TEXT:
            self.notices.append(self.t("iv.value_trimmed", label=self.label(fld)))
            return value[:MAX_TEXT]
        if fld == "name" and isinstance(value, str) and len(value) > 300:
            return value[:300]
        return value

    def clear(self, fld: str) -> None:
        setattr(self.state.draft, fld, [] if fld in LIST_FIELDS else None)
        self.state.status.pop(fld, None)
        self.state.confidence.pop(fld, None)

    def after_update(self, parts: list[str]) -> list[str]:
        """Refresh matches; offer reuse, narrow the core, or ask the next question / summary."""
        if self._quiet:  # a second correction of the message: the first one asks
            return parts
        st, flow = self.state, self.flow
        self.refresh_matches()
        core = st.draft.core
        if core and len(core) > flow.core_max_items and not st.core_narrowed and st.phase == "collect":
            st.core_narrowed = True
            st.phase, st.pending_field, st.asking = "narrow_core", "core", "question"
            st.asked.append("core")
            return parts + [flow.narrow_core.get(st.lang, flow.narrow_core["fi"]).format(
                n=len(core), items="; ".join(md(c) for c in core)) + " " + self.t("iv.pick_core_hint")]
        offer = self._reuse_offer()
        if offer:
            return parts + [offer]
        return parts + [self.ask_next()]

    def _reuse_offer(self) -> str | None:
        from assistant.matcher import offer_bar, offer_text, offer_worthy

        st = self.state
        if st.phase != "collect" or st.offered or not all(getattr(st.draft, f) for f in self.flow.reuse_check_after):
            return None  # one interruption per interview; later strong matches show in the list and next steps
        top = offer_worthy(st.matches, offer_bar(self.services, st.draft, self.flow.thresholds.offer), st.offered)
        if top is None:
            return None
        st.offered.append(top.id)
        st.phase, st.pending_field, st.asking = "reuse_offer", None, "question"
        return offer_text(top, st.lang)

    def ask_next(self) -> str:
        st = self.state
        ask = policy.next_ask(st, self.flow)
        if ask.kind == "summary":
            st.phase, st.pending_field, st.asking = "confirm", None, "question"
            return self.summary()
        assert ask.field
        st.pending_field, st.asking = ask.field, ask.kind  # type: ignore[assignment]
        st.asked.append(ask.field)
        if ask.kind == "confirm":
            return self._confirm_question(ask.field)
        return self._question(ask.field)

    def _confirm_question(self, fld: str) -> str:
        value = getattr(self.state.draft, fld)
        if fld == "stage" and value is not None:
            shown = advisor.stage_label(value, self.state.lang)
        else:
            shown = "; ".join(value) if isinstance(value, list) else str(value)
        quoted = md(short(shown, 240)).rstrip(" .!?")
        return self.flow.confirm[self.state.lang].format(label=self.label(fld), value=quoted)

    def _question(self, fld: str) -> str:
        st = self.state
        variant = max(st.asked.count(fld) - 1, 0)
        base = self.flow.question(fld, st.lang, variant)
        if self.llm is not None:
            return self.llm.phrase(fld, base, st.draft, st.lang, st.usage, turn=(st.session_id, st.turns),
                                   notices=self.notices)
        return base

    def refresh_matches(self, force_steps: bool = False) -> None:
        from assistant.matcher import refresh

        refresh(self.state, self.services, self.notices, force_steps=force_steps,
                strong=self.flow.thresholds.offer)


__all__ = ["Dialogue", "sentences"]
