"""Two corrections in one message ("kotkassa ei oo aloitettu, ota pois. ja sähköposti on nykyään …",
"lunchen ska bort, och träffarna e varje vecka nu"): people list what is wrong in one go. When the whole
message reads as just one of its parts, the message is cut at a sentence or clause boundary, and when the
other part is a correction on its own too, both are done (the second as ``Correction.then``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.replacement import replacement_after

if TYPE_CHECKING:
    from assistant.corrections import Corrections
    from assistant.understand import Correction, Understanding

# a clause boundary: a comma or semicolon, or "ja/och/o/and/but …" between clauses ("vaan"/"utan" join the
# two halves of one correction, "ei X vaan Y", so they never cut)
_CLAUSE = re.compile(r"[,;]\s+(?:(?:ja|och|o|and|plus|mut|mutta|men|but|sekä)\s+)?|\s+(?:ja|och|and|mut|mutta|men|but)"
                     r"\s+(?=\w+\s+\w+)", re.IGNORECASE)


def _strong(c: Correction) -> bool:
    """A part that corrects something definite: a field, an item, a number, a move or a command."""
    return bool(c.command or c.field or c.move_to or c.position is not None or c.number or c.removed or c.pairs)


def _definite(c: Correction) -> bool:
    """A second part that changes something named: not a field's whole value said again, which after a first
    correction is its reason ("… ota se pois. autetaan kyl joskus mut ei se oo tavote")."""
    return bool(c.command or c.move_to or c.position is not None or c.number or c.pairs or c.removed)


def _same(a: Correction, b: Correction) -> bool:
    return (a.field, a.text, a.removed, a.move_to, a.command, a.additive) == \
        (b.field, b.text, b.removed, b.move_to, b.command, b.additive)


# a tail that only points back ("ota pois", "stryk dom") or is the "not Y" half of "X, not Y"
POINTS_BACK = re.compile(r"^(?:(?:ota|otetaan|poista|poistakaa|stryk|ta bort|remove|delete|take)\s+"
                         r"(?:se|ne|sen|dom|den|det|them|it|that|pois|bort|out)|ei|eikä|inte|int|not|no|and not|"
                         r"och inte)\b", re.IGNORECASE)
# "… , se vaan antaa huoneen. ota pois": a tail ending in a bare "take it out" points back past the cut
_ENDS_BACK = re.compile(r"[,.;]\s*(?:(?:ota|otetaan|poista|ta bort|stryk|remove|delete|take)\s*(?:se|ne|sen|dom|den|"
                        r"det|them|it|that)?\s*(?:pois|bort|out)?|(?:se|ne|den|det|it|them)\s+(?:pois|bort|out))"
                        r"[.!]*$", re.IGNORECASE)
# "ne numerot meni väärin, …", "the figures are wrong: …": words for what is wrong in general, not an item
_VAGUE = frozenset("numerot numero luvut luku lukumäärät tiedot numbers number figures figure siffrorna siffror "
                   "siffran talen uppgifterna".split())
_PRONOUN = re.compile(r"^(?:se|ne|sen|niitä|hän|it|its|it's|they|they're|he|she|den|dom|han|hon)\b", re.IGNORECASE)
_AND = re.compile(r"^(?:ja|ja sit|ja sitten|o|och|och så|and|and also|plus|sekä)\s+(?=\w)", re.IGNORECASE)


def _about_same(a: Correction, b: Correction) -> bool:
    """The second part names what the first one already corrects ("Muistiliiton tilalle X, … Muistiliitto ei oo
    tässä mukana"): one correction said twice."""
    first = {w.lower()[:5] for p in [*a.removed, a.text] for w in re.findall(r"[^\W\d_]{4,}", p)}
    return any(w.lower()[:5] in first for p in b.removed for w in re.findall(r"[^\W\d_]{4,}", p))


def _cuts(text: str) -> Iterator[tuple[str, str]]:
    sents = [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p]  # also before a lower-case word
    for k in range(1, len(sents)):
        yield " ".join(sents[:k]), _AND.sub("", " ".join(sents[k:]))
    for m in _CLAUSE.finditer(text):
        head, tail = text[:m.start()].strip(), _AND.sub("", text[m.end():].strip())
        if len(head.split()) >= 2 and len(tail.split()) >= 2:
            yield head, tail


# "sähköposti on nykyään …", "the contact is now …": a field named with its new value, said after another fix
_NOW_IS = re.compile(r"^(?P<f>[^\W\d_][\w -]{1,30}?)\s+(?:on|is|är|e)\s+(?:nykyään|nykyisin|nyt|now|nowadays|nu|"
                     r"numera)\s+(?P<v>\S.*?)[.!]?$", re.IGNORECASE)


def _now_is(nlu: Understanding, text: str) -> Correction | None:
    from assistant.understand import Correction

    m = _NOW_IS.match(text.strip())
    fld = nlu.names_field(m.group("f"), strict=True) if m else None
    return Correction(field=fld, text=m.group("v")) if m and fld else None


# What a second part says without a field, in the shapes a list of fixes takes: "add X", "Y should be there",
# "the red cross is actually Vantaa parish"
_ADD = re.compile(r"^(?:(?:but|mut|mutta|men|ja|and|och|o)\s+)?(?:please\s+)?(?:add|lisää|lisätkää|lägg\s+till|"
                  r"laita|put\s+in)\s+(?:also\s+|myös\s+|också\s+|även\s+|sen\s+sijaan\s+|sen\s+tilalle\s+|tilalle\s+|"
                  r"instead\s+|istället\s+)?(?P<x>[^,.;]{2,60}?)(?:\s+(?:too|also|"
                  r"myös|kans|också))?(?:[,.;]|$)", re.IGNORECASE)
_BELONGS = re.compile(r"^(?:(?:ja|and|och|o|å|plus)\s+)?(?P<x>[^,.;]{2,40}?)\s+"
                      r"(?:should\s+be\s+(?:there|in|added|on\s+it)|is\s+missing|pitäis\s+olla|"
                      r"pitää\s+olla|pitäisi\s+olla|puuttuu|kuuluu\s+mukaan|ska\s+va(?:ra)?\s+me(?:d)?|borde\s+va(?:ra)?"
                      r"\s+me(?:d)?|fattas|saknas)\b", re.IGNORECASE)
_ACTUALLY = re.compile(r"^(?:the\s+|se\s+|den\s+|det\s+)?(?P<x>[^,.;]{2,40}?)\s+(?:is|are|on|ovat|e|är)\s+(?:actually|"
                       r"oikeesti|oikeasti|oikeastaan|egentligen|faktiskt)\s+(?P<y>[^,.;]{2,60})", re.IGNORECASE)


def _listed(text: str) -> Correction | None:
    from assistant.understand import Correction

    tail = text.strip()
    m = _ACTUALLY.match(tail)
    if m:
        return Correction(field=None, text=m.group("y").strip(), removed=[m.group("x").strip()], weak=True)
    m = _ADD.match(tail) or _BELONGS.match(tail)
    if m and m.group("x").split()[0].lower() not in ("it", "se", "that", "det", "den", "they", "ne"):
        from assistant.edits import only_places

        x = m.group("x").strip()  # a place goes to the regions; anything else where its words fit
        return Correction(field="regions" if only_places(x) else None, text=x, additive=True, command=True)
    return None


_MOST_WORDS, _MOST_CUTS = 45, 4  # each cut reads both parts again: a list of fixes is short


def with_second(nlu: Understanding, text: str, first: Correction) -> Correction:
    """``first`` with ``then`` set when the message holds a second, separate correction. The longest first
    part is tried first, so "X ei oo aloitettu, ota pois. ja …" keeps "ota pois" with X."""
    if first.then is not None or first.answer or len(text.split()) > _MOST_WORDS:
        return first
    for head, tail in sorted(_cuts(text), key=lambda c: -len(c[0]))[:_MOST_CUTS]:
        a = nlu.correction(head)
        if a is not None and not a.text and a.removed and all(
                set(re.findall(r"\w+", r.lower())) <= _VAGUE for r in a.removed):
            b = nlu.correction(tail)  # "sori ne numerot meni väärin, käyntejä oli 1 410 ei 1 140": the tail
            if b is not None and not b.answer and b.removed:
                return b
            continue
        if a is None or not _strong(a) or a.answer:
            continue
        if POINTS_BACK.match(tail) or _ENDS_BACK.search(tail):
            continue  # "ota pois. ja …": the command belongs to what came before it
        now = _now_is(nlu, tail) or _listed(tail)
        b = now or nlu.correction(tail)
        if b is None or b.answer or _same(a, b) or _about_same(a, b):
            continue
        if b is not now and (not _definite(b) or b.text and not b.removed and not b.command and not b.pairs):
            continue
        if not b.text and not b.field and _PRONOUN.match(tail):
            continue  # "…, they are not really part of this": a reason about what came before
        if a.removed and not a.text and replacement_after(nlu, text, a.removed, ""):
            return first  # "huoltoasema ei oo enää, se lopetti keväällä ja tilalle tuli rautakauppa": one change
        if _same(first, a) or _same(first, b):  # the whole read as one part only: the other part was lost
            return dataclasses.replace(a, then=b)
    return first


class NothingHere(Exception):
    """A second correction in the message finds nothing on the card: it is dropped, never stored as an answer."""


def carry_out_second(d: Corrections, c: Correction) -> str | None:
    """Carry out a second correction of the message quietly (no question, no match refresh); keep only what it
    changed on the card, and nothing at all when it found nothing to correct. Its fields' labels."""
    from assistant import policy

    st = d.state
    if c.weak and not c.field and c.removed and not c.pairs and not d._holders(c.removed, whole=True):
        return None  # a second removal must name an item in so many words, not just share a stem with it
    saved, before = st.model_copy(deep=True), st.draft.model_dump()
    d._quiet = True
    try:
        if c.field == "contact" and st.draft.contact and not c.removed:  # a new address for the old one only
            d._contact_again(c.text, st.draft.contact)
        else:
            d._do_correct(policy.Action("correct", correction=c, text=""))
    except NothingHere:
        pass
    finally:
        d._quiet = False
    changed = [f for f, v in st.draft.model_dump().items() if before.get(f) != v]
    draft, status, unsure = st.draft, dict(st.status), list(st.unsure)
    for key in type(st).model_fields:
        setattr(st, key, getattr(saved, key))
    if not changed:
        return None
    st.draft, st.status, st.unsure = draft, status, unsure
    return ", ".join(d.label(f) for f in changed)
