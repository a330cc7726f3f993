"""The live model card, which is also its editor: every field has an edit button; the field being edited
is rendered in place as a form (text area, localized stage/language select, or a list of items) holding
its current value, with a validation error next to it in the UI language.

Pure functions returning HTML; every value is escaped. The card's own script (``CARD_JS``) turns button
presses into ``trigger('submit', {...})`` events that ``ui/describe.py`` handles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from assistant.schema import LIST_FIELDS, Stage, label
from ui.safe import esc, safe_url
from ui.texts import LANGS, stage_label, tr

# The card follows Innokylä's reading order: what and for whom, why, how (core first), where, proof.
CARD_FIELDS: tuple[str, ...] = (
    "name", "summary", "problem", "target_groups", "goals", "basic_idea", "core", "adaptable",
    "actors", "environment", "conditions", "measurement", "evidence", "stage", "themes", "regions",
    "organisation", "funders", "contact", "language", "source_url",
)
EDITABLE_FIELDS: tuple[str, ...] = CARD_FIELDS
STATUSES = ("missing", "partial", "confirmed", "skipped")
LONG_FIELDS = frozenset({"summary", "problem", "basic_idea", "environment", "conditions", "measurement",
                         "evidence"})


def status_value(status: Any) -> str:
    value = getattr(status, "value", status)
    return str(value) if value in STATUSES else "missing"


def progress(status: Mapping[str, Any]) -> tuple[int, int]:
    """(fields filled in, all card fields)."""
    filled = sum(1 for f in CARD_FIELDS if status_value(status.get(f)) in ("partial", "confirmed"))
    return filled, len(CARD_FIELDS)


def badge(status: Any, lang: str) -> str:
    """A status pill: missing / partial / confirmed / skipped."""
    value = status_value(status)
    return f'<span class="ps-badge ps-b-{value}">{esc(tr("badge." + value, lang))}</span>'


def field_value(obj: Any, field: str) -> Any:
    value = getattr(obj, field, None)
    return getattr(value, "value", value) if field == "stage" else value


def value_html(field: str, value: Any, lang: str) -> str:
    """A field's value as read-only HTML (the stage and language in the reader's language)."""
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


def field_classes(field: str) -> str:
    return {"core": " ps-core", "adaptable": " ps-adaptable"}.get(field, "")


def field_tag(field: str, lang: str) -> str:
    if field == "core":
        return f'<span class="ps-tag ps-tag-core">{esc(tr("card.core_tag", lang))}</span>'
    if field == "adaptable":
        return f'<span class="ps-tag ps-tag-adaptable">{esc(tr("card.adaptable_tag", lang))}</span>'
    return ""


def _select(field: str, options: Sequence[tuple[str, str]], current: str, lang: str) -> str:
    opts = [f'<option value="">{esc(tr("card.choose", lang))}</option>']
    opts += [f'<option value="{esc(v)}"{" selected" if v == current else ""}>{esc(text)}</option>'
             for text, v in options]
    return (f'<select class="ps-edit-input" id="ps-edit-{field}" name="{field}" '
            f'aria-describedby="ps-err-{field}">{"".join(opts)}</select>')


def _item(field: str, value: str, n: int | str, lang: str) -> str:
    return (f'<li class="ps-item"><input type="text" class="ps-edit-input ps-edit-item" value="{esc(value)}" '
            f'aria-label="{esc(tr("card.item", lang, field=label(field, lang), n=n))}">'
            f'<button type="button" class="ps-btn ps-remove" data-act="remove" '
            f'aria-label="{esc(tr("card.remove_item_n", lang, n=n))}">{esc(tr("card.remove_item", lang))}</button>'
            "</li>")


def editor_html(field: str, value: Any, lang: str, error: str = "") -> str:
    """The in-place form for one field, prefilled with ``value`` (the current or the rejected one)."""
    name = label(field, lang)
    if field == "stage":
        control = _select(field, [(stage_label(s.value, lang), s.value) for s in Stage], str(value or ""), lang)
    elif field == "language":
        control = _select(field, [(tr(f"lang.{code}", lang), code) for code in LANGS], str(value or ""), lang)
    elif field in LIST_FIELDS:
        items = [str(v) for v in (value or [])] or [""]
        template = esc(_item(field, "", "__N__", lang))
        control = (f'<ul class="ps-items" data-template="{template}">'
                   + "".join(_item(field, v, i, lang) for i, v in enumerate(items, 1)) + "</ul>"
                   f'<button type="button" class="ps-btn" data-act="add">{esc(tr("card.add_item", lang))}</button>')
    else:
        rows = 5 if field in LONG_FIELDS else 2
        control = (f'<textarea class="ps-edit-input" id="ps-edit-{field}" rows="{rows}" '
                   f'aria-label="{esc(name)}" aria-describedby="ps-err-{field}">{esc(value or "")}</textarea>')
    err = (f'<div class="ps-field-error" id="ps-err-{field}" role="alert">{esc(error)}</div>' if error
           else f'<div class="ps-field-error" id="ps-err-{field}"></div>')
    return (f'<div class="ps-editor" data-editing="{esc(field)}" role="group" '
            f'aria-label="{esc(tr("card.edit_label", lang, field=name))}">{control}{err}'
            f'<div class="ps-edit-actions"><button type="button" class="ps-btn ps-btn-primary" data-act="save">'
            f'{esc(tr("card.save", lang))}</button><button type="button" class="ps-btn" data-act="cancel">'
            f'{esc(tr("card.cancel", lang))}</button></div></div>')


def live_card(draft: Any, status: Mapping[str, Any], lang: str, asking: str | None = None,
              done: bool = False, messages: int = 0, streaming: bool = False, editing: str | None = None,
              edit_value: Any = None, error: str = "") -> str:
    """The model card being written: every field under its Innokylä heading with a status badge and an
    edit button; ``editing`` is rendered as a form (``edit_value`` if given, else the current value).

    ``asking``, ``done``, ``messages`` (saved conversation length) and ``streaming`` are data attributes
    for tests and styling."""
    filled, total = progress(status)
    pct = round(100 * filled / total)
    name = field_value(draft, "name") or tr("card.untitled", lang)
    out = [f'<div class="ps-card ps-live" data-testid="live-card" data-asking="{esc(asking or "")}" '
           f'data-done="{"true" if done else "false"}" data-messages="{int(messages)}" '
           f'data-streaming="{"true" if streaming else "false"}" data-editing="{esc(editing or "")}">',
           '<div class="ps-card-head">',
           f'<h2 class="ps-card-title">{esc(tr("card.title", lang))}</h2>',
           f'<div class="ps-card-name">{esc(name)}</div>',
           f'<div class="ps-progress" role="progressbar" aria-valuemin="0" aria-valuemax="{total}" '
           f'aria-valuenow="{filled}" aria-label="{esc(tr("card.progress", lang, done=filled, total=total))}">'
           f'<div class="ps-bar" style="width:{pct}%"></div></div>',
           f'<div class="ps-progress-text">{esc(tr("card.progress", lang, done=filled, total=total))}</div>',
           "</div>"]
    for field in CARD_FIELDS:
        st = status_value(status.get(field))
        value = field_value(draft, field)
        if field == "core":
            out.append(f'<div class="ps-core-hint">{esc(tr("card.core_hint", lang))}</div>')
        classes = f"ps-field ps-st-{st}{field_classes(field)}" + (" ps-asking" if field == asking else "")
        name_f = label(field, lang)
        if field == editing:
            body = editor_html(field, value if edit_value is None else edit_value, lang, error)
            button = ""
        else:
            body = f'<div class="ps-value">{value_html(field, value, lang)}</div>'
            button = (f'<button type="button" class="ps-btn ps-edit" data-act="edit" data-field="{esc(field)}" '
                      f'aria-label="{esc(tr("card.edit_label", lang, field=name_f))}">'
                      f'{esc(tr("card.edit", lang))}</button>')
        out.append(f'<section class="{classes}" data-field="{esc(field)}" data-status="{st}">'
                   f'<div class="ps-field-head"><h3 class="ps-label">{esc(name_f)}</h3>'
                   f'{field_tag(field, lang)}{badge(st, lang)}{button}</div>{body}</section>')
    out.append("</div>")
    return "".join(out)


def parse_edit(field: str, value: Any) -> str | list[str]:
    """An editor's value as ``Interview.edit`` expects it (list fields: items; text: one string)."""
    if field in LIST_FIELDS:
        items = value if isinstance(value, list) else str(value or "").splitlines()
        return [str(v).strip().lstrip("-•*").strip() for v in items if str(v).strip()]
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return str(value or "").strip()


def edit_error(exc: Exception, field: str, lang: str) -> str:
    """A rejected edit as one sentence in the UI language (never pydantic's English)."""
    if isinstance(exc, ValidationError):
        for err in exc.errors():
            msg = str(err.get("msg", ""))
            kind = str(err.get("type", ""))
            if "http(s) URL" in msg:
                return tr("edit.err.url", lang)
            if "characters, at most" in msg or kind == "string_too_long":
                return tr("edit.err.too_long", lang)
            if "items, at most" in msg:
                return tr("edit.err.too_many", lang)
            if "must be one of" in msg or kind in ("enum", "literal_error"):
                return tr("edit.err.choice", lang)
    return tr("edit.err.invalid", lang, field=label(field, lang))


# The card's behaviour: keeps the asked field in view, opens editors, adds/removes list items, saves on
# the Save button or Ctrl+Enter, cancels on Escape, and moves the focus into and out of the editor.
CARD_JS = """
const follow = () => {
  const a = element.querySelector('.ps-asking');
  const box = element.querySelector('.ps-live');
  if (!a || !box || element.querySelector('.ps-editor')) return;
  const head = element.querySelector('.ps-card-head');
  const offset = a.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({top: box.scrollTop + offset - (head ? head.offsetHeight : 0) - 40, behavior: 'smooth'});
};
const collect = (ed) => {
  const items = ed.querySelectorAll('.ps-edit-item');
  if (items.length || ed.querySelector('.ps-items')) return Array.from(items).map(i => i.value);
  const one = ed.querySelector('.ps-edit-input');
  return one ? one.value : '';
};
let refocus = null;
const afterRender = () => {
  const ed = element.querySelector('.ps-editor');
  if (ed) {
    const first = ed.querySelector('.ps-edit-input');
    if (first && !ed.contains(document.activeElement)) first.focus();
  } else if (refocus) {
    const b = element.querySelector(`button[data-act=edit][data-field="${refocus}"]`);
    if (b) b.focus();
  }
  refocus = null;
  follow();
};
element.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-act]');
  if (!b || !element.contains(b)) return;
  const act = b.dataset.act;
  const ed = b.closest('.ps-editor');
  if (act === 'edit') { trigger('submit', {action: 'edit', field: b.dataset.field}); }
  else if (act === 'add' && ed) {
    const ul = ed.querySelector('.ps-items');
    const t = document.createElement('template');
    t.innerHTML = ul.dataset.template.replaceAll('__N__', String(ul.children.length + 1));
    const li = t.content.firstElementChild;
    ul.appendChild(li);
    li.querySelector('input').focus();
  } else if (act === 'remove' && ed) {
    const li = b.closest('li'); const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    const target = next ? next.querySelector('input') : ed.querySelector('[data-act=add]');
    if (target) target.focus();
  } else if (act === 'save' && ed) {
    refocus = ed.dataset.editing;
    trigger('submit', {action: 'save', field: ed.dataset.editing, value: collect(ed)});
  } else if (act === 'cancel' && ed) {
    refocus = ed.dataset.editing;
    trigger('submit', {action: 'cancel', field: ed.dataset.editing});
  }
});
element.addEventListener('keydown', (e) => {
  const ed = e.target.closest && e.target.closest('.ps-editor');
  if (!ed) return;
  if (e.key === 'Escape') { e.preventDefault(); refocus = ed.dataset.editing;
    trigger('submit', {action: 'cancel', field: ed.dataset.editing}); }
  else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (e.target.tagName === 'INPUT'))) {
    e.preventDefault(); refocus = ed.dataset.editing;
    trigger('submit', {action: 'save', field: ed.dataset.editing, value: collect(ed)});
  }
});
watch('value', afterRender);
afterRender();
"""
