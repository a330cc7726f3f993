"""Localised short texts from ``prompts/i18n.yaml`` (fi default, sv, en)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.resources import shipped

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROMPTS = shipped("prompts")


@lru_cache(maxsize=8)
def _load(prompts_dir: str) -> dict[str, dict[str, str]]:
    with open(Path(prompts_dir) / "i18n.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {str(k): {str(lk): str(lv) for lk, lv in v.items()} for k, v in data.items()}


_ACTIVE: ContextVar[Path | None] = ContextVar("parastelu_prompts_dir", default=None)


@contextmanager
def using(prompts_dir: Path | None) -> Iterator[None]:
    """Every text said inside comes from this prompts directory (an evaluator's candidate prompts reach
    every reply, reason and next step, not only the questions)."""
    token = _ACTIVE.set(prompts_dir)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def t(key: str, lang: str = "fi", prompts_dir: Path | None = None, **fmt: Any) -> str:
    """Text for ``key`` in ``lang`` (falls back to Finnish, then to the key itself)."""
    texts = _load(str(prompts_dir or _ACTIVE.get() or DEFAULT_PROMPTS)).get(key, {})
    text = texts.get(lang) or texts.get("fi") or key
    return text.format(**fmt) if fmt else text
