"""A number taken back in the same breath: "niitä on kolme, ei vaan neljä", "it was 2019 - no sorry, 2018",
"tre om året, nej vänta, fyra". Only the last number counts: the message is read as if said once ("niitä on
neljä"). Only a number against a number, with nothing but the taking back between them, so "ei kirjaston vaan
nuorisotalon" stays a fix of its own. Pure: text in, text out."""

from __future__ import annotations

import re

from assistant import numberwords

_BACK = (r"(?:ei\s+vaan|eiku|ei\s+kun|tai\s+siis|siis|no\s+sorry|sorry|no\s+wait|wait|i\s+mean|or\s+rather|nej\s+vänta|"
         r"vänta|nej\s+förlåt|förlåt|alltså|nej)")
_NUMBER = r"[\wåäö-]+"
_REPAIR = re.compile(rf"(?<![\wåäö-])(?P<v1>{_NUMBER})(?P<unit>(?:\s+[^\W\d_]+){{0,2}}?)"
                     rf"(?P<mid>\s*(?:,|–|—|\s-)\s*{_BACK}\s*[,:–—-]?\s*)(?P<v2>{_NUMBER})(?![\wåäö-])", re.IGNORECASE)


def said_once(text: str) -> str:
    """The message with each number taken back replaced by the one said after it."""
    out, pos = [], 0
    for start in (w.start() for w in re.finditer(r"[\wåäö-]+", text)):
        if start < pos:
            continue
        m = _REPAIR.match(text, start)
        if m is None:
            continue
        a, b = numberwords.word_number(m.group("v1")), numberwords.word_number(m.group("v2"))
        if a is None or b is None or a == b:
            continue
        unit = m.group("unit")
        if text[m.end():].lower().startswith(unit.lower()):  # "kolme kertaa, siis neljä kertaa": said again
            unit = ""
        out.append(text[pos:start] + m.group("v2") + unit)  # "tre om året, nej vänta, fyra" → "fyra om året"
        pos = m.end()
    return "".join(out) + text[pos:]
