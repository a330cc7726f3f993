"""One item of a named list field said again by its right name: "korjaus toimijoihin: se eläkeläisyhdistys on
Loimaan Kyläseniorit ry, kirjota se nimi sinne", "aktörerna: föreningen är Folkhälsan i Korsholm". The item that
says "eläkeläisyhdistys" becomes "Loimaan Kyläseniorit ry" and the rest of the field stays (the whole actors list
was once replaced by the remark "Kirjota se nimi sinne ko ne on nii ylpeitä siit"). Pure: message and items in.
"""

from __future__ import annotations

import re

_IS = re.compile(r"^(?:(?:se|ne|toi|tuo|the|det|den|de|dom)\s+)?(?P<x>[^,.;:]{3,60}?)\s+(?:on|ovat|oli|olivat|"
                 r"är|e|va|is|are|was|were)\s+(?:nimeltään\s+|oikeasti\s+|oikeesti\s+|called\s+|actually\s+|"
                 r"egentligen\s+|nykyään\s+|nykyisin\s+|nyt\s+|now\s+|nowadays\s+|numera\s+|nu\s+|"
                 r"nuförtiden\s+)?(?P<y>[^,.;]{3,80}?)\s*$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"\b(?:ei|eivät|not|inte|int|mukana|myös|also|också|väärin|fel|wrong|oikein|rätt|right)\b",
                         re.IGNORECASE)


def _spells(item: str, phrase: str) -> bool:
    """Each word of the phrase is written in the item, in some case form ("metsästysseuran" for "metsästysseura";
    not "Seniorineuvola" for "eläkeläisyhdistys", as a topic match would have it)."""
    said = [w.lower() for w in re.findall(r"[^\W\d_]{4,}", phrase)]
    card = [w.lower() for w in re.findall(r"[^\W\d_]+", item)]
    return bool(said) and all(any(c.startswith(w[:max(4, min(8, len(w) - 2))]) for c in card) for w in said)


def renamed(text: str, items: list[str]) -> tuple[int, str, str] | None:
    """(index of the item, the wrong words, the right name) or None unless exactly one item says the wrong ones."""
    body = text.split(":", 1)[1] if ":" in text[:40] else text
    first = re.split(r"[,;]\s|\.\s|\s[–—-]\s", body.strip(), maxsplit=1)[0].strip().rstrip(".!")
    m = _IS.match(first)
    if not m or _NOT_A_NAME.search(first):
        return None
    x, y = m.group("x").strip(), m.group("y").strip()
    if len(x.split()) > 4 or not y[:1].isupper() and not re.search(r"\b(?:ry|rf|oy|ab|ltd)\b", y, re.IGNORECASE):
        return None  # a name is written with a capital ("Loimaan Kyläseniorit ry"), not "on hyvä juttu"
    hits = [i for i, item in enumerate(items) if _spells(item, x)]
    return (hits[0], x, y) if len(hits) == 1 else None


_NOW = re.compile(r"(?<![\wåäö])(?:nykyään|nykyisin|nyt|now|nowadays|numera|nu|nuförtiden)(?![\wåäö])", re.IGNORECASE)


def renamed_now(text: str, items: list[str]) -> tuple[int, str, str] | None:
    """``renamed`` for a message that is no correction by its words: only "X on nykyään Y", "X is now Y" (a
    name said of what the card holds, said to have changed), never "X on Lapin suurin kunta"."""
    first = re.split(r"[,;]\s|\.\s|\s[–—-]\s", text.strip(), maxsplit=1)[0]
    return renamed(text, items) if _NOW.search(first) else None

