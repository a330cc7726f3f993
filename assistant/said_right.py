"""Parts of a correction that only say what is right ("tuusniemi ja leppävirta on oikein", "Pedersöre stämmer",
"time is same"): they confirm the card and are no new value, so they are set aside before the correction is read.
"""

from __future__ import annotations

import re

_RIGHT = (r"(?:oikein|oikeen|oikeat?|ok|okei|kunnossa|koh(?:d)?allaan|sama|samat|samana|right|correct|fine|okay|"
          r"the\s+same|same|ok|rätt|riktig[at]?|korrekt)")
# a short subject, a copula (spoken "e", none in "time same"), a softener, a word for "right"
_SAID_RIGHT = re.compile(
    r"^\s*(?:(?:mut|mutta|men|but|ja|och|and|o|å)\s+)?(?P<x>[^.,;:!?]{1,50}?)\s+"
    r"(?:(?:(?:on|ovat|oli|olivat|e|är|va|var|is|are|was|were|'s|s)\s+)?(?:kyl(?:lä)?\s+|ihan\s+|nog\s+|still\s+|"
    rf"fortfarande\s+)?{_RIGHT}|stämmer(?:\s+(?:nog|fortfarande|ju))?|pitää\s+paikkansa)\s*[.!]*\s*$",
    re.IGNORECASE)
# the parts a message may end with: a sentence, or a clause after a comma
_LAST = re.compile(r"(?:(?<=[.!?])\s+|,\s+)(?P<part>[^.!?,]+[.!]*)\s*$")


def without_right_parts(text: str) -> str:
    """The message without a closing sentence or clause that only says some part of the card is right; the
    message itself when nothing else would remain."""
    m = _LAST.search(text)
    if m is None or not _SAID_RIGHT.match(m.group("part")):
        return text
    rest = text[:m.start()].rstrip(" ,;")
    return rest if len(rest.split()) >= 2 else text
