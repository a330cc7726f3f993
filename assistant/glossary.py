"""Cross-language query expansion from a trilingual domain glossary (``knowledge/glossary.yaml``).

There is no machine translation offline. A Swedish or English query finds Finnish records lexically
once its domain terms are expanded with their Finnish (and Swedish/English) equivalents.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from assistant.resources import shipped
from assistant.textproc import LANGS, stems

DEFAULT_GLOSSARY = shipped("knowledge", "glossary.yaml")
MAX_N = 3


class Glossary:
    """Concepts with terms per language; terms indexed by their stem sequence in their own language."""

    def __init__(self, concepts: list[dict[str, list[str]]]) -> None:
        self.concepts = concepts
        self.index: dict[str, dict[tuple[str, ...], int]] = {lang: {} for lang in LANGS}
        self.stems: list[dict[str, list[str]]] = []
        for cid, concept in enumerate(concepts):
            per_lang: dict[str, list[str]] = {}
            for lang in LANGS:
                out: list[str] = []
                for term in concept.get(lang, []):
                    seq = tuple(stems(term, lang))
                    if seq and len(seq) <= MAX_N:
                        self.index[lang].setdefault(seq, cid)
                        out += [s for s in seq if s not in out]
                per_lang[lang] = out
            self.stems.append(per_lang)

    def concepts_in(self, text: str) -> set[int]:
        """Concepts whose term (1–3 stemmed words) occurs in the text, in any of the three languages."""
        found: set[int] = set()
        for lang in LANGS:
            seq = stems(text, lang)
            for n in range(1, MAX_N + 1):
                for i in range(len(seq) - n + 1):
                    cid = self.index[lang].get(tuple(seq[i : i + n]))
                    if cid is not None:
                        found.add(cid)
        return found

    def terms(self, text: str, lang: str) -> list[str]:
        """First term in ``lang`` of each concept found in the text (for a mixed-language dense query)."""
        out: list[str] = []
        for cid in sorted(self.concepts_in(text)):
            words = self.concepts[cid].get(lang, [])
            if words and words[0] not in out:
                out.append(words[0])
        return out

    def expand(self, text: str) -> list[str]:
        """Stems of every language's terms for the concepts found in the text."""
        out: dict[str, None] = {}
        for cid in sorted(self.concepts_in(text)):
            for lang in LANGS:
                for s in self.stems[cid][lang]:
                    out.setdefault(s, None)
        return list(out)


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None) -> Glossary:
    p = Path(path) if path else DEFAULT_GLOSSARY
    if not p.exists():
        return Glossary([])
    data = yaml.safe_load(p.read_text(encoding="utf-8")) or []
    return Glossary([{k: [str(t) for t in v] for k, v in c.items() if k in LANGS} for c in data])
