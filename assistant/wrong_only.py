"""A statement on the card said to be wrong, with nothing said instead: "ei siellä rokoteta ketään, se kohta on
väärin", "de där att vi hjälper med skuldsanering stämmer int", "Det står att de äldre barnen rider själva i
terrängen, det stämmer inte", "we can not promise children get better faster, that goal is not right". People
answer the summary by quoting what is wrong in their own words; a careful editor takes that statement out (the
clause of it that says so, when the item or sentence says more). Read at the summary only, and only when one
statement on the card is clearly the one meant.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.card_words import _clause_without
from assistant.dropped_words import same
from assistant.interview_types import FieldStatus
from assistant.items import sentences
from assistant.numberwords import word_number
from assistant.textproc import stems

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue

_WRONG = re.compile(r"(?<![\wåäö])(?:(?:on|oli|ovat)\s+(?:ihan\s+)?väärin|ei\s+pidä\s+paikkaansa|"
                    r"ei\s+(?:oo|ole)\s+totta|(?:stämmer|stämde)\s+(?:int|inte|inte\s+alls|int\s+alls)|"
                    r"(?:det|de|he|den)\s+(?:e|är)\s+fel|(?:is|are)\s+(?:not|n't)\s+(?:right|true|correct)|"
                    r"(?:isn't|isnt|aren't|arent)\s+(?:right|true|correct)|(?:is|are)\s+wrong|that'?s\s+wrong|"
                    r"thats\s+not\s+right|that'?s\s+not\s+right|not\s+true|"
                    # a goal nobody can promise: "… on liian kova lupaus", "we can't promise …", "vi kan int lova …"
                    r"liian\s+kova\s+lupaus|ei\s+(?:voi|voida)\s+luvata|can'?t\s+promise|cannot\s+promise|"
                    r"can\s+not\s+promise|too\s+big\s+a\s+promise|kan\s+(?:int|inte)\s+lova|för\s+stort\s+löfte|"
                    r"en\s+(?:halua|haluu)\s+(?:et|että)\s+se\s+lukee)(?![\wåäö])", re.IGNORECASE)
# something said instead, a number or a time: other readers take it
_INSTEAD = re.compile(r"(?<![\wåäö])(?:vaan|utan|instead|rather|nykyään|nyt|nu|numera|now|should|pitäis|pitäisi|"
                      r"pitää\s+olla|pitäs|must\s+be|has\s+to\s+be|oikea\s+on|oikein\s+on|rätt\s+är|"
                      r"ska\s+va|ska\s+vara|borde|tilalle|i\s+stället|eikä|inte\s+\w+\s+utan|but\s+it)(?![\wåäö])|\d|"
                      # "…, its Chorley Older Peoples Forum not Preston", "…, de e Petalax marthor"
                      r",\s*(?:it'?s|it\s+is|he\s+e|de\s+e|det\s+är|det\s+e|se\s+on|ne\s+on|they'?re|they\s+are)\s+"
                      r"(?!not\b|int\b|inte\b|ei\b|wrong\b|fel\b|väärin\b)\w",
                      re.IGNORECASE)
_SKIP = ("name", "stage", "contact", "organisation", "summary")
_MOST_WORDS = 30


def wrong_only(d: Dialogue, text: str) -> list[str] | None:
    """The reply when the message says one card statement is wrong and nothing instead; None otherwise."""
    st = d.state
    if st.phase != "confirm" or len(text.split()) > _MOST_WORDS or not _WRONG.search(text) or _INSTEAD.search(text) \
            or any(word_number(w) is not None for w in re.findall(r"[\wåäö]+", text.lower())):
        return None  # "… stämmer inte riktigt, tre år räcker": a number said instead, put right elsewhere
    named = {f for w in re.findall(r"[\wåäö]+", text) if (f := d.nlu.names_field(w, window=1))}
    said = {s for w in re.findall(r"[\wåäöÅÄÖ]+", _WRONG.sub(" ", text)) if not d.nlu.names_field(w, window=1)
            for s in stems(w, st.lang) if len(s) >= 4}
    units: list[tuple[str, str, set[str]]] = []  # (field, item or sentence, the words it shares with the message)
    for fld in d.flow.card:
        value = getattr(st.draft, fld, None)
        if fld in _SKIP or not value or named and fld not in named:
            continue
        for unit in value if isinstance(value, list) else sentences(str(value)):
            own = {s for s in stems(unit, st.lang) if len(s) >= 4}
            units.append((fld, unit, {s for s in said if any(_alike(s, w) for w in own)}))
    units.sort(key=lambda u: -len(u[2]))
    if not units or not units[0][2] or len(units) > 1 and len(units[1][2]) == len(units[0][2]):
        return None
    fld, unit, hit = units[0]
    if len(hit) < 2 and sum(1 for u in units if hit & u[2]) > 1:
        return None  # one shared word that other statements have too: which one is a guess
    value = getattr(st.draft, fld)
    words = [w for w in re.findall(r"[\wåäöÅÄÖ-]+", unit) if any(_alike(s, x) for s in hit for x in stems(w, st.lang))]
    kept = _clause_without(unit, words, st.lang) if words else ""
    if isinstance(value, list):
        new: list[str] | str = [kept.rstrip(".") if i == unit else i for i in value if i != unit or kept]
    else:
        new = " ".join(s for s in (kept if s == unit else s for s in sentences(str(value))) if s)
    d.set(fld, new, FieldStatus.confirmed, replace=True)
    st.status[fld] = FieldStatus.confirmed
    st.phase = "collect"
    return d.after_update([d.t("iv.corrected", label=d.label(fld))])


def _alike(a: str, b: str) -> bool:
    """One word's stems: the same, or one inside the other's compound ("rokot" in "influenssarokotuks")."""
    return same(a, b) or len(a) >= 5 and b.find(a) > 0 or len(b) >= 5 and a.find(b) > 0
