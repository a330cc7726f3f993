"""A value of a known kind said again differently: a weekday, a year (with its season) or an opening time.

"aukiolo on 16-19 sori", "nä vi började nog våren -20", "se seurantakysely tehtiin keväällä 2024, en tiiä miks
sanoin syksy 2023", "ei lauantaisin vaan sunnuntaisin" (on an English card that says "Saturday mornings"): people
correct such values in endless wordings, but the value itself has a form that can be read without any of them.
When the message says one new value of a kind and the card holds exactly one value of that kind (or the message
names the old one, also in another language), that value changes where the card writes it, in the card's own
language and word form ("torstaisin" → "tiistaisin", "Saturday mornings" → "Sunday mornings"). Pure: ``read``
says when a message may be read this way (the policy asks it), the engine carries the swaps out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant import clock_point, day_range, duration_fix
from assistant.items import sentences
from assistant.phrases import contains, starts_with, tokens
from assistant.why import content_words

if TYPE_CHECKING:
    from assistant.interview_types import InterviewState
    from assistant.understand import Understanding, Utterance

_DAYS = {
    "fi": ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
_DAY = re.compile(r"(?<![\wåäö])(?P<stem>maanantai|tiistai|keskiviikk?o|torstai|perjantai|lauantai|sunnuntai|måndag|"
                  r"tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|"
                  r"sunday)(?P<rest>[\wåäö'-]*)", re.IGNORECASE)
_SEASONS = (r"kevä\w*|kevät|syksy\w*|kesä\w*|talve\w*|talvi|vår\w*|höst\w*|sommar\w*|vinter\w*|spring|summer|autumn|"
            r"fall|winter|tammikuu\w*|helmikuu\w*|maaliskuu\w*|huhtikuu\w*|toukokuu\w*|kesäkuu\w*|heinäkuu\w*|"
            r"elokuu\w*|syyskuu\w*|lokakuu\w*|marraskuu\w*|joulukuu\w*|januari|februari|mars|april|maj|juni|juli|"
            r"augusti|september|oktober|november|december|january|february|march|may|june|july|august|october")
# a year, with the season or month said before it ("syksyllä 2023", "våren -20", "in spring 2019")
_YEAR = re.compile(rf"(?:(?P<season>\b(?:{_SEASONS}))\s+(?:of\s+|in\s+)?)?"
                   rf"(?:(?P<full>(?<![\d.,/–-])(?:19[6-9]\d|20[0-4]\d))|(?<=\s)[-'’](?P<short>\d\d))(?![\d])",
                   re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\s*[-–—]\s*(?:19|20)\d\d")
_YEAR_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*$")
# an opening time: "klo 17–20", "16-19", "from 10 to 12", "kl. 18.30–21"; never an age, a class or an amount
_CLOCK = re.compile(r"(?<![\d.,:/])(?P<a>[0-2]?\d)(?:[.:](?P<am>[0-5]\d))?\s*(?P<sep>[-–—]|to|till|until)\s*"
                    r"(?P<b>[0-2]?\d)(?:[.:](?P<bm>[0-5]\d))?(?![\d%,.]\d)(?![\d%])(?!\s*(?:-?v\b|-?vuot|-?år|år|"
                    r"years?|yrs?|year-olds?|v\.|%|€|e\b|euro|luok|-luok|klass|grade|henk|hlö|pers|people|kpl|km|"
                    r"kertaa|times|gånger|viik|vecko|weeks?|kuuk|månad|months?|päiv|dagar|days?|min|tunti|timm|"
                    r"hours?|lasta|barn|kids|children|nuorta|ungdomar|perhe|famil))", re.IGNORECASE)
_CLOCK_CUE = re.compile(r"(?:\b(?:klo|kl|kello|at|from|between|mellan|från|auki|aukiolo\w*|öppet|open|opening|"
                        r"hours|aika|tid|time)\W*\s*)$", re.IGNORECASE)
_CLOCK_WORDS = re.compile(r"\b(?:klo|kl|kello|auki|aukiolo\w*|aukeaa|avoinna|open\w*|öppe\w*|öppna\w*|hours?|"
                          r"times?|aika\w*|ajat|tid\w*|tiden|o'clock)\b", re.IGNORECASE)
# the value written before this word is the one said wrong: "ei X", "int X", "not X", "sanoin X", "I said X"
_OLD_BEFORE = re.compile(r"(?:\b(?:ei|eikä|eik|ej|int|inte|not|nor|never|sanoin|sanottiin|kirjotin|kirjoitin|"
                         r"laitoin|said|wrote|sa|skrev|sade|rather\s+than|instead\s+of|i\s+stället\s+för|"
                         r"istället\s+för|enkä|eli\s+ei|oo|ole)\W+(?:\w+\W+)?)$", re.IGNORECASE)
_OLD_AFTER = re.compile(r"^\W*(?:sijaan|asemesta|ei\b|int\b|inte\b|no\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """One value in a text: its kind, what it means (comparable across languages) and where it stands."""

    kind: str
    norm: str
    start: int
    end: int
    text: str
    season: str = ""  # the season or month said before a year, as written


@dataclass(frozen=True)
class Swap:
    """Replace ``wrong`` (as the card writes it) with ``right`` in ``field``."""

    field: str
    right: str
    wrong: str


def _days(text: str) -> Iterator[Found]:
    for m in _DAY.finditer(text):
        stem = m.group("stem").lower()
        index = next(i for days in _DAYS.values() for i, d in enumerate(days) if stem.startswith(d[:7]))
        yield Found("day", str(index), m.start(), m.end(), m.group(0))


def _years(text: str) -> Iterator[Found]:
    for m in _YEAR.finditer(text):
        if m.group("short") and not m.group("season"):
            continue  # "-20" is a year only after a season or month ("våren -20")
        if _YEAR_RANGE.match(text, m.end()) or _YEAR_RANGE_BEFORE.search(text[:m.start()]):
            continue  # "2018–2021" is a span of years, not one
        year = m.group("full") or f"20{m.group('short')}"
        yield Found("year", year, m.start(), m.end(), m.group(0), season=m.group("season") or "")


def _clock_ranges(text: str) -> Iterator[tuple[Found, bool]]:
    """Every hour range that can be an opening time, and whether minutes or a "klo" mark it as one."""
    for m in _CLOCK.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 6 <= a < b <= 24:
            marked = bool(m.group("am") or m.group("bm")) or bool(_CLOCK_CUE.search(text[:m.start()]))
            norm = f"{a}:{m.group('am') or '00'}-{b}:{m.group('bm') or '00'}"
            yield Found("clock", norm, m.start(), m.end(), m.group(0)), marked


def _clocks(text: str) -> Iterator[Found]:
    """The card's opening times: marked by minutes or a "klo" ("klo 17–20", "kl. 18.30–21")."""
    return (f for f, marked in _clock_ranges(text) if marked)


def _clocks_loose(text: str) -> Iterator[Found]:
    """The message's opening time needs no "klo" beside it when the message speaks of time ("aukiolo on 16-19
    sori", "open 9-12 now"); "nuoret 13-17" is an age range. Hours said in words with a start and an end
    ("ne alkaa vasta kuudelta ja loppuu kaheksalta", "vi börjar fem å slutar elva") are one too."""
    if _CLOCK_WORDS.search(text):
        yield from (f for f, _ in _clock_ranges(text))
    yield from _spoken_clock(text)


_HOURS = clock_point.HOURS  # the hours said in words, as "kuudelta", "fem", "six"
_HOUR = "|".join(sorted(_HOURS, key=len, reverse=True))
_SPOKEN = re.compile(rf"\b(?:alkaa|alkavat|alkaa\s+vasta|aloitetaan|börjar|startar|starts?|begins?)\s+(?:vasta\s+|"
                     rf"klockan\s+|kl\.?\s+|at\s+)?(?P<a>{_HOUR})\b.{{0,25}}?\b(?:loppuu|loppuvat|päättyy|lopetetaan|"
                     rf"slutar|ends?|finish(?:es)?)\s+(?:klockan\s+|kl\.?\s+|at\s+)?(?P<b>{_HOUR})\b", re.IGNORECASE)


def _spoken_clock(text: str) -> Iterator[Found]:
    """An evening said in words: an early hour is in the afternoon, and the end comes after the start."""
    for m in _SPOKEN.finditer(text):
        a, b = _HOURS[m.group("a").lower()], _HOURS[m.group("b").lower()]
        a = a + 12 if a < 8 else a
        b = b + 12 if b <= a else b
        if 6 <= a < b <= 24:
            yield Found("clock", f"{a}:00-{b}:00", m.start(), m.end(), m.group(0))


_KINDS: tuple[tuple[Callable[[str], Iterator[Found]], Callable[[str], Iterator[Found]]], ...] = (
    (_days, _days), (_years, _years), (_clocks_loose, _clocks))


def said_old(text: str, f: Found) -> bool:
    """The message calls this value wrong: "ei torstaisin", "not 2019", "sanoin syksy 2023", "16-19 eikä 17-20"."""
    return bool(_OLD_BEFORE.search(text[:f.start])) or bool(_OLD_AFTER.match(text[f.end:]))


def _render_day(card_word: str, index: int) -> str:
    """The new weekday in the card word's language and form ("torstaisin" → "tiistaisin", "keskiviikon" →
    "torstain", "Saturdays" → "Sundays")."""
    m = _DAY.match(card_word)
    assert m is not None
    stem, rest = m.group("stem"), m.group("rest")
    low = stem.lower()
    lang = next(lg for lg, days in _DAYS.items() if any(low.startswith(d[:7]) for d in days))
    new = _DAYS[lang][index]
    if lang == "fi":
        if low == "keskiviikko" and rest == "isin":  # the ending as it follows the other days' "-ai"
            rest = "sin"
        if new == "keskiviikko" and rest == "sin":
            new, rest = "keskiviikkoisin", ""
        elif new == "keskiviikko" and rest in ("n", "lla", "lle", "lta", "t"):
            new = "keskiviiko"  # the weak grade: "keskiviikon", "keskiviikolla"
    if stem[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new + rest


def _render_year(card: Found, said: Found, same_language: bool) -> str:
    """"syksyllä 2023" → "keväällä 2024" when both say a season in one language, else only the year changes."""
    if said.season and card.season and same_language:
        return f"{said.season} {said.norm}"
    return re.sub(r"(?:(?:19|20)\d\d|[-'’]\d\d)$", said.norm, card.text)


def _render_clock(card: Found, said: Found) -> str:
    m = _CLOCK.match(card.text)
    sep = m.group("sep") if m else "–"
    a, b = said.norm.split("-")

    def hour(v: str) -> str:
        h, mm = v.split(":")
        return h if mm == "00" else f"{h}.{mm}"
    return f"{hour(a)}{sep}{hour(b)}"


def _same_language(a: str, b: str) -> bool:
    """Both seasons in one language (a Finnish message on a Swedish card keeps the card's season word)."""
    fi = re.compile(r"^(?:kevä|syksy|kesä|talv|\w+kuu)", re.IGNORECASE)
    sv = re.compile(r"^(?:vår|höst|sommar|vinter|januari|februari|mars|april|maj|juni|juli|augusti)", re.IGNORECASE)
    return any(bool(p.match(a)) and bool(p.match(b)) for p in (fi, sv)) or not (fi.match(a) or sv.match(a) or
                                                                              fi.match(b) or sv.match(b))


_SKIP = ("contact", "stage", "name")


def _holders(card: dict[str, object], read: Callable[[str], Iterator[Found]]) -> list[tuple[str, Found]]:
    out: list[tuple[str, Found]] = []
    for fld, value in card.items():
        if fld in _SKIP or not value:
            continue
        for part in (value if isinstance(value, list) else [value]):
            out += [(fld, f) for f in read(str(part))]
    return out


# a beginning, said in any of the three languages: the year of a start is corrected with another start verb
_START = re.compile(r"\b(?:alk\w*|aloit\w*|alko\w*|perustet\w*|käynnist\w*|start\w*|began|begun|begin\w*|"
                    r"founded|launched|började|börja\w*|startade|grundade\w*|kom\s+igång)", re.IGNORECASE)
def _part_of(card: dict[str, object], fld: str, f: Found) -> str:
    value = card[fld]
    return next((str(p) for p in value if f.text in str(p)), "") if isinstance(value, list) else str(value)


def _about_the_same(text: str, part: str) -> bool:
    """The message and the card's sentence both speak of a start, or share a content word."""
    if _START.search(text) and _START.search(part):
        return True
    return bool({w[:5] for w in content_words(text)} & {w[:5] for w in content_words(part)})


def calls_wrong(text: str, card: dict[str, object]) -> bool:
    """The message names a value the card writes and calls it wrong ("eikä torstaisin", "sanoin syksy 2023")."""
    for read_said, read_card in _KINDS:
        said = [f for f in read_said(text) if said_old(text, f)]
        if said and {f.norm for f in said} & {f.norm for _, f in _holders(card, read_card)}:
            return True
    return any(p.old for p in clock_point.points(text)) and clock_point.fixed_end(text, card) is not None \
        or duration_fix.fixed(text, card) is not None  # the old length is always said: "… ei kerkee", "not an hour"


def swaps(text: str, card: dict[str, object]) -> list[Swap]:
    """The card's value of a kind replaced by the one the message says, everywhere the card writes it; [] when
    the message says no new value of any kind, or which value it replaces is not clear."""
    for read_said, read_card in _KINDS:
        said = list(read_said(text))
        if not said:
            continue
        holders = _holders(card, read_card)
        on_card = {f.norm for _, f in holders}
        new = {f.norm: f for f in said if f.norm not in on_card and not said_old(text, f)}
        if len(new) != 1:
            continue
        (norm, right), = new.items()
        named_old = {f.norm for f in said if said_old(text, f)}
        if named_old:  # "ei torstaisin", "sanoin syksy 2023": that value, if the card writes it
            target = named_old & on_card
        elif any(f.norm in on_card for f in said):  # "maanantaisin ja tiistaisin": which one changes is unclear
            continue
        else:  # "aukiolo on 16-19": the card's only value of the kind; a year only where the card says the
            target = on_card  # same thing about it ("vi började nog våren -20" for "startade hösten 2019")
            if said[0].kind == "year":
                target = {f.norm for fld, f in holders if _about_the_same(text, _part_of(card, fld, f))}
                target = target if target == on_card else set()
        if len(target) != 1:
            continue
        (wrong_norm,) = target
        out: list[Swap] = []
        for fld, f in holders:
            if f.norm != wrong_norm:
                continue
            if f.kind == "day":
                new_text = _render_day(f.text, int(norm))
            elif f.kind == "year":
                new_text = _render_year(f, right, _same_language(f.season, right.season))
            else:
                new_text = _render_clock(f, right)
            if new_text != f.text and all(s.field != fld or s.wrong != f.text for s in out):
                out.append(Swap(fld, new_text, f.text))
        if out:
            return out
    end = clock_point.fixed_end(text, card) or duration_fix.fixed(text, card) or day_range.longer_run(
        text, card, lambda t: [(int(f.norm), f.start, f.end, f.text) for f in _days(t)], _render_day)
    return [Swap(end[0], end[1], end[2])] if end is not None else []  # "börjar halv fyra, int klockan tre",
    # "90 minutes not an hour", "perjantaisinkin" for "maanantaista torstaihin"


_MOST_WORDS = 40  # a longer message is an answer or a story that may mention a day or a year in passing


def card_of(state: InterviewState) -> dict[str, object]:
    return {f: v for f, v in state.draft.model_dump().items() if v and isinstance(v, (str, list))}


def read(state: InterviewState, u: Utterance, nlu: Understanding) -> tuple[str, list[Swap]] | None:
    """(the answer to the open question, the swaps) for a weekday, year or opening time on the card said
    again differently ("aukiolo on 16-19 sori", "nä vi började nog våren -20"). While a question is open this
    needs a sign that the message corrects: a correction word, a value it calls wrong ("eikä torstaisin",
    "sanoin syksy 2023"), a bare "no" first, or a correction the reader found but could not place; otherwise a
    day or a year in an answer is that answer's content. The sentences without the value that name the asked
    field, or come before it, answer the question."""
    text = u.text
    sents = sentences(text)
    if len(text.split()) > _MOST_WORDS or len(sents) > 3:
        return None
    card = card_of(state)
    found = swaps(text, card)
    if not found or u.correction is not None and u.correction.removed and not calls_wrong(text, card) and not any(
            swaps(r, card) or calls_wrong(f"ei {r}", card) for r in u.correction.removed):
        return None  # "ei se tullu mistään sote-keskus ohjelmasta …": a correction of something else
    pending = state.pending_field if state.phase == "collect" and state.asking == "question" else None
    if pending:
        signal = u.correction is not None or contains(text, nlu.cues.correction_markers) or calls_wrong(
            text, card) or starts_with(text, nlu.cues.no) is not None
        if not signal:
            return None
    elif len(sents) > 2:
        return None
    answer = ""
    if pending:
        with_value = [i for i, s in enumerate(sents) if swaps(s, card)]
        first = with_value[0] if with_value else len(sents)
        rest = [s for i, s in enumerate(sents) if i not in with_value and (i < first or nlu.names_field(s) == pending)]
        answer = " ".join(s for s in rest if len(tokens(s)) >= 3)
    return answer, found
