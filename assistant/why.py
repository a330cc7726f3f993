"""Short, human-readable reasons why a model matched: shared target groups, core overlap, terms."""

from __future__ import annotations

from assistant.i18n import t
from assistant.schema import ModelDescription
from assistant.textproc import stem_map, stems


def _overlap(items: list[str], wanted: set[str], lang: str) -> list[str]:
    return [_short(item) for item in items if set(stems(item, lang)) & wanted]


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def explain(model: ModelDescription, qstems: list[str], lang: str, context: ModelDescription | None = None,
            similarity: float | None = None, max_items: int = 2) -> list[str]:
    """Reasons in the reader's language; quoted items come from the matched model's own text."""
    mlang = model.language or "fi"
    wanted = set(qstems)
    if context is not None:
        wanted |= set(stems(" ".join(context.target_groups + context.core + context.goals), mlang))
    reasons: list[str] = []
    groups = _overlap(model.target_groups, wanted, mlang)[:max_items]
    if groups:
        reasons.append(t("why.target_groups", lang, items=", ".join(groups)))
    core = _overlap(model.core, wanted, mlang)[:max_items]
    if core:
        reasons.append(t("why.core", lang, items="; ".join(core)))
    surface = stem_map(" ".join([model.name, model.summary or "", model.basic_idea or "",
                                 model.problem or "", " ".join(model.goals)]), mlang)
    shown = {w.lower() for r in groups + core for w in r.split()}
    terms = [surface[s] for s in dict.fromkeys(qstems)
             if s in surface and surface[s] not in shown and len(surface[s]) > 2]
    if terms:
        reasons.append(t("why.terms", lang, items=", ".join(terms[:4])))
    if similarity is not None:
        key = "why.meaning" if reasons else "why.meaning_only"
        reasons.append(t(key, lang, sim=f"{similarity:.2f}"))
    return reasons
