"""The interview engine facade: one user turn in, one reply out, with the draft, matches and next steps.

UI-agnostic (web UI, CLI, eval runner). Each turn is atomic: the user's text is saved first; the turn
then runs on the state and is committed only when it succeeds. If the LLM fails, the turn is replayed
offline from the pre-turn snapshot, so a half-done attempt never leaks into the state.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from assistant.dialogue import Dialogue
from assistant.extract_offline import OfflineExtractor
from assistant.flow import Prompts, load_prompts
from assistant.i18n import t, using
from assistant.interview_types import FieldStatus, InterviewState, Message, Turn
from assistant.llm import LLMError, LLMExtractor, build_llm
from assistant.policy import field_status
from assistant.render import draft_markdown, draft_to_model
from assistant.schema import LIST_FIELDS, Implementation, ModelDescription, Stage, clean_text
from assistant.services import Services, build_services
from assistant.sessions import SessionStore, carry_version

LANGS = ("fi", "sv", "en")
CARD_FIELDS = tuple(f for f in ModelDescription.model_fields
                    if f not in ("id", "created", "updated", "language", "implementations"))


@lru_cache(maxsize=1)
def default_services() -> Services:
    return build_services()


@lru_cache(maxsize=4)
def _sessions(path: str) -> SessionStore:
    return SessionStore(Path(path))


_EXTRACTORS: dict[tuple[int, str], OfflineExtractor] = {}


def _offline(services: Services, prompts: Prompts) -> OfflineExtractor:
    """One offline extractor per embedder and prompts dir (its classifier is loaded once)."""
    key = (id(services.embedder), str(prompts.directory))
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = OfflineExtractor(services.embedder, prompts)
    return _EXTRACTORS[key]


F = TypeVar("F", bound=Callable[..., Any])


def _in_own_words(method: F) -> F:
    """Run an Interview method with its prompts directory active for every text (see ``i18n.using``)."""
    @functools.wraps(method)
    def wrapper(self: Interview, *args: Any, **kwargs: Any) -> Any:
        with using(self.prompts.directory):
            return method(self, *args, **kwargs)
    return wrapper  # type: ignore[return-value]


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
        with using(prompts.directory):
            dlg = iv._dialogue([])
            first = dlg.ask_next()
            iv._say(dlg.t("iv.welcome") + "\n\n" + first)
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
                    next_steps=list(st.next_steps), done=st.phase == "done", lang=st.lang, phase=st.phase,
                    asking=st.asking, notices=notices or [])

    def status(self) -> dict[str, FieldStatus]:
        """Status of every card field (missing unless filled, partial, confirmed or skipped)."""
        return {f: field_status(self.state, f) for f in CARD_FIELDS}

    @_in_own_words
    def turn(self, user_text: str) -> Turn:
        """Handle one user message: the text is saved before anything else, the turn commits atomically."""
        raw = user_text if isinstance(user_text, str) else str(user_text or "")
        text = "" if _binary(raw) else clean_text(raw)  # bytes pasted as text: nothing usable, said so
        notices: list[str] = []
        limit = self.settings.max_turn_chars
        if len(text) > limit:
            notices.append(t("iv.truncated", self.state.lang, n=len(text), max=limit))
            text = text[:limit]
        self.state.turns += 1
        self.state.history.append(Message(role="user", text=text))
        self.sessions.save(self.state)
        notices += self._personal_data_notice(text)
        saved = self.state
        before = saved.model_copy(deep=True)
        try:
            parts = self._dialogue(notices).handle(text)
        except LLMError as exc:  # replay offline from the snapshot taken before the failed attempt
            usage = self.state.usage.model_copy()
            self._restore(saved, before.model_copy(deep=True))
            self.state.usage = usage
            self.state.usage.failures += 1
            notices.append(t("iv.llm_fallback", self.state.lang, reason=exc.reason(self.state.lang)))
            llm, self.llm = self.llm, None
            try:
                parts = self._dialogue(notices).handle(text)
            except BaseException:
                self._restore(saved, before)
                raise
            finally:
                self.llm = llm
        except BaseException:
            self._restore(saved, before)  # nothing half-done is kept; the user's text is already saved
            raise
        return self._reply(parts, notices)

    def _personal_data_notice(self, text: str) -> list[str]:
        """A warning the moment personal data is typed (it never reaches the bank: publishing refuses)."""
        from assistant import pii

        kinds = list(dict.fromkeys(f.kind for f in pii.find(text)))
        if not kinds:
            return []
        lang = self.state.lang
        return [t("iv.personal_data", lang, kinds=", ".join(pii.kinds_label(k, lang) for k in kinds))]

    def _restore(self, saved: InterviewState, snapshot: InterviewState) -> None:
        """Continue from a snapshot of the state as it was saved (same stored version)."""
        carry_version(saved, snapshot)
        self.state = snapshot

    @_in_own_words
    def edit(self, field: str, value: str | list[str]) -> Turn:
        """A direct edit on the model card: replaces the value and marks it confirmed."""
        if field not in CARD_FIELDS:
            raise ValueError(f"unknown field {field!r}")
        if field in LIST_FIELDS and isinstance(value, str):
            value = [v.strip() for v in value.replace("\n", ";").split(";") if v.strip()]
        saved = self.state
        before = saved.model_copy(deep=True)
        try:
            dlg = self._dialogue([])
            if field == "stage" and isinstance(value, str) and value not in {s.value for s in Stage}:
                value = dlg.offline.value_for("stage", value) or value  # "Pilotointi", "Etablerad": the label
            dlg.set(field, value, FieldStatus.confirmed, replace=True, strict=True)
            dlg.refresh_matches()
        except BaseException:
            self._restore(saved, before)
            raise
        self.sessions.save(self.state)
        return self.current()

    @_in_own_words
    def set_language(self, lang: str) -> Turn:
        """Switch language; the pending question (or the summary) is asked again in the new language."""
        if lang not in LANGS:
            raise ValueError(f"language must be one of {LANGS}")
        dlg = self._dialogue([])
        return self._reply(dlg.switch_language(lang), [])

    def to_record(self) -> dict[str, Any]:
        return draft_to_model(self.state.draft, self.state.lang, self.state.published_id).to_record()

    def to_markdown(self, lang: str | None = None) -> str:
        return draft_markdown(self.state.draft, lang or self.state.lang)

    def missing_for_publish(self) -> list[str]:
        """Fields a published model needs that the draft still lacks."""
        return [f for f in self.prompts.flow.publish_required if not getattr(self.state.draft, f)]

    @_in_own_words
    def publish(self) -> ModelDescription:
        """Store the draft in the bank (stage kept, default idea); never overwrites someone else's model.

        Refused (``PublishError``) while required fields are missing or personal data remains."""
        st = self.state
        missing = self.missing_for_publish()
        if missing:
            raise PublishError(t("publish.missing", st.lang, fields=", ".join(
                _label(f, st.lang) for f in missing)))
        model = draft_to_model(st.draft, st.lang, st.published_id)
        from assistant import pii

        pii.ensure_publishable(model.to_record(), st.lang)
        if st.implementation_of:
            return self._publish_implementation(st.implementation_of)
        if st.published_id is None:
            base, n = model.id, 2
            while self.services.store.get(model.id) is not None:
                model = model.model_copy(update={"id": f"{base}-{n}"})
                n += 1
        self.services.store.upsert([model])
        st.published_id = model.id
        self.sessions.save(st)
        return model

    def _publish_implementation(self, model_id: str) -> ModelDescription:
        """Add this draft to an existing bank model as a local implementation (no duplicate model)."""
        st = self.state
        target = self.services.store.get(model_id)
        if target is None:
            raise PublishError(t("publish.no_target", st.lang, id=model_id))
        d = st.draft
        impl = Implementation(organisation=d.organisation or d.name, region=", ".join(d.regions) or None,
                              contact=d.contact, adaptations=d.adaptable,
                              since=None)
        key = (impl.organisation or "", impl.region or "")  # publishing again replaces our own entry
        kept = [i for i in target.implementations if (i.organisation or "", i.region or "") != key]
        updated = target.model_copy(update={"implementations": [*kept, impl]})
        updated = ModelDescription.model_validate(updated.model_dump())
        self.services.store.upsert([updated])
        st.published_id = model_id
        self.sessions.save(st)
        return updated

    # -- internals -------------------------------------------------------------------------------
    def _dialogue(self, notices: list[str]) -> Dialogue:
        return Dialogue(self.state, self.services, self.prompts, self.offline, self.llm, notices)

    def _say(self, text: str) -> None:
        self.state.history.append(Message(role="assistant", text=text, asked_field=self.state.pending_field))
        self.sessions.save(self.state)

    def _reply(self, parts: list[str], notices: list[str]) -> Turn:
        self._say("\n\n".join(p for p in parts if p))
        return self.current(notices)


def _binary(text: str) -> bool:
    """Mostly control, replacement or private-use characters: a file pasted as text, not a message."""
    import unicodedata

    sample = text[:2000]
    if len(sample) < 8:
        return False
    odd = sum(1 for ch in sample if ch not in "\t\n\r" and (unicodedata.category(ch) in ("Cc", "Co", "Cs")
                                                           or ch == "\ufffd"))
    return odd / len(sample) >= 0.15


class PublishError(ValueError):
    """The draft cannot be published yet; the message names what is missing."""


def _label(field: str, lang: str) -> str:
    from assistant.schema import label

    return label(field, lang)
