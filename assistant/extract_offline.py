"""Offline extraction: a story sentence by sentence into fields (a trained classifier with a calibrated
confidence), an answer into the asked field, the stage and the name from phrases. No network, no LLM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.classify import FieldClassifier
from assistant.correction_patterns import after_field
from assistant.embeddings import CachedEmbedder
from assistant.flow import Prompts
from assistant.items import excludes, sentences, split_items, strip_lead, text_value
from assistant.runon import split_runon
from assistant.schema import LIST_FIELDS, Stage
from assistant.stage_model import StageGuesser
from assistant.understand import Understanding

STAGE_GUESS = 0.5  # the stage reader's least probability to offer a stage (then confirmed with the person)
__all__ = ["Extraction", "OfflineExtractor", "detect_stage", "find_name", "sentences"]

STORY_FIELDS = ("problem", "basic_idea", "target_groups", "goals", "core", "adaptable", "actors", "environment",
                "conditions", "measurement", "organisation", "regions", "summary")
_NAME = re.compile(r"(?<![\wåäö])(?:nimeltään|nimeltä|nimi on|nimi oli|nimenä on|kutsumme sitä|kutsuimme sitä|"
                   r"kutsutaan|called|named|heter|hette|kallas|kallades|name is|name was|we call it)\s+"
                   r"[\"“”']?([^\"“”'.,;!?\n]{2,80})", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]{2,80})[\"“”]")
# "ei vielä mikään vakiintunut", "inte ännu etablerad"; "No kokeiluvaiheessa" is a Finnish filler, not "no"
_NEGATED = re.compile(r"(?:\b(?:ei|eikä|not|inte|int|ej|never|nobody|no one|noone|ingen|kukaan)\b\W+(?:\w+\W+){0,2}|"
                      r"\bei mikään\W+|"
                      r"\bei\W+(?:se\W+|ne\W+|tää\W+|tämä\W+)?(?:oo|ole|ollut|ollu)\W+(?:\w+\W+){0,2})$")
# a stage told as the past ("alussa se oli kokeilu", "at first it was a pilot")
_HISTORY = re.compile(r"\b(?:alussa|aluksi|alkuun|ennen|at first|in the beginning|först|i början|tidigare)\b"
                      r"[^.,;]{0,25}$", re.IGNORECASE)
_GOAL_CUES = ("tavoit", "jotta", "pyrimme", "haluamme", "aim", "goal", "målet", "syftet", "vill", "hope",
              "toivomme", "hoppas")


_START = re.compile(r"(?i)\b(?:aloit\w*|käynnist\w*|alkoi|started|began|launched|since|började|startade|"
                    r"drog igång|kom igång|sedan|vuodesta|from)\b[^.]*?\b((?:19|20)\d{2})\b")


def detect_stage(text: str, prompts: Prompts, this_year: int | None = None) -> Stage | None:
    """The stage a text states, from phrases. Stories are told in time order, so the last sentence that
    names a stage decides, and in it the last phrase ("aloitimme kokeiluna, nyt vakiintunut" is
    established). Goal sentences ("tavoitteena on vakiinnuttaa") don't count. With no phrase at all, a
    start year is a weak hint (recent: developing; older: established) that the interview confirms."""
    sents = sentences(text) or [text]
    decided: Stage | None = None
    report = len(sents) > 15  # a pasted report states the stage up front; its appendix is history
    for sent in sents:
        if report and decided is not None:
            break
        low = sent.lower()
        if len(sents) > 1 and any(c in low for c in _GOAL_CUES):
            continue
        found: list[tuple[int, int, Stage]] = []
        for stage_name, phrases in prompts.cues.stage.items():
            for phrase in phrases:
                for m in re.finditer(re.escape(phrase), low):
                    before = low[max(0, m.start() - 40):m.start()]
                    if (m.start() == 0 or not low[m.start() - 1].isalpha()) and not _NEGATED.search(
                            before[-26:]) and not _HISTORY.search(before):
                        found.append((m.start(), len(phrase), Stage(stage_name)))
        if found:
            decided = max(found, key=lambda f: (f[0] + f[1], f[1]))[2]
    start = _START.search(text) if decided is None else None
    if start:
        year = this_year or date.today().year
        decided = Stage.developing if year - int(start.group(1)) <= 2 else Stage.established
    return decided


_APPENDIX = re.compile(r"(?im)^\s*(?:liite|liitteet|appendix|appendices|bilaga|bilagor|attachment)\b.*$")
_ENTRY = re.compile(r"^\s*([A-Za-zÅÄÖåäö]+)\s+\d{1,3}\b")


def without_logs(text: str) -> str:
    """A pasted report without its appendix and its diary lines ("Viikko 1, …", "Week 2: …" repeated):
    they describe single events, not the model."""
    m = _APPENDIX.search(text)
    if m and m.start() > len(text) // 4:
        text = text[: m.start()]
    lines = text.splitlines()
    heads = [m.group(1).lower() if (m := _ENTRY.match(line)) else None for line in lines]
    repeated = {h for h in heads if h and heads.count(h) >= 3}
    if not repeated:
        return text
    return "\n".join(line for line, h in zip(lines, heads, strict=True) if h not in repeated)


def find_name(text: str) -> str | None:
    m = _NAME.search(text) or _QUOTED.search(text)
    return m.group(1).strip() if m else None



def _remark(sent: str) -> bool:
    """One or two short words and no number ("Grand.", "Se toimii.", "Not bad."); not "Maatalousyrittäjät
    uupuvat.", a whole thought in two Finnish words."""
    words = re.findall(r"[^\W\d_]+", sent)
    return 0 < len(sent.split()) <= 2 and not any(ch.isdigit() for ch in sent) and all(len(w) <= 7 for w in words)


@dataclass
class Extraction:
    """Field values found in a text, where each came from, and how sure the extractor is."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    placed: list[tuple[str, str | None, float]] = field(default_factory=list)  # (sentence, field, p)

    def add(self, fld: str, value: Any, source: str, p: float = 1.0) -> None:
        if fld in LIST_FIELDS:
            current = self.values.setdefault(fld, [])
            current += [v for v in value if v.lower() not in {c.lower() for c in current}]
        elif fld in self.values and isinstance(self.values[fld], str) and fld not in ("name", "stage"):
            self.values[fld] = f"{self.values[fld]} {value}"
        else:
            self.values[fld] = value
        self.sources.setdefault(fld, []).append(source)
        self.confidence[fld] = min(self.confidence.get(fld, 1.0), p)


class OfflineExtractor:
    """Deterministic extraction with the bundled embedder and the trained sentence classifier."""

    name = "offline"

    def __init__(self, embedder: CachedEmbedder, prompts: Prompts) -> None:
        self.embedder = embedder
        self.prompts = prompts
        self.nlu = Understanding(prompts.cues)
        self.classifier = FieldClassifier(embedder, prompts)
        self.stages = StageGuesser(embedder)

    def stage_of(self, text: str) -> tuple[Stage, float] | None:
        """The stage a text states: its phrases when it has any, else the stage reader's guess when it is
        at least STAGE_GUESS sure ("Second year now, the county decides in autumn")."""
        said = detect_stage(text, self.prompts)
        if said is not None:
            return said, 1.0
        guess = self.stages.guess(text)
        return guess if guess is not None and guess[1] >= STAGE_GUESS else None

    def value_for(self, fld: str, text: str) -> Any:
        """Parse an answer for one field; ``None`` when nothing usable is in it."""
        if fld == "stage":
            return detect_stage(text, self.prompts)
        if fld in LIST_FIELDS:
            return split_items(text) or None
        if fld == "name":
            value = find_name(text) or strip_lead(text).strip().rstrip(".")
            return value[:300] or None
        return text_value(text)

    def named(self, sentence: str) -> tuple[str, str] | None:
        """A sentence that names its field at the start ("Tavoitteena on …", "Målgruppen är …")."""
        fld = self.nlu.names_field(sentence, window=4, strict=True)
        if fld is None or len(sentence.split()) > 80:
            return None
        rest = after_field(sentence)
        if rest == sentence.strip():
            return None  # named but not stated ("Kohderyhmän tavoittaminen oli vaikeaa")
        return fld, rest

    def answer(self, focus: str, text: str) -> Extraction:
        """An answer to the question about ``focus``: all of it goes there, except a sentence that clearly
        names another field ("… Tavoitteena on …")."""
        ext = Extraction()
        keep: list[str] = []
        for i, sent in enumerate(sentences(text) or [text]):
            if i and focus in LIST_FIELDS and excludes(sent):  # "… not STEA, we applied but didn't get it"
                continue
            named = self.named(sent)
            if named and named[0] != focus and named[0] in STORY_FIELDS + ("name", "stage"):
                value = self.value_for(named[0], named[1])
                if value:
                    ext.add(named[0], value, sent)
                    ext.placed.append((sent, named[0], 1.0))
                    continue
            keep.append(sent)
        if keep:
            value = self.value_for(focus, " ".join(keep) if focus not in LIST_FIELDS else "\n".join(keep))
            if value:
                ext.add(focus, value, " ".join(keep))
                ext.placed += [(s, focus, 1.0) for s in keep]
        return ext

    def story(self, text: str, focus: str | None = None, assign: float = 0.45) -> Extraction:
        """Each sentence of a story to the field it describes; unsure sentences stay out (or, when the story
        answers a question, go to the asked field)."""
        ext = Extraction()
        text = without_logs(text)
        sents = [part for s in sentences(text) for part in split_runon(s)]  # typed without full stops
        pending: list[int] = []
        known: dict[int, str] = {}
        for i, sent in enumerate(sents):
            named = self.named(sent)
            if named and (named[0] in STORY_FIELDS or named[0] in ("name", "stage")):
                value = self.value_for(named[0], named[1])
                if value:
                    ext.add(named[0], value, sent)
                    ext.placed.append((sent, named[0], 1.0))
                    known[i] = named[0]
                    continue
            pending.append(i)
        # positions count within the whole message, as in training, also for the sentences left to classify;
        # each sentence is read in its story (its neighbours' fields, the ones the person named among them)
        ranked = self.classifier.predict(sents, sequence=True, known=known) if pending else []
        guesses = {i: ranked[i] for i in pending}
        for i in pending:
            sent, guess = sents[i], guesses[i]
            fld, p = guess.field, guess.p
            if focus is None and _remark(sent):
                ext.placed.append((sent, None, p))  # "Grand.", "Se toimi.", "Funkar bra.": a remark, no field's
                continue
            if fld == "stage":
                ext.placed.append((sent, "stage", p))
                continue
            if fld == "name":
                name = find_name(sent)
                if name:
                    ext.add("name", name, sent, p)
                ext.placed.append((sent, "name" if name else None, p))
                continue
            if fld not in STORY_FIELDS or p < assign:
                target = focus if focus and fld != "other" and focus in STORY_FIELDS else None
                if target is None:
                    ext.placed.append((sent, None, p))
                    continue
                fld, p = target, min(p, assign)
            value = self.value_for(fld, sent)
            if value:
                ext.add(fld, value, sent, p)
            ext.placed.append((sent, fld if value else None, p))
        stage = detect_stage(text, self.prompts)
        told = " ".join(s for s, f, _p in ext.placed if f == "stage")
        hint = self.stages.guess(told) if stage is None and told else None  # a stage told without a phrase
        if stage:
            ext.values["stage"] = stage
            ext.sources["stage"] = [text[:200]]
            ext.confidence["stage"] = 1.0
        elif hint is not None and hint[1] >= STAGE_GUESS:
            ext.values["stage"] = hint[0]
            ext.sources["stage"] = [told[:200]]
            ext.confidence["stage"] = min(hint[1], 0.79)  # below "confident": the interview asks it back
        name = ext.values.get("name") or find_name(text)
        if name:
            ext.values["name"] = name
        return ext
