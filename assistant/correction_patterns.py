"""The shapes of correction phrases ``understand.Understanding.correction`` reads ("X ei oo mukana", "150 on
väärin, oikea luku on 120", "X ei oo toimija vaan kohderyhmää", "Y, not X"), and a field name in a Finnish case
form. Patterns only; which one applies is decided in ``understand``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.understand import Understanding


def _inflected(word: str, name: str) -> bool:
    """``word`` is ``name`` in some case form: "kohderyhmään", and with the stem change of a Finnish plural
    ("mittareihin" for mittari, "toimijoihin" for toimijat, "tavoitteisiin" for tavoitteet)."""
    if word.startswith(name):
        return len(word) <= len(name) + 4
    stem = name[:-2] if name.endswith("t") else name[:-1] if name[-1:] in ("a", "ä", "e", "i", "o", "u") else \
        name[:-3] + "s" if name.endswith("nen") else ""  # "mittaamiseen" for mittaaminen
    return len(stem) >= 6 and word.startswith(stem) and len(word) <= len(stem) + 7


_NEGATED = re.compile(r"^\s*(?:ei|inte|int|not|nej|no\s*,)\s", re.IGNORECASE)
_NOT_INVOLVED = re.compile(r"\b(?:ei\s+(?:oo|ole)\s+(?:enää\s+|tässä\s+|meillä\s+)?mukana|ei\s+(?:oo|ole)\s+enää$|"
                           r"(?:är|e)\s+(?:inte|int)\s+(?:längre\s+)?(?:med|me)\b|"
                           r"(?:is|are)(?:\s+not|n't)\s+(?:really\s+|actually\s+)?"
                           r"(?:involved|part of (?:it|this)|with us))",
                           re.IGNORECASE)
_TRAILING_REMOVE = re.compile(r"[,.;]\s*(?:so\s+|eli\s+|joten\s+|så\s+)?(?:please\s+|pls\s+|kindly\s+|you can\s+|"
                              r"voit\s+|voisitko\s+|kan du\s+)?"
                              r"(?:(?:remove|delete|take out|poista|poistaa|poistetaan|ota|ottaa|otetaan|"
                              r"stryk|ta bort)\s+"
                              r"(?:them|it|her|him|ne|se|sen|niitä|hänet|dem|dom|den|det|henne|honom)(?:\s+pois|\s+out)?"
                              r"(?:\s+(?:där|därifrån|sieltä|siitä|there|from\s+there))?|"
                              r"take (?:it|them|her|him) out|"
                              # "…, eli sen voi ottaa pois", "den kan du ta bort"
                              r"(?:sen|ne|se|hänet|niitä|den|det|dem|dom)\s+(?:voi|voit|voitte|saa|kannattaa|pitää|"
                              r"pitäis|pitäisi|kan\s+(?:du|ni)|kunde\s+(?:du|ni))\s+(?:ottaa|poistaa|jättää|ta|stryka)"
                              r"(?:\s+pois|\s+bort)?|"
                              r"(?:ota|ottakaa|ottakaa\s+se|ottaisitko)?\s*pois|poistakaa|stryk|(?:ta\s+)?bort)"
                              # "…, otetaan se pois ni ei tuu väärää kuvaa": and why, after it
                              r"(?:,?\s+(?:ni|niin|nii|jotta|ettei|so that|så att|because|koska|eftersom)\b[^.!?]*)?"
                              r"\s*[.!]?\s*$",
                              re.IGNORECASE)
_X_IS_WRONG = re.compile(r"^(?:(?:sorry|sori|oho|oops|förlåt|hups),?\s+)?"
                         r"(?:(?:tuo|toi|se|the|that|det där|den där)\s+)?(?P<x>[^\s,.;]+(?:\s+[^\s,.;]+){0,3}?)\s+"
                         r"(?:on|oli|is|was|är|var|e)\s+(?:väärin|väärä|väärä luku|wrong|fel|incorrect)\b"
                         r"(?:\s*[,.;:!]\s*(?P<rest>.*)|\s*)$", re.IGNORECASE | re.DOTALL)
_MOVE = re.compile(r"^(?P<x>[^,.;]{2,60}?)\s+(?P<verb>ei\s+(?:oo|ole)|eivät\s+(?:oo|ole)|on|ovat|är|e|is not|isn't|"
                   r"are not|aren't|is|are|ei\s+kuulu|eivät\s+kuulu|hör\s+(?:inte|int)\s+till|"
                   r"(?:does\s+not|doesn't|do\s+not|don't)\s+belong\s+(?:to|in|under|among))\s+"
                   r"(?:ju\s+|väl\s+|kyllä\s+|oikeestaan\s+|oikeastaan\s+|really\s+)?(?:the\s+)?"
                   r"(?P<a>[\wåäö ]{2,30}?)\s*,?\s*(?:eikä|vaan|utan|och inte|ja ei|ei|inte|int|not|but|"
                   r"(?:se|ne|det|den|it|they)\s+(?:on|ovat|är|e|is|are)(?:\s+(?:enemmänki|enemmänkin|enemmän|"
                   r"pikemminkin|oikeastaan|oikeestaan|mer|snarare|more|rather|really))?)\s+"
                   r"(?:(?:till|to|in|under|among)\s+(?:the\s+)?)?(?P<b>[\wåäö ]{2,30}?)\s*(?:[,.:;].*)?$",
                   re.IGNORECASE | re.DOTALL)
# "kohta 3", "3." (the numbered summary has under twenty items; "150 on väärin" is a value)
_ITEM_NUMBER = re.compile(r"^(?:(?:kohta|kohdat|item|point|punkt|punkten|nummer|number|nro|no\.?)\s*\d+|\d{1,2})\.?$",
                          re.IGNORECASE)
_RIGHT_LEAD = re.compile(r"^(?:(?:oikea|oikee|the right|the correct|rätt|det rätta)\s+(?:luku|määrä|number|figure|"
                         r"antal|siffra)\s+(?:on|oli|is|was|är|var|e)\s+|(?:it|that|se|det|he)\s+(?:was|is|oli|on|"
                         r"var|är|e)\s+|(?:should be|pitäisi olla|ska vara)\s+)", re.IGNORECASE)


def _clean_right(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+|,\s+", text.strip(), maxsplit=1)[0].strip(" .!")
    return _RIGHT_LEAD.sub("", first).strip()


_Y_NOT_X = re.compile(r"^[^,.;]{1,60},\s*(?:not|inte|int|ei|och inte|and not)\s+[^,.;–—]{1,40}(?:[.,;–—]|$)",
                      re.IGNORECASE)  # not "eikä": "…, eikä sivukylistä pääse sinne" tells on


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


_AFTERTHOUGHT = re.compile(r"\s+(?:förresten|för resten|muuten|btw|by the way|siis|nyt|now|då|alltså)$",
                           re.IGNORECASE)
_NO_LONGER = re.compile(r"\b(?:anymore|any more|enää|längre|inte mer|int mer)\b", re.IGNORECASE)
_SHOULD_BE = re.compile(r"^\s*(?:det ska vara|det borde vara|det är|se on|sen pitää olla|sen pitäis olla|"
                        r"sen pitäisi olla|pitää olla|pitäis olla|pitäisi olla|it should be|should be|it's|it is)\s+",
                        re.IGNORECASE)


def after_field(body: str) -> str:
    """"kohderyhmä onkin yksinäiset miehet" → "yksinäiset miehet"."""
    m = re.match(r"^(?:the\s+|our\s+|mallin\s+|meidän\s+)?[\wåäö -]{0,40}?\b(ei oo|ei ole|ei ollut|eivät ole|"
                 r"is not|isn't|are not|aren't|was not|är inte|var inte)\s+(.+)$", body.strip(),
                 re.IGNORECASE | re.DOTALL)
    if m:  # "tavoite ei oo X, vaan Y" → "ei X, vaan Y"
        neg = {"isn't": "not", "aren't": "not"}.get(m.group(1).split()[0].lower(), m.group(1).split()[0])
        return f"{neg} {m.group(2).strip()}"
    m = re.match(r"^(?:the\s+|our\s+|mallin\s+|meidän\s+)?[\wåäö -]{0,40}?\b"
                 r"(?:onkin|ovatkin|on|ovat|oli|olivat|olisi|pitäisi olla|is|are|was|were|should be|"
                 r"är|e|var|ska vara|blir)\s*[:,]?\s+(?:siis\s+|että\s+|att\s+|that\s+)?(.+)$",
                 body.strip(), re.IGNORECASE | re.DOTALL)
    if m:
        return m.group(1).strip()
    m = re.match(r"^[^:]{1,40}:\s*(.+)$", body.strip(), re.DOTALL)
    return m.group(1).strip() if m else body.strip()


_NOT_A_TOPIC = {"ne", "se", "toi", "tuo", "nää", "the", "those", "that", "this", "den", "det", "de", "dom", "he",
                "they", "it", "we", "me", "vi", "mä", "jag", "i", "ei", "not", "inte", "int", "no", "nej", "ja", "and",
                "och", "so", "eli", "så", "also", "myös", "också", "our", "meidän", "vår", "våra", "their", "niiden"}


def topic_of(clause: str, fillers: set[str]) -> str | None:
    """What a remark is about when it says so first and "remove it" after: "församlingens roll e så liten …"
    → "församlingens", "kela only gave us a grant once" → "kela", "Luckan Raseborg håller …" → "Luckan
    Raseborg". None when the clause starts with a pronoun or a filler (the engine then has nothing to find)."""
    words = re.findall(r"[\wåäöÅÄÖ'-]+", clause)
    i = 0
    while i < len(words) and words[i].lower() in fillers and words[i].lower() not in _NOT_A_TOPIC:
        i += 1
    if i >= len(words) or words[i].lower() in _NOT_A_TOPIC or len(words[i]) < 3 or words[i].isdigit():
        return None
    from assistant.textproc import STOPWORDS

    topic = [words[i]]
    for w in words[i + 1:i + 3]:  # "youth psychiatry is …", "Luckan Raseborg håller …": up to the first small word
        if any(w.lower() in STOPWORDS[lang] for lang in STOPWORDS) or w.lower() in _SPOKEN_SMALL:
            break
        topic.append(w)
    return " ".join(topic)


_SPOKEN_SMALL = {"e", "va", "oo", "ollu", "int", "nt", "ju", "nu", "dom", "ne", "niinku", "kyl", "gave", "never",
                 "dropped", "hoppa", "blev", "only", "just", "vaan", "bara", "betalar", "pays", "paid", "maksaa",
                 "maksoi", "ger", "gav", "gives", "antaa", "antoi", "lånar", "lends", "faktiskt", "actually",
                 "oikeesti"}


# "Jo, aktörerna stämmer. Men …": agreement first, the correction after "men"
_AGREED_BUT = re.compile(r"^(?:jo|joo|ja|kyllä|yes|yeah|yep|ok|okej|okei)\b[^.!?]{0,60}[.!?]\s+"
                         r"(?:men|mutta|mut|but)\s+", re.IGNORECASE)
# A first sentence that only says the card is fine ("joo tää näyttää aika hyvältä.", "ok de ser bra ut.",
# "Thanks this is good summary.", "kiitos ku kokosit."): the correction is in what follows.
_ACK = re.compile(r"^[^.!?]{0,60}?\b(?:ok|okei|okej|okay|hyvä|hyvältä|hyvin|oikein|oikeen|rätt|bra|good|right|fine|"
                  r"great|kiitos|kiitti|tack|thanks|thank you|stämmer|näin|så e de|så är det|looks|ser|hmm+|hm+|mm+)\b"
                  r"[^.!?]{0,40}[.!?]+\s+(?:(?:men|mutta|mut|but|fast|tosin|only|just)\b,?\s*)?", re.IGNORECASE)
# "mätningen får ja fundera på. men SFV ska bort …", "funders I need to check. but the summary is not right":
# a first sentence put aside, then "but" and the correction
_THEN_BUT = re.compile(r"^[^.!?]{3,80}[.!?]+\s+(?:men|mutta|mut|but|tosin|fast)\b,?\s*", re.IGNORECASE)
# "allt e rätt men int biblioteket", "muuten hyvä mut …", "looks right apart from …": agreement, then the fix
_FINE_BUT = re.compile(r"^[^.!?,:]{0,30}?\b(?:rätt|bra|ok|okej|okei|hyvä|hyvältä|kohdallaan|kohallaan|fine|good|"
                       r"right|correct|stämmer)\s*,?\s+(?:men|mutta|mut|but|paitsi|utom|förutom|except(?:\s+for)?|"
                       r"apart\s+from)\s+", re.IGNORECASE)
_REPLACING = re.compile(r"\b(?:tilalle|sijaan|sijasta|instead|istället|nyt|nykyään|now|nu|numera|vaan|but|utan|"
                        r"it's|it is|its|se on|ne on|det är|de e|he e|tuli|came|kom)\b", re.IGNORECASE)


# an opening clause that only says what the rest is about: "ja niistä paikoista missä ollaan, …", "and about the
# places, …", "och om orterna, …"
_TOPIC = re.compile(r"^\s*(?:(?:ja|and|och|o)\s+)?(?:niistä|siitä|noista|tuosta|näistä|about|regarding|as for|om|"
                    r"vad gäller|mitä tulee)\b", re.IGNORECASE)


def removed_after(nlu: Understanding, text: str) -> tuple[str | None, str] | None:
    """What goes, then the word that removes it: "Juva pois, sinne ei enää ajeta", "Kriisikeskus poistetaan
    toimijoista", "vuxna barn ska bort": (the field named, what goes)."""
    from assistant.phrases import tokens
    from assistant.rightwrong import REMARK

    parts = re.split(r"[,.;:!?]\s|\s[–—-]\s", text.strip(), maxsplit=2)
    if len(parts) > 1 and _TOPIC.match(parts[0]):  # "ja niistä paikoista missä ollaan, leirikeskus pois, …"
        parts = parts[1:]
    first = _AFTERTHOUGHT.sub("", parts[0].strip().rstrip(".!"))  # "Föglö kan bort förresten"
    toks = first.split()
    low = [t.lower() for t in toks]
    for phrase in sorted((tokens(p) for ps in nlu.cues.removal_after.values() for p in ps), key=len, reverse=True):
        for tail in (0, 1, 2):  # "… poistetaan toimijoista", "Malax ska bort ur områdena"
            cut = len(toks) - tail - len(phrase)
            if cut < 1 or low[cut:len(toks) - tail] != phrase:
                continue
            fld = nlu.names_field(toks[-1], window=1) if tail else None
            if tail == 2 and low[-2] not in ("ur", "från", "from", "of", "out", "in", "i"):
                fld = None
            if tail and fld is None:
                continue
            what = " ".join(toks[:cut]).strip(" ,.:;\"'”“")
            what = re.split(r"\s(?:men|mutta|mut|but)\s", what)[-1]  # "Borgå stämmer men Sibbo ska bort"
            what = re.sub(r"^(?:ne|se|toi|tuo|nää|the|those|that|den|det|de|dom)\s+(?=\S+)", "", what,
                          flags=re.IGNORECASE)  # "ne omaishoitajien lapset ei kuulu tähän": a determiner
            if 0 < len(what.split()) <= 6 and not REMARK.match(what):
                return fld, what
    told = _THEN_REMOVE_IT.match(text.strip())
    if told and not REMARK.match(told.group("what")):  # "nagu e ju en del av pargas så ta bort den": the subject
        return None, re.sub(r"^(?:ja|och|and|ai\s+niin|oh)\s+", "", told.group("what").strip(), flags=re.IGNORECASE)
    return None


# the subject first, why it goes, then "remove it": "nagu e ju en del av pargas så ta bort den, blir dubbelt"
_THEN_REMOVE_IT = re.compile(
    r"^(?P<what>[^,.;:!?]{2,40}?)\s+(?:e|är|va|var|on|oo|ei|int|inte|is|are|isn't|aren't|was|kuuluu|hör)\b"
    r"[^.;!?]{0,80}?\b(?:ta\s+bort|poista|stryk|remove|delete|drop|take\s+(?:it|them)\s+out|ota\s+pois|"
    r"jätä\s+pois)\s+(?:den|det|dom|dem|se|sen|ne|niitä|sitä|it|them|that|this)\b", re.IGNORECASE)


# a field named at the end is named as where something goes: "kuuluvat kohderyhmään", "hör till målgruppen"
_INTO_WORDS = frozenset("till i under bland som to in into under among as for".split())
_CASE_INTO = re.compile(r"(?:([aeiouyäö])\1n|h[aeiouyäö]n|siin|seen|ksi|kse|ks|ssa|ssä|lle|ihin)$")


def field_at_end(nlu: Understanding, body: str) -> tuple[str | None, str]:
    """"myös nuoret asunnottomat kuuluvat kohderyhmään" → (target_groups, "myös nuoret asunnottomat")."""
    m = re.search(r"[,\s]+(?:\w+\s+){0,2}?(\w+)\W*$", body.strip())
    if not m:
        return None, body
    fld = nlu.names_field(m.group(1), window=1)
    if fld is None:
        return None, body
    words = re.findall(r"[\wåäö-]+", body.strip())
    before = words[-2].lower() if len(words) > 1 else ""
    if before not in _INTO_WORDS and not _CASE_INTO.search(m.group(1).lower()):
        return None, body  # "… alla vuxna som mist sin partner": a noun that is also a field word, not a field named
    from assistant.rightwrong import REMARK

    last = re.split(r"[,;.–—]\s+", body.strip())[-1]
    if REMARK.match(last) and not re.match(r"^(?:se|ne|det|de|dom|it|they|this|that)\b", last, re.IGNORECASE):
        return None, body  # "…, jag blandade ihop det med en annan kommun": a remark's noun names no field
    return fld, body.strip()[: m.start()].strip()
