"""Labelled match queries (``evals/match/queries.yaml``, ``no_answer.yaml``) and their candidate pairs.

A query is a person's story or a staff search; each bank model is ``same``, ``adoptable``, ``related`` or
(unlisted) unrelated. Candidates are what search returns plus every labelled model, so a labelled model
search missed still counts. Stories are read through the offline extractor first, exactly as the
interview would see them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.extract_offline import OfflineExtractor
from assistant.flow import load_prompts
from assistant.interview_types import Draft
from assistant.matcher import POOL, draft_parts, probabilities
from assistant.matchmodel import QueryParts
from assistant.services import Services


class MatchQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    lang: Literal["fi", "sv", "en"]
    kind: Literal["story", "query"]
    split: Literal["dev", "heldout"]
    text: str
    same: list[str] = Field(default_factory=list)
    adoptable: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    note: str = ""

    @property
    def positives(self) -> set[str]:
        return set(self.same) | set(self.adoptable)


def load_queries(directory: Path, split: str | None = None) -> list[MatchQuery]:
    out: list[MatchQuery] = []
    for path in sorted(directory.glob("queries*.yaml")) + sorted(directory.glob("no_answer*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            q = MatchQuery.model_validate(raw)
            if split is None or q.split == split:
                out.append(q)
    return out


@dataclass
class Pairs:
    query: MatchQuery
    parts: QueryParts
    ids: list[str] = field(default_factory=list)
    x: list[np.ndarray] = field(default_factory=list)
    p: list[float] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    look: list[float] = field(default_factory=list)  # look-alike evidence (stage two)
    searched: list[str] = field(default_factory=list)  # search order (hybrid retrieval), for r@k


def query_parts(q: MatchQuery, extractor: OfflineExtractor) -> QueryParts:
    if q.kind == "query":
        return QueryParts(text=q.text, lang=q.lang)
    ext = extractor.story(q.text)
    draft = Draft()
    for fld, value in ext.values.items():
        try:
            setattr(draft, fld, value)
        except Exception:  # noqa: S112  (a value the draft refuses is simply not used)
            continue
    parts = draft_parts(draft, q.lang)
    parts.text = q.text  # everything the person said, as the interview keeps it
    return parts


def build(services: Services, queries: list[MatchQuery]) -> list[Pairs]:
    extractor = OfflineExtractor(services.embedder, load_prompts())
    out: list[Pairs] = []
    for q in queries:
        parts = query_parts(q, extractor)
        hits = services.retriever.search(parts.text, k=POOL, lang=q.lang)
        searched = [h.model.id for h in hits]
        ids = list(dict.fromkeys(searched + sorted(q.positives) + q.related))
        scored = probabilities(services, parts, ids)
        pairs = Pairs(q, parts, searched=searched)
        for mid in ids:
            if mid not in scored:
                continue
            p, x, look = scored[mid]
            pairs.ids.append(mid)
            pairs.look.append(look)
            pairs.x.append(x)
            pairs.p.append(p)
            pairs.y.append(1 if mid in q.positives else 0)
        out.append(pairs)
    return out
