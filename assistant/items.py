"""Turning what a person said into field values: sentences kept whole, lists split only at real
boundaries, leading fillers dropped.

People answer "No lähinnä se että seurakunta antaa tilat (ja kahvit)" or "seurakunta, kotihoito ja
eläkeläisjärjestö". The first is one statement, the second three items. Splitting inside brackets or at
every comma produced fragments like "Tapaamispaikka (koulu" and "Se", so the rules here are narrow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“”'(]?[A-ZÅÄÖÉ0-9])|\n+")
_SENT_LOWER = re.compile(r"(?<=[.!?])\s+(?=[\"“”'(]?[a-zåäöé])")
_ABBREV = frozenset("""esim mm ym jne yms ns ks vrt puh klo noin ca eng ruots lyh tms jne ks vs etc approx
tel nr tfn bl dvs osv resp mfl kl st inkl exkl jfr ang inc dept fig min max""".split())
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
# a sentence that only introduces a list or the answer ("Se on:", "Eli:")
_LEAD = re.compile(
    r"^(?:no\s+(?:siis\s+|niin\s+)?|joo\s+(?:eli\s+)?|juu\s+|hmm+,?\s+|öö+,?\s+|eli\s+|siis\s+|niin\s+|"
    r"well,?\s+|um+,?\s+|so,?\s+|basically,?\s+|alltså,?\s+|jo,?\s+så\s+att\s+|jo\s+|ja\s+alltså\s+|"
    r"tja,?\s+|lähinnä\s+|mostly\s+|mainly\s+|främst\s+|ok(?:ei)?,?\s+(?:eli\s+)?|sori,?\s+|sorry,?\s+|"
    r"anteeksi,?\s+|förlåt,?\s+|tota,?\s+|öö+,?\s+)+",
    re.IGNORECASE)
_LEAD_CLAUSE = re.compile(r"^(?:(?:ja|sekä|och)\s+)?(?:se\s+(?:on\s+)?(?:että|kun)\s+|että\s+|att\s+|"
                          r"se on\s+|ne on\s+|ne ovat\s+|it is\s+|it's\s+|det är\s+|de är\s+|they are\s+)",
                          re.IGNORECASE)
# words that start a clause: a piece beginning with one of them is not a list item of its own
CLAUSE_WORDS = frozenset(
    "jotka joka joilla joiden jossa joissa johon joihin jonka joita jolle joille jolla josta joista mikä mitä "
    "kun jos koska mutta vaan että eli esim esimerkiksi jotta vaikka ettei som där när om men att eftersom "
    "who which that where when if but because so although while".split())
FILLER_ITEMS = frozenset(
    "se ne tämä tuo ja että ja että no joo juu niin eli siis ok okei hmm yes no ja nej det den the it this "
    "and that also myös lisäksi etc jne osv muuta".split())
_CONJ = re.compile(r"\s+(?:ja|sekä|tai|och|samt|eller|and|or)\s+", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Sentences and lines of a text, empties dropped. People who type in lowercase end sentences too
    ("… and that was it. now the ER nurse asks …"); an abbreviation or a number before the stop does not
    ("esim. masennus", "klo 9. sitten", "e.g. walks")."""
    out: list[str] = []
    for part in _SENT.split(text):
        if not part or not part.strip():
            continue
        start = 0
        for m in _SENT_LOWER.finditer(part):
            before = part[start:m.start()].rsplit(None, 1)[-1].lower() if part[start:m.start()].strip() else ""
            word = before.rstrip(".!?")
            if before.endswith((".", )) and (word in _ABBREV or len(word) <= 2 or word.isdigit() or "." in word):
                continue
            out.append(part[start:m.start()].strip())
            start = m.end()
        out.append(part[start:].strip())
    return [s for s in out if s]


def strip_lead(text: str) -> str:
    """Drop spoken lead-ins ("No lähinnä se että …", "Well, mostly …") but never the whole text."""
    stripped = _LEAD.sub("", text.strip(), count=1)
    stripped = _LEAD_CLAUSE.sub("", stripped, count=1).strip()
    return _cap(stripped) if len(stripped) >= 2 else text.strip()


def _cap(text: str) -> str:
    if re.match(r"[\w.%+-]+@[\w-]+\.", text) or text.startswith(("www.", "http")):
        return text  # an address is written as it is
    return text[0].upper() + text[1:] if text and text[0].islower() else text


def _top_level_split(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split at ``pattern`` only outside brackets and quotes."""
    out: list[str] = []
    depth, quote, start = 0, False, 0
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quote = not quote
        if depth == 0 and not quote:
            m = pattern.match(text, pos)
            if m and m.end() > m.start():
                out.append(text[start:pos])
                start = pos = m.end()
                continue
        pos += 1
    out.append(text[start:])
    return out


_COMMA = re.compile(r",\s*")


def _noun_phrases(part: str) -> list[str] | None:
    """"seurakunta, kotihoito ja eläkeläisjärjestö" → three items; None when this is not a plain list."""
    pieces: list[str] = []
    for chunk in _top_level_split(part, _COMMA):
        merged: list[str] = []
        for piece in _top_level_split(chunk, _CONJ):
            prev = merged[-1].split() if merged else []
            if merged and re.search(r"\d\s*$", merged[-1]) and re.match(r"\s*\d", piece):
                return None  # "mellan 15 och 17 år", "5 ja 6 vuotta": a range, not a list
            # "koulutuksen ja työn ulkopuolella olevat": a lone genitive joins the next word
            if merged and len(prev) == 1 and prev[0].lower().endswith("n") and len(prev[0]) > 3:
                merged[-1] = f"{merged[-1]} ja {piece}"
            else:
                merged.append(piece)
        pieces += merged
    pieces = [p.strip(" .") for p in pieces if p.strip(" .")]
    if len(pieces) < 2:
        return None
    for p in pieces:
        words = p.split()
        if not 0 < len(words) <= 6 or words[0].lower() in CLAUSE_WORDS:
            return None
    return pieces


def split_items(text: str) -> list[str]:
    """A list answer into items: lines/bullets, ';', sentences, and plain noun-phrase lists."""
    text = text.strip()
    if not text:
        return []
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        parts = [_BULLET.sub("", ln) for ln in lines]
    else:
        parts = [p for p in _top_level_split(text, re.compile(r"\s*;\s*")) if p.strip()]
    items: list[str] = []
    for part in parts:
        for sent in sentences(part) or [part]:
            sent = strip_lead(_BULLET.sub("", sent)).rstrip(" .").strip()
            if not sent:
                continue
            items += _noun_phrases(sent) or [sent]
    return dedupe([_cap(i.strip().rstrip(".").strip()) for i in items if _is_content(i)])


def _is_content(item: str) -> bool:
    words = [w.strip(".,:;!?()\"'").lower() for w in item.split()]
    words = [w for w in words if w]
    return bool(words) and not all(w in FILLER_ITEMS for w in words) and any(ch.isalnum() for ch in item)


_RELATIVE = ("jotka", "joka", "joilla", "jossa", "som", "who", "which", "that", "where")


def clauses(text: str, pattern: str = r"\s*[,;.]\s+") -> list[str]:
    """``text`` split at ``pattern``; a relative clause ("Martat, jotka pitää …") stays with what it
    describes."""
    out: list[str] = []
    for part in re.split(pattern, text):
        first = part.split()[0].lower() if part.split() else ""
        if out and first in _RELATIVE:
            out[-1] = f"{out[-1]}, {part}"
        elif part.strip():
            out.append(part.strip())
    return out


def card_items(value: object) -> list[str]:
    """A card value as its parts: a list's items, a text's sentences."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return sentences(str(value)) if value else []


def card_text(draft: object, fields: Iterable[str], sep: str = " ") -> str:
    """The parts of the card's ``fields`` as one text, for readers that look for words the card writes."""
    return sep.join(i for f in fields for i in card_items(getattr(draft, f, None)))


def replace_words(value: object, wrong: str, right: str) -> object:
    """A card value with ``wrong`` replaced by ``right`` where it stands: in each item of a list, or in a text;
    the items themselves stay as they are (no re-splitting)."""
    if isinstance(value, list):
        return [str(i).replace(wrong, new_only(str(i), wrong, right)) for i in value]
    return str(value).replace(wrong, new_only(str(value), wrong, right))


_JOIN = re.compile(r"\s*(?:,|&|\b(?:ja|and|och|sekä)\b)\s*", re.IGNORECASE)


def new_only(text: str, wrong: str, right: str) -> str:
    """What replaces ``wrong`` without what ``text`` already says beside it: "maanantaisin ja keskiviikkoisin"
    for "perjantaisin" in "maanantaisin ja perjantaisin" is "keskiviikkoisin" (it had become "maanantaisin ja
    maanantaisin ja keskiviikkoisin")."""
    parts = [p for p in _JOIN.split(right) if p]
    if wrong not in text or len(parts) < 2:
        return right
    rest = text.replace(wrong, " ").lower()
    new = [p for p in parts if not re.search(rf"(?<![\wåäö]){re.escape(p.lower())}(?![\wåäö])", rest)]
    if not new or len(new) == len(parts):
        return right
    glue = _JOIN.search(right)
    return (glue.group(0) if glue else " ").join(new)


def dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        key = " ".join(item.lower().split())
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def text_value(text: str) -> str | None:
    """A free-text answer as stored: whitespace normalised, the spoken lead-in dropped."""
    parts = [strip_lead(s) for s in sentences(text)] or [text]
    cleaned = " ".join(" ".join(parts).split())
    return cleaned or None


# "not STEA, we applied but didn't get it", "ei niinkään pariskuntia, niille on …", "ei kaupunki eikä
# hyvinvointialue, vaikka …": a sentence after the answer naming what it is NOT is no item of the list
_EXCLUDES = re.compile(r"^(?:(?:but|mutta|mut|men|and|ja|och|o|å)\s+)?(?:not|ei|eikä|inte|int)\s+"
                       r"(?:niinkään\s+|myöskään\s+|so much\s+|really\s+|heller\s+)?(?P<x>[^,.;:]{1,50}?)\s*"
                       r"(?:[,.;:].*)?$", re.IGNORECASE | re.DOTALL)
# after "not": a verb or a quantity says something about the model ("Ei tarvita tiloja", "not only X"), no exclusion
_NOT_A_THING = frozenset(
    "oo ole ollu ollut olla tarvi tarvii tarvita tarvitse voi voida pidä tiedä tuu tule saa saada mitään kukaan "
    "vielä enää yhtään ollenkaan riitä toimi käy jaksa halua haluta ehdi vain vaan pelkästään pelkkä aina kaikki "
    "ainoastaan only just yet much many all everyone every always enough needed required necessary have has be "
    "need needs a an any sure bara alls än ännu så mycket alla alltid nödvändigt behövs krävs har är ska kan "
    "endast enbart".split())


def excludes(sentence: str) -> bool:
    """The sentence only names what the answer is not (see ``_EXCLUDES``)."""
    m = _EXCLUDES.match(sentence.strip())
    return m is not None and m.group("x").split()[0].lower() not in _NOT_A_THING
