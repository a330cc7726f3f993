"""One word taken out of what the card says: "Andra målet – stryk ordet svensk", "ota sana 'kaikille' pois
siitä tavoitteesta", "remove the word 'all' from the goals". People keep an item and drop a word that promises too
much or is wrong; the item stays as written, without that word. Pure: message and card in."""

from __future__ import annotations

import re

_STRIKE = re.compile(
    r"(?:\b(?:stryk|ta\s+bort|radera|remove|delete|drop|take\s+out|cut|poista|ota\s+pois|ota|jätä\s+pois)\s+"
    r"(?:the\s+)?(?:ordet|word|sana|sanan)\s+['\"“”‘’]?(?P<a>[\wåäöÅÄÖ-]+)['\"“”‘’]?|"
    r"\b(?:ordet|the\s+word|sana)\s+['\"“”‘’]?(?P<b>[\wåäöÅÄÖ-]+)['\"“”‘’]?\s+(?:kan|ska|can|pois|bort|has\s+to|"
    r"must|should|saa|voi|pitää))", re.IGNORECASE)


def struck_word(text: str) -> str | None:
    """The word the message takes out, as said; None when it takes out none."""
    m = _STRIKE.search(text)
    return (m.group("a") or m.group("b")) if m else None


def without_word(value: str, word: str) -> str:
    """``value`` without ``word`` (whole word, any case) and the space it leaves."""
    out = re.sub(rf"\s*(?<![\wåäö-]){re.escape(word)}(?![\wåäö-])", "", value, count=1, flags=re.IGNORECASE)
    return out.strip()
