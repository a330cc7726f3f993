"""Etsi ratkaisuja: "has someone solved this already?" Every search is new; "Tarkenna" adds words to the
previous search on purpose. Results come from the calibrated matcher, best first, each with its band; when
nothing is close, the page says so and labels the nearest ones as not close. Filters apply at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.matcher import search as match_search
from assistant.retrieval import Filters
from assistant.schema import ModelDescription, Stage
from assistant.services import Services
from ui.backend import bank_models, store_problem
from ui.render import OPEN_JS, banner, hit_cards, notice
from ui.safe import esc
from ui.texts import LANGS, norm_lang, stage_label, tr

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


def refined_query(previous: str, words: str) -> str:
    """The text searched after "Tarkenna": the previous search followed by the new words."""
    return " ".join(x for x in (previous.strip(), words.strip()) if x)


def context_html(query: str, refined: bool, lang: str) -> str:
    if not query:
        return ""
    head = tr("search.refined" if refined else "search.context", lang)
    return (f'<div class="ps-context" data-testid="search-context" data-refined="{"true" if refined else "false"}">'
            f'<b>{esc(head)}:</b> <q>{esc(query)}</q></div>')


class SearchTab:
    """Builds the tab inside the current Blocks context."""

    def __init__(self, services: Services, drafts: Callable[[], frozenset[str]] | None = None) -> None:
        self.services = services
        self.drafts: Callable[[], frozenset[str]] = drafts or frozenset  # ids published from interviews
        with gr.Tab(tr("tab.search"), id="search", elem_id="tab-search") as self.tab:
            self.banner = gr.HTML("", elem_id="search-banner")
            with gr.Row(equal_height=True, elem_id="search-row"):
                self.query = gr.Textbox(label=tr("search.query"), placeholder=tr("search.placeholder"),
                                        scale=8, min_width=220, elem_id="search-query", max_lines=3)
                self.button = gr.Button(tr("search.button"), variant="primary", scale=1, min_width=80,
                                        elem_id="search-button")
                self.refine = gr.Button(tr("search.refine"), scale=1, min_width=100, elem_id="search-refine")
            self.context_view = gr.HTML("", elem_id="search-context")
            with gr.Accordion(tr("search.filters"), open=False, elem_id="search-filters") as self.filters_box:
                with gr.Row():
                    self.stage = gr.Dropdown(stage_choices("fi"), value=[], multiselect=True,
                                             label=tr("filter.stage"), elem_id="filter-stage", min_width=160)
                    self.region = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.region"),
                                              elem_id="filter-region", min_width=160)
                    self.theme = gr.Dropdown([], value=[], multiselect=True, label=tr("filter.theme"),
                                             elem_id="filter-theme", min_width=160)
                    self.target = gr.Textbox(label=tr("filter.target_group"), elem_id="filter-target",
                                             max_lines=1, min_width=160)
                    self.language = gr.Dropdown(language_choices("fi"), value=[], multiselect=True,
                                                label=tr("filter.language"), elem_id="filter-language",
                                                min_width=160)
            self.pick_note = gr.HTML("", elem_id="search-pick")
            self.count = gr.HTML("", elem_id="search-count")
            self.results = gr.HTML(notice(tr("search.empty"), "info"), elem_id="search-results",
                                   js_on_load=OPEN_JS)
            self.last = gr.State("")  # the text of the search on screen (what "Tarkenna" adds to)

    @property
    def filter_inputs(self) -> list[Any]:
        return [self.stage, self.region, self.theme, self.target, self.language]

    @property
    def label_targets(self) -> list[Any]:
        return [self.tab, self.query, self.button, self.refine, self.filters_box, self.stage, self.target,
                self.language]

    def relabel(self, lang: str) -> list[Any]:
        return [gr.Tab(label=tr("tab.search", lang)),
                gr.Textbox(label=tr("search.query", lang), placeholder=tr("search.placeholder", lang)),
                gr.Button(tr("search.button", lang)), gr.Button(tr("search.refine", lang)),
                gr.Accordion(label=tr("search.filters", lang)),
                gr.Dropdown(choices=stage_choices(lang), label=tr("filter.stage", lang)),
                gr.Textbox(label=tr("filter.target_group", lang)),
                gr.Dropdown(choices=language_choices(lang), label=tr("filter.language", lang))]

    @property
    def facet_outputs(self) -> list[Any]:
        return [self.region, self.theme]

    def facets(self, lang: str = "fi") -> list[Any]:
        """Region and theme choices from the bank (with their labels: these two are not in ``relabel``)."""
        models = bank_models(self.services)
        return [gr.Dropdown(choices=facet_values(models, "regions"), label=tr("filter.region", lang)),
                gr.Dropdown(choices=facet_values(models, "themes"), label=tr("filter.theme", lang))]

    def results_for(self, text: str, refined: bool, stage: list[str], region: list[str], theme: list[str],
                    target: str, language: list[str], lang: str) -> list[Any]:
        """Values for ``run_outputs[1:]``: the search text, context line, banner, count and results."""
        lang = norm_lang(lang)
        problem = store_problem(self.services, lang)
        if problem:
            return [text, context_html(text, refined, lang), banner(problem), "", ""]
        if not text:
            return ["", "", "", "", notice(tr("search.empty", lang), "info")]
        filters = Filters(stage=list(stage or []), region=list(region or []), theme=list(theme or []),
                          target_group=[target.strip()] if target and target.strip() else [],
                          language=list(language or []))
        try:
            result = match_search(self.services, text, k=RESULTS, filters=filters, lang=lang)
        except Exception:  # the server went away between the check and the query
            return [text, context_html(text, refined, lang),
                    banner(tr("status.unreachable", lang, url=self.services.store.mode)), "", ""]
        hits = result.hits
        state = "close" if result.close_match else "none"
        count = (f'<div class="ps-count" data-testid="search-count" data-close="{state}">'
                 f'{esc(tr("search.results_n", lang, n=len(hits)))}</div>')
        if not hits:
            body = notice(tr("search.none", lang), "info")
        else:
            head = (notice(tr("search.close_found", lang), "ok") if result.close_match
                    else f'<div data-testid="no-close-match">{notice(tr("search.no_close", lang), "warn")}</div>')
            body = head + hit_cards(hits, lang, self.drafts())
        return [text, context_html(text, refined, lang), "", count, body]

    def run(self, query: str, previous: str, stage: list[str], region: list[str], theme: list[str],
            target: str, language: list[str], lang: str) -> list[Any]:
        """A new search (the previous one is not carried over)."""
        text = " ".join((query or "").split())
        return ["", *self.results_for(text, False, stage, region, theme, target, language, lang)]

    def refine_run(self, query: str, previous: str, stage: list[str], region: list[str], theme: list[str],
                   target: str, language: list[str], lang: str) -> list[Any]:
        """"Tarkenna": the previous search plus the new words."""
        text = refined_query(previous or "", " ".join((query or "").split()))
        refined = bool(previous) and text != previous
        return ["", *self.results_for(text, refined, stage, region, theme, target, language, lang)]

    def rerun(self, previous: str, stage: list[str], region: list[str], theme: list[str], target: str,
              language: list[str], lang: str) -> list[Any]:
        """Redo the search on screen (a filter changed, or the language)."""
        if not previous:
            return [gr.skip()] * 5
        return self.results_for(previous, False, stage, region, theme, target, language, lang)

    @property
    def run_outputs(self) -> list[Any]:
        return [self.query, self.last, self.context_view, self.banner, self.count, self.results]

    def wire(self, lang: gr.Radio) -> None:
        inputs = [self.query, self.last, *self.filter_inputs, lang]
        self.button.click(self.run, inputs, self.run_outputs, api_name="search")
        self.query.submit(self.run, inputs, self.run_outputs, api_name="search_submit")
        self.refine.click(self.refine_run, inputs, self.run_outputs, api_name="refine_search")
        again = [self.last, *self.filter_inputs, lang]
        for dropdown in (self.stage, self.region, self.theme, self.language):
            dropdown.change(self.rerun, again, self.run_outputs[1:], api_visibility="private",
                            trigger_mode="always_last", show_progress="hidden")
        self.target.submit(self.rerun, again, self.run_outputs[1:], api_visibility="private")
        self.target.blur(self.rerun, again, self.run_outputs[1:], api_visibility="private", show_progress="hidden")
