"""BM25 over Snowball stems, plus the in-memory catalog of records that hybrid search filters on.

The catalog is kept fresh incrementally. ``CatalogKeeper`` builds it once from the store, then reads the
store's change feed (at most every ``poll`` seconds, and at once after this process's own writes) and
re-reads only the records that changed. Each refresh publishes a new immutable ``Catalog`` snapshot, so a
search that holds one never sees its arrays change length under it.

How an incremental refresh stays cheap at 100k records:
- Vectors live in one preallocated buffer; an updated record is overwritten in place, a new one appended,
  a deleted one replaced by the last row (an in-flight search on an older snapshot may see the moved row's
  vector for a record that is going away; never a wrong shape).
- BM25 keeps raw term frequencies, not precomputed scores: a large immutable base segment (term-major
  postings), a small delta segment for documents added since, and live statistics (document count, mean
  length, document frequencies), so one new document costs its own terms, not a rebuild. The base is
  merged again in the background once the delta or the dead documents grow past a few per cent. Scores
  equal ``bm25s``' Lucene variant (k1=1.2, b=0.75) on the same corpus.
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.schema import ModelDescription
from assistant.textproc import stems

if TYPE_CHECKING:
    from assistant.store import ModelStore

K1, B = 1.2, 0.75
EMPTY = "_"  # the one token of a record without content words (as the bm25s index had it)


def lexical_text(m: ModelDescription) -> str:
    """Everything a keyword search should find a model by."""
    parts: list[str] = [m.name, m.name, m.summary or "", m.basic_idea or "", m.problem or "",
                        m.environment or "", m.conditions or "", m.organisation or "", m.evidence or ""]
    for items in (m.core, m.adaptable, m.target_groups, m.goals, m.actors, m.themes, m.regions, m.funders):
        parts.extend(items)
    return "\n".join(p for p in parts if p)


def doc_tokens(m: ModelDescription) -> list[str]:
    return stems(lexical_text(m), m.language or "fi") or [EMPTY]


# -- BM25 -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Postings:
    """Term-major postings of the base segment: documents and term frequencies of term t are
    ``docs[indptr[t]:indptr[t+1]]`` and ``tfs[...]``."""

    indptr: np.ndarray
    docs: np.ndarray
    tfs: np.ndarray

    @property
    def n_terms(self) -> int:
        return len(self.indptr) - 1

    @classmethod
    def build(cls, doc_terms: Sequence[tuple[np.ndarray, np.ndarray]], n_vocab: int) -> Postings:
        lens = np.fromiter((len(t) for t, _ in doc_terms), dtype=np.int64, count=len(doc_terms))
        if not len(doc_terms) or not lens.sum():
            return cls(np.zeros(n_vocab + 1, dtype=np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32))
        terms = np.concatenate([t for t, _ in doc_terms])
        tfs = np.concatenate([f for _, f in doc_terms])
        docs = np.repeat(np.arange(len(doc_terms), dtype=np.int32), lens)
        order = np.argsort(terms, kind="stable")
        indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_vocab), out=indptr[1:])
        return cls(indptr, docs[order], tfs[order].astype(np.float32))


@dataclass(frozen=True, eq=False)
class Bm25:
    """One snapshot of the BM25 index. Documents are numbered in the order they were indexed (``docnum``);
    ``doc_slot`` maps a docnum to the catalog row it scores (-1: replaced or deleted)."""

    vocab: dict[str, int]  # shared and append-only: ids beyond len(df) belong to newer snapshots
    base: Postings
    delta: dict[int, tuple[np.ndarray, np.ndarray]]
    doc_len: np.ndarray
    doc_slot: np.ndarray
    df: np.ndarray
    n_live: int
    total_len: float
    identity: bool = False  # doc_slot is 0..n-1 (right after a build or merge): no remapping needed

    def scores(self, query: Sequence[str], n_slots: int) -> np.ndarray:
        """BM25 score of every catalog row (Lucene variant: idf = ln(1 + (N - df + .5)/(df + .5)),
        tf part = tf / (tf + k1 (1 - b + b dl/avgdl))); a repeated query term counts again."""
        out = np.zeros(n_slots, dtype=np.float32)
        if not self.n_live or not query:
            return out
        n = self.n_live
        avgdl = self.total_len / n
        acc = np.zeros(len(self.doc_len), dtype=np.float32)
        n_vocab = len(self.df)
        hit = False
        for term in query:
            tid = self.vocab.get(term)
            if tid is None or tid >= n_vocab:
                continue
            df = int(self.df[tid])
            if df <= 0:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            parts = []
            if tid < self.base.n_terms:
                s, e = self.base.indptr[tid], self.base.indptr[tid + 1]
                if e > s:
                    parts.append((self.base.docs[s:e], self.base.tfs[s:e]))
            if tid in self.delta:
                parts.append(self.delta[tid])
            for docs, tfs in parts:
                norm = K1 * (1 - B + B * self.doc_len[docs] / avgdl)
                acc[docs] += (idf * tfs / (tfs + norm)).astype(np.float32)
                hit = True
        if not hit:
            return out
        if self.identity:
            out[:] = acc[:n_slots]
            return out
        live = self.doc_slot >= 0
        out[self.doc_slot[live]] = acc[live]
        return out


# -- the catalog snapshot -------------------------------------------------------------------------------
@dataclass(eq=False)
class Catalog:
    """Records with their vectors, a BM25 index over their stems and filter indexes. Filtered searches run
    here in memory (Chroma's filtered HNSW queries were the slowest part at 100k models). A snapshot is
    never changed after it is published; the keeper publishes a new one after each refresh."""

    models: list[ModelDescription]
    revision: int
    vectors: np.ndarray | None = None
    positions: dict[str, int] = field(default_factory=dict)
    stage: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    language: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    by_region: dict[str, np.ndarray] = field(default_factory=dict)
    by_theme: dict[str, np.ndarray] = field(default_factory=dict)
    bm25: Bm25 | None = None
    slot_doc: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    store: Any = field(default=None, repr=False)  # the ModelStore this snapshot mirrors (for query_filter)
    keeper: Any = field(default=None, repr=False)  # weakref to the CatalogKeeper that published it

    @classmethod
    def build(cls, models: Sequence[ModelDescription], revision: int, vectors: np.ndarray | None = None) -> Catalog:
        dim = vectors.shape[1] if vectors is not None and vectors.ndim == 2 else 1
        vecs = vectors if vectors is not None else np.zeros((len(models), dim), dtype=np.float32)
        return Builder(dim).full([(list(models), vecs)], revision, len(models))

    def scores(self, query_stems: list[str]) -> np.ndarray:
        """BM25 score of every record (zeros where nothing matched)."""
        if self.bm25 is None or not query_stems:
            return np.zeros(len(self.models), dtype=np.float32)
        return self.bm25.scores(query_stems, len(self.models))

    def mask(self, stage: list[str], language: list[str], region: list[str], theme: list[str],
             target_group: list[str], exclude: set[str] | None) -> np.ndarray:
        """Boolean mask of records passing every filter (each list means "any of these")."""
        n = len(self.models)
        keep = np.ones(n, dtype=bool)
        if stage:
            keep &= np.isin(self.stage, stage)
        if language:
            keep &= np.isin(self.language, language)
        for wanted, inverted in ((region, self.by_region), (theme, self.by_theme)):
            if wanted:
                hit = np.zeros(n, dtype=bool)
                for value in wanted:
                    hit[inverted.get(value.lower(), np.zeros(0, dtype=np.int64))] = True
                keep &= hit
        if target_group:
            wanted_tg = [t.lower() for t in target_group]
            for pos in np.flatnonzero(keep):
                groups = " | ".join(self.models[pos].target_groups).lower()
                if not any(t in groups for t in wanted_tg):
                    keep[pos] = False
        for mid in exclude or ():
            if mid in self.positions:
                keep[self.positions[mid]] = False
        return keep

    def dense(self, vector: np.ndarray, keep: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Exact cosine top-k among the kept records (vectors are unit length)."""
        if self.vectors is None or not len(self.vectors):
            return []
        idx = np.flatnonzero(keep)
        if not len(idx):
            return []
        sims = self.vectors[idx] @ np.asarray(vector, dtype=np.float32)
        top = np.argsort(-sims)[:k] if len(sims) <= k else np.argpartition(-sims, k)[:k]
        top = top[np.argsort(-sims[top])]
        return [(self.models[idx[i]].id, float(sims[i])) for i in top]


def _inverted(models: list[ModelDescription], attr: str) -> dict[str, np.ndarray]:
    index: dict[str, list[int]] = {}
    for pos, m in enumerate(models):
        for value in _values(m, attr):
            index.setdefault(value, []).append(pos)
    return {k: np.asarray(v, dtype=np.int64) for k, v in index.items()}


def _values(m: ModelDescription, attr: str) -> set[str]:
    return {v.lower() for v in getattr(m, attr)}


# -- building and changing snapshots ----------------------------------------------------------------------
class Builder:
    """The mutable side of the catalog: buffers shared by the snapshots it publishes. Not thread-safe: the
    keeper calls it under its lock."""

    MERGE_MIN = 2000  # merge the BM25 base once the delta or dead documents pass this many …
    MERGE_SHARE = 0.05  # … and this share of all documents

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.vec_buf = np.zeros((0, dim), dtype=np.float32)
        self.len_buf = np.zeros(0, dtype=np.float32)
        self.vocab: dict[str, int] = {}
        self.doc_terms: list[tuple[np.ndarray, np.ndarray]] = []  # per docnum: term ids, term frequencies
        self.snapshot: Catalog | None = None
        self.delta_docs = 0

    # buffers ------------------------------------------------------------------------------------------
    def _room(self, rows: int, docs: int) -> None:
        if rows > len(self.vec_buf):
            grown = np.zeros((max(rows, len(self.vec_buf) + max(1024, len(self.vec_buf) // 8)), self.dim),
                             dtype=np.float32)
            if self.snapshot is not None:
                n = len(self.snapshot.models)
                grown[:n] = self.vec_buf[:n]
            self.vec_buf = grown
        if docs > len(self.len_buf):
            grown_len = np.zeros(max(docs, len(self.len_buf) + max(1024, len(self.len_buf) // 8)), dtype=np.float32)
            grown_len[: len(self.len_buf)] = self.len_buf
            self.len_buf = grown_len

    def _index_doc(self, m: ModelDescription) -> tuple[np.ndarray, np.ndarray, int]:
        tokens = doc_tokens(m)
        counts = Counter(tokens)
        vocab = self.vocab
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in counts), dtype=np.int32, count=len(counts))
        tfs = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        return ids, tfs, len(tokens)

    # a whole catalog ----------------------------------------------------------------------------------------
    def full(self, pages: Iterable[tuple[list[ModelDescription], np.ndarray]], revision: int,
             size_hint: int = 0) -> Catalog:
        """Build from every record (pages of models with their vectors; only one page is held at a time)."""
        self.snapshot = None
        self.vec_buf = np.zeros((size_hint + max(1024, size_hint // 8), self.dim), dtype=np.float32)
        self.len_buf = np.zeros(len(self.vec_buf), dtype=np.float32)
        self.vocab, self.doc_terms = {}, []
        models: list[ModelDescription] = []
        positions: dict[str, int] = {}
        for page_models, page_vectors in pages:
            for m, v in zip(page_models, page_vectors, strict=True):
                pos = positions.get(m.id)
                if pos is None:  # paging is by offset: a record moved by a concurrent write may come twice
                    pos = positions[m.id] = len(models)
                    models.append(m)
                    self._room(pos + 1, pos + 1)
                    self.doc_terms.append((np.zeros(0, np.int32), np.zeros(0, np.float32)))
                models[pos] = m
                self.vec_buf[pos] = v
                ids, tfs, length = self._index_doc(m)
                self.doc_terms[pos] = (ids, tfs)
                self.len_buf[pos] = length
        return self._publish_merged(models, positions, revision)

    def _publish_merged(self, models: list[ModelDescription], positions: dict[str, int], revision: int) -> Catalog:
        """A snapshot whose BM25 base holds every document, numbered like the rows (docnum == row)."""
        n = len(models)
        df = np.bincount(np.concatenate([t for t, _ in self.doc_terms]) if self.doc_terms else
                         np.zeros(0, np.int64), minlength=len(self.vocab)).astype(np.int32)
        bm = Bm25(self.vocab, Postings.build(self.doc_terms, len(self.vocab)), {}, self.len_buf[:n],
                  np.arange(n, dtype=np.int64), df, n, float(self.len_buf[:n].sum()), identity=True)
        self.delta_docs = 0
        snap = Catalog(models, revision, self.vec_buf[:n], positions,
                       np.asarray([m.stage.value if m.stage else "" for m in models], dtype=object),
                       np.asarray([m.language or "" for m in models], dtype=object),
                       _inverted(models, "regions"), _inverted(models, "themes"), bm,
                       np.arange(n, dtype=np.int64))
        self.snapshot = snap
        return snap

    def merge(self) -> Catalog:
        """Fold the delta and drop dead documents: renumber documents like the rows and rebuild the base."""
        snap = self.snapshot
        assert snap is not None and snap.bm25 is not None
        n = len(snap.models)
        order = snap.slot_doc[:n]
        self.doc_terms = [self.doc_terms[d] for d in order]
        lens = self.len_buf[order].copy()
        self.len_buf = np.zeros(max(len(self.len_buf), n + 1024), dtype=np.float32)
        self.len_buf[:n] = lens
        fresh = self._publish_merged(snap.models, snap.positions, snap.revision)
        fresh.store, fresh.keeper = snap.store, snap.keeper
        self.snapshot = fresh
        return fresh

    def needs_merge(self) -> bool:
        snap = self.snapshot
        if snap is None or snap.bm25 is None:
            return False
        total = len(snap.bm25.doc_len)
        stale = self.delta_docs + (total - snap.bm25.n_live)
        return stale >= max(self.MERGE_MIN, self.MERGE_SHARE * total)

    # a few records ----------------------------------------------------------------------------------------
    def apply(self, upserts: dict[str, tuple[ModelDescription, np.ndarray]], deletes: Iterable[str],
              revision: int) -> Catalog:
        """A new snapshot with ``upserts`` written and ``deletes`` removed; cost grows with the change,
        plus a copy of the per-row bookkeeping arrays (a few ms at 100k rows)."""
        snap = self.snapshot
        assert snap is not None and snap.bm25 is not None
        old = snap.bm25
        models = list(snap.models)
        positions = dict(snap.positions)
        n = len(models)
        new_ids = [mid for mid in upserts if mid not in positions]
        rows = n + len(new_ids)
        docs = len(old.doc_len) + len(upserts)
        self._room(rows, docs)
        stage = np.concatenate([snap.stage, np.full(len(new_ids), "", dtype=object)])
        language = np.concatenate([snap.language, np.full(len(new_ids), "", dtype=object)])
        slot_doc = np.concatenate([snap.slot_doc, np.zeros(len(new_ids), dtype=np.int64)])
        doc_slot = np.concatenate([old.doc_slot, np.full(len(upserts), -1, dtype=np.int64)])
        df = old.df.copy()
        n_live, total_len = old.n_live, old.total_len
        regions = _Inverted(snap.by_region)
        themes = _Inverted(snap.by_theme)

        def kill(doc: int) -> None:
            nonlocal n_live, total_len
            if doc_slot[doc] < 0:
                return
            doc_slot[doc] = -1
            df[self.doc_terms[doc][0]] -= 1
            n_live -= 1
            total_len -= float(self.len_buf[doc])

        for mid in deletes:
            pos = positions.pop(mid, None)
            if pos is None:
                continue
            gone = models[pos]
            kill(int(slot_doc[pos]))
            regions.remove(pos, _values(gone, "regions"))
            themes.remove(pos, _values(gone, "themes"))
            last = n - 1
            if pos != last:  # the last row moves into the hole
                moved = models[last]
                models[pos] = moved
                positions[moved.id] = pos
                self.vec_buf[pos] = self.vec_buf[last]
                stage[pos], language[pos] = stage[last], language[last]
                slot_doc[pos] = slot_doc[last]
                if doc_slot[slot_doc[pos]] >= 0:
                    doc_slot[slot_doc[pos]] = pos
                for inv, attr in ((regions, "regions"), (themes, "themes")):
                    inv.remove(last, _values(moved, attr))
                    inv.add(pos, _values(moved, attr))
            models.pop()
            n -= 1
        rows = n + len(new_ids)
        stage, language, slot_doc = stage[:rows], language[:rows], slot_doc[:rows]

        added: dict[int, tuple[list[int], list[float]]] = {}
        doc = len(old.doc_len)
        for mid, (m, vector) in upserts.items():
            pos = positions.get(mid)
            if pos is None:
                pos = positions[mid] = n
                models.append(m)
                n += 1
            else:
                before = models[pos]
                kill(int(slot_doc[pos]))
                regions.remove(pos, _values(before, "regions"))
                themes.remove(pos, _values(before, "themes"))
                models[pos] = m
            self.vec_buf[pos] = vector
            stage[pos] = m.stage.value if m.stage else ""
            language[pos] = m.language or ""
            regions.add(pos, _values(m, "regions"))
            themes.add(pos, _values(m, "themes"))
            ids, tfs, length = self._index_doc(m)
            if doc < len(self.doc_terms):
                self.doc_terms[doc] = (ids, tfs)
            else:
                self.doc_terms.append((ids, tfs))
            self.len_buf[doc] = length
            doc_slot[doc] = pos
            slot_doc[pos] = doc
            if len(df) < len(self.vocab):
                df = np.concatenate([df, np.zeros(len(self.vocab) - len(df), dtype=np.int32)])
            df[ids] += 1
            n_live += 1
            total_len += length
            for tid, tf in zip(ids.tolist(), tfs.tolist(), strict=True):
                entry = added.setdefault(tid, ([], []))
                entry[0].append(doc)
                entry[1].append(tf)
            doc += 1
        del self.doc_terms[doc:]  # leftovers of an earlier apply that failed half-way (never published)
        delta = dict(old.delta)
        for tid, (dlist, flist) in added.items():
            new_docs = np.asarray(dlist, dtype=np.int32)
            new_tfs = np.asarray(flist, dtype=np.float32)
            if tid in delta:
                prev_docs, prev_tfs = delta[tid]
                new_docs, new_tfs = np.concatenate([prev_docs, new_docs]), np.concatenate([prev_tfs, new_tfs])
            delta[tid] = (new_docs, new_tfs)
        self.delta_docs += len(upserts)
        if len(df) < len(self.vocab):
            df = np.concatenate([df, np.zeros(len(self.vocab) - len(df), dtype=np.int32)])
        bm = Bm25(self.vocab, old.base, delta, self.len_buf[:doc], doc_slot[:doc], df, n_live, total_len)
        fresh = Catalog(models, revision, self.vec_buf[:n], positions, stage, language, regions.freeze(),
                        themes.freeze(), bm, slot_doc, snap.store, snap.keeper)
        self.snapshot = fresh
        return fresh


class _Inverted:
    """Copy-on-write edits of a value → rows index: only the values touched are copied."""

    def __init__(self, base: dict[str, np.ndarray]) -> None:
        self.base = base
        self.touched: dict[str, set[int]] = {}

    def _rows(self, value: str) -> set[int]:
        if value not in self.touched:
            self.touched[value] = set(self.base.get(value, np.zeros(0, np.int64)).tolist())
        return self.touched[value]

    def add(self, pos: int, values: Iterable[str]) -> None:
        for v in values:
            self._rows(v).add(pos)

    def remove(self, pos: int, values: Iterable[str]) -> None:
        for v in values:
            self._rows(v).discard(pos)

    def freeze(self) -> dict[str, np.ndarray]:
        out = dict(self.base)
        for value, rows in self.touched.items():
            if rows:
                out[value] = np.asarray(sorted(rows), dtype=np.int64)
            else:
                out.pop(value, None)
        return out


# -- keeping a catalog fresh ----------------------------------------------------------------------------
# the snapshot this thread's current search uses (see ``filter_known``); a weak reference, so an idle worker
# thread never keeps an old snapshot (its positions, rows and arrays) alive
_THREAD = threading.local()


def filter_known(store: ModelStore, ids: list[str]) -> list[str]:
    """``ModelStore.query_filter``: drop Chroma hits the caller's catalog snapshot does not hold yet (a
    record another instance just wrote) instead of failing on them, and have them fetched at once."""
    ref = getattr(_THREAD, "catalog", None)
    cat: Catalog | None = ref() if ref is not None else None
    if cat is None or cat.store is not store:
        return ids
    missing = [i for i in ids if i not in cat.positions]
    if not missing:
        return ids
    keeper = cat.keeper() if cat.keeper is not None else None
    if keeper is not None:
        keeper.schedule(missing)
    return [i for i in ids if i in cat.positions]


class CatalogKeeper:
    """The retriever's catalog: built once, then refreshed from the store's change feed.

    ``current()`` returns the newest snapshot at once. It refreshes first when this process wrote (read
    your own writes), and otherwise checks the feed when ``poll`` seconds have passed since the last check
    (one cheap ``count`` when nothing changed), skipping the check when another thread is refreshing."""

    def __init__(self, store: ModelStore, poll: float = 0.5) -> None:
        from assistant.store import FeedCursor

        self.store = store
        self.poll = poll
        self.builder = Builder(store.embedder.dim)
        self.snapshot: Catalog | None = None
        self.cursor = FeedCursor()
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._pending_lock = threading.Lock()
        self._last_check = 0.0
        self._merging = False
        self.stats = {"builds": 0, "refreshes": 0, "merges": 0, "last_refresh_s": 0.0, "last_build_s": 0.0}
        ref = weakref.ref(self)

        def on_write(ids: list[str]) -> None:
            keeper = ref()
            if keeper is not None:
                keeper.schedule(ids)

        store.on_write(on_write)
        store.query_filter = lambda ids: filter_known(store, ids)

    def schedule(self, ids: Iterable[str]) -> None:
        """Re-read these ids before the next search (own writes, or Chroma hits the catalog lacks)."""
        with self._pending_lock:
            self._pending.update(ids)

    def current(self) -> Catalog:
        snap = self.snapshot
        if snap is None:
            with self._lock:
                if self.snapshot is None:
                    self._build()
        elif self._pending:
            with self._lock:
                try:
                    self._refresh()
                except Exception:  # noqa: S110  (store down: the ids stay pending; search what we have)
                    pass
        elif time.monotonic() - self._last_check >= self.poll and self._lock.acquire(blocking=False):
            try:
                self._refresh()
            except Exception:  # noqa: S110  (the store is down: keep searching the snapshot we have)
                pass
            finally:
                self._lock.release()
        snap = self.snapshot
        assert snap is not None
        _THREAD.catalog = weakref.ref(snap)
        return snap

    def _build(self) -> None:
        from assistant.store import FeedCursor

        t0 = time.perf_counter()
        cursor = FeedCursor()
        self.store.changes_since(cursor)  # where the feed stands before the records are read
        with self._pending_lock:
            self._pending.clear()
        snap = self.builder.full(self.store.pages_with_vectors(), cursor.count, self.store.count())
        self._publish(snap)
        self.cursor = cursor
        self._last_check = time.monotonic()
        self.stats["builds"] += 1
        self.stats["last_build_s"] = time.perf_counter() - t0

    def _refresh(self) -> None:
        t0 = time.perf_counter()
        self._last_check = time.monotonic()
        with self._pending_lock:
            ids, self._pending = self._pending, set()
        try:
            changes = self.store.changes_since(self.cursor)
        except Exception:
            self.schedule(ids)
            raise
        if changes.reset:
            self._build()
            return
        ids |= changes.ids
        if not ids:
            return
        try:
            got = self.store.get_many(ids)
        except Exception:
            self.schedule(ids)
            raise
        assert self.snapshot is not None
        self._publish(self.builder.apply(got, [i for i in ids if i not in got], self.cursor.count))
        self.stats["refreshes"] += 1
        self.stats["last_refresh_s"] = time.perf_counter() - t0
        if self.builder.needs_merge() and not self._merging:
            self._merging = True
            threading.Thread(target=self._merge, name="catalog-merge", daemon=True).start()

    def _merge(self) -> None:
        try:
            with self._lock:
                self._publish(self.builder.merge())
                self.stats["merges"] += 1
        finally:
            self._merging = False

    def _publish(self, snap: Catalog) -> None:
        snap.store = self.store
        snap.keeper = weakref.ref(self)
        self.snapshot = snap
