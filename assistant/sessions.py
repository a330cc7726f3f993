"""Interview sessions: the state is written on every turn before the reply is returned, so a crash or
restart loses nothing and a session resumes by id, on any instance that shares the database.

The database is SQLite (``<data_dir>/sessions.db``, WAL) by default, or PostgreSQL when
``PARASTELU_DATABASE_URL`` names one (several app instances); see ``assistant/db.py``.

One writer per session: ``SessionStore.lock(id)`` (or ``locked(store, id)``) is exclusive across threads
and processes (and, with PostgreSQL, instances), so a turn can load, run and save without another turn
interleaving. A ``version`` column backs this up: ``save`` refuses (``SessionConflict``) a copy loaded
before someone else saved. A session may carry an ``owner``: the hash of a per-browser secret, so an id
alone is not enough to read or continue someone else's interview.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.db import Duplicate, PostgresDatabase, SessionDbError, SqliteDatabase, open_database
from assistant.interview_types import InterviewState

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)

__all__ = ["SessionBusy", "SessionConflict", "SessionDbError", "SessionStore", "carry_version", "locked",
           "session_lock"]


class SessionConflict(RuntimeError):
    """The stored session changed since this copy was loaded; reload it and redo the change."""


class SessionBusy(TimeoutError):
    """Another turn held the session for longer than the caller was willing to wait."""


# -- one lock per session, across threads (re-entrant per thread) and processes (flock) -------------------
@dataclass
class _Lease:
    rlock: threading.RLock
    depth: int = 0
    token: Any = None
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
def held(scope: str, session_id: str, acquire: Callable[[float | None], Any], release: Callable[[Any], None],
         timeout: float | None = None) -> Iterator[None]:
    """Hold a session's lock: a thread lock in this process (re-entrant within one thread) around a lock
    that other processes see (``acquire(deadline)`` → token, ``release(token)`` at the outermost exit)."""
    key = (scope, session_id)
    deadline = None if timeout is None else time.monotonic() + timeout
    with _GUARD:
        lease = _LEASES.setdefault(key, _Lease(threading.RLock()))
        lease.users += 1
    try:
        if not lease.rlock.acquire(timeout=-1 if timeout is None else max(timeout, 0.0)):
            raise SessionBusy(f"session {session_id} is busy with another turn")
        try:
            if lease.depth == 0:
                lease.token = acquire(deadline)
            lease.depth += 1
        except BaseException:
            lease.rlock.release()
            raise
        try:
            yield
        finally:
            lease.depth -= 1
            if lease.depth == 0:
                token, lease.token = lease.token, None
                release(token)
            lease.rlock.release()
    finally:
        with _GUARD:
            lease.users -= 1
            if lease.users == 0:
                _LEASES.pop(key, None)


def _unflock(lock_dir: Path, session_id: str, fd: int) -> None:
    if fd < 0:
        return
    try:
        _lock_path(lock_dir, session_id).unlink(missing_ok=True)
    except OSError:
        pass
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def session_lock(lock_dir: Path, session_id: str, timeout: float | None = None) -> AbstractContextManager[None]:
    """Hold the session's lock file (SQLite deployments): other threads and processes wait. Re-entrant
    within one thread. A crashed process releases its flock with its file descriptors."""
    return held(str(lock_dir), session_id, lambda deadline: _flock(_lock_path(lock_dir, session_id), deadline),
                lambda fd: _unflock(lock_dir, session_id, fd), timeout)


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


def configured_url(path: Path | str | None) -> str:
    """Where a ``SessionStore(path)`` lives. The app's own sessions file (``<data_dir>/sessions.db``, or no
    path at all) means the configured ``PARASTELU_DATABASE_URL`` when one is set; any other path is a
    private SQLite file (tests, eval runs)."""
    from assistant.settings import get_settings

    settings = get_settings()
    default = settings.data_dir / "sessions.db"
    if path is None:
        return settings.database_url or f"sqlite:///{default}"
    if settings.database_url and Path(path).resolve() == default.resolve():
        return settings.database_url
    return f"sqlite:///{path}"


class SessionStore:
    """One row per session (the full JSON state, its version and owner) plus an append-only message log."""

    def __init__(self, path: Path | str | None = None, *, url: str | None = None) -> None:
        self.db: SqliteDatabase | PostgresDatabase = open_database(url or configured_url(path))
        self.url = self.db.url
        self.path = self.db.path
        self.lock_dir = self.db.lock_dir

    @property
    def backend(self) -> str:
        return "postgresql" if isinstance(self.db, PostgresDatabase) else "sqlite"

    # -- locking -----------------------------------------------------------------------------------
    def lock(self, session_id: str, timeout: float | None = None) -> AbstractContextManager[None]:
        """Exclusive access to one session for a whole load → run → save, across threads, processes and
        (PostgreSQL) instances; released when the holder exits or dies."""
        if isinstance(self.db, SqliteDatabase):
            return session_lock(self.db.lock_dir, session_id, timeout)
        db = self.db
        return held(db.url, session_id, lambda deadline: db.acquire(session_id, deadline),
                    lambda token: db.release(session_id, token), timeout)

    # -- state ---------------------------------------------------------------------------------------
    def save(self, state: InterviewState) -> None:
        """Upsert the state and append messages not yet logged, in one transaction.

        Refused with ``SessionConflict`` when the stored version moved since ``state`` was loaded (or
        when ``state`` was never loaded but the session exists): the caller reloads and redoes."""
        now = datetime.now(UTC).isoformat()
        expected = _known_version(state)
        sid = state.session_id
        try:
            with self.db.transaction() as tx:
                row = tx.rows("SELECT version FROM sessions WHERE id=?" + self.db.for_update, (sid,))
                stored = None if not row else int(row[0][0])
                if stored is not None and stored != expected:
                    raise SessionConflict(f"session {sid} was saved by another turn (version {stored}, "
                                          f"this copy was loaded at {expected}); reload it")
                logged = int(tx.rows("SELECT COUNT(*) FROM messages WHERE session_id=?", (sid,))[0][0])
                if logged > len(state.history):
                    raise SessionConflict(f"session {sid}: the message log is ahead of this copy")
                new = [(sid, n, msg.role, msg.text, msg.asked_field, msg.at.isoformat())
                       for n, msg in enumerate(state.history[logged:], start=logged)]
                if new:
                    tx.many("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)", new)
                version = (stored or 0) + 1
                changed = tx.run(
                    "INSERT INTO sessions (id, created, updated, state, version) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET updated=excluded.updated, state=excluded.state, "
                    "version=excluded.version WHERE sessions.version = ?",
                    (sid, now, now, state.model_dump_json(), version, -1 if stored is None else stored))
                if changed != 1:
                    raise SessionConflict(f"session {sid} was created by another turn meanwhile; reload it")
        except Duplicate as exc:
            raise SessionConflict(f"session {sid} was saved by another turn meanwhile; reload it") from exc
        _remember(state, version)

    def load(self, session_id: str) -> InterviewState:
        rows = self.db.rows("SELECT state, version FROM sessions WHERE id=?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        state = InterviewState.model_validate_json(rows[0][0])
        _remember(state, int(rows[0][1]))
        return state

    def version(self, session_id: str) -> int | None:
        rows = self.db.rows("SELECT version FROM sessions WHERE id=?", (session_id,))
        return None if not rows else int(rows[0][0])

    def log(self, session_id: str) -> list[tuple[str, str]]:
        """The append-only message log of a session as (role, text), in order."""
        rows = self.db.rows("SELECT role, text FROM messages WHERE session_id=? ORDER BY n", (session_id,))
        return [(str(r), str(t)) for r, t in rows]

    # -- ownership ---------------------------------------------------------------------------------
    def authorize(self, session_id: str, secret: str) -> bool:
        """True when ``secret`` owns the session. A session without an owner (new, or from the CLI or an
        older version) is claimed by the first non-empty secret that uses it. Unknown ids are False."""
        if not secret:
            return False
        digest = _digest(secret)
        with self.db.transaction() as tx:
            row = tx.rows("SELECT owner FROM sessions WHERE id=?" + self.db.for_update, (session_id,))
            if not row:
                return False
            if row[0][0] is None:
                tx.run("UPDATE sessions SET owner=? WHERE id=?", (digest, session_id))
                return True
            return hmac.compare_digest(str(row[0][0]), digest)

    def delete(self, session_id: str) -> bool:
        """Remove a session and its message log (the owner deleting a draft); True when it existed."""
        with self.db.transaction() as tx:
            gone = tx.run("DELETE FROM sessions WHERE id=?", (session_id,))
            tx.run("DELETE FROM messages WHERE session_id=?", (session_id,))
        return gone > 0

    def published_drafts(self) -> set[str]:
        """Ids of bank models that were published from an interview as new models (not implementations)."""
        if self.backend == "postgresql":
            sql = ("SELECT (state::json)->>'published_id' FROM sessions WHERE (state::json)->>'published_id' "
                   "IS NOT NULL AND (state::json)->>'implementation_of' IS NULL")
        else:
            sql = ("SELECT json_extract(state, '$.published_id') FROM sessions WHERE json_extract(state, "
                   "'$.published_id') IS NOT NULL AND json_extract(state, '$.implementation_of') IS NULL")
        return {str(r[0]) for r in self.db.rows(sql)}

    def close(self) -> None:
        self.db.close()


def locked(store: SessionStore, session_id: str, timeout: float | None = None) -> AbstractContextManager[None]:
    """``with locked(store, sid): iv = Interview.resume(sid, sessions=store, …); iv.turn(text)`` — one writer."""
    return store.lock(session_id, timeout)
