"""A field called wrong and said again in one breath: "nimi meni väärin, meillä se on Kylätupa", "namnet blev
fel, det heter Familjecafé", "wrong name, sorry - its Memory Café", "toi nimi.. se on Mummolakahvila",
"the organisation is the City of Helsinki, HUS was only a partner".

Kept apart from ``understand`` because it reads one shape only: the field is named (so nothing is guessed),
and what follows the contest is the field's new value, without the remark told after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.edits import LEAD_FILLER

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

_WRONG = (r"(?:väärin|väärä|väärää|virheellinen|wrong|incorrect|fel|felaktigt?|vanhentun\w*|outdated|out of date|"
          r"gammal|gammalt|gamla|old|vanha|vanhaa|"
          r"föråldrad\w*|inaktuell\w*)")
# "nimi meni väärin, …", "kontaktpersonen är fel, …", "organisaatio on väärin: …"
# "grundidén stämmer int alls. …", "tiivistelmä on jostain ihan toisesta jutusta. …", "the goals are all wrong. …"
_OTHER = (r"(?:stämmer\s+(?:inte|int)(?:\s+alls)?|ei\s+pidä\s+paikkaansa|ei\s+(?:oo|ole)\s+oikein|"
          r"(?:is|are|was)\s+not\s+(?:quite\s+)?(?:right|correct|true)|(?:isn'?t|aren'?t)\s+(?:quite\s+)?"
          r"(?:right|correct)|(?:är|e)\s+(?:inte|int)\s+rätt|"
          r"(?:on|oli)\s+jostain\s+(?:ihan\s+|aivan\s+)?(?:toisesta|muusta)(?:\s+[\wåäö]+)?|"
          r"(?:is|was)\s+(?:about|from|for)\s+(?:a|an|some|our)?\s*(?:different|other|another)(?:\s+[\wåäö]+)?|"
          r"(?:är|e|var|va)\s+(?:från|om)\s+(?:ett|en|nåt|något)?\s*(?:helt\s+)?(?:annat|annan|annorlunda)"
          r"(?:\s+[\wåäö]+)?)")
_FIELD_WRONG = re.compile(rf"^(?P<f>[^,.;:]{{1,40}}?)\s+(?:(?:on|oli|meni|is|are|was|were|är|blev|var|e)\s+"
                          rf"(?:ihan\s+|aivan\s+|nyt\s+|vähän\s+|all\s+|lite\s+|helt\s+|totally\s+|completely\s+|"
                          rf"just\s+)?{_WRONG}|{_OTHER})(?![\wåäö])\s*[,.:;!–—-]*\s*"
                          r"(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
# "wrong name, sorry - its Memory Café", "väärä nimi: …", "fel namn, …"
_WRONG_FIELD = re.compile(rf"^{_WRONG}\s+(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s*[,.:;!–—-]+\s*(?P<rest>.*)$",
                          re.IGNORECASE | re.DOTALL)
# "toi nimi.. se on Mummolakahvila", "namnet – det heter …"
_FIELD_THEN = re.compile(r"^(?:toi|tuo|se|the|och|ja|and)?\s*(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s*(?:\.\.+|…|–|—)\s*"
                         r"(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
# "the organisation is the City of Helsinki, HUS was only a partner" (one-value fields only)
_FIELD_IS = re.compile(r"^(?:the\s+|our\s+|mallin\s+|meidän\s+)?(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s+"
                       r"(?P<v>is|är|heter|on)\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
# "he heter Pigga pensionärer nuförtiden", "it's called Pet Helpers now", "se on nimeltään Rahapaja": the name
_CALLED = re.compile(r"^(?:he|det|den|de|it|its|it's|it is|we're|se|sen nimi|me)\s+(?:heter|is called|are called|"
                     r"on nimeltään|nimi on|kallas|kallar vi|called)\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
# "nimi on oikeesti Perhetupa Pilke", "namnet ska va Familjecafé Ankaret", "yhteyshenkilö vaihtu, nykyään Tuomas
# Rantanen", "kontaktpersonen har bytts, de e Mikaela Holm nu", "the contact changed, it's Sara Lind now"
_FIELD_REALLY = re.compile(r"^(?:the\s+|our\s+|meidän\s+|mallin\s+)?(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s+"
                           r"(?:on oikeesti|on oikeasti|on oikeastaan|onkin|ska va|ska vara|borde vara|borde va|"
                           r"är egentligen|e egentligen|is actually|should be|(?:on\s+)?vaihtu(?:i|nut)?|"
                           r"on muuttunut|har bytts|har ändrats|har byts|(?:has\s+)?changed)"
                           r"\s*[,.:;–—-]*\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
# "området ska bara vara Malax, stryk Korsnäs", "kohderyhmä on vain yli 65-vuotiaat": the whole field, lists too
_FIELD_ONLY = re.compile(r"^(?:the\s+|our\s+)?(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s+(?:ska|skall|borde|pitää|pitäisi|"
                         r"should|on|is|are|är|e)\s+(?:bara|vain|ainoastaan|pelkästään|only|just|endast)\s+"
                         r"(?:vara\s+|va\s+|olla\s+|be\s+)?(?P<rest>[^,;.]+)", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:sorry|sori|sorki|förlåt|oops|hups|oho|eli|so|alltså|siis|vaan|but|men|mut|mutta|ja|and|"
                   r"och|nu)\b[\s,.–—-]*)+", re.IGNORECASE)
_IT_IS = re.compile(r"^(?:(?:meillä|hos oss|for us)\s+)?(?:(?:se|sen nimi|nimi|ne|det|den|it|that|oikea|rätt|the right "
                    r"one)\s+(?:on|ovat|onkin|heter|ska vara|borde vara|should be|is|är|e|pitäis olla|pitää olla|"
                    r"pitäisi olla)|its|it's|it is|that's|that is|we're|we are|me ollaan|vi är|heter|on|is|är|"
                    r"nykyään|numera|now it's|now it is|nu är det|de e|det e|det är|he e)\s+",
                    re.IGNORECASE)
_REMARK = re.compile(r",\s*(?:ei|eikä|not|inte|int|koska|because|eftersom|för att|sillä|mutta|but|men|mut)\b.*$"
                     r"|\s+(?:koska|because|eftersom|sillä|since)\b.*$"
                     r"|,\s*[\wåäö-]+(?:\s+[\wåäö-]+){0,3}\s+(?:oli|on vaan|was|var|va|were|har|on|is)\b.*$"
                     r"|\s+(?:eikä|inte|int|not)\s+\S.*$",
                     re.IGNORECASE | re.DOTALL)
_FIELD_AGAIN = re.compile(r"\b(?:eli|so|alltså|siis)?\s*([\wåäö]+(?:\s+[\wåäö]+)?)\s+(?:on|is|är|e)\s+", re.IGNORECASE)
_ONE_VALUE = ("name", "organisation", "contact", "summary")
# a sentence about the mistake, not the new value: "mentorointi on ihan eri hanke", "that's our other project"
_ABOUT_THE_MISTAKE = re.compile(
    r"\b(?:eri|toinen|toisesta|toiseen)\s+(?:hanke|hankkeesta|juttu|jutusta|malli|mallista|projekti)|"
    r"\b(?:other|different|another)\s+(?:project|thing|model|service)|"
    r"\b(?:annan|annat)\s+(?:verksamhet|projekt|grej|modell)|sekotin|sekoitin|mixed (?:it|them) up|"
    r"blandade ihop|(?:en|mä en)\s+tiiä\s+mist|don'?t know where|vet int(?:e)? var|"
    r"^(?:honestly|ärligt talat|rehellisesti)\W*$|"
    # "we are not a language course at all", "me ei olla mikään kerho", "vi e int nån kurs": what it is not
    r"^(?:we\s+are|we're|it\s+is|it's|its|this\s+is)\s+not\b|^(?:me\s+ei\s+olla|se\s+ei\s+(?:oo|ole)|tää\s+ei\s+"
    r"(?:oo|ole))\b|^(?:vi|det|de)\s+(?:är|e)\s+(?:inte|int)\b|^not\s+(?:a|an|the|any)\b", re.IGNORECASE)


def restated(nlu: Understanding, text: str) -> Correction | None:
    """The field called wrong and its new value, or None when the message is not that shape."""
    from assistant.field_not import rest_pair
    from assistant.understand import Correction, cut_leading, starts_with, tokens

    t = text.strip()
    lead = LEAD_FILLER.match(t)
    t = t[lead.end():] if lead else t
    marker = starts_with(t, nlu.cues.correction_markers)
    t = cut_leading(t, marker).strip(" ,.:;-") if marker else t
    only = _FIELD_ONLY.match(t)
    if only:
        fld = nlu.names_field(only.group("f"), window=3)
        if fld is not None and len(tokens(only.group("f"))) <= 3 and only.group("rest").strip():
            return Correction(field=fld, text=only.group("rest").strip(), command=True)
    called = _CALLED.match(t)
    if called and len(t.split()) <= 25:
        value = _value(called.group("rest"), "name")
        return Correction(field="name", text=value, command=True) if value else None
    for pattern, one_value_only in ((_FIELD_WRONG, False), (_WRONG_FIELD, False), (_FIELD_THEN, False),
                                    (_FIELD_REALLY, True), (_FIELD_IS, True)):
        m = pattern.match(t)
        if not m:
            continue
        subject = re.split(r"\b(?:mut|mutta|but|men)\b", m.group("f"))[-1].strip()
        fld = nlu.names_field(subject, window=3)
        if fld is None or len(tokens(subject)) > 3 or (one_value_only and fld not in _ONE_VALUE):
            continue
        value = _value(last_said(nlu, m.group("rest"), fld), fld) if fld != "contact" else _contact(m.group("rest"))
        if not value:
            return None
        if pattern is _FIELD_IS and m.group("v").lower() == "on" and not value[:1].isupper():
            continue  # "nimi on vielä auki", "tiivistelmä on hyvä": said of it, not a new name
        pair = rest_pair(m.group("rest")) if fld not in _ONE_VALUE else None
        if pair:  # "se kohderyhmä meni väärin. yläkoululaiset eikä alakoululaiset": swapped where written
            return Correction(field=fld, text=pair[0], removed=[pair[1]], weak=True, pairs=[pair], in_place=True)
        return Correction(field=fld, text=value, command=True)
    new_name = renamed(t) if nlu.names_field(t, window=4) in (None, "name") else None
    return Correction(field="name", text=new_name, command=True) if new_name else None


# the name named anywhere with a word of change ("ton otsikon vois vaihtaa, … virallisesti tää on nykyään
# KotiinPaluu-malli", "the name we use is in finnish actually, Mummola Verkossa", "the name is just Walk and Talk")
_NAME_WORD = re.compile(r"\b(?:nimi|nimen|nimeks|nimeksi|otsikko|otsikon|the name|name|namnet|rubriken)\b",
                        re.IGNORECASE)
_RENAME_CUE = re.compile(r"\b(?:vaihta\w*|muutta\w*|virallisesti|nykyään|oikeesti|oikeasti|change\w*|actually|just|"
                         r"we use|officially|now|byt\w*|ändra\w*|egentligen|officiellt|nu)\b", re.IGNORECASE)
_PROPER = re.compile(r"(?<![\wåäö.])[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:-[\wåäöÅÄÖ]+)*(?:\s+(?:(?:and|ja|och|&)\s+)?"
                     r"[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:-[\wåäöÅÄÖ]+)*)*")


def renamed(text: str) -> str | None:
    """The new name: the first capitalised phrase after the name is mentioned with a word of change, when
    it is not where a sentence starts."""
    named = _NAME_WORD.search(text)
    if not named or not _RENAME_CUE.search(text) or len(text.split()) > 45:
        return None
    for m in _PROPER.finditer(text, named.end()):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?" and len(m.group(0)) >= 4:
            return m.group(0)
    return None


def last_said(nlu: Understanding, value: str, fld: str) -> str:
    """"tila nimettiin Kotipesäksi, eli nimi on Kotipesä-tapaamiset": what follows the field named once more."""
    again = [m for m in _FIELD_AGAIN.finditer(value) if nlu.names_field(m.group(1), window=2) == fld]
    return value[again[-1].end():].strip(" ,.;") if again else value


def without_lead(text: str) -> str:
    """A value as said, without "sorry", "eli", "se on", "det heter", "its" before it."""
    return _IT_IS.sub("", _LEAD.sub("", text.strip())).strip()


_DENIAL = re.compile(r"^(?:not|ei|inte|int)\b[^,;]{1,60}[,;]\s*(?:(?:but|vaan|utan|instead)\s+)?(?P<v>\S.*)$",
                     re.IGNORECASE | re.DOTALL)


def _after_denial(part: str) -> str:
    """"not the wellbeing services county, we are Tampere city youth services": what it is, after what not."""
    m = _DENIAL.match(part.strip())
    return without_lead(m.group("v")) if m else part


_TAKE_ME = re.compile(r"^(?:(?:ta|sätt|put|laita|pane)\s+(?:mig|me|minut|mut)\s+(?:istället|i stället|instead|tilalle|"
                      r"sen tilalle)?|instead|istället|tilalle)\W*", re.IGNORECASE)


_TWO_CAPS = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ][a-zåäö]+")  # "Sara Lindholm"
_LEFT_JOB = re.compile(r"\b(?:slutade|slutat|gick i pension|lopetti|lopettanut|jäi eläkkeelle|jäi pois|left|retired|"
                       r"quit|moved on)\b", re.IGNORECASE)


def _contact(rest: str) -> str:
    """The new contact: the sentence with a name, phone or e-mail in it ("Peter slutade i augusti. ta mig
    istället, Sara Lindholm 044 765 3210" → "Sara Lindholm 044 765 3210")."""
    from assistant.pii import contact_details

    said = [_TAKE_ME.sub("", p.strip(" .")).strip() for p in re.split(r"(?<=[.!?])\s+", rest) if p.strip()]
    kept = [p for p in said if (contact_details(p) or _TWO_CAPS.search(p)) and not _LEFT_JOB.search(p)]
    return ", ".join(_value(p, "contact") for p in kept) if kept else _value(rest, "contact")


def _value(rest: str, fld: str) -> str:
    """What follows the contest, without the lead ("se on", "det heter", "its") and the remark after it."""
    value = without_lead(rest)
    said = [_after_denial(p) for p in re.split(r"(?<=[.!?])\s+", value) if p.strip()]
    kept = [p for p in said if not _ABOUT_THE_MISTAKE.search(p)]  # "mentorointi on ihan eri hanke." is why, not what
    if fld not in _ONE_VALUE and len(said) > 1 and kept:
        return " ".join(without_lead(p) for p in kept).strip(" .!")
    value = (kept or said or [""])[0].strip(" .!")
    if fld in _ONE_VALUE:
        value = _REMARK.sub("", value).strip(" ,.;")
        value = re.sub(r"\s+(?:nu|nyt|now|nykyään|nuförtiden|numera|these days|nowadays)$", "", value,
                       flags=re.IGNORECASE)
    return value
