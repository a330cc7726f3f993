"""A list item pointed at by its place and said again in other words ("sano se toinen tavote mieluummin niin et
…", "skriv hellre de första målet så här: …", "can you put the third goal as: …"), or named right after "is
wrong" ("the second one on the partners list is wrong, its X not Y"): that item changes, where it stands."""

from __future__ import annotations

import pytest

from assistant.numberwords import inflected_like
from assistant.ordinal_fix import reworded
from tests.conftest import asking_with_card, at_summary

_GOALS = {"fi": ["Nuoret liikkuvat enemmän", "Nuoret eivät jää yksin", "Vanhemmat tuntevat ohjaajat"],
          "sv": ["Att ungdomarna inte blir ensamma", "Ungdomarna rör på sig", "Föräldrarna känner ledarna"],
          "en": ["Young people move more", "Young people are not alone", "Parents know the leaders"]}


def _iv(start_at, lang: str):  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, lang, "problem", {
        "name": "Evening sports", "goals": _GOALS[lang],
        "actors": ["Sports Club North", "Preston Older People's Forum", "County Council"],
        "regions": ["Preston"]})
    at_summary(iv)
    return iv


@pytest.mark.parametrize(("lang", "text", "place", "new"), [
    ("fi", "toi toka tavote kuulostaa synkältä, sano se mieluummin niin et nuoret löytää kavereita", 1,
     "Nuoret löytää kavereita"),
    ("sv", "skriv hellre de första målet så här: att ungdomarna har ett ställe att gå till. 'inte blir ensamma' "
     "låter tungt", 0, "Ungdomarna har ett ställe att gå till"),
    ("en", "can you put the third goal as: parents trust the leaders, rather than know them", 2,
     "Parents trust the leaders"),
])
def test_an_item_said_again_in_other_words(start_at, lang: str, text: str, place: int, new: str) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, lang)
    turn = iv.turn(text)
    want = list(_GOALS[lang])
    want[place] = new
    assert turn.draft.goals == want
    assert turn.draft.actors == ["Sports Club North", "Preston Older People's Forum", "County Council"]


def test_the_right_name_after_is_wrong_replaces_the_item(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "en")
    turn = iv.turn("the second one on the partners list is wrong, its Chorley Older Peoples Forum not Preston")
    assert turn.draft.actors == ["Sports Club North", "Chorley Older Peoples Forum", "County Council"]
    assert turn.draft.regions == ["Preston"]


def test_reworded_reads_only_a_rewording() -> None:
    assert reworded("toinen tavoite pois, sitä ei mitata") == ""
    assert reworded("the goals are fine, put it as you like") == ""
    assert reworded("the second goal should say more people find work, not just jobs") == "More people find work"


@pytest.mark.parametrize(("right", "wrong", "out"), [
    ("kuus", "neljäksi", "kuudeksi"), ("kolme", "kahdessa", "kolmessa"), ("viis", "kolmen", "viiden"),
    ("kaksi", "neljä", "kaksi"), ("six", "four", "six")])
def test_a_number_takes_the_case_of_the_one_it_replaces(right: str, wrong: str, out: str) -> None:
    assert inflected_like(right, wrong) == out


def test_a_finnish_number_in_a_case_form_is_put_right_in_that_case(start_at) -> None:  # type: ignore[no-untyped-def]
    """"kuus tuntia eikä neljä" removed the item "… neljäksi tunniksi …" and appended "Kuus tuntia kerralla"."""
    iv = asking_with_card(start_at, "fi", "problem", {
        "name": "Omaishoitajan vapaa", "core": ["Sijaishoitaja tulee kotiin neljäksi tunniksi kerrallaan.",
                                                "Sama sijaishoitaja käy aina samassa perheessä."]})
    at_summary(iv)
    turn = iv.turn("sijaishoitaja on kotona kuus tuntia kerralla eikä neljä")
    assert turn.draft.core == ["Sijaishoitaja tulee kotiin kuudeksi tunniksi kerrallaan.",
                               "Sama sijaishoitaja käy aina samassa perheessä."]


def test_mid_interview_an_item_said_again_by_its_place_in_a_named_list(start_at) -> None:  # type: ignore[no-untyped-def]
    """"siinä kohderyhmälistassa toka kohta pitäis olla X eikä Y": only Y changes; nothing is stored as the answer."""
    iv = asking_with_card(start_at, "fi", "conditions", {
        "name": "Nuorten rikosuhrit", "target_groups": [
            "nuoret, jotka ovat joutuneet väkivallan uhriksi",
            "alaikäiset rikoksen uhrit, joiden asia on poliisilla",
            "uhrien vanhemmat"]})
    turn = iv.turn("siinä kohderyhmälistassa toka kohta pitäis olla alle 25-vuotiaat rikoksen uhrit eikä alaikäiset. "
                   "moni 18–24-vuotias tarvii tätä yhtä lailla")
    assert turn.draft.target_groups == ["nuoret, jotka ovat joutuneet väkivallan uhriksi",
                                        "Alle 25-vuotiaat rikoksen uhrit, joiden asia on poliisilla",
                                        "uhrien vanhemmat"]
    assert not turn.draft.conditions


@pytest.mark.parametrize(("lang", "text", "new"), [
    ("en", "the second partner isnt preston older peoples forum its chorley carers centre", "Chorley carers centre"),
    ("fi", "se toinen kumppani ei oo preston vaan Kielikamut ry", "Kielikamut ry"),
])
def test_an_item_named_anew_in_the_pointers_own_clause(start_at, lang: str, text: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """"the second partner isnt X its Y" had removed the item: nothing came after a comma to say what instead."""
    iv = _iv(start_at, lang)
    turn = iv.turn(text)
    assert turn.draft.actors == ["Sports Club North", new, "County Council"]
