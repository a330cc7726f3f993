"""Fit the sentence → field classifier on labelled text the project already has.

Sources: every seed model's fields (fi/sv/en record text), the field prototypes, sentences and whole stories
written for training (``knowledge/classifier/story_sentences*.yaml``, ``stories_*.yaml``), and the *dev* part of
the realistic interview benchmark (story sentences with their gold field, answers by field). The
held-out part is never loaded. The regularisation strength is chosen by cross-validation grouped by
case, and a temperature is fitted on the out-of-fold predictions so the probabilities are calibrated.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from assistant import charngrams
from assistant.bench.realcases import load
from assistant.classify import WEIGHTS, FieldClassifier
from assistant.embeddings import build_embedder
from assistant.flow import load_prompts
from assistant.items import sentences, split_items
from assistant.sequence import marginals, transitions
from assistant.settings import Settings
from assistant.train import fields_char
from assistant.train.vectors import seed_models

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "evals" / "interview" / "real"
SEED_MAP = {"problem": "problem", "basic_idea": "basic_idea",
            "target_groups": "target_groups", "goals": "goals", "core": "core", "adaptable": "adaptable",
            "actors": "actors", "environment": "environment", "conditions": "conditions",
            "measurement": "measurement", "evidence": "measurement", "organisation": "organisation",
            "regions": "regions"}
MIN_PER_CLASS = 6
STORIES = ("story:", "tstory:")  # groups whose order is a story's (dev interviews, training stories)
MAX_ECE = 0.03  # the story-order weight may not make the confidence worse calibrated than this
BLENDS = (0.0, 0.3, 0.5)  # shares of the character n-gram view tried (``charngrams``)
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # regularisation strengths tried (smaller C: stronger)
TRAINING_STORY_WEIGHT = 1.0  # a sentence of a story written for training (``stories_*.yaml``)
SEED_WEIGHT = 0.5  # a seed record's sentence counts half a story sentence: record prose is not how people talk


def examples(exclude: frozenset[str] = frozenset()) -> tuple[list[list[str]], list[list[str]], list[float], list[str]]:
    """Groups of sentences (one message each, in order), their labels, a weight and a group id."""
    texts: list[list[str]] = []
    labels: list[list[str]] = []
    weights: list[float] = []
    groups: list[str] = []  # "kind:id": kind is seed, proto, story or answer
    for m in seed_models():
        for fld, target in SEED_MAP.items():
            value = getattr(m, fld)
            if not value:
                continue
            units = value if isinstance(value, list) else sentences(value)
            for unit in units[:6]:
                texts.append([unit])
                labels.append([target])
                weights.append(SEED_WEIGHT)
                groups.append(f"seed:{m.id}")
    for corpus in sorted((ROOT / "knowledge" / "classifier").glob("story_sentences*.yaml")):
        # story-style sentences written for training (never evaluation cases)
        for item in yaml.safe_load(corpus.read_text(encoding="utf-8")) or []:
            texts.append([str(item["text"])])
            labels.append([str(item["field"])])
            weights.append(1.0)
            groups.append("corpus:" + str(item["lang"]))
    for corpus in sorted((ROOT / "knowledge" / "classifier").glob("stories_*.yaml")):
        # whole stories written for training (never evaluation cases): sentences in their story's order, so the
        # position features and the story-order transitions learn from them too
        for story in yaml.safe_load(corpus.read_text(encoding="utf-8")) or []:
            texts.append([str(s["text"]) for s in story["sentences"]])
            labels.append([str(s["field"]) for s in story["sentences"]])
            weights.append(TRAINING_STORY_WEIGHT)
            groups.append(f"tstory:{story['id']}")
    prompts = load_prompts()
    for fld, protos in prompts.prototypes.items():
        for text in protos:
            texts.append([text])
            labels.append([fld])
            weights.append(1.0)
            groups.append(f"proto:{fld}")
    for case in load(CASES, split="dev"):
        if case.id in exclude:
            continue
        texts.append([s.text for s in case.story])
        labels.append([s.field for s in case.story])
        weights.append(3.0)
        groups.append(f"story:{case.id}")
        for fld, answer in case.answers.items():
            if fld in case.dont_know or fld in ("stage", "name", "contact", "summary"):
                continue
            units = [answer] if fld not in ("target_groups", "goals", "core", "adaptable", "actors", "regions") \
                else (split_items(answer) or [answer])
            for unit in units[:3]:
                texts.append([unit])
                labels.append([fld])
                weights.append(1.5)
                groups.append(f"answer:{case.id}")
    return texts, labels, weights, groups


def train(settings: Settings, out: Path = WEIGHTS) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    embedder = build_embedder(settings)
    prompts = load_prompts()
    probe = FieldClassifier(embedder, prompts, weights=None)
    msgs, labels, weights, groups = examples()
    rows: list[np.ndarray] = []
    said: list[str] = []
    y: list[str] = []
    w: list[float] = []
    g: list[str] = []
    for sents, labs, weight, group in zip(msgs, labels, weights, groups, strict=True):
        feats = probe.features(sents)
        for i, lab in enumerate(labs):
            rows.append(feats[i])
            said.append(sents[i])
            y.append(lab)
            w.append(weight)
            g.append(group)
    counts = {c: y.count(c) for c in set(y)}
    keep = [i for i, c in enumerate(y) if counts[c] >= MIN_PER_CLASS]
    x = np.stack([rows[i] for i in keep])
    yy = np.asarray([y[i] for i in keep])
    ww = np.asarray([w[i] for i in keep])
    gg = np.asarray([g[i] for i in keep])
    texts = [said[i] for i in keep]
    classes = sorted(set(yy))
    print(f"{len(yy)} examples, {len(classes)} classes: " + ", ".join(f"{c} {counts[c]}" for c in classes))
    case_rows = np.asarray([gr.startswith("story:") for gr in gg])
    by_case = np.asarray([gr.split(":", 1)[1] if gr.startswith(("story:", "answer:")) else gr for gr in gg])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    x = (x - mean) / scale
    best: tuple[float, float] | None = None
    folds = list(GroupKFold(n_splits=5).split(x, yy, by_case))
    oof: dict[float, np.ndarray] = {}
    for c in C_GRID:
        probs = np.zeros((len(yy), len(classes)))
        for tr, te in folds:
            clf = LogisticRegression(C=c, max_iter=3000)
            clf.fit(x[tr], yy[tr], sample_weight=ww[tr])
            p = clf.predict_proba(x[te])
            cols = [classes.index(k) for k in clf.classes_]
            probs[np.ix_(te, cols)] = p
        oof[c] = probs
        acc = float(np.mean(np.asarray(classes)[probs[case_rows].argmax(1)] == yy[case_rows]))
        print(f"C={c}: cross-validated accuracy on dev story sentences {acc:.3f}")
        if best is None or acc > best[1]:
            best = (c, acc)
    assert best is not None
    # C and the story-order weight are chosen together, by how many dev story sentences the whole reading
    # (classifier, then story order) places right out of fold: the sentence-level best C is not always it
    # and the character n-gram view's share of the log-probabilities (``charngrams``) with them
    char_oof = np.log(np.clip(fields_char.oof(texts, yy, ww, folds, classes), 1e-9, 1))
    print(f"character n-grams alone: cross-validated accuracy on dev story sentences "
          f"{float(np.mean(np.asarray(classes)[char_oof[case_rows].argmax(1)] == yy[case_rows])):.3f}")
    chosen: tuple[float, float, float, float, float, dict[float, tuple[float, float]]] | None = None
    # (accuracy, C, blend, temperature, weight, how often placements above each confidence are right)
    for c in oof:
        for blend in BLENDS:
            logp = (1 - blend) * np.log(np.clip(oof[c], 1e-9, 1)) + blend * char_oof
            temperature = _temperature(logp[case_rows], yy[case_rows], classes)
            print(f"C={c}, blend {blend}, temperature {temperature:.2f}:")
            weight, seq_acc, above = _transition_weight(_tempered(np.exp(logp), temperature), yy, gg, folds, classes)
            if chosen is None or seq_acc > chosen[0] + 1e-9:
                chosen = (seq_acc, c, blend, temperature, weight, above)
    assert chosen is not None
    seq_acc, c, blend, temperature, weight, above = chosen
    print(f"chosen: C={c}, blend {blend}, story order weight {weight}: {seq_acc:.3f}")
    for t, (right, share) in above.items():
        print(f"  confidence ≥ {t}: {share:.0%} of dev story sentences, {right:.3f} of them right (out of fold)")
    char_path = out.with_name("fields_char.npz")
    if blend:
        char_classes, vocab, idf, ccoef, cint = fields_char.fit_all(texts, yy, ww)
        charngrams.save(char_path, char_classes, vocab, idf, ccoef, cint, blend)
    elif char_path.exists():
        char_path.unlink()
    told = np.asarray([gr.startswith(STORIES) for gr in gg])
    stories = [list(yy[gg == grp]) for grp in dict.fromkeys(gg[told])]
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, yy, sample_weight=ww)
    coef = clf.coef_ / scale  # fold the standardisation into the weights: raw features at run time
    intercept = clf.intercept_ - coef @ mean
    data = {"model_id": embedder.model_id, "dim": embedder.dim, "classes": list(clf.classes_),
            "cue_fields": probe.cue_fields, "coef": np.round(coef, 6).tolist(),
            "intercept": np.round(intercept, 6).tolist(), "temperature": round(temperature, 4),
            "transitions": np.round(transitions(stories, list(clf.classes_)), 6).tolist(), "transition_weight": weight,
            "C": c, "char_blend": blend, "trained_on": "seed models, prototypes, evals/interview/real split=dev"}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"C={c} temperature={temperature:.2f} → {out}")
    return 0


def _tempered(probs: np.ndarray, temperature: float) -> np.ndarray:
    z = np.log(np.clip(probs, 1e-9, 1)) / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def _transition_weight(probs: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]],
                       classes: list[str]) -> tuple[float, float, dict[float, tuple[float, float]]]:
    """How much a story's order counts: the weight whose forward-backward reading of the out-of-fold
    probabilities places the most dev story sentences right, each fold's transitions from the other folds,
    among the weights that keep the confidence calibrated (expected calibration error ≤ MAX_ECE): the
    confidence decides whether a sentence is confirmed with the person, so it must not grow past the truth."""
    best: tuple[float, float, dict[float, tuple[float, float]]] = (0.0, -1.0, {})
    for weight in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2):
        right = total = 0
        conf: list[float] = []
        hits: list[bool] = []
        for tr, te in folds:
            in_train = set(groups[tr].tolist())
            told = [g for g in dict.fromkeys(groups[tr]) if str(g).startswith(STORIES)]
            trans = transitions([list(y[groups == g]) for g in told], classes)
            for g in dict.fromkeys(groups[te]):
                if not str(g).startswith("story:") or g in in_train:
                    continue
                rows = np.flatnonzero(groups == g)
                m = marginals(probs[rows], trans, weight)
                ok = np.asarray(classes)[m.argmax(axis=1)] == y[rows]
                right += int(np.sum(ok))
                total += len(rows)
                conf += m.max(axis=1).tolist()
                hits += ok.tolist()
        acc, ece = right / max(1, total), _ece(np.asarray(conf), np.asarray(hits))
        above = {t: (float(np.mean(np.asarray(hits)[np.asarray(conf) >= t])), float(np.mean(np.asarray(conf) >= t)))
                 for t in (0.8, 0.85, 0.9, 0.95) if np.any(np.asarray(conf) >= t)}
        print(f"  story order weight {weight}: cross-validated accuracy on dev story sentences {acc:.3f}, "
              f"ECE {ece:.3f}")
        if ece <= MAX_ECE and acc > best[1] + 1e-9:
            best = (weight, acc, above)  # with the right share and the share of sentences at each confidence
    return best


def _ece(conf: np.ndarray, hits: np.ndarray, bins: int = 10) -> float:
    out = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        sel = (conf >= lo) & (conf < lo + 1 / bins)
        if sel.any():
            out += float(sel.mean()) * abs(float(conf[sel].mean()) - float(hits[sel].mean()))
    return out


def _temperature(logp: np.ndarray, y: np.ndarray, classes: list[str]) -> float:
    """The temperature that minimises the negative log-likelihood of out-of-fold predictions."""
    idx = np.asarray([classes.index(v) for v in y])
    best = (1.0, float("inf"))
    for t in np.arange(0.5, 3.01, 0.05):
        z = logp / t
        z = z - z.max(axis=1, keepdims=True)
        lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -float(lp[np.arange(len(y)), idx].mean())
        if nll < best[1]:
            best = (float(t), nll)
    return best[0]


def fit(embedder: object, exclude: frozenset[str], c: float, temperature: float,
        transition_weight: float = 0.0, char_blend: float = 0.0) -> dict[str, object]:
    """The classifier without some dev cases (for honest cross-validated figures on them)."""
    from sklearn.linear_model import LogisticRegression

    prompts = load_prompts()
    probe = FieldClassifier(embedder, prompts, weights=None)  # type: ignore[arg-type]
    msgs, labels, weights, groups = examples(exclude)
    rows, y, w, said = [], [], [], []
    for sents, labs, weight in zip(msgs, labels, weights, strict=True):
        feats = probe.features(sents)
        rows += [feats[i] for i in range(len(labs))]
        said += list(sents[:len(labs)])
        y += labs
        w += [weight] * len(labs)
    counts = {k: y.count(k) for k in set(y)}
    keep = [i for i, k in enumerate(y) if counts[k] >= MIN_PER_CLASS]
    x = np.stack([rows[i] for i in keep])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit((x - mean) / scale, [y[i] for i in keep], sample_weight=[w[i] for i in keep])
    coef = clf.coef_ / scale
    char = None
    if char_blend:
        texts = [said[i] for i in keep]
        char = charngrams.CharModel(*fields_char.fit_all(texts, np.asarray([y[i] for i in keep]),
                                                         np.asarray([w[i] for i in keep])), blend=char_blend)
    return {"char": char, "char_blend": char_blend, "model_id": embedder.model_id, "dim": embedder.dim,  # type: ignore[attr-defined]
            "classes": list(clf.classes_),  # type: ignore[attr-defined]
            "cue_fields": probe.cue_fields, "coef": coef.tolist(), "intercept": (clf.intercept_ - coef @ mean).tolist(),
            "temperature": temperature, "transition_weight": transition_weight,
            "transitions": transitions([labs for labs, g in zip(labels, groups, strict=True) if g.startswith(STORIES)],
                                       list(clf.classes_)).tolist()}
