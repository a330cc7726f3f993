"""The realistic interview benchmark's cases (``evals/interview/real/*.yaml``): stories told as people
tell them, with a gold field per sentence, answers per field, corrections, closing contests and replies
to a reuse offer. Every third case per language is ``heldout``: never tuned on, always reported apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.schema import Stage

SCORED_FIELDS = ("problem", "basic_idea", "target_groups", "goals", "core", "adaptable", "actors", "environment",
                 "conditions", "measurement", "name", "summary", "organisation", "regions", "contact")
LABELS = (*SCORED_FIELDS, "stage", "other")


class Sentence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    field: str
    alt: list[str] = Field(default_factory=list)


class CaseCorrection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    after: str
    text: str
    field: str
    new: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class Contest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    reopens: str
    then: str


class Bank(BaseModel):
    model_config = ConfigDict(extra="forbid")

    same: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)


class Truth(BaseModel):
    model_config = ConfigDict(extra="allow")

    stage: Stage | None = None
    name: str | None = None


class RealCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    lang: Literal["fi", "sv", "en"]
    split: Literal["dev", "heldout"]
    persona: str = ""
    bank: Bank = Field(default_factory=Bank)
    story: list[Sentence]
    answers: dict[str, str]
    dont_know: list[str] = Field(default_factory=list)
    everyday: list[str] = Field(default_factory=list)
    truth: Truth = Field(default_factory=Truth)
    corrections: list[CaseCorrection] = Field(default_factory=list)
    reuse_reply: str = ""
    closing: list[Contest] = Field(default_factory=list)

    @property
    def story_text(self) -> str:
        return " ".join(s.text.strip() for s in self.story)


def load(directory: Path, split: str | None = None) -> list[RealCase]:
    """All cases (or one split), sorted by id; a malformed file fails with its name."""
    cases: list[RealCase] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            case = RealCase.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except Exception as exc:
            raise ValueError(f"{path}: {exc}") from exc
        for s in case.story:
            if s.field not in LABELS or any(a not in LABELS for a in s.alt):
                raise ValueError(f"{path}: unknown label in {s.text[:40]!r}")
        if split is None or case.split == split:
            cases.append(case)
    return cases
