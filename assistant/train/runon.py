"""Fit where a run-on story turns to its next sentence (``knowledge/classifier/runon.json``).

The data are the *dev* interviews' opening stories and the training-only story corpora: their sentences are
joined as a phone typer would send them (no full stops, the first letter in lower case), and every gap before
a gold sentence start is a boundary. Regularisation and threshold are chosen by boundary F1 out of fold,
grouped by story; held-out interviews are never read.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
import yaml

from assistant.bench.realcases import load
from assistant.runon import WEIGHTS, gap_features

ROOT = Path(__file__).resolve().parents[2]


def _stories() -> list[list[str]]:
    stories = [[s.text for s in case.story] for case in load(ROOT / "evals" / "interview" / "real", split="dev")]
    rng = random.Random(7)
    for corpus in sorted((ROOT / "knowledge" / "classifier").glob("story_sentences*.yaml")):
        items = [str(i["text"]) for i in yaml.safe_load(corpus.read_text(encoding="utf-8")) or []]
        rng.shuffle(items)
        stories += [items[k:k + 8] for k in range(0, len(items), 8)]
    return stories


def _gaps(story: list[str]) -> tuple[list[list[str]], list[int]]:
    """As typed in one run: no full stops, no capital after them."""
    words: list[str] = []
    starts: set[int] = set()
    for sent in story:
        s = re.sub(r"[.!?]+$", "", sent.strip())
        s = s[:1].lower() + s[1:]
        if words:
            starts.add(len(words))
        words += s.split()
    feats = [gap_features(words, i) for i in range(1, len(words))]
    return feats, [1 if i in starts else 0 for i in range(1, len(words))]


def train(out: Path = WEIGHTS) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    feats: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[int] = []
    for g, story in enumerate(_stories()):
        f, y = _gaps(story)
        feats += [{k: 1.0 for k in fs} for fs in f]
        labels += y
        groups += [g] * len(y)
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    y_arr, g_arr = np.asarray(labels), np.asarray(groups)
    print(f"{len(set(groups))} stories, {len(labels)} gaps, {int(y_arr.sum())} sentence starts")
    best: tuple[float, float, float] | None = None
    for c in (0.1, 0.3, 1.0, 3.0):
        prob = np.zeros(len(labels))
        for tr, te in GroupKFold(n_splits=5).split(x, y_arr, g_arr):
            prob[te] = LogisticRegression(C=c, max_iter=3000).fit(x[tr], y_arr[tr]).predict_proba(x[te])[:, 1]
        for t in (0.3, 0.4, 0.5, 0.6, 0.7):
            pred = prob >= t
            tp = int((pred & (y_arr == 1)).sum())
            p, r = tp / max(1, int(pred.sum())), tp / max(1, int(y_arr.sum()))
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            if best is None or f1 > best[0]:
                best = (f1, c, t)
            print(f"C={c} t={t}: out-of-fold boundary precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    assert best is not None
    f1, c, t = best
    clf = LogisticRegression(C=c, max_iter=3000).fit(x, y_arr)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) >= 0.01}
    data = {"bias": round(float(clf.intercept_[0]), 5), "threshold": t, "C": c, "cv_f1": round(f1, 3),
            "weights": weights, "trained_on": "evals/interview/real split=dev stories + story_sentences corpora"}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"C={c} threshold={t}: out-of-fold boundary F1 {f1:.3f} → {out} ({len(weights)} weights)")
    return 0
