"""Keeping the retriever's lexical catalog fresh: built once from the store, then refreshed from its change
feed (see ``lexical`` for how a refresh stays cheap)."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.catalog_builder import Builder
from assistant.lexical import Catalog

if TYPE_CHECKING:
    from assistant.store import ModelStore

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
