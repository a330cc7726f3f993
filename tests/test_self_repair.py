"""A number taken back in the same breath ("kolme, ei vaan neljä", "2019 - no sorry, 2018", "tre om året, nej
vänta, fyra") is read as said once, the last number (thirty-first round). Sentences written for the tests."""

from __future__ import annotations

from assistant.self_repair import said_once


def test_the_last_number_counts() -> None:
    said = ["niitä on kolme, ei vaan neljä nykyään", "it was 2019 - no sorry, 2018. the rest is right",
            "bussresorna e tre om året, nej vänta, fyra", "kolme kertaa, siis neljä kertaa"]
    assert [said_once(t) for t in said] == ["niitä on neljä nykyään", "it was 2018. the rest is right",
                                            "bussresorna e fyra om året", "neljä kertaa"]


def test_a_not_but_fix_and_an_apology_without_a_number_stay() -> None:
    said = ["ei kirjaston vaan nuorisotalon", "we meet on two days, sorry, I have to go", "kolme, siis kolme"]
    assert [said_once(t) for t in said] == said


def test_the_year_taken_back_is_fixed_on_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.state.content_turns = 1
    iv.edit("evidence", "Since the scheme started in 2020, 140 young people have had a mentor.")
    turn = iv.turn("small thing in the results, we didn't start in 2020, it was 2019 - no sorry, 2018.")
    assert turn.draft.evidence == "Since the scheme started in 2018, 140 young people have had a mentor."
