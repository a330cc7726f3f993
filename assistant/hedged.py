"""A value said again after a hedge, with no word of correction: "hmm ei toi ihan noin mee. eli siis
vapaaehtonen harrastuskaveri lähtee nuoren mukaan …", "well, to be precise, who we help is university-educated
immigrants …, not unemployed people in general", "nå alltså, de e mera så här: ungdomsledarna åker runt me en
buss …", "nej vänta, så enkelt e de int. de som behövs e en koordinator på halvtid …".

The hedge says the card got it wrong; what follows is the whole value, for the field it names in everyday
words ("ne kenelle tää on", "de som behövs", "who we help") or, naming none, the filled field its words clearly
describe. Without a hedge, or when the words answer the question asked, the message is left to the answer and
story readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.corrections import Corrections

# the hedges that say "not quite, it is like this", one or more at the start
_HEDGE = re.compile(
    r"^\W*(?:(?:ei\s+(?:ihan|oikeestaan|oikeastaan)(?:\s+(?:nii|niin|noin|näin))?|not\s+(?:quite|really|exactly)|"
    r"inte\s+riktigt|int\s+riktigt|tai\s+siis|eli\s+siis|no\s+siis|no\s+ei|nej\s+vänta|eller\s+rättare\s+sagt|"
    r"tarkemmin(?:\s+sanottuna|\s+sanoen)?|för\s+att\s+vara\s+(?:exakt|noga)|to\s+be\s+(?:precise|exact|honest)|"
    r"more\s+like|i\s+mean|let\s+me\s+rephrase|in\s+other\s+words|hmm+|hm+|öö+|no+|nope|nej|nä+|ei|well|nå|ja|"
    r"joo|okei|ok|siis|eli|oikeestaan|oikeastaan|pikemminkin|pikemmin|alltså|snarare|egentligen|vänta|actually|"
    r"rather)(?![\wåäö])[\s,.:;!–—-]*)+",
    re.IGNORECASE)
# a first sentence that only says the card is off: "ei toi ihan noin mee", "så enkelt e de int", "thats not it"
OFF = re.compile(r"(?:ei\s+(?:toi|se|tää)\s+(?:ihan\s+)?(?:noin|näin|niin|nii)\s+(?:mee|mene|oo|ole)|"
                  r"ei\s+(?:ihan|oikeen)\s+(?:nii|niin|noin)|så\s+enkelt\s+(?:e|är)\s+(?:de|det)\s+(?:int|inte)|"
                  r"(?:de|det)\s+(?:e|är)\s+(?:int|inte)\s+(?:riktigt\s+)?så|that'?s\s+not\s+(?:really\s+|quite\s+)?"
                  r"(?:it|right|how it is)|not\s+(?:quite|really|exactly)(?:\s+(?:it|right))?|"
                  r"^\W*(?:hmm+\W*)?(?:ei\s+ihan|ei\s+oikeestaan|ei\s+oikeastaan|inte\s+riktigt|int\s+riktigt|"
                  r"inte\s+helt|int\s+heilt|nope|no+|nej|nä+|ei))\W*$", re.IGNORECASE)
_LEADS = re.compile(r"^(?:(?:de|det)\s+(?:e|är)\s+mera?\s+så\s+här|more\s+like(?:\s+this)?|se\s+on\s+enemmän\s+"
                    r"näin|eli|siis)\s*[:,.–—-]*\s*", re.IGNORECASE)
_COPULA = re.compile(r"^(?:(?:on|is|are|e|är|=)\s+)?(?:(?:siis|ju|nog|basically|simply|just|typ)\s+)?[:,–—-]?\s*",
                     re.IGNORECASE)
# a later clause on what it is not ("ei asunnottomat, ne on ihan eri palvelussa", "not unemployed people"):
# about the old value, not part of the new one
_NOT_PART = re.compile(r"(?:^|,\s*|\s+)(?:ei|eikä|inte|int|not|and\s+not|the\s+\w+\s+are\s+not)\s+(?:pelkästään\s+|"
                       r"vain\s+|just\s+|only\s+|bara\s+)?[^,.]*$", re.IGNORECASE)
# a hedge that says "let me say it again", not only "no": "eli siis", "to be precise", "ei ihan", "alltså"
RESTATING = re.compile(r"(?<![\wåäö])(?:ihan|oikeestaan|oikeastaan|quite|really|exactly|riktigt|siis|tarkemmin|"
                        r"rättare|exakt|noga|precise|exact|more\s+like|i\s+mean|rephrase|other\s+words|pikemmin\w*|alltså|"
                        r"snarare|egentligen|vänta|actually|rather)(?![\wåäö])", re.IGNORECASE)
_BUT = re.compile(r"[,;]?\s*(?<![\wåäö])(?:vaan|utan|but|instead|rather|sondern)(?![\wåäö])\s*", re.IGNORECASE)
# a negation inside a relative clause describes, it does not deny: "jossa ei oo hissiä", "där de int finns"
RELATIVE_NEG = re.compile(r"(?<![\wåäö])(?:joka|jossa|jonka|jotka|joissa|missä|där|som|who|which|where|that)\s+"
                          r"(?:\S+\s+){0,2}(?:ei|eivät|int|inte|not|don'?t|doesn'?t)(?![\wåäö])", re.IGNORECASE)
SENTENCES = re.compile(r"(?<=[.!?])\s+")
# "kaks juttua: …", "yks juttu, …", "one thing, …": an announcement of the fixes that follow, not one of them
ANNOUNCED = re.compile(r"^\W*(?:(?:kaks|kaksi|pari|kolme|two|a\s+couple\s+of|three|två|ett\s+par|tre)\s+"
                        r"(?:juttua|asiaa|korjausta|things|fixes|corrections|saker|grejer|rättelser)|"
                        r"(?:yks|yksi|one|just\s+one|en|ett)\s+(?:juttu|asia|korjaus|thing|fix|correction|sak|grej|"
                        r"rättelse))\s*[:.,–-]\s*", re.IGNORECASE)
# a negation, in fi/sv/en ("isnt", "dont" typed without the apostrophe too); Finnish "en" (I don't) is left out:
# "en mää tiiä kuka tätä jatkaa" speaks of the speaker, and "en" is Swedish "a"
NEG = re.compile(r"(?<![\wåäö])(?:ei|eikä|eihän|eikös|emme|eivät|ette|inte|int|icke|aldrig|inga|ingen|inget|nej|"
                 r"not|never|no\s+longer|nowhere|(?:is|are|was|were|do|does|did|has|have|had|can|could|wo|would|"
                 r"should|must|need|ai|ca)n['’]?t)(?![\wåäö])", re.IGNORECASE)
_RESTATES = ("summary", "basic_idea", "name")
# the card approved after "ok", "joo": no new value follows
_APPROVAL = re.compile(r"^\W*(?:(?:näyttää|kuulostaa|vaikuttaa)\s+(?:ihan\s+)?(?:hyvältä|hyvälle|oikealta|oikeelta)|"
                       r"hyvältä|hyvä|hyvin|oikein|oikeen|(?:de|det)\s+(?:ser|låter)\s+bra|ser\s+bra|bra|stämmer|"
                       r"(?:it|that|this)?\s*looks\s+(?:good|fine|right|great)|looks|good|fine|great|perfect|all\s+good|"
                       r"kaikki\s+(?:ok|hyvin|oikein)|allt\s+(?:ok|bra|rätt|stämmer))(?![\wåäö])", re.IGNORECASE)
# "…, vaan …" sets what is right against a "not" (the hedge may have been that "not")
_RATHER = re.compile(r"[,;]\s*(?:vaan|vaa|utan|but\s+rather|sondern)(?![\wåäö])\s*", re.IGNORECASE)
_LEAST = 0.15  # a restatement is of something on the card: its item ranks among the top, if not first
_NOT_HERE = ("stage", "name", "contact", "summary", "organisation")


def said_off(text: str) -> bool:
    """The message opens with a short sentence that only says the card is off ("så enkelt e de int.")."""
    said = SENTENCES.split(text.strip())
    return len(said) > 1 and bool(OFF.search(said[0])) and len(said[0].split()) <= 8


def _hedged_body(text: str, answering: bool = False) -> str | None:
    """The words after the hedge; None without one. ``answering``: a plain "no"/"ok" is not a hedge, as
    "Nej, kommunen är inte med, …" answers "who takes part?"."""
    t = text.strip()
    off = ""
    if said_off(t):  # "hmm ei toi ihan noin mee. eli siis …"
        off = SENTENCES.split(t)[0]
        t = t[len(off):].strip()
    m = _HEDGE.match(t)
    body = t[m.end():] if m else t
    hedge = m.group(0).strip(" ,.:;!-") if m else ""
    if answering and not off and not RESTATING.search(hedge):
        return None
    if not (off or hedge) or not body:
        return None
    return _LEADS.sub("", body.strip())


def _value(body: str, fld: str | None, names_field: Callable[[str], str | None]) -> str:
    """The new value as said: its first sentence without a trailing "not X" clause, and the sentences after it
    up to one that says what it is not ("ei asunnottomat, …", "mitään seteleitä ei jaeta")."""
    kept = []
    for k, s in enumerate(SENTENCES.split(body)):
        plain = s.strip().rstrip(".!?")
        if k and (NEG.search(plain) or names_field(plain) not in (None, fld)):
            break  # "… Seinäjoki, Lapua ja Kauhava. yhteyshenkilö tulee myöhemmin": the value ends
        cut = _NOT_PART.sub("", plain).strip(" ,;")
        if cut:
            kept.append(cut)
        if cut != plain.strip():
            break
    return ". ".join(kept).strip()


def _after_contrast(value: str) -> str | None:
    """The value with "not X but" dropped ("me ei lasketa osallistujia, vaan kerätään palaute …" → "kerätään
    palaute …"); None when it still sets one thing against another; a negation inside a relative clause ("där
    de int finns nån ungdomsgård") describes and stays."""
    neg = NEG.search(value)
    if neg is None:  # "[Ei] ne oo enää pelkästään psykiatrian potilaat, vaan kaikki …": the "not" was the hedge
        rather = _RATHER.search(value)
        return value[rather.end():].strip() or None if rather else value
    if RELATIVE_NEG.search(value):
        return value
    turn = _BUT.search(value, neg.end())
    return value[turn.end():].strip() or None if turn else None


def _denies_item(current: object, value: str, body: str) -> bool:
    """The value is one of the list's own items and the sentence denies it: the item goes, read elsewhere."""
    if not isinstance(current, list) or NEG.search(body) is None:
        return False
    said = value.strip(" .,;").lower()
    return len(said) >= 3 and any(said in str(item).lower() for item in current)


def restated_after_hedge(d: Corrections, text: str) -> list[str] | None:
    """The reply when a hedge opens the message and a whole new value for a filled field follows."""
    st = d.state
    answering = bool(st.pending_field) and st.asking == "question" and st.phase == "collect"
    body = _hedged_body(text, answering)
    if body is None or len(body.split()) < 3 or _APPROVAL.match(body):
        return None  # "ok näyttää hyvältä. paitsi et …": agreement, then a fix read elsewhere
    nlu = d.offline.nlu
    fld = nlu.names_field(body, window=6)
    if fld is not None:
        named = [n for n in nlu.cues.field_names.get(fld, []) if body.lower().startswith(n.lower())]
        rest = body[max((len(n) for n in named), default=0):] if named else body
        value = _after_contrast(_value(_COPULA.sub("", rest.strip(), count=1), fld, nlu.names_field))
    else:
        value = _after_contrast(_value(body, None, nlu.names_field))
        if value is None:
            return None  # "actually we started 2015 not 2016, …": one thing against another, read elsewhere
        guess = d.offline.classifier.predict([value])[0]
        filled = [(f, p) for f, p in guess.ranked if f in d.flow.card and f not in _NOT_HERE
                  and getattr(st.draft, f, None)]
        if not filled or filled[0][1] < _LEAST \
                or filled[0][1] < d.flow.thresholds.restate_place * sum(p for _, p in filled):
            return None  # the words fit no item on the card clearly: not a restatement of one
        if answering and guess.field == st.pending_field:
            return None  # "well, actually we measure it with a survey" to "how is it measured?": the answer
        fld = filled[0][0]
    if value is None or fld not in d.flow.card or fld in _NOT_HERE or not getattr(st.draft, fld, None) or not value:
        return None  # "no, not really, we don't measure anything yet" to "how is it measured?": the answer
    if _denies_item(getattr(st.draft, fld), value, body):
        return None  # "ja vankilaseurakunta ei oo meiän kaa tässä": an item said not to belong, not a new value
    if fld == st.pending_field and st.asking == "question" or answering and st.pending_field in _RESTATES:
        return None  # the question asked is answered; a summary says again what the card holds
    d._apply_correction(fld, value, [], False, named=True)
    return d.after_update([d.t("iv.corrected", label=d.label(fld))])
