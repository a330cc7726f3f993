"""`parastelu bench corrections`: one typed correction against a card, judged on the card afterwards.

Cases (``evals/corrections/cases*.yaml``, written by people who had not read the engine): the card before, the
field just asked, the message as typed, and what the changed field must and must not hold afterwards, with every
other field unchanged. A message with two fixes in two fields may carry a second expectation (``expect2``, from
batch 18 on); both must hold. Some cases are ordinary answers that only look like corrections; they must be stored
as given. A case with no field asked is typed at the final summary, and is played there: the numbered summary is
shown (phase ``confirm``), as in the product. Until the twentieth round the bench played those cases in the collect
phase with no question open, a state the product is never in at the summary, and scored the summary 0.70 on dev
where the product passed 0.61. Every third case per language is held out. Scored offline, no LLM.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from assistant.interview import CARD_FIELDS, Interview
from assistant.schema import STAGE_SYNONYMS, Stage
from assistant.sessions import SessionStore
from assistant.settings import Settings

OPENING = {"fi": "Kuvaan toimintamallia.", "sv": "Jag beskriver en verksamhetsmodell.", "en": "I describe a practice."}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " \n ".join(str(v) for v in value)
    if isinstance(value, Stage):  # a stage is stored as one of five values: its name in any language is it
        return " / ".join([value.value] + [w for w, s in STAGE_SYNONYMS.items() if s == value and w != value.value])
    return str(getattr(value, "value", value))


def run_case(case: dict[str, Any], iv: Interview) -> tuple[bool, str]:
    """(passed, why not) for one case on a fresh interview."""
    iv.turn(OPENING[case["lang"]])
    for fld in CARD_FIELDS:  # only the case's card: the opening turn may have guessed something
        if fld in ("stage", "name", "summary", "contact", "organisation"):
            continue
        if getattr(iv.state.draft, fld, None):
            setattr(iv.state.draft, fld, [] if isinstance(getattr(iv.state.draft, fld), list) else None)
    for fld, value in (case.get("card") or {}).items():
        iv.edit(fld, value if isinstance(value, list) else str(value))
    before = {f: _text(getattr(iv.state.draft, f, None)) for f in CARD_FIELDS}
    asked = case.get("asked")
    iv.state.phase = "collect"
    iv.state.pending_field, iv.state.asking = (asked, "question") if asked else (None, "question")
    if not asked:  # at the final summary: the numbered summary is shown and the closing readers decide
        iv.state.phase = "confirm"
        iv.state.content_turns = max(iv.state.content_turns, 5)
        iv.state.summary_fields = [f for f in iv.prompts.flow.card if getattr(iv.state.draft, f)]
    turn = iv.turn(str(case["text"]))
    after = {f: _text(getattr(turn.draft, f, None)) for f in CARD_FIELDS}
    exps = [case["expect"]] + ([case["expect2"]] if case.get("expect2") else [])
    whys = []
    for exp in exps:
        got = after.get(exp["field"], "").lower()
        missing = [w for w in exp.get("has") or [] if str(w).lower() not in got]
        left = [w for w in exp.get("not") or [] if str(w).lower() in got]
        if missing or left:
            whys.append(f"{exp['field']}={after.get(exp['field'], '')[:120]!r} missing {missing} left {left}")
    # a message with two fixes (``expect2``) must leave every third field alone; the field asked is free only
    # when the case says the message answers it too (others_unchanged: false)
    exp = case["expect"]
    free = {e["field"] for e in exps} | ({asked} if asked and not exp.get("others_unchanged", True) else set())
    check_rest = exp.get("others_unchanged", True) or len(exps) > 1
    changed = [f for f in CARD_FIELDS if f not in free and check_rest and before[f] and after[f] != before[f]]
    if changed:
        whys.append(f"changed {changed}")
    return not whys, "; ".join(whys)


def run(settings: Settings, cases_path: Path, verbose: bool = False, only: str | None = None) -> int:
    if not cases_path.exists():
        print(f"error: no correction cases at {cases_path}")
        return 2
    from assistant.bench.interview import _services

    files = sorted(cases_path.glob("cases*.yaml")) if cases_path.is_dir() else [cases_path]
    cases = [{**c, "_batch": f.stem.removeprefix("cases").strip("_") or "b1"}
             for f in files for c in yaml.safe_load(f.read_text(encoding="utf-8")) or []]
    if only:
        cases = [c for c in cases if only in str(c.get("id")) or c.get("split") == only]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory(prefix="parastelu-bench-corr-") as tmp:
        svc = _services(settings, Path(tmp))
        sessions = SessionStore(Path(tmp) / "sessions.db")
        for case in cases:
            iv = Interview.start(lang=case["lang"], services=svc, sessions=sessions, llm=False)
            try:
                ok, why = run_case(case, iv)
            except Exception as exc:  # a crash is a failed case, reported
                ok, why = False, f"CRASH {type(exc).__name__}: {exc}"
            kind = "answer" if case["expect"].get("answer") else "correction"
            for key in (f"{case['lang']}/{case['split']}", f"all/{case['split']}", f"{kind}s/{case['split']}",
                        f"{case['_batch']}/{case['split']}"):
                tally[key][0] += ok
                tally[key][1] += 1
            if verbose and not ok and case.get("split") == "dev":
                print(f"{case['id']}: {case['text']!r} → {why}")
    print(f"{'group':<18}{'n':>4}{'passed':>9}")
    for key in sorted(tally, key=lambda k: (k.split("/")[1], k)):
        passed, n = tally[key]
        print(f"{key:<18}{n:>4}{passed / n:>9.2f}")
    print("passed: the changed field holds the right words and not the wrong ones, every other field unchanged; "
          "answers: stored in the asked field")
    return 0
