"""Short, honest reasons why a model matched, in the reader's language.

"Sama kohderyhmä" only when the groups truly overlap (and ages do not conflict); otherwise the model's own
groups are named as theirs. Matched terms are content words of the *user's* text (at least four letters,
no stop words or generic welfare words, no fragments), so they read in the user's own language.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from assistant.groups import ages, group_compatibility, groups
from assistant.i18n import t
from assistant.schema import ModelDescription
from assistant.textproc import EVERYDAY, STOPWORDS, stems

# words that match almost every welfare model and explain nothing
GENERIC = frozenset(
    "tuki tukea tukee tuen tukena apu apua avun palvelu palvelut palvelua palvelujen palveluiden toiminta "
    "toimintaa toiminnan malli mallin mallia työ työtä saada saavat saa saamaan moni monet monia monta "
    "löytyy löytyi tulee tulevat olla ovat voida voivat pitää tehdä tekee antaa käyttää asiakas asiakkaat "
    "asiakkaiden ihmiset ihmisiä henkilö henkilöt kunta kunnassa alueella alue vuotta vuonna aika ajan "
    "support supports supported help helps service services activity activities model people person persons "
    "client clients work works get gets many much year years time area also make makes give gives "
    "stöd stödja hjälp tjänst tjänster verksamhet verksamheten modell människor personer klienter många "
    "får finns göra ger arbete området kommunen".split())
_ALL_STOP = STOPWORDS["fi"] | STOPWORDS["sv"] | STOPWORDS["en"] | EVERYDAY
_WORD = re.compile(r"[0-9a-zåäöéüæø]+(?:-[0-9a-zåäöéüæø]+)*", re.IGNORECASE)


def content_words(text: str) -> list[str]:
    """Content words in order: ≥ 4 letters, not a stop word or a generic welfare word, no digits."""
    out: list[str] = []
    for w in _WORD.findall(text.lower()):  # whole words only: "30-vuotiaille" gives no fragment "vuotiaille"
        if len(w) >= 4 and w.isalpha() and w not in _ALL_STOP and w not in GENERIC and w not in out:
            out.append(w)
    return out


def _key(word: str, lang: str) -> str:
    st = stems(word, lang)
    return (st[0] if st else word)[:5]


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def matched_terms(user_text: str, model: ModelDescription, user_lang: str, limit: int = 4) -> list[str]:
    """The user's own content words that also occur (by stem) in the model's text."""
    mlang = model.language or "fi"
    model_text = " ".join([model.name, model.summary or "", model.basic_idea or "", model.problem or "",
                           " ".join(model.goals), " ".join(model.core), " ".join(model.target_groups)])
    keys = {_key(w, mlang) for w in content_words(model_text)}
    found = [w for w in content_words(user_text) if _key(w, user_lang) in keys or _key(w, mlang) in keys]
    return found[:limit]


def honest_reasons(q: Any, model: ModelDescription, lang: str, x: np.ndarray | None = None) -> list[str]:
    """Reasons for one (query, model) pair; ``q`` is a ``QueryParts``."""
    who_q = q.target_groups or q.text
    theirs = [_short(g) for g in model.target_groups[:2]]
    reasons: list[str] = []
    a_q, a_m = ages(who_q), ages(" ".join(model.target_groups) or (model.summary or ""))
    g_q, g_m = groups(who_q), groups(" ".join(model.target_groups) or (model.summary or ""))
    age_conflict = bool(a_q and a_m and not any(x_.overlap(y) > 0 for x_ in a_q for y in a_m))
    if age_conflict:
        reasons.append(t("why.age_differs", lang, theirs=", ".join(r.text() for r in a_m),
                         ours=", ".join(r.text() for r in a_q)))
    elif theirs and group_compatibility(g_q, g_m) > 0 and g_q & g_m:
        reasons.append(t("why.target_groups", lang, items=", ".join(theirs)))
    elif theirs:
        reasons.append(t("why.their_groups", lang, items=", ".join(theirs)))
    mlang = model.language or "fi"
    q_core = {_key(w, lang) for w in content_words(q.core or q.text)}
    shared_core = [_short(c) for c in model.core if {_key(w, mlang) for w in content_words(c)} & q_core][:2]
    if shared_core:
        reasons.append(t("why.core", lang, items="; ".join(shared_core)))
    terms = matched_terms(q.text, model, lang)
    if terms:
        reasons.append(t("why.terms", lang, items=", ".join(terms)))
    if not shared_core and not terms:
        reasons.append(t("why.meaning_only_plain", lang))
    return reasons


def explain(model: ModelDescription, qstems: list[str], lang: str, context: ModelDescription | None = None,
            similarity: float | None = None, max_items: int = 2) -> list[str]:
    """Raw search reasons (retrieval benchmark, internal): matched content terms of the model's text."""
    mlang = model.language or "fi"
    wanted = {s[:5] for s in qstems}
    text = " ".join([model.name, model.summary or "", model.basic_idea or "", model.problem or "",
                     " ".join(model.goals), " ".join(model.core)])
    terms = [w for w in content_words(text) if _key(w, mlang) in wanted][:4]
    reasons = [t("why.terms", lang, items=", ".join(terms))] if terms else []
    if similarity is not None:
        reasons.append(t("why.meaning" if reasons else "why.meaning_only", lang, sim=f"{similarity:.2f}"))
    return reasons
