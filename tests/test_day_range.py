"""A run of weekdays made one day longer ("perjantaisinkin on aamupala nykyään" for "maanantaista torstaihin",
"öppet på fredagar också nu" for "måndag till torsdag"): the run's end moves, in the card's word form. Sentences
written for the tests (round 25)."""

from __future__ import annotations

import pytest

from tests.conftest import asking_with_card, at_summary


@pytest.mark.parametrize(("lang", "card", "text", "new"), [
    ("fi", "Kerho on auki maanantaista torstaihin kello 14–16.", "joo muuten ok, mut perjantaisinkin on kerho nykyään",
     "Kerho on auki maanantaista perjantaihin kello 14–16."),
    ("sv", "Klubben är öppen måndag till torsdag.", "allt stämmer men vi har öppet på fredagar också nu",
     "Klubben är öppen måndag till fredag."),
    ("en", "The club is open Monday to Thursday.", "all good, we open on Sundays too",
     "The club is open Monday to Thursday."),  # Sunday is not next to the run: nothing changes
])
def test_the_run_gets_the_next_day(start_at, lang: str, card: str, text: str, new: str) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, lang, "goals", {"core": [card, "—"]})
    at_summary(iv)
    turn = iv.turn(text)
    assert turn.draft.core[0] == new

