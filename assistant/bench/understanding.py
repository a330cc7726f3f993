"""Scoring understanding the way ``shared/research/measuring.md`` defines it.

Content words: at least 4 letters, not a stop word, compared by their first 5 characters (corrections: by a
stem of 5 to 8, so one compound word is not taken for another that starts the same). Placement of
each story sentence right after the opening turn (correct / duplicated / misfiled / lost), field recall
and precision on the final card, answers kept (and those with everyday words), corrections passed.
Independent of the engine's cue lists: only the stop words of ``textproc`` are shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.bench.realcases import SCORED_FIELDS, RealCase
from assistant.items import sentences
from assistant.schema import LIST_FIELDS, Stage
from assistant.textproc import STOPWORDS, words

_STOP = STOPWORDS["fi"] | STOPWORDS["sv"] | STOPWORDS["en"]


def keys(text: str) -> set[str]:
    return {w[:5] for w in words(text) if len(w) >= 4 and w not in _STOP and not w.isdigit()}


def card_text(draft: Any, fld: str) -> str:
    value = getattr(draft, fld, None)
    if not value:
        return ""
    if isinstance(value, list):
        return " \n ".join(str(v) for v in value)
    return value.value if isinstance(value, Stage) else str(value)


def items_of(draft: Any, fld: str) -> list[str]:
    """The units precision is judged on: list items, or the sentences of a text field."""
    value = getattr(draft, fld, None)
    if not value:
        return []
    if fld in LIST_FIELDS:
        return [str(v) for v in value]
    return sentences(str(value)) or [str(value)]


def coverage(text: str, target: str) -> float:
    k = keys(text)
    return len(k & keys(target)) / len(k) if k else 0.0


def supported(item: str, said: Iterable[str]) -> bool:
    k = keys(item)
    if not k:
        return True
    pool: set[str] = set()
    for s in said:
        pool |= keys(s)
    return len(k & pool) * 2 >= len(k)


@dataclass
class Placement:
    correct: int = 0
    duplicated: int = 0
    misfiled: int = 0
    lost: int = 0

    @property
    def n(self) -> int:
        return self.correct + self.duplicated + self.misfiled + self.lost

    def add(self, other: Placement) -> None:
        self.correct += other.correct
        self.duplicated += other.duplicated
        self.misfiled += other.misfiled
        self.lost += other.lost


def placement(case: RealCase, draft: Any) -> tuple[Placement, list[tuple[str, str, str]]]:
    """Each labelled story sentence, judged on the draft right after the opening story."""
    out = Placement()
    detail: list[tuple[str, str, str]] = []
    cards = {f: card_text(draft, f) for f in SCORED_FIELDS}
    for s in case.story:
        cov = {f: coverage(s.text, text) for f, text in cards.items()}
        right = {s.field, *s.alt} - {"other"}
        holders = {f for f, c in cov.items() if c >= 0.5}
        if s.field == "stage" or "stage" in s.alt:
            stage_ok = case.truth.stage is not None and getattr(draft, "stage", None) == case.truth.stage
            wrong = holders - right
            verdict = "misfiled" if wrong else ("correct" if stage_ok or holders & right else "lost")
        elif s.field == "other":
            alt_ok = bool(holders & right)
            verdict = "correct" if not holders or (alt_ok and holders <= right) else (
                "misfiled" if not alt_ok else "duplicated")
        else:
            best_right = max((cov.get(f, 0.0) for f in right), default=0.0)
            best_other = max((c for f, c in cov.items() if f not in right), default=0.0)
            if best_right >= 0.5 and best_other >= 0.5:
                verdict = "duplicated" if best_right >= best_other else "misfiled"
            elif best_right >= 0.5:
                verdict = "correct"
            elif best_other >= 0.5:
                verdict = "misfiled"
            else:
                verdict = "lost"
        setattr(out, verdict, getattr(out, verdict) + 1)
        placed = ",".join(sorted(holders)) or "-"
        detail.append((verdict, f"{s.field}{'/' + '/'.join(s.alt) if s.alt else ''}", f"{placed}: {s.text[:70]}"))
    return out, detail


@dataclass
class Said:
    """What the person said for each field during a run (support for precision, truth for recall)."""

    all: dict[str, list[str]] = field(default_factory=dict)  # everything, for support
    truth: dict[str, list[str]] = field(default_factory=dict)  # the latest word on each field, for recall
    answers: list[tuple[str, str, bool]] = field(default_factory=list)  # (field, text, everyday)

    def add(self, fld: str, text: str, replace: bool = False, answer: bool = False, everyday: bool = False) -> None:
        self.all.setdefault(fld, []).append(text)
        if replace:
            self.truth[fld] = [text]
            self.answers = [a for a in self.answers if a[0] != fld]
        else:
            self.truth.setdefault(fld, []).append(text)
        if answer:
            self.answers.append((fld, text, everyday))


def precision_recall(draft: Any, said: Said) -> tuple[int, int, float, float]:
    """(supported items, all items, recalled truth keys, all truth keys) over the scored fields."""
    sup = n_items = 0
    rec = n_keys = 0.0
    for fld in SCORED_FIELDS:
        items = items_of(draft, fld)
        n_items += len(items)
        sup += sum(1 for i in items if supported(i, said.all.get(fld, [])))
        truth = set().union(*(keys(t) for t in said.truth.get(fld, []))) if said.truth.get(fld) else set()
        if truth:
            have = keys(card_text(draft, fld))
            rec += len(truth & have)
            n_keys += len(truth)
    return sup, n_items, rec, n_keys


def answer_kept(draft: Any, fld: str, text: str) -> bool:
    return coverage(text, card_text(draft, fld)) >= 0.5


_NUMBER_WORDS = frozenset("""yksi kaksi kolme neljä viisi viis kuusi kuus seitsemän seittemän kahdeksan kaheksan
yhdeksän kymmenen kaksitoista två tre fyra fem sex sju åtta nio tio elva tolv two three four five six
seven eight nine ten eleven twelve""".split())  # not "en", "ett", "one": articles too


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text)) | {w for w in re.findall(r"\w+", text.lower()) if w in _NUMBER_WORDS}


def _stem(w: str) -> str:
    """A word's stem for a correction: 5 to 8 letters, the word less a case ending's worth, so a long compound
    is told from another one with the same start ("koululääkäri" is not "kouluterveydenhoitaja",
    "kriisikeskus" is not "kriisituki") while "koululääkärin" still is "koululääkäri"."""
    return w[:max(5, min(8, len(w) - 2))]


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in words(text) if len(w) >= 4 and w not in _STOP and not w.isdigit()}


def correction_passed(draft: Any, fld: str, new: list[str], removed: list[str]) -> bool:
    card = card_text(draft, fld)
    card_words = set(words(card))
    numbers = _numbers(card)

    def on_card(k: str) -> bool:
        return k in numbers if k.isdigit() or k in _NUMBER_WORDS else any(w.startswith(k) for w in card_words)

    # the right words as content words and digits ("kaksi alakoulua" may be written "kahdessa alakoulussa")
    new_keys = set().union(*(_stems(n) | set(re.findall(r"\d+", n)) for n in new)) if new else set()
    ok_new = not new_keys or sum(on_card(k) for k in new_keys) * 2 >= len(new_keys)
    # a wrong phrase with a number is wrong because of the number ("70 prosentilla", "tio lektioner"): the unit
    # stays when the number is put right
    gone = set().union(*((_numbers(r) or _stems(r)) for r in removed)) - new_keys if removed else set()
    ok_removed = not gone or sum(on_card(k) for k in gone) * 2 < len(gone)
    return ok_new and ok_removed
