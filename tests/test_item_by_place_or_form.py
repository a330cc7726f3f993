"""A list item removed by its place in the list ("kolmas tavoite pois", "den andra punkten i kärnan ska
strykas", "please delete the last goal"), a removal command asked as a question ("could you drop X from
the partners? they …"), and an addition whose form says its field ("X ger oss också pengar"). Sentences
written for the tests (twenty-second round)."""

from __future__ import annotations

import pytest

from tests.conftest import at_summary

GOALS = ["Yksinäisyys vähenee", "Osallistujat liikkuvat enemmän", "Kunnan kustannukset laskevat"]


@pytest.mark.parametrize("lang,text,left", [
    ("fi", "muuten ok, mut kolmas tavoite pois, se ei oo meidän tavote", GOALS[:2]),
    ("sv", "Den andra punkten bland målen ska strykas, det mäter vi inte.", [GOALS[0], GOALS[2]]),
    ("en", "looks good, but please delete the last goal", GOALS[:2]),
])
def test_an_item_named_by_its_place_is_removed(start_at, lang: str, text: str,  # type: ignore[no-untyped-def]
                                               left: list[str]) -> None:
    iv = start_at(lang, "goals")
    iv.edit("goals", GOALS)
    iv.edit("actors", ["Kunnan liikuntatoimi", "Seurakunta"])
    at_summary(iv)
    turn = iv.turn(text)
    assert turn.draft.goals == left
    assert turn.draft.actors == ["Kunnan liikuntatoimi", "Seurakunta"]


def test_the_other_one_is_not_a_place(start_at) -> None:  # type: ignore[no-untyped-def]
    """"toinen ohjaaja" is the other instructor: no item goes by its place."""
    iv = start_at("fi", "goals")
    iv.edit("actors", ["Liikuntaneuvoja", "Vapaaehtoinen ohjaaja", "Seurakunta"])
    at_summary(iv)
    turn = iv.turn("poista toinen ohjaaja, hän muutti pois")
    assert "Liikuntaneuvoja" in turn.draft.actors
    assert "Seurakunta" in turn.draft.actors


def test_a_removal_asked_as_a_question_removes_only_what_it_names(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.edit("actors", ["the town library", "Nordic Language School Ltd", "the reception centre"])
    at_summary(iv)
    turn = iv.turn("could you drop the language school from the partners? they stopped in May. all else is fine")
    assert turn.draft.actors == ["the town library", "the reception centre"]


def test_an_addition_whose_form_says_funder_is_added_to_the_funders(start_at) -> None:  # type: ignore[no-untyped-def]
    """"en sak till, X ger oss också pengar": read as an addition with no field, it asked "which item?"."""
    iv = start_at("sv", "goals")
    iv.edit("funders", ["Vasa stad, ungdomsarbetet"])
    iv.edit("actors", ["Föreningen Ungdomsgården rf"])
    at_summary(iv)
    turn = iv.turn("en sak till, Svenska kulturfonden ger oss också pengar, det glömde jag helt")
    assert turn.draft.funders == ["Vasa stad, ungdomsarbetet", "Svenska kulturfonden"]
    assert turn.draft.actors == ["Föreningen Ungdomsgården rf"]


@pytest.mark.parametrize("lang,text,goals,word", [
    ("fi", "toi asiakaskysely ei oo mikään tavote, sillä me vaan mitataan miten on menny",
     ["Osallistujat liikkuvat enemmän", "Asiakaskyselyn tulokset paranevat"], "asiakaskysely"),
    ("en", "the client survey isn't really a goal, it's how we measure how it went",
     ["Participants move more", "Client survey results improve"], "survey"),
])
def test_an_item_said_not_to_be_a_goal_goes_to_the_measurement(start_at, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                               goals: list[str], word: str) -> None:
    iv = start_at(lang, "goals")
    iv.edit("goals", goals)
    at_summary(iv)
    turn = iv.turn(text)
    assert turn.draft.goals == goals[:1]
    assert word in (turn.draft.measurement or "").lower()


@pytest.mark.parametrize("lang,owner,text,new", [
    ("sv", "Borgå stad, familjearbetet", "ägaren e Östra Nylands välfärdsområde nu, int Borgå stad", "Östra Nylands"),
    ("fi", "Lahden kaupunki", "ei tää oo kaupungin toimintaa vaan Päijät-Hämeen hyvinvointialueen perhekeskuksen",
     "Päijät-Hämeen"),
    ("en", "Wellbeing services county of Ostrobothnia",
     "we are not under the wellbeing county anymore, vaasa city youth services took it over", "vaasa city"),
])
def test_an_owner_said_to_be_another_organisation_is_the_organisation(  # type: ignore[no-untyped-def]
        start_at, lang: str, owner: str, text: str, new: str) -> None:
    iv = start_at(lang, "goals")
    iv.edit("organisation", owner)
    iv.edit("actors", [owner, "Kyläyhdistys"])
    at_summary(iv)
    turn = iv.turn(text)
    assert new.lower() in (turn.draft.organisation or "").lower()
    assert turn.draft.actors == [owner, "Kyläyhdistys"]
