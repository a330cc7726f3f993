"""The seed bank's vectors (whole records and the parts the match model compares) and those of the labelled
descriptions the match model compares with (``match_examples``), shipped with the code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from assistant.embeddings import build_embedder
from assistant.match_examples import Examples
from assistant.matchmodel import model_parts, model_units, view_parts
from assistant.schema import ModelDescription
from assistant.seedvectors import SHIPPED, write
from assistant.settings import Settings
from assistant.store import embed_text
from assistant.vcache import text_key
from assistant.views import Views

SEED = Path(__file__).resolve().parents[2] / "knowledge" / "models"


def seed_models(directory: Path = SEED) -> list[ModelDescription]:
    return [ModelDescription.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in sorted(directory.glob("*.yaml"))]


def seed_texts(models: list[ModelDescription]) -> list[str]:
    """Every passage the app embeds for the seed bank: the record text and its four parts, and the same for
    each view of it in another language (so the first Swedish story does not wait for 64 views)."""
    views = Views.load()
    texts: list[str] = []
    for m in models:
        texts.append(embed_text(m))
        parts = model_parts(m)
        texts += list(parts.values())
        texts += model_units(m)
        for lang in ("fi", "sv", "en"):
            view = views.get(m.id, lang)
            if view is not None:
                texts += [view.text(), *view_parts(view, parts).values(), *views.units(view)]
    return list(dict.fromkeys(texts))


def write_seed_vectors(settings: Settings, path: Path = SHIPPED) -> int:
    embedder = build_embedder(settings)
    texts = seed_texts(seed_models())
    vecs = embedder.embed_passages(texts)
    items = {text_key(embedder.model_id, "passage", t): np.asarray(v) for t, v in zip(texts, vecs, strict=True)}
    examples = Examples.load().texts()  # the labelled descriptions the match model compares every text with
    items |= {text_key(embedder.model_id, "query", t): np.asarray(v)
              for t, v in zip(examples, embedder.embed_queries(examples), strict=True)}
    n = write(path, items)
    print(f"wrote {n} vectors of {embedder.model_id} to {path}")
    return 0
