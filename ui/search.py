"""Etsi ratkaisuja: "has someone solved this already?" with follow-up refinement and filters."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.retrieval import Filters
from assistant.schema import ModelDescription, Stage
from assistant.services import Services
from ui.backend import bank_models, store_problem
from ui.render import OPEN_JS, banner, hit_cards, notice, stage_label
from ui.safe import esc
from ui.texts import LANGS, norm_lang, tr

MAX_CONTEXT = 4  # earlier queries kept as context for a refinement
RESULTS = 8


def stage_choices(lang: str) -> list[tuple[str, str]]:
    return [(stage_label(s.value, lang), s.value) for s in Stage]


def language_choices(lang: str) -> list[tuple[str, str]]:
    return [(tr(f"lang.{code}", lang), code) for code in LANGS]


def facet_values(models: list[ModelDescription], attr: str) -> list[str]:
    """Distinct values of a list field across the bank, case-insensitively merged, sorted."""
    seen: dict[str, str] = {}
    for m in models:
        for v in getattr(m, attr):
            seen.setdefault(v.lower(), v)
    return sorted(seen.values(), key=str.lower)


def effective_query(context: list[str], query: str) -> str:
    """The text searched: earlier queries (context) followed by the new words."""
    return " ".join([*context, query]).strip()


def context_html(context: list[str], lang: str) -> str:
    if not context:
        return ""
    chain = " → ".join(f"<q>{esc(q)}</q>" for q in context)
    return (f'<div class="ps-context" data-testid="search-context"><b>{esc(tr("search.context", lang))}:</b> '
            f'{chain}<div class="ps-muted">{esc(tr("search.refine_hint", lang))}</div></div>')


class SearchTab:
    """Builds the tab inside the current Blocks context."""

    def __init__(self, services: Services) -> None:
        self.services = services
        with gr.Tab(tr("tab.search"), id="search", elem_id="tab-search") as self.tab:
            self.banner = gr.HTML("", elem_id="search-banner")
            with gr.Row(equal_height=True):
                self.query = gr.Textbox(label=tr("search.query"), placeholder=tr("search.placeholder"),
                                        scale=8, elem_id="search-query", max_lines=3)
                self.button = gr.Button(tr("search.button"), variant="primary", scale=1, min_width=90,
                                        elem_id="search-button")
                self.new = gr.Button(tr("search.new"), scale=1, min_width=120, elem_id="search-new")
            self.context_view = gr.HTML("", elem_id="search-context")
            with gr.Accordion(tr("search.filters"), open=True, elem_id="search-filters") as self.filters_box:
                with gr.Row():
                    self.stage = gr.Dropdown(stage_choices("fi"), value=[], multiselect=True,
                                             label=tr("filter.stage"), elem_id="filter-stage")
                    self.region = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.region"),
                                              elem_id="filter-region")
                    self.theme = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.theme"),
                                             elem_id="filter-theme")
                    self.target = gr.Textbox(label=tr("filter.target_group"), elem_id="filter-target",
                                             max_lines=1)
                    self.language = gr.Dropdown(language_choices("fi"), value=[], multiselect=True,
                                                label=tr("filter.language"), elem_id="filter-language")
            self.count = gr.HTML("", elem_id="search-count")
            self.results = gr.HTML(notice(tr("search.empty"), "info"), elem_id="search-results",
                                   js_on_load=OPEN_JS)
            self.context = gr.State([])

    @property
    def filter_inputs(self) -> list[Any]:
        return [self.stage, self.region, self.theme, self.target, self.language]

    @property
    def label_targets(self) -> list[Any]:
        return [self.tab, self.query, self.button, self.new, self.filters_box, self.stage, self.region,
                self.theme, self.target, self.language]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.search", lang)),
                gr.Textbox(label=tr("search.query", lang), placeholder=tr("search.placeholder", lang)),
                gr.Button(tr("search.button", lang)), gr.Button(tr("search.new", lang)),
                gr.Accordion(label=tr("search.filters", lang)),
                gr.Dropdown(choices=stage_choices(lang), label=tr("filter.stage", lang)),
                gr.Dropdown(label=tr("filter.region", lang)), gr.Dropdown(label=tr("filter.theme", lang)),
                gr.Textbox(label=tr("filter.target_group", lang)),
                gr.Dropdown(choices=language_choices(lang), label=tr("filter.language", lang))]

    @property
    def facet_outputs(self) -> list[Any]:
        return [self.region, self.theme]

    def facets(self) -> list[Any]:
        models = bank_models(self.services)
        return [gr.Dropdown(choices=facet_values(models, "regions")),
                gr.Dropdown(choices=facet_values(models, "themes"))]

    def run(self, query: str, context: list[str], stage: list[str], region: list[str], theme: list[str],
            target: str, language: list[str], lang: str) -> list[Any]:
        """Search; a new query refines the previous one (kept as context) until "New search"."""
        lang = norm_lang(lang)
        query = " ".join((query or "").split())
        context = list(context or [])
        if query:
            context = [*context, query][-MAX_CONTEXT:]
        problem = store_problem(self.services, lang)
        if problem:
            return ["", context, context_html(context, lang), banner(problem), "", ""]
        text = " ".join(context)
        if not text:
            return ["", context, "", "", "", notice(tr("search.empty", lang), "info")]
        filters = Filters(stage=list(stage or []), region=list(region or []), theme=list(theme or []),
                          target_group=[target.strip()] if target and target.strip() else [],
                          language=list(language or []))
        try:
            hits = self.services.retriever.search(text, k=RESULTS, filters=filters, lang=lang)
        except Exception:  # the server went away between the check and the query
            return ["", context, context_html(context, lang),
                    banner(tr("status.unreachable", lang, url=self.services.store.mode)), "", ""]
        count = f'<div class="ps-muted ps-count">{esc(tr("search.results_n", lang, n=len(hits)))}</div>'
        body = hit_cards(hits, lang) if hits else notice(tr("search.none", lang), "info")
        return ["", context, context_html(context, lang), "", count, body]

    def rerun(self, context: list[str], stage: list[str], region: list[str], theme: list[str], target: str,
              language: list[str], lang: str) -> list[Any]:
        """Redo the current search (e.g. in another language) without adding a query."""
        if not context:
            return [gr.skip()] * 5
        return self.run("", context, stage, region, theme, target, language, lang)[1:]

    def reset(self, lang: str) -> list[Any]:
        return ["", [], "", "", "", notice(tr("search.empty", norm_lang(lang)), "info")]

    @property
    def run_outputs(self) -> list[Any]:
        return [self.query, self.context, self.context_view, self.banner, self.count, self.results]

    def wire(self, lang: gr.Radio) -> None:
        inputs = [self.query, self.context, *self.filter_inputs, lang]
        self.button.click(self.run, inputs, self.run_outputs, api_name="search")
        self.query.submit(self.run, inputs, self.run_outputs, api_name="search_submit")
        self.new.click(self.reset, [lang], self.run_outputs, api_name="new_search", show_progress="hidden")
        again = [self.context, *self.filter_inputs, lang]
        for dropdown in (self.stage, self.region, self.theme, self.language):
            dropdown.input(self.rerun, again, self.run_outputs[1:], api_visibility="private",
                           trigger_mode="always_last")
        self.target.submit(self.rerun, again, self.run_outputs[1:], api_visibility="private")
