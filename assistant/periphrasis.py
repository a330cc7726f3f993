"""Fields named in everyday words: "the people we help", "ne keitä tää koskee", "de som jobbar med det"; and
the Savo "ee … vuan" of a correction ("ee 45 vuan 38") in its standard form ("ei 45 vaan 38").

People who correct a card seldom use its headings; they say whom the model is for or who does it. A
correction is read with such a phrase replaced by the field's own name ("the people we help" → "the target
group"), so every correction shape that knows field names knows these too. Patterns only, per language."""

from __future__ import annotations

import re

_FI_THIS = r"(?:tää|tämä|tä|tämä\s+malli|tää\s+malli|tämä\s+toiminta)"
_FI_DO = r"(?:teke|tekee|tekkö|tekevät|tekköö|tekkee|pyörittä|pyörittää|vetä|vetää|hoita|hoitaa|järjestä|järkkää)\w*"
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("target_groups", "kohderyhmä", re.compile(
        rf"\b(?:(?:siit|siitä|niist|niistä|siihen|siihe|niihin)\s+)?(?:kei?tä|joita|joihin|keihin|kenelle|keille)\s+{_FI_THIS}\s+(?:koskee|koskettaa|on\s+tarkoitettu|on\s+tehty)\b",
        re.IGNORECASE)),
    ("target_groups", "kohderyhmä", re.compile(
        r"\b(?:ne|niitä|niille|niistä|niihin|heitä|heille|heistä|niit|niist)\s+(?:jo(?:i)?ta|keitä|ketä|joille|kenelle)\s+"
        r"(?:me\s+|mä\s+|ollaan\s+|täs\s+|tässä\s+)?(?:autetaan|autamme|tuetaan|tuemme|palvellaan|palvelemme|autetaa|tuetaa)\b",
        re.IGNORECASE)),
    ("target_groups", "kohderyhmä", re.compile(  # "ne on niitä joita varten koko juttu on tehty"
        r"\b(?:ne\s+|niitä\s+|heitä\s+)?(?:joita|keitä|ketä)\s+varten\s+(?:koko\s+)?(?:juttu|tää|tämä|toiminta|malli)\s+"
        r"on\s+(?:tehty|tarkoitettu|olemassa)\b", re.IGNORECASE)),
    ("actors", "toimijat", re.compile(
        rf"\b(?:siihen\s+|siitä\s+|siit\s+|siihe\s+|sii\s+)?(?:poruk\w*|jouk\w*|tiimi\w*|ne|niihin|niistä|niist|heihin|heistä)\s+"
        rf"(?:jo(?:t)?ka|ketkä|mitkä|ket)\s+(?:tätä\s+|tät\s+|tän\s+|tämän\s+|täs\s+|tässä\s+)?(?:on\s+mukana|ovat\s+mukana|{_FI_DO})",
        re.IGNORECASE)),
    ("target_groups", "the target group", re.compile(
        r"\b(?:the\s+)?(?:people|ones|those|folks|families|clients|persons|users|kids|children|patients)\s+(?:that\s+|who\s+|whom\s+)?"
        r"we(?:'re|\s+are)?\s+(?:help(?:ing)?|serv(?:e|ing)|support(?:ing)?|work(?:ing)?\s+(?:with|for)|reach(?:ing)?|"
        r"do(?:ing)?\s+(?:it|this|all\s+this)\s+for)\b|\bwho\s+(?:it|this)(?:'s|\s+is)\s+for\b", re.IGNORECASE)),
    ("actors", "the actors", re.compile(
        r"\b(?:the\s+)?(?:people|ones|those|folks|partners|team)\s+(?:who\s+(?:are\s+)?|that\s+(?:are\s+)?)?"
        r"(?:doing|running|do|run|working\s+on|work\s+on|making)\s+(?:it|this)(?:\s+with\s+(?:us|me))?\b|"
        r"\bwho\s+(?:does|runs|is\s+doing|are\s+doing)\s+(?:it|this)\b", re.IGNORECASE)),
    ("target_groups", "målgruppen", re.compile(
        r"\b(?:de|dem|den|\w+(?:na|erna|arna|orna))\s+(?:som\s+)?vi\s+(?:gör\s+(?:det|detta|allt\s+det\s+här)\s+för|hjälper|"
        r"jobbar\s+för|arbetar\s+för|stöder|stödjer|når)\b|\bvem\s+(?:det|detta)\s+är\s+för\b|\bde\s+(?:som\s+)?det\s+gäller\b",
        re.IGNORECASE)),
    ("actors", "aktörerna", re.compile(
        r"\b(?:de|dem)\s+som\s+(?:jobbar|arbetar|håller\s+i|driver|gör)\s+(?:med\s+)?(?:det|detta|oss|det\s+här)\b|"
        r"\b(?:de|dem|dom)\s+(?:som\s+)?vi\s+samarbetar\s+med\b", re.IGNORECASE)),
    ("actors", "toimijat", re.compile(  # "ne kenen kaa tätä tehään", "niistä joiden kanssa tätä tehdään"
        r"\b(?:ne|niiden|niistä|niitä|niille)\s+(?:kenen|joiden|keiden)\s+(?:kaa|kans|kanssa)\s+(?:tätä|tää|tätä\s+työtä)\s+"
        r"(?:tehään|tehdään|tehhään)\b", re.IGNORECASE)),
    ("actors", "the actors", re.compile(
        r"\b(?:the\s+)?(?:organisations|organizations|partners|ones|those|people)\s+(?:that\s+|who\s+)?we\s+"
        r"(?:partner|cooperate|collaborate)\s+with\b", re.IGNORECASE)),
]


def named_in_everyday_words(text: str) -> tuple[str, str, re.Match[str]] | None:
    """The field a message names in everyday words, its name, and where the words are (the first found)."""
    for fld, name, pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            return fld, name, m
    return None


_FI_FORMS = {"kohderyhmä": ("kohderyhmästä", "kohderyhmään"), "toimijat": ("toimijoista", "toimijoihin")}
_FROM = re.compile(r"^(?:siit|siitä|niist|niistä|heistä|\w+(?:sta|stä|ast|äst))\b", re.IGNORECASE)
_INTO = re.compile(r"^(?:siihen|siihe|niihin|heihin|\w+(?:aan|ään|oon|hin))\b", re.IGNORECASE)


_DIALECT = [(re.compile(r"\bee\b", re.IGNORECASE), "ei"), (re.compile(r"\beekä\b", re.IGNORECASE), "eikä"),
            (re.compile(r"\bvuan\b", re.IGNORECASE), "vaan")]


def plain(text: str) -> str:
    """The message with its everyday naming of a field replaced by the field's name (the first one only),
    in Finnish in the case the words had ("siit keitä tää koskee" → "kohderyhmästä"), and the dialect's
    "ee … vuan" as "ei … vaan"."""
    for pattern_, standard in _DIALECT:
        text = pattern_.sub(standard, text)
    found = named_in_everyday_words(text)
    if found is None:
        return text
    _fld, name, m = found
    if name in _FI_FORMS:
        said = m.group(0)
        name = _FI_FORMS[name][0] if _FROM.match(said) else _FI_FORMS[name][1] if _INTO.match(said) else name
    return text[:m.start()] + name + text[m.end():]
