"""Keeping only what the person said: the grounding check on LLM values, and the merge with the offline
extraction.

*Supported* is the interview benchmark's own measure (``assistant.bench.understanding.supported``): at
least half of an item's content words (4+ letters, not stop words, first 5 characters) occur in what the
person wrote in this turn. A value without content words must occur in that text as written. An *echo*
is a value whose words come from the prompt rather than from the person: every content word of it is in
the instructions, the field descriptions or the question, and it does not occur in the person's text as
written ("The assistant's last question targeted the field: problem", "problem problem"). Text values are
judged sentence by sentence and list values item by item, so one bad item does not cost the good ones.
The stage is a closed choice: the LLM's stage is kept only when the text's own stage phrases say the same.

The merge goes field by field by confidence. An offline value stays unless it is less sure than the LLM
(``llm_confidence``) and the two disagree; then a list gains the LLM's items and a text is replaced. A
field only the LLM found comes in at ``llm_confidence``, below the interview's "confident" bar, so the
person is asked to confirm it. Agreement between the two raises the offline confidence to that level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.bench.understanding import coverage, keys, supported
from assistant.extract_offline import Extraction, detect_stage
from assistant.flow import Prompts
from assistant.items import dedupe, sentences
from assistant.schema import LIST_FIELDS, Stage

_MARKUP = re.compile(r"</?\s*user_text\s*>|\$\w+|[{}]|\bJSON\b")


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class Grounded:
    """The LLM values that passed, and what was dropped (field → number of items)."""

    values: dict[str, Any] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)

    @property
    def n_rejected(self) -> int:
        return sum(self.rejected.values())

    @property
    def n_kept(self) -> int:
        return sum(len(v) if isinstance(v, list) else 1 for v in self.values.values())

    def drop(self, fld: str, n: int = 1) -> None:
        self.rejected[fld] = self.rejected.get(fld, 0) + n


def grounded_item(item: str, text: str, prompt_keys: set[str]) -> bool:
    """``item`` is supported by ``text`` and is not an echo of the prompt."""
    item = item.strip()
    if not item or _MARKUP.search(item):
        return False
    in_text = _squash(item) in _squash(text)
    k = keys(item)
    if not k:
        return in_text
    if not supported(item, [text]):
        return False
    return in_text or not k <= prompt_keys


Placer = Callable[[Sequence[str], str], list[bool]]


def classifier_placer(classifier: Any, top: int = 3, floor: float = 0.15) -> Placer:
    """Items belong to a field when the offline sentence classifier ranks that field among its ``top`` guesses
    with at least ``floor`` probability (a field it has no class for never fits)."""
    def placed(items: Sequence[str], fld: str) -> list[bool]:
        if fld not in getattr(classifier, "classes", ()):
            return [False] * len(items)
        return [any(f == fld and p >= floor for f, p in g.ranked[:top]) for g in classifier.predict(list(items))]
    return placed


def ground(values: dict[str, Any], text: str, prompt_keys: set[str], prompts: Prompts,
           focus: str | None = None, placer: Placer | None = None) -> Grounded:
    """The values (already schema-valid) that ``text`` supports; everything else counted as rejected.

    With a ``placer``, a value for a field other than the one asked about must also read like that field
    (a small model copies the person's sentences into the wrong fields)."""
    out = Grounded()
    for fld, value in values.items():
        if value in (None, "", []):
            continue
        if fld == "name" and len(str(value).split()) > 10:  # a sentence, not a name
            out.drop(fld)
            continue
        if fld == "stage":
            said = detect_stage(text, prompts)
            if said is not None and Stage(value) == said:
                out.values[fld] = said
            else:
                out.drop(fld)
            continue
        check = placer if placer is not None and fld != focus else None
        if fld in LIST_FIELDS:
            items = [str(v) for v in value]
            keep = [i.strip() for i in items if grounded_item(i, text, prompt_keys)]
            if keep and check is not None:
                keep = _placed(keep, fld, text, check, prompts)
            if len(keep) < len(items):
                out.drop(fld, len(items) - len(keep))
            if keep:
                out.values[fld] = dedupe(keep)
            continue
        parts = sentences(str(value)) or [str(value)]
        keep = [s for s in parts if grounded_item(s, text, prompt_keys)]
        if keep and check is not None:
            keep = _placed(keep, fld, text, check, prompts)
        if len(keep) < len(parts):
            out.drop(fld, len(parts) - len(keep))
        if keep:
            out.values[fld] = " ".join(keep)
    return out


def _placed(items: list[str], fld: str, text: str, check: Placer, prompts: Prompts) -> list[str]:
    """Items that read like ``fld``, alone or in the sentence they came from, or whose sentence names the
    field ("karjatilojen yrittäjät" is a target group because the person said "Kohderyhmänä ovat
    karjatilojen yrittäjät", whatever the classifier makes of farmers)."""
    from assistant.understand import Understanding

    said = sentences(text) or [text]
    sources = [max(said, key=lambda s, i=i: len(keys(i) & keys(s))) for i in items]  # type: ignore[misc]
    alone, in_context = check(items, fld), check(sources, fld)
    nlu = Understanding(prompts.cues)
    named = [nlu.names_field(s, strict=True) == fld for s in sources]
    return [i for i, a, b, n in zip(items, alone, in_context, named, strict=True) if a or b or n]


def _agree(a: Any, b: Any) -> bool:
    """Two values of one field say the same (each covers at least half of the other's content words)."""
    if isinstance(a, Stage) or isinstance(b, Stage):
        return a == b
    ta = " ".join(a) if isinstance(a, list) else str(a)
    tb = " ".join(b) if isinstance(b, list) else str(b)
    if not keys(ta) or not keys(tb):
        return _squash(ta) == _squash(tb)
    return coverage(ta, tb) >= 0.5 and coverage(tb, ta) >= 0.5


def merge(offline: Extraction, llm: dict[str, Any], llm_confidence: float) -> tuple[Extraction, list[str]]:
    """Offline and grounded LLM values, field by field by confidence. Returns the merged extraction and the
    fields whose value now comes (wholly or partly) from the LLM."""
    out = Extraction(values=dict(offline.values), sources={k: list(v) for k, v in offline.sources.items()},
                     confidence=dict(offline.confidence), placed=list(offline.placed))
    from_llm: list[str] = []
    _move_unsure(out, llm, llm_confidence)
    for fld, value in llm.items():
        have = out.values.get(fld)
        p_off = out.confidence.get(fld, 1.0)
        if have in (None, "", []):
            out.values[fld] = value
            out.confidence[fld] = llm_confidence
            out.sources[fld] = ["llm"]
            from_llm.append(fld)
        elif _agree(have, value):
            out.confidence[fld] = max(p_off, llm_confidence)
        elif p_off < llm_confidence and fld not in ("stage", "name"):
            if fld in LIST_FIELDS:
                added = [v for v in value if not any(_agree(v, h) for h in have)]
                out.values[fld] = dedupe(list(have) + added)
            else:
                out.values[fld] = value
            out.sources.setdefault(fld, []).append("llm")
            from_llm.append(fld)
    return out, from_llm


def _move_unsure(out: Extraction, llm: dict[str, Any], llm_confidence: float) -> None:
    """A sentence the offline classifier filed unsurely in one field and the LLM in another: the LLM's
    placement wins, so the sentence is not kept twice ("Maatalousyrittäjät uupuvat" as both need and group)."""
    for fld in LIST_FIELDS:
        have = out.values.get(fld)
        if not have or out.confidence.get(fld, 1.0) >= llm_confidence:
            continue
        here = _items(llm.get(fld))
        elsewhere = [v for f, value in llm.items() if f not in (fld, "stage", "name") for v in _items(value)]
        keep = [h for h in have if any(_agree(h, v) for v in here) or not any(_agree(h, v) for v in elsewhere)]
        if len(keep) < len(have):
            out.values[fld] = keep


def _items(value: Any) -> list[Any]:
    if value in (None, "", []):
        return []
    return list(value) if isinstance(value, list) else [value]


__all__ = ["Grounded", "Placer", "classifier_placer", "ground", "grounded_item", "merge"]
