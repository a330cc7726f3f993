"""A field said anew often opens by denying what the card says: "ei me mitään kyselyä lähetetä. me tehään …",
"Vi har ingen enkät, vi följer upp …", "we dont send a survey, we count …". The denial is about the old value,
not part of the new one, so it is left out of what is written; so is a sentence on where the wrong value came
from ("it was my colleagues old info."). Pure functions over strings."""

from __future__ import annotations

import re

from assistant.card_words import _shared

_NEG = re.compile(r"(?<![\wåäö'])(?:ei|eikä|emme|eivät|ette|en|inte|int|ingen|inga|inget|aldrig|not|no|"
                  r"don'?t|doesn'?t|isn'?t|aren'?t|never|none|nothing)(?![\wåäö'])", re.IGNORECASE)
# a clause that says what is right in its place ("ei kyselyä vaan havainnointi") is a swap, not a denial
_INSTEAD = re.compile(r"(?<![\wåäö])(?:vaan|utan|but|instead|tilalle|istället)(?![\wåäö])", re.IGNORECASE)
# a sentence on where the wrong value came from: "it was my colleagues old info.", "sekotin sen toiseen hankkeeseen."
_SOURCE = re.compile(r"(?<![\wåäö])(?:old\s+info|outdated|vanhaa?\s+tieto|vanhentunutta|gammal\s+(?:info|uppgift)|"
                     r"gamla\s+uppgifter|my\s+(?:mistake|bad)|mixed\s+(?:it\s+|them\s+)?up|got\s+(?:it|that)\s+wrong|"
                     r"typo|sekotin|sekoilin|kirjotusvirhe|kirjoitusvirhe|mun\s+moka|mitt\s+fel|blandade\s+ihop|"
                     r"skrivfel)(?![\wåäö])", re.IGNORECASE)
_PIECE = re.compile(r"^(?P<piece>[^.!?;,]+)(?P<end>[.!?;,]+\s+|\s+-\s+|\s+–\s+)(?P<rest>\S.*)$", re.DOTALL)


def without_denial(text: str, current: object, lang: str) -> str:
    """The new value without the leading sentences or clauses that deny the card's own words; the text as it
    is when nothing after the denial is left to write."""
    old = " ".join(current) if isinstance(current, list) else str(current or "")
    out = text.strip()
    while old:
        m = _PIECE.match(out)
        if not m or len(m.group("rest").split()) < 3:
            break
        piece = m.group("piece")
        if _SOURCE.search(piece) and m.group("end").strip()[:1] in ".!?":
            out = m.group("rest")
            continue
        head = " ".join(piece.split()[:3])  # "Vi har ingen enkät": the denial opens the clause, which is short
        if not _NEG.search(head) or len(piece.split()) > 8 or _INSTEAD.search(piece) or not _shared(old, piece, lang):
            break
        out = m.group("rest")
    if out != text.strip() and out[:1].islower() and text.strip()[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out
