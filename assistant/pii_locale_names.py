"""First names of the people who use Finnish and Swedish social and health services, from Faker's per-locale
name lists, for the name reader of the personal-data guard (``pii_model``).

The hand-written ``FIRST_NAMES`` of ``pii_words`` knows Finnish, Swedish and English names well and others
hardly at all ("karim", "bohdan", "mehmet"), so a client's name from elsewhere typed in lowercase was never a
candidate. A capitalised word always is, and its sentence tells the reader more than a list can: a separate
"listed name" feature and counting these as first names were both tried, and neither helped out of fold on
the dev cases, so the lists only decide which lowercase words are read as possible names. Faker keeps
maintained lists per locale inside the package (nothing is downloaded). The locales follow the largest
language groups among residents of Finland and Sweden (Statistics Finland, SCB), in Latin script as names are
written in notes here:

- the Nordic and English-speaking base: fi_FI, sv_SE (SCB's list, which also holds Abdi, Abdirahman and other
  Somali and Arabic names common in Sweden), no_NO, da_DK, en_GB, en_US, en_IE;
- neighbours and EU movers: et_EE, lv_LV, lt_LT, pl_PL, de_DE, es_ES, hr_HR (Bosnian, Croatian, Serbian);
- Russian and Ukrainian, transliterated with Faker's own tables (its e-mail providers), also in the j-spelling
  of Finnish and Swedish ("Tatjana", "Natalja") beside the English y-spelling;
- Turkish and Kurdish from Turkey (tr_TR); Arabic, Persian and Somali names as they are spelt in Latin
  letters (fr_DZ Maghreb, en_PK Urdu/Arabic/Persian, ha_NG West African Muslim names), because Faker's ar_* and
  fa_IR lists are in Arabic script, which an unvocalised transliteration would not spell the way people do;
- Vietnamese (vi_VN given names).

Every name is also kept without its diacritics ("Jüri" → "juri", "İbrahim" → "ibrahim"), as names are often
typed without them. Collisions with ordinary words ("may", "aina", "van", "will") are left out here when they
are stop words or one of Faker's own common English or Danish words, and in ``pii_model`` when they are common
words of the project's texts (the bank and its views: "rena", "alan"), mostly words ("onni", "toivo") or kin
("sisko"); names shorter than three letters ("Bo", "My", "Vi") never count, and a lowercase one needs four.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import lru_cache

LOCALES = ("fi_FI", "sv_SE", "no_NO", "da_DK", "en_GB", "en_US", "en_IE", "et_EE", "lv_LV", "lt_LT", "pl_PL",
           "de_DE", "es_ES", "hr_HR", "ru_RU", "uk_UA", "tr_TR", "fr_DZ", "en_PK", "ha_NG", "vi_VN")
_CYRILLIC = ("ru_RU", "uk_UA")
_ATTRS = ("first_names", "first_names_female", "first_names_male", "first_names_unisex")
_WORD_LISTS = ("en_US", "da_DK")  # Faker's lorem words: the commonest English and (Swedish-like) Danish words
_NAME = re.compile(r"[^\W\d_]{3,}")


def _fold(word: str) -> str:
    """The word without diacritics, as typed on a keyboard without them; å, ä and ö are letters of their own."""
    keep = {"å": "\0", "ä": "\1", "ö": "\2"}
    marked = "".join(keep.get(c, c) for c in word)
    plain = "".join(c for c in unicodedata.normalize("NFKD", marked) if not unicodedata.combining(c))
    return plain.replace("\0", "å").replace("\1", "ä").replace("\2", "ö")


def _transliterate(name: str, table: dict[str, str]) -> set[str]:
    latin = "".join(table.get(c, c) for c in name).lower()
    # both "Tatyana" (en) and "Tatjana" (fi, sv), whichever the table writes
    return {latin, re.sub(r"y(?=[aeiou])", "j", latin), re.sub(r"(?<=[^\W\d_])j(?=[aeiou])", "y", latin)}


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Stop words of fi/sv/en and Faker's common English and Danish words: never taken for a listed name."""
    from assistant.textproc import STOPWORDS

    words = {w.lower() for ws in STOPWORDS.values() for w in ws}
    for loc in _WORD_LISTS:
        words |= {w.lower() for w in importlib.import_module(f"faker.providers.lorem.{loc}").Provider.word_list}
    return frozenset(words)


@lru_cache(maxsize=1)
def locale_first_names() -> frozenset[str]:
    """Lowercased first names of ``LOCALES`` (read once, about 0.2 s; cached for the process)."""
    names: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        raw = {n for attr in _ATTRS for n in getattr(provider, attr, ())}
        if loc in _CYRILLIC:
            table = dict(importlib.import_module(f"faker.providers.internet.{loc}").Provider.replacements)
            raw = {t for n in raw for t in _transliterate(n, table)}
        for name in raw:
            for part in re.split(r"[\s-]+", name.lower()):  # "Mai Bảo", "Hans-Jürgen": each part
                names |= {w for w in (part, _fold(part)) if _NAME.fullmatch(w)}
    return frozenset(names - ordinary_words())
