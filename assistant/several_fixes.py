"""Several fixes in one reply to the closing summary ("pari asiaa vielä. tapaamiset on lauantaisin, sunnuntaisin
ei oo ollu ikinä. ja vankilaseurakunta ei oo meiän kaa tässä"; "couple of bits on who it's for. …"): people list
what is wrong in one go, a sentence each. The message read whole finds one of them or none. When it announces
several things, or when read whole it changes nothing, each sentence is read as its own reply to the summary,
and that reading is kept when it changes every field the whole reading changed and more. ``Correction.then``
(``two_corrections``) still handles two fixes the reader finds inside one correction.

The same layer reads, before the whole message, what only the message's shape tells: mid-interview an answer
and then a fix of something said before in its own last sentence, and an item said again by its place; anywhere
a word struck from an item (``word_struck``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from assistant.interview_types import FieldStatus
from assistant.items import card_items, card_text
from assistant.missing_from import SAYS_MISSING
from assistant.ordinal_fix import replacement, reworded
from assistant.ordinals import item_at, pointer_of
from assistant.two_corrections import POINTS_BACK
from assistant.word_struck import struck_word, without_word
from assistant.wrong_value import same_kind

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue
    from assistant.interview_types import InterviewState

# "pari asiaa vielä.", "kaks juttua:", "couple of bits on who it's for.", "a few things:", "ett par saker bara:"
_ANNOUNCE = re.compile(
    r"^\s*(?:(?:ok|okei|okay|joo|no|hmm+|nii|niin|hei|moi|moikka|hej|hi|hiya|hello|yes|yeah|right|so|jo|nå|ja|sori|"
    r"sorry|förlåt|hang\s+on|wait|odota|hetki|vänta|innan\s+jag\s+svarar|ennen\s+ku(?:n)?\s+vastaan|before\s+i\s+"
    r"answer(?:\s+that)?)\W+)*(?:[^.:!?\n]{0,30}?\b(?:except|apart\s+from|paitsi|förutom|utom|but|mut|mutta|men)\s+)?"
    r"(?:(?:vielä\s+)?(?:pari|kaks|kaksi|kolme|muutama|muutamia)\s+(?:asiaa|juttua|korjausta|kohtaa|pikkujuttua|"
    r"pikku\s+juttua|muutosta)|(?:a\s+)?(?:couple|few|two|three)\s+(?:of\s+)?(?:bits|things|changes|fixes|points|tweaks|"
    r"corrections)|(?:ett\s+)?par\s+(?:saker|grejer|ändringar|fel)|(?:två|tre|några)\s+"
    r"(?:saker|grejer|ändringar|fel|rättelser))\b[^.:!?\n]{0,60}?(?:[.:!?\n]|\s[-–—]\s|\s[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s)\s*",
    re.IGNORECASE)
# announced, the fixes of one sentence may be joined by ", ja" / ", and" too: "ikäraja on 70 eikä 65, ja Loppi pois"
_JOINED = re.compile(r",\s+(?=(?:ja|ja\s+sit|och|å|and|plus)\s+\w)", re.IGNORECASE)
# "hei vielä yks juttu sori.", "one more thing:", "en sak bara –": one fix announced; at the summary what follows
# is read without it ("vielä" had made the fix an addition)
_ONE_THING = re.compile(
    r"^\s*(?:(?:ok|okei|joo|no|hei|moi|hej|hi|hiya|hello|nå|sori|sorry|förlåt)\W+)*(?:vielä\s+|just\s+|bara\s+)?(?:yks|yksi|yhen|"
    r"one(?:\s+more)?|en|ett)\s+(?:juttu|asia|korjaus|pikkujuttu|thing|bit|fix|sak|grej|rättelse|ändring)"
    r"(?:\s+(?:vielä|still|till|bara|only|sori|sorry|förlåt))*\s*(?:[.:!–—-]|\s[-–—]\s)\s*", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*")
_AND = re.compile(r"^(?:ja\s+sit(?:ten)?|ja|sit|sitten|och\s+så|och|å|o|and\s+also|and|also|plus|sekä|myös)\s+(?=\w)",
                  re.IGNORECASE)
_MOST_PARTS, _MOST_WORDS = 5, 80
# a sentence that says it puts right something said before: an apology or a slip, what was said or written
# before, or a request to change the card
_FIX_SIGNAL = re.compile(
    r"(?<![\wåäö])(?:sori|sorry|förlåt|oho|hups|oops|my\s+(?:mistake|bad)|mun\s+moka|sekotin|sekoilin|menin\s+sekasin|"
    r"meni\s+väärin|kirjotin\s+väärin|kirjoitin\s+väärin|sanoin\s+väärin|sa\s+fel|skrev\s+fel|blandade\s+ihop|"
    r"mixed\s+(?:it\s+|them\s+)?up|got\s+(?:it|that)\s+wrong|i\s+said|i\s+wrote|you\s+wrote|sanoin|(?:mä|mää|minä)\s+"
    r"sanoin|kirjoitit|kirjotit|jag\s+sa|ja\s+sa|du\s+skrev|(?:can|could|would)\s+you\s+(?:put|change|make|write|"
    r"add|remove|take|swap)|please\s+(?:put|change|make|write|add|remove|take)|voi(?:t|tko|sitko|sitteko)\s+"
    r"(?:laittaa|muuttaa|vaihtaa|kirjottaa|kirjoittaa|lisätä|poistaa|ottaa)|kan\s+(?:du|ni)\s+(?:ändra|skriva|"
    r"lägga|ta|byta|stryka)|sano\s+se|kirjota\s+se|kirjoita\s+se|skriv\s+(?:hellre|om|det|den)|ändra|vaihda|"
    r"muuta\s+se)(?![\wåäö])", re.IGNORECASE)
# a sentence that opens by saying it is a fix ("btw", "Rättelse först:", "pieni tarkennus ensin:", "sorry, before
# I answer -"): with an answer before or after it, that sentence is the fix
_LEAD = re.compile(
    r"^\W*(?:(?:ok|okei|joo|no|hei|oh|ja|och|å|and|so|also|sori|sorry|förlåt|ai)\W+)*(?:btw|by\s+the\s+way|oh\s+and|"
    r"(?:a\s+)?(?:quick\s+|small\s+|little\s+)?correction|(?:pieni\s+|pikku\s+)?(?:korjaus|tarkennus)|ai\s+niin|"
    r"(?:en\s+)?(?:liten\s+)?rättelse|(?:å\s+|och\s+)?förresten|before\s+i\s+answer|ennen\s+ku(?:n)?\s+vastaan|"
    r"innan\s+jag\s+svarar|one\s+more\s+thing|(?:vielä\s+)?yks\s+juttu(?:\s+vielä)?|en\s+sak\s+till)(?![\wåäö])",
    re.IGNORECASE)
# the fix says what is right against what is not ("…, not two hours", "int i Ekenäs", "eikä kuuskytviis")
_CONTRAST = re.compile(r"(?<![\wåäö])(?:not|ei|eikä|inte|int|instead|vaan|utan)(?![\wåäö])", re.IGNORECASE)
_KEEP = ("phase", "pending_field", "asking", "summary_fields")


def parts(text: str) -> tuple[bool, list[str]]:
    """(announced, the sentences after the announcement), each without its leading "ja"/"and"/"och"."""
    head = _ANNOUNCE.match(text)
    body = text[head.end():] if head else text
    out: list[str] = []
    pieces = _SENTENCE.split(body.strip())
    if head:
        pieces = [q for piece in pieces for q in _JOINED.split(piece)]
    for piece in pieces:
        piece = _AND.sub("", piece.strip())
        if not piece:
            continue
        if out and (len(piece.split()) < 2 or POINTS_BACK.match(piece)):  # "ota pois.": with the one before
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return head is not None, out


def _at(place: int, fld: str, st: InterviewState) -> int:
    """The index of the item at ``place`` (-1 the last) of a list field."""
    n = len(card_items(getattr(st.draft, fld, None)))
    return n - 1 if place == -1 else place


def _changed(before: InterviewState, after: InterviewState) -> set[str]:
    old, new = before.draft.model_dump(), after.draft.model_dump()
    return {f for f in new if old.get(f) != new[f]}


def _better(by_parts: set[str], by_whole: set[str], parts_state: InterviewState, whole_state: InterviewState) -> bool:
    """The sentence-by-sentence reading wins when it changes more fields, or the same fields and keeps more items
    (a fix read whole had removed "Fenview Hospice" where the sentence alone puts the new name in its place)."""
    if by_parts > by_whole:
        return True
    return by_parts == by_whole and _count(parts_state) > _count(whole_state)


# "…, inte på måndagar.", "… eikä urheilutalolla", "…, not the wallasey one": what is wrong, said last
_NOT_LAST = re.compile(r"(?:,\s*|\s)(?:not|inte|int|eikä|ei)\s+(?:the\s+|on\s+|in\s+|at\s+|i\s+|på\s+)?"
                       r"(?P<wrong>[^\W\d_][\wåäöÅÄÖ'’ -]{1,40}?)\s*[.!]?\s*$", re.IGNORECASE)


def _wrong_on_card(tail: str, st: InterviewState, asked: str) -> bool:
    """The last sentence ends by calling something wrong that another field of the card writes, one thing of a
    kind against another ("Musikterapeuten kommer på tisdagar, inte på måndagar." on a core that says "på
    måndagar"; not "sleeping on the sofa, not in cots"): a fix without a fixing word."""
    m = _NOT_LAST.search(tail)
    before = re.findall(r"[\wåäöÅÄÖ.:]+", tail[:m.start()]) if m else []
    wrong = m.group("wrong").split() if m else []
    if not m or not before or not wrong:
        return False
    right, first = before[-1], wrong[0]  # of one kind: "tisdagar, inte på måndagar", "Kisakalliossa eikä Kiljavalla"
    card = card_text(st.draft, [f for f in type(st.draft).model_fields if f != asked]).lower()
    said = re.findall(r"[\wåäö]{4,}", m.group("wrong").lower())
    on_card = [bool(re.search(rf"(?<![\wåäö]){re.escape(w[:5])}", card)) for w in said]
    if not (same_kind(right, first) or right[:1].isupper() and first[:1].isupper()
            or re.fullmatch(r"[\d.:]+", right) and re.fullmatch(r"[\d.:]+", first)):
        # "…, inte Norrbackaskolans", "…, inte till 20": a name or a number the card writes elsewhere, every word
        # of it (not "sleeping on the sofa, not in cots")
        named = [w for w in wrong if w[:1].isupper() or any(ch.isdigit() for ch in w)]
        numbers = re.findall(r"\d+", m.group("wrong"))
        return bool(named) and all(on_card) and all(re.search(rf"(?<!\d){n}(?!\d)", card) for n in numbers)
    return any(on_card)


def _count(st: InterviewState) -> int:
    return sum(len(card_items(getattr(st.draft, f, None))) for f in type(st.draft).model_fields)


def _restore(st: InterviewState, saved: InterviewState) -> None:
    for key in type(st).model_fields:
        setattr(st, key, getattr(saved, key))


class SeveralFixes:
    """Mixin for ``Dialogue``: the reply to the summary read a sentence at a time when that finds more."""

    _in_parts: bool = False

    def answer_then_fix(self, text: str) -> list[str] | None:
        """Mid-interview, an answer and then a fix of something said before, in its own last sentence ("…, ei
        nimiä. ja sori sekotin, se kauppakeskus on Koskikeskus eikä Ratina", "… for longer chats. also its the
        Royal Infirmary not the General"): the answer is stored, the last sentence read as a fix would be at the
        summary; kept when that changes a field besides the one asked and more than the whole reading did."""
        me = cast("Dialogue", self)
        st = me.state
        asked = st.pending_field
        if self._in_parts or st.phase != "collect" or not asked or st.asking != "question" \
                or len(text.split()) > _MOST_WORDS:
            return None
        said = [p for p in _SENTENCE.split(text.strip()) if p.strip()]
        if len(said) < 2 or len(said[-1].split()) < 4:
            return None
        tail = _AND.sub("", said[-1].strip())
        if not (_FIX_SIGNAL.search(tail) or _LEAD.match(tail) or _wrong_on_card(tail, st, asked)
                or SAYS_MISSING.search(tail)):  # "… ja Viitasaari puuttuu paikkakunnista"
            return None  # an answer's last sentence says more of the answer, unless it says it fixes
        head = text.strip()[: text.strip().rfind(said[-1])].strip()
        start, notices = st.model_copy(deep=True), len(me.notices)
        self._in_parts = True
        try:
            whole, by_whole, after_whole, notices_whole = self._read_whole(text, start, notices)
            answered = me.handle_one(head)
            after_head = st.model_copy(deep=True)
            if asked not in _changed(start, st):
                return self._back(after_whole, notices_whole, whole)
            self._as_at_summary()
            fixed = me.handle_one(tail)
            if not _changed(after_head, st) - {asked}:
                return self._back(after_whole, notices_whole, whole)
            draft, status, unsure = st.draft, dict(st.status), list(st.unsure)
            _restore(st, after_head)
            st.draft, st.status, st.unsure = draft, status, unsure
            if not _changed(start, st) > by_whole:
                return self._back(after_whole, notices_whole, whole)
            return fixed[:1] + answered
        finally:
            self._in_parts = False

    def fix_then_answer(self, text: str) -> list[str] | None:
        """Mid-interview, a fix of something said before in its own first sentence and then the answer
        ("Correction: sports evening is on thursdays, not tuesdays. goals is that …", "Rättelse först: …. Å vi
        räknar …"): the first sentence read as a fix would be at the summary, the rest stored as the answer; kept
        when that changes the field asked and another one, and more than the whole reading did."""
        me = cast("Dialogue", self)
        st = me.state
        asked = st.pending_field
        if self._in_parts or st.phase != "collect" or not asked or st.asking != "question" \
                or len(text.split()) > _MOST_WORDS or getattr(st.draft, asked):
            return None
        said = [p for p in _SENTENCE.split(text.strip()) if p.strip()]
        if len(said) < 2 or len(said[0].split()) < 4:
            return None
        first = said[0].strip()
        if not (_LEAD.match(first) or _FIX_SIGNAL.search(first) or _wrong_on_card(first, st, asked)) \
                or not _CONTRAST.search(first):
            return None  # a first sentence that only answers, as most do, or says wrong without what is right
        rest = text.strip()[text.strip().find(said[1]):].strip()
        if len(rest.split()) < 6:  # "kakskyt oli viime vuonna": why, not an answer
            return None
        start, notices = st.model_copy(deep=True), len(me.notices)
        self._in_parts = True
        try:
            whole, by_whole, after_whole, notices_whole = self._read_whole(text, start, notices)
            self._as_at_summary()
            fixed = me.handle_one(first)
            if not _changed(start, st) - {asked}:
                return self._back(after_whole, notices_whole, whole)
            for key in _KEEP:
                setattr(st, key, getattr(start, key))
            answered = me.handle_one(rest)
            if asked not in _changed(start, st) or not _changed(start, st) > by_whole:
                return self._back(after_whole, notices_whole, whole)
            return fixed[:1] + answered
        finally:
            self._in_parts = False

    def word_struck(self, text: str) -> list[str] | None:
        """"Andra målet – stryk ordet svensk": the item at the place said, or every item that writes the word,
        without it; None when the message strikes no word or the card does not write it."""
        me = cast("Dialogue", self)
        st = me.state
        word = struck_word(text) if st.phase in ("confirm", "collect") and len(text.split()) <= 40 else None
        if word is None:
            return None
        pointed = pointer_of(me.nlu, text, spoken=True)
        spots = [(f, i) for f in me.flow.card if f not in ("name", "stage")
                 for i, item in enumerate(card_items(getattr(st.draft, f, None)))
                 if re.search(rf"(?<![\wåäö-]){re.escape(word)}(?![\wåäö-])", item, re.IGNORECASE)
                 and (pointed is None or not pointed[0] or f == pointed[0] and _at(pointed[1], f, st) == i)]
        if not spots:
            return None
        fields = list(dict.fromkeys(f for f, _ in spots))
        for fld in fields:
            value = getattr(st.draft, fld)
            if isinstance(value, list):
                new: list[str] | str = [without_word(v, word) if (fld, k) in spots else v for k, v in enumerate(value)]
            else:
                new = without_word(str(value), word)
            me.set(fld, new, FieldStatus.confirmed, replace=True)
            st.status[fld] = FieldStatus.confirmed
        if st.phase in ("confirm", "done"):
            st.phase = "collect"
        return me.after_update([me.t("iv.corrected", label=", ".join(me.label(f) for f in fields))])

    def item_said_again(self, text: str) -> list[str] | None:
        """Mid-interview, a message that opens by pointing at a list item and saying it again ("siinä
        kohderyhmälistassa toka kohta pitäis olla X eikä Y. …"): that item is X, and nothing is an answer."""
        me = cast("Dialogue", self)
        first = _SENTENCE.split(text.strip())[0]
        new = reworded(first) if len(text.split()) <= _MOST_WORDS else ""
        pointed = pointer_of(me.nlu, first, spoken=True) if new else None
        if not pointed or not pointed[0]:
            return None
        at = item_at(list(getattr(me.state.draft, pointed[0], None) or []), pointed[1])
        return me._replace_at(pointed[0], at, replacement(me.nlu, first, at)) if at else None

    def fixes_midway(self, text: str) -> list[str] | None:
        """Mid-interview, several fixes announced before the answer ("Innan jag svarar, två rättelser. …", "hang
        on, two things before that. …"): each sentence read as at the summary, the question asked again; kept
        when two or more of them change the card, and more than the whole message read as the answer did."""
        me = cast("Dialogue", self)
        st = me.state
        announced, said = parts(text)
        if self._in_parts or not announced or not 2 <= len(said) <= _MOST_PARTS or len(text.split()) > _MOST_WORDS:
            return None
        start, notices = st.model_copy(deep=True), len(me.notices)
        self._in_parts = True
        try:
            whole, by_whole, after_whole, notices_whole = self._read_whole(text, start, notices)
            by_whole -= {start.pending_field}
            said_done: list[str] = []
            for part in said:
                before = st.model_copy(deep=True)
                self._as_at_summary()
                reply = me.handle_one(part)
                changed = bool(_changed(before, st))
                draft, status, unsure = st.draft, dict(st.status), list(st.unsure)
                _restore(st, before)
                if changed:
                    st.draft, st.status, st.unsure = draft, status, unsure
                    said_done += reply[:1]
            if len(said_done) < 2 or not _better(_changed(start, st), by_whole, st, after_whole):
                return self._back(after_whole, notices_whole, whole)
            return [*said_done, me._repeat()]
        finally:
            self._in_parts = False

    def _read_whole(self, text: str, start: InterviewState, notices: int
                    ) -> tuple[list[str], set[str], InterviewState, list[str]]:
        """The message read whole as usual (reply, fields changed, state and notices after it), then undone so
        that a reading in parts can be tried from the same start."""
        me = cast("Dialogue", self)
        whole = me.handle_one(text)
        by_whole = _changed(start, me.state)
        after_whole, notices_whole = me.state.model_copy(deep=True), list(me.notices)
        _restore(me.state, start.model_copy(deep=True))
        del me.notices[notices:]
        return whole, by_whole, after_whole, notices_whole

    def _as_at_summary(self) -> None:
        """A sentence read as a reply to the numbered closing summary would be."""
        me = cast("Dialogue", self)
        st = me.state
        st.phase, st.pending_field, st.asking = "confirm", None, "question"
        st.summary_fields = [f for f in me.flow.card if getattr(st.draft, f)]

    def _back(self, saved: InterviewState, notices: list[str], reply: list[str]) -> list[str]:
        me = cast("Dialogue", self)
        _restore(me.state, saved)
        me.notices[:] = notices
        return reply

    def _one_thing(self, rest: str) -> list[str]:
        """One fix announced: the rest read whole, or, when that changes nothing, its first sentence alone (the
        fix; the sentences after it its reason and "rest is perfect")."""
        me = cast("Dialogue", self)
        st = me.state
        start, notices = st.model_copy(deep=True), len(me.notices)
        whole = me.handle_one(rest)
        first = _SENTENCE.split(rest.strip())[0]
        if _changed(start, st) or first == rest.strip() or len(first.split()) < 3:
            return whole
        after_whole, notices_whole = st.model_copy(deep=True), list(me.notices)
        _restore(st, start.model_copy(deep=True))
        del me.notices[notices:]
        alone = me.handle_one(first)
        return alone if _changed(start, st) else self._back(after_whole, notices_whole, whole)

    def several_fixes(self, text: str) -> list[str] | None:
        """The turn's reply when a reader of this module takes the message: a word struck, an item said again by
        its place, an answer then a fix, one fix announced, several fixes a sentence each (the whole message's
        reading when that wins); None when the message is read whole as usual."""
        me = cast("Dialogue", self)
        st = me.state
        struck = self.word_struck(text) if not self._in_parts else None
        if struck is not None:
            return struck
        again = self.item_said_again(text) if st.phase == "collect" and not self._in_parts else None
        if again is not None:
            return again
        if st.phase == "collect":
            midway = self.fixes_midway(text)
            if midway is not None:
                return midway
            then_fix = self.answer_then_fix(text)
            return then_fix if then_fix is not None else self.fix_then_answer(text)
        if self._in_parts or st.phase != "confirm" or len(text.split()) > _MOST_WORDS:
            return None
        one = _ONE_THING.match(text)
        if one and len(text[one.end():].split()) >= 3:
            self._in_parts = True
            try:
                return self._one_thing(text[one.end():])
            finally:
                self._in_parts = False
        announced, said = parts(text)
        if not 2 <= len(said) <= _MOST_PARTS:
            return None
        start, notices = st.model_copy(deep=True), len(me.notices)
        self._in_parts = True
        try:
            whole = me.handle_one(text)
            by_whole = _changed(start, st)
            if by_whole and not announced:
                return whole
            after_whole, notices_whole = st.model_copy(deep=True), list(me.notices)
            _restore(st, start.model_copy(deep=True))
            del me.notices[notices:]
            replies: list[list[str]] = []
            for part in said:
                before = st.model_copy(deep=True)
                for key in _KEEP:  # every sentence is read at the summary, as the whole message was
                    setattr(st, key, getattr(start, key) if key != "summary_fields" else list(start.summary_fields))
                reply = me.handle_one(part)
                if _changed(before, st):
                    replies.append(reply)
                else:  # a reason or a remark: it changes nothing, nor does it leave a question open
                    _restore(st, before)
            if not replies or not (_changed(start, st) > by_whole
                                   or announced and _better(_changed(start, st), by_whole, st, after_whole)):
                _restore(st, after_whole)
                me.notices[:] = notices_whole
                return whole
            return [r[0] for r in replies[:-1] if r] + replies[-1]
        finally:
            self._in_parts = False
