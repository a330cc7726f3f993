"""Numbers said in words in a fix (thirty-first round): spoken and compound tens ("kakskytä eikä kolkytä",
"sixty, not sixty-five", "sextiofem"), a scale word with the wrong one ("not three hundred"), the field chosen by
the words around the number when two fields write it, and an answer told before the fix kept in the asked
field. Sentences written for the tests."""

from __future__ import annotations

from assistant import numberwords


def test_tens_said_in_words_are_read() -> None:
    said = ["kolkytä", "kakskytviis", "kolmekymmentäviisi", "sextiofem", "sixty-five", "twenty-one"]
    assert [numberwords.word_number(w) for w in said] == [30, 25, 35, 65, 65, 21]


def test_a_hyphenated_word_that_is_no_number_stays_none() -> None:
    assert numberwords.word_number("ten-year") is None


def test_the_wrong_value_keeps_its_scale_word() -> None:
    assert numberwords.pair("the vouchers go up to four hundred pounds now, not three hundred")[1] == "three hundred"


def test_the_number_changes_where_the_words_around_it_point(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "conditions")
    iv.state.content_turns = 1
    iv.edit("basic_idea", "Nuoret harjoittelevat asumista valmennusasunnoissa, joita talossa on 30.")
    iv.edit("target_groups", ["alle 30-vuotiaat kehitysvammaiset nuoret"])
    turn = iv.turn("valmentajilla pitää olla sosiaalialan koulutus ja yöksi päivystys puhelimella. ja asuntoja on "
                   "kakskytä eikä kolkytä")
    assert "on 20." in (turn.draft.basic_idea or "")
    assert turn.draft.target_groups == ["alle 30-vuotiaat kehitysvammaiset nuoret"]
    assert "sosiaalialan koulutus" in (turn.draft.conditions or "")
    assert "kolkyt" not in (turn.draft.conditions or "")


def test_an_age_said_in_words_replaces_the_one_in_digits(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.state.content_turns = 1
    iv.edit("target_groups", ["people over 65 who live alone", "care home residents"])
    turn = iv.turn("oh one thing on who comes - it's anyone over sixty, not sixty-five")
    assert turn.draft.target_groups == ["people over 60 who live alone", "care home residents"]


def test_ages_said_in_the_plural_are_swapped(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.state.content_turns, iv.state.phase = 1, "reuse_offer"  # right after the story, a reuse offer open
    iv.edit("target_groups", ["Home-dwelling people over 70 who have fallen"])
    turn = iv.turn("Actually it's over 75s, not over 70s, we raised it because the groups got too big.")
    assert turn.draft.target_groups == ["Home-dwelling people over 75 who have fallen"]
