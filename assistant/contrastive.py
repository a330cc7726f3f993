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
from assistant.not_only import says_not_only
from assistant.why import content_words

if TYPE_CHECKING:
    from assistant.corrections import Corrections
    from assistant.understand import Correction


_MORE_WORDS = 4  # content words beyond what it denies that make "not X, …" an answer, not only a removal
_ONE_VALUE = frozenset({"name", "stage", "contact", "organisation"})  # answered in a word or a phrase


def _off_card(d: Corrections, c: Correction) -> bool:
    """A bare "not X" (no correction word before it: "förresten, X e int me längre" is one) naming no field but
    the one asked, with no command, move or number, while a field nobody has answered yet is asked, and X
    written nowhere on the card, not even in other words."""
    st = d.state
    fld = st.pending_field
    if fld is None or fld in _ONE_VALUE or st.phase != "collect" or st.asking != "question" or getattr(st.draft, fld):
        return False
    if not c.weak or not (c.bare or c.field == fld) or c.field not in (None, fld) or c.command or c.move_to \
            or c.number or c.then is not None or c.position is not None or not c.removed:
        return False
    if c.pairs and c.field != fld:  # a value put right ("sixty thousand, not fourty") is read against the card
        return False
    return not d._holders(c.removed) and not policy.on_card(st, c.removed, other_words=True)


def not_only_answer(d: Corrections, c: Correction, text: str) -> str | None:
    """"inte bara långtidsarbetslösa utan också unga som …" to "who is it for?": both are the answer (it had kept
    only the second)."""
    return text if says_not_only(d.offline.nlu, text) and _off_card(d, c) else None


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
