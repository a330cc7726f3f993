"""Plain JSON endpoints for scripts (``gradio_client``): the same engine and the same session rules as the
browser. A session is reached with its id plus the secret ``interview_start`` returned (or was given)."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.schema import ModelDescription
from assistant.services import Services
from ui import chat
from ui.backend import bank_count, failure_text, llm_label, store_problem
from ui.sessions import NotYours, SessionGate, new_secret
from ui.texts import norm_lang


def register_api(services: Services, gate: SessionGate) -> None:
    """Plain JSON endpoints for scripts (``gradio_client``); same engine, same escaping rules on display.

    A session is reached with its id plus the secret ``interview_start`` returned (or the one passed to it)."""

    def refused(session_id: str) -> gr.Error:
        return gr.Error(f"unknown session {session_id!r} or wrong secret: a session can only be used with the "
                        "secret it was started with")

    def interview_start(lang: str = "fi", secret: str = "") -> dict[str, Any]:
        """Start an interview; returns the first Turn (session_id, reply, draft, …) and its ``secret``."""
        secret = secret or new_secret()
        return {**chat.turn_json(gate.start(lang, secret).current()), "secret": secret}

    def interview_turn(session_id: str, text: str, secret: str = "") -> dict[str, Any]:
        """One user turn in an existing session (id + secret); returns the Turn."""
        store_problem(services, "en")  # reconnect a bank that was down
        try:
            with gate.open(session_id, secret) as iv:
                return chat.turn_json(iv.turn(text))
        except NotYours:
            raise refused(session_id) from None

    def interview_export(session_id: str, lang: str = "", secret: str = "") -> dict[str, Any]:
        """The draft as canonical JSON (``record``) and as Markdown under Innokylä headings."""
        try:
            with gate.open(session_id, secret) as iv:
                return {"record": iv.to_record(), "markdown": iv.to_markdown(lang=lang or None)}
        except NotYours:
            raise refused(session_id) from None

    def find(query: str, stage: list[str] | None = None, region: list[str] | None = None,
             theme: list[str] | None = None, target_group: list[str] | None = None,
             language: list[str] | None = None, k: int = 5, lang: str = "fi") -> dict[str, Any]:
        """Has someone solved this already? ``{"query", "close_match", "hits": [{"id", "name", "probability",
        "band", "why", …}]}`` — the same object as ``parastelu search --json``, best first."""
        from assistant.matcher import search
        from assistant.retrieval import Filters

        filters = Filters(stage=stage or [], region=region or [], theme=theme or [],
                          target_group=target_group or [], language=language or [])
        problem = store_problem(services, norm_lang(lang))
        if problem:
            raise gr.Error(problem)
        try:
            result = search(services, query, k=max(1, min(int(k), 50)), filters=filters, lang=norm_lang(lang))
        except Exception as exc:
            raise gr.Error(failure_text(services, exc, norm_lang(lang)) or f"search failed: {exc}") from None
        return result.to_json()

    def model(model_id: str) -> dict[str, Any] | None:
        """One bank record (canonical JSON) or None."""
        problem = store_problem(services, "en")
        if problem:
            raise gr.Error(problem)
        try:
            m: ModelDescription | None = services.store.get(model_id)
        except Exception as exc:
            raise gr.Error(failure_text(services, exc, "en") or f"lookup failed: {exc}") from None
        return m.to_record() if m else None

    def status() -> dict[str, Any]:
        """LLM backend, bank size, Chroma mode and whether the bank answers."""
        problem = store_problem(services, "en")
        return {"llm": llm_label(services.settings) or "offline", "models": bank_count(services),
                "chroma": services.store.mode, "available": problem is None, "problem": problem}

    for fn in (interview_start, interview_turn, interview_export, find, model, status):
        gr.api(fn, api_name=fn.__name__)
