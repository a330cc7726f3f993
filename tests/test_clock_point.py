"""One end of an opening time, or the one time of day, said again as people speak it ("halv fyra, int klockan
tre", "vasta yhdeltätoista, ei kymmeneltä", "half five now, not five"): that end changes, in the card's half of
the day and its way of writing. Sentences written for the tests (round 25)."""

from __future__ import annotations

import pytest

from assistant.clock_point import fixed_end
from tests.conftest import asking_with_card, at_summary

_CARD = {"core": ["Läxhjälpen är öppen måndag och onsdag klockan 15–17.", "Minst fyra läxhjälpare finns på plats."]}


@pytest.mark.parametrize(("text", "new"), [
    ("läxhjälpen börjar halv fyra, int klockan tre", "15.30–17"),
    ("se alkaa vasta puoli neljältä eikä kolmelta", "15.30–17"),
    ("we finish at half five now, not five", "15–17.30"),
    ("läxhjälpen slutar kvart i sex", "15–17.45"),
    ("vi börjar kvart över tre", "15.15–17"),
])
def test_one_end_of_the_range_changes(text: str, new: str) -> None:
    assert fixed_end(text, _CARD) == ("core", new, "15–17")


@pytest.mark.parametrize("text", [
    "vi har fyra läxhjälpare, int tre",  # a count, not a time
    "läxhjälpen e halv fyra",  # which end, nothing says
    "we start at half three, not four",  # four is neither end
])
def test_nothing_changes_when_the_time_or_its_end_is_unclear(text: str) -> None:
    assert fixed_end(text, _CARD) is None


def test_the_one_time_of_day_on_the_card_is_put_right_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    core = ["Iltapartio lähtee liikkeelle kello 21 ja käy jokaisen asiakkaan luona.", "Autossa on ensiapuvälineet."]
    goals = ["Asiakkaat pärjäävät kotona yöllä"]
    iv = asking_with_card(start_at, "fi", "measurement", {"core": list(core), "goals": list(goals)})
    at_summary(iv)
    turn = iv.turn("ok näyttää hyvältä. paitsi et partio lähtee vasta kymmeneltä, ei yheksältä")
    assert turn.draft.core == ["Iltapartio lähtee liikkeelle kello 22 ja käy jokaisen asiakkaan luona.", core[1]]
    assert turn.draft.goals == goals


def test_an_answer_with_the_start_put_right_keeps_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "environment", dict(_CARD))
    turn = iv.turn("vi sitter i bibliotekets studierum på andra våningen. å läxhjälpen börjar halv fyra, int klockan "
                   "tre, bussen kommer int före")
    assert turn.draft.core[0] == "Läxhjälpen är öppen måndag och onsdag klockan 15.30–17."
    assert "studierum" in (turn.draft.environment or "")
