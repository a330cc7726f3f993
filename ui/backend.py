"""What the UI needs around the services: a degraded store when Chroma is down, status probes.

Nothing here holds per-user data: the interview state lives in SQLite and is loaded by id, under the
session's lock, on each event (``ui/sessions.py``); downloads are written by ``ui/exports.py``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from assistant.schema import ModelDescription
from assistant.services import Services, build_services, make_retriever
from assistant.settings import Settings
from assistant.store import ModelStore, StoreError, StoreUnavailable
from ui.texts import tr

RETRY_SECONDS = 10.0


class UnavailableStore(ModelStore):
    """Stands in for the Chroma server while it is unreachable: an empty in-memory bank; writes refused.

    It is a real ``ModelStore`` over Chroma's in-memory client, so every read the retriever and the
    interview engine make keeps working (and simply finds nothing)."""

    def __init__(self, settings: Settings, embedder: Any, reason: str) -> None:
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        local = settings.model_copy(update={"collection": f"{settings.collection}-offline"})
        super().__init__(local, embedder, client=client)
        self.reason = reason
        self.last_try = time.monotonic()

    def upsert(self, models: Sequence[ModelDescription], batch: int = 500) -> int:
        raise StoreUnavailable(self.reason)

    def upsert_vectors(self, models: Sequence[ModelDescription], vectors: Any,
                       texts: Sequence[str] | None = None) -> None:
        raise StoreUnavailable(self.reason)

    def delete(self, ids: Sequence[str]) -> list[str]:
        raise StoreUnavailable(self.reason)


def load_services(settings: Settings, embedder: Any = None) -> Services:
    """Build the services; if the Chroma server is unreachable, fall back to an empty, read-only bank."""
    try:
        return build_services(settings, embedder=embedder)
    except StoreUnavailable as exc:
        from assistant.embeddings import build_embedder

        emb = embedder or build_embedder(settings)
        store = UnavailableStore(settings, emb, str(exc))
        return Services(settings, emb, store, make_retriever(settings, store))


def store_problem(services: Services, lang: str) -> str | None:
    """None when the bank answers; else the banner text. Retries a down server every few seconds."""
    store = services.store
    url = services.settings.chroma_url or "embedded"
    if isinstance(store, UnavailableStore):
        if time.monotonic() - store.last_try < RETRY_SECONDS:
            return tr("status.unreachable", lang, url=url)
        store.last_try = time.monotonic()
        try:
            fresh = ModelStore(services.settings, services.embedder)
        except StoreError:
            return tr("status.unreachable", lang, url=url)
        services.store = fresh
        services.retriever = make_retriever(services.settings, fresh)
        return None
    try:
        store.count()
    except Exception:  # chromadb raises several kinds when the server went away
        return tr("status.unreachable", lang, url=url)
    return None


def failure_text(services: Services, exc: BaseException, lang: str) -> str | None:
    """One readable sentence for a storage failure (bank down, data dir corrupt/read-only/full), else None."""
    import sqlite3

    from assistant.store import describe_db_error

    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return describe_db_error(exc, services.settings.data_dir)
    module = type(exc).__module__
    if isinstance(exc, ConnectionError) or module.startswith(("chromadb", "httpx", "httpcore", "urllib3")):
        return tr("status.unreachable", lang, url=services.settings.chroma_url or "embedded")
    return None


def bank_count(services: Services) -> int | None:
    try:
        return services.store.count()
    except Exception:
        return None


def bank_models(services: Services) -> list[ModelDescription]:
    """Every model in the bank, from the retriever's catalog (cached until the bank changes)."""
    try:
        return list(services.retriever.catalog().models)
    except Exception:
        return []


def llm_label(settings: Settings) -> str | None:
    """The chat model in use, with its structured-output method once the endpoint has been used (e.g.
    ``smollm2 · function_calling (json_schema failed)``), or None for the offline interviewer (same rule
    as build_llm)."""
    if settings.llm_model and (settings.llm_base_url or settings.llm_api_key):
        from assistant.llm import status_label

        method = status_label(settings)
        return f"{settings.llm_model} · {method}" if method else settings.llm_model
    return None


def llm_problem(settings: Settings, lang: str) -> str | None:
    """Banner text when a configured LLM endpoint is down (refuses connections), busy (connects but does not
    answer /models in time) or failing (5xx); see ``assistant.llm_health``."""
    if not llm_label(settings) or not settings.llm_base_url:
        return None
    from assistant.llm_health import problem

    return problem(settings, lang)
