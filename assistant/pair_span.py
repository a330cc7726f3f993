"""How much of "R, not W" is the wrong phrase on the card and how much of R takes its place.

People say the new value as a phrase of the same shape as the old one, but the reader's pair is often a word
too short or too long: "every wednesday, not every second tuesday" read as ("wednesday", "second") on a card
that says "every second Tuesday"; "job club is now in the Myllypuro media library, not in Vuosaari" read as the
whole clause against "in Vuosaari" on a card that says "at the Vuosaari library". The wrong phrase grows to what
the card writes (within what the person said after "not", then by the card's next words that the right phrase
also says: "library"), and the right phrase is cut to the same shape: from the word both start with ("every"),
or back from the word both end with ("library") to the first small word. Pure: strings in, strings out.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\wåäöÅÄÖ][\wåäöÅÄÖ'’-]*")
_NOT = re.compile(r"(?:,\s*|\s)(?:not|ei|eikä|inte|int)\s+(?P<w>[^,.;:!?]+)", re.IGNORECASE)
# words that open a phrase without belonging to the value: articles, prepositions, "now"
_SMALL = frozenset(
    "a an the in at on to of from by now nowadays these days i på vid till från av nu numera nykyään nyt "
    "is are was it its it's we we're on är e".split())


def _where(phrase: str, card: str) -> re.Match[str] | None:
    """Where the card writes the phrase as whole words, in any case."""
    return re.search(rf"(?<![\wåäö]){re.escape(phrase)}(?![\wåäö])", card, re.IGNORECASE)


def _right_part(message: str, at: int) -> list[str]:
    """The words of the clause before "not" (back to the previous punctuation)."""
    head = message[:at]
    cut = max(head.rfind(c) for c in ".;:!?\n")
    return _WORD.findall(head[cut + 1:])


def spanned(card: str, right: str, wrong: str, message: str) -> tuple[str, str]:
    """The pair (right, wrong) as wide as the card writes the wrong value; unchanged when nothing fits. Numbers
    ("5,50 eikä 5 euroa", "8 to 12 not 6 to 12") have readers of their own."""
    if re.search(r"\d", right + wrong):
        return right, wrong
    for m in _NOT.finditer(message):
        said = _WORD.findall(m.group("w"))
        low = [w.lower() for w in said]
        wt = [w.lower() for w in _WORD.findall(wrong)]
        while len(wt) > 1 and wt[0] in _SMALL:  # "in Vuosaari": the place, as the card may write it otherwise
            wt = wt[1:]
        if not wt or not any(low[i:i + len(wt)] == wt for i in range(len(low))):
            continue
        r_words = _right_part(message, m.start())
        if not r_words:
            return right, wrong
        r_low = [w.lower() for w in r_words]
        # the longest stretch of what was said after "not" that holds the wrong words and is written on the card
        best = " ".join(said[low.index(wt[0]):low.index(wt[0]) + len(wt)]) if wt[0] in low else wrong
        for i in range(len(said)):
            for j in range(len(said), i, -1):
                span = " ".join(said[i:j])
                if len(span) > len(best) and " ".join(wt) in span.lower() and _where(span, card):
                    best = span
                    break
        best = re.sub(r"^(?:the|a|an)\s+", "", best, flags=re.IGNORECASE)  # the card keeps its own article
        found = _where(best, card)
        if found is None:
            return right, wrong
        b_low = [w.lower() for w in _WORD.findall(best)]
        nxt = _WORD.findall(card[found.end():])[:1]
        if b_low[-1] not in r_low and nxt and nxt[0].lower() in r_low and nxt[0].lower() not in _SMALL \
                and card[found.end():].startswith(" "):  # "Vuosaari" + the card's next word "library", which
            best = f"{card[found.start():found.end()]} {nxt[0]}"  # the right phrase ends with too
            b_low.append(nxt[0].lower())
        if b_low[0] in r_low and b_low[0] not in ("the", "a", "an"):  # "every wednesday" for "every second tuesday"
            new = r_words[r_low.index(b_low[0]):]
        elif b_low[-1] in r_low:  # "Myllypuro media library" for "Vuosaari library"
            end = len(r_low) - 1 - r_low[::-1].index(b_low[-1])
            start = end
            while start > 0 and r_low[start - 1] not in _SMALL:
                start -= 1
            new = r_words[start:end + 1]
        else:
            return right, wrong
        if not new or [w.lower() for w in new] == b_low:
            return right, wrong
        return " ".join(new), best
    return right, wrong
