"""Every hostile chat input of ``evals/hostile/chat.yaml`` through the real engine: the expected outcome,
no traceback, and the session still usable afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.interview import Interview
from assistant.sessions import SessionStore

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "evals" / "hostile" / "chat.yaml").read_text(encoding="utf-8"))


def _text(case: dict[str, Any]) -> str:
    if "generator" in case:
        return str(case["generator"]["repeat"]) * int(case["generator"]["times"])
    return str(case["text"])


@pytest.fixture(scope="module")
def engine(seeded_dir: Path, tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> Any:
    import shutil

    from assistant.services import build_services
    from assistant.settings import Settings

    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(seeded_dir, data)
    services = build_services(Settings(data_dir=data), embedder=real_embedder)
    return services, SessionStore(data / "sessions.db")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_chat_input(engine: Any, case: dict[str, Any]) -> None:
    services, sessions = engine
    iv = Interview.start(lang="fi", services=services, sessions=sessions, llm=False)
    iv.turn("Nuoret jäävät yksin koulupäivän jälkeen.")
    before = iv.current()
    turn = iv.turn(_text(case))
    assert turn.reply.strip()
    expect = case["expect"]
    if expect == "refused_with_notice":
        assert "En saanut viestiä" in turn.reply
        assert turn.draft == before.draft and turn.asked_field == before.asked_field
    elif expect == "truncated_with_notice":
        assert any("merkkiä" in n for n in turn.notices)
        assert len(iv.history[-2].text) <= iv.settings.max_turn_chars
    elif expect == "pii_warning":
        assert any("henkilötietoja" in n for n in turn.notices)
    assert "\x00" not in sessions.load(iv.session_id).model_dump_json().encode().decode("unicode_escape", "ignore") \
        or "\\u0000" not in sessions.load(iv.session_id).model_dump_json()
    after = iv.turn("Kohderyhmänä ovat yläkoululaiset.")  # the session stays usable
    assert after.reply.strip()
