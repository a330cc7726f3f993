"""The files that ship with parastelu: ``prompts/`` (question flow, texts, prototypes, LLM templates) and
``knowledge/`` (seed bank, glossary, schema, classifier weights, seed vectors).

They are package data of ``assistant`` under ``assistant/_data/``, found with ``importlib.resources``, so
an installed wheel runs from any directory. In the repository ``assistant/_data/prompts`` and
``assistant/_data/knowledge`` are symbolic links to the top-level ``prompts/`` and ``knowledge/``, so a
checkout and an editable install read (and ``parastelu train`` writes) the same files; a wheel holds copies.
Settings still point elsewhere when a user wants their own (``PARASTELU_PROMPTS_DIR``,
``PARASTELU_GLOSSARY``, and any bank given to ``parastelu ingest``).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def shipped(*parts: str) -> Path:
    """Path of a shipped file or directory, e.g. ``shipped("knowledge", "glossary.yaml")``."""
    found = files("assistant").joinpath("_data", *parts)
    return found if isinstance(found, Path) else Path(str(found))


SEED_BANK = shipped("knowledge", "models")
