""""Not only X, also Y" adds Y and keeps X, in the target group when it writes X (it was read as "Y, not X",
which removed X, or stored as the answer to the question asked)."""

from __future__ import annotations

import pytest

from assistant.flow import load_prompts
from assistant.not_only import not_only
from assistant.understand import Understanding


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize(("text", "x", "y"), [
    ("ai niin, siis ei pelkästään ensikertalaiset, myös toisen kerran kiinni jääneet voidaan ottaa. Se muutettiin "
     "viime syksynä.", "ensikertalaiset", "toisen kerran kiinni jääneet voidaan ottaa"),
    ("sori unohin, myös kannabiksen käyttäjät voi olla, ei pelkästään alkoholi", "alkoholi",
     "kannabiksen käyttäjät voi olla"),
    ("nä förresten inte bara hemvårdens klienter, också de som bara har matservice", "hemvårdens klienter",
     "de som bara har matservice"),
    ("students from Gradia too, the vocational college, not only the uni", "the uni", "students from Gradia"),
])
def test_what_is_added_and_what_stays(nlu, text: str, x: str, y: str) -> None:  # type: ignore[no-untyped-def]
    assert not_only(nlu, text) == (x, y)


def test_no_not_only_no_pair(nlu) -> None:  # type: ignore[no-untyped-def]
    assert not_only(nlu, "kohderyhmä on nuoret, ei aikuiset") is None


def test_a_wider_group_replaces_rather_than_adds(nlu) -> None:  # type: ignore[no-untyped-def]
    # no "also", or "all": the narrower group goes, as the other corrections read it
    assert not_only(nlu, "sori, kohderyhmä on alle kouluikäisten lasten isät, ei vain alle 3-vuotiaiden.") is None
    assert not_only(nlu, "nej vänta, målgruppen är alla patienter med barn under 18, inte bara småbarnsföräldrar.") \
        is None


def test_the_group_is_added_and_the_first_one_stays(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.pending_field = None
    iv.edit("target_groups", ["Hemvårdens klienter över 75"])
    turn = iv.turn("nä förresten inte bara hemvårdens klienter, också de som bara har matservice")
    assert turn.draft.target_groups == ["Hemvårdens klienter över 75", "De som bara har matservice"]
