"""Labelled descriptions as evidence: "people who told it like this meant model X".

Why: the bank's own text says what a model is, not how people describe it. The labelled dev queries of
``evals/match`` are stories and searches told in everyday words, each marked with the models that are the
same practice (or adoptable). A new description that reads like one whose answer was X is likelier X. The
match feature is the closest description labelled X told in *another* language than the person's: within
one language, closeness mostly follows shared topic words, whatever the label (on the dev pairs, nested
cross-validation gave the same-language closeness no weight, and the closest look-alike of X none either).

``parastelu train match`` writes the dev queries (never the held-out ones) to
``knowledge/classifier/match_examples.json``. A description identical to the person's text is skipped, so
a labelled query is never its own evidence (training and the dev rows of ``bench match``).
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


class ExampleContext:
    """One person's text against every example: the similarities, looked up per model."""

    def __init__(self, sims: np.ndarray, other_lang: np.ndarray, by_positive: dict[str, np.ndarray]) -> None:
        self.sims = sims
        self.other_lang = other_lang
        self.by_positive = by_positive

    def closest(self, model_id: str) -> float:
        """The closest description labelled this model told in another language; 0.0 when there is none."""
        rows = self.by_positive.get(model_id)
        if rows is None:
            return 0.0
        rows = rows[self.other_lang[rows]]
        best = float(np.max(self.sims[rows])) if len(rows) else 0.0
        return best if best > -1.0 else 0.0


class Examples:
    """The labelled descriptions and their vectors (embedded as queries, once per embedder)."""

    def __init__(self, examples: list[Example]) -> None:
        self.examples = examples
        self._keys = [_key(e.text) for e in examples]
        self._vectors: dict[str, np.ndarray] = {}
        rows: dict[str, list[int]] = {}
        for i, e in enumerate(examples):
            for mid in e.positives:
                rows.setdefault(mid, []).append(i)
        self.by_positive = {mid: np.asarray(r, dtype=np.int64) for mid, r in rows.items()}

    @classmethod
    def load(cls, path: Path = EXAMPLES) -> Examples:
        if not path.exists():
            return cls([])
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls([Example(text=str(e["text"]), lang=str(e["lang"]), positives=frozenset(e.get("positives", [])))
                    for e in data.get("examples", [])])

    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    def vectors(self, embedder: CachedEmbedder) -> np.ndarray:
        if embedder.model_id not in self._vectors:
            self._vectors[embedder.model_id] = embedder.embed_queries(self.texts())
        return self._vectors[embedder.model_id]

    def context(self, embedder: CachedEmbedder, text: str, lang: str) -> ExampleContext | None:
        if not self.examples:
            return None
        vq = embedder.embed_queries([text])[0]
        sims = self.vectors(embedder) @ vq
        own = _key(text)
        sims = np.where(np.asarray([k == own for k in self._keys]), -2.0, sims)
        other_lang = np.asarray([e.lang != lang for e in self.examples])
        return ExampleContext(sims, other_lang, self.by_positive)


def write(queries: Iterable[Any], path: Path = EXAMPLES) -> int:
    """The examples file from labelled queries (``MatchQuery``); returns how many were written."""
    rows = [{"id": q.id, "lang": q.lang, "text": q.text, "positives": sorted(q.positives)} for q in queries]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"source": "evals/match queries*.yaml + no_answer*.yaml, split=dev",
                                "examples": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(rows)
