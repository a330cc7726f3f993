"""The reply to a reuse offer that explains first and chooses last ("Headspace e ju … . Så nej, vi skriver vårt
eget.") is the choice: the offer is answered once, nothing on the card is "corrected" by it."""

from __future__ import annotations


def test_an_explained_no_in_swedish_answers_the_offer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "goals")
    iv.edit("problem", "Unga vill prata, så vi går ut och promenerar medan vi pratar.")
    iv.state.phase, iv.state.offered = "reuse_offer", ["headspace-denmark"]
    turn = iv.turn("Headspace e ju ett ställe man kan droppa in till, vi ha en vanlig mottagning men flyttar ut "
                   "samtalen. Så nej, vi skriver vårt eget.")
    assert turn.phase != "reuse_offer"
    assert iv.state.reuse_choice == "own"
    assert iv.state.draft.problem == "Unga vill prata, så vi går ut och promenerar medan vi pratar."
