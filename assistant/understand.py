"""What a message is: nothing but an intent (skip, yes, no, search, language, greeting, clarification),
a correction, a closing-summary contest, or content.

The rule that keeps answers from being eaten: an intent counts only when the message is nothing but its
phrases plus filler words. "Pilotti alkaa myöhemmin keväällä" contains "myöhemmin" and is an answer;
"myöhemmin" alone is a skip. Phrase lists live in ``prompts/cues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Literal

from assistant.aliases import ABBREVIATION_CASE
from assistant.announced import announced_fix
from assistant.correction_patterns import (
    _ACK,
    _AGREED_BUT,
    _FINE_BUT,
    _THEN_BUT,
    _inflected,
    first_sentence,
    removed_after,
)
from assistant.field_not import field_not_a_but_b, named_topic
from assistant.flow import Cues
from assistant.forgot import corrected_later, pointed_or_forgotten
from assistant.hedged import ANNOUNCED
from assistant.items import sentences as _sentences
from assistant.moves import removed_from_named
from assistant.periphrasis import plain
from assistant.phrases import (
    contains,
    cut_leading,
    only,
    starts_with,
    tokens,
)
from assistant.read_correction import read as read_correction
from assistant.rightwrong import (
    gone_from,
    right_and_wrong,
)
from assistant.said_right import without_right_parts
from assistant.two_corrections import with_second
from assistant.wrong_value import about_the_wrong

# a subject and its verb, which a "X not Y" reading took for the item denied ("Man behöver inte …")
_SUBJECT_VERB = re.compile(r"^(?:man|vi|jag|ja|de|dom|we|they|you|i|me|mä|sä|ne|hän|he)\s+[a-zåäö]+$", re.IGNORECASE)
LONG_MESSAGE = 60  # words: longer is a story, never a correction (corrections as typed run to about 35)
_LANG_CMD = re.compile(r"^\s*/(?:lang|kieli|språk)\s+(fi|sv|en)\b", re.IGNORECASE)

Intent = Literal["empty", "lang", "greeting", "yes", "no", "skip", "search", "clarify", "question", "mask"]
@dataclass
class Correction:
    """"sori, kohderyhmä onkin X, ei Y": field (None = the field answered last), new text, removed parts."""

    field: str | None
    text: str
    removed: list[str] = dc_field(default_factory=list)
    additive: bool = False
    weak: bool = False  # only "sori"/"actually": a correction only if what it removes is on the card
    pairs: list[tuple[str, str]] = dc_field(default_factory=list)  # ("tiistaisin", "torstaisin"): right, wrong
    command: bool = False  # "poista se Martat-kohta", "lisää toimijoihin X": an edit, never an answer
    bare: bool = False  # no marker at all ("Ei koko Pirkanmaa, vaan Tampere ja Nokia"): may answer the question
    narrow: bool = False  # "Y, not X": X only in the field asked or just answered (a number anywhere)
    move_to: str | None = None  # "X ei oo toimija vaan kohderyhmää": X leaves ``field`` for this one
    number: bool = False  # "sorry, 77 percent": a number with its unit, for the card's number with that unit
    position: int | None = None  # "se toinen tavoite … pois": the list item at this place goes (ordinals.py)
    answer: str = ""  # "mitataan kyselyllä. ja poista se painonhallinta tavotteista": the answer said first
    then: Correction | None = None  # a second correction in the same message (two_corrections.py)
    in_place: bool = False  # "målgruppen e int 15–20 utan 13–18": the field named, the pair swapped where written


@dataclass
class Utterance:
    text: str
    intent: Intent | None = None
    lang: str | None = None
    correction: Correction | None = None


# "kaks juttua:", "two things:", "två saker:": a message that announces its fixes before it makes them


class Understanding:
    """Phrase matching over one cues file (token lists are prepared once)."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._pairs: list[tuple[str, str]] = []
        self.fillers = {t for ps in cues.fillers.values() for p in ps for t in tokens(p)}
        self.lang_fillers = {t for p in cues.language_fillers for t in tokens(p)} | self.fillers

    # -- single checks ---------------------------------------------------------------------------
    def language_request(self, text: str) -> str | None:
        m = _LANG_CMD.match(text)
        if m:
            return m.group(1).lower()
        for lang, phrases in self.cues.language.items():
            if only(text, phrases, self.lang_fillers):
                return lang
        return None

    def is_yes(self, text: str) -> bool:
        return only(text, self.cues.yes, self.fillers)

    def is_no(self, text: str) -> bool:
        return only(text, self.cues.no, self.fillers - {"ei", "nej", "no"})

    def is_skip(self, text: str) -> bool:
        return only(text, self.cues.skip, self.fillers)

    def is_greeting(self, text: str) -> bool:
        return only(text, self.cues.greeting, self.fillers)

    def is_question_form(self, text: str) -> bool:
        t = text.strip()
        return t.endswith("?") or starts_with(t, self.cues.search_starts) is not None

    def is_search(self, text: str) -> bool:
        """Asking the bank ("onko tällaista jo tehty?", "finns det redan något liknande?"): one question,
        not an answer that happens to contain "finns det" or "onko"."""
        t = text.strip()
        if len(t.split()) > 30 or len(_sentences(t)) > 1:
            return False
        begins = starts_with(t, self.cues.search_starts) is not None
        if not (t.endswith("?") or begins):
            return False
        return begins and contains(t, self.cues.search_words) or (t.endswith("?") and contains(
            t, self.cues.search_words) and starts_with(t, self.cues.question_words) is not None)

    def is_clarification(self, text: str) -> bool:
        """"Mitä tarkoitat?" alone; an answer that ends "… onko se sitä mitä tarkoitat?" is an answer."""
        t = text.strip()
        return len(t.split()) <= 8 and len(_sentences(t)) == 1 and only(
            t, self.cues.clarify, self.fillers | {"mitä", "what", "vad", "siis", "so", "alltså", "kysymyksellä",
                                                  "question", "frågan", "tällä", "by", "that", "med", "det"})

    def is_other_question(self, text: str) -> bool:
        """A short question or request to the assistant that is not an answer ("Mikä on huomenna sää?",
        "By the way, what is the capital of Australia?", "Kirjoita minulle ensin runo kissasta")."""
        t = text.strip()
        if len(_sentences(t)) == 1 and starts_with(t, self.cues.offtopic_starts) is not None:
            return True
        lead = starts_with(t, self.cues.aside_leads)
        if lead:
            t = cut_leading(t, lead)
        return t.endswith("?") and len(t.split()) <= 15 and starts_with(t, self.cues.question_words) is not None

    def reuse_choice(self, text: str) -> str | None:
        for choice in ("implement", "adopt", "join", "own"):
            if contains(text, getattr(self.cues.reuse, choice)):
                return choice
        return None

    def names_field(self, text: str, window: int = 5, strict: bool = False) -> str | None:
        """A field named at the start ("kohderyhmä onkin …", "the target group is …", "our goals: …").
        ``strict`` ignores field words that are also everyday nouns ("Kunta on mukana …")."""
        head = tokens(text)[:window]
        best: tuple[int, int, str] | None = None
        index = self._field_name_index(strict)
        for i in range(min(3, len(head))):
            for length, nt, fld in index.get(head[i][:2], ()):
                words = head[i:i + len(nt)]
                if len(words) == len(nt) and words[:-1] == nt[:-1] and _inflected(words[-1], nt[-1]):
                    cand = (-length, i, fld)
                    if best is None or cand < best:
                        best = cand
        return best[2] if best else None

    def _field_name_index(self, strict: bool) -> dict[str, list[tuple[int, list[str], str]]]:
        """Field names as token lists, keyed by their first two letters (a case form keeps them), built once:
        the check runs on every message, several times."""
        key = "_names_strict" if strict else "_names_all"
        cached = self.__dict__.get(key)
        if cached is None:
            generic = {" ".join(tokens(w)) for w in self.cues.generic_field_words} if strict else set()
            cached = {}
            for fld, names in self.cues.field_names.items():
                for name in names:
                    nt = tokens(name)
                    if nt and " ".join(nt) not in generic:
                        cached.setdefault(nt[0][:2], []).append((len(" ".join(nt)), nt, fld))
            self.__dict__[key] = cached
        return cached

    # -- the whole message -----------------------------------------------------------------------
    def analyse(self, text: str, in_closing: bool = False) -> Utterance:
        t = text.strip()
        u = Utterance(text=t)
        if not any(ch.isalnum() for ch in t):
            u.intent = "empty"
            return u
        lang = self.language_request(t)
        if lang:
            u.intent, u.lang = "lang", lang
            return u
        if only(t, self.cues.mask, self.fillers | {"kaikki", "all", "alla", "luonnoksesta", "from", "draft"}):
            u.intent = "mask"
        elif self.is_greeting(t):
            u.intent = "greeting"
        elif self.is_yes(t):
            u.intent = "yes"
        elif self.is_no(t):
            u.intent = "no"
        elif self.is_skip(t):
            u.intent = "skip"
        elif self.is_search(t):
            u.intent = "search"
        elif self.is_clarification(t):
            u.intent = "clarify"
        elif not in_closing and self.is_other_question(t):
            u.intent = "question"
        else:
            u.correction = self.correction(t)
            if u.correction is not None:
                u.correction = with_second(self, t, u.correction)
        return u

    def correction(self, text: str) -> Correction | None:
        """A correction as people type it; None when the message is not one. Of two sentences that each
        correct something ("kela pois toimijoista. ja se aloitusvuosi oli 2019 eikä 2020"), the first.
        A message that reads as none is read again with a field named in everyday words ("the people we
        help", "de som jobbar med det") replaced by the field's name; that reading wins unless it only moves
        the message to the field it names (then the message said something about that field, not where to)."""
        text = ANNOUNCED.sub("", text, count=1)  # "kaks juttua: X, ja Y": the fixes themselves
        text = without_right_parts(text)  # "…, tuusniemi ja leppävirta on oikein": no new value
        fine = _FINE_BUT.match(text)  # "allt e rätt men int biblioteket", "muuten hyvä mut X ei oo toimija"
        if fine and len(text[fine.end():].split()) >= 2 and self.names_field(text[:fine.end()]) is None:
            text = text[fine.end():]
        named = plain(text)
        if named != text:
            found = self._correction_of(named)
            if found is not None and (not found.move_to or found.field):  # "X ei oo toimija, ne on niitä joita
                return found  # varten koko juttu on tehty": from one named field to the other
        found = self._correction_of(text)
        if found is None and fine and len(_sentences(text)) > 1:  # "allt ok, men int stiftelsen. vi sökte nog
            found = self._correction_of(first_sentence(text))  # men fick avslag": the fix, then why
        return found

    def _correction_of(self, text: str) -> Correction | None:
        if len(text.split()) > LONG_MESSAGE:  # a story typed without full stops reads as one "sentence"
            return None
        early = pointed_or_forgotten(self, text) or field_not_a_but_b(self, first_sentence(text)) \
            or removed_from_named(self, text)
        if early is not None:  # "den sista kommunen där, ta bort den", "målgruppen e int X utan Y"
            return early
        sents = _sentences(text)  # "STEA ja Kajaani. ja se vastuutaho ei oo X vaan Y": the answer, then that
        if 1 < len(sents) <= 3 and any(field_not_a_but_b(self, s) for s in sents[1:]):
            later = corrected_later(self, sents)
            if later is not None:
                return later
        agreed = _AGREED_BUT.match(text)  # "Jo, aktörerna stämmer. Men det är en gång i veckan, inte två."
        if agreed and len(text) > agreed.end() + 3:  # its first sentence, then all of it
            rest = text[agreed.end():]
            return self.correction(first_sentence(rest)) or self.correction(rest)
        ack = _ACK.match(text) or _THEN_BUT.match(text) or _FINE_BUT.match(text)  # "ok de ser bra ut. ni har …"
        if ack and len(text) > ack.end() + 3:
            rest = text[ack.end():]
            found = self.correction(rest) or self.correction(first_sentence(rest))
            if found is not None:
                return found
        announced = announced_fix(self, text)  # "…. mut korjaan yhen: ei X vaan Y, …": the answer, then the fix
        if announced is not None:
            return announced
        said = text
        text = ABBREVIATION_CASE.sub(r"\1", text)  # "MLL:ää ei oo mukana" is about MLL
        whole = self._correction(text)
        if whole is not None and whole.text and said != text:  # a new value keeps the case ending ("SPR:n …")
            for m in ABBREVIATION_CASE.finditer(said):
                whole.text = re.sub(rf"\b{re.escape(m.group(1))}\b(?!:)", m.group(0), whole.text, count=1)
        sents = _sentences(text)
        named = whole is not None and (whole.move_to or (whole.command and whole.field and whole.text)
                                       or (whole.in_place and whole.field))
        if len(sents) == 2 and len(tokens(sents[0])) >= 3 and not named:
            first = self._correction(sents[0])  # unless the whole reads as one correction of the first sentence
            if first is not None and (first.removed or first.move_to) and not first.additive and (
                    whole is None or not any(r.lower() in sents[0].lower() for r in whole.removed)):
                return first
        found = whole if whole is not None else corrected_later(  # "… try things on. forgot to mention also X"
            self, [p for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p])
        if found is not None and any(_SUBJECT_VERB.match(r) for r in found.removed):
            # "Man behöver inte vara nykter": who does what is no item of the card
            found.removed = [r for r in found.removed if not _SUBJECT_VERB.match(r)]
            if not (found.removed or found.text or found.field or found.move_to or found.then):
                return None
        return named_topic(self, found) if found is not None else None

    def _correction(self, text: str) -> Correction | None:
        found = self._read_correction(text)
        gone = gone_from(text) if found is None and len(_sentences(text)) <= 2 else None
        return Correction(field=None, text="", removed=[gone], weak=True, bare=True) if gone else found

    def _read_correction(self, text: str) -> Correction | None:
        return read_correction(self, text)

    def removed_after(self, text: str) -> Correction | None:
        """What goes, then the word that removes it: "Juva pois, sinne ei enää ajeta", "Kriisikeskus poistetaan
        toimijoista", "vuxna barn ska bort". Weak: it applies only when the words are on the card."""
        found = removed_after(self, text)
        return Correction(field=found[0], text="", removed=[found[1]], weak=True) if found else None

    def clauses(self, text: str) -> tuple[str, list[str]]:
        """What a correction says is right and what it says is wrong (``rightwrong``); the pairs said side
        by side are kept in ``_pairs``."""
        new, removed, self._pairs = right_and_wrong(self, text)
        return about_the_wrong(new, removed), removed

    @property
    def negations(self) -> set[str]:
        """Single negation words (multi-word ones like "rather than" are matched as phrases)."""
        return {tokens(p)[0] for ps in self.cues.negation.values() for p in ps if len(tokens(p)) == 1} | {
            "eivät", "en", "emme", "ette", "eikä", "enkä", "ej", "isn't", "aren't", "doesn't", "don't", "never", "inga"}
