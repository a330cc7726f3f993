"""Omat luonnokset: the interviews of this browser, listed with name, date and progress; resume or delete.

The ids live only in this browser (``gr.BrowserState``, encrypted with the server's key); each is opened
with the browser's secret through ``SessionGate``, so an id copied from elsewhere lists nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ui.card import progress
from ui.safe import esc
from ui.sessions import NotYours, SessionBusy, SessionGate
from ui.texts import tr

KEEP = 50  # ids remembered per browser
LIST_WAIT = 1.0  # seconds a listing waits for a session busy with a turn


@dataclass
class DraftInfo:
    session_id: str
    name: str | None
    updated: datetime | None
    done: int
    total: int
    published: bool


def remember(ids: list[str] | None, session_id: str) -> list[str]:
    """This browser's ids with ``session_id`` first (no duplicates, at most ``KEEP``)."""
    return list(dict.fromkeys([session_id, *(i for i in (ids or []) if isinstance(i, str) and i)]))[:KEEP]


def collect(gate: SessionGate, ids: list[str] | None, secret: str) -> tuple[list[DraftInfo], list[str]]:
    """Drafts this browser still owns (busy ones are kept but not shown), and the ids worth keeping."""
    infos: list[DraftInfo] = []
    keep: list[str] = []
    for sid in dict.fromkeys(ids or []):
        try:
            with gate.open(sid, secret, wait=LIST_WAIT) as iv:
                st = iv.state
                done, total = progress(iv.status())
                at = st.history[-1].at if st.history else None
                infos.append(DraftInfo(sid, st.draft.name, at, done, total, st.published_id is not None))
            keep.append(sid)
        except SessionBusy:
            keep.append(sid)
        except (NotYours, KeyError, ValueError):
            continue  # deleted, or not this browser's: forget it
    return infos, keep


def _when(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    return f"{local.day}.{local.month}.{local.year} {local.hour:02d}:{local.minute:02d}"


def drafts_html(infos: list[DraftInfo], current: str, lang: str, confirm: str = "", note: str = "") -> str:
    """The list; ``confirm`` is the draft whose deletion is being confirmed."""
    out = [f'<div class="ps-drafts" data-testid="drafts">{note}']
    others = [d for d in infos if d.session_id != current]
    if not others:
        out.append(f'<p class="ps-muted" data-testid="drafts-empty">{esc(tr("drafts.empty", lang))}</p>')
    out.append('<ul class="ps-draft-list">')
    for d in infos:
        name = d.name or tr("card.untitled", lang)
        sid = esc(d.session_id)
        here = d.session_id == current
        state = (f' <span class="ps-status-pill ps-p-current">{esc(tr("drafts.current", lang))}</span>' if here
                 else "")
        if d.published:
            state += f' <span class="ps-status-pill ps-p-draft">{esc(tr("bank.draft", lang))}</span>'
        if confirm == d.session_id:
            actions = (f'<span class="ps-warn-text">{esc(tr("drafts.delete_question", lang))}</span>'
                       f'<button type="button" class="ps-btn ps-btn-danger" data-act="delete-yes" '
                       f'data-session="{sid}">{esc(tr("drafts.delete_yes", lang))}</button>'
                       f'<button type="button" class="ps-btn" data-act="delete-no" data-session="{sid}">'
                       f'{esc(tr("card.cancel", lang))}</button>')
        else:
            resume = ("" if here else
                      f'<button type="button" class="ps-btn ps-btn-primary" data-act="resume" data-session="{sid}" '
                      f'aria-label="{esc(tr("drafts.resume_label", lang, name=name))}">'
                      f'{esc(tr("drafts.resume", lang))}</button>')
            actions = (resume + f'<button type="button" class="ps-btn" data-act="delete" data-session="{sid}" '
                       f'aria-label="{esc(tr("drafts.delete_label", lang, name=name))}">'
                       f'{esc(tr("drafts.delete", lang))}</button>')
        out.append(f'<li class="ps-draft" data-testid="draft" data-session="{sid}">'
                   f'<div class="ps-draft-main"><b>{esc(name)}</b>{state}<div class="ps-muted">'
                   f'{esc(_when(d.updated))} · {esc(tr("drafts.progress", lang, done=d.done, total=d.total))}'
                   f'</div></div><div class="ps-draft-actions">{actions}</div></li>')
    out.append("</ul></div>")
    return "".join(out)


DRAFTS_JS = ("element.addEventListener('click', (e) => { const b = e.target.closest('button[data-session]');"
             " if (b && element.contains(b)) { trigger('click', {session: b.dataset.session,"
             " action: b.dataset.act}); } });")
