"""The eval case format (YAML under ``evals/``), validated with ``extra="forbid"``; its JSON Schema is
exported to ``evals/schema/case.schema.json`` so editors validate case files as you type."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.schema import FIELDS, ModelDescription

Lang = Literal["fi", "sv", "en"]
StepKind = Literal["adopt", "co-develop", "learn", "new", "implement", "compare"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScriptedTurn(Strict):
    """One scripted user message; optionally the field the assistant must ask about next."""

    user: str
    expect_asked_about: str | None = None
    expect_asking: Literal["question", "confirm"] | None = None
    expect_phase: Literal["collect", "reuse_offer", "narrow_core", "confirm", "done"] | None = None


class FieldCheck(Strict):
    """Matchers on one extracted field (lists are compared item-wise, case-insensitively)."""

    equals: Any = None
    contains: str | None = None
    contains_any: list[str] | None = None
    contains_all: list[str] | None = None
    regex: str | None = None
    absent: bool | None = None
    stage_is: Literal["idea", "developing", "ready", "established", "ended"] | None = None


class Behaviour(Strict):
    must_not_ask_again: bool | list[str] | None = None
    max_turns: int | None = None
    asked_about_core: bool | None = None
    replied_in: Lang | None = None
    must_not_contain: list[str] | None = None
    reuse_offered: bool | None = None
    done: bool | None = None
    asked: list[str] | None = None  # each of these fields was asked (a question or a confirmation)
    not_asked: list[str] | None = None  # none of these was ever asked
    offered: list[str] | None = None  # the reuse offer named one of these models
    not_offered: list[str] | None = None  # the reuse offer never named any of these


class Retrieval(Strict):
    must_include: list[str] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)
    first_match: str | None = None
    top_k: int = 3


class StepCheck(Strict):
    kind: StepKind
    model: str | None = None


class Expect(Strict):
    fields: dict[str, FieldCheck] = Field(default_factory=dict)
    behaviour: Behaviour = Field(default_factory=Behaviour)
    retrieval: Retrieval | None = None
    next_steps: StepCheck | None = None
    rubric: str | None = None

    @model_validator(mode="after")
    def _fields_known(self) -> Expect:
        unknown = [f for f in self.fields if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) in expect.fields: {unknown}")
        return self


class Correction(Strict):
    """Persona gives ``wrong`` when first asked about ``field``, then corrects it on its next turn."""

    field: str
    wrong: str


class Case(Strict):
    """A scripted conversation or a simulated interviewee (persona) with expectations."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    lang: Lang = "fi"
    kind: Literal["scripted", "persona"]
    knowledge: str | None = Field(None, description="Small knowledge file (relative to the case file) "
                                                     "loaded into an isolated store instead of the seed bank.")
    turns: list[ScriptedTurn] = Field(default_factory=list)
    truth: ModelDescription | None = None
    story: str | None = None
    similar: list[str] = Field(default_factory=list, description="Truly similar bank models (persona).")
    correction: Correction | None = None
    answers: dict[str, str] | None = Field(None, description="After the scripted turns, answer whatever field "
                                                             "is asked from this map (unknown: 'en tiedä').")
    confirm_reply: str | None = Field(None, description="Reply to 'did I get this right?' (default: yes).")
    reuse_reply: str | None = Field(None, description="Reply to a reuse offer (default: continue our own).")
    expect: Expect = Field(default_factory=Expect)
    repeat: int = Field(1, ge=1)
    min_pass_rate: float = Field(1.0, ge=0.0, le=1.0)
    source: str | None = Field(None, exclude=True)

    @model_validator(mode="after")
    def _kind(self) -> Case:
        if self.kind == "scripted" and not self.turns:
            raise ValueError("a scripted case needs `turns`")
        if self.kind == "persona" and (self.truth is None or self.story is None):
            raise ValueError("a persona case needs `truth` and `story`")
        for t in self.turns:
            if t.expect_asked_about and t.expect_asked_about not in FIELDS:
                raise ValueError(f"unknown field in expect_asked_about: {t.expect_asked_about}")
        unknown = [f for f in (self.answers or {}) if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) in answers: {unknown}")
        return self


def load_cases(paths: list[Path]) -> list[Case]:
    """All cases in the given files/directories (``*.yaml``), each remembering its source file."""
    files: list[Path] = []
    for p in paths:
        files += sorted(p.rglob("*.yaml")) if p.is_dir() else [p]
    cases: list[Case] = []
    for f in files:
        if set(f.parts) & {"knowledge", "schema", "retrieval"} or f.name.startswith("_"):
            continue  # knowledge files, schemas and the retrieval dev set are not cases
        try:
            docs = yaml.safe_load(f.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise CaseError(f"{f}: invalid YAML: {exc}") from exc
        items = docs if isinstance(docs, list) else [docs]
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                continue
            try:
                case = Case.model_validate(item)
            except ValidationError as exc:
                where = item.get("id", f"item {n}")
                details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
                raise CaseError(f"{f}: case {where}: {details}") from exc
            case.source = str(f)
            cases.append(case)
    return cases


class CaseError(ValueError):
    """A case file that does not follow the format; the message names the file and the case."""


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
