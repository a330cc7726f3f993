"""The seed bank and the retrieval dev set are complete and consistent."""

from __future__ import annotations

from collections import Counter

import yaml

from assistant.bench.retrieval import load_queries
from assistant.ingest import IngestReport, validate_file
from assistant.schema import Stage
from tests.conftest import ROOT, SEED


def _models():  # type: ignore[no-untyped-def]
    report = IngestReport()
    errors: list[str] = []
    models = [m for f in sorted(SEED.glob("*.yaml")) for m in validate_file(f, report, errors.append, False)]
    assert not errors, errors
    return models


def test_seed_bank_is_large_valid_and_sourced() -> None:
    models = _models()
    assert len(models) >= 60
    assert len({m.id for m in models}) == len(models)
    assert all(m.source_url and m.source_url.startswith("https://") for m in models)
    assert {m.stage for m in models} == set(Stage)
    langs = Counter(m.language for m in models)
    assert langs["fi"] > langs["sv"] + langs["en"] and langs["sv"] >= 3 and langs["en"] >= 3
    for m in models:
        assert m.summary and m.basic_idea and m.core and m.target_groups, m.id
    for f in SEED.glob("*.yaml"):
        assert yaml.safe_load(f.read_text(encoding="utf-8"))["id"] == f.stem


def test_no_personal_contact_data_in_seed() -> None:
    import re

    for m in _models():
        text = " ".join(filter(None, [m.contact, m.organisation]))
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), m.id
        assert not re.search(r"\+?\d[\d\s-]{7,}\d", text), m.id


def test_dev_queries_cover_the_bank_in_three_languages() -> None:
    ids = {m.id for m in _models()}
    queries = load_queries(ROOT / "evals" / "retrieval")
    assert len(queries) >= 80
    assert {q.lang for q in queries} == {"fi", "sv", "en"}
    assert sum(q.kind == "crosslingual" for q in queries) >= 20
    assert all(set(q.expected) <= ids for q in queries)
