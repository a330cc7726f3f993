"""Several app instances on one bank and one session database, all on loopback: a `chroma run` server,
a temporary PostgreSQL cluster and N `parastelu serve` processes. Used by the end-to-end test and by
`parastelu bench cluster`, which prints turn and search latencies, the time until a publish on one
instance is found on another, and the same figures for one instance.

Users talk to the instances through the JSON API the UI exposes (``gradio_client``): each user's turns
alternate between the instances, so every turn resumes the session that another process saved.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bench.procs import chroma_server, free_port, offline_env, postgres_server, rss_mb, stop, wait_http
from assistant.settings import Settings

STORIES = [
    "Oulussa yläkouluikäiset nuoret jäävät usein yksin koulupäivän jälkeen, eikä heillä ole turvallista aikuista. "
    "Kohderyhmänä ovat 13–16-vuotiaat nuoret, jotka kokevat yksinäisyyttä. Tavoitteena on vähentää nuorten "
    "yksinäisyyttä. Nuorisotyöntekijät ohjaavat viikoittain pienryhmiä koulun tiloissa.",
    "Ikääntyneet omaishoitajat uupuvat, koska he eivät pääse lepäämään. Kohderyhmänä ovat yli 75-vuotiaat "
    "omaishoitajat. Tavoitteena on jaksamisen parantaminen. Vapaaehtoiset tekevät kotikäyntejä joka viikko.",
    "Maahan muuttaneet perheet eivät löydä neuvolan palveluja. Kohderyhmänä ovat vauvaperheet, joiden kieli ei "
    "ole suomi. Tavoitteena on, että perheet käyttävät neuvolaa. Kulttuuritulkit kulkevat perheen mukana.",
]
ANSWERS = ["Nuoret ja perheet jäävät ilman tukea.", "13–16-vuotiaat yläkoululaiset",
           "Yksinäisyys vähenee ja kaverisuhteet lisääntyvät",
           "Viikoittainen ryhmätapaaminen koulun jälkeen; koulutettu ohjaajapari", "Tapaamispaikka; ryhmän koko",
           "Kunnan nuorisopalvelut; koulut", "Pilotoimme mallia parhaillaan.",
           "Edellyttää kahta koulutettua ohjaajaa.", "Mittaamme yksinäisyyttä kyselyllä.", "Iltapäiväkaverit"]


def client(url: str) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


@dataclass
class Instance:
    name: str
    url: str
    port: int
    proc: subprocess.Popen[bytes]
    data: Path
    log: Path

    def kill9(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(30)


@dataclass
class Cluster:
    chroma_url: str
    database_url: str
    instances: list[Instance]
    root: Path
    env: dict[str, str]

    def start_instance(self, name: str) -> Instance:
        data = self.root / name
        data.mkdir(parents=True, exist_ok=True)
        port = free_port()
        log = self.root / f"{name}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                                    env={**self.env, "PARASTELU_DATA_DIR": str(data)}, stdout=out,
                                    stderr=subprocess.STDOUT)
        return Instance(name, f"http://127.0.0.1:{port}/", port, proc, data, log)

    def wait(self, instance: Instance, timeout: float = 240) -> None:
        wait_http(instance.url + "gradio_api/info", instance.proc, timeout, instance.log)

    def messages(self, session_id: str) -> list[tuple[str, str]]:
        """The session's message log as stored in PostgreSQL (role, text), in order."""
        import psycopg

        with psycopg.connect(self.database_url) as conn:
            rows = conn.execute("SELECT role, text FROM messages WHERE session_id=%s ORDER BY n",
                                (session_id,)).fetchall()
        return [(str(r), str(t)) for r, t in rows]


@contextmanager
def cluster(n: int = 2, vector_cache: Path | None = None, settings: Settings | None = None) -> Iterator[Cluster]:
    """Chroma server + PostgreSQL + the seed bank + ``n`` running instances; everything stopped afterwards."""
    with ExitStack() as stack:
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="parastelu-cluster-")))
        (root / "chroma").mkdir()
        chroma = stack.enter_context(chroma_server(root / "chroma"))
        pg = stack.enter_context(postgres_server())
        env = offline_env(PARASTELU_CHROMA_URL=chroma, PARASTELU_DATABASE_URL=pg.url,
                          PARASTELU_VECTOR_CACHE_DIR=str(vector_cache or root / "vcache"), PARASTELU_CATALOG_POLL="0.5")
        if settings is not None and settings.embed_threads:
            env["PARASTELU_EMBED_THREADS"] = str(settings.embed_threads)
        subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", "--seed"], check=True,
                       capture_output=True, env={**env, "PARASTELU_DATA_DIR": str(root / "ingest")}, timeout=900)
        c = Cluster(chroma, pg.url, [], root, env)
        try:
            c.instances = [c.start_instance(f"instance-{chr(ord('a') + i)}") for i in range(n)]
            for inst in c.instances:
                c.wait(inst)
            yield c
        finally:
            for inst in c.instances:
                stop(inst.proc)


# -- the workload -------------------------------------------------------------------------------------------
@dataclass
class Results:
    turn_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    visible_s: list[float] = field(default_factory=list)
    acknowledged: dict[str, list[str]] = field(default_factory=dict)  # session id → user texts answered
    failed_turns: int = 0
    failed_searches: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def user(index: int, urls: list[str], turns: int, out: Results, searches: int = 2) -> None:
    """One person: start on one instance, then each turn on the next instance (round robin)."""
    clients = [client(u) for u in urls]
    try:
        first = clients[index % len(clients)].predict("fi", api_name="/interview_start")
        sid, secret = first["session_id"], first["secret"]
        texts = [STORIES[index % len(STORIES)]] + [f"{a} (käyttäjä {index})" for a in ANSWERS]
        for t in range(turns):
            text = texts[t % len(texts)]
            c = clients[(index + t + 1) % len(clients)]
            t0 = time.perf_counter()
            try:
                c.predict(sid, text, secret, api_name="/interview_turn")
            except Exception as exc:
                with out.lock:
                    out.failed_turns += 1
                    out.errors.append(f"turn {index}/{t}: {exc}")
                continue
            with out.lock:
                out.turn_ms.append(1000 * (time.perf_counter() - t0))
                out.acknowledged.setdefault(sid, []).append(text)
            if t < searches:
                t0 = time.perf_counter()
                try:
                    c.predict(text[:80], None, None, None, None, None, 5, "fi", api_name="/find")
                    with out.lock:
                        out.search_ms.append(1000 * (time.perf_counter() - t0))
                except Exception as exc:
                    with out.lock:
                        out.failed_searches += 1
                        out.errors.append(f"search {index}/{t}: {exc}")
    finally:
        for c in clients:
            c.close()


def run_users(urls: list[str], users: int, turns: int) -> Results:
    out = Results()
    threads = [threading.Thread(target=user, args=(i, urls, turns, out)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(1800)
    return out


def publish(url: str, tag: str) -> str:
    """Describe and publish a model on one instance through the UI's own events (a browser session held by
    the client); returns the model id once the instance acknowledged the publish."""
    c = client(url)
    try:
        c.predict("", "", [], api_name="/load")  # (stored session id, browser secret, this browser's drafts)
        c.predict(STORIES[0], api_name="/send")
        for fld, value in (("name", f"Kirjastokoirat {tag}"), ("problem", "Lukutaito heikkenee alakoulussa."),
                           ("target_groups", "alakoululaiset"), ("core", "koira ja ohjaaja; lukuhetki viikoittain")):
            c.predict(fld, value, "fi", api_name="/edit")
        result = c.predict("fi", api_name="/publish")
        text = json.dumps(result, ensure_ascii=False)
        found = re.search(r"\((kirjastokoirat-[a-z0-9-]+)\)", text)
        if not found:
            raise RuntimeError(f"publish was refused: {text[:500]}")
        return found.group(1)
    finally:
        c.close()


def time_to_visible(url: str, model_id: str, name: str, timeout: float = 30) -> float:
    """Seconds until a search on ``url`` returns ``model_id`` for its name."""
    c = client(url)
    t0 = time.perf_counter()
    try:
        while time.perf_counter() - t0 < timeout:
            found = c.predict(name, None, None, None, None, None, 3, "fi", api_name="/find")
            if any(h.get("id") == model_id for h in found["hits"]):
                return time.perf_counter() - t0
            time.sleep(0.05)
    finally:
        c.close()
    return float("inf")


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p)) if values else float("nan")


def _report(label: str, res: Results, lost: int) -> None:
    print(f"\n{label}")
    print(f"  turns: {len(res.turn_ms)} acknowledged, {res.failed_turns} failed, {lost} lost; "
          f"p50 {_pct(res.turn_ms, 50):.0f} ms, p95 {_pct(res.turn_ms, 95):.0f} ms, "
          f"max {max(res.turn_ms or [0]):.0f} ms")
    print(f"  searches (/find): {len(res.search_ms)} ok, {res.failed_searches} failed; "
          f"p50 {_pct(res.search_ms, 50):.0f} ms, p95 {_pct(res.search_ms, 95):.0f} ms")
    if res.visible_s:
        print(f"  publish → found: p50 {_pct(res.visible_s, 50):.2f} s, max {max(res.visible_s):.2f} s "
              f"({len(res.visible_s)} publishes)")
    for err in res.errors[:5]:
        print(f"  error: {err[:200]}")


def lost_turns(c: Cluster, res: Results) -> int:
    """Acknowledged user turns missing from the stored message log."""
    lost = 0
    for sid, texts in res.acknowledged.items():
        stored = [t for role, t in c.messages(sid) if role == "user"]
        remaining = list(stored)
        for text in texts:
            if text in remaining:
                remaining.remove(text)
            else:
                lost += 1
    return lost


def run(settings: Settings, users: int = 10, turns: int = 6, publishes: int = 3) -> int:
    print(f"cluster: chroma run + PostgreSQL + 2 × parastelu serve on loopback; {users} users × {turns} turns, "
          "each turn on the other instance")
    t0 = time.perf_counter()
    with cluster(2, settings=settings) as c:
        a, b = c.instances
        print(f"started in {time.perf_counter() - t0:.0f} s; instance RSS after start: "
              f"{rss_mb(a.proc.pid):.0f} MB, {rss_mb(b.proc.pid):.0f} MB")
        # warm-up: the same workload once, unmeasured (bank-side passages get embedded and cached, classifier
        # and match model loaded), so neither measured phase pays for the other's first use
        run_users([a.url, b.url], users, turns)
        two = run_users([a.url, b.url], users, turns)
        for i in range(publishes):
            mid = publish(a.url if i % 2 == 0 else b.url, f"kaksi{i}")
            two.visible_s.append(time_to_visible(b.url if i % 2 == 0 else a.url, mid, f"Kirjastokoirat kaksi{i}"))
        lost_two = lost_turns(c, two)
        _report("two instances (turns alternate between them; publish on one, search on the other):",
                two, lost_two)
        one = run_users([a.url], users, turns)
        for i in range(publishes):
            mid = publish(a.url, f"yksi{i}")
            one.visible_s.append(time_to_visible(a.url, mid, f"Kirjastokoirat yksi{i}"))
        _report("one instance (the same workload on instance a only):", one, lost_turns(c, one))
        print(f"\ninstance RSS at the end: {rss_mb(a.proc.pid):.0f} MB, {rss_mb(b.proc.pid):.0f} MB")
    return 1 if two.failed_turns or two.failed_searches or lost_two else 0
