"""`parastelu bench scale`: one app instance against a large synthetic bank on a shared Chroma.

A synthetic bank with precomputed random unit vectors (the embedder is not the object here; real query
embedding is included in the latencies). By default the bench starts its own `chroma run` server (the
multi-instance topology); ``--chroma-url`` uses a running one and ``--embedded`` the in-process store.

Separate processes do the bulk ingest and, later, a stream of publishes ("another instance"), so the
peak RSS printed is the instance's own: Chroma client, catalog (records, vectors, BM25) and embedder.
Printed: ingest rate, catalog build, search p50/p95 idle and during the stream of writes, how long each
incremental catalog refresh took, time until each publish was found here, and peak RSS.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bench.procs import chroma_server, offline_env, peak_rss_mb, rss_mb
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
DIM = 384


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p)) if values else float("nan")


def synthetic(n: int, seed: int = 7, start: int = 0) -> list[ModelDescription]:
    rnd = random.Random(seed + start)
    out = []
    for i in range(start, start + n):
        words = rnd.sample(_WORDS, 12)
        out.append(ModelDescription(
            id=f"synth-{i:06d}", name=f"Malli {i} {words[0]} {words[1]}",
            summary=" ".join(words), target_groups=[words[2], words[3]], core=[words[4], words[5]],
            stage=rnd.choice(_STAGES), regions=[rnd.choice(_REGIONS)], themes=[words[6]], language="fi"))
    return out


def published(i: int) -> ModelDescription:
    """A model another instance publishes during the stream; its name words occur nowhere else."""
    tag = f"julkaisu{i:04d}x"
    return ModelDescription(id=f"pub-{i:04d}", name=f"Kirjastokoira {tag}", summary=f"{tag} lukutaito koulu",
                            target_groups=["alakoululaiset"], core=["koira", "lukuhetki"], stage=Stage.developing,
                            regions=["Kuopio"], themes=["lukutaito"], language="fi")


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.standard_normal((n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _iso(settings: Settings, tmp: Path, url: str | None, n: int) -> Settings:
    return settings.model_copy(update={"data_dir": tmp, "chroma_url": url, "collection": f"scale_{n}",
                                       "vector_cache_dir": tmp / "cache"})


def _bulk_store(settings: Settings, model_id: str) -> ModelStore:
    class _NoEmbed:  # the bulk writer never embeds: vectors are given
        dim = DIM

    inner = _NoEmbed()
    inner.model_id = model_id  # type: ignore[attr-defined]
    return ModelStore(settings, CachedEmbedder(inner, VectorCache(settings.cache_dir)))  # type: ignore[arg-type]


def child(argv: list[str]) -> int:
    """``python -m assistant.bench.scale ingest|write SETTINGS_JSON MODEL_ID N [INTERVAL]``: the other
    processes (they never embed, so they never load the embedder)."""
    what, raw, model_id, n = argv[0], argv[1], argv[2], int(argv[3])
    settings = Settings.model_validate_json(raw)
    store = _bulk_store(settings, model_id)
    rng = np.random.default_rng(7)
    if what == "ingest":
        for start in range(0, n, 5000):
            chunk = synthetic(min(5000, n - start), start=start)
            store.upsert_vectors(chunk, _unit(rng, len(chunk)))
        return 0
    interval = float(argv[4])
    for i in range(n):
        store.upsert_vectors([published(i)], _unit(rng, 1))
        print(json.dumps({"id": published(i).id, "at": time.time()}), flush=True)
        time.sleep(interval)
    return 0


@contextmanager
def _chroma(settings: Settings, embedded: bool) -> Iterator[str | None]:
    if settings.chroma_url or embedded:
        yield settings.chroma_url
        return
    with chroma_server() as url:
        yield url


def run(settings: Settings, n: int, n_queries: int, writes: int = 20, embedded: bool = False) -> int:
    with tempfile.TemporaryDirectory(prefix="parastelu-scale-") as tmp, _chroma(settings, embedded) as url:
        iso = _iso(settings, Path(tmp), url, n)
        mode = url or "embedded"
        print(f"store: {mode}; synthetic models: {n}")
        embedder = build_embedder(iso)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.bench.scale", "ingest", iso.model_dump_json(),
                        embedder.model_id, str(n)], check=True, env=offline_env())
        ingest_s = time.perf_counter() - t0
        print(f"ingest (another process): {ingest_s:.1f} s = {n / ingest_s:,.0f} models/s")

        # embed queries with the real model but bypass the disk cache so every query is really embedded
        store = ModelStore(iso, CachedEmbedder(embedder.inner, VectorCache(Path(tmp) / "nocache")))
        retriever = Retriever(store, lexical_weight=settings.lexical_weight, rrf_k=settings.rrf_k)
        t0 = time.perf_counter()
        cat = retriever.catalog()
        print(f"catalog + BM25 build (once, at start): {time.perf_counter() - t0:.1f} s for {len(cat.models):,} "
              f"models; RSS now {rss_mb():,.0f} MB")
        del cat

        rnd = random.Random(11)
        texts = [f"{' '.join(rnd.sample(_WORDS, 4))} tuki {i}" for i in range(n_queries)]
        idle = _searches(retriever, texts)
        print(f"\nsearch latency, idle bank, {n_queries} queries per mode, k=10, query embedding included (ms):")
        _table(idle)

        keeper = retriever._keeper
        assert keeper is not None
        refresh_before = keeper.stats["refreshes"]
        refresh_times: list[float] = []
        visible: list[float] = []
        writer = None
        lock = threading.Lock()
        if embedded and not url:
            # one process may write an embedded store: the writer is a thread with its own store object
            feed = _thread_writer(store, writes)
        else:
            writer = subprocess.Popen([sys.executable, "-m", "assistant.bench.scale", "write", iso.model_dump_json(),
                                       embedder.model_id, str(writes), "0.25"], stdout=subprocess.PIPE,
                                      env=offline_env(), text=True)
            feed = _pipe_lines(writer.stdout)  # type: ignore[arg-type]
        pending: dict[str, float] = {}
        done = threading.Event()

        def collect() -> None:
            for line in feed:
                item = json.loads(line)
                with lock:
                    pending[item["id"]] = float(item["at"])
            done.set()

        threading.Thread(target=collect, daemon=True).start()
        during: dict[str, list[float]] = {"dense": [], "lexical": [], "hybrid": [], "hybrid+filter": []}
        i = 0
        deadline = time.monotonic() + writes * 0.25 + 60
        last_refreshes = keeper.stats["refreshes"]
        while time.monotonic() < deadline and not (done.is_set() and not pending):
            text = texts[i % len(texts)] + f" w{i}"
            _one(retriever, text, i, during)
            if keeper.stats["refreshes"] != last_refreshes:
                last_refreshes = keeper.stats["refreshes"]
                refresh_times.append(1000 * keeper.stats["last_refresh_s"])
            with lock:
                waiting = list(pending.items())
            for mid, at in waiting:
                m = published(int(mid.split("-")[1]))
                hits = retriever.search(m.name, k=1, mode="lexical")
                if hits and hits[0].model.id == mid:
                    visible.append(time.time() - at)
                    with lock:
                        pending.pop(mid, None)
            i += 1
        if writer is not None:
            writer.wait(timeout=60)
        print(f"\nsearch latency while another process publishes {writes} models, one every 0.25 s (ms):")
        _table(during)
        print(f"\ncatalog refreshes during the stream: {keeper.stats['refreshes'] - refresh_before} "
              f"(incremental; full builds: {keeper.stats['builds']}, BM25 merges: {keeper.stats['merges']})")
        if refresh_times:
            print(f"catalog refresh after a write: p50 {_pct(refresh_times, 50):.1f} ms, "
                  f"p95 {_pct(refresh_times, 95):.1f} ms, max {max(refresh_times):.1f} ms")
        if visible:
            print(f"publish on the other process → found here: p50 {_pct(visible, 50):.2f} s, "
                  f"max {max(visible):.2f} s ({len(visible)}/{writes} found)")
        print(f"\npeak RSS of this instance: {peak_rss_mb():,.0f} MB (now {rss_mb():,.0f} MB)")

        passages = [" ".join(rnd.choices(_WORDS, k=100)) for _ in range(16)]
        t0 = time.perf_counter()
        embedder.inner.embed_passages(passages)
        took = time.perf_counter() - t0
        q_lat = []
        for j in range(50):
            t0 = time.perf_counter()
            embedder.inner.embed_query(f"{rnd.choice(_WORDS)} {rnd.choice(_WORDS)} kysely {j}")
            q_lat.append(1000 * (time.perf_counter() - t0))
        print(f"embedder {embedder.model_id}, {settings.embed_threads} thread(s): "
              f"{len(passages) / took:.2f} passages/s (100 words), query p50 {statistics.median(q_lat):.1f} ms, "
              f"p95 {_pct(q_lat, 95):.1f} ms")
    return 0


def _pipe_lines(stream: Any) -> Iterator[str]:
    for line in stream:
        if line.strip():
            yield line


def _thread_writer(store: ModelStore, writes: int) -> Iterator[str]:
    import queue

    q: queue.Queue[str | None] = queue.Queue()
    rng = np.random.default_rng(9)

    def write() -> None:
        for i in range(writes):
            store.upsert_vectors([published(i)], _unit(rng, 1))
            q.put(json.dumps({"id": published(i).id, "at": time.time()}))
            time.sleep(0.25)
        q.put(None)

    threading.Thread(target=write, daemon=True).start()
    while (item := q.get()) is not None:
        yield item


def _one(retriever: Retriever, text: str, i: int, timings: dict[str, list[float]]) -> None:
    mode = list(timings)[i % len(timings)]
    t0 = time.perf_counter()
    if mode == "hybrid+filter":
        retriever.search(text, k=10, filters=Filters(stage=["ready", "established"],
                                                     region=[_REGIONS[i % len(_REGIONS)]]))
    else:
        retriever.search(text, k=10, mode=mode)  # type: ignore[arg-type]
    timings[mode].append(1000 * (time.perf_counter() - t0))


def _searches(retriever: Retriever, texts: list[str]) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"dense": [], "lexical": [], "hybrid": [], "hybrid+filter": []}
    for text in texts:
        for j in range(4):
            _one(retriever, f"{text} {j}", j, timings)
    return timings


def _table(timings: dict[str, list[float]]) -> None:
    print(f"{'mode':<16}{'n':>6}{'p50':>8}{'p95':>8}{'max':>8}")
    for mode, values in timings.items():
        if values:
            print(f"{mode:<16}{len(values):>6}{_pct(values, 50):>8.1f}{_pct(values, 95):>8.1f}{max(values):>8.1f}")


if __name__ == "__main__":
    import assistant  # noqa: F401  (offline environment first)

    sys.exit(child(sys.argv[1:]))
