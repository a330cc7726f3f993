"""Optional LLM backend: any OpenAI-compatible chat endpoint via langchain-openai.

Structured output into the schema (method configurable), validation with one retry, a timeout, and token
usage per session. Any failure raises ``LLMError`` and the engine redoes the turn offline with a notice.
``ChatOpenAI`` is only constructed when an endpoint is configured: the offline default never builds it.
"""

from __future__ import annotations

import json
import warnings
from string import Template
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.extract_offline import Extraction
from assistant.flow import Prompts
from assistant.interview_types import Draft, Usage
from assistant.schema import Stage
from assistant.settings import Settings

LANG_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}


class LLMError(RuntimeError):
    """The model timed out, failed, or returned something unusable; ``kind`` says which, for the notice."""

    def __init__(self, message: str, kind: str = "invalid") -> None:
        super().__init__(message)
        self.kind = kind  # timeout | http | down | invalid | unsupported | budget

    def reason(self, lang: str) -> str:
        from assistant.i18n import t

        return t(f"llm.reason.{self.kind}", lang)


class LLMExtraction(BaseModel):
    """What the LLM may fill in one turn (a subset of the canonical schema)."""

    model_config = ConfigDict(extra="ignore")

    name: str | None = None
    summary: str | None = None
    basic_idea: str | None = None
    problem: str | None = None
    target_groups: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    core: list[str] = Field(default_factory=list)
    adaptable: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    stage: Stage | None = None
    conditions: str | None = None
    measurement: str | None = None


class LLMExtractor:
    """Extraction and question phrasing with a chat model; one instance per process."""

    name = "llm"

    def __init__(self, chat: Any, prompts: Prompts, method: str = "function_calling", retries: int = 1) -> None:
        self.chat = chat
        self.prompts = prompts
        self.retries = retries
        self.structured = chat.with_structured_output(LLMExtraction, method=method, include_raw=True)
        self.model_name = str(getattr(chat, "model_name", None) or getattr(chat, "model", "llm"))

    def _template(self, name: str) -> Template:
        return Template((self.prompts.directory / "llm" / name).read_text(encoding="utf-8"))

    @staticmethod
    def _count(usage: Usage, message: Any) -> None:
        meta = getattr(message, "usage_metadata", None) or {}
        usage.prompt_tokens += int(meta.get("input_tokens", 0) or 0)
        usage.completion_tokens += int(meta.get("output_tokens", 0) or 0)

    def extract(self, text: str, asked_field: str | None, draft: Draft, lang: str, usage: Usage) -> Extraction:
        system = self._template("extract_system.txt").safe_substitute()
        user = self._template("extract_user.txt").safe_substitute(
            asked_field=asked_field or "(opening story)", text=text,
            draft=json.dumps(draft.to_record(), ensure_ascii=False))
        messages: list[tuple[str, str]] = [("system", system), ("user", user)]
        last_error = "no answer"
        for _attempt in range(self.retries + 1):
            usage.calls += 1
            try:
                out = self.structured.invoke(messages)
            except Exception as exc:  # timeouts, HTTP errors, connection refused
                raise LLMError(f"{type(exc).__name__}", kind=_kind(exc)) from exc
            self._count(usage, out.get("raw"))
            parsed, error = out.get("parsed"), out.get("parsing_error")
            if parsed is not None and error is None:
                try:
                    result = parsed if isinstance(parsed, LLMExtraction) else LLMExtraction.model_validate(parsed)
                    return self._to_extraction(result)
                except ValidationError as exc:
                    error = exc
            last_error = str(error)[:500]
            messages = messages + [("user", f"Your previous answer was invalid: {last_error}. "
                                             "Answer again with valid values only.")]
        raise LLMError(f"invalid structured output: {last_error[:120]}")

    @staticmethod
    def _to_extraction(result: LLMExtraction) -> Extraction:
        ext = Extraction()
        for fld, value in result.model_dump().items():
            if value in (None, "", []):
                continue
            if isinstance(value, list):
                value = [str(v).strip() for v in value if str(v).strip()]
            ext.values[fld] = Stage(value) if fld == "stage" else value
        return ext

    def phrase(self, field: str, base: str, draft: Draft, lang: str, usage: Usage) -> str:
        """The base question reworded by the model; the base question itself on any failure."""
        system = self._template("question_system.txt").safe_substitute(language=LANG_NAMES.get(lang, "Finnish"))
        user = self._template("question_user.txt").safe_substitute(
            field=field, question=base, draft=json.dumps(draft.to_record(), ensure_ascii=False))
        usage.calls += 1
        try:
            msg = self.chat.invoke([("system", system), ("user", user)])
        except Exception:
            usage.failures += 1
            return base
        self._count(usage, msg)
        text = str(getattr(msg, "content", "") or "").strip()
        if not text or len(text) > 400 or "?" not in text:
            usage.failures += 1
            return base
        return text


def _kind(exc: BaseException) -> str:
    """Which kind of failure an exception from the client is (for an honest notice)."""
    name = type(exc).__name__.lower()
    if "timeout" in name:
        return "timeout"
    if "connection" in name or "connect" in name:
        return "down"
    if "status" in name or "server" in name or "api" in name or getattr(exc, "status_code", None):
        return "http"
    return "invalid"


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
    chat = ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url, api_key=key or "not-needed",  # type: ignore[arg-type]
                      timeout=settings.llm_timeout, max_retries=settings.llm_retries, temperature=0)
    return LLMExtractor(chat, prompts, method=settings.llm_structured_method)
