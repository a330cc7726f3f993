"""Field accuracy of an extracted draft against the true description (persona cases and the benchmark).

List fields: item-level F1, where two items match when at least half of the shorter one's stems (compared
on their first five letters) occur in the other, or one contains the other. Stage: exact.
Text fields: stem overlap with the truth."""

from __future__ import annotations

from typing import Any

from assistant.schema import LIST_FIELDS, ModelDescription
from assistant.textproc import stems

SCORED = ("target_groups", "goals", "core", "actors", "stage")


def _match(a: str, b: str, lang: str) -> bool:
    la, lb = a.lower(), b.lower()
    if la in lb or lb in la:
        return True
    # 5-letter stem prefixes: Finnish derivations ("tunnistaa" / "tunnistaminen") count as the same word
    sa, sb = {x[:5] for x in stems(a, lang)}, {x[:5] for x in stems(b, lang)}
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= 0.5


def field_score(field: str, got: Any, truth: Any, lang: str) -> float | None:
    """1.0 = perfect; None when the truth has no value for the field."""
    if truth in (None, "", []):
        return None
    if field == "stage":
        return 1.0 if got == truth else 0.0
    if field in LIST_FIELDS:
        got = list(got or [])
        if not got:
            return 0.0
        tp_truth = sum(1 for t in truth if any(_match(t, g, lang) for g in got))
        tp_got = sum(1 for g in got if any(_match(t, g, lang) for t in truth))
        recall, precision = tp_truth / len(truth), tp_got / len(got)
        return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)
    sg, st = set(stems(str(got or ""), lang)), set(stems(str(truth), lang))
    return len(sg & st) / len(st) if st else None


def accuracy(draft: Any, truth: ModelDescription, fields: tuple[str, ...] = SCORED) -> dict[str, float]:
    lang = truth.language or "fi"
    out: dict[str, float] = {}
    for f in fields:
        score = field_score(f, getattr(draft, f, None), getattr(truth, f, None), lang)
        if score is not None:
            out[f] = score
    return out
