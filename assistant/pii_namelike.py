"""How much a single word *looks like* a person's name, from its letters alone, for the name reader
(``pii_model``).

The hand-written first-name list knows the names it was written from; a client called "Jokke", "Lamai" or
"Farhiya" is only a capitalised word to it, and so is "Fallbeskrivning" or "Eräs". Spelling tells them apart
well beyond any list: names and ordinary words of a language are made of different letter runs ("-kke",
"-iya", "Nyström" against "-ning", "-ssa", "-tion"). A naive Bayes log-odds over character 2–4-grams is
fitted, once per process, on names against words that were never written from the labelled cases:

- names: Faker's first *and* last names of the locales in ``pii_locale_names.LOCALES`` (shipped with the
  package; Cyrillic ones transliterated the same way), the Finnish ones also in their commonest case forms;
- words: the project's own common words (the bank, its views, prompts, interview cases, stop words: the
  ``common`` set stored with the weights), Faker's common English and Danish words, and known places
  (``knowledge/places.txt`` and Faker's Finnish and Swedish cities), which are capitalised like names.

A word on both sides is left out of both. Nothing is downloaded and nothing is fitted on the PII cases, so the
feature means the same inside and outside the cross-validation folds.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from functools import lru_cache

from assistant.pii_locale_names import _CYRILLIC, LOCALES, _fold, _transliterate, locale_first_names, ordinary_words

_NGRAMS = (2, 3, 4)
_WORDLIKE = re.compile(r"[^\W\d_]{3,}")
_CITY_LOCALES = ("fi_FI", "sv_SE", "en_GB", "no_NO", "da_DK")


def _grams(word: str) -> list[str]:
    """Letter runs of the lowercased word between boundary marks ("^jo", "kke$")."""
    w = f"^{word}$"
    return [w[i:i + n] for n in _NGRAMS for i in range(len(w) - n + 1)]


@lru_cache(maxsize=1)
def last_names() -> frozenset[str]:
    """Faker's surnames of ``LOCALES``, lowercased, with and without diacritics."""
    out: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        attrs = ("last_names", "last_names_female", "last_names_male")
        raw = {n for attr in attrs for n in getattr(provider, attr, ())}
        if loc in _CYRILLIC:
            table = dict(importlib.import_module(f"faker.providers.internet.{loc}").Provider.replacements)
            raw = {t for n in raw for t in _transliterate(n, table)}
        for name in raw:
            for part in re.split(r"[\s-]+", name.lower()):
                out |= {w for w in (part, _fold(part)) if _WORDLIKE.fullmatch(w)}
    return frozenset(out)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from assistant.edits import place_names

    out = {p for p in place_names() if _WORDLIKE.fullmatch(p)}
    for loc in _CITY_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.address.{loc}").Provider
        except ImportError:
            continue
        out |= {c.lower() for c in getattr(provider, "cities", ()) if _WORDLIKE.fullmatch(c.lower())}
    return frozenset(out)


_FI_ENDINGS = ("n", "lle", "llA", "ltA", "ssA", "stA", "ksi", "nA")


def finnish_forms(name: str) -> set[str]:
    """A Finnish name in its commonest case forms ("virtanen" → "virtasella", "aino" → "ainolle", "ahmed" →
    "ahmedille"), since notes inflect names as often as not and the word side is full of inflected words."""
    harmony = "a" if re.search(r"[aou]", name) else "ä"
    if name.endswith("nen"):
        stem, forms = name[:-3] + "se", {name[:-3] + "s" + "t" + harmony}
    else:
        stem, forms = (name if name[-1] in "aeiouyäö" else name + "i"), set()
    return forms | {stem + e.replace("A", harmony) for e in _FI_ENDINGS}


class NameLikeness:
    """Naive Bayes over letter runs: log P(grams | name) − log P(grams | word), per gram (length-free)."""

    def __init__(self, names: frozenset[str], words: frozenset[str]) -> None:
        both = names & words
        name_counts: Counter[str] = Counter(g for n in names - both for g in _grams(n))
        word_counts: Counter[str] = Counter(g for w in words - both for g in _grams(w))
        vocab = set(name_counts) | set(word_counts)
        n_total, w_total, v = sum(name_counts.values()), sum(word_counts.values()), len(vocab) + 1
        self.ratio = {g: math.log((name_counts[g] + 1) / (n_total + v)) - math.log((word_counts[g] + 1) / (w_total + v))
                      for g in vocab}
        self.unseen = math.log(1 / (n_total + v)) - math.log(1 / (w_total + v))

    def score(self, word: str) -> float:
        """Mean log-odds per letter run that ``word`` is a name, squashed into (−1, 1)."""
        low = _fold(re.sub(r"['’]s?$", "", word.lower()))
        grams = _grams(low)  # never empty: at least the two boundary marks
        return math.tanh(sum(self.ratio.get(g, self.unseen) for g in grams) / len(grams))


@lru_cache(maxsize=2)
def likeness(common: frozenset[str]) -> NameLikeness:
    """The model for the reader's common words (fitted in about a second, once per process)."""
    names = set(locale_first_names() | last_names())
    names |= {f for n in _finnish_names() for f in finnish_forms(n)}
    words = frozenset(w for w in common | ordinary_words() | _places() if _WORDLIKE.fullmatch(w))
    return NameLikeness(frozenset(names), words)


@lru_cache(maxsize=1)
def _finnish_names() -> frozenset[str]:
    provider = importlib.import_module("faker.providers.person.fi_FI").Provider
    raw = {n for attr in ("first_names", "first_names_female", "first_names_male", "last_names")
           for n in getattr(provider, attr, ())}
    return frozenset(n.lower() for n in raw if _WORDLIKE.fullmatch(n.lower()))
