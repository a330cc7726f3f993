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
    """Records with their vectors, a BM25 index over their stems and filter indexes; rebuilt when the
    store's revision moves. Filtered searches run here in memory (Chroma's filtered HNSW queries were the
    slowest part at 100k models)."""

    models: list[ModelDescription]
    revision: int
    vectors: np.ndarray | None = None
    index: bm25s.BM25 | None = None
    positions: dict[str, int] = field(default_factory=dict)
    stage: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    language: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    by_region: dict[str, np.ndarray] = field(default_factory=dict)
    by_theme: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def build(cls, models: Sequence[ModelDescription], revision: int, vectors: np.ndarray | None = None) -> Catalog:
        cat = cls(list(models), revision, vectors)
        cat.positions = {m.id: i for i, m in enumerate(cat.models)}
        cat.stage = np.asarray([m.stage.value if m.stage else "" for m in cat.models], dtype=object)
        cat.language = np.asarray([m.language or "" for m in cat.models], dtype=object)
        cat.by_region = _inverted(cat.models, "regions")
        cat.by_theme = _inverted(cat.models, "themes")
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

    def mask(self, stage: list[str], language: list[str], region: list[str], theme: list[str],
             target_group: list[str], exclude: set[str] | None) -> np.ndarray:
        """Boolean mask of records passing every filter (each list means "any of these")."""
        n = len(self.models)
        keep = np.ones(n, dtype=bool)
        if stage:
            keep &= np.isin(self.stage, stage)
        if language:
            keep &= np.isin(self.language, language)
        for wanted, inverted in ((region, self.by_region), (theme, self.by_theme)):
            if wanted:
                hit = np.zeros(n, dtype=bool)
                for value in wanted:
                    hit[inverted.get(value.lower(), np.zeros(0, dtype=np.int64))] = True
                keep &= hit
        if target_group:
            wanted_tg = [t.lower() for t in target_group]
            for pos in np.flatnonzero(keep):
                groups = " | ".join(self.models[pos].target_groups).lower()
                if not any(t in groups for t in wanted_tg):
                    keep[pos] = False
        for mid in exclude or ():
            if mid in self.positions:
                keep[self.positions[mid]] = False
        return keep

    def dense(self, vector: np.ndarray, keep: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Exact cosine top-k among the kept records (vectors are unit length)."""
        if self.vectors is None or not len(self.vectors):
            return []
        idx = np.flatnonzero(keep)
        if not len(idx):
            return []
        sims = self.vectors[idx] @ np.asarray(vector, dtype=np.float32)
        top = np.argsort(-sims)[:k] if len(sims) <= k else np.argpartition(-sims, k)[:k]
        top = top[np.argsort(-sims[top])]
        return [(self.models[idx[i]].id, float(sims[i])) for i in top]


def _inverted(models: list[ModelDescription], attr: str) -> dict[str, np.ndarray]:
    index: dict[str, list[int]] = {}
    for pos, m in enumerate(models):
        for value in getattr(m, attr):
            index.setdefault(value.lower(), []).append(pos)
    return {k: np.asarray(v, dtype=np.int64) for k, v in index.items()}
