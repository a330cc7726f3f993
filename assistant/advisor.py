"""Reuse before new: an explainable rule set from matches to next steps.

ready/established → adopt; developing/idea → join co-development; ended → learn what ended it;
no match above the threshold → new development is justified, publish early.
"""

from __future__ import annotations

import re

from assistant.i18n import t
from assistant.interview_types import Draft, Match, NextStep, StepKind
from assistant.retrieval import Hit
from assistant.schema import Stage

KIND_BY_STAGE: dict[Stage | None, StepKind] = {
    Stage.ready: "adopt", Stage.established: "adopt", Stage.developing: "co-develop",
    Stage.idea: "co-develop", Stage.ended: "learn", None: "co-develop",
}


def _norm_name(name: str | None) -> str:
    return re.sub(r"[^0-9a-zåäö]+", " ", (name or "").lower()).strip()


def to_match(hit: Hit, draft: Draft, duplicate_threshold: float) -> Match:
    """A search hit as a card-ready match; flags a near-duplicate (same model implemented elsewhere)."""
    m = hit.model
    a, b = _norm_name(draft.name), _norm_name(m.name)
    same_name = bool(a) and bool(b) and (a == b or (len(a) > 4 and a in b) or (len(b) > 4 and b in a))
    told = _norm_name(" ".join(filter(None, [draft.basic_idea, draft.problem, draft.summary])))
    named = len(b) > 4 and f" {b} " in f" {told} "  # the user names the existing model ("our Ohjaamo")
    near = same_name or named or (hit.similarity or 0.0) >= duplicate_threshold
    return Match(id=m.id, name=m.name, stage=m.stage, organisation=m.organisation, regions=m.regions,
                 score=round(hit.score, 4), similarity=None if hit.similarity is None else round(hit.similarity, 4),
                 strength=None if hit.strength is None else round(hit.strength, 2),
                 why=hit.why, near_duplicate=near, source_url=m.source_url)


def strong(matches: list[Match], threshold: float, min_strength: float = 0.0) -> list[Match]:
    """Matches close enough to recommend reuse: near-duplicates, or similar enough *and* standing out
    from the background (raw e5 similarities are compressed into ~0.80-0.93 for any welfare text)."""
    return [m for m in matches if m.near_duplicate
            or ((m.similarity or 0.0) >= threshold and (m.strength or 0.0) >= min_strength)]


def stage_label(stage: Stage | None, lang: str) -> str:
    return t(f"stage.{stage.value}", lang) if stage else "-"


def next_steps(matches: list[Match], draft: Draft, lang: str, threshold: float, min_strength: float = 0.0,
               choice: str | None = None, offered: list[str] | None = None, limit: int = 3) -> list[NextStep]:
    """Steps that each name the model and the reason; the user's reuse choice goes first."""
    steps: list[NextStep] = []
    close = strong(matches, threshold, min_strength)[:limit]
    for m in close:
        kind = KIND_BY_STAGE.get(m.stage, "co-develop")
        owner = m.organisation or t("owner.unknown", lang)
        text = t(f"step.{kind}", lang, name=m.name, stage=stage_label(m.stage, lang), owner=owner)
        reason = t("step.reason.match", lang, score=f"{(m.similarity or m.score):.2f}", why=m.why)
        steps.append(NextStep(kind=kind, model_id=m.id, model_name=m.name, text=text, reason=reason))
    if choice in ("adopt", "join") and offered:
        first = offered[-1]
        steps.sort(key=lambda s: s.model_id != first)
    if not steps:
        closest = max(matches, key=lambda m: m.similarity or 0.0) if matches else None
        stage = draft.stage if draft.stage in (Stage.idea, Stage.developing) else Stage.idea
        if closest is None:
            reason = t("step.reason.none", lang, threshold=f"{threshold:.3f}")
        else:
            key = "step.reason.closest" if (closest.similarity or 0.0) < threshold else "step.reason.closest_flat"
            reason = t(key, lang, name=closest.name, sim=f"{closest.similarity or 0.0:.3f}",
                       threshold=f"{threshold:.3f}")
        steps.append(NextStep(kind="new", model_id=closest.id if closest else None,
                              model_name=closest.name if closest else None,
                              text=t("step.new", lang, stage=stage_label(stage, lang)), reason=reason))
    return steps
