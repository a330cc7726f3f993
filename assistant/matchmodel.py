"""Is this bank model the same practice as (or an adoptable variant of) what the person describes?

One calibrated probability from the parts that matter, compared separately: whom it serves (age ranges
and groups, where non-overlapping ages count against), the need, the core activities and the goals
(embeddings plus lexical overlap), and the overall meaning. A logistic regression fitted on the labelled
dev pairs (``parastelu train match``; weights in ``knowledge/classifier/match.json``) turns them into a
probability; no single raw-cosine cutoff decides. The labelled descriptions themselves are evidence too
(``match_examples``): how close the person's text is to one whose answer was this model (``described_as``;
``described`` is 0.0 for a model nobody has described); see ``logit`` for how the two readings combine. A
description labelled only a look-alike of the model counts against it in stage two (``lookalike``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embeddings import CachedEmbedder
from assistant.groups import age_compatibility, ages, group_compatibility, groups
from assistant.match_examples import ExampleContext, Examples
from assistant.model_names import names_model
from assistant.resources import shipped
from assistant.schema import ModelDescription
from assistant.textproc import query_stems, stems
from assistant.views import View, Views

WEIGHTS = shipped("knowledge", "classifier", "match.json")
FEATURES = ("dense", "dense_z", "dense_margin", "dense_rank", "lex", "lex_rank", "tg_sim", "need_sim", "core_sim",
            "goal_sim", "age", "age_conflict", "group", "group_conflict", "term_overlap", "named", "cross_lingual",
            "cross_sv", "cross_en", "concepts", "align", "align_top", "described",
            "described_as")


PARTS = ("target_groups", "problem", "core", "goals")  # the parts compared one by one


@dataclass
class QueryParts:
    """The person's side: the whole text and, when known, its parts (from the interview draft)."""

    text: str
    lang: str
    target_groups: str = ""
    problem: str = ""
    core: str = ""
    goals: str = ""

    def part(self, name: str) -> str:
        return getattr(self, name) or self.text


def model_units(m: ModelDescription) -> list[str]:
    """The model's statements one by one (need, idea, core, groups, goals), for sentence alignment."""
    from assistant.items import sentences

    units = sentences(m.problem or "")[:4] + sentences(m.basic_idea or "")[:4] + m.core[:8] + \
        m.target_groups[:4] + m.goals[:4]
    return [u for u in dict.fromkeys(units) if len(u) > 3][:20] or [m.summary or m.name]


def model_parts(m: ModelDescription) -> dict[str, str]:
    return {"target_groups": "; ".join(m.target_groups) or (m.summary or m.name),
            "problem": m.problem or m.summary or m.name,
            "core": "; ".join(m.core + ([m.basic_idea] if m.basic_idea else [])) or (m.summary or m.name),
            "goals": "; ".join(m.goals) or (m.summary or m.name)}


def view_parts(v: View, own: dict[str, str]) -> dict[str, str]:
    """The view's parts as ``model_parts`` gives the record's (``own``: the record's, where the view is silent)."""
    return {"target_groups": "; ".join(v.target_groups) or v.summary or own["target_groups"],
            "problem": v.problem or v.summary or own["problem"],
            "core": "; ".join(v.core) or v.summary or own["core"],
            "goals": "; ".join(v.goals) or v.summary or own["goals"]}


class BankContext:
    """The query against the whole bank: dense similarity and BM25 for every model, with ranks."""

    def __init__(self, positions: dict[str, int], dense: np.ndarray, lex: np.ndarray,
                 concepts: set[int] | None = None, sentence_vectors: np.ndarray | None = None) -> None:
        self.positions = positions
        self.view_hits: list[int] = []  # rows whose view in the person's language is among the closest
        self.examples: ExampleContext | None = None  # the person's text against the labelled descriptions
        self.concepts = concepts or set()
        self.sentence_vectors = sentence_vectors
        self.dense = np.asarray(dense, dtype=np.float64)
        self.lex = np.asarray(lex, dtype=np.float64)
        self.mu, self.sd = float(self.dense.mean()), float(self.dense.std()) or 1e-6
        self.top_lex = float(self.lex.max()) if len(self.lex) else 0.0
        order = np.argsort(-self.dense)
        self.dense_rank = np.empty(len(order), dtype=np.int64)
        self.dense_rank[order] = np.arange(len(order))
        top2 = np.sort(self.dense)[-2:] if len(self.dense) >= 2 else np.asarray([0.0, 0.0])
        self.best, self.second = float(top2[-1]), float(top2[0])
        lorder = np.argsort(-self.lex)
        self.lex_rank = np.empty(len(lorder), dtype=np.int64)
        self.lex_rank[lorder] = np.arange(len(lorder))

    def of(self, model_id: str) -> tuple[float, float, float, float, float, float]:
        i = self.positions[model_id]
        d = float(self.dense[i])
        other_best = self.second if d >= self.best else self.best
        lex = float(self.lex[i]) / self.top_lex if self.top_lex > 0 else 0.0
        lex_rank = 1.0 / (1 + int(self.lex_rank[i])) if self.lex[i] > 0 else 0.0
        return d, (d - self.mu) / self.sd, d - other_best, 1.0 / (1 + int(self.dense_rank[i])), lex, lex_rank


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class MatchModel:
    """Features and the calibrated probability for (query, bank model) pairs."""

    def __init__(self, embedder: CachedEmbedder, weights: Path | None = WEIGHTS, glossary: Any = None,
                 views: Views | None = None, examples: Examples | None = None) -> None:
        self.embedder = embedder
        self.examples = examples if examples is not None else Examples.load()
        self.glossary = glossary
        self.views = views or Views()
        self._concepts: dict[tuple[str, int], set[int]] = {}
        self.coef: np.ndarray | None = None
        self.intercept = 0.0
        self.mean = np.zeros(len(FEATURES))
        self.scale = np.ones(len(FEATURES))
        # weights of (logit, margin over best other, lookalike, bias)
        self.stage2 = np.asarray([1.0, 0.0, 0.0, 0.0])
        self.base: tuple[np.ndarray, float, np.ndarray, np.ndarray] | None = None  # without the description
        bands: dict[str, float] = {}
        self.close_by_lang: dict[str, float] = {}  # the bar for "a close match" in each language of the text
        if weights is not None and weights.exists():
            data = json.loads(weights.read_text(encoding="utf-8"))
            if data.get("features") == list(FEATURES) and data.get("model_id") == embedder.model_id:
                self.coef = np.asarray(data["coef"], dtype=np.float64)
                self.intercept = float(data["intercept"])
                self.mean = np.asarray(data["mean"], dtype=np.float64)
                self.scale = np.asarray(data["scale"], dtype=np.float64)
                stage2 = [float(v) for v in data.get("stage2", [1.0, 0.0, 0.0])]
                self.stage2 = np.asarray(stage2[:-1] + [0.0] * (4 - len(stage2)) + stage2[-1:])
                if "base" in data:
                    b = data["base"]
                    self.base = (np.asarray(b["coef"], dtype=np.float64), float(b["intercept"]),
                                 np.asarray(b["mean"], dtype=np.float64), np.asarray(b["scale"], dtype=np.float64))
                bands = dict(data.get("bands", {}))
                self.close_by_lang = {str(k): float(v) for k, v in data.get("close_by_lang", {}).items()}
        self.bands = {"same": 0.8, "close": 0.5, "topic": 0.2} | bands

    @property
    def trained(self) -> bool:
        return self.coef is not None

    def features(self, q: QueryParts, m: ModelDescription, ctx: BankContext) -> np.ndarray:
        """Features of one candidate; ``ctx`` holds the query's similarity to every bank model, so a
        candidate is also judged by how far it stands out from the rest."""
        dense, dense_z, margin, rank, lex, lex_rank = ctx.of(m.id)
        mlang = m.language or "fi"
        view = self.views.get(m.id, q.lang) if q.lang != mlang else None  # the record in the person's language
        mp = model_parts(m)
        names = PARTS
        qv = self.embedder.embed_queries([q.part(n) for n in names])
        mv = self.embedder.embed_passages([mp[n] for n in names])
        sims = [float(np.dot(qv[i], mv[i])) for i in range(len(names))]
        q_who = q.target_groups or q.text
        m_who = " ".join(m.target_groups) or (m.summary or "")
        age = age_compatibility(ages(q_who), ages(m_who))
        grp = group_compatibility(groups(q_who), groups(m_who))
        qs = {s[:5] for s in query_stems(q.text) if len(s) >= 4}
        ms = {s[:5] for s in stems(" ".join([m.name, m.summary or "", m.problem or "", " ".join(m.core)]), mlang)
              if len(s) >= 4}
        titles = [m.name, *(v.name for v in (self.views.get(m.id, lg) for lg in ("fi", "sv", "en")) if v is not None)]
        named = 1.0 if names_model(q.text, titles) else 0.0
        if view is not None:  # the closer reading of the two wins, part by part
            vp = view_parts(view, mp)
            vv = self.embedder.embed_passages([vp[n] for n in names])
            sims = [max(sims[i], float(np.dot(qv[i], vv[i]))) for i in range(len(names))]
            v_who = " ".join(view.target_groups) or view.summary
            age = max(age, age_compatibility(ages(q_who), ages(v_who)))
            grp = max(grp, group_compatibility(groups(q_who), groups(v_who)))
            ms |= {s[:5] for s in stems(view.text(), view.lang) if len(s) >= 4}
        overlap = len(qs & ms) / max(1, min(len(qs), 25))
        concepts = self._model_concepts(m)
        shared = len(ctx.concepts & concepts) / max(1, min(len(ctx.concepts), 12)) if ctx.concepts else 0.0
        align, align_top = self._align(ctx, m, view)
        closest = ctx.examples.closest(m.id) if ctx.examples is not None else None
        return np.asarray([dense, dense_z, margin, rank, lex, lex_rank, *sims, max(age, 0.0), 1.0 if age < 0 else 0.0,
                           max(grp, 0.0), 1.0 if grp < 0 else 0.0, overlap, named,
                           0.0 if q.lang == mlang else 1.0, 1.0 if q.lang == "sv" and mlang != "sv" else 0.0,
                           1.0 if q.lang == "en" and mlang != "en" else 0.0, shared, align, align_top,
                           0.0 if closest is None else 1.0, closest or 0.0],
                          dtype=np.float64)

    def _model_concepts(self, m: ModelDescription) -> set[int]:
        if self.glossary is None:
            return set()
        key = (m.id, hash(m.name + (m.summary or "") + (m.problem or "")))
        if key not in self._concepts:
            self._concepts[key] = self.glossary.concepts_in(" ".join(
                [m.name, m.summary or "", m.basic_idea or "", m.problem or "", *m.core, *m.target_groups, *m.goals]))
        return self._concepts[key]

    def _align(self, ctx: BankContext, m: ModelDescription, view: View | None = None) -> tuple[float, float]:
        """How well the person's sentences find a counterpart among the model's statements (and its view's):
        the mean of each sentence's best match, and the best three."""
        if ctx.sentence_vectors is None or not len(ctx.sentence_vectors):
            return 0.0, 0.0
        units = self.embedder.embed_passages(model_units(m) + (self.views.units(view) if view else []))
        best = (ctx.sentence_vectors @ units.T).max(axis=1)
        return float(best.mean()), float(np.sort(best)[-3:].mean())

    def logit(self, x: np.ndarray) -> float:
        """Stage one: this candidate alone, read with the record's own words and, where the model has labelled
        descriptions (``described``), with the closest of them too; the higher reading counts, so a model
        nobody has described (or described otherwise) is not held against for it."""
        if self.coef is None:  # untrained fallback: standing out from the bank, minus conflicts
            return float(1.2 * (x[1] - 3.0) - 2.0 * x[11] - 1.5 * x[13] + 3.0 * x[15])
        full = float(((x - self.mean) / self.scale) @ self.coef + self.intercept)
        if self.base is None:
            return full
        coef, intercept, mean, scale = self.base
        base = float(((x[:-2] - mean) / scale) @ coef + intercept)
        return max(full, base) if x[-2] > 0 else base

    @staticmethod
    def lookalike(ctx: BankContext, model_id: str) -> float:
        """How much closer the person's text is to a description labelled a look-alike of this model than
        to one labelled it (``match_examples``); 0.0 without descriptions."""
        return ctx.examples.lookalike(model_id) if ctx.examples is not None else 0.0

    def probabilities(self, xs: list[np.ndarray], looks: list[float] | None = None) -> list[float]:
        """Stage two: each candidate against the best of the others (a clear winner is likelier right), and
        against what people who told a mere look-alike of it said (``lookalike``)."""
        return self.stage_two([self.logit(x) for x in xs], looks)

    def stage_two(self, z: list[float], looks: list[float] | None = None) -> list[float]:
        """``probabilities`` from the stage-one logits ``z`` (a caller that also ranks by them reads them once)."""
        out: list[float] = []
        for i, zi in enumerate(z):
            others = [zj for j, zj in enumerate(z) if j != i]
            margin = zi - max(others) if others else 4.0
            look = looks[i] if looks is not None else 0.0
            out.append(_sigmoid(float(self.stage2 @ np.asarray([zi, margin, look, 1.0]))))
        return out

    def probability(self, x: np.ndarray) -> float:
        """A single candidate with no competitors (tests, compare)."""
        return self.probabilities([x])[0]

    def close(self, lang: str | None = None) -> float:
        """The bar for "a close match" (search says so; the benchmark's offer) for a text in ``lang``: the
        probabilities run differently by language, so each has the lowest bar whose false offers stayed
        ≤ 5 % out of fold on its own dev queries."""
        return self.close_by_lang.get(lang or "", self.bands["close"])

    def band(self, p: float, lang: str | None = None) -> str | None:
        """"same" (sama malli), "close" (lähellä), "topic" (samaa aihetta) or None."""
        close = self.close(lang)
        for name, bar in (("same", max(self.bands["same"], close)), ("close", close),
                          ("topic", min(self.bands["topic"], close))):
            if p >= bar:
                return name
        return None
