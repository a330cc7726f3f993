"""A field named, then one value said wrong and another right: "målgruppen e int 15–20 utan 13–18", "ja sit
toimijoista: ei Nuorisoseura vaan 4H-yhdistys", "se vastuutaho ei oo hyvinvointialue vaan Kainuun
Järjestöverkko ry", "looks good except the name, it's Open Table not Open Kitchen", "paikka on väärin: ei A
vaan B"; and a value said before, set right ("I said weekly but it's fortnightly", "in the core is written 6
weeks, is 8 weeks"). A remark after a comma ("dom äldre kör ju bil själv") is why, not part of the value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.edits import LEAD_FILLER
from assistant.phrases import cut_leading, starts_with

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

_FIELD_NOT = re.compile(
    r"^(?P<head>[^,.;:]{2,40}?)\s*(?::\s*|\s+(?:(?:e|är|va|var|on|oli|ovat|is|are|was|were|should be)\s+)?)"
    r"(?:not|inte|int|ei|eikä)\s+(?:(?:oo|ole|ollu|be)\s+)?"
    r"(?!(?:me|mä|mie|se|ne|we|vi|jag|i|it|they|he|she|hän|dom)\b)(?P<wrong>[^,.;:]{1,50}?)\s*,?\s+"  # no verb said
    r"(?:vaan|vuan|utan|but)\s+(?:(?:it'?s|it is|they'?re|de e|det är|dom e|se on|ne on)\s+)?"
    r"(?P<right>[^,.;]{1,60}?)\s*(?:[,.;!].*)?$", re.IGNORECASE | re.DOTALL)
# "except the name, …", "paikka on väärin: …", "the place is wrong, …": the field, then the fix
_FIELD_FIRST = re.compile(
    r"^(?:.{0,40}?\b(?:except(?:\s+for)?|paitsi|utom|förutom|mut|mutta|but|men)\s+)?(?:the\s+)?"
    r"(?P<head>[^,.;:]{2,30}?)(?:\s+(?:on|is|are|e|är)\s+(?:väärin|väärä|wrong|fel|off))?\s*[:,]\s*(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)
# only a pronoun and a verb before "not" ("we are not in …"); "vapaaehtoisten ikäraja ei ole 60 vaan 55" names
# a value of its own, which the number fix puts right where the card writes it
_SUBJECT = (r"(?:(?:we|they|it|he|she|vi|dom|de|det|han|hon|me|ne|se|hän)\s+(?:are|is|'re|'s|e|är|va|ollaan|on|oo|"
            r"ole)?\s*)?")
_NOT_BUT = re.compile(rf"^{_SUBJECT}(?:not|inte|int|ei|eikä)\s+(?:(?:oo|ole|be)\s+)?(?P<wrong>[^,.;:]{{1,50}}?)\s*,?\s+"
                      r"(?:vaan|vuan|utan|but)\s+(?P<right>[^,.;]{1,60}?)\s*(?:[,.;!].*)?$", re.IGNORECASE | re.DOTALL)
_Y_NOT_X = re.compile(r"^(?:(?:it'?s|it is|se on|det är|de e|he e)\s+)?(?P<right>[^,.;]{1,40}?)\s*,?\s+"
                      r"(?:not|inte|int|eikä|ei)\s+(?!(?:ole|oo|ollu|be|är|e|is|are)\b)"
                      r"(?P<wrong>(?:(?!\b(?:vaan|utan|but)\b)[^,.;]){1,40}?)\s*[.!]?$", re.IGNORECASE)
# "I said weekly but it's fortnightly", "mä sanoin äsken kolme mut se on neljä", "jag skrev varje vecka men …"
_SAID_BEFORE = re.compile(
    r"^(?:i|we|mä|mie|minä|me|jag|vi)?\s*(?:said|wrote|put|typed|sanoin|kirjotin|kirjoitin|laitoin|skrev|sa)\s+"
    r"(?:earlier\s+|before\s+|äsken\s+|aiemmin\s+|tidigare\s+|förut\s+)?(?:that\s+|et\s+|että\s+|att\s+)?"
    r"(?P<wrong>[^,.;:]{1,40}?)\s+(?:earlier\s+|before\s+|äsken\s+|tidigare\s+|förut\s+)?,?\s*"
    r"(?:but|mut|mutta|men)\s+(?:(?:it'?s|it is|they'?re|they are|it was|se on|se o|ne on|ne o|det är|de e|"
    r"de är|det var)\s+)?(?:(?:really|actually|oikeesti|oikeasti|egentligen)\s+)?(?P<right>[^,.;]{1,60}?)\s*"
    r"(?:[,.;!].*)?$", re.IGNORECASE | re.DOTALL)
# "mä kirjotin ton kohderyhmän väärin, …", "I wrote the target group wrong: …", "jag skrev fel om målgruppen, …"
_WROTE_WRONG = re.compile(r"^(?:i|we|mä|mie|minä|me|jag|vi)?\s*(?:kirjotin|kirjoitin|laitoin|wrote|put|typed|skrev|"
                          r"sa)\s+(?:fel\s+(?:om|på)\s+)?(?:ton|tuon|sen|the|that|den|det)?\s*(?P<head>[\wåäö-]+)"
                          r"(?:\s+(?:väärin|wrong|fel|down\s+wrong))?\s*[,:;]\s*", re.IGNORECASE)
# "in the core is written 6 weeks, is 8 weeks", "siinä lukee 6 viikkoa, pitäis olla 8", "det står X, ska vara Y"
_WRITTEN = re.compile(
    r"^(?:in\s+(?:the\s+)?(?P<head>[^,.;:]{2,25}?)\s+)?(?:it\s+)?(?:is\s+written|says|it says|lukee|det står|står "
    r"det)\s+(?P<wrong>[^,.;:]{1,40}?)\s*,?\s+(?:but\s+)?(?:it\s+)?(?:is|should be|pitäis olla|pitää olla|"
    r"pitäisi olla|ska vara|borde vara|on)\s+(?P<right>[^,.;]{1,40}?)\s*[.!]?$", re.IGNORECASE)
# "sorry att jag skriver på svenska, men samarbetsparten e int …": what comes after the "but"
_AFTER_BUT = re.compile(r"^[^.;:]{0,60}?\b(?:men|mutta|mut|but)\s+", re.IGNORECASE)
# "…, it's Hope Street ry now", "…, nykyään se on X": a name given anew at the end
_NOW_CALLED = re.compile(r"(?:it'?s|it is|se on|ne on|det är|de e|nykyään|nowadays)\s+(?P<y>[^,.;]{2,50}?)"
                         r"(?:\s+(?:now|nykyään|nu|numera|nowadays))?\s*[.!]?$", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:(?:som|joka|jotka|jossa|which|who|that|where)\b.*|(?:i området|alueella|in the area|"
                       r"now|nykyään|nu|numera|också|myös|too)\s*)$", re.IGNORECASE)
_ONE_THING = re.compile(r"^(?:en sak|en grej|one thing|yks juttu|yksi juttu|yks asia|yksi asia)\s+"
                        r"(?:i|in|on|about|om)?\s*(?:the\s+)?", re.IGNORECASE)
_PREP = re.compile(r"^(?:(?:in|at|on|i|på|vid)\s+)?(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def _body(nlu: Understanding, text: str) -> str:
    """The message without fillers and correction words before it ("å förresten", "ja sit vielä:")."""
    body = LEAD_FILLER.sub("", text.strip(), count=1)
    for _ in range(3):
        lead = starts_with(body, nlu.cues.correction_markers)
        if not lead:
            break
        body = LEAD_FILLER.sub("", cut_leading(body, lead), count=1)
    body = re.sub(r"^(?:sit|sitten|then|sen|så|before i forget|ennen kuin unohdan)[,\s]+", "", body,
                  flags=re.IGNORECASE)
    return re.sub(r"^(?:tidigare|förut|äsken|aiemmin|earlier|before)?\s*:\s*", "", body, flags=re.IGNORECASE)


def _field(nlu: Understanding, head: str, most: int = 4) -> str | None:
    """The field a short head names ("målgruppen", "ja sit toimijoista"); None for a longer clause."""
    head = _ONE_THING.sub("", head.strip())  # "en sak i målen", "one thing in the goals"
    fld = nlu.names_field(head)
    return fld if fld is not None and len(re.sub(r"^(?:the|se|ja)\s+", "", head).split()) <= most else None


def _pair(right: str, wrong: str) -> tuple[str, str] | None:
    """Both values without a shared "in the" ("not in the health centre but in the shopping centre")."""
    right = _TRAILING.sub("", right.strip())  # "Kronoby som e me", "Lappträsk i området"
    right = re.sub(r"^(?:ylipäätään|ylipäänsä|yleensä|generally|överhuvudtaget|överlag)\s+", "", right,
                   flags=re.IGNORECASE)  # "ei leskimiehet vaan ylipäätään yksin asuvat miehet"
    wrong = re.sub(r"^(?:enää|längre|anymore)\s+", "", wrong.strip(), flags=re.IGNORECASE)
    a, b = _PREP.match(right), _PREP.match(wrong)
    if a and b and a.group(0).lower() == b.group(0).lower() and a.group(0):
        right, wrong = right[a.end():], wrong[b.end():]
    if not right or not wrong or right.lower() == wrong.lower():
        return None
    return right, wrong


def field_not_a_but_b(nlu: Understanding, text: str) -> Correction | None:
    """The correction, when the message's first sentence has one of these shapes (see the module)."""
    from assistant.understand import Correction

    body = _body(nlu, text)
    fld: str | None = None
    pair: tuple[str, str] | None = None
    wrote = _WROTE_WRONG.match(body)  # "mä kirjotin ton kohderyhmän väärin, ei X vaan Y"
    if wrote is not None and (fld := _field(nlu, wrote.group("head"))) is not None:
        rest = body[wrote.end():].strip()
        shaped = _NOT_BUT.match(rest) or _Y_NOT_X_REMARK.match(rest)
        pair = _pair(shaped.group("right"), shaped.group("wrong")) if shaped else None
        if pair is not None:
            return Correction(field=fld, text=pair[0], removed=[pair[1]], weak=True, pairs=[pair], in_place=True)
        fld = None
    named = _FIELD_NOT.match(body) or _FIELD_NOT.match(_AFTER_BUT.sub("", body, count=1))
    if named is not None and (fld := _field(nlu, named.group("head"))) is not None:
        pair = _pair(named.group("right"), named.group("wrong"))
    first = _FIELD_FIRST.match(body) if pair is None else None
    if first is not None and (fld := _field(nlu, first.group("head"), 2)):
        rest = _body(nlu, first.group("rest"))
        shaped = _NOT_BUT.match(rest)
        pair = _pair(shaped.group("right"), shaped.group("wrong")) if shaped else _tail_pair(rest)
        shaped = _Y_NOT_X.match(rest) if pair is None else None
        pair = _pair(shaped.group("right"), shaped.group("wrong")) if shaped else pair
        if pair is None and fld in ("organisation", "name") and (now := _NOW_CALLED.search(body)):
            return Correction(field=fld, text=now.group("y"), weak=True)  # "the owner, …, it's Hope Street ry now"
    before = (_SAID_BEFORE.match(body) or _WRITTEN.match(body)) if pair is None else None
    if before is not None:
        head = before.groupdict().get("head")
        fld = _field(nlu, head) if head else None
        pair = _pair(before.group("right"), before.group("wrong"))
    if pair is None and body != LEAD_FILLER.sub("", text.strip(), count=1):  # after a correction word only
        shaped = _NOT_BUT.match(body)  # "förresten, de e int Larsmo utan Kronoby som e me"
        pair = _pair(shaped.group("right"), shaped.group("wrong")) if shaped else _tail_pair(body)
    if pair is None:
        return None
    return Correction(field=fld, text=pair[0], removed=[pair[1]], weak=True, pairs=[pair], in_place=True)


# "vi träffas varannan vecka, inte varje vecka", "träffarna e på förmiddagen, int på kvällen": the right value is
# the end of the first clause, as long as the wrong one and sharing its first or last word
_TAIL_NOT = re.compile(r"^(?P<y>[^,.;]{3,80}?)\s*,?\s+(?:inte|int|not|eikä|ei)\s+(?P<x>[^,.;]{2,40}?)\s*(?:[,.;!].*)?$",
                       re.IGNORECASE | re.DOTALL)


def _tail_pair(body: str) -> tuple[str, str] | None:
    m = _TAIL_NOT.match(body)
    if m is None:
        return None
    wrong = m.group("x").split()
    said = m.group("y").split()
    if not 2 <= len(wrong) <= 3 or len(said) < len(wrong):
        return None
    right = said[-len(wrong):]
    if right[0].lower() != wrong[0].lower() and right[-1].lower() != wrong[-1].lower():
        return None
    return _pair(" ".join(right), " ".join(wrong))


# "målet om att hitta jobb", "se tavote siitä että …", "the goal about jobs": a field word, then the item's topic
_ABOUT = re.compile(r"^(?P<head>(?:(?:se|the|that|toi|den|det)\s+)?[\wåäö-]+)\s+(?:om\s+att|om|about|on|siitä\s+"
                    r"(?:että|et)|siitä|jossa|där|where)\s+(?P<topic>.{3,})$", re.IGNORECASE)


def named_topic(nlu: Understanding, c: Correction) -> Correction:
    """A removal said as "the goal about X": X in that field (the field words match no item)."""
    import dataclasses

    if c.field is not None or len(c.removed) != 1:
        return c
    m = _ABOUT.match(c.removed[0].strip())
    fld = nlu.names_field(m.group("head")) if m else None
    if m is None or fld is None:
        return c
    return dataclasses.replace(c, field=fld, removed=[m.group("topic")])


# "yläkoululaiset eikä alakoululaiset, meillä tää on vaan 7–9-luokilla": Y not X, then a remark
_Y_NOT_X_REMARK = re.compile(r"^(?:(?:it'?s|it is|se on|ne on|det är|de e)\s+)?(?P<right>[^,.;:]{1,40}?)\s*,?\s+"
                             r"(?:not|inte|int|eikä|ei)\s+(?!(?:ole|oo|ollu|be|är|e|is|are)\b)"
                             r"(?P<wrong>(?:(?!\b(?:vaan|utan|but)\b)[^,.;:]){1,40}?)\s*(?:[,.;!].*)?$",
                             re.IGNORECASE | re.DOTALL)


def rest_pair(rest: str) -> tuple[str, str] | None:
    """(right, wrong) when what follows a field called wrong says "not A but B" or "B, not A"."""
    shaped = _NOT_BUT.match(rest.strip()) or _Y_NOT_X_REMARK.match(rest.strip())
    return _pair(shaped.group("right"), shaped.group("wrong")) if shaped else None
