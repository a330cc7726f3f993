"""The detail panel: a bank model's full card, or two models side by side ("Vertaa"). It opens over the
page (full screen on a phone) with a "Sulje" button that takes the focus back, and follows the language.

What it shows is kept as a key so a language switch can render it again: ``model:ID``,
``compare:A|B`` (two bank models) or ``draft:B`` (the user's own draft against bank model B).
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.render import draft_to_model
from assistant.services import Services
from ui.compare import comparison_html, picked_html
from ui.render import detail_placeholder, full_card, notice
from ui.sessions import SessionGate
from ui.style import RETURN_FOCUS_JS
from ui.texts import norm_lang, tr

FOCUS_JS = """() => { setTimeout(() => { const h = document.querySelector('#detail [tabindex="-1"]');
  if (h) h.focus(); }, 60); return []; }"""


class DetailPanel:
    """Built inside the Blocks context (before the tabs); ``wire`` attaches the list buttons."""

    def __init__(self, services: Services, gate: SessionGate) -> None:
        self.services, self.gate = services, gate
        with gr.Column(visible=False, elem_id="detail-panel") as self.column:
            self.close = gr.Button(tr("detail.close"), size="sm", elem_id="detail-close")
            self.detail = gr.HTML(detail_placeholder("fi"), elem_id="detail")
        self.key = gr.State("")
        self.pick = gr.State("")  # the first model picked for a comparison (search and bank)

    @property
    def label_targets(self) -> list[Any]:
        return [self.close]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Button(tr("detail.close", lang))]

    def _draft(self, session_id: str, secret: str, lang: str) -> Any:
        with self.gate.open(session_id, secret, lang) as iv:
            model = draft_to_model(iv.state.draft, iv.state.lang, iv.state.published_id)
            return model.model_copy(update={"id": "oma-kuvaus"}) if not iv.state.draft.name else model

    def render(self, key: str, session_id: str, secret: str, lang: str) -> str:
        """The panel's content for a key (escaped HTML)."""
        from assistant.compare import compare

        kind, _, rest = key.partition(":")
        store = self.services.store
        try:
            if kind == "model":
                return full_card(store.get(rest), lang, self._status(rest))
            if kind == "compare":
                a_id, _, b_id = rest.partition("|")
                a, b = store.get(a_id), store.get(b_id)
                if a is None or b is None:
                    return notice(tr("compare.failed", lang), "error")
                return comparison_html(compare(a, b, self.services, lang), lang)
            if kind == "draft":
                b = store.get(rest)
                if b is None:
                    return notice(tr("compare.failed", lang), "error")
                a = self._draft(session_id, secret, lang)
                return comparison_html(compare(a, b, self.services, lang), lang, tr("compare.your_draft", lang))
        except Exception:
            return notice(tr("compare.failed", lang), "error")
        return detail_placeholder(lang)

    def _status(self, model_id: str) -> str:
        try:
            return "draft" if model_id in self.gate.store.published_drafts() else "published"
        except Exception:
            return "published"

    def rerender(self, key: str, session_id: str, secret: str, lang: str) -> Any:
        return self.render(key, session_id, secret, lang) if key else gr.skip()

    def wire(self, own_lists: list[Any], bank_lists: list[Any], lang: Any, session: Any, owner: Any,
             pick_notes: list[Any]) -> None:
        """``own_lists`` (matches, next steps) compare against the user's draft; ``bank_lists`` (search
        results, bank) compare two picked models."""
        outputs = [self.detail, self.column, self.key, self.pick, *pick_notes]
        n_notes = len(pick_notes)

        def act(own: bool, lang_value: str, session_id: str, secret: str, picked: str,
                evt: gr.EventData) -> list[Any]:
            lang_value = norm_lang(lang_value)
            data = getattr(evt, "_data", None) or {}
            data = data if isinstance(data, dict) else {}
            mid, action = str(data.get("model_id") or ""), str(data.get("action") or "open")
            skip = [gr.skip()] * (4 + n_notes)
            if not mid:
                return skip
            if action == "compare" and own:
                key = f"draft:{mid}"
            elif action == "compare":
                if not picked or picked == mid:
                    model = self.services.store.get(mid)
                    if model is None:
                        return skip
                    note = picked_html(model, lang_value)
                    return [gr.skip(), gr.skip(), gr.skip(), mid, *([note] * n_notes)]
                key = f"compare:{picked}|{mid}"
            else:
                key = f"model:{mid}"
            html = self.render(key, session_id, secret, lang_value)
            clear = "" if action == "compare" else gr.skip()
            return [html, gr.Column(visible=True), key, "" if action == "compare" else picked,
                    *([clear] * n_notes)]

        def own_act(lang_value: str, session_id: str, secret: str, picked: str, evt: gr.EventData) -> list[Any]:
            return act(True, lang_value, session_id, secret, picked, evt)

        def bank_act(lang_value: str, session_id: str, secret: str, picked: str, evt: gr.EventData) -> list[Any]:
            return act(False, lang_value, session_id, secret, picked, evt)

        inputs = [lang, session, owner, self.pick]
        for html in own_lists:
            html.click(own_act, inputs, outputs, api_visibility="private", show_progress="hidden").then(
                None, None, None, js=FOCUS_JS)
        for html in bank_lists:
            html.click(bank_act, inputs, outputs, api_visibility="private", show_progress="hidden").then(
                None, None, None, js=FOCUS_JS)
        self.close.click(lambda: [gr.Column(visible=False), ""], None, [self.column, self.key],
                         api_visibility="private", show_progress="hidden").then(None, None, None, js=RETURN_FOCUS_JS)
