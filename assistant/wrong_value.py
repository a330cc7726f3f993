"""Shapes in which people call one value on the card wrong without a correction word, and say the right one:
"600 is too low, it's more like 900", "oh the 14, it was 17 who started", "Cultural Foundation is not paying
anymore, it is Kone Foundation now", "we moved, it's the Hervanta library now, not the main library", "28 va
fel, de va 22", "not the families, they are not really part of it", "Kangasala no.".

Each reader returns (right, wrong) or the wrong phrase alone. The caller makes the correction *weak*: it
changes the card only when the wrong words are on it, so an answer that happens to fit a shape stays an answer.
"""

from __future__ import annotations

import re

from assistant.edits import LEAD_FILLER

_N = r"\d+(?:[ .,]\d{3})*(?:[.,]\d+)?"
_LEAD = re.compile(r"^\s*(?:(?:sorry|sori|oho|oops|förlåt|hups|oj|hmm|wait|vänta|my bad|nä|nää|nej|no wait|odota)"
                   r"\b[,.!]?\s*)+", re.IGNORECASE)
_IT_WAS = (r"(?:it was|it's|it is|they were|there were|there was|se oli|se on|ne oli|niitä oli|oli|olikin|det var|"
           r"de va|he va|det va|det är|he e|de e|var|the real number is|actually)")
_MORE_LIKE = (r"(?:(?:it'?s|it is|it was|se on|se oli|det är|det e|he e|de e)\s+)?(?:more like|closer to|about|"
              r"around|roughly|really|pikemminkin|lähempänä|noin|ennemmin|snarare|närmare|ungefär|kring|"
              r"oikeasti|oikeesti|oikeestaan|actually)?\s*")
# "600 is too low, it's more like 900", "20 on liian vähän, noin 35", "50 är för lite, snarare 80"
_TOO = re.compile(rf"^(?:the\s+)?(?P<wrong>{_N})(?:\s+[\wåäö-]+)?\s+(?:is|was|on|oli|är|var|e|va)\s+"
                  r"(?:(?:way|much|far|aivan|ihan|liian|alltför|för|too)\s+)+(?:low|high|small|big|little|much|few|many|"
                  r"vähän|paljon|pieni|iso|suuri|pienellä|lite|mycket|lågt|högt|litet|stort|få|många)\b[^,.;]*"
                  rf"[,.;–—-]\s*{_MORE_LIKE}(?P<right>{_N}(?:\s+[\wåäö%-]+)?)", re.IGNORECASE)
# "oh the 14, it was 17 who started treatment", "se 420, oli 380", "de 28, de va 22"
_COMMA_WAS = re.compile(rf"^(?:the|se|ne|det|den|de|dom|that|those)?\s*(?P<wrong>{_N})\s*[,;:–—-]\s*{_IT_WAS}\s+"
                        rf"(?:actually\s+|oikeesti\s+|egentligen\s+)?(?P<right>{_N})\b", re.IGNORECASE)
# "28 va fel, de va 22 som gick till behandling", "the 14 was wrong, it was 17"
_WAS_WRONG = re.compile(rf"^(?:the|se|ne|det|den|de|dom|that)?\s*(?P<wrong>{_N})\s+(?:va|var|e|är|was|is|oli|on)\s+"
                        r"(?:fel|wrong|väärin|väärä|off|incorrect)\s*[,;:.–—-]\s*(?:och\s+|and\s+|vaan\s+|ja\s+)?"
                        rf"{_IT_WAS}\s+(?P<right>{_N})\b", re.IGNORECASE)
# "vi behöver nog minst 25 frivilliga, 15 räcker int alls", "40 paikkaa, 30 ei riitä", "we need 12, 8 is not enough"
_NOT_ENOUGH = re.compile(rf"(?P<right>{_N})\s+[^,.;]*[,;–—]\s*(?:ja\s+|och\s+|and\s+)?(?P<wrong>{_N})\s+[\wåäö]*\s*"
                         r"(?:räcker int|räcker inte|ei riitä|ei riittäny|ei riittänyt|is not enough|isn't enough|"
                         r"isnt enough|was not enough|wasn't enough|var för lite|e för lite|är för lite|"
                         r"on liian vähän)",
                         re.IGNORECASE)
# "mun sukunimi on Koskela eikä Koskinen", "torstaisin eikä tiistaisin. kellonaika on oikein"
_BARE_FIRST = re.compile(r"^(?P<right>[^\s,.;]+)\s+(?:eikä|not|inte)\s+(?P<wrong>[^\s,.;]+)\s*[.!]\s+\S",
                         re.IGNORECASE)  # a one-word swap, then a sentence about the rest
_IS_Y_NOT_X = re.compile(r"\b(?:on|is|är|e|ska vara|should be)\s+(?!(?:et|että|att|that|ett)\b)"
                         r"(?P<right>[^\s,.;]+(?:\s+[^\s,.;]+){0,5}?)\s*,?\s+"
                         r"(?:eikä|ei|not|inte|int)\s+(?!(?:oo|ole|ollu|be|är|is|are|e)\b)(?:the\s+)?"
                         r"(?P<wrong>(?:(?!\b(?:eikä|vaan|utan|but)\b)[^,.;]){1,40}?)\s*"
                         r"(?:[.!]?$|,\s+(?:ja|and|och|plus)\s)", re.IGNORECASE)  # "…, ja vaihe on …": a second fix
# "Cultural Foundation is not paying anymore, it is Kone Foundation now", "Lahti ei oo enää mukana, se on Hollola
# nykyään", "Folkhälsan betalar inte längre, nu är det Svenska kulturfonden"
_NOT_ANYMORE = re.compile(r"^(?:the\s+)?(?P<wrong>[^\s,.;]+(?:\s+[^\s,.;]+){0,3}?)\s+"
                          r"(?:is not|isn't|are not|aren't|does not|doesn't|don't|do not|ei|eivät|inte|int|är inte|"
                          r"e int|betalar inte|ger inte)\s+"
                          r"[^,.;]{0,40}?\b(?:anymore|any more|enää|längre|inte mer|int mer|nowadays)\b[^,.;]*[,;–—]\s*"
                          r"(?:but\s+|vaan\s+|utan\s+|men\s+)?(?:now\s+|nyt\s+|nu\s+)?(?:it is|it's|they are|they're|"
                          r"se on|ne on|ne ovat|det är|nu är det|he e|de e|det e)\s+(?:now\s+|nyt\s+|nykyään\s+|nu\s+)?"
                          r"(?P<right>[^,.;]+?)(?:\s+(?:now|nyt|nykyään|nu|instead|tilalla|i stället))?"
                          r"\s*(?:[,.;!].*)?$",
                          re.IGNORECASE | re.DOTALL)
# "…, it's the Hervanta library now, not the main library", "se on nyt Tredu, ei aikuiskoulutuskeskus"
_ITS_Y_NOT_X = re.compile(r"(?:^|[,.;]\s*)(?:it's|it is|they're|they are|se on|ne on|det är|he e|de e|det e|"
                          r"nu är det)\s+"
                          r"(?:now\s+|nyt\s+|nykyään\s+|nu\s+)?(?P<right>[^,.;]{2,50}?)(?:\s+(?:now|nyt|nykyään|nu))?"
                          r"\s*,\s*(?:not|ei|inte|int)\s+(?P<wrong>[^,.;]{2,40}?)\s*(?:anymore|enää|längre)?\s*[.!]?$",
                          re.IGNORECASE | re.DOTALL)
# "were not in the library anymore, its the Stoa cultural centre now", "vi e int i skolan längre, nu e vi på
# Kompassen", "ei olla enää kirjastossa, nyt ollaan Stoassa": the place the card names has changed
_MOVED = re.compile(r"^(?:we'?re|we are|were|we|vi e|vi är|me|ei olla|me ei olla)\s+(?:not|no longer|int|inte|ei|"
                    r"ei\s+olla)?\s*(?:in|at|i|på)?\s*(?:the\s+)?(?P<wrong>[^,.;]{2,40}?)\s+(?:anymore|any more|"
                    r"längre|enää)\s*[,.;–—-]\s*(?:but\s+|vaan\s+|utan\s+|men\s+)?(?:now\s+|nu\s+|nyt\s+)?"
                    r"(?:it'?s|it is|we'?re|we are|in|at|e vi|är vi|ollaan|de e|det är|nu e de)\s+"
                    r"(?:(?:in|at|på|i)\s+)?(?:the\s+)?(?P<right>[^,.;]+?)(?:\s+(?:now|nu|nyt|nykyään))?"
                    r"\s*(?:[,.;!].*)?$", re.IGNORECASE | re.DOTALL)
# "not the families, they are not really part of it", "inte församlingen, de var bara med första året"
_BARE_NOT = re.compile(r"^(?:not|inte|int)\s+(?:the\s+|our\s+|any\s+)?(?P<wrong>[^\s,.;]+(?:\s+[^\s,.;]+){0,3}?)\s*"
                       r"(?:,\s*(?:they|it|he|she|those|these|that|de|dom|den|det|dom|han|hon)\b.*|[.!]?)$",
                       re.IGNORECASE | re.DOTALL)
# "Kangasala no. They have not joined yet.", "Kangasala not yet"
_X_NO = re.compile(r"^(?P<wrong>[^\s,.;]+(?:\s+[^\s,.;]+){0,2}?)\s*,?\s+(?:no|nope|not yet|not anymore|nej|inte än|"
                   r"inte ännu|int än)\s*(?:[.!,;]\s*.*)?$", re.IGNORECASE | re.DOTALL)
_NOT_VALUES = {"yes", "no", "ok", "okay", "well", "and", "but", "so", "sorry", "really", "sure", "maybe", "ja", "nej",
               "joo", "ei", "that", "this", "it", "det", "the answer", "answer", "yet", "now", "at all", "always",
               "exactly", "quite", "much", "many", "only", "just", "ihan", "enää", "än", "ännu", "riktigt", "alltid",
               "heller", "that much", "so much", "sure about that", "any", "anymore",
               # "Vet inte ännu, vi har ingen lokal bestämd" to "where?": not yet known or decided, nothing dropped
               "vet", "know", "known", "decided", "bestämt", "bestämd", "klart", "started", "begun", "börjat",
               "tiedä", "tiiä", "päätetty", "sovittu", "aloitettu", "selvää"}


def _clean(text: str) -> str:
    text = LEAD_FILLER.sub("", text, count=1)
    return _LEAD.sub("", text).strip()


def _value(phrase: str) -> str:
    """Without "the" or "called" before it ("it's called addiction services now")."""
    phrase = re.sub(r"^(?:called|named|nimeltään|heter|kallas)\s+", "", phrase.strip(" \"'”“"), flags=re.IGNORECASE)
    return re.sub(r"^(?:the|a|an|our|se|ne|den|det)\s+", "", phrase, flags=re.IGNORECASE).strip()


def numbers_restated(text: str) -> tuple[str, str] | None:
    """(right number, wrong number): "600 is too low, it's more like 900", "oh the 14, it was 17"."""
    body = _clean(text)
    for pattern in (_TOO, _WAS_WRONG, _COMMA_WAS, _NOT_ENOUGH):
        m = pattern.search(body)
        if m:
            right = m.group("right").split()[0]
            wrong = m.group("wrong")
            if re.sub(r"\D", "", right.split()[0]) != re.sub(r"\D", "", wrong):
                return right, wrong
    return None


def replaced_value(text: str) -> tuple[str, str] | None:
    """(right, wrong): "X is not paying anymore, it is Y now", "…, it's Y now, not X"."""
    body = _clean(text)
    first = re.split(r"(?<=[.!?])\s+", body, maxsplit=1)[0]
    for pattern, part in ((_NOT_ANYMORE, body), (_MOVED, body), (_ITS_Y_NOT_X, body), (_IS_Y_NOT_X, first),
                          (_BARE_FIRST, body)):
        m = pattern.search(part)
        if m:
            right, wrong = _value(m.group("right")), _value(m.group("wrong"))
            if right and wrong and wrong.lower() not in _NOT_VALUES and right.lower() != wrong.lower() \
                    and len(wrong.split()) <= 4:
                return right, wrong
    return None


# "ei vanhemmat": one word only ("Ei kotiutusta kadulle" is a name, "ei tarvita" a sentence)
_BARE_EI = re.compile(r"^(?:ei|eikä)\s+(?!(?:oo|ole|tarvi|tarvita|voi|mitään|kukaan|kaikki|vielä|enää|nyt|se|ne)\b)"
                      r"(?P<wrong>[^\W\d_][\w-]*)\s*[.!]?$", re.IGNORECASE)


def dropped(text: str) -> str | None:
    """The one thing said not to belong, with nothing said in its place: "not the families, they are not
    really part of it", "Kangasala no."."""
    body = _clean(text)
    first = re.split(r"(?<=[.!?])\s+", body, maxsplit=1)[0]
    for pattern, part in ((_BARE_NOT, body), (_X_NO, first), (_BARE_EI, body)):
        m = pattern.match(part.strip())
        if m:
            wrong = _value(m.group("wrong"))
            if wrong and wrong.lower() not in _NOT_VALUES and not re.fullmatch(r"[\d\s.,]+", wrong):
                return wrong
    return None


# "6–12." ends a sentence; "8 to 12", "6 till 12" are ranges too
_RANGE = re.compile(r"(?<![\d.,])(\d{1,3})(?:\s*[–-]\s*|\s+(?:to|till)\s+)(\d{1,3})(?!\d|[.,]\d)", re.IGNORECASE)
_NOT_BETWEEN = re.compile(r"\b(?:not|ei|eikä|inte|int|instead\s+of|istället\s+för)\b", re.IGNORECASE)


def age_range(text: str) -> str | None:
    """The one range of ages a message says ("tarkoitin 6–17-vuotiaita", "jag menade 6–12 år", "aged 8-20"), or
    the first of "8 to 12 not 6 to 12"."""
    found = ranges(text)
    if len(found) == 2 and _NOT_BETWEEN.search(text[found[0].end():found[1].start()]):
        return found[0].group(0)
    return found[0].group(0) if len(found) == 1 else None


def ranges(text: str) -> list[re.Match[str]]:
    return [m for m in _RANGE.finditer(text) if int(m.group(1)) < int(m.group(2)) <= 120]


def range_swap(said: str, values: dict[str, object]) -> tuple[str, str, str] | None:
    """(field, the card's range, the range said) when a correction says one age range and the card holds
    exactly one other ("tarkoitin 6–17-vuotiaita" for "7–17-vuotiaille"); the target group is read first."""
    right = age_range(said)
    if right is None:
        return None
    want = tuple(int(v) for v in _RANGE.match(right).groups())  # type: ignore[union-attr]
    for group in (("target_groups",), tuple(f for f in values if f != "target_groups")):
        hits = set()
        for fld in group:
            value = values.get(fld)
            text = " ".join(value) if isinstance(value, list) else str(value or "")
            for m in ranges(text):
                if (int(m.group(1)), int(m.group(2))) != want:  # the new range as the card writes its ranges
                    hits.add((fld, m.group(0), m.group(0)[len(m.group(1)):m.end(2) - m.start() - len(m.group(2))]))
        if len(hits) == 1:
            fld, wrong, sep = hits.pop()
            return fld, wrong, f"{want[0]}{sep}{want[1]}"
        if hits:
            return None
    return None


def about_the_wrong(new: str, removed: list[str]) -> str:
    """What a correction says is right, without the clauses that speak of the wrong thing again ("ei raisiossa
    vaan naantalissa, raisio oli virhe", "en tredjedel, inte halva. halva var alldeles för optimistiskt")."""
    if not new or not removed:
        return new
    wrong = {w.lower()[:5] for r in removed for w in re.findall(r"[^\W\d_]{4,}", r)}
    parts = [p for p in re.split(r"\s*[;,.]\s+", new) if p.strip()]
    kept = parts[:1] + [p for p in parts[1:] if not ({w.lower()[:5] for w in re.findall(r"[^\W\d_]{4,}", p)} & wrong)]
    return "; ".join(kept) if len(kept) < len(parts) else new  # the first clause is what is right


_DAYS = ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai", "måndag", "tisdag",
         "onsdag", "torsdag", "fredag", "lördag", "söndag", "monday", "tuesday", "wednesday", "thursday", "friday",
         "saturday", "sunday")


def same_kind(a: str, b: str) -> bool:
    """Two weekdays ("wednesdays not tuesdays"), two times of day ("aamupäivisin, ei iltasin", "på kvällarna
    inte morgnarna") or two places: one said for the other wherever the card writes it."""
    def day(w: str) -> bool:
        return w.lower().startswith(_DAYS) and len(w.split()) == 1

    def when(w: str) -> bool:
        return len(w.split()) <= 2 and bool(_TIME_OF_DAY.search(w))

    def place(w: str) -> bool:  # "Askola not Sipoo": two municipalities
        from assistant.edits import _place_lemma, place_names

        return len(w.split()) == 1 and _place_lemma(w).lower() in place_names()
    a, b = a.strip(), b.strip()
    return (day(a) and day(b)) or (when(a) and when(b)) or (place(a) and place(b))


_TIME_OF_DAY = re.compile(r"(?:aamu|aamupäiv|päiv|ilta|iltapäiv|yö)\w*?i?sin\b|\b(?:mornings?|afternoons?|evenings?|"
                          r"nights?|förmiddag\w*|eftermiddag\w*|kväll\w*|morgn?\w*|natt\w*)\b", re.IGNORECASE)


# an amount as said: "120 000", "120000", "80 tuhatta", "60 tusen", "85k", "2 500"
_AMOUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?:[  ]\d{3})+|\d{1,3}(?:,\d{3})+(?![\d.,]\d)|\d+)"
                     r"(?:\s*(tuhatta|tuhannen|tuhanteen|tusen|thousand|k)\b)?",
                     re.IGNORECASE)
# the message says one of its numbers is the old one: "80 tuhatta oli ekan vuoden luku", "60 tusen va första året"
_OLD_CUE = re.compile(r"\b(?:oli|olikin|var|va|was|were|used to|ennen|före|before|aiemmin|tidigare|earlier|ekan|"
                      r"ensimmäisen|första|first|liian|för|too|ei riittäny|räckte|enough|nykyään|nyt|nu|now)\b",
                      re.IGNORECASE)


def amounts(text: str) -> list[tuple[int, str]]:
    """(value, as written) of each amount in a text."""
    out = []
    for m in _AMOUNT.finditer(text):
        if re.search(r"\d\s*[–—-]\s*$", text[:m.start()]) or re.match(r"\s*[–—-]\s*\d", text[m.end():]):
            continue  # an end of a range ("6–17-vuotiaita"): range_swap reads those
        value = int(re.sub(r"\D", "", m.group(1)))
        if m.group(2):
            value *= 1000
        out.append((value, m.group(0)))
    return out


def amount_said_again(text: str, card: dict[str, str]) -> tuple[str, str, str] | None:
    """(field, right as the card would write it, wrong as the card writes it) when a message says two amounts,
    one of them written on the card and called the old one, the other not on the card: "ei kun budjetti on
    120 000, 80 tuhatta oli ekan vuoden luku" for "noin 80 000 euroa"."""
    said = amounts(text)
    if len({v for v, _ in said}) != 2 or not _OLD_CUE.search(text) or len(text.split()) > 30:
        return None
    found = [(f, v, w) for f, value in card.items() for v, w in amounts(value) for s, _ in said if s == v]
    if len(found) != 1:
        return None
    fld, old, written = found[0]
    new = next(v for v, _ in said if v != old)
    if not (old / 10 <= new <= old * 10) or old < 10:
        return None  # "8 perhettä, 2 ohjaajaa": another count, not the same one said again
    grouped = bool(re.search(r"\d[  ]\d{3}", written))
    right = f"{new:,}".replace(",", " ") if grouped else str(new)
    return fld, right, written.strip()


# the amount as it is now, said alone: "its more like 20k a year these days", "nykyään se on 15 000"
_NOW = re.compile(r"(?<![\wåäö])(?:more\s+like|these\s+days|nowadays|now|nykyään|nykyisin|nyt|enemmänkin|"
                  r"numera|nuförtiden|nu|snarare|mera|närmare)(?![\wåäö])", re.IGNORECASE)


def amount_now(text: str, card: dict[str, str]) -> tuple[str, str, str] | None:
    """(field, right as the card would write it, wrong as the card writes it) when a short message says one
    amount as it is now and the card writes one amount of that size (a tenth to ten times it, 1 000 or more)."""
    said = amounts(text)
    if len(said) != 1 or not _NOW.search(text) or len(text.split()) > 30:
        return None
    new = said[0][0]
    found = [(f, v, w) for f, value in card.items() for v, w in amounts(value) if v >= 1000 and v != new]
    if len(found) != 1 or not found[0][1] / 10 <= new <= found[0][1] * 10:
        return None
    fld, _, written = found[0]
    grouped = re.search(r"\d([  ,])\d{3}", written)
    right = f"{new:,}".replace(",", grouped.group(1)) if grouped else str(new)
    return fld, right, written.strip()
