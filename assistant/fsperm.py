"""Private files and directories: parastelu's state is readable by the user who runs it and nobody else.

Drafts, transcripts and session secrets live under the data dir, so it is 0700 and its files 0600. Files
that must not be redirected by another local user are opened with ``O_NOFOLLOW | O_EXCL``.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _tighten(path: Path, mode: int) -> None:
    """chmod ``path`` to ``mode`` when it is ours and looser; a read-only or foreign path is left alone."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode) or st.st_uid != os.getuid():
            return
        if stat.S_IMODE(st.st_mode) & ~mode:
            os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
    except OSError:
        pass


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) with the last component 0700; an existing dir of ours is tightened."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM) or not path.is_dir():
            raise
    _tighten(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists as a regular 0600 file (created without following a symlink).

    An existing file is never opened here, only tightened: closing any descriptor of a SQLite database (or
    its -wal/-shm) drops every POSIX lock this process holds on it, under a connection that is still open,
    and another process's write then corrupts the database ("database disk image is malformed")."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)
        os.close(fd)
    except FileExistsError:
        if os.path.islink(path):
            raise OSError(errno.ELOOP, "a symbolic link where a private file belongs", str(path)) from None
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and path.is_file():
            return path
        raise
    _tighten(path, FILE_MODE)
    return path


def write_new_private(path: Path, data: bytes) -> None:
    """Write a new file 0600; refuses an existing file or a symlink at ``path`` (O_EXCL | O_NOFOLLOW)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def is_writable_dir(path: Path) -> bool:
    """True when files can be created in ``path`` (checked by trying, so read-only mounts count)."""
    try:
        probe = path / f".write-probe-{os.getpid()}"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, FILE_MODE)
        os.close(fd)
        probe.unlink()
        return True
    except OSError:
        return False
