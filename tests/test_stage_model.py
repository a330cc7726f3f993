"""The stage reader fills in when no stage phrase is said (``stage_model``), with the shipped weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.interview import Interview
from assistant.schema import Stage
from assistant.sessions import SessionStore
from assistant.stage_model import StageGuesser


@pytest.fixture
def start(seeded_services, tmp_path: Path):  # type: ignore[no-untyped-def]
    def _start(lang: str | None = None) -> Interview:
        return Interview.start(lang=lang, services=seeded_services, sessions=SessionStore(tmp_path / "s.db"),
                               llm=False)
    return _start


def test_a_stage_told_without_a_stage_phrase_is_guessed(real_embedder) -> None:  # type: ignore[no-untyped-def]
    guesser = StageGuesser(real_embedder)
    guess = guesser.guess("Tätä on tehty joka viikko jo kuusi vuotta, ja se kuuluu ihan tavalliseen työhön.")
    assert guess is not None and guess[0] == Stage.established and 0.5 <= guess[1] <= 1.0
    assert guesser.guess("   ") is None


def test_without_weights_there_is_no_guess(real_embedder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert StageGuesser(real_embedder, tmp_path / "missing.json").guess("Second year of the pilot") is None


def test_after_two_unclear_answers_the_guess_is_taken_rather_than_nothing(start) -> None:  # type: ignore[no-untyped-def]
    iv = start()
    iv.turn("Vuorotyöntekijät syövät yövuoroissa epäterveellisesti.")
    for fld, value in (("target_groups", "Sairaalan vuorotyöntekijät"), ("basic_idea", "Yöateriat jääkaappiin."),
                       ("goals", "Terveellisempi ruokailu"), ("core", "Yöateriat"), ("adaptable", "Ruokalista"),
                       ("environment", "Sairaalan osastot"), ("actors", "Ravintopalvelut")):
        iv.edit(fld, value)
    iv.state.pending_field, iv.state.asking = "stage", "question"
    iv.state.asked.append("stage")  # the stage question was asked
    iv.turn("Ollaan ihan alkutekijöissä")
    assert iv.state.draft.stage is None and iv.state.pending_field == "stage"
    turn = iv.turn("No tätä on tehty joka viikko jo kuusi vuotta, ihan tavallista työtä meille.")
    assert turn.draft.stage == Stage.established
