"""Drive an interview from a case: scripted user turns, or a simulated interviewee (persona) who answers
whatever ``asked_field`` names from the true description and says "en tiedä" for unknown fields."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from assistant.evals.cases import Case
from assistant.interview import Interview
from assistant.interview_types import Turn
from assistant.schema import LIST_FIELDS, ModelDescription, Stage

DONT_KNOW = {"fi": "En tiedä.", "sv": "Vet inte.", "en": "I don't know."}
YES = {"fi": "Kyllä, näin on.", "sv": "Ja, det stämmer.", "en": "Yes, that's right."}
YES_SHORT = {"fi": "kyllä", "sv": "ja", "en": "yes"}
NO_IT_IS = {"fi": "Ei, oikein on: {value}", "sv": "Nej, det rätta är: {value}", "en": "No, it is: {value}"}
CONTINUE = {"fi": "Jatketaan omaa kuvausta.", "sv": "Fortsätt med vår egen.", "en": "Let's continue with our own."}
STAGE_PHRASE = {
    "fi": {"idea": "Tämä on vasta idea.", "developing": "Pilotoimme mallia parhaillaan.",
           "ready": "Malli on valmis levitettäväksi.", "established": "Malli on vakiintunut osaksi perustyötä.",
           "ended": "Toiminta päättyi jo."},
    "sv": {"idea": "Det är bara en idé än så länge.", "developing": "Vi pilotar modellen just nu.",
           "ready": "Modellen är färdig att spridas.", "established": "Modellen är etablerad.",
           "ended": "Verksamheten är avslutad."},
    "en": {"idea": "It is just an idea so far.", "developing": "We are piloting the model right now.",
           "ready": "The model is ready to adopt.", "established": "The model is established.",
           "ended": "The activity has ended."},
}
FIELD_WORD = {
    "fi": {"target_groups": "kohderyhmä", "goals": "tavoite", "core": "ydin", "actors": "toimijat",
           "stage": "vaihe", "name": "nimi", "problem": "tarve", "conditions": "ehdot",
           "measurement": "mittaaminen", "summary": "kuvaus", "adaptable": "sovellettavat osat"},
    "sv": {"target_groups": "målgruppen", "goals": "målet", "core": "kärnan", "actors": "aktörerna",
           "stage": "skedet", "name": "namnet", "problem": "behovet", "conditions": "förutsättningarna",
           "measurement": "mätningen", "summary": "beskrivningen", "adaptable": "anpassningsbara delar"},
    "en": {"target_groups": "target group", "goals": "goal", "core": "core", "actors": "actors",
           "stage": "stage", "name": "name", "problem": "need", "conditions": "conditions",
           "measurement": "measurement", "summary": "summary", "adaptable": "adaptable parts"},
}
CORRECTION = {"fi": "Ei, {word} on {value}", "sv": "Nej, {word} är {value}", "en": "Actually, the {word} is {value}"}
MAX_TURNS = 40


@dataclass
class Transcript:
    """What happened in one run of a case."""

    turns: list[Turn] = field(default_factory=list)
    user: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    error: str | None = None
    session_id: str = ""
    interview: Interview | None = None

    @property
    def final(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def to_json(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{"role": "assistant", "text": self.turns[0].reply,
                                      "asked_field": self.turns[0].asked_field}] if self.turns else []
        for text, turn, ms in zip(self.user, self.turns[1:], self.latencies_ms, strict=False):
            out.append({"role": "user", "text": text})
            out.append({"role": "assistant", "text": turn.reply, "asked_field": turn.asked_field,
                        "notices": turn.notices, "ms": round(ms, 1)})
        return out


def answer_for(truth: ModelDescription, fld: str, lang: str) -> str:
    """The persona's answer to a question about ``fld``."""
    value = getattr(truth, fld, None)
    if not value:
        return DONT_KNOW[lang]
    if fld == "stage" and isinstance(value, Stage):
        return STAGE_PHRASE[lang][value.value]
    if fld in LIST_FIELDS:
        return "; ".join(value)
    return str(value)


def confirm_reply(truth: ModelDescription, turn: Turn, lang: str) -> str:
    """A persona reads the quoted value: "yes" when its truth for the field says the same, otherwise it
    says what is right (a person does not confirm a need quoted as the core)."""
    from assistant.bench.understanding import supported

    fld = turn.asked_field or ""
    value, right = getattr(turn.draft, fld, None), getattr(truth, fld, None)
    if not value or not right or fld == "stage":
        return YES_SHORT[lang]
    quoted = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    said = [str(v) for v in right] if isinstance(right, list) else [str(right)]
    if all(supported(q, said) for q in quoted):
        return YES_SHORT[lang]
    return NO_IT_IS[lang].format(value=answer_for(truth, fld, lang))


def _step(iv: Interview, tr: Transcript, text: str) -> Turn:
    t0 = time.perf_counter()
    turn = iv.turn(text)
    tr.latencies_ms.append(1000 * (time.perf_counter() - t0))
    tr.user.append(text)
    tr.turns.append(turn)
    return turn


def run_scripted(case: Case, iv: Interview) -> Transcript:
    """The scripted turns; then, with ``answers``, whatever is asked is answered from that map."""
    tr = Transcript(turns=[iv.current()], session_id=iv.session_id, interview=iv)
    for scripted in case.turns:
        _step(iv, tr, scripted.user)
    if case.answers is None:
        return tr
    lang = case.lang
    turn = tr.turns[-1]
    while not turn.done and len(tr.user) < MAX_TURNS:
        if turn.phase == "reuse_offer":
            text = case.reuse_reply or CONTINUE[lang]
        elif turn.phase in ("confirm", "done"):
            text = YES_SHORT[lang]
        elif turn.asked_field and turn.asking == "confirm":
            text = case.confirm_reply or YES_SHORT[lang]
        elif turn.asked_field:
            text = case.answers.get(turn.asked_field) or DONT_KNOW[lang]
        else:
            text = YES_SHORT[lang]
        turn = _step(iv, tr, text)
    return tr


def run_persona(case: Case, iv: Interview) -> Transcript:
    """Story first, then answer each asked field from the truth until the interview is done."""
    assert case.truth is not None and case.story is not None
    truth, lang = case.truth, case.lang
    tr = Transcript(turns=[iv.current()], session_id=iv.session_id, interview=iv)
    turn = _step(iv, tr, case.story)
    corrected = False
    pending_correction: str | None = None
    while not turn.done and len(tr.user) < MAX_TURNS:
        if pending_correction:
            fld, pending_correction = pending_correction, None
            text = CORRECTION[lang].format(word=FIELD_WORD[lang][fld], value=answer_for(truth, fld, lang))
        elif turn.phase == "reuse_offer":
            text = CONTINUE[lang]
        elif turn.phase == "confirm":
            text = YES[lang]
        elif turn.asked_field and turn.asking == "confirm":
            text = confirm_reply(truth, turn, lang)
        elif turn.asked_field:
            fld = turn.asked_field
            if case.correction and case.correction.field == fld and not corrected:
                corrected = True
                pending_correction = fld
                text = case.correction.wrong
            else:
                text = answer_for(truth, fld, lang)
        else:
            text = YES[lang]
        turn = _step(iv, tr, text)
    return tr
