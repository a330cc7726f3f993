"""HTML fragments for the lists, full cards, notices and the "Tietoja" panel. Pure functions; every
dynamic text (user's or bank's) is escaped. The live card (the editor) is in ``ui/card.py``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.schema import ModelDescription, label
from ui.card import CARD_FIELDS, field_classes, field_tag, field_value, value_html
from ui.safe import esc
from ui.texts import stage_label, tr

SUMMARY_CHARS = 260


def band_text(band: str | None, lang: str) -> str:
    """The match band in words ("sama malli", "lähellä", "samaa aihetta", "kaukana")."""
    from assistant.matcher import band_label

    return band_label(band, lang)


def stage_pill(stage: Any, lang: str) -> str:
    value = getattr(stage, "value", stage)
    if not value:
        return ""
    return f'<span class="ps-stage ps-s-{esc(value)}">{esc(stage_label(value, lang))}</span>'


def spread(n_implementations: int, lang: str) -> str:
    """Where a model is in use: its owner plus its local implementations ("käytössä 3 paikassa")."""
    n = int(n_implementations) + 1
    text = tr("matches.spread_one", lang) if n == 1 else tr("matches.spread", lang, n=n)
    return f'<span class="ps-spread" data-testid="spread" data-places="{n}">{esc(text)}</span>'


def band_pill(band: str | None, probability: float | None, lang: str) -> str:
    pct = max(0, min(100, round(100 * float(probability or 0.0))))
    return (f'<span class="ps-band ps-band-{esc(band or "none")}" data-testid="band" data-band="{esc(band or "none")}">'
            f'{esc(band_text(band, lang))} · {pct}&nbsp;%</span>')


def _buttons(model_id: str, lang: str, compare: bool = True) -> str:
    out = (f'<button type="button" class="ps-btn ps-open" data-act="open" data-model="{esc(model_id)}">'
           f'{esc(tr("matches.open", lang))}</button>')
    if compare:
        out += (f'<button type="button" class="ps-btn ps-compare" data-act="compare" data-model="{esc(model_id)}">'
                f'{esc(tr("matches.compare", lang))}</button>')
    return f'<div class="ps-hit-actions">{out}</div>'


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"


def _owner(organisation: str | None, regions: Sequence[str] | None) -> str:
    return " · ".join(x for x in [organisation or "", ", ".join(regions or [])] if x)


def full_card(m: ModelDescription | None, lang: str, status: str | None = None) -> str:
    """A bank model in full, under Innokylä headings, with where it is in use."""
    if m is None:
        return f'<div class="ps-detail ps-muted">{esc(tr("detail.missing", lang))}</div>'
    rec = m.to_record()
    meta = [stage_pill(m.stage, lang), spread(len(m.implementations), lang)]
    if status:
        meta.append(status_pill(status, lang))
    if m.organisation:
        meta.append(f'<span class="ps-meta-item">{esc(m.organisation)}</span>')
    if m.regions:
        meta.append(f'<span class="ps-meta-item">{esc(", ".join(m.regions))}</span>')
    out = [f'<div class="ps-card ps-detail" data-testid="model-detail" data-model="{esc(m.id)}">',
           f'<div class="ps-card-title">{esc(tr("detail.title", lang))} · <code>{esc(m.id)}</code></div>',
           f'<h2 class="ps-card-name" tabindex="-1">{esc(m.name)}</h2>',
           f'<div class="ps-meta">{"".join(meta)}</div>']
    for field in CARD_FIELDS:
        if field in ("name", "stage", "organisation", "regions") or field not in rec:
            continue
        out.append(f'<section class="ps-field{field_classes(field)}" data-field="{esc(field)}">'
                   f'<div class="ps-field-head"><h3 class="ps-label">{esc(label(field, lang))}</h3>'
                   f'{field_tag(field, lang)}</div>'
                   f'<div class="ps-value">{value_html(field, field_value(m, field), lang)}</div></section>')
    if m.implementations:
        rows = []
        for impl in m.implementations:
            parts = [x for x in (impl.organisation, impl.region, impl.since, impl.contact) if x]
            adapt = f'<div class="ps-muted">{esc("; ".join(impl.adaptations))}</div>' if impl.adaptations else ""
            rows.append(f'<li>{esc(" · ".join(parts))}{adapt}</li>')
        out.append(f'<section class="ps-field" data-field="implementations"><div class="ps-field-head">'
                   f'<h3 class="ps-label">{esc(label("implementations", lang))}</h3></div>'
                   f'<ul class="ps-list">{"".join(rows)}</ul></section>')
    out.append("</div>")
    return "".join(out)


def detail_placeholder(lang: str) -> str:
    return f'<div class="ps-detail ps-muted">{esc(tr("detail.empty", lang))}</div>'


def match_cards(matches: Sequence[Any], lang: str) -> str:
    """Similar models found during the interview (``interview_types.Match``): band, probability, spread."""
    title = f'<h2 class="ps-section-title">{esc(tr("matches.title", lang))}</h2>'
    if not matches:
        return title + f'<div class="ps-muted ps-none">{esc(tr("matches.none", lang))}</div>'
    out = [title, '<div class="ps-results">']
    for m in matches:
        prob = m.probability if m.probability is not None else m.score
        out.append(f'<article class="ps-hit" data-testid="match" data-model="{esc(m.id)}">'
                   f'<div class="ps-hit-head"><h3 class="ps-hit-name">{esc(m.name)}</h3>'
                   f'{stage_pill(m.stage, lang)}{band_pill(m.band, prob, lang)}</div>'
                   f'<div class="ps-hit-owner">{esc(_owner(m.organisation, m.regions))} '
                   f'{spread(getattr(m, "implementations", 0), lang)}</div>'
                   f'<div class="ps-why"><b>{esc(tr("matches.why", lang))}:</b> {esc(m.why)}</div>'
                   f'{_buttons(m.id, lang)}</article>')
    out.append("</div>")
    return "".join(out)


def hit_cards(hits: Sequence[Any], lang: str, drafts: frozenset[str] = frozenset()) -> str:
    """Search results (``matcher.Scored``), best first, with the band and the reasons as a list."""
    out = ['<ol class="ps-results ps-grid-wide">']
    for rank, h in enumerate(hits, 1):
        m = h.model
        reasons = "".join(f"<li>{esc(r)}</li>" for r in (h.reasons or [h.why]))
        status = status_pill("draft", lang) if m.id in drafts else ""
        out.append(f'<li class="ps-hit" data-testid="hit" data-model="{esc(m.id)}" '
                   f'data-stage="{esc(m.stage.value if m.stage else "")}" data-band="{esc(h.band or "none")}" '
                   f'data-probability="{h.probability:.3f}">'
                   f'<div class="ps-hit-head"><span class="ps-rank">{rank}.</span>'
                   f'<h3 class="ps-hit-name">{esc(m.name)}</h3>{stage_pill(m.stage, lang)}{status}'
                   f'{band_pill(h.band, h.probability, lang)}</div>'
                   f'<div class="ps-hit-owner">{esc(_owner(m.organisation, m.regions))} '
                   f'{spread(len(m.implementations), lang)}</div>'
                   f'<div class="ps-hit-summary">{esc(_short(m.summary or m.basic_idea))}</div>'
                   f'<div class="ps-why"><b>{esc(tr("matches.why", lang))}:</b><ul>{reasons}</ul></div>'
                   f'{_buttons(m.id, lang)}</li>')
    out.append("</ol>")
    return "".join(out)


def steps_html(steps: Sequence[Any], lang: str) -> str:
    """Reuse-before-new recommendations (``interview_types.NextStep``)."""
    title = f'<h2 class="ps-section-title">{esc(tr("steps.title", lang))}</h2>'
    if not steps:
        return title + f'<div class="ps-muted ps-none">{esc(tr("steps.none", lang))}</div>'
    out = [title, '<ol class="ps-steps">']
    for s in steps:
        button = _buttons(s.model_id, lang, compare=False) if s.model_id else ""
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


def about_html(llm: str | None, count: int | None, mode: str, session_id: str | None, lang: str) -> str:
    """The "Tietoja" panel: language model, bank size and store, the conversation id and the API link."""
    llm_text = llm or tr("status.llm_offline", lang)
    mode_text = tr("status.embedded", lang) if mode == "embedded" else mode
    count_text = "–" if count is None else tr("status.models_n", lang, n=count)
    rows = [(tr("status.llm", lang), esc(llm_text)),
            (tr("status.models", lang), f'<span data-testid="bank-count">{esc(count_text)}</span>'),
            (tr("status.chroma", lang), esc(mode_text))]
    if session_id:
        sid = esc(session_id)
        rows.append((tr("about.session", lang),
                     f'<code data-testid="session-id">{sid}</code> · '
                     f'<a href="?session={sid}">{esc(tr("app.session_hint", lang))}</a>'))
    rows.append((tr("about.api", lang), '<a href="?view=api" data-testid="api-link">?view=api</a>'))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="ps-about" data-testid="status">{body}</dl>'


def banner(text: str) -> str:
    return f'<div class="ps-banner" role="alert" data-testid="banner">{esc(text)}</div>'


def notice(text: str, kind: str = "ok") -> str:
    role = "alert" if kind == "error" else "status"
    return f'<div class="ps-notice ps-n-{esc(kind)}" role="{role}">{esc(text)}</div>'


def header_html(lang: str) -> str:
    """Title and tagline (the tagline is hidden on a phone)."""
    return (f'<header class="ps-header"><h1>{esc(tr("app.title", lang))}</h1>'
            f'<p class="ps-tagline">{esc(tr("app.tagline", lang))}</p></header>')


def status_pill(status: str, lang: str) -> str:
    """A bank model's publication status: "luonnos" (published from an interview) or "julkaistu"."""
    key = "bank.draft" if status == "draft" else "bank.published"
    return f'<span class="ps-status-pill ps-p-{esc(status)}" data-testid="pub-status">{esc(tr(key, lang))}</span>'


def _chips(counts: Iterable[tuple[str, int]]) -> str:
    return "".join(f'<span class="ps-chip">{esc(name)} <b>{n}</b></span>' for name, n in counts)


def bank_stats(models: Sequence[ModelDescription], lang: str, top_themes: int = 16) -> str:
    """Counts by stage and by theme over the whole bank."""
    stages = Counter(m.stage.value if m.stage else "" for m in models)
    themes = Counter(th.lower() for m in models for th in m.themes)
    stage_rows = [(stage_label(s, lang) if s else tr("bank.no_stage", lang), n)
                  for s, n in sorted(stages.items(), key=lambda kv: (-kv[1], kv[0]))]
    return (f'<div class="ps-stats" data-testid="bank-stats">'
            f'<h2 class="ps-total">{esc(tr("bank.total", lang, n=len(models)))}</h2>'
            f'<div class="ps-stat-row"><span class="ps-stat-label">{esc(tr("bank.by_stage", lang))}</span>'
            f'{_chips(stage_rows)}</div>'
            f'<div class="ps-stat-row"><span class="ps-stat-label">{esc(tr("bank.by_theme", lang))}</span>'
            f'{_chips(themes.most_common(top_themes))}</div></div>')


def bank_list(models: Sequence[ModelDescription], total: int, lang: str,
              drafts: frozenset[str] = frozenset()) -> str:
    """Cards of (filtered) bank models: stage, draft/published, where in use."""
    out = [f'<div class="ps-count" data-testid="bank-count-line" data-shown="{len(models)}" data-total="{total}">'
           f'{esc(tr("bank.count", lang, shown=len(models), n=total))}</div>', '<ul class="ps-results ps-grid">']
    for m in models:
        themes = "".join(f'<span class="ps-chip ps-chip-sm">{esc(th)}</span>' for th in m.themes[:4])
        status = status_pill("draft" if m.id in drafts else "published", lang)
        out.append(f'<li class="ps-hit" data-testid="bank-item" data-model="{esc(m.id)}" '
                   f'data-status="{"draft" if m.id in drafts else "published"}">'
                   f'<div class="ps-hit-head"><h3 class="ps-hit-name">{esc(m.name)}</h3>'
                   f'{stage_pill(m.stage, lang)}{status}</div>'
                   f'<div class="ps-hit-owner">{esc(_owner(m.organisation, m.regions))} '
                   f'{spread(len(m.implementations), lang)}</div>'
                   f'<div class="ps-hit-summary">{esc(_short(m.summary or m.basic_idea))}</div>'
                   f'<div class="ps-themes">{themes}</div>{_buttons(m.id, lang)}</li>')
    out.append("</ul>")
    return "".join(out)


# Delegated handler for the "open card" and "compare" buttons inside a gr.HTML list.
OPEN_JS = ("element.addEventListener('click', (e) => { const b = e.target.closest('button[data-model]');"
           " if (b && element.contains(b)) { trigger('click', {model_id: b.dataset.model,"
           " action: b.dataset.act || 'open'}); } });")
