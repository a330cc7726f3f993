"""BM25 over Snowball stems, plus the in-memory catalog of records that hybrid search filters on.

The catalog is kept fresh incrementally (``catalog_builder.Builder`` changes it, ``catalog_keeper.CatalogKeeper``
decides when). The keeper builds it once from the store, then reads the
store's change feed (at most every ``poll`` seconds, and at once after this process's own writes) and
re-reads only the records that changed. Each refresh publishes a new immutable ``Catalog`` snapshot, so a
search that holds one never sees its arrays change length under it.

How an incremental refresh stays cheap at 100k records:
- Vectors live in one preallocated buffer; an updated record is overwritten in place, a new one appended,
  a deleted one replaced by the last row (an in-flight search on an older snapshot may see the moved row's
  vector for a record that is going away; never a wrong shape).
- BM25 keeps raw term frequencies, not precomputed scores: a large immutable base segment (term-major
  postings), a small delta segment for documents added since, and live statistics (document count, mean
  length, document frequencies), so one new document costs its own terms, not a rebuild. The base is
  merged again in the background once the delta or the dead documents grow past a few per cent. Scores
  equal ``bm25s``' Lucene variant (k1=1.2, b=0.75) on the same corpus.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.schema import ModelDescription
from assistant.textproc import stems

if TYPE_CHECKING:
    pass

K1, B = 1.2, 0.75
EMPTY = "_"  # the one token of a record without content words (as the bm25s index had it)


def lexical_text(m: ModelDescription) -> str:
    """Everything a keyword search should find a model by."""
    parts: list[str] = [m.name, m.name, m.summary or "", m.basic_idea or "", m.problem or "",
                        m.environment or "", m.conditions or "", m.organisation or "", m.evidence or ""]
    for items in (m.core, m.adaptable, m.target_groups, m.goals, m.actors, m.themes, m.regions, m.funders):
        parts.extend(items)
    return "\n".join(p for p in parts if p)


def doc_tokens(m: ModelDescription) -> list[str]:
    return stems(lexical_text(m), m.language or "fi") or [EMPTY]


# -- BM25 -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Postings:
    """Term-major postings of the base segment: documents and term frequencies of term t are
    ``docs[indptr[t]:indptr[t+1]]`` and ``tfs[...]``."""

    indptr: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray

    @property
    def n_terms(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def build(cls, doc_terms: Sequence[tuple[np.ndarray, np.ndarray]], n_vocab: int) -> Postings:
        lens = np.fromiter((len(t) for t, _ in doc_terms), dtype=np.int64, count=len(doc_terms))
        if not len(doc_terms) or not lens.sum():
            return cls(np.zeros(n_vocab + 1, dtype=np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32))
        terms = np.concatenate([t for t, _ in doc_terms])
        tfs = np.concatenate([f for _, f in doc_terms])
        docs = np.repeat(np.arange(len(doc_terms), dtype=np.int32), lens)
        order = np.argsort(terms, kind="stable")
        indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_vocab), out=indptr[1:])
        return cls(indptr, docs[order], tfs[order].astype(np.float32))


@dataclass(frozen=True, eq=False)
class Bm25:
    """One snapshot of the BM25 index. Documents are numbered in the order they were indexed (``docnum``);
    ``doc_slot`` maps a docnum to the catalog row it scores (-1: replaced or deleted)."""

    vocab: dict[str, int]  # shared and append-only: ids beyond len(df) belong to newer snapshots
    base: Postings
    delta: dict[int, tuple[np.ndarray, np.ndarray]]
    doc_len: np.ndarray
    doc_slot: np.ndarray
    df: np.ndarray
    n_live: int
    total_len: float
    identity: bool = False  # doc_slot is 0..n-1 (right after a build or merge): no remapping needed

    def scores(self, query: Sequence[str], n_slots: int) -> np.ndarray:
        """BM25 score of every catalog row (Lucene variant: idf = ln(1 + (N - df + .5)/(df + .5)),
        tf part = tf / (tf + k1 (1 - b + b dl/avgdl))); a repeated query term counts again."""
        out = np.zeros(n_slots, dtype=np.float32)
        if not self.n_live or not query:
            return out
        n = self.n_live
        avgdl = self.total_len / n
        acc = np.zeros(len(self.doc_len), dtype=np.float32)
        n_vocab = len(self.df)
        hit = False
        for term in query:
            tid = self.vocab.get(term)
            if tid is None or tid >= n_vocab:
                continue
            df = int(self.df[tid])
            if df <= 0:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            parts = []
            if tid < self.base.n_terms:
                s, e = self.base.indptr[tid], self.base.indptr[tid + 1]
                if e > s:
                    parts.append((self.base.docs[s:e], self.base.tfs[s:e]))
            if tid in self.delta:
                parts.append(self.delta[tid])
            for docs, tfs in parts:
                norm = K1 * (1 - B + B * self.doc_len[docs] / avgdl)
                acc[docs] += (idf * tfs / (tfs + norm)).astype(np.float32)
                hit = True
        if not hit:
            return out
        if self.identity:
            out[:] = acc[:n_slots]
            return out
        live = self.doc_slot >= 0
        out[self.doc_slot[live]] = acc[live]
        return out


# -- the catalog snapshot -------------------------------------------------------------------------------
@dataclass(eq=False)
class Catalog:
    """Records with their vectors, a BM25 index over their stems and filter indexes. Filtered searches run
    here in memory (Chroma's filtered HNSW queries were the slowest part at 100k models). A snapshot is
    never changed after it is published; the keeper publishes a new one after each refresh."""

    models: list[ModelDescription]
    revision: int
    vectors: np.ndarray | None = None
    positions: dict[str, int] = field(default_factory=dict)
    stage: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    language: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    by_region: dict[str, np.ndarray] = field(default_factory=dict)
    by_theme: dict[str, np.ndarray] = field(default_factory=dict)
    bm25: Bm25 | None = None
    slot_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    store: Any = field(default=None, repr=False)  # the ModelStore this snapshot mirrors (for query_filter)
    keeper: Any = field(default=None, repr=False)  # weakref to the CatalogKeeper that published it

    @classmethod
    def build(cls, models: Sequence[ModelDescription], revision: int, vectors: np.ndarray | None = None) -> Catalog:
        dim = vectors.shape[1] if vectors is not None and vectors.ndim == 2 else 1
        vecs = vectors if vectors is not None else np.zeros((len(models), dim), dtype=np.float32)
        from assistant.catalog_builder import Builder

        return Builder(dim).full([(list(models), vecs)], revision, len(models))

    def scores(self, query_stems: list[str]) -> np.ndarray:
        """BM25 score of every record (zeros where nothing matched)."""
        if self.bm25 is None or not query_stems:
            return np.zeros(len(self.models), dtype=np.float32)
        return self.bm25.scores(query_stems, len(self.models))

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
        for value in _values(m, attr):
            index.setdefault(value, []).append(pos)
    return {k: np.asarray(v, dtype=np.int64) for k, v in index.items()}


def _values(m: ModelDescription, attr: str) -> set[str]:
    return {v.lower() for v in getattr(m, attr)}
