"""UI timing benchmark (prints figures, asserts nothing): ``python -m ui.bench [--turns 6]``.

1. process start → first page interactive: ``parastelu serve`` is started as a fresh process on a seeded
   temp data dir; measured until the HTTP server answers, the page's input exists, and the assistant's
   first question is on screen (headless Chromium, offline flags, launched beforehand).
2. one interview turn, offline: from clicking Send until the reply starts rendering (first streamed
   words visible), until the card, matches and next steps are refreshed, and until the whole reply
   has been revealed.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import assistant  # noqa: F401  (offline environment first)
from ui.browser import free_port, launch
from ui.screenshots import CACHE, seeded_services

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


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback URL we built)
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the server did not answer within {timeout:.0f} s")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def run(turns: int) -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="parastelu-bench-") as tmp:
        data = Path(tmp) / "data"
        services = seeded_services(data)
        models = services.store.count()
        del services
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "PARASTELU_VECTOR_CACHE_DIR": str(os.environ.get("PARASTELU_VECTOR_CACHE_DIR")
                                                                or CACHE)}
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.set_default_timeout(120_000)
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), "serve",
                                     "--host", "127.0.0.1", "--port", str(port)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                _wait_http(url, proc)
                t_http = time.perf_counter() - t0
                page.goto(url, wait_until="domcontentloaded")
                page.wait_for_selector("#chat-input textarea")
                t_input = time.perf_counter() - t0
                page.wait_for_selector("#chat [data-testid=bot]")
                t_ready = time.perf_counter() - t0
                first, card, done = [], [], []
                for text in (TURNS * 2)[:turns]:
                    bots = page.locator("#chat [data-testid=bot]").count()
                    msgs = int(page.locator("[data-testid=live-card]").get_attribute("data-messages") or 0)
                    start = time.perf_counter()
                    page.fill("#chat-input textarea", text)
                    page.click("#chat-send")
                    page.wait_for_function(
                        f"() => document.querySelectorAll('#chat [data-testid=bot]').length > {bots}")
                    first.append(time.perf_counter() - start)
                    page.wait_for_selector(f"[data-testid=live-card][data-messages='{msgs + 2}']")
                    card.append(time.perf_counter() - start)
                    page.wait_for_selector(
                        f"[data-testid=live-card][data-messages='{msgs + 2}'][data-streaming='false']")
                    done.append(time.perf_counter() - start)
            finally:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            browser.close()
    print(f"parastelu UI benchmark  (bank: {models} models, embedder threads: {os.environ.get('OMP_NUM_THREADS', '?')},"
          f" cores: {os.cpu_count()})")
    print("process start →")
    print(f"  HTTP server answers            {_ms(t_http)}")
    print(f"  page input present             {_ms(t_input)}")
    print(f"  first question shown (ready)   {_ms(t_ready)}")
    print(f"interview turn, offline (n={len(first)})      median       max")
    print(f"  reply starts rendering         {_ms(statistics.median(first))} {_ms(max(first))}")
    print(f"  card, matches, steps refreshed {_ms(statistics.median(card))} {_ms(max(card))}")
    print(f"  whole reply shown (stream end) {_ms(statistics.median(done))} {_ms(max(done))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="UI timing benchmark (prints figures)")
    parser.add_argument("--turns", type=int, default=6, help="interview turns to time (default 6)")
    return run(max(1, parser.parse_args(argv).turns))


if __name__ == "__main__":
    sys.exit(main())
