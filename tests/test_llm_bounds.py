"""Issue 13: bounded LLM calls, methods that adapt per endpoint, grounded values, honest notices, and a health
check that tells busy from down. Only the scripted fake model and the local HTTP stub (tests/fakes.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant import llm_health, llm_methods
from assistant.extract_offline import Extraction
from assistant.flow import load_prompts
from assistant.interview import Interview
from assistant.llm import LLMExtractor, build_llm, json_object
from assistant.llm_ground import ground, grounded_item, merge
from assistant.schema import Stage
from assistant.sessions import SessionStore
from assistant.settings import Settings
from tests.fakes import ScriptedChatModel, Slow, openai_stub

STORY = "Maatalousyrittäjät uupuvat. Kohderyhmänä ovat karjatilojen yrittäjät."


@pytest.fixture
def sessions(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s.db")


def _settings(services, url: str, **extra):  # type: ignore[no-untyped-def]
    base = {"llm_model": "stub", "llm_base_url": url, "llm_timeout": 10.0, "llm_retries": 0}
    return services.settings.model_copy(update={**base, **extra})


def _at(iv: Interview, field: str) -> None:
    iv.state.pending_field, iv.state.asking = field, "question"


# -- bounded calls -------------------------------------------------------------------------------
def test_a_dripping_server_cannot_hold_a_turn_past_its_budget(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_turn_budget=2.0, llm_phrase=False)
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "target_groups")
        stub.enqueue({"drip": 0.05, "args": {"target_groups": ["lammastilalliset"]}})  # ~100 s of bytes
        t0 = time.monotonic()
        turn = iv.turn("Lammastilalliset")
        took = time.monotonic() - t0
        assert took < 2.0 + 1.0, took
        assert turn.draft.target_groups == ["Lammastilalliset"]  # the offline replay did the turn
        assert turn.notices and "vuoron aikaraja täyttyi" in turn.notices[0]
        assert iv.state.usage.budget_exceeded == 1 and iv.state.usage.fallbacks == 1
        deadline = time.monotonic() + 5
        while not stub.disconnects and time.monotonic() < deadline:  # the connection was closed: it stops
            time.sleep(0.05)
        assert stub.disconnects >= 1


def test_one_budget_covers_retries_extraction_and_rewording(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    s = Settings(data_dir=seeded_services.settings.data_dir, llm_turn_budget=2.0)
    fake = ScriptedChatModel(queue=["Mikä ongelma?"], history=[])
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=LLMExtractor(fake, load_prompts(),
                                                                                       settings=s))
    _at(iv, "target_groups")
    # extraction answers after 1.2 s, invalid; the retry would take another 1.2 s: the budget ends first
    fake.enqueue(Slow(1.2, {"stage": "banana"}), Slow(1.2, {"target_groups": ["lammastilalliset"]}))
    t0 = time.monotonic()
    turn = iv.turn("Lammastilalliset")
    assert time.monotonic() - t0 < 2.0 + 1.0
    assert turn.notices and turn.draft.target_groups == ["Lammastilalliset"]
    # a turn whose extraction used most of the budget gets the flow's own question, not a late rewording
    _at(iv, "goals")
    fake.queue.clear()
    fake.enqueue(Slow(1.0, {"goals": ["jaksaminen"]}), Slow(5.0, "Mitä tavoittelette?"))
    t0 = time.monotonic()
    turn = iv.turn("jaksaminen")
    assert time.monotonic() - t0 < 2.0 + 1.0
    assert "Mitä tavoittelette?" not in turn.reply


def test_a_hanging_server_costs_one_budget_not_timeout_times_retries(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_turn_budget=2.0, llm_timeout=30.0, llm_retries=3,
                      llm_stream=False)
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "actors")
        stub.enqueue({"sleep": 6, "text": "late"}, {"sleep": 6, "text": "late"})
        t0 = time.monotonic()
        turn = iv.turn("MTK; ProAgria")
        assert time.monotonic() - t0 < 2.0 + 1.0
        assert turn.draft.actors == ["MTK", "ProAgria"] and "aikaraja" in turn.notices[0]


def test_over_long_output_is_cut_off_as_invalid(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_max_response_bytes=20_000, llm_phrase=False)
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "problem")
        stub.enqueue({"long": 200_000}, {"long": 200_000})  # ~2 MB each, whatever the token cap said
        turn = iv.turn("Yrittäjät uupuvat")
        assert turn.notices and "ei ollut kelvollinen" in turn.notices[0]
        assert "sana1" not in " ".join(turn.notices) and turn.draft.problem == "Yrittäjät uupuvat"


def test_a_server_that_refuses_max_tokens_gets_only_max_completion_tokens(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_phrase=False)
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "target_groups")
        stub.enqueue({"status": 400, "message": "Unsupported parameter: 'max_tokens'"},
                     {"args": {"target_groups": ["lammastilalliset"]}})
        turn = iv.turn("Lammastilalliset")
        assert not turn.notices
        assert "max_tokens" in stub.requests[0] and "max_tokens" not in stub.requests[1]
        assert stub.requests[1]["max_completion_tokens"] == s.llm_max_tokens


# -- methods that adapt ------------------------------------------------------------------------
def test_json_schema_on_a_llama_like_server_fails_once_then_switches_for_the_process(  # type: ignore[no-untyped-def]
        seeded_services, sessions) -> None:
    with openai_stub(llama_like=True) as stub:
        s = _settings(seeded_services, stub.url, llm_structured_method="json_schema", llm_phrase=False)
        llm = build_llm(s, load_prompts())
        assert llm is not None and llm.method == "json_schema"
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
        _at(iv, "target_groups")
        stub.enqueue({"args": {"target_groups": ["lammastilalliset"]}})
        turn = iv.turn("Lammastilalliset")
        assert not turn.notices and turn.draft.target_groups == ["Lammastilalliset"]
        schema_calls = [r for r in stub.requests if (r.get("response_format") or {}).get("type") == "json_schema"]
        assert len(schema_calls) == 1 and stub.requests[-1]["tools"]
        assert llm.method == "function_calling"
        assert iv.state.usage.silent_failures == 1 and iv.state.usage.visible_failures == 0
        # a new session (and a new extractor) on the same endpoint never tries json_schema again
        llm2 = build_llm(s, load_prompts())
        iv2 = Interview.start(services=seeded_services, sessions=sessions, llm=llm2)
        _at(iv2, "target_groups")
        stub.enqueue({"args": {"target_groups": ["vuohitilalliset"]}})
        iv2.turn("Vuohitilalliset")
        schema_calls = [r for r in stub.requests if (r.get("response_format") or {}).get("type") == "json_schema"]
        assert len(schema_calls) == 1
        from ui.backend import llm_label

        assert llm_label(s) == "stub · function_calling (json_schema failed)"


def test_a_method_failing_turn_after_turn_is_replaced_then_extraction_goes_offline(  # type: ignore[no-untyped-def]
        seeded_services, sessions) -> None:
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_method_failures=2, llm_phrase=False)
        llm = build_llm(s, load_prompts())
        assert llm is not None
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
        for answer in ("Lammastilalliset", "Vuohitilalliset"):  # two failed turns of function_calling
            _at(iv, "target_groups")
            stub.enqueue({"args": "{bad"}, {"args": "{bad"})
            assert iv.turn(answer).notices
        assert llm.method == "json_mode"
        # json_mode names the fields and sends the schema (llama.cpp constrains keys with it)
        _at(iv, "goals")
        stub.enqueue({"json": {"goals": ["jaksaminen"]}})
        turn = iv.turn("jaksaminen paranee")
        assert not turn.notices
        req = stub.requests[-1]
        assert req["response_format"]["type"] == "json_object" and "schema" in req["response_format"]
        assert "- goals (list of short strings): the change the model aims at" in req["messages"][0]["content"]
        assert "JSON object" in req["messages"][0]["content"]
        for answer in ("Yksi", "Kaksi"):  # invented keys, twice per turn, two turns: json_mode goes too
            _at(iv, "core")
            stub.enqueue({"json": {"title": "x"}}, {"json": {"title": "y"}})
            assert iv.turn(answer).notices
        assert llm.method is None
        n = len(stub.requests)
        _at(iv, "actors")
        turn = iv.turn("MTK")
        assert len(stub.requests) == n and not turn.notices  # extraction now stays offline, no notice
        assert turn.draft.actors == ["MTK"]
        assert llm_methods.describe(llm.endpoint) == "offline (function_calling, json_mode failed)"


# -- grounded output ---------------------------------------------------------------------------
def test_echoes_of_the_prompt_are_never_stored(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url, llm_phrase=False)
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "problem")
        stub.enqueue({"echo": True})
        turn = iv.turn("Yrittäjät uupuvat")
        record = str(turn.draft.model_dump())
        assert "user_text" not in record and "interviewer" not in record and "toimintamalli" not in record
        assert turn.draft.problem == "Yrittäjät uupuvat" and turn.draft.goals == []
        assert iv.state.usage.rejected_values >= 2
        assert turn.notices and "ei perustunut" in turn.notices[0]


def test_grounding_rules() -> None:
    prompts = load_prompts()
    text = "We run weekly peer groups for young carers in Espoo. The problem is loneliness."
    pk = {"probl", "field", "assis", "quest", "targe"}
    assert grounded_item("weekly peer groups", text, pk)
    assert grounded_item("young carers", text, pk)
    assert not grounded_item("older people in care homes", text, pk)  # not said
    assert not grounded_item("problem problem", text, pk)  # only prompt words, not as written
    assert grounded_item("loneliness", text, pk)
    assert not grounded_item("<user_text>", text, pk) and not grounded_item("{}", text, pk)
    assert grounded_item("Espoo", text, pk) and not grounded_item("Oulu", text, pk)
    g = ground({"core": ["weekly peer groups", "a national register"], "stage": Stage.established,
                "problem": "The problem is loneliness. Funding is unclear."}, text, pk, prompts)
    assert g.values == {"core": ["weekly peer groups"], "problem": "The problem is loneliness."}
    assert g.rejected == {"core": 1, "stage": 1, "problem": 1}
    g = ground({"stage": Stage.developing}, "We are piloting it in two schools.", pk, prompts)
    assert g.values == {"stage": Stage.developing}


def test_merge_never_replaces_a_sure_offline_value_with_a_worse_one() -> None:
    off = Extraction(values={"problem": "Yrittäjät uupuvat", "core": ["vertaisryhmä"]},
                     confidence={"problem": 0.95, "core": 0.5})
    llm = {"problem": "Karja", "core": ["lomittajapooli"], "goals": ["jaksaminen"]}
    out, from_llm = merge(off, llm, 0.6)
    assert out.values["problem"] == "Yrittäjät uupuvat" and out.confidence["problem"] == 0.95
    assert out.values["core"] == ["vertaisryhmä", "lomittajapooli"] and out.confidence["core"] == 0.5
    assert out.values["goals"] == ["jaksaminen"] and out.confidence["goals"] == 0.6
    assert sorted(from_llm) == ["core", "goals"]
    agree, _ = merge(Extraction(values={"goals": ["jaksaminen paranee"]}, confidence={"goals": 0.5}),
                     {"goals": ["Jaksaminen paranee"]}, 0.6)
    assert agree.values["goals"] == ["jaksaminen paranee"] and agree.confidence["goals"] == 0.6


def test_merge_moves_an_unsure_sentence_the_llm_filed_elsewhere() -> None:
    off = Extraction(values={"target_groups": ["Karjatilojen yrittäjät", "Maatalousyrittäjät uupuvat"],
                             "core": ["Vertaisryhmä kerran kuussa"]},
                     confidence={"target_groups": 0.44, "core": 0.9})
    llm = {"problem": "Maatalousyrittäjät uupuvat", "target_groups": ["karjatilojen yrittäjät"],
           "goals": ["Vertaisryhmä kerran kuussa"]}
    out, _ = merge(off, llm, 0.6)
    assert out.values["target_groups"] == ["Karjatilojen yrittäjät"]
    assert out.values["problem"] == "Maatalousyrittäjät uupuvat"
    # a sure offline placement stays where it is, even when the LLM filed the sentence elsewhere too
    assert out.values["core"] == ["Vertaisryhmä kerran kuussa"]


def test_values_only_the_llm_found_in_an_answer_are_confirmed(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    fake = ScriptedChatModel(queue=["Mikä ongelma?"], history=[])
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=LLMExtractor(fake, load_prompts()))
    _at(iv, "problem")
    iv.state.content_turns = 1  # an answer, not the opening story
    answer = "Nuoret jäävät kotiin viikoiksi. Kuraattori soittaa kotiin heti kolmannen poissaolopäivän jälkeen."
    fake.enqueue({"problem": "Nuoret jäävät kotiin viikoiksi",
                  "core": ["Kuraattori soittaa kotiin heti kolmannen poissaolopäivän jälkeen"]})
    turn = iv.turn(answer)
    assert turn.draft.problem == answer  # the answer stays whole in the asked field
    assert turn.draft.core and "core" in iv.state.unsure
    assert iv.state.status["core"].value == "partial"  # asked back when the flow reaches the core


def test_json_object_is_read_from_chatter_and_fences() -> None:
    assert json_object('```json\n{"goals": ["a"]}\n```') == {"goals": ["a"]}
    assert json_object('Sure! {"core": []} hope this helps') == {"core": []}
    assert json_object("no json here") is None and json_object("[1, 2]") is None


# -- honest notices ---------------------------------------------------------------------------
def test_a_rewording_that_fails_on_the_server_says_so_a_bad_one_is_silent(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    with openai_stub() as stub:
        s = _settings(seeded_services, stub.url)
        stub.enqueue({"text": "?"})
        iv = Interview.start(services=seeded_services, sessions=sessions, llm=build_llm(s, load_prompts()))
        _at(iv, "target_groups")
        stub.enqueue({"args": {"target_groups": ["lammastilalliset"]}}, {"status": 500})
        turn = iv.turn("Lammastilalliset")
        assert any("perusmuodossaan" in n and "virheellä" in n for n in turn.notices)
        assert iv.state.usage.visible_failures == 1
        _at(iv, "goals")
        stub.enqueue({"args": {"goals": ["jaksaminen"]}}, {"text": "The JSON says: {goals}"})
        turn = iv.turn("jaksaminen")
        assert not turn.notices and "JSON" not in turn.reply
        u = iv.state.usage
        assert u.visible_failures == 1 and u.silent_failures >= 1


# -- health --------------------------------------------------------------------------------------
def test_health_check_tells_busy_from_down() -> None:
    from tests.conftest import free_port

    assert llm_health.probe(f"http://127.0.0.1:{free_port()}/v1").state == "down"
    with openai_stub() as stub:
        assert llm_health.probe(stub.url, timeout=2).state == "ok"
        stub.models_delay = 1.5
        assert llm_health.probe(stub.url, timeout=0.5).state == "busy"
        llm_health.forget()
        s = Settings(data_dir=Path("x"), llm_model="m", llm_base_url=stub.url, llm_probe_timeout=0.5)
        from ui.backend import llm_problem

        assert llm_problem(s, "fi") is None  # not known yet: checked in the background, the page never waits
        end = time.monotonic() + 5
        text = None
        while text is None and time.monotonic() < end:
            time.sleep(0.1)
            text = llm_problem(s, "en")
        assert text is not None and "busy" in text and stub.url in text
        llm_health.forget()


def test_rewording_stops_for_an_endpoint_whose_rewordings_are_never_usable(seeded_services, sessions) -> None:  # type: ignore[no-untyped-def]
    fake = ScriptedChatModel(queue=["The model answers the question."], history=[])  # English, not a question
    llm = LLMExtractor(fake, load_prompts())
    iv = Interview.start(services=seeded_services, sessions=sessions, llm=llm)
    for answer in ("Lammastilalliset", "Vuohitilalliset", "Nautatilalliset"):
        _at(iv, "target_groups")
        fake.enqueue({"target_groups": [answer.lower()]}, "Mihin tarpeeseen? The answer is: no.")
        iv.turn(answer)
    assert llm_methods.phrase_off(llm.endpoint) and "rewording off" in str(llm_methods.describe(llm.endpoint))
    calls = iv.state.usage.calls
    _at(iv, "goals")
    fake.enqueue({"goals": ["jaksaminen"]})
    iv.turn("jaksaminen")
    assert iv.state.usage.calls == calls + 1  # extraction only
