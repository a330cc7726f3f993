"""A place or a thing said right and then the wrong one in another case ("leiri on Kisakallion urheiluopistolla
eikä Kiljavalla" on a card that says "Kiljavan opistolla", "Runosmäen asukastalossa eikä Varissuolla" for
"Varissuon asukastalon salissa"): the card's word that shares the wrong one's stem is swapped for the right
one, with the word after it when the right phrase names that too, written in the card's case where the card
writes a genitive. Pure: the card value in, the new value (or None) out; used by ``substitute``."""

from __future__ import annotations

import re
from os.path import commonprefix
from typing import Any

_WORD = re.compile(r"[\wåäöÅÄÖ][\wåäöÅÄÖ'’-]*")
_PLACE_CASE = re.compile(r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä)$")
_SEVERAL = re.compile(r"(?<![\wåäö])(?:ja|och|å|and|sekä|tai|eller|or)(?![\wåäö])", re.IGNORECASE)
_FILLER = frozenset("nyt nykyään nykyisin now nu enää ihan just bara vain only siis".split())


def _same(card: str, said: str) -> bool:
    """One word in two cases ("Kiljavan", "Kiljavalla"): a shared start of at least five letters that leaves
    at most four of either."""
    stem = commonprefix([card.lower(), said.lower()])
    return len(stem) >= 5 and len(card) - len(stem) <= 4 and len(said) - len(stem) <= 4


def _names_too(card: str, said: str) -> bool:
    """The right phrase names the card's next word as well ("asukastalossa" for "asukastalon", "urheiluopistolla"
    for "opistolla")."""
    c = _PLACE_CASE.sub("", card.lower()).rstrip("n")
    return len(c) >= 4 and (_same(card, said) or c in said.lower()[1:])


def _in_case(word: str, card: str, lang: str) -> str:
    """The word in the card word's case where the card writes a genitive and the word was said in a place case
    ("Kisakalliossa" → "Kisakallion"); as said otherwise."""
    m = _PLACE_CASE.search(word.lower())
    if lang == "fi" and card.lower().endswith("n") and not _PLACE_CASE.search(card.lower()) and m and m.start() >= 3:
        return word[:m.start()] + "n"
    return word


def swap_phrase(current: Any, right: str, wrong: str, lang: str) -> Any:
    """The value with the wrong word (and the next one, when the right phrase names it) replaced; None when
    the card does not write the wrong word exactly once."""
    right = re.split(r"[,.;:!?](?:\s|$)", right.strip())[0]  # "Ylivieskassa, kirjotin väärän kaupungin"
    if _SEVERAL.search(right):
        return None  # "vi har Närpes och Kristinestad": more than one thing said right
    said = [w for w in _WORD.findall(right) if w.lower() not in _FILLER]
    if not said or len(said) > 6 or " " in wrong.strip() or len(wrong) < 5 or any(c.isdigit() for c in wrong):
        return None
    items = list(current) if isinstance(current, list) else [str(current or "")]
    hits = [(k, m) for k, item in enumerate(items) for m in _WORD.finditer(item) if _same(m.group(0), wrong)]
    if len(hits) != 1:
        return None
    k, hit = hits[0]
    item = items[k]
    nxt = _WORD.match(item, hit.end() + 1) if item[hit.end():hit.end() + 1] == " " else None
    if len(said) >= 2 and nxt and _names_too(nxt.group(0), said[-1]) and not _same(hit.group(0), said[-2]) \
            and said[-2][:1].isupper():
        new, stop = f"{_in_case(said[-2], hit.group(0), lang)} {_in_case(said[-1], nxt.group(0), lang)}", nxt.end()
    elif _same(hit.group(0), said[-1]) or not said[-1][:1].isupper():
        return None  # one word alone is swapped only when it is a name ("Tikkurilassa eikä Myyrmäessä")
    else:  # a name of several words said whole ("vaan Kainuun Naisilta")
        run = len(said) - 1
        while run > 0 and said[run - 1][:1].isupper() and len(said) - run < 3:
            run -= 1
        new, stop = " ".join(said[run:-1] + [_in_case(said[-1], hit.group(0), lang)]), hit.end()
    if hit.start() == 0 and new[:1].islower():
        new = new[:1].upper() + new[1:]
    items[k] = item[:hit.start()] + new + item[stop:]
    return items if isinstance(current, list) else items[0]
