"""On-disk cache of LLM responses keyed by request hash, so re-running a suite is cheap."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.caches import BaseCache
from langchain_core.load import dumps, loads


class SQLiteLLMCache(BaseCache):
    """langchain cache: (prompt, llm configuration) → generations, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS llm (key TEXT PRIMARY KEY, value TEXT)")
        self.hits = 0

    @staticmethod
    def _key(prompt: str, llm_string: str) -> str:
        return hashlib.sha256(f"{llm_string}\x1f{prompt}".encode()).hexdigest()

    def lookup(self, prompt: str, llm_string: str) -> Sequence[Any] | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM llm WHERE key=?", (self._key(prompt, llm_string),)).fetchone()
        if row is None:
            return None
        self.hits += 1
        return loads(row[0])  # type: ignore[no-any-return]

    def update(self, prompt: str, llm_string: str, return_val: Sequence[Any]) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO llm VALUES (?, ?)",
                             (self._key(prompt, llm_string), dumps(list(return_val))))
            self._db.commit()

    def clear(self, **kwargs: Any) -> None:
        with self._lock:
            self._db.execute("DELETE FROM llm")
            self._db.commit()
