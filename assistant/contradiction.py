"""A card item contradicted in passing, with no word of correction: "ei ihan nii. ei me viedä ruokaa kotiin,
vaan vapaaehtonen lähtee ikäihmisen kaa kauppaan", "nä hon ringer int, hon åker hem till dom", "hmm no, its
not visits at home. its a phone line …", "eihän kaupunki oo enää tän omistaja … nykyään se on Pohjanmaan
hyvinvointialue".

The message denies something the card says (a clause with a negation that shares the item's content words)
and then says what is true instead: that replaces the item or sentence it denied. A fallback for answers and
stories in which no correction was read; it needs the card, so it lives beside ``corrections``, not in
``understand``. Look-alike answers ("ei tarvita erillisiä tiloja") deny nothing the card holds, or read as
the answer asked for, and pass through.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.card_words import _closeness, _overlaps, _shared
from assistant.hedged import ANNOUNCED, NEG, OFF, RELATIVE_NEG, SENTENCES
from assistant.interview_types import FieldStatus
from assistant.items import card_items, dedupe
from assistant.restate import _ABOUT_THE_MISTAKE, without_lead
from assistant.schema import LIST_FIELDS
from assistant.textproc import stems

if TYPE_CHECKING:
    from assistant.corrections import Corrections

# the denial's own words, not the item's: "enää", "ollenkaan", "really"
_NOISE = re.compile(r"(?<![\wåäö])(?:enää|ollenkaan|yhtään|mitään|missään|niinkään|oikeesti|oikeasti|kyllä|kyl|"
                    r"mikään|längre|alls|egentligen|ju|nog|anymore|any\s+more|at\s+all|really|actually|even|"
                    r"tää|tän|toi|se|ne|me|we|vi|de|it|its|this|that|nåt|något)(?![\wåäö])", re.IGNORECASE)
# a clause about the mistake, not the new value: "toi on väärin", "se on virhe", "sekotin ne äsken"
_REMARK = re.compile(r"(?<![\wåäö])(?:väärin|virhe|väärä|wrong|mistake|fel|misstag|sekotin|sekoitin|mixed|"
                     r"blandade|sori|sorry|förlåt|oops|oho|my\s+bad|tiedä|tiiä|tiädä|muista|know|remember|vet|"
                     r"minns)(?![\wåäö])", re.IGNORECASE)
# "ei pelkästään X vaan myös Y", "not only X": a widening, read by ``not_only``
_NOT_ONLY = re.compile(r"(?<![\wåäö])(?:pelkästään|pelkkä|pelkkää|vain|ainoastaan|only|just|bara|endast|enbart)"
                       r"(?![\wåäö])", re.IGNORECASE)
# "ei ihan nii", "nä hon ringer int", "hmm no, its not …" ("no" alone is a Finnish filler: "no lähinnä …")
_NO_OPENER = re.compile(r"^\W*(?:(?:hmm+|öö+|well|okei|ok)\W+)?(?:ei|eei|nope|nä+|nej|nää|ei\s+ihan|not\s+quite|"
                        r"inte\s+riktigt|int\s+riktigt)(?![\wåäö])", re.IGNORECASE)
_NO_OPENER_OTHER = re.compile(r"^\W*(?:(?:hmm+|well|ok)\W+)?no+(?![\wåäö])", re.IGNORECASE)
_CHANGED = re.compile(r"(?<![\wåäö])(?:enää|nykyään|nykyisin|längre|numera|nuförtiden|anymore|any\s+more|"
                      r"no\s+longer)(?![\wåäö])", re.IGNORECASE)
_TURN = re.compile(r"\s*(?:[,;:–—]\s*|\s(?=(?:vaan|utan|but|instead|sondern)\s))", re.IGNORECASE)
_MOVE_P = 0.6
_IT_IS_NOW = re.compile(r"(?<![\wåäö])(?:(?:se|ne|det|de|he|it|they)\s+(?:on|ovat|är|e|is|are)|it'?s|nykyään|"
                        r"nykyisin|numera|nuförtiden|now)\s+", re.IGNORECASE)
_DOES = re.compile(r"\s(?:took|takes|take|runs|run|pays|paid|maksaa|maksoi|hoitaa|hoiti|betalar|betalade|sköter|"
                   r"skötte|rahoittaa|rahoitti|finansierar|funds|funded|otti|tog)(?![\wåäö])", re.IGNORECASE)
_NAMED = ("actors", "funders", "regions", "organisation")  # fields that list organisations and places
_VERB = re.compile(r"(?<![\wåäö])(?:on|ovat|oli|olivat|oo|ei|is|are|was|were|has|have|had|did|does|e|är|var|va|ha|"
                   r"har|hade|int|inte|not)(?![\wåäö])", re.IGNORECASE)
# a clause that opens with who did something is told, not named: "de stöttade oss bara första året"
_DOER_FIRST = re.compile(r"^\s*(?:de|dom|dem|they|he|she|it|ne|se|hän|han|hon|vi|we|me)\s+[\wåäö]", re.IGNORECASE)
_RESTATES = ("summary", "basic_idea", "name")
_FITS_P = 0.2
# what is done, told as the idea or as the core: the classifier often ranks one for the other
_KIN = {"basic_idea": "core", "core": "basic_idea"}
_ANSWER_P = 0.5  # what is said instead reads this surely as the answer asked for: it is the answer
_NOT_HERE = ("stage", "name", "contact", "summary")  # read by their own shapes (stage words, names, contacts)


# a correction word before what is true: "eikun", "oho", "nej vänta", "oh"
_OPENER = re.compile(r"^\W*(?:(?:eikun|eiku|ei\s+kun|ei\s+vaan|oho|hups|sori|korjaus|nej\s+vänta|nej|förlåt|oj|oh|"
                     r"oops|sorry|wait|no)\b[\s,.:;!–—-]*)+", re.IGNORECASE)
_DROP = re.compile(r"(?<![\wåäö])(?:pois|poista|jättäkää|jätä|remove|delete|drop|take\s+(?:it|them)\s+out|ta\s+bort|"
                   r"stryk|lopetti|lopetettiin|päättyi|loppui|quit|ended|stopped|slutade|drog\s+sig\s+ur)(?![\wåäö])",
                   re.IGNORECASE)
# what follows from the denial or why, not what is true instead: "…, siks kokoonnutaan seurakuntatalolla"
_SO = re.compile(r"^(?:siks|siksi|sen\s+takia|sen\s+vuoksi|joten|koska|therefore|that'?s\s+why|thats\s+why|hence|"
                 r"because|since|därför|eftersom|so\s+(?:we|they|people)|så\s+(?:vi|dom|de|man)|niin\s+(?:me|ne))"
                 r"(?![\wåäö])", re.IGNORECASE)
_TURN_WORD = re.compile(r"^(?:vaan|utan|but|instead|rather|tilalle|i\s+stället|sondern)\b[\s,:]*", re.IGNORECASE)
# "they are doing the work with us", "ne on meidän työntekijöitä": said of the denied item, not in its place
_PREDICATE = re.compile(r"^(?:sillä|sitä|siitä|siihen|niillä|niitä|med\s+den|med\s+det|we\s+use\s+it|"
                        r"it'?s\s+used|den\s+används|det\s+används)\b|"
                        r"^(?:they|they're|theyre|ne|de|dom|dessa|those|these)\s+"
                        r"(?:are|were|do|did|belong|on|ovat|kuuluu|tekee|teki|e|är|va|var|hör|gör|jobbar|work|"
                        r"ju|what|mitä|vad)\b", re.IGNORECASE)


_BELONGS = re.compile(r"(?:hör|hörer|kuuluu|kuuluis|kuuluisi|belongs?|belong|should\s+be|goes|go|sätt|put|laita|"
                      r"siirrä|move|flytta)\b(?:\s+\S+)?\s+(?:till|to|in|under|into|i|bland|)\s*\S*$|"
                      r"(?:kuuluu|kuuluis|kuuluisi|hör\s+\S+\s+till|hör\s+till|belongs\s+(?:to|in|under))",
                      re.IGNORECASE)


def _field_named(d: Corrections, text: str) -> str | None:
    """A card field named anywhere in the words after the denial ("hör väl till miljön", "it should be in the
    core part"); field words that are also everyday nouns ("kunta", "area") do not count."""
    words = text.split()
    for i in range(len(words)):
        strict = not _BELONGS.search(" ".join(words[max(0, i - 4):i]))  # "hör väl till miljön": a field
        fld = d.offline.nlu.names_field(" ".join(words[i:i + 4]), window=1, strict=strict)
        if fld is not None and fld in d.flow.card:
            return fld
    return None


def _clauses(sentence: str) -> list[str]:
    return [c.strip() for c in _TURN.split(sentence) if c and c.strip()]




def _denied(d: Corrections, clause: str, opened_with_no: bool) -> tuple[str, str, int] | None:
    """(field, item) the clause denies: the one card item sharing the most content words with it."""
    lang = d.state.lang
    said = _NOISE.sub(" ", NEG.sub(" ", clause))
    best: list[tuple[int, float, float, str, str]] = []
    for fld in d.flow.card:
        if fld in _NOT_HERE:
            continue
        for item in card_items(getattr(d.state.draft, fld, None)):
            n = max(_shared(item, said, lang), _linked(item, said, lang)) \
                or int(len(_words(item)) <= 3 and _overlaps(item, said, lang))
            if n:  # "Kelalta ei oo kukaan mukana" denies the card's "Kela" (another case, too short to stem)
                cover = n / max(1, len(_words(item)))
                best.append((n, cover, _closeness(item, said, lang), fld, item))
    if not best:
        return None
    best.sort(reverse=True)
    n, cover, _, fld, item = best[0]
    if len(best) > 1 and best[1][:2] == (n, cover) and best[1][3] != fld:
        return None  # as much of another field: which one is denied is a guess
    short_item = len(_words(item)) <= 3
    if n >= 2 or (n == 1 and (short_item or opened_with_no)):
        return fld, item, n
    return None


def _linked(item: str, said: str, lang: str) -> int:
    """Content words of the denial that the item writes in another form ("ei ne soita" for "soittavat",
    "seurakunnan" for "seurakunta"): stems sharing their first four letters (shorter ones are too often "får",
    "get", "on")."""
    card = stems(item, lang)
    n = 0
    for s in dict.fromkeys(stems(said, lang)):
        if len(s) >= 4 and not s.isdigit() and any(len(w) >= 4 and w[:4] == s[:4] for w in card):
            n += 1
    return n


def _named_thing(text: str) -> bool:
    """Who or where instead, as a name: "Kotkan Martat", "kymenlaakson työllisyysalue", not a clause with a verb
    ("the application was rejected")."""
    return not _VERB.search(text) and len(text.split()) <= 6 and not _DOER_FIRST.match(text)


def name_in(text: str) -> str:
    """The name in a sentence about who or where: after "se on", "it's", "nykyään" ("… eli nykyään se on
    Pohjanmaan hyvinvointialue"), or before the verb of taking over or paying ("seinäjoki city youth services
    took it over"); "" when none."""
    after = list(_IT_IS_NOW.finditer(text))
    if after:
        name = re.split(r"[,.;]", text[after[-1].end():])[0].strip()
        return name if name and _named_thing(name) else ""
    doer = _DOES.search(text)
    name = text[:doer.start()].strip(" ,") if doer else ""
    return name if name and 2 <= len(name.split()) <= 6 and _named_thing(name) else ""


_THAT_IS = re.compile(r"(?<![\wåäö])(?:eli|elikkä|siis|dvs|alltså|i\.\s?e\.|that\s+is|namely)\s+", re.IGNORECASE)


def name_said(text: str) -> str:
    """An organisation's name said after "eli", "nykyään", "it's" ("…, eli Pohjois-Savon hyvinvointialue"),
    with a capital in it; "" when none."""
    for m in sorted([*_THAT_IS.finditer(text), *_IT_IS_NOW.finditer(text)], key=lambda m: -m.start()):
        name = re.sub(r"\s+(?:now|nowadays|nykyään|nu|numera)$", "", re.split(r"[,.;!?]", text[m.end():])[0].strip(),
                      flags=re.IGNORECASE)  # "it's Harbour Families ry now"
        if name and _named_thing(name) and re.search(r"(?<![\wåäö])[A-ZÅÄÖ]", name):
            return name
    return ""


def _words(text: str) -> list[str]:
    from assistant.why import content_words

    return list(content_words(text))


def _instead(parts: list[str], sentences_after: list[str]) -> str:
    """What is true instead, as said: the rest of the denial's sentence, else the next sentence (remarks
    skipped)."""
    rest = [p for p in parts if not _remark(p, about=True)]
    if rest:
        return ", ".join(rest)
    for s in sentences_after[:2]:
        kept = [p for p in _clauses(s) if not _remark(p, about=True)]
        if kept:
            return ", ".join(kept)
    return ""


def _remark(part: str, about: bool = False) -> bool:
    """A clause about the mistake ("toi on väärin"; with ``about`` also "that's another project"), not a value."""
    words = part.split()
    return bool(_REMARK.search(part)) and len(words) <= 6 or len(words) <= 1 \
        or about and bool(_ABOUT_THE_MISTAKE.search(part.strip(" .,;!")))


def contradicted(d: Corrections, text: str, first_only: bool = False) -> list[str] | None:
    """The reply when the message denies a card item and says what is true instead; None otherwise.
    ``first_only``: a message already read as a correction, and only a denial that opens it ("ei me tehä
    seurakunnan kanssa mitään, se on …")."""
    st = d.state
    text = ANNOUNCED.sub("", text, count=1)  # "yks juttu, se yhdistys … ei oo X vaan Y": the fix itself
    said = [x for x in SENTENCES.split(text.strip()) if x] or [text]
    opened_with_no = bool(_NO_OPENER.match(text) or st.lang != "fi" and _NO_OPENER_OTHER.match(text))
    if len(said) > 1 and OFF.search(said[0]) and len(said[0].split()) <= 8:
        said = said[1:]  # "ei ihan. ei ne soita, vaan …": the denial follows the "not quite"
        opened_with_no = True
    answering = bool(st.pending_field) and st.asking == "question" and st.phase == "collect"
    if answering and st.pending_field in _RESTATES:
        return None  # a summary or the idea in brief says again what the card holds
    for k, sentence in enumerate(said[:3]):
        parts = _clauses(sentence)
        for j, part in enumerate(parts):
            neg = NEG.search(part)
            late = len(part[:neg.start()].split()) > (0 if neg.group(0).lower() == "eikä" else 6) if neg else True
            if late or _NOT_ONLY.search(part) or _remark(part) or OFF.search(part) \
                    or RELATIVE_NEG.search(part):
                continue  # "så enkelt e de int", "… där de int finns nån ungdomsgård", "moni perhe koki et …
                # eikä kukaan kuunnellu": no item denied (a denial says "not" early in its clause)
            first = k == 0 and j == 0 or k == 0 and j == 1 and opened_with_no and len(parts[0].split()) <= 3
            # "eikun me muutettiin kirjaston alakertaan, ei olla enää pankin tilassa": what is true said first
            last = k == len(said) - 1 and j == len(parts) - 1 and j > 0 and not _instead([], said[k + 1:])
            if first_only and not (first or last and _CHANGED.search(part)):
                return None
            strong = opened_with_no or bool(_CHANGED.search(part)) \
                or d.offline.nlu.names_field(part, window=3) is not None  # "ongelma ei oo niinkään ne jonot"
            if not (first or strong):
                continue  # "… moni vanhus asuu talossa. ne ei pääse ulos" to "what is the need?": the answer
            hit = _denied(d, part, opened_with_no or bool(_CHANGED.search(part)))
            if hit is None:
                continue
            fld, item, shared = hit
            named = d.offline.nlu.names_field(part, window=3)
            if named is not None and named != fld:
                return None  # "not in the target group": a move, read elsewhere
            as_said = _instead(parts[j + 1:], said[k + 1:])
            if not as_said and last:
                as_said = _instead(parts[:j], [])
                lead = _OPENER.match(as_said)
                as_said = as_said[lead.end():] if lead else as_said
            new = without_lead(_TURN_WORD.sub("", as_said))
            if _DROP.search(" ".join(parts[j + 1:] + said[k + 1:])) or _DROP.search(new):
                return None  # "…, se lopetti, jättäkää se pois", "leirikeskus pois, sinne ei enää päästä": a
                # removal, read elsewhere
            if _SO.match(new):
                return None  # "Riihimäellä ei oo kunnon tiloja, siks kokoonnutaan …": what follows from it
            if not new or not any(not _linked(item, w, st.lang) for w in _words(new)):
                return None  # nothing new said, only the item's words again
            if fld in _NAMED and not _named_thing(new):
                new = name_in(new)  # "… eli nykyään se on Pohjanmaan hyvinvointialue": the name said in it
                if not new:
                    return None  # "…didnt fund us in the end, the application was rejected": why, not who
            there = _field_named(d, " ".join(parts[j + 1:] + said[k + 1:]))
            if there is not None and there != fld and there not in _NOT_HERE:
                return d._move(fld, there, [item])  # "the teachers should not be there, they are the actors"
            if there is None and _PREDICATE.match(_TURN_WORD.sub("", as_said)):
                guess = d.offline.classifier.predict([as_said])[0]  # "de e ju de vi vill uppnå": said of the
                if guess.p >= _MOVE_P and guess.field != fld and guess.field in d.flow.card \
                        and guess.field not in _NOT_HERE:  # item, what it is: a goal
                    return d._move(fld, guess.field, [item])
                return None
            if there is not None or len(_words(new)) < 2:
                return None
            if answering:  # what is said instead may answer the question: "Nej, kommunen är inte med, det är
                guess = d.offline.classifier.predict([new])[0]  # bara vi på föreningen" to "who takes part?"
                swap = len(_words(item)) <= 3 and len(new.split()) <= 4  # "…, se on Kotkan Martat": one for one
                fits = any(f == fld and p >= _FITS_P for f, p in guess.ranked) \
                    or guess.field == _KIN.get(fld) and strong and shared >= 2  # …or the item it replaces
                if guess.field == st.pending_field and guess.p >= _ANSWER_P and not fits \
                        or shared < 2 and not (strong or swap):
                    return None
            _replace(d, fld, item, new)
            return d.after_update([d.t("iv.corrected", label=d.label(fld))])
    return None


def _replace(d: Corrections, fld: str, item: str, new: str) -> None:
    draft = d.state.draft
    current = getattr(draft, fld)
    if fld in LIST_FIELDS:
        value = d.offline.value_for(fld, new) or [new]
        out: list[str] = []
        for i in current or []:
            out.extend(value if i == item else [i])
        d.set(fld, dedupe(out), FieldStatus.confirmed, replace=True)
    else:
        sentence = new[:1].upper() + new[1:]
        sentence = sentence if sentence.endswith((".", "!", "?")) or fld == "organisation" else sentence + "."
        d.set(fld, " ".join(sentence if s == item else s for s in card_items(current)), FieldStatus.confirmed,
              replace=True)
    d.state.status[fld] = FieldStatus.confirmed
    d._unsure_done(fld)
    d.state.last_field = fld
