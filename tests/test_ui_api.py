"""The UI's API surface through ``gradio_client`` (the same server the browser uses), offline."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.flow import load_prompts
from tests.ui_support import STORY_FI, XSS_MESSAGE, RunningApp, running_app, seeded_services
from ui.browser import free_port

os.environ["HF_HUB_OFFLINE"] = "1"  # gradio_client ignores GRADIO_ANALYTICS_ENABLED; this keeps it local
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"


def text_of(content: Any) -> str:
    """Chat message content: Gradio 6 returns a list of blocks ({"type": "text", "text": …})."""
    if isinstance(content, list):
        return "".join(str(b.get("text", "")) if isinstance(b, dict) else str(b) for b in content)
    return str(content)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> Iterator[RunningApp]:
    services = seeded_services(tmp_path_factory.mktemp("ui-api"), seeded_dir, real_embedder)
    with running_app(services) as running:
        yield running


@pytest.fixture
def client(app: RunningApp) -> Iterator[Any]:
    from gradio_client import Client

    c = Client(app.url, verbose=False, download_files=False)
    yield c
    c.close()


def test_named_endpoints(client: Any) -> None:
    names = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    for name in ("/load", "/send", "/edit", "/publish", "/restart", "/set_language", "/search", "/refine_search",
                 "/bank", "/bank_more", "/interview_start", "/interview_turn", "/interview_export", "/find", "/model",
                 "/status"):
        assert name in names, name


def test_status_reports_backend_bank_and_store(client: Any) -> None:
    status = client.predict(api_name="/status")
    assert status["llm"] == "offline"
    assert status["models"] >= 60
    assert status["chroma"] == "embedded" and status["available"] is True


def test_interview_json_api_round_trip(client: Any) -> None:
    first = client.predict("fi", api_name="/interview_start")
    assert first["reply"] and first["asked_field"] and first["lang"] == "fi"
    sid, secret = first["session_id"], first["secret"]
    turn = client.predict(sid, STORY_FI, secret, api_name="/interview_turn")
    assert turn["session_id"] == sid
    assert any("13–16" in g for g in turn["draft"]["target_groups"])
    assert turn["status"]["target_groups"] in ("partial", "confirmed")
    assert turn["matches"] and all(m["why"] for m in turn["matches"])
    export = client.predict(sid, "fi", secret, api_name="/interview_export")
    assert any("13–16" in g for g in export["record"]["target_groups"])
    assert "## Kohderyhmä" in export["markdown"]
    with pytest.raises(Exception, match="unknown session"):
        client.predict("no-such-session", "hei", secret, api_name="/interview_turn")
    with pytest.raises(Exception, match="wrong secret"):  # the id alone is not enough
        client.predict(sid, "hei", api_name="/interview_turn")
    with pytest.raises(Exception, match="wrong secret"):
        client.predict(sid, "fi", "not-the-secret", api_name="/interview_export")


def test_find_with_filters_and_model_lookup(client: Any) -> None:
    found = client.predict("nuorten yksinäisyys", ["developing"], None, None, None, None, 5, "fi", api_name="/find")
    assert set(found) == {"query", "close_match", "hits"}
    hits = found["hits"]
    assert hits and {h["stage"] for h in hits} == {"developing"}
    assert all(h["why"] and 0 <= h["probability"] <= 1 for h in hits)
    assert [h["probability"] for h in hits] == sorted((h["probability"] for h in hits), reverse=True)
    record = client.predict(hits[0]["id"], api_name="/model")
    assert record["id"] == hits[0]["id"] and record["name"] == hits[0]["name"]
    assert client.predict("no-such-model", api_name="/model") is None


def test_ui_events_load_send_and_escape(client: Any) -> None:
    loaded = client.predict("", "", [], api_name="/load")  # (stored id, secret, draft ids, about, chat, …)
    sid = loaded[0]
    assert sid and loaded[1] and loaded[2] == [sid] and sid in loaded[3]  # "Tietoja" shows the session id
    out = client.predict(f"Hei {XSS_MESSAGE}", api_name="/send")
    chat = out[1]
    user = [m for m in chat if m["role"] == "user"][-1]
    text = text_of(user["content"])
    assert "<img" not in text and "&lt;img" in text
    assert "data-testid=\"live-card\"" in out[2]


def test_ui_search_event_is_new_each_time_and_refines_on_request(client: Any) -> None:
    client.predict("", "", [], api_name="/load")
    first = client.predict("nuorten yksinäisyys", [], [], [], "", [], "fi", api_name="/search")
    assert 'data-testid="hit"' in first[-1] and 'data-band="' in first[-1]
    refined = client.predict("koulu", ["established"], [], [], "", [], "fi", api_name="/refine_search")
    assert "nuorten yksinäisyys koulu" in refined[1] and 'data-refined="true"' in refined[1]
    assert 'data-stage="developing"' not in refined[-1] and 'data-stage="established"' in refined[-1]
    fresh = client.predict("koulu", [], [], [], "", [], "fi", api_name="/search")
    assert "nuorten" not in fresh[1] and 'data-refined="false"' in fresh[1]


def test_ui_events_publish_restart_and_language(client: Any, app: RunningApp) -> None:
    first = client.predict("", "", [], api_name="/load")[0]
    client.predict("Oulussa nuoret ovat yksinäisiä koulun jälkeen. Kohderyhmänä ovat 13–16-vuotiaat. "
                   "Tavoitteena on vähentää yksinäisyyttä.", api_name="/send")
    english = client.predict("en", [], "", [], [], [], [], [], [], [], [], "", [], api_name="/set_language")
    chat = english[3]  # after the header, the banner and "Tietoja"
    assert chat[-1]["role"] == "assistant"
    flow_en = [q for qs in load_prompts().flow.questions.values() for q in qs["en"]]
    assert any(q in text_of(chat[-1]["content"]) for q in flow_en), chat[-1]["content"]
    refused = client.predict("fi", api_name="/publish")  # a model needs a name, a need, a target group, a core
    assert "ps-n-error" in refused[0], refused[0]
    for field, value in (("name", "Kulmakamari"), ("problem", "Nuoret ovat yksinäisiä koulun jälkeen."),
                         ("core", "ohjattu kohtaamispaikka; vertaisohjaajat")):
        client.predict(field, value, "fi", api_name="/edit")
    published = client.predict("fi", api_name="/publish")
    assert "ps-n-ok" in published[0], published[0]
    found = re.search(r"\(([a-z0-9-]+)\)", published[0])
    assert found, published[0]
    model_id = found.group(1)
    assert app.services.store.get(model_id) is not None
    fresh = client.predict("fi", [first], api_name="/restart")
    assert fresh[0] and fresh[0] != first
    assert fresh[2] == [fresh[0], first]  # the earlier draft stays in this browser's list


def test_login_required_when_configured(tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path,
                                        real_embedder: Any) -> None:
    import httpx
    from gradio_client import Client

    services = seeded_services(tmp_path_factory.mktemp("ui-auth"), seeded_dir, real_embedder)
    with running_app(services, auth=("ohjaaja", "salasana-123")) as running:
        assert httpx.get(running.url + "config").status_code in (401, 403)
        page = httpx.get(running.url)
        assert page.status_code == 200  # the login page
        c = Client(running.url, auth=("ohjaaja", "salasana-123"), verbose=False, download_files=False)
        try:
            assert c.predict(api_name="/status")["models"] >= 60
        finally:
            c.close()


def test_unreachable_chroma_server_still_serves_the_interview(
        tmp_path_factory: pytest.TempPathFactory, seeded_dir: Path, real_embedder: Any) -> None:
    from gradio_client import Client

    dead = f"http://127.0.0.1:{free_port()}"
    services = seeded_services(tmp_path_factory.mktemp("ui-dead"), seeded_dir, real_embedder, chroma_url=dead)
    with running_app(services) as running:
        c = Client(running.url, verbose=False, download_files=False)
        try:
            status = c.predict(api_name="/status")
            assert status["available"] is False and dead in status["problem"]
            loaded = c.predict("", "", [], api_name="/load")
            banners = [x for x in loaded if isinstance(x, str) and 'data-testid="banner"' in x]
            assert len(banners) == 2 and all(dead in b for b in banners)  # the page's and the bank tab's
            first = c.predict("fi", api_name="/interview_start")
            turn = c.predict(first["session_id"], STORY_FI, first["secret"], api_name="/interview_turn")
            assert turn["reply"] and turn["matches"] == []
            searched = c.predict("nuoret", [], [], [], "", [], "fi", api_name="/search")
            assert 'data-testid="banner"' in searched[2]
        finally:
            c.close()


@pytest.mark.server
def test_status_names_the_chroma_server(chroma_server: str, tmp_path: Path, real_embedder: Any) -> None:
    from gradio_client import Client

    from tests.ui_support import make_settings
    from ui.backend import load_services

    services = load_services(make_settings(tmp_path / "data", chroma_url=chroma_server, collection="ui-status"),
                             embedder=real_embedder)
    with running_app(services) as running:
        c = Client(running.url, verbose=False, download_files=False)
        try:
            status = c.predict(api_name="/status")
            assert status == {"llm": "offline", "models": 0, "chroma": chroma_server, "available": True,
                              "problem": None}
            assert chroma_server in c.predict("", "", [], api_name="/load")[3]  # "Tietoja" names it
        finally:
            c.close()
