"""The model bank on Chroma: embedded ``PersistentClient`` by default, ``HttpClient`` for a server.

The collection records its embedding model and dimension. Opening it with another embedder is refused
with a clear "re-index" message instead of a dimension error deep inside Chroma.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from assistant.embeddings import CachedEmbedder, ParasteluEmbeddingFunction
from assistant.fsperm import private_dir
from assistant.schema import ModelDescription
from assistant.settings import Settings

T = TypeVar("T")

SCHEMA_VERSION = 1
_PAGE = 2000


class StoreError(RuntimeError):
    """A store problem with a message meant for the person at the keyboard."""


class StoreUnavailable(StoreError):
    """The Chroma server could not be reached."""


class EmbeddingMismatch(StoreError):
    """The collection was built with a different embedding model."""


class ReadOnlyStore(StoreError):
    """A write to a store opened from a read-only data dir."""


def describe_db_error(exc: BaseException, where: Path) -> str:
    """One readable sentence for a storage failure (corrupt, read-only, full), naming the place."""
    text = str(exc)
    low = text.lower()
    text = re.sub(r"^.*?\(code: \d+\)\s*", "", text).strip() or text
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return (f"The model bank in {where} is damaged ({text}). Restore the directory from a "
                "backup, or move it away and re-import the models with `parastelu ingest`.")
    if "disk is full" in low or "no space" in low or "file too large" in low:
        return f"The disk holding {where} is full ({text}). Free some space and try again."
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        return f"{where} is read-only ({text}). Searching works; changes need a writable data dir."
    return f"The model bank in {where} could not be opened: {type(exc).__name__}: {text[:200]}"


def _writable(path: Path) -> bool:
    db = path / "chroma.sqlite3"
    return os.access(path, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


def _snapshot(path: Path) -> Path:
    """A private copy of a read-only embedded store (Chroma cannot open one in place), removed at exit."""
    copy = Path(tempfile.mkdtemp(prefix="parastelu-ro-")) / "chroma"
    shutil.copytree(path, copy)
    atexit.register(shutil.rmtree, copy.parent, True)
    return copy


def connect(settings: Settings) -> ClientAPI:
    """Embedded client under the data dir, or an HTTP client when ``chroma_url`` is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not settings.chroma_url:
        path = settings.chroma_path
        try:
            private_dir(settings.data_dir)
            path.mkdir(exist_ok=True, mode=0o700)
        except OSError as exc:
            if not path.is_dir():
                raise StoreError(describe_db_error(exc, settings.data_dir)) from exc
        if not _writable(path):
            path = _snapshot(path)
        try:
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as exc:  # chromadb raises InternalError/ValueError/… with sqlite's text
            raise StoreError(describe_db_error(exc, settings.chroma_path)) from exc
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise StoreError(f"PARASTELU_CHROMA_URL must look like http://host:port, got {settings.chroma_url!r}")
    try:
        client = chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 80),
                                     ssl=url.scheme == "https", settings=chroma_settings)
        client.heartbeat()
    except Exception as exc:  # chromadb raises ValueError/ConnectError/... depending on the failure
        raise StoreUnavailable(f"Cannot reach the Chroma server at {settings.chroma_url}: "
                               f"{type(exc).__name__}. Start it with `chroma run` or unset "
                               "PARASTELU_CHROMA_URL to use the embedded store.") from exc
    return client


def embed_text(m: ModelDescription) -> str:
    """What the dense vector represents: what the model is for, whom, and what it does."""
    parts = [m.name, m.summary or "", m.basic_idea or "", m.problem or "",
             "; ".join(m.target_groups), "; ".join(m.goals), "; ".join(m.core)]
    return "\n".join(p for p in parts if p)[:2000]


def _metadata(m: ModelDescription) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": m.name, "record": json.dumps(m.to_record(), ensure_ascii=False)}
    if m.stage:
        meta["stage"] = m.stage.value
    if m.language:
        meta["language"] = m.language
    if m.organisation:
        meta["organisation"] = m.organisation
    if m.regions:
        meta["regions"] = [r.lower() for r in m.regions]
    if m.themes:
        meta["themes"] = [t.lower() for t in m.themes]
    return meta


class ModelStore:
    """CRUD over the model bank plus raw dense queries; hybrid ranking lives in ``retrieval``."""

    def __init__(self, settings: Settings, embedder: CachedEmbedder, client: ClientAPI | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.client = client or connect(settings)
        self.mode = settings.chroma_url or "embedded"
        self.read_only = client is None and not settings.chroma_url and not _writable(settings.chroma_path)
        self._ef = ParasteluEmbeddingFunction(embedder)
        self.collection = self._open()
        self._seen = self._read_revision()

    # -- another process changed the embedded store: open it afresh ---------------------------------------
    def reopen(self) -> None:
        """A new client and collection (an embedded store's in-memory index does not follow other
        processes' writes; Chroma caches one system per path, so that cache entry is dropped first)."""
        old = self.client
        ident = getattr(old, "_identifier", None)
        if not self.settings.chroma_url and ident is not None:
            try:
                old.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: S110  (best effort: a broken client is replaced anyway)
                pass
            SharedSystemClient._identifier_to_system.pop(ident, None)
        self.client = connect(self.settings)
        self.collection = self._open()
        self._seen = self._read_revision()

    def _read_revision(self) -> int:
        col = self.client.get_collection(self.settings.collection, embedding_function=self._ef)  # type: ignore[arg-type]
        return int((col.metadata or {}).get("revision", 0))

    def _fresh(self, read: Callable[[], T]) -> T:
        """Run a read against a current view: reopen when another process wrote since we looked, and once
        more when Chroma reports an internal error (e.g. "Error finding id" after someone else's delete)."""
        if not self.settings.chroma_url:
            try:
                if self._read_revision() != self._seen:
                    self.reopen()
            except Exception:  # noqa: S110  (the read below reports what is wrong)
                pass
        try:
            return read()
        except chromadb.errors.InternalError:
            self.reopen()
            return read()

    def _open(self) -> Collection:
        name = self.settings.collection
        try:
            existing = {c.name: c for c in self.client.list_collections()}
        except Exception as exc:
            raise StoreUnavailable(f"Chroma at {self.mode} did not answer: {exc}") from exc
        if name in existing:
            meta = existing[name].metadata or {}  # read before attaching our embedder, to refuse a mismatch
            model, dim = meta.get("embed_model"), meta.get("embed_dim")
            if model != self.embedder.model_id or dim != self.embedder.dim:
                raise EmbeddingMismatch(
                    f"The model bank in {self.mode} was indexed with embedding model {model} "
                    f"(dimension {dim}), but {self.embedder.model_id} (dimension {self.embedder.dim}) "
                    "is configured. Re-index with `parastelu reindex`, or switch the embedder back.")
            return self.client.get_collection(name, embedding_function=self._ef)  # type: ignore[arg-type]
        return self.client.create_collection(
            name, embedding_function=self._ef,  # type: ignore[arg-type]
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embed_model": self.embedder.model_id, "embed_dim": self.embedder.dim,
                      "schema_version": SCHEMA_VERSION, "revision": 0})

    # -- bookkeeping -------------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        """Bumped on every write, so other processes know when their lexical index is stale."""
        return self._read_revision()

    def _bump(self) -> None:
        """Count a write, from the stored revision (another process may have counted some meanwhile)."""
        col = self.client.get_collection(self.settings.collection, embedding_function=self._ef)  # type: ignore[arg-type]
        meta = dict(col.metadata or {})
        current = int(meta.get("revision", 0))
        meta["revision"] = current + 1
        meta.pop("hnsw:space", None)
        self.collection.modify(metadata=meta)
        if current == self._seen:  # nobody else wrote in between: our view is current
            self._seen = current + 1

    def _writing(self) -> None:
        if self.read_only:
            raise ReadOnlyStore(f"{self.settings.data_dir} is read-only: the model bank was opened from a copy "
                                "for searching, and changes are not possible. Use a writable data dir.")

    def count(self) -> int:
        return self._fresh(lambda: self.collection.count())

    # -- writes ------------------------------------------------------------------------------------
    def upsert(self, models: Sequence[ModelDescription], batch: int = 500) -> int:
        """Idempotent upsert by id; vectors come from the cache when the text is unchanged."""
        if not models:
            return 0
        self._writing()
        for start in range(0, len(models), batch):
            chunk = models[start : start + batch]
            texts = [embed_text(m) for m in chunk]
            self.upsert_vectors(chunk, self.embedder.embed_passages(texts), texts)
        self._bump()
        return len(models)

    def upsert_vectors(self, models: Sequence[ModelDescription], vectors: Any,
                       texts: Sequence[str] | None = None) -> None:
        """Upsert with given vectors (also used directly by the scale benchmark, which skips the embedder)."""
        self._writing()
        self.collection.upsert(ids=[m.id for m in models], embeddings=vectors,
                               documents=list(texts) if texts is not None else [embed_text(m) for m in models],
                               metadatas=[_metadata(m) for m in models])

    def delete(self, ids: Sequence[str]) -> list[str]:
        """Delete by id; returns the ids that existed."""
        self._writing()
        found = self.collection.get(ids=list(ids), include=[])["ids"]
        if found:
            self.collection.delete(ids=found)
            self._bump()
        return list(found)

    # -- reads -------------------------------------------------------------------------------------
    def get(self, model_id: str) -> ModelDescription | None:
        got = self._fresh(lambda: self.collection.get(ids=[model_id], include=["metadatas"]))
        metas = got.get("metadatas") or []
        return _from_meta(metas[0]) if metas else None

    def iter_all(self) -> Iterator[ModelDescription]:
        """Every stored record, paged, in id order."""
        for meta in self._iter_meta():
            yield _from_meta(meta)

    def _iter_meta(self) -> Iterator[dict[str, Any]]:
        for page in self._fresh(lambda: list(_pages(self.collection, ["metadatas"]))):
            yield from (dict(m) for m in page.get("metadatas") or [])

    def all(self) -> list[ModelDescription]:
        return sorted(self.iter_all(), key=lambda m: m.id)

    def all_with_vectors(self) -> tuple[list[ModelDescription], np.ndarray]:
        """Every record with its stored vector (for filtered search in memory), sorted by id."""
        models: list[ModelDescription] = []
        vectors: list[np.ndarray] = []
        for page in self._fresh(lambda: list(_pages(self.collection, ["metadatas", "embeddings"]))):
            models += [_from_meta(m) for m in page.get("metadatas") or []]
            embs = page.get("embeddings")
            if embs is not None and len(embs):
                vectors.append(np.asarray(embs, dtype=np.float32))
        matrix = np.vstack(vectors) if vectors else np.zeros((0, self.embedder.dim), dtype=np.float32)
        order = sorted(range(len(models)), key=lambda i: models[i].id)
        return [models[i] for i in order], matrix[order] if len(order) else matrix

    def query(self, vector: Any, k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(id, cosine similarity) pairs, best first."""
        n = min(k, self.count())
        if n <= 0:
            return []
        res = self._fresh(lambda: self.collection.query(query_embeddings=[vector], n_results=n, where=where,
                                                        include=["distances"]))
        ids = res["ids"][0]
        dists = (res.get("distances") or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]


def _pages(collection: Collection, include: list[str]) -> Iterator[Any]:
    """Every record of a collection, a page at a time (one place for Chroma's limit/offset paging)."""
    offset = 0
    while True:
        got = collection.get(include=include, limit=_PAGE, offset=offset)  # type: ignore[arg-type]
        yield got
        if len(got["ids"]) < _PAGE:
            return
        offset += _PAGE


def _from_meta(meta: Any) -> ModelDescription:
    return ModelDescription.model_validate(json.loads(meta["record"]))


def reindex(settings: Settings, embedder: CachedEmbedder, client: ClientAPI | None = None) -> int:
    """Re-embed every record with the configured embedder (after changing models); returns the count."""
    client = client or connect(settings)
    name = settings.collection
    models: list[ModelDescription] = []
    old = next((c for c in client.list_collections() if c.name == name), None)
    if old is not None:  # records are read from metadata only; no embedding function is used
        for page in _pages(old, ["metadatas"]):
            models += [_from_meta(m) for m in page.get("metadatas") or []]
        client.delete_collection(name)
    store = ModelStore(settings, embedder, client=client)
    store.upsert(models)
    return len(models)
