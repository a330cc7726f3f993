"""A learned reader for names next to health or social details, on top of the word lists of ``pii_names``.

Word lists alone did not carry over: on a fresh batch of cases written by someone who never saw them they
found a quarter of the names (dev part 0.267). So every word that could be a person's name becomes a
candidate, described by name-shape features (first-name list, surname shape, title before it, a street or
foundation after it, a known place, a common word, case ending, how name-like its letters are:
``pii_namelike``), whether the word-list rule fired, and the meaning of its sentence (the bundled
multilingual-e5 embedding). A logistic regression fitted on the *dev* cases of ``evals/pii/cases.yaml``
(``parastelu train pii``; weights in ``knowledge/classifier/pii.json``) gives each candidate a probability.
The guard always uses the bundled embedder, whatever retrieval is configured with, so the weights always
fit the vectors; without weights it keeps to the word-list rule.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.edits import place_names
from assistant.pii_locale_names import locale_first_names
from assistant.pii_namelike import likeness
from assistant.pii_names import (
    _FI_CASE,
    _HEALTH,
    _NAMED,
    _SENTENCE,
    _SURNAME,
    _WORD,
    _first_name,
    _lowercase_name,
    _named_after,
    _others_at,
    _role_word,
    _title,
    names_with_health,
)
from assistant.pii_words import DEMONYMS, FIRST_NAMES, HEALTH_STEMS, PUBLIC_NAMES, TITLE_PARTS, not_a_person
from assistant.resources import shipped
from assistant.textproc import detect_language

WEIGHTS = shipped("knowledge", "classifier", "pii.json")
NAME_FEATURES = ("first_name", "any_first_name", "surname_shape", "multi", "initial", "title_before",
                 "named_after", "rule", "health_here", "health_beside", "others", "place", "common",
                 "case_ending", "lowercase", "fiction", "citation", "unknown_single", "courtesy",
                 "pronoun_after", "kin_beside", "quoted", "ambiguous", "long_word", "work", "praise", "dotted", "leads",
                 "namelike", "namelike_unknown", "namelike_initial", "lower_common")
# A made-up person ("kuvitteellinen asiakas Pekka", "personan 'Berit' är påhittad"). Not "esimerkki"/"for
# example": a real client is given as an example as often as an invented one.
_FICTION = re.compile(r"\b(?:kuvitteelli|keksit(?:ty|yn|tyä|tyjä|tyn)|fiktiivi|påhitta[dt]|fiktiv|fictional|"
                      r"fictitious|made-up|made up|invented|imaginary|hypoteettinen|hypotetisk|hypothetical|"
                      r"persona|personan|personas|persoona|simulaatio|rollspel|roolipel|role-?play)\b", re.IGNORECASE)
# "anu.rautio at example dot fi", "lena.berg snabel-a example.se": an example mail domain, not a story
_EXAMPLE_MAIL = re.compile(r"\bexample\s*(?:\.|dot|piste|punkt)\s*\w+", re.IGNORECASE)
_CITATION = re.compile(r"^\s*(?:ym\.|et al\.|ja muut|m\.fl\.|\(\d{4}\)|,?\s*\d{4}\b)")
_GENITIVE = re.compile(r"(?:'s|’s|s)$")


_CODES = re.compile(r"\S*[\d@]\S*")  # identity codes, phone numbers, e-mail addresses, dates


def _meaning(sentence: str) -> str:
    """The sentence as its embedding should read it: what is said about the person, without the codes and
    numbers written next to the name (those are found by their own patterns)."""
    return re.sub(r"\s+", " ", _CODES.sub(" ", sentence)).strip(" ,;()")


@dataclass
class Candidate:
    """A word or run of capitalised words that may be a person's name, with its sentence."""

    start: int
    end: int
    sentence: str
    features: list[float]


def _stem(word: str) -> str:
    return _FI_CASE.sub("", word.lower().rstrip("'’"))


# the illative ("Järvenpäähän", "Porvooseen", "Helsinkiin"), which the other case endings do not cover
_ILLATIVE = re.compile(r"(?:h[aeiouyäö]n|seen|siin|([aeiouyäö])\1n)$")


def _is_place(word: str) -> bool:
    low, places = word.lower(), place_names()
    if low in places or any(s in places or s + "a" in places or s + "i" in places
                            for s in (_stem(word), _ILLATIVE.sub("", low))):
        return True
    vowel = _ILLATIVE.search(low)  # "Turkuun" → Turku, "Helsinkiin" → Helsinki
    return bool(vowel and vowel.group(1) and low[:vowel.start()] + vowel.group(1) in places)


# a condition word inside a capitalised compound ("Rintasyövän takia …") names an illness, not a person
def inside_stems(stems: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.rstrip("!") for s in stems if len(s.rstrip("!")) >= 5 and " " not in s)


_INSIDE = inside_stems(HEALTH_STEMS)


def _illness_word(word: str) -> bool:
    low = word.lower()
    return any(s in low for s in _INSIDE)


def _common(word: str, common: frozenset[str]) -> bool:
    """A common word of the bank's texts, and not a first name ("Asiakkaamme", "Kotihoito")."""
    low = re.sub(r"['’]s$", "", word.lower())  # "That's Graham Pearce"
    known = low in common or _stem(word) in common or (len(low) >= 7 and _has_prefix(low[:6], common))
    return known and not (_first_name(word) or low in FIRST_NAMES)


@lru_cache(maxsize=4)
def _sorted(common: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(common))


def _has_prefix(prefix: str, common: frozenset[str]) -> bool:
    """Some common word starts with ``prefix`` ("asiakk…" for "Asiakkaamme", a possessive form)."""
    words = _sorted(common)
    at = bisect.bisect_left(words, prefix)
    return at < len(words) and words[at].startswith(prefix)


def _is_first_name(word: str, common: frozenset[str]) -> bool:
    """A first name, but not a common word that only looks like an inflected one ("The" → Thea, "Sama")."""
    low = word.lower()
    return low in FIRST_NAMES or (_first_name(word) and low not in common)


# lowercase words that are first names but far more often ordinary words (fi "onni" luck, "toivo" hope,
# "lumi" snow; en "will", "hope", "may"; sv "sten" stone): only capitalised do they start a candidate
_LOWER_COMMON = frozenset("""onni toivo lumi usko armas sulo lahja tuuli vilja aarre aura ilona aino voitto rauha
taimi into kaino lempi oiva sisu saga will hope joy may rose lily daisy holly ruby amber jade pearl dawn sky
summer april faith grace liv sten björn ros del sal bill ben tom sue veli kai aina sini hans klara ville per
mark jack frank dean laina satu helmi aamu suvi tuija ilta make inga annan alla taisto""".split())


_LOWER_TITLES = frozenset("mrs mr ms miss rouva herr".split())  # not "fru" (a wife), not "MS" (an illness)


def _name_like(words: list[re.Match[str]], i: int, common: frozenset[str], finnish: bool = True) -> bool:
    """``finnish``: the sentence may be Finnish, so a lowercase word may be a name with a Finnish case ending
    ("liisan"); in a Swedish or English sentence "helgen" is the weekend, not Helge's."""
    w = words[i].group(0)
    nxt = words[i + 1].group(0) if i + 1 < len(words) else ""
    title = words[i - 1].group(0) if i else ""
    if w.islower() and len(w) > 2 and title.lower() in _LOWER_TITLES and not title.isupper() and w not in common:
        return True  # "mrs evans on ward 6 …", typed in a hurry; not "rouva itse on ihan uupunut"
    if _lowercase_name(w, nxt) or (w.islower() and len(w) > 3 and w in FIRST_NAMES and w not in _LOWER_COMMON):
        return True
    if w.islower() and len(w) > 3 and w in locale_first_names() and w not in common and w not in _LOWER_COMMON \
            and w not in _KIN:  # "pratade med karim igen": a name from elsewhere, typed in lowercase; not "sisko"
        return True
    base = re.sub(r"['’]s$", "", w)  # "kev's", "dave's"; "liisan", "väinöllä": a first name typed in lowercase
    # inflected only by a plain case ending: "tomma" (sv empty) is not Tommi's
    if w.islower() and len(base) >= 3 and (base in FIRST_NAMES or finnish and _FI_CASE.sub("", base) in FIRST_NAMES) \
            and base not in _LOWER_COMMON and _FI_CASE.sub("", base) not in _LOWER_COMMON:
        return True
    return w[:1].isupper() and not w.isupper() and len(w) > 1


def _kin(word: str) -> bool:
    """A kin or neighbour word, also with a Finnish possessive suffix ("Äitini", "Naapurimme")."""
    low = word.lower()
    return low in _KIN or re.sub(r"(?:ni|si|mme|nne|nsa|nsä)$", "", low) in _KIN


# A courtesy title says a person follows ("Mr Okafor", "rouva Lahtinen"); a staff title is handled apart.
_COURTESY = frozenset("mr mrs ms miss mr. mrs. ms. herr herra fru fröken rouva neiti".split())
# A third-person pronoun after the word: someone is spoken of ("… She was in A&E", "Hennes son fick …").
_PRONOUNS = frozenset("""hän hänen hänellä hänelle häneltä hänet häntä hänestä hänessä häneen hänkin hänellähän
han hon hans hennes honom henne hen hens he she his her him himself herself he's she's he'd she'd""".split())
# A kin or partner word right after a name: "Idas pappa", "toivon äiti", "Gary Thompson's sister".
_KIN = frozenset("""äiti äidin äidillä äidille isä isän isällä isälle poika pojan tytär tyttären vaimo vaimon mies
miehen puoliso puolison sisko siskon veli veljen lapsi lapset lapsen lasten mummo mummon vaari pappa mamma mor
far son dotter fru man sambo syster bror barn barnen mormor farmor morfar farfar mum mom mother dad father
daughter wife husband partner sister brother kids children boyfriend girlfriend perhe perheen perheellä familjen
family setä täti eno mummi ukki tyttö vauva sambon naapuri naapurin ystävä ystäväni kaveri kaverin granne
grannen vän väninna kompis neighbour neighbor friend gran granny grandma grandad grandpa nan nana
pojken flickan killen tjejen mannen kvinnan barnet mamman pappan sonen dottern frun""".split())
_PLURAL_VERB = re.compile(r"[aeiouyäö](?:mme|tte)$")
_VERB_OBJECT = re.compile(r"\s+(?:with|me|you|you're|you’re|us|them|him|it|up|back)\b", re.IGNORECASE)
_QUOTES = "'’‘\"“”«»"


def _context(words: list[re.Match[str]], i: int, end: int, s_text: str, after: str) -> list[float]:
    """Words around the span that say a person is meant: a courtesy title, a pronoun after it (here or in
    ``after``, the next sentence), a kin word right before or after it ("mummo Rauha", "Idas pappa"),
    quotation marks (an invented persona)."""
    first = words[i].group(0).lower()
    title = words[i - 1].group(0).lower() if i else ""
    later = [w.group(0).lower() for w in words[end + 1:]] + [w.lower() for w in _WORD.findall(after)]
    nxt = words[end + 1].group(0).lower() if end + 1 < len(words) else ""
    before, close = s_text[:words[i].start()].rstrip()[-1:], s_text[words[end].end():][:1]
    quoted = bool(before and before in _QUOTES or words[end].group(0)[-1] in "'’" or close and close in _QUOTES)
    return [1.0 if first in _COURTESY or title in _COURTESY else 0.0,
            1.0 if any(w in _PRONOUNS for w in later) else 0.0,
            1.0 if nxt in _KIN or title in _KIN else 0.0,
            1.0 if quoted else 0.0]


# a pet's or a therapy animal's word ("kissa", "terapiakoira", "hunden", "the dog"), also as a compound's head
_ANIMAL = re.compile(r"(?:kissa|koira|kissan|koiran|hevonen|hevosen|katt|katten|hund|hunden|häst|hästen|kanin|"
                     r"cat|dog|kitten|puppy|pony|horse|rabbit)$", re.IGNORECASE)


def _pet(words: list[re.Match[str]], i: int, end: int) -> bool:
    """A name given to an animal: "kissa Onni", "Helmi on lastenkodin uusi terapiakoira", "our dog Max"."""
    if i and _ANIMAL.search(words[i - 1].group(0)) or end > i and _ANIMAL.search(words[i].group(0)):
        return True
    after = [w.group(0).lower() for w in words[end + 1:end + 5]]  # the animal as the predicate, not "koiran kanssa"
    return bool(after) and after[0] in ("on", "oli", "är", "var", "is", "was") \
        and any(_ANIMAL.search(w) and not w.endswith(("koiran", "kissan", "hevosen")) for w in after[1:])


# Finnish negation verbs: in capitals "EI ANNA" is "does not give", not Anna
_NEGATION = frozenset("ei en et emme ette eivät älä älkää".split())


def _shouted(sentence: str) -> bool:
    """A sentence typed in capitals throughout (a warning note), whose names are only told by the lists."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    caps = sum(w.isupper() for w in words)
    return len(words) >= 3 and caps >= 0.8 * len(words) \
        and all(len(w.capitalize()) == len(w) for w in words)


# thanks and congratulations are said to staff and volunteers, not about a client's illness
_PRAISE = re.compile(r"\b(?:onnittel\w*|onnea|kiitos|kiitokset|grattis|gratulerar|tack till|congratulations|"
                     r"congrats|well done|thanks to|thank you|shout-out|kudos)\b", re.IGNORECASE)


# leading a group or a session is what staff and volunteers do ("Leena vetää päihdekuntoutujien ryhmää")
_LEADS = re.compile(r"\b(?:vetää|vetämä\w*|vetäjä\w*|ohjaa|ohjaama\w*|leder|ledde|ledare|håller i|facilitates|"
                    r"facilitated|runs the|ran the|chairs)\b", re.IGNORECASE)


# stand-in names of forms and examples ("Matti Meikäläinen", "John Doe", "Joe Bloggs", "Medelsvensson")
_PLACEHOLDER = re.compile(r"^(?:meikäläi\w*|medelsvensson\w*|doe|bloggs)$", re.IGNORECASE)


# kin after a hyphen, in any case form ("Pekka-sedällä", "Lumi-tytön", "Ahmed-setä", "Aino-mummolle")
_KIN_TAIL = re.compile(r"(?:se[td]ä|tä[td]i|tyt|poi|poj|mumm|vaar|ukk|eno|äi[td]i|isä|vaim|mie[hs]|sisk|sisar|vel[ij]|"
                       r"vauv|serkk|kaim|pojk|flick|syster|bror|mamm|papp|moster|faster|morbror|farbror|tant|farm|morm|"
                       r"aunt|uncle|gran|nan)")


# the last word of a run that makes it a building or a body ("Holly Lodge", "The Trussell Trust")
_BUILDING = _NAMED | frozenset("lodge house hall manor court".split())


def _compound(words: list[re.Match[str]], i: int, end: int, s_text: str) -> bool:
    """A name joined by a hyphen to an ordinary word names a group, a house or a model ("Helmi-ryhmä",
    "Ronald McDonald -talossa"), unless the word is kin ("Ahmed-setä")."""
    tails = [w.group(0).split("-")[-1] for w in words[i:end + 1] if "-" in w.group(0)]
    tail = next((t for t in tails if t.islower()), "")
    if not tail and end + 1 < len(words) and s_text[words[end].end():words[end + 1].start()].strip() == "-":
        tail = words[end + 1].group(0)
    return bool(tail) and tail.islower() and not _KIN_TAIL.match(tail)


def _work(span_words: list[str], common: frozenset[str]) -> bool:
    """An author and a work: "Jonas Gardells Torka …", "Kari Hotakaisen Juoksuhaudantietä"."""
    return len(span_words) == 3 and bool(re.search(r"(?:s|n|'s|’s)$", span_words[1])) \
        and not _is_first_name(span_words[2], common) and not _SURNAME.search(span_words[2])


# of those, the ones far more often a word than a name ("Onni oli matkassa", "Will there be …", "Sten i njuren")
_MOSTLY_WORDS = _LOWER_COMMON - frozenset("""ilona aino saga bill ben tom sue veli kai aina sini hans klara ville per
mark jack frank dean satu helmi suvi tuija""".split())


def _ambiguous(word: str, initial: bool) -> bool:
    """A word that is far more often an ordinary word, where its capital says nothing (opening the sentence)."""
    low = word.lower()
    return (initial or word.islower()) and (low in _MOSTLY_WORDS or _FI_CASE.sub("", low) in _MOSTLY_WORDS)


def _surname_given(words: list[re.Match[str]], i: int, s_text: str, common: frozenset[str]) -> bool:
    """"Surname, Given" as in registers and lists: a capitalised word that is no first name, a comma, then a
    first name that ends the entry (a dash, colon or the end follows)."""
    if i + 1 >= len(words) or s_text[words[i].end():words[i + 1].start()].strip() != ",":
        return False
    w, given = words[i].group(0), words[i + 1].group(0)
    rest = s_text[words[i + 1].end():].lstrip()
    return w[:1].isupper() and not w.isupper() and not _is_first_name(w, common) and not _common(w, common) \
        and _is_first_name(given, common) and (not rest or rest[0] in "–—-:;(")


def candidates(text: str, common: frozenset[str], bank_names: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every name-like word (or run of them) with its features, sentence by sentence."""
    sents = list(_SENTENCE.finditer(text))
    health = [[h for h in _HEALTH.finditer(s.group(0)) if not _role_word(s.group(0), h.start())] for s in sents]
    rule = names_with_health(text)
    fiction = 1.0 if _FICTION.search(_EXAMPLE_MAIL.sub(" ", _CODES.sub(" ", text))) else 0.0
    out: list[Candidate] = []
    spelling = likeness(common)
    for k, sent in enumerate(sents):
        s_text, base = sent.group(0), sent.start()
        shouting = _shouted(s_text)
        if shouting:  # "HUOM: MATTI KORPELALLA … ALLERGIA": read as if written in ordinary case
            s_text = _WORD.sub(lambda m: m.group(0).capitalize(), s_text)
        words = list(_WORD.finditer(s_text))
        finnish = detect_language(s_text) == "fi"
        # "Alvar Aallon suunnittelema …", "Pippi Långstrump": a public figure or a character, not a client
        famous = [(m.start(), m.end()) for m in PUBLIC_NAMES.finditer(s_text)] if PUBLIC_NAMES else []
        i = 0
        while i < len(words):
            word = words[i].group(0)
            # "toivo on ollu putkassa", "hope and her partner are on methadone": a first name that is also a
            # common word, typed in lowercase, is a candidate where its sentence holds a detail
            lower_common = word.islower() and word in _LOWER_COMMON and bool(health[k])
            if not (_name_like(words, i, common, finnish) or lower_common) or shouting and not _first_name(word) \
                    or shouting and i and words[i - 1].group(0).lower() in _NEGATION:
                i += 1
                continue
            end = i
            while end + 1 < len(words) and end - i < (1 if shouting else 2) and words[end + 1].group(0)[:1].isupper() \
                    and not words[end + 1].group(0).split("-")[0].isupper() \
                    and not (shouting and _common(words[end + 1].group(0), common)) \
                    and s_text[words[end].end():words[end + 1].start()].strip() in ("", "-"):
                end += 1
            if end == i and i + 1 < len(words) and _lowercase_name(words[i].group(0), words[i + 1].group(0)):
                end = i + 1
            if end == i and _surname_given(words, i, s_text, common):
                end = i + 1  # "Holmberg, Inger – lårbensbrott …": a list or a record, surname first
            while end > i and (_common(words[i].group(0), common) or _kin(words[i].group(0))):
                i += 1  # "Asiakkaamme Reino Salminen", "Äitini Helena Ruotsalainen": the name is what follows
            if any(h.start() <= words[i].start() and words[end].end() <= h.end() for h in health[k]):
                i = end + 1  # "his Universal Credit has been sanctioned": a benefit's name, not a person's
                continue
            span_words = [w.group(0) for w in words[i:end + 1]]
            first = span_words[0]
            start, stop = base + words[i].start(), base + words[end].end()
            stop -= span_words[-1][-1] in "'’"  # "'Dave'": the closing quote is not part of the name
            others = any(_others_at(words, j) for j in range(len(words)))
            low = first.lower()
            spelt, unknown = spelling.score(first), float(len(span_words) == 1 and not _is_first_name(first, common))
            feats = [
                1.0 if _is_first_name(first, common) else 0.0,
                1.0 if any(_is_first_name(w, common) for w in span_words) else 0.0,
                1.0 if any(_SURNAME.search(w) for w in span_words) else 0.0,
                1.0 if len(span_words) > 1 else 0.0,
                1.0 if i == 0 else 0.0,
                1.0 if i and _title(words[i - 1].group(0)) or len(span_words) > 1
                and first.lower().rstrip(".") in TITLE_PARTS else 0.0,
                1.0 if _named_after(words, end) or _compound(words, i, end, s_text)
                or len(span_words) > 1 and span_words[-1].lower() in _BUILDING else 0.0,
                1.0 if any(s < stop and start < e for s, e, _ in rule) else 0.0,
                1.0 if health[k] else 0.0,
                1.0 if (k and health[k - 1]) or (k + 1 < len(sents) and health[k + 1]) else 0.0,
                1.0 if others else 0.0,
                1.0 if any(_is_place(w) for w in span_words) else 0.0,
                1.0 if _common(first, common) else 0.0,
                1.0 if _FI_CASE.search(low) and _stem(first) != low or _GENITIVE.search(low) else 0.0,
                1.0 if first.islower() else 0.0,
                fiction,
                1.0 if _CITATION.search(s_text[words[end].end():]) else 0.0,
                unknown,
                *_context(words, i, end, s_text, sents[k + 1].group(0) if k + 1 < len(sents) else ""),
                1.0 if len(span_words) == 1 and _ambiguous(first, i == 0) else 0.0,
                1.0 if len(span_words) == 1 and len(first) >= 14 else 0.0,  # "Försäkringskassan", compounds
                1.0 if _work(span_words, common) else 0.0,
                1.0 if _PRAISE.search(s_text) else 0.0,
                # "lena.berg snabel-a …", "pekka.k": a part of an address written out, not a name
                1.0 if re.match(r"\.[^\W\d_]", s_text[words[end].end():]) or re.search(r"[^\W\d_]\.$",
                                                                                   s_text[:words[i].start()]) else 0.0,
                1.0 if _LEADS.search(s_text) else 0.0,
                # the letters alone ("Farhiya", "Jokke" against "Fallbeskrivning"), most telling where no list knows
                # the word and where the capital says nothing (it opens the sentence)
                spelt, spelt * unknown, spelt * (i == 0),
                1.0 if lower_common else 0.0,
            ]
            opener = feats[4] and feats[12] and feats[17] and not feats[7]  # "Kotihoito …": a common word opens
            staff_or_place = feats[5] or feats[6] or feats[16]  # "sairaanhoitaja Pekka", "Minna Canthin katu", "ym."
            # "Kelan", "Tulostähti-muutokset": a word the bank names in public, alone or as the head of a compound
            public = all(w.lower() in bank_names or _stem(w) in bank_names or w.split("-")[0].lower() in bank_names
                         for w in span_words)
            # "Pirjo kertoi, että yhä useampi asiakkaista on …": the detail is about a group she speaks of
            told_of = next((words[j].start() for j in range(end + 1, len(words)) if _others_at(words, j)), None)
            others_first = told_of is not None and not any(
                words[end].end() <= h.start() < told_of for h in health[k])
            # "June's been readmitted", "April's had a fall": a month with "'s" and a verb after it is someone
            has_done = bool(re.match(r"['’]s\s+(?:been|had|got|gone|moved|started|stopped|not|never|just|now)\b",
                                     s_text[words[end].end() - 2:])) and span_words[-1][-2:] in ("'s", "’s")
            people = _pet(words, i, end) or all(w.lower() in DEMONYMS or not_a_person(w) and not has_done
                                                for w in span_words) \
                or (len(span_words) == 1 and _kin(first)) \
                or (len(span_words) > 1 and any(_PLACEHOLDER.match(w) for w in span_words))  # "Finns", "March"
            illness = len(span_words) == 1 and _illness_word(first)
            # "Spoke with Grace …", "Hope you're well", "Ring me back": an English verb opens the sentence, its
            # object or "with" after it
            people = people or i == 0 and len(span_words) == 1 and not finnish and bool(_VERB_OBJECT.match(
                s_text[words[end].end():]))
            # "Saimme eilen tiedon …", "Huomasitte": a Finnish verb in the first or second person plural opens
            # the sentence; no first name ends so
            people = people or len(span_words) == 1 and finnish and bool(_PLURAL_VERB.search(low))
            known = any(a < words[end].end() and words[i].start() < b for a, b in famous)
            if not (opener or staff_or_place or public or others_first or people or illness or known):
                out.append(Candidate(start, stop, _meaning(s_text), feats))
            i = end + 1
    return out


class NameHealthModel:
    """Candidate → probability that it is a private person's name tied to a health or social detail."""

    def __init__(self, data: dict[str, Any], embedder: Any) -> None:
        self.embedder = embedder
        self.coef = np.asarray(data["coef"], dtype=np.float32)
        self.intercept = float(data["intercept"])
        self.threshold = float(data["threshold"])
        self.common = frozenset(data.get("common", []))
        self.bank_names = frozenset(data.get("bank_names", []))
        self.cv: dict[str, float] = dict(data.get("cv", {}))

    def rows(self, cands: Sequence[Candidate]) -> np.ndarray:
        vecs = self.embedder.embed_queries([c.sentence for c in cands])
        return np.hstack([np.asarray([c.features for c in cands], dtype=np.float32), vecs])

    def probabilities(self, text: str) -> list[tuple[Candidate, float]]:
        cands = candidates(text, self.common, self.bank_names)
        if not cands:
            return []
        z = self.rows(cands) @ self.coef + self.intercept
        return list(zip(cands, (1.0 / (1.0 + np.exp(-z))).tolist(), strict=True))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return [(c.start, c.end, text[c.start:c.end]) for c, p in self.probabilities(text) if p >= self.threshold]


@lru_cache(maxsize=1)
def model(weights: Path = WEIGHTS) -> NameHealthModel | None:
    """The shipped model with the bundled embedder, or None (no weights): the word-list rule alone."""
    if not weights.exists():
        return None
    from assistant.embeddings import bundled_embedder
    from assistant.settings import Settings

    data = json.loads(weights.read_text(encoding="utf-8"))
    locale_first_names()  # read Faker's name lists now, with the weights, not on the first message
    embedder = bundled_embedder(Settings())
    if data.get("model_id") != embedder.model_id:
        return None
    return NameHealthModel(data, embedder)
