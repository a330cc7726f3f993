"""Sessions on PostgreSQL keep every guarantee SQLite gives: text saved before processing, one writer per
session across threads, processes and instances, stale copies refused, owners, resume anywhere."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.interview_types import InterviewState, Message
from assistant.sessions import SessionBusy, SessionConflict, SessionStore, configured_url
from assistant.settings import get_settings

pytestmark = pytest.mark.server
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sessions.db'}"
    return str(request.getfixturevalue("postgres_url"))


def started(store: SessionStore, sid: str = "s1") -> InterviewState:
    state = InterviewState(session_id=sid)
    state.history.append(Message(role="assistant", text="Tervetuloa"))
    store.save(state)
    return state


def test_same_contract_on_both_backends(any_url: str) -> None:
    a, b = SessionStore(url=any_url), SessionStore(url=any_url)  # two instances on one database
    state = started(a)
    assert b.version("s1") == 1 and b.log("s1") == [("assistant", "Tervetuloa")]
    # resume on the other instance, take a turn there
    on_b = b.load("s1")
    on_b.history.append(Message(role="user", text="Nuoret jäävät ilman tukea"))
    b.save(on_b)
    assert a.load("s1").history[-1].text == "Nuoret jäävät ilman tukea"
    # the copy A loaded before B's save is refused, never written over B's turn
    state.history.append(Message(role="user", text="vanha kopio"))
    with pytest.raises(SessionConflict):
        a.save(state)
    assert [t for _, t in a.log("s1")] == ["Tervetuloa", "Nuoret jäävät ilman tukea"]
    # a never-loaded copy of an existing session is refused too
    with pytest.raises(SessionConflict):
        a.save(InterviewState(session_id="s1"))
    # owners: the first secret claims, another is refused, unknown ids are refused
    assert a.authorize("s1", "secret-1") and b.authorize("s1", "secret-1")
    assert not b.authorize("s1", "secret-2") and not a.authorize("nope", "secret-1") and not a.authorize("s1", "")
    with pytest.raises(KeyError):
        b.load("nope")


def test_one_writer_per_session_across_instances_no_turn_lost(any_url: str) -> None:
    stores = [SessionStore(url=any_url) for _ in range(2)]
    started(stores[0])
    sent = 12

    def send(i: int) -> None:
        store = stores[i % 2]
        with store.lock("s1", timeout=60):
            state = store.load("s1")
            state.history.append(Message(role="user", text=f"viesti {i}"))  # saved before "processing"
            store.save(state)
            time.sleep(0.01)
            state.history.append(Message(role="assistant", text=f"vastaus {i}"))
            store.save(state)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(sent)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    final = stores[1].load("s1")
    texts = [m.text for m in final.history]
    assert sorted(t for t in texts if t.startswith("viesti")) == sorted(f"viesti {i}" for i in range(sent))
    assert len(texts) == 1 + 2 * sent and stores[0].version("s1") == 1 + 2 * sent
    assert [t for _, t in stores[0].log("s1")] == texts  # the log and the state agree


HOLD = """
import sys, time
from assistant.sessions import SessionStore
store = SessionStore(url=sys.argv[1])
with store.lock(sys.argv[2]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_lock_held_by_another_instance_waits_and_dies_with_it(postgres_url: str) -> None:
    store = SessionStore(url=postgres_url)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, postgres_url, "s1"], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        t0 = time.monotonic()
        with pytest.raises(SessionBusy):
            with store.lock("s1", timeout=0.3):
                pass
        assert time.monotonic() - t0 < 5
        with store.lock("s2", timeout=5):  # other sessions are free
            pass
        os.kill(proc.pid, signal.SIGKILL)  # the holder dies mid-turn: the server drops its lock
        proc.wait(10)
        with store.lock("s1", timeout=10):
            pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_lock_is_reentrant_within_a_thread_and_excludes_other_threads(postgres_url: str) -> None:
    store = SessionStore(url=postgres_url)
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        with store.lock("s1"), store.lock("s1"):
            held.set()
            release.wait(30)

    t = threading.Thread(target=holder)
    t.start()
    assert held.wait(30)
    try:
        with pytest.raises(SessionBusy):
            with SessionStore(url=postgres_url).lock("s1", timeout=0.2):
                pass
    finally:
        release.set()
        t.join(30)
    with store.lock("s1", timeout=5):
        pass


def test_database_url_setting_routes_the_apps_own_sessions(postgres_url: str, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.setenv("PARASTELU_DATABASE_URL", postgres_url)
    get_settings.cache_clear()
    default = get_settings().data_dir / "sessions.db"
    assert configured_url(default) == postgres_url and configured_url(None) == postgres_url
    assert configured_url(tmp_path / "private.db").startswith("sqlite:///")  # tests and eval runs stay private
    store = SessionStore(default)
    assert store.backend == "postgresql" and not default.exists()


def test_unreachable_database_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import free_port

    url = f"postgresql://parastelu@127.0.0.1:{free_port()}/nope"
    monkeypatch.setenv("PARASTELU_DATABASE_URL", url)
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "chat", "--script", "/dev/null"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PARASTELU_DATABASE_URL": url})
    assert proc.returncode == 3, proc.stderr
    assert "Cannot reach the session database" in proc.stderr and "Traceback" not in proc.stderr
