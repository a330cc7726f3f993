"""Hybrid search over the real seed bank with the bundled embedder: languages, filters, explanations."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.retrieval import Filters


@pytest.mark.parametrize("query,expected", [
    ("pitkäaikaisasunnottomille oma vuokra-asunto ja tuki sen ympärille", "asunto-ensin"),
    ("koulukiusaamisen vähentäminen peruskoulussa", "kiva-koulu"),
    ("långvarigt hemlösa får en egen lägenhet", "asunto-ensin"),      # sv → fi record
    ("anti-bullying programme for comprehensive schools", "kiva-koulu"),  # en → fi record
    ("yksinäisten ikäihmisten ryhmät", "ystavapiiri"),
    ("barn som har bevittnat våld i familjen", "trappan"),             # sv → sv record
])
def test_finds_the_right_model_in_three_languages(seeded_services, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    hits = seeded_services.retriever.search(query, k=3)
    assert expected in [h.model.id for h in hits]


def test_every_hit_has_score_and_reason(seeded_services) -> None:  # type: ignore[no-untyped-def]
    hits = seeded_services.retriever.search("nuorten syrjäytymisen ehkäisy ja ohjaus työhön", k=5)
    assert len(hits) == 5
    assert all(0 < h.score <= 1 and h.why for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("Osuvat sanat" in h.why or "Sama kohderyhmä" in h.why for h in hits)


def test_why_names_shared_target_groups_and_core_from_a_draft(seeded_services) -> None:  # type: ignore[no-untyped-def]
    from assistant.interview_types import Draft

    draft = Draft(problem="Yksinäiset ikäihmiset jäävät kotiin.", target_groups=["yksinäisyyttä kokevat ikäihmiset"],
                  core=["suljettu ryhmä"])
    hit = next(h for h in seeded_services.retriever.similar(draft, k=5) if h.model.id == "ystavapiiri")
    assert "Sama kohderyhmä" in hit.why and "Yhteistä ytimessä" in hit.why


def test_reasons_follow_the_query_language(seeded_services) -> None:  # type: ignore[no-untyped-def]
    en = seeded_services.retriever.search("help for homeless people to get their own flat", k=1)[0]
    assert "similarity" in en.why.lower() or "Matched terms" in en.why


@pytest.mark.parametrize("filters,check", [
    (Filters(stage=["ended"]), lambda m: m.stage.value == "ended"),
    (Filters(stage=["idea", "developing"]), lambda m: m.stage.value in ("idea", "developing")),
    (Filters(language=["sv"]), lambda m: m.language == "sv"),
    (Filters(theme=["mielenterveys"]), lambda m: "mielenterveys" in m.themes),
    (Filters(region=["Ruotsi"]), lambda m: "Ruotsi" in m.regions),
    (Filters(target_group=["nuor"]), lambda m: any("nuor" in g.lower() for g in m.target_groups)),
])
def test_filters_return_only_matching_models(seeded_services, filters: Filters, check) -> None:  # type: ignore[no-untyped-def]
    hits = seeded_services.retriever.search("tuki ja ohjaus", k=10, filters=filters)
    assert hits, "filter matched nothing in the seed bank"
    assert all(check(h.model) for h in hits)


def test_empty_query_returns_nothing(seeded_services) -> None:  # type: ignore[no-untyped-def]
    assert seeded_services.retriever.search("   ") == []


def test_cli_search_json(seeded_dir, _isolated) -> None:  # type: ignore[no-untyped-def]
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "--data-dir", str(seeded_dir), "search",
                           "--json", "-k", "3", "--stage", "established", "asunnottomuus"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert len(hits) == 3 and hits[0]["id"] == "asunto-ensin"
    assert all({"id", "name", "score", "why"} <= set(h) and h["stage"] == "established" for h in hits)


@pytest.mark.parametrize("filters", [
    Filters(stage=["ready", "established"]), Filters(language=["sv", "en"]), Filters(region=["valtakunnallinen"]),
    Filters(theme=["nuoret", "mielenterveys"]), Filters(target_group=["perhe", "vanhem"]),
    Filters(stage=["established"], theme=["lapset ja perheet"], region=["Ruotsi", "valtakunnallinen"]),
])
def test_search_mask_and_bank_filter_agree(seeded_services, filters: Filters) -> None:  # type: ignore[no-untyped-def]
    """Search filters in a vectorised mask, the bank tab per model: both must mean the same."""
    cat = seeded_services.retriever.catalog()
    mask = cat.mask(filters.stage, filters.language, filters.region, filters.theme, filters.target_group, None)
    assert [m.id for m, keep in zip(cat.models, mask, strict=True) if keep] == \
        [m.id for m in cat.models if filters.match(m)]
    assert mask.any()
