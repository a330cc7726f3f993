"""One writer per embedded store, a store changed under a running process, and clear errors for a corrupt,
read-only or full data dir and for a Chroma that is down (exit code 3, one readable line, no traceback)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.embeddings import CachedEmbedder
from assistant.schema import ModelDescription
from assistant.settings import Settings
from assistant.store import ModelStore
from assistant.writerlock import StoreBusy, writer_lock
from tests.ui_support import running_app, seeded_services
from ui.backend import failure_text, load_services
from ui.browser import free_port

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def cli(data: Path, *args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, "-m", "assistant.cli", "--data-dir", str(data), *args], capture_output=True,
                          text=True, timeout=600, cwd=ROOT, env=env, **kw)


def settings_for(data: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data, chroma_url=None)  # type: ignore[call-arg]


# -- one writer process --------------------------------------------------------------------------------------
HOLD = """
import sys, time
from pathlib import Path
from assistant.settings import Settings
from assistant.writerlock import writer_lock
with writer_lock(Settings(_env_file=None, data_dir=Path(sys.argv[1]), chroma_url=None), "parastelu serve"):
    print("held", flush=True)
    time.sleep(300)
"""


def test_second_writer_is_refused_naming_the_running_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    holder = subprocess.Popen([PY, "-c", HOLD, str(data)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match=f"pid {holder.pid} \\(parastelu serve\\)"):
            with writer_lock(settings_for(data), "test", wait=0.2):
                pass
        f = tmp_path / "one.jsonl"
        f.write_text('{"id": "yksi", "name": "Yksi"}\n', encoding="utf-8")
        refused = cli(data, "ingest", str(f))
        assert refused.returncode == 3, refused.stderr
        assert f"pid {holder.pid} (parastelu serve)" in refused.stderr
        assert "PARASTELU_CHROMA_URL" in refused.stderr and "Traceback" not in refused.stderr
    finally:
        holder.send_signal(signal.SIGKILL)  # the lock goes with the process
        holder.wait(30)
    with writer_lock(settings_for(data), "test", wait=5):
        pass
    assert oct((data / ".writer.lock").stat().st_mode & 0o777) == "0o600"


WRITE_ELSEWHERE = """
import sys
from pathlib import Path
from assistant.embeddings import CachedEmbedder
from assistant.schema import ModelDescription
from assistant.settings import Settings
from assistant.store import ModelStore
from assistant.vcache import VectorCache
from tests.conftest import FakeEmbedder
data = Path(sys.argv[1])
store = ModelStore(Settings(_env_file=None, data_dir=data, chroma_url=None), CachedEmbedder(FakeEmbedder(),
                   VectorCache(data / "fake-cache")))
store.upsert([ModelDescription(id=f"uusi-{i}", name=f"Uusi malli {i} nuorille") for i in range(40)])
print(store.delete(["vanha-1", "vanha-2"]))
"""


def test_running_process_sees_another_process_writes(tmp_path: Path) -> None:
    from assistant.vcache import VectorCache
    from tests.conftest import FakeEmbedder

    data = tmp_path / "data"
    store = ModelStore(settings_for(data), CachedEmbedder(FakeEmbedder(), VectorCache(data / "fake-cache")))
    store.upsert([ModelDescription(id=f"vanha-{i}", name=f"Vanha malli {i} nuorille") for i in range(30)])
    probe = store.embedder.embed_query("Vanha malli 1 nuorille")
    assert store.query(probe, 3)[0][0] == "vanha-1"
    done = subprocess.run([PY, "-c", WRITE_ELSEWHERE, str(data)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    ids = [i for i, _ in store.query(probe, 80)]
    assert "vanha-1" not in ids and "vanha-2" not in ids  # a stale index would still return them
    assert {f"uusi-{i}" for i in range(40)} <= set(ids)
    assert store.get("uusi-7") is not None and store.count() == 68


# -- clear errors ---------------------------------------------------------------------------------------------
@pytest.fixture
def shared_copy(seeded_dir: Path) -> Iterator[Path]:
    """A copy of the seeded bank outside pytest's private tmp (another user must be able to read it)."""
    base = Path(tempfile.mkdtemp(prefix="parastelu-ro-test-"))
    data = base / "data"
    shutil.copytree(seeded_dir, data)
    yield data
    shutil.rmtree(base, ignore_errors=True)


def test_read_only_data_dir_still_searches_and_refuses_writes_clearly(shared_copy: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARASTELU_")}
    env["HOME"] = tempfile.gettempdir()
    opened: list[tuple[Path, int]] = []
    if os.getuid() == 0:  # root writes anywhere: run as nobody over a copy nobody may read but not write
        for path in [shared_copy.parent, *shared_copy.rglob("*"), shared_copy]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        # a checkout in or under a private folder (mktemp -d is 0700): let nobody pass through, not list, for the test
        for folder in [ROOT, *ROOT.parents, *shared_copy.parents]:
            mode = folder.stat().st_mode & 0o777
            if not mode & 0o001:
                folder.chmod(mode | 0o001)
                opened.append((folder, mode))
    else:
        for path in [*shared_copy.rglob("*"), shared_copy]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        prefix = []

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, PY, "-m", "assistant.cli", "--data-dir", str(shared_copy), *args],
                              capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)

    try:
        stats = run("stats")
        found = run("search", "nuorten yksinäisyys", "-k", "3", "--json")
        refused = run("delete", "ohjaamo")
    finally:
        for folder, mode in opened:
            folder.chmod(mode)
    assert stats.returncode == 0 and "models: 64" in stats.stdout, stats.stderr[-1500:]
    assert found.returncode == 0 and '"id"' in found.stdout, found.stderr[-1500:]
    assert refused.returncode == 3 and "read-only" in refused.stderr and "Traceback" not in refused.stderr


def test_corrupt_store_exits_3_with_one_readable_line(tmp_path: Path, seeded_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(seeded_dir, data)
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    out = cli(data, "stats")
    assert out.returncode == 3 and "Traceback" not in out.stderr
    assert out.stderr.startswith("error: The model bank in") and "damaged" in out.stderr
    assert "file is not a database" in out.stderr and len(out.stderr.strip().splitlines()) == 1


FULL = """
import resource, signal, sys
from pathlib import Path
from assistant.sessions import SessionStore
from assistant.interview_types import InterviewState, Message
store = SessionStore(Path(sys.argv[1]) / "sessions.db")
state = InterviewState(session_id="s1")
store.save(state)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))  # the disk fills up
state.history += [Message(role="user", text="x" * 5000) for _ in range(100)]
try:
    store.save(state)
except Exception as exc:
    print(type(exc).__name__, exc)
"""


def test_full_disk_reports_the_real_error_not_rollbacks(tmp_path: Path) -> None:
    out = subprocess.run([PY, "-c", FULL, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.startswith("OperationalError disk I/O error"), (out.stdout, out.stderr)
    assert "rollback" not in (out.stdout + out.stderr).lower()


def test_storage_failures_become_one_sentence(tmp_path: Path) -> None:
    services: Any = type("S", (), {"settings": settings_for(tmp_path)})()
    full = failure_text(services, sqlite3.OperationalError("database or disk is full"), "en")
    assert full is not None and full.startswith(f"The disk holding {tmp_path} is full")
    broken = failure_text(services, sqlite3.DatabaseError("file is not a database"), "en")
    assert broken is not None and "damaged" in broken
    assert failure_text(services, ValueError("something else"), "en") is None


@pytest.fixture
def dead_app(tmp_path: Path, seeded_dir: Path, real_embedder: Any) -> Iterator[Any]:
    dead = f"http://127.0.0.1:{free_port()}"
    services = seeded_services(tmp_path, seeded_dir, real_embedder, chroma_url=dead)
    with running_app(services) as running:
        yield running, dead


def test_chroma_down_search_api_and_cli_say_so(dead_app: Any, tmp_path: Path) -> None:
    from gradio_client import Client

    running, dead = dead_app
    client = Client(running.url, verbose=False, download_files=False)
    try:
        with pytest.raises(Exception, match=f"server {dead} is not answering"):
            client.predict("nuoret", None, None, None, None, None, 5, "en", api_name="/find")
        with pytest.raises(Exception, match="is not answering"):
            client.predict("ohjaamo", api_name="/model")
    finally:
        client.close()
    out = cli(tmp_path / "cli", "--chroma-url", dead, "search", "nuoret")
    assert out.returncode == 3 and dead in out.stderr and "Traceback" not in out.stderr


@pytest.mark.server
def test_app_started_while_chroma_was_down_reconnects_for_api_clients(chroma_server: str, tmp_path: Path,
                                                                      real_embedder: CachedEmbedder) -> None:
    """The bank comes back: the next API call finds it (not only a page load)."""
    from gradio_client import Client

    from tests.ui_support import make_settings
    from ui import backend

    settings = make_settings(tmp_path / "data", chroma_url=chroma_server, collection="reconnect")
    services = load_services(settings.model_copy(update={"chroma_url": f"http://127.0.0.1:{free_port()}"}),
                             embedder=real_embedder)
    assert isinstance(services.store, backend.UnavailableStore)
    services.settings = settings  # the server is where the settings say it is, from now on
    services.store.last_try = 0.0  # no need to wait for the retry interval in a test
    ModelStore(settings, real_embedder).upsert([ModelDescription(id="takaisin", name="Takaisin tullut malli")])
    with running_app(services) as running:
        client = Client(running.url, verbose=False, download_files=False)
        try:
            found = client.predict("Takaisin tullut malli", None, None, None, None, None, 3, "fi", api_name="/find")
        finally:
            client.close()
    assert [h["id"] for h in found["hits"]] == ["takaisin"]
