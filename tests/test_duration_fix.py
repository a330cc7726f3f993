"""How long something lasts, said again in other words ("se on puoltoista tuntia. 45 minsassa ei kerkee …",
"träffen e en och en halv timme, int 45 minuter", "it's two hours, one hour was too short"): the card's one
length called wrong changes, in the card's unit and language. Sentences written for the tests (round 25)."""

from __future__ import annotations

import pytest

from assistant.duration_fix import fixed
from tests.conftest import asking_with_card


@pytest.mark.parametrize(("text", "card_text", "new", "old"), [
    ("se on puoltoista tuntia. 45 minsassa ei kerkee mitään", "Tapaaminen kestää 45 minuuttia.", "90 minuuttia",
     "45 minuuttia"),
    ("träffen e en och en halv timme, int 45 minuter", "Träffen är 45 minuter lång.", "90 minuter", "45 minuter"),
    ("it's two hours now, one hour was too short", "Each visit lasts an hour.", "2 hours", "an hour"),
    ("half an hour, not an hour", "Each visit lasts an hour.", "30 minutes", "an hour"),
])
def test_the_length_called_wrong_changes(text: str, card_text: str, new: str, old: str) -> None:
    assert fixed(text, {"core": [card_text]}) == ("core", new, old)


@pytest.mark.parametrize("text", [
    "tapaamisia on kolme, ja jokainen kestää puolitoista tuntia",  # nothing called wrong
    "se on puoltoista tuntia, ei kahta tuntia",  # the length called wrong is not on the card
])
def test_nothing_changes_without_a_wrong_length_on_the_card(text: str) -> None:
    assert fixed(text, {"core": ["Tapaaminen kestää 45 minuuttia."]}) is None


def test_an_answer_with_the_length_put_right(start_at) -> None:  # type: ignore[no-untyped-def]
    core = ["Neuvoja tapaa nuoren viisi kertaa, ja ensimmäinen tapaaminen kestää 45 minuuttia.", "Mukana on kysely."]
    iv = asking_with_card(start_at, "fi", "evidence", {"core": list(core)})
    turn = iv.turn("ja siitä ekasta tapaamisesta vielä, se on puoltoista tuntia. 45 minsassa ei kerkee mitään")
    assert turn.draft.core == ["Neuvoja tapaa nuoren viisi kertaa, ja ensimmäinen tapaaminen kestää 90 minuuttia.",
                               core[1]]
