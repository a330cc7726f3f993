"""A phone number said in words, as people write down what was said on the phone: "nolla viis nolla, kuus
kaheksan neljä, …", "noll sju noll, ett sju fyra …", "oh seven seven double oh, nine double oh …".

A run of digit words (fi/sv/en, spoken forms too, "double"/"triple"/"tupla" repeating the next digit) that starts
with a zero and spells at least eight digits; shorter runs are counts ("kaks kolme neljä"), not numbers.
"""

from __future__ import annotations

import re

_DIGITS = {
    # Finnish, written and spoken
    "nolla": 0, "yksi": 1, "yks": 1, "kaksi": 2, "kaks": 2, "kolme": 3, "neljä": 4, "viisi": 5, "viis": 5,
    "kuusi": 6, "kuus": 6, "seitsemän": 7, "seittemän": 7, "seiska": 7, "kahdeksan": 8, "kaheksan": 8,
    "yhdeksän": 9, "yheksän": 9, "ysi": 9, "kasi": 8, "nelonen": 4, "vitonen": 5, "kutonen": 6,
    # Swedish
    "noll": 0, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "nie": 9,
    # English
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
_REPEAT = {"double": 2, "triple": 3, "tupla": 2, "dubbel": 2, "dubbla": 2, "trippel": 3}
_ZEROS = frozenset({"nolla", "noll", "zero", "oh", "o"})
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)  # digit groups too: "nolla-neljä-nolla 681 2247"
_GAP = re.compile(r"^[\s,–—-]*$")
_LEAST = 8  # digits: a Finnish mobile has ten, a Swedish one ten, a UK one eleven


def _tens(word: str) -> int | None:
    """A number of two digits said as one word ("nelkytä" 40, "kakskytkaks" 22, "forty" 40), else None."""
    from assistant.numberwords import word_number

    if word in _DIGITS:
        return None
    n = word_number(word)
    return n if n is not None and 20 <= n <= 99 else None


def spoken_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each phone number written out in digit words."""
    words = list(_WORD.finditer(text))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if words[i].group(0).lower() not in _ZEROS:
            i += 1
            continue
        digits, j, last = 0, i, i
        while j < len(words):
            w = words[j].group(0).lower()
            if j > i and not _GAP.match(text[words[j - 1].end():words[j].start()]):
                break
            if w in _REPEAT and j + 1 < len(words) and words[j + 1].group(0).lower() in _DIGITS:
                digits += _REPEAT[w]
                j += 2
                last = j - 1
                continue
            if w.isdigit() and j > i:
                digits += len(w)
            elif (tens := _tens(w)) is not None:  # "nelkytä", "kakskytkaks", "forty": two digits
                digits += 2 if tens % 10 or j + 1 >= len(words) or words[j + 1].group(0).lower() not in _DIGITS \
                    or _DIGITS[words[j + 1].group(0).lower()] == 0 else 1
            elif w in _DIGITS:
                digits += 1
            else:
                break
            last = j
            j += 1
        if digits >= _LEAST:
            start, end = words[i].start(), words[last].end()
            out.append((start, end, text[start:end]))
            i = last + 1
        else:
            i += 1
    return out
