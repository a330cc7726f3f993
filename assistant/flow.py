"""The dialogue policy as data: which field to ask next, and in which words (``prompts/flow.yaml``).

The choice of the next question is deterministic (Rasa-forms style), so "asked the right next question"
is testable without an LLM.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.i18n import DEFAULT_PROMPTS
from assistant.interview_types import FieldStatus
from assistant.schema import FIELDS

LangTexts = dict[str, list[str]]


class Flow(BaseModel):
    """Validated flow file; a typo in a field name fails loudly at load time."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    order: list[str]
    required: list[str]
    reuse_check_after: list[str] = Field(default_factory=list)
    core_max_items: int = 6
    questions: dict[str, LangTexts]
    narrow_core: dict[str, str]

    @model_validator(mode="after")
    def _check(self) -> Flow:
        unknown = [f for f in self.order + self.required + self.reuse_check_after if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) in flow: {unknown}")
        missing = [f for f in self.order if f not in self.questions]
        if missing:
            raise ValueError(f"no questions for: {missing}")
        for field, by_lang in self.questions.items():
            for lang in ("fi", "sv", "en"):
                if not by_lang.get(lang):
                    raise ValueError(f"question for {field!r} missing in {lang}")
        return self

    def question(self, field: str, lang: str, variant: int = 0) -> str:
        texts = self.questions[field].get(lang) or self.questions[field]["fi"]
        return texts[variant % len(texts)]

    def next_field(self, status: dict[str, FieldStatus]) -> str | None:
        """First field in order that is still missing (filled, partial and skipped ones are not asked)."""
        for field in self.order:
            if status.get(field, FieldStatus.missing) == FieldStatus.missing:
                return field
        return None


class Cues(BaseModel):
    """Phrase lists from ``prompts/cues.yaml``."""

    model_config = ConfigDict(extra="forbid")

    skip: LangTexts
    yes: LangTexts
    no: LangTexts
    correction_prefix: LangTexts
    question: LangTexts
    language: LangTexts
    reuse: dict[str, LangTexts]
    stage: dict[str, list[str]]
    fields: dict[str, list[str]]
    field_names: dict[str, list[str]]
    greeting: LangTexts
    clarify: LangTexts


class Prompts(BaseModel):
    """Everything under one prompts directory, loaded once."""

    directory: Path
    flow: Flow
    cues: Cues
    prototypes: dict[str, list[str]]


def _yaml(path: Path) -> object:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=8)
def load_prompts(directory: str | None = None) -> Prompts:
    """Load and validate flow, cues and prototypes (cached per directory)."""
    d = Path(directory) if directory else DEFAULT_PROMPTS
    return Prompts(directory=d, flow=Flow.model_validate(_yaml(d / "flow.yaml")),
                   cues=Cues.model_validate(_yaml(d / "cues.yaml")),
                   prototypes=_yaml(d / "prototypes.yaml"))  # type: ignore[arg-type]
