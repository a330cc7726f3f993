"""A start or an end time said again in words: "läxhjälpen börjar halv fyra, int klockan tre", "se alkaa vasta
puoli kuudelta eikä viideltä", "we finish at half seven now, not eight".

Why: people say the hour as they speak it ("halv fyra" is 3.30, "puoli kuusi" 5.30, "half seven" 7.30, "kvart i
nio" 8.45), and fix one end of an opening time the card writes as a range ("klockan 15–17"). The time said wrong
(after "int", "ei", "not") or the verb ("börjar", "alkaa", "starts"; "slutar", "loppuu", "ends") says which end
changes; the new time takes the card's half of the day and its way of writing ("15.30–17"). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_WORDS = {
    1: "yksi yks yhdeltä ett en one", 2: "kaksi kaks kahdelta kahelta två two", 3: "kolme kolmelta tre three",
    4: "neljä neljältä fyra four", 5: "viisi viis viideltä fem five", 6: "kuusi kuus kuudelta sex six",
    7: "seitsemän seittemän seitsemältä seittemältä sju seven",
    8: "kahdeksan kaheksan kahdeksalta kaheksalta åtta eight",
    9: "yhdeksän yheksän yhdeksältä yheksältä nio nine", 10: "kymmenen kymmeneltä tio ten",
    11: "yksitoista yhdeltätoista elva eleven", 12: "kaksitoista kahdeltatoista tolv twelve"}
HOURS = {w: n for n, words in _WORDS.items() for w in words.split()}
_H = r"(?P<h>\d{1,2}|" + "|".join(sorted(HOURS, key=len, reverse=True)) + r")"
_POINT = re.compile(
    r"(?<![\wåäö])(?:(?P<half>halv|puoli|puol|half(?:\s+past)?)\s+|(?P<q_past>kvart\s+över|varttia?\s+yli|vartin\s+yli|"
    r"quarter\s+past)\s+|(?P<q_to>kvart\s+i|varttia?\s+vaille|vartin\s+vaille|quarter\s+to)\s+|"
    r"(?P<clock>klockan|kl\.?|kello|klo|at)\s+)?" + _H + r"(?:[.:](?P<m>[0-5]\d))?(?:\s*o'?clock)?(?![\wåäö.:]\d)"
    r"(?![\wåäö])", re.IGNORECASE)
_START = re.compile(r"(?<![\wåäö])(?:börjar|startar|öppnar|alkaa|alkavat|aloitetaan|aukeaa|avataan|starts?|begins?|"
                    r"opens?|from|från|alkaen)(?![\wåäö])", re.IGNORECASE)
_END = re.compile(r"(?<![\wåäö])(?:slutar|stänger|loppuu|päättyy|lopetetaan|suljetaan|ends?|finish(?:es)?|closes?|"
                  r"until|till|asti|saakka)(?![\wåäö])", re.IGNORECASE)
_NOT = re.compile(r"(?<![\wåäö])(?:int|inte|ei|eikä|not|instead\s+of|sijaan)\s*$", re.IGNORECASE)
_RANGE = re.compile(r"(?<![\d.,:/])(?P<a>[0-2]?\d)(?:[.:](?P<am>[0-5]\d))?\s*(?P<sep>[-–—])\s*(?P<b>[0-2]?\d)"
                    r"(?:[.:](?P<bm>[0-5]\d))?(?![\d%,.]\d)(?![\d%])")
_RANGE_CUE = re.compile(r"(?:klo|kl\.?|kello|klockan|at|from|between|mellan|från)\s*$", re.IGNORECASE)


@dataclass
class Point:
    minutes: int  # on a 12-hour dial unless said in digits past 12
    start: int
    end: int
    old: bool  # said as the wrong one ("int klockan tre")
    marked: bool  # said as a time ("halv", "klockan", minutes), not a bare number


def points(text: str) -> Iterator[Point]:
    """The times of day a message says in words or digits."""
    for m in _POINT.finditer(text):
        h_word = m.group("h").lower()
        h = int(h_word) if h_word.isdigit() else HOURS[h_word]
        if h > 24:
            continue
        mins = int(m.group("m") or 0)
        marked = bool(m.group("half") or m.group("q_past") or m.group("q_to") or m.group("clock") or m.group("m")) \
            or h_word.endswith(("ltä", "lta", "ltätoista", "ltatoista"))  # "yhdeltätoista": at eleven
        if m.group("half"):  # "halv fyra", "puoli neljä": half an hour before; "half seven", "half past seven": after
            english = m.group("half").lower().startswith("half")
            h, mins = (h, 30) if english else (h - 1, 30)
        elif m.group("q_past"):
            mins = 15
        elif m.group("q_to"):
            h, mins = h - 1, 45
        yield Point(h * 60 + mins, m.start(), m.end(), bool(_NOT.search(text[:m.start()])), marked)


def _fmt(total: int, like: str) -> str:
    h, m = divmod(total, 60)
    sep = "." if "." in like or ":" not in like else ":"
    return str(h) if m == 0 else f"{h}{sep}{m:02d}"


def _on_dial(said: int, card: int) -> int:
    """The said time in the card's half of the day ("halv fyra" against 15 is 15.30)."""
    return said + 12 * 60 if said < 12 * 60 and card >= 12 * 60 and said + 12 * 60 - card < 6 * 60 else said


def fixed_end(text: str, card: dict[str, object]) -> tuple[str, str, str] | None:
    """(field, the new range as the card writes it, the card's range) when the message puts one end of the
    card's one opening time right; None otherwise."""
    said = list(points(text))
    new = [p for p in said if not p.old and p.marked]
    old = [p for p in said if p.old]
    if len(new) != 1 or len(old) > 1:
        return None
    ranges = []
    for fld, value in card.items():
        for item in value if isinstance(value, list) else [value]:
            for m in _RANGE.finditer(str(item)):
                a, b = int(m.group("a")), int(m.group("b"))
                marked = bool(m.group("am") or m.group("bm")) or bool(_RANGE_CUE.search(str(item)[:m.start()]))
                if 6 <= a < b <= 24 and marked:
                    ranges.append((fld, m, a * 60 + int(m.group("am") or 0), b * 60 + int(m.group("bm") or 0)))
    if not ranges:
        return _fixed_point(card, new[0], old)
    if len(ranges) != 1:
        return None
    fld, m, a, b = ranges[0]
    right = new[0].minutes
    if old:
        wrong = old[0].minutes % (12 * 60)
        end = "a" if wrong == a % (12 * 60) else "b" if wrong == b % (12 * 60) else ""
    else:
        before = text[:new[0].start]
        end = "a" if _START.search(before) and not _END.search(before) else \
            "b" if _END.search(before) and not _START.search(before) else ""
    if not end:
        return None
    a2, b2 = (_on_dial(right, a), b) if end == "a" else (a, _on_dial(right, b))
    if not a2 < b2:
        return None
    written = m.group(0)
    return fld, f"{_fmt(a2, written)}{m.group('sep')}{_fmt(b2, written)}", written


_SINGLE = re.compile(r"(?<![\wåäö])(?:klo|kl\.?|kello|klockan|at)\s*(?P<h>[0-2]?\d)(?:[.:](?P<m>[0-5]\d))?"
                     r"(?!\s*[-–—]\s*\d)(?![\d.,:]\d)", re.IGNORECASE)


def _fixed_point(card: dict[str, object], new: Point, old: list[Point]) -> tuple[str, str, str] | None:
    """The card's one time of day ("kello 22") put right when the message names it wrong ("ei kymmeneltä")."""
    if not old:
        return None
    spots = [(fld, m) for fld, value in card.items() for item in (value if isinstance(value, list) else [value])
             for m in _SINGLE.finditer(str(item))]
    if len(spots) != 1:
        return None
    fld, m = spots[0]
    at = int(m.group("h")) * 60 + int(m.group("m") or 0)
    if old[0].minutes % (12 * 60) != at % (12 * 60):
        return None
    time = m.group(0)[m.start("h") - m.start():]
    return fld, m.group(0)[:m.start("h") - m.start()] + _fmt(_on_dial(new.minutes, at), time), m.group(0)
