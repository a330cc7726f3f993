"""How long something lasts, said again: "se on puoltoista tuntia. 45 minsassa ei kerkee …", "sessions are 90
minutes not an hour", "träffen e en och en halv timme, int 45 minuter".

Why: a duration is said in many ways ("puoltoista tuntia", "an hour", "45 minsaa", "halvtimme") and the card
writes it in one ("45 minuuttia"). Read in minutes, the one the message calls wrong (after "ei", "not", "int", or
judged: "45 minsassa ei kerkee", "an hour was too short") is found on the card; the new one takes its place in
the card's unit and language. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AMOUNT = {"puolitoista": 1.5, "puoltoista": 1.5, "puolentoista": 1.5, "puoli": 0.5, "puolen": 0.5, "half": 0.5,
           "halv": 0.5, "halvtimme": 0.5, "yksi": 1, "yks": 1, "yhden": 1, "an": 1, "a": 1, "one": 1, "en": 1,
           "ett": 1, "kaksi": 2, "kaks": 2, "kahden": 2, "two": 2, "två": 2, "kolme": 3, "kolmen": 3, "three": 3,
           "tre": 3, "neljä": 4, "four": 4, "fyra": 4, "viisi": 5, "viis": 5, "five": 5, "fem": 5}
_AMT = r"(?P<n>\d+(?:[.,]\d+)?|" + "|".join(sorted(_AMOUNT, key=len, reverse=True)) + r")"
_DUR = re.compile(r"(?<![\wåäö])(?:(?P<one_half>en\s+och\s+en\s+halv|one\s+and\s+a\s+half|"
                  r"1,5|1\.5)\s+|(?P<half_an>half\s+an)\s+|"
                  + _AMT + r"\s+(?:(?P<and_half>and\s+a\s+half|och\s+en\s+halv)\s+)?)?"
                  r"(?P<unit>min(?:uu)?t\w*|minsa\w*|mins?|minuter\w*|minutes?|tunti\w*|tunnin|tunnissa|hours?|hrs?|"
                  r"timm\w*)(?![\wåäö])", re.IGNORECASE)
_NOT = re.compile(r"(?<![\wåäö])(?:ei|eikä|int|inte|not|instead\s+of|rather\s+than)\s+(?:\w+\s+)?$", re.IGNORECASE)
# judged: "45 minsassa ei kerkee", "an hour was too short", "en timme räckte int"
_JUDGED = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:ei|eikä|int|inte|not|was|were|oli|var|va|e|är|is)\s+(?:\w+\s+)?"
                     r"(?:kerkee|ehdi|ehtinyt|riitä|riittäny\w*|räcker|räckte|enough|too|liian|för|alltför)",
                     re.IGNORECASE)


@dataclass
class Duration:
    minutes: float
    start: int
    end: int
    text: str
    unit: str  # "min" or "h"


def durations(text: str) -> list[Duration]:
    out = []
    for m in _DUR.finditer(text):
        unit = m.group("unit").lower()
        hours = unit.startswith(("tun", "hour", "hr", "timm"))
        if m.group("one_half"):
            amount = 1.5
        elif m.group("half_an"):
            amount = 0.5
        elif m.group("n"):
            word = m.group("n").lower()
            amount = (_AMOUNT[word] if word in _AMOUNT else float(word.replace(",", "."))) \
                + (0.5 if m.group("and_half") else 0)  # "two and a half hours"
        elif hours or unit.startswith("halvtimm"):
            amount = 1.0  # "tunnin", "an hour" said without a number is one
        else:
            continue  # "minuuttia" alone says no length
        if unit.startswith("halvtimm"):
            amount, hours = 0.5, True
        out.append(Duration(amount * (60 if hours else 1), m.start(), m.end(), m.group(0), "h" if hours else "min"))
    return out


_WORDS = {"fi": ("minuuttia", "tuntia"), "sv": ("minuter", "timmar"), "en": ("minutes", "hours")}


def _written(minutes: float, card: Duration) -> str:
    """The new length in the card's unit and language: "45 minuuttia" → "90 minuuttia", "an hour" → "90 minutes"."""
    word = card.text.split()[-1].lower()
    if card.unit == "min":
        return f"{minutes:g} {card.text.split()[-1]}"
    lang = "fi" if word.startswith("tun") else "sv" if word.startswith("timm") else "en"
    mins, hours = _WORDS[lang]
    return f"{minutes / 60:g} {hours}" if minutes % 60 == 0 else f"{minutes:g} {mins}"


def fixed(text: str, card: dict[str, object]) -> tuple[str, str, str] | None:
    """(field, the new length as the card would write it, the card's words for the old one) or None."""
    said = durations(text)
    old = [d for d in said if _NOT.search(text[:d.start]) or _JUDGED.match(text[d.end:])]
    new = [d for d in said if d not in old]
    if len(new) != 1 or len(old) != 1 or new[0].minutes == old[0].minutes:
        return None
    spots = []
    for fld, value in card.items():
        for item in value if isinstance(value, list) else [value]:
            spots += [(fld, d) for d in durations(str(item)) if d.minutes == old[0].minutes]
    if len(spots) != 1:
        return None
    fld, at = spots[0]
    return fld, _written(new[0].minutes, at), at.text
