"""UI timing benchmark (prints figures, asserts nothing): ``python -m ui.bench [--turns 6] [--users 20]
[--no-fresh]``.

1. start-up, to the first question on screen (headless Chromium, offline flags, launched beforehand):
   - fresh clone: ``git clone`` of this checkout into a temp dir, then ``make run`` there (a new virtualenv
     and ``pip install``, the seed bank loaded from its shipped vectors);
   - warm: ``python -m ui.run`` from the installed venv, first with an empty data dir (as after a clone),
     then again with the data dir from that run.
2. one interview turn in the browser: until the reply shows, and until the card, matches and steps are
   refreshed.
3. under load: ``--users`` concurrent users each take ``--turns`` turns, once through the UI's own event
   (``/send``, what the browser calls) and once through the JSON API (``/interview_turn``); per-turn
   latency for both and their ratio.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import assistant  # noqa: F401  (offline environment first)
from assistant.i18n import PACKAGE_ROOT
from ui.browser import free_port, launch

TURNS = [
    "Kotihoidon asiakkaat ovat yksinäisiä ja heidän toimintakykynsä heikkenee. Kohderyhmänä ovat yksin asuvat "
    "ikäihmiset. Tavoitteena on vähentää yksinäisyyttä.",
    "Viikoittainen pienryhmä; koulutettu vapaaehtoinen ohjaaja",
    "Tapaamispaikka; ryhmän koko",
    "Kotihoito, seurakunta ja eläkeläisjärjestöt",
    "Pilotoimme mallia parhaillaan.",
    "Edellyttää koulutettuja vapaaehtoisia ja tilan.",
    "Mittaamme yksinäisyyttä kyselyllä.",
    "Kerhokaverit",
]
FIRST_QUESTION = "[data-testid=live-card][data-messages]:not([data-messages='0'])"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.0f} ms"


def _s(seconds: float) -> str:
    return f"{seconds:7.1f} s"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a process group we started (make → python), by its id."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _until_on_screen(page: Any, url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll the address until it answers, then wait for the first question in the page."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback URL we built)
                break
        except OSError:
            time.sleep(0.05)
    else:
        raise SystemExit(f"the server did not answer within {timeout:.0f} s")
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(FIRST_QUESTION, timeout=max(1000, int(1000 * (deadline - time.monotonic()))))


def time_start(browser: Any, command: list[str], cwd: Path, env: dict[str, str], port: int,
               timeout: float = 600.0) -> float:
    """Seconds from starting ``command`` to the first question on screen."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        _until_on_screen(page, f"http://127.0.0.1:{port}/", proc, timeout)
        return time.perf_counter() - t0
    finally:
        _stop(proc)
        page.close()


def startup(browser: Any, fresh: bool) -> list[str]:
    lines = ["start-up, to the first question on screen"]
    base = {**os.environ, "PARASTELU_HOST": "127.0.0.1"}
    base.pop("PARASTELU_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-start-") as tmp:
        if fresh:
            clone = Path(tmp) / "clone"
            subprocess.run(["git", "clone", "-q", str(PACKAGE_ROOT), str(clone)], check=True)
            port = free_port()
            try:
                took = time_start(browser, ["make", "run"], clone, {**base, "PARASTELU_PORT": str(port)}, port)
                lines.append(f"  {'fresh clone: make run (new venv, pip)':<40}{_s(took)}")
            except (SystemExit, subprocess.SubprocessError) as exc:
                lines.append(f"  fresh clone: make run failed ({exc}); see {clone}/.cache/install.log")
        data = Path(tmp) / "data"
        for label in ("warm venv, empty data dir (first run)", "warm venv, data dir kept (second run)"):
            port = free_port()
            env = {**base, "PARASTELU_DATA_DIR": str(data), "PARASTELU_PORT": str(port)}
            took = time_start(browser, [sys.executable, "-m", "ui.run"], PACKAGE_ROOT, env, port)
            lines.append(f"  {label:<40}{_s(took)}")
    return lines


def interview_turns(browser: Any, url: str, turns: int) -> list[str]:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.set_default_timeout(120_000)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(FIRST_QUESTION)
    first, card = [], []
    for text in (TURNS * 2)[:turns]:
        bots = page.locator("#chat [data-testid=bot]").count()
        msgs = int(page.locator("[data-testid=live-card]").get_attribute("data-messages") or 0)
        start = time.perf_counter()
        page.fill("#chat-input textarea", text)
        page.click("#chat-send")
        page.wait_for_function(f"() => document.querySelectorAll('#chat [data-testid=bot]').length > {bots}")
        first.append(time.perf_counter() - start)
        page.wait_for_selector(f"[data-testid=live-card][data-messages='{msgs + 2}']")
        card.append(time.perf_counter() - start)
    page.close()
    return [f"interview turn in the browser, offline (n={len(first)})   median       max",
            f"  reply shown                    {_ms(statistics.median(first))} {_ms(max(first))}",
            f"  card, matches, steps refreshed {_ms(statistics.median(card))} {_ms(max(card))}"]


def _users(url: str, users: int, turns: int, one: Callable[[Any, int, str], None],
           setup: Callable[[Any], None], tag: str) -> tuple[list[float], float]:
    """``users`` clients in threads, each ``turns`` turns; per-turn latencies and the wall time. Every text
    carries ``tag`` and the user's number, so no turn is served from another user's or path's cached vectors."""
    from gradio_client import Client

    latencies: list[float] = []
    lock = threading.Lock()
    clients = [Client(url, verbose=False, download_files=False) for _ in range(users)]
    for c in clients:
        setup(c)
    barrier = threading.Barrier(users)

    def work(c: Any, u: int) -> None:
        barrier.wait()
        for i in range(turns):
            t0 = time.perf_counter()
            one(c, i, f"{TURNS[i % len(TURNS)]} [{tag}u{u}]")
            with lock:
                latencies.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=work, args=(c, u)) for u, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    for c in clients:
        c.close()
    return latencies, wall


def load(url: str, users: int, turns: int) -> list[str]:
    """The UI event path against the JSON API path, ``users`` at once."""
    sessions: dict[int, tuple[str, str]] = {}

    def ui_setup(c: Any) -> None:
        c.predict("", "", [], api_name="/load")

    def ui_turn(c: Any, i: int, text: str) -> None:
        c.predict(text, "fi", [], api_name="/send")

    def api_setup(c: Any) -> None:
        first = c.predict("fi", api_name="/interview_start")
        sessions[id(c)] = (first["session_id"], first["secret"])

    def api_turn(c: Any, i: int, text: str) -> None:
        sid, secret = sessions[id(c)]
        c.predict(sid, text, secret, api_name="/interview_turn")

    run = uuid.uuid4().hex[:6]
    ui, ui_wall = _users(url, users, turns, ui_turn, ui_setup, f"{run}ui")
    api, api_wall = _users(url, users, turns, api_turn, api_setup, f"{run}api")

    def row(name: str, xs: list[float], wall: float) -> str:
        p95 = sorted(xs)[max(0, int(0.95 * len(xs)) - 1)]
        return f"  {name:<28}{_ms(statistics.median(xs))} {_ms(p95)} {_s(wall)}"

    ratio = statistics.median(ui) / statistics.median(api)
    return [f"under load: {users} users x {turns} turns at once      median      p95    wall",
            row("UI event (/send)", ui, ui_wall), row("JSON API (/interview_turn)", api, api_wall),
            f"  UI / API median latency: {ratio:.2f}x (target <= 1.5x)"]


def run(turns: int, users: int, load_turns: int, fresh: bool) -> int:
    from playwright.sync_api import sync_playwright

    from assistant.settings import Settings
    from ui.screenshots import CACHE, seeded_services

    lines = [f"parastelu UI benchmark  (embedder threads: {Settings().embed_threads}, "
             f"cores: {os.cpu_count()})"]
    with sync_playwright() as p:
        browser = launch(p)
        lines += startup(browser, fresh)
        with tempfile.TemporaryDirectory(prefix="parastelu-bench-") as tmp:
            data = Path(tmp) / "data"
            seeded = seeded_services(data)
            lines[0] += f"  bank: {seeded.store.count()} models"
            del seeded
            port = free_port()
            url = f"http://127.0.0.1:{port}/"
            env = {**os.environ, "PARASTELU_VECTOR_CACHE_DIR": str(os.environ.get("PARASTELU_VECTOR_CACHE_DIR")
                                                                    or CACHE)}
            proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), "serve",
                                     "--host", "127.0.0.1", "--port", str(port)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                page = browser.new_page()
                _until_on_screen(page, url, proc, 120)
                page.close()
                lines += interview_turns(browser, url, turns)
                lines += load(url, users, load_turns)
            finally:
                _stop(proc)
        browser.close()
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="UI timing benchmark (prints figures)")
    parser.add_argument("--turns", type=int, default=6, help="interview turns timed in the browser (default 6)")
    parser.add_argument("--users", type=int, default=20, help="concurrent users in the load test (default 20)")
    parser.add_argument("--load-turns", type=int, default=3, help="turns per user in the load test (default 3)")
    parser.add_argument("--no-fresh", action="store_true", help="skip the fresh-clone start-up (pip install)")
    args = parser.parse_args(argv)
    return run(max(1, args.turns), max(1, args.users), max(1, args.load_turns), not args.no_fresh)


if __name__ == "__main__":
    sys.exit(main())
