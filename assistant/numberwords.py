"""Values as people type them in a correction, read to what they mean, so one said in words can be found on
the card in digits and the other way round: "kaheksaasataa" is the card's "800", "sixty thousand … not fourty"
is "60 000" for "40 000", "neljänä" for "kolmena", "kokoaikanen eikä puolikas" is 100 % for "50 %",
"keskiviikkosin! torstait oli …" is one weekday for another. Pure functions; no cue lists of the engine.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BASE = {"yksi": 1, "kaksi": 2, "kaks": 2, "kolme": 3, "neljä": 4, "viisi": 5, "viis": 5, "kuusi": 6, "kuus": 6,
         "seitsemän": 7, "seittemän": 7, "kahdeksan": 8, "kaheksan": 8, "yhdeksän": 9, "yheksän": 9,
         "kymmenen": 10, "kymmene": 10, "sata": 100, "tuhat": 1000, "tonni": 1000,
         "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
         "elva": 11, "tolv": 12, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
         "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100, "tusen": 1000,
         "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
         "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
# spoken Finnish tens: "kakskyt", "kolkyt", "viiskyt"
_FI_KYT = {"kaks": 2, "kol": 3, "kolme": 3, "nel": 4, "neljä": 4, "viis": 5, "kuus": 6, "seittemän": 7, "seitsemän": 7,
           "kaheksan": 8, "kahdeksan": 8, "yheksän": 9, "yhdeksän": 9}
# Finnish case forms share a stem with the word ("kolmena", "neljää", "viittä", "kahden", "tonnin", "sataa")
_FI_STEMS = (("kahdeksa", 8), ("kaheksa", 8), ("yhdeksä", 9), ("yheksä", 9), ("seitsemä", 7), ("seittemä", 7),
             ("kymmen", 10), ("kolm", 3), ("nelj", 4), ("viit", 5), ("viid", 5), ("kuut", 6), ("kuud", 6),
             ("kaht", 2), ("kahd", 2), ("yht", 1), ("yhd", 1), ("tonni", 1000), ("tuhat", 1000),
             ("tuhan", 1000), ("sata", 100), ("sado", 100), ("sada", 100))
_FI_ENDINGS = re.compile(r"^(?:e|ea|eä|ena|enä|en|eksi|aksi|äksi|ella|ellä|elle|elta|essa|esta|esti|a|ä|aa|ää|an|"
                         r"än|na|nä|n|nen|nna|nnä|ana|änä|lla|llä|lle|lta|ltä|ssa|ssä|sta|stä|ksi|ta|tä|tta|ttä|sti|ästi|"
                         r"asti)?$")
# "kahteen", "neljästä", "viidestä": to and from a number ("kuudesta kahteentoista"); not of one ("yhteen",
# "yhdessä" are "together")
_FI_TO_FROM = re.compile(r"^(?:een|ään|aan|estä|ästä|eltä|ältä)$")
_SCALE = {"tuhatta": 1000, "tuhannen": 1000, "tusen": 1000, "thousand": 1000, "sataa": 100, "hundred": 100,
          "hundra": 100, "k": 1000}
# a share of something: of working time, of the people ("puolikas", "halva", "kokoaikanen", "full-time")
_SHARES = ((r"puolika\w*|puoli|puolet|halva|halv|half", 0.5),
           (r"kolmasosa\w*|kolmannes\w*|tredjedel\w*|(?:a|one)\s+third", 1 / 3),
           (r"neljännes\w*|neljäsosa\w*|fjärdedel\w*|(?:a|one)\s+quarter", 0.25),
           (r"kokoaika\w*|kokopäiv\w*|täysipäiv\w*|täysaika\w*|full[- ]?time|heltid\w*", 1.0))
_DAYS = (("maanantai", 0), ("tiistai", 1), ("keskiviikko", 2), ("keskiviiko", 2), ("torstai", 3), ("perjantai", 4),
         ("lauantai", 5), ("sunnuntai", 6), ("måndag", 0), ("tisdag", 1), ("onsdag", 2), ("torsdag", 3),
         ("fredag", 4), ("lördag", 5), ("söndag", 6), ("monday", 0), ("tuesday", 1), ("wednesday", 2),
         ("thursday", 3), ("friday", 4), ("saturday", 5), ("sunday", 6))


# an ordinal, in a frequency ("joka kolmas viikko", "var fjortonde dag", "every third week"): read only as a
# whole word (also "other" in "toinen", "andra", "second") and only set against another ordinal
_ORDINALS = {w: n for n, words in {
    2: "toinen toisena toisella second", 3: "kolmas kolmantena kolmannella third tredje",
    4: "neljäs neljäntenä neljännellä fourth fjärde", 5: "viides viidentenä viidennellä fifth femte",
    6: "kuudes kuudentena kuudennella sixth sjätte", 7: "seitsemäs seitsemäntenä seitsemännellä seventh sjunde",
    8: "kahdeksas kahdeksantena kahdeksannella eighth åttonde", 10: "kymmenes tenth tionde",
    14: "neljästoista fourteenth fjortonde"}.items() for w in words.split()}


class Value(NamedTuple):
    kind: str  # "n" a number, "share" a part of a whole, "day" a weekday, "ord" an ordinal
    value: float


def word_number(word: str) -> int | None:
    """The number one word says: "12", "tolv", "neljänä", "kaheksaasataa", "tonnin", "viistuhatta"."""
    w = word.lower().strip(".,;:!?")
    if w.isdigit():
        return int(w)
    if w in _BASE:
        return _BASE[w]
    if w.endswith("toista") and len(w) > 6:  # "viistoista", "kahteentoista", "viidestätoista": 11–19
        head = word_number(w[:-6])
        return head + 10 if head and head < 10 else None
    if w.endswith("kyt") and w[:-3] in _FI_KYT:  # "kakskyt": twenty
        return _FI_KYT[w[:-3]] * 10
    tens = _tens_and_units(w)
    if tens is not None:
        return tens
    for tail, scale in (("sataa", 100), ("tuhatta", 1000), ("kymmentä", 10)):
        if w.endswith(tail) and len(w) > len(tail):  # "kaheksaasataa", "viistuhatta", "kolmekymmentä"
            head = word_number(w[: -len(tail)]) or word_number(w[: -len(tail)].rstrip("aä"))
            return head * scale if head and head < 10 else None
    for stem, n in _FI_STEMS:
        if w.startswith(stem) and w.isalpha() and (_FI_ENDINGS.match(w[len(stem):]) or n != 1
                                                   and _FI_TO_FROM.match(w[len(stem):])):
            return n
    return None


_UNITS = {"yks": 1, "yksi": 1, "kaks": 2, "kaksi": 2, "kolme": 3, "neljä": 4, "viis": 5, "viisi": 5, "kuus": 6,
          "kuusi": 6, "seittemän": 7, "seitsemän": 7, "kaheksan": 8, "kahdeksan": 8, "yheksän": 9, "yhdeksän": 9,
          "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
          "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SV_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
            "nittio": 90}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}


def _tens_and_units(w: str) -> int | None:
    """Tens said in words, alone or with a unit: "kolkytä", "kakskytviis", "kolmekymmentäviisi", "sextiofem",
    "sixty-five"."""
    m = re.fullmatch(r"(?P<t>[a-zäö]+?)(?:kyt(?:tä|ä)?|kymmentä)(?P<u>[a-zäö]*)", w)
    if m and m.group("t") in _FI_KYT and (not m.group("u") or m.group("u") in _UNITS):
        return _FI_KYT[m.group("t")] * 10 + (_UNITS[m.group("u")] if m.group("u") else 0)
    for tens in _SV_TENS:
        if w.startswith(tens) and w[len(tens):] in _UNITS:
            return _SV_TENS[tens] + _UNITS[w[len(tens):]]
    head, _, tail = w.partition("-")
    if head in _EN_TENS and tail in _UNITS:
        return _EN_TENS[head] + _UNITS[tail]
    return None


# the stem a Finnish number takes before a case ending (genitive stem): "kuude-ksi", "viide-ssä", "kahde-lla"
_FI_CASE_STEM = {1: "yhde", 2: "kahde", 3: "kolme", 4: "neljä", 5: "viide", 6: "kuude", 7: "seitsemä", 8: "kahdeksa",
                 9: "yhdeksä", 10: "kymmene"}
_FI_CASE = re.compile(r"(?:ksi|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|na|nä|n)$")


def inflected_like(right: str, wrong: str) -> str:
    """``right`` in the case of the Finnish number word ``wrong`` it replaces ("kuus" for "neljäksi" →
    "kuudeksi", "6" for "neljällä" → "kuudella"); ``right`` as said when ``wrong`` is no such case form."""
    old, new = word_number(wrong), word_number(right)
    stem = _FI_CASE_STEM.get(old or 0, "")
    low = wrong.lower()
    if not (old and new and stem and new in _FI_CASE_STEM and low.startswith(stem) and _FI_CASE.fullmatch(
            low[len(stem):])):
        return right
    ending = low[len(stem):]
    new_stem = _FI_CASE_STEM[new]
    back = any(c in new_stem for c in "aou")
    ending = ending.translate(str.maketrans("ä", "a") if back else str.maketrans("a", "ä"))
    out = new_stem + ending
    return out[:1].upper() + out[1:] if wrong[:1].isupper() else out


_TOKEN = re.compile(r"(?<![\wåäö])(\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)?)(?:\s*(%))?",
                    re.IGNORECASE)


def read(phrase: str) -> Value | None:
    """The value a short phrase says: its first number (times a scale word after it), share or weekday."""
    low = phrase.lower().strip()
    for words, share in _SHARES:
        if re.search(r"(?<![\wåäö])(?:" + words + r")(?![\wåäö])", low):
            return Value("share", share)
    for stem, day in _DAYS:
        if re.search(r"(?<![\wåäö])" + re.escape(stem), low):
            return Value("day", day)
    tokens = list(_TOKEN.finditer(low))
    if tokens and tokens[0].group(1) in _ORDINALS:
        return Value("ord", _ORDINALS[tokens[0].group(1)])
    for i, m in enumerate(tokens):
        raw = m.group(1)
        n: float | None = float(raw.replace(" ", "").replace(" ", "").replace(",", ".")) \
            if raw[0].isdigit() else word_number(raw)
        if n is None:
            continue
        if m.group(2):  # "50 %"
            return Value("share", n / 100)
        if i + 1 < len(tokens) and tokens[i + 1].group(1) in _SCALE and n < 1000:
            n *= _SCALE[tokens[i + 1].group(1)]  # "sixty thousand", "80 tuhatta"
        return Value("n", n)
    return None


def scaled(wrong: Value, right: Value) -> Value:
    """"sixty thousand … not fourty": the wrong one is in the scale of the right one."""
    if wrong.kind == right.kind == "n" and right.value >= 1000 and wrong.value < 1000 and right.value % 1000 == 0 \
            and 1 <= right.value / 1000 < 1000 and wrong.value * 1000 < right.value * 10:
        return Value("n", wrong.value * 1000)
    return wrong


def spots(text: str, want: Value) -> list[re.Match[str]]:
    """Where a card text writes a value: a number in digits or words, a share as "50 %" or in words."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group(1)
        if raw[0].isdigit():
            n = float(raw.replace(" ", "").replace(" ", "").replace(",", "."))
            got = Value("share", n / 100) if m.group(2) else Value("n", n)
        else:
            read_as = read(m.group(0))
            if read_as is None or (read_as.kind == "n" and word_number(raw) is None):
                continue
            got = read_as
        if got.kind == want.kind and abs(got.value - want.value) < 1e-6:
            out.append(m)
    return out


def written_like(right: Value, said: str, card_token: str) -> str:
    """The right value as the card writes its kind: digits for digits ("800" → "1000", "40 000" → "60 000",
    "50 %" → "100 %"), else as said."""
    digits = card_token.strip()
    if right.kind == "share" and digits.endswith("%"):
        return f"{round(right.value * 100):d} %"
    if right.kind == "n" and digits[:1].isdigit():
        if re.fullmatch(r"\d+[.,]\d+", said.strip()):
            return said.strip()  # "5,50" as said: a price keeps its decimals and its comma
        n = int(right.value) if float(right.value).is_integer() else right.value
        return f"{n:,}".replace(",", " ") if re.search(r"\d[  ]\d{3}", digits) else str(n)
    return said


_NEG = {"eikä", "ei", "int", "inte", "not"}
_EVERY = {"every", "each", "joka", "var"}
_AND = {"and", "ja", "och", "sekä", "&", "or", "tai", "eller", "to", "till"}
_OLD = re.compile(r"^\s*(?:(?!tuhat|tonni|sata|thousand|hundred|tusen|hundra)[^\W\d_]{3,}\s+)?"
                  r"(?:oli|olivat|olikin|was|were|var|va|ei riittäny\w*|ei riittänyt|ei riitä|räckte int\w*|"
                  r"räckte inte|wasn't enough|was not enough|isn't enough|is not enough)\b", re.IGNORECASE)
_THAT = re.compile(r"(?<![\wåäö])(?:et|että|att|that)$", re.IGNORECASE)  # "huomattiin et viistoista … oli"
_RANGE = re.compile(r"^(\d{1,3})\s*[–-]\s*(\d{1,3})$")
_WORD = re.compile(r"\d+[.,]\d+(?![\d])|[^\s,.;:!?()\"]+")  # "2.5" is one word, not "2" and "5"


def _value_of(words: list[re.Match[str]], j: int, text: str) -> tuple[int, Value] | None:
    """The value a word starts (with its scale word: "sixty thousand"); a scale word alone goes back to its
    number. (start index, value) or None."""
    w = words[j].group(0).lower()
    if w in _SCALE and j > 0 and word_number(words[j - 1].group(0)) is not None:
        j -= 1
    end = words[min(j + 1, len(words) - 1)].end()
    v = read(text[words[j].start():end]) if read(words[j].group(0)) is not None else None
    return (j, v) if v is not None else None


# a range said in Finnish words, from one number to another: "kuudesta kahteentoista", "viidestä kymmeneen"
_FROM_TO = re.compile(r"(?<![\wåäö])([^\W\d_]+)\s+(?=([^\W\d_]+)(?![\wåäö]))")


def is_range(said: str) -> bool:
    """"15–25", "6-12": a range of two numbers, as a correction says it."""
    return _RANGE.match(said.strip()) is not None


def _case(word: str) -> str:
    """"from" for a Finnish number said from ("neljästä", "kahdestatoista"), "to" for one said to ("kymmeneen",
    "kahteentoista"), "" otherwise."""
    low = word.lower()
    base = low[:-6] if low.endswith("toista") else low
    if word_number(low) is None:
        return ""
    return "from" if base.endswith(("sta", "stä")) else "to" if base.endswith(("een", "ään", "aan", "neen")) else ""


def _word_ranges(text: str) -> str:
    """Ranges said in words written as digits ("kuudesta kahteentoista" → "6–12"), the rest as it was."""
    for m in _FROM_TO.finditer(text):  # each word with the next (the lookahead lets pairs overlap)
        low, high = word_number(m.group(1)), word_number(m.group(2))
        if (_case(m.group(1)), _case(m.group(2))) == ("from", "to") and low is not None and high is not None \
                and low < high:
            return text[:m.start()] + f"{low}–{high}" + _word_ranges(text[m.end() + len(m.group(2)):])
    return text


def _one_end(wrong: str, right: str) -> str:
    """The wrong end of a range said alone, as the whole wrong range: "neljästä" (from four) against "6–12" is
    "4–12", "kymmeneen" (to ten) against "6–12" is "6–10"; the word as it was otherwise."""
    r, n, case = _RANGE.match(right.strip()), word_number(wrong), _case(wrong)
    if r is None or n is None or not case:
        return wrong
    return f"{n}–{r.group(2)}" if case == "from" else f"{r.group(1)}–{n}"


def pair(text: str) -> tuple[str, str, str] | None:
    """(right, wrong, the clause saying the right one) when a message puts one value against another of the
    same kind: "auki neljänä päivänä. ei kolmena", "tolv per grupp, int åtta", "sixty thousand a year not
    fourty", "kokoaikanen eikä puolikas", "10-14, int 8-12", "täysipäiväsesti tässä, puolikas ei riittäny",
    "keskiviikkosin! torstait oli viime kaudella". The caller keeps it weak: only a wrong value written on
    the card changes."""
    text = _word_ranges(text)
    words = list(_WORD.finditer(text))
    low = [w.group(0).lower() for w in words]
    for k, w in enumerate(low):  # "Y …, ei X"
        if w not in _NEG or k + 1 >= len(words) or k == 0:
            continue
        at = k + 2 if low[k + 1] in _EVERY and k + 2 < len(words) else k + 1  # "… not every second"
        wrong = words[at].group(0)
        if at + 1 < len(words) and low[at + 1] in _SCALE and word_number(wrong) is not None:
            wrong = text[words[at].start():words[at + 1].end()]  # "not three hundred": the whole value
        ranged = _RANGE.match(wrong)
        for j in range(k - 1, max(-1, k - 5), -1):
            right = words[j].group(0)
            if ranged or _RANGE.match(right):
                wrong = wrong if ranged else _one_end(wrong, right)  # "kuudesta kahteentoista, ei neljästä"
                if _RANGE.match(wrong) and _RANGE.match(right) and right != wrong:
                    return right, wrong, right
                continue
            found = _value_of(words, j, text)
            xv = _value_of(words, at, text)
            if found and xv and found[1].kind == xv[1].kind and scaled(xv[1], found[1]) != found[1]:
                i = found[0]
                if i >= 2 and low[i - 1] in _AND and (other := _value_of(words, i - 2, text)) \
                        and other[1].kind == found[1].kind:
                    return None  # "mondays and thursdays, not tuesday": two right ones, read elsewhere
                start = words[i].start()
                return text[start:words[k - 1].end()], wrong, text[start:words[k - 1].end()]
    for k in range(1, len(words)):  # "Y …, X oli …", "Y …, X ei riittäny"
        xv = _value_of(words, k, text)
        before = text[:words[k].start()].rstrip()
        if xv is None or xv[0] != k or not before or before[-1] not in ",.;!–—" and not _THAT.search(before) \
                or not _OLD.match(text[words[k].end():]):
            continue
        for j in range(k - 1, -1, -1):
            found = _value_of(words, j, text)
            if found and found[1].kind == xv[1].kind and scaled(xv[1], found[1]) != found[1]:
                return words[found[0]].group(0), words[k].group(0), words[found[0]].group(0)
    return None


def _said(new: str) -> tuple[str, Value] | None:
    """The one value a right phrase says, as said ("tolv" of "tolv per grupp", "sixty thousand" of "sixty
    thousand a year"); None when it says none or two ("16 to 25")."""
    words = list(_WORD.finditer(new))
    found = [f for j in range(len(words)) if (f := _value_of(words, j, new)) is not None and f[0] == j]
    if len(found) != 1:
        return None
    j, v = found[0]
    scale = j + 1 < len(words) and words[j + 1].group(0).lower() in _SCALE
    return new[words[j].start():words[j + 1 if scale else j].end()], v


def places(items: list[str], wrong: str, right: str) -> list[tuple[int, re.Match[str]]]:
    """(item index, span) wherever the card writes the wrong value, read by meaning."""
    r, w = _RANGE.match(right.strip()), _RANGE.match(wrong.strip())
    if r or w:
        if not (r and w):
            return []
        return [(i, m) for i, item in enumerate(items) for m in re.finditer(r"(?<![\d.,])(\d{1,3})\s*([–-])\s*(\d{1,3})"
                                                                             r"(?![\d.,])", item)
                if (m.group(1), m.group(3)) == w.groups()]
    said, wv = _said(right), read(wrong)
    if said is None or wv is None or said[1].kind != wv.kind:
        return []
    wv = scaled(wv, said[1])
    if wv == said[1]:
        return []
    return [(i, m) for i, item in enumerate(items) for m in spots(item, wv)]


def swap(items: list[str], wrong: str, right: str) -> list[str] | None:
    """The items with the one place the wrong value is written given the right one, in the card's way of
    writing it; None when it is written in no place or in several."""
    found = places(items, wrong, right)
    if len(found) != 1:
        return None
    i, m = found[0]
    r = _RANGE.match(right.strip())
    if r:
        new = f"{r.group(1)}{m.group(2)}{r.group(2)}"
    else:
        said = _said(right)
        assert said is not None
        new = written_like(said[1], said[0], m.group(0))
        if m.group(0)[:1].isupper():
            new = new[:1].upper() + new[1:]
    out = list(items)
    out[i] = out[i][:m.start()] + new + out[i][m.end():]
    return out
