"""What the card says, quoted, and what is right instead: "the ward visits say monday and wednesday, its tuesday
and thursday now", "i beskrivningen står de att stallet ligger i Esse men de ligger i Purmo", "siinä lukee et
kokoonnutaan kirjastossa, mut se on nuorisotalolla". People quote the summary and answer it; the words that
differ between the quote and the answer are the fix, each where the card writes it. Pure: text and card in.
"""

from __future__ import annotations

import re

_SAYS = re.compile(
    r"\b(?:says?|reads?|it\s+says|står\s+de[t]?|står\s+det|lukee|sanotaan|on\s+kirjoitettu|kirjoitit|you\s+wrote|"
    r"du\s+skrev|i\s+said|sanoin|jag\s+sa|ja\s+sa)\s+(?:(?:that|att|et|että)\s+)?(?P<x>[^,.;!?]{2,60}?)\s*(?:[,;]\s*|\s+(?:but|men|mut|mutta)\s+)"
    r"(?:(?:but|men|mut|mutta)\s+)?(?:it'?s|its|it\s+is|they'?re|they\s+are|de\s+e|det\s+är|det\s+e|de\s+är|"
    r"den\s+är|se\s+on|ne\s+on|(?:it|they|de|den|det|dom)\s+\w+)\s+(?:actually\s+|oikeesti\s+|egentligen\s+)?"
    r"(?P<y>[^,.;!?]{2,60}?)(?:\s+(?:now|nowadays|nu|numera|nykyään|nyt))?\s*"
    r"(?:\b(?:cos|because|since|koska|ku|kun|eftersom|för)\b[^.!?]*)?(?:[.!?]|$)", re.IGNORECASE)
_WORD = re.compile(r"[\wåäöÅÄÖ'’-]+")


def quoted_fix(text: str, card_text: str) -> list[tuple[str, str]] | None:
    """[(right, wrong), …] for the words that differ between the quote and the answer, when each wrong one is
    written on the card; None when the message quotes nothing or the two differ in more than three places."""
    m = _SAYS.search(text)
    if m is None:
        return None
    x, y = _WORD.findall(m.group("x")), _WORD.findall(m.group("y"))
    if not y or len(y) > len(x):
        return None
    xs = x[-len(y):]  # "stallet ligger i Esse" / "i Purmo": the answer says again the end of the quote
    pairs: list[tuple[str, str]] = []
    run: list[int] = []
    for i, (a, b) in enumerate(zip(xs, y, strict=True)):
        if a.lower() != b.lower():
            run.append(i)
            continue
        if run:
            pairs.append((" ".join(y[run[0]:run[-1] + 1]), " ".join(xs[run[0]:run[-1] + 1])))
            run = []
    if run:
        pairs.append((" ".join(y[run[0]:run[-1] + 1]), " ".join(xs[run[0]:run[-1] + 1])))
    low = card_text.lower()
    if not pairs or len(pairs) > 3 or not all(
            re.search(rf"(?<![\wåäö]){re.escape(w.lower())}(?![\wåäö])", low) for _, w in pairs):
        return None
    return pairs
