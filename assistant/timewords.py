"""How often and how long, said again in other words: "puhelut soitetaan nykyään kahdesti viikossa" for the card's
"Viikoittainen puhelu", "peer group is weekly now, bi-weekly was too rare" for "every second week", "toinen kysely
tehään jo 3 kuukauden kohalla, ei puolen vuoden" for "6 kuukauden kohdalla".

A frequency or a duration is found in fi/sv/en wordings and read as a number (times a month, or months), so
"puolen vuoden välein" is the card's "kuuden kuukauden välein". The caller swaps the card's one expression of the
same kind for the one said; a message that only mentions a frequency in an answer changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_N = {"kerran": 1, "yhden": 1, "yks": 1, "yksi": 1, "kahdesti": 2, "kaks": 2, "kaksi": 2, "kahden": 2, "kolmesti": 3,
      "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4, "viisi": 5, "viis": 5, "viiden": 5, "kuusi": 6, "kuus": 6,
      "kuuden": 6, "kahdeksan": 8, "kymmenen": 10, "en": 1, "ett": 1, "två": 2, "tre": 3,
      "fyra": 4, "fem": 5, "sex": 6, "once": 1, "one": 1, "a": 1, "an": 1, "twice": 2, "two": 2, "three": 3,
      "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12, "tolv": 12, "kahdentoista": 12,
      "puoli": 0.5, "puol": 0.5, "puolen": 0.5, "half": 0.5, "halv": 0.5,
      # spoken Finnish and the rest of the small numbers in each language
      "kahesti": 2, "kahen": 2, "neljästi": 4, "viidesti": 5, "kuudesti": 6, "seitsemän": 7, "seittemän": 7,
      "kaheksan": 8, "yhdeksän": 9, "yheksän": 9, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "seven": 7, "nine": 9}
_NUM = r"(?<![\wåäö])(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(_N, key=len, reverse=True)) + r")(?![\wåäö])"
# months in one unit
_UNIT = (("päiv", 1 / 30), ("vuorokau", 1 / 30), ("dag", 1 / 30), ("day", 1 / 30), ("dygn", 1 / 30),
         ("viik", 1 / 4.3), ("veck", 1 / 4.3), ("week", 1 / 4.3), ("fortnight", 1 / 2.15),
         ("kuuka", 1.0), ("kuu", 1.0), ("kk", 1.0), ("månad", 1.0), ("month", 1.0), ("mån", 1.0),
         ("vuo", 12.0), ("år", 12.0), ("year", 12.0))
_UNIT_RE = r"(?:päiv\w*|vuorokau\w*|dag\w*|days?|viik\w*|veck\w*|weeks?|fortnight\w*|kuukau\w*|kuussa|kk|" \
           r"månad\w*|months?|vuo\w*|år\w*|years?|halvår\w*)"
_EVERY = re.compile(r"(?:joka|varje|every|each)\s+(?:(?P<nth>toinen|kolmas|annan|second|other|third)\s+)?"
                    r"(?P<unit>" + _UNIT_RE + r")", re.IGNORECASE)
_OTHER = re.compile(r"\bvarannan\s+(?P<unit>" + _UNIT_RE + r")", re.IGNORECASE)
# "tre besök per dygn", "two visits a day": the visits counted are the times
_TIMES = re.compile(r"(?P<n>" + _NUM + r")\s*(?:kertaa?|gång(?:er)?|times?|besök|visits?|käyntiä|käyntejä)?\s*"
                    r"(?:(?:i|per|a|an|om|every)\s+)?"
                    r"(?P<unit>viikossa|kuussa|kuukaudessa|vuodessa|päivässä|vuorokaudessa|veckan|vecka|månaden|månad|"
                    r"året|dagen|dygnet|dygn|week|month|year|day)\b", re.IGNORECASE)
_INTERVAL = re.compile(r"(?P<n>" + _NUM + r")\s+(?P<unit>" + _UNIT_RE + r")\s+(?:välein|välin|mellanrum)",
                       re.IGNORECASE)
_ADVERB = re.compile(r"\b(?P<w>viikoittai\w*|kuukausittai\w*|päivittäi\w*|vuosittai\w*|veckovis|varje\s*vecka|"
                     r"månatlig\w*|dagligen|årlig\w*|bi-?weekly|fortnightly|weekly|monthly|daily|yearly|annually)\b",
                     re.IGNORECASE)
_ADVERB_RATE = (("bi", 2.15), ("fortnight", 2.15), ("viiko", 4.3), ("vecko", 4.3), ("varje", 4.3), ("week", 4.3),
                ("kuukau", 1.0), ("månat", 1.0), ("month", 1.0), ("päivi", 30.0), ("dagl", 30.0), ("daily", 30.0),
                ("vuosi", 1 / 12), ("årlig", 1 / 12), ("year", 1 / 12), ("annual", 1 / 12))
_DURATION = re.compile(r"(?:(?:(?:under|alle|inom|within|over|yli|över)\s+)?(?P<n>" + _NUM + r")\s*-?\s*|"
                       r"(?P<whole>koko\s+(?:eka|ensimmäinen|ensimmäisen)?\s*|"
                       r"(?:under|alle|inom|within)\s+(?:a|an|one|en|ett)\s+))(?P<unit>" + _UNIT_RE + r")",
                       re.IGNORECASE)


_AGE_AFTER = re.compile(r"^(?:\w*-?vuotia\w*|\s*(?:gaml\w*|old|of age)|-?åri\w*|\w*ikäi\w*)", re.IGNORECASE)


@dataclass(frozen=True)
class TimeWords:
    kind: str  # "freq" (times a month) or "dur" (months)
    value: float
    start: int
    end: int
    text: str


def _months(unit: str) -> float:
    low = unit.lower()
    if low.startswith("halvår"):
        return 6.0
    return next((m for stem, m in _UNIT if low.startswith(stem)), 0.0)


def _number(word: str | None) -> float:
    if not word:
        return 1.0
    low = word.lower().replace(",", ".")
    return float(low) if re.fullmatch(r"\d+(?:\.\d+)?", low) else float(_N.get(low, 1))


def found(text: str) -> list[TimeWords]:
    """Frequencies and durations in a text, in order; a frequency wins where both read the same words."""
    out: list[TimeWords] = []

    def add(kind: str, value: float, m: re.Match[str]) -> None:
        if value > 0 and not any(o.start < m.end() and m.start() < o.end for o in out):
            out.append(TimeWords(kind, round(value, 3), m.start(), m.end(), m.group(0)))

    for m in _EVERY.finditer(text):
        step = 3 if (m.group("nth") or "").lower() in ("kolmas", "third") else 2 if m.group("nth") else 1
        add("freq", 1 / (_months(m.group("unit")) * step), m)
    for m in _OTHER.finditer(text):
        add("freq", 1 / (_months(m.group("unit")) * 2), m)
    for m in _INTERVAL.finditer(text):
        add("freq", 1 / (_months(m.group("unit")) * _number(m.group("n"))), m)
    for m in _TIMES.finditer(text):
        said = m.group(0).lower()
        if not (re.search(r"kert|gång|time|besök|visit|käyn|\b(?:i|per|om|every)\s", said)
                or m.group("unit").lower().endswith(("ssa", "ssä"))
                or m.group("n").lower() in ("kerran", "kahdesti", "kolmesti", "once", "twice")):
            continue  # "under a month" is how long, not how often
        add("freq", _number(m.group("n")) / _months(m.group("unit")), m)
    for m in _ADVERB.finditer(text):
        add("freq", next((r for stem, r in _ADVERB_RATE if m.group("w").lower().startswith(stem)), 0.0), m)
    for m in _DURATION.finditer(text):
        if (m.group("n") or "").lower() in ("kerran", "kahdesti", "kolmesti", "once", "twice"):
            continue  # "kerran kuukauden" is how often
        if _months(m.group("unit")) == 12.0 and (re.search(r"\d\s*[–—-]\s*$", text[:m.start()]) or _AGE_AFTER.match(
                text[m.end():]) or re.search(r"[–—-]\s*\w*$", m.group(0))):
            continue  # "4–18 år", "yli 65-vuotiaat", "15 years old": an age, not how long
        add("dur", _number(m.group("n")) * _months(m.group("unit")), m)
    return sorted(out, key=lambda t: t.start)


_NEGATED = re.compile(r"(?:\b(?:ei|eikä|not|inte|int|instead of|rather than)\s+(?:(?:se|the|enää|oo|ole|ollu|is|was|"
                      r"är|e|va)\s+)*|\b(?:ei|inte|int|not|don'?t|no longer)\s+(?:(?:me|ne|vi|de|we|they)\s+)?\w+\s+"
                      r"(?:enää|längre|anymore|any more)\s+)$", re.IGNORECASE)  # "ei me kokoonnuta enää kahesti"
# "bi-weekly was too rare", "kerran viikossa oli liian harvoin", "2 weeks was too tight": the old one, judged
_JUDGED = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:was|were|is|oli|on|var|va|e|är)\s+(?:\w+\s+)?(?:too|liian|för|alltför|"
                     r"way too)\b|^\s*(?:\w+\s+){0,2}?(?:ei\s+riittäny\w*|räckte\s+int\w*|wasn'?t\s+enough)",
                     re.IGNORECASE)
# the old count said bare right after the new one ("kaks kertaa kuussa, ei kerran", "twice a month, not once")
# or judged on its own ("två e för lite", "once was too little")
_BARE_OLD = re.compile(r"^\s*[,;.]?\s*(?:(?:ja|och|and)\s+)?(?:ei|eikä|not|inte|int)\s+(?P<n>" + _NUM + r")(?![\wåäö])",
                       re.IGNORECASE)
_BARE_JUDGED = re.compile(r"(?<![\wåäö])(?P<n>" + _NUM + r")\s+(?:(?:gånger|kertaa|times|besök|visits)\s+)?"
                          r"(?:e|är|va|var|on|oli|was|is)\s+(?:(?:nog|kyllä|ju)\s+)?(?:för|liian|too|alltför)\s",
                          re.IGNORECASE)
_CHANGED = re.compile(r"\b(?:nykyään|nyt|now|nu|numera|actually|oikeesti|oikeasti|changed|muutettiin|muutettu|"
                      r"ändra\w*|sori|sorry|oho|eikun|ei\s+vaan|korjaus|wait|vänta|förresten|lähtien|alkaen|"
                      r"sen\s+i\s+(?:höstas|våras|somras|vintras|fjol)|sedan\s+i|från\s+och\s+med|since\s+(?:the\s+)?"
                      r"(?:last|autumn|spring|summer|winter|january|\d{4}))\b", re.IGNORECASE)


def _about(text: str, value: str, old: TimeWords) -> bool:
    """The message names the thing whose timing it changes ("träffarna e varje vecka nu" for "Gruppträff
    varannan vecka"): a content word's first five letters in the card's sentence around the old words."""
    from assistant.why import content_words

    left = max(value.rfind(mark, 0, old.start) for mark in (". ", "; ", "\n"))
    right = min((i for i in (value.find(". ", old.end), value.find("; ", old.end)) if i >= 0), default=len(value))
    sentence = value[left + 1:old.start] + " " + value[old.end:right]  # the timing words themselves aside
    for t in found(text)[::-1]:
        text = text[:t.start] + " " + text[t.end:]
    around = content_words(sentence)  # "träffarna" for "Gruppträff": the start of one inside the other
    return any(w[:5] in a or a[:5] in w for w in content_words(text) if len(w) >= 5 for a in around if len(a) >= 5)


def _bare_old(text: str, new: TimeWords) -> list[TimeWords]:
    """The old frequency said as a bare count, in the new one's unit ("kaks kertaa kuussa, ei kerran"; "tre besök
    per dygn … två e för lite"), as a TimeWords that covers no words of the message; [] when none."""
    first = new.text.split()[0]
    per = new.value / _number(first) if first.lower() in _N or first.replace(",", ".").replace(".", "", 1).isdigit() \
        else 0.0
    m = _BARE_OLD.match(text[new.end:]) or _BARE_JUDGED.search(text[:new.start] + " " * len(new.text) + text[new.end:])
    if not per or not m:
        return []
    return [TimeWords("freq", round(per * _number(m.group("n")), 3), -1, -1, m.group("n"))]


def said_again(text: str, card: dict[str, str], asked_empty: bool = False) -> tuple[str, str, str] | None:
    """(field, the words said, the card's words) when a short message says a frequency or duration again and the
    card has one of the same kind that it replaces: the one named wrong ("ei puolen vuoden"), else the only one.
    ``asked_empty``: a question waits for an answer, so without naming the old one wrong the message must name
    what it changes ("kysely tehdään nyt kerran vuodessa" answers the measurement question)."""
    if len(text.split()) > 35:
        return None
    said = found(text)
    if not said:
        return None
    wrong = [t for t in said if _NEGATED.search(text[:t.start]) or _JUDGED.search(text[t.end:])]
    if not wrong and len(said) == 1 and said[0].kind == "freq":
        wrong = _bare_old(text, said[0])
    if not wrong and not _CHANGED.search(text):
        return None  # "ryhmä kokoontuu kerran viikossa" answers; "nykyään kerran viikossa" corrects
    right = [t for t in said if t not in wrong]
    if len(right) != 1:
        return None
    new = right[0]
    on_card = [(f, t) for f, value in card.items() for t in found(value) if t.kind == new.kind]
    if wrong:
        on_card = [(f, t) for f, t in on_card if any(abs(t.value - w.value) <= 0.15 * w.value for w in wrong)]
    same = [(f, t) for f, t in on_card if abs(t.value - new.value) <= 0.15 * new.value]
    if same and not wrong:
        return None  # the card already says so: said again, not corrected
    on_card = [(f, t) for f, t in on_card if (f, t) not in same]
    if len(on_card) != 1:
        return None
    fld, old = on_card[0]
    if asked_empty and not wrong and not _about(text, card[fld], old):
        return None
    return fld, _in_card_words(new.text, old.text), old.text


_COUNTED = re.compile(r"^(?:kertaa?|gång(?:er)?|times?)$", re.IGNORECASE)


def _in_card_words(new: str, old: str) -> str:
    """Only the count changes where the card counts the same way ("två gånger per dygn" → "tre gånger per dygn"
    for "tre besök per dygn"); a "within" the card says stays; otherwise the words said."""
    n, o = new.split(), old.split()
    if len(o) >= 2 and _COUNTED.match(o[1]) and n[0].lower() in _N and _N[n[0].lower()] >= 2:
        return " ".join([n[0], *o[1:]])
    if _WITHIN.match(old) and not _WITHIN.match(new):  # "inom ett halvår" said again as "ett år": still within
        return f"{o[0]} {new}"
    return new


_WITHIN = re.compile(r"^(?:under|alle|inom|within|over|yli|över)\s", re.IGNORECASE)
