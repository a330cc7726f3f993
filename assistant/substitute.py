"""A short wrong phrase written out in a card value, replaced by the short right one in place ("Tuesdays not
Thursdays", "tolv lektioner" for "tio", "its the pharmacist who calls, not a nurse"). Pure: the card value in,
the new value (or None when the phrase is not written there) out; used by ``corrections``."""

from __future__ import annotations

import re
from typing import Any

from assistant import numberwords
from assistant.card_words import _counterpart, _inflected_match, _number_like
from assistant.items import new_only
from assistant.phrase_swap import swap_phrase
from assistant.rightwrong import number_base


def substitute(current: Any, fld: str, new: str, removed: list[str], lang: str) -> Any:
    """A short wrong phrase written out in the value, replaced by the short right one in place."""
    plain = [re.sub(r"^(?:a|an|the)\s+", "", r, flags=re.IGNORECASE) for r in removed]  # "the University of X"
    said = " ".join(current) if isinstance(current, list) else str(current or "")
    if len(plain) == 1 and plain != removed and len(plain[0].split()) >= 2 and ";" not in new and \
            len(new.split()) <= 6 and re.search(rf"(?<![\wåäö]){re.escape(plain[0])}(?![\wåäö])", said, re.IGNORECASE):
        removed = plain  # a name written out on the card, said with "the"
    if len(removed) != 1 or not new or len(removed[0].split()) > 3 or fld in ("stage", "name"):
        return None
    first = re.split(r"(?<=[.!?;])\s+", new.strip())[0].rstrip(".!?; ")
    if first != new.strip() and len(first.split()) <= 3:  # "neljässä vuodessa. Liioittelin vähän": the value,
        new = first  # not the remark told after it
    items = current if isinstance(current, list) else [str(current or "")]
    # "maanantaisin ja keskiviikkoisin" for "perjantaisin" beside "maanantaisin": only the new day
    new = next((new_only(i, removed[0], new) for i in items if removed[0] in i), new)
    by_value = numberwords.swap(items, removed[0], new)  # "800" on the card for "kaheksaasataa" said
    if by_value is not None:
        return by_value if isinstance(current, list) else by_value[0]
    # "tolv lektioner" for "tio", "maximum four families" for "five": a wrong number followed by the unit
    # the right one has; only the number changes
    # ("16 to 25, not 29": the last one; "it was 380 people" for 410: the only one)
    numbers = [m for m in re.finditer(r"\d+[.,]\d+|[\w-]+", new)  # "5,50" is one number; not the wrong one
               # repeated in a remark
               if _number_like(m.group(0)) and m.group(0).lower() != removed[0].lower()] \
        if _number_like(removed[0]) else []
    # "Oulu University of Applied Sciences, not the University of Oulu": a name written out is swapped whole
    core = re.sub(r"^(?:a|an|the)\s+", "", removed[0], flags=re.IGNORECASE)  # "a nurse" is one word said
    written = len(core.split()) >= 2 and re.search(rf"(?<![\wåäö]){re.escape(core)}(?![\wåäö])", said,
                                                   re.IGNORECASE)
    verbatim = re.search(rf"(?<![\wåäö]){re.escape(removed[0])}(?![\wåäö])", said, re.IGNORECASE)
    if not numbers and " " not in removed[0].strip() and (len(new.split()) > 1 or not verbatim):
        phrased = swap_phrase(current, new, removed[0], lang)  # "Kisakallion urheiluopistolla eikä Kiljavalla"
        if phrased is not None:
            return phrased
    if len(new.split()) > 3 and not numbers and not written:  # "its the pharmacist who calls, not a nurse": the
        removed = [core]
        new = _counterpart(new, " ".join(current) if isinstance(current, list) else str(current or ""),
                           lang, removed[0]) if len(removed[0].split()) == 1 else ""  # one new word
        if not new:
            return None
    base = number_base(removed[0])  # "kuus" or "kolmea" said, "kuusi" or "kolme" written
    spelled = [removed[0]] + ([base] if base and base != removed[0].lower() else [])
    pattern = re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(w) for w in spelled) + r")(?![\wåäö])",
                         re.IGNORECASE)

    said_range = re.search(r"\d+\s*[–-]\s*\d+", new) if _number_like(removed[0]) else None

    def swap(item: str) -> str:
        if said_range:  # "16–29, inte 15": the card's range with the wrong end becomes the one said
            for m in re.finditer(r"(\d+)\s*([–-])\s*(\d+)", item):
                if removed[0] in (m.group(1), m.group(3)):
                    return item[:m.start()] + said_range.group(0) + item[m.end():]

        def one(m: re.Match[str]) -> str:  # "70 prosentilla" + "60 prosenttia" → "60 prosentilla"
            if not numbers:  # "Tuesdays" for "wednesdays": written as the card writes it
                said = _without_context(new, item[:m.start()], item[m.end():])
                return said[:1].upper() + said[1:] if m.group(0)[:1].isupper() else said
            after = re.match(r"\s+(\w+)", item[m.end():])
            said = next((n.group(0) for n in numbers if (unit := re.match(r"\s+(\w+)", new[n.end():])) and after
                         and after.group(1).lower()[:5] == unit.group(1).lower()[:5]), numbers[-1].group(0))
            return said[:1].upper() + said[1:] if m.group(0)[:1].isupper() else said  # "Fem" → "Fyra"
        return pattern.sub(one, item)

    if not any(pattern.search(i) for i in (current if isinstance(current, list) else [str(current or "")])):
        inflected = _inflected_match(current, removed[0], new)
        if inflected is None:
            return None
        pattern, new = inflected
    if isinstance(current, list):
        if not any(pattern.search(i) for i in current):
            return None
        return [swap(i) for i in current]
    if isinstance(current, str) and pattern.search(current):
        return swap(current)
    return None


def _without_context(new: str, before: str, after: str) -> str:
    """The right phrase less the words the card already writes around the wrong one: "neljässä vuodessa" for
    "kolmessa" in "kolmessa vuodessa" is "neljässä", so the card does not read "neljässä vuodessa vuodessa"."""
    said = new.split()
    nxt = re.findall(r"[\wåäö-]+", after)
    prev = re.findall(r"[\wåäö-]+", before)
    while len(said) > 1 and nxt and said[-1].lower().strip(".,;:!?") == nxt[0].lower():
        said, nxt = said[:-1], nxt[1:]
    while len(said) > 1 and prev:
        first = said[0].lower().strip(".,;:!?")
        if first == prev[-1].lower():
            said, prev = said[1:], prev[:-1]
        elif first in _LEADING and prev[-1].lower() in _LEADING:  # "in the old fire station" where the card
            said = said[1:]  # writes "of the youth centre": "old fire station"
        else:
            break
    return " ".join(said)


# small words that open a place or a thing without being it: the card writes its own before the wrong phrase
_LEADING = frozenset("in at on of to from the a an i på vid till från av".split())
