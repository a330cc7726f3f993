"""`make test-llm`: the LLM upgrade against a real OpenAI-compatible server, per structured method.

For each method (starting the endpoint's method ladder there, from a clean slate): ``parastelu eval
--backend openai --no-cache`` on a small suite, then the interview benchmark's held-out interviews with
the LLM. Every ``Interview.turn`` of the run is timed and every session's ``Usage`` summed. Printed per
method: calls, failed calls (silent / visible), turns redone offline, rejected LLM values, tokens, turn
time p50 / p95 / max and turns over the budget + 1 s, card items not supported by what the person said,
json_schema calls that failed per session, the method the endpoint ended on; then the benchmark figures
next to the offline ones, and the issue's targets with PASS/FAIL.

    python -m assistant.bench.llm --base-url http://127.0.0.1:8765/v1 --model smollm2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant import llm_methods
from assistant.bench.realcases import SCORED_FIELDS, load
from assistant.bench.understanding import items_of, supported
from assistant.interview import Interview
from assistant.interview_types import Usage
from assistant.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "evals" / "interview" / "real"
PERSONAS = ROOT / "evals" / "interview" / "personas"
# five simulated interviewees (fi, sv, en) that the offline interviewer passes on this flow
CASES = ("viljelijan-jaksamisen-tuki", "jyvaskylan-lukukoirat", "halsobaten-aboland", "paijat-hame-home-hospice",
         "ostrobothnia-sign-language-interpreting")
USAGE_FIELDS = tuple(Usage.model_fields)


@dataclass
class Record:
    """Everything measured for one method (or offline)."""

    name: str
    turn_s: list[float] = field(default_factory=list)
    sessions: dict[str, Interview] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    eval_passed: int = 0
    eval_cases: int = 0
    eval_seconds: float = 0.0
    bench_rows: list[str] = field(default_factory=list)
    precision: float | None = None
    endpoint_method: str | None = None
    schema_failed: int = 0  # failed json_schema calls in the run (the endpoint remembers the switch)
    jobs: int = 1

    def usage(self) -> Usage:
        total = Usage()
        for iv in self.sessions.values():
            for f in USAGE_FIELDS:
                setattr(total, f, getattr(total, f) + getattr(iv.state.usage, f))
        return total

    def unsupported(self) -> tuple[int, int, list[str]]:
        """(card items not supported by anything the person said in that session, all items, examples)."""
        bad = n = 0
        examples: list[str] = []
        for iv in self.sessions.values():
            said = [m.text for m in iv.state.history if m.role == "user"]
            for fld in SCORED_FIELDS:
                for item in items_of(iv.state.draft, fld):
                    n += 1
                    if not supported(item, said):
                        bad += 1
                        if len(examples) < 5:
                            examples.append(f"{fld}: {item[:80]}")
        return bad, n, examples



@contextlib.contextmanager
def recording(rec: Record) -> Iterator[None]:
    """Time every ``Interview.turn`` and keep every interview of the run (this process only)."""
    original = Interview.turn

    def timed(self: Interview, user_text: str) -> Any:
        t0 = time.perf_counter()
        try:
            return original(self, user_text)
        finally:
            with rec.lock:
                rec.turn_s.append(time.perf_counter() - t0)
                rec.sessions[self.session_id] = self

    Interview.turn = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        Interview.turn = original  # type: ignore[method-assign]


def _env(**values: str | None) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_settings.cache_clear()


def run_eval(rec: Record, backend: str, base_url: str | None, model: str | None, out: Path, jobs: int,
             cases: list[Path]) -> None:
    """``parastelu eval`` in this process (so its turns are recorded)."""
    from assistant.cli import main

    argv = ["eval", *map(str, cases), "--backend", backend, "--out", str(out), "--jobs", str(jobs)]
    if backend == "openai":
        argv += ["--no-cache", "--model", str(model), "--base-url", str(base_url)]
    print(f"$ parastelu {' '.join(argv)}", flush=True)
    t0 = time.perf_counter()
    main(argv)
    rec.eval_seconds = time.perf_counter() - t0
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    rec.eval_passed, rec.eval_cases = int(data["summary"]["passed"]), len(data["cases"])


def run_heldout(rec: Record, settings: Settings, llm: Any, limit: int | None) -> None:
    """The interview benchmark's held-out interviews (its own simulated person and scoring)."""
    from assistant.bench.interview import HEADER, Tally, _services
    from assistant.bench.simulate_real import run_case
    from assistant.sessions import SessionStore

    cases = spread(load(REAL, split="heldout"), limit)
    print(f"$ parastelu bench interview --only heldout ({len(cases)} of {len(load(REAL, split='heldout'))} "
          f"cases, {rec.name})", flush=True)
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-llm-") as tmp:
        svc = _services(settings, Path(tmp))
        sessions = SessionStore(Path(tmp) / "sessions.db")

        def make(lang: str) -> Interview:
            return Interview.start(lang=lang, services=svc, sessions=sessions, llm=llm if llm is not None else False)

        tally = Tally()
        for case in cases:
            t0 = time.perf_counter()
            try:
                r = run_case(case, make)
            except Exception as exc:  # a crash is a failed case, reported
                print(f"  {case.id}: CRASH {type(exc).__name__}: {exc}")
                continue
            tally.add(r)
            print(f"  {case.id}: {r.turns} turns, {time.perf_counter() - t0:.0f} s", flush=True)
        rec.bench_rows = [HEADER, tally.row(rec.name[:14])]
        rec.precision = tally.sup / tally.items if tally.items else None


def spread(cases: list[Any], limit: int | None) -> list[Any]:
    """The first ``limit`` cases taking the languages in turn (fi, sv, en, fi, …); all without a limit."""
    if not limit:
        return cases
    by_lang: dict[str, list[Any]] = {}
    for c in cases:
        by_lang.setdefault(c.lang, []).append(c)
    out: list[Any] = []
    while len(out) < limit and any(by_lang.values()):
        for lang in ("fi", "sv", "en", *sorted(by_lang)):
            if by_lang.get(lang) and len(out) < limit:
                out.append(by_lang[lang].pop(0))
    return out


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def report(records: list[Record], budget: float, offline: Record) -> int:
    """The per-method table, the benchmark rows and the targets; exit code 1 if a target is missed."""
    print("\n== per method " + "=" * 100)
    head = (f"{'method':<18}{'sess':>5}{'turns':>6}{'calls':>6}{'fail':>5}{'(sil/vis)':>10}{'fallb':>6}"
            f"{'rej':>5}{'kept':>5}{'tokens in/out':>15}{'p50 s':>7}{'p95 s':>7}{'max s':>7}{'>b+1':>5}{'unsup':>9}"
            f"{'eval':>7}  ended on")
    print(head)
    ok = True
    for rec in records:
        u = rec.usage()
        bad, n, _ex = rec.unsupported()
        over = sum(1 for s in rec.turn_s if s > budget + 1.0)
        tokens = f"{u.prompt_tokens}/{u.completion_tokens}" + ("*" if u.estimated_calls else "")
        print(f"{rec.name:<18}{len(rec.sessions):>5}{len(rec.turn_s):>6}{u.calls:>6}{u.failures:>5}"
              f"{f'{u.silent_failures}/{u.visible_failures}':>10}{u.fallbacks:>6}{u.rejected_values:>5}"
              f"{u.grounded_values:>5}{tokens:>15}"
              f"{_pct(rec.turn_s, 50):>7.2f}{_pct(rec.turn_s, 95):>7.2f}{max(rec.turn_s, default=0):>7.2f}"
              f"{over:>5}{f'{bad}/{n}':>9}{f'{rec.eval_passed}/{rec.eval_cases}':>7}  {rec.endpoint_method or '-'}")
    print("fail: failed calls (sil/vis: silent / the person was told); fallb: turns redone offline; rej / kept: "
          "LLM items rejected by the grounding check / passed it; >b+1: turns over the budget + 1 s")
    print("tokens: * = some calls estimated at 4 characters a token (the server sent no usage while streaming); "
          "unsup: card items not supported by what the person said / all items; eval: suite cases passed")
    print("\n== held-out interviews (parastelu bench interview --only heldout) " + "=" * 48)
    print(offline.bench_rows[0] if offline.bench_rows else "")
    for rec in [offline, *records]:
        if rec.bench_rows:
            print(rec.bench_rows[1])
    print("\n== targets " + "=" * 103)
    for rec in records:
        bad, _n, ex = rec.unsupported()
        late = [s for s in rec.turn_s if s > budget + 1.0]
        checks = [(f"no turn over the budget + 1 s ({budget:g} + 1 s)", not late,
                   f"max {max(rec.turn_s, default=0):.2f} s"),
                  ("0 stored values failing the support check", bad == 0, "; ".join(ex) or "0")]
        if rec.precision is not None and offline.precision is not None:
            checks.append(("field precision with the LLM >= offline", rec.precision >= offline.precision - 1e-9,
                           f"{rec.precision:.3f} vs {offline.precision:.3f}"))
        if rec.name.startswith("json_schema"):
            checks.append(("json_schema: at most one failed call per session before switching",
                           rec.schema_failed <= rec.jobs, f"{rec.schema_failed} failed json_schema call(s) in "
                           f"{len(rec.sessions)} sessions ({rec.jobs} at a time)"))
        for name, passed, detail in checks:
            ok &= passed
            print(f"{rec.name:<18}{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m assistant.bench.llm", description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--methods", default="json_schema,function_calling,json_mode")
    ap.add_argument("--cases", default=",".join(CASES),
                    help="persona case names (evals/interview/personas) or case files, comma-separated")
    ap.add_argument("--short-methods", default="",
                    help="methods that run only the first --short-cases cases (a quicker run)")
    ap.add_argument("--short-cases", type=int, default=2)
    ap.add_argument("--heldout", type=int, default=0,
                    help="held-out interviews to run, languages in turn (0: all of them)")
    ap.add_argument("--heldout-methods", default="function_calling",
                    help="methods that also run the held-out interviews (comma-separated, 'all', or 'none')")
    ap.add_argument("--budget", type=float, default=None, help="PARASTELU_LLM_TURN_BUDGET for the run")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", default="out/test-llm")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if args.budget is not None:
        _env(PARASTELU_LLM_TURN_BUDGET=str(args.budget))
    budget = get_settings().llm_turn_budget
    methods = [m for m in args.methods.split(",") if m]
    bench_methods = methods if args.heldout_methods == "all" else (
        [] if args.heldout_methods == "none" else args.heldout_methods.split(","))
    limit = args.heldout or None
    cases = [Path(c) if c.endswith(".yaml") else PERSONAS / f"{c}.yaml" for c in args.cases.split(",") if c]
    short = set(args.short_methods.split(","))

    offline = Record("offline")
    with recording(offline):
        run_eval(offline, "offline", None, None, out / "offline", args.jobs, cases)
        run_heldout(offline, get_settings(), None, limit)
    records: list[Record] = []
    for method in methods:
        rec = Record(method)
        llm_methods.forget()
        _env(PARASTELU_LLM_STRUCTURED_METHOD=method, PARASTELU_LLM_MODEL=args.model,
             PARASTELU_LLM_BASE_URL=args.base_url)
        print(f"\n== {method} " + "=" * 100, flush=True)
        with recording(rec):
            mine = cases[:args.short_cases] if method in short else cases
            run_eval(rec, "openai", args.base_url, args.model, out / method, args.jobs, mine)
            if method in bench_methods:
                from assistant.flow import load_prompts
                from assistant.llm import build_llm

                settings = get_settings()
                run_heldout(rec, settings, build_llm(settings, load_prompts()), limit)
        key = llm_methods.endpoint_key(args.base_url, args.model)
        rec.endpoint_method = llm_methods.describe(key)
        rec.schema_failed = llm_methods.state(key).failed_calls.get("json_schema", 0)
        rec.jobs = args.jobs
        records.append(rec)
    return report(records, budget, offline)


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
