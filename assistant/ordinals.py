"""A list item pointed at by its place: "tavotteista viel, se toinen … otetaan se pois", "den sista
kommunen där, ta bort den", "goals are ok except the second one". People read the summary as a list and
point at an item instead of retyping it. The message says which field and which place; the card says
what the item is (resolved by the correction handler)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.correction_patterns import _inflected
from assistant.phrases import tokens

if TYPE_CHECKING:
    from assistant.understand import Understanding

LIST_FIELDS = ("target_groups", "goals", "core", "adaptable", "actors", "themes", "regions", "funders")
MIDDLE = 1000  # "den i mitten där": the middle one of an odd number of items

PLACE = {
    # fi
    "eka": 0, "ekan": 0, "ekaa": 0, "ensimmäinen": 0, "ensimmäisen": 0, "ensimmäistä": 0,
    "toinen": 1, "toisen": 1, "toista": 1, "toka": 1, "tokan": 1, "tokaa": 1,
    "kolmas": 2, "kolmannen": 2, "kolmatta": 2, "neljäs": 3, "neljännen": 3, "neljättä": 3,
    "viimeinen": -1, "viimenen": -1, "viimeisen": -1, "viimeistä": -1, "vika": -1, "vikan": -1, "vikaa": -1,
    "keskimmäinen": MIDDLE, "keskimmäisen": MIDDLE,
    "ykkönen": 0, "ykkösen": 0, "kakkonen": 1, "kakkosen": 1, "kolmonen": 2, "kolmosen": 2, "nelonen": 3,
    "nelosen": 3,
    # sv
    "första": 0, "andra": 1, "tredje": 2, "fjärde": 3, "sista": -1, "mittersta": MIDDLE,
    # en
    "first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "middle": MIDDLE,
}
# a pointer needs a determiner before it ("se toinen", "den sista", "the last") …
_DETERMINERS = frozenset("se sen sitä toi ton tuo tuon tää tämä tämän den det the that".split())
# the spoken numerals name an item by themselves: "kolmonen noista kohderyhmistä"
_NUMERALS = frozenset("ykkönen ykkösen kakkonen kakkosen kolmonen kolmosen nelonen nelosen".split())
# what follows a pointer that names no list: "the second one", "toi keskimmäinen ei pidä paikkaansa"
_AFTER_POINTER = frozenset("one ones item point bullet kohta punkt punkten grej grejen juttu ei eikä on oli e är va "
                           "var is was isn't isnt pois bort ska should stämmer pidä pitää".split())
_TAKE_OUT = re.compile(r"\b(?:take\s+out|remove|delete|drop|pois|poista\w*|stryk\w*|ta\s+bort|ska\s+bort)\b",
                       re.IGNORECASE)
# "kohta 4", "item 2", "punkt 3": an item by its number
_NUMBERED = frozenset("kohta kohdan kohtaa item punkt punkten point nro number nummer".split())
# … and is not a time ("the last time", "last year", "den första veckan", "toinen vuosi")
_TIME = re.compile(r"^(?:time|times|year|years|week|weeks|month|months|spring|summer|autumn|fall|winter|day|days|"
                   r"few|gång|gången|år|året|vecka|veckan|månad|månaden|våren|sommaren|hösten|vintern|dag|"
                   r"dagen|kerta|kerran|kertaa|vuosi|vuonna|vuoden|viikko|viikon|kuukausi|kuun|kevät|keväänä|"
                   r"kesä|kesänä|syksy|syksyllä|talvi|talvella|päivä|päivän|ryhmä)$")
_MIDDLE = re.compile(r"\b(?:den i mitten|the one in the middle|the middle one|keskellä oleva|se keskimmäinen|"
                     r"toi keskimmäinen|keskimmäinen)\b", re.IGNORECASE)
# the item is wrong: it goes
_GOES = re.compile(r"(?:\b(?:ei|eikä|pois|poista\w*|poistetaan|väärin|väärä|virhe|paitsi|int|inte|ej|bort|nej|"
                   r"stryk|fel|not|no|except|remove|delete|drop|wrong|never|hör int|hör inte)\b|n't\b|"
                   r"\bdont\b|\bisnt\b)",
                   re.IGNORECASE)
# words for a field that are not its label ("rahat", "finansieringen", "kommunen", "the money")
_NOUNS = {"funders": ("rahat", "rahoitus", "rahotus", "finansiering", "pengarna", "pengar", "money", "funding"),
          "regions": ("kunnat", "kunta", "kommunen", "kommunerna", "kommuner", "paikkakunnat", "municipalities",
                      "towns", "places"),
          "core": ("ydinjutut", "ydinjuttu", "ydinasiat")}


_LIST_WORD = re.compile(r"^(?P<f>[a-zåäö]{4,}?)(?:lista\w*|listan|listor\w*|listen|list)$")


def _field_at(nlu: Understanding, words: list[str], i: int) -> str | None:
    """The list field named by the words starting at ``i`` (label, inflected label or a plain noun for it), also
    as a compound with "list" ("kohderyhmälistassa", "mållistan")."""
    compound = _LIST_WORD.match(words[i]) if i < len(words) else None
    if compound:
        words = [*words[:i], compound.group("f"), *words[i + 1:]]
    for fld in LIST_FIELDS:
        for name in nlu.cues.field_names.get(fld, []):
            nt = tokens(name)
            part = words[i:i + len(nt)]
            if len(part) == len(nt) and all(_inflected(w, n) if j == len(nt) - 1 else w == n
                                             for j, (w, n) in enumerate(zip(part, nt, strict=True))):
                return fld
        if any(words[i] == n or (len(n) >= 5 and words[i].startswith(n)) for n in _NOUNS.get(fld, ())):
            return fld
    return None


def pointed_item(nlu: Understanding, text: str) -> tuple[str, int] | None:
    """(field, place) when the message removes a list item it points at by its place; place -1 is the last,
    ``MIDDLE`` the middle one. The field must be named in the message, nearest the pointer wins."""
    return pointer_of(nlu, text) if _GOES.search(text) else None


def pointer_of(nlu: Understanding, text: str, spoken: bool = False) -> tuple[str, int] | None:
    """(field, place) of a list item pointed at by its place, whatever the message does with it; ``spoken``:
    also after the spoken Swedish "de"/"dom" ("skriv hellre de första målet så här: …"), which elsewhere is
    as often "they" ("de första ska va färre akutbesök" fixes a value, not an item's place)."""
    words = tokens(text)
    determiners = _DETERMINERS | {"de", "dom"} if spoken else _DETERMINERS
    place: tuple[int, int] | None = None  # (word index, place)
    middle = _MIDDLE.search(text)
    for i, w in enumerate(words):
        p = PLACE.get(w)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if p is None and w in _NUMBERED and nxt.isdigit() and 0 < int(nxt) < 20:  # "ydinasioiden kohta 4"
            place = (i, int(nxt) - 1)
            break
        if p is None:
            continue
        if _TIME.match(nxt) or (i and words[i - 1] == "de" and w == "andra"):
            continue  # "last year", "de andra" (the others)
        if i and (words[i - 1] in determiners or words[i - 1] in ("except", "paitsi", "utom")) \
                or w in ("toka", "tokan", "vika", "vikan", "eka", "ekan") or w in _NUMERALS:
            place = (i, p)
            break
    if place is None and middle:
        at = len(tokens(text[:middle.start()]))
        place = (at, MIDDLE)
    if place is None:
        return None
    named = [(abs(i - place[0]) + (0 if i <= place[0] else 0.5), fld)
             for i in range(len(words)) if (fld := _field_at(nlu, words, i))]
    if not named:  # "take out the second one, parents dont come": the card tells which list (``ordinal_fix``),
        nxt = words[place[0] + 1] if place[0] + 1 < len(words) else ""  # but "se toinen ohjaaja" is the other
        # instructor, and without a word that removes, "the first is …" in an answer is no pointer at all
        return ("", place[1]) if nxt in _AFTER_POINTER and _TAKE_OUT.search(text) else None
    return min(named)[1], place[1]


def item_at(items: list[str], place: int) -> str | None:
    """The item at that place, if the list has it (the middle only of an odd count)."""
    if place == MIDDLE:
        return items[len(items) // 2] if len(items) % 2 == 1 and len(items) >= 3 else None
    if place == -1:
        return items[-1] if len(items) >= 2 else None
    return items[place] if place < len(items) and len(items) >= 2 else None
