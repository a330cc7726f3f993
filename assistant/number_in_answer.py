"""A number or an age range put right in one sentence of an answer to another question: "allt sker i en
krypterad videotjänst i appen … åldern e förresten 15–25, int 13–25. dom yngre hänvisas till skolkuratorn".

Why: people answer the question asked and fix an earlier number in the same message. Read whole, the message
was stored as the answer, the card's old range kept. A sentence that sets a range against the range the card
writes exactly once (or a number against a number, with "by the way", "sori", "korjaus" or the like in it)
changes that place, in the card's way of writing it; the other sentences are the answer. Pure: the message
and the card in, (field, new value, the rest of the message) out.
"""

from __future__ import annotations

import re
from typing import Any

from assistant import numberwords
from assistant.hedged import SENTENCES

# "by the way", "oh and", "sorry": a sentence that turns from the answer to the card
_ASIDE = re.compile(r"(?<![\wåäö])(?:förresten|för\s+resten|muuten|btw|by\s+the\s+way|oh\s+and|sori|sorry|förlåt|"
                    r"korjaus|korjaan|rättelse|correction|ai\s+niin|å\s+just\s+de|oho|hups|oops)(?![\wåäö])",
                    re.IGNORECASE)


def fixed_in_answer(text: str, card: dict[str, Any], asked: str) -> tuple[str, Any, str] | None:
    """(field, its value with the one number put right, the rest of the message) or None."""
    said = [s for s in SENTENCES.split(text.strip()) if s.strip()]
    if len(said) < 2:
        return None  # the whole message is the fix: the correction readers take it
    for i, sentence in enumerate(said):
        found = numberwords.pair(sentence)
        if found is None:
            continue
        right, wrong, _ = found
        ranges = numberwords.is_range(right) and numberwords.is_range(wrong)
        if not (ranges or _ASIDE.search(sentence)):
            continue  # "8 lasta, ei 10": how the practice is, unless it plainly turns to the card
        spots = []
        for fld, value in card.items():
            if fld == asked or not value or not isinstance(value, (str, list)):
                continue
            items = [str(v) for v in value] if isinstance(value, list) else [value]
            new = numberwords.swap(items, wrong, right)
            if new is not None:
                spots.append((fld, new if isinstance(value, list) else new[0]))
        if len(spots) != 1:
            continue
        rest = " ".join(s for j, s in enumerate(said) if j != i).strip()
        return spots[0][0], spots[0][1], rest
    return None
