"""Interview sessions in SQLite (WAL): the state is written on every turn before the reply is returned,
so a crash or restart loses nothing and a session resumes by id."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from assistant.interview_types import InterviewState


class SessionStore:
    """One row per session (the full JSON state) plus an append-only log of messages."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created TEXT, updated TEXT, "
                         "state TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS messages (session_id TEXT, n INTEGER, role TEXT, "
                         "text TEXT, asked_field TEXT, at TEXT, PRIMARY KEY (session_id, n))")

    def save(self, state: InterviewState) -> None:
        """Upsert the state and append messages not yet logged, in one transaction."""
        now = datetime.now(UTC).isoformat()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT COUNT(*) FROM messages WHERE session_id=?",
                                       (state.session_id,)).fetchone()
                logged = int(row[0])
                for n, msg in enumerate(state.history[logged:], start=logged):
                    self._db.execute("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)",
                                     (state.session_id, n, msg.role, msg.text, msg.asked_field,
                                      msg.at.isoformat()))
                self._db.execute(
                    "INSERT INTO sessions (id, created, updated, state) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET updated=excluded.updated, state=excluded.state",
                    (state.session_id, now, now, state.model_dump_json()))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def load(self, session_id: str) -> InterviewState:
        with self._lock:
            row = self._db.execute("SELECT state FROM sessions WHERE id=?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(session_id)
        return InterviewState.model_validate_json(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
