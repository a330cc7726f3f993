"""`parastelu bench pii`: recall and precision of the personal-data guard on a labelled set, per kind
and overall, separately for the dev and the held-out split.

Case format (``evals/pii/cases.yaml``): ``id``, ``lang``, ``text``, ``kinds`` (empty for a negative),
``spans`` (the personal data, verbatim), ``split`` (dev/heldout). Two views are scored:

- per kind, per case: a kind is found when the detector reports that kind anywhere in the case;
- overall, per span: an expected span is recalled when a finding overlaps it; a finding is correct when
  it overlaps an expected span (so every finding in a negative case is a false positive).

Only dev cases are ever listed (``--errors``): the held-out split is for reporting, not for tuning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.pii import KINDS, find
from assistant.pii_model import model


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    positives: int = 0
    errors: list[str] = field(default_factory=list)


def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _spans(text: str, spans: list[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for span in spans:
        start = text.find(span)
        while start >= 0:
            out.append((start, start + len(span)))
            start = text.find(span, start + 1)
    return out


def score(cases: list[dict[str, Any]]) -> Score:
    s = Score()
    for case in cases:
        text, want = str(case["text"]), set(case.get("kinds") or [])
        found = find(text)
        got = {f.kind for f in found}
        s.cases += 1
        s.positives += bool(want)
        for kind in KINDS:
            if kind in want and kind in got:
                s.tp[kind] += 1
            elif kind in got:
                s.fp[kind] += 1
            elif kind in want:
                s.fn[kind] += 1
        expected = _spans(text, [str(x) for x in case.get("spans") or []])
        hit = [e for e in expected if any(f.start < e[1] and e[0] < f.end for f in found)]
        right = [f for f in found if any(f.start < e[1] and e[0] < f.end for e in expected)]
        s.tp["*span"] += len(hit)
        s.fn["*span"] += len(expected) - len(hit)
        s.tp["*finding"] += len(right)
        s.fp["*finding"] += len(found) - len(right)
        if want != got or len(hit) != len(expected) or len(right) != len(found):
            s.errors.append(f"{case.get('id')}: want {sorted(want)} {case.get('spans') or []}, got "
                            f"{[(f.kind, f.text) for f in found]}  | {text!r}")
    return s


def report(name: str, s: Score) -> list[str]:
    lines = [f"{name}: {s.cases} cases ({s.positives} with personal data, {s.cases - s.positives} without)",
             f"  {'kind':<14}{'recall':>8}{'precision':>11}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for kind in KINDS:
        tp, fp, fn = s.tp[kind], s.fp[kind], s.fn[kind]
        lines.append(f"  {kind:<14}{_ratio(tp, tp + fn):>8.3f}{_ratio(tp, tp + fp):>11.3f}{tp:>5}{fp:>5}{fn:>5}")
    tp = sum(s.tp[k] for k in KINDS)
    fp = sum(s.fp[k] for k in KINDS)
    fn = sum(s.fn[k] for k in KINDS)
    lines.append(f"  {'all kinds':<14}{_ratio(tp, tp + fn):>8.3f}{_ratio(tp, tp + fp):>11.3f}{tp:>5}{fp:>5}{fn:>5}")
    span_r = _ratio(s.tp["*span"], s.tp["*span"] + s.fn["*span"])
    span_p = _ratio(s.tp["*finding"], s.tp["*finding"] + s.fp["*finding"])
    lines.append(f"  {'spans':<14}{span_r:>8.3f}{span_p:>11.3f}   (recall over {s.tp['*span'] + s.fn['*span']} "
                 f"labelled spans, precision over {s.tp['*finding'] + s.fp['*finding']} findings)")
    return lines


def run(cases_path: Path, show_errors: bool = False, only: str | None = None) -> int:
    """``only``: one split (dev or heldout), so tuning on dev never prints the held-out figures."""
    if not cases_path.exists():
        print(f"error: no labelled cases at {cases_path} (give --cases FILE)")
        return 2
    cases = yaml.safe_load(cases_path.read_text(encoding="utf-8")) or []
    print(f"personal-data guard on {cases_path}")
    reader = model()
    if reader is not None:  # its weights were fitted on the dev cases: their figure below is not a result
        cv = reader.cv
        how = "honestly cross-validated" if cv.get("how") else "cross-validated"
        print(f"names with health details: learned reader fitted on the dev cases (threshold {reader.threshold}); "
              f"{how} on dev: recall {cv.get('recall', float('nan')):.3f}, "
              f"precision {cv.get('precision', float('nan')):.3f} (the dev rows below are fitted, not results)")
    if only not in (None, "dev", "heldout"):
        print(f"error: --only takes a split here (dev or heldout), not {only!r}")
        return 2
    for split in (only,) if only else ("dev", "heldout"):
        chosen = [c for c in cases if c.get("split", "dev") == split]
        result = score(chosen)
        print("\n".join(report(split, result)))
        if show_errors and split == "dev":
            print("\n".join(f"    {e}" for e in result.errors))
    return 0
