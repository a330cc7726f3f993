"""The LLM path: a scripted fake chat model, and the real openai/langchain-openai clients against a local
OpenAI-compatible HTTP stub. Every failure falls back to offline for that turn, session intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.flow import load_prompts
from assistant.interview import Interview
from assistant.llm import LLMExtractor, build_llm
from assistant.sessions import SessionStore
from tests.fakes import ScriptedChatModel, openai_stub

STORY = "Maatalousyrittäjät uupuvat. Kohderyhmänä ovat karjatilojen yrittäjät."


@pytest.fixture
def sessions(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s.db")


def test_offline_default_never_builds_a_chat_model(seeded_services, sessions, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import langchain_openai

    def refuse(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("ChatOpenAI must not be constructed in offline mode")

    monkeypatch.setattr(langchain_openai.ChatOpenAI, "__init__", refuse)
    assert build_llm(seeded_services.settings, load_prompts()) is None
    iv = Interview.start(services=seeded_services, sessions=sessions)
    assert iv.llm is None and iv.turn(STORY).reply


def _ask_back_every_story_value(iv: Interview) -> None:
    """These tests are about the LLM boundary, not about how sure the offline classifier is of a two-sentence
    story: every value read from a story is asked back, so the number of model calls does not depend on it."""
    flow = iv.prompts.flow
    flow = flow.model_copy(update={"thresholds": flow.thresholds.model_copy(update={"confident": 1.01})})
    iv.prompts = iv.prompts.model_copy(update={"flow": flow})


def test_scripted_model_extracts_and_phrases_questions(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    fake = ScriptedChatModel(queue=[], history=[])
    llm = LLMExtractor(fake, load_prompts())
    fake.enqueue("Mikä ongelma teillä on?")  # start: question phrasing
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
    assert iv.current().reply.endswith("Mikä ongelma teillä on?")
    _ask_back_every_story_value(iv)
    fake.enqueue({"problem": "Yrittäjät uupuvat", "target_groups": ["karjatilojen yrittäjät"],
                  "goals": ["vähemmän uupumusta"], "stage": "idea"})
    turn = iv.turn(STORY)
    assert [g.lower() for g in turn.draft.target_groups] == ["karjatilojen yrittäjät"]
    # not said in the story: no goal, no stage; the notice says so without quoting the model
    assert turn.draft.goals == [] and turn.draft.stage is None
    assert any("tavoiteltu muutos" in n and "vaihe" in n and "ei perustunut" in n for n in turn.notices)
    assert not any("uupumusta" in n for n in turn.notices)
    assert iv.state.usage.rejected_values == 2 and iv.state.usage.visible_failures == 0
    # the need (the story's own sentence, which the LLM also found, reworded) is asked back before it counts
    # (no rewording call for a confirmation)
    assert turn.draft.problem == "Maatalousyrittäjät uupuvat."
    assert (turn.asked_field, turn.asking) == ("problem", "confirm")
    assert iv.state.usage.calls == 2 and iv.state.usage.prompt_tokens == 30 + 50
    sent = fake.history[1]
    assert "<user_text>" in str(sent[-1].content) and "never instructions" in str(sent[0].content)
    # the prompt names every field with its meaning
    assert "- core (list of short strings): the activities and tools" in str(sent[0].content)


def test_invalid_then_valid_output_is_retried(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    fake = ScriptedChatModel(queue=["Mikä ongelma?"], history=[])
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=LLMExtractor(fake, load_prompts()))
    iv.state.pending_field = "target_groups"
    fake.enqueue({"stage": "banana"}, {"target_groups": ["lammastilalliset"]}, "Mitä tavoittelette?")
    turn = iv.turn("Lammastilalliset")
    assert turn.draft.target_groups == ["Lammastilalliset"]
    assert not turn.notices
    assert "invalid" in str(fake.history[-2][-1].content)
    u = iv.state.usage
    assert u.silent_failures >= 1 and u.visible_failures == 0 and u.fallbacks == 0


def test_garbage_twice_falls_back_to_offline_with_notice(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    fake = ScriptedChatModel(queue=["Mikä ongelma?"], history=[])
    llm = LLMExtractor(fake, load_prompts())
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
    fake.enqueue({"stage": "banana"}, {"stage": "nonsense"})
    turn = iv.turn(STORY)
    assert turn.notices and "ilman" in turn.notices[0] and "ei ollut kelvollinen" in turn.notices[0]
    assert "banana" not in " ".join(turn.notices)
    assert any("karjatilojen" in g.lower() for g in turn.draft.target_groups)  # offline did the turn
    u = iv.state.usage
    assert llm.method == "function_calling"  # one failed turn does not drop a method (two in a row do)
    assert u.calls == 3 and u.failures == 2 and u.fallbacks == 1 and u.visible_failures == 1
    assert iv.llm is not None  # the next turn tries the model again


def test_real_clients_over_http_stub(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = seeded_services.settings.model_copy(update={"llm_model": "stub-model", "llm_base_url": stub.url,
                                                        "llm_timeout": 3.0, "llm_retries": 0,
                                                        "llm_method_failures": 5})
        llm = build_llm(s, load_prompts())
        assert llm is not None
        stub.enqueue({"text": "Mihin tarpeeseen malli vastaa?"})
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
        assert iv.current().reply.endswith("Mihin tarpeeseen malli vastaa?")
        _ask_back_every_story_value(iv)
        stub.enqueue({"args": {"problem": "Maatalousyrittäjät uupuvat", "target_groups": ["karjatilojen yrittäjät"],
                               "stage": "developing"}})
        turn = iv.turn(STORY)
        assert [g.lower() for g in turn.draft.target_groups] == ["karjatilojen yrittäjät"]
        assert turn.draft.stage is None  # "developing" is not in the story
        req = stub.requests[1]
        assert req["model"] == "stub-model" and req["tools"][0]["function"]["name"] == "LLMExtraction"
        assert req["stream"] is True and req["max_completion_tokens"] == s.llm_max_tokens
        assert req["max_tokens"] == s.llm_max_tokens  # the cap llama.cpp servers honour
        assert stub.requests[0]["max_tokens"] == s.llm_phrase_max_tokens
        assert iv.state.usage.prompt_tokens == 222  # the stub reports usage in its last stream chunk
        assert turn.asking == "confirm"  # a value only the LLM found is asked back (no rewording call)
        # invalid JSON arguments twice → offline fallback for that turn
        iv.state.pending_field, iv.state.asking = "core", "question"
        stub.enqueue({"args": "{not json"}, {"args": "{still not"})
        turn = iv.turn("vertaisryhmä; lomittajapooli")
        assert turn.notices and turn.draft.core == ["Vertaisryhmä", "Lomittajapooli"]
        assert "ei ollut kelvollinen" in turn.notices[0]
        # server error → fallback, and the notice says it was an error, not a time-out
        iv.state.pending_field = "adaptable"
        stub.enqueue({"status": 500})
        turn = iv.turn("ryhmän aikataulu")
        assert turn.notices and turn.draft.adaptable == ["Ryhmän aikataulu"]
        assert "palvelin vastasi virheellä" in turn.notices[0]
        # slow server → timeout → fallback; the session stays intact and resumable
        iv.state.pending_field = "actors"
        stub.enqueue({"sleep": 4.5, "text": "late"})
        turn = iv.turn("MTK; ProAgria")
        assert turn.notices and turn.draft.actors == ["MTK", "ProAgria"]
        assert "aikakatkaisu" in turn.notices[0]
    resumed = Interview.resume(iv.session_id, services=seeded_services, sessions=sessions, llm=False)
    assert resumed.state.draft.actors == ["MTK", "ProAgria"]


def test_endpoint_down_falls_back(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import free_port

    s = seeded_services.settings.model_copy(update={"llm_model": "m", "llm_timeout": 2.0, "llm_retries": 0,
                                                    "llm_base_url": f"http://127.0.0.1:{free_port()}/v1"})
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
    assert "?" in iv.current().reply  # phrasing failed → the flow's own question
    turn = iv.turn(STORY)
    assert turn.notices and turn.draft.target_groups
    assert "yhteyttä" in turn.notices[0]  # "palvelimeen ei saatu yhteyttä"


def test_transport_errors_are_retried(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = seeded_services.settings.model_copy(update={"llm_model": "stub", "llm_base_url": stub.url,
                                                        "llm_timeout": 3.0, "llm_retries": 1})
        stub.enqueue({"text": "Mikä ongelma?"})
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        iv.state.pending_field = "target_groups"
        stub.enqueue({"status": 503}, {"args": {"target_groups": ["lammastilalliset"]}}, {"text": "Mitä tavoittelette?"})
        turn = iv.turn("Lammastilalliset")
        assert not turn.notices and turn.draft.target_groups == ["Lammastilalliset"]
        assert len(stub.requests) == 4  # phrase, failed extraction, retried extraction, phrase


def test_rubric_is_judged_only_with_a_judge(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.evals.judge import judge
    from assistant.evals.simulate import Transcript

    fake = ScriptedChatModel(queue=[], history=[])
    fake.enqueue({"__tool__": "Verdict", "passed": False, "reason": "the core was never asked"})
    verdict = judge(fake, load_prompts(), "The assistant asks about the core.", Transcript())
    assert verdict.passed is False and verdict.actual == "the core was never asked"
    assert "<transcript>" in str(fake.history[0][-1].content)
    fake.enqueue(RuntimeError("judge down"))
    failed = judge(fake, load_prompts(), "anything", Transcript())
    assert failed.passed is False and "judge failed" in failed.detail


def test_model_without_endpoint_or_key_stays_offline_with_a_warning(seeded_services) -> None:  # type: ignore[no-untyped-def]
    s = seeded_services.settings.model_copy(update={"llm_model": "gpt-x", "llm_base_url": None, "llm_api_key": None})
    with pytest.warns(UserWarning, match="stays offline"):
        assert build_llm(s, load_prompts()) is None
