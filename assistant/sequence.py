"""The order of a story: which field tends to follow which.

People tell a practice in a loose order (the need, then what is done, who does it, what came of it), so a
sentence's neighbours say something about it. The classifier's probabilities for each sentence are combined
with label-to-label transition frequencies from the dev stories by forward-backward, which gives each
sentence a probability per field given the whole story. ``weight`` (chosen by cross-validation when the
classifier is trained) tempers the transitions; sentences whose field the person named are clamped to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def transitions(stories: Iterable[Sequence[str]], classes: Sequence[str]) -> np.ndarray:
    """(K+1) × K add-one transition frequencies, row-normalised; the last row is the story's first sentence."""
    index = {c: k for k, c in enumerate(classes)}
    k = len(classes)
    counts = np.ones((k + 1, k))
    for labels in stories:
        prev = k
        for lab in labels:
            if lab not in index:
                prev = k
                continue
            counts[prev, index[lab]] += 1
            prev = index[lab]
    return counts / counts.sum(axis=1, keepdims=True)


def marginals(probs: np.ndarray, trans: np.ndarray, weight: float,
              known: dict[int, int] | None = None) -> np.ndarray:
    """Each sentence's field probabilities given the whole story (forward-backward over ``probs``)."""
    n, k = probs.shape
    if n < 2 or weight <= 0:
        return probs
    t = np.power(np.clip(trans, 1e-9, None), weight)
    e = np.clip(probs, 1e-9, None).copy()
    for i, cls in (known or {}).items():
        if 0 <= i < n and 0 <= cls < k:
            e[i] = 1e-9
            e[i, cls] = 1.0
    fwd = np.zeros((n, k))
    bwd = np.ones((n, k))
    fwd[0] = e[0] * t[k]
    fwd[0] /= fwd[0].sum()
    for i in range(1, n):
        fwd[i] = e[i] * (fwd[i - 1] @ t[:k])
        fwd[i] /= fwd[i].sum()
    for i in range(n - 2, -1, -1):
        bwd[i] = t[:k] @ (e[i + 1] * bwd[i + 1])
        bwd[i] /= bwd[i].sum()
    out = fwd * bwd
    return np.asarray(out / out.sum(axis=1, keepdims=True))
