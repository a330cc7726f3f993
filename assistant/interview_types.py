"""Data the interview engine hands to its callers (UI, CLI, eval runner). All JSON-serialisable."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.schema import ModelDescription, Stage


class FieldStatus(StrEnum):
    """Per-field progress shown as a badge on the model card."""

    missing = "missing"
    partial = "partial"  # inferred from the user's story, not yet confirmed
    confirmed = "confirmed"  # answered directly, edited, or confirmed at the summary
    skipped = "skipped"  # "en tiedä" / "skip" / "later": not asked again


class Draft(ModelDescription):
    """A model description in progress: like ``ModelDescription`` but nothing is required yet."""

    id: str | None = None  # type: ignore[assignment]
    name: str | None = None  # type: ignore[assignment]


class Match(BaseModel):
    """A similar model from the bank, with why it matched."""

    id: str
    name: str
    stage: Stage | None = None
    organisation: str | None = None
    regions: list[str] = Field(default_factory=list)
    score: float
    similarity: float | None = None
    strength: float | None = None
    why: str
    near_duplicate: bool = False
    source_url: str | None = None
    probability: float | None = None  # calibrated: the same practice or an adoptable variant
    band: str | None = None  # "same" | "close" | "topic" | None
    implementations: int = 0  # where else it is in use


StepKind = Literal["adopt", "co-develop", "learn", "new", "implement", "compare"]


class NextStep(BaseModel):
    """One reuse-before-new recommendation; always names the model (if any) and the reason."""

    kind: StepKind
    model_id: str | None = None
    model_name: str | None = None
    text: str
    reason: str


class Message(BaseModel):
    role: Literal["user", "assistant"]
    text: str
    asked_field: str | None = None
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))


class Usage(BaseModel):
    """LLM bookkeeping per session (zero in offline mode).

    ``failures`` counts failed calls; of those, ``silent_failures`` were absorbed without a word (a retry or
    another method then worked, a rewording was dropped), ``visible_failures`` are the times the person was
    told (a turn redone offline, a question left unreworded because the server failed, all suggestions
    rejected). ``fallbacks``: turns redone offline. ``rejected_values``: LLM items dropped as unsupported by
    what the person said or as echoes of the prompt."""

    calls: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    silent_failures: int = 0
    visible_failures: int = 0
    fallbacks: int = 0
    rejected_values: int = 0
    grounded_values: int = 0  # LLM items that passed the grounding check (merged by confidence afterwards)
    budget_exceeded: int = 0
    estimated_calls: int = 0  # calls whose tokens the server did not report (counted as characters / 4)


Phase = Literal["collect", "reuse_offer", "narrow_core", "confirm", "done"]
Asking = Literal["question", "confirm"]


class InterviewState(BaseModel):
    """Everything needed to resume an interview exactly; saved after every turn."""

    model_config = ConfigDict(extra="forbid")

    session_id: str
    lang: str = "fi"
    draft: Draft = Field(default_factory=Draft)
    status: dict[str, FieldStatus] = Field(default_factory=dict)
    asked: list[str] = Field(default_factory=list)
    pending_field: str | None = None
    phase: Phase = "collect"
    matches: list[Match] = Field(default_factory=list)
    offered: list[str] = Field(default_factory=list)
    reuse_choice: str | None = None
    next_steps: list[NextStep] = Field(default_factory=list)
    history: list[Message] = Field(default_factory=list)
    turns: int = 0
    usage: Usage = Field(default_factory=Usage)
    published_id: str | None = None
    core_narrowed: bool = False
    asking: Asking = "question"  # a field question, or "did I get this right?" about an inferred value
    unsure: list[str] = Field(default_factory=list)  # inferred from the story below the confident threshold
    confidence: dict[str, float] = Field(default_factory=dict)  # classifier confidence of inferred values
    last_field: str | None = None  # the field the previous answer went to (for "sori, …" corrections)
    last_field_turn: int = 0  # the turn that answer came in
    content_turns: int = 0  # turns that carried content (the first one is read as a story)
    summary_fields: list[str] = Field(default_factory=list)  # the numbered closing summary, in order
    reuse_note: str | None = None  # what the user said when answering the reuse offer (never a field value)
    implementation_of: str | None = None  # the bank model this draft is a local implementation of
    match_key: str = ""  # what the matches were computed from (unchanged text: no new search)
    matches_deferred: bool = False  # the last turn kept its earlier matches (a long line): this one scores


class Turn(BaseModel):
    """The result of one user turn (or of ``Interview.start``)."""

    session_id: str
    reply: str
    asked_field: str | None
    draft: Draft
    status: dict[str, FieldStatus]
    matches: list[Match]
    next_steps: list[NextStep]
    done: bool
    lang: str
    phase: Phase = "collect"
    asking: Asking = "question"
    notices: list[str] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
