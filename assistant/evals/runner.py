"""Run eval cases against the real engine (offline or an OpenAI-compatible backend) and collect results."""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.embeddings import CachedEmbedder, build_embedder
from assistant.evals.cases import Case
from assistant.evals.checks import Assertion, evaluate
from assistant.evals.judge import judge
from assistant.evals.simulate import Transcript, run_persona, run_scripted
from assistant.flow import load_prompts
from assistant.i18n import PACKAGE_ROOT
from assistant.ingest import ingest
from assistant.interview import Interview
from assistant.llm import LLMExtractor, build_llm
from assistant.services import Services, build_services
from assistant.sessions import SessionStore
from assistant.settings import Settings

SEED = PACKAGE_ROOT / "knowledge" / "models"


@dataclass
class CaseResult:
    case: Case
    runs: list[list[Assertion]] = field(default_factory=list)
    transcripts: list[Transcript] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pass_rate(self) -> float:
        ok = sum(1 for r in self.runs if all(a.passed is not False for a in r))
        return ok / len(self.runs) if self.runs else 0.0

    @property
    def passed(self) -> bool:
        return self.pass_rate >= self.case.min_pass_rate

    def to_json(self) -> dict[str, Any]:
        return {"id": self.case.id, "source": self.case.source, "lang": self.case.lang, "kind": self.case.kind,
                "tags": self.case.tags, "passed": self.passed, "pass_rate": self.pass_rate,
                "min_pass_rate": self.case.min_pass_rate, "seconds": round(self.seconds, 2),
                "runs": [{"assertions": [a.to_json() for a in run],
                          "transcript": tr.to_json(), "error": tr.error,
                          "draft": tr.final.draft.to_record() if tr.final else None,
                          "matches": [m.model_dump(mode="json") for m in tr.final.matches] if tr.final else [],
                          "next_steps": [s.model_dump(mode="json") for s in tr.final.next_steps] if tr.final else [],
                          "usage": tr.interview.state.usage.model_dump() if tr.interview else None}
                         for run, tr in zip(self.runs, self.transcripts, strict=True)]}


def _hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def stamp(settings: Settings, prompts_dir: Path, backend: str, model: str | None, embedder: str) -> dict[str, Any]:
    """What the results depend on, so two reports can be compared honestly."""
    files = sorted(p for p in prompts_dir.rglob("*") if p.is_file())
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=PACKAGE_ROOT,
                                timeout=10).stdout.strip() or None
    except OSError:
        commit = None
    return {"prompts_dir": str(prompts_dir), "prompt_hashes": {str(p.relative_to(prompts_dir)): _hash_files([p])
                                                               for p in files},
            "flow_hash": _hash_files([prompts_dir / "flow.yaml"]), "prompts_hash": _hash_files(files),
            "backend": backend, "model": model, "embedding_model": embedder,
            "bank_hash": _hash_files(sorted(SEED.glob("*.yaml"))), "git_commit": commit,
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


class Environment:
    """Shared read-only services per knowledge source; every run gets its own session store."""

    def __init__(self, settings: Settings, workdir: Path, prompts_dir: Path, llm: LLMExtractor | None) -> None:
        self.settings = settings
        self.workdir = workdir
        self.prompts_dir = prompts_dir
        self.llm = llm
        self.embedder: CachedEmbedder = build_embedder(settings)
        self._services: dict[str, Services] = {}
        self._lock = threading.Lock()

    def services(self, knowledge: Path | None) -> Services:
        key = str(knowledge or "seed")
        with self._lock:
            if key not in self._services:
                d = self.workdir / f"bank-{len(self._services)}"
                s = self.settings.model_copy(update={"data_dir": d, "chroma_url": None,
                                                     "vector_cache_dir": self.settings.cache_dir.resolve()})
                svc = build_services(s, embedder=self.embedder)
                report = ingest([knowledge or SEED], svc.store, progress=False)
                if report.errors:
                    raise ValueError(f"knowledge {key}: {report.errors[:3]}")
                self._services[key] = svc
            return self._services[key]

    def run(self, case: Case, index: int) -> Transcript:
        knowledge = (Path(case.source).parent / case.knowledge) if case.knowledge and case.source else None
        svc = self.services(knowledge)
        sessions = SessionStore(self.workdir / "sessions" / f"{case.id}-{index}.db")
        try:
            iv = Interview.start(lang=case.lang if case.kind == "scripted" else None, services=svc,
                                 sessions=sessions, prompts_dir=self.prompts_dir, llm=self.llm or False)
            return run_persona(case, iv) if case.kind == "persona" else run_scripted(case, iv)
        except Exception as exc:  # a crash is a failed case, never a crashed run
            return Transcript(error=f"{type(exc).__name__}: {exc}")
        finally:
            sessions.close()


def run_cases(cases: list[Case], settings: Settings, prompts_dir: Path, backend: str = "offline",
              jobs: int = 1, repeat: int | None = None, progress: bool = True,
              judge_llm: LLMExtractor | None = None) -> tuple[list[CaseResult], float]:
    """Run every case (× repeat) and evaluate it; returns results and wall-clock seconds."""
    t0 = time.perf_counter()
    llm = build_llm(settings, load_prompts(str(prompts_dir))) if backend == "openai" else None
    with tempfile.TemporaryDirectory(prefix="parastelu-eval-") as tmp:
        env = Environment(settings, Path(tmp), prompts_dir, llm)
        env.services(None)  # index the seed bank once, before the clock of any case starts
        results = [CaseResult(c) for c in cases]
        work = [(r, i) for r in results for i in range(repeat or r.case.repeat)]
        bar = tqdm(total=len(work), desc="eval", unit="run", disable=not progress)

        def one(item: tuple[CaseResult, int]) -> None:
            res, i = item
            start = time.perf_counter()
            tr = env.run(res.case, i)
            assertions = evaluate(res.case, tr)
            if judge_llm is not None and res.case.expect.rubric and not tr.error:
                verdict = judge(judge_llm.chat, judge_llm.prompts, res.case.expect.rubric, tr,
                                settings.llm_structured_method)
                assertions = [a for a in assertions if a.name != "rubric"] + [verdict]
            with env._lock:
                res.transcripts.append(tr)
                res.runs.append(assertions)
                res.seconds += time.perf_counter() - start
                bar.update(1)

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            list(pool.map(one, work))
        bar.close()
    return results, time.perf_counter() - t0
