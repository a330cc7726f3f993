"""Names of the same thing in other words: "the church people" for "Tampere Evangelical Lutheran Parish
Union", "Malax" for "Maalahti", "MLL" for "Mannerheimin Lastensuojeluliiton Lapin piiri", "opot" for
"opinto-ohjaajat". Stems cannot find these, and people use them all the time when they correct a card.

The groups are data (``knowledge/aliases.yaml``); this module only says which groups a text names and where.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from assistant.resources import shipped
from assistant.textproc import words

Entry = tuple[tuple[str, bool], ...]  # (word start, exact) per word


@lru_cache(maxsize=1)
def _entries() -> dict[str, list[tuple[str, Entry]]]:
    """First letter → (group, entry), longest entries first so "red cross" wins over a one-word start."""
    data = yaml.safe_load(shipped("knowledge", "aliases.yaml").read_text(encoding="utf-8")) or {}
    out: dict[str, list[tuple[str, Entry]]] = {}
    for groups in data.values():
        for group, entries in (groups or {}).items():
            for raw in entries or []:
                parts = tuple((w.rstrip("$"), w.endswith("$")) for w in str(raw).lower().split())
                if parts and parts[0][0]:
                    out.setdefault(parts[0][0][0], []).append((str(group), parts))
    for lst in out.values():
        lst.sort(key=lambda x: -len(x[1]))
    return out


def _word_matches(word: str, part: tuple[str, bool]) -> bool:
    start, exact = part
    return word == start if exact else word.startswith(start)


# an abbreviation with its Finnish case ending: "MLL:ää", "SPR:n", "STEA:n"
ABBREVIATION_CASE = re.compile(r"\b([A-ZÅÄÖ]{2,}):[a-zåäö]{1,5}\b")


def tokens(text: str) -> list[str]:
    """The text's words as ``spans`` counts them ("MLL:ää" is one word, "mll")."""
    return words(ABBREVIATION_CASE.sub(r"\1", text))


@lru_cache(maxsize=8192)
def spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """(group, first word, end word) for each name of a group in the text, by ``tokens`` index."""
    toks = tokens(text)
    table = _entries()
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        hit = None
        for group, parts in table.get(toks[i][:1], []):
            n = len(parts)
            if i + n <= len(toks) and all(_word_matches(toks[i + k], parts[k]) for k in range(n)):
                hit = (group, i, i + n)
                break
        if hit:
            found.append(hit)
            i = hit[2]
        else:
            i += 1
    return tuple(found)


def groups(text: str) -> frozenset[str]:
    """The groups a text names."""
    return frozenset(g for g, _, _ in spans(text))


def covered(text: str) -> frozenset[int]:
    """Indexes of the words (``tokens``) that are part of a named group."""
    return frozenset(k for _, a, b in spans(text) for k in range(a, b))
