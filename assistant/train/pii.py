"""Fit the name + health-detail reader of the personal-data guard (``knowledge/classifier/pii.json``).

Every name-like word in the *dev* cases of ``evals/pii/cases.yaml`` is a candidate, labelled by whether it
is inside a labelled ``name_health`` span. The regularisation, the weight of the name-shape features against
the embedding and the decision threshold are chosen by cross-validation grouped by shared name and
near-duplicate text (``pii_cv.groups``), on case-level F1 (the way ``parastelu bench pii`` scores): a leak and
a false alarm that blocks publishing until the person masks it weigh the same. The held-out
cases are never read. The figure stored as ``cv`` is ``pii_cv``'s honest one (settings chosen inside each
fold, word-list entries seen only in the test fold left out), not the pooled one the settings were picked on.
"Common words" are the lowercase words of the seed bank's records.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.embeddings import bundled_embedder
from assistant.pii_model import NAME_FEATURES, WEIGHTS, candidates
from assistant.settings import Settings
from assistant.train.vectors import seed_models

CASES = Path(__file__).resolve().parents[2] / "evals" / "pii" / "cases.yaml"
GRID_C = (0.01, 0.03, 0.1)
# the name-shape features weighed up against the 384 embedding dimensions: a larger factor regularises them
# less, so a few telling words ("mummo Rauha", 'Dave' in quotes) can outweigh the sentence's meaning
GRID_S = (1.0, 2.0, 4.0)
GRID_T = tuple(round(t, 2) for t in np.arange(0.3, 0.91, 0.05))


class Grid:
    """The (C, S) pairs and the thresholds tried."""

    thresholds = GRID_T

    @staticmethod
    def pairs() -> list[tuple[float, float]]:
        return [(c, sf) for sf in GRID_S for c in GRID_C]


@dataclass
class Fitted:
    """A logistic regression on standardised rows, the name-shape features scaled up by ``S``."""

    mean: np.ndarray
    scale: np.ndarray
    clf: Any

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.clf.predict_proba((x - self.mean) / self.scale)[:, 1] if len(x) else np.zeros(0)


def fit(x: np.ndarray, y: np.ndarray, c: float, sf: float) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    scale[:len(NAME_FEATURES)] /= sf
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit((x - mean) / scale, y)
    return Fitted(mean, scale, clf)


def common_words() -> frozenset[str]:
    """Lowercase words of the project's own texts: the seed bank and its views, the prompts, the stop words and the
    dev interview cases' stories and answers (not the personal-data cases). A capitalised word found here
    opens a sentence; it is not a name."""
    from assistant.textproc import STOPWORDS

    root = CASES.parents[2]
    texts = [str(v) for m in seed_models() for v in m.model_dump().values()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "prompts").rglob("*.yaml"))]
    # and the same records told in the other languages: "rena", "alan" are words there, not names
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "knowledge" / "views").rglob("*.yaml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "evals" / "interview").rglob("*.yaml"))
              if "split: heldout" not in p.read_text(encoding="utf-8")]  # held-out interviews are never read
    words = {w for t in texts for w in re.findall(r"[^\W\d_]+", t) if w.islower() and len(w) > 2}
    words |= {w for lang in STOPWORDS.values() for w in lang}
    from assistant.pii_words import FIRST_NAMES

    return frozenset(words - FIRST_NAMES)


def bank_names() -> frozenset[str]:
    """Capitalised words of the seed bank's records (Kela, Rädda Barnen, Ohjaamo): organisations, places
    and models that the bank names in public, never a private person there; first names left out."""
    from assistant.pii_words import FIRST_NAMES

    texts = [str(v) for m in seed_models() for v in m.model_dump().values()]
    root = CASES.parents[2]  # and the same records told in the other languages
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "knowledge" / "views").rglob("*.yaml"))]
    words = {w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t) if w[:1].isupper() and len(w) > 2}
    return frozenset(words - FIRST_NAMES)


def _bank_rows(embedder: Any, common: frozenset[str], names: frozenset[str]) -> np.ndarray:
    """Feature rows of every name candidate in the seed records and their views (public text, no person)."""
    from assistant.pii import _values

    root = CASES.parents[2]
    records = [m.model_dump() for m in seed_models()]
    records += [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "knowledge" / "views")
                                                                             .rglob("*.yaml"))]
    cands = [c for r in records for _, v in _values(r) for c in candidates(v, common, names)]
    if not cands:
        return np.zeros((0, len(NAME_FEATURES) + embedder.dim), dtype=np.float32)
    vecs = embedder.embed_queries([c.sentence for c in cands])
    return np.hstack([np.asarray([c.features for c in cands], dtype=np.float32), vecs])


def _case_f1(prob: np.ndarray, case_of: np.ndarray, wants: list[bool], t: float) -> tuple[float, float, float]:
    got = np.zeros(len(wants), dtype=bool)
    np.logical_or.at(got, case_of, prob >= t)
    want = np.asarray(wants)
    tp, fp, fn = int((got & want).sum()), int((got & ~want).sum()), int((~got & want).sum())
    r, p = tp / max(1, tp + fn), tp / max(1, tp + fp)
    return (2 * r * p / (r + p) if r + p else 0.0), r, p


def train(settings: Settings, out: Path = WEIGHTS) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from assistant.train.pii_cv import cross_validate
    from assistant.train.pii_cv import groups as name_groups

    embedder = bundled_embedder(settings)
    common = common_words()
    names = bank_names()
    dev = [c for c in yaml.safe_load(CASES.read_text(encoding="utf-8")) if c.get("split") == "dev"]
    rows: list[np.ndarray] = []
    labels: list[bool] = []
    case_of: list[int] = []
    for ci, case in enumerate(dev):
        text = str(case["text"])
        spans = []
        if "name_health" in (case.get("kinds") or []):
            spans = [(text.find(s), text.find(s) + len(s)) for s in case.get("spans") or [] if s in text]
        cands = candidates(text, common, names)
        if not cands:
            continue
        vecs = embedder.embed_queries([c.sentence for c in cands])
        for cand, vec in zip(cands, vecs, strict=True):
            rows.append(np.concatenate([np.asarray(cand.features, dtype=np.float32), vec]))
            labels.append(any(cand.start < e and s < cand.end for s, e in spans))
            case_of.append(ci)
    x, y, groups = np.stack(rows), np.asarray(labels), np.asarray(case_of)
    wants = ["name_health" in (c.get("kinds") or []) for c in dev]
    print(f"{len(dev)} dev cases, {len(y)} candidates, {int(y.sum())} inside a labelled name")
    named = name_groups(dev)  # a name or a template never on both sides of a fold
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    bank = _bank_rows(embedder, common, names)
    best: tuple[float, float, float, float, float, float] | None = None  # f1, C, S, t, r, p
    fitted: dict[tuple[float, float], Any] = {}  # (C, S) → the model fitted on all dev candidates
    for c, sf in ((c, sf) for sf in GRID_S for c in GRID_C):
        scale = std.copy()
        scale[:len(NAME_FEATURES)] /= sf
        xs = (x - mean) / scale
        prob = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(xs, y, named[groups]):
            clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(xs[tr], y[tr])
            prob[te] = clf.predict_proba(xs[te])[:, 1]
        # the shipped bank and its views are public text: a threshold that flags any of it is never chosen
        whole = fitted[c, sf] = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(xs, y)
        floor = float(whole.predict_proba((bank - mean) / scale)[:, 1].max()) if len(bank) else 0.0
        for t in GRID_T:
            f1, r, p = _case_f1(prob, groups, wants, t)
            if t > floor and (best is None or f1 > best[0] + 1e-9):
                best = (f1, c, sf, t, r, p)
        print(f"C={c} S={sf} (bank's highest {floor:.2f}): " + " ".join(
            "t{}:{:.2f}/{:.2f}".format(t, *_case_f1(prob, groups, wants, t)[1:]) for t in GRID_T[::2]))
    assert best is not None
    f1, c, sf, t, r, p = best
    clf = fitted[c, sf]
    scale = std.copy()
    scale[:len(NAME_FEATURES)] /= sf
    coef = clf.coef_[0] / scale
    print(f"C={c} S={sf} threshold={t}: pooled out-of-fold case recall {r:.3f} precision {p:.3f} (optimistic)")
    result = cross_validate(embedder, common, names)
    rec, prec = result.name_figures()
    honest = {"recall": round(rec, 3), "precision": round(prec, 3), "how": "grouped, nested, lists per fold"}
    print("\n".join(result.report()))
    data = {"model_id": embedder.model_id, "features": list(NAME_FEATURES) + [f"e{i}" for i in range(embedder.dim)],
            "coef": np.round(coef, 6).tolist(), "intercept": round(float(clf.intercept_[0] - coef @ mean), 6),
            "threshold": t, "C": c, "feature_scale": sf,
            "cv": honest, "cv_pooled": {"f1": round(f1, 3), "recall": round(r, 3), "precision": round(p, 3)},
            "common": sorted(common), "bank_names": sorted(names), "trained_on": "evals/pii/cases.yaml split=dev"}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"honest cross-validated case recall {rec:.3f} precision {prec:.3f} → {out}")
    return 0
