"""A number put right in a correction changes that number where the card writes it, and nothing else: the need
was once replaced whole by "Kirjotin et 9 asukasta; mut se o 8; yks perui viime hetkellä"."""

from __future__ import annotations

import pytest

from assistant.number_fix import card_number_fix
from tests.conftest import asking_with_card, at_summary


def test_the_number_on_the_card_is_the_wrong_one() -> None:
    card = {"problem": "Asukkaat haluavat oman kodin.", "measurement": "Tähän mennessä 9 asukasta o kokeillu."}
    assert card_number_fix("oho kirjotin et 9 asukasta, mut se o 8, yks perui", card) == ("measurement", "8", "9")
    assert card_number_fix("lukuhetkiä oli 8, se 9 oli tavoite", card) == ("measurement", "8", "9")


def test_numbers_in_words_and_in_groups_of_thousands() -> None:
    assert card_number_fix("ei kolme vaan neljä käyntiä", {"core": ["Kolme käyntiä viikossa"]}) == \
        ("core", "neljä", "Kolme")
    assert card_number_fix("käyntejä oli 1 410 ei 1 140", {"measurement": "Käyntejä oli 1 140."}) == \
        ("measurement", "1 410", "1 140")


def test_nothing_when_it_is_not_one_plain_swap() -> None:
    assert card_number_fix("tarkoitin 6–17-vuotiaita", {"target_groups": ["7–17-vuotiaat"]}) is None  # a range
    assert card_number_fix("31 av 34, inte 29", {"measurement": "29 av 34 familjer"}) is None  # three numbers
    assert card_number_fix("12 eikä 15", {"core": "15 kertaa", "basic_idea": "15 ryhmäkertaa"}) is None  # twice
    assert card_number_fix("12 eikä 15", {"core": "Viikoittain"}) is None  # neither written
    assert card_number_fix("12 eikä 15", {"core": "12 tai 15 kertaa"}) is None  # both written


def test_a_number_fix_in_the_interview_changes_only_the_number(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "target_groups")
    iv.edit("problem", "Asukkaat ovat sanoneet vuosia, että haluavat oman kodin.")
    iv.edit("measurement", "Tähän mennessä 9 asukasta on kokeillut ja niistä 5 on muuttanut omaan asuntoon.")
    turn = iv.turn("oho kirjotin et 9 asukasta, mut se o 8, yks perui viime hetkellä")
    assert turn.draft.measurement == "Tähän mennessä 8 asukasta on kokeillut ja niistä 5 on muuttanut omaan asuntoon."
    assert turn.draft.problem == "Asukkaat ovat sanoneet vuosia, että haluavat oman kodin."


def test_one_number_with_its_unit_changes_the_card_number_with_that_unit() -> None:
    card = {"core": ["Ryhmää vetää kaksi ohjaajaa", "Kymmenen kertaa"], "adaptable": ["Aika ja paikka"]}
    assert card_number_fix("korjaan: kolme ohjaajaa", card, single=True) == ("core", "kolme", "kaksi")
    assert card_number_fix("korjaan: kolme ohjaajaa", card) is None  # only when asked to read one number
    assert card_number_fix("kolme vapaaehtoista", card, single=True) is None  # no number with that unit


def test_a_story_answer_to_what_may_be_adapted_stays_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "adaptable")
    iv.edit("core", ["Teemaillat kouluilla", "Tulkki mukana"])
    answer = "Teemat voi valita koulun tarpeen mukaan ja kielet vaihtelevat. Joo, yksi ilta voisi olla myös isille."
    turn = iv.turn(answer)
    assert turn.draft.core == ["Teemaillat kouluilla", "Tulkki mukana"]
    assert "Teemat voi valita koulun tarpeen mukaan" in " ".join(turn.draft.adaptable or [])


def test_muutakin_is_not_a_correction_of_the_field_it_starts_with(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "adaptable")
    iv.edit("environment", "Kauppakeskuksen neuvottelutila")
    turn = iv.turn("Tapaamispaikka, ja hyvitys voi olla muutakin kuin talkootyö, esimerkiksi anteeksipyyntökirje.")
    assert turn.draft.environment == "Kauppakeskuksen neuvottelutila"
    assert "hyvitys" in " ".join(turn.draft.adaptable or []).lower()


def test_thousands_written_with_a_space_are_one_number(start_at) -> None:  # type: ignore[no-untyped-def]
    """"käyntejä oli 1 410 ei 1 140" after "ne numerot meni väärin": the card's 1 140 becomes 1 410 (the problem
    field had read "käyntejä oli 410 410 ei 410 140")."""
    iv = start_at("fi", "problem")
    iv.edit("measurement", "Viime vuonna käyntejä oli 1 140 ja eri nuoria noin 310.")
    turn = iv.turn("sori ne numerot meni väärin, käyntejä oli 1 410 ei 1 140")
    assert turn.draft.measurement == "Viime vuonna käyntejä oli 1 410 ja eri nuoria noin 310."
    assert turn.draft.problem is None


def test_a_number_told_in_two_fields_is_put_right_in_both(start_at) -> None:  # type: ignore[no-untyped-def]
    """The story's sentence went to the idea and the answer to the core: both said "five families"."""
    iv = start_at("en", None)
    iv.state.content_turns = 1
    iv.edit("basic_idea", "Each therapist works with five families at a time, at home.")
    iv.edit("core", ["Five families per therapist", "Visits at home, also evenings"])
    turn = iv.turn("sorry, it's four families per therapist, not five")
    assert "four families" in (turn.draft.basic_idea or "")
    assert turn.draft.core == ["Four families per therapist", "Visits at home, also evenings"]  # capital kept


def test_the_same_number_before_different_words_is_left_alone() -> None:
    from assistant.number_fix import every_spot

    card = {"basic_idea": "Five families at a time.", "conditions": "Five years of funding."}
    assert every_spot("four families, not five", card) == []
    card = {"basic_idea": "Five families at a time.", "core": ["five families per worker"]}
    assert every_spot("four families, not five", card) == [("basic_idea", "four", "Five"), ("core", "four", "five")]


def test_an_age_range_said_in_words_from_and_to_puts_the_range_right(start_at) -> None:  # type: ignore[no-untyped-def]
    """"viidestä kahteentoista, ei neljästä" (round 25: Finnish "to twelve", "from four" were no numbers)."""
    iv = asking_with_card(start_at, "fi", "measurement", {"core": ["Vanhempien ryhmä kokoontuu kerran kuussa",
                                                                   "Samaan aikaan 4–12-vuotiaille lapsille on oma ryhmä"]})
    turn = iv.turn("hmm se lasten ryhmä on viidestä kahteentoista, ei neljästä. pienemmät ei jaksa istua")
    assert turn.draft.core == ["Vanhempien ryhmä kokoontuu kerran kuussa",
                               "Samaan aikaan 5–12-vuotiaille lapsille on oma ryhmä"]


def test_an_age_range_put_right_inside_an_answer_changes_it_and_the_rest_is_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    """Round 25: the whole message was stored as the environment and the card kept 13–25."""
    iv = asking_with_card(start_at, "sv", "environment", {"target_groups": ["unga 13–25 år i hela regionen",
                                                                            "unga som bor långt från en mottagning"]})
    turn = iv.turn("vi träffas i en krypterad videotjänst, så man kan sitta hemma. åldern e förresten 16–25, "
                   "int 13–25. de yngre går till skolkuratorn")
    assert turn.draft.target_groups == ["unga 16–25 år i hela regionen", "unga som bor långt från en mottagning"]
    env = turn.draft.environment or ""
    assert "videotjänst" in env
    assert "13–25" not in env


def test_a_number_said_with_its_unit_at_the_summary_puts_the_one_with_that_unit_right(start_at) -> None:  # type: ignore[no-untyped-def]
    """"det där om erfarenheten stämmer inte riktigt, två år räcker" for the card's "tre års erfarenhet" (round
    25: "which item?"; the unit "år" is short and the card writes "års")."""
    cond = "Teamet behöver två bilar. Läkarna ska ha minst fem års erfarenhet av barnsjukvård."
    iv = asking_with_card(start_at, "sv", "goals", {"conditions": cond, "regions": ["Vasa"]})
    at_summary(iv)
    turn = iv.turn("det där om erfarenheten stämmer inte riktigt, tre år räcker. vi fick sänka kravet i fjol")
    assert turn.draft.conditions == "Teamet behöver två bilar. Läkarna ska ha minst tre års erfarenhet av barnsjukvård."


@pytest.mark.parametrize(("lang", "card", "text", "new"), [
    ("en", "The studio costs about £15,000 a year to run.", "all fine except the running costs, its more like 25k a "
     "year these days", "The studio costs about £25,000 a year to run."),
    ("fi", "Toiminta maksaa noin 40 000 euroa vuodessa.", "muuten ok mut nykyään se on enemmänkin 55 000",
     "Toiminta maksaa noin 55 000 euroa vuodessa."),
])
def test_an_amount_as_it_is_now_at_the_summary(start_at, lang: str, card: str, text: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Round 25: "its more like 20k a year these days" was asked about ("which item?"); "£12,000" was read as 12."""
    iv = asking_with_card(start_at, lang, "goals", {"conditions": card, "regions": ["Hull"]})
    at_summary(iv)
    turn = iv.turn(text)
    assert turn.draft.conditions == new
