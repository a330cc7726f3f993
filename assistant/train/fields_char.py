"""The character n-gram view of ``parastelu train fields`` (``assistant.charngrams``): out-of-fold
probabilities for choosing its blend weight, and the fit on every example. The vocabulary and idf are
built inside each fold, so the held-back texts never shape them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.charngrams import CharVectorizer, vocabulary

C_CHAR = 3.0


def _matrix(vec: CharVectorizer, texts: Sequence[str], width: int) -> object:
    from scipy.sparse import csr_matrix

    rows = vec.rows(texts)
    indptr = np.cumsum([0] + [len(c) for c, _ in rows])
    cols = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
    vals = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, dtype=np.float32)
    return csr_matrix((vals, cols, indptr), shape=(len(texts), width))


def _fit(texts: Sequence[str], y: np.ndarray, w: np.ndarray) -> tuple[list[str], np.ndarray, Any]:
    from sklearn.linear_model import LogisticRegression

    vocab, idf = vocabulary(texts)
    x = _matrix(CharVectorizer(vocab, idf), texts, len(vocab))
    clf = LogisticRegression(C=C_CHAR, max_iter=3000)
    clf.fit(x, y, sample_weight=w)
    return vocab, idf, clf


def oof(texts: Sequence[str], y: np.ndarray, w: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]],
        classes: list[str]) -> np.ndarray:
    probs = np.full((len(y), len(classes)), 1e-9)
    for tr, te in folds:
        vocab, idf, clf = _fit([texts[i] for i in tr], y[tr], w[tr])
        p = clf.predict_proba(_matrix(CharVectorizer(vocab, idf), [texts[i] for i in te], len(vocab)))
        cols = np.asarray([classes.index(k) for k in clf.classes_])
        probs[np.ix_(te, cols)] = p
    return probs


def fit_all(texts: Sequence[str], y: np.ndarray, w: np.ndarray) -> tuple[list[str], list[str], np.ndarray,
                                                                            np.ndarray, np.ndarray]:
    """(classes, vocabulary, idf, coef, intercept) fitted on every example."""
    vocab, idf, clf = _fit(texts, y, w)
    return ([str(c) for c in clf.classes_], vocab, idf, np.asarray(clf.coef_),
            np.asarray(clf.intercept_))
