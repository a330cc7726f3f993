"""BM25 over Snowball stems, plus the in-memory catalog of records that hybrid search filters on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import bm25s
import numpy as np

from assistant.schema import ModelDescription
from assistant.textproc import stems


def lexical_text(m: ModelDescription) -> str:
    """Everything a keyword search should find a model by."""
    parts: list[str] = [m.name, m.name, m.summary or "", m.basic_idea or "", m.problem or "",
                        m.environment or "", m.conditions or "", m.organisation or "", m.evidence or ""]
    for items in (m.core, m.adaptable, m.target_groups, m.goals, m.actors, m.themes, m.regions, m.funders):
        parts.extend(items)
    return "\n".join(p for p in parts if p)


@dataclass
class Catalog:
    """Records in store order with a BM25 index over their stems; rebuilt when the store's revision moves."""

    models: list[ModelDescription]
    revision: int
    index: bm25s.BM25 | None = None
    positions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, models: Sequence[ModelDescription], revision: int) -> Catalog:
        cat = cls(list(models), revision)
        cat.positions = {m.id: i for i, m in enumerate(cat.models)}
        corpus = [stems(lexical_text(m), m.language or "fi") or ["_"] for m in cat.models]
        if corpus:
            cat.index = bm25s.BM25(k1=1.2, b=0.75)
            cat.index.index(corpus, show_progress=False)
        return cat

    def scores(self, query_stems: list[str]) -> np.ndarray:
        """BM25 score of every record (zeros where nothing matched)."""
        if self.index is None or not query_stems:
            return np.zeros(len(self.models), dtype=np.float32)
        return np.asarray(self.index.get_scores(query_stems), dtype=np.float32)
