"""Two models side by side ("Vertaa"): ``assistant.compare.compare`` rendered as escaped HTML.

A is the user's own draft (from a match in the interview) or the first model picked (search, bank); B is
the other one. Each aspect shows A's items and B's items in two columns; shared items are marked in both.
"""

from __future__ import annotations

from typing import Any

from assistant.schema import ModelDescription, label
from ui.render import stage_pill
from ui.safe import esc
from ui.texts import tr


def _items(shared: list[str], only: list[str], lang: str) -> str:
    if not shared and not only:
        return f'<span class="ps-empty">{esc(tr("compare.none", lang))}</span>'
    rows = [f'<li class="ps-cmp-shared"><span class="ps-tag ps-tag-shared">{esc(tr("compare.shared", lang))}</span> '
            f"{esc(x)}</li>" for x in shared]
    rows += [f'<li class="ps-cmp-only"><span class="ps-tag ps-tag-only">{esc(tr("compare.only", lang))}</span> '
             f"{esc(x)}</li>" for x in only]
    return '<ul class="ps-list">' + "".join(rows) + "</ul>"


def _head(m: ModelDescription, title: str | None, lang: str) -> str:
    name = esc(title or m.name)
    return f'<div class="ps-cmp-name"><b>{name}</b> {stage_pill(m.stage, lang)}</div>'


def comparison_html(c: Any, lang: str, a_title: str | None = None) -> str:
    """A ``Comparison`` (aspects with shared / only_a / only_b) as two columns under each aspect."""
    pct = f"{100 * float(c.probability):.0f}"
    out = [f'<div class="ps-card ps-compare-view" data-testid="comparison" data-a="{esc(c.a.id)}" '
           f'data-b="{esc(c.b.id)}">',
           f'<h2 class="ps-card-name" tabindex="-1">{esc(tr("compare.title", lang))}</h2>',
           f'<p class="ps-muted">{esc(tr("compare.same_or_adoptable", lang, pct=pct))}</p>',
           '<div class="ps-cmp-cols ps-cmp-heads"><div>A: ' + _head(c.a, a_title, lang) + "</div>"
           "<div>B: " + _head(c.b, None, lang) + "</div></div>"]
    for aspect in c.aspects:
        if not (aspect.shared or aspect.only_a or aspect.only_b):
            continue
        out.append(f'<section class="ps-cmp-aspect" data-field="{esc(aspect.field)}">'
                   f'<h3 class="ps-label">{esc(label(aspect.field, lang))}</h3><div class="ps-cmp-cols">'
                   f'<div class="ps-cmp-a" data-side="a">{_items([a for a, _ in aspect.shared], aspect.only_a, lang)}'
                   f'</div><div class="ps-cmp-b" data-side="b">'
                   f'{_items([b for _, b in aspect.shared], aspect.only_b, lang)}</div></div></section>')
    out.append("</div>")
    return "".join(out)


def picked_html(m: ModelDescription, lang: str) -> str:
    return (f'<div class="ps-notice ps-n-info" role="status" data-testid="compare-picked" data-model="{esc(m.id)}">'
            f'{esc(tr("compare.picked", lang, name=m.name))}</div>')
