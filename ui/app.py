"""The Gradio web UI: ``build_app(services)`` and ``serve(settings, host, port)`` (``parastelu serve``).

Per-user state is only the session id (``gr.State`` + ``gr.BrowserState`` + ``?session=`` in the URL) and
this browser's list of draft ids; the interview itself is re-loaded from SQLite by id, under the session's
lock, on every event. Services are shared read-mostly.
"""

from __future__ import annotations

import ipaddress
import secrets
import sys
from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.services import Services
from assistant.settings import Settings
from ui.api import register_api
from ui.backend import bank_count, llm_label, llm_problem, load_services, store_problem
from ui.bank import PAGE, BankTab
from ui.describe import DescribeTab, Shared
from ui.drafts import collect, drafts_html, remember
from ui.exports import use_private_gradio_cache
from ui.panel import DetailPanel
from ui.render import about_html, banner, header_html, notice
from ui.search import SearchTab
from ui.sessions import NotYours, SessionGate, new_secret
from ui.style import CSS, HEAD, SET_URL_JS, lang_js, theme
from ui.texts import LANG_CHOICES, norm_lang, tr

STORAGE_KEY = "parastelu-session"
OWNER_KEY = "parastelu-owner"
DRAFTS_KEY = "parastelu-drafts"


def browser_secret(settings: Settings) -> str:
    """Key for the values kept in localStorage; persisted so a restart keeps browsers' sessions."""
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

    def problems(lang: str) -> str:
        found = [p for p in (store_problem(services, lang), llm_problem(settings, lang)) if p]
        return banner(" ".join(found)) if found else ""

    def about(session_id: str | None, lang: str) -> str:
        return about_html(llm_label(settings), bank_count(services), services.store.mode, session_id, lang)

    def drafts_published() -> frozenset[str]:
        try:
            return frozenset(gate.store.published_drafts())
        except Exception:
            return frozenset()

    with gr.Blocks(title="Parastelu", analytics_enabled=False, fill_width=True,
                   delete_cache=(3600, 86400)) as demo:  # hourly, drop cached export copies older than a day
        session = gr.State("")
        key = browser_secret(settings)
        stored = gr.BrowserState("", storage_key=STORAGE_KEY, secret=key)
        owner = gr.State("")  # this tab's copy of the browser's secret (server-side; not an API parameter)
        owner_stored = gr.BrowserState("", storage_key=OWNER_KEY, secret=key)
        draft_ids = gr.BrowserState([], storage_key=DRAFTS_KEY, secret=key)
        follow = gr.State("")  # the language a turn followed the person into (see DescribeTab.follow)
        with gr.Row(elem_id="ps-top", equal_height=True):
            header = gr.HTML(header_html("fi"), elem_id="header", scale=5, min_width=160)
            lang = gr.Radio(LANG_CHOICES, value="fi", label=tr("app.language"), elem_id="lang", scale=0,
                            min_width=320)
        status_box = gr.HTML(problems("fi"), elem_id="status")
        panel = DetailPanel(services, gate)
        shared = Shared(session, stored, owner, owner_stored, draft_ids, lang, follow)
        with gr.Tabs(elem_id="tabs"):
            describe = DescribeTab(services, gate, shared)
            search = SearchTab(services, drafts_published)
            bank = BankTab(services, drafts_published)
        with gr.Accordion(tr("about.title"), open=False, elem_id="about-box") as about_box:
            about_view = gr.HTML(about(None, "fi"), elem_id="about")

        label_targets = [lang, about_box, *panel.label_targets, *describe.label_targets, *search.label_targets,
                         *bank.label_targets]

        def relabel(lang_value: str, with_value: bool = False) -> list[Any]:
            radio = (gr.Radio(value=lang_value, label=tr("app.language", lang_value)) if with_value
                     else gr.Radio(label=tr("app.language", lang_value)))
            return [radio, gr.Accordion(label=tr("about.title", lang_value)), *panel.relabel(lang_value),
                    *describe.relabel(lang_value), *search.relabel(lang_value), *bank.relabel(lang_value)]

        def bank_first_page(lang_value: str) -> list[Any]:
            return bank.render("", [], [], [], [], [], PAGE, lang_value)

        def after_publish(lang_value: str) -> list[Any]:
            """A published draft changes the bank: the bank list, filter choices and the about panel."""
            return [*bank_first_page(lang_value), *bank.facets(lang_value), *search.facets(lang_value),
                    about(None, lang_value)]

        refresh_outputs = [*bank.content_outputs, *bank.facet_outputs, *search.facet_outputs, about_view]
        describe.wire(refresh_outputs, after_publish)
        search.wire(lang)
        bank.wire(lang)

        # -- a session on screen: page load, "start over", resuming or deleting a draft ----------------------
        session_outputs = [session, stored, owner, owner_stored, draft_ids, about_view, *describe.view_outputs,
                           describe.notes, describe.drafts_list, describe.restart_box]

        def show_session(iv: Any, secret: str, ids: list[str] | None, lang_value: str, notes: str = "",
                         drafts_note: str = "") -> list[Any]:
            ids = remember(ids, iv.session_id)
            infos, ids = collect(gate, ids, secret)
            return [iv.session_id, iv.session_id, secret, secret, ids, about(iv.session_id, lang_value),
                    *describe.view(iv, lang_value), notes,
                    drafts_html(infos, iv.session_id, lang_value, note=drafts_note), gr.Group(visible=False)]

        load_outputs = [*session_outputs, describe.msg, header, status_box, *label_targets, *bank.content_outputs,
                        *bank.facet_outputs, *search.facet_outputs]

        def on_load(stored_id: str, stored_secret: str, ids: list[str] | None, request: gr.Request) -> list[Any]:
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
            return [*show_session(iv, secret, ids, lang_value, notes), describe.box(lang_value),
                    header_html(lang_value), problems(lang_value), *relabel(lang_value, with_value=True),
                    *bank_first_page(lang_value), *bank.facets(lang_value), *search.facets(lang_value)]

        labels_done = {"fn": describe.download_labels, "inputs": [lang], "outputs": [describe.dl_md, describe.dl_json],
                       "api_visibility": "private", "show_progress": "hidden"}
        demo.load(on_load, [stored, owner_stored, draft_ids], load_outputs, api_name="load").then(
            None, [stored, lang], None, js=SET_URL_JS).then(**labels_done)

        def restart_session(lang_value: str, secret: str, ids: list[str] | None) -> list[Any]:
            """A fresh interview owned by this browser; the old one stays in "Omat luonnokset"."""
            lang_value = norm_lang(lang_value)
            secret = secret or new_secret()
            return show_session(gate.start(lang_value, secret), secret, ids, lang_value)

        describe.restart_yes.click(restart_session, [lang, owner, draft_ids], session_outputs,
                                   api_name="restart").then(None, [stored, lang], None, js=SET_URL_JS)

        def draft_action(lang_value: str, current: str, secret: str, ids: list[str] | None,
                         evt: gr.EventData) -> list[Any]:
            """Resume a draft, or delete it (asked first); deleting the open one starts a new interview."""
            lang_value = norm_lang(lang_value)
            data = getattr(evt, "_data", None) or {}
            data = data if isinstance(data, dict) else {}
            action, sid = str(data.get("action") or ""), str(data.get("session") or "")
            keep = [gr.skip()] * len(session_outputs)
            if sid not in (ids or []):
                return keep
            if action in ("delete", "delete-no"):
                infos, _ = collect(gate, ids, secret)
                confirm = sid if action == "delete" else ""
                return [*keep[:-2], drafts_html(infos, current, lang_value, confirm=confirm), gr.skip()]
            try:
                if action == "delete-yes":
                    gate.delete(sid, secret)
                    rest = [i for i in (ids or []) if i != sid]
                    note = notice(tr("drafts.deleted", lang_value), "ok")
                    if sid != current:
                        infos, rest = collect(gate, rest, secret)
                        return [*keep[:4], rest, *keep[5:-2], drafts_html(infos, current, lang_value, note=note),
                                gr.skip()]
                    return show_session(gate.start(lang_value, secret), secret, rest, lang_value, drafts_note=note)
                if action == "resume":
                    with gate.open(sid, secret, lang_value) as iv:
                        if norm_lang(iv.current().lang) != lang_value:
                            iv.set_language(lang_value)
                        return show_session(iv, secret, ids, lang_value)
            except Exception as exc:
                return [*keep[:-3], describe.refusal(exc, lang_value), gr.skip(), gr.skip()]
            return keep

        describe.drafts_list.click(draft_action, [lang, session, owner, draft_ids], session_outputs,
                                   api_visibility="private").then(None, [stored, lang], None, js=SET_URL_JS)

        def refresh_drafts(lang_value: str, current: str, secret: str, ids: list[str] | None) -> list[Any]:
            infos, ids = collect(gate, ids, secret)
            return [drafts_html(infos, current, norm_lang(lang_value)), ids]

        describe.drafts_box.expand(refresh_drafts, [lang, session, owner, draft_ids],
                                   [describe.drafts_list, draft_ids], api_visibility="private",
                                   show_progress="hidden")

        # -- language switch: every label, and the interview re-asks its question in the new language -------
        switch_inputs = [lang, session, owner, panel.key, draft_ids, *bank.filter_inputs, bank.shown, search.last,
                         *search.filter_inputs]
        switch_outputs = [header, status_box, about_view, *describe.view_outputs, describe.notes,
                          describe.drafts_list, describe.msg, *label_targets, *bank.content_outputs,
                          *bank.facet_outputs, *search.facet_outputs, *search.run_outputs[2:], panel.detail,
                          search.pick_note, bank.pick_note]

        def switch_language(lang_value: str, session_id: str, secret: str, open_key: str, ids: list[str] | None,
                            b_text: str, b_stage: list[str], b_theme: list[str], b_region: list[str],
                            b_language: list[str], b_status: list[str], b_shown: int, previous: str,
                            s_stage: list[str], s_region: list[str], s_theme: list[str], s_target: str,
                            s_language: list[str], *, followed: bool = False) -> list[Any]:
            """``followed``: a turn already answered in this language (``describe.follow``); only the page
            follows, and the language picker is set to it."""
            lang_value = norm_lang(lang_value)
            view, notes, sid = [gr.skip()] * len(describe.view_outputs), gr.skip(), None
            if not followed:
                try:
                    with gate.open(session_id, secret, lang_value) as iv:
                        turn = iv.set_language(lang_value)
                        view, notes = describe.view(iv, lang_value, turn), ""
                        sid = iv.session_id
                except Exception as exc:  # not ours / busy: relabel the page, leave the interview alone
                    notes = describe.refusal(exc, lang_value)
            infos, _ = collect(gate, ids, secret)
            return [header_html(lang_value), problems(lang_value), about(sid or session_id, lang_value), *view, notes,
                    drafts_html(infos, session_id, lang_value), describe.box(lang_value),
                    *relabel(lang_value, with_value=followed),
                    *bank.render(b_text, b_stage, b_theme, b_region, b_language, b_status, b_shown, lang_value),
                    *bank.facets(lang_value), *search.facets(lang_value),
                    *search.rerun(previous, s_stage, s_region, s_theme, s_target, s_language, lang_value)[1:],
                    panel.rerender(open_key, session_id, secret, lang_value), "", ""]

        lang.input(switch_language, switch_inputs, switch_outputs, api_name="set_language").then(
            None, [stored, lang], None, js=SET_URL_JS).then(**labels_done)

        def follow_language(follow: str, *rest: Any) -> list[Any]:
            """A turn followed the person into another language ("<lang>#<nonce>"): the page follows too."""
            return switch_language(str(follow or "").split("#")[0], *rest, followed=True)

        describe.follow.change(follow_language, [describe.follow, *switch_inputs[1:]], switch_outputs,
                               api_visibility="private", show_progress="hidden").then(
            None, [stored, lang], None, js=SET_URL_JS).then(**labels_done)

        # -- "open card" and "compare" buttons anywhere open the detail panel --------------------------------
        panel.wire([describe.matches, describe.steps], [search.results, bank.listing], lang, session, owner,
                   [search.pick_note, bank.pick_note])
        register_api(services, gate)
    return demo


def launch_kwargs() -> dict[str, Any]:
    """Everything ``launch()`` needs for the look and the offline rules (theme/css live here in Gradio 6).

    No footer: Gradio's own footer would stay in the browser's language; the API link is in "Tietoja"."""
    return {"theme": theme(), "css": CSS, "head": HEAD, "js": lang_js(), "footer_links": [], "share": False,
            "show_error": False, "ssr_mode": False, "mcp_server": False, "pwa": False}


def launch_app(demo: gr.Blocks, host: str = "127.0.0.1", port: int | None = None,
               auth: tuple[str, str] | None = None, block: bool = True, quiet: bool = False) -> str:
    """Queue and launch; returns the local URL (``block=False`` returns right after start)."""
    demo.queue(default_concurrency_limit=8, max_size=256)
    _, url, _ = demo.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
                            quiet=quiet, **launch_kwargs())
    return str(url)


def serve(settings: Settings, host: str | None = None, port: int | None = None,
          before: Callable[[Services], None] | None = None,
          ready: Callable[[str, int | None], None] | None = None) -> int:
    """``parastelu serve``: loopback by default; any other address requires a user name and password.

    ``before(services)`` runs inside the writer lock before the UI starts (``make run`` loads the seed bank
    there); ``ready(url, models)`` replaces the start-up line."""
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
        elif before is not None:
            before(services)
        demo = build_app(services)
        url = f"http://{host}:{port}"
        if ready is not None:
            launch_app(demo, host=host, port=port, auth=auth, block=False, quiet=True)
            ready(url, bank_count(services))
            demo.block_thread()
        else:
            print(f"parastelu: {url}  (models: {bank_count(services)}, store: {services.store.mode})",
                  file=sys.stderr)
            launch_app(demo, host=host, port=port, auth=auth, block=True, quiet=True)
    return 0
