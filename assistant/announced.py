"""A correction announced in the middle of a message, with an answer before or after it: "mut korjaan yhen: ei
me lähetä Ivalosta vaan Inarin kirkonkylästä", "Sen en sak jag sa fel: volontärutbildningen är 30 timmar, inte
20", "also small fix from before, each session is 45 minutes, not an hour", "please first correct: groups are in
Ukrainian, not Russian. what can change - …".

The announcement is a correction word (the cue list's markers, not the weak ones like "sori" that also pass in an
answer) that closes its clause with ":" or ",", wherever it stands; what follows it to the end of its sentence is
read as a correction on its own, and the whole sentences before the announcement and after the correction are the
answer to the question asked (``Correction.answer``). A correction word at the very start of a message is read
elsewhere; this one is for the word a few words in, after an answer or a "mut", "sen", "also", "please".
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from assistant.items import sentences
from assistant.phrases import _phrases

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

_MOST_BEFORE = 6  # words between the marker and the ":" or "," that closes the announcement
_PATTERNS: dict[int, tuple[object, re.Pattern[str]]] = {}


def _markers(nlu: Understanding) -> re.Pattern[str]:
    """The correction words as one pattern, each followed by at most a few words and a ":" or ","."""
    key = id(nlu.cues.correction_markers)
    hit = _PATTERNS.get(key)
    if hit is not None and hit[0] is nlu.cues.correction_markers:
        return hit[1]
    weak = _phrases(nlu.cues.weak_correction_markers)  # "…, sori, me ollaan toimijoita …" is no announcement
    words = "|".join(r"\W+".join(map(re.escape, p)) for p in _phrases(nlu.cues.correction_markers) if p not in weak)
    pattern = re.compile(rf"(?<![\wåäö])(?:{words}|fix|fixes)(?![\wåäö])(?:[ \t]+[^\s:,.;!?]+){{0,{_MOST_BEFORE}}}"
                         r"\s*[:,]\s*", re.IGNORECASE)
    _PATTERNS[key] = (nlu.cues.correction_markers, pattern)
    return pattern


def announced_fix(nlu: Understanding, text: str) -> Correction | None:
    """The correction after a mid-message announcement, with the rest of the message as the answer; None when
    there is no such announcement or what follows it corrects nothing."""
    sents = sentences(text)
    if len(sents) < 2 and "," not in text:
        return None
    for m in _markers(nlu).finditer(text):
        if not _said_before(nlu, text[:m.start()]):
            continue  # "förlåt, jag menade Krits, int …": a message that starts with its correction words is read
            # as a whole elsewhere
        end = text.find(". ", m.end())
        fix = text[m.end(): end + 1 if end >= 0 else len(text)].strip()
        if len(fix.split()) < 3:
            continue
        found = nlu.correction(fix) or _also_with_us(fix)
        if found is None or not (found.removed or found.move_to or found.field or found.pairs):
            continue
        # "…hela året. Sen en sak jag sa fel:": the sentences before answer the question; words before the
        # correction word in its own sentence belong to the announcement ("sori ne numerot meni väärin, …")
        cut = text.rfind(". ", 0, m.start())
        before = text[:cut + 1] if cut >= 0 and len(text[cut + 2:m.start()].split()) <= 4 else ""
        after = text[end + 1:].strip() if end >= 0 else ""
        answer = " ".join(p for p in (before, after) if len(p.split()) >= 3)
        return dataclasses.replace(found, answer=answer, text=found.text)
    return None


def _said_before(nlu: Understanding, head: str) -> bool:
    """Something besides fillers and correction words comes before the announcement."""
    from assistant.edits import LEAD_FILLER
    from assistant.phrases import cut_leading, starts_with

    rest = head
    for _ in range(4):
        rest = LEAD_FILLER.sub("", rest).strip(" ,.;:-–")
        lead = starts_with(rest, nlu.cues.correction_markers)
        if not lead:
            break
        rest = cut_leading(rest, lead)
    return bool(rest.strip(" ,.;:-–"))



# "Kangasalan Seniorikerho on kans mukana, ne ettii …", "Röda korset e också me", "the library is also involved"
_ALSO_IN = re.compile(r"^(?P<x>[^,.;:]{3,60}?)\s+(?:(?:on|ovat|oli|olivat)\s+(?:myös|kans|kanssa|lisäks|lisäksi)\s+"
                      r"mukana|(?:är|e|va|var)\s+(?:också|även|oxå)\s+(?:med|me)|(?:is|are|was|were)\s+also\s+"
                      r"(?:involved|on\s+board|part\s+of\s+(?:it|this)))(?![\wåäö])", re.IGNORECASE)


def _also_with_us(fix: str) -> Correction | None:
    """A partner said to be with us too, after an announcement ("ai niin, X on kans mukana"): added to the
    partners."""
    from assistant.understand import Correction

    m = _ALSO_IN.match(fix.strip())
    return Correction(field="actors", text=m.group("x").strip(), additive=True, command=True) if m else None


# "One thing on who it's for: …", "yks juttu siihen missä tää tapahtuu: …", "en sak om målgruppen: …": a thing
# announced about a part of the card, then what is to be said of it
_ABOUT = re.compile(r"^\s*(?:(?:hi|hey|hei|moi|ok|okay|okej|sorry|sori|förlåt|ja|and|och|å)\W+)*"
                    r"(?:just\s+|vielä\s+|bara\s+)?(?:one\s+(?:more\s+)?thing|a\s+thing|yks(?:i)?\s+(?:juttu|asia)|"
                    r"en\s+(?:sak|grej)|one\s+change|small\s+thing|pieni\s+juttu)\s+"
                    r"(?:on|about|in|regarding|with|for|siihen|tohon|niihin|noihin|kohtaan|om|angående|i|till|me|med)"
                    r"\s+(?P<what>[^:.!?]{2,40}?)\s*:\s*(?=\S)", re.IGNORECASE)


def about_part(text: str) -> str:
    """The message without a lead that announces what it is about, the part named kept: "One thing on who
    it's for: it's 0–17 …" → "who it's for: it's 0–17 …"."""
    m = _ABOUT.match(text)
    return f"{m.group('what')}: {text[m.end():]}" if m else text


# "before the money question, …", "hei ennen ku jatketaan, …", "Innan jag svarar – …", "sorry before I get to that -
# …": when the fix comes, not what it is; the fix follows
_BEFORE = re.compile(r"^\W*(?:(?:hi|hey|hei|moi|ok|okay|oh|sorry|sori|oj|nå|ja|och|and)\W+)*"
                     r"(?:before\s+(?:i\s+(?:answer|get\s+to\s+that|go\s+on|forget)|we\s+(?:go\s+on|continue|move\s+on)|"
                     r"that|the\s+\w+(?:\s+\w+)?\s+question)|ennen\s+ku(?:n)?\s+(?:vastaan|jatketaan|jatkan|"
                     r"mennään\s+eteenpäin|unohdan)|innan\s+(?:jag\s+(?:svarar|glömmer)|vi\s+(?:går\s+vidare|fortsätter)|"
                     r"pengarna|det))\s*(?:[,:–—]|\s-)\s*(?=\S)", re.IGNORECASE)


def without_when(text: str) -> str:
    """The message without a lead that says when the fix comes ("before the money question, …"), then without
    one that names the part ("one thing in the where-and-when part: …" → "the where-and-when part: …")."""
    m = _BEFORE.match(text)
    return about_part(text[m.end():]) if m else text
