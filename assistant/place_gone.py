"""A place on the card said not to be one of ours, in passing or at the summary: "Forssaa ei oo, pitää olla
Janakkala", "orimattilassa ei oo ollu lukupiiriä ikinä, se kolmas on heinolassa", "i Vasa finns ingen grupp
mera", "walsall's not ours, we never ran anything there", "stockton should be middlesbrough".

People name the place as they say it (inflected, lowercase, the first word of "Stockton-on-Tees") and rarely
with a correction word. A clause that names a place of the card's regions and denies it goes, when the
denial is plainly about the place itself: it never was or is no longer there ("ikinä", "mera", "anymore"),
it is not ours ("not ours", "ei meiän"), the place alone is denied ("Forssaa ei oo"), or the right place is
said in the same sentence ("pitää olla Janakkala", "se kolmas on heinolassa", "should be middlesbrough").
Not: what a place lacks ("Riihimäellä ei oo kunnon tiloja"), what is not there yet ("vielä", "yet"), what is
not needed, and contrasts ("ei X vaan Y"), which the correction readers take. The rest of the message is
read as if said alone: the answer to the question asked, or a second correction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant import dropped_words as dw
from assistant.edits import place_names
from assistant.hedged import NEG, SENTENCES

# said of the place itself: it never was, or no longer is, one of ours
_NEVER = re.compile(r"(?<![\wåäö])(?:ikinä|ikään|koskaan|never|aldrig|enää|längre|anymore|any\s+more|no\s+longer|"
                    r"mera|mer|not\s+ours|not\s+one\s+of\s+ours|ei\s+(?:oo|ole)\s+(?:meiän|meidän|meijän)|"
                    r"int\s+(?:våran|vår|vårt)|inte\s+(?:våran|vår|vårt))(?![\wåäö])", re.IGNORECASE)
_NOT_YET = re.compile(r"(?<![\wåäö])(?:vielä|viel|yet|ännu|än|still|tarvi\w*|tarvit\w*|behöv\w*|need\w*|"
                      r"vaan|utan|but|instead|sijaan|stället|"
                      # a widening ("not only Oulu, also …", "eikä pelkkä Lieksa", "int bara Karleby")
                      r"only|just|bara|endast|enbart|pelk\w*|vain|ainoastaan|also|too|myös|också|även|"
                      # a purpose or a reason ("… så att ingen blandar ihop det med Vasa")
                      r"så\s+att|för\s+att|jotta|että|so\s+that|because|koska|eftersom)(?![\wåäö])", re.IGNORECASE)
# the right place said: "pitää olla Janakkala", "se kolmas on heinolassa", "should be middlesbrough"
_RIGHT = re.compile(r"(?<![\wåäö])(?:pitää\s+olla|pitäis\s+olla|pitäisi\s+olla|kuuluu\s+olla|(?:se|toi|tää)\s+"
                    r"(?:\w+\s+)?on|should\s+be|it'?s|its|ska\s+vara|borde\s+vara|(?:de|det)\s+(?:e|är))"
                    r"(?![\wåäö])\s+(?P<place>[\wåäöÅÄÖ-]{3,}(?:\s+[\wåäöÅÄÖ-]{3,})?)", re.IGNORECASE)
# a sentence about the name or the organisation: a place in it is part of that
_OTHER_FIELD = re.compile(r"(?<![\wåäö])(?:nimi|nimen|nimeks\w*|namn|namnet|name|organisaatio\w*|organisation\w*|"
                          r"omistaja\w*|ägare\w*|owner)(?![\wåäö])", re.IGNORECASE)
# a place taken off, with the right one said in the same sentence: "å Kyrkslätt ska bort, de e Grankulla vi jobbar i"
_GOES = re.compile(r"(?<![\wåäö])(?:ska\s+bort|kan\s+bort|ta\s+bort|stryk|pois|poista|remove|drop|take\s+out)"
                   r"(?![\wåäö])", re.IGNORECASE)
_ALONE = 4  # "Forssaa ei oo": at most this many words, the place and its denial
_NEAR = 4  # words after the denial in which the place it denies stands
_SUFFIX = 4  # letters of a case ending after a place name: "orimattila|ssa", "walsall|'s"


@dataclass
class Gone:
    place: str  # the card's item
    instead: str  # the right place said, "" when none
    sentences: list[str]  # what said it


def _inflects(word: str, name: str) -> bool:
    """``word`` is ``name`` with a case ending, the stem's last letters allowed to change ("äänekoskella" of
    "Äänekoski", "riihimäellä" of "Riihimäki", "walsall's")."""
    word = re.sub(r"['’]s$", "", word)
    common = len(name)
    while common and not word.startswith(name[:common]):
        common -= 1
    return len(name) >= 4 and common >= max(4, len(name) - (2 if len(name) >= 7 else 0)) \
        and len(word) - common <= _SUFFIX + 1


def _names(word: str, place: str) -> bool:
    head = re.split(r"[\s-]", place.lower().strip())[0]
    return _inflects(word.lower().strip(".,;:!?\"'’"), head)


def _known(word: str) -> str:
    """The place a word names ("heinolassa" → "Heinola"), from the list of places; "" when none."""
    low = word.lower().strip(".,;:!?\"'’")
    places = place_names()
    for k in range(len(low), 3, -1):
        if low[:k] in places and len(low) - k <= _SUFFIX:
            return low[:k].title()
    for name in places:  # a stem that changes: "äänekoskella"
        if name[:4] == low[:4] and " " not in name and _inflects(low, name):
            return name.title()
    return ""


def _right(sentence: str, card: list[str]) -> str:
    """The right place said after "pitää olla", "se kolmas on", "should be", "de e": a known place not on the
    card, or after "should be" any word."""
    m = _RIGHT.search(sentence)
    if m:
        first = m.group("place").split()[0]
        known = _known(first)
        if known and not any(_names(known, c) for c in card):
            return known
        if not known and not re.search(r"\d", first) and first.lower() not in dw.DEICTIC and \
                m.group(0).lower().startswith(("should", "pitää", "pitäis", "ska", "borde")):
            return first[:1].upper() + first[1:]
    return ""


def _in_a_name(words: list[str], place: str, others: list[str]) -> bool:
    """The place word is part of another card item's name said whole ("Vasa stad", "Oulu Deaf Club",
    "hemvården i Kronoby", "MVP Pargas"): the item is meant, not the region."""
    bare = [w.strip(".,;:!?\"'’") for w in words]
    for k, word in enumerate(bare):
        if not _names(word, place):
            continue
        for phrase in (bare[k:k + 2], bare[max(0, k - 1):k + 1], bare[max(0, k - 2):k + 1]):
            said = r"(?<![\wåäö])" + r"\s+".join(map(re.escape, phrase)) + r"(?![\wåäö])"
            if len(phrase) >= 2 and any(re.search(said, o, re.IGNORECASE) for o in others):
                return True
    return False


def read(text: str, regions: list[str], lang: str, others: Callable[[], list[str]] | None = None) -> Gone | None:
    """The place the message says is not ours, or None; ``others`` gives the card's other items, whose names may
    hold a place (asked only when a sentence names one of the places)."""
    if not regions or len(text.split()) > 80:
        return None
    said_all = SENTENCES.split(text.strip())
    for sentence in (s for s in said_all if s):
        said = sentence.split()
        named_here = [c for c in regions if any(_names(w, c) for w in said)]
        if len(named_here) != 1:
            continue  # none, or more places than one ("vaan tampere ja nokia, ylöjärvellä ja …"): read elsewhere
        if _NOT_YET.search(sentence) and not _right(sentence, regions) or _OTHER_FIELD.search(sentence):
            continue  # "… ska bara vara Soite, inte hemvården i Kronoby": a widening, a purpose, a contrast;
            # "nimi on vaan Ankkuritoiminta, ei Kuopion Ankkuri": said of another field
        if _in_a_name(said, named_here[0], others() if others else []):
            continue  # "Vasa stad": another item's name
        if any(_known(w) and not any(_names(_known(w), c) for c in regions)
               for other in said_all if other != sentence for w in other.split() if w[:1].isupper()):
            continue  # "not Sipoo. It's Porvoo and Loviisa": a list of places said again, read elsewhere
        parts = re.split(r"\s+-\s+", sentence)
        for clause in (c for p in parts for c in dw.clauses(p)):
            words = clause.split()
            named = [c for c in regions if any(_names(w, c) for w in words)]
            neg = NEG.search(clause)
            should = re.search(r"(?<![\wåäö])should\s+be(?![\wåäö])", clause, re.IGNORECASE)
            if len(named) == 1 and not neg and _GOES.search(clause) and _right(sentence, regions):
                return Gone(named[0], _right(sentence, regions), [sentence])  # "Kyrkslätt ska bort, de e Grankulla"
            if len(named) != 1 or not neg and not should:
                continue
            at = len(clause[:neg.start()].split()) if neg else 0
            if neg and dw.right_first(clause, at) and not any(_names(w, named[0]) for w in words[:at]):
                continue  # "Askola not Sipoo": the right one said first, read by the correction readers
            if neg and not any(_names(w, named[0]) for w in words[:at + _NEAR + 1]):
                continue  # "we dont have any mentors … in stockton": too far from the denial to be what it denies
            right = _right(sentence, regions)
            plain = len(words) <= _ALONE and NEG.search(clause) is not None
            if right or plain or _NEVER.search(clause):
                return Gone(named[0], right, [sentence])
    return None


def rest(text: str, gone: Gone) -> str:
    """The message without the sentences that said it or name the place again (its reason: "forssalaiset
    ohjataan Turun suuntaan"); an opener like "hmm yks asia" is no answer."""
    left = [s for s in SENTENCES.split(text.strip()) if s and s not in gone.sentences
            and not any(_names(w, gone.place) for w in s.split())]
    said = " ".join(left).strip()
    return "" if len(re.findall(r"[\wåäö]{3,}", said)) <= 3 else said
