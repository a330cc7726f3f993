"""Mallipankki: browse and filter every model, counts by stage and theme, open a full card."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.retrieval import Filters
from assistant.schema import ModelDescription
from assistant.services import Services
from ui.backend import bank_models, store_problem
from ui.render import OPEN_JS, bank_list, bank_stats, banner
from ui.search import facet_values, language_choices, stage_choices
from ui.texts import norm_lang, tr

SHOW = 60  # cards rendered at once; the count says how many matched


def text_match(m: ModelDescription, needle: str) -> bool:
    """Case-insensitive substring match over the name, summary, organisation and list fields."""
    hay = " ".join([m.name, m.summary or "", m.organisation or "", *m.target_groups, *m.themes,
                    *m.regions, *m.core]).lower()
    return all(word in hay for word in needle.lower().split())


class BankTab:
    """Builds the tab inside the current Blocks context."""

    def __init__(self, services: Services) -> None:
        self.services = services
        with gr.Tab(tr("tab.bank"), id="bank", elem_id="tab-bank") as self.tab:
            self.banner = gr.HTML("", elem_id="bank-banner")
            self.stats = gr.HTML("", elem_id="bank-stats")
            with gr.Row():
                self.text = gr.Textbox(label=tr("filter.text"), elem_id="bank-text", max_lines=1, scale=2)
                self.stage = gr.Dropdown(stage_choices("fi"), value=[], multiselect=True,
                                         label=tr("filter.stage"), elem_id="bank-stage", scale=2)
                self.theme = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.theme"),
                                         elem_id="bank-theme", scale=2)
                self.region = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.region"),
                                          elem_id="bank-region", scale=2)
                self.language = gr.Dropdown(language_choices("fi"), value=[], multiselect=True,
                                            label=tr("filter.language"), elem_id="bank-language", scale=1)
                self.refresh = gr.Button(tr("bank.refresh"), size="sm", scale=1, min_width=80,
                                         elem_id="bank-refresh")
            self.listing = gr.HTML("", elem_id="bank-list", js_on_load=OPEN_JS)

    @property
    def filter_inputs(self) -> list[Any]:
        return [self.text, self.stage, self.theme, self.region, self.language]

    @property
    def label_targets(self) -> list[Any]:
        return [self.tab, self.text, self.stage, self.theme, self.region, self.language, self.refresh]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.bank", lang)), gr.Textbox(label=tr("filter.text", lang)),
                gr.Dropdown(choices=stage_choices(lang), label=tr("filter.stage", lang)),
                gr.Dropdown(label=tr("filter.theme", lang)), gr.Dropdown(label=tr("filter.region", lang)),
                gr.Dropdown(choices=language_choices(lang), label=tr("filter.language", lang)),
                gr.Button(tr("bank.refresh", lang))]

    @property
    def content_outputs(self) -> list[Any]:
        return [self.banner, self.stats, self.listing]

    @property
    def facet_outputs(self) -> list[Any]:
        return [self.theme, self.region]

    def facets(self) -> list[Any]:
        models = bank_models(self.services)
        return [gr.Dropdown(choices=facet_values(models, "themes")),
                gr.Dropdown(choices=facet_values(models, "regions"))]

    def render_all(self, text: str, stage: list[str], theme: list[str], region: list[str],
                   language: list[str], lang: str) -> list[Any]:
        """``render`` plus fresh theme/region choices (after the bank changed)."""
        return [*self.render(text, stage, theme, region, language, lang), *self.facets()]

    def render(self, text: str, stage: list[str], theme: list[str], region: list[str], language: list[str],
               lang: str) -> list[Any]:
        """Stats over the whole bank and the filtered list (first ``SHOW`` cards)."""
        lang = norm_lang(lang)
        problem = store_problem(self.services, lang)
        models = bank_models(self.services)
        filters = Filters(stage=list(stage or []), theme=list(theme or []), region=list(region or []),
                          language=list(language or []))
        needle = (text or "").strip()
        chosen = [m for m in models if filters.match(m) and (not needle or text_match(m, needle))]
        chosen.sort(key=lambda m: m.name.lower())
        return [banner(problem) if problem else "", bank_stats(models, lang),
                bank_list(chosen[:SHOW], len(chosen), lang)]

    def wire(self, lang: gr.Radio) -> None:
        inputs = [*self.filter_inputs, lang]
        self.refresh.click(self.render_all, inputs, [*self.content_outputs, *self.facet_outputs],
                           api_name="bank")
        for dd in (self.stage, self.theme, self.region, self.language):
            dd.input(self.render, inputs, self.content_outputs, api_visibility="private",
                     trigger_mode="always_last", show_progress="hidden")
        self.text.input(self.render, inputs, self.content_outputs, api_visibility="private",
                        trigger_mode="always_last", show_progress="hidden")
