"""A message that starts as a correction ("Korjaus: …", "Tarkennus: ei 7 vaan 6 …", "unohdin: myös
kolmosperheet") but corrects nothing the card says is never stored as the answer to the question asked (the core
once read "Unohdin: myös kolmosperheet tietty", the target group "Tarkennus: ei syksyllä vaan jo keväällä 2024
alotettiin"). What it adds goes to the field its words describe; otherwise the person is told and asked again.
Kept apart from ``corrections`` because it runs only when every reading of the correction found nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.edits import LEAD_FILLER
from assistant.phrases import _phrases, cut_leading, starts_with, tokens
from assistant.rightwrong import gone_from, left_out
from assistant.textsafe import md, short
from assistant.wrong_value import dropped

if TYPE_CHECKING:
    from assistant.corrections import Corrections

_ALSO = re.compile(r"^(?:myös|kans|lisäksi|också|även|dessutom|also)\b", re.IGNORECASE)
_CONTRA = re.compile(r"\b(?:ei|eikä|eiku|vaan|not|inte|int|utan|instead)\b", re.IGNORECASE)  # "ei 7 vaan 6"
_BUT = re.compile(r"\b(?:vaan|vuan|utan|but)\b", re.IGNORECASE)
_NOT_HERE = frozenset({"stage", "name", "contact", "organisation"})


def marked(d: Corrections, text: str) -> tuple[str, bool] | None:
    """(what follows the marker, whether it adds) when the message opens with a clear correction marker: a strong
    one ("korjaus", "eiku", "unohdin"), or a weak one followed by a colon ("Tarkennus: …")."""
    cues = d.offline.nlu.cues
    lead = LEAD_FILLER.match(text)
    body = text[lead.end():] if lead else text
    marker = starts_with(body, cues.correction_markers)
    if not marker:
        return None
    colon = ":" in body and tokens(body.split(":", 1)[0]) == marker
    weak = _phrases(cues.weak_correction_markers)
    if marker in weak and not colon:
        after = cut_leading(body, marker).strip(" ,:;-–")  # "Sorry, small correction, …": the strong one after it
        again = starts_with(after, cues.correction_markers)
        if not again or again in weak:
            return None
        body, marker = after, again
    rest = cut_leading(body, marker).strip(" ,:;-–")
    adds = marker in _phrases(cues.addition_markers) or bool(_ALSO.match(rest))
    return rest, adds


def place_or_tell(d: Corrections, text: str) -> list[str] | None:
    """The reply for a marked correction that found nothing to correct; None when the message is not one."""
    found = marked(d, text)
    if found is None:
        return None
    rest, adds = found
    if adds and rest:
        guess = d.offline.classifier.predict([rest])[0]
        if guess.field == d.state.pending_field:
            return None  # "unohdin mainita, että aikataulu voi vaihdella" to "what may be adapted?": the answer
        if guess.p >= 0.5 and guess.field in d.flow.card and guess.field not in _NOT_HERE:
            d._apply_correction(guess.field, rest, [], True)
            return d.after_update([d.t("iv.corrected", label=d.label(guess.field))])
    if not _CONTRA.search(rest):
        return None  # "ai niin, meillä on myös isien ryhmä": nothing called wrong, so an answer after all
    return [d.t("iv.correction_unplaced"), d._repeat()]


def removal_of_nothing(d: Corrections, text: str) -> list[str] | None:
    """"förresten, brottsofferjouren e int me längre" when nothing on the card names it: the person is told, and the
    question asked stays (it had become the model's name). None when the words answer the question asked."""
    said = d.offline.nlu.correction(text)
    if said is None or not said.removed or said.text or said.additive or _BUT.search(text):
        return None  # "ei oo tehty tutkimusta, vaan pelkästään asiakaspalautetta" answers what was asked
    if not (left_out(text) or gone_from(text) or dropped(text)):
        return None  # only someone or something said to be gone ("… e int me längre", "not the X, they …")
    guess = d.offline.classifier.predict([text])[0]
    if guess.field == d.state.pending_field:
        return None  # "asiakas ei tule enää vastaanotolle, kun jono on pitkä" to "what is the need?"
    return [d.t("iv.not_on_card", words=md(short(", ".join(said.removed)))), d._repeat()]


def about_another_item(d: Corrections, fld: str, text: str) -> list[str] | None:
    """To "did I get the core right?", "Palvelu on tarkoitettu yli 65-vuotiaille omaishoitajille" speaks of the
    target group the card already holds: it is added there and the core asked again (a reply to a confirmation
    replaced the value asked about, whatever it spoke of). Only when the words clearly describe another item
    (the classifier's confident placement) and no "no" opens the message ("Ei, vaan …" answers the question)."""
    st = d.state
    if st.asking != "confirm" or starts_with(text, d.offline.nlu.cues.no):
        return None
    guess = d.offline.classifier.predict([text])[0]
    if guess.field == fld or guess.p < d.flow.thresholds.confident or guess.field not in d.flow.card \
            or guess.field in _NOT_HERE or not getattr(st.draft, guess.field):
        return None
    d._apply_correction(guess.field, text, [], True)
    return [d.t("iv.corrected", label=d.label(guess.field)), d._repeat()]
