"""The reply to the numbered closing summary, as policy: a bare "kyllä" accepts; "ok, mutta nimi on väärä"
opens the name; "vaihe: vakiintunut" sets it; "tavoitteista puuttuu: …" adds to it; a correction is carried
out as midway. Pure, like ``policy`` (moved out of it to keep each module readable); ``closing.Closing``
carries the action out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.actions import Action
from assistant.card_says import quoted_fix
from assistant.interview_types import InterviewState
from assistant.items import card_text
from assistant.number_fix import card_number_fix
from assistant.ordinal_fix import reworded
from assistant.ordinals import pointer_of
from assistant.periphrasis import plain
from assistant.phrases import contains
from assistant.restate import last_said, without_lead
from assistant.understand import Correction, Understanding, Utterance, tokens
from assistant.wrong_value import range_swap

_NUMBER = re.compile(r"(?:^|\b(?:kohta|kohdat|kohdassa|numero|nro|point|item|number|punkt|nummer)\s*)(\d{1,2})\b",
                     re.IGNORECASE)


_ONE_VALUE = ("name", "organisation", "contact", "stage")


def closing(u: Utterance, nlu: Understanding, state: InterviewState) -> Action:
    """The reply to the numbered closing summary. A bare "kyllä" accepts; "ok, mutta nimi on väärä" opens
    the name; "vaihe: vakiintunut" sets it; "tavoitteista puuttuu: …" adds to it."""
    if u.intent == "yes":
        return Action("accept")
    text = u.text
    pointed = pointer_of(nlu, text, spoken=True) if reworded(text) else None
    if pointed and pointed[0]:  # "skriv hellre de första målet så här: …": that item, in the new words
        return Action("correct", text=text, correction=Correction(field=pointed[0], text="", position=pointed[1],
                                                                  command=True))
    quoted = quoted_fix(text, card_text(state.draft, state.summary_fields, sep=" \n "))
    if quoted:  # "the ward visits say monday and wednesday, its tuesday and thursday now", "i beskrivningen står
        return Action("correct", text=text, correction=Correction(  # de att stallet ligger i Esse men …"
            field=None, text=" ".join(r for r, _ in quoted), removed=[w for _, w in quoted], pairs=quoted, weak=True))
    toks = tokens(text)
    cut = _after_but(text, toks, nlu)
    rest = cut if cut is not None else text
    if u.correction is not None:
        c = u.correction
        if c.field in _ONE_VALUE and not c.move_to:  # "nimi on väärä, se on Kotipesä": the value said is the value
            return Action("add" if c.additive else "set", field=c.field, text=c.text, correction=c)
        return Action("correct", correction=c, text=u.text)  # as midway: in place, moves, pairs, where it is
    fld = nlu.names_field(rest)
    if fld is None:
        m = _NUMBER.search(rest)
        if m and 1 <= int(m.group(1)) <= len(state.summary_fields):
            fld = state.summary_fields[int(m.group(1)) - 1]
    called = _CALLED.search(rest) if fld in (None, "name") else None
    if called and (fld or contested_field(text, nlu)) == "name":  # "only the name, number 12, the elders
        return Action("set", field="name", text=called.group("name").strip(" '\"“”"))  # themselves call it X"
    if fld is None:
        missing = _missing_part(rest, nlu) or _added_part(rest, nlu)
        if missing:  # "nästan, men Pedersöre fattas": add it where it fits, or ask which item
            where = nlu.names_field(plain(rest)) if _AMONG.search(rest) else None  # "… saknas bland dom vi
            return Action("correct", text=text, correction=Correction(field=where, text=missing, additive=True,
                                                                      command=True))  # samarbetar med"
        card = {f: getattr(state.draft, f) for f in state.summary_fields if f not in ("stage", "name")}
        if card_number_fix(text, card) or range_swap(text, card) or contains(text, nlu.cues.contest_words) \
                and card_number_fix(text, card, single=True):  # "Bra annars, men 50 euro e fel, he e 60
            # euro": where 50 is written; "niin siis 8–20-vuotiaat": the card's one other age range; "det där om
            # erfarenheten stämmer inte riktigt, två år räcker": the one number written with that unit
            return Action("correct", text=text, correction=Correction(field=None, text=text))
        place = _place_too(text, state)
        if place:  # "ja ryhmä pyörii nyt Kotkassakin": a place added
            return Action("correct", text=text, correction=Correction(field="regions", text=place, additive=True,
                                                                      command=True))
        return contest_of(text, nlu) or Action("which", text=text)
    value = _value_part(rest)
    contested = value is None or _only_contest(value, nlu) or _contest_then_not(value, nlu)
    if contested:
        return Action("reopen", field=fld, text=text)
    assert value is not None
    additive = _has(rest, nlu.cues.addition_words)
    value = _strip_contest(value, nlu)
    value = last_said(nlu, value, fld)
    if fld == "name":  # "nimi on väärä, se on Kotipesä"
        value = without_lead(value)
    return Action("add" if additive else "set", field=fld, text=value)




def _named_along(text: str, nlu: Understanding, limit: int | None = None) -> Iterator[str]:
    """The fields a message names, read along it three words at a time (the first ``limit`` words)."""
    toks = tokens(text)
    for start in range(0, max(len(toks), 1) if limit is None else min(len(toks), limit), 3):
        fld = nlu.names_field(" ".join(toks[start:]), window=5)
        if fld:
            yield fld


def fields_named(text: str, nlu: Understanding) -> set[str]:
    """Every field a message names somewhere ("… ei mikään ydinjuttu, kuuluu enemmän siihen mitä voi muokata")."""
    return set(_named_along(text, nlu))


def contested_field(text: str, nlu: Understanding) -> str | None:
    """The field a closing contest names after its opening words ("looks fine except the stage, …", "Looks
    brilliant, only the stage – …", "One thing: please use the Finnish name, …"): the first field name in the
    message's first dozen words."""
    return next(_named_along(text, nlu, limit=12), None)


def contest_of(text: str, nlu: Understanding) -> Action | None:
    """A contest that names its field but was not read as a value for it: the stage said right is set ("the
    stage is wrong, we're not a pilot, this is established"); any other field is opened again and asked,
    instead of "which item is wrong?" for a message that said which."""
    fld = contested_field(text, nlu)
    if fld is None or contains(text, nlu.cues.removal_commands) or contains(text, nlu.cues.removal_after):
        return None  # "… please take it out of the goals": a removal, not a field to answer again
    if fld == "stage":
        right, _wrong = nlu.clauses(text)
        if right:
            return Action("set", field="stage", text=right)
    return Action("reopen", field=fld)


def _after_but(text: str, toks: list[str], nlu: Understanding) -> str | None:
    """"ok, mutta nimi on väärä" → "nimi on väärä" (only when a but-word comes early)."""
    buts = {t for ps in nlu.cues.but_words.values() for p in ps for t in tokens(p) if len(tokens(p)) == 1}
    for i, tok in enumerate(toks[:5]):
        if tok in buts:
            m = list(re.finditer(r"[0-9A-Za-zÅÄÖåäöÉéÜüÆæØø]+(?:['’-][0-9A-Za-zÅÄÖåäö]+)*", text))
            return text[m[i].end():].lstrip(" ,.:;-").strip() if i < len(m) else None
    return None


# what people call the model: "they call it X", "it's called X", "kutsuvat sitä nimellä X", "de kallar det X"
_CALLED = re.compile(r"\b(?:call(?:s|ed)?\s+it|it'?s\s+called|is\s+called|kutsu\w*\s+(?:sitä|tätä)\s+nimellä|"
                     r"kallar\s+(?:det|den)|heter|nimeltään)\s+(?P<name>[^,.;!?]{2,60})", re.IGNORECASE)
_MISSING = re.compile(r"\b(?:puuttuu|puuttu|fattas|saknas|is missing|are missing|missing|unohtui)\b", re.IGNORECASE)
# where it is missing from, after "saknas": "bland dom vi samarbetar med", "from the partners", "listalta"
_AMONG = re.compile(r"(?:^|\s)(?:bland|från|ur|i\s+listan|among|from|in\s+the\s+list\s+of|joukosta|listalta|listasta|"
                    r"seasta|kohdasta)(?![\wåäö])", re.IGNORECASE)
_MISSING_FILLER = re.compile(r"^(?:(?:det|he|se|siitä|että|et|att|that|the|vielä|myös|också|även|also|ju|kyllä|ja|and|"
                             r"och|å|o)\b\W*)+",
                             re.IGNORECASE)


_SOMETHING = {"jotain", "jotakin", "jokin", "joku", "jotai", "yksi", "asia", "juttu", "kohta", "something", "thing",
              "one", "item", "stuff", "nåt", "något", "någonting", "sak", "punkt", "grej"}


def _missing_part(text: str, nlu: Understanding) -> str | None:
    """"men Pedersöre fattas, vi åker dit också" → "Pedersöre"; "det fattas att det är gratis" → "det är
    gratis"; only a contest word and nothing else ("joku puuttuu") → None."""
    for clause in re.split(r"\s*[,;.]\s+", text.strip().rstrip(".!")):
        m = _MISSING.search(clause)
        if not m:
            continue
        before, after = clause[:m.start()].strip(), clause[m.end():].strip()
        among = _AMONG.match(after) is not None and bool(before)  # "Kulan saknas bland dom vi samarbetar med"
        part = _MISSING_FILLER.sub("", after if len(after.split()) > len(before.split()) and not among
                                   else before).strip()
        words = [t for t in tokens(part) if t not in nlu.fillers and len(t) > 2 and t not in _SOMETHING]
        return part if words and not _only_contest(part, nlu) else None
    return None


_ADDED_LEAD = re.compile(r"^(?:(?:oh|ah|och|and|ja|no|ai\s+niin|ainiin|oj)\b[\s,]*)*(?:(?:i\s+)?forgot(?:\s+to\s+say)?|"
                         r"unohdin(?:\s+sanoa)?|unohtui|glömde(?:\s+(?:att\s+)?säga)?|jag\s+glömde(?:\s+säga)?|"
                         r"also|myös|lisäksi|också|även|dessutom)?[\s,:]*(?:that|että|et|att)?\s*(?:we\s+also|"
                         r"me\s+myös|vi\s+också|also|myös|också|även)?\s*", re.IGNORECASE)
_ADDED_TAIL = re.compile(r"(?:,\s*(?:he|det|de|se|it|that|jag|i|mä)\s+(?:glömde|forgot|unohtui|unohdin)\b.*|"
                         r",\s*(?:not only|inte bara|ei vain|ei pelkästään)\b.*|\s+(?:too|as well|myös|kans|också)"
                         r"[.!]?)$", re.IGNORECASE | re.DOTALL)


def _added_part(text: str, nlu: Understanding) -> str | None:
    """"också att faddrarna får handledning av HR, he glömde ja", "students from Gradia too, not only the uni":
    something to add, said with an adding word but without a field; where it goes is the engine's call."""
    if not _has(text, nlu.cues.addition_words) and not re.search(r"\b(?:forgot|unohdin|unohtui|glömde)\b", text,
                                                                  re.IGNORECASE):
        return None
    if len(re.findall(r"[.!?]\s+\S", text.strip())) >= 2:
        return None  # three sentences or more: not one thing to add ("couple of bits on who it's for. …")
    part = _ADDED_TAIL.sub("", _ADDED_LEAD.sub("", text.strip(), count=1)).strip(" ,.;:!")
    words = [t for t in tokens(part) if t not in nlu.fillers and len(t) > 2 and t not in _SOMETHING]
    return part if len(words) >= 2 and not _only_contest(part, nlu) else None


_PLACE_TOO = re.compile(r"(?<![\w-])(?P<w>[A-ZÅÄÖ][\wåäö-]+?)kin\b")
_NEGATED = re.compile(r"\b(?:ei|eikä|enää|ikinä|not|inte|int)\b", re.IGNORECASE)


def _place_too(text: str, state: InterviewState) -> str | None:
    """"ryhmä pyörii nyt Kotkassakin": a known place said with "-kin" (also), not yet on the card, in a message
    that denies nothing."""
    from assistant.edits import _place_lemma, place_names

    if _NEGATED.search(text) or len(text.split()) > 12:
        return None
    have = {r.lower() for r in state.draft.regions or []}
    for m in _PLACE_TOO.finditer(text):
        place = _place_lemma(m.group("w"))
        if place.lower() in place_names() and place.lower() not in have and place != m.group("w"):
            return place
    return None


def _value_part(text: str) -> str | None:
    m = re.match(r"^[^:]{1,60}:\s*(.+)$", text.strip(), re.DOTALL)
    if m:
        return m.group(1).strip()
    m = re.match(r"^(?:the\s+|our\s+)?[\wåäöÅÄÖ -]{1,40}?\s(?:on|ovat|onkin|pitäisi olla|should be|is|are|är|e|"
                 r"ska vara|puuttuu|missing|saknas|lisäksi|also)\s*[,:]?\s+(?:että\s+|att\s+|that\s+)?(.+)$",
                 text.strip(), re.IGNORECASE | re.DOTALL)
    return m.group(1).strip() if m else None


def _only_contest(value: str, nlu: Understanding) -> bool:
    words = [t for t in tokens(value) if t not in nlu.fillers]
    contest = {t for ps in nlu.cues.contest_words.values() for p in ps for t in tokens(p)}
    return all(w in contest or w in ("ei", "inte", "not", "is", "on", "är", "yksi", "one", "en", "ett")
               for w in words)


def _contest_then_not(value: str, nlu: Understanding) -> bool:
    """"väärin. Ei pelkästään yli 50-vuotiaat": what is wrong, not what is right: the field opens."""
    toks = tokens(value)
    contest = {t for ps in nlu.cues.contest_words.values() for p in ps for t in tokens(p)}
    return len(toks) > 1 and toks[0] in contest and toks[1] in ("ei", "inte", "int", "not")


def _strip_contest(value: str, nlu: Understanding) -> str:
    """"fel: vi är redan etablerade" keeps "vi är redan etablerade"."""
    m = re.match(r"^(?:\w+\s+){0,2}?(?:väärä|väärin|fel|wrong|incorrect)\s*[:,-]\s*(.+)$", value, re.IGNORECASE)
    return m.group(1).strip() if m else value


def _has(text: str, by_lang: dict[str, list[str]]) -> bool:
    toks = tokens(text)
    for ps in by_lang.values():
        for p in ps:
            pt = tokens(p)
            if any(toks[i:i + len(pt)] == pt for i in range(len(toks) - len(pt) + 1)):
                return True
    return False
