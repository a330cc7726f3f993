"""The interview engine: one user turn in, one reply out, with the draft, matches and next steps.

UI-agnostic (used by the web UI, the CLI and the eval runner). Data flows in one line: turn →
intents → extractor → retriever → advisor → session store. Every turn is saved before it returns.
"""

from __future__ import annotations

import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant import advisor, intents
from assistant.extract_offline import Extraction, OfflineExtractor, sentences
from assistant.flow import Prompts, load_prompts
from assistant.i18n import t
from assistant.interview_types import FieldStatus, InterviewState, Message, Turn
from assistant.llm import LLMError, LLMExtractor, build_llm
from assistant.render import draft_markdown, draft_to_model, steps_markdown, summary_markdown
from assistant.schema import FIELDS, LIST_FIELDS, ModelDescription, clean_text, label
from assistant.services import Services, build_services
from assistant.sessions import SessionStore
from assistant.textproc import detect_language

LANGS = ("fi", "sv", "en")
CARD_FIELDS = tuple(f for f in FIELDS if f not in ("id", "created", "updated", "language"))


@lru_cache(maxsize=1)
def default_services() -> Services:
    return build_services()


@lru_cache(maxsize=4)
def _sessions(path: str) -> SessionStore:
    return SessionStore(Path(path))


_EXTRACTORS: dict[tuple[int, str], OfflineExtractor] = {}


def _offline(services: Services, prompts: Prompts) -> OfflineExtractor:
    """One offline extractor per embedder and prompts dir (its field prototypes are embedded once)."""
    key = (id(services.embedder), str(prompts.directory))
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = OfflineExtractor(services.embedder, prompts)
    return _EXTRACTORS[key]


class Interview:
    """A guided interview; construct with ``start`` or ``resume``."""

    def __init__(self, state: InterviewState, services: Services, sessions: SessionStore,
                 prompts: Prompts, llm: LLMExtractor | None = None) -> None:
        self.state = state
        self.services = services
        self.sessions = sessions
        self.prompts = prompts
        self.llm = llm
        self.offline = _offline(services, prompts)
        self._notices: list[str] = []  # notices raised deep inside a turn (e.g. the bank not answering)
        self.settings = services.settings

    # -- construction ----------------------------------------------------------------------------
    @classmethod
    def _deps(cls, services: Services | None, sessions: SessionStore | None, prompts_dir: Path | None,
              llm: LLMExtractor | None | bool) -> tuple[Services, SessionStore, Prompts, LLMExtractor | None]:
        svc = services or default_services()
        store = sessions or _sessions(str(svc.settings.data_dir / "sessions.db"))
        prompts = load_prompts(str(prompts_dir or svc.settings.prompts_dir or "") or None)
        model = build_llm(svc.settings, prompts) if llm is None else (llm or None)
        return svc, store, prompts, model  # type: ignore[return-value]

    @classmethod
    def start(cls, lang: str | None = None, *, services: Services | None = None,
              sessions: SessionStore | None = None, prompts_dir: Path | None = None,
              llm: LLMExtractor | None | bool = None, session_id: str | None = None) -> Interview:
        """A new session with the welcome and the first question, already saved."""
        svc, store, prompts, model = cls._deps(services, sessions, prompts_dir, llm)
        state = InterviewState(session_id=session_id or uuid.uuid4().hex, lang=lang if lang in LANGS else "fi")
        iv = cls(state, svc, store, prompts, model)
        first = iv._ask_next([])
        iv._say(t("iv.welcome", state.lang) + "\n\n" + first)
        return iv

    @classmethod
    def resume(cls, session_id: str, *, services: Services | None = None, sessions: SessionStore | None = None,
               prompts_dir: Path | None = None, llm: LLMExtractor | None | bool = None) -> Interview:
        """Reload a saved session exactly as it was (KeyError if the id is unknown)."""
        svc, store, prompts, model = cls._deps(services, sessions, prompts_dir, llm)
        return cls(store.load(session_id), svc, store, prompts, model)

    # -- public API ------------------------------------------------------------------------------
    @property
    def session_id(self) -> str:
        return self.state.session_id

    @property
    def history(self) -> list[Message]:
        return list(self.state.history)

    def current(self, notices: list[str] | None = None) -> Turn:
        """The latest reply as a Turn (after start: the welcome and the first question)."""
        st = self.state
        last = next((m for m in reversed(st.history) if m.role == "assistant"), None)
        return Turn(session_id=st.session_id, reply=last.text if last else "", asked_field=st.pending_field,
                    draft=st.draft.model_copy(deep=True), status=self.status(), matches=list(st.matches),
                    next_steps=list(st.next_steps),
                    done=st.phase == "done", lang=st.lang, phase=st.phase, notices=notices or [])

    def status(self) -> dict[str, FieldStatus]:
        """Status of every card field (missing unless filled, partial, confirmed or skipped)."""
        out: dict[str, FieldStatus] = {}
        for f in CARD_FIELDS:
            value = getattr(self.state.draft, f)
            out[f] = self.state.status.get(f) or (FieldStatus.partial if value else FieldStatus.missing)
            if out[f] in (FieldStatus.partial, FieldStatus.confirmed) and not value:
                out[f] = FieldStatus.missing
        return out

    def turn(self, user_text: str) -> Turn:
        """Handle one user message; the state (with the user's text) is saved before and after."""
        st = self.state
        notices: list[str] = []
        self._notices = notices
        text = clean_text(user_text if isinstance(user_text, str) else str(user_text or ""))
        limit = self.settings.max_turn_chars
        if len(text) > limit:
            notices.append(t("iv.truncated", st.lang, n=len(text), max=limit))
            text = text[:limit]
        st.turns += 1
        st.history.append(Message(role="user", text=text))
        self.sessions.save(st)
        if not intents.has_content(text):
            parts = [t("iv.empty", st.lang)]
            if st.pending_field:
                parts.append(self.prompts.flow.question(st.pending_field, st.lang))
            return self._reply(parts, notices)
        try:
            parts = self._handle(text, notices)
        except LLMError as exc:  # never lose the turn: redo it offline
            st.usage.failures += 1
            notices.append(t("iv.llm_fallback", st.lang) + f" ({exc})")
            llm, self.llm = self.llm, None
            try:
                parts = self._handle(text, notices)
            finally:
                self.llm = llm
        return self._reply(parts, notices)

    def edit(self, field: str, value: str | list[str]) -> Turn:
        """A direct edit on the model card: replaces the value and marks it confirmed."""
        if field not in CARD_FIELDS:
            raise ValueError(f"unknown field {field!r}")
        if field in LIST_FIELDS and isinstance(value, str):
            value = [v.strip() for v in value.replace("\n", ";").split(";") if v.strip()]
        self._set(field, value, FieldStatus.confirmed, replace=True)
        self._refresh_matches()
        self.sessions.save(self.state)
        return self.current()

    def set_language(self, lang: str) -> Turn:
        """Switch language; the pending question is asked again in the new language."""
        if lang not in LANGS:
            raise ValueError(f"language must be one of {LANGS}")
        self.state.lang = lang
        parts = [t("iv.lang_switched", lang)]
        if self.state.pending_field:
            parts.append(self._question(self.state.pending_field))
        elif self.state.phase == "confirm":
            parts.append(self._ask_next([]))
        return self._reply(parts, [])

    def to_record(self) -> dict[str, Any]:
        return draft_to_model(self.state.draft, self.state.lang, self.state.published_id).to_record()

    def to_markdown(self, lang: str | None = None) -> str:
        return draft_markdown(self.state.draft, lang or self.state.lang)

    def publish(self) -> ModelDescription:
        """Store the draft in the bank (stage kept, default idea); never overwrites someone else's model."""
        st = self.state
        model = draft_to_model(st.draft, st.lang, st.published_id)
        if st.published_id is None:
            base, n = model.id, 2
            while self.services.store.get(model.id) is not None:
                model = model.model_copy(update={"id": f"{base}-{n}"})
                n += 1
        self.services.store.upsert([model])
        st.published_id = model.id
        self.sessions.save(st)
        return model

    # -- turn handling ---------------------------------------------------------------------------
    def _handle(self, text: str, notices: list[str]) -> list[str]:
        st, cues = self.state, self.prompts.cues
        lang_req = intents.language_request(text, cues)
        if lang_req:
            st.lang = lang_req
            return [t("iv.lang_switched", lang_req)] + (
                [self._question(st.pending_field)] if st.pending_field else [])
        if len(text.split()) >= 5:
            st.lang = detect_language(text, default=st.lang, min_evidence=2)
        if intents.is_greeting(text, cues) or intents.is_offtopic_question(text, cues) \
                or intents.is_clarification(text, cues):
            return self._redirect(text)
        if st.phase in ("confirm", "done"):
            return self._closing(text)
        if intents.is_question(text, cues):
            return self._answer_question(text)
        if st.phase == "reuse_offer":
            choice = intents.reuse_choice(text, cues)
            st.phase = "collect"
            st.reuse_choice = choice or "own"
            st.pending_field = self.prompts.flow.next_field(self.status())
            if choice or intents.is_yes(text, cues) or intents.is_no(text, cues):
                key = {"adopt": "iv.reuse_adopt", "join": "iv.reuse_join"}.get(st.reuse_choice, "iv.reuse_own")
                if len(text.split()) <= 6:
                    return self._after_update([t(key, st.lang)])
                # a choice with more to say ("Meidän mallimme on erilainen. Ytimessä on …"): keep the content
                self._absorb(text, notices)
                return self._after_update([t(key, st.lang)])
        if st.phase == "narrow_core":
            st.phase = "collect"
            if not intents.is_skip(text, cues):
                self._set("core", self.offline.value_for("core", text) or [], FieldStatus.confirmed, replace=True)
            st.status["core"] = FieldStatus.confirmed
            return self._after_update([])
        explicit = intents.explicit_field(text, cues) if len(sentences(text)) <= 1 else None
        if explicit and explicit[0]:
            fld, value_text = explicit
            value = self.offline.value_for(fld, value_text)
            if value:
                self._set(fld, value, FieldStatus.confirmed, replace=True)
                ack = "iv.thanks" if fld == st.pending_field else "iv.corrected"
                return self._after_update([t(ack, st.lang, label=label(fld, st.lang))])
        if explicit and not explicit[0]:
            text = explicit[1] or text
        if st.pending_field and intents.is_skip(text, cues):
            st.status[st.pending_field] = FieldStatus.skipped
            return self._after_update([t("iv.skipped", st.lang)])
        return self._after_update(self._absorb(text, notices))

    def _absorb(self, text: str, notices: list[str]) -> list[str]:
        """Put the content of a message into the draft: the asked field, or a whole story."""
        st = self.state
        focus = st.pending_field
        ext = self._extract(text, focus, notices)
        if focus and focus not in ext.values and not (focus == "stage"):
            value = self.offline.value_for(focus, text)
            if value:
                ext.values[focus] = value
        if focus == "stage" and "stage" not in ext.values:
            return [self.prompts.flow.question("stage", st.lang, 0)]
        filled: list[str] = []
        for fld, value in ext.values.items():
            if fld not in CARD_FIELDS or not value:
                continue
            if fld == focus:
                self._set(fld, value, FieldStatus.confirmed, replace=True)
            elif st.status.get(fld) != FieldStatus.confirmed:
                self._set(fld, value, FieldStatus.partial, replace=False)
                filled.append(fld)
        parts: list[str] = []
        if filled:
            parts.append(t("iv.noted", st.lang, fields=", ".join(label(f, st.lang).lower() for f in filled)))
        elif focus:
            parts.append(t("iv.thanks", st.lang))
        return parts

    def _extract(self, text: str, focus: str | None, notices: list[str]) -> Extraction:
        if self.llm is not None:
            return self.llm.extract(text, focus, self.state.draft, self.state.lang, self.state.usage)
        if focus is None or len(sentences(text)) >= 2:
            return self.offline.from_story(text, focus=focus)
        value = self.offline.value_for(focus, text)
        return Extraction(values={focus: value} if value else {})

    def _set(self, fld: str, value: Any, status: FieldStatus, replace: bool) -> None:
        draft = self.state.draft
        current = getattr(draft, fld)
        if fld in LIST_FIELDS and not replace and current:
            value = list(current) + [v for v in value if v.lower() not in {c.lower() for c in current}]
        elif fld not in LIST_FIELDS and not replace and current and fld != "stage":
            value = f"{current} {value}"
        setattr(draft, fld, value)
        self.state.status[fld] = status

    def _after_update(self, parts: list[str]) -> list[str]:
        """Refresh matches; offer reuse, narrow the core, ask the next question, or summarise."""
        st, flow = self.state, self.prompts.flow
        self._refresh_matches()
        core = st.draft.core
        if core and len(core) > flow.core_max_items and not st.core_narrowed and st.phase == "collect":
            st.core_narrowed = True
            st.phase = "narrow_core"
            st.pending_field = "core"
            st.asked.append("core")
            return parts + [flow.narrow_core.get(st.lang, flow.narrow_core["fi"]).format(
                n=len(core), items="; ".join(core)) + " " + t("iv.pick_core_hint", st.lang)]
        known = all(getattr(st.draft, f) for f in flow.reuse_check_after)
        close = advisor.strong(st.matches, self.settings.match_threshold, self.settings.match_strength)
        fresh = [m for m in close if m.id not in st.offered]
        if known and fresh and st.phase == "collect" and not st.offered:
            top = fresh[0]
            st.offered.append(top.id)
            st.phase = "reuse_offer"
            st.pending_field = None
            text = t("iv.reuse_offer", st.lang, name=top.name, stage=advisor.stage_label(top.stage, st.lang),
                     owner=top.organisation or t("owner.unknown", st.lang), why=top.why)
            if top.near_duplicate:
                text += "\n\n" + t("iv.near_duplicate", st.lang, name=top.name)
            return parts + [text]
        return parts + [self._ask_next([])]

    def _ask_next(self, parts: list[str]) -> str:
        st = self.state
        nxt = self.prompts.flow.next_field(self.status())
        if nxt is None:
            st.phase, st.pending_field = "confirm", None
            return t("iv.summary", st.lang) + "\n\n" + summary_markdown(
                st.draft, st.lang, advisor.stage_label(st.draft.stage, st.lang))
        st.pending_field = nxt
        st.asked.append(nxt)
        return self._question(nxt)

    def _question(self, fld: str) -> str:
        st = self.state
        variant = st.asked.count(fld) - 1
        base = self.prompts.flow.question(fld, st.lang, max(variant, 0))
        if self.llm is not None:
            return self.llm.phrase(fld, base, st.draft, st.lang, st.usage)
        return base

    def _closing(self, text: str) -> list[str]:
        st, cues = self.state, self.prompts.cues
        if intents.is_question(text, cues):
            return self._answer_question(text)
        if intents.is_yes(text, cues):
            st.phase = "done"
            for f, s in self.status().items():
                if s == FieldStatus.partial:
                    st.status[f] = FieldStatus.confirmed
            self._refresh_matches()
            return [t("iv.done", st.lang) + "\n\n" + steps_markdown(st.next_steps)]
        explicit = intents.explicit_field(text, cues)
        if explicit and explicit[0]:
            value = self.offline.value_for(explicit[0], explicit[1])
            if value:
                self._set(explicit[0], value, FieldStatus.confirmed, replace=True)
        st.phase = "collect"
        return [t("iv.corrected", st.lang, label=label(explicit[0], st.lang))] + [self._ask_next([])] \
            if explicit and explicit[0] else [self._ask_next([])]

    def _redirect(self, text: str) -> list[str]:
        """Greetings, small talk and "what do you mean?": nothing is stored; the question is asked again."""
        st, cues = self.state, self.prompts.cues
        if intents.is_clarification(text, cues) and st.pending_field:
            variant = st.asked.count(st.pending_field)
            return [self.prompts.flow.question(st.pending_field, st.lang, variant)]
        opener = t("iv.thanks", st.lang) if intents.is_greeting(text, cues) else t("iv.offtopic", st.lang)
        if st.pending_field:
            return [opener, self._question(st.pending_field)]
        if st.phase == "confirm":
            return [opener, t("iv.summary", st.lang)]
        if st.phase == "reuse_offer" and st.offered:
            return [opener, t("iv.reuse_question", st.lang)]
        return [opener]

    def _answer_question(self, text: str) -> list[str]:
        st = self.state
        context = " ".join(filter(None, [st.draft.problem, "; ".join(st.draft.target_groups)]))
        hits = self.services.retriever.search(f"{text} {context}".strip(), k=3, lang=st.lang, context=st.draft)
        if not hits:
            parts = [t("iv.search_none", st.lang)]
        else:
            lines = [f"- **{h.model.name}** ({advisor.stage_label(h.model.stage, st.lang)}, "
                     f"{h.model.organisation or t('owner.unknown', st.lang)}): {h.why}" for h in hits]
            parts = [t("iv.search_answer", st.lang) + "\n" + "\n".join(lines)]
        if st.pending_field:
            parts.append(self._question(st.pending_field))
        elif st.phase == "confirm":
            parts.append(t("iv.summary", st.lang))
        return parts

    def _refresh_matches(self) -> None:
        st = self.state
        draft = st.draft
        if not any(getattr(draft, f) for f in ("problem", "target_groups", "goals", "core", "summary", "name")):
            return
        try:
            hits = self.services.retriever.similar(draft, k=5)
        except Exception as exc:  # a Chroma server gone away mid-session: keep interviewing, say so
            self._notices.append(t("iv.bank_unavailable", st.lang) + f" ({type(exc).__name__})")
            return
        st.matches = [advisor.to_match(h, draft, self.settings.duplicate_threshold) for h in hits]
        st.next_steps = advisor.next_steps(st.matches, draft, st.lang, self.settings.match_threshold,
                                           self.settings.match_strength, st.reuse_choice, st.offered)

    def _say(self, text: str) -> None:
        self.state.history.append(Message(role="assistant", text=text, asked_field=self.state.pending_field))
        self.sessions.save(self.state)

    def _reply(self, parts: list[str], notices: list[str]) -> Turn:
        self._say("\n\n".join(p for p in parts if p))
        return self.current(notices)
