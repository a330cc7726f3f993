"""Optional LLM backend: any OpenAI-compatible chat endpoint via langchain-openai.

What keeps it honest (issue 13):

- **Bounded calls**: every call has an output-token cap that every server honours (``max_completion_tokens``
  and ``max_tokens`` in the body), and all calls of one interview turn share one time budget
  (``llm_turn_budget``, see ``llm_budget``): retries, a method switch and the question rewording included.
  Answers are streamed, so a generation stops when the budget ends. Out of time: ``LLMError("budget")`` and
  the engine redoes the turn offline.
- **Methods that adapt**: the prompt of each structured method names the fields and their meaning; a method
  that keeps failing on an endpoint is replaced by the next one (``llm_methods``).
- **Grounded output**: an LLM value is kept only if what the person said in this turn supports it and it
  is not an echo of the prompt; it is merged with the offline extraction field by field (``llm_ground``).
- **Honest notices**: each notice names what happened; raw model output is never shown. ``Usage`` counts
  silent and visible failures apart.

``ChatOpenAI`` is only constructed when an endpoint is configured: the offline default never builds it.
"""

from __future__ import annotations

import json
import re
import threading
import time
import warnings
from collections import OrderedDict
from string import Template
from typing import Any

from pydantic import ValidationError

from assistant import llm_methods
from assistant.bench.understanding import keys
from assistant.extract_offline import Extraction
from assistant.flow import Prompts
from assistant.interview_types import Draft, InterviewState, Usage
from assistant.llm_budget import BudgetExceeded, Deadline, http_client, kind_of, run_bounded, status_of
from assistant.llm_ground import classifier_placer, ground, merge
from assistant.llm_schema import (
    FIELDS,
    LLMError,
    LLMExtraction,
    _strict_json,
    field_lines,
    json_object,
    notice,
)
from assistant.schema import Stage
from assistant.settings import Settings

LANG_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
TurnKey = tuple[str, int]


class LLMExtractor:
    """Extraction and question phrasing with a chat model; one instance per process (thread-safe)."""

    name = "llm"

    def __init__(self, chat: Any, prompts: Prompts, method: str = "function_calling", retries: int = 1,
                 settings: Settings | None = None, endpoint: str | None = None) -> None:
        self.chat = chat
        self.prompts = prompts
        self.retries = retries
        self.settings = settings or Settings()
        self.model_name = str(getattr(chat, "model_name", None) or getattr(chat, "model", "llm"))
        self.endpoint = endpoint or f"{type(chat).__name__}@{id(chat)}#{self.model_name}"
        self.start_method = method
        llm_methods.state(self.endpoint, method)
        self.transport_retries = self.settings.llm_retries if endpoint else 0
        self._turns: OrderedDict[TurnKey, Deadline] = OrderedDict()
        self._lock = threading.Lock()

    # -- budget ----------------------------------------------------------------------------------
    @property
    def budget(self) -> float:
        """LLM seconds of a turn: the configured budget less a margin for redoing the turn offline."""
        b = self.settings.llm_turn_budget
        return max(0.1, b - min(0.75, b / 10))

    def deadline(self, turn: TurnKey | None) -> Deadline:
        """The turn's deadline, started by its first use (one per call when ``turn`` is None)."""
        if turn is None:
            return Deadline.after(self.budget, self.settings.llm_max_response_bytes)
        with self._lock:
            d = self._turns.get(turn)
            if d is None:
                d = self._turns[turn] = Deadline.after(self.budget, self.settings.llm_max_response_bytes)
                while len(self._turns) > 1024:
                    self._turns.popitem(last=False)
            return d

    @property
    def method(self) -> str | None:
        """The structured method this endpoint uses now (None: extraction stays offline)."""
        return llm_methods.current(self.endpoint, self.start_method)

    # -- prompts ---------------------------------------------------------------------------------
    def _template(self, name: str) -> Template:
        return Template((self.prompts.directory / "llm" / name).read_text(encoding="utf-8"))

    def _messages(self, method: str, text: str, asked_field: str | None) -> list[tuple[str, str]]:
        fmt = self._template(f"format_{method}.txt").safe_substitute()
        system = self._template("extract_system.txt").safe_substitute(fields=field_lines(), format=fmt.strip())
        user = self._template("extract_user.txt").safe_substitute(asked_field=self._asked(asked_field), text=text)
        return [("system", system), ("user", user)]

    @staticmethod
    def _asked(asked_field: str | None) -> str:
        info = LLMExtraction.model_fields.get(asked_field or "")
        if info is None:
            return f"{asked_field}" if asked_field else "nothing yet: this is the opening story"
        return f"{asked_field} ({info.description})"

    def prompt_keys(self, asked_field: str | None) -> set[str]:
        """Content words of everything in the extraction prompt except the person's text."""
        out: set[str] = set()
        for method in llm_methods.LADDER:
            for _role, content in self._messages(method, "", asked_field):
                out |= keys(content.replace("_", " "))
        return out | keys(" ".join(FIELDS).replace("_", " "))

    # -- calls -----------------------------------------------------------------------------------
    @staticmethod
    def _count(usage: Usage, message: Any, messages: list[tuple[str, str]]) -> None:
        """Token usage as the server reports it; estimated (4 characters a token) when it does not, as
        llama-cpp-python's server does not while streaming."""
        meta = getattr(message, "usage_metadata", None) or {}
        prompt, completion = int(meta.get("input_tokens", 0) or 0), int(meta.get("output_tokens", 0) or 0)
        if not prompt and not completion:
            out = str(getattr(message, "content", "") or "") + "".join(
                json.dumps(c.get("args", ""), ensure_ascii=False) for c in getattr(message, "tool_calls", []) or [])
            prompt, completion = sum(len(c) for _r, c in messages) // 4, len(out) // 4
            usage.estimated_calls += 1
        usage.prompt_tokens += prompt
        usage.completion_tokens += completion

    def _kwargs(self, max_tokens: int, **body: Any) -> dict[str, Any]:
        """Request options: the output cap twice (servers honour one or the other) and extra body fields."""
        extra = dict(body)
        if llm_methods.state(self.endpoint, self.start_method).send_max_tokens:
            extra["max_tokens"] = max_tokens
        return {"max_tokens": max_tokens, "extra_body": extra}

    def _send(self, runnable: Any, messages: list[tuple[str, str]], kwargs: dict[str, Any],
              deadline: Deadline) -> Any:
        """One call (streamed if configured) within the deadline, with transport retries for transient
        failures (connection refused, 429, 502–504, a read time-out) while time is left."""
        stream = self.settings.llm_stream

        def call() -> Any:
            if not stream:
                return runnable.invoke(messages, **kwargs)
            message = None
            for chunk in runnable.stream(messages, **kwargs):
                message = chunk if message is None else message + chunk
            return message

        attempt = 0
        while True:
            try:
                return run_bounded(call, deadline)
            except BudgetExceeded as exc:
                raise LLMError("the turn's time budget ran out", kind="budget") from exc
            except Exception as exc:
                kind, status = kind_of(exc, deadline), status_of(exc)
                quirk = self._quirk(exc, status, kwargs)
                if quirk is not None:  # the server refused one of our extras: the same call without it
                    kwargs = quirk
                    continue
                transient = kind in ("down", "timeout") or status in (429, 502, 503, 504)
                wait = min(0.5 * 2 ** attempt, 4.0)
                if not transient or attempt >= self.transport_retries or deadline.remaining() < wait + 0.5:
                    raise LLMError(f"{type(exc).__name__} (HTTP {status})" if status else type(exc).__name__,
                                   kind=kind) from exc
                attempt += 1
                time.sleep(wait)

    def _quirk(self, exc: BaseException, status: int | None, kwargs: dict[str, Any]) -> dict[str, Any] | None:
        """Request options without the extra a 400/422 complained about (remembered for the endpoint)."""
        if status not in (400, 422):
            return None
        said, extra = str(exc).lower(), dict(kwargs.get("extra_body") or {})
        fmt = extra.get("response_format")
        if "max_tokens" in said and "max_tokens" in extra:
            llm_methods.no_max_tokens(self.endpoint)  # the server wants only max_completion_tokens
            extra.pop("max_tokens")
        elif "schema" in said and isinstance(fmt, dict) and fmt.get("type") == "json_object" and "schema" in fmt:
            llm_methods.no_json_object_schema(self.endpoint)
            extra["response_format"] = {"type": "json_object"}
        else:
            return None
        return {**kwargs, "extra_body": extra}

    def _structured_call(self, method: str, messages: list[tuple[str, str]], deadline: Deadline) -> Any:
        cap = self.settings.llm_max_tokens
        if method == "function_calling":
            runnable = self.chat.bind_tools([LLMExtraction], tool_choice="LLMExtraction")
            return self._send(runnable, messages, self._kwargs(cap), deadline)
        if method == "json_schema":
            schema = LLMExtraction.model_json_schema()
            fmt = {"type": "json_schema", "json_schema": {"name": "LLMExtraction", "schema": schema}}
            return self._send(self.chat, messages, self._kwargs(cap, response_format=fmt), deadline)
        fmt = {"type": "json_object"}
        if llm_methods.state(self.endpoint, self.start_method).json_object_schema:
            fmt["schema"] = LLMExtraction.model_json_schema()  # llama.cpp servers constrain the keys with it
        return self._send(self.chat, messages, self._kwargs(cap, response_format=fmt), deadline)

    @staticmethod
    def _payload(method: str, message: Any) -> tuple[dict[str, Any] | None, str]:
        """The object a structured answer carries, or (None, what was wrong)."""
        if method == "function_calling":
            chunks = getattr(message, "tool_call_chunks", None) or []
            if chunks:  # streamed: langchain parses the arguments leniently; we want them whole and valid
                raw = chunks[0].get("args") or ""
                data = json.loads(raw) if _strict_json(raw) else None
                return (data, "") if isinstance(data, dict) else (None, "the tool call arguments are not valid JSON")
            calls = getattr(message, "tool_calls", None) or []
            if calls:
                args = calls[0].get("args")
                return (args, "") if isinstance(args, dict) else (None, "the tool arguments are not an object")
            if getattr(message, "invalid_tool_calls", None):
                return None, "the tool call arguments are not valid JSON"
        content = getattr(message, "content", "")
        text = content if isinstance(content, str) else json.dumps(content)
        data = json_object(text)
        if data is None:
            return None, "the answer is not one JSON object"
        return data, ""

    @staticmethod
    def _validate(data: dict[str, Any]) -> tuple[LLMExtraction | None, int, str]:
        """Schema-valid fields of an answer: (values, number of invalid fields dropped, error if none left)."""
        known = {k: v for k, v in data.items() if k in LLMExtraction.model_fields}
        if data and not known:
            return None, 0, f"none of the keys is a field; use only: {', '.join(FIELDS)}"
        try:
            return LLMExtraction.model_validate(known), 0, ""
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
            good = {k: v for k, v in known.items() if k not in bad and v not in (None, "", [])}
            if not good:
                return None, len(bad), "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())[:300]
            try:
                return LLMExtraction.model_validate(good), len(bad), ""
            except ValidationError as exc2:
                return None, len(bad), str(exc2)[:300]

    def extract(self, text: str, asked_field: str | None, draft: Draft, lang: str, usage: Usage,
                turn: TurnKey | None = None) -> Extraction:
        """Schema-valid values for this message (not yet grounded).

        Invalid output is retried once with the error. A method that failed this turn counts one failure
        for the endpoint; when that makes the endpoint switch, the next method is tried in the same turn if
        time is left. Raises ``LLMError`` when nothing usable came back; its failed calls are counted here,
        the fallback itself by the engine."""
        deadline = self.deadline(turn)
        limit = self.settings.llm_method_failures
        failed, retries = 0, self.retries
        method = self.method
        messages = self._messages(method, text, asked_field) if method else []
        while True:
            if method is None:
                self._give_up(usage, failed)
                raise LLMError("no structured output method works with this endpoint", kind="invalid")
            usage.calls += 1
            try:
                message = self._structured_call(method, messages, deadline)
            except LLMError as exc:
                failed += 1
                if exc.kind == "budget":
                    usage.budget_exceeded += 1
                if llm_methods.failed(self.endpoint, method, exc.kind, status_of(exc), limit) \
                        and self.method and deadline.remaining() > 2.0:
                    method, retries = self.method, self.retries
                    messages = self._messages(method, text, asked_field)
                    continue
                self._give_up(usage, failed)
                raise
            self._count(usage, message, messages)
            data, error = self._payload(method, message)
            result, dropped, verror = self._validate(data) if data is not None else (None, 0, error)
            usage.rejected_values += dropped
            if result is not None:
                llm_methods.succeeded(self.endpoint, method)
                usage.silent_failures += failed
                usage.failures += failed
                return self._to_extraction(result)
            failed += 1
            if retries > 0 and deadline.remaining() > 2.0:
                retries -= 1
                messages = messages + [("user", f"Your previous answer was invalid: {verror or error}. "
                                                 "Answer again with valid values only.")]
                continue
            if llm_methods.failed(self.endpoint, method, "invalid", None, limit) \
                    and self.method and deadline.remaining() > 2.0:
                method, retries = self.method, self.retries
                messages = self._messages(method, text, asked_field)
                continue
            self._give_up(usage, failed)
            raise LLMError("invalid structured output", kind="invalid")

    @staticmethod
    def _give_up(usage: Usage, failed: int) -> None:
        """Counts for a turn about to be redone offline (the engine adds the fallback's own failure)."""
        usage.failures += max(0, failed - 1)
        usage.silent_failures += max(0, failed - 1)
        usage.visible_failures += 1
        usage.fallbacks += 1

    @staticmethod
    def _to_extraction(result: LLMExtraction) -> Extraction:
        ext = Extraction()
        for fld, value in result.model_dump().items():
            if value in (None, "", []):
                continue
            if isinstance(value, list):
                value = [str(v).strip() for v in value if str(v).strip()]
                if not value:
                    continue
            ext.values[fld] = Stage(value) if fld == "stage" else value
            ext.sources[fld] = ["llm"]
        return ext

    def understand(self, offline: Extraction, text: str, focus: str | None, state: InterviewState,
                   notices: list[str], classifier: Any = None) -> tuple[Extraction, list[str]]:
        """The offline extraction of this message merged with the grounded LLM one.

        With the offline sentence ``classifier``, an LLM value for a field other than the one asked about must
        also read like that field. Returns the merged extraction and the fields whose value came from the LLM.
        With no structured method left for this endpoint it is the offline extraction, unchanged. Raises
        ``LLMError`` like ``extract``."""
        if self.method is None:
            return offline, []
        turn = (state.session_id, state.turns)
        raw = self.extract(text, focus, state.draft, state.lang, state.usage, turn=turn)
        placer = classifier_placer(classifier) if classifier is not None else None
        g = ground(raw.values, text, self.prompt_keys(focus), self.prompts, focus=focus, placer=placer)
        state.usage.rejected_values += g.n_rejected
        state.usage.grounded_values += g.n_kept
        if g.rejected and not g.values:
            state.usage.visible_failures += 1
            from assistant.i18n import t

            notices.append(t("iv.llm_fallback", state.lang, reason=t("llm.reason.unsupported", state.lang)))
        elif g.rejected:
            from assistant.schema import label

            names = ", ".join(label(f, state.lang).lower() for f in g.rejected)
            notices.append(notice("llm.rejected", state.lang, self.prompts.directory, fields=names))
        return merge(offline, g.values, self.settings.llm_confidence)

    # -- question phrasing -----------------------------------------------------------------------
    def phrase(self, field: str, base: str, draft: Draft, lang: str, usage: Usage,
               turn: TurnKey | None = None, notices: list[str] | None = None) -> str:
        """The base question reworded by the model; the base question itself on any failure (with a notice
        when the server failed, silently when the rewording was just not usable)."""
        if not self.settings.llm_phrase or llm_methods.phrase_off(self.endpoint):
            return base
        deadline = self.deadline(turn)
        if deadline.remaining() < 2.0:  # not worth starting: keep the turn inside its budget
            usage.silent_failures += 1
            usage.failures += 1
            return base
        system = self._template("question_system.txt").safe_substitute(language=LANG_NAMES.get(lang, "Finnish"))
        user = self._template("question_user.txt").safe_substitute(question=base, draft=_known(draft))
        usage.calls += 1
        messages = [("system", system), ("user", user)]
        try:
            msg = self._send(self.chat, messages, self._kwargs(self.settings.llm_phrase_max_tokens), deadline)
        except LLMError as exc:
            usage.failures += 1
            if exc.kind == "budget":
                usage.budget_exceeded += 1
            if notices is not None:
                usage.visible_failures += 1
                notices.append(notice("llm.phrase_failed", lang, self.prompts.directory, reason=exc.reason(lang)))
            else:
                usage.silent_failures += 1
            return base
        self._count(usage, msg, messages)
        text = str(getattr(msg, "content", "") or "").strip().strip('"“”').strip()
        usable = self._good_question(text, base, lang)
        llm_methods.phrase_result(self.endpoint, usable)
        if not usable:
            usage.failures += 1
            usage.silent_failures += 1
            return base
        return text

    @staticmethod
    def _good_question(text: str, base: str, lang: str) -> bool:
        """One line ending in a question mark, in the conversation's language, asking about what the base
        question asks (a content word of it), with no markup or prompt words in it."""
        from assistant.textproc import detect_language

        if not text or len(text) > 250 or "\n" in text or not text.endswith("?") or text.count("?") > 2:
            return False
        if re.search(r"[{}<>$]|base question|known so far|\bjson\b", text, re.IGNORECASE):
            return False
        if detect_language(text, default=lang, min_evidence=2) != lang:
            return False
        want = keys(base)
        return not want or bool(want & keys(text))


def _known(draft: Draft) -> str:
    """A short plain-text note of what the draft holds (no JSON for a small model to copy)."""
    parts = []
    for fld in FIELDS:
        value = getattr(draft, fld, None)
        if value:
            shown = "; ".join(value) if isinstance(value, list) else str(getattr(value, "value", value))
            parts.append(f"{fld}: {shown[:80]}")
    return " | ".join(parts) if parts else "nothing yet"


def build_llm(settings: Settings, prompts: Prompts) -> LLMExtractor | None:
    """The configured LLM backend, or None (offline) when no chat model is configured."""
    if not settings.llm_model:
        return None
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not key and not settings.llm_base_url:
        warnings.warn("PARASTELU_LLM_MODEL is set but neither PARASTELU_LLM_API_KEY nor PARASTELU_LLM_BASE_URL "
                      "is; the interviewer stays offline until one is given", stacklevel=2)
        return None
    read = min(settings.llm_timeout, settings.llm_turn_budget)
    chat = ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url, api_key=key or "not-needed",  # type: ignore[arg-type]
                      timeout=read, max_retries=0, temperature=0, streaming=settings.llm_stream,
                      stream_usage=True, http_client=http_client(read))
    endpoint = llm_methods.endpoint_key(settings.llm_base_url, settings.llm_model)
    return LLMExtractor(chat, prompts, method=settings.llm_structured_method, settings=settings,
                        endpoint=endpoint)


def status_label(settings: Settings) -> str | None:
    """``model · method`` for the status line once the endpoint has been used (else None)."""
    if not settings.llm_model:
        return None
    return llm_methods.describe(llm_methods.endpoint_key(settings.llm_base_url, settings.llm_model))


__all__ = ["LLMError", "LLMExtraction", "LLMExtractor", "build_llm", "field_lines", "json_object", "notice",
           "status_label"]
