"""Wire settings → embedder → store → retriever once per process (CLI, UI and tests share this)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.embeddings import CachedEmbedder, build_embedder
from assistant.glossary import load_glossary
from assistant.retrieval import Retriever
from assistant.settings import Settings, get_settings
from assistant.store import ModelStore


@dataclass
class Services:
    """The long-lived, read-mostly objects; per-user state never lives here."""

    settings: Settings
    embedder: CachedEmbedder
    store: ModelStore
    retriever: Retriever


def build_services(settings: Settings | None = None, embedder: CachedEmbedder | None = None) -> Services:
    settings = settings or get_settings()
    embedder = embedder or build_embedder(settings)
    store = ModelStore(settings, embedder)
    return Services(settings, embedder, store, make_retriever(settings, store))


def make_retriever(settings: Settings, store: ModelStore) -> Retriever:
    """The retriever as configured (weights, glossary); also used when a store reconnects."""
    glossary = load_glossary(str(settings.glossary)) if settings.glossary else None
    return Retriever(store, lexical_weight=settings.lexical_weight, rrf_k=settings.rrf_k, glossary=glossary,
                     lexical_weight_other=settings.lexical_weight_other, dense_expansion=settings.dense_expansion)
