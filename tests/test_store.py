"""The store on real Chroma: embedded persistence, a `chroma run` server, failures with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.embeddings import CachedEmbedder, ParasteluEmbeddingFunction
from assistant.retrieval import Filters, Retriever
from assistant.schema import ModelDescription
from assistant.settings import Settings
from assistant.store import EmbeddingMismatch, ModelStore, StoreUnavailable, connect, reindex
from assistant.vcache import VectorCache
from tests.conftest import FakeEmbedder, free_port, run_cli

MODELS = [
    ModelDescription(id="nuoret-1", name="Nuorten valmennus", target_groups=["nuoret"], stage="ready",
                     regions=["Tampere"], themes=["nuoret"], language="fi"),
    ModelDescription(id="vanhukset-1", name="Ikäihmisten ryhmä", target_groups=["ikääntyneet"],
                     stage="ended", regions=["Oulu"], themes=["yksinäisyys"], language="fi"),
]


def test_embedded_store_persists_across_clients(settings: Settings, fake_embedder: CachedEmbedder) -> None:
    ModelStore(settings, fake_embedder).upsert(MODELS)
    reopened = ModelStore(settings, fake_embedder, client=connect(settings))
    assert reopened.count() == 2
    assert reopened.get("nuoret-1") == MODELS[0]
    assert (settings.data_dir / "chroma").is_dir()


def test_collection_uses_our_embedding_function_never_chromas_default(
        settings: Settings, fake_embedder: CachedEmbedder) -> None:
    store = ModelStore(settings, fake_embedder)
    store.upsert(MODELS)
    assert isinstance(store.collection._embedding_function, ParasteluEmbeddingFunction)
    # query_texts goes through our function too: same vector as the embedder's query vector
    res = store.collection.query(query_texts=["Nuorten valmennus"], n_results=1)
    assert res["ids"][0] == ["nuoret-1"]
    meta = store.collection.metadata or {}
    assert meta["embed_model"] == "fake/hash-32" and meta["embed_dim"] == 32
    # the change feed carries dummy vectors and has no embedder at all, so Chroma never embeds there
    assert store.changes._embedding_function is None


def test_embedding_mismatch_gives_reindex_message_and_reindex_fixes_it(
        settings: Settings, fake_embedder: CachedEmbedder, tmp_path: Path) -> None:
    ModelStore(settings, fake_embedder).upsert(MODELS)
    other = CachedEmbedder(FakeEmbedder("fake/other-16", 16), VectorCache(tmp_path / "c2"))
    with pytest.raises(EmbeddingMismatch) as exc:
        ModelStore(settings, other)
    assert "parastelu reindex" in str(exc.value) and "fake/hash-32" in str(exc.value)
    assert reindex(settings, other) == 2
    store = ModelStore(settings, other)
    assert store.count() == 2 and (store.collection.metadata or {})["embed_dim"] == 16


def test_revision_moves_on_every_write(settings: Settings, fake_embedder: CachedEmbedder) -> None:
    store = ModelStore(settings, fake_embedder)
    r0 = store.revision
    store.upsert(MODELS[:1])
    store.delete(["nuoret-1"])
    assert store.revision == r0 + 2
    assert store.delete(["does-not-exist"]) == []


@pytest.mark.server
def test_chroma_server_mode_end_to_end(chroma_server: str, fake_embedder: CachedEmbedder,
                                       tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "d", chroma_url=chroma_server, collection="server_e2e")
    store = ModelStore(s, fake_embedder)
    assert store.mode == chroma_server
    store.upsert(MODELS)
    retriever = Retriever(store)
    hits = retriever.search("nuorten valmennus", k=2)
    assert hits[0].model.id == "nuoret-1"
    only_ended = retriever.search("ryhmä", k=5, filters=Filters(stage=["ended"]))
    assert [h.model.id for h in only_ended] == ["vanhukset-1"]
    # a second client (another process would do the same) sees the data and the new revision
    other = Retriever(ModelStore(s, fake_embedder))
    assert other.search("ikäihmisten ryhmä", k=1)[0].model.id == "vanhukset-1"
    assert not (tmp_path / "d" / "chroma").exists()


def test_unreachable_server_is_one_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as exc:
        connect(Settings(data_dir=tmp_path, chroma_url=url))
    assert url in str(exc.value)


def test_cli_unreachable_server_exit_code_names_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    proc = run_cli("--chroma-url", url, "search", "nuoret")
    assert proc.returncode == 3
    assert f"Cannot reach the Chroma server at {url}" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unreadable_vector_cache_never_fails_a_search(tmp_path: Path) -> None:
    """A damaged cache file (or one caught mid-write by another process) falls back to memory."""
    import numpy as np

    from assistant.vcache import VectorCache

    (tmp_path / "vectors.sqlite").write_bytes(b"this is not a database" * 100)
    cache = VectorCache(tmp_path)
    cache.put_many({"k": np.ones(3, dtype=np.float32)})
    assert list(cache.get_many(["k"])) == ["k"]


def test_private_file_never_opens_an_existing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing any descriptor of a SQLite file drops this process's POSIX locks under its open connections,
    and another process's write then corrupts the database: an existing file is only chmodded."""
    import os
    import sqlite3

    from assistant import fsperm

    db = tmp_path / "vectors.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    db.chmod(0o644)
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(fsperm.os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    fsperm.private_file(db)
    assert opened == [str(db)]  # one attempt, refused by O_EXCL: the file is never opened for writing
    assert (db.stat().st_mode & 0o777) == 0o600
    link = tmp_path / "link.sqlite"
    link.symlink_to(db)
    with pytest.raises(OSError):
        fsperm.private_file(link)
