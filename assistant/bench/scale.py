"""`parastelu bench scale`: a synthetic bank with precomputed random unit vectors (the embedder is not
the object here) → ingest rate, query p50/p95 for dense, lexical and fused search, catalog build time,
peak RSS; then the bundled embedder's own throughput and query latency, reported separately."""

from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.embeddings import CachedEmbedder, build_embedder
from assistant.retrieval import Filters, Retriever
from assistant.schema import ModelDescription, Stage
from assistant.settings import Settings
from assistant.store import ModelStore
from assistant.vcache import VectorCache

_WORDS = ("nuori lapsi perhe vanhempi koulu opiskelu työ asunto päihde mielenterveys ikääntynyt "
          "yksinäisyys väkivalta ohjaus neuvonta ryhmä vertaistuki kotikäynti verkosto tiimi hoito "
          "kuntoutus valmennus liikunta kulttuuri velka talous maahanmuuttaja kieli digitaalinen chat "
          "sosiaalityö terveys neuvola varhaiskasvatus harrastus osallisuus kokemus asiakas palvelu").split()
_STAGES = list(Stage)
_REGIONS = ["valtakunnallinen", "Tampere", "Helsinki", "Oulu", "Lapin hyvinvointialue", "Ruotsi"]


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p)) if values else float("nan")


def synthetic(n: int, seed: int = 7) -> list[ModelDescription]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        words = rnd.sample(_WORDS, 12)
        out.append(ModelDescription(
            id=f"synth-{i:06d}", name=f"Malli {i} {words[0]} {words[1]}",
            summary=" ".join(words), target_groups=[words[2], words[3]], core=[words[4], words[5]],
            stage=rnd.choice(_STAGES), regions=[rnd.choice(_REGIONS)], themes=[words[6]], language="fi"))
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(settings: Settings, n: int, n_queries: int) -> int:
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory(prefix="parastelu-scale-") as tmp:
        iso = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": settings.chroma_url,
                                          "collection": f"scale_{n}", "vector_cache_dir": Path(tmp) / "cache"})
        embedder = build_embedder(iso)
        store = ModelStore(iso, embedder)
        models = synthetic(n)
        t0 = time.perf_counter()
        for start in range(0, n, 5000):
            chunk = models[start : start + 5000]
            vecs = rng.standard_normal((len(chunk), embedder.dim)).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            store.upsert_vectors(chunk, vecs)
        store._bump()
        ingest_s = time.perf_counter() - t0
        print(f"store: {store.mode}; synthetic models: {n}; ingest {ingest_s:.1f} s = {n / ingest_s:,.0f} models/s")
        retriever = Retriever(store, lexical_weight=settings.lexical_weight, rrf_k=settings.rrf_k)
        t0 = time.perf_counter()
        retriever.catalog()
        print(f"catalog + BM25 build (first search after start or after a write): "
              f"{time.perf_counter() - t0:.1f} s")
        rnd = random.Random(11)
        texts = [f"{' '.join(rnd.sample(_WORDS, 4))} tuki {i}" for i in range(n_queries)]
        # embed queries with the real model but bypass the disk cache so every query is really embedded
        raw = CachedEmbedder(embedder.inner, VectorCache(Path(tmp) / "nocache"))
        store.embedder = raw
        timings: dict[str, list[float]] = {"dense": [], "lexical": [], "hybrid": [], "hybrid+filter": []}
        for i, text in enumerate(texts):
            for mode in ("dense", "lexical", "hybrid"):
                t0 = time.perf_counter()
                retriever.search(text + f" {mode}", k=10, mode=mode)  # type: ignore[arg-type]
                timings[mode].append(1000 * (time.perf_counter() - t0))
            t0 = time.perf_counter()
            retriever.search(text + " f", k=10, filters=Filters(stage=["ready", "established"],
                                                               region=[_REGIONS[i % len(_REGIONS)]]))
            timings["hybrid+filter"].append(1000 * (time.perf_counter() - t0))
        print(f"\nsearch latency over {n_queries} queries, k=10, query embedding included (ms):")
        print(f"{'mode':<16}{'p50':>8}{'p95':>8}{'max':>8}")
        for mode, values in timings.items():
            print(f"{mode:<16}{_pct(values, 50):>8.1f}{_pct(values, 95):>8.1f}{max(values):>8.1f}")
        print(f"\npeak RSS: {_rss_mb():,.0f} MB")

        passages = [" ".join(rnd.choices(_WORDS, k=100)) for _ in range(16)]
        t0 = time.perf_counter()
        embedder.inner.embed_passages(passages)
        took = time.perf_counter() - t0
        q_lat = []
        for i in range(50):
            t0 = time.perf_counter()
            embedder.inner.embed_query(f"{rnd.choice(_WORDS)} {rnd.choice(_WORDS)} kysely {i}")
            q_lat.append(1000 * (time.perf_counter() - t0))
        print(f"embedder {embedder.model_id}, {settings.embed_threads} thread(s): "
              f"{len(passages) / took:.2f} passages/s (100 words), query p50 {statistics.median(q_lat):.1f} ms, "
              f"p95 {_pct(q_lat, 95):.1f} ms")
    return 0
