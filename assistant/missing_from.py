"""An item said to be missing from a field, named after it: "Viitasaari puuttuu paikkakunnista, siellä ollaan
käyty keväästä asti", "Rosersberg saknas bland orterna", "the parish is missing from the partners". The item is
added to that field; the reason told after it is not. (The field first, "tavoitteista puuttuu: …", is read by
the summary's readers.) Pure apart from the field names the understanding knows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.understand import Correction, Understanding

_MISSING = re.compile(
    r"(?P<x>[^.;:!?]+?)\s+(?:puuttu(?:u|vat|i)\s+(?:vielä\s+|kokonaan\s+|myös\s+)?|(?:saknas|fattas)\s+(?:helt\s+)?"
    r"(?:bland|i|från|under|på)\s+|(?:is|are)\s+missing\s+(?:from|in|among|under)\s+(?:the\s+)?|"
    r"(?:ska|skall|borde)\s+(?:också\s+)?(?:in|med)\s+(?:bland|i|på)\s+)"
    r"(?P<f>[^\W\d_]+(?:\s+[^\W\d_]+)?)", re.IGNORECASE)
SAYS_MISSING = re.compile(r"(?<![\wåäö])(?:puuttu(?:u|vat|i)|saknas|fattas|(?:is|are)\s+missing|(?:ska|skall)\s+"
                          r"(?:också\s+)?(?:in|med)\s+bland)(?![\wåäö])", re.IGNORECASE)
_PRONOUNS = frozenset("se ne den det dom de it they them".split())
# what opens the clause without being the item: "ja", "ai niin", "also", "och så"
_OPENER = re.compile(r"^\W*(?:(?:ja|ai\s+niin|niin|sit|sitten|mut|mutta|ok|och\s+så|och|å|så|also|and|oh|but)\W+)*",
                     re.IGNORECASE)


def missing_from(nlu: Understanding, text: str) -> Correction | None:
    """The item and the field it is missing from, as an addition; None when the words after "missing" name no
    field."""
    from assistant.understand import Correction

    m = _MISSING.search(text)
    if m is None:
        return None
    fld = nlu.names_field(m.group("f")) or nlu.names_field(m.group("f").split()[0])
    item = _OPENER.sub("", re.split(r",\s+", m.group("x"))[-1]).strip()
    if item.lower() in _PRONOUNS:  # "Sävja har vi öppnat i höstas, så den ska in bland ställena": the name told
        names = re.findall(r"(?<![\wåäö])[A-ZÅÄÖ][\wåäö-]+", text[:m.start("x") + len(m.group("x"))])
        item = names[0] if names else ""
    if fld is None or not item or len(item.split()) > 6:
        return None
    return Correction(field=fld, text=item, additive=True)
