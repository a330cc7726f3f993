"""An item said not to be what its field says it is: "toi kouluterveyskysely ei oo tavote vaan sillä me
mitataan", "kävijämäärien kirjaaminen ei oo mikään tavote, se on vaan tapa jolla me seurataan tätä", "the
visitor count isn't a goal, it's how we measure", "enkäten e int ett mål, den mäter vi med". The item leaves the
field and goes where what is done with it says (measured, followed: the measurement); without that, the
correction readers take the message.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.dropped_words import same
from assistant.interview_types import FieldStatus
from assistant.items import dedupe
from assistant.textproc import stems

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue

# "X ei oo (mikään) tavote", "X isn't (really) a goal", "X e int (nåt) mål": the field named after the denial
_NOT_A = re.compile(r"^(?P<x>.{3,80}?)\s+(?:ei\s+(?:oo|ole|oikeesti\s+oo|oikeastaan\s+ole)|is\s+not|isn'?t|isnt|"
                    r"are\s+not|aren'?t|arent|(?:e|är)\s+(?:int|inte))\s+(?:mikään\s+|meidän\s+|oikeesti\s+|really\s+|"
                    r"actually\s+|nå(?:t|got)\s+|ett\s+|en\s+|a\s+|an\s+|our\s+)*(?P<f>\w+)", re.IGNORECASE)
_LEAD = re.compile(r"^(?:ja|and|och|å|mut|mutta|but|men|ok|okei|hmm|no)?[\s,]*(?:toi|tuo|tää|se|the|that|this|"
                   r"det\s+där|den\s+där|de\s+där)\s+", re.IGNORECASE)
# what it is instead, by what is done with it: measured or followed
_MEASURED = re.compile(r"(?<![\wåäö])(?:mitataan|mittaa|mittari|mittarina|mitata|seurataan|seuraamme|arvioidaan|"
                       r"mäter|mäta|mätning|mätare|följer\s+upp|measure|measures|measured|measuring|track|tracks|"
                       r"tracking|follow\s+up|monitor)(?![\wåäö])", re.IGNORECASE)
_LISTED = ("goals", "core", "target_groups", "actors", "funders", "adaptable")


def not_this_field(d: Dialogue, text: str) -> list[str] | None:
    """The reply when the message says a card item is not what its field says; None otherwise."""
    st = d.state
    first = re.split(r"(?<=[.!?])\s+", text.strip())[0]
    m = _NOT_A.match(_LEAD.sub("", first))
    if m is None or len(text.split()) > 40 or not _MEASURED.search(text[m.end():]):
        return None  # said to be measured: a removal without it is read by the correction readers
    fld = d.nlu.names_field(m.group("f"), window=1)
    if fld not in _LISTED or fld not in d.flow.card:
        return None
    items = list(getattr(st.draft, fld) or [])
    said = _stems(d, m.group("x"))
    hits = [i for i in items if said and 2 * sum(any(same(s, w) for w in _stems(d, i)) for s in said) >= len(said)]
    if len(hits) != 1:
        return None  # none or two items of that field said: which one is a guess
    item = hits[0]
    d.set(fld, [i for i in items if i != item], FieldStatus.confirmed, replace=True)
    st.status[fld] = FieldStatus.confirmed
    done = [fld]
    if "measurement" in d.flow.card:
        there = st.draft.measurement
        d.set("measurement", f"{there} {item}." if there else f"{item}.", FieldStatus.confirmed, replace=True)
        done.append("measurement")
    if st.phase == "confirm":
        st.phase = "collect"
    return d.after_update([d.t("iv.corrected", label=", ".join(d.label(f) for f in dedupe(done)))])


def _stems(d: Dialogue, text: str) -> set[str]:
    return {s for s in stems(text, d.state.lang) if len(s) >= 4}

