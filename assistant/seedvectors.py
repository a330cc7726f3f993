"""Vectors of the seed bank shipped with the code, so a fresh ``make run`` or CI run does not spend a
minute or two embedding 64 models (and their parts) before the first question.

A read-only layer under the on-disk cache, keyed exactly like it (model id + kind + text hash), so a
changed record simply misses and is embedded as usual. Regenerate with ``make seed-vectors``; a test
checks that every seed text has its vector here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.resources import shipped as shipped_file

SHIPPED = shipped_file("knowledge", "vectors", "seed.npz")


class ShippedVectors:
    """key → vector from one ``.npz`` file (arrays ``keys`` and ``vectors``)."""

    def __init__(self, path: Path = SHIPPED) -> None:
        self.path = path
        self._index: dict[str, int] = {}
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                keys = [str(k) for k in data["keys"]]
                self._vectors = np.asarray(data["vectors"], dtype=np.float32)
            self._index = {k: i for i, k in enumerate(keys)}

    def __len__(self) -> int:
        return len(self._index)

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        return {k: self._vectors[self._index[k]] for k in keys if k in self._index}


@lru_cache(maxsize=2)
def shipped(path: str = str(SHIPPED)) -> ShippedVectors:
    return ShippedVectors(Path(path))


def write(path: Path, items: dict[str, np.ndarray]) -> int:
    """Write the shipped file (sorted keys, float32), returns the number of vectors."""
    keys = sorted(items)
    path.parent.mkdir(parents=True, exist_ok=True)
    vectors = np.stack([np.asarray(items[k], dtype=np.float32) for k in keys]) if keys else np.zeros((0, 0))
    np.savez_compressed(path, keys=np.asarray(keys), vectors=vectors)
    return len(keys)
