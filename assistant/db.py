"""The session database behind ``SessionStore``: SQLite (one machine, the default) or PostgreSQL (several
app instances), chosen by ``PARASTELU_DATABASE_URL``.

Both speak the same SQL (written with ``?`` placeholders) and give the same guarantees: a transaction that
locks what it reads (``BEGIN IMMEDIATE`` / ``SELECT … FOR UPDATE``), and a per-session lock that excludes
other threads and processes and is released when its holder dies: an ``flock``ed file for SQLite, a
session-level ``pg_advisory_lock`` on a dedicated connection for PostgreSQL (the server drops it when the
connection closes, e.g. after a kill -9).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from assistant.fsperm import private_dir, private_file

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, created TEXT, updated TEXT, state TEXT NOT NULL, "
    "version INTEGER NOT NULL DEFAULT 0, owner TEXT)",
    "CREATE TABLE IF NOT EXISTS messages (session_id TEXT, n INTEGER, role TEXT, text TEXT, asked_field TEXT, "
    "at TEXT, PRIMARY KEY (session_id, n))",
)


class SessionDbError(RuntimeError):
    """The session database could not be reached or used; the message is meant for a person."""


class Duplicate(Exception):
    """A unique key was taken by a concurrent writer (the caller turns it into a conflict)."""


class Tx(Protocol):
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def run(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    def many(self, sql: str, params: Sequence[Sequence[Any]]) -> None: ...


class Database(Protocol):
    url: str
    for_update: str

    def transaction(self) -> Any: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def close(self) -> None: ...


def redact(url: str) -> str:
    """The URL without its password (for messages)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


# -- SQLite ------------------------------------------------------------------------------------------------
class _SqliteTx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.db.execute(sql, tuple(params)).fetchall())

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return int(self.db.execute(sql, tuple(params)).rowcount)
        except sqlite3.IntegrityError as exc:
            raise Duplicate(str(exc)) from exc

    def many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        try:
            self.db.executemany(sql, [tuple(p) for p in params])
        except sqlite3.IntegrityError as exc:
            raise Duplicate(str(exc)) from exc


class SqliteDatabase:
    """``sessions.db`` in WAL mode (0600), lock files under ``locks/`` next to it (0700)."""

    for_update = ""

    def __init__(self, path: Path) -> None:
        private_dir(path.parent)
        private_file(path)
        self.path = path
        self.url = f"sqlite:///{path}"
        self.lock_dir = path.parent / "locks"
        self._guard = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        for statement in SCHEMA:
            self._db.execute(statement)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(sessions)")}
        for name, decl in (("version", "INTEGER NOT NULL DEFAULT 0"), ("owner", "TEXT")):
            if name not in columns:  # a sessions.db from before versions and owners
                self._db.execute(f"ALTER TABLE sessions ADD COLUMN {name} {decl}")
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                private_file(side)
        private_dir(self.lock_dir)

    @contextmanager
    def transaction(self) -> Iterator[_SqliteTx]:
        """BEGIN IMMEDIATE … COMMIT; on error a ROLLBACK that never hides the original error (a full disk)."""
        with self._guard:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTx(self._db)
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite may have rolled back already (SQLITE_FULL); the real error follows

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._guard:
            return list(self._db.execute(sql, tuple(params)).fetchall())

    def close(self) -> None:
        with self._guard:
            self._db.close()


# -- PostgreSQL --------------------------------------------------------------------------------------------
def advisory_key(session_id: str) -> int:
    """A signed 64-bit key for ``pg_advisory_lock`` from the session id."""
    digest = hashlib.sha256(b"parastelu-session\x00" + session_id.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


_SCHEMA_KEY = advisory_key("\x00schema")


class _PgTx:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.conn.execute(_pg(sql), tuple(params)).fetchall())

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        import psycopg

        try:
            return int(self.conn.execute(_pg(sql), tuple(params)).rowcount)
        except psycopg.errors.UniqueViolation as exc:
            raise Duplicate(str(exc)) from exc

    def many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        import psycopg

        try:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), [tuple(p) for p in params])
        except psycopg.errors.UniqueViolation as exc:
            raise Duplicate(str(exc)) from exc


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresDatabase:
    """Connections from a small pool (autocommit; explicit transactions), the schema created once under an
    advisory lock, and one dedicated connection per held session lock."""

    for_update = " FOR UPDATE"

    def __init__(self, url: str, idle: int = 8, connect_timeout: float = 10.0) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise SessionDbError("PARASTELU_DATABASE_URL names PostgreSQL, but the driver is not installed: "
                                 "pip install 'parastelu[postgres]' (psycopg 3)") from exc
        self.url = url
        self.path = None
        self.lock_dir = None
        self._idle: list[Any] = []
        self._max_idle = idle
        self._guard = threading.Lock()
        self._timeout = connect_timeout
        with self.transaction() as tx:
            tx.rows("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_KEY,))
            for statement in SCHEMA:
                tx.run(statement)

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=int(self._timeout),
                                   keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
                                   application_name="parastelu")
        except psycopg.Error as exc:
            raise SessionDbError(f"Cannot reach the session database at {redact(self.url)}: "
                                 f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}"
                                 ) from exc

    def _get(self) -> Any:
        with self._guard:
            while self._idle:
                conn = self._idle.pop()
                if not conn.closed:
                    return conn
        return self._connect()

    def _put(self, conn: Any, broken: bool = False) -> None:
        import psycopg

        idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        if broken or conn.closed or not idle:
            try:
                conn.close()
            except Exception:  # noqa: S110  (a broken connection is dropped either way)
                pass
            return
        with self._guard:
            if len(self._idle) < self._max_idle:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def _failing(self, conn: Any) -> Iterator[None]:
        """On any error the connection goes back as broken; a database error becomes one clear message."""
        import psycopg

        try:
            yield
        except psycopg.OperationalError as exc:
            self._put(conn, broken=True)
            raise SessionDbError(f"The session database at {redact(self.url)} failed: {exc}") from exc
        except BaseException:
            self._put(conn, broken=True)
            raise

    @contextmanager
    def _conn(self) -> Iterator[Any]:
        conn = self._get()
        with self._failing(conn):
            yield conn
        self._put(conn)

    @contextmanager
    def transaction(self) -> Iterator[_PgTx]:
        with self._conn() as conn, conn.transaction():
            yield _PgTx(conn)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._conn() as conn:
            return list(conn.execute(_pg(sql), tuple(params)).fetchall())

    def acquire(self, session_id: str, deadline: float | None) -> Any:
        """Take the session's advisory lock on a connection of its own, held until ``release``."""
        from assistant.sessions import SessionBusy

        key = advisory_key(session_id)
        conn = self._get()
        with self._failing(conn):
            if deadline is None:
                conn.execute("SELECT pg_advisory_lock(%s)", (key,))
                return conn
            while True:
                row = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
                if row and row[0]:
                    return conn
                if time.monotonic() >= deadline:
                    raise SessionBusy(f"session {session_id} is busy with another turn (on another instance)")
                time.sleep(0.02)

    def release(self, session_id: str, token: Any) -> None:
        if token is None:
            return
        try:
            token.execute("SELECT pg_advisory_unlock(%s)", (advisory_key(session_id),))
        except Exception:  # the connection broke: closing it releases the lock on the server
            self._put(token, broken=True)
            return
        self._put(token)

    def close(self) -> None:
        with self._guard:
            idle, self._idle = self._idle, []
        for conn in idle:
            try:
                conn.close()
            except Exception:  # noqa: S110
                pass


def open_database(url: str) -> SqliteDatabase | PostgresDatabase:
    """``sqlite:///relative/or//absolute/path`` or ``postgresql://user[:password]@host[:port]/db``."""
    if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return PostgresDatabase(url.replace("postgresql+psycopg://", "postgresql://", 1))
    if url.startswith("sqlite:///"):
        return SqliteDatabase(Path(url[len("sqlite:///"):]))
    raise SessionDbError(f"PARASTELU_DATABASE_URL must start with sqlite:/// or postgresql://, got {redact(url)!r}")
