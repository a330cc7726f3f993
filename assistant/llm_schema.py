"""What the LLM path exchanges with a model: the extraction schema (``response_model``), the error kinds
its notices name, the notice texts, and reading a JSON object out of a text answer. Kept apart from the
client (``llm``) so the schema can be read and tested without the transport."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.schema import Stage


class LLMError(RuntimeError):
    """The model timed out, failed, or returned something unusable; ``kind`` says which, for the notice."""

    def __init__(self, message: str, kind: str = "invalid") -> None:
        super().__init__(message)
        self.kind = kind  # timeout | http | down | invalid | unsupported | budget

    def reason(self, lang: str) -> str:
        from assistant.i18n import t

        return t(f"llm.reason.{self.kind}", lang)


class LLMExtraction(BaseModel):
    """Fields of a welfare practice model that one message of the interview gives values for."""

    model_config = ConfigDict(extra="ignore")

    name: str | None = Field(None, description="the name of the practice model, if the message names it")
    summary: str | None = Field(None, description="a short description of the whole model in a sentence or two")
    basic_idea: str | None = Field(None, description="the basic idea of the solution: how it works in practice")
    problem: str | None = Field(None, description="the need or problem the model answers; why the work started")
    target_groups: list[str] = Field(default_factory=list, description="the people the model is for")
    goals: list[str] = Field(default_factory=list, description="the change the model aims at")
    core: list[str] = Field(default_factory=list, description="the activities and tools that must stay the same "
                            "when another region adopts the model")
    adaptable: list[str] = Field(default_factory=list, description="the parts that may change locally")
    actors: list[str] = Field(default_factory=list, description="who does the work or develops it: "
                              "organisations, professions, partners")
    stage: Stage | None = Field(None, description="one of: idea, developing, ready, established, ended")
    conditions: str | None = Field(None, description="what the model needs to work and to be adopted: "
                                   "resources, skills, agreements")
    measurement: str | None = Field(None, description="how the change is measured or followed")

    @field_validator("target_groups", "goals", "core", "adaptable", "actors", mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value.strip() else []
        if isinstance(value, list):
            return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value
                    if v not in (None, "")]
        return value

    @field_validator("stage", mode="before")
    @classmethod
    def _stage(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) and value.strip() else (value or None)


FIELDS = tuple(LLMExtraction.model_fields)
LIST_KEYS = frozenset(f for f, info in LLMExtraction.model_fields.items() if info.annotation == list[str])


def field_lines() -> str:
    """One line per field: name, kind, meaning (the prompt of every method names them)."""
    out = []
    for name, info in LLMExtraction.model_fields.items():
        kind = "list of short strings" if name in LIST_KEYS else ("one word" if name == "stage" else "text")
        out.append(f"- {name} ({kind}): {info.description}")
    return "\n".join(out)


@lru_cache(maxsize=4)
def _notices(directory: str) -> dict[str, dict[str, str]]:
    path = Path(directory) / "llm" / "notices.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {str(k): {str(lk): str(lv) for lk, lv in v.items()} for k, v in (data or {}).items()}


def notice(key: str, lang: str, directory: Path | None = None, **fmt: Any) -> str:
    """A text from ``prompts/llm/notices.yaml`` (Finnish when the language is missing)."""
    from assistant.i18n import DEFAULT_PROMPTS

    texts = _notices(str(directory or DEFAULT_PROMPTS)).get(key) or _notices(str(DEFAULT_PROMPTS)).get(key, {})
    text = texts.get(lang) or texts.get("fi") or key
    return text.format(**fmt) if fmt else text


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)


def json_object(text: str) -> dict[str, Any] | None:
    """The JSON object in a model's text answer (code fences and chatter around it ignored)."""
    text = _FENCE.sub("", text.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        data = json.loads(text[start:end + 1])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _strict_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
