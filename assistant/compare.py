"""Two models side by side, so staff can decide between adopting and building: core against core, target
groups, goals, conditions, stage and evidence, each item marked shared or only in one of them.

Items are paired when they say the same thing: enough shared content stems, or embeddings very close
(the bundled model's cosines sit high for any welfare text, so the bar is high too).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

import numpy as np

from assistant.i18n import t
from assistant.items import sentences
from assistant.matchmodel import QueryParts
from assistant.schema import ModelDescription, label
from assistant.services import Services
from assistant.why import _key, content_words

ASPECTS = ("core", "target_groups", "goals", "conditions", "adaptable", "evidence")
SAME_COSINE = 0.93


@dataclass
class Aspect:
    field: str
    shared: list[tuple[str, str]] = dc_field(default_factory=list)
    only_a: list[str] = dc_field(default_factory=list)
    only_b: list[str] = dc_field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "shared": [{"a": a, "b": b} for a, b in self.shared],
                "only_a": self.only_a, "only_b": self.only_b}


@dataclass
class Comparison:
    a: ModelDescription
    b: ModelDescription
    probability: float
    aspects: list[Aspect]
    same_stage: bool

    def to_json(self) -> dict[str, Any]:
        return {"a": {"id": self.a.id, "name": self.a.name, "stage": _stage(self.a)},
                "b": {"id": self.b.id, "name": self.b.name, "stage": _stage(self.b)},
                "probability_same_or_adoptable": round(self.probability, 3), "same_stage": self.same_stage,
                "aspects": [x.to_json() for x in self.aspects]}


def _stage(m: ModelDescription) -> str | None:
    return m.stage.value if m.stage else None


def _items(m: ModelDescription, fld: str) -> list[str]:
    value = getattr(m, fld)
    if isinstance(value, list):
        return [str(v) for v in value]
    return sentences(value) if value else []


def _keys(text: str, lang: str) -> set[str]:
    return {_key(w, lang) for w in content_words(text)}


def _pair(a_items: list[str], b_items: list[str], a_lang: str, b_lang: str, services: Services) -> Aspect:
    aspect = Aspect("")
    if not a_items or not b_items:
        aspect.only_a, aspect.only_b = list(a_items), list(b_items)
        return aspect
    va = services.embedder.embed_passages(a_items)
    vb = services.embedder.embed_passages(b_items)
    sims = va @ vb.T
    used_b: set[int] = set()
    for i, item in enumerate(a_items):
        ka = _keys(item, a_lang)
        best_j, best = -1, 0.0
        for j, other in enumerate(b_items):
            if j in used_b:
                continue
            kb = _keys(other, b_lang)
            lexical = len(ka & kb) / max(1, min(len(ka), len(kb)))
            score = max(float(sims[i, j]) if sims[i, j] >= SAME_COSINE else 0.0, 1.0 if lexical >= 0.5 else 0.0)
            if score > best:
                best_j, best = j, score
        if best_j >= 0:
            used_b.add(best_j)
            aspect.shared.append((item, b_items[best_j]))
        else:
            aspect.only_a.append(item)
    aspect.only_b = [b for j, b in enumerate(b_items) if j not in used_b]
    return aspect


def compare(a: ModelDescription, b: ModelDescription, services: Services, lang: str = "fi") -> Comparison:
    from assistant.matcher import match_model, probabilities

    aspects = []
    for fld in ASPECTS:
        aspect = _pair(_items(a, fld), _items(b, fld), a.language or "fi", b.language or "fi", services)
        aspect.field = fld
        aspects.append(aspect)
    q = QueryParts(text="\n".join(filter(None, [a.problem, "; ".join(a.target_groups), "; ".join(a.goals),
                                                "; ".join(a.core), a.basic_idea])) or a.name,
                   lang=a.language or "fi", target_groups="; ".join(a.target_groups), problem=a.problem or "",
                   core="; ".join(a.core), goals="; ".join(a.goals))
    scored = probabilities(services, q, [b.id]) if b.id in services.retriever.catalog().positions else {}
    prob = scored[b.id][0] if b.id in scored else match_model(services).probability(np.zeros(1))
    return Comparison(a, b, prob, aspects, a.stage == b.stage)


def render_text(c: Comparison, lang: str) -> str:
    """Plain text for the terminal (the UI renders the same structure as HTML)."""
    out = [f"{c.a.name} [{c.a.id}]  ↔  {c.b.name} [{c.b.id}]",
           t("compare.probability", lang, pct=f"{100 * c.probability:.0f}"),
           f"{label('stage', lang)}: {_stage(c.a) or '-'} / {_stage(c.b) or '-'}", ""]
    for aspect in c.aspects:
        if not (aspect.shared or aspect.only_a or aspect.only_b):
            continue
        out.append(f"## {label(aspect.field, lang)}")
        out += [f"  = {x}  ~  {y}" for x, y in aspect.shared]
        out += [f"  A {x}" for x in aspect.only_a]
        out += [f"  B {y}" for y in aspect.only_b]
        out.append("")
    return "\n".join(out) + "\n"
