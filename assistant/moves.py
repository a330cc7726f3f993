"""An item said to be in the wrong field, in the words people use: "toi kouluterveyskysely-juttu on kyl
mittaamista eikä tavote", "kaveriohjaajat tekee sitä työtä, ei ne oo kohderyhmää. ne kuuluu toimijoihin",
"enkäten är ju hur vi mäter, inte ett mål. flytta den dit", "weekly group sessions is what we DO, not a goal,
put it in the core pls".

This reads only where the item should go (a field named without a negation before it) and where it should
not be (a field named after one); which item is meant is decided against the card by the engine, so a
message that names a field but no card item stays an answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.forgot import FORGOT
from assistant.items import sentences

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

# a cue that the message is about where something belongs, not a value
_MOVE_CUE = re.compile(r"\b(?:siirrä|siirtäisitkö|siirtäisit|siirtää|siirretään|kuuluu|kuuluis|kuuluisi|kuulu|laita|"
                       r"pistä|pistäisitkö|pane|"
                       r"laittaisitko|paikka|kohtaan|flytta|flyttas|sätt|hör|hör till|put|move|belongs?|goes|"
                       r"should be (?:in|under)|pitäis(?:i)? olla|pitäs olla|borde va(?:ra)?|ska va(?:ra)? (?:i|bland)|"
                       r"is what we|are the|is how we|mäter|mittaamista|enemmän|enemmänkin|pikemmin|mera|they are|"
                       r"they're|"
                       r"more (?:of )?(?:a|an|the)|rather|pikemminkin|snarare|e dom som|are who|"
                       r"eikä|ei\s+(?:mikään|oo|ole|se)|not\s+(?:a|an|the|part)|(?:inte|int)\s+(?:ett|en|nåt|nån|något|någon|del)|"
                       r"isn't|isnt|aren't|arent|on\s+mukana|är\s+med\s+som|e\s+me\s+som)\b",
                       re.IGNORECASE)
# a field after a negation, or after "than" ("enemmän edellytys kun ydinjuttu"), is where the item should not be
_NEG_BEFORE = re.compile(r"(?:\b(?:ei|eikä|not|inte|int|no|isn't|aren't|isnt|arent|wasn't|ain't)(?![\w'])"
                         r"(?:\s+[\wåäö]+){0,4}|"
                         r"\b(?:kuin|kun|än|than)\b(?:\s+[\wåäö]+)?|\b(?:mikään|mitään|någon|något|nåt|"
                         r"any))\s*$", re.IGNORECASE)
# where the item is now, not where it goes: "teemojen sekaan", "bland målen", "among the goals"
_AMONG_BEFORE = re.compile(r"\b(?:bland|among|amongst|i listan över)\s+(?:the\s+)?$", re.IGNORECASE)
_AMONG_AFTER = re.compile(r"[\wåäö]*\s+(?:sekaan|sekaan|seassa|joukkoon|joukossa|listalla|listalle)\b", re.IGNORECASE)
# a field said as the place an item stands in ("sen pitäis olla alueissa")
_WHERE_IT_IS = {"alueissa": "regions", "alueilla": "regions", "tavoitteissa": "goals", "toimijoissa": "actors",
                "kohderyhmissä": "target_groups", "teemoissa": "themes", "rahoittajissa": "funders"}
# negation does not reach past a contrast: in "ei se oo toimija vaan rahottaja" the funder is where it goes
_CONTRAST = re.compile(r"\b(?:vaan|mutta|mut|but|utan|men|instead)\b", re.IGNORECASE)
# a field in the inessive before "on" is where an item stands now: "toimijoissa on Kela", "tavotteissa lukee"
_STANDS_IN = re.compile(r"[\wåäö]+(?:ssa|ssä)\s+(?:on|oli|lukee|ois)\b", re.IGNORECASE)
_PAYS = re.compile(r"\b(?:ger\s+(?:oss\s+|bara\s+)?pengar|betalar|bekostar|rahoitta\w*|rahotta\w*|maksaa|maksavat|"
                   r"pays?|funds?|gives?\s+(?:us\s+)?(?:the\s+)?money)\b", re.IGNORECASE)
_NO_PAY = re.compile(r"\b(?:ei|eivät|int|inte|doesn't|don't|does\s+not|do\s+not)\s+(?:[\wåäö]+\s+){0,2}?"
                     r"(?:rahoit\w*|rahot\w*|maksa\w*|betalar|pay|fund)\b", re.IGNORECASE)
_SHOULD_BE = re.compile(r"\b(?:pitäis|pitäisi|pitäs|kuuluis|kuuluisi|kuuluu)\s+(?:olla\s+)?$", re.IGNORECASE)
_REMOVE = re.compile(r"\b(?:pois|poista|poistaa|poistetaan|remove|delete|take (?:it|them) out|ta bort|stryk|strykas)\b",
                     re.IGNORECASE)


def move_hint(nlu: Understanding, text: str) -> Correction | None:
    """A Correction with ``move_to`` (and ``field`` when the wrong field is named too), or None."""
    from assistant.understand import Correction

    if not _MOVE_CUE.search(text) or _REMOVE.search(text) or FORGOT.search(text):
        return None  # "unohin sanoa et myös X kuuluu kohderyhmään": X is new, not an item that moves
    words = list(re.finditer(r"[\wåäöÅÄÖ'-]+", text))
    if len(words) > 35 or len(sentences(text)) > 2:
        return None  # a story that names fields, not a remark about one item (checked before reading each word)
    named: list[tuple[int, str, bool]] = []  # (position, field, negated)
    for i, w in enumerate(words):
        fld = nlu.names_field(" ".join(x.group(0) for x in words[i:i + 5]), window=5, strict=True) \
            or (_WHERE_IT_IS.get(w.group(0).lower()) if _SHOULD_BE.search(text[:w.start()]) else None)
        later = nlu.names_field(" ".join(x.group(0) for x in words[i + 1:i + 6]), window=5, strict=True)
        if fld is None or later == fld or (named and named[-1][1] == fld and named[-1][0] >= i - 4):
            continue  # the field word starts later in the window: found there
        before = text[:w.start()][-30:]
        contrast = list(_CONTRAST.finditer(before))
        before = before[contrast[-1].end():] if contrast else before
        among = _AMONG_BEFORE.search(text[:w.start()][-12:]) and not MOVE_IT.search(text[:w.start()][-30:])
        negated = bool(_NEG_BEFORE.search(before) or among
                       or _AMONG_AFTER.match(text[w.end():])
                       or (_STANDS_IN.match(text[w.start():]) and not _SHOULD_BE.search(text[:w.start()])))
        named.append((i, fld, negated))
    if not named:
        return None
    if named[0][0] <= _lead_words(words) and not _STANDS_IN.match(text[words[named[0][0]].start():]):
        return None  # "tavoite ei oo X, vaan Y": a field said first is the subject of a correction, not a move
        # (but "hups, toimijoissa on Kela" says where the item stands)
    to = [f for _, f, neg in named if not neg]
    away = [f for _, f, neg in named if neg]
    if not to and set(away) == {"core"}:  # "toi lukusali ei oo mikään ydinjuttu", "the café thing isn't core":
        to = ["adaptable"]  # what is not the core is what may be adapted
    if not away and _NO_PAY.search(text):  # "seurakunta ei muuten rahota meitä, ne on mukana toimijana"
        away = ["funders"]
    if not to and set(away) == {"actors"} and _PAYS.search(text):  # "dom ger pengar bara. de e int nån
        to = ["funders"]  # samarbetspartner": who only pays is a funder
    if len(set(to)) != 1:
        return None
    return Correction(field=away[0] if away and away[0] != to[0] else None, text=text, move_to=to[0], weak=True)


_LEADS = {"hetkinen", "sori", "sorry", "oho", "hups", "eikun", "ei", "vaan", "ja", "and", "och", "oh", "ok", "no",
          "nej", "vänta", "wait", "actually", "förresten", "muuten", "korjaus", "korjaan", "in", "the", "our", "i",
          "toi", "se"}


def _lead_words(words: list[re.Match[str]]) -> int:
    """Index of the first word after the opening fillers and markers."""
    n = 0
    while n < len(words) and words[n].group(0).lower() in _LEADS:
        n += 1
    return n


# an item said to be fixed ("tulkkausta ei oikeesti voi muokata, sen pitää olla aina") or free ("språket kan man ju
# välja", "ne voi sopia paikallisesti"): it moves from the adaptable parts to the core, or the other way
_FIXED = re.compile(r"\b(?:ei\s+(?:oikeesti\s+|oikeasti\s+|kyllä\s+)?(?:voi|saa)\s+(?:muokata|muuttaa|vaihtaa|"
                    r"jättää\s+pois|sopia)|pitää\s+olla\s+aina|must\s+(?:always\s+)?(?:be|stay)|"
                    r"can(?:not|'t|t)\s+be\s+(?:changed|adapted|dropped|left\s+out)|"
                    r"kan\s+(?:inte|int)\s+(?:ändras|anpassas|väljas|strykas)|måste\s+(?:alltid\s+)?(?:vara|va)\s+"
                    r"(?:så|med|kvar))\b", re.IGNORECASE)
_FREE = re.compile(r"\b(?:voi\s+(?:sopia|päättää|valita|muokata|vaihdella|muuttaa)|voidaan\s+(?:sopia|päättää|valita)|"
                   r"can\s+(?:be\s+)?(?:vary|varied|chosen|decided|adapted|changed)|"
                   r"kan\s+(?:man\s+)?(?:ju\s+)?(?:välja|anpassa|variera|ändra|väljas|anpassas)|"
                   r"(?:int|inte)\s+(?:nåt|något)\s+som\s+måste|can\s+be\s+anywhere|"
                   r"kan\s+va(?:ra)?\s+var\s+som\s+helst)\b", re.IGNORECASE)


def fixed_or_free(text: str) -> Correction | None:
    """A Correction moving an item between the core and the adaptable parts, or None; which item is read
    against the card by the engine (so "Ryhmän koko voi vaihdella" to the adaptable question stays an answer
    when nothing in the core says it)."""
    from assistant.understand import Correction

    frees = list(_FREE.finditer(text))
    fixed = next((f for f in _FIXED.finditer(text)  # "int nåt som måste vara så" is free, not "måste vara så"
                  if not any(m.start() < f.start() < m.end() for m in frees)), None)
    free = next((m for m in frees  # "ei voi muuttaa" is fixed, not "voi muuttaa"
                 if not any(f.start() <= m.start() < f.end() for f in _FIXED.finditer(text))), None)
    if bool(fixed) == bool(free) or len(sentences(text)) > 3:
        return None
    if fixed:
        return Correction(field="adaptable", text=text, move_to="core", weak=True)
    return Correction(field="core", text=text, move_to="adaptable", weak=True)


# "sätt det bland …", "put it in the core": the message asks for a move, not an answer to the question asked
MOVE_IT = re.compile(r"\b(?:sätt|flytta|put|move|siirrä|siirtäisitkö|siirtäisit|laita|pistä|pistäisitkö|pane)\s+"
                     r"(?:det|den|dem|it|them|se|sen|ne|niitä)\b", re.IGNORECASE)


def named_move(nlu: Understanding, text: str) -> Correction | None:
    """"kotona lapsiaan hoitavat äidit ei oo toimija vaan kohderyhmää", "career coaches are actors, not
    target group", "utbildade handledare är väl en förutsättning och inte ett mål", "X hör int till målgruppen
    utan till samarbetsparterna": X named as standing in the wrong field, and the right one."""
    from assistant.correction_patterns import _MOVE, first_sentence
    from assistant.edits import LEAD_FILLER
    from assistant.phrases import cut_leading, starts_with
    from assistant.understand import Correction

    lead = LEAD_FILLER.match(text)
    body = cut_leading(text[lead.end():] if lead else text, starts_with(
        text[lead.end():] if lead else text, nlu.cues.correction_markers) or [])
    m = _MOVE.match(first_sentence(body).strip().rstrip(".!"))
    if not m:
        return None
    a, b = nlu.names_field(m.group("a"), window=3), nlu.names_field(m.group("b"), window=3)
    if not a or not b or a == b:
        return None
    x = re.sub(r"^.*?\b(?:utom att|förutom att|paitsi että|paitsi et|except that)\s+", "", m.group("x").strip(),
               flags=re.IGNORECASE)  # "allt stämmer utom att Arbis int e …"
    spoken_not = re.search(r"\s+(?:int|inte)$", x, re.IGNORECASE)  # "Arbis int e finansiär": "är inte"
    x = x[:spoken_not.start()] if spoken_not else x
    negated = bool(spoken_not) or bool(re.search(r"\b(?:ei|eivät|not|inte|int|isn't|aren't|doesn't|don't)\b",
                                                 m.group("verb"), re.IGNORECASE))
    right, wrong = (b, a) if negated else (a, b)
    what = re.sub(r"^(?:toi|tuo|se|ne|nää|nämä|the|that|those|det|den|de|dom)\s+", "", x, flags=re.IGNORECASE)
    return Correction(field=wrong, text="", removed=[what], command=True, move_to=right)


def answer_before(nlu: Understanding, text: str, item: str, lang: str) -> str:
    """The sentences before the one that names the moved item, when they name no field: the answer to the
    question asked ("tarvitaan iso sali ja piha. seurakunta ei muuten rahota meitä, ne on mukana toimijana")."""
    from assistant.card_words import _shared
    from assistant.summary_reply import fields_named

    sents = sentences(text)
    k = 0
    while k < len(sents) and not _shared(item, sents[k], lang) and not fields_named(sents[k], nlu) \
            and not _MOVE_CUE.search(sents[k]):
        k += 1
    return " ".join(sents[:k]) if 0 < k < len(sents) else ""


# "rahottajista pois Kela", "toimijoista voi poistaa SPR:n": a field in the elative, the removal, then the item
_FROM_FIELD = re.compile(r"^\s*(?:(?:ja|ja\s+sit|sit|mut|mutta|ok|joo)[\s,]+)?(?P<f>[\wåäö-]+?(?:sta|stä|lta|ltä))\s+"
                         r"(?:pois|voi\s+poistaa|saa\s+poistaa|poistetaan|poista|ottakaa\s+pois|otetaan\s+pois)\s+"
                         r"(?P<x>[^,.;!?]{2,60})", re.IGNORECASE)


def removed_from_named(nlu: Understanding, text: str) -> Correction | None:
    """A removal command that names the field it removes from first ("rahottajista pois Kela, …")."""
    from assistant.understand import Correction

    m = _FROM_FIELD.match(text)
    fld = nlu.names_field(m.group("f"), window=1) if m else None
    if m is None or fld is None:
        return None
    return Correction(field=fld, text="", removed=[m.group("x").strip()], command=True)
