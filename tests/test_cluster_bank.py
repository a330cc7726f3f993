"""One bank, several instances: the change feed, incremental catalog refreshes, and searches that never
fail because an instance's catalog and the store disagree."""

from __future__ import annotations

import random
import time
from pathlib import Path

import bm25s
import numpy as np
import pytest

from assistant.catalog_builder import Builder
from assistant.embeddings import CachedEmbedder
from assistant.lexical import Catalog, doc_tokens
from assistant.retrieval import Filters, Retriever
from assistant.schema import ModelDescription
from assistant.settings import Settings
from assistant.store import FeedCursor, ModelStore
from tests.conftest import SEED

WORDS = ("nuori lapsi perhe koulu työ asunto päihde mielenterveys ikääntynyt yksinäisyys ohjaus ryhmä "
         "vertaistuki kotikäynti kuntoutus valmennus liikunta velka kieli chat neuvola harrastus").split()
REGIONS = ["Tampere", "Oulu", "Helsinki", "valtakunnallinen"]


def synth(i: int, rnd: random.Random, tag: str = "") -> ModelDescription:
    w = rnd.sample(WORDS, 8)
    return ModelDescription(id=f"m-{i:04d}", name=f"Malli {i} {w[0]} {tag}".strip(), summary=" ".join(w),
                            target_groups=[w[1]], core=[w[2], w[3]], stage=rnd.choice(["idea", "ready", "ended"]),
                            regions=[rnd.choice(REGIONS)], themes=[w[4]], language="fi")


def test_bm25_scores_equal_bm25s_lucene_on_the_seed_bank() -> None:
    models = sorted(_seed(), key=lambda m: m.id)
    cat = Catalog.build(models, 0, np.zeros((len(models), 4), dtype=np.float32))
    ref = bm25s.BM25(k1=1.2, b=0.75)
    ref.index([doc_tokens(m) for m in models], show_progress=False)
    for query in (["nuor", "syrjäytym"], ["asunto", "ensin", "asunto"], ["yksinäisyy", "ikäihmis"], ["zzz"]):
        known = [t for t in query if t in ref.vocab_dict]
        want = ref.get_scores(known) if known else np.zeros(len(models))
        assert np.allclose(cat.scores(query), want, rtol=1e-4, atol=1e-5), query


def _seed() -> list[ModelDescription]:
    import yaml

    out = []
    for path in sorted(Path(SEED).glob("*.yaml")):
        out.append(ModelDescription.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert len(out) >= 60
    return out


def _same(a: Catalog, b: Catalog, queries: list[list[str]]) -> None:
    """Two catalogs hold the same records with the same vectors, scores and filter results."""
    assert sorted(a.positions) == sorted(b.positions)
    assert len(a.models) == len(a.positions) == len(a.vectors) == len(a.stage)  # type: ignore[arg-type]
    for mid, pos in a.positions.items():
        other = b.positions[mid]
        assert a.models[pos] == b.models[other]
        assert np.allclose(a.vectors[pos], b.vectors[other])  # type: ignore[index]
        assert a.stage[pos] == b.stage[other] and a.language[pos] == b.language[other]
    order_a = [a.positions[m] for m in sorted(a.positions)]
    order_b = [b.positions[m] for m in sorted(b.positions)]
    for q in queries:
        assert np.allclose(a.scores(q)[order_a], b.scores(q)[order_b], rtol=1e-4, atol=1e-5), q
    for region in REGIONS:
        ma = a.mask(["ready"], [], [region], [], [], None)
        mb = b.mask(["ready"], [], [region], [], [], None)
        assert sorted(a.models[i].id for i in np.flatnonzero(ma)) == sorted(b.models[i].id for i in np.flatnonzero(mb))


def test_incremental_changes_equal_a_full_rebuild() -> None:
    """Random upserts (new and changed), deletes and merges give the catalog a full rebuild gives."""
    rnd = random.Random(5)
    rng = np.random.default_rng(5)
    records = {f"m-{i:04d}": synth(i, rnd) for i in range(300)}
    vectors = {mid: rng.standard_normal(8).astype(np.float32) for mid in records}
    builder = Builder(8)
    builder.MERGE_MIN = 10**9  # merges are exercised explicitly below
    ids = sorted(records)
    builder.full([([records[i] for i in ids], np.stack([vectors[i] for i in ids]))], 0, len(ids))
    queries = [[w] for w in ("nuor", "asunto", "velk", "kuntoutus", "malli")] + [["ryhm", "ohjaus", "ryhm"]]
    for step in range(12):
        upserts, deletes = {}, []
        for _ in range(rnd.randint(1, 25)):
            mid = f"m-{rnd.randint(0, 420):04d}"
            if rnd.random() < 0.3 and mid in records:
                deletes.append(mid)
                upserts.pop(mid, None)
                records.pop(mid)
                vectors.pop(mid)
            else:
                records[mid] = synth(int(mid[2:]), rnd, tag=f"v{step}")
                vectors[mid] = rng.standard_normal(8).astype(np.float32)
                upserts[mid] = (records[mid], vectors[mid])
                if mid in deletes:
                    deletes.remove(mid)
        got = builder.apply(upserts, deletes, step + 1)
        if step % 5 == 4:
            got = builder.merge()
        ids = sorted(records)
        fresh = Catalog.build([records[i] for i in ids], 0, np.stack([vectors[i] for i in ids]))
        _same(got, fresh, queries)


def test_an_old_snapshot_keeps_its_shape_while_new_ones_are_published() -> None:
    rnd = random.Random(1)
    builder = Builder(4)
    models = [synth(i, rnd) for i in range(50)]
    old = builder.full([(models, np.ones((50, 4), dtype=np.float32))], 0, 50)
    new = builder.apply({"m-9999": (synth(9999, rnd), np.ones(4, dtype=np.float32))}, ["m-0003", "m-0010"], 1)
    assert len(old.models) == len(old.scores(["nuor"])) == len(old.vectors) == 50  # type: ignore[arg-type]
    assert len(new.models) == len(new.scores(["nuor"])) == len(new.vectors) == 49  # type: ignore[arg-type]
    assert "m-0003" in old.positions and "m-0003" not in new.positions


# -- two instances on one Chroma server -------------------------------------------------------------------
def _instance(url: str, collection: str, embedder: CachedEmbedder, tmp: Path, poll: float = 0.0) -> Retriever:
    s = Settings(data_dir=tmp, chroma_url=url, collection=collection, catalog_poll=poll)
    return Retriever(ModelStore(s, embedder))


@pytest.mark.server
def test_publish_on_one_instance_is_found_on_the_other(chroma_server: str, fake_embedder: CachedEmbedder,
                                                       tmp_path: Path) -> None:
    rnd = random.Random(2)
    a = _instance(chroma_server, "two_instances", fake_embedder, tmp_path / "a")
    b = _instance(chroma_server, "two_instances", fake_embedder, tmp_path / "b")
    a.store.upsert([synth(i, rnd) for i in range(40)])
    assert len(b.catalog().models) == 40 and len(a.catalog().models) == 40
    builds = b._keeper.stats["builds"]  # type: ignore[union-attr]
    # B publishes: A finds it with and without filters, and neither instance rebuilt its catalog
    new = ModelDescription(id="uusi", name="Kirjastokoirat lukutaidon tukena", target_groups=["alakoululaiset"],
                           stage="developing", regions=["Kuopio"], language="fi")
    b.store.upsert([new])
    assert a.search("kirjastokoirat lukutaidon tukena", k=1)[0].model.id == "uusi"
    assert [h.model.id for h in a.search("kirjastokoirat", k=3, filters=Filters(region=["Kuopio"]))] == ["uusi"]
    assert b.search("kirjastokoirat", k=1, filters=Filters(stage=["developing"]))[0].model.id == "uusi"
    assert a._keeper.stats["builds"] == 1 and b._keeper.stats["builds"] == builds  # type: ignore[union-attr]
    # a delete on A disappears from B
    a.store.delete(["uusi"])
    assert "uusi" not in b.catalog().positions
    assert all(h.model.id != "uusi" for h in b.search("kirjastokoirat lukutaidon tukena", k=5))


@pytest.mark.server
def test_a_search_never_fails_when_chroma_knows_more_than_the_catalog(
        chroma_server: str, fake_embedder: CachedEmbedder, tmp_path: Path) -> None:
    """The KeyError of issue 12: B's dense hit comes from Chroma before B's catalog has the record."""
    rnd = random.Random(3)
    a = _instance(chroma_server, "stale_catalog", fake_embedder, tmp_path / "a")
    b = _instance(chroma_server, "stale_catalog", fake_embedder, tmp_path / "b", poll=3600)
    a.store.upsert([synth(i, rnd) for i in range(30)])
    b.catalog()
    a.store.upsert([ModelDescription(id="tuore", name="Tuore kirjastokoiramalli", language="fi")])
    # the precondition, waited for: Chroma's own query already returns the new record (its index may lag the
    # write by a moment under load), while B's catalog does not hold it
    vec = fake_embedder.embed_query("tuore kirjastokoiramalli")
    deadline = time.monotonic() + 60  # a loaded CI machine has lagged more than 10 s
    while "tuore" not in a.store.collection.query(query_embeddings=[vec], n_results=50)["ids"][0]:
        assert time.monotonic() < deadline, "Chroma never returned the new record"
        time.sleep(0.05)
    hits = b.search("tuore kirjastokoiramalli", k=5)  # no refresh due for an hour: must not raise
    assert "tuore" not in [h.model.id for h in hits]
    # the hit Chroma had was scheduled: the next search fetches that record, not the whole bank
    assert b.search("tuore kirjastokoiramalli", k=1)[0].model.id == "tuore"
    assert b._keeper.stats["builds"] == 1  # type: ignore[union-attr]


@pytest.mark.server
def test_revision_is_read_from_the_server_and_never_loses_a_concurrent_write(
        chroma_server: str, fake_embedder: CachedEmbedder, tmp_path: Path) -> None:
    import threading

    a = _instance(chroma_server, "revisions", fake_embedder, tmp_path / "a").store
    b = _instance(chroma_server, "revisions", fake_embedder, tmp_path / "b").store
    r0 = a.revision
    rnd = random.Random(4)
    batches = [[synth(i * 10 + j, rnd)] for i in range(8) for j in range(1)]
    threads = [threading.Thread(target=(a if i % 2 else b).upsert, args=(batch,)) for i, batch in enumerate(batches)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert a.revision == b.revision == r0 + len(batches)
    cursor = FeedCursor(count=r0, high=0)
    changes = a.changes_since(cursor)
    assert changes.ids == {m.id for batch in batches for m in batch}
    assert not a.changes_since(cursor)


def test_catalog_refresh_after_one_write_reads_only_that_record(settings: Settings, fake_embedder: CachedEmbedder,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(6)
    store = ModelStore(settings.model_copy(update={"catalog_poll": 0.0}), fake_embedder)
    store.upsert([synth(i, rnd) for i in range(200)])
    retriever = Retriever(store)
    retriever.catalog()
    asked: list[int] = []
    real = store.get_many
    monkeypatch.setattr(store, "get_many", lambda ids: asked.append(len(list(ids))) or real(ids))
    monkeypatch.setattr(store, "pages_with_vectors", lambda: pytest.fail("full rebuild after one write"))
    store.upsert([synth(5, rnd, tag="muutettu")])
    t0 = time.perf_counter()
    cat = retriever.catalog()
    assert time.perf_counter() - t0 < 0.5
    assert cat.models[cat.positions["m-0005"]].name.endswith("muutettu")
    assert asked == [1]


@pytest.mark.server
def test_a_write_racing_the_feed_check_is_applied_once_and_never_forces_a_rebuild(
        chroma_server: str, fake_embedder: CachedEmbedder, tmp_path: Path) -> None:
    """An entry that lands between the feed's count and its read is applied in that check; the next check
    sees the count it missed and must not take the difference for a gap (a full rebuild at 100k)."""
    rnd = random.Random(7)
    a = _instance(chroma_server, "feed_race", fake_embedder, tmp_path / "a")
    b = _instance(chroma_server, "feed_race", fake_embedder, tmp_path / "b")
    a.store.upsert([synth(i, rnd) for i in range(10)])
    b.catalog()
    real = b.store._read_revision
    calls = {"n": 0}

    def count_then_write() -> int:
        total = real()
        if calls["n"] == 0:  # the write lands right after this count was taken
            a.store.upsert([synth(100, rnd, tag="kilpa")])
        calls["n"] += 1
        return total

    a.store.upsert([synth(99, rnd)])  # the feed moved: b's next check reads it …
    b.store._read_revision = count_then_write  # type: ignore[method-assign]
    cat = b.catalog()  # … and a second write lands between its count and its read
    b.store._read_revision = real  # type: ignore[method-assign]
    assert "m-0100" in cat.positions
    for _ in range(3):
        b.catalog()
    assert b._keeper.stats["builds"] == 1  # type: ignore[union-attr]
