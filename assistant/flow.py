"""The dialogue policy's data: field order, what "done" means, thresholds, questions and phrase lists
(``prompts/flow.yaml``, ``prompts/cues.yaml``). Validated at load time so a typo fails loudly.

Everything an evaluator may want to change lives in these files; ``parastelu eval --prompts-b DIR``
swaps all of them (and ``i18n.yaml``, ``prototypes.yaml`` and ``llm/``) at once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.i18n import DEFAULT_PROMPTS
from assistant.schema import FIELDS

LangTexts = dict[str, list[str]]
LANGS = ("fi", "sv", "en")


class Thresholds(BaseModel):
    """Numbers the policy decides with (chosen on the dev part of ``evals/interview/real``)."""

    model_config = ConfigDict(extra="forbid")

    story_min_sentences: int = Field(4, description="An answer this long is read as a story, sentence by "
                                                    "sentence; shorter answers go to the asked field.")
    assign: float = Field(0.45, description="Classifier probability needed to file a story sentence at all.")
    report_sentences: int = Field(15, description="A message longer than this is a pasted report.")
    assign_report: float = Field(0.6, description="In a pasted report (logs, appendices), file only clear sentences.")
    confident: float = Field(0.85, description="At or above: filed without a confirmation question.")
    closing_place: float = Field(0.7, description="At the summary, a correction that names no item and finds "
                                 "nothing to change is added to the item its words fit at this probability; "
                                 "below it, the person is asked which item.")
    restate_place: float = Field(0.6, description="A value said again after a hedge ('hmm, not quite: …') that "
                                 "names no field goes to the filled field the classifier gives at least this.")
    max_stage_asks: int = Field(2, description="Ask the stage this many times before leaving it open.")
    offer: float = Field(0.6, description="Calibrated match probability at which the interview stops to offer reuse "
                                          "(search's 'close' band is the match model's own).")


class Flow(BaseModel):
    """Validated flow file."""

    model_config = ConfigDict(extra="forbid")

    version: int = 2
    order: list[str]
    required: list[str]
    publish_required: list[str] = Field(default_factory=lambda: ["name", "problem", "target_groups", "core"])
    reuse_check_after: list[str] = Field(default_factory=list)
    also_on_card: list[str] = Field(default_factory=lambda: ["themes", "funders", "evidence"],
                                    description="Fields never asked but filled when named; shown at the summary "
                                                "and corrected like the asked ones.")
    core_max_items: int = 6
    always_confirm: list[str] = Field(default_factory=lambda: ["core"],
                                      description="Fields a story never fills without the person confirming them.")
    thresholds: Thresholds = Field(default_factory=Thresholds)
    questions: dict[str, LangTexts]
    confirm: dict[str, str]
    narrow_core: dict[str, str]

    @property
    def card(self) -> list[str]:
        """Every field a person sees and corrects: the asked ones in order, then the ones filled when named."""
        return self.order + [f for f in self.also_on_card if f not in self.order]

    @model_validator(mode="after")
    def _check(self) -> Flow:
        named = self.order + self.required + self.reuse_check_after + self.publish_required + self.also_on_card
        unknown = [f for f in named if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) in flow: {unknown}")
        missing = [f for f in self.order + self.also_on_card if f not in self.questions]
        if missing:
            raise ValueError(f"no questions for: {missing}")
        not_asked = [f for f in self.required if f not in self.order]
        if not_asked:
            raise ValueError(f"required but never asked: {not_asked}")
        for field, by_lang in self.questions.items():
            for lang in LANGS:
                if not by_lang.get(lang):
                    raise ValueError(f"question for {field!r} missing in {lang}")
        for name, texts in (("confirm", self.confirm), ("narrow_core", self.narrow_core)):
            if any(lang not in texts for lang in LANGS):
                raise ValueError(f"{name} needs fi, sv and en")
        return self

    def question(self, field: str, lang: str, variant: int = 0) -> str:
        texts = self.questions[field].get(lang) or self.questions[field]["fi"]
        return texts[variant % len(texts)]


class ReuseCues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    adopt: LangTexts
    join: LangTexts
    implement: LangTexts
    own: LangTexts


class Cues(BaseModel):
    """Phrase lists from ``prompts/cues.yaml``."""

    model_config = ConfigDict(extra="forbid")

    fillers: LangTexts
    skip: LangTexts
    yes: LangTexts
    no: LangTexts
    search_starts: LangTexts
    search_words: LangTexts
    language: LangTexts
    language_fillers: list[str]
    greeting: LangTexts
    mask: LangTexts
    clarify: LangTexts
    question_words: LangTexts
    offtopic_starts: LangTexts
    aside_leads: list[str]
    correction_markers: LangTexts
    weak_correction_markers: LangTexts
    # "unohtu äsken mainita X", "glömde Luckan Raseborg", "oh and also the local mosque": what follows is added
    addition_markers: LangTexts = {}
    generic_field_words: list[str]
    negation: LangTexts
    contest_words: LangTexts
    addition_words: LangTexts
    removal_commands: LangTexts
    removal_commands_plain: list[str] = []  # verbs that only mean "delete": "stryk X" needs no "det där om"
    not_only: LangTexts = {}  # "not only X, also Y": Y added, X kept
    replacement_words: LangTexts = {}  # after a removal, who or what is there now: "X ska bort, Y sköter det nu"
    removal_after: LangTexts = {}  # said after what goes: "Juva pois", "Heinola ei kuulu tähän", "X stryk"
    addition_commands: LangTexts
    addition_commands_need_field: list[str]
    false_words: LangTexts
    but_words: LangTexts
    reuse: ReuseCues
    stage: dict[str, list[str]]
    field_names: dict[str, list[str]]
    fields: dict[str, list[str]]

    @model_validator(mode="after")
    def _check(self) -> Cues:
        unknown = [f for f in list(self.field_names) + list(self.fields) if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) in cues: {unknown}")
        return self


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
