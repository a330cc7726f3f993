"""The model bank on Chroma: embedded ``PersistentClient`` by default, ``HttpClient`` for a server.

The collection records its embedding model and dimension. Opening it with another embedder is refused
with a clear "re-index" message instead of a dimension error deep inside Chroma. Opening the client and the
store's error types live in ``store_client`` (re-exported here).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.shared_system_client import SharedSystemClient

from assistant.embeddings import CachedEmbedder, ParasteluEmbeddingFunction
from assistant.schema import ModelDescription
from assistant.settings import Settings
from assistant.store_client import EmbeddingMismatch as EmbeddingMismatch
from assistant.store_client import ReadOnlyStore as ReadOnlyStore
from assistant.store_client import StoreError as StoreError
from assistant.store_client import StoreUnavailable as StoreUnavailable
from assistant.store_client import _writable
from assistant.store_client import connect as connect
from assistant.store_client import describe_db_error as describe_db_error

T = TypeVar("T")

SCHEMA_VERSION = 1
_PAGE = 2000
CHANGES_SUFFIX = "__changes"  # the change feed lives in its own collection next to the bank
_NO_EMBEDDER = None  # the feed's embedding function: none at all (never Chroma's default)
FEED_WINDOW_US = 30_000_000  # re-read feed entries this far behind the newest one seen (clock skew, slow writers)
_FEED_IDS = 500  # ids per feed entry


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
    """CRUD over the model bank plus raw dense queries; hybrid ranking lives in ``retrieval``.

    Every write is also appended to a change feed (the collection ``<name>__changes`` on the same Chroma):
    one entry per batch, holding the ids written and a microsecond stamp. The feed's size is the bank's
    revision, read fresh from the server, and an entry is never lost to a concurrent writer (each is a
    record of its own, unlike a counter in collection metadata). Other instances read the entries newer than
    what they have seen and refresh only those records (see ``catalog_keeper.CatalogKeeper``)."""

    def __init__(self, settings: Settings, embedder: CachedEmbedder, client: ClientAPI | None = None) -> None:
        self.settings = settings
        self.embedder = embedder
        self.client = client or connect(settings)
        self.mode = settings.chroma_url or "embedded"
        self.read_only = client is None and not settings.chroma_url and not _writable(settings.chroma_path)
        self._ef = ParasteluEmbeddingFunction(embedder)
        self.collection = self._open()
        self.changes = self._open_changes()
        self._seen = self._read_revision()
        self._listeners: list[Callable[[list[str]], None]] = []
        # set by the catalog: which ids the caller's catalog knows (a Chroma hit it lacks is looked up, not lost)
        self.query_filter: Callable[[list[str]], list[str]] | None = None

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
        self.changes = self._open_changes()
        self._seen = self._read_revision()

    def _read_revision(self) -> int:
        return int(self.changes.count())

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
                      "schema_version": SCHEMA_VERSION})

    def _open_changes(self) -> Collection:
        """The change feed: entries carry ids, an operation and a stamp; their vectors are a dummy 0, so it
        needs no embedder. An explicit ``None`` means Chroma never embeds here (only an omitted argument
        would pick Chroma's own default embedder, which downloads a model)."""
        return self.client.get_or_create_collection(
            self.settings.collection + CHANGES_SUFFIX, embedding_function=_NO_EMBEDDER,  # type: ignore[arg-type]
            metadata={"feed_of": self.settings.collection})

    # -- bookkeeping -------------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        """How many write batches the bank has seen (the change feed's size, read from the server)."""
        return self._fresh(self._read_revision) if not self.settings.chroma_url else self._read_revision()

    def on_write(self, listener: Callable[[list[str]], None]) -> None:
        """Call ``listener(ids)`` after each write through this store (this process reads its own writes)."""
        self._listeners.append(listener)

    def _log(self, ids: Sequence[str], op: str) -> None:
        """Append the write to the change feed (after the write itself, so a reader of the entry finds it)."""
        ids = list(ids)
        before = self._seen
        entries = [ids[i : i + _FEED_IDS] for i in range(0, len(ids), _FEED_IDS)] or [[]]
        for chunk in entries:
            self.changes.add(ids=[uuid.uuid4().hex], embeddings=[[0.0]],  # type: ignore[arg-type]
                             documents=[json.dumps(chunk)],
                             metadatas=[{"at": now_us(), "op": op, "n": len(chunk)}])
        after = self._read_revision()
        if after == before + len(entries):  # nobody else wrote in between: our view is current
            self._seen = after
        for listener in list(self._listeners):
            listener(ids)

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
        return len(models)

    def upsert_vectors(self, models: Sequence[ModelDescription], vectors: Any,
                       texts: Sequence[str] | None = None) -> None:
        """Upsert with given vectors (also used directly by the scale benchmark, which skips the embedder)."""
        self._writing()
        self.collection.upsert(ids=[m.id for m in models], embeddings=vectors,
                               documents=list(texts) if texts is not None else [embed_text(m) for m in models],
                               metadatas=[_metadata(m) for m in models])
        self._log([m.id for m in models], "upsert")

    def delete(self, ids: Sequence[str]) -> list[str]:
        """Delete by id; returns the ids that existed."""
        self._writing()
        found = self.collection.get(ids=list(ids), include=[])["ids"]
        if found:
            self.collection.delete(ids=found)
            self._log(found, "delete")
        return list(found)

    # -- reads -------------------------------------------------------------------------------------
    def get(self, model_id: str) -> ModelDescription | None:
        got = self._fresh(lambda: self.collection.get(ids=[model_id], include=["metadatas"]))
        metas = got.get("metadatas") or []
        return _from_meta(metas[0]) if metas else None

    def iter_all(self) -> Iterator[ModelDescription]:
        """Every stored record, paged."""
        for meta in self._iter_meta():
            yield _from_meta(meta)

    def _iter_meta(self) -> Iterator[dict[str, Any]]:
        for page in self._fresh(lambda: list(_pages(self.collection, ["metadatas"]))):
            yield from (dict(m) for m in page.get("metadatas") or [])

    def all(self) -> list[ModelDescription]:
        return sorted(self.iter_all(), key=lambda m: m.id)

    def pages_with_vectors(self) -> Iterator[tuple[list[ModelDescription], np.ndarray]]:
        """Every record with its stored vector, a page at a time (only one page is held in memory)."""
        if not self.settings.chroma_url:
            self._fresh(lambda: None)
        for page in _pages(self.collection, ["metadatas", "embeddings"]):
            models = [_from_meta(m) for m in page.get("metadatas") or []]
            yield models, _matrix(page.get("embeddings"), len(models), self.embedder.dim)

    def all_with_vectors(self) -> tuple[list[ModelDescription], np.ndarray]:
        """Every record with its stored vector, sorted by id (small banks and tests; the catalog pages)."""
        models: list[ModelDescription] = []
        vectors: list[np.ndarray] = []
        for page_models, page_vectors in self.pages_with_vectors():
            models += page_models
            vectors.append(page_vectors)
        matrix = np.vstack(vectors) if vectors else np.zeros((0, self.embedder.dim), dtype=np.float32)
        order = sorted(range(len(models)), key=lambda i: models[i].id)
        return [models[i] for i in order], matrix[order] if len(order) else matrix

    def get_many(self, ids: Iterable[str]) -> dict[str, tuple[ModelDescription, np.ndarray]]:
        """The current record and vector of each id that exists (a missing id was deleted)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, tuple[ModelDescription, np.ndarray]] = {}
        for start in range(0, len(wanted), _PAGE):
            chunk = wanted[start : start + _PAGE]
            got = self._fresh(lambda c=chunk: self.collection.get(  # type: ignore[misc]
                ids=c, include=["metadatas", "embeddings"]))
            metas = got.get("metadatas") or []
            matrix = _matrix(got.get("embeddings"), len(metas), self.embedder.dim)
            for i, (mid, meta) in enumerate(zip(got["ids"], metas, strict=True)):
                out[mid] = (_from_meta(meta), matrix[i])
        return out

    def changes_since(self, cursor: FeedCursor) -> Changes:
        """What the feed says changed since ``cursor`` (which is advanced in place).

        Cheap when nothing changed: one ``count`` on the feed. Otherwise the entries stamped within
        ``FEED_WINDOW_US`` of the newest one seen are read, and those not applied yet are returned. This
        assumes the writers' clocks agree within that window and an entry lands within it of its stamp
        (it is written right after its records); an entry older than that would be missed until the next
        start or reset."""
        total = self._read_revision()
        if total == cursor.count:
            return Changes()
        floor = cursor.high - FEED_WINDOW_US
        got = self.changes.get(where={"at": {"$gte": floor}},  # type: ignore[dict-item]
                               include=["metadatas", "documents"])
        fresh = [(eid, dict(meta), doc) for eid, meta, doc in
                 zip(got["ids"], got.get("metadatas") or [], got.get("documents") or [], strict=True)
                 if eid not in cursor.applied]
        out = Changes()
        for eid, meta, doc in fresh:
            if meta.get("op") == "reset":
                out.reset = True
            out.ids.update(json.loads(doc or "[]"))
            cursor.applied[eid] = int(meta.get("at") or 0)  # type: ignore[arg-type]
        cursor.count = total
        cursor.high = max([cursor.high, *cursor.applied.values()])
        cursor.applied = {e: at for e, at in cursor.applied.items() if at >= cursor.high - 2 * FEED_WINDOW_US}
        return out

    def mark_reset(self) -> None:
        """Tell every instance to rebuild its catalog (after ``reindex`` replaced the collection)."""
        self._log([], "reset")

    def query(self, vector: Any, k: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(id, cosine similarity) pairs, best first (without ids the caller's catalog lacks, see
        ``query_filter``)."""
        if k <= 0:
            return []
        # Chroma answers fewer than k (or none) when the bank is smaller: no count() round trip first
        res = self._fresh(lambda: self.collection.query(query_embeddings=[vector], n_results=k, where=where,
                                                        include=["distances"]))
        ids = res["ids"][0]
        dists = (res.get("distances") or [[]])[0]
        pairs = [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]
        if self.query_filter is not None:
            keep = set(self.query_filter([i for i, _ in pairs]))
            pairs = [(i, sim) for i, sim in pairs if i in keep]
        return pairs


def now_us() -> int:
    """Wall-clock microseconds: the feed's stamp (instances compare them within ``FEED_WINDOW_US``)."""
    return time.time_ns() // 1000


@dataclass
class FeedCursor:
    """How far one reader has read the change feed: its size then, the newest stamp, entries applied."""

    count: int = -1
    high: int = field(default_factory=now_us)
    applied: dict[str, int] = field(default_factory=dict)


@dataclass
class Changes:
    """Ids to re-read from the store (present: upserted; absent: deleted); ``reset``: rebuild everything."""

    ids: set[str] = field(default_factory=set)
    reset: bool = False

    def __bool__(self) -> bool:
        return bool(self.ids) or self.reset


def _matrix(embs: Any, n: int, dim: int) -> np.ndarray:
    if embs is None or not len(embs):
        return np.zeros((n, dim), dtype=np.float32)
    return np.asarray(embs, dtype=np.float32).reshape(n, -1)

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
    store.mark_reset()
    return len(models)
