"""ingest → export → ingest gives identical records (JSONL and Markdown), through the real CLI (called in
this process: exit codes and output are the CLI's own)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import SEED, run_cli


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--data-dir", str(data), *args)


def test_jsonl_and_markdown_round_trip(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert cli(a, "ingest", str(SEED)).returncode == 0
    out1 = tmp_path / "one.jsonl"
    assert cli(a, "export", "--format", "jsonl", "--out", str(out1)).returncode == 0
    first = [json.loads(x) for x in out1.read_text(encoding="utf-8").splitlines()]
    assert len(first) == len(list(SEED.glob("*.yaml")))
    assert cli(b, "ingest", str(out1)).returncode == 0
    out2 = tmp_path / "two.jsonl"
    cli(b, "export", "--out", str(out2))
    assert out2.read_text(encoding="utf-8") == out1.read_text(encoding="utf-8")
    md = tmp_path / "md"
    assert cli(b, "export", "--format", "md", "--out", str(md)).returncode == 0
    text = (md / "lapset-puheeksi.md").read_text(encoding="utf-8")
    assert "## Ratkaisun perusidea" in text and "## Ydin" in text
    assert cli(c, "ingest", str(md)).returncode == 0
    out3 = tmp_path / "three.jsonl"
    cli(c, "export", "--out", str(out3))
    assert out3.read_text(encoding="utf-8") == out1.read_text(encoding="utf-8")
    again = cli(a, "ingest", str(SEED))
    assert "stored 0, unchanged" in again.stdout


def test_delete_and_exit_codes(tmp_path: Path) -> None:
    data = tmp_path / "d"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok-1", "name": "A"}\n{"id": "x"}\n', encoding="utf-8")
    proc = cli(data, "ingest", str(bad))
    assert proc.returncode == 1 and f"{bad}:2: name: required field is missing" in proc.stderr
    strict = cli(tmp_path / "e", "ingest", "--strict", str(bad))
    assert strict.returncode == 1 and "nothing was written" in strict.stderr
    assert cli(data, "delete", "ok-1").stdout.strip() == "deleted ok-1"
    gone = cli(data, "delete", "ok-1")
    assert gone.returncode == 1 and "no model with id 'ok-1'" in gone.stderr
    assert cli(data, "ingest", str(tmp_path / "missing.csv")).returncode == 2
