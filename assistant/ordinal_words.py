"""An ordinal typed in digits ("the 3rd floor not the 2nd", "på 3:e våningen, int 2:a") where the card writes
ordinals in words ("on the second floor"): the digits are read as the words, so the wrong one is found. Pure."""

from __future__ import annotations

import re

_EN = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
_SV = ("första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte").split()
_DIGITS = re.compile(r"(?<![\w.,])(?P<n>1[0-2]|[1-9])(?:(?P<en>st|nd|rd|th)|:(?P<sv>a|e))(?![\wåäö])", re.IGNORECASE)


def typed_in_digits(text: str) -> bool:
    """Whether the text has an ordinal in digits at all (so the card is looked at only then)."""
    return bool(_DIGITS.search(text))


def spelled(text: str, card: str) -> str:
    """The text with its digit ordinals written as words, when the card writes ordinals as words and not in
    digits; the text as it is otherwise."""
    words = set(re.findall(r"[a-zåäö]+", card.lower()))
    if not words & set(_EN + _SV) or _DIGITS.search(card):
        return text

    def word(m: re.Match[str]) -> str:
        return (_EN if m.group("en") else _SV)[int(m.group("n")) - 1]
    return _DIGITS.sub(word, text)
