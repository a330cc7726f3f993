"""The wrong phrase of "R, not W" as wide as the card writes it, and R cut to the same shape (thirtieth round).
Sentences written for the tests."""

from __future__ import annotations

import pytest

from assistant.pair_span import spanned
from tests.conftest import asking_with_card


@pytest.mark.parametrize("card,right,wrong,message,want", [
    ("Choir practice is every second Monday at the parish hall.", "thursday", "second",
     "choir is every thursday, not every second monday", ("every thursday", "every second monday")),
    ("The club meets at the Kallio library on Fridays.", "now in the Oodi central library", "in Kallio",
     "the club is now in the Oodi central library, not in Kallio", ("Oodi central library", "Kallio library")),
    ("Sessions are in the big hall at the school.", "small hall", "big hall",
     "we're in the small hall at the school, not the big hall.", ("small hall", "big hall")),
])
def test_the_pair_grows_to_what_the_card_writes(card: str, right: str, wrong: str, message: str,
                                                want: tuple[str, str]) -> None:
    assert spanned(card, right, wrong, message) == want


def test_a_pair_the_card_does_not_write_stays_as_read() -> None:
    assert spanned("Ryhmä on tiistaisin.", "torstaisin", "tiistaisin", "ryhmä on torstaisin eikä tiistaisin") \
        == ("torstaisin", "tiistaisin")
    assert spanned("Meets on Fridays.", "Oodi", "Kallio", "it's at Oodi, not Kallio") == ("Oodi", "Kallio")


def test_a_place_put_right_inside_a_long_item_keeps_the_rest(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "conditions", {
        "name": "Homework club", "regions": ["Helsinki"],
        "core": ["The club is on Tuesdays 15–17 at the Kallio library.", "Volunteers help with maths."],
        "actors": ["Helsinki City Library", "Red Cross Helsinki"]})
    iv.state.phase, iv.state.pending_field = "confirm", None
    iv.state.content_turns = 5
    iv.state.summary_fields = [f for f in iv.prompts.flow.card if getattr(iv.state.draft, f)]
    turn = iv.turn("the club is now in the Oodi central library, not in Kallio")
    assert turn.draft.core == ["The club is on Tuesdays 15–17 at the Oodi central library.", "Volunteers help with maths."]


def test_numbers_are_left_to_their_own_readers() -> None:
    assert spanned("Hinta on 5 euroa.", "5,50", "5", "hinta on nyt 5,50 eikä 5 euroa") == ("5,50", "5")
    assert spanned("children aged 6 to 12", "8 to 12", "6 to 12", "the children are 8 to 12 not 6 to 12") \
        == ("8 to 12", "6 to 12")
