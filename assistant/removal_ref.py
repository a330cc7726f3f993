"""A removal said in words the command lists do not hold: "siitä tavotteesta missä puhutaan ylipainosta, se saa
lähtee pois", "please take Kirkkonummi away from areas", "the part about the spring trip please delete".

Read from two things only: a removal verb in one sentence (its particle may stand apart from the verb, "take X
away", "ottaa X pois", "ta X bort"), and exactly one card item or sentence that this sentence's words point at,
compared by Snowball stems so that case forms still meet ("ylipainosta" / "ylipaino", "ungdomarna" /
"ungdomar"). The reason told around it ("ei haluta et …", "riverside pulled out") is not stored. Kept apart from
the phrase readers because it reads the card, which they do not.
"""

from __future__ import annotations

import math
import re
from os.path import commonprefix
from typing import Any

from assistant.items import sentences
from assistant.schema import LIST_FIELDS
from assistant.textproc import EVERYDAY, stems
from assistant.understand import Correction

_W = r"[^\s.!?;]+"  # one word of the same sentence
# "delete" said as a request (an imperative, a modal, "please"): "poista", "voi poistaa", "stryk", "please delete",
# "should be removed"; not "tavoitteena on poistaa jonot", "we remove barriers", which answer a question
_STRONG = {
    "fi": re.compile(r"\b(?:poista|poistakaa|poistetaan|poistaisitko|poistaisitteko|poistatko|pyyhi|pyyhkikää)\b|"
                     r"\b(?:voi|voit|voisit|vois|voisi|saa|sais|saisi|pitää|pitäis|pitäisi|kannattaa|täytyy|voitko|"
                     r"voisitko|voiks|voisiks|vois\s+sä)\s+(?:\S+\s+)?(?:poistaa|pyyhkiä)\b", re.I),
    "sv": re.compile(r"\b(?:stryk|radera)\b|\b(?:kan|ska|måste|bör|borde|får)\s+(?:\S+\s+)?(?:strykas|stryka|raderas|"
                     r"radera)\b", re.I),
    "en": re.compile(r"(?:^|[,;:–—-]\s*|\b(?:please|pls|can\s+you|could\s+you|would\s+you|you\s+can|you\s+could|"
                     r"should|must|need\s+to|needs\s+to)\s+(?:\S+\s+)?)(?:remove|delete|scrap)\b|\bget\s+rid\s+of\b|"
                     r"\b(?:should|must|can|needs\s+to|has\s+to)\s+be\s+(?:removed|deleted|scrapped)\b", re.I),
}
# a verb with its particle ("take … away") said as a request or with a modal: "we take the kids out" is a story
_PARTICLE = {
    "fi": re.compile(rf"\b(?:ota|ottaa|ottakaa|ottais\w*|ottaisit\w*|jätä|jättää|jättäkää|jättäis\w*|tiputa|tiputtaa|"
                     rf"pudota|pudottaa|heitä|heittää|karsi|karsia|vedä|vetää)\b(?:\s+{_W}){{0,5}}?\s+pois\b|"
                     rf"\b(?:saa|voi|vois|voisi|pitää|pitäis|pitäisi|kannattaa|täytyy|sais|saisi)\s+(?:{_W}\s+)?"
                     rf"(?:lähteä|lähtee|lähtiä|olla)\s+pois\b", re.I),
    "sv": re.compile(rf"\b(?:ta|tag|plocka|lyft|kasta)\b(?:\s+{_W}){{0,5}}?\s+bort\b|"
                     rf"\b(?:ska|kan|måste|bör|borde|får)\s+(?:{_W}\s+)?(?:tas\s+)?bort\b", re.I),
    "en": re.compile(rf"\b(?:please|pls|can\s+you|could\s+you|would\s+you|you\s+can|you\s+could|should|must|need\s+to)"
                     rf"\s+(?:{_W}\s+){{0,2}}(?:take|cross|strike|leave|cut|drop|rub)\b(?:\s+{_W}){{0,5}}?\s+"
                     rf"(?:out|away|off)\b|^\s*(?:take|cross|strike|leave|cut)\b(?:\s+{_W}){{0,5}}?\s+(?:out|away|off)\b|"
                     rf"\b(?:can|should|has\s+to|must|needs\s+to)\s+go\b(?=\s*(?:[,.;:!?–—-]|$))", re.I),
}
_CLAUSE = re.compile(r"\s*[,;:–—]\s*|\s+-\s+")
_NEGATED = {  # "ei saa poistaa", "don't remove", "ska inte strykas": the opposite of a removal
    "fi": re.compile(r"\b(?:ei|älä|älkää|eikä)\s+(?:\S+\s+)?(?:saa\s+|pidä\s+|tarvi\s+|tarvitse\s+)?"
                     r"(?:poist|pois|ota|jätä)", re.I),
    "sv": re.compile(r"\b(?:inte|int|aldrig)\s+(?:\S+\s+)?(?:stryk|ta\s+bort|radera|tas\s+bort|bort)", re.I),
    "en": re.compile(r"\b(?:don'?t|do\s+not|never|not|shouldn'?t|mustn'?t)\s+(?:\S+\s+)?"
                     r"(?:remove|delete|take|drop|cross)", re.I),
}


def _langs(lang: str) -> list[str]:
    """The message's language first: a Finn's English still says "poista" now and then."""
    return list(dict.fromkeys((lang, "fi", "sv", "en")))


def _removal_sentence(text: str, lang: str) -> str | None:
    """The one sentence that asks for a removal, or None (none, several, or a negated one)."""
    hits = []
    for s in sentences(text) or [text]:
        for lg in _langs(lang):
            if _STRONG[lg].search(s) or _PARTICLE[lg].search(s):
                if not _NEGATED[lg].search(s):
                    hits.append(s)
                break
    return hits[0] if len(hits) == 1 else None


def _items(draft: Any, card: list[str]) -> list[tuple[str, str]]:
    """(field, item): list items as they are, text fields sentence by sentence."""
    out: list[tuple[str, str]] = []
    for fld in card:
        if fld in ("stage", "name", "contact", "organisation", "summary"):
            continue
        value = getattr(draft, fld, None)
        if not value:
            continue
        parts = list(value) if fld in LIST_FIELDS else sentences(str(value))
        out.extend((fld, str(p)) for p in parts if str(p).strip())
    return out


def _meets(a: str, b: str) -> bool:
    """Two stems of the same word in two case forms: equal, or sharing a long beginning."""
    if a == b:
        return len(a) >= 3
    n = min(len(a), len(b))
    if n < 5:
        return False
    return len(commonprefix([a, b])) >= max(5, n - 2)


def _clause(said: str, lang: str) -> str:
    """The clause of the sentence that holds the removal verb ("please take Kirkkonummi away from areas")."""
    for part in _CLAUSE.split(said):
        if any(_STRONG[lg].search(part) or _PARTICLE[lg].search(part) for lg in _langs(lang)):
            return part
    return said


def _pointed(items: list[tuple[str, str]], text: str, lang: str) -> tuple[int | None, bool]:
    """(the index of the one item that clearly has more of the text's words than any other, rarer words counting
    more, or None; whether any item shares a word with the text at all)."""
    words = [w for w in dict.fromkeys(stems(text, lang)) if w not in EVERYDAY and not w.isdigit()]
    item_stems = [set(stems(item, lang)) for _, item in items]
    scores = [0.0] * len(items)
    for w in words:
        holding = [i for i, its in enumerate(item_stems) if any(_meets(w, s) for s in its)]
        for i in holding:
            scores[i] += math.log(1 + len(items) / len(holding))
    ranked = sorted(range(len(items)), key=lambda i: -scores[i])
    best, second = scores[ranked[0]], scores[ranked[1]]
    return (ranked[0] if best >= 1.0 and best >= 2 * second else None), best > 0


def referred_removal(draft: Any, card: list[str], text: str, lang: str) -> Correction | None:
    """The card item a removal request points at, as a command correction; None unless exactly one item
    clearly has more of the request's words than any other. The words of the verb's own clause decide; only
    when they point at nothing ("…, se saa lähtee pois") the whole sentence does."""
    said = _removal_sentence(text, lang)
    if said is None:
        return None
    items = _items(draft, card)
    if len(items) < 2:
        return None
    clause = _clause(said, lang)
    at, shared = _pointed(items, clause, lang)
    if not shared and clause != said:
        at, _ = _pointed(items, said, lang)
    if at is None:
        return None
    return Correction(field=None, text="", removed=[items[at][1]], command=True)
