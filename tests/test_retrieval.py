"""Hybrid search over the real seed bank with the bundled embedder: languages, filters, explanations."""

from __future__ import annotations

import json

import pytest

from assistant.retrieval import Filters
from tests.conftest import run_cli


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
    assert any("Osuvat sanat" in h.why for h in hits)


def test_why_names_shared_target_groups_and_core_from_a_draft(seeded_services) -> None:  # type: ignore[no-untyped-def]
    from assistant.interview_types import Draft
    from assistant.matcher import draft_parts, score

    draft = Draft(problem="Yksinäiset ikäihmiset jäävät kotiin.", target_groups=["yksinäisyyttä kokevat ikäihmiset"],
                  core=["suljettu ryhmä, joka tapaa viikoittain"])
    hit = next(s for s in score(seeded_services, draft_parts(draft, "fi")) if s.model.id == "ystavapiiri")
    assert "Sama kohderyhmä" in hit.why
    assert "Yhteistä ytimessä" in hit.why


def test_a_different_target_group_is_named_as_theirs_not_shared(seeded_services) -> None:  # type: ignore[no-untyped-def]
    """Older men must never read "Sama kohderyhmä: 12–29-vuotiaat nuoret" (the "noin 12 miestä" bug)."""
    from assistant.interview_types import Draft
    from assistant.matcher import draft_parts, score

    draft = Draft(problem="Yksinäiset iäkkäät miehet eivät lähde kotoa; noin 12 miestä kävelee nyt viikoittain.",
                  target_groups=["yksin asuvat iäkkäät miehet"])
    for hit in score(seeded_services, draft_parts(draft, "fi"), k=10):
        if any("nuor" in g.lower() for g in hit.model.target_groups):
            assert "Sama kohderyhmä" not in hit.why, (hit.model.id, hit.why)
            assert "Heidän kohderyhmänsä" in hit.why or "Eri ikäryhmä" in hit.why


def test_matched_terms_are_content_words_in_the_users_language(seeded_services) -> None:  # type: ignore[no-untyped-def]
    from assistant.matcher import search

    result = search(seeded_services, "loneliness of older people who live alone at home", lang="en")
    for hit in result.hits:
        for reason in hit.reasons:
            if reason.startswith("Matched terms:"):
                terms = reason.split(":", 1)[1].split(",")
                assert all(len(t.strip()) >= 4 and t.strip() not in ("olds", "many", "help") for t in terms), reason
    assert all(not r.startswith(("Osuvat", "Sama")) for h in result.hits for r in h.reasons)


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
    proc = run_cli("--data-dir", str(seeded_dir), "search", "--json", "-k", "3", "--stage", "established",
                   "asunnottomuus")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert set(result) == {"query", "close_match", "hits"} and result["query"] == "asunnottomuus"
    hits = result["hits"]
    assert len(hits) == 3 and hits[0]["id"] == "asunto-ensin"
    assert all({"id", "name", "probability", "band", "why"} <= set(h) and h["stage"] == "established" for h in hits)
    assert [h["probability"] for h in hits] == sorted((h["probability"] for h in hits), reverse=True)


def test_search_says_no_close_match_for_a_need_the_bank_lacks(seeded_dir, _isolated) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("--data-dir", str(seeded_dir), "search", "--json", "peer support for people leaving prison")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["close_match"] is False
    assert result["hits"] and all(h["probability"] < 0.5 for h in result["hits"])


def test_the_percentages_shown_are_whole_and_in_order(seeded_services) -> None:  # type: ignore[no-untyped-def]
    from assistant.matcher import search

    # a chat for working-age adults: nothing is close, and several models show the same percentage
    result = search(seeded_services, "nimetön chat työikäisille 30–64-vuotiaille iltaisin, kun ahdistaa", k=5)
    hits = result.hits
    assert not result.close_match and len(hits) == 5
    assert all(h.probability == round(h.probability, 2) for h in hits)  # what is shown is what is sorted
    assert [h.probability for h in hits] == sorted((h.probability for h in hits), reverse=True)


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
