"""What kind of turn the user just took: skip, yes/no, correction, question, language switch, reuse choice.

Phrase lists live in ``prompts/cues.yaml``; matching is on word boundaries and case-insensitive.
"""

from __future__ import annotations

import re

from assistant.flow import Cues

_LANG_CMD = re.compile(r"^\s*/(?:lang|kieli|språk)\s+(fi|sv|en)\b", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def contains(text: str, phrase: str) -> bool:
    """Phrase occurs as whole words (a trailing punctuation mark in the phrase counts as written)."""
    t, p = _norm(text), _norm(phrase)
    if not p:
        return False
    pattern = r"(?<![\wåäö])" + re.escape(p) + (r"(?![\wåäö])" if p[-1].isalnum() else "")
    return re.search(pattern, t) is not None


def _any(text: str, by_lang: dict[str, list[str]]) -> bool:
    return any(contains(text, p) for phrases in by_lang.values() for p in phrases)


def _short(text: str, words: int) -> bool:
    return len(text.split()) <= words


def is_skip(text: str, cues: Cues) -> bool:
    return _short(text, 7) and _any(text, cues.skip)


def is_yes(text: str, cues: Cues) -> bool:
    t = _norm(text).strip(" .!")
    return _short(t, 5) and any(t == _norm(p) or t.startswith(_norm(p) + " ") or t.startswith(_norm(p) + ",")
                                for ps in cues.yes.values() for p in ps)


def is_no(text: str, cues: Cues) -> bool:
    t = _norm(text).strip(" .!")
    return any(t == _norm(p) for ps in cues.no.values() for p in ps)


def language_request(text: str, cues: Cues) -> str | None:
    m = _LANG_CMD.match(text)
    if m:
        return m.group(1).lower()
    if not _short(text, 6):
        return None
    for lang, phrases in cues.language.items():
        if any(contains(text, p) for p in phrases):
            return lang
    return None


def is_greeting(text: str, cues: Cues) -> bool:
    """Only a greeting or thanks ("Hei!", "Hello there") - nothing to store."""
    t = _norm(text).strip(" .!,")
    return _short(t, 3) and any(t == _norm(p) or t.startswith(_norm(p) + " ") for ps in cues.greeting.values()
                                for p in ps)


def is_clarification(text: str, cues: Cues) -> bool:
    return _short(text, 12) and _any(text, cues.clarify)


def is_offtopic_question(text: str, cues: Cues) -> bool:
    """A short question that is neither about the bank nor an answer ("Mikä on huomenna sää?")."""
    t = text.strip()
    return t.endswith("?") and _short(t, 15) and not is_question(t, cues)


def has_content(text: str) -> bool:
    """Letters or digits at all? ("..." and "???" are as good as empty.)"""
    return any(ch.isalnum() for ch in text)


def is_question(text: str, cues: Cues) -> bool:
    """Asking the bank ("onko tällaista jo tehty?") rather than answering the interview."""
    return _any(text, cues.question)


def reuse_choice(text: str, cues: Cues) -> str | None:
    for choice in ("adopt", "join", "own"):
        if _any(text, cues.reuse.get(choice, {})):
            return choice
    return None


def explicit_field(text: str, cues: Cues) -> tuple[str, str] | None:
    """"(ei,) kohderyhmä on X" / "actually the goal is X" → (field, "X"); None if no field is named."""
    t = text.strip()
    low = _norm(t)
    prefixed = False
    for phrases in cues.correction_prefix.values():
        for p in sorted(phrases, key=len, reverse=True):
            pn = _norm(p)
            if low.startswith(pn):
                t = t[len(pn):].lstrip(" ,:-")
                low = _norm(t)
                prefixed = True
                break
    best: tuple[int, str, str] | None = None
    for fld, names in cues.field_names.items():
        for name in names:
            m = re.match(r"^(?:the\s+|our\s+|mallin\s+|meidän\s+)?" + re.escape(_norm(name)) +
                         r"[\wåäö]*\s*(?:on|ovat|olisi|oli|olivat|is|are|was|were|är|var|should be|pitäisi olla|:)"
                         r"[,:]?\s+(?:että\s+|att\s+|that\s+)?(.+)$",
                         low, re.IGNORECASE | re.DOTALL)
            if m and (best is None or len(name) > best[0]):
                start = len(t) - len(m.group(1))
                best = (len(name), fld, t[start:].strip())
    if best:
        return best[1], best[2]
    return None if not prefixed else ("", t)
