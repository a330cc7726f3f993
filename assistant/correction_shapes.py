"""Shapes of a correction read before the general reading, each changing as little as it says: "not only X,
also Y" (``not_only``), one list item said again by its right name (``renamed``), a number put right where the
card writes it (``number_fix``) and a removal followed by who is there now (``replacement``). Functions over the
turn's ``Corrections``; kept apart so that ``corrections`` stays the general reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant import policy
from assistant.card_words import _number_like
from assistant.edits import added_kind
from assistant.interview_types import FieldStatus
from assistant.not_only import not_only
from assistant.number_fix import card_number_fix, every_spot
from assistant.renamed import renamed, renamed_now
from assistant.replacement import replacement_after
from assistant.schema import LIST_FIELDS
from assistant.substitute import substitute
from assistant.wrong_value import range_swap

if TYPE_CHECKING:
    from assistant.corrections import Corrections


def card_values(d: Corrections) -> dict[str, Any]:
    """What the card writes, field by field: every field a number, a range or a removed item can stand in (not
    the stage or the name)."""
    return {f: getattr(d.state.draft, f) for f in d.flow.card if f not in ("stage", "name")}


def _not_only_field(d: Corrections, x: str, y: str) -> str | None:
    """Where "not only X, also Y" adds Y: the target group when it writes X (it mostly is who); else the field
    Y's words describe; else the field that writes X."""
    if d._holds("target_groups", [x]):
        return "target_groups"
    guess = d.offline.classifier.predict([y])[0]
    return guess.field if guess.p >= 0.5 and guess.field in d.flow.card else d._holder([x])


def _done(d: Corrections, fld: str) -> list[str]:
    if d.state.phase in ("confirm", "done"):
        d.state.phase = "collect"
    return d.after_update([d.t("iv.corrected", label=d.label(fld))])


def read_shapes(d: Corrections, a: policy.Action) -> list[str] | None:
    """The reply when the message is "not only X, also Y" or an item said again by its right name; else None."""
    c = a.correction
    assert c is not None
    pair = not_only(d.offline.nlu, a.text) if a.text else None
    fld = (c.field if c.field in d.flow.card else _not_only_field(d, *pair)) if pair else None
    if pair and fld and fld not in ("stage", "name"):  # "ei pelkästään X, myös Y": Y added, X stays
        d._apply_correction(fld, pair[1], [], True)
        return _done(d, fld)
    kind = added_kind(c.text) if c.additive and not c.field and c.text else None
    if kind is not None and kind.field in d.flow.card:  # "en sak till, PAF ger oss också pengar": a funder
        d._apply_correction(kind.field, kind.text, [], True)
        return _done(d, kind.field)
    items = list(getattr(d.state.draft, c.field) or []) if c.field in LIST_FIELDS and not c.removed \
        and not c.additive else []
    renaming = renamed(a.text, items) if items else None
    if renaming and c.field:  # "korjaus toimijoihin: se eläkeläisyhdistys on Loimaan Kyläseniorit ry": that item
        return _rename(d, c.field, renaming)
    if c.field is None and not c.additive:  # "Lapin Nuorten Tuki on Pohjoisen Nuoret ry": the one list naming it
        return _renamed_one(d, a.text, _NAMES, renamed)
    return None


_NAMES = ("actors", "funders", "regions")  # list fields of organisations and places, where a name changes


def number_fix(d: Corrections, c: Any, text: str) -> tuple[str, str, str] | None:
    """(field, right, wrong) when the correction puts a number right that the card writes once; the field it
    names first, the whole card when that field writes neither number ("lukuhetkiä oli 380, se 420 oli
    tavoite" names the goals, but 420 is in the measurement)."""
    if c.additive or c.command or not all(any(_number_like(w.strip(".,")) for w in r.split()) for r in c.removed):
        return None  # not "ta bort picknicken"
    numbered = card_values(d)
    named = {c.field: numbered[c.field]} if c.field in numbered else None
    fix = card_number_fix(text, named, single=True) if named else None
    if fix is None and (named is None or card_number_fix(text, named, either=True) is None):
        fix = card_number_fix(text, numbered, single=True)
    return fix


def number_everywhere(d: Corrections, c: Any, text: str) -> list[str] | None:
    """The reply when the wrong number stands in several places with the same word after it; None otherwise."""
    spots = every_spot(text, card_values(d)) if not c.additive and not c.command else []
    if not spots:
        return None
    for fld, right, wrong in spots:
        d._apply_correction(fld, right, [wrong], False, pairs=[(right, wrong)])
    if d.state.phase in ("confirm", "done"):
        d.state.phase = "collect"
    return d.after_update([d.t("iv.corrected", label=", ".join(dict.fromkeys(d.label(f) for f, _, _ in spots)))])


def with_replacement(d: Corrections, a: policy.Action, once: Callable[[policy.Action], list[str]]) -> list[str]:
    """The correction; when it removed from one list and the message says who or what is there now, that is
    added to the same list."""
    c = a.correction
    assert c is not None
    extra = replacement_after(d.offline.nlu, a.text, c.removed, d.state.lang) \
        if c.removed and not c.text and not c.additive and c.then is None and a.text else ""
    if not extra:
        return once(a)
    before = card_values(d)
    parts = once(a)
    changed = [f for f, value in before.items() if getattr(d.state.draft, f) != value]
    if len(changed) == 1:
        d._apply_correction(changed[0], extra, [], True)
    return parts


_JOINED = re.compile(r"\s*,\s*|\s+(?:och|ja|and|sekä|samt|eller|tai|or)\s+", re.IGNORECASE)


def split_joined(d: Corrections, removed: list[str]) -> list[str]:
    """"inte Kristinestad och Kaskö" for a card listing them apart: each part, when the whole is written nowhere
    and every part is (the correction had found nothing and was stored as the answer to the question asked)."""
    out: list[str] = []
    for r in removed:
        parts = [p for p in _JOINED.split(r) if p.strip()]
        if len(parts) > 1 and not d._holders([r], whole=True) and all(d._holders([p], whole=True) for p in parts):
            out += parts
        else:
            out.append(r)
    return out


def value_swap_elsewhere(d: Corrections, c: Any, text: str) -> bool:
    """To "did I get X right?", "förlåt, jag menade 6–12 år, …" puts right an age range or a number the card
    writes (in X or elsewhere): a correction, not a new value for X (the core had been replaced by it)."""
    if c.removed or not c.text:
        return False
    card = card_values(d)
    return bool(range_swap(c.text, card) or card_number_fix(text, card))


def renamed_in_passing(d: Corrections, text: str) -> list[str] | None:
    """The reply when a story or an answer says a partner, funder, place or the owner on the card has a new name
    ("Lapin Nuorten Tuki on nykyään Pohjoisen Nuoret ry, ne yhdisty …"); None otherwise."""
    return _renamed_one(d, text, (*_NAMES, "organisation"), renamed_now)


def _renamed_one(d: Corrections, text: str, fields: tuple[str, ...],
                 read: Callable[[str, list[str]], tuple[int, str, str] | None]) -> list[str] | None:
    """The item renamed when exactly one of ``fields`` holds the name said to have changed; None otherwise."""
    hits = [(f, r) for f in fields if (r := read(text, _as_items(getattr(d.state.draft, f, None))))]
    return _rename(d, *hits[0]) if len(hits) == 1 else None


def _rename(d: Corrections, fld: str, renaming: tuple[int, str, str]) -> list[str]:
    """Item ``k`` of ``fld`` said by its right name; a long item keeps the rest of what it says."""
    k, wrong, right = renaming
    items = _as_items(getattr(d.state.draft, fld))
    swapped = substitute([items[k]], fld, right, [wrong], d.state.lang) if len(items[k].split()) > 3 else None
    items[k] = swapped[0] if swapped else right
    d.set(fld, items if fld in LIST_FIELDS else items[0], FieldStatus.confirmed, replace=True)
    d.state.last_field = fld
    return _done(d, fld)


def _as_items(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []
