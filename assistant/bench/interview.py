"""`parastelu bench interview`: simulated interviewees (persona cases) through the offline engine →
field accuracy, similar-model recall@3, and turn latency (short answers vs. opening stories)."""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from assistant.evals.accuracy import SCORED, accuracy
from assistant.evals.cases import load_cases
from assistant.evals.runner import Environment
from assistant.evals.simulate import Transcript
from assistant.extract_offline import sentences
from assistant.i18n import DEFAULT_PROMPTS
from assistant.interview import Interview
from assistant.sessions import SessionStore
from assistant.settings import Settings
from assistant.vcache import VectorCache

STORY_10 = ("Kunnassamme moni nuori keskeyttää ammatillisen koulutuksen ensimmäisenä vuonna. "
            "Heistä osa jää kotiin eikä hae apua mistään. Kohderyhmänä ovat 16–20-vuotiaat nuoret. "
            "Tavoitteena on, että nuori palaa opintoihin tai löytää työpaikan. "
            "Haluamme vähentää keskeyttämisiä ja yksinäisyyttä. Mukana ovat oppilaitos, nuorisopalvelut ja "
            "hyvinvointialueen sosiaalityö. Jokaiselle nuorelle nimetään oma valmentaja. "
            "Valmentaja tapaa nuorta viikoittain koulussa tai kotona. Pilotoimme mallia parhaillaan kahdessa "
            "oppilaitoksessa. Mittaamme muutosta seuraamalla opintojen jatkumista puolen vuoden ajan.")


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def run(settings: Settings, personas: Path) -> int:
    cases = [c for c in load_cases([personas]) if c.kind == "persona"]
    if not cases:
        print(f"no persona cases in {personas}")
        return 2
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-iv-") as tmp:
        env = Environment(settings, Path(tmp), settings.prompts_dir or DEFAULT_PROMPTS, llm=None)
        svc = env.services(None)
        # the bank is indexed (from the shared cache); from here on, every query/sentence is embedded cold
        env.embedder.cache = VectorCache(Path(tmp) / "cold-cache")
        acc: dict[str, list[float]] = {f: [] for f in SCORED}
        found = with_similar = 0
        short_ms: list[float] = []
        story_ms: dict[int, list[float]] = {}
        print(f"{'persona':<40}{'lang':<5}{'turns':>6}  " + "".join(f"{f[:8]:>9}" for f in SCORED) + "  top-3")
        for i, case in enumerate(cases):
            tr: Transcript = env.run(case, i)
            if tr.error or tr.final is None or case.truth is None:
                print(f"{case.id:<40} ERROR {tr.error}")
                continue
            scores = accuracy(tr.final.draft, case.truth)
            for f, v in scores.items():
                acc[f].append(v)
            hit = ""
            if case.similar:
                with_similar += 1
                ids = {m.id for t in tr.turns for m in t.matches[:3]}
                ok = bool(ids & set(case.similar))
                found += ok
                hit = "yes" if ok else "NO"
            n_story = len(sentences(case.story or ""))
            story_ms.setdefault(n_story, []).append(tr.latencies_ms[0])
            short_ms += tr.latencies_ms[1:]
            print(f"{case.id[:39]:<40}{case.lang:<5}{len(tr.user):>6}  "
                  + "".join(f"{scores[f]:>9.2f}" if f in scores else f"{'-':>9}" for f in SCORED) + f"  {hit}")
        print("\nfield accuracy (mean item-F1 vs truth; stage exact): "
              + ", ".join(f"{f} {np.mean(v):.2f}" for f, v in acc.items() if v))
        if with_similar:
            print(f"truly similar model in top-3 matches: {found}/{with_similar} = {found / with_similar:.2f}")
        print(f"short-answer turns: n={len(short_ms)} p50 {_pct(short_ms, 50):.0f} ms, p95 {_pct(short_ms, 95):.0f} ms")
        print("persona opening stories (first turn, uncached; sentences: ms): "
              + ", ".join(f"{k}: {np.mean(v):.0f}" for k, v in sorted(story_ms.items())))
        ten: list[float] = []
        sessions = SessionStore(Path(tmp) / "ten.db")
        nonce = uuid.uuid4().hex[:8]
        for r in range(5):  # never-seen sentences, so the embedder really runs (no cache hits)
            story = " ".join(f"{s[:-1]} ({nonce} {r}-{j})." for j, s in enumerate(sentences(STORY_10)))
            iv = Interview.start(services=svc, sessions=sessions, llm=False)
            t0 = time.perf_counter()
            iv.turn(story)
            ten.append(1000 * (time.perf_counter() - t0))
        print(f"10-sentence opening story, uncached: p50 {_pct(ten, 50):.0f} ms, max {max(ten):.0f} ms "
              f"({settings.embed_threads} embedder thread)")
    return 0
