"""A weekday, a year or an opening time said again differently changes where the card writes it
(``assistant/slot_swap.py``), in the card's language and word form, and only when it is clear which value."""

from __future__ import annotations

import pytest

from assistant.slot_swap import Swap, calls_wrong, swaps

OPEN = "Kohtaamo on auki maanantaisin ja keskiviikkoisin klo 17–20 kauppakeskuksen toisessa kerroksessa."


def test_an_opening_time_without_klo_replaces_the_cards_only_one() -> None:
    assert swaps("aukiolo on 16-19 sori", {"environment": OPEN, "target_groups": ["nuoret 13-17"]}) == [
        Swap("environment", "16–19", "17–20")]


def test_an_age_range_is_no_opening_time() -> None:
    assert swaps("nuoret 12-16", {"environment": OPEN, "target_groups": ["nuoret 13-17"]}) == []


def test_the_weekday_called_wrong_changes_in_the_cards_form() -> None:
    card = {"basic_idea": "Jaetaan ruoka-apukasseja torstaisin klo 12–14.", "core": ["Jako torstaina"]}
    assert swaps("jako on tiistaisin eikä torstaisin", card) == [
        Swap("basic_idea", "tiistaisin", "torstaisin"), Swap("core", "tiistaina", "torstaina")]


def test_a_finnish_weekday_on_an_english_card_is_written_in_english() -> None:
    card = {"environment": "The group meets on Saturday mornings from 10 to 12 in the gym."}
    assert swaps("ei lauantaisin vaan sunnuntaisin, sali on varattu", card) == [
        Swap("environment", "Sunday", "Saturday")]


@pytest.mark.parametrize(("card_word", "said", "written"), [
    ("keskiviikkoisin", "torstaisin", "torstaisin"),
    ("tiistaisin", "keskiviikkona", "keskiviikkoisin"),
    ("keskiviikon", "perjantai", "perjantain"),
])
def test_finnish_weekday_endings(card_word: str, said: str, written: str) -> None:
    found = swaps(f"sori, {said}", {"environment": f"Ryhmä kokoontuu {card_word} illalla."})
    assert found == [Swap("environment", written, card_word)]


def test_a_year_with_its_season_and_the_one_said_by_mistake() -> None:
    card = {"measurement": "Seurantakysely tehtiin syksyllä 2023 kaikille osallistujille."}
    text = "se seurantakysely tehtiin keväällä 2024, en tiiä miks sanoin syksy 2023"
    assert swaps(text, card) == [Swap("measurement", "keväällä 2024", "syksyllä 2023")]
    assert calls_wrong(text, card)


def test_a_short_year_after_a_season() -> None:
    card = {"environment": "Verksamheten startade hösten 2019 i Jakobstad."}
    assert swaps("nä vi började nog våren -20, mitt i coronan", card) == [
        Swap("environment", "våren 2020", "hösten 2019")]


def test_every_place_the_card_writes_the_wrong_year() -> None:
    card = {"summary": "Aloitettiin Loimaalla vuonna 2020 kokeiluna.", "environment": "Kokeilu alkoi 2020."}
    assert swaps("kokeilu alko 2021 eikä 2020.", card) == [
        Swap("summary", "2021", "2020"), Swap("environment", "2021", "2020")]


def test_unclear_which_value_changes_nothing() -> None:
    two_days = {"environment": "Ryhmä kokoontuu maanantaisin ja keskiviikkoisin."}
    assert swaps("sori, torstaisin", two_days) == []  # which of the two?
    assert swaps("maanantaisin ja torstaisin", two_days) == []  # one kept, one new: not read here
    years = {"environment": "Hanke 2018–2021, vakiintui 2022."}
    assert swaps("se kehitettiin hankkeessa 2017-2020", years) == []  # a span of years is not one year
    assert swaps("ei torstaisin", {"environment": "Ryhmä kokoontuu maanantaisin."}) == []  # nothing new said


def test_the_same_value_again_is_no_change() -> None:
    assert swaps("joo, keskiviikkoisin", {"environment": "Ryhmä kokoontuu keskiviikkoisin."}) == []


# ------------------------------------------------------------------ in the interview (offline engine)

IDEA = "Seurakuntatalolla jaetaan ruoka-apukasseja torstaisin klo 12–14, ja jokainen saa vuoronumeron."


def test_midway_a_corrected_weekday_and_the_answer_both_land(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.state.content_turns = 1
    iv.edit("basic_idea", IDEA)
    turn = iv.turn("tarkennus edelliseen: jako on tiistaisin eikä torstaisin. sit tavotteista, et kukaan ei "
                   "jäis ilman ruokaa")
    assert "tiistaisin klo 12–14" in (turn.draft.basic_idea or "")
    assert "torstai" not in (turn.draft.basic_idea or "")
    assert any("ilman ruokaa" in g for g in turn.draft.goals)


def test_midway_a_time_with_a_correction_word_changes_the_card_not_the_asked_field(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "target_groups")
    iv.state.content_turns = 1
    iv.edit("environment", OPEN)
    turn = iv.turn("aukiolo on 16-19 sori")
    assert "klo 16–19" in (turn.draft.environment or "")
    assert not turn.draft.target_groups


def test_midway_a_weekday_in_a_plain_answer_is_that_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "environment")
    iv.state.content_turns = 1
    iv.edit("basic_idea", IDEA)
    turn = iv.turn("Kokoonnutaan tiistaisin kirjaston kokoushuoneessa.")
    assert "tiistaisin" in (turn.draft.environment or "")
    assert turn.draft.basic_idea == IDEA


def test_at_the_summary_a_year_said_again_replaces_the_card_year(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", None)
    iv.edit("environment", "Verksamheten startade hösten 2019 i Jakobstad.")
    iv.state.phase, iv.state.pending_field, iv.state.asking = "confirm", None, None
    iv.state.content_turns = 5
    turn = iv.turn("nä vi började nog våren -20, mitt i coronan")
    assert turn.draft.environment == "Verksamheten startade våren 2020 i Jakobstad."
