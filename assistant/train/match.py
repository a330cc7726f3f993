"""Fit the match model on the dev pairs: logistic regression over the part-by-part features, C chosen by
cross-validation grouped by query, then the bars (reuse offer, bands) chosen on out-of-fold predictions:
the lowest offer bar whose false offers stay ≤ 5 % of dev queries, overall and for each language's own queries
(the bar a close match is judged by in that language). The dev queries are also written out as
the labelled descriptions the model compares with (``match_examples``). Held-out pairs are never read."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bench.matchdata import build, load_queries
from assistant.match_examples import EXAMPLES
from assistant.match_examples import write as write_examples
from assistant.matchmodel import FEATURES, WEIGHTS
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "evals" / "match"
# The newest batch of labelled queries stays out of training for one round: its dev part then measures the
# shipped model on descriptions it never saw (without a look at the held-out part). Twenty-ninth round: m15;
# thirtieth round: m15 joins training and m16, the new batch, is held back in its place; thirty-first round: m16
# joins and m17 is held back.
HELD_BACK = ("m17",)


def trained_on(query_id: str) -> bool:
    """A dev query the shipped match model learns from (not one of the batch held back)."""
    return not any(query_id.startswith(b + "-") for b in HELD_BACK)


def offer_outcomes(groups: list[tuple[list[str], list[float], set[str]]], bar: float) -> tuple[int, int, int, int]:
    """(false offers, queries, missed, positive queries) when the best candidate at ≥ bar is offered."""
    false = missed = positives = 0
    for ids, probs, pos in groups:
        best = int(np.argmax(probs)) if probs else -1
        offered = ids[best] if best >= 0 and probs[best] >= bar else None
        if offered is not None and offered not in pos:
            false += 1
        if pos:
            positives += 1
            missed += offered not in pos
    return false, len(groups), missed, positives


def lowest_bar(groups: list[tuple[list[str], list[float], set[str]]], share: float = 0.05) -> float:
    """The lowest offer bar whose false offers stay ≤ ``share`` of the queries (0.5 when none does)."""
    for cand in np.arange(0.2, 0.9, 0.01):
        false, n, _, _ = offer_outcomes(groups, float(cand))
        if false / max(1, n) <= share:
            return float(cand)
    return 0.5


# more similarity never makes "the same practice" less likely; a conflict never makes it more likely
MONOTONE_UP = {"dense", "dense_z", "dense_margin", "dense_rank", "lex", "lex_rank", "tg_sim", "need_sim", "core_sim",
               "goal_sim", "age", "group", "term_overlap", "named", "concepts", "align", "align_top",
               "described_as"}
MONOTONE_DOWN = {"age_conflict", "group_conflict"}


def fit_monotone(x: np.ndarray, y: np.ndarray, c: float, names: tuple[str, ...] = FEATURES) -> np.ndarray:
    """Logistic regression (L2, strength 1/c) whose coefficients respect MONOTONE_UP/DOWN; weights + bias."""
    from scipy.optimize import minimize

    n = x.shape[1]
    bounds = [(0.0, None) if f in MONOTONE_UP else (None, 0.0) if f in MONOTONE_DOWN else (None, None)
              for f in names] + [(None, None)]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))
        nll = -np.mean(y * np.log(np.clip(p, 1e-9, 1)) + (1 - y) * np.log(np.clip(1 - p, 1e-9, 1)))
        reg = float(np.sum(w[:-1] ** 2)) / (2 * c * len(y))
        grad = np.concatenate([x.T @ (p - y) / len(y) + w[:-1] / (c * len(y)), [float(np.mean(p - y))]])
        return float(nll) + reg, grad

    return np.asarray(minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B", bounds=bounds).x)


@dataclass
class Linear:
    """One standardised logistic regression of stage one."""

    coef: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray

    def logits(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept)

    def to_json(self) -> dict[str, Any]:
        return {"coef": np.round(self.coef, 6).tolist(), "intercept": round(float(self.intercept), 6),
                "mean": np.round(self.mean, 6).tolist(), "scale": np.round(self.scale, 6).tolist()}


def _linear(x: np.ndarray, y: np.ndarray, c: float, names: tuple[str, ...]) -> Linear:
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    w = fit_monotone((x - mean) / scale, y, c, names)
    return Linear(w[:-1], float(w[-1]), mean, scale)


@dataclass
class StageOne:
    """Two readings of a pair: without the labelled descriptions (the record's own words), and with the
    closest description of the model (``match_examples``) where one exists; the higher one counts. A missing
    or distant description is no evidence against a model (a record published after training, a bank of
    one's own, a person who names the model and uses its terms: the dev descriptions were written without
    them), while a close one can lift a model the record's words alone would miss."""

    full: Linear
    base: Linear

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, c: float) -> StageOne:
        has = x[:, -2] > 0  # "described"
        return cls(_linear(x[has], y[has], c, FEATURES), _linear(x[:, :-2], y, c, FEATURES[:-2]))

    def logits(self, x: np.ndarray) -> np.ndarray:
        base = self.base.logits(x[:, :-2])
        return np.where(x[:, -2] > 0, np.maximum(self.full.logits(x), base), base)


def train(settings: Settings, out: Path = WEIGHTS) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from assistant.bench.interview import _services

    dev = [q for q in load_queries(PAIRS, split="dev") if trained_on(q.id)]
    print(f"{write_examples(dev)} labelled dev descriptions → {EXAMPLES} (held back: {', '.join(HELD_BACK)})")
    with tempfile.TemporaryDirectory(prefix="parastelu-train-match-") as tmp:
        svc = _services(settings, Path(tmp))
        pairs = build(svc, dev)
    x = np.stack([xi for p in pairs for xi in p.x])
    y = np.asarray([yi for p in pairs for yi in p.y])
    g = np.asarray([i for i, p in enumerate(pairs) for _ in p.x])
    look = np.asarray([v for p in pairs for v in p.look])
    print(f"{len(pairs)} dev queries, {len(y)} pairs, {int(y.sum())} positive")
    best: tuple[float, float, np.ndarray] | None = None
    folds = list(GroupKFold(n_splits=5).split(x, y, g))
    for c in (0.3, 1.0, 3.0, 10.0):
        oof = np.zeros(len(y))
        for tr, te in folds:
            oof[te] = StageOne.fit(x[tr], y[tr], c).logits(x[te])
        p1 = 1 / (1 + np.exp(-oof))
        nll = -float(np.mean(y * np.log(np.clip(p1, 1e-6, 1)) + (1 - y) * np.log(np.clip(1 - p1, 1e-6, 1))))
        print(f"C={c}: out-of-fold log loss (stage one) {nll:.4f}")
        if best is None or nll < best[1]:
            best = (c, nll, oof)
    assert best is not None
    c, _, z = best
    # stage two: each candidate's logit, its margin over the best other candidate of the same query, and how
    # much closer the text is to a description labelled a look-alike of it than to one labelled it
    margin = np.zeros(len(y))
    for qi in np.unique(g):
        idx = np.flatnonzero(g == qi)
        for i in idx:
            others = [z[j] for j in idx if j != i]
            margin[i] = z[i] - max(others) if others else 4.0
    x2 = np.stack([z, margin, look], axis=1)
    oof2 = np.zeros(len(y))
    for tr, te in folds:
        lr2 = LogisticRegression(C=10.0, max_iter=2000)
        lr2.fit(x2[tr], y[tr])
        oof2[te] = lr2.predict_proba(x2[te])[:, 1]
    nll2 = -float(np.mean(y * np.log(np.clip(oof2, 1e-6, 1)) + (1 - y) * np.log(np.clip(1 - oof2, 1e-6, 1))))
    print(f"stage two out-of-fold log loss {nll2:.4f}")
    lr2 = LogisticRegression(C=10.0, max_iter=2000)
    lr2.fit(x2, y)
    stage2 = [*(float(w) for w in lr2.coef_[0]), float(lr2.intercept_[0])]
    oof = oof2
    groups: list[tuple[list[str], list[float], set[str]]] = []
    start = 0
    for p in pairs:
        n = len(p.x)
        groups.append((p.ids, list(oof[start:start + n]), p.query.positives))
        start += n
    bar = lowest_bar(groups)
    false, n, missed, pos = offer_outcomes(groups, bar)
    print(f"offer bar {bar:.2f}: false offers {false}/{n}, missed {missed}/{pos} (out of fold)")
    by_lang: dict[str, float] = {}
    for lang in ("fi", "sv", "en"):
        mine = [grp for grp, p in zip(groups, pairs, strict=True) if p.query.lang == lang]
        by_lang[lang] = lowest_bar(mine)
        false, n, missed, pos = offer_outcomes(mine, by_lang[lang])
        print(f"{lang}: bar {by_lang[lang]:.2f}, false offers {false}/{n}, missed {missed}/{pos} (out of fold)")
    stage_one = StageOne.fit(x, y, c)
    bands = {"same": round(max(0.8, bar + 0.2), 2), "close": round(bar, 2), "topic": round(min(0.2, bar / 2), 2)}
    data = {"model_id": svc.embedder.model_id, "features": list(FEATURES), **stage_one.full.to_json(),
            "base": stage_one.base.to_json(), "stage2": [round(v, 6) for v in stage2], "bands": bands, "C": c,
            "close_by_lang": {lang: round(b, 2) for lang, b in by_lang.items()},
            "trained_on": "evals/match queries.yaml + no_answer.yaml, split=dev"}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print("coefficients: " + ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, stage_one.full.coef, strict=True)))
    print(f"bands {bands} → {out}")
    return 0
