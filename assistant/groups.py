"""Who a model is for, in a form that can be compared: age ranges and coarse groups (fi/sv/en).

"Sama kohderyhmä: 12–29-vuotiaat" for a story about older men happened because "noin 12 miestä" looked
like an age and the words "nuoret"/"miehet" were never compared as groups. Ages here need an age word
next to the numbers, and groups are compared as classes (children, young people, older people, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_NUM = r"(\d{1,3})"
_DASH = r"\s*(?:–|-|—|to|till|ja|och|and)\s*"
_AGE_WORD = (r"(?:-?\s*v(?:uotia\w*|\.)?\b|-?\s*vuo\w*|\s*år\w*|-?åring\w*|\s*(?:years?|yrs?)(?:\s*old)?|"
             r"-year-olds?|-årig\w*)")
_RANGE = re.compile(_NUM + r"-?" + _DASH + _NUM + _AGE_WORD, re.IGNORECASE)  # also "13- to 16-year-olds"
_AGED = re.compile(r"(?:aged|ages|age|ikäiset|i åldern|åldern)\s+" + _NUM + _DASH + _NUM, re.IGNORECASE)
_OVER = re.compile(r"(?:yli|över|over|above|older than|vähintään|at least)\s+" + _NUM + r"(?:" + _AGE_WORD + r")?",
                   re.IGNORECASE)
_UNDER = re.compile(r"(?:alle|under|below|younger than|upp till|up to|enintään)\s+" + _NUM +
                    r"(?:" + _AGE_WORD + r")?", re.IGNORECASE)
_SINGLE = re.compile(_NUM + _AGE_WORD, re.IGNORECASE)
_PLUS = re.compile(_NUM + r"\s*\+", re.IGNORECASE)
# an age and everything above it: "16 vuotta täyttäneet", "som fyllt 70", "aged 70 and over", "65 år och äldre"
_AND_UP = re.compile(r"(?:täyttäneet|täyttänyt|fyllt|fyllda|from\s+age|from\s+the\s+age\s+of|"
                     r"over\s+the\s+age\s+of)\s+" + _NUM + r"\b(?!\s*(?:–|-|—|to|till)\s*\d)|"
                     + _NUM + r"(?:" + _AGE_WORD + r")?\s*(?:täyttäneet|täyttänyt|vuotta täyttäneet)|"
                     + _NUM + r"(?:" + _AGE_WORD + r")?\s*(?:and|or|och|eller|ja|tai)\s+(?:over|older|above|äldre|"
                     r"över|uppåt|vanhemmat|yli|vanhempi)", re.IGNORECASE)
# school grades: "1.–9. luokka", "årskurs 7–9", "grades 7 to 9" (age ≈ grade + 6)
_GRADES = re.compile(r"(\d{1,2})\.?\s*(?:–|-|—|to|till)\s*(\d{1,2})\.?\s*(?:luok\w*|vuosiluok\w*|klass\w*|lk\b|åk\b)|"
                     r"(?:årskurs\w*|åk|grades?|luokat|luokilla|luokille|lk|klass\w*)\s*(\d{1,2})\s*(?:–|-|—|to|till)\s*"
                     r"(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)\s*(?:–|-|—|to)\s*(\d{1,2})(?:st|nd|rd|th)\s*grade",
                     re.IGNORECASE)
# ages said in words: "under skolåldern" (0–6), "alle vuoden ikäiset" (under one), "i skolåldern" (7–15)
_WORDED = ((re.compile(r"\b(?:under|före|innan)\s+skolålder\w*|\balle\s+kouluikäi\w*|\bleikki-ikäi\w*|"
                       r"\bunder\s+school\s+age|\bpre-?school(?:\s+|-)age\w*|\bförskoleålder\w*|\bi\s+förskoleåldern",
                       re.IGNORECASE), 0, 6),
           (re.compile(r"\balle\s+(?:vuoden|yksivuotia\w*|1-vuotia\w*)|\bunder\s+(?:ett|1)\s+år\b|"
                       r"\bunder\s+(?:one|a|1)\s+year|\bvauvaikäi\w*|\bspädbarn\w*|\binfants?\b",
                       re.IGNORECASE), 0, 1),
           (re.compile(r"\bi\s+skolåldern|\bkouluikäi\w*|\bschool-age\w*|\bschool\s+age\s+children",
                       re.IGNORECASE), 7, 15),
           # schooling and life stages that fix an age: comprehensive school and its parts, upper secondary,
           # higher education, conscripts, working age
           (re.compile(r"\bperuskoulu\w*|\bperusopetukse\w*|\bgrundskol\w*|\bcomprehensive[\s-]school\w*",
                       re.IGNORECASE), 7, 15),
           (re.compile(r"\balakoulu\w*|\blågstadie\w*|\bprimary[\s-]school\w*", re.IGNORECASE), 7, 12),
           (re.compile(r"\byläkoulu\w*|\byläasteel\w*|\bhögstadie\w*|\blower[\s-]secondary\w*", re.IGNORECASE), 13, 15),
           (re.compile(r"\blukiolai\w*|\bammattiopisto\w*|\btoisen\s+asteen\s+opiskelij\w*|\bgymnasieelev\w*|"
                       r"\bgymnasiestuderande|\bupper[\s-]secondary\s+(?:school\s+)?students?|"
                       r"\bvocational\s+(?:school|college)\s+students?", re.IGNORECASE), 16, 19),
           (re.compile(r"\b(?:ammatti)?korkeakouluopiskelij\w*|\bammattikorkeakoulu\w*\s+opiskelij\w*|"
                       r"\byliopisto-?opiskelij\w*|\bhögskolestuderande|\buniversity\s+students?|"
                       r"\bcollege\s+students?", re.IGNORECASE), 19, 30),
           (re.compile(r"\bvarusm(?:ies|iehi|iest)\w*|\bbeväring\w*|\bconscripts?\b", re.IGNORECASE), 18, 25),
           (re.compile(r"\btyöikäi\w*|\bi\s+arbetsför\s+ålder|\barbetsföra\b|\bworking[\s-]age\b", re.IGNORECASE),
            18, 64),
           # minors, teenagers and older people: life stages that fix an age as firmly as a school level does
           (re.compile(r"\balaikäi\w*|\bminderårig\w*|\bminors?\b|\bunder-18s?\b", re.IGNORECASE), 0, 17),
           (re.compile(r"\bteini\w*|\btonåring\w*|\bteenager\w*|\bteens\b|\bteenage\b", re.IGNORECASE), 13, 19),
           (re.compile(r"\bikäihmi\w*|\bikääntyne\w*|\biäkkä\w*|\bvanhus\w*|\bvanhuks\w*|\beläkeläi\w*|"
                       r"\bäldre\s+(?:personer|människor|invånare)|\bpensionär\w*|\bolder\s+(?:people|adults|persons)|"
                       r"\belderly\b|\bpensioners?\b", re.IGNORECASE), 60, 120))

# Coarse classes by word stems (matched at word starts). Written for fi/sv/en welfare texts.
GROUP_STEMS: dict[str, tuple[str, ...]] = {
    "infants": ("vauva", "imeväi", "raskaana", "odottav", "lasta odottav", "spädbarn", "bebis", "gravid", "blivande",
                "infant", "baby", "babies", "pregnan", "expecting"),
    "children": ("lapsi", "lapse", "lasten", "lapsia", "lapsille", "lapset", "pikkulas", "pienet lapset", "alakoul",
                 "esikoul", "päiväkoti", "varhaiskasvatu", "barn", "förskol", "lågstadi", "child", "kid",
                 "preschool", "kindergarten", "toddler", "oppila", "koululai", "perusopetu", "elev", "pupil",
                 "schoolchild", "grundskol"),
    "youth": ("nuor", "nuoria", "teini", "yläkoul", "toisen asteen", "opiskelij", "ung", "unga", "tonår", "ungdom",
              "högstadi", "gymnasi", "young people", "youth", "teen", "adolescen", "student", "young adult"),
    "families": ("perhe", "perhei", "vanhem", "huoltaj", "äiti", "isä", "famil", "förälder", "föräldr", "vårdnadshav",
                 "parent", "mother", "father", "carer of child"),
    "older": ("ikäihmi", "ikääntyn", "iäkkä", "vanhus", "vanhuks", "seniori", "eläkeläi", "eläkkeelle", "yli 65",
              "yli 75", "äldre", "pensionär", "senior", "older people", "older adults", "elderly", "aged care",
              "retire"),
    "adults": ("aikuis", "työikäi", "vuxna", "vuxen", "adult", "working-age", "working age"),
    "carers": ("omaishoit", "läheistään hoitav", "anhörigvård", "närstående", "carer", "caregiver", "young carer"),
    "mental": ("mielenterv", "masennu", "ahdistu", "psykoo", "psykiatr", "psyyk", "mental", "depress", "anxiety",
               "psychos", "psykisk", "psykiatri"),
    "substance": ("päihte", "päihde", "huume", "alkoholi", "riippuvu", "missbruk", "beroende", "droger", "alkohol",
                  "substance", "drug", "alcohol", "addict", "inject"),
    "homeless": ("asunno", "koditon", "häätö", "hemlös", "bostadslös", "homeless", "housing first", "evict"),
    "unemployed": ("työtön", "työttöm", "työnhak", "työn ulkopuol", "koulutuksen ulkopuol", "neet", "arbetslös",
                   "arbetssökande", "unemploy", "jobseek", "out of work", "not in education"),
    "immigrants": ("maahanmuutt", "pakolai", "turvapaikan", "kotoutu", "invandra", "flykting", "asylsök",
                   "nyanländ", "immigrant", "migrant", "refugee", "asylum", "newcomer"),
    "disabled": ("vammai", "kehitysvam", "näkövamm", "kuulovamm", "viittomakiel", "funktionsneds", "funktionsvari",
                 "disab", "sign language", "deaf", "blind"),
    "offenders": ("rikos", "rikoksen", "vanki", "vankila", "vapautu", "kriminal", "fånge", "brott", "offender",
                  "prison", "inmate", "crime"),
    "violence": ("väkivalt", "pahoinpit", "lähisuhdeväkival", "våld", "misshandel", "violence", "abuse"),
    "professionals": ("ammattilai", "työntekij", "henkilöstö", "henkilökun", "opettaj", "sosiaalityöntekij",
                      "yrkesverksam", "personal", "anställd", "lärare", "professional", "staff", "personnel",
                      "employee", "teacher", "practitioner", "worker"),
    "lonely": ("yksinäi", "yksin asuv", "ensam", "lonel", "isolat"),
}


@dataclass(frozen=True)
class AgeRange:
    low: int
    high: int

    def overlap(self, other: AgeRange) -> float:
        """Share of the narrower range covered by the other (1.0 = nested, 0.0 = disjoint)."""
        lo, hi = max(self.low, other.low), min(self.high, other.high)
        if hi < lo:
            return 0.0
        return (hi - lo + 1) / max(1, min(self.high - self.low, other.high - other.low) + 1)

    def text(self) -> str:
        return f"{self.low}–{self.high}" if self.high < 120 else f"{self.low}+"


def ages(text: str) -> list[AgeRange]:
    """Age ranges stated in a text ("16–29-vuotiaat", "yli 75-vuotiaat", "aged 12–25", "3–6 år")."""
    return list(_ages(text))


@lru_cache(maxsize=8192)  # bank texts are parsed for every candidate of every turn
def _ages(text: str) -> tuple[AgeRange, ...]:
    out: list[AgeRange] = []
    taken: list[tuple[int, int]] = []

    def add(lo: int, hi: int, span: tuple[int, int]) -> None:
        if any(s <= span[0] < e for s, e in taken):
            return
        if 0 <= lo <= hi <= 120:
            out.append(AgeRange(lo, hi))
            taken.append(span)

    for m in _RANGE.finditer(text):
        add(int(m.group(1)), int(m.group(2)), m.span())
    for m in _AGED.finditer(text):
        add(int(m.group(1)), int(m.group(2)), m.span())
    for m in _OVER.finditer(text):
        add(int(m.group(1)), 120, m.span())
    for m in _UNDER.finditer(text):
        add(0, max(0, int(m.group(1)) - 1), m.span())
    for m in _PLUS.finditer(text):
        add(int(m.group(1)), 120, m.span())
    for m in _AND_UP.finditer(text):
        add(int(next(g for g in m.groups() if g)), 120, m.span())
    for m in _SINGLE.finditer(text):
        add(int(m.group(1)), int(m.group(1)), m.span())
    for m in _GRADES.finditer(text):
        lo, hi = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
        if int(lo) <= int(hi) <= 13:
            add(int(lo) + 6, int(hi) + 6, m.span())
    if out:  # stated numbers are more exact than a life stage ("työikäisille 30–64-vuotiaille" is 30–64)
        return tuple(out)
    for pattern, lo_age, hi_age in _WORDED:
        for m in pattern.finditer(text):
            add(lo_age, hi_age, m.span())
    return tuple(out)


def age_compatibility(a: list[AgeRange], b: list[AgeRange]) -> float:
    """1.0 when some ranges nest, 0 when either side states no age, -1.0 when all stated ages are disjoint."""
    if not a or not b:
        return 0.0
    best = max(x.overlap(y) for x in a for y in b)
    return best if best > 0 else -1.0


_GROUP_RES = {cls: re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(s) for s in stems) + ")")
              for cls, stems in GROUP_STEMS.items()}


def groups(text: str) -> set[str]:
    """Coarse target-group classes named in a text."""
    return set(_groups(text))


@lru_cache(maxsize=8192)
def _groups(text: str) -> frozenset[str]:
    low = " " + text.lower()
    found = {cls for cls, pattern in _GROUP_RES.items() if pattern.search(low)}
    for rng in ages(text):  # ages imply classes too
        if rng.low < 12:
            found.add("children")
        if rng.low <= 25 and rng.high >= 13 and rng.high <= 35:
            found.add("youth")
        if rng.low >= 60:
            found.add("older")
        if rng.low >= 18 and rng.high >= 60 and rng.low < 60:
            found.add("adults")
    return frozenset(found)


# classes that describe *who* (the person); the rest describe circumstances and combine freely
WHO = frozenset({"infants", "children", "youth", "families", "older", "adults", "professionals"})


def group_compatibility(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of the classes; -1.0 when both name who they serve and share none of it."""
    if not a or not b:
        return 0.0
    wa, wb = a & WHO - {"professionals"}, b & WHO - {"professionals"}
    if wa and wb and not wa & wb and not ({"families"} & (wa | wb)):
        return -1.0
    return len(a & b) / len(a | b)
