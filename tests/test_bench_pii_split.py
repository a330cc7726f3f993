"""`parastelu bench pii --only dev` prints the dev split alone: tuning never shows the held-out figures."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.bench.pii import run

CASES = [
    {"id": "pos-1", "lang": "fi", "split": "dev", "text": "Asiakas 131052-308T soitti eilen.", "kinds": ["hetu"],
     "spans": ["131052-308T"]},
    {"id": "neg-1", "lang": "fi", "split": "heldout", "text": "Malli otettiin käyttöön 2023.", "kinds": []},
]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump(CASES, allow_unicode=True), encoding="utf-8")
    return path


def test_only_dev_leaves_the_heldout_split_out(cases: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cases, only="dev") == 0
    out = capsys.readouterr().out
    assert "dev: 1 cases" in out
    assert "heldout:" not in out


def test_without_only_both_splits_and_a_wrong_split_is_refused(cases: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cases) == 0
    out = capsys.readouterr().out
    assert "dev: 1 cases" in out
    assert "heldout: 1 cases" in out
    assert run(cases, only="pos-1") == 2
    assert "--only takes a split" in capsys.readouterr().out
