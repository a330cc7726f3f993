"""The Gradio web UI: ``build_app(services)`` and ``serve(settings, host, port)`` (``parastelu serve``).

Per-user state is only the session id (``gr.State`` + ``gr.BrowserState`` + ``?session=`` in the URL);
the interview itself is re-loaded from SQLite by id on every event. Services are shared read-mostly.
"""

from __future__ import annotations

import ipaddress
import secrets
import sys
from typing import Any

import gradio as gr

from assistant.schema import ModelDescription
from assistant.services import Services
from assistant.settings import Settings
from ui import chat
from ui.backend import bank_count, failure_text, llm_label, llm_problem, load_services, store_problem
from ui.bank import BankTab
from ui.describe import SET_URL_JS, DescribeTab, Shared
from ui.exports import use_private_gradio_cache
from ui.render import detail_placeholder, full_card, header_html, notice, status_html
from ui.search import SearchTab
from ui.sessions import NotYours, SessionGate, new_secret
from ui.style import CSS, theme
from ui.texts import LANG_CHOICES, norm_lang, tr

STORAGE_KEY = "parastelu-session"
OWNER_KEY = "parastelu-owner"


def browser_secret(settings: Settings) -> str:
    """Key for the session id kept in localStorage; persisted so a restart keeps browsers' sessions."""
    path = settings.data_dir / "ui-secret"
    from assistant.fsperm import private_dir, write_new_private

    try:
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        private_dir(settings.data_dir)
        value = secrets.token_urlsafe(24)
        write_new_private(path, value.encode())
        return value
    except OSError:
        return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def build_app(services: Services) -> gr.Blocks:
    """The whole UI over shared, read-mostly services (one per process)."""
    settings = services.settings
    use_private_gradio_cache()  # before any component exists: Gradio reads it per block
    gate = SessionGate(services)

    def status(lang: str) -> str:
        lang = norm_lang(lang)
        problems = [p for p in (store_problem(services, lang), llm_problem(settings, lang)) if p]
        return status_html(llm_label(settings), bank_count(services), services.store.mode,
                           " ".join(problems) or None, lang)

    with gr.Blocks(title="Parastelu", analytics_enabled=False, fill_width=True,
                   delete_cache=(3600, 86400)) as demo:  # hourly, drop cached export copies older than a day
        session = gr.State("")
        key = browser_secret(settings)
        stored = gr.BrowserState("", storage_key=STORAGE_KEY, secret=key)
        owner = gr.State("")  # this tab's copy of the browser's secret (server-side; not an API parameter)
        owner_stored = gr.BrowserState("", storage_key=OWNER_KEY, secret=key)
        with gr.Sidebar(open=False, position="right", width=560, elem_id="detail-sidebar") as sidebar:
            detail = gr.HTML(detail_placeholder("fi"), elem_id="detail")
        with gr.Row(elem_id="ps-top", equal_height=True):
            header = gr.HTML(header_html(None, "fi"), elem_id="header", scale=5)
            with gr.Column(scale=0, min_width=380):
                lang = gr.Radio(LANG_CHOICES, value="fi", label=tr("app.language"), elem_id="lang")
        status_box = gr.HTML(status("fi"), elem_id="status")
        shared = Shared(session, stored, owner, owner_stored, lang, header, status_box, detail, sidebar)
        with gr.Tabs(elem_id="tabs"):
            describe = DescribeTab(services, gate, shared)
            search = SearchTab(services)
            bank = BankTab(services)

        label_targets = [lang, *describe.label_targets, *search.label_targets, *bank.label_targets]

        def relabel(lang_value: str, with_value: bool = False) -> list[Any]:
            radio = (gr.Radio(value=lang_value, label=tr("app.language", lang_value)) if with_value
                     else gr.Radio(label=tr("app.language", lang_value)))
            return [radio, *describe.relabel(lang_value), *search.relabel(lang_value),
                    *bank.relabel(lang_value)]

        def after_publish(lang_value: str) -> list[Any]:
            """A published draft changes the bank: status line, bank list and filter choices."""
            return [status(lang_value), *bank.render("", [], [], [], [], lang_value), *bank.facets(),
                    *search.facets()]

        refresh_outputs = [status_box, *bank.content_outputs, *bank.facet_outputs, *search.facet_outputs]
        describe.wire(refresh_outputs, after_publish, label_targets, relabel)
        search.wire(lang)
        bank.wire(lang)
        detail_id = gr.State("")

        # -- page load: resume ?session=… or the browser's last session, else start a new interview ---------
        load_outputs = [session, stored, owner, owner_stored, header, status_box, *describe.view_outputs,
                        describe.notes, *label_targets, *bank.content_outputs, *bank.facet_outputs,
                        *search.facet_outputs]

        def on_load(stored_id: str, stored_secret: str, request: gr.Request) -> list[Any]:
            """Resume ``?session=`` or this browser's last session if this browser owns it; else start one."""
            params = dict(request.query_params) if request is not None else {}
            wanted = norm_lang(params.get("lang")) if params.get("lang") else None
            secret = stored_secret or new_secret()
            linked = params.get("session") or ""
            iv, refused = None, False
            for sid in dict.fromkeys(x for x in (linked, stored_id) if x):
                try:
                    with gate.open(sid, secret) as found:
                        if wanted and wanted != norm_lang(found.current().lang):
                            found.set_language(wanted)
                        iv = found
                    break
                except NotYours:
                    refused = refused or sid == linked
                except Exception:  # noqa: S112  (busy or unreadable: fall through to the next candidate)
                    continue
            if iv is None:
                iv = gate.start(wanted or "fi", secret)
            lang_value = norm_lang(iv.current().lang)
            notes = notice(tr("session.not_yours", lang_value), "warn") if refused else ""
            return [iv.session_id, iv.session_id, secret, secret, header_html(iv.session_id, lang_value),
                    status(lang_value), *describe.view(iv, lang_value), notes, *relabel(lang_value, with_value=True),
                    *bank.render("", [], [], [], [], lang_value), *bank.facets(), *search.facets()]

        demo.load(on_load, [stored, owner_stored], load_outputs, api_name="load").then(
            None, [stored], None, js=SET_URL_JS)

        # -- language switch: labels, and the interview re-asks its question in the new language -------------
        switch_inputs = [lang, session, owner, detail_id, *bank.filter_inputs, search.context,
                         *search.filter_inputs]
        switch_outputs = [header, status_box, *describe.view_outputs, describe.notes, *label_targets,
                          *bank.content_outputs, *search.run_outputs[1:], detail]

        def switch_language(lang_value: str, session_id: str, secret: str, open_id: str, b_text: str,
                            b_stage: list[str], b_theme: list[str], b_region: list[str],
                            b_language: list[str], context: list[str], s_stage: list[str],
                            s_region: list[str], s_theme: list[str], s_target: str,
                            s_language: list[str]) -> list[Any]:
            lang_value = norm_lang(lang_value)
            try:
                with gate.open(session_id, secret, lang_value) as iv:
                    turn = iv.set_language(lang_value)
                    view, notes = describe.view(iv, lang_value, turn), ""
                    sid: str | None = iv.session_id
            except Exception as exc:  # not ours / busy: relabel the page, leave the interview alone
                view, notes, sid = [gr.skip()] * len(describe.view_outputs), describe.refusal(exc, lang_value), None
            return [header_html(sid, lang_value) if sid else gr.skip(), status(lang_value), *view, notes,
                    *relabel(lang_value),
                    *bank.render(b_text, b_stage, b_theme, b_region, b_language, lang_value),
                    *search.rerun(context, s_stage, s_region, s_theme, s_target, s_language, lang_value),
                    full_card(services.store.get(open_id), lang_value) if open_id else gr.skip()]

        lang.input(switch_language, switch_inputs, switch_outputs, api_name="set_language")

        # -- "open card" buttons anywhere open the full card in the right-hand sidebar --------------------
        def open_model(lang_value: str, evt: gr.EventData) -> list[Any]:
            data = getattr(evt, "_data", None) or {}
            mid = str(data.get("model_id") or "") if isinstance(data, dict) else ""
            if not mid:
                return [gr.skip(), gr.skip(), gr.skip()]
            return [full_card(services.store.get(mid), norm_lang(lang_value)), gr.Sidebar(open=True), mid]

        for html in (describe.matches, describe.steps, search.results, bank.listing):
            html.click(open_model, [lang], [detail, sidebar, detail_id], api_visibility="private",
                       show_progress="hidden")

        _api(services, gate)
    return demo


def _api(services: Services, gate: SessionGate) -> None:
    """Plain JSON endpoints for scripts (``gradio_client``); same engine, same escaping rules on display.

    A session is reached with its id plus the secret ``interview_start`` returned (or the one passed to it)."""

    def refused(session_id: str) -> gr.Error:
        return gr.Error(f"unknown session {session_id!r} or wrong secret: a session can only be used with the "
                        "secret it was started with")

    def interview_start(lang: str = "fi", secret: str = "") -> dict[str, Any]:
        """Start an interview; returns the first Turn (session_id, reply, draft, …) and its ``secret``."""
        secret = secret or new_secret()
        return {**chat.turn_json(gate.start(lang, secret).current()), "secret": secret}

    def interview_turn(session_id: str, text: str, secret: str = "") -> dict[str, Any]:
        """One user turn in an existing session (id + secret); returns the Turn."""
        store_problem(services, "en")  # reconnect a bank that was down
        try:
            with gate.open(session_id, secret) as iv:
                return chat.turn_json(iv.turn(text))
        except NotYours:
            raise refused(session_id) from None

    def interview_export(session_id: str, lang: str = "", secret: str = "") -> dict[str, Any]:
        """The draft as canonical JSON (``record``) and as Markdown under Innokylä headings."""
        try:
            with gate.open(session_id, secret) as iv:
                return {"record": iv.to_record(), "markdown": iv.to_markdown(lang=lang or None)}
        except NotYours:
            raise refused(session_id) from None

    def find(query: str, stage: list[str] | None = None, region: list[str] | None = None,
             theme: list[str] | None = None, target_group: list[str] | None = None,
             language: list[str] | None = None, k: int = 5, lang: str = "fi") -> list[dict[str, Any]]:
        """Hybrid search with optional filters; each hit says why it matched."""
        from assistant.retrieval import Filters

        filters = Filters(stage=stage or [], region=region or [], theme=theme or [],
                          target_group=target_group or [], language=language or [])
        problem = store_problem(services, norm_lang(lang))
        if problem:
            raise gr.Error(problem)
        try:
            hits = services.retriever.search(query, k=max(1, min(int(k), 50)), filters=filters,
                                             lang=norm_lang(lang))
        except Exception as exc:
            raise gr.Error(failure_text(services, exc, norm_lang(lang)) or f"search failed: {exc}") from None
        return [h.to_json() for h in hits]

    def model(model_id: str) -> dict[str, Any] | None:
        """One bank record (canonical JSON) or None."""
        problem = store_problem(services, "en")
        if problem:
            raise gr.Error(problem)
        try:
            m: ModelDescription | None = services.store.get(model_id)
        except Exception as exc:
            raise gr.Error(failure_text(services, exc, "en") or f"lookup failed: {exc}") from None
        return m.to_record() if m else None

    def status() -> dict[str, Any]:
        """LLM backend, bank size, Chroma mode and whether the bank answers."""
        problem = store_problem(services, "en")
        return {"llm": llm_label(services.settings) or "offline", "models": bank_count(services),
                "chroma": services.store.mode, "available": problem is None, "problem": problem}

    for fn in (interview_start, interview_turn, interview_export, find, model, status):
        gr.api(fn, api_name=fn.__name__)


def launch_kwargs() -> dict[str, Any]:
    """Everything ``launch()`` needs for the look and the offline rules (theme/css live here in Gradio 6)."""
    return {"theme": theme(), "css": CSS, "footer_links": ["api", "settings"], "share": False,
            "show_error": False, "ssr_mode": False, "mcp_server": False, "pwa": False}


def launch_app(demo: gr.Blocks, host: str = "127.0.0.1", port: int | None = None,
               auth: tuple[str, str] | None = None, block: bool = True, quiet: bool = False) -> str:
    """Queue and launch; returns the local URL (``block=False`` returns right after start)."""
    demo.queue(default_concurrency_limit=4, max_size=128)
    _, url, _ = demo.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
                            quiet=quiet, **launch_kwargs())
    return str(url)


def serve(settings: Settings, host: str | None = None, port: int | None = None) -> int:
    """``parastelu serve``: loopback by default; any other address requires a user name and password."""
    host = host or settings.host
    port = port or settings.port
    password = settings.auth_password.get_secret_value() if settings.auth_password else ""
    auth = (settings.auth_user, password) if settings.auth_user and password else None
    if not is_loopback(host) and auth is None:
        print(f"error: refusing to listen on {host}: the UI would be reachable from other machines without "
              "a login. Set PARASTELU_AUTH_USER and PARASTELU_AUTH_PASSWORD, or use --host 127.0.0.1.",
              file=sys.stderr)
        return 2
    from assistant.writerlock import writer_lock

    with writer_lock(settings, "parastelu serve"):  # the only writer of an embedded store while it runs
        services = load_services(settings)
        problem = store_problem(services, "en")
        if problem:
            print(f"warning: {problem}", file=sys.stderr)
        demo = build_app(services)
        print(f"parastelu: http://{host}:{port}  (models: {bank_count(services)}, store: {services.store.mode})",
              file=sys.stderr)
        launch_app(demo, host=host, port=port, auth=auth, block=True, quiet=True)
    return 0
