"""Edit commands people type in the middle of an interview: "Poista se Martat-kohta", "Stryk det där om
Folkhälsan", "please take out the bit about mentor fees"; "Lisää vielä toimijoihin Y-Säätiö", "Lägg också
till föräldrarna i målgruppen", "oh and also add hard of hearing elders". And, inside a correction, a
sentence that only says something was wrong ("Lieksa meni multa väärin", "Kristinestad var fel").

Kept apart from ``understand.py`` because these are commands, not corrections of the last answer: they
may name any field, or none, in which case the engine finds the field that holds (or fits) the words.
Phrase lists live in ``prompts/cues.yaml`` (``removal_commands``, ``addition_commands``, ``false_words``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.resources import shipped
from assistant.schema import LIST_FIELDS

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

# fillers before a command or a correction marker: "ok, poista …", "ah förlåt, …", "no joo, lisää …"
LEAD_FILLER = re.compile(r"^\s*(?:(?:ok(?:ej|ei|ay)?|ah|oh|aa+h?|no|nå|nä|nää|joo|jo|juu|ja|and|och|å|niin|well|"
                         r"hei|hey|ai niin)\b[,.!]?\s*)+", re.IGNORECASE)
# a polite lead before a removal command: "kindly remove …", "could you remove …", "kunde du stryka …" (the Finnish
# "voisitko poistaa" is a command phrase of its own in ``removal_commands``)
_POLITE = re.compile(r"^(?:(?:please|pls|kindly|could you|can you|would you|kan du|kunde du|skulle du|vänligen|"
                     r"ole hyvä ja)\b[,\s]*)+", re.IGNORECASE)
# "please add to the target group: X. We take them since spring": a sentence about what was added is a remark
_REMARK_AFTER = re.compile(r"[.!?]+\s+(?=(?:we|they|he|she|it|it's|this|that|there|me|ne|se|hän|tää|tämä|siellä|sieltä|"
                           r"vi|de|dom|den|det|hon|han|där)\b)", re.IGNORECASE)
# "Lisää toimijoihin Y-Säätiö, sieltä tulee …": the added thing ends where a clause about it begins
_ASIDE = re.compile(r",\s+(?:se|ne|sieltä|siellä|sinne|me|koska|sillä|joten|de|det|den|dom|vi|dit|där|därifrån|"
                    r"eftersom|för att|we|there|they|it|it's|half|most|many|all|puolet|moni|monet|hälften|"
                    r"that's|some|since|because|as)\b.*$", re.IGNORECASE | re.DOTALL)
# "se Martat-kohta", "det där om Folkhälsan", "the bit about mentor fees": the words before the thing itself
_THE = re.compile(r"^(?:se|sen|ne|niiden|tuo|tuon|toi|ton|dom|dem|de|those|these|"
                  r"det där om|det där med|det om|det med|det där|den där|"
                  r"biten om|delen om|raden om|the bit about|the part about|the bit with|the line about|"
                  r"the part with|the bit|the part|the line|the|that|kohta jossa|kohdasta|kohta)\s+", re.IGNORECASE)
_TAIL = re.compile(r"[\s-]*(?:-?kohta|-?kohdan|-?osa|-?juttu|-?jutun|-?maininta|-?lause|grejen|biten|delen|raden|"
                   r"bit|part|line|mention|pois|därifrån|därifån|sieltä|siitä|from\s+there|from\s+that\s+list)(?:\s+(?:actually|please|pls|oikeesti|kiitos|egentligen|tack))?$",
                   re.IGNORECASE)


# a field first, then "must/may remove X": "toimijoista pitää poistaa Nuorisoseura", "från målgruppen ska X bort"
_FIELD_THEN_REMOVE = re.compile(r"^(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s+(?:pitää|pitäis|pitäisi|voi|vois|voisi|kannattaa|"
                                r"saa|täytyy)\s+(?:poistaa|ottaa\s+pois|jättää\s+pois)\s+(?P<x>.+)$",
                                re.IGNORECASE | re.DOTALL)
_THEN_LEAD = re.compile(r"^(?:ja\s+)?(?:sit|sitten|then|sen|så)\s+", re.IGNORECASE)


# "pois sieltä …", "bort därifrån …", "out of …": where it goes from, after what goes
# "… mitä sanoin", "… som jag sa", "… i mentioned": which one, not part of it
_SAID_BEFORE = re.compile(r"\s+(?:mitä|minkä|jonka|jotka|som|that|what|which)?\s*(?:mä|mää|minä|jag|i)?\s*"
                          r"(?:sanoin|mainitsin|kerroin|sa|sade|nämnde|said|mentioned|told\s+you)(?:\s+\S+)?\s*$",
                          re.IGNORECASE)
_OUT_FROM = re.compile(r"\s+(?:pois|bort|out)\s+(?=\S)", re.IGNORECASE)

def _first_clause(text: str) -> str:
    # "could you drop X from the partners? they pulled out": a question mark ends the command too
    return re.split(r"\s*(?:[,;.!?]\s+|[.;!?]$|\s+(?:koska|because|eftersom|för att)\s+)", text.strip(), maxsplit=1)[0]


def _strip_field_words(nlu: Understanding, text: str, fld: str) -> str:
    """"toimijoihin Y-Säätiö" → "Y-Säätiö"; "föräldrarna i målgruppen" → "föräldrarna"."""
    from assistant.correction_patterns import _inflected

    names = sorted((n for n in nlu.cues.field_names.get(fld, [])), key=len, reverse=True)
    for name in names:
        pat = re.compile(r"(?:\b(?:to|in|into|from|off|out\s+of|i|till|från|ur|on|at|på|bland|under|among)\s+)?"
                         r"(?:the\s+|our\s+)?"
                         + re.escape(name) + r"\w{0,5}\b(?:\s+(?:list|listan|listaan))?", re.IGNORECASE)
        out = pat.sub(" ", text, count=1)
        if out != text:
            return _after_field_word(out)
    for word in text.split():  # "mittareihin" (mittari), "toimijoihin" (toimijat)
        if any(_inflected(word.lower().strip(",.:;"), n.lower()) for n in names if " " not in n):
            return _after_field_word(text.replace(word, " ", 1))
    return text.strip(" ,.:;-")


def _after_field_word(text: str) -> str:
    """What is added, without the glue left where the field word was ("vielä että …", "myös …")."""
    text = re.sub(r"\s{2,}", " ", text).strip(" ,.:;-")
    return re.sub(r"^(?:vielä\s+|myös\s+)*(?:että|et|att|that)\s+", "", text, flags=re.IGNORECASE)


def _field_anywhere(nlu: Understanding, text: str) -> str | None:
    """A field name anywhere in a short command ("Lisää vielä toimijoihin …", "… i målgruppen"); a
    translative names its field even when the word is also an everyday noun ("lisää alueeksi …")."""
    words = text.split()
    for i in range(len(words)):
        fld = nlu.names_field(" ".join(words[i:]), window=2, strict=True)
        if fld is None and words[i].lower().endswith("ksi"):
            fld = nlu.names_field(words[i], window=1)
        if fld:
            return fld
    return None


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    lines = shipped("knowledge", "places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def without_places(text: str) -> str:
    """The text without its capitalised place names ("Raahen seurakunta" → "seurakunta"): a place two items
    share does not make them the same item."""
    places = place_names()
    def place(word: str) -> bool:
        low = word.lower().strip(",.;:")
        return word[:1].isupper() and any(low[:k] in places for k in range(4, len(low) + 1))

    return " ".join(w for w in text.split() if not place(w))


def only_places(text: str) -> bool:
    """Nothing but known places ("Ylöjärvi", "Vörå och Malax"), not "Luckan Raseborg"."""
    return bool(_places_in(text))


# where the places go, said after them: "noihin paikkoihin", "bland orterna", "to the places"
_TO_THE_PLACES = re.compile(r"\s+(?:(?:noihin|niihin|näihin|tohon|siihen)\s+)?(?:paikkoihin|paikkakuntiin|kuntiin|"
                            r"alueisiin|listaan|(?:bland|till|i)\s+(?:orterna|platserna|kommunerna|listan)|"
                            r"to\s+the\s+(?:places|towns|areas|list|regions))$", re.IGNORECASE)


def _places_in(text: str) -> list[str]:
    """The places a command adds, when what it adds (up to the first comma) is nothing but known places."""
    head = re.split(r"[,.;!?]", text.strip(), maxsplit=1)[0]
    head = re.sub(r"^(?:vielä|myös|också|även|also)\s+", "", head.strip(), flags=re.IGNORECASE)
    head = re.sub(r"\s+(?:too|also|as well|myös|kans|också|med)$", "", head, flags=re.IGNORECASE)  # "add Iitti too"
    head = _TO_THE_PLACES.sub("", head)  # "lisää Utsjoki noihin paikkoihin", "lägg till Jakobstad bland orterna"
    parts = [p.strip() for p in re.split(r"\s+(?:ja|och|and)\s+|\s*&\s*", head) if p.strip()]
    known = place_names()
    return parts if parts and all(p.lower() in known for p in parts) else []


_ADD_LATER = re.compile(r"^(?P<head>.{3,60}?)\s*,?\s*(?:vois|voisi|voi|voitte|pitäis|pitäisi|kannattaa|could|can|"
                        r"should|kan|kunde|borde|bör|ska)\s+(?:myös\s+|also\s+|också\s+)?(?:lisätä|lisää|add|"
                        r"lägga till|lägg till|ta med)(?:\s+(?:myös|also|också|vielä))?(?P<rest>.*?)\s*[,:]?\s+"
                        r"(?:että|et|that|att)\s+(?P<what>.+)$", re.IGNORECASE | re.DOTALL)
_TRAILING_ADD = re.compile(r"[,.;!]\s*(?:so\s+|eli\s+|så\s+)?(?:please\s+|voisitko\s+|kan du\s+)?"
                           r"(?:add|lisää|lisätä|lägg till|ta med)\s+(?:it|them|that|se|ne|sekin|den|dem|det)"
                           r"(?:\s+(?:too|also|as well|myös|kans|också|med))?\s*[.!]?\s*$", re.IGNORECASE)


# "take old town off the places", "take bikes off the list": said as "remove X from the places"
_TAKE_OFF = re.compile(r"\btake\s+(?P<x>(?!it\b|them\b|that\b)[^,.;]{2,40}?)\s+off(?:\s+of)?\s+(?:the\s+|our\s+)?"
                       r"(?:(?P<list>list)(?:\s+of\s+(?:the\s+)?)?)?", re.IGNORECASE)


def _take_off(text: str) -> str:
    m = _TAKE_OFF.search(text)
    if m is None:
        return text
    rest = text[m.end():]
    glue = " from the " if rest.strip(" .!") and not rest.startswith(",") else ""
    return f"{text[:m.start()]}remove {m.group('x')}{glue}{rest}"


def command(nlu: Understanding, text: str) -> Correction | None:
    """A removal or addition command, as a correction; None when the message is not one."""
    from assistant.understand import Correction, cut_leading, starts_with, tokens

    text = _take_off(text)

    places = only_these_places(text)  # "egentligen bara Vasa o Korsholm": the regions, whole
    if places:
        return Correction(field="regions", text="; ".join(places), command=True)

    lead = LEAD_FILLER.match(text)
    body = text[lead.end():] if lead else text
    then = _THEN_LEAD.sub("", body)  # "å sen kan du ta bort dom nyanlända därifrån"
    body = then if then != body and _POLITE.match(then) else body
    also = _ALSO_LEAD.sub("", body)  # "Also please add to …" (without "please", "also add" is a command itself)
    polite = _POLITE.sub("", also) if _POLITE.match(also) else _POLITE.sub("", body)
    if polite != body and (starts_with(polite, nlu.cues.removal_commands)  # "kindly remove the international
                           or starts_with(polite, nlu.cues.addition_commands)):  # students from target group"
        body = polite
    first = field_first_addition(nlu, body)
    if first is not None:
        return first
    if _TRAILING_ADD.search(body):  # "oh and Kauniainen! families from there come too, please add it"
        places = _places_in(re.sub(r"^(?:and|ja|och|also|myös|också)\s+", "", body.strip(), flags=re.IGNORECASE))
        if places:
            return Correction(field="regions", text="; ".join(places), additive=True, command=True)
    named = named_addition(nlu, body) or placed_addition(nlu, body)
    if named is not None:
        return named
    marker = starts_with(body, nlu.cues.correction_markers)  # "Korjaan: poista se …", "Eikun lisää …"
    after = body
    for _ in range(3):  # "ei kun hetki, unohda se …": one marker after another
        lead_marker = starts_with(after, nlu.cues.correction_markers)
        if not lead_marker:
            break
        after = cut_leading(after, lead_marker)
    if marker and (starts_with(after, nlu.cues.removal_commands) or starts_with(after, nlu.cues.addition_commands)):
        body = after
    elif marker:
        return None  # "scratch that, it is …" is a correction that says what is right, not a command
    first_field = _FIELD_THEN_REMOVE.match(_THEN_LEAD.sub("", body))  # "sit toimijoista pitää poistaa X"
    fld_first = nlu.names_field(first_field.group("f"), window=3) if first_field else None
    if first_field and fld_first:
        phrase = _THE.sub("", _first_clause(first_field.group("x"))).strip(" ,.:;-\"'”“")
        if phrase:
            return Correction(field=fld_first, text="", removed=[phrase], command=True)
    rm = starts_with(body, nlu.cues.removal_commands)
    if rm:
        rest = _first_clause(cut_leading(body, rm))
        fld = _field_anywhere(nlu, rest)
        if fld:
            rest = _strip_field_words(nlu, rest, fld)
        plain = rest.strip()
        for _ in range(2):
            rest = _THE.sub("", rest.strip())
        rest = _OUT_FROM.split(rest, maxsplit=1)[0]  # "ota se seurakunta pois sieltä kenen kaa …": what goes
        rest = _SAID_BEFORE.sub("", rest)  # "unohda se päihdeklinikka mitä sanoin"
        phrase = _TAIL.sub("", _TAIL.sub("", rest.strip())).strip(" ,.:;-\"'”“")  # "Martat-kohta pois"
        if not phrase:
            return None
        # "Remove barriers to work" may answer "what do you aim at?": without "se …-kohta", "the bit about" or
        # a field name it is an answer, never a removal (an answer is never eaten)
        if not fld and phrase == plain.strip(" ,.:;-\"'”“") and rm not in [
                tokens(p) for p in nlu.cues.removal_commands_plain]:
            # "ta bort Borgå, där har de en egen modell" removes what is on the card, and only that (weak)
            # ("Ota mukaan myös vanhemmat" takes in: a bare "ota" removes only with "pois")
            takes_in = rm == ["ota"] and "pois" not in body.lower()
            return Correction(field=None, text="", removed=[phrase], weak=True) \
                if len(phrase.split()) <= 4 and not takes_in else None
        return Correction(field=fld, text="", removed=[phrase], command=True)
    later = _ADD_LATER.match(body)  # "mittaamiseen vois lisätä, et …", "you can add to the adaptable parts that …"
    if later:
        fld = _field_anywhere(nlu, later.group("head")) or _field_anywhere(nlu, later.group("rest"))
        what = later.group("what").strip(" ,.;")
        if fld and what:
            return Correction(field=fld, text=what, additive=True, command=True)
    add = starts_with(body, nlu.cues.addition_commands)
    if add:
        rest = cut_leading(body, add)
        fld = _field_anywhere(nlu, rest)
        places = _places_in(rest)
        if fld is None and places:  # "lisää Keminmaa, sinne avataan …", "add Laukaa and Muurame, kids …"
            return Correction(field="regions", text="; ".join(places), additive=True, command=True)
        if fld is None and add in [tokens(p) for p in nlu.cues.addition_commands_need_field]:
            return None  # "Lisää rahaa ja aikaa" answers the question: "lisää" is also "more"
        if fld:
            rest = _strip_field_words(nlu, rest, fld)
        rest = re.sub(r"^(?:vielä|myös|också|även|also|that|että|att)\s+", "", rest.strip(), flags=re.IGNORECASE)
        rest = _ASIDE.sub("", _REMARK_AFTER.split(rest, maxsplit=1)[0]).strip(" ,.;")
        if fld == "contact":  # "du kan sätta me min mejl också, x@y": the address, not the words around it
            from assistant import pii

            found = [f.text for f in pii.contact_details(rest)]
            rest = ", ".join(found) or rest
        if not rest:
            return None
        instead = _INSTEAD_OF.match(rest)
        if fld and instead:  # "laita alueeks koko Etelä-Karjala eikä pelkkä Ruokolahti, tää on …": one for the other
            return Correction(field=fld, text=instead.group("x").strip(" ,"), removed=[instead.group("y").strip()],
                              command=True)
        return Correction(field=fld, text=rest, additive=True, command=True)
    return None


_INSTEAD_OF = re.compile(r"^(?P<x>[^,.;]+?)\s*,?\s+(?:eikä|ei\s+enää|not|inte|instead\s+of|i\s+stället\s+för|"
                         r"rather\s+than)\s+(?:(?:pelkkä|pelkät|pelkästään|vain|ainoastaan|just|only|bara|enbart|"
                         r"the)\s+)?(?P<y>[^,.;]+)", re.IGNORECASE)


_ADDING = re.compile(r"\b(?:myös|kans|lisäksi|lisäks|vielä|viel|också|även|dessutom|also|too|as well|"
                     r"(?:me|med)\s+på)\b", re.IGNORECASE)
_ADD_GLUE = re.compile(r"^(?:å\s+så|och\s+så|ai\s+niin?|ainiin|oh|ah|oj|merkitä|lisätä|kirjata|laittaa|omfatta|"
                       r"vois|voisi|voit|voitte|could|can|kan|kunde|"
                       r"ja|and|oh\s+and|ska|skall|borde|bör|kuuluu|kuuluvat|kuulu|pitäis|pitäisi|pittää|pittäis|pitäs|"
                       r"täytyy|tarttee|pitäisköhän|"
                       r"pitää|tulee|tulis|tulisi|on|ovat|olla|vara|be|should|must|include|includes|ta\s+med|me|med|"
                       r"myös|kans|lisäksi|också|även|also|vielä|viel|että|et|att|that)\s+", re.IGNORECASE)
_FILLER_LEAD = re.compile(r"^(?:(?:ai|nii|niin|ainiin|ja|and|oh|och|o|ah|oj|joo|ok|okei)\b[\s,]+)+", re.IGNORECASE)
_INTO = re.compile(r"\b[\wåäö]{3,}(?:iin|hin|seen|siin|ksi|kse|ks)\b", re.IGNORECASE)
_ALSO_LEAD = re.compile(r"^(?:(?:oh|ah|ja|and|och|ai|nii|niin|ainiin|joo|ok|o)\s+)*(?:also|myös|kans|också|även|"
                        r"lisäksi)\s+", re.IGNORECASE)
_ADD_TAIL = re.compile(r"\s+(?:me|med|too|also|as well|myös|kans|också|även)$", re.IGNORECASE)


def named_addition(nlu: Understanding, text: str) -> Correction | None:
    """"toimijoihin kuuluu myös X", "ytimeen kuuluu kans X", "förresten borde uppföljningen också ta med X",
    "å så ska församlingen me på aktörerna": a field named at the start (or after "med på") with an
    adding word is an addition to that field, whatever was asked."""
    from assistant.understand import Correction, cut_leading, starts_with

    marker = starts_with(text, nlu.cues.correction_markers)
    body = cut_leading(text, marker) if marker else text
    if starts_with(body, nlu.cues.addition_commands) or starts_with(body, nlu.cues.removal_commands):
        return None  # "lisää toimijoihin myös X": the command's own reading
    first = _FILLER_LEAD.sub("", _first_clause(body))  # "ai nii ja muokattavaks myös et …"
    if not _ADDING.search(first):
        return None
    fld = nlu.names_field(first, window=3, strict=True)
    if fld is None and _INTO.search(" ".join(first.split()[:3])):  # "ai nii alueisiin kans X": an everyday field
        fld = nlu.names_field(first, window=3)  # word ("alue") said in the case of "into" names the field
    if fld is None:
        places = _places_in(_ALSO_LEAD.sub("", first))
        if places:  # "and also Ylöjärvi, we started there in january"
            return Correction(field="regions", text="; ".join(places), additive=True, command=True)
    tail = re.search(r"\b(?:me|med)\s+på\s+(.+)$", first, re.IGNORECASE)
    if fld is None and tail:
        fld = nlu.names_field(tail.group(1), window=2, strict=True)
    if fld is None:
        return None
    what = _strip_field_words(nlu, first if fld in LIST_FIELDS else body, fld)
    if _NOT_BUT.search(body):  # "vielä kohderyhmästä: ikäraja ei ole 60 vaan 55" puts a value right
        return None
    what = re.sub(r"\s+(?:på|me|med)$", "", what.strip(" ,.;"), flags=re.IGNORECASE)
    what = _added_value(what)
    if len(what) < 3:
        return None
    if fld == "regions":  # "alueeks vois laittaa myös Alavieskan": the place as it is named
        what = " ".join(_place_lemma(w) for w in what.split())
    return Correction(field=fld, text=what, additive=True, command=True)


_NOT_BUT = re.compile(r"\b(?:ei|eikä|inte|int|not|isn't|aren't)\b[^.;!?]{0,40}\b(?:vaan|vaa|utan|but|it's|it is)\b|"
                      r"\d+\s+(?:not|inte|eikä|ei)\s+\d+", re.IGNORECASE)
_FIELD_FIRST = re.compile(r"^(?P<field>[^,:;–—.!?]{3,45}?)\s*(?:[,:;–—]|\s-)\s*(?P<rest>.+)$", re.DOTALL)


def field_first_addition(nlu: Understanding, text: str) -> Correction | None:
    """"the target group, pls add the moms from the reception centre also!", "aktörerna – lägg till Inveon":
    the field named first, then an addition command without one."""
    from assistant.understand import Correction, starts_with

    m = _FIELD_FIRST.match(_FILLER_LEAD.sub("", text.strip()))
    if not m:
        return None
    fld = nlu.names_field(m.group("field"), window=4)
    if fld is None or len(m.group("field").split()) > 5:  # the field's name and a lead word or two, no more
        return None
    rest = _POLITE.sub("", m.group("rest").strip())
    cmd = starts_with(rest, nlu.cues.addition_commands)
    if not cmd:
        return None
    what = _added_value(_first_clause(" ".join(rest.split()[len(cmd):])))
    return Correction(field=fld, text=what, additive=True, command=True) if len(what) >= 3 else None


def _added_value(what: str) -> str:
    """What is added, without the glue and "too" around it ("pittää lisätä kans omaiset" → "omaiset")."""
    for _ in range(4):
        what = _ADD_TAIL.sub("", _ADD_GLUE.sub("", what.strip(" ,.;:!")))
    return what.strip(" ,.;:!")


_CASE_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "aan", "ään", "an", "än", "n")


def _place_lemma(word: str) -> str:
    """"Alavieskan" → "Alavieska" when the word is a known place in a Finnish case; else the word."""
    known = place_names()
    if word.lower() in known:
        return word
    for end in _CASE_ENDINGS:
        if word.lower().endswith(end) and word[:-len(end)].lower() in known:
            return word[:-len(end)]
    return word


# "Hammastarkastus tuli mukaan, lisää se ydinasioihin: suun tarkastus tehdään aina", "add this to the core: …"
_ADD_TO_COLON = re.compile(r"\b(?:lisää|lisätkää|lisätään|laita|kirjaa|merkitse|add|put|lägg till|lägg|skriv)\s+"
                           r"(?:se\s+|ne\s+|tämä\s+|tää\s+|it\s+|this\s+|det\s+|den\s+)?(?:to\s+the\s+|to\s+|i\s+|"
                           r"till\s+|under\s+)?(?P<f>[\wåäö]+)\s*:\s*(?P<what>.+)$", re.IGNORECASE | re.DOTALL)
# "Alueeksi tulee merkitä myös Kanta-Häme, koska …", "målgruppen ska också omfatta …"
_FIELD_TO_ADD = re.compile(r"(?:^|[.!?]\s+|\b(?:mut|mutta|but|men)\s+)(?P<f>[\wåäö]+)\s+(?:tulee|pitää|pitäisi|"
                           r"kannattaa|voi|voisi|ska|borde|should)\s+"
                           r"(?:merkitä|lisätä|kirjata|laittaa|omfatta|innehålla|include|list)\s+"
                           r"(?:myös\s+|vielä\s+|också\s+|även\s+|also\s+)?(?P<what>[^,;.]+)", re.IGNORECASE)


def placed_addition(nlu: Understanding, text: str) -> Correction | None:
    """An addition whose field is named next to its verb, anywhere ("lisää se ydinasioihin: X") or at the
    start ("Alueeksi tulee merkitä myös X"): X goes to that field."""
    from assistant.understand import Correction

    for pattern in (_ADD_TO_COLON, _FIELD_TO_ADD):
        m = pattern.search(text.strip())
        if not m:
            continue
        fld = nlu.names_field(m.group("f"), window=1)
        what = m.group("what").strip(" ,.;:")
        words = re.findall(r"[\wåäö]+", what.lower())
        if all(w in _NOT_A_VALUE or nlu.names_field(w, window=1) for w in words):
            continue  # "yhteyshenkilöksi pitää laittaa ihan nimi": what kind of value, not the value
        if fld is not None and len(what) >= 3:
            return Correction(field=fld, text=what, additive=True, command=True)
    return None


_NOT_A_VALUE = {"ihan", "vain", "vaan", "just", "a", "an", "the", "jokin", "joku", "jotain", "something", "oikea",
                "oma", "real", "proper", "nåt", "något", "en", "ett", "riktigt", "riktig", "henkilön", "person"}


def false_subject(nlu: Understanding, clause: str) -> str | None:
    """"Lieksa meni multa väärin" → "Lieksa"; "Kristinestad var fel" → "Kristinestad"; else None."""
    from assistant.understand import tokens

    toks = tokens(clause)
    for ps in nlu.cues.false_words.values():
        for p in ps:
            pt = tokens(p)
            if len(toks) > len(pt) and toks[-len(pt):] == pt:
                words = re.findall(r"[\w'’-]+", clause)[: len(toks) - len(pt)]
                kept = [w for w in words if w.lower() not in _FALSE_NOISE]
                return " ".join(kept) or None
    return None


_FALSE_NOISE = {"meni", "menikin", "multa", "minulta", "mulla", "oli", "on", "ovat", "olivat", "kirjoitin", "sanoin",
                "was", "is", "are", "were", "i", "wrote", "said", "got", "that", "var", "är", "jag", "skrev", "sa",
                "det", "se", "ne", "it", "the", "ihan", "aivan", "totally", "helt", "also", "myös", "också"}


def added_kind(text: str) -> Correction | None:
    """An addition whose form says its field ("PAF ger oss också pengar": a funder, named), for an addition
    read without a field."""
    from assistant.forgot import _FUNDED, forgotten_kind
    from assistant.understand import Correction

    funded = _FUNDED.match(text.strip())
    if funded:
        return Correction(field="funders", text=funded.group("org"), additive=True)

    return forgotten_kind(text)


# "egentligen bara Vasa o Korsholm, i Vörå o Malax …", "vain Tampere ja Nokia", "only Espoo and Vantaa": the
# regions are these places and no others
_ONLY_PLACES = re.compile(r"^(?:(?:egentligen|oikeastaan|oikeesti|actually|faktiskt|siis|eli|so|alltså|nä|no|ei|"
                          r"nej)\W*\s+)*(?:bara|vain|vaan|only|just|pelkästään|endast|ainoastaan)\s+(?:i\s+|in\s+)?"
                          r"(?P<list>[^,.;:!?]+)", re.IGNORECASE)


def only_these_places(text: str) -> list[str]:
    """The places a message says are the only ones ("bara Vasa o Korsholm"), as the card writes places
    ("jyväskylässä" → "jyväskylä"); [] unless every word of the list is a known place."""
    m = _ONLY_PLACES.match(text.strip())
    if not m or len(text.split()) > 30:
        return []
    parts = [p.strip() for p in re.split(r"\s+(?:ja|och|o|and|sekä)\s+|\s*&\s*", m.group("list").strip()) if p.strip()]
    lemmas = [_place_lemma(p) for p in parts]
    known = place_names()
    return lemmas if lemmas and all(" " not in p and p.lower() in known for p in lemmas) else []
