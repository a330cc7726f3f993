"""A value said in a correction is found on the card however either of them writes it."""

from __future__ import annotations

import pytest

from assistant.numberwords import Value, pair, read, swap, word_number


@pytest.mark.parametrize(("said", "value"), [
    ("neljänä", Value("n", 4)), ("kaheksaasataa", Value("n", 800)), ("tonnin", Value("n", 1000)),
    ("sixty thousand a year", Value("n", 60000)), ("tolv per grupp", Value("n", 12)),
    ("kokoaikanen", Value("share", 1.0)), ("50 %", Value("share", 0.5)), ("torstait", Value("day", 3)),
])
def test_values_are_read_as_meant(said: str, value: Value) -> None:
    assert read(said) == value


@pytest.mark.parametrize(("word", "n"), [
    ("kahteentoista", 12), ("viidestätoista", 15), ("viistoista", 15), ("kakskyt", 20), ("neljästä", 4),
    ("kuuteen", 6), ("femton", 15), ("seventeen", 17),
])
def test_teens_spoken_tens_and_from_to_forms_are_numbers(word: str, n: int) -> None:
    """"kuudesta kahteentoista, ei neljästä", "niitä on nykyään kakskyt": round 25 read none of these."""
    assert word_number(word) == n


@pytest.mark.parametrize("word", ["puolison", "yhteistyö", "kuukausi", "yhteen", "yhdessä", "yhdestä"])
def test_words_that_only_look_like_values(word: str) -> None:
    assert read(word) is None


@pytest.mark.parametrize("word,n", [("kolmas", 3), ("fjortonde", 14), ("second", 2)])
def test_an_ordinal_is_read_as_an_ordinal_never_as_a_count(word: str, n: int) -> None:
    """"kolmas" is no three of anything; it changes only where an ordinal is set against an ordinal."""
    assert read(word) == Value("ord", n)


@pytest.mark.parametrize(("text", "right", "wrong"), [
    ("yhteenvedossa on virhe, auki neljänä päivänä. ei kolmena", "neljänä päivänä", "kolmena"),
    ("vi tar in tolv per grupp, int åtta", "tolv per grupp", "åtta"),
    ("sosiaaliohjaaja on nykyään täysipäiväsesti tässä, puolikas ei riittäny mihinkään", "täysipäiväsesti",
     "puolikas"),
    ("gruppen e för barn 10-14, int 8-12", "10-14", "8-12"),
    ("se lasten ryhmä on kuudesta kahteentoista, ei neljästä", "6–12", "4–12"),  # from six to twelve, not from four
    ("ryhmä on viidestä kymmeneen, ei kahteentoista", "5–10", "5–12"),
    ("niitä on nykyään kakskyt, me huomattiin et viistoista kertaa oli liian vähän", "kakskyt", "viistoista"),
])
def test_a_value_put_against_another(text: str, right: str, wrong: str) -> None:
    found = pair(text)
    assert found is not None and found[:2] == (right, wrong)


@pytest.mark.parametrize("text", ["its mondays and thursdays, not tuesday", "Nuoret, ei aikuiset",
                                  "kaksi ohjaajaa ei riitä"])
def test_no_pair_where_none_is_put_against_another(text: str) -> None:
    assert pair(text) is None


def test_the_card_keeps_its_way_of_writing() -> None:
    card = ["Yksi sosiaaliohjaaja 50 %:n työajalla.", "Vuokratila noin 800 € kuukaudessa."]
    assert swap(card, "kaheksaasataa", "tonnin kuussa") == [card[0], "Vuokratila noin 1000 € kuukaudessa."]
    assert swap(card, "puolikas", "kokoaikanen") == ["Yksi sosiaaliohjaaja 100 %:n työajalla.", card[1]]
    assert swap(["Budget about 40 000 euros per year."], "fourty", "sixty thousand a year") == \
        ["Budget about 60 000 euros per year."]
    assert swap(["barn 8–12 år"], "8-12", "10-14") == ["barn 10–14 år"]


def test_nothing_changes_where_the_wrong_value_is_not_written_once() -> None:
    assert swap(["Kaksi ohjaajaa"], "kolmena", "neljänä") is None
    assert swap(["8 lasta", "8 perhettä"], "kahdeksan", "kymmenen") is None
