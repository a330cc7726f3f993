"""Labelled descriptions as evidence: "people who told it like this meant model X".

Why: the bank's own text says what a model is, not how people describe it. The labelled dev queries of
``evals/match`` are stories and searches told in everyday words, each marked with the models that are the
same practice (or adoptable). A new description that reads like one whose answer was X is likelier X.

Similarity runs at different heights by language pair (two Finnish texts on anything are closer than a
Finnish and an English text on the same thing), so a raw cosine would favour descriptions told in the
person's own language. Each similarity is therefore read against its language pair: how many standard
deviations above the mean similarity of texts in those two languages (both taken over the descriptions
themselves). The feature is the best such reading among the descriptions labelled X.

The same descriptions are evidence against a model as well: one labelled *related* to X (a look-alike
that is not X, such as the KiVa core told for hospital staff) says "people who told it like this did not
mean X". ``lookalike`` is how much closer the person's text is to such a description than to any labelled X.

``parastelu train match`` writes the dev queries (never the held-out ones) to
``knowledge/classifier/match_examples.json``. A description identical to the person's text is skipped, so a
labelled query is never its own evidence (training and the dev rows of ``bench match``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.resources import shipped

if TYPE_CHECKING:
    from assistant.embeddings import CachedEmbedder

EXAMPLES = shipped("knowledge", "classifier", "match_examples.json")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Example:
    text: str
    lang: str
    positives: frozenset[str]
    related: frozenset[str] = frozenset()
    id: str = ""


def _rows(examples: list[Example], labels: str) -> dict[str, np.ndarray]:
    rows: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        for mid in getattr(e, labels):
            rows.setdefault(mid, []).append(i)
    return {mid: np.asarray(r, dtype=np.int64) for mid, r in rows.items()}


class ExampleContext:
    """One person's text against every example: the standardised similarities, looked up per model."""

    def __init__(self, scores: np.ndarray, by_positive: dict[str, np.ndarray],
                 by_related: dict[str, np.ndarray] | None = None) -> None:
        self.scores = scores
        self.by_positive = by_positive
        self.by_related = by_related or {}

    def _best(self, rows: np.ndarray | None) -> float | None:
        if rows is None:
            return None
        best = float(np.max(self.scores[rows]))
        return best if np.isfinite(best) else None

    def closest(self, model_id: str) -> float | None:
        """The best standardised similarity to a description labelled this model; None when there is none."""
        return self._best(self.by_positive.get(model_id))

    def lookalike(self, model_id: str) -> float:
        """How far the closest description labelled a mere look-alike of this model stands above the closest
        one labelled this model (0.0 when it does not, or nobody told a look-alike of it)."""
        rel = self._best(self.by_related.get(model_id))
        return 0.0 if rel is None else max(0.0, rel - (self.closest(model_id) or 0.0))


class Examples:
    """The labelled descriptions and their vectors (embedded as queries, once per embedder)."""

    def __init__(self, examples: list[Example]) -> None:
        self.examples = examples
        self._keys = [_key(e.text) for e in examples]
        self._vectors: dict[str, np.ndarray] = {}
        self._pairs: dict[str, dict[tuple[str, str], tuple[float, float]]] = {}
        self._lang_norms: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._own: dict[str, list[int]] = {}
        for i, k in enumerate(self._keys):
            self._own.setdefault(k, []).append(i)
        self.by_positive = _rows(examples, "positives")
        self.by_related = _rows(examples, "related")

    @classmethod
    def load(cls, path: Path = EXAMPLES) -> Examples:
        if not path.exists():
            return cls([])
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls([Example(text=str(e["text"]), lang=str(e["lang"]), positives=frozenset(e.get("positives", [])),
                            related=frozenset(e.get("related", [])), id=str(e.get("id", "")))
                    for e in data.get("examples", [])])

    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    def vectors(self, embedder: CachedEmbedder) -> np.ndarray:
        if embedder.model_id not in self._vectors:
            self._vectors[embedder.model_id] = embedder.embed_queries(self.texts())
        return self._vectors[embedder.model_id]

    def pair_stats(self, embedder: CachedEmbedder) -> dict[tuple[str, str], tuple[float, float]]:
        """(mean, standard deviation) of the similarity between descriptions in languages (a, b)."""
        if embedder.model_id not in self._pairs:
            vecs = self.vectors(embedder)
            sims = vecs @ vecs.T
            langs = np.asarray([e.lang for e in self.examples])
            stats: dict[tuple[str, str], tuple[float, float]] = {}
            for a in sorted(set(langs)):
                for b in sorted(set(langs)):
                    block = sims[np.ix_(langs == a, langs == b)]
                    if a == b:
                        block = block[~np.eye(len(block), dtype=bool)]
                    if block.size >= 2:
                        stats[(a, b)] = (float(block.mean()), float(block.std()) or 1e-6)
            self._pairs[embedder.model_id] = stats
        return self._pairs[embedder.model_id]

    def _norms(self, embedder: CachedEmbedder, lang: str, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per description: the mean and deviation of its language pair with ``lang`` (computed once per
        language); a pair the descriptions lack is read against this text's own similarities."""
        key = (embedder.model_id, lang)
        if key in self._lang_norms:
            return self._lang_norms[key]
        stats = self.pair_stats(embedder)
        fallback = (float(sims.mean()), float(sims.std()) or 1e-6)
        pairs = [stats.get((lang, e.lang), fallback) for e in self.examples]
        norms = np.asarray([p[0] for p in pairs]), np.asarray([p[1] for p in pairs])
        if all((lang, e.lang) in stats for e in self.examples):  # nothing depends on this text: keep it
            self._lang_norms[key] = norms
        return norms

    def context(self, embedder: CachedEmbedder, text: str, lang: str) -> ExampleContext | None:
        if not self.examples:
            return None
        sims = self.vectors(embedder) @ embedder.embed_queries([text])[0]
        mean, sd = self._norms(embedder, lang, sims)
        scores = (sims - mean) / sd
        own = _key(text)
        if own in self._own:  # a labelled description is never its own evidence
            scores[self._own[own]] = -np.inf
        return ExampleContext(scores, self.by_positive, self.by_related)


def write(queries: Iterable[Any], path: Path = EXAMPLES) -> int:
    """The examples file from labelled queries (``MatchQuery``); returns how many were written."""
    rows = [{"id": q.id, "lang": q.lang, "text": q.text, "positives": sorted(q.positives),
             "related": sorted(q.related)} for q in queries]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"source": "evals/match queries*.yaml + no_answer*.yaml, split=dev",
                                "examples": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(rows)
