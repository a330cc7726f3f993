"""Offline extraction: sentences of a story go to the fields they describe (bundled embedder against
field prototypes, plus cue words); answers to a question fill the asked field; lists are split into items;
the stage is recognised from phrases. No network, no LLM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.embeddings import CachedEmbedder
from assistant.flow import Prompts
from assistant.intents import explicit_field
from assistant.schema import LIST_FIELDS, Stage

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“”'(]?[A-ZÅÄÖÉ0-9])|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_RELATIVE = ("jotka", "joka", "joilla", "joiden", "jossa", "joissa", "johon", "joihin", "jonka", "joita", "jolle",
             "joille", "jolla", "josta", "joista", "mikä", "mitä", "som", "who", "which", "that",
             "where", "kun", "jos", "koska", "mutta", "men", "but", "because", "eli", "esim")
_PREFIX = re.compile(
    r"^(?:(?:ja|och|and|sekä)\s+)?(?:(?:kohderyhm\w*|tavoitte\w*|tavoittelemme|ydin\w*|ytime\w*|keskeist\w*|"
    r"olennais\w*|mukana|toimij\w*|paikallisesti\s+voi\s+\w+|sovellettav\w*|muokattav\w*|"
    r"the\s+target\s+groups?|target\s+groups?|our\s+goals?|the\s+goals?|goals?|the\s+aim|the\s+core|core|"
    r"actors|partners|locally\s+\w+\s+can\s+\w+|målgrupp\w*|målet|målen|kärnan|aktörer\w*|lokalt\s+kan\s+\w+)"
    r"(?:\s+\w+){0,3}?\s*(?:on|ovat|olisi|is|are|är|:)\s+)", re.IGNORECASE)
_NAME = re.compile(r"(?<![\wåäö])(?:nimeltään|nimeltä|nimi on|nimi oli|kutsumme sitä|kutsuimme sitä|called|named|"
                   r"heter|hette|kallas|kallades|name is|name was)\s+"
                   r"[\"“”']?([^\"“”'.,;!?\n]{2,80})", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]{2,80})[\"“”]")

STORY_FIELDS = ("problem", "basic_idea", "target_groups", "goals", "core", "adaptable", "actors", "conditions",
                "measurement")


def sentences(text: str) -> list[str]:
    """Split text into sentences/lines, dropping empties."""
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def strip_prefix(text: str) -> str:
    """Drop lead-ins like "Kohderyhmänä ovat" / "The goal is" so only the value remains."""
    text = _BULLET.sub("", text.strip())
    stripped = _PREFIX.sub("", text, count=1).strip()
    return (stripped or text).strip().rstrip(".").strip()


def split_items(text: str) -> list[str]:
    """A list answer into items: bullets/lines, ';', or commas/conjunctions between short phrases."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        parts = lines
    elif ";" in text:
        parts = text.split(";")
    else:
        parts = [text]
    items: list[str] = []
    for part in parts:
        part = strip_prefix(part)
        pieces = _split_conj(part)
        short = all(0 < len(p.split()) <= 8 for p in pieces)
        no_clause = not any(p.split()[0].lower() in _RELATIVE for p in pieces if p.split())
        chosen = pieces if len(pieces) > 1 and short and no_clause else [part]
        items += [c.strip().rstrip(".").strip() for c in chosen if c.strip().strip(".")]
    out: list[str] = []
    for item in items:
        item = item[0].upper() + item[1:] if item and item[0].islower() and len(item) > 1 else item
        if item and item.lower() not in {o.lower() for o in out}:
            out.append(item)
    return out


def _split_conj(text: str) -> list[str]:
    """Split at commas and at "ja/och/and", except after a lone genitive ("koulutuksen ja työn
    ulkopuolella olevat" is one item)."""
    pieces: list[str] = []
    for chunk in re.split(r",\s*", text):
        parts = re.split(r"\s+(?:ja|sekä|och|and|samt)\s+", chunk)
        merged: list[str] = []
        for piece in parts:
            prev = merged[-1].split() if merged else []
            if merged and len(prev) == 1 and prev[0].lower().endswith("n") and len(prev[0]) > 3:
                merged[-1] = f"{merged[-1]} ja {piece}"
            else:
                merged.append(piece)
        pieces += merged
    return pieces


def detect_stage(text: str, prompts: Prompts) -> Stage | None:
    """The stage a text states, from phrases. The first sentence that names a stage decides; in it, an
    ending wins ("kokeilu päättyi" is ended, not developing). Goal sentences ("tavoitteena on
    vakiinnuttaa") don't count."""
    goal_cues = ("tavoit", "jotta", "pyrimme", "haluamme", "aim", "goal", "målet", "syftet", "vill")
    sents = sentences(text) or [text]
    for sent in sents:
        low = sent.lower()
        if len(sents) > 1 and any(c in low for c in goal_cues):
            continue
        found: list[tuple[int, int, Stage]] = []
        for stage_name, phrases in prompts.cues.stage.items():
            for phrase in phrases:
                pos = low.find(phrase)
                if pos >= 0 and (pos == 0 or not low[pos - 1].isalpha()):
                    found.append((pos, -len(phrase), Stage(stage_name)))
        if found:
            if any(st == Stage.ended for _, _, st in found):
                return Stage.ended
            return min(found)[2]
    return None


def find_name(text: str) -> str | None:
    m = _NAME.search(text) or _QUOTED.search(text)
    return m.group(1).strip() if m else None


@dataclass
class Extraction:
    """Field values found in a text, with the sentences each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)

    def add(self, fld: str, value: Any, source: str) -> None:
        if fld in LIST_FIELDS:
            current = self.values.setdefault(fld, [])
            current += [v for v in value if v.lower() not in {c.lower() for c in current}]
        elif fld in self.values and isinstance(self.values[fld], str):
            self.values[fld] = f"{self.values[fld]} {value}"
        else:
            self.values[fld] = value
        self.sources.setdefault(fld, []).append(source)


class OfflineExtractor:
    """Deterministic extraction with the bundled embedder; field prototypes are embedded once."""

    name = "offline"

    def __init__(self, embedder: CachedEmbedder, prompts: Prompts, min_similarity: float = 0.80) -> None:
        self.embedder = embedder
        self.prompts = prompts
        self.min_similarity = min_similarity
        self._protos: dict[str, np.ndarray] = {
            f: np.stack([embedder.embed_query(s) for s in examples])
            for f, examples in prompts.prototypes.items() if examples
        }

    def value_for(self, fld: str, text: str) -> Any:
        """Parse an answer for one field; ``None`` when nothing usable is in it."""
        if fld == "stage":
            return detect_stage(text, self.prompts)
        if fld in LIST_FIELDS:
            return split_items(text) or None
        if fld == "name":
            value = find_name(text) or strip_prefix(text)
            return value[:300] or None
        cleaned = " ".join(text.split())
        return cleaned or None

    def classify(self, sents: list[str]) -> list[tuple[str | None, float]]:
        """Best field per sentence (or None below the similarity floor), embedding sentences in one batch."""
        if not sents:
            return []
        vecs = np.stack([self.embedder.embed_query(s) for s in sents])
        out: list[tuple[str | None, float]] = []
        for sent, vec in zip(sents, vecs, strict=True):
            best: tuple[str | None, float] = (None, 0.0)
            for fld, protos in self._protos.items():
                sim = float(np.max(protos @ vec))
                cues = self._cues(sent, fld)
                score = sim + 0.03 * min(cues, 2)
                if score > best[1]:
                    best = (fld, score)
            out.append(best if best[1] >= self.min_similarity else (None, best[1]))
        return out

    def _cues(self, sentence: str, fld: str) -> int:
        """Cue words of a field at word starts ("aina" must not match inside "lainattiin")."""
        low = sentence.lower()
        return sum(1 for c in self.prompts.cues.fields.get(fld, [])
                   if re.search(r"(?<![\wåäö])" + re.escape(c), low))

    def _cued(self, sentence: str, fld: str | None) -> bool:
        return fld is not None and self._cues(sentence, fld) > 0

    def from_story(self, text: str, focus: str | None = None) -> Extraction:
        """Assign each sentence of a story to a field; unassigned sentences go to ``focus`` if given."""
        ext = Extraction()
        sents = sentences(text)
        labelled: list[str] = []
        for sent in sents:  # "Tavoitteet: …" / "Kohderyhmä on …": the user named the field
            named = explicit_field(sent, self.prompts.cues) if len(sent.split()) <= 80 else None
            if named and named[0] in STORY_FIELDS + ("name", "summary", "stage"):
                value = self.value_for(named[0], named[1])
                if value:
                    ext.add(named[0], value, sent)
                    labelled.append(sent)
        rest = [s for s in sents if s not in labelled]
        # answering a question, a sentence can only leave the asked field if it names another one:
        # embed just those (keeps short answers fast)
        needs = [s for s in rest if not focus or any(self._cued(s, f) for f in STORY_FIELDS if f != focus)]
        classified = dict(zip(needs, self.classify(needs), strict=True))
        for sent in rest:
            fld, _score = classified.get(sent, (focus, 1.0))
            if focus and fld != focus and not self._cued(sent, fld):
                fld = focus  # answering a question: leave it only for a sentence that names another field
            target = fld if fld in STORY_FIELDS or fld == focus else None
            if fld == "stage" and focus != "stage" or target is None:
                continue
            value = self.value_for(target, sent)
            if value:
                ext.add(target, value, sent)
        stage = ext.values.get("stage") or detect_stage(text, self.prompts)
        if stage:
            ext.values["stage"] = stage
            ext.sources["stage"] = [text[:200]]
        name = ext.values.get("name") or find_name(text)
        if name:
            ext.values["name"] = name
        return ext
