"""Hybrid search: dense vectors in Chroma + BM25 over stems, fused by weighted reciprocal rank.

Dense similarity carries paraphrases and cross-lingual queries; BM25 rescues exact terms. The lexical
weight is below 1 because equal-weight fusion lowered paraphrase recall on the Finnish probe
(measured with ``parastelu bench retrieval``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from assistant.catalog_keeper import CatalogKeeper
from assistant.glossary import Glossary
from assistant.lexical import Catalog
from assistant.schema import ModelDescription
from assistant.store import ModelStore
from assistant.textproc import detect_language, query_stems
from assistant.why import explain as explain_hit

Mode = Literal["hybrid", "dense", "lexical"]


@dataclass
class Filters:
    """Metadata filters; each list means "any of these"; empty means no filter."""

    stage: list[str] = field(default_factory=list)
    region: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    target_group: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)

    def active(self) -> bool:
        return any((self.stage, self.region, self.theme, self.target_group, self.language))

    def match(self, m: ModelDescription) -> bool:
        """The full filter, including case-insensitive substring match on target groups."""
        if self.stage and (m.stage is None or m.stage.value not in self.stage):
            return False
        if self.language and m.language not in self.language:
            return False
        if self.region and not {r.lower() for r in m.regions} & {r.lower() for r in self.region}:
            return False
        if self.theme and not {t.lower() for t in m.themes} & {t.lower() for t in self.theme}:
            return False
        if self.target_group:
            groups = " | ".join(m.target_groups).lower()
            if not any(t.lower() in groups for t in self.target_group):
                return False
        return True


@dataclass
class Hit:
    """One search result with its score and a short human-readable reason."""

    model: ModelDescription
    score: float
    why: str
    reasons: list[str]
    similarity: float | None = None
    lexical: float | None = None
    strength: float | None = None

    def to_json(self) -> dict[str, Any]:
        m = self.model
        return {"id": m.id, "name": m.name, "score": round(self.score, 4), "why": self.why,
                "reasons": self.reasons, "stage": m.stage.value if m.stage else None,
                "organisation": m.organisation, "regions": m.regions, "language": m.language,
                "similarity": None if self.similarity is None else round(self.similarity, 4),
                "lexical": None if self.lexical is None else round(self.lexical, 4),
                "strength": None if self.strength is None else round(self.strength, 2),
                "source_url": m.source_url}


class Retriever:
    """Answers "has someone solved this already?" over the model bank."""

    def __init__(self, store: ModelStore, lexical_weight: float = 0.25, rrf_k: int = 60,
                 glossary: Glossary | None = None, lexical_weight_other: float | None = None,
                 dense_expansion: bool = True) -> None:
        self.store = store
        self.glossary = glossary
        self.dense_expansion = dense_expansion
        self.lexical_weight_other = lexical_weight if lexical_weight_other is None else lexical_weight_other
        self.lexical_weight = lexical_weight
        self.rrf_k = rrf_k
        self._keeper: CatalogKeeper | None = None
        self._lock = threading.Lock()

    def catalog(self) -> Catalog:
        """The current catalog snapshot: built once, then refreshed incrementally from the store's change
        feed (only the records that changed; this process's own writes at once, others' within
        ``catalog_poll`` seconds). A Chroma hit the snapshot lacks is dropped and fetched, never a KeyError."""
        if self._keeper is None:
            with self._lock:
                if self._keeper is None:
                    poll = float(getattr(self.store.settings, "catalog_poll", 0.5))
                    self._keeper = CatalogKeeper(self.store, poll=poll)
        return self._keeper.current()

    def search(self, query: str, k: int = 5, filters: Filters | None = None, mode: Mode = "hybrid",
               lang: str | None = None, context: ModelDescription | None = None,
               exclude: set[str] | None = None, explain: bool = True) -> list[Hit]:
        """Top-k models for a free-text query (and optionally a draft used to explain the match)."""
        query = query.strip()
        if not query:
            return []
        filters = filters or Filters()
        cat = self.catalog()
        if not cat.models:
            return []
        lang = lang or detect_language(query)
        pool = max(50, 5 * k)
        keep = None
        if filters.active() or exclude:
            keep = cat.mask(filters.stage, filters.language, filters.region, filters.theme, filters.target_group,
                            exclude)

        def nearest(vector: np.ndarray) -> list[tuple[str, float]]:
            # unfiltered: Chroma's index; filtered: exact scan of the kept vectors in memory
            return self.store.query(vector, pool) if keep is None else cat.dense(vector, keep, pool)

        dense: dict[str, tuple[int, float]] = {}
        mu, sd = 0.0, 0.0
        if mode in ("hybrid", "dense"):
            # the bank is mostly Finnish: sv/en also search with the query's Finnish glossary terms added,
            # and keep each model's better similarity (so sv→sv and en→en matches are not lost)
            first, *expanded = self.query_vectors(query, lang)
            rows = nearest(first)
            if expanded:
                best = dict(rows)
                for mid, sim in nearest(expanded[0]):
                    best[mid] = max(sim, best.get(mid, -1.0))
                rows = sorted(best.items(), key=lambda kv: -kv[1])
            ref = np.asarray([sim for _, sim in rows[10:60]], dtype=np.float64)
            if len(ref) >= 8:
                mu, sd = float(ref.mean()), float(ref.std()) or 1e-6
            dense = {mid: (rank, sim) for rank, (mid, sim) in enumerate(rows[:pool])}
        lex: dict[str, tuple[int, float]] = {}
        qstems = query_stems(query)
        if self.glossary is not None:
            qstems += [s for s in self.glossary.expand(query) if s not in qstems]
        scores = cat.scores(qstems)
        if mode in ("hybrid", "lexical"):
            masked = scores if keep is None else np.where(keep, scores, 0.0)
            top = np.argsort(-masked)[:pool]
            for rank, pos in enumerate(int(p) for p in top if masked[p] > 0):
                lex[cat.models[pos].id] = (rank, float(masked[pos]))
        fused = self._fuse(dense, lex, mode, self.lexical_weight if lang == "fi" else self.lexical_weight_other)
        hits: list[Hit] = []
        for mid, score in fused[:k]:
            model = cat.models[cat.positions[mid]]
            hit_sim = dense[mid][1] if mid in dense else None
            reasons = explain_hit(model, qstems, lang, context=context, similarity=hit_sim) if explain else []
            hits.append(Hit(model, score, " · ".join(reasons), reasons, similarity=hit_sim,
                            lexical=float(scores[cat.positions[mid]]),
                            strength=(hit_sim - mu) / sd if hit_sim is not None and sd else None))
        return hits

    def query_texts(self, query: str, lang: str) -> list[str]:
        """The query, plus the query with its Finnish glossary terms for sv/en (the bank is mostly Finnish)."""
        texts = [query]
        if self.glossary is not None and self.dense_expansion and lang != "fi":
            extra = self.glossary.terms(query, "fi")
            if extra:
                texts.append(f"{query} ({', '.join(extra)})")
        return texts

    def query_vectors(self, query: str, lang: str) -> list[np.ndarray]:
        """The vectors of ``query_texts``."""
        return [self.store.embedder.embed_query(text) for text in self.query_texts(query, lang)]

    def dense_all(self, query: str, lang: str, vectors: list[np.ndarray] | None = None) -> np.ndarray:
        """Cosine similarity of the query to every model in the catalog (best of plain and expanded);
        ``vectors``: the query's vectors when the caller already has them."""
        cat = self.catalog()
        if cat.vectors is None or not len(cat.vectors):
            return np.zeros(len(cat.models), dtype=np.float32)
        return np.max(np.stack([cat.vectors @ v for v in vectors or self.query_vectors(query, lang)]), axis=0)

    def lexical_all(self, query: str) -> np.ndarray:
        """BM25 score of every model for the query's stems (all three languages, glossary-expanded)."""
        qstems = query_stems(query)
        if self.glossary is not None:
            qstems += [s for s in self.glossary.expand(query) if s not in qstems]
        return self.catalog().scores(qstems)

    def _fuse(self, dense: dict[str, tuple[int, float]], lex: dict[str, tuple[int, float]],
              mode: Mode, weight: float) -> list[tuple[str, float]]:
        k = self.rrf_k
        w_lex = 1.0 if mode == "lexical" else weight
        w_dense = 0.0 if mode == "lexical" else 1.0
        top = (w_dense + (w_lex if mode != "dense" else 0.0)) / (k + 1)
        out: dict[str, float] = {}
        for mid, (rank, _) in dense.items():
            out[mid] = out.get(mid, 0.0) + w_dense / (k + 1 + rank)
        if mode != "dense":
            for mid, (rank, _) in lex.items():
                out[mid] = out.get(mid, 0.0) + w_lex / (k + 1 + rank)
        ranked = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(mid, s / top if top else 0.0) for mid, s in ranked]

    def similar(self, draft: ModelDescription, k: int = 5, filters: Filters | None = None) -> list[Hit]:
        """Models similar to a (partial) draft: the interview's "has someone solved this already?"."""
        # what the model is for, whom and what it does; the name and summary add little to matching and
        # would cost a fresh query embedding on every turn that touches them
        parts = [draft.problem or "", "; ".join(draft.target_groups), "; ".join(draft.goals),
                 "; ".join(draft.core), draft.basic_idea or ""]
        text = "\n".join(p for p in parts if p)[:500] or (draft.summary or draft.name or "")
        exclude = {draft.id} if draft.id else None
        return self.search(text, k=k, filters=filters, lang=draft.language, context=draft, exclude=exclude)
