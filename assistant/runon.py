"""Where a story typed without full stops turns to its next sentence.

People who type on a phone tell a whole story as one run of words ("meil jälkihuollos on ollu iha
järkyttävä tilanne … mä oon tehny tätä duunia vast kolme vuotta … nyt me tehää asunto ensin -periaatteel
…"). Read as one sentence, all of it lands in one field. A small logistic model over the words on either side
of each gap (``parastelu train runon``, fitted on the gold sentence starts of the dev interviews, weights in
``knowledge/classifier/runon.json``) says where a new sentence begins; only a long stretch without a full
stop is cut, and never into pieces shorter than a few words.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from assistant.resources import shipped

WEIGHTS = shipped("knowledge", "classifier", "runon.json")
MIN_WORDS = 28  # a stretch shorter than this is left as it is
MIN_PART = 5  # no piece shorter than this many words
_WORD = re.compile(r"\S+")


def gap_features(words: list[str], i: int) -> list[str]:
    """Features of the gap before ``words[i]``: the words next to it, lowercased, without punctuation."""
    def clean(w: str) -> str:
        return re.sub(r"^\W+|\W+$", "", w.lower())

    nxt, prev = clean(words[i]), clean(words[i - 1])
    nn = clean(words[i + 1]) if i + 1 < len(words) else "</s>"
    out = [f"n={nxt}", f"p={prev}", f"nn={nxt} {nn}"]
    if words[i - 1].endswith((",", ";", ":")):
        out.append("comma")
    if words[i][:1].isupper():
        out.append("cap")
    return out


@lru_cache(maxsize=2)
def _load(path: str) -> tuple[dict[str, float], float, float] | None:
    p = Path(path)
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return dict(data["weights"]), float(data["bias"]), float(data["threshold"])


def split_runon(sentence: str, weights: Path = WEIGHTS) -> list[str]:
    """The sentences of one long stretch typed without full stops; anything else comes back whole."""
    words = _WORD.findall(sentence)
    model = _load(str(weights))
    if len(words) < MIN_WORDS or model is None:
        return [sentence]
    w, bias, threshold = model
    probs = [0.0] + [1 / (1 + math.exp(-(bias + sum(w.get(f, 0.0) for f in gap_features(words, i)))))
                     for i in range(1, len(words))]
    cuts: list[int] = []
    last = 0
    for i in sorted(range(MIN_PART, len(words) - MIN_PART + 1), key=lambda k: -probs[k]):
        if probs[i] < threshold:
            break
        if all(abs(i - c) >= MIN_PART for c in cuts):
            cuts.append(i)
    out = []
    for c in sorted(cuts) + [len(words)]:
        out.append(" ".join(words[last:c]))
        last = c
    return [p for p in out if p]
