"""One word taken out of an item ("Andra målet – stryk ordet svensk", "ota sana kaikille pois", "remove the word
'all'"): the item stays, without the word; without a place, wherever the card writes it."""

from __future__ import annotations

import pytest

from assistant.word_struck import struck_word, without_word
from tests.conftest import asking_with_card, at_summary

_CARD = {"name": "Language friends",
         "goals": ["Newcomers practise Swedish every day", "Newcomers get at least one Swedish friend",
                   "All locals get to know their new neighbours"]}


@pytest.mark.parametrize(("text", "word"), [
    ("Andra målet – stryk ordet svensk. Det räcker att de får en vän.", "svensk"),
    ("ota sana 'kaikille' pois siitä tavoitteesta", "kaikille"),
    ("please remove the word all from the last goal", "all"),
    ("ordet svensk kan bort", "svensk"),
    ("stryk Larsmo ur orterna", None),
])
def test_the_word_struck(text: str, word: str | None) -> None:
    assert struck_word(text) == word


def test_without_word() -> None:
    assert without_word("Newcomers get at least one Swedish friend", "swedish") == "Newcomers get at least one friend"


def test_a_word_struck_from_the_item_at_a_place(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "problem", _CARD)
    at_summary(iv)
    turn = iv.turn("the second goal - remove the word swedish. a friend is enough, many of our friends came here "
                   "long ago themselves")
    assert turn.draft.goals == ["Newcomers practise Swedish every day", "Newcomers get at least one friend",
                                "All locals get to know their new neighbours"]


def test_a_word_struck_without_a_place_goes_wherever_written(start_at) -> None:  # type: ignore[no-untyped-def]
    """The general removal had deleted both goals that say "Swedish"."""
    iv = asking_with_card(start_at, "en", "problem", _CARD)
    at_summary(iv)
    turn = iv.turn("remove the word swedish")
    assert turn.draft.goals == ["Newcomers practise every day", "Newcomers get at least one friend",
                                "All locals get to know their new neighbours"]
