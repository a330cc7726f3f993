"""Kuvaa malli: the guided interview, a live model card, similar models, next steps, exports, publish."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.schema import label
from assistant.services import Services
from ui import chat
from ui.backend import failure_text, store_problem
from ui.exports import write_exports
from ui.render import (
    EDITABLE_FIELDS,
    FOLLOW_JS,
    OPEN_JS,
    edit_text,
    header_html,
    live_card,
    match_cards,
    notice,
    parse_edit,
    steps_html,
)
from ui.sessions import NotYours, SessionBusy, SessionConflict, SessionGate, new_secret
from ui.texts import norm_lang, tr

if TYPE_CHECKING:
    from assistant.interview import Interview


@dataclass
class Shared:
    """Components every tab reads or writes: the session id and the browser's secret (per tab, and kept
    in localStorage), the language and the header/status."""

    session: gr.State
    stored: gr.BrowserState
    owner: gr.State
    owner_stored: gr.BrowserState
    lang: gr.Radio
    header: gr.HTML
    status: gr.HTML
    detail: gr.HTML
    sidebar: gr.Sidebar


def field_choices(lang: str) -> list[tuple[str, str]]:
    return [(label(f, lang), f) for f in EDITABLE_FIELDS]


class DescribeTab:
    """Builds the tab inside the current Blocks context; ``wire`` attaches its events."""

    def __init__(self, services: Services, gate: SessionGate, shared: Shared) -> None:
        self.services, self.gate, self.shared = services, gate, shared
        self.refresh_status: Callable[[str], list[Any]] = lambda lang: []  # set by ``wire``
        self.n_refresh = 0
        self.n_labels = 0
        self.relabel_all: Callable[[str, bool], list[Any]] = lambda lang, with_value: []
        with gr.Tab(tr("tab.describe"), id="describe", elem_id="tab-describe") as self.tab:
            with gr.Row(equal_height=False):
                with gr.Column(scale=6, min_width=380):
                    # render_markdown=False: messages are escaped HTML (ui/chat.py), never Markdown
                    self.chatbot = gr.Chatbot(label=tr("chat.label"), elem_id="chat", height=520,
                                              layout="bubble", feedback_options=None, autoscroll=True,
                                              sanitize_html=True, render_markdown=False, latex_delimiters=[],
                                              show_label=False, buttons=["copy_all"])
                    with gr.Row(equal_height=True):
                        self.msg = gr.Textbox(placeholder=tr("chat.placeholder"), show_label=False, lines=1,
                                              max_lines=8, scale=8, elem_id="chat-input", autofocus=True,
                                              submit_btn=False)
                        self.send = gr.Button(tr("chat.send"), variant="primary", scale=1, min_width=90,
                                              elem_id="chat-send")
                    self.notes = gr.HTML("", elem_id="chat-notes")
                    with gr.Row(elem_classes=["ps-actions"]):
                        self.dl_md = gr.DownloadButton(tr("export.md"), value=None, size="sm",
                                                       elem_id="download-md")
                        self.dl_json = gr.DownloadButton(tr("export.json"), value=None, size="sm",
                                                         elem_id="download-json")
                        self.publish = gr.Button(tr("publish.button"), size="sm", elem_id="publish")
                        self.restart = gr.Button(tr("chat.restart"), size="sm", variant="stop",
                                                 elem_id="restart")
                    with gr.Group(visible=False, elem_id="publish-confirm") as self.confirm_box:
                        self.confirm_q = gr.HTML(notice(tr("publish.question"), "warn"))
                        with gr.Row():
                            self.confirm_yes = gr.Button(tr("publish.confirm"), variant="primary", size="sm",
                                                         elem_id="publish-yes")
                            self.confirm_no = gr.Button(tr("publish.cancel"), size="sm", elem_id="publish-no")
                with gr.Column(scale=5, min_width=340):
                    self.card = gr.HTML(live_card(None, {}, "fi"), elem_id="live-card", max_height=560,
                                        js_on_load=FOLLOW_JS)
                    with gr.Accordion(tr("edit.title"), open=False, elem_id="edit-box") as self.edit_box:
                        self.edit_field = gr.Dropdown(field_choices("fi"), value="name",
                                                      label=tr("edit.field"), elem_id="edit-field")
                        self.edit_value = gr.Textbox(label=tr("edit.value"), info=tr("edit.value_info"),
                                                     lines=3, max_lines=12, elem_id="edit-value")
                        self.edit_save = gr.Button(tr("edit.save"), size="sm", elem_id="edit-save")
            with gr.Row(equal_height=False):
                with gr.Column(scale=6, min_width=380):
                    self.matches = gr.HTML(match_cards([], "fi"), elem_id="matches", js_on_load=OPEN_JS)
                with gr.Column(scale=5, min_width=340):
                    self.steps = gr.HTML(steps_html([], "fi"), elem_id="next-steps", js_on_load=OPEN_JS)

    # -- rendering --------------------------------------------------------------------------------
    @property
    def view_outputs(self) -> list[Any]:
        return [self.chatbot, self.card, self.matches, self.steps, self.dl_md, self.dl_json]

    def view(self, iv: Interview, lang: str, turn: Any = None, streaming: bool = False) -> list[Any]:
        """Values for ``view_outputs`` from the saved interview (and the turn just taken, if any)."""
        turn = turn or iv.current()
        md_path, json_path = write_exports(iv.session_id, turn.draft.name or turn.draft.id,
                                           iv.to_markdown(lang=lang), iv.to_record())
        card = live_card(turn.draft, turn.status, lang, turn.asked_field, turn.done, len(iv.history), streaming)
        return [chat.transcript(iv, turn.reply), card, match_cards(turn.matches, lang),
                steps_html(turn.next_steps, lang), md_path, json_path]

    @property
    def label_targets(self) -> list[Any]:
        return [self.tab, self.msg, self.send, self.dl_md, self.dl_json, self.publish, self.restart,
                self.confirm_q, self.confirm_yes, self.confirm_no, self.edit_box, self.edit_field,
                self.edit_value, self.edit_save]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.describe", lang)),
                gr.Textbox(placeholder=tr("chat.placeholder", lang)),
                gr.Button(tr("chat.send", lang)),
                gr.DownloadButton(label=tr("export.md", lang)),
                gr.DownloadButton(label=tr("export.json", lang)),
                gr.Button(tr("publish.button", lang)),
                gr.Button(tr("chat.restart", lang)),
                notice(tr("publish.question", lang), "warn"),
                gr.Button(tr("publish.confirm", lang)),
                gr.Button(tr("publish.cancel", lang)),
                gr.Accordion(label=tr("edit.title", lang)),
                gr.Dropdown(choices=field_choices(lang), label=tr("edit.field", lang)),
                gr.Textbox(label=tr("edit.value", lang), info=tr("edit.value_info", lang)),
                gr.Button(tr("edit.save", lang))]

    # -- handlers ---------------------------------------------------------------------------------
    def refusal(self, exc: Exception, lang: str) -> str:
        """The notice for a refused or failed event (never a traceback)."""
        if isinstance(exc, NotYours):
            return notice(tr("session.refused", lang), "error")
        if isinstance(exc, SessionBusy):
            return notice(tr("session.busy", lang), "warn")
        if isinstance(exc, SessionConflict):
            return notice(tr("session.conflict", lang), "warn")
        failure = failure_text(self.services, exc, lang)
        return notice(failure or tr("chat.error", lang, error=_reason(exc)), "error")

    def send_message(self, text: str, session_id: str, secret: str, lang: str,
                     shown: list[Any] | None) -> Iterator[list[Any]]:
        """One user turn: echo the message at once; then, holding the session's lock, load → turn → save;
        then stream the saved reply and refresh the card. A second send to the same session waits.

        Outputs: message box, the six view outputs, notes, session, stored id, owner (tab and browser),
        then every label (the engine may follow the user into another language; the labels follow it)."""
        lang = norm_lang(lang)
        text = (text or "").strip()
        keep_labels = [gr.skip()] * self.n_labels
        fresh = not secret
        secret = secret or new_secret()  # an API client that never called /load

        def frame(chat_value: Any, notes: Any = None, sid: Any = None, view: list[Any] | None = None,
                  labels: list[Any] | None = None, box: str = "") -> list[Any]:
            skip = gr.skip()
            owner = secret if fresh else skip
            return [box, *(view or [chat_value, skip, skip, skip, skip, skip]),
                    skip if notes is None else notes, skip if sid is None else sid,
                    skip if sid is None else sid, owner, owner, *(labels or keep_labels)]

        if not text:
            yield frame(gr.skip())
            return
        before = list(shown or [])
        yield frame([*before, chat.user_message(text)], notes="")
        store_problem(self.services, lang)  # a bank that was down is reconnected here, not only on page load
        try:
            with self.gate.open(session_id, secret, lang, create=True) as iv:
                turn = iv.turn(text)
                new_lang = norm_lang(turn.lang)
                view = self.view(iv, new_lang, turn, streaming=True)  # card, matches, steps, exports at once…
                saved = len(iv.history)
        except (NotYours, SessionBusy) as exc:  # nothing was saved: the text goes back into the box
            yield frame(before, notes=self.refusal(exc, lang), box=text)
            return
        except Exception as exc:  # keep the page usable; the engine saved the user's text first
            yield frame(gr.skip(), notes=self.refusal(exc, lang))
            return
        full = view[0]
        parts = list(chat.chunks(turn.reply))  # …while the saved reply streams in
        yield frame(None, sid=iv.session_id, view=[[*full[:-1], chat.assistant_message(parts[0])], *view[1:]])
        for part in parts[1:-1]:
            time.sleep(chat.STREAM_DELAY)
            yield frame([*full[:-1], chat.assistant_message(part)])
        notes = "".join(notice(n, "info") for n in turn.notices)
        if turn.done:
            notes += notice(tr("chat.done", new_lang), "ok")
        labels = self.relabel_all(new_lang, True) if new_lang != lang else None
        card = live_card(turn.draft, turn.status, new_lang, turn.asked_field, turn.done, saved)
        yield frame(None, notes=notes, labels=labels, view=[full, card, gr.skip(), gr.skip(), gr.skip(), gr.skip()])

    def prefill(self, field: str, session_id: str, secret: str) -> str:
        """The selected field's current value in the edit box."""
        if field not in EDITABLE_FIELDS:
            return ""
        try:
            with self.gate.open(session_id, secret) as iv:
                return edit_text(getattr(iv.current().draft, field, None))
        except Exception:  # not this browser's session, or busy: leave the box empty
            return ""

    def save_edit(self, field: str, value: str, session_id: str, secret: str, lang: str) -> list[Any]:
        """Apply a card edit (marks the field confirmed); the card, matches and exports refresh."""
        lang = norm_lang(lang)
        skip6 = [gr.skip()] * 6
        if field not in EDITABLE_FIELDS:
            return [*skip6, notice(tr("edit.failed", lang, error=field), "error")]
        try:
            with self.gate.open(session_id, secret, lang) as iv:
                try:
                    turn = iv.edit(field, parse_edit(field, value or ""))
                except (SessionConflict, SessionBusy):
                    raise
                except Exception as exc:  # validation errors are shown, not raised
                    return [*skip6, notice(tr("edit.failed", lang, error=_reason(exc)), "error")]
                view = self.view(iv, lang, turn)
        except Exception as exc:
            return [*skip6, self.refusal(exc, lang)]
        return [*view, notice(tr("edit.saved", lang, field=label(field, lang)), "ok")]

    def do_publish(self, session_id: str, secret: str, lang: str) -> list[Any]:
        """Publish the draft into the bank, unless it holds personal data (the field is named)."""
        from assistant.pii import PersonalDataError, ensure_publishable

        lang = norm_lang(lang)
        try:
            with self.gate.open(session_id, secret, lang) as iv:
                ensure_publishable(iv.to_record(), lang)
                model = iv.publish()
        except (NotYours, SessionBusy, SessionConflict) as exc:
            return [gr.Group(visible=False), self.refusal(exc, lang), *([gr.skip()] * self.n_refresh)]
        except PersonalDataError as exc:
            failed = notice(tr("publish.failed", lang, error=str(exc)), "error")
            return [gr.Group(visible=False), failed, *([gr.skip()] * self.n_refresh)]
        except Exception as exc:
            failed = notice(tr("publish.failed", lang, error=_reason(exc)), "error")
            return [gr.Group(visible=False), failed, *([gr.skip()] * self.n_refresh)]
        return [gr.Group(visible=False), notice(tr("publish.done", lang, name=model.name, id=model.id), "ok"),
                *self.refresh_status(lang)]

    def restart_session(self, lang: str, secret: str) -> list[Any]:
        """A fresh interview owned by this browser; the old one stays resumable by its id (here)."""
        lang = norm_lang(lang)
        secret = secret or new_secret()
        iv = self.gate.start(lang, secret)
        return [iv.session_id, iv.session_id, secret, secret, header_html(iv.session_id, lang),
                *self.view(iv, lang), "", gr.Group(visible=False)]

    def wire(self, refresh_outputs: list[Any], refresh: Callable[[str], list[Any]], label_targets: list[Any],
             relabel_all: Callable[[str, bool], list[Any]]) -> None:
        """Attach events. ``refresh`` updates ``refresh_outputs`` after publishing (status line, bank);
        ``label_targets``/``relabel_all`` cover every label of the page (all tabs)."""
        s = self.shared
        self.refresh_status = refresh
        self.n_refresh = len(refresh_outputs)
        self.n_labels = len(label_targets)
        self.relabel_all = relabel_all
        send_outputs = [self.msg, *self.view_outputs, self.notes, s.session, s.stored, s.owner, s.owner_stored,
                        *label_targets]
        send_inputs = [self.msg, s.session, s.owner, s.lang, self.chatbot]
        self.send.click(self.send_message, send_inputs, send_outputs, api_name="send", show_progress="hidden",
                        concurrency_limit=8)
        self.msg.submit(self.send_message, send_inputs, send_outputs, api_name="send_submit",
                        show_progress="hidden", concurrency_limit=8)
        self.edit_field.input(self.prefill, [self.edit_field, s.session, s.owner], [self.edit_value],
                              api_name="prefill", show_progress="hidden")
        self.edit_save.click(self.save_edit, [self.edit_field, self.edit_value, s.session, s.owner, s.lang],
                             [*self.view_outputs, self.notes], api_name="edit")
        self.publish.click(lambda: gr.Group(visible=True), None, [self.confirm_box], api_visibility="private",
                           show_progress="hidden")
        self.confirm_no.click(lambda: gr.Group(visible=False), None, [self.confirm_box],
                              api_visibility="private", show_progress="hidden")
        self.confirm_yes.click(self.do_publish, [s.session, s.owner, s.lang], [self.confirm_box, self.notes,
                                                                      *refresh_outputs], api_name="publish")
        self.restart.click(self.restart_session, [s.lang, s.owner],
                           [s.session, s.stored, s.owner, s.owner_stored, s.header, *self.view_outputs, self.notes,
                            self.confirm_box],
                           api_name="restart").then(None, [s.stored], None, js=SET_URL_JS)


def _reason(exc: Exception) -> str:
    """A short, human-readable reason from an exception (pydantic errors become 'field: reason')."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            return f"{first.get('msg', '')}".removeprefix("Value error, ")
        except Exception:  # noqa: S110  (fall back to the plain message)
            pass
    text = str(exc) or type(exc).__name__
    return text[:300]


# Put the session id into the address bar (?session=…) so a reload or a bookmark resumes it.
SET_URL_JS = """(sid) => {
  if (sid) { const u = new URL(window.location.href); u.searchParams.set('session', sid);
             window.history.replaceState(null, '', u.toString()); }
  return [];
}"""
