"""Kuvaa malli: the guided interview, the live model card (also the editor), similar models, next steps,
exports, publishing and "start over". Every event that reads or changes the interview goes through
``SessionGate.open`` (one writer per session)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.interview_types import Message
from assistant.schema import label
from assistant.services import Services
from ui import chat
from ui.backend import failure_text, store_problem
from ui.card import CARD_JS, EDITABLE_FIELDS, edit_error, live_card, parse_edit, progress
from ui.drafts import DRAFTS_JS
from ui.exports import write_exports
from ui.render import OPEN_JS, match_cards, notice, steps_html
from ui.safe import esc
from ui.sessions import NotYours, SessionBusy, SessionConflict, SessionGate, new_secret
from ui.texts import norm_lang, tr

if TYPE_CHECKING:
    from assistant.interview import Interview


@dataclass
class Shared:
    """Components every tab reads or writes: the session id and the browser's secret (per tab, and kept
    in localStorage), this browser's draft ids, and the language."""

    session: gr.State
    stored: gr.BrowserState
    owner: gr.State
    owner_stored: gr.BrowserState
    drafts: gr.BrowserState
    lang: gr.Radio
    follow: gr.State | None = None  # made outside the tabs (a State inside gr.Tabs shifts the tab buttons)


def jump_html(status: dict[str, Any], lang: str) -> str:
    """On a phone the card sits under the chat: one tap jumps to it (hidden on a wide screen)."""
    done, total = progress(status)
    return (f'<button type="button" class="ps-jump" data-testid="card-jump">'
            f'{esc(tr("chat.card_jump", lang, done=done, total=total))} ↓</button>')


# Scrolls to the card and puts the focus on its first edit button (no URL fragment: Gradio routes on it).
JUMP_JS = ("element.addEventListener('click', (e) => { if (!e.target.closest('.ps-jump')) return;"
           " const card = document.querySelector('#live-card'); card.scrollIntoView({block: 'start'});"
           " const b = card.querySelector('button[data-act=edit]'); if (b) b.focus({preventScroll: true}); });")


def apply_edit(iv: Interview, field: str, value: Any, lang: str) -> Any:
    """``Interview.edit`` (raises on a bad value), then "Korjasit kohdan …" in the chat (saved, so it is
    there after a reload too). Called with the session's lock held."""
    iv.edit(field, parse_edit(field, value))
    iv.state.history.append(Message(role="assistant", asked_field=iv.state.pending_field,
                                    text=tr("edit.corrected", lang, field=label(field, lang))))
    iv.sessions.save(iv.state)
    return iv.current()


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text[:300]


def _confirm_box(name: str, keys: tuple[str, str, str]) -> tuple[Any, Any, Any, Any]:
    """A hidden "are you sure?" box (#name-confirm) with its question and yes/no buttons (#name-yes/-no)."""
    question, yes, no = keys
    with gr.Group(visible=False, elem_id=f"{name}-confirm") as box:
        q = gr.HTML(notice(tr(question), "warn"))
        with gr.Row():
            yes_b = gr.Button(tr(yes), variant="primary", size="sm", elem_id=f"{name}-yes")
            no_b = gr.Button(tr(no), size="sm", elem_id=f"{name}-no")
    return box, q, yes_b, no_b


class DescribeTab:
    """Builds the tab inside the current Blocks context; ``wire`` attaches its events."""

    def __init__(self, services: Services, gate: SessionGate, shared: Shared) -> None:
        self.services, self.gate, self.shared = services, gate, shared
        self.refresh_status: Callable[[str], list[Any]] = lambda lang: []  # set by ``wire``
        self.n_refresh = 0
        # "<lang>#<nonce>" when a turn follows the user into another language: its change event (wired by the
        # app) relabels the page, so an ordinary turn carries no label updates (Gradio rebuilds every output
        # it is told to skip, which made the page's send twice as costly as the JSON API's turn)
        self.follow = shared.follow if shared.follow is not None else gr.State("")
        with gr.Tab(tr("tab.describe"), id="describe", elem_id="tab-describe") as self.tab:
            with gr.Row(equal_height=False, elem_id="describe-main"):
                with gr.Column(scale=6, min_width=300, elem_id="chat-column"):
                    # render_markdown=False: messages are escaped HTML (ui/chat.py), never Markdown
                    self.chatbot = gr.Chatbot(label=tr("chat.label"), elem_id="chat", height=520,
                                              layout="bubble", feedback_options=None, autoscroll=True,
                                              sanitize_html=True, render_markdown=False, latex_delimiters=[],
                                              show_label=False, buttons=[], group_consecutive_messages=False)
                    with gr.Row(equal_height=True, elem_id="chat-input-row"):
                        self.msg = gr.Textbox(label=tr("chat.label"), placeholder=tr("chat.placeholder"),
                                              show_label=False, lines=1, max_lines=8, scale=8,
                                              elem_id="chat-input", autofocus=True, submit_btn=False)
                        self.send = gr.Button(tr("chat.send"), variant="primary", scale=1, min_width=80,
                                              elem_id="chat-send")
                    self.notes = gr.HTML("", elem_id="chat-notes")
                    self.jump = gr.HTML(jump_html({}, "fi"), elem_id="card-jump", js_on_load=JUMP_JS)
                with gr.Column(scale=5, min_width=300, elem_id="card-column"):
                    self.card = gr.HTML(live_card(None, {}, "fi"), elem_id="live-card", js_on_load=CARD_JS)
            with gr.Row(elem_classes=["ps-actions"], elem_id="describe-actions"):
                self.dl_md = gr.DownloadButton(tr("export.md"), value=None, size="sm", elem_id="download-md")
                self.dl_json = gr.DownloadButton(tr("export.json"), value=None, size="sm", elem_id="download-json")
                self.publish = gr.Button(tr("publish.button"), size="sm", elem_id="publish")
                self.restart = gr.Button(tr("chat.restart"), size="sm", elem_id="restart")
            self.confirm_box, self.confirm_q, self.confirm_yes, self.confirm_no = _confirm_box(
                "publish", ("publish.question", "publish.confirm", "publish.cancel"))
            self.restart_box, self.restart_q, self.restart_yes, self.restart_no = _confirm_box(
                "restart", ("chat.restart_question", "chat.restart_confirm", "chat.restart_cancel"))
            with gr.Accordion(tr("drafts.title"), open=False, elem_id="drafts-box") as self.drafts_box:
                self.drafts_list = gr.HTML("", elem_id="drafts", js_on_load=DRAFTS_JS)
            with gr.Row(visible=False):  # ``/edit`` for scripts (the browser edits on the card itself)
                self.api_field = gr.Textbox(visible=False)
                self.api_value = gr.Textbox(visible=False)
                self.api_edit = gr.Button(visible=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=6, min_width=300):
                    self.matches = gr.HTML(match_cards([], "fi"), elem_id="matches", js_on_load=OPEN_JS)
                with gr.Column(scale=5, min_width=300):
                    self.steps = gr.HTML(steps_html([], "fi"), elem_id="next-steps", js_on_load=OPEN_JS)

    # -- rendering --------------------------------------------------------------------------------
    @property
    def view_outputs(self) -> list[Any]:
        return [self.chatbot, self.card, self.jump, self.matches, self.steps, self.dl_md, self.dl_json]

    def card_html(self, iv: Interview, lang: str, turn: Any = None, editing: str | None = None,
                  value: Any = None, error: str = "") -> str:
        turn = turn or iv.current()
        return live_card(turn.draft, turn.status, lang, turn.asked_field, turn.done, len(iv.history),
                         editing=editing, edit_value=value, error=error)

    def view(self, iv: Interview, lang: str, turn: Any = None) -> list[Any]:
        """Values for ``view_outputs`` from the saved interview (and the turn just taken, if any)."""
        turn = turn or iv.current()
        md_path, json_path = write_exports(iv.session_id, turn.draft.name or turn.draft.id,
                                           iv.to_markdown(lang=lang), iv.to_record())
        return [chat.transcript(iv, turn.reply), self.card_html(iv, lang, turn), jump_html(turn.status, lang),
                match_cards(turn.matches, lang), steps_html(turn.next_steps, lang), md_path, json_path]

    @staticmethod
    def download_labels(lang: str) -> list[Any]:
        """The download buttons' labels (a follow-up step after events that may change the language: the
        buttons' files are in ``view``, and one event cannot update a component twice)."""
        lang = norm_lang(lang)
        return [gr.DownloadButton(label=tr("export.md", lang)), gr.DownloadButton(label=tr("export.json", lang))]

    @staticmethod
    def box(lang: str, value: str | None = None) -> Any:
        """The message box with its label and placeholder in ``lang`` (its text kept unless ``value``)."""
        if value is None:
            return gr.Textbox(label=tr("chat.label", lang), placeholder=tr("chat.placeholder", lang))
        return gr.Textbox(value=value, label=tr("chat.label", lang), placeholder=tr("chat.placeholder", lang))

    @property
    def label_targets(self) -> list[Any]:
        """Labels not set by ``view`` (the downloads) or by the handlers (the message box, see ``box``)."""
        return [self.tab, self.send, self.publish, self.restart, self.confirm_q, self.confirm_yes, self.confirm_no,
                self.restart_q, self.restart_yes, self.restart_no, self.drafts_box]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.describe", lang)),
                gr.Button(tr("chat.send", lang)),
                gr.Button(tr("publish.button", lang)),
                gr.Button(tr("chat.restart", lang)),
                notice(tr("publish.question", lang), "warn"),
                gr.Button(tr("publish.confirm", lang)),
                gr.Button(tr("publish.cancel", lang)),
                notice(tr("chat.restart_question", lang), "warn"),
                gr.Button(tr("chat.restart_confirm", lang)),
                gr.Button(tr("chat.restart_cancel", lang)),
                gr.Accordion(label=tr("drafts.title", lang))]

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
        """One user turn: echo the message at once; then, holding the session's lock, load → turn → save,
        and show the saved reply with the card, matches and steps. A second send to the same session waits.

        Outputs: message box, the view outputs, notes, session, stored id, owner (tab and browser), and the
        language the engine followed the user into, if it did (``follow``: its change event relabels the page)."""
        lang = norm_lang(lang)
        text = (text or "").strip()
        n_view = len(self.view_outputs)
        fresh = not secret
        secret = secret or new_secret()  # an API client that never called /load

        def frame(chat_value: Any, notes: Any = None, sid: Any = None, view: list[Any] | None = None,
                  follow: str | None = None, box: Any = "") -> list[Any]:
            skip = gr.skip()
            owner = secret if fresh else skip
            return [box, *(view or [chat_value, *([skip] * (n_view - 1))]),
                    skip if notes is None else notes, skip if sid is None else sid,
                    skip if sid is None else sid, owner, owner, skip if follow is None else follow]

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
                view = self.view(iv, new_lang, turn)
        except (NotYours, SessionBusy) as exc:  # nothing was saved: the text goes back into the box
            yield frame(before, notes=self.refusal(exc, lang), box=text)
            return
        except Exception as exc:  # keep the page usable; the engine saved the user's text first
            yield frame(gr.skip(), notes=self.refusal(exc, lang))
            return
        notes = "".join(notice(n, "info") for n in turn.notices)
        if turn.done:
            notes += notice(tr("chat.done", new_lang), "ok")
        if new_lang != lang:  # the engine followed the user into another language; so does the page
            # the message box is relabelled with the rest of the page, by the ``follow`` change event
            yield frame(None, notes=notes, sid=iv.session_id, view=view, follow=f"{new_lang}#{new_secret()[:8]}")
        else:
            yield frame(None, notes=notes, sid=iv.session_id, view=view)

    def card_event(self, session_id: str, secret: str, lang: str, evt: gr.EventData) -> list[Any]:
        """The card as editor: open a field's form (prefilled), cancel it, or save it through
        ``Interview.edit``. A rejected value keeps the form open with the error beside the field."""
        lang = norm_lang(lang)
        data = getattr(evt, "_data", None) or {}
        data = data if isinstance(data, dict) else {}
        action, field = str(data.get("action") or ""), str(data.get("field") or "")
        skip = [gr.skip()] * len(self.view_outputs)
        if field not in EDITABLE_FIELDS or action not in ("edit", "cancel", "save"):
            return [*skip, gr.skip()]
        try:
            with self.gate.open(session_id, secret, lang) as iv:
                if action != "save":
                    card = self.card_html(iv, lang, editing=field if action == "edit" else None)
                    return [gr.skip(), card, *skip[2:], ""]
                value = data.get("value")
                try:
                    turn = apply_edit(iv, field, value, lang)
                except (SessionConflict, SessionBusy):
                    raise
                except Exception as exc:  # ValueError / ValidationError: shown next to the field
                    card = self.card_html(iv, lang, editing=field, value=value,
                                          error=edit_error(exc, field, lang))
                    return [gr.skip(), card, *skip[2:], ""]
                view = self.view(iv, lang, turn)
        except Exception as exc:
            return [*skip, self.refusal(exc, lang)]
        return [*view, ""]

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

    def wire(self, refresh_outputs: list[Any], refresh: Callable[[str], list[Any]]) -> None:
        """Attach events. ``refresh`` updates ``refresh_outputs`` after publishing (bank, about). Starting
        over, resuming a draft and the page following a turn's language (``follow``) are wired by the app
        (they change the session or every label)."""
        s = self.shared
        self.refresh_status = refresh
        self.n_refresh = len(refresh_outputs)
        send_outputs = [self.msg, *self.view_outputs, self.notes, s.session, s.stored, s.owner, s.owner_stored,
                        self.follow]
        send_inputs = [self.msg, s.session, s.owner, s.lang, self.chatbot]
        for event, name in ((self.send.click, "send"), (self.msg.submit, "send_submit")):
            event(self.send_message, send_inputs, send_outputs, api_name=name, show_progress="hidden",
                  concurrency_limit=8)
        self.card.submit(self.card_event, [s.session, s.owner, s.lang], [*self.view_outputs, self.notes],
                         api_visibility="private", show_progress="hidden")
        self.publish.click(lambda: gr.Group(visible=True), None, [self.confirm_box], api_visibility="private",
                           show_progress="hidden")
        self.confirm_no.click(lambda: gr.Group(visible=False), None, [self.confirm_box],
                              api_visibility="private", show_progress="hidden")
        self.confirm_yes.click(self.do_publish, [s.session, s.owner, s.lang], [self.confirm_box, self.notes,
                                                                      *refresh_outputs], api_name="publish")
        self.restart.click(lambda: gr.Group(visible=True), None, [self.restart_box], api_visibility="private",
                           show_progress="hidden")
        self.restart_no.click(lambda: gr.Group(visible=False), None, [self.restart_box],
                              api_visibility="private", show_progress="hidden")
        self.api_edit.click(self.edit_api, [self.api_field, self.api_value, s.session, s.owner, s.lang],
                            [*self.view_outputs, self.notes], api_name="edit")

    def edit_api(self, field: str, value: str, session_id: str, secret: str, lang: str) -> list[Any]:
        """``/edit`` for scripts: the same edit as the card's form (list fields: one item per line)."""
        lang = norm_lang(lang)
        if field not in EDITABLE_FIELDS:
            return [*([gr.skip()] * len(self.view_outputs)), notice(tr("edit.err.invalid", lang, field=field),
                                                                     "error")]
        try:
            with self.gate.open(session_id, secret, lang) as iv:
                try:
                    turn = apply_edit(iv, field, value or "", lang)
                except (SessionConflict, SessionBusy):
                    raise
                except Exception as exc:
                    return [*([gr.skip()] * len(self.view_outputs)), notice(edit_error(exc, field, lang), "error")]
                view = self.view(iv, lang, turn)
        except Exception as exc:
            return [*([gr.skip()] * len(self.view_outputs)), self.refusal(exc, lang)]
        return [*view, notice(tr("edit.corrected", lang, field=label(field, lang)), "ok")]
