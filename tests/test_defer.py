"""Under overload a turn keeps its earlier matches for one turn instead of waiting in a long line to score;
never two turns running, never before the first matches, and not at all when switched off."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from assistant import matcher
from assistant.embeddings import FairLock
from assistant.interview import Interview
from assistant.sessions import SessionStore


def test_waiting_counts_the_threads_in_line() -> None:
    lock = FairLock()
    assert lock.waiting == 0
    threads = []
    with lock:
        assert lock.waiting == 0  # the holder is not in line
        for _ in range(3):
            th = threading.Thread(target=lambda: lock.__enter__() or lock.__exit__())
            th.start()
            threads.append(th)
        deadline = time.monotonic() + 10
        while lock.waiting < 3:
            assert time.monotonic() < deadline, "the threads never queued"
            time.sleep(0.001)
        assert lock.waiting == 3
    for th in threads:
        th.join(10)
    assert lock.waiting == 0


class _Line(FairLock):
    """The scoring lock with a line of a chosen length in front of every turn."""

    def __init__(self, ahead: int) -> None:
        super().__init__()
        self.ahead = ahead

    @property
    def waiting(self) -> int:
        return self.ahead


@pytest.fixture
def interview(seeded_services: Any, tmp_path: Path) -> Interview:
    return Interview.start(lang="fi", services=seeded_services, sessions=SessionStore(tmp_path / "s.db"), llm=False)


def test_a_long_line_defers_one_turn_and_the_next_turn_scores(interview: Interview,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "_scoring", lambda services: _Line(ahead=50))
    interview.turn("Nuoret jäävät yksin koulupäivän jälkeen, eikä heillä ole turvallista aikuista.")
    first = interview.state.match_key
    assert first and interview.state.matches  # the first matches are never deferred
    assert not interview.state.matches_deferred
    before = [m.id for m in interview.state.matches]

    interview.turn("Yläkoululaiset ja heidän vanhempansa")
    assert interview.state.matches_deferred
    assert interview.state.match_key == first  # not scored: the earlier matches stay
    assert [m.id for m in interview.state.matches] == before

    interview.turn("Ohjattu ryhmä kerran viikossa koulun jälkeen")
    assert not interview.state.matches_deferred  # never two turns running
    assert interview.state.match_key != first


def test_a_short_line_or_the_switch_off_scores_every_turn(interview: Interview, seeded_services: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    line = _Line(ahead=seeded_services.settings.match_defer_queue - 1)
    monkeypatch.setattr(matcher, "_scoring", lambda services: line)
    interview.turn("Nuoret jäävät yksin koulupäivän jälkeen, eikä heillä ole turvallista aikuista.")
    key = interview.state.match_key
    interview.turn("Yläkoululaiset ja heidän vanhempansa")
    assert interview.state.match_key != key and not interview.state.matches_deferred

    monkeypatch.setattr(matcher, "_scoring", lambda services: _Line(ahead=500))
    monkeypatch.setattr(seeded_services.settings, "match_defer_queue", 0)
    key = interview.state.match_key
    interview.turn("Ohjattu ryhmä kerran viikossa koulun jälkeen")
    assert interview.state.match_key != key and not interview.state.matches_deferred
