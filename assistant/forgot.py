"""A correction after an answer ("mitataan kyselyllä. ja poista se painonhallinta tavotteista"), something
said to be forgotten in the middle of a message ("ok de ser bra ut. ni har förresten glömt
församlingen, Pargas svenska församling e me …", "yks porukka unohtu kyl, meillä käy myös …"), and a
forgotten thing whose form says its field (a grant from X, X takes part, a group in a place)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from assistant.edits import LEAD_FILLER, _place_lemma, place_names
from assistant.items import sentences
from assistant.phrases import starts_with

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

# "ni har förresten glömt församlingen, …", "yks porukka unohtu kyl, meillä käy myös …", "you forgot maybe the
# most important thing. the same worker …", "…, glömde säga de": a clause that says something was forgotten,
# anywhere in the message; the rest of the message is what was forgotten
FORGOT = re.compile(r"\b(?:unohtu|unohtui|unohdin|unohin|unohditte|unohdit|unohtunut|unohtunu|glömt|glömde|glömda|"
                     r"forgot|forgotten|yks asia puuttuu|yksi asia puuttuu|yks juttu puuttuu|en sak saknas|"
                     r"one thing is missing|something is missing)\b", re.IGNORECASE)
# only "forgot to say it" ends a message whose thing came before ("…, I forgot this spring's lot" is a reason)
_SAY_IT = re.compile(r"^(?:(?:jag|i|mä|me|vi)\s+)?(?:glömde|glömt|unohdin|unohin|unohtu|forgot)\s+(?:att\s+|to\s+)?"
                     r"(?:säga|nämna|sanoa|mainita|say|mention)(?:\s+(?:de|det|sitä|sen|se|it|that))?\W*$",
                     re.IGNORECASE)
# "ai nii unohdin sanoo et myös kela rahottaa osan": the forgotten thing told in the same clause
_SAY_THAT = re.compile(r"\b(?:unohdin|unohin|glömde|forgot)\s+(?:att\s+|to\s+)?(?:sanoa|sanoo|mainita|säga|nämna|say|"
                       r"mention)\s+(?:et|että|att|that)\s+\S", re.IGNORECASE)
_CLAUSES = re.compile(r"\s*(?:[,;:]|[.!?]+)\s+|\s[-–—]\s")


# "me saadaan myös suomen kulttuurirahastolta apuraha", "vi får också pengar av X", "we also get a grant from X"
_GRANT_FROM = re.compile(r"\b(?:saadaan|saamme|saadan|saatiin|saimme|saa)\s+(?:myös\s+|kans\s+)?(?P<fi>.{2,50}?)"
                         r"(?:lta|ltä)\s+(?:\w+\s+){0,3}?(?:apuraha|rahaa|avustus|tukea|rahotus|rahoitus)|"
                         r"\b(?:får|fick)\s+(?:vi\s+)?(?:också\s+|även\s+)?(?:pengar|bidrag|ett\s+bidrag|stöd)\s+"
                         r"(?:av|från)\s+(?P<sv>[^,.;]{2,50})|\b(?:get|got|receive|received)\s+(?:also\s+)?"
                         r"(?:money|a\s+grant|funding|a\s+\w+\s+grant)\s+from\s+(?P<en>[^,.;]{2,50})", re.IGNORECASE)
# "Pargas svenska församling e me på varje lunch", "X on mukana", "X is involved": a partner
_TAKES_PART = re.compile(r"^(?P<org>[A-ZÅÄÖ][^,.;]{1,60}?)\s+(?:e|är|on|is|are)\s+(?:också\s+|myös\s+|also\s+)?"
                         r"(?:me|med|mukana|involved|with us|part of it)\b|"
                         # "the food bank is working with us", "X samarbetar med oss", "X tekee yhteistyötä kanssamme"
                         r"^(?:the\s+)?(?P<org2>[^,.;]{2,50}?)\s+(?:is|are)\s+(?:also\s+)?(?:working|cooperating|"
                         r"partnering)\s+with\s+us\b|^(?:the\s+)?(?P<org5>[^,.;]{2,60}?)\s+(?:also\s+|now\s+)?works?\s+"
                         r"(?:together\s+)?with\s+us\b|^(?P<org3>[^,.;]{2,50}?)\s+(?:samarbetar|jobbar)\s+(?:också\s+)?"
                         r"med\s+oss\b|^(?P<org4>[^,.;]{2,50}?)\s+tekee\s+(?:myös\s+)?yhteistyötä\s+(?:meidän\s+)?"
                         r"kanssa", re.IGNORECASE)
# "vi har en grupp i Sibbo också", "Porvoossa on myös ryhmä", "we have a group in Kerava too": a place
_GROUP_IN = re.compile(r"\b(?:grupp|ryhmä|group)\s+(?:i|in|på)\s+(?P<sven>[A-ZÅÄÖ][\wåäö-]+)|"
                       r"\b(?P<fi>[A-ZÅÄÖa-zåäö][\wåäö-]+)\s+on\s+(?:myös\s+|kans\s+)?(?:oma\s+)?ryhmä")


# "…, sen vois lisätä noihin alueisiin", "…, lägg till den i regionerna", "…, can you add it to the regions"
_ADD_IT_TO = re.compile(r"[,.;]\s*(?:ja\s+|och\s+|and\s+|so\s+|eli\s+|så\s+)?(?:(?:please|can you|could you|kan du|"
                        r"voisitko|voitko)\s+)?(?:(?P<before>sen|se|ne|det|den|dom|it|them)\s+)?(?:vois\s+|voisi\s+|"
                        r"voi\s+|kan\s+|could\s+|can\s+)?(?:lisätä|lisää|lisäis|lägga till|lägg till|add)\s+"
                        r"(?:(?P<after>sen|se|ne|det|den|dom|it|them)\s+)?(?P<where>[^,.;!?]{3,40})"
                        r"\s*[.!]?\s*$", re.IGNORECASE)
# "myös kela rahottaa osan", "Kela pays part of it", "kommunen betalar också": who pays
_PAYS = re.compile(r"^(?:(?:että|et|att|that)\s+)?(?:myös\s+|also\s+|även\s+|också\s+)?(?P<org>[\wåäöÅÄÖ-]+"
                   r"(?:\s+[A-ZÅÄÖ][\wåäö-]+){0,3}?)\s+(?:myös\s+|also\s+|också\s+|även\s+)?(?:rahoittaa|rahottaa|"
                   r"maksaa|kustantaa|pays|funds|finances|betalar|finansierar|bekostar)\b", re.IGNORECASE)


def added_to(nlu: Understanding, text: str) -> Correction | None:
    """"Juuka lähti muuten mukaan tammikuussa, sen vois lisätä noihin alueisiin": what its own clause is
    about, added to the field the request names."""
    from assistant.correction_patterns import topic_of
    from assistant.understand import Correction

    m = _ADD_IT_TO.search(text)
    if m is None or not (m.group("before") or m.group("after")):  # "lägg till Sibbo i …" names its own thing
        return None
    fld = nlu.names_field(m.group("where"))
    if fld is None:
        return None
    said = [c for c in _CLAUSES.split(text[:m.start()].strip()) if c.strip()]
    if not said:
        return None
    first = said[-1].split()[0]
    place = _place_lemma(first)
    topic = place if place.lower() in place_names() else topic_of(said[-1], nlu.fillers)
    if not topic:
        return None
    return Correction(field=fld, text=topic[:1].upper() + topic[1:], additive=True, command=True)


_NEEDED = re.compile(r"^(?:(?:ja|sit|sitten|å|och|så|and|also|plus|myös)\s+)*(?P<need>tarvitaan|tarvii|tarvitsee|"
                     r"vaaditaan|edellyttää|behövs|krävs|you\s+need|we\s+need|it\s+needs)(?![\wåäö])", re.IGNORECASE)


def forgotten_kind(body: str) -> Correction | None:
    """A forgotten thing whose form says its field: a grant from X (funders), X takes part (actors), what is
    needed (conditions), a group in a place (regions)."""
    from assistant.understand import Correction

    grant = _GRANT_FROM.search(body)
    if grant:
        org = next(g for g in grant.groups() if g).strip()
        return Correction(field="funders", text=org[:1].upper() + org[1:], additive=True)
    pays = _PAYS.match(body.strip())
    if pays and pays.group("org").lower() not in ("se", "ne", "det", "it", "they", "dom", "he", "hän", "me", "vi",
                                                  "we", "ja", "och", "and"):
        org = pays.group("org").strip()
        return Correction(field="funders", text=org[:1].upper() + org[1:], additive=True)
    part = _TAKES_PART.match(body.strip())
    org = next((g for g in part.groups() if g), "") if part else ""
    if org and (part.group("org") is None or org[:1].isupper()):  # type: ignore[union-attr]
        return Correction(field="actors", text=org.strip(), additive=True)
    needed = _NEEDED.match(body.strip())
    if needed:  # "tarvitaan myös vanhemman suostumus", "å så behövs skjuts": what it takes
        said = body.strip()[needed.start("need"):]
        return Correction(field="conditions", text=said[:1].upper() + said[1:], additive=True)
    group = _GROUP_IN.search(body)
    place = _place_lemma(next(g for g in group.groups() if g)) if group else ""
    if place and place.lower() in place_names():
        return Correction(field="regions", text=place[:1].upper() + place[1:], additive=True)
    return None


def forgot_elsewhere(text: str) -> str | None:
    """What a message says was forgotten when "unohtu"/"glömt"/"forgot" is not its first word: the other
    clauses, or what follows the word in its own short clause ("ni har glömt församlingen")."""
    clauses = [c.strip() for c in _CLAUSES.split(text.strip()) if c.strip()]
    at = next((i for i, c in enumerate(clauses) if FORGOT.search(c) and (len(c.split()) <= 8 or _SAY_THAT.search(c))),
              None)
    if at is None or len(clauses) > 4:
        return None
    rest = clauses[at + 1:]
    own = FORGOT.search(clauses[at])
    tail = re.sub(r"^(?:(?:att|säga|nämna|mainita|sanoa|sanoo|et|että|to|say|mention|that|förresten|muuten|kyl|"
                  r"kyllä)\s+)*", "",
                  clauses[at][own.end():].strip() if own else "", flags=re.IGNORECASE)
    if at == 0 and tail[:1].isupper() or tail and _SAY_THAT.search(clauses[at]):  # "oj glömde Luckan Raseborg,
        return ", ".join([tail, *rest])  # dom håller i …", "unohdin sanoo et myös kela rahottaa": the thing itself
    if rest:
        return ", ".join(rest)
    if at and _SAY_IT.match(clauses[at]):  # "vi har en grupp i Sibbo också, glömde säga de": said before
        return clauses[at - 1]
    return tail if at == 0 and tail else None  # "…, I forgot this spring's lot" is a reason


def pointed_or_forgotten(nlu: Understanding, text: str) -> Correction | None:
    """Read before the other correction shapes: an item pointed at by its place ("tavotteista se toinen …
    pois"), or a thing said to be forgotten after something else ("ok. ni har glömt X, …"); "unohtu mainita
    X" at the start is read with the other markers."""
    from assistant.edits import LEAD_FILLER
    from assistant.ordinals import pointed_item
    from assistant.phrases import starts_with
    from assistant.understand import Correction

    pointed = pointed_item(nlu, text)
    if pointed:
        return Correction(field=pointed[0] or None, text="", command=True, position=pointed[1])
    added = added_to(nlu, text)
    if added is not None:
        return added
    lead = LEAD_FILLER.match(text)
    if starts_with(text[lead.end():] if lead else text, nlu.cues.addition_markers):
        return None
    if _forgot_later(text):
        return None
    body = forgot_elsewhere(text)
    return forgotten(nlu, body) if body else None


# "ja sit vielä: …", "yks juttu vielä: …", "one more thing: …": a fix announced after the answer
_ANNOUNCED = re.compile(r"^(?:sit\s+|sitten\s+|then\s+)?(?:vielä|yks juttu|yksi juttu|one more thing|en sak till|"
                        r"och en sak|ja korjaan|korjaan vielä|korjaus)[^:]{0,25}:\s", re.IGNORECASE)
_AND = re.compile(r"^(?:ja|ja sit|ja sitten|ja sitte|o|och|and|and also|plus)\s+(?=\w)", re.IGNORECASE)
_MOST_SENTENCES = 4  # an answer of up to three sentences, then the correction
# "mätningen återkommer ja till", "rahotuksen kysyn kaverilta", "funders I need to check": the question put off
_PUT_OFF = re.compile(r"\b(?:kysyn|pitää kysyy|pitää kysyä|tarkistan|tarkistetaan|pitää tarkistaa|palaan|palataan|"
                      r"selvitän|selvitetään|mietin|mietitään|återkommer|(?:ska|får|måste)\s+(?:ja\s+|jag\s+)?"
                      r"(?:fundera|kolla|fråga)|i'?ll check|i need to check|have to check|get back to|ask my|"
                      r"ask our)\b", re.IGNORECASE)


def corrected_later(nlu: Understanding, sents: list[str]) -> Correction | None:
    """An answer first, then a sentence that plainly corrects the card: the removal, move, addition or field
    it names ("mätningen återkommer ja till. o inkoo ska bort"). The sentences before it stay the answer
    (``Correction.answer``). A later "X, not Y" without a correction word is not enough: in a story it is
    content ("Kohderyhmä on ikäihmiset, ei lapset"). A message of more sentences is a story, not read here
    (each try reads the rest of the message as a whole correction)."""
    from assistant.correction_patterns import _ACK

    if len(sents) > _MOST_SENTENCES:
        return None
    for k in range(1, len(sents)):
        rest = _AND.sub("", " ".join(sents[k:]))
        later = nlu.correction(rest)  # "o inkoo ska bort": Inkoo, not "o inkoo"
        announced = _ANNOUNCED.match(rest) is not None or starts_with(
            LEAD_FILLER.sub("", rest, count=1), nlu.cues.correction_markers) is not None  # "ja sit vielä: X ei vaan Y"
        if later is not None and (later.command or later.move_to or later.position is not None or later.field
                                  or (later.removed and (announced or not (later.weak and later.text)))
                                  or later.additive and FORGOT.search(rest)):  # "… forgot to mention also X"
            head = " ".join(sents[:k])
            ack = _ACK.match(head + " ")  # "näyttää hyvältä!" answers nothing, nor does "mittareista kysyn kaverilta"
            put_off = len(head.split()) <= 10 and _PUT_OFF.search(head) is not None
            return dataclasses.replace(later, answer="" if ack and ack.end() >= len(head) or put_off else
                                       " ".join([head, later.answer]).strip())
    return None


def _forgot_later(text: str) -> bool:
    """"vi räknar besöken. ja glömde nämna att …": the forgetting told in a later sentence, after an answer
    (read by ``corrected_later``, which keeps the answer)."""
    sents = sentences(text)
    return len(sents) > 1 and not _SAY_THAT.search(sents[0]) and bool(_SAY_THAT.search(" ".join(sents[1:])))


_FOR_FIELD = re.compile(r"^[\s,:-]*(?:(?:som\s+)?hör\s+till|for|to|in|till|bland|under|kohtaan|koskien)\s+"
                        r"(?:the\s+)?([\wåäö]+(?:\s+[\wåäö]+)?)\s*[,:;.–—-]\s*", re.IGNORECASE)

_QUALIFIER = re.compile(r"^(?:jos|kun|joilla|jotka|joiden|joka|if|when|who|whose|which|om|när|som|vars)\b",
                        re.IGNORECASE)
# "Aktiastiftelsen i Vasa gav oss också pengar i år", "Kone Foundation gave us a grant": who funds it
_FUNDED = re.compile(r"^(?P<org>[A-ZÅÄÖ].{1,60}?)\s+(?:(?:gav|ger)\s+oss\s+(?:också\s+|även\s+)?"
                     r"(?:pengar|bidrag|ett\s+bidrag)|"
                     r"(?:has\s+)?(?:gave|give|gives)\s+us\s+(?:also\s+)?(?:money|a\s+grant|funding)|funds\s+us|"
                     r"funded\s+us|rahoitt?aa|rahotti|rahoitti|anto(?:i)?\s+(?:meille\s+)?(?:myös\s+)?(?:rahaa|"
                     r"avustuksen)|myönsi\s+(?:meille\s+)?(?:myös\s+)?(?:avustuksen|rahaa)|betalar\s+(?:också\s+)?"
                     r"(?:för|en\s+del))\b", re.DOTALL)


def forgotten(nlu: Understanding, body: str) -> Correction | None:
    """What follows "unohtu mainita", "glömde", "one more thing" is added: to the field named right after ("for
    goals, …", "som hör till kärnan: …") or, when none, to the one its words describe (decided by the engine);
    only the first part is added (with a clause that qualifies it), not the remark after it ("…, ne on ihan
    keskeinen kumppani meille")."""
    from assistant.items import sentences
    from assistant.understand import Correction

    for_field = _FOR_FIELD.match(body)
    into = nlu.names_field(for_field.group(1), window=3) if for_field else None
    said = body[for_field.end():] if into and for_field else body
    parts = [re.sub(r"^[\s:;,.–—-]*(?:(?:et|että|att|that|myös|lisäksi|kans|also|också|även|too)\s+)*", "", p).strip()
             for p in re.split(r"\s*(?:[,;]|\.|\s[-–—])\s+", said)]
    parts = [p for p in parts if p]
    if not parts or len(sentences(body)) > 3:
        return None
    while len(parts) > 1 and _QUALIFIER.match(parts[1]):  # "isovanhemmat, jos lapset asuu niillä": one item
        parts[0:2] = [f"{parts[0]}, {parts[1]}"]
    funded = _FUNDED.match(parts[0]) if not into else None
    if funded:  # "Aktiastiftelsen i Vasa gav oss också pengar": the funder, not a sentence about money
        return Correction(field="funders", text=funded.group("org"), additive=True)
    kind = forgotten_kind(parts[0]) if not into else None
    if kind is not None:
        return kind
    belongs = _BELONGS_TO.match(parts[0]) if not into else None  # "nuorten vanhemmat kuuluu kohderyhmään"
    if belongs and (fld := nlu.names_field(belongs.group("f"), window=2)):
        return Correction(field=fld, text=belongs.group("x"), additive=True)
    return Correction(field=into or nlu.names_field(parts[0], strict=True), text=parts[0], additive=True)


_BELONGS_TO = re.compile(r"^(?P<x>.{2,60}?)\s+(?:kuuluu|kuuluvat|kuuluis|kuuluisi|hör\s+(?:också\s+)?till|"
                         r"hör\s+(?:också\s+)?hemma\s+i|belongs?\s+(?:also\s+)?(?:to|in)|are\s+also\s+in|should\s+be\s+in)"
                         r"\s+(?:myös\s+|också\s+|the\s+)?(?P<f>[\wåäö]+(?:\s+[\wåäö]+)?)\s*$", re.IGNORECASE)
