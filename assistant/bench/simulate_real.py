"""A simulated person for the realistic benchmark: tells the story, answers what is asked from the case,
confirms a quoted value only when it is right, types the case's corrections and closing contests, and
answers a reuse offer with the case's reply. It reads the engine's structured turn (phase, asking,
asked field), never its wording.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from assistant.bench.realcases import RealCase
from assistant.bench.understanding import Placement, Said, items_of, placement, supported
from assistant.interview import Interview
from assistant.interview_types import Turn

YES = {"fi": "kyllä", "sv": "ja", "en": "yes"}
NO_LEAD = {"fi": "Ei, ", "sv": "Nej, ", "en": "No, "}
MAX_TURNS = 60


@dataclass
class Run:
    case: RealCase
    placement: Placement
    placement_detail: list[tuple[str, str, str]]
    said: Said
    final: Turn
    turns: int
    story_ms: float
    answer_ms: list[float] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    top3: set[str] = field(default_factory=set)
    closing_fields: list[tuple[str, str, str]] = field(default_factory=list)  # (field, then, contest text)
    transcript: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None


def run_case(case: RealCase, make: Any) -> Run:
    """``make()`` returns a fresh ``Interview`` (the caller wires services, sessions and LLM)."""
    iv: Interview = make(case.lang)
    said = Said()
    for s in case.story:
        for f in {s.field, *s.alt} - {"other", "stage"}:
            said.add(f, s.text) if f == s.field else said.all.setdefault(f, []).append(s.text)
    t0 = time.perf_counter()
    turn = iv.turn(case.story_text)
    story_ms = 1000 * (time.perf_counter() - t0)
    place, detail = placement(case, turn.draft)
    run = Run(case, place, detail, said, turn, 1, story_ms, transcript=[("user", case.story_text),
                                                                         ("assistant", turn.reply)])
    queue = [c for c in case.corrections if c.after == "story"]
    sent = {id(c) for c in queue}
    contests = list(case.closing)
    reopen: dict[str, str] = {}

    def send(text: str) -> Turn:
        t1 = time.perf_counter()
        out = iv.turn(text)
        run.answer_ms.append(1000 * (time.perf_counter() - t1))
        run.turns += 1
        run.transcript += [("user", text), ("assistant", out.reply)]
        for m in out.matches[:3]:
            run.top3.add(m.id)
        return out

    while not turn.done and run.turns < MAX_TURNS:
        if queue:
            c = queue.pop(0)
            turn = send(c.text)
            said.add(c.field, " ; ".join(c.new) or c.text, replace=True)
            said.all.setdefault(c.field, []).append(c.text)
            continue
        if turn.phase == "reuse_offer":
            run.offers.append(iv.state.offered[-1])
            turn = send(case.reuse_reply or YES[case.lang])
        elif turn.phase == "narrow_core":
            turn = send(case.answers.get("core", YES[case.lang]))
        elif turn.phase == "confirm":
            late = [c for c in case.corrections if id(c) not in sent]
            if late:  # the field was never asked: the person corrects it at the summary
                queue += late
                sent |= {id(c) for c in late}
                continue
            if contests:
                contest = contests.pop(0)
                text = contest.text
                if contest.reopens in iv.state.summary_fields:  # the person reads the numbers shown
                    n = iv.state.summary_fields.index(contest.reopens) + 1
                    text = re.sub(r"(?i)\b(kohta|kohdat|item|point|punkt|nummer|numero)\s+\d+", rf"\g<1> {n}", text)
                reopen[contest.reopens] = contest.then
                run.closing_fields.append((contest.reopens, contest.then, contest.text))
                said.all.setdefault(contest.reopens, []).append(contest.text)
                said.answers = [a for a in said.answers if a[0] != contest.reopens]  # contested: not to be kept
                turn = send(text)
            else:
                turn = send(YES[case.lang])
        elif turn.asked_field and turn.asking == "confirm":
            fld = turn.asked_field
            items = items_of(turn.draft, fld)
            right = bool(items) and sum(supported(i, said.all.get(fld, [])) for i in items) * 2 >= len(items)
            if fld == "stage":
                right = turn.draft.stage == case.truth.stage
            if right:
                turn = send(YES[case.lang])
            else:
                answer = case.answers.get(fld, "")
                turn = send(NO_LEAD[case.lang] + answer[:1].lower() + answer[1:] if answer else "ei")
                said.add(fld, answer, answer=fld not in case.dont_know, everyday=fld in case.everyday)
        elif turn.asked_field:
            fld = turn.asked_field
            if fld in reopen:
                text = reopen.pop(fld)
                turn = send(text)
                said.add(fld, text, replace=True)
            else:
                text = case.answers.get(fld) or {"fi": "en tiedä", "sv": "vet inte", "en": "I don't know"}[case.lang]
                turn = send(text)
                said.add(fld, text, answer=fld not in case.dont_know and fld in case.answers,
                         everyday=fld in case.everyday)
                queue += [c for c in case.corrections if c.after == fld and id(c) not in sent]
                sent |= {id(c) for c in queue}
        else:
            turn = send(YES[case.lang])
    run.final = turn
    return run
