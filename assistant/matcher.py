"""Has someone solved this already? Candidates from hybrid search, each judged by the calibrated match
model, sorted by that probability and explained honestly. Used by the interview (matches, the reuse
offer, "onko tällaista jo tehty?"), the CLI/API search and the benchmarks.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.embeddings import FairLock
from assistant.i18n import t
from assistant.interview_types import Draft, InterviewState, Match
from assistant.matchmodel import PARTS, BankContext, MatchModel, QueryParts
from assistant.retrieval import Filters
from assistant.schema import ModelDescription
from assistant.services import Services
from assistant.textproc import detect_language
from assistant.textsafe import md
from assistant.views import Views
from assistant.why import content_words, honest_reasons

POOL = 10
SPARSE_WORDS = 20  # content words a draft needs before a merely "close" model may interrupt


@dataclass
class Scored:
    model: ModelDescription
    probability: float
    band: str | None
    similarity: float
    reasons: list[str] = field(default_factory=list)

    @property
    def why(self) -> str:
        return " · ".join(self.reasons)

    def to_json(self) -> dict[str, Any]:
        m = self.model
        return {"id": m.id, "name": m.name, "probability": round(self.probability, 3), "band": self.band,
                "why": self.why, "reasons": self.reasons, "stage": m.stage.value if m.stage else None,
                "organisation": m.organisation, "regions": m.regions, "language": m.language,
                "implementations": len(m.implementations), "similarity": round(self.similarity, 4),
                "source_url": m.source_url}


@dataclass
class SearchResult:
    query: str
    close_match: bool
    hits: list[Scored]

    def to_json(self) -> dict[str, Any]:
        return {"query": self.query, "close_match": self.close_match, "hits": [h.to_json() for h in self.hits]}


_MODELS: dict[int, MatchModel] = {}


def match_model(services: Services) -> MatchModel:
    key = id(services.embedder)
    if key not in _MODELS:
        _MODELS[key] = MatchModel(services.embedder, glossary=services.retriever.glossary, views=Views.load())
    return _MODELS[key]


def draft_parts(draft: Draft, lang: str) -> QueryParts:
    """What the person has told so far, as the match model compares it."""
    text_parts = [draft.problem or "", "; ".join(draft.target_groups), "; ".join(draft.goals),
                  "; ".join(draft.core), draft.basic_idea or ""]
    text = "\n".join(p for p in text_parts if p)[:600] or (draft.summary or draft.name or "")
    return QueryParts(text=text, lang=draft.language or lang, target_groups="; ".join(draft.target_groups),
                      problem=draft.problem or "", core="; ".join(draft.core + ([draft.basic_idea]
                                                                               if draft.basic_idea else [])),
                      goals="; ".join(draft.goals))


_SCORING: dict[int, FairLock] = {}


def _scoring(services: Services) -> FairLock:
    """The line for scoring: as many at once as there are copies of the embedder."""
    n = services.settings.embed_models
    return _SCORING.get(n) or _SCORING.setdefault(n, FairLock(n))


def score(services: Services, q: QueryParts, k: int = 5, filters: Filters | None = None,
          exclude: set[str] | None = None, lang: str | None = None) -> list[Scored]:
    """The top-k bank models for a query, by calibrated probability (best first).

    As many scorings at once as there are embedder copies, in arrival order: it is a turn's costly part,
    so under load each turn waits its place in line instead of all of them slowing down together."""
    if not q.text.strip():
        return []
    with _scoring(services):
        return _score(services, q, k, filters, exclude, lang)


def _percent(p: float) -> float:
    """A probability cut down to whole percentages (0.449 → 0.44)."""
    return math.floor(p * 100 + 1e-9) / 100


def _score(services: Services, q: QueryParts, k: int, filters: Filters | None, exclude: set[str] | None,
           lang: str | None) -> list[Scored]:
    retriever = services.retriever
    cat = retriever.catalog()
    if not cat.models or cat.vectors is None or not len(cat.vectors):
        return []
    lang = lang or q.lang
    prefetch(services, q)
    candidates = retriever.search(q.text, k=POOL, filters=filters, lang=q.lang, exclude=exclude, explain=False)
    if not candidates:
        return []
    ctx = bank_context(services, q)
    mm = match_model(services)
    models = [hit.model for hit in candidates]
    seen = {m.id for m in models} | (exclude or set())
    for i in ctx.view_hits:  # a record search missed but whose view in the person's language is among the closest
        m = cat.models[i]
        if m.id not in seen and (filters is None or not filters.active() or filters.match(m)):
            models.append(m)
            seen.add(m.id)
    xs = [mm.features(q, m, ctx) for m in models]
    looks = [mm.lookalike(ctx, m.id) for m in models]
    # shown in whole percentages, cut down (not rounded, so no decision against a bar, itself in whole
    # percentages, changes); models that show the same percentage (often "0 %" when nothing is close) follow
    # the stage-one reading of the record, which put the expected model first on the retrieval dev queries
    # more often than the third decimal or the raw similarity did
    z = [mm.logit(x) for x in xs]
    shown = [_percent(p) for p in mm.stage_two(z, looks)]
    ranked = sorted(zip(models, xs, z, shown, strict=True), key=lambda r: (-r[3], -r[2], r[0].id))
    out = [Scored(m, p, mm.band(p, q.lang), float(x[0]), []) for m, x, _, p in ranked]
    for s in out[:k]:  # reasons only for what is shown
        s.reasons = honest_reasons(q, s.model, lang)
    return out[:k]


def search(services: Services, query: str, k: int = 5, filters: Filters | None = None,
           lang: str | None = None) -> SearchResult:
    """Staff search: best first by probability; ``close_match`` is false when nothing clears the bar."""
    q = QueryParts(text=query.strip(), lang=lang or detect_language(query))
    hits = score(services, q, k=k, filters=filters, lang=q.lang)
    bar = match_model(services).close(q.lang)
    return SearchResult(query=query, close_match=bool(hits) and hits[0].probability >= bar, hits=hits)


def to_match(s: Scored) -> Match:
    m = s.model
    return Match(id=m.id, name=m.name, stage=m.stage, organisation=m.organisation, regions=m.regions,
                 score=round(s.probability, 4), similarity=round(s.similarity, 4), probability=round(s.probability, 3),
                 band=s.band, why=s.why, near_duplicate=s.band == "same", source_url=m.source_url,
                 implementations=len(m.implementations))


def refresh(state: InterviewState, services: Services, notices: list[str], force_steps: bool = False,
            strong: float | None = None) -> None:
    """Matches for the current draft, and next steps that agree with them and with the user's choice
    (adopting is advised from ``strong`` up, the bar the interview interrupts at)."""
    draft = state.draft
    if not any(getattr(draft, f) for f in ("problem", "target_groups", "goals", "core", "basic_idea",
                                           "summary", "name")):
        if force_steps:
            state.next_steps = _steps(state, services, strong)
        return
    parts = draft_parts(draft, state.lang)
    key = hashlib.sha256(f"{parts}|{state.lang}|{state.published_id}|{services.store.revision}".encode()).hexdigest()
    if key == state.match_key and not force_steps:
        return
    if defer(state, services, force_steps):
        return
    try:
        scored = score(services, parts, k=5, lang=state.lang,
                       exclude={state.published_id} if state.published_id else None)
    except Exception as exc:  # a Chroma server gone away mid-session: keep interviewing, say so
        notices.append(t("iv.bank_unavailable", state.lang) + f" ({type(exc).__name__})")
        return
    state.match_key = key
    state.matches_deferred = False
    state.matches = [to_match(s) for s in scored]
    state.next_steps = _steps(state, services, strong)


def defer(state: InterviewState, services: Services, force_steps: bool = False) -> bool:
    """Under overload, keep the earlier matches for one turn instead of waiting in a long line to score:
    the reply comes at once and the next turn scores the draft as it then is (so two quick changes cost
    one scoring). Never two turns running, never before the first matches, never when steps must change."""
    limit = services.settings.match_defer_queue
    if not limit or force_steps or not state.match_key or state.matches_deferred or _scoring(services).waiting < limit:
        return False
    state.matches_deferred = True
    return True


def _steps(state: InterviewState, services: Services, strong: float | None) -> list[Any]:
    from assistant import advisor

    close = match_model(services).close(state.draft.language or state.lang)
    strong = max(services.settings.offer_probability or strong or close, close)
    return advisor.next_steps(state.matches, state.draft, state.lang, state.reuse_choice, state.offered, close,
                              strong=strong)


def offer_bar(services: Services, draft: Draft | None = None, policy_bar: float | None = None) -> float:
    """The bar for interrupting; while little is known of what is done (only a need and an age group, say),
    the "same model" band: too many models share a need and an age to interrupt anyone for that."""
    mm = match_model(services)
    bands = mm.bands
    bar = services.settings.offer_probability or policy_bar or mm.close(draft.language if draft else None)
    if draft is not None and len(content_words(draft_parts(draft, "fi").text)) < SPARSE_WORDS:
        return max(bar, bands["same"])
    return bar


def offer_worthy(matches: list[Match], bar: float, offered: list[str]) -> Match | None:
    """The model worth interrupting for: the best match, above the calibrated bar, not offered before."""
    for m in matches:
        if m.id in offered:
            continue
        return m if (m.probability or 0.0) >= bar else None
    return None


def offer_text(m: Match, lang: str) -> str:
    key = "iv.reuse_offer_same" if m.band == "same" else "iv.reuse_offer"
    stage = t(f"stage.{m.stage.value}", lang) if m.stage else "-"
    text = t(key, lang, name=md(m.name), stage=stage, owner=md(m.organisation or t("owner.unknown", lang)),
             why=md(m.why), pct=f"{100 * (m.probability or 0):.0f}")
    return text


def search_answer(services: Services, query: str, draft: Draft, lang: str) -> str:
    """The in-chat answer to "onko tällaista jo tehty?": a straight yes or no, with the nearest ones."""
    try:
        parts = draft_parts(draft, lang)
        q = QueryParts(text=f"{query}\n{parts.text}".strip(), lang=lang, target_groups=parts.target_groups,
                       problem=parts.problem, core=parts.core, goals=parts.goals)
        hits = score(services, q, k=3, lang=lang)
    except Exception as exc:
        return t("iv.bank_unavailable", lang) + f" ({type(exc).__name__})"
    if not hits:
        return t("iv.search_none", lang)
    bar = match_model(services).close(q.lang)
    head = t("iv.search_answer" if hits[0].probability >= bar else "iv.search_no_close", lang)
    lines = [f"- **{md(h.model.name)}** ({band_label(h.band, lang)}, {100 * h.probability:.0f} %; "
             f"{md(h.model.organisation or t('owner.unknown', lang))}): {md(h.why)}" for h in hits]
    return head + "\n" + "\n".join(lines)


def band_label(band: str | None, lang: str) -> str:
    return t(f"band.{band or 'none'}", lang)


def probabilities(services: Services, q: QueryParts,
                  ids: list[str]) -> dict[str, tuple[float, np.ndarray, float]]:
    """Probability, features and look-alike evidence for chosen models (benchmarks and training: labelled
    pairs that search may not have returned)."""
    cat = services.retriever.catalog()
    ctx = bank_context(services, q)
    mm = match_model(services)
    known = [mid for mid in ids if mid in cat.positions]
    xs = [mm.features(q, cat.models[cat.positions[mid]], ctx) for mid in known]
    looks = [mm.lookalike(ctx, mid) for mid in known]
    return {mid: (p, x, look) for mid, x, look, p in zip(known, xs, looks, mm.probabilities(xs, looks), strict=True)}


def _sentences(q: QueryParts) -> list[str]:
    from assistant.items import sentences

    return [s for s in sentences(q.text) if len(s.split()) >= 3][:12] or [q.text]


def prefetch(services: Services, q: QueryParts) -> None:
    """Every query-side text a scoring needs, embedded in one call: a turn then queues for the shared
    model once, not three times (the vectors are the same as one by one; later lookups hit the cache)."""
    texts = [*services.retriever.query_texts(q.text, q.lang), *(q.part(n) for n in PARTS), *_sentences(q)]
    services.embedder.embed_queries(list(dict.fromkeys(texts)))


def bank_context(services: Services, q: QueryParts) -> BankContext:
    retriever = services.retriever
    cat = retriever.catalog()
    concepts = retriever.glossary.concepts_in(q.text) if retriever.glossary is not None else set()
    sents = _sentences(q)
    qvs = retriever.query_vectors(q.text, q.lang)  # once: the record and its view are compared to the same
    dense = np.array(retriever.dense_all(q.text, q.lang, vectors=qvs), dtype=np.float64)
    all_ids, all_vv = match_model(services).views.matrix(q.lang, services.embedder)
    keep = [k for k, mid in enumerate(all_ids) if mid in cat.positions
            and (cat.models[cat.positions[mid]].language or "fi") != q.lang]
    ids, vv = [all_ids[k] for k in keep], all_vv[keep]
    view_hits: list[int] = []
    if ids and len(dense):  # the record in the person's language, where we have it: the closer reading wins
        sims = np.max(np.stack([vv @ v for v in qvs]), axis=0)
        pos = np.asarray([cat.positions[mid] for mid in ids])
        dense[pos] = np.maximum(dense[pos], sims)
        view_hits = [int(p) for p in pos[np.argsort(-sims)[:3]]]
    ctx = BankContext(cat.positions, dense, retriever.lexical_all(q.text), concepts=concepts,
                      sentence_vectors=services.embedder.embed_queries(sents))
    ctx.view_hits = view_hits
    ctx.examples = match_model(services).examples.context(services.embedder, q.text, q.lang)
    return ctx
