"""What the dialogue policy decides: an action for one message, and what to ask next. Shared by ``policy``
(midway) and ``summary_reply`` (at the numbered summary), so neither imports the other for its types."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Literal

from assistant.slot_swap import Swap
from assistant.understand import Correction

ActionKind = Literal[
    "empty", "lang", "greeting", "clarify", "offtopic", "search", "mask",
    "reuse", "narrow_core", "skip_core_narrowing",
    "confirm_value", "reject_value", "replace_value", "add_value", "keep_unsure",
    "skip", "reask", "correct", "confirm_or_correct", "answer", "story",
    "accept", "reopen", "set", "add", "which", "swap",
]



@dataclass
class Action:
    kind: ActionKind
    field: str | None = None
    text: str = ""
    lang: str | None = None
    choice: str | None = None
    correction: Correction | None = None
    swaps: list[Swap] = dc_field(default_factory=list)  # "swap": values of a kind replaced (``slot_swap``)


@dataclass
class Ask:
    """The next thing the assistant asks: a field question, a confirmation of an inferred value, or the
    closing summary."""

    kind: Literal["question", "confirm", "summary"]
    field: str | None = None
