"""Mallipankki: browse and filter every model (filters apply as you type or pick), page by "Näytä lisää",
counts by stage and theme, draft/published status and where each model is in use; open a full card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.retrieval import Filters
from assistant.schema import ModelDescription
from assistant.services import Services
from ui.backend import bank_models, store_problem
from ui.render import OPEN_JS, bank_list, bank_stats, banner
from ui.safe import esc
from ui.search import facet_values, language_choices, stage_choices
from ui.texts import norm_lang, tr

PAGE = 24  # cards per page; "Näytä lisää" adds another page


def text_match(m: ModelDescription, needle: str) -> bool:
    """Case-insensitive substring match over the name, summary, organisation and list fields."""
    hay = " ".join([m.name, m.summary or "", m.organisation or "", *m.target_groups, *m.themes,
                    *m.regions, *m.core]).lower()
    return all(word in hay for word in needle.lower().split())


def status_choices(lang: str) -> list[tuple[str, str]]:
    return [(tr("bank.published", lang), "published"), (tr("bank.draft", lang), "draft")]


class BankTab:
    """Builds the tab inside the current Blocks context."""

    def __init__(self, services: Services, drafts: Callable[[], frozenset[str]] | None = None) -> None:
        self.services = services
        self.drafts: Callable[[], frozenset[str]] = drafts or frozenset  # ids published from interviews
        with gr.Tab(tr("tab.bank"), id="bank", elem_id="tab-bank") as self.tab:
            self.banner = gr.HTML("", elem_id="bank-banner")
            self.stats = gr.HTML("", elem_id="bank-stats")
            with gr.Row(elem_id="bank-filters"):
                self.text = gr.Textbox(label=tr("filter.text"), elem_id="bank-text", max_lines=1, scale=2,
                                       min_width=160)
                self.stage = gr.Dropdown(stage_choices("fi"), value=[], multiselect=True,
                                         label=tr("filter.stage"), elem_id="bank-stage", scale=2, min_width=160)
                self.theme = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.theme"),
                                         elem_id="bank-theme", scale=2, min_width=160)
                self.region = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.region"),
                                          elem_id="bank-region", scale=2, min_width=160)
                self.language = gr.Dropdown(language_choices("fi"), value=[], multiselect=True,
                                            label=tr("filter.language"), elem_id="bank-language", scale=1,
                                            min_width=160)
                self.status = gr.Dropdown(status_choices("fi"), value=[], multiselect=True,
                                          label=tr("bank.status"), elem_id="bank-status", scale=1, min_width=160)
                self.refresh = gr.Button(tr("bank.refresh"), size="sm", scale=1, min_width=80,
                                         elem_id="bank-refresh")
            self.pick_note = gr.HTML("", elem_id="bank-pick")
            self.listing = gr.HTML("", elem_id="bank-list", js_on_load=OPEN_JS)
            self.more = gr.Button(tr("bank.more"), size="sm", elem_id="bank-more", visible=False)
            self.shown = gr.State(PAGE)

    @property
    def filter_inputs(self) -> list[Any]:
        return [self.text, self.stage, self.theme, self.region, self.language, self.status]

    @property
    def label_targets(self) -> list[Any]:
        return [self.tab, self.text, self.stage, self.language, self.status, self.refresh]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.bank", lang)), gr.Textbox(label=tr("filter.text", lang)),
                gr.Dropdown(choices=stage_choices(lang), label=tr("filter.stage", lang)),
                gr.Dropdown(choices=language_choices(lang), label=tr("filter.language", lang)),
                gr.Dropdown(choices=status_choices(lang), label=tr("bank.status", lang)),
                gr.Button(tr("bank.refresh", lang))]

    @property
    def content_outputs(self) -> list[Any]:
        return [self.banner, self.stats, self.listing, self.more, self.shown]

    @property
    def facet_outputs(self) -> list[Any]:
        return [self.theme, self.region]

    def facets(self, lang: str = "fi") -> list[Any]:
        """Theme and region choices from the bank (with their labels: these two are not in ``relabel``)."""
        models = bank_models(self.services)
        return [gr.Dropdown(choices=facet_values(models, "themes"), label=tr("filter.theme", lang)),
                gr.Dropdown(choices=facet_values(models, "regions"), label=tr("filter.region", lang))]

    def render_all(self, text: str, stage: list[str], theme: list[str], region: list[str], language: list[str],
                   status: list[str], shown: int, lang: str) -> list[Any]:
        """``render`` plus fresh theme/region choices (after the bank changed)."""
        return [*self.render(text, stage, theme, region, language, status, shown, lang), *self.facets(lang)]

    def render(self, text: str, stage: list[str], theme: list[str], region: list[str], language: list[str],
               status: list[str], shown: int, lang: str) -> list[Any]:
        """Stats over the whole bank and the first ``shown`` cards of the filtered list."""
        lang = norm_lang(lang)
        problem = store_problem(self.services, lang)
        models = bank_models(self.services)
        drafts = self.drafts()
        filters = Filters(stage=list(stage or []), theme=list(theme or []), region=list(region or []),
                          language=list(language or []))
        needle = (text or "").strip()
        wanted = set(status or [])
        chosen = [m for m in models if filters.match(m) and (not needle or text_match(m, needle))
                  and (not wanted or ("draft" if m.id in drafts else "published") in wanted)]
        chosen.sort(key=lambda m: m.name.lower())
        shown = max(PAGE, int(shown or PAGE))
        listing = bank_list(chosen[:shown], len(chosen), lang, drafts)
        if len(chosen) <= shown and len(chosen) > PAGE:
            listing += f'<p class="ps-muted">{esc(tr("bank.all_shown", lang))}</p>'
        return [banner(problem) if problem else "", bank_stats(models, lang), listing,
                gr.Button(tr("bank.more", lang), visible=len(chosen) > shown), shown]

    def filtered(self, text: str, stage: list[str], theme: list[str], region: list[str], language: list[str],
                 status: list[str], lang: str) -> list[Any]:
        """A filter changed: back to the first page."""
        return self.render(text, stage, theme, region, language, status, PAGE, lang)

    def load_more(self, text: str, stage: list[str], theme: list[str], region: list[str], language: list[str],
                  status: list[str], shown: int, lang: str) -> list[Any]:
        return self.render(text, stage, theme, region, language, status, int(shown or PAGE) + PAGE, lang)

    def wire(self, lang: gr.Radio) -> None:
        filters = [*self.filter_inputs, lang]
        paged = [*self.filter_inputs, self.shown, lang]
        self.refresh.click(self.render_all, paged, [*self.content_outputs, *self.facet_outputs], api_name="bank")
        self.more.click(self.load_more, paged, self.content_outputs, api_name="bank_more", show_progress="hidden")
        for dd in (self.stage, self.theme, self.region, self.language, self.status):
            dd.change(self.filtered, filters, self.content_outputs, api_visibility="private",
                      trigger_mode="always_last", show_progress="hidden")
        self.text.change(self.filtered, filters, self.content_outputs, api_visibility="private",
                         trigger_mode="always_last", show_progress="hidden")
