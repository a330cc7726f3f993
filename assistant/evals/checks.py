"""Deterministic assertions on a transcript: extracted fields, behaviour, retrieval and next steps."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from assistant.evals.cases import Case, FieldCheck
from assistant.evals.simulate import Transcript
from assistant.textproc import detect_language


@dataclass
class Assertion:
    """One named check with what was expected and what was seen (for diffs in the report)."""

    name: str
    passed: bool | None  # None = skipped (e.g. a rubric without --judge)
    expected: Any = None
    actual: Any = None
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return "" if value is None else str(getattr(value, "value", value))


def check_field(name: str, value: Any, chk: FieldCheck) -> list[Assertion]:
    text = _as_text(value).lower()
    out: list[Assertion] = []
    if chk.absent is not None:
        empty = value in (None, "", [])
        out.append(Assertion(f"field {name} absent={chk.absent}", empty == chk.absent, chk.absent, value))
    if chk.equals is not None:
        out.append(Assertion(f"field {name} equals", _as_text(chk.equals).lower() == text, chk.equals, value))
    if chk.contains is not None:
        out.append(Assertion(f"field {name} contains", chk.contains.lower() in text, chk.contains, value))
    if chk.contains_any is not None:
        out.append(Assertion(f"field {name} contains_any", any(w.lower() in text for w in chk.contains_any),
                             chk.contains_any, value))
    if chk.contains_all is not None:
        missing = [w for w in chk.contains_all if w.lower() not in text]
        out.append(Assertion(f"field {name} contains_all", not missing, chk.contains_all, value,
                             f"missing: {missing}" if missing else ""))
    if chk.regex is not None:
        out.append(Assertion(f"field {name} regex", re.search(chk.regex, _as_text(value), re.I) is not None,
                             chk.regex, value))
    if chk.stage_is is not None:
        out.append(Assertion(f"field {name} stage_is", text == chk.stage_is, chk.stage_is, value))
    return out


def evaluate(case: Case, tr: Transcript) -> list[Assertion]:
    """All assertions of a case; a crashed run is one failed assertion with the error."""
    if tr.error or tr.final is None:
        return [Assertion("run completed", False, "no error", tr.error)]
    out: list[Assertion] = []
    final = tr.final
    draft = final.draft
    for i, scripted in enumerate(case.turns):
        if i + 1 >= len(tr.turns):
            continue
        after = tr.turns[i + 1]
        if scripted.expect_asked_about:
            got = after.asked_field
            out.append(Assertion(f"turn {i + 1} asked about {scripted.expect_asked_about}",
                                 got == scripted.expect_asked_about, scripted.expect_asked_about, got))
        if scripted.expect_asking:
            out.append(Assertion(f"turn {i + 1} asking {scripted.expect_asking}",
                                 after.asking == scripted.expect_asking and after.asked_field is not None,
                                 scripted.expect_asking, f"{after.asking} {after.asked_field}"))
        if scripted.expect_phase:
            out.append(Assertion(f"turn {i + 1} phase {scripted.expect_phase}", after.phase == scripted.expect_phase,
                                 scripted.expect_phase, after.phase))
    for name, chk in case.expect.fields.items():
        out += check_field(name, getattr(draft, name, None), chk)
    out += _behaviour(case, tr)
    ret = case.expect.retrieval
    if ret:
        ids = [m.id for m in final.matches][: ret.top_k]
        seen = {m.id for t in tr.turns for m in t.matches[: ret.top_k]}
        for mid in ret.must_include:
            out.append(Assertion(f"match {mid} in top {ret.top_k}", mid in ids or mid in seen, mid, ids))
        for mid in ret.must_not_include:
            out.append(Assertion(f"match {mid} not in top {ret.top_k}", mid not in ids, mid, ids))
        if ret.first_match:
            firsts = [t.matches[0].id for t in tr.turns if t.matches]
            out.append(Assertion("first match", ret.first_match in firsts[:1] or
                                 (bool(ids) and ids[0] == ret.first_match), ret.first_match, ids[:1]))
    steps = case.expect.next_steps
    if steps:
        kinds = [(s.kind, s.model_id) for s in final.next_steps]
        ok = any(k == steps.kind and (steps.model is None or m == steps.model) for k, m in kinds)
        out.append(Assertion(f"next step {steps.kind}" + (f" {steps.model}" if steps.model else ""), ok,
                             {"kind": steps.kind, "model": steps.model}, kinds))
    if case.expect.rubric:
        out.append(Assertion("rubric", None, case.expect.rubric, None, "skipped: run with --judge"))
    return out


def _behaviour(case: Case, tr: Transcript) -> list[Assertion]:
    b = case.expect.behaviour
    out: list[Assertion] = []
    asked = [t.asked_field for t in tr.turns if t.asked_field]
    if b.must_not_ask_again:
        fields = b.must_not_ask_again if isinstance(b.must_not_ask_again, list) else sorted(set(asked))
        repeats = sorted({f for f in fields if _asked_again(tr, f)})
        out.append(Assertion("no field asked again after it was filled", not repeats, [], repeats))
    if b.max_turns is not None:
        out.append(Assertion(f"at most {b.max_turns} user turns", len(tr.user) <= b.max_turns, b.max_turns,
                             len(tr.user)))
    if b.asked_about_core is not None:
        out.append(Assertion("asked about core", ("core" in asked) == b.asked_about_core, b.asked_about_core,
                             asked))
    if b.replied_in is not None:
        replies = [t.reply for t in tr.turns[1:] if len(t.reply.split()) >= 4]
        langs = [detect_language(r, default="?") for r in replies]
        wrong = [r[:80] for r, lg in zip(replies, langs, strict=True) if lg != b.replied_in]
        out.append(Assertion(f"replied in {b.replied_in}", not wrong, b.replied_in, wrong[:3]))
    if b.must_not_contain:
        found = [p for p in b.must_not_contain for t in tr.turns[1:] if p.lower() in t.reply.lower()]
        out.append(Assertion("reply must not contain", not found, b.must_not_contain, sorted(set(found))))
    if b.reuse_offered is not None:
        offered = any(t.phase == "reuse_offer" for t in tr.turns)
        out.append(Assertion("reuse offered", offered == b.reuse_offered, b.reuse_offered, offered))
    if b.done is not None:
        out.append(Assertion("interview done", tr.final is not None and tr.final.done == b.done, b.done,
                             tr.final.done if tr.final else None))
    if b.asked is not None:
        missing = [f for f in b.asked if f not in asked]
        out.append(Assertion("asked about", not missing, b.asked, asked, f"never asked: {missing}" if missing else ""))
    if b.not_asked is not None:
        wrong = sorted({f for f in b.not_asked if f in asked})
        out.append(Assertion("never asked about", not wrong, b.not_asked, wrong))
    offers = [m.id for t in tr.turns if t.phase == "reuse_offer" for m in t.matches[:1]]
    offered_ids = _offered(tr)
    if b.offered is not None:
        out.append(Assertion("reuse offer names", bool(set(offered_ids) & set(b.offered)), b.offered, offered_ids))
    if b.not_offered is not None:
        wrong = sorted(set(offered_ids) & set(b.not_offered))
        out.append(Assertion("reuse offer never names", not wrong, b.not_offered, wrong or offers))
    return out


def _offered(tr: Transcript) -> list[str]:
    """The models the reuse interruption named, in order (from the saved state)."""
    iv = tr.interview
    return list(iv.state.offered) if iv is not None else []


def _asked_again(tr: Transcript, fld: str) -> bool:
    """Asked about ``fld`` after its value was already in the draft (re-asking a skipped, corrected or
    "pick the essentials" core question is allowed)."""
    for prev, nxt in zip(tr.turns, tr.turns[1:], strict=False):
        if nxt.asked_field != fld or prev.asked_field == fld or nxt.phase == "narrow_core":
            continue
        if nxt.asking == "confirm" or prev.phase == "confirm":  # confirming an inferred value, or reopened
            continue
        if getattr(prev.draft, fld, None):
            return True
    return False
