"""Reuse before new: explainable next steps from calibrated matches and the user's own choice.

A match at or above the bar: ready/established → adopt, developing/idea → join co-development, ended →
learn; the same model → add your implementation. The user's answer to the reuse offer is honoured ("own"
turns adoption into a comparison). Nothing above the bar → new development, naming the closest model with
its band, so the steps never contradict the match list.
"""

from __future__ import annotations

from assistant.i18n import t
from assistant.interview_types import Draft, Match, NextStep, StepKind
from assistant.schema import Stage
from assistant.textsafe import md

KIND_BY_STAGE: dict[Stage | None, StepKind] = {
    Stage.ready: "adopt", Stage.established: "adopt", Stage.developing: "co-develop",
    Stage.idea: "co-develop", Stage.ended: "learn", None: "co-develop",
}


def stage_label(stage: Stage | None, lang: str) -> str:
    return t(f"stage.{stage.value}", lang) if stage else "-"


def _pct(m: Match) -> str:
    return f"{100 * (m.probability or 0.0):.0f}"


def next_steps(matches: list[Match], draft: Draft, lang: str, choice: str | None = None,
               offered: list[str] | None = None, bar: float = 0.5, limit: int = 3,
               strong: float | None = None) -> list[NextStep]:
    """Steps that each name the model and the reason; the user's reuse choice goes first. At ``strong`` or
    above: adopt / join / learn / add an implementation; between ``bar`` and ``strong``: compare first."""
    offered = offered or []
    answered = offered[-1] if offered and choice else None
    strong = bar if strong is None else strong
    close = [m for m in matches if (m.probability or 0.0) >= bar][:limit]
    steps: list[NextStep] = []
    for m in close:
        owner = md(m.organisation or t("owner.unknown", lang))
        kind: StepKind = KIND_BY_STAGE.get(m.stage, "co-develop")
        if (m.probability or 0.0) < strong and m.id != answered:
            kind = "compare"  # close, but not sure enough to advise adopting it
        elif m.id == answered:
            chosen: dict[str, StepKind] = {"own": "compare", "join": "co-develop", "implement": "implement"}
            kind = chosen.get(choice or "", kind)
        elif m.band == "same" and kind == "adopt":
            kind = "implement"  # they describe what the bank already has: add theirs as an implementation
        text = t(f"step.{kind}", lang, name=md(m.name), stage=stage_label(m.stage, lang), owner=owner)
        reason = t("step.reason.match", lang, pct=_pct(m), band=t(f"band.{m.band or 'none'}", lang), why=md(m.why))
        steps.append(NextStep(kind=kind, model_id=m.id, model_name=m.name, text=text, reason=reason))
    if answered and choice in ("adopt", "join", "implement"):
        steps.sort(key=lambda s: s.model_id != answered)
    own = choice == "own" or not any((m.probability or 0.0) >= strong for m in close)
    if own:
        stage = draft.stage if draft.stage in (Stage.idea, Stage.developing) else Stage.idea
        closest = matches[0] if matches else None
        if closest is None:
            reason = t("step.reason.none", lang)
        elif choice == "own" and (closest.probability or 0.0) >= bar:
            reason = t("step.reason.own_choice", lang, name=md(closest.name))
        else:
            reason = t("step.reason.closest", lang, name=md(closest.name), pct=_pct(closest),
                       band=t(f"band.{closest.band or 'none'}", lang))
        new = NextStep(kind="new", model_id=closest.id if closest else None,
                       model_name=closest.name if closest else None,
                       text=t("step.new", lang, stage=stage_label(stage, lang)), reason=reason)
        steps.insert(0, new)
    return steps[:limit + 1]
