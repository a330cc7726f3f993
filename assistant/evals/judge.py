"""Optional LLM judge for a case's free-text ``rubric`` (only with ``--judge``)."""

from __future__ import annotations

import json
from string import Template
from typing import Any

from pydantic import BaseModel

from assistant.evals.checks import Assertion
from assistant.evals.simulate import Transcript
from assistant.flow import Prompts


class Verdict(BaseModel):
    passed: bool
    reason: str


def judge(chat: Any, prompts: Prompts, rubric: str, tr: Transcript, method: str = "function_calling") -> Assertion:
    """Ask the model to grade the transcript against the rubric; a failing call is a failed assertion."""
    system = (prompts.directory / "llm" / "judge_system.txt").read_text(encoding="utf-8")
    user = Template((prompts.directory / "llm" / "judge_user.txt").read_text(encoding="utf-8")).safe_substitute(
        rubric=rubric, transcript=json.dumps(tr.to_json(), ensure_ascii=False, default=str)[:20000],
        draft=json.dumps(tr.final.draft.to_record() if tr.final else {}, ensure_ascii=False))
    try:
        out = chat.with_structured_output(Verdict, method=method).invoke([("system", system), ("user", user)])
        verdict = out if isinstance(out, Verdict) else Verdict.model_validate(out)
    except Exception as exc:  # the judge is an LLM call like any other: it can fail
        return Assertion("rubric (LLM judge)", False, rubric, None, f"judge failed: {type(exc).__name__}")
    return Assertion("rubric (LLM judge)", verdict.passed, rubric, verdict.reason)
