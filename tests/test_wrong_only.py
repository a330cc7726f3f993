"""A statement on the card said to be wrong at the summary, with nothing said instead, is taken out (only the
clause that says it, when the item says more); a partner named by its abbreviation leaves without the reason
taking its place. Sentences written for the tests (twenty-third round)."""

from __future__ import annotations

import pytest

from tests.conftest import at_summary

CORE = ["Hoitaja käy kotona kerran viikossa", "Käynnillä mitataan verenpaine ja annetaan rokotukset",
        "Lääkäri soittaa tarvittaessa"]
IDEA = ("Barnen spelar fotboll två gånger i veckan. Tränaren är socionom. De äldre barnen åker på turnering i "
        "Sverige varje sommar.")
GOALS = ["Parents feel less alone", "Children sleep better within a month", "Parents know where to get help"]


@pytest.mark.parametrize("lang,fld,value,text,after", [
    ("fi", "core", CORE, "ei me rokoteta ketään, se kohta on väärin",
     [CORE[0], "Käynnillä mitataan verenpaine", CORE[2]]),
    ("sv", "basic_idea", IDEA, "det där att de åker på turnering i Sverige stämmer inte",
     "Barnen spelar fotboll två gånger i veckan. Tränaren är socionom."),
    ("en", "goals", GOALS, "we can't promise the children sleep better, that goal is not right",
     [GOALS[0], GOALS[2]]),
])
def test_a_statement_said_wrong_goes(start_at, lang: str, fld: str, value: object,  # type: ignore[no-untyped-def]
                                     text: str, after: object) -> None:
    """Before: "which item is wrong?" (or the field reopened), and the statement stayed."""
    iv = start_at(lang, "goals")
    iv.edit(fld, value)
    iv.edit("actors", ["Kunnan kotihoito"])
    at_summary(iv)
    turn = iv.turn(text)
    assert getattr(turn.draft, fld) == after
    assert turn.draft.actors == ["Kunnan kotihoito"]


def test_a_wrong_name_with_the_right_one_is_swapped_not_removed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.edit("regions", ["Rautavaara", "Tervo", "Vesanto"])
    at_summary(iv)
    turn = iv.turn("Tervo on väärin, sen pitää olla Kaavi. sekotin sen toiseen kuntaan")
    assert "Kaavi" in turn.draft.regions
    assert "Tervo" not in turn.draft.regions


def test_a_partner_by_its_abbreviation_leaves_and_the_reason_stays_out(start_at) -> None:  # type: ignore[no-untyped-def]
    """Before: "Brå" was not found, and then "de stöttade oss bara första året" took the partner's place."""
    iv = start_at("sv", "measurement")
    iv.edit("actors", ["Karlstads kommun", "Brottsförebyggande rådet", "Föreningen Unga Röster"])
    turn = iv.turn("Brå är inte med längre, de stöttade oss bara första året.")
    assert turn.draft.actors == ["Karlstads kommun", "Föreningen Unga Röster"]


def test_a_goal_nobody_can_promise_goes_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.edit("goals", ["Yksinäisyys vähenee", "Terveyskeskuskäynnit vähenevät puoleen"])
    at_summary(iv)
    turn = iv.turn("terveyskeskuskäyntien puolittuminen on liian kova lupaus, en haluu et se lukee siellä")
    assert turn.draft.goals == ["Yksinäisyys vähenee"]
