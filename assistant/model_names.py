"""Whether a person names a bank model: "meillä pyörii Ohjaamo-tyyppinen piste", "vi har utbildats i PMTO",
"Barnahuksessa", "MST:n terapeutit", "the Incredible Years group".

Why: staff and practitioners who know a model call it by its short name, inflected, or by the name in
brackets ("Multisysteeminen terapia (MST)", "Ihmeelliset vuodet (Incredible Years)"), seldom by the record's
whole title. A name is read from every part of the title (before and after a dash, inside and outside
brackets, without "-toimintamalli", "-ohjelma"); a word of the text names a part when it starts with it and
adds at most a case ending. An acronym (MST, IPS, PMTO) must stand as a word of its own, in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# what the title adds to the name people use: "Ankkuri-toiminta", "FRIENDS-ohjelma", "KIMPPU-toimintamalli"
_TAIL = re.compile(r"[\s-]+(?:toimintamalli|toiminta|ohjelma|koulutukset|vanhemmuusohjelma|malli|model|modellen|"
                   r"programme|program|programmet)$", re.IGNORECASE)
_PARTS = re.compile(r"\s+[–—-]\s+|\(|\)|\s+-(?=\w)|[:!,]")
# parts of a title that say where or what kind, not the name: "(Norway)", "(Varsinais-Suomen hyvinvointialue)"
_NOT_A_NAME = frozenset(["suomi", "finland", "norway", "oregon", "varsinais suomen hyvinvointialue",
                         "pohjois karjalan hyvinvointialue", "etelä karjalan", "kansalaisaloite 2019",
                         "smoking prevention", "time out",
                         "elämä raiteilleen", "abc", "mvp"])
_ENDING = 6  # letters a case ending may add: "barnahus|ksessa", "ohjaamo|ssa", "klubitalo|lla"
_SHORT = 7  # a one-word name this short is also an everyday word: said with a capital, unless all is typed lowercase
_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,6}\d?$")
_WORD = re.compile(r"[\wåäöÅÄÖ]+")


@lru_cache(maxsize=4096)
def name_forms(title: str) -> tuple[tuple[str, ...], ...]:
    """The word sequences a person may name the model by (lowercase; an acronym keeps its capitals)."""
    forms: list[tuple[str, ...]] = []
    for part in [title, *_PARTS.split(title)]:
        part = _TAIL.sub("", part.strip(" ,.;&"))
        words = tuple(_WORD.findall(part))
        if not words or " ".join(words).lower() in _NOT_A_NAME:
            continue
        if len(words) == 1 and _ACRONYM.match(words[0]):
            forms.append(words)  # "MST", "PMTO"
        elif sum(len(w) for w in words) >= 6 and not all(_ACRONYM.match(w) for w in words):
            forms.append(tuple(w.lower() for w in words))
    return tuple(dict.fromkeys(forms))


def _names_form(words: list[str], low: list[str], form: tuple[str, ...], typed_low: bool) -> bool:
    n = len(form)
    acronym = n == 1 and bool(_ACRONYM.match(form[0]))
    short = n == 1 and len(form[0]) <= _SHORT and not typed_low  # "dog walkers" is not Walkers, "Walkersin" is
    for i in range(len(words) - n + 1):
        if acronym:
            if words[i] == form[0]:
                return True
            continue
        if short and not words[i][:1].isupper():
            continue
        if all(low[i + k] == form[k] for k in range(n - 1)) and _inflected(low[i + n - 1], form[-1]):
            return True
    return False


def _inflected(word: str, name: str) -> bool:
    """``word`` is ``name`` with a case ending; a long name's last letter may change ("barnahu|ksessa")."""
    if word.startswith(name):
        return len(word) - len(name) <= _ENDING
    return len(name) >= 7 and word.startswith(name[:-1]) and len(word) - len(name) + 1 <= _ENDING + 1


def names_model(text: str, titles: Iterable[str]) -> bool:
    """The text names the model by one of its titles (the record's and its other-language names)."""
    words = _WORD.findall(text)
    low = [w.lower() for w in words]
    typed_low = text == text.lower()
    return any(_names_form(words, low, form, typed_low) for title in titles for form in name_forms(title))
