"""The correction benchmark's judge: right words in, wrong words out, every other field as it was."""

from __future__ import annotations

from pathlib import Path

from assistant.bench.corrections import run_case
from assistant.interview import Interview
from assistant.sessions import SessionStore


def _iv(seeded_services, tmp_path: Path) -> Interview:  # type: ignore[no-untyped-def]
    return Interview.start(lang="fi", services=seeded_services, sessions=SessionStore(tmp_path / "s.db"), llm=False)


def test_a_removal_passes_and_a_wrong_expectation_fails(seeded_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = {"id": "fi-001", "lang": "fi", "split": "dev", "asked": "actors",
            "card": {"regions": ["Mikkeli", "Juva"], "problem": "Vanhukset ovat yksinäisiä."},
            "text": "Juva pois, sinne ei enää ajeta",
            "expect": {"field": "regions", "has": ["Mikkeli"], "not": ["Juva"], "others_unchanged": True}}
    assert run_case(case, _iv(seeded_services, tmp_path)) == (True, "")
    wrong = dict(case, expect={"field": "regions", "has": ["Juva"], "not": [], "others_unchanged": True})
    ok, why = run_case(wrong, _iv(seeded_services, tmp_path))
    assert not ok and "missing ['Juva']" in why


def test_an_answer_that_looks_like_a_correction_is_stored_as_given(seeded_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = {"id": "fi-002", "lang": "fi", "split": "dev", "asked": "conditions",
            "card": {"problem": "Vanhukset ovat yksinäisiä."},
            "text": "Ei tarvita lähetettä, ja tilat saadaan seurakunnalta",
            "expect": {"field": "conditions", "has": ["seurakunnalta"], "not": [], "answer": True}}
    assert run_case(case, _iv(seeded_services, tmp_path)) == (True, "")


def test_a_case_at_the_summary_is_played_at_the_numbered_summary(seeded_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Twentieth round: `asked: null` used to run in the collect phase, which the product never is in there."""
    seen = {}
    iv = _iv(seeded_services, tmp_path)
    real_turn = iv.turn

    def turn(text: str):  # type: ignore[no-untyped-def]
        if text != "Kuvaan toimintamallia.":
            seen["phase"], seen["numbered"] = iv.state.phase, list(iv.state.summary_fields)
        return real_turn(text)

    iv.turn = turn  # type: ignore[method-assign]
    case = {"id": "fi-003", "lang": "fi", "split": "dev", "asked": None,
            "card": {"regions": ["Mikkeli", "Juva"], "problem": "Vanhukset ovat yksinäisiä."},
            "text": "Juva pois, sinne ei enää ajeta",
            "expect": {"field": "regions", "has": ["Mikkeli"], "not": ["Juva"], "others_unchanged": True}}
    assert run_case(case, iv) == (True, "")
    assert seen == {"phase": "confirm", "numbered": ["problem", "regions"]}


def test_a_second_fix_is_judged_too(seeded_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Batch 18: a message with two fixes carries `expect2`; the case passes only when both hold."""
    case = {"id": "fi-004", "lang": "fi", "split": "dev", "asked": "actors",
            "card": {"regions": ["Mikkeli", "Juva"], "problem": "Vanhukset ovat yksinäisiä."},
            "text": "Juva pois, sinne ei enää ajeta",
            "expect": {"field": "regions", "has": ["Mikkeli"], "not": ["Juva"], "others_unchanged": False},
            "expect2": {"field": "problem", "has": ["yksinäisiä"], "not": []}}
    assert run_case(case, _iv(seeded_services, tmp_path)) == (True, "")
    unmet = dict(case, expect2={"field": "problem", "has": ["nuoret"], "not": []})
    ok, why = run_case(unmet, _iv(seeded_services, tmp_path))
    assert not ok
    assert "problem=" in why and "missing ['nuoret']" in why
