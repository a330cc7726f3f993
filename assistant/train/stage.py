"""Fit the stage reader (``knowledge/classifier/stage.json``) on the dev interviews: each stage sentence of a
story and each answer to the stage question, labelled with the case's true stage. C is chosen by
cross-validation grouped by case; the held-out interviews are never read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from assistant.bench.realcases import load
from assistant.embeddings import bundled_embedder
from assistant.settings import Settings
from assistant.stage_model import WEIGHTS

CASES = Path(__file__).resolve().parents[2] / "evals" / "interview" / "real"


def examples() -> tuple[list[str], list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    for case in load(CASES, split="dev"):
        truth = case.truth.get("stage") if isinstance(case.truth, dict) else getattr(case.truth, "stage", None)
        if not truth:
            continue
        said = [s.text for s in case.story if s.field == "stage"]
        if "stage" in case.answers and "stage" not in case.dont_know:
            said.append(case.answers["stage"])
        for text in said:
            texts.append(text)
            labels.append(str(getattr(truth, "value", truth)))
            groups.append(case.id)
    return texts, labels, groups


def train(settings: Settings, out: Path = WEIGHTS) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    embedder = bundled_embedder(settings)
    texts, labels, groups = examples()
    x, y, g = embedder.embed_queries(texts), np.asarray(labels), np.asarray(groups)
    counts = ", ".join(f"{c} {int((y == c).sum())}" for c in sorted(set(y)))
    print(f"{len(y)} stage texts from dev interviews: {counts}")
    best: tuple[float, float] = (1.0, -1.0)
    for c in (0.3, 1.0, 3.0, 10.0):
        pred = np.empty(len(y), dtype=object)
        for tr, te in GroupKFold(n_splits=5).split(x, y, g):
            pred[te] = LogisticRegression(C=c, max_iter=3000).fit(x[tr], y[tr]).predict(x[te])
        acc = float(np.mean(pred == y))
        print(f"C={c}: cross-validated accuracy {acc:.3f}")
        if acc > best[1] + 1e-9:
            best = (c, acc)
    clf = LogisticRegression(C=best[0], max_iter=3000).fit(x, y)
    data = {"model_id": embedder.model_id, "classes": list(clf.classes_), "coef": np.round(clf.coef_, 6).tolist(),
            "intercept": np.round(clf.intercept_, 6).tolist(), "C": best[0], "cv_accuracy": round(best[1], 3),
            "trained_on": "evals/interview/real split=dev: stage sentences and stage answers"}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"C={best[0]} → {out}")
    return 0
