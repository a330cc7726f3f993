"""One writer process per embedded store: ``parastelu serve`` and the writing CLI commands hold
``<data dir>/.writer.lock`` (an ``fcntl`` lock, released when the process ends, even by kill -9).

Embedded Chroma keeps its index in the memory of the process that opened it; a second process writing the
same files leaves the first one with a stale or broken view. A second writer therefore waits a little and
then stops with a message naming the running process and the server-mode alternative. A Chroma server
(``PARASTELU_CHROMA_URL``) handles many clients itself, so no lock is taken for it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from assistant.fsperm import private_dir
from assistant.settings import Settings
from assistant.store import StoreError

LOCK_NAME = ".writer.lock"
WAIT = 5.0  # seconds a writing command waits for the lock before it gives up


class StoreBusy(StoreError):
    """Another process is writing the embedded store."""


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""


@contextmanager
def writer_lock(settings: Settings, what: str, wait: float = WAIT) -> Iterator[None]:
    """Hold the embedded store's writer lock while the body runs (a no-op for a Chroma server).

    ``what`` names this process in the lock file ("parastelu serve"); a busy store raises ``StoreBusy``
    after ``wait`` seconds. A data dir that cannot hold the lock file (read-only) is not locked: nothing
    can be written there anyway."""
    if settings.chroma_url:
        yield
        return
    path = settings.data_dir / LOCK_NAME
    try:
        private_dir(settings.data_dir)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            yield
            return
        raise
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder(fd) or "another parastelu process"
                    raise StoreBusy(
                        f"The embedded model bank in {settings.data_dir} is in use by {holder}. Only one process "
                        "may write it: stop that process first, or run a Chroma server (`chroma run --path "
                        f"{settings.chroma_path}`) and point every parastelu process at it with "
                        "PARASTELU_CHROMA_URL=http://127.0.0.1:8000.") from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} ({what})\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
