"""Tokens, Snowball stems and language guessing for Finnish, Swedish and English.

Finnish is heavily inflected ("nuorille", "nuorten", "nuoret"), so lexical matching only works on
stems. Queries are stemmed with all three stemmers because a short query's language is a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

LANGS = ("fi", "sv", "en")
_STEMMER_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
_WORD = re.compile(r"[0-9a-zåäöéüæø]+(?:-[0-9a-zåäöéüæø]+)*", re.IGNORECASE)

STOPWORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "ja on ei se että ovat oli olla ole kun mutta tai jos niin kuin myös vain jo sekä eli joka jotka "
        "mikä mitä miten missä mistä mihin kuka ketkä tämä tämän näitä nämä tässä siinä sen sitä ne niitä "
        "he hän me te minä sinä meillä meidän heidän hänen olen olemme ovat onko onhan voi voisi voidaan "
        "pitää kanssa mukaan kautta ennen jälkeen aikana yli alle ilman vielä sitten nyt jotta koska "
        "kaikki kaikkia muu muut muita paljon hyvin sekä esim noin kohti luona osa osana siis vaan "
        "jokin jotain joku jonkin mitään mikään eikä eivät en et emme ette olisi olivat ollut ollaan "
        "tehty tehdä tekee tarvitaan oma oman omaa omat jossa joissa jonka joiden joille joita johon "
        "jolla joilla josta joista jotta malli mallin mallia mallissa mallille toimintamalli "
        "toimintamallin".split()
    ),
    "sv": frozenset(
        "och att det som en ett i på för med av till är var den de om inte har hade så men eller från vad "
        "tack "
        "vid kan ska skulle när hur vad vem vilka vilken där här sin sina sitt deras dess man vi ni jag "
        "du han hon dem oss er mig dig också bara redan efter före under över utan mot hos genom både "
        "alla andra mycket något några någon finns blir bli blev varit vara".split()
    ),
    "en": frozenset(
        "a an the and or but if of to in on at by for with from as is are was were be been being it its "
        "this that these those which who whom what how when where why not no so than then there their "
        "they them we you he she his her our your can could should would will shall may might do does "
        "did has have had into over under about after before also only just more most some any each all "
        "such via per".split()
    ),
}
# everyday adverbs people type round a correction ("de e int nån samarbetspartner egentligen"): they name
# nothing, so "egentligen" must not find "Egentliga Finlands välfärdsområde" (not stop words: those also tell
# the language)
EVERYDAY = frozenset(
    "egentligen faktiskt verkligen ingenting förresten liksom oikeastaan oikeesti oikeestaan todella tosiaan "
    "muuten mitenkään actually really basically literally nothing anyway anyways".split())
_ALL_STOP = STOPWORDS["fi"] | STOPWORDS["sv"] | STOPWORDS["en"]


@lru_cache(maxsize=3)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[lang])


def words(text: str) -> list[str]:
    """Lower-cased word tokens (hyphenated compounds kept and also split)."""
    out: list[str] = []
    for match in _WORD.finditer(text.lower()):
        token = match.group(0)
        out.append(token)
        if "-" in token:
            out.extend(p for p in token.split("-") if p)
    return out


def detect_language(text: str, default: str = "fi", min_evidence: int = 0) -> str:
    """Guess fi/sv/en from stopwords and letters; cheap and good enough for choosing a reply language.

    Capitalised words (place and organisation names like "Päijät-Hämeen hyvinvointialue") are ignored, and
    with ``min_evidence`` the default is kept unless another language has that many more stopword hits."""
    raw = text.split()
    kept = [w for i, w in enumerate(raw)  # drop capitalised words inside sentences: names, not language
            if not (w[:1].isupper() and i > 0 and not raw[i - 1].endswith((".", "!", "?", ":")))]
    toks = words(" ".join(kept) or text)
    if not toks:
        return default
    scores: dict[str, float] = {lang: float(sum(1 for t in toks if t in STOPWORDS[lang])) for lang in LANGS}
    lowered = text.lower()
    scores["sv"] += 2 * lowered.count("å")
    scores["fi"] += sum(1 for t in toks if re.search(r"(ssa|ssä|lla|llä|sta|stä|iden|isen|ja|jä)$", t)) * 0.5
    scores["fi"] += 0.5 * sum(1 for t in toks if "ä" in t or "ö" in t) if scores["sv"] == 0 else 0
    best = max(LANGS, key=lambda lang: (scores[lang], lang == default))
    if min_evidence and best != default:
        stop = {lang: sum(1 for t in toks if t in STOPWORDS[lang]) for lang in LANGS}
        if stop[best] - stop.get(default, 0) < min_evidence:
            return default
    return best if scores[best] > 0 else default


def stems(text: str, lang: str) -> list[str]:
    """Stems of the content words of a text written in ``lang`` (document side)."""
    return list(_stems(text, lang if lang in LANGS else "fi"))


@lru_cache(maxsize=16384)  # the same bank texts are stemmed for every candidate of every turn
def _stems(text: str, lang: str) -> tuple[str, ...]:
    toks = [t for t in words(text) if t not in _ALL_STOP and len(t) > 1]
    return tuple(_stemmer(lang).stemWords(toks))


def query_stems(text: str) -> list[str]:
    """Stems of a query under all three languages, de-duplicated, order kept."""
    return list(_query_stems(text))


@lru_cache(maxsize=4096)
def _query_stems(text: str) -> tuple[str, ...]:
    toks = [t for t in words(text) if t not in _ALL_STOP and len(t) > 1]
    seen: dict[str, None] = {}
    for lang in LANGS:
        for stem in _stemmer(lang).stemWords(toks):
            seen.setdefault(stem, None)
    return tuple(seen)


def stem_map(text: str, lang: str) -> dict[str, str]:
    """stem -> first surface word, to explain matches in the document's own words."""
    lang = lang if lang in LANGS else "fi"
    out: dict[str, str] = {}
    toks = [t for t in words(text) if t not in _ALL_STOP and len(t) > 1]
    for tok, stem in zip(toks, _stemmer(lang).stemWords(toks), strict=True):
        out.setdefault(stem, tok)
    return out
