"""Character n-grams of a sentence as a second view for the field classifier.

The bundled embedding reads meaning; spelled word parts ("-vuotiaat", "mittar", "rahoitu", "tavoit") carry
field cues the small embedding blurs, in all three languages and in spoken forms. A logistic regression over
tf-idf weighted character 3–5-grams (within words, as scikit-learn's ``char_wb``) is fitted next to the
embedding classifier by ``parastelu train fields``; their log-probabilities are blended with a weight chosen
by cross-validation. Numpy only at run time: the vocabulary, idf and weights ship in
``knowledge/classifier/fields_char.npz``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

NGRAMS = (3, 5)
_WORD = re.compile(r"\S+")


def grams(text: str) -> Counter[str]:
    """Character n-grams inside each space-padded lower-cased word (" kotik", "otiha", …)."""
    out: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        w = f" {word} "
        for n in range(NGRAMS[0], NGRAMS[1] + 1):
            if len(w) < n:
                break
            out.update(w[i:i + n] for i in range(len(w) - n + 1))
    return out


def vocabulary(texts: Sequence[str], min_df: int = 2, max_features: int = 30000) -> tuple[list[str], np.ndarray]:
    """The most frequent n-grams (in at least ``min_df`` texts) and their smoothed idf."""
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(grams(t)))
    kept = sorted((g for g, c in df.items() if c >= min_df), key=lambda g: (-df[g], g))[:max_features]
    n = len(texts)
    idf = np.asarray([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
    return kept, idf


class CharVectorizer:
    """Sublinear tf × idf, l2-normalised: the same numbers at training and at run time."""

    def __init__(self, vocab: Sequence[str], idf: np.ndarray) -> None:
        self.index = {g: i for i, g in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, values) of one text."""
        counts = [(self.index[g], c) for g, c in grams(text).items() if g in self.index]
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        cols = np.asarray([i for i, _ in counts], dtype=np.int64)
        vals = np.asarray([1.0 + math.log(c) for _, c in counts], dtype=np.float32) * self.idf[cols]
        return cols, vals / (float(np.linalg.norm(vals)) or 1.0)

    def rows(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        return [self.row(t) for t in texts]


class CharModel:
    """The fitted n-gram classifier: log-probabilities over its classes."""

    def __init__(self, classes: Sequence[str], vocab: Sequence[str], idf: np.ndarray, coef: np.ndarray,
                 intercept: np.ndarray, blend: float) -> None:
        self.classes = [str(c) for c in classes]
        self.vectorizer = CharVectorizer([str(g) for g in vocab], idf)
        self.coef = np.asarray(coef, dtype=np.float32)  # (classes, vocabulary)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.blend = float(blend)

    @classmethod
    def load(cls, path: Path) -> CharModel:
        data = np.load(path, allow_pickle=False)
        return cls(data["classes"], data["vocab"], data["idf"], data["coef"], data["intercept"], float(data["blend"]))

    def log_probs(self, texts: Sequence[str], classes: Sequence[str]) -> np.ndarray:
        """Rows of log-probabilities, columns in ``classes`` order (a class it never saw: very unlikely)."""
        logits = np.tile(self.intercept, (len(texts), 1))
        for i, (cols, vals) in enumerate(self.vectorizer.rows(texts)):
            if len(cols):
                logits[i] += self.coef[:, cols] @ vals
        logits -= logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        where = {c: j for j, c in enumerate(self.classes)}
        return np.stack([logp[:, where[c]] if c in where else np.full(len(texts), -20.0) for c in classes], axis=1)


def save(path: Path, classes: Sequence[str], vocab: Sequence[str], idf: np.ndarray, coef: np.ndarray,
         intercept: np.ndarray, blend: float) -> None:
    np.savez_compressed(path, classes=np.asarray(list(classes)), vocab=np.asarray(list(vocab)),
                        idf=idf.astype(np.float32), coef=coef.astype(np.float16),
                        intercept=intercept.astype(np.float32), blend=np.float32(blend))
