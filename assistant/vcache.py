"""On-disk vector cache keyed by embedding model + text hash.

The bundled embedder needs ~0.25 s per passage on one thread; re-ingest, ``reindex`` and tests must
never pay that twice for unchanged text.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.fsperm import private_dir, private_file

log = logging.getLogger(__name__)
_TABLE = "CREATE TABLE vec (key TEXT PRIMARY KEY, dim INTEGER, data BLOB)"


def _in_memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(_TABLE)
    return db


def text_key(model_id: str, kind: str, text: str) -> str:
    """Cache key: the model, the prefix kind (query/passage) and the exact text."""
    return hashlib.sha256(f"{model_id}\x1f{kind}\x1f{text}".encode()).hexdigest()


class VectorCache:
    """A small SQLite key/value store of float32 vectors; safe for several processes (WAL).

    On a read-only data dir it opens read-only (or, failing that, in memory) and stops storing: search and
    stats must work there too."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "vectors.sqlite"
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self.read_only = False
        try:
            private_dir(directory)
            private_file(self.path)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
            self._db.commit()
        except (OSError, sqlite3.OperationalError):
            self._db = self._open_read_only()
            self.read_only = True
        except sqlite3.DatabaseError as exc:  # "file is not a database": a damaged cache
            # a cache is never worth failing a search for: work from memory, and say where the file is
            log.warning("vector cache %s unreadable (%s); using an in-memory cache", self.path, exc)
            self._db = _in_memory()

    def _open_read_only(self) -> sqlite3.Connection:
        for query in ("mode=ro", "immutable=1"):
            try:
                db = sqlite3.connect(f"{self.path.resolve().as_uri()}?{query}", uri=True, check_same_thread=False)
                db.execute("SELECT COUNT(*) FROM vec").fetchone()
                return db
            except (OSError, sqlite3.Error):
                continue
        return _in_memory()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, data FROM vec WHERE key IN ({marks})", chunk)
                for key, data in rows:
                    found[key] = np.frombuffer(data, dtype=np.float32)
        self.hits += len(found)
        self.misses += len(set(keys)) - len(found)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        if self.read_only:
            return
        rows = [(k, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vec (key, dim, data) VALUES (?, ?, ?)", rows)
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
