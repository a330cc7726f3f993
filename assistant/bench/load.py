"""`parastelu bench load`: the fault-and-load script of the safety work, with printed figures.

1. Concurrency: N users × T turns through a real `parastelu serve` process (its JSON API, over HTTP),
   plus two "tabs" and double submits on some sessions. Every acknowledged turn must be in the saved
   session, in order, with no other user's words in it.
2. kill -9 of the server at random points, again and again: no acknowledged turn lost, the session
   continues on the restarted server.
3. kill -9 of `parastelu ingest` at random points: the store stays readable, and a re-run completes with
   every record.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["Nuoret jäävät yksin koulupäivän jälkeen", "Yläkoululaiset ja heidän vanhempansa",
         "Ohjattu ryhmä kerran viikossa koulun jälkeen", "Yksinäisyys vähenee", "Ryhmä ja ohjaajapari",
         "Tapaamispaikka", "Koulu ja nuorisotalo", "Nuorisopalvelut ja koulu", "Pilotoimme syksyllä",
         "Ohjaajien koulutus ja tilat", "Kysely alussa ja lopussa", "Iltapäiväkaverit"]


WAY = {"api": "JSON API /interview_turn over HTTP", "ui": "the chat page's send event /send over HTTP"}
RUN = uuid.uuid4().hex[:6]  # in every text, so no turn is served from an earlier run's embedding cache


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(data: Path, settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARASTELU_")}
    env.update(PARASTELU_DATA_DIR=str(data), PARASTELU_VECTOR_CACHE_DIR=str(settings.cache_dir.resolve()),
               PARASTELU_EMBED_THREADS=str(settings.embed_threads), PARASTELU_EMBED_MODELS=str(settings.embed_models),
               PARASTELU_MATCH_DEFER_QUEUE=str(settings.match_defer_queue),
               GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1",
               ORT_DISABLE_TELEMETRY="1", ANONYMIZED_TELEMETRY="False")
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", *args]


@contextmanager
def _server(data: Path, settings: Settings) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = _free_port()
    proc = subprocess.Popen(_cli("serve", "--port", str(port)), env=_env(data, settings),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url + "config", timeout=2) as resp:  # noqa: S310 (loopback)
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError(f"parastelu serve exited with {proc.returncode}")
        yield proc, url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


class _Client:
    """A load generator light enough to share two cores with the server: the same Gradio API calls
    gradio_client makes (POST ``/gradio_api/call/<name>``, then read the event stream), over plain urllib.
    gradio_client's per-client threads took about 40 % of both cores under 25 clients, which measured the
    load generator as much as the server."""

    def __init__(self, url: str, session_hash: str | None = None) -> None:
        self.url = url
        self.session_hash = session_hash  # the page's own events keep their state per browser tab (hash)

    def predict(self, *data: Any, api_name: str) -> Any:
        return self.outputs(*data, api_name=api_name)[0]

    def outputs(self, *data: Any, api_name: str) -> list[Any]:
        """Every output of the event's last frame."""
        name = api_name.lstrip("/")
        body = json.dumps({"data": list(data), **({"session_hash": self.session_hash} if self.session_hash
                                                 else {})}).encode()
        req = urllib.request.Request(f"{self.url}gradio_api/call/{name}", data=body,  # noqa: S310 (loopback)
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 (loopback)
            event_id = json.load(resp)["event_id"]
        with urllib.request.urlopen(f"{self.url}gradio_api/call/{name}/{event_id}", timeout=300) as resp:  # noqa: S310
            stream = resp.read().decode("utf-8")
        event, payload = "", ""
        for line in stream.splitlines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                payload = line[5:].strip()
                break
        if event != "complete":
            raise RuntimeError(f"{name}: {event or 'no answer'} {payload[:200]}")
        return list(json.loads(payload))


def _ui_refused(outputs: list[Any]) -> str:
    """The UI event answers a refused or failed send with a warning or error notice, not an HTTP error."""
    for out in outputs:
        if isinstance(out, str) and ("ps-n-error" in out or "ps-n-warn" in out):
            return "notice " + ("error" if "ps-n-error" in out else "warn")
    return ""


def _client(url: str) -> _Client:
    return _Client(url)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0.0 where it cannot be read). Less noisy than
    latency under load: the cost of the same turns, whatever the scheduling."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _saved(data: Path, session_id: str) -> list[tuple[str, str]]:
    """(role, text) of every message the session store holds for a session (read directly)."""
    db = sqlite3.connect(data / "sessions.db", timeout=30)
    try:
        row = db.execute("SELECT state FROM sessions WHERE id=?", (session_id,)).fetchone()
    finally:
        db.close()
    if row is None:
        return []
    return [(m["role"], m["text"]) for m in json.loads(row[0])["history"]]


def concurrency(data: Path, settings: Settings, users: int, turns: int, shared: int,
                think: float = 0.0, path: str = "api") -> dict[str, Any]:
    """``users`` sessions × ``turns``; ``shared`` of them are driven from two clients at once. ``think``:
    mean seconds a user pauses before each turn (0 = back to back, the stress case). ``path``: "api" sends
    through the JSON API (``/interview_turn``), "ui" through the chat page's own send event (``/send``, as
    the browser does, with the chat history the page would send back)."""
    results: dict[str, list[str]] = {}
    latencies: list[float] = []
    detail: list[tuple[bool, int, float]] = []  # (a two-tab session, turn index, ms)
    errors: list[str] = []
    lock = threading.Lock()
    with _server(data, settings) as (proc, url):
        starts = []
        for _u in range(users):
            start = _client(url).predict("fi", "", api_name="/interview_start")
            starts.append((start["session_id"], start["secret"]))

        def run(u: int, tab: int, session_id: str, secret: str) -> None:
            client = _Client(url, uuid.uuid4().hex) if path == "ui" else _client(url)
            pause = random.Random(f"{u}-{tab}")
            shown: list[Any] = []  # the UI path: the chat as this tab shows it, sent back with each message
            if path == "ui":  # the page opens the session its browser stored (both tabs: the same one)
                opened = client.outputs(session_id, secret, [session_id], api_name="/load")
                shown = next((o for o in opened if isinstance(o, list) and o and isinstance(o[0], dict)), [])
            for n in range(turns):
                text = f"{TEXTS[n % len(TEXTS)]} [{RUN}u{u}t{tab}n{n}]"
                if think:
                    time.sleep(pause.uniform(0.5 * think, 1.5 * think))
                t0 = time.perf_counter()
                try:
                    if path == "ui":
                        outs = client.outputs(text, "fi", shown, api_name="/send")
                        refused = _ui_refused(outs)
                        if refused:
                            raise RuntimeError(refused)
                        shown = outs[1] if len(outs) > 1 and isinstance(outs[1], list) else shown
                    else:
                        client.predict(session_id, text, secret, api_name="/interview_turn")
                except Exception as exc:  # a refused or failed send is reported, never silently lost
                    with lock:
                        errors.append(f"u{u}t{tab}n{n}: {type(exc).__name__}")
                    continue
                with lock:
                    latencies.append(1000 * (time.perf_counter() - t0))
                    detail.append((u < shared, n, latencies[-1]))
                    results.setdefault(session_id, []).append(text)

        threads = [threading.Thread(target=run, args=(u, 0, *starts[u])) for u in range(users)]
        threads += [threading.Thread(target=run, args=(u, 1, *starts[u])) for u in range(shared)]
        t_all, cpu_before = time.perf_counter(), _cpu_seconds(proc.pid)
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t_all
        cpu = _cpu_seconds(proc.pid) - cpu_before
    lost = crosstalk = 0
    for u, (sid, _secret) in enumerate(starts):
        said = [text for role, text in _saved(data, sid) if role == "user"]
        lost += sum(1 for text in results.get(sid, []) if text not in said)
        crosstalk += sum(1 for text in said if f"[{RUN}u{u}t" not in text)
    return {"acknowledged": len(latencies), "lost": lost, "crosstalk": crosstalk, "errors": errors,
            "p50_ms": float(np.percentile(latencies, 50)) if latencies else float("nan"),
            "p95_ms": float(np.percentile(latencies, 95)) if latencies else float("nan"), "wall_s": wall,
            "cpu_s": cpu,
            "detail": detail}


def server_kills(data: Path, settings: Settings, rounds: int, rng: random.Random) -> dict[str, Any]:
    """kill -9 the server mid-burst ``rounds`` times; acknowledged turns must all be saved."""
    acked: dict[str, list[str]] = {}
    lost = continued = 0
    sessions: list[tuple[str, str]] = []
    threading.excepthook = lambda args: None  # the clients' own threads complain when the server dies
    for r in range(rounds):
        with _server(data, settings) as (proc, url):
            if not sessions:
                for _ in range(3):
                    start = _client(url).predict("fi", "", api_name="/interview_start")
                    sessions.append((start["session_id"], start["secret"]))
            else:  # the sessions continue on the restarted server
                for sid, secret in sessions:
                    _client(url).predict(sid, f"jatketaan kierros {RUN}{r}", secret, api_name="/interview_turn")
                    acked.setdefault(sid, []).append(f"jatketaan kierros {RUN}{r}")
                    continued += 1
            stop = threading.Event()

            def burst(sid: str, secret: str, r: int = r, url: str = url, stop: threading.Event = stop) -> None:
                client = _client(url)
                n = 0
                while not stop.is_set():
                    text = f"{TEXTS[n % len(TEXTS)]} [{RUN}r{r}n{n}]"
                    try:
                        client.predict(sid, text, secret, api_name="/interview_turn")
                    except Exception:  # noqa: S112  (the kill cuts the request: not acknowledged)
                        return
                    acked.setdefault(sid, []).append(text)
                    n += 1

            threads = [threading.Thread(target=burst, args=s, daemon=True) for s in sessions]
            # a client thread may still complain when the server dies: expected here
            with contextlib.redirect_stderr(io.StringIO()):
                for th in threads:
                    th.start()
                time.sleep(rng.uniform(0.5, 3.0))
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                stop.set()
                for th in threads:
                    th.join(timeout=10)
        for sid, _secret in sessions:
            said = [text for role, text in _saved(data, sid) if role == "user"]
            lost += sum(1 for text in acked.get(sid, []) if text not in said)
    return {"rounds": rounds, "acknowledged": sum(len(v) for v in acked.values()), "lost": lost,
            "continued": continued}


def ingest_kills(settings: Settings, rounds: int, rng: random.Random, tmp: Path) -> dict[str, Any]:
    """kill -9 ``parastelu ingest`` at random points; the store stays readable; a re-run completes."""
    import yaml

    records = []
    for path in sorted((ROOT / "knowledge" / "models").glob("*.yaml")):
        base = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i in range(4):
            records.append({**base, "id": f"{base['id']}-k{i}", "name": f"{base['name']} {i}"})
    src = tmp / "kill.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    data = tmp / "ingest-data"
    readable = 0
    for _ in range(rounds):
        proc = subprocess.Popen(_cli("ingest", str(src)), env=_env(data, settings), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(1.0, 6.0))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        stats = subprocess.run(_cli("stats"), env=_env(data, settings), capture_output=True, text=True, timeout=300)
        readable += stats.returncode == 0
    final = subprocess.run(_cli("ingest", str(src)), env=_env(data, settings), capture_output=True, text=True,
                           timeout=1800)
    stats = subprocess.run(_cli("stats"), env=_env(data, settings), capture_output=True, text=True, timeout=300)
    count = int(stats.stdout.split("models:")[1].split()[0]) if "models:" in stats.stdout else -1
    return {"rounds": rounds, "readable_after_kill": readable, "rerun_exit": final.returncode,
            "records": len(records), "stored": count}


def run(settings: Settings, users: int = 20, turns: int = 10, shared: int = 5, kills: int = 10,
        seed: int = 7, think: float = 0.0, path: str = "api") -> int:
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="parastelu-load-"))
    try:
        data = tmp / "data"
        subprocess.run(_cli("ingest", str(ROOT / "knowledge" / "models")), env=_env(data, settings), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
        print(f"bank seeded in {data} (run {RUN})")
        c = concurrency(data, settings, users, turns, shared, think, path)
        pace = f"a pause of {think:g} s ± 50 % before each turn" if think else "turns back to back"
        print(f"concurrency: {users} users × {turns} turns ({pace}), {shared} sessions also from a second tab: "
              f"{c['acknowledged']} acknowledged, {c['lost']} lost, {c['crosstalk']} cross-talk, "
              f"{len(c['errors'])} refused/failed sends; turn p50 {c['p50_ms']:.0f} ms, p95 {c['p95_ms']:.0f} ms "
              f"({WAY[path]}; wall {c['wall_s']:.0f} s)")
        if c["cpu_s"] and c["acknowledged"]:
            print(f"  server CPU {c['cpu_s']:.1f} s for the {c['acknowledged']} turns, "
                  f"{1000 * c['cpu_s'] / c['acknowledged']:.0f} ms per turn")
        one = [ms for two, _n, ms in c["detail"] if not two]
        both = [ms for two, _n, ms in c["detail"] if two]
        if one and both:  # a send from the second tab waits for the first tab's turn of the same session
            print(f"  p50/p95 of sessions in one tab {np.percentile(one, 50):.0f}/{np.percentile(one, 95):.0f} ms "
                  f"({len(one)} turns); in two tabs {np.percentile(both, 50):.0f}/{np.percentile(both, 95):.0f} ms "
                  f"({len(both)} turns)")
        for line in c["errors"][:5]:
            print(f"  {line}")
        k = server_kills(data, settings, kills, rng)
        print(f"server kill -9 × {k['rounds']}: {k['acknowledged']} acknowledged turns, {k['lost']} lost; "
              f"{k['continued']} turns continued on a restarted server")
        i = ingest_kills(settings, kills, rng, tmp)
        print(f"ingest kill -9 × {i['rounds']}: store readable after {i['readable_after_kill']}/{i['rounds']} kills; "
              f"re-run exit {i['rerun_exit']}, {i['stored']}/{i['records']} records stored")
        ok = c["lost"] == 0 and c["crosstalk"] == 0 and k["lost"] == 0 and i["stored"] == i["records"]
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
