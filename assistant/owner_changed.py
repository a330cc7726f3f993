"""The owner said to be someone else: "ägaren e Österbottens välfärdsområde nu, int Vasa stad", "ei tää oo husin
toimintaa vaan Vantaan ja Keravan hyvinvointialueen neuvoloiden", "we are not under etelä-pohjanmaan
hyvinvointialueen anymore, seinäjoki city youth services took it over", "me ei olla mikään säätiö vaan ihan
tavallinen ry, Mielen Majakka ry". The message denies the card's organisation (in another case, by an
abbreviation, or by its form: säätiö, ry) and names an organisation instead; that name is the owner. The other
fields that mention the old owner are left as they are: the person spoke of who owns the model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant import aliases
from assistant.contradiction import name_in, name_said
from assistant.dropped_words import NEG, VERB, same
from assistant.interview_types import FieldStatus
from assistant.textproc import stems

if TYPE_CHECKING:
    from assistant.dialogue import Dialogue

# an organisation's name: a public body, a unit, an association or foundation
_ORG = re.compile(r"(?<![\wåäö])(?:\w*hyvinvointialue\w*|\w*välfärdsområde\w*|wellbeing|county|kaupun\w*|stad|staden|"
                  r"city|kunta|kunnan|kommun\w*|municipality|ry|rf|r\.y\.|r\.f\.|säätiö\w*|stiftelse\w*|förening\w*|"
                  r"yhdistys\w*|association|foundation|services|palvelu\w*|tjänster|neuvol\w*|oy|ab|ltd)(?![\wåäö])",
                   re.IGNORECASE)
_RATHER = re.compile(r"(?<![\wåäö])(?:vaan|utan|but|instead|nu|now|nykyään|numera)(?![\wåäö])", re.IGNORECASE)
_OWNER_IS = re.compile(r"(?<![\wåäö])(?:ägaren|ägare|owner|omistaja)\s+(?:e|är|is|on)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:vaan|utan|but|instead|ja|och|and|eli|siis|alltså|i\.e\.)\s+", re.IGNORECASE)
_TRAIL = re.compile(r"\s+(?:nu|now|nykyään|numera|anymore|enää|längre)\s*$", re.IGNORECASE)


def owner_changed(d: Dialogue, text: str) -> list[str] | None:
    """The reply when the message says the owner is another organisation than the card's; None otherwise."""
    st = d.state
    owner = st.draft.organisation
    if not owner or len(text.split()) > 40 or st.pending_field == "organisation" or not NEG.search(text):
        return None
    denied = _denied_clause(text, owner, st.lang)
    if denied is None:
        return None
    if st.phase == "collect" and denied not in _clauses(re.split(r"(?<=[.!?])\s+", text.strip())[0]):
        return None  # an answer told first ("STEA ja Kajaanin kaupunki. ja se vastuutaho …") is read elsewhere
    new = _new_owner(text, denied, owner, st.lang)
    if not new or not set(re.findall(r"[\wåäö]+", new.lower())) - set(re.findall(r"[\wåäö]+", owner.lower())):
        return None  # nothing but the owner's own words
    d.set("organisation", new[:1].upper() + new[1:], FieldStatus.confirmed, replace=True)
    st.status["organisation"] = FieldStatus.confirmed
    if st.phase == "confirm":
        st.phase = "collect"
    return d.after_update([d.t("iv.corrected", label=d.label("organisation"))])


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*[,;.!?]\s+|\s*[,;.!?]$", text.strip()) if c and c.strip()]


def _denied_clause(text: str, owner: str, lang: str) -> str | None:
    """The negated clause that names the card's owner ("int Vasa stad", "ei tää oo husin toimintaa")."""
    for clause in _clauses(text):
        neg = NEG.search(clause)
        if neg is None:
            continue
        said = _RATHER.split(clause[neg.start():])[0]
        if _names(said, owner, lang):
            return clause
    return None


def _names(said: str, owner: str, lang: str) -> bool:
    """Whether the words name the owner: a shared distinctive stem, an alias, or its form ("säätiö")."""
    mine = [s for s in stems(owner, lang) if len(s) >= 4]
    if any(same(s, w) for s in stems(said, lang) if len(s) >= 4 for w in mine):
        return True
    return bool(aliases.groups(said) & aliases.groups(owner))


# "we are Tampere city youth services", "vi är X", "me ollaan X": the name after it
_WE_ARE = re.compile(r"^(?:we\s+are|we'?re|vi\s+är|vi\s+e|me\s+ollaan|me\s+olemme|it\s+is|it'?s|det\s+är|se\s+on)\s+",
                     re.IGNORECASE)


def _mostly(name: str, owner: str, lang: str) -> bool:
    """The old owner said again ("hyvinvointialue on vaan kumppani"): half of the name's words are the owner's
    (a proper name that renames it, "Mielen Majakka ry" for "Mielen Majakka -säätiö", is kept by the caller)."""
    said = [s for s in stems(name, lang) if len(s) >= 4]
    mine = [s for s in stems(owner, lang) if len(s) >= 4]
    return bool(said) and 2 * sum(any(same(s, w) for w in mine) for s in said) >= len(said)


def _new_owner(text: str, denied: str, owner: str, lang: str) -> str:
    """The organisation named instead, from the denial on: a name with an organisation word said after
    "vaan"/"utan"/"now", as the owner ("ägaren e X"), or before "took it over"; a proper name before a common
    one ("ihan tavallinen ry, Mielen Majakka ry"); never the old owner again ("hyvinvointialue on vaan
    kumppani")."""
    owner_is = _OWNER_IS.search(text)
    if owner_is:
        return _TRAIL.sub("", _clauses(text[owner_is.end():])[0]).strip()
    clauses = _clauses(text)
    found: list[str] = []
    for clause in clauses[clauses.index(denied):]:
        if clause == denied:  # "ei tää oo husin toimintaa vaan X": only what follows "vaan"
            neg = NEG.search(clause)
            rather = _RATHER.search(clause, neg.end()) if neg else None
            clause = clause[rather.end():] if rather else ""
        told = name_said(clause) or name_in(clause)  # "…, eli Pohjois-Savon hyvinvointialue", "X took it over"
        name = _TRAIL.sub("", _WE_ARE.sub("", _LEAD.sub("", (told or clause).strip(" ,.;"))))
        if name and _ORG.search(name) and len(name.split()) <= 7 and not NEG.search(name) \
                and (told or not VERB.search(name)) \
                and not (_mostly(name, owner, lang) and (name[:1].islower() or VERB.search(name))):
            found.append(name)
    return next((n for n in found if n[:1].isupper()), found[0] if found else "")
