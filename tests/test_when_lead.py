"""A fix that opens by saying when it comes ("before the money question, …", "hei ennen ku jatketaan, …", "Innan
jag svarar – …") and names its field in everyday words ("the where-and-when part"): the fix is read without the
lead, and the right phrase takes the card's own article (thirty-first round). Sentences written for the tests."""

from __future__ import annotations

from assistant.announced import without_when


def test_the_lead_that_says_when_goes() -> None:
    said = ["hei ennen ku jatketaan, se TE-toimisto ei oo enää mukana", "Innan jag svarar – BUP hoppade av",
            "sorry before I get to that - the grant ended", "ennen sitä meillä ei ollut mitään"]
    assert [without_when(t) for t in said] == ["se TE-toimisto ei oo enää mukana", "BUP hoppade av",
                                               "the grant ended", "ennen sitä meillä ei ollut mitään"]


def test_a_place_fixed_in_the_where_and_when_part(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "funders")
    iv.state.content_turns = 1
    iv.edit("environment", "The studio is in the basement of the youth centre on Torikatu. It is open on Mondays.")
    turn = iv.turn("before the money question, one thing in the where-and-when part: it's in the old fire station "
                   "now, not the youth centre. we moved in january")
    assert turn.draft.environment == ("The studio is in the basement of the old fire station on Torikatu. "
                                      "It is open on Mondays.")
    assert not turn.draft.funders
