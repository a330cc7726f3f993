"""Interview sessions in SQLite (WAL): the state is written on every turn before the reply is returned,
so a crash or restart loses nothing and a session resumes by id.

One writer per session: ``SessionStore.lock(id)`` (or ``locked(store, id)``) is exclusive across threads
and processes, so a turn can load, run and save without another turn interleaving. A ``version``
column backs this up: ``save`` refuses (``SessionConflict``) a copy loaded before someone else saved.
A session may carry an ``owner``: the hash of a per-browser secret, so an id alone is not enough to
read or continue someone else's interview.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.fsperm import private_dir, private_file
from assistant.interview_types import InterviewState

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class SessionConflict(RuntimeError):
    """The stored session changed since this copy was loaded; reload it and redo the change."""


class SessionBusy(TimeoutError):
    """Another turn held the session for longer than the caller was willing to wait."""


# -- one lock per session, across threads (re-entrant per thread) and processes (flock) -------------------
@dataclass
class _Lease:
    rlock: threading.RLock
    depth: int = 0
    fd: int = -1
    users: int = 0


_GUARD = threading.Lock()
_LEASES: dict[tuple[str, str], _Lease] = {}


def _lock_path(lock_dir: Path, session_id: str) -> Path:
    return lock_dir / (hashlib.sha256(session_id.encode()).hexdigest()[:40] + ".lock")


def _flock(path: Path, deadline: float | None) -> int:
    """Open and exclusively flock the lock file; -1 when the directory cannot hold lock files (read-only).

    The file is unlinked on release, so after locking we check it is still the one at ``path``."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError:
            return -1
        try:
            if deadline is None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            else:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise SessionBusy(f"session lock {path.name} is held by another turn") from None
                        time.sleep(0.02)
            try:
                same = os.fstat(fd).st_ino == os.stat(path, follow_symlinks=False).st_ino
            except FileNotFoundError:
                same = False
            if same:
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder unlinked it while we waited: lock the new file instead


@contextmanager
def session_lock(lock_dir: Path, session_id: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the session's lock: other threads and processes wait. Re-entrant within one thread.

    A crashed process releases its flock with its file descriptors, so a lock never outlives its holder."""
    key = (str(lock_dir), session_id)
    deadline = None if timeout is None else time.monotonic() + timeout
    with _GUARD:
        lease = _LEASES.setdefault(key, _Lease(threading.RLock()))
        lease.users += 1
    try:
        if not lease.rlock.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            raise SessionBusy(f"session {session_id} is busy with another turn")
        try:
            if lease.depth == 0:
                lease.fd = _flock(_lock_path(lock_dir, session_id), deadline)
            lease.depth += 1
        except BaseException:
            lease.rlock.release()
            raise
        try:
            yield
        finally:
            lease.depth -= 1
            if lease.depth == 0 and lease.fd >= 0:
                try:
                    _lock_path(lock_dir, session_id).unlink(missing_ok=True)
                except OSError:
                    pass
                fcntl.flock(lease.fd, fcntl.LOCK_UN)
                os.close(lease.fd)
                lease.fd = -1
            lease.rlock.release()
    finally:
        with _GUARD:
            lease.users -= 1
            if lease.users == 0:
                _LEASES.pop(key, None)


# -- which stored version each loaded state object came from (by identity; no field in the state) ----------
_VERSIONS: dict[int, tuple[weakref.ref[InterviewState], int]] = {}
_VLOCK = threading.Lock()


def _remember(state: InterviewState, version: int) -> None:
    key = id(state)

    def forget(ref: weakref.ref[InterviewState], key: int = key) -> None:
        with _VLOCK:
            if _VERSIONS.get(key, (None, 0))[0] is ref:
                del _VERSIONS[key]

    with _VLOCK:
        _VERSIONS[key] = (weakref.ref(state, forget), version)


def _known_version(state: InterviewState) -> int | None:
    with _VLOCK:
        entry = _VERSIONS.get(id(state))
    return entry[1] if entry is not None and entry[0]() is state else None


def carry_version(src: InterviewState, dst: InterviewState) -> None:
    """``dst`` replaces ``src`` (a snapshot restored after a failed turn): it continues from src's version."""
    version = _known_version(src)
    if version is not None:
        _remember(dst, version)


def _digest(secret: str) -> str:
    return hashlib.sha256(b"parastelu-owner\x00" + secret.encode()).hexdigest()


class SessionStore:
    """One row per session (the full JSON state, its version and owner) plus an append-only message log."""

    def __init__(self, path: Path) -> None:
        private_dir(path.parent)
        private_file(path)
        self.path = path
        self.lock_dir = path.parent / "locks"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created TEXT, updated TEXT, "
                         "state TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 0, owner TEXT)")
        self._db.execute("CREATE TABLE IF NOT EXISTS messages (session_id TEXT, n INTEGER, role TEXT, "
                         "text TEXT, asked_field TEXT, at TEXT, PRIMARY KEY (session_id, n))")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}
        for name, decl in (("version", "INTEGER NOT NULL DEFAULT 0"), ("owner", "TEXT")):
            if name not in columns:  # a sessions.db from before versions and owners
                self._db.execute(f"ALTER TABLE sessions ADD COLUMN {name} {decl}")
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                private_file(side)
        private_dir(self.lock_dir)

    # -- locking -----------------------------------------------------------------------------------
    def lock(self, session_id: str, timeout: float | None = None) -> AbstractContextManager[None]:
        """Exclusive access to one session for a whole load → run → save (see ``session_lock``)."""
        return session_lock(self.lock_dir, session_id, timeout)

    # -- state ---------------------------------------------------------------------------------------
    def _transaction(self) -> _Tx:
        return _Tx(self._db)

    def save(self, state: InterviewState) -> None:
        """Upsert the state and append messages not yet logged, in one transaction.

        Refused with ``SessionConflict`` when the stored version moved since ``state`` was loaded (or
        when ``state`` was never loaded but the session exists): the caller reloads and redoes."""
        now = datetime.now(UTC).isoformat()
        expected = _known_version(state)
        with self._lock, self._transaction():
            row = self._db.execute("SELECT version FROM sessions WHERE id=?", (state.session_id,)).fetchone()
            stored = None if row is None else int(row[0])
            if stored is not None and stored != expected:
                raise SessionConflict(f"session {state.session_id} was saved by another turn (version {stored}, "
                                      f"this copy was loaded at {expected}); reload it")
            logged = int(self._db.execute("SELECT COUNT(*) FROM messages WHERE session_id=?",
                                          (state.session_id,)).fetchone()[0])
            if logged > len(state.history):
                raise SessionConflict(f"session {state.session_id}: the message log is ahead of this copy")
            for n, msg in enumerate(state.history[logged:], start=logged):
                self._db.execute("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)",
                                 (state.session_id, n, msg.role, msg.text, msg.asked_field, msg.at.isoformat()))
            version = (stored or 0) + 1
            self._db.execute(
                "INSERT INTO sessions (id, created, updated, state, version) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET updated=excluded.updated, state=excluded.state, "
                "version=excluded.version", (state.session_id, now, now, state.model_dump_json(), version))
        _remember(state, version)

    def load(self, session_id: str) -> InterviewState:
        with self._lock:
            row = self._db.execute("SELECT state, version FROM sessions WHERE id=?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(session_id)
        state = InterviewState.model_validate_json(row[0])
        _remember(state, int(row[1]))
        return state

    def version(self, session_id: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT version FROM sessions WHERE id=?", (session_id,)).fetchone()
        return None if row is None else int(row[0])

    def log(self, session_id: str) -> list[tuple[str, str]]:
        """The append-only message log of a session as (role, text), in order."""
        with self._lock:
            rows = self._db.execute("SELECT role, text FROM messages WHERE session_id=? ORDER BY n",
                                    (session_id,)).fetchall()
        return [(str(r), str(t)) for r, t in rows]

    # -- ownership ---------------------------------------------------------------------------------
    def authorize(self, session_id: str, secret: str) -> bool:
        """True when ``secret`` owns the session. A session without an owner (new, or from the CLI or an
        older version) is claimed by the first non-empty secret that uses it. Unknown ids are False."""
        if not secret:
            return False
        digest = _digest(secret)
        with self._lock, self._transaction():
            row = self._db.execute("SELECT owner FROM sessions WHERE id=?", (session_id,)).fetchone()
            if row is None:
                return False
            if row[0] is None:
                self._db.execute("UPDATE sessions SET owner=? WHERE id=?", (digest, session_id))
                return True
            return hmac.compare_digest(str(row[0]), digest)

    def delete(self, session_id: str) -> bool:
        """Remove a session and its message log (the owner deleting a draft); True when it existed."""
        with self._lock, self._transaction():
            gone = self._db.execute("DELETE FROM sessions WHERE id=?", (session_id,)).rowcount
            self._db.execute("DELETE FROM messages WHERE session_id=?", (session_id,))
        return gone > 0

    def published_drafts(self) -> set[str]:
        """Ids of bank models that were published from an interview as new models (not implementations)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT json_extract(state, '$.published_id') FROM sessions "
                "WHERE json_extract(state, '$.published_id') IS NOT NULL "
                "AND json_extract(state, '$.implementation_of') IS NULL").fetchall()
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        with self._lock:
            self._db.close()


class _Tx:
    """BEGIN IMMEDIATE … COMMIT; on error a ROLLBACK that never hides the original error (e.g. a full disk)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            try:
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return
        self._rollback()

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may have rolled back already (SQLITE_FULL); the real error follows


def locked(store: SessionStore, session_id: str, timeout: float | None = None) -> AbstractContextManager[None]:
    """``with locked(store, sid): iv = Interview.resume(sid, sessions=store, …); iv.turn(text)`` — one writer."""
    return store.lock(session_id, timeout)
