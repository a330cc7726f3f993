"""Opening the Chroma client behind the model bank, and the errors a store reports to people.

Split from ``store`` to keep that module about the bank itself: this part decides embedded vs. HTTP, copies a
read-only embedded store aside, and turns storage failures into one readable sentence. ``store`` re-exports
every name here, so ``from assistant.store import connect, StoreError`` keeps working.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings

from assistant.fsperm import private_dir
from assistant.settings import Settings


class StoreError(RuntimeError):
    """A store problem with a message meant for the person at the keyboard."""


class StoreUnavailable(StoreError):
    """The Chroma server could not be reached."""


class EmbeddingMismatch(StoreError):
    """The collection was built with a different embedding model."""


class ReadOnlyStore(StoreError):
    """A write to a store opened from a read-only data dir."""


def describe_db_error(exc: BaseException, where: Path) -> str:
    """One readable sentence for a storage failure (corrupt, read-only, full), naming the place."""
    text = str(exc)
    low = text.lower()
    text = re.sub(r"^.*?\(code: \d+\)\s*", "", text).strip() or text
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return (f"The model bank in {where} is damaged ({text}). Restore the directory from a "
                "backup, or move it away and re-import the models with `parastelu ingest`.")
    if "disk is full" in low or "no space" in low or "file too large" in low:
        return f"The disk holding {where} is full ({text}). Free some space and try again."
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        return f"{where} is read-only ({text}). Searching works; changes need a writable data dir."
    return f"The model bank in {where} could not be opened: {type(exc).__name__}: {text[:200]}"


def _writable(path: Path) -> bool:
    db = path / "chroma.sqlite3"
    return os.access(path, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


def _snapshot(path: Path) -> Path:
    """A private copy of a read-only embedded store (Chroma cannot open one in place), removed at exit."""
    copy = Path(tempfile.mkdtemp(prefix="parastelu-ro-")) / "chroma"
    shutil.copytree(path, copy)
    atexit.register(shutil.rmtree, copy.parent, True)
    return copy


def connect(settings: Settings) -> ClientAPI:
    """Embedded client under the data dir, or an HTTP client when ``chroma_url`` is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not settings.chroma_url:
        path = settings.chroma_path
        try:
            private_dir(settings.data_dir)
            path.mkdir(exist_ok=True, mode=0o700)
        except OSError as exc:
            if not path.is_dir():
                raise StoreError(describe_db_error(exc, settings.data_dir)) from exc
        if not _writable(path):
            path = _snapshot(path)
        try:
            return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as exc:  # chromadb raises InternalError/ValueError/… with sqlite's text
            raise StoreError(describe_db_error(exc, settings.chroma_path)) from exc
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise StoreError(f"PARASTELU_CHROMA_URL must look like http://host:port, got {settings.chroma_url!r}")
    try:
        client = chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 80),
                                     ssl=url.scheme == "https", settings=chroma_settings)
        client.heartbeat()
    except Exception as exc:  # chromadb raises ValueError/ConnectError/... depending on the failure
        raise StoreUnavailable(f"Cannot reach the Chroma server at {settings.chroma_url}: "
                               f"{type(exc).__name__}. Start it with `chroma run` or unset "
                               "PARASTELU_CHROMA_URL to use the embedded store.") from exc
    return client
