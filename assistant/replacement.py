"""After a removal, who or what is there now: "Röda korset ska bort, barnpassningen sköter Folkhälsans frivilliga
nu", "Psykologen ska bort, hon slutade i våras. Det e en socionom som leder med mej nu", "Kela … remove. But the
youth workers are from City of Vaasa youth services, write that". People say the replacement in the same message;
without this the removal was done and the new one dropped. Kept apart from ``corrections`` (which removes)
because it reads only the clauses after the removal. Cue words: ``prompts/cues.yaml`` ``replacement_words``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.phrases import contains, tokens

if TYPE_CHECKING:
    from assistant.understand import Understanding

_CLAUSE = re.compile(r"(?<=[.!?;])\s+|,\s+|\s+[–—]\s+")
_LEAD = re.compile(r"^(?:(?:men|but|mutta|mut|och|and|ja|o|so|eli|så|sen|then|sitten|sit)\b[\s,]*)+",
                   re.IGNORECASE)
_TAIL = re.compile(r"[\s,]*(?:(?:please\s+)?(?:write|put|add)\s+(?:that|it|them)(?:\s+(?:there|in))?|"
                   r"skriv\s+(?:det|dem|in\s+det)|lägg\s+till\s+(?:det|dem)|kirjo?i?ta\s+(?:se|ne)(?:\s+sinne)?|"
                   r"lisää\s+(?:se|ne))[\s.!]*$", re.IGNORECASE)


_AND = re.compile(r"\s+(?:ja|and|och)\s+", re.IGNORECASE)
# "tilalle tuli rautakauppa", "in its place came …", "istället kom …": the words before who it is
# "Lovisa i stället": the word for "instead" after the name
_INSTEAD_AFTER = re.compile(r"\s(?:i\s+stället|istället|instead|tilalle|sen\s+sijaan|in\s+(?:its|their)\s+place)"
                            r"[\s.!]*$", re.IGNORECASE)
_INSTEAD = re.compile(r"^(?:sen\s+)?(?:tilalle|tilalla|in its place|in their place|instead|istället|i stället)\s+"
                      r"(?:tuli|tulee|on|oli|came|comes|is|there is|kom|kommer|är)\s+", re.IGNORECASE)


# "…, dom har ett eget kafé nu", "they've got their own group now": what the one removed has, a reason
_THEY_HAVE = re.compile(r"^(?:(?:ja|och|and|ku|kun|koska|because|since|eftersom)\s+)?(?:dom|de|they|ne|ne on|he|she|"
                        r"han|hon|hän|it|se)\s+(?:har|ha|have|has|'ve|'s|on|ovat|got|get|får|fick|saa|sai|saivat)\b",
                        re.IGNORECASE)


def _mentions(clause: str, removed: list[str]) -> bool:
    """The clause names what was removed: a word of it starts the same ("seurakunta" in "seurakunnan", but not
    in "metsästysseuran")."""
    starts = {t[:5] for t in tokens(clause)}
    return any(w.lower()[:5] in starts for r in removed for w in r.split() if len(w) >= 4)


def replacement_after(nlu: Understanding, text: str, removed: list[str], lang: str) -> str:
    """The clause after a removal that says who or what is there now; "" when the message says none (a reason
    told after a removal, "hon slutade i våras", or a negated clause, "det är inte aktuellt nu", adds nothing)."""
    clauses = [c.strip(" .!") for c in _CLAUSE.split(text.strip()) if c and c.strip(" .!")]
    merged: list[str] = []
    for c in clauses:  # "…, write that": a cue alone belongs to the clause before it
        if merged and not _TAIL.sub("", c).strip() and len(tokens(c)) <= 4:
            merged[-1] = f"{merged[-1]}, {c}"
        else:
            merged.append(c)
    start = next((i for i, c in enumerate(merged) if _mentions(c, removed)), None)
    if start is None:
        return ""
    cues = nlu.cues.replacement_words
    negations = nlu.negations | {"eikä", "eivät"}
    for c in merged[start + 1:]:
        if _mentions(c, removed) or any(t in negations for t in tokens(c)) or nlu.names_field(c) is not None \
                or _THEY_HAVE.match(c):
            continue  # a reason, a negated clause, or another field's correction ("ja sähköposti on nykyään …")
        if contains(c, cues):
            # "se lopetti keväällä ja tilalle tuli rautakauppa": the part that says who is there now
            c = next(p for p in reversed(_AND.split(c)) if contains(p, cues))
            lead = _LEAD.sub("", c)
            value = _TAIL.sub("", _INSTEAD_AFTER.sub("", _INSTEAD.sub("", lead))).strip(" ,.;:")
            instead = _INSTEAD.match(lead) or _INSTEAD_AFTER.search(lead)
            if len(tokens(value)) >= (1 if instead else 2):  # "tilalle tuli rautakauppa"
                return value
    return ""
