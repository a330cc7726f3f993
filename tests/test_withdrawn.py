"""Someone on the card has left, stopped or said no ("a-klinikan kans sopimus loppu", "the grant from the
social insurance institution ended", "kommunen har dragit sig ur"): that item goes, wherever it is written,
also when the message answers another question. A story sentence about someone stopping something stays an
answer, and nothing on the card is touched."""

from __future__ import annotations

from assistant.card_words import _initials, by_initials
from assistant.rightwrong import gone_from


def test_an_ended_agreement_removes_the_partner(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "conditions")
    iv.edit("actors", ["Oulun kaupunki", "Sininauha Oy", "Oulun seurakunnat"])
    turn = iv.turn("joo. sininauhan kanssa sopimus päättyi keväällä, muut pitää paikkansa")
    assert turn.draft.actors == ["Oulun kaupunki", "Oulun seurakunnat"]
    assert not turn.draft.conditions


def test_a_funder_named_in_another_language_is_removed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.edit("funders", ["Kela", "City of Lahti"])
    turn = iv.turn("nothing measured yet. the social insurance institution grant ran out in june")
    assert turn.draft.funders == ["City of Lahti"]


def test_a_withdrawn_region_in_swedish(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "goals")
    iv.edit("actors", ["Pedersöre kommun", "Jakobstads stad", "Folkhälsan"])
    turn = iv.turn("Pedersöre kommun har dragit sig ur sen i våras")
    assert turn.draft.actors == ["Jakobstads stad", "Folkhälsan"]
    assert not turn.draft.goals


def test_a_university_of_applied_sciences_by_its_finnish_abbreviation(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.edit("actors", ["City of Seinäjoki", "Seinäjoki University of Applied Sciences"])
    turn = iv.turn("ok. seamk is not involved anymore")
    assert turn.draft.actors == ["City of Seinäjoki"]


def test_a_story_sentence_about_stopping_something_is_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "problem")
    iv.state.content_turns = 1
    iv.edit("actors", ["Kotihoito", "Vapaaehtoiset"])
    turn = iv.turn("Kotihoito lopetti käynnit kun asiakas muutti palvelutaloon, ja yksinäisyys kasvoi.")
    assert turn.draft.actors == ["Kotihoito", "Vapaaehtoiset"]
    assert "yksinäisyys kasvoi" in (turn.draft.problem or "")


def test_the_reader_names_who_left() -> None:
    assert gone_from("tosin stea hylkäs meiän hakemuksen viime syksynä") == "stea"
    assert gone_from("laukaassa we stopped last spring") == "laukaassa"
    assert gone_from("The project ended in 2021 and was made permanent") is None
    assert gone_from("the nurse stopped the visits") is None


def test_an_abbreviation_joined_with_an_ampersand_or_leading_a_phrase() -> None:
    assert _initials("soc&kom", "Svenska social- och kommunalhögskolan")
    assert not _initials("soc&kom", "Folkhälsans förbund")
    assert by_initials("SFV gav bara", [["Svenska folkskolans vänner", "Svenska kulturfonden"]]) == \
        "Svenska folkskolans vänner"
