"""An answer told against what people assume is no correction.

To "who is it for?" people say "ei tää oo mikään kaikille avoin juttu vaan koulukuraattori ohjaa meille …", to
"where does it happen?" "Nej, int nåt projekt alls. Skolkuratorn märkte …", to "what is needed?" "Not much is
needed actually, no special room or equipment. The only must is …". The correction reader sees "not X" and
treats the message as a correction; with nothing like X anywhere on the card it then kept only a fragment
("Nej", "Sisältöä", "Special room or equipment") or nothing. Such a message is the answer to the question
asked, all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant import policy
from assistant.items import sentences
from assistant.not_only import not_only, says_not_only
from assistant.schema import LIST_FIELDS
from assistant.why import content_words

if TYPE_CHECKING:
    from assistant.corrections import Corrections
    from assistant.understand import Correction


_MORE_WORDS = 4  # content words beyond what it denies that make "not X, …" an answer, not only a removal
_ONE_VALUE = frozenset({"name", "stage", "contact", "organisation"})  # answered in a word or a phrase


def _unanswered(d: Corrections, c: Correction) -> bool:
    """A bare "not X" (no correction word before it: "förresten, X e int me längre" is one) naming no field but
    the one asked, with no command, move or number, while a field nobody has answered yet is asked."""
    st = d.state
    fld = st.pending_field
    if fld is None or fld in _ONE_VALUE or st.phase != "collect" or st.asking != "question" or getattr(st.draft, fld):
        return False
    if not c.weak or not (c.bare or c.field == fld) or c.field not in (None, fld) or c.command or c.move_to \
            or c.number or c.then is not None or c.position is not None or not c.removed:
        return False
    return not (c.pairs and c.field != fld)  # a value put right ("sixty thousand, not fourty"): read on the card


def _off_card(d: Corrections, c: Correction) -> bool:
    """``_unanswered``, and X written nowhere on the card, not even in other words."""
    return _unanswered(d, c) and not d._holders(c.removed) and not policy.on_card(d.state, c.removed,
                                                                                    other_words=True)


def not_only_answer(d: Corrections, c: Correction, text: str) -> str | None:
    """"inte bara långtidsarbetslösa utan också unga som …" to "who is it for?": both are the answer (it had kept
    only the second). "Not only" removes nothing, so X may be on the card in other words ("inte bara att barnen
    ska kunna låna skidor, utan också att färre saker slängs" to "what is the goal?", the idea being the lending);
    only X written whole as an item of another list ("ei pelkästään seurakunta vaan myös Martat" beside the
    card's actors) makes it an addition there, read by ``not_only``."""
    if not says_not_only(d.offline.nlu, text) or not _unanswered(d, c):
        return None
    widened = not_only(d.offline.nlu, text)  # "ei sitä kyytiä aja pelkästään taksiyrittäjä": X is the taxi
    phrases = c.removed + ([widened[0]] if widened else [])
    elsewhere = [f for f in d._holders(phrases, whole=True) if f in LIST_FIELDS and f != d.state.pending_field]
    return None if elsewhere else text


def answers_question(d: Corrections, c: Correction, text: str) -> str | None:
    """What to store as the answer, when the message is one (``_off_card``). "not X but Y" gives Y and every
    sentence after it ("målet e int att alla ska bli kompisar utan att ingen ska stå ensam. å att lärarna får
    veta …" had kept only the first goal); a "not X" alone gives the whole message, when it says more than X."""
    if not _off_card(d, c):
        return None
    if not c.text:
        if len(content_words(text)) < len(content_words(" ".join(c.removed))) + _MORE_WORDS:
            return None  # "not the neighbours, they are not really part of it": a removal of nothing, told so
        return text
    said = sentences(text)
    at = next((i for i, s in enumerate(said) if c.text.lower() in s.lower()), len(said))
    return " ".join([c.text.strip().rstrip(".") + "."] + said[at + 1:])
