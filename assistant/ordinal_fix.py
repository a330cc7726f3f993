"""What an item pointed at by its place should say instead: "toka tavote on väärin. ei oo kyse siitä et X vaan
et Y", "looks right apart from the second goal. it's not about X, it's that Y", "ydinasioiden kohta 4 on
väärin: Y eikä Z", "den sista samarbetsparten e fel, de e Petalax marthor int Malax". Without such a right
part (only a reason: "parents dont come to this at all") the item simply goes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.card_words import _shared
from assistant.items import sentences
from assistant.ordinals import LIST_FIELDS, PLACE, item_at

if TYPE_CHECKING:
    from assistant.understand import Understanding

# where the pointer's own clause ends ("toka tavote on väärin.", "kohta 4 on väärin:", "the first one,")
_CLAUSE_END = re.compile(r"[:.;,!?–]|\s-\s")
_POINTER = re.compile(r"(?<![\wåäö])(?:" + "|".join(sorted(PLACE, key=len, reverse=True)) +
                      r"|(?:kohta|item|punkt|point)\s+\d+)(?![\wåäö])", re.IGNORECASE)  # the words ``ordinals`` reads
_RATHER = re.compile(r"\b(?:vaan|utan|but\s+rather|instead)\s+(?:(?:et|että|att|that)\s+)?(?P<y>.+)$", re.IGNORECASE)
_ITS = re.compile(r"(?:^|,\s*)(?:it's|its|it\s+is|he\s+e|de\s+e|det\s+är|det\s+e|se\s+on|ne\s+on|they're|they\s+are)"
                  r"\s+(?!not\b|int\b|inte\b|ei\b)(?:(?:that|about|att|et|että)\s+)?(?P<y>.+)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:it's|its|it\s+is|he\s+e|de\s+e|det\s+är|det\s+e|se\s+on|ne\s+on|they're|they\s+are|"
                   r"that|et|että|att)\s+)+", re.IGNORECASE)


# the pointer's clause says the item does not belong at all: what follows is the reason, not a new value
_GOES = re.compile(r"\b(?:ei\s+kuulu|eivät\s+kuulu|ei\s+oo\s+osa|pois|poista\w*|stryk\w*|ta\s+bort|ska\s+bort|"
                   r"hör\s+int|hör\s+inte|doesn't\s+belong|don't\s+belong|does\s+not\s+belong|not\s+part\s+of|"
                   r"take\s+out|remove|delete|drop)\b", re.IGNORECASE)


def body_after_pointer(message: str) -> str:
    """The message after the clause that points at the item ("" when that clause removes the item)."""
    m = _POINTER.search(message)
    if m is None:
        return ""
    end = _CLAUSE_END.search(message, m.end())
    if end is None or _GOES.search(message[:end.start()]):
        return ""
    return message[end.end():].strip()


# the item said again in other words: "sano se mieluummin niin et Y", "skriv hellre de första målet så här: Y",
# "can you put the second goal as: Y", "it should say Y"
_REWORD = re.compile(r"(?:\b(?:sano|sanotaan|kirjota|kirjoita|kirjotetaan|muotoile|muotoillaan|laita|laitetaan)\s+"
                     r"(?:se|ne|sen|tää|toi|tuo\s+)?\s*(?:mieluummin|ennemmin|mieluimmin|vaikka|ennemmi)?\s*"
                     r"(?:niin|näin|muotoon)\s*:?\s*(?:et|että)?|\b(?:skriv|formulera|säg)\s+(?:hellre\s+|om\s+)?"
                     r"[^:.]{0,30}?(?:så\s+här|så|som)\s*:?\s*(?:att)?|\b(?:put|word|phrase|write|change)\s+"
                     r"[^:.]{0,30}?\b(?:as|to)\b\s*:?|\b(?:should|could)\s+(?:say|read)\s*:?|\bmake\s+it\s+say\s*:?|"
                     r"\b(?:pitäis|pitäisi|pitää|should|ska|skall|borde)\s+(?:olla|be|va|vara)\s*:?)"
                     r"\s*(?P<y>[^.!?]+)", re.IGNORECASE)
_REWORD_TAIL = re.compile(r",?\s*(?:rather\s+than|instead\s+of|not\s+just|not|eikä|eikä\s+et|ei|inte|int|istället"
                          r"\s+för)\b.*$|\s*[-–—]\s.*$", re.IGNORECASE)


_ITS_INLINE = re.compile(r"\s(?:it'?s|it\s+is|they'?re|det\s+är|det\s+e|de\s+e|se\s+on|ne\s+on)\s+"
                         r"(?!not\b|inte?\b|ei\b)(?P<y>[^,.;!?]{2,60}?)\s*(?:[,.;!?]|$)", re.IGNORECASE)
# the pointer's clause removes the item: nothing is said in its place
_GOES_ONLY = re.compile(r"\b(?:pois|poista\w*|stryk\w*|ta\s+bort|ska\s+bort|remove|delete|drop|take\s+out)\b",
                        re.IGNORECASE)


def reworded(message: str) -> str:
    """The item as the message words it anew ("sano se mieluummin niin et Y" → "Y"); "" when it does not."""
    pointer = _POINTER.search(message)
    m = _REWORD.search(message, pointer.start()) if pointer else None
    if m is None:
        m = _REWORD.search(message)
        if m is None or pointer is None or pointer.start() > m.end():
            return ""
    y = _REWORD_TAIL.sub("", m.group("y").strip(" '\"“”")).strip(" '\"“”,")
    y = re.sub(r"^(?:et|että|att|that)\s+", "", y, flags=re.IGNORECASE)
    return y[:1].upper() + y[1:] if len(y.split()) >= 2 else ""


_NOT_Y = re.compile(r"(?<![\wåäö])(?:eikä|ei\s+(?:oo|ole)|ei|not|inte|int|isn'?t|aren'?t|istället\s+för|instead\s+of|"
                    r"rather\s+than)\s+"
                    r"(?P<y>[^,.;!?]{2,40}?)\s*(?:[,.;!?]|$|(?=\s(?:it'?s|its|it\s+is|det\s+är|det\s+e|de\s+e|se\s+on|"
                    r"vaan|utan|but)\b))", re.IGNORECASE)


def _in_item(message: str, item: str, again: str) -> str:
    """The item said again: whole, or (when the message names the words it replaces, "… pitäis olla alle
    25-vuotiaat rikoksen uhrit eikä alaikäiset") only those words, the rest of the item kept."""
    m = _NOT_Y.search(message)
    at = re.search(rf"(?<![\wåäö]){re.escape(m.group('y'))}(?![\wåäö])", item, re.IGNORECASE) if m else None
    if at is None:
        return again
    said = again.split()
    nxt = [w.lower() for w in re.findall(r"[\wåäö-]+", item[at.end():])]
    prev = [w.lower() for w in re.findall(r"[\wåäö-]+", item[:at.start()])]
    # the words the item already writes after or before the replaced ones ("… rikoksen uhrit, joiden …")
    k = next((k for k in range(len(said) - 1, 0, -1) if [w.lower().strip(".,") for w in said[-k:]] == nxt[:k]), 0)
    said = said[:len(said) - k]
    k = next((k for k in range(len(said) - 1, 0, -1) if [w.lower().strip(".,") for w in said[:k]] == prev[-k:]), 0)
    new = " ".join(said[k:])
    new = new if at.start() == 0 else new[:1].lower() + new[1:]
    out = item[:at.start()] + new + item[at.end():]
    return out[:1].upper() + out[1:]


def replacement(nlu: Understanding, message: str, item: str) -> str:
    """The item as it should read, or "" when the message gives only a reason (then the item goes)."""
    again = reworded(message)
    if again:
        return _in_item(message, item, again)
    body = body_after_pointer(message)
    first = sentences(body)[0] if body else ""
    if not first:  # "the second partner isnt fenview hospice its cam valley hospice": said in the pointer's clause
        its = _ITS_INLINE.search(message) or _RATHER.search(message)
        y = _LEAD.sub("", its.group("y").strip().rstrip(".!")).strip() if its and not _GOES_ONLY.search(message) else ""
        return y[:1].upper() + y[1:] if len(y.split()) >= 2 else ""  # a name said anew: the item is that name
    right, wrongs = nlu.clauses(first)
    right = right.split(";")[0].strip()
    for wrong in wrongs:  # "de e Petalax marthor int Malax": the wrong words as the item writes them
        at = re.search(rf"(?<![\wåäö]){re.escape(wrong)}(?![\wåäö])", item, re.IGNORECASE)
        new = _LEAD.sub("", right).strip()
        if at and new and len(new.split()) <= 6:
            start, end = at.start(), at.end()
            new_words = {re.sub(r"['’]", "", w.lower()) for w in new.split()}
            # "unemployed people aged …" → "people on sick leave aged …"; "Preston Older People's Forum" →
            # "Chorley Older Peoples Forum": the item's words the new name says again are the new name's
            while (after := re.match(r"\s+([\wåäö'’-]+)", item[end:])) and \
                    re.sub(r"['’]", "", after.group(1).lower()) in new_words:
                end += after.end()
            return (item[:start] + new + item[end:]).strip()
    said = _RATHER.search(first) or _ITS.search(first)
    y = said.group("y") if said else right if wrongs else ""
    y = _LEAD.sub("", y.strip().rstrip(".!")).strip()
    return y[:1].upper() + y[1:] if len(y.split()) >= 2 else ""


def field_by_card(draft: object, text: str, place: int, lang: str) -> str | None:
    """The one list whose item at that place the message's other words name ("take out the second one,
    parents dont come to this at all": the target groups' second item is "parents"); None when none or two."""
    words = _POINTER.sub(" ", text)
    scored = sorted(((_shared(at, words, lang), fld) for fld in LIST_FIELDS
                     if (at := item_at(list(getattr(draft, fld, None) or []), place))), reverse=True)
    if not scored or scored[0][0] < 1 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
