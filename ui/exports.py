"""Draft downloads (Markdown, JSON) in a private per-process directory, never in a shared one.

The system temp dir is shared by every local user: a fixed folder there can be pre-created by someone
else, listed, or hold a symlink that redirects our write. So each process makes its own directory with
``mkdtemp`` (0700); every export goes to a fresh random subfolder; files are created 0600 with
``O_CREAT | O_EXCL | O_NOFOLLOW``. A session's previous export is removed when it gets a new one, the
whole directory at exit, and directories left by dead processes are pruned at start. Gradio's own file
cache (``GRADIO_TEMP_DIR``, where it copies a download before serving it) is placed in there too.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from assistant.fsperm import private_dir, write_new_private
from assistant.render import slugify

PREFIX = "parastelu-"
_STALE = re.compile(rf"^{PREFIX}(\d+)-")
STALE_AGE = 600.0  # seconds; a dead process's directory younger than this is left alone
KEEP_SESSIONS = 4096  # sessions whose latest export folder is remembered (older ones are removed)

_lock = threading.Lock()
_root: Path | None = None
_latest: OrderedDict[str, Path] = OrderedDict()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prune_stale(now: float | None = None) -> list[str]:
    """Remove our own leftover directories of processes that no longer run; returns what was removed."""
    removed: list[str] = []
    now = time.time() if now is None else now
    base = tempfile.gettempdir()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        found = _STALE.match(entry.name)
        if not found or int(found.group(1)) == os.getpid():
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or now - st.st_mtime < STALE_AGE:
            continue
        if not _alive(int(found.group(1))):
            shutil.rmtree(entry.path, ignore_errors=True)  # fd-based on Linux: symlinks inside are not followed
            removed.append(entry.path)
    return removed


def private_root() -> Path:
    """This process's private directory (created on first use, removed at exit)."""
    global _root
    with _lock:
        if _root is None or not _root.is_dir():
            prune_stale()
            _root = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
            atexit.register(shutil.rmtree, _root, True)
        return _root


def gradio_cache_dir() -> Path:
    """Where Gradio may copy files it serves: inside the private directory."""
    return private_dir(private_root() / "gradio")


def use_private_gradio_cache() -> None:
    """Point Gradio's file cache at the private directory unless the operator chose one explicitly."""
    if not os.environ.get("GRADIO_TEMP_DIR"):
        os.environ["GRADIO_TEMP_DIR"] = str(gradio_cache_dir())


def write_exports(session_id: str, name: str | None, markdown: str, record: dict[str, Any]) -> tuple[str, str]:
    """Write the Markdown and JSON exports of a draft into a new private folder; returns their paths."""
    base = slugify(name, limit=60)
    folder = private_dir(private_root() / "exports") / secrets.token_hex(12)
    os.mkdir(folder, 0o700)
    md_path, json_path = folder / f"{base}.md", folder / f"{base}.json"
    write_new_private(md_path, markdown.encode("utf-8"))
    write_new_private(json_path, (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    stale: list[Path] = []
    with _lock:
        previous = _latest.pop(session_id, None)
        if previous is not None:
            stale.append(previous)
        _latest[session_id] = folder
        while len(_latest) > KEEP_SESSIONS:
            stale.append(_latest.popitem(last=False)[1])
    for old in stale:
        shutil.rmtree(old, ignore_errors=True)
    return str(md_path), str(json_path)
