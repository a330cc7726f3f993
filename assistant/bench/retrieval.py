"""`parastelu bench retrieval`: recall@1, recall@3 and MRR on the dev query set, per language and kind,
for dense-only, BM25-only and fused rankings at several lexical weights, in one run."""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.embeddings import build_embedder
from assistant.glossary import load_glossary
from assistant.ingest import ingest
from assistant.retrieval import Mode, Retriever
from assistant.settings import Settings
from assistant.store import ModelStore


@dataclass
class Query:
    id: str
    lang: str
    kind: str
    query: str
    expected: list[str]


def load_queries(path: Path) -> list[Query]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    out: list[Query] = []
    for f in files:
        for item in yaml.safe_load(f.read_text(encoding="utf-8")) or []:
            out.append(Query(str(item["id"]), str(item["lang"]), str(item.get("kind", "paraphrase")),
                             str(item["query"]), [str(e) for e in item["expected"]]))
    return out


def score(ranked: list[list[str]], queries: list[Query]) -> dict[str, dict[str, float]]:
    """Per group (all / lang / kind): n, recall@1, recall@3, MRR."""
    groups: dict[str, list[tuple[int | None]]] = defaultdict(list)
    for ids, q in zip(ranked, queries, strict=True):
        rank = next((i for i, mid in enumerate(ids) if mid in q.expected), None)
        for g in ("all", f"lang={q.lang}", f"kind={q.kind}"):
            groups[g].append((rank,))
    out: dict[str, dict[str, float]] = {}
    for g, ranks in groups.items():
        n = len(ranks)
        out[g] = {"n": n,
                  "r@1": sum(1 for (r,) in ranks if r is not None and r < 1) / n,
                  "r@3": sum(1 for (r,) in ranks if r is not None and r < 3) / n,
                  "mrr": sum(1.0 / (r + 1) for (r,) in ranks if r is not None) / n}
    return out


def evaluate(retriever: Retriever, queries: list[Query], mode: Mode, k: int = 10) -> dict[str, Any]:
    t0 = time.perf_counter()
    ranked = [[h.model.id for h in retriever.search(q.query, k=k, mode=mode)] for q in queries]
    took = time.perf_counter() - t0
    return {"metrics": score(ranked, queries), "ms_per_query": 1000 * took / max(1, len(queries)),
            "ranked": ranked}


def run(settings: Settings, queries_path: Path, knowledge: Path, weights: str) -> int:
    queries = load_queries(queries_path)
    if not queries:
        print(f"no queries found in {queries_path}")
        return 2
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-") as tmp:
        iso = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": None,
                                          "vector_cache_dir": settings.cache_dir.resolve()})
        embedder = build_embedder(iso)
        store = ModelStore(iso, embedder)
        t0 = time.perf_counter()
        report = ingest([knowledge], store, progress=False)
        print(f"indexed {store.count()} models from {knowledge} in {time.perf_counter() - t0:.1f} s "
              f"({embedder.embedded} embedded, rest from cache; {len(report.errors)} record errors)")
        print(f"{len(queries)} queries from {queries_path}; embedder {embedder.model_id}\n")
        rows: list[tuple[str, dict[str, Any]]] = []
        glossary = load_glossary(str(settings.glossary)) if settings.glossary else None

        def make(w_fi: float, w_other: float, gloss: bool = True) -> Retriever:
            return Retriever(store, lexical_weight=w_fi, lexical_weight_other=w_other, rrf_k=settings.rrf_k,
                             glossary=glossary if gloss else None,
                             dense_expansion=settings.dense_expansion and gloss)

        rows.append(("bm25 (stems)", evaluate(make(1, 1, gloss=False), queries, "lexical")))
        rows.append(("bm25+glossary", evaluate(make(1, 1), queries, "lexical")))
        rows.append(("dense (plain)", evaluate(make(1, 1, gloss=False), queries, "dense")))
        rows.append(("dense+glossary", evaluate(make(1, 1), queries, "dense")))
        configured = (settings.lexical_weight, settings.lexical_weight_other)
        pairs = [tuple(float(x) for x in (item.split("/") * 2)[:2]) for item in weights.split(",") if item.strip()]
        for w_fi, w_other in dict.fromkeys(pairs + [configured]):
            mark = " *" if (w_fi, w_other) == configured else ""
            rows.append((f"fused {w_fi:g}/{w_other:g}{mark}", evaluate(make(w_fi, w_other), queries, "hybrid")))
        rows.append(("calibrated (match)", _calibrated(iso, embedder, store, make(*configured), queries)))
        _print(rows)
        dense = rows[3][1]["metrics"]["all"]
        fused = next((res for name, res in rows if name.endswith("*")), None)
        if fused:
            f = fused["metrics"]["all"]
            bm = rows[0][1]["metrics"]["all"]  # BM25 baseline: stems only, no glossary
            print(f"\nconfigured fusion ({configured[0]:g}/{configured[1]:g}) vs dense+glossary: r@1 {f['r@1']:.3f} vs "
                  f"{dense['r@1']:.3f}, r@3 {f['r@3']:.3f} vs {dense['r@3']:.3f}, mrr {f['mrr']:.3f} vs "
                  f"{dense['mrr']:.3f}; vs bm25 r@3 +{f['r@3'] - bm['r@3']:.3f}")
            misses = [q for q, ids in zip(queries, fused["ranked"], strict=True)
                      if not set(ids[:3]) & set(q.expected)]
            if misses:
                print(f"\nmissed at top-3 by the configured fusion ({len(misses)}):")
                for q in misses:
                    print(f"  {q.id} [{q.lang}] {q.query!r} -> expected {q.expected}")
    return 0


def _calibrated(settings: Settings, embedder: Any, store: ModelStore, retriever: Retriever,
                queries: list[Query]) -> dict[str, Any]:
    """What staff see: the configured fusion's candidates ordered by the calibrated match probability."""
    from assistant.matcher import search
    from assistant.services import Services

    svc = Services(settings, embedder, store, retriever)
    t0 = time.perf_counter()
    ranked = [[h.model.id for h in search(svc, q.query, k=10, lang=q.lang).hits] for q in queries]
    took = time.perf_counter() - t0
    return {"metrics": score(ranked, queries), "ms_per_query": 1000 * took / max(1, len(queries)),
            "ranked": ranked}


def _print(rows: list[tuple[str, dict[str, Any]]]) -> None:
    groups = sorted(rows[0][1]["metrics"], key=lambda g: (g != "all", g))
    print(f"{'ranking':<20}{'group':<18}{'n':>4}{'r@1':>8}{'r@3':>8}{'mrr':>8}{'ms/q':>8}")
    for name, res in rows:
        for g in groups:
            m = res["metrics"][g]
            ms = f"{res['ms_per_query']:.1f}" if g == "all" else ""
            print(f"{name:<20}{g:<18}{int(m['n']):>4}{m['r@1']:>8.3f}{m['r@3']:>8.3f}{m['mrr']:>8.3f}{ms:>8}")
        print()
