"""HTML fragments for the cards, lists and status line. Pure functions; every dynamic text is escaped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from assistant.i18n import t
from assistant.schema import LIST_FIELDS, ModelDescription, label
from ui.safe import esc, safe_url
from ui.texts import tr

# The card follows Innokylä's reading order: what and for whom, why, how (core first), where, proof.
CARD_FIELDS: tuple[str, ...] = (
    "name", "summary", "problem", "target_groups", "goals", "basic_idea", "core", "adaptable",
    "actors", "environment", "conditions", "measurement", "evidence", "stage", "themes", "regions",
    "organisation", "funders", "contact", "language", "source_url",
)
EDITABLE_FIELDS: tuple[str, ...] = CARD_FIELDS
STATUSES = ("missing", "partial", "confirmed", "skipped")
SUMMARY_CHARS = 260


def _status_value(status: Any) -> str:
    value = getattr(status, "value", status)
    return str(value) if value in STATUSES else "missing"


def badge(status: Any, lang: str) -> str:
    """A coloured status pill: missing / partial / confirmed / skipped."""
    value = _status_value(status)
    return f'<span class="ps-badge ps-b-{value}">{esc(tr("badge." + value, lang))}</span>'


def stage_label(stage: Any, lang: str) -> str:
    value = getattr(stage, "value", stage)
    return t(f"stage.{value}", lang) if value else ""


def stage_pill(stage: Any, lang: str) -> str:
    value = getattr(stage, "value", stage)
    if not value:
        return ""
    return f'<span class="ps-stage ps-s-{esc(value)}">{esc(stage_label(value, lang))}</span>'


def _value_html(field: str, value: Any, lang: str) -> str:
    """A field's value as escaped HTML (lists as bullet lists, stage and language localised)."""
    if value is None or value == [] or value == "":
        return f'<span class="ps-empty">{esc(tr("card.empty", lang))}</span>'
    if field == "stage":
        return esc(stage_label(value, lang))
    if field == "language":
        return esc(tr(f"lang.{value}", lang))
    if field == "source_url":
        href = safe_url(str(value))
        if href:
            return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{esc(value)}</a>'
        return esc(value)
    if isinstance(value, list):
        return '<ul class="ps-list">' + "".join(f"<li>{esc(v)}</li>" for v in value) + "</ul>"
    return '<p class="ps-text">' + esc(value).replace("\n", "<br>") + "</p>"


def _field_classes(field: str) -> str:
    if field == "core":
        return " ps-core"
    if field == "adaptable":
        return " ps-adaptable"
    return ""


def _tag(field: str, lang: str) -> str:
    if field == "core":
        return f'<span class="ps-tag ps-tag-core">{esc(tr("card.core_tag", lang))}</span>'
    if field == "adaptable":
        return f'<span class="ps-tag ps-tag-adaptable">{esc(tr("card.adaptable_tag", lang))}</span>'
    return ""


def _get(obj: Any, field: str) -> Any:
    value = getattr(obj, field, None)
    return getattr(value, "value", value) if field in ("stage",) else value


def live_card(draft: Any, status: Mapping[str, Any], lang: str, asking: str | None = None,
              done: bool = False, messages: int = 0, streaming: bool = False) -> str:
    """The model card being written: every field under its Innokylä heading with a status badge.

    ``asking`` (the field the interview is asking about) is highlighted; it, ``done``, ``messages``
    (the length of the saved conversation) and ``streaming`` (the reply is still being revealed) are
    exposed as data attributes for tests and styling."""
    filled = sum(1 for f in CARD_FIELDS if _status_value(status.get(f)) in ("partial", "confirmed"))
    total = len(CARD_FIELDS)
    pct = round(100 * filled / total)
    name = _get(draft, "name") or tr("card.untitled", lang)
    out = [f'<div class="ps-card ps-live" data-testid="live-card" data-asking="{esc(asking or "")}" '
           f'data-done="{"true" if done else "false"}" data-messages="{int(messages)}" '
           f'data-streaming="{"true" if streaming else "false"}">',
           '<div class="ps-card-head">',
           f'<div class="ps-card-title">{esc(tr("card.title", lang))}</div>',
           f'<h3 class="ps-card-name">{esc(name)}</h3>',
           f'<div class="ps-progress" title="{pct}%"><div class="ps-bar" style="width:{pct}%"></div></div>',
           f'<div class="ps-progress-text">{esc(tr("card.progress", lang, done=filled, total=total))}</div>',
           "</div>"]
    for field in CARD_FIELDS:
        st = _status_value(status.get(field))
        value = _get(draft, field)
        if field == "core":
            out.append(f'<div class="ps-core-hint">{esc(tr("card.core_hint", lang))}</div>')
        classes = f"ps-field ps-st-{st}{_field_classes(field)}" + (" ps-asking" if field == asking else "")
        out.append(f'<section class="{classes}" data-field="{esc(field)}" '
                   f'data-status="{st}">'
                   f'<div class="ps-field-head"><span class="ps-label">{esc(label(field, lang))}</span>'
                   f'{_tag(field, lang)}{badge(st, lang)}</div>'
                   f'<div class="ps-value">{_value_html(field, value, lang)}</div></section>')
    out.append("</div>")
    return "".join(out)


def full_card(m: ModelDescription | None, lang: str) -> str:
    """A bank model in full, under Innokylä headings (no badges: it is published text)."""
    if m is None:
        return f'<div class="ps-detail ps-muted">{esc(tr("detail.missing", lang))}</div>'
    rec = m.to_record()
    meta = [stage_pill(m.stage, lang)]
    if m.organisation:
        meta.append(f'<span class="ps-meta-item">{esc(m.organisation)}</span>')
    if m.regions:
        meta.append(f'<span class="ps-meta-item">{esc(", ".join(m.regions))}</span>')
    out = [f'<div class="ps-card ps-detail" data-testid="model-detail" data-model="{esc(m.id)}">',
           f'<div class="ps-card-title">{esc(tr("detail.title", lang))} · <code>{esc(m.id)}</code></div>',
           f'<h3 class="ps-card-name">{esc(m.name)}</h3>',
           f'<div class="ps-meta">{"".join(meta)}</div>']
    for field in CARD_FIELDS:
        if field in ("name", "stage", "organisation", "regions") or field not in rec:
            continue
        out.append(f'<section class="ps-field{_field_classes(field)}" data-field="{esc(field)}">'
                   f'<div class="ps-field-head"><span class="ps-label">{esc(label(field, lang))}</span>'
                   f'{_tag(field, lang)}</div>'
                   f'<div class="ps-value">{_value_html(field, _get(m, field), lang)}</div></section>')
    out.append("</div>")
    return "".join(out)


def detail_placeholder(lang: str) -> str:
    return f'<div class="ps-detail ps-muted">{esc(tr("detail.empty", lang))}</div>'


def _open_button(model_id: str, lang: str) -> str:
    return (f'<button type="button" class="ps-open" data-model="{esc(model_id)}">'
            f'{esc(tr("matches.open", lang))}</button>')


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


def _score(score: float, similarity: float | None, lang: str) -> str:
    """Similarity (cosine) when known, else the fused rank score; both shown as 0–100 %."""
    value = similarity if similarity is not None else score
    pct = max(0, min(100, round(100 * float(value))))
    return (f'<span class="ps-score" title="{esc(tr("matches.score", lang))}: {float(score):.3f}">'
            f'{esc(tr("matches.similarity", lang))} {pct}&nbsp;%</span>')


def match_cards(matches: Sequence[Any], lang: str) -> str:
    """Similar models found during the interview (``interview_types.Match``)."""
    if not matches:
        return (f'<div class="ps-section-title">{esc(tr("matches.title", lang))}</div>'
                f'<div class="ps-muted ps-none">{esc(tr("matches.none", lang))}</div>')
    out = [f'<div class="ps-section-title">{esc(tr("matches.title", lang))}</div><div class="ps-results">']
    for m in matches:
        dup = (f'<span class="ps-tag ps-tag-dup">{esc(tr("matches.near_duplicate", lang))}</span>'
               if getattr(m, "near_duplicate", False) else "")
        owner = " · ".join(x for x in [m.organisation or "", ", ".join(m.regions or [])] if x)
        out.append(f'<article class="ps-hit" data-testid="match" data-model="{esc(m.id)}">'
                   f'<div class="ps-hit-head"><span class="ps-hit-name">{esc(m.name)}</span>'
                   f'{stage_pill(m.stage, lang)}{dup}'
                   f'{_score(m.score, getattr(m, "similarity", None), lang)}</div>'
                   f'<div class="ps-hit-owner">{esc(owner)}</div>'
                   f'<div class="ps-why"><b>{esc(tr("matches.why", lang))}:</b> {esc(m.why)}</div>'
                   f'{_open_button(m.id, lang)}</article>')
    out.append("</div>")
    return "".join(out)


def hit_cards(hits: Sequence[Any], lang: str) -> str:
    """Search results (``retrieval.Hit``) with their reasons as a list."""
    out = ['<div class="ps-results ps-grid-wide">']
    for rank, h in enumerate(hits, 1):
        m = h.model
        owner = " · ".join(x for x in [m.organisation or "", ", ".join(m.regions)] if x)
        reasons = "".join(f"<li>{esc(r)}</li>" for r in (h.reasons or [h.why]))
        out.append(f'<article class="ps-hit" data-testid="hit" data-model="{esc(m.id)}" '
                   f'data-stage="{esc(m.stage.value if m.stage else "")}">'
                   f'<div class="ps-hit-head"><span class="ps-rank">{rank}</span>'
                   f'<span class="ps-hit-name">{esc(m.name)}</span>{stage_pill(m.stage, lang)}'
                   f'{_score(h.score, h.similarity, lang)}</div>'
                   f'<div class="ps-hit-owner">{esc(owner)}</div>'
                   f'<div class="ps-hit-summary">{esc(_short(m.summary or m.basic_idea))}</div>'
                   f'<div class="ps-why"><b>{esc(tr("matches.why", lang))}:</b><ul>{reasons}</ul></div>'
                   f'{_open_button(m.id, lang)}</article>')
    out.append("</div>")
    return "".join(out)


def steps_html(steps: Sequence[Any], lang: str) -> str:
    """Reuse-before-new recommendations (``interview_types.NextStep``)."""
    title = f'<div class="ps-section-title">{esc(tr("steps.title", lang))}</div>'
    if not steps:
        return title + f'<div class="ps-muted ps-none">{esc(tr("steps.none", lang))}</div>'
    out = [title, '<ol class="ps-steps">']
    for s in steps:
        button = _open_button(s.model_id, lang) if s.model_id else ""
        kind, text = tr("steps." + s.kind, lang), s.text
        head, sep, rest = text.partition(": ")
        if sep and len(head) <= 40:  # the engine's text already opens with the kind ("Ota käyttöön: …")
            kind, text = head, rest
        out.append(f'<li class="ps-step ps-k-{esc(s.kind)}" data-testid="step">'
                   f'<span class="ps-kind">{esc(kind)}</span> '
                   f'<span class="ps-step-text">{esc(text)}</span>'
                   f'<div class="ps-step-reason">{esc(s.reason)}</div>{button}</li>')
    out.append("</ol>")
    return "".join(out)


def status_html(llm: str | None, count: int | None, mode: str, problem: str | None, lang: str) -> str:
    """The status line (LLM backend, bank size, Chroma mode) and, if needed, the unreachable banner."""
    llm_text = llm or tr("status.llm_offline", lang)
    mode_text = tr("status.embedded", lang) if mode == "embedded" else mode
    count_text = "–" if count is None else tr("status.models_n", lang, n=count)
    parts = [f'<span><b>{esc(tr("status.llm", lang))}:</b> {esc(llm_text)}</span>',
             f'<span><b>{esc(tr("status.models", lang))}:</b> '
             f'<span data-testid="bank-count">{esc(count_text)}</span></span>',
             f'<span><b>{esc(tr("status.chroma", lang))}:</b> {esc(mode_text)}</span>']
    out = '<div class="ps-status" data-testid="status">' + "".join(parts) + "</div>"
    if problem:
        out += banner(problem)
    return out


def banner(text: str) -> str:
    return f'<div class="ps-banner" role="alert" data-testid="banner">{esc(text)}</div>'


def notice(text: str, kind: str = "ok") -> str:
    return f'<div class="ps-notice ps-n-{esc(kind)}" role="status">{esc(text)}</div>'


def header_html(session_id: str | None, lang: str) -> str:
    """Title, tagline and the session id with its resume link."""
    sid = esc(session_id or "")
    session = ""
    if session_id:
        session = (f'<div class="ps-session"><span>{esc(tr("app.session", lang))}:</span> '
                   f'<code data-testid="session-id">{sid}</code> '
                   f'<a href="?session={sid}" title="{esc(tr("app.session_hint", lang))}">'
                   f'{esc(tr("app.session_hint", lang))}</a></div>')
    return (f'<div class="ps-header"><div><h1>{esc(tr("app.title", lang))}</h1>'
            f'<p class="ps-tagline">{esc(tr("app.tagline", lang))}</p></div>{session}</div>')


def _chips(counts: Iterable[tuple[str, int]]) -> str:
    return "".join(f'<span class="ps-chip">{esc(name)} <b>{n}</b></span>' for name, n in counts)


def bank_stats(models: Sequence[ModelDescription], lang: str, top_themes: int = 16) -> str:
    """Counts by stage and by theme over the whole bank."""
    stages = Counter(m.stage.value if m.stage else "" for m in models)
    themes = Counter(th.lower() for m in models for th in m.themes)
    stage_rows = [(stage_label(s, lang) if s else tr("bank.no_stage", lang), n)
                  for s, n in sorted(stages.items(), key=lambda kv: (-kv[1], kv[0]))]
    return (f'<div class="ps-stats" data-testid="bank-stats">'
            f'<div class="ps-total">{esc(tr("bank.total", lang, n=len(models)))}</div>'
            f'<div class="ps-stat-row"><span class="ps-stat-label">{esc(tr("bank.by_stage", lang))}</span>'
            f'{_chips(stage_rows)}</div>'
            f'<div class="ps-stat-row"><span class="ps-stat-label">{esc(tr("bank.by_theme", lang))}</span>'
            f'{_chips(themes.most_common(top_themes))}</div></div>')


def bank_list(models: Sequence[ModelDescription], total: int, lang: str) -> str:
    """Compact cards of (filtered) bank models."""
    out = [f'<div class="ps-muted ps-count">{esc(tr("bank.count", lang, shown=len(models), n=total))}</div>',
           '<div class="ps-results ps-grid">']
    for m in models:
        owner = " · ".join(x for x in [m.organisation or "", ", ".join(m.regions)] if x)
        themes = "".join(f'<span class="ps-chip ps-chip-sm">{esc(th)}</span>' for th in m.themes[:4])
        out.append(f'<article class="ps-hit" data-testid="bank-item" data-model="{esc(m.id)}">'
                   f'<div class="ps-hit-head"><span class="ps-hit-name">{esc(m.name)}</span>'
                   f'{stage_pill(m.stage, lang)}</div><div class="ps-hit-owner">{esc(owner)}</div>'
                   f'<div class="ps-hit-summary">{esc(_short(m.summary or m.basic_idea))}</div>'
                   f'<div class="ps-themes">{themes}</div>{_open_button(m.id, lang)}</article>')
    out.append("</div>")
    return "".join(out)


def edit_text(value: Any) -> str:
    """A draft value as the text shown in the edit box (one list item per line)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(getattr(value, "value", value))


def parse_edit(field: str, text: str) -> str | list[str]:
    """The edit box text as the value ``Interview.edit`` expects (list fields: one item per line)."""
    if field in LIST_FIELDS:
        return [line.strip().lstrip("-•*").strip() for line in text.splitlines() if line.strip()]
    return text.strip()


# Keeps the field being asked about in view inside the scrolling live card (only that box scrolls).
FOLLOW_JS = """
const follow = () => {
  const a = element.querySelector('.ps-asking');
  if (!a) return;
  let box = a.parentElement;
  while (box && box !== document.body && !(box.scrollHeight > box.clientHeight + 4 &&
         ['auto', 'scroll'].includes(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box || box === document.body) return;
  const head = element.querySelector('.ps-card-head');
  const offset = a.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({top: box.scrollTop + offset - (head ? head.offsetHeight : 0) - 60, behavior: 'smooth'});
};
watch('value', follow);
follow();
"""

# Delegated click handler for every "open card" button inside a gr.HTML list.
OPEN_JS = ("element.addEventListener('click', (e) => { const b = e.target.closest('[data-model]');"
           " if (b && b.tagName === 'BUTTON') { trigger('click', {model_id: b.dataset.model}); } });")
