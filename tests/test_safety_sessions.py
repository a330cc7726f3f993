"""One writer per session (threads, processes, UI handlers, the served app, the CLI), optimistic versions,
owners, and private files: nothing lost, nothing leaked."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.interview_types import InterviewState, Message
from assistant.sessions import SessionBusy, SessionConflict, SessionStore, locked
from tests.ui_support import RunningApp, running_app, seeded_services
from ui.sessions import NotYours, SessionGate, new_secret

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

SENDS = 20


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def new_state(store: SessionStore, sid: str = "s1") -> InterviewState:
    state = InterviewState(session_id=sid)
    state.history.append(Message(role="assistant", text="Tervetuloa"))
    store.save(state)
    return state


# -- the lock --------------------------------------------------------------------------------------------
def test_lock_excludes_other_threads_and_is_reentrant(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    held, release, outcome = threading.Event(), threading.Event(), {}

    def holder() -> None:
        with store.lock("s1"), locked(store, "s1"):  # re-entrant within a thread
            held.set()
            release.wait(30)

    t = threading.Thread(target=holder)
    t.start()
    assert held.wait(30)
    try:
        with pytest.raises(SessionBusy):
            with store.lock("s1", timeout=0.2):
                pass
        with store.lock("other", timeout=5):  # another session is not blocked
            outcome["other"] = True
    finally:
        release.set()
        t.join(30)
    with store.lock("s1", timeout=5):
        outcome["after"] = True
    assert outcome == {"other": True, "after": True}


HOLD = """
import sys, time
from pathlib import Path
from assistant.sessions import session_lock
with session_lock(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_lock_excludes_other_processes_and_dies_with_its_holder(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(store.lock_dir), "s1"], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(SessionBusy):
            with store.lock("s1", timeout=0.3):
                pass
    finally:
        proc.send_signal(signal.SIGKILL)  # a crashed holder: its flock goes with it
        proc.wait(30)
    with store.lock("s1", timeout=10):
        pass


# -- versions, log and owners ------------------------------------------------------------------------------
def test_stale_copy_is_refused_and_log_never_diverges(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    new_state(store)
    a, b = store.load("s1"), store.load("s1")
    a.history.append(Message(role="user", text="ensimmäinen"))
    store.save(a)
    b.history.append(Message(role="user", text="toinen"))
    with pytest.raises(SessionConflict):
        store.save(b)
    assert store.log("s1") == [("assistant", "Tervetuloa"), ("user", "ensimmäinen")]
    assert [m.text for m in store.load("s1").history] == ["Tervetuloa", "ensimmäinen"]
    assert store.version("s1") == 2
    fresh = InterviewState(session_id="s1")  # never loaded, but the id exists: not a blind overwrite
    with pytest.raises(SessionConflict):
        store.save(fresh)


def test_owner_is_claimed_once_and_checked(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions.db")
    new_state(store)
    assert not store.authorize("nope", "x")
    assert not store.authorize("s1", "")
    assert store.authorize("s1", "browser-a")  # first use claims
    assert store.authorize("s1", "browser-a")
    assert not store.authorize("s1", "browser-b")
    import sqlite3

    owner = sqlite3.connect(tmp_path / "sessions.db").execute("SELECT owner FROM sessions").fetchone()[0]
    assert "browser-a" not in owner and len(owner) == 64  # stored hashed


def test_old_sessions_db_gains_version_and_owner_columns(tmp_path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(tmp_path / "sessions.db")
    db.execute("CREATE TABLE sessions (id TEXT PRIMARY KEY, created TEXT, updated TEXT, state TEXT NOT NULL)")
    db.execute("INSERT INTO sessions VALUES ('old', '', '', ?)", (InterviewState(session_id="old").model_dump_json(),))
    db.commit()
    db.close()
    store = SessionStore(tmp_path / "sessions.db")
    state = store.load("old")
    state.history.append(Message(role="user", text="hei"))
    store.save(state)
    assert store.version("old") == 1 and store.authorize("old", "first-browser")


def test_state_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = SessionStore(data / "sessions.db")
    new_state(store)
    assert mode(data) == 0o700
    for name in ("sessions.db", "sessions.db-wal", "sessions.db-shm"):
        assert mode(data / name) == 0o600, name
    assert mode(store.lock_dir) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    (loose / "sessions.db").touch(mode=0o644)
    SessionStore(loose / "sessions.db")  # an existing data dir from an older version is tightened
    assert mode(loose) == 0o700 and mode(loose / "sessions.db") == 0o600


# -- concurrent sends through the UI handlers, the served app and the CLI --------------------------------------
@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Any:
    return seeded_services(tmp_path_factory.mktemp("safety"), seeded_dir, real_embedder)


def assert_all_turns(store: SessionStore, sid: str, texts: list[str]) -> None:
    state = store.load(sid)
    history = [(m.role, m.text) for m in state.history]
    assert store.log(sid) == history, "the message log and the saved state diverged"
    users = [t for r, t in history if r == "user"]
    assert sorted(users) == sorted(texts), f"{len(set(texts) - set(users))} of {len(texts)} turns missing"
    roles = [r for r, _ in history]
    assert roles[1:] == ["user", "assistant"] * len(texts)  # every turn answered, none interleaved


def two_threads(send: Any, prefix: str) -> list[str]:
    texts = {who: [f"{prefix}-{who}-{i} nuoret tarvitsevat tukea" for i in range(SENDS)] for who in "AB"}
    errors: list[BaseException] = []

    def run(who: str) -> None:
        try:
            for text in texts[who]:
                send(text)
        except BaseException as exc:  # noqa: BLE001  (reported by the assertion below)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(who,)) for who in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert errors == []
    return texts["A"] + texts["B"]


@pytest.mark.slow
def test_two_tabs_sending_through_the_ui_handlers_lose_nothing(services: Any) -> None:
    import gradio as gr

    from ui.describe import DescribeTab, Shared

    gate = SessionGate(services)
    with gr.Blocks():
        shared = Shared(gr.State(""), gr.BrowserState(""), gr.State(""), gr.BrowserState(""), gr.BrowserState([]),
                        gr.Radio(["fi"]))
        tab = DescribeTab(services, gate, shared)
    secret = new_secret()
    sid = gate.start("fi", secret).session_id
    frames: list[int] = []

    def send(text: str) -> None:
        out = list(tab.send_message(text, sid, secret, "fi", []))
        frames.append(len(out))
        assert "ps-n-error" not in str(out[-1][8]), out[-1][8]  # the notes, after the box and the view

    texts = two_threads(send, "ui")
    assert_all_turns(gate.store, sid, texts)
    with pytest.raises(NotYours):  # and the id alone is not enough
        with gate.open(sid, new_secret()):
            pass


@pytest.fixture(scope="module")
def app(services: Any) -> Iterator[RunningApp]:
    with running_app(services) as running:
        yield running


@pytest.mark.slow
def test_two_tabs_sending_through_the_served_app_lose_nothing(app: RunningApp) -> None:
    from gradio_client import Client

    first = Client(app.url, verbose=False, download_files=False)
    second = Client(app.url, verbose=False, download_files=False)
    try:
        sid, secret = first.predict("", "", [], api_name="/load")[:2]
        assert tuple(second.predict(sid, secret, [sid], api_name="/load")[:2]) == (sid, secret)  # same browser, 2nd tab
        stranger = Client(app.url, verbose=False, download_files=False)
        try:
            assert stranger.predict(sid, "", [], api_name="/load")[0] != sid  # another browser gets a new session
        finally:
            stranger.close()
        clients = {"A": first, "B": second}

        def send(text: str) -> None:
            clients[text.split("-")[1]].predict(text, api_name="/send")

        texts = two_threads(send, "api")
    finally:
        first.close()
        second.close()
    assert_all_turns(SessionStore(app.services.settings.data_dir / "sessions.db"), sid, texts)


@pytest.mark.slow
def test_cli_chat_resume_and_a_browser_tab_share_a_session(services: Any, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.chat_cli import run_interactive

    gate = SessionGate(services)
    secret = new_secret()
    sid = gate.start("fi", secret).session_id
    cli_texts = [f"cli-{i} perheet tarvitsevat apua" for i in range(5)]
    tab_texts = [f"tab-{i} koulut ovat mukana" for i in range(5)]
    lines = iter(cli_texts)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))  # StopIteration ends like EOF below

    def tab() -> None:
        for text in tab_texts:
            with gate.open(sid, secret) as iv:
                iv.turn(text)

    t = threading.Thread(target=tab)
    t.start()
    try:
        with pytest.raises(StopIteration):
            run_interactive(None, sid, services=services, sessions=gate.store)
    finally:
        t.join(300)
    assert f"session {sid}" in capsys.readouterr().out
    assert_all_turns(gate.store, sid, cli_texts + tab_texts)


@pytest.mark.slow
def test_handlers_refuse_another_browsers_secret_and_publishing_personal_data(services: Any) -> None:
    import gradio as gr

    from ui.describe import DescribeTab, Shared
    from ui.texts import tr

    gate = SessionGate(services)
    with gr.Blocks():
        shared = Shared(gr.State(""), gr.BrowserState(""), gr.State(""), gr.BrowserState(""), gr.BrowserState([]),
                        gr.Radio(["fi"]))
        tab = DescribeTab(services, gate, shared)
    owner, stranger = new_secret(), new_secret()
    iv = gate.start("fi", owner)
    sid = iv.session_id
    refused = tr("session.refused", "fi")
    assert refused in tab.edit_api("name", "Kaapattu", sid, stranger, "fi")[-1]
    assert refused in tab.do_publish(sid, stranger, "fi")[1]
    opened = tab.card_event(sid, stranger, "fi", gr.EventData(None, {"action": "edit", "field": "name"}))
    assert refused in opened[-1] and "ps-editor" not in str(opened[1])  # the card's editor does not open
    out = list(tab.send_message("vieras viesti", sid, stranger, "fi", []))
    assert refused in out[-1][8] and out[-1][0] == "vieras viesti"  # the text stays in the box
    assert "vieras viesti" not in [t for _, t in gate.store.log(sid)]
    # the owner edits a field to hold a henkilötunnus: publishing names the field and refuses
    assert tr("edit.corrected", "fi", field="Kohderyhmä") in tab.edit_api("target_groups", "asiakas 131052-308T",
                                                                          sid, owner, "fi")[-1]
    notice = tab.do_publish(sid, owner, "fi")[1]
    assert "ps-n-error" in notice and "Kohderyhmä" in notice and "henkilötunnus" in notice
    assert services.store.get("nimeton-malli") is None


def test_new_labels_exist_in_every_language() -> None:
    from ui.texts import LANGS, tr

    for key in ("session.not_yours", "session.refused", "session.busy", "session.conflict"):
        texts = {lang: tr(key, lang) for lang in LANGS}  # these live in prompts/ui.yaml now
        assert key not in texts.values() and len(set(texts.values())) == len(LANGS), key
