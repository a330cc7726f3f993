"""Personal data guard (fi/sv/en): find, mask, and refuse to publish personal data in model descriptions.

The model bank is shared and searchable, so a contributor's story must not carry a client's identity
code, phone number or home address into it. Detected: Finnish henkilötunnus (date, century sign incl. the
2023 signs, checksum), Swedish personnummer and samordningsnummer (date, Luhn), phone numbers (the
``phonenumbers`` library, FI and SE plus international ``+``), e-mail addresses, street addresses of
homes (fi/sv/en; public buildings and bare postal codes are not), and a person's name next to a health
or social detail (a known first name within a few words of a condition word). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import phonenumbers

from assistant.pii_email import emails
from assistant.pii_names import names_with_health
from assistant.pii_service import service_number
from assistant.pii_spoken import spoken_numbers
from assistant.pii_words import (
    EN_STREET_WORDS,
    FI_STREET_ENDINGS,
    HOME_CUES,
    LABELS,
    MASKS,
    PUBLIC_PLACE,
    SERVICE_CUES,
    SV_STREET_ENDINGS,
    alternation,
)
from assistant.textproc import detect_language

KINDS = ("hetu", "personnummer", "email", "phone", "address", "name_health")  # also the overlap priority
SKIP_FIELDS = frozenset({"id", "created", "updated", "language", "stage", "source_url"})
# Contact details are what these fields are for (a contact person's e-mail, the office's phone).
ALLOWED_IN = {"contact": frozenset({"email", "phone", "address"}), "organisation": frozenset({"address"})}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind (see ``KINDS``) and where it is in the text."""

    kind: str
    start: int
    end: int
    text: str


# -- identity codes ------------------------------------------------------------------------------------
HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
           "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
# the separator may stand between spaces ("260391 - 967V"); the check character keeps that from finding ranges
_HETU = re.compile(rf"(?<![\w/])(\d{{6}})(?: (?=[-{_DASHES}] \d))?([-+A-FU-Ya-fu-y{_DASHES}])(?:(?<=[-{_DASHES}]) )?"
                   rf"(\d{{3}})([0-9A-Ya-y])(?![\w/])")
_PNR = re.compile(r"(?<![\w./+-])((?:18|19|20)?\d{6})([-+]?)(\d{4})(?![\w/])")
_PHONE_CUE = re.compile(r"(?:puh|p\.|tel|tfn|telefon|mobil|gsm|numero|nummer|soita|ring|sms|tekstaa|whatsapp|"
                        r"phone|call|text)\W{0,3}\s*\S{0,12}\s*$", re.IGNORECASE)
_NOT_PHONE_CUE = re.compile(r"(?:y-tunnus|fo-nummer|org\.?\s*nr|organisationsnummer|bankgiro|plusgiro|viite|"
                            r"ISBN|ISSN|CN-koodi|tullinimike|IBAN|tilinumero|konto|kuntanumero|dnro|dnr|tilausnumero|"
                            r"tilausnro|asiakasnumero|laskunumero|tuotenumero|tuotekoodi|artikkelinumero|ordernummer|"
                            r"kundnummer|fakturanummer|artikelnummer|order number|invoice|product code|item number|"
                            r"sarjanumer|serienummer|serial number|serial no|versionumer|versionsnummer|version number|"
                            r"company\s+(?:no|number|reg)|charity\s+(?:no|number)|registration\s+(?:no|number)|"
                            r"reg\.?\s*(?:no|nr)|rekisterinumero|registernummer)"
                            r"\w{0,6}\W{0,3}(?:\s*\S{1,12}){0,2}\s*$", re.IGNORECASE)
# A sentence about invoices, orders or products, with no phone word anywhere in it: its numbers are theirs.
_NUMBER_CONTEXT = re.compile(r"\b(?:lasku|laskut|laskun|laskuja|tilaus|tilauks|tuotenumer|tuotekood|korvaava|"
                             r"faktura|fakturor|beställning|artikel|invoice|order|product|item)\w*", re.IGNORECASE)
# a compound "…numero"/"…nummer" ("reklamaationumero", "ärendenummer") names a number of something; a bare
# "numero"/"nummer" ("hänen numeronsa on …") is a phone number
_NUMBER_LABEL = re.compile(r"\w{3,}(?:numero|numeron|nummer|nummret)\W{0,3}$", re.IGNORECASE)
_PHONE_LABEL = re.compile(r"(?:puhelin|matkapuhelin|gsm|kännykkä|känny|yhteys|telefon|mobil|phone|mobile|contact|"
                          r"kontakt|direct|suora|koti|työ|hem|arbets|jobb|work|home|oma|privat|yksityis)\w*[\s-]*"
                          r"(?:numero|nummer|number)", re.IGNORECASE)
_ANY_PHONE_WORD = re.compile(r"\b(?:puh|puhelin|soita|soitt|numero(?:on|ssa|sta)?\s+\d|tel|tfn|telefon|mobil|ring|"
                             r"sms|tekstaa|whatsapp|phone|call|text|gsm)\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> str:
    """Up to 60 characters before ``start``, from where its sentence or clause begins."""
    return re.split(r"[.!?;\n]\s", text[max(0, start - 60):start])[-1]


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? "))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1:right]


# An organisation's own line ("Vasa stads växel, 06 …", "Kriisipuhelin päivystää numerossa …"): not a person's.
_ORG_PHONE_CUE = re.compile(r"(?:vaihde|vaihte\w*|kriisipuhelin\w*|auttava\w* puhelin\w*|neuvontapuhelin\w*|"
                            r"palvelunumer\w*|asiakaspalvelu\w*|päivystysnumer\w*|växel\w*|servicenummer\w*|"
                            r"kundtjänst\w*|stödlinje\w*|jourtelefon\w*|hjälplinje\w*|switchboard|helplines?|"
                            r"hotlines?|infolines?|info line|advice line|customer service)\b", re.IGNORECASE)


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def valid_hetu(code: str) -> bool:
    """A Finnish henkilötunnus with a real date, an allowed century sign and the right check character."""
    found = _HETU.fullmatch(code.strip())
    return found is not None and _hetu_ok(*found.groups())


def _hetu_ok(ddmmyy: str, sign: str, nnn: str, check: str) -> bool:
    sign = "-" if sign in _DASHES else sign.upper()
    if sign not in CENTURY or int(nnn) < 2:
        return False
    if not _real_date(CENTURY[sign] + int(ddmmyy[4:]), int(ddmmyy[2:4]), int(ddmmyy[:2])):
        return False
    return HETU_CHARS[int(ddmmyy + nnn) % 31] == check.upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def valid_personnummer(code: str) -> bool:
    """A Swedish personnummer or samordningsnummer (day + 60): a real date and the Luhn digit."""
    found = _PNR.fullmatch(code.strip())
    return found is not None and _pnr_ok(found.group(1), found.group(2), found.group(3))


def _pnr_ok(datepart: str, sep: str, rest: str) -> bool:
    yymmdd = datepart[-6:]
    month, day = int(yymmdd[2:4]), int(yymmdd[4:])
    if day > 60:
        day -= 60
    if len(datepart) == 8:
        years = [int(datepart[:4])]
    else:
        yy = int(yymmdd[:2])
        years = [1800 + yy, 1900 + yy] if sep == "+" else [1900 + yy, 2000 + yy]
    if not any(_real_date(y, month, day) for y in years):
        return False
    return luhn_ok(yymmdd + rest)


def _ytunnus_ok(text: str) -> bool:
    """A Finnish business id (7 digits, '-', check digit): not a phone number, not personal."""
    found = re.fullmatch(r"(\d{7})-(\d)", text.strip())
    if not found:
        return False
    r = sum(int(d) * w for d, w in zip(found.group(1), (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return r != 1 and int(found.group(2)) == (0 if r == 0 else 11 - r)


_SIX_DIGITS = re.compile(r"\d{6}")
# "Personnummer 5803129930": the word names the code, though it ends like a phone cue ("nummer")
_CODE_WORD = re.compile(r"personnummer|personnr|pnr|henkilötunnus|hetu|samordningsnummer|personal (?:id|identity)",
                        re.IGNORECASE)


def _codes(text: str) -> list[Finding]:
    if not _SIX_DIGITS.search(text):
        return []
    out = [Finding("hetu", m.start(), m.end(), m.group(0)) for m in _HETU.finditer(text) if _hetu_ok(*m.groups())]
    for m in _PNR.finditer(text):
        if not _pnr_ok(m.group(1), m.group(2), m.group(3)):
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if not m.group(2) and len(m.group(0)) == 10 and _PHONE_CUE.search(before) and not _CODE_WORD.search(before):
            continue  # ten bare digits after "puh", "ring", …: a phone number that happens to pass Luhn
        out.append(Finding("personnummer", m.start(), m.end(), m.group(0)))
    return out


# -- e-mail and phone --------------------------------------------------------------------------------------


_DIGITS6 = re.compile(r"\d(?:\D{0,2}\d){5}")
_TRUNK = re.compile(r"(?<=\+\d)(\d{0,2})\s?\(0\)")  # the "(0)" of "+44 (0)7700 …": blanked for the matcher


# A number written right after a phone word ("phone, 07700 900456") counts even in another country's format.
_CUED_NUMBER = re.compile(r"(?:puh(?:elin)?|p\.|tel|tfn|telefon|mobil|gsm|phone|mobile|cell)\b\W{0,3}"
                          r"(?:\w+\W{1,3}){0,3}?(\+?\(?\d[\d ()/.-]{5,18}\d)(?![\d.,:/-]?\d)", re.IGNORECASE)


# UK mobile and North American numbers in their written shapes ("07700 900 412", "202-555-0178"): the
# library rejects the ranges kept for fiction, yet a number written like this is a phone number.
_FOREIGN_SHAPE = re.compile(r"(?<![\w+/.-])(?:07\d{3}\s?\d{3}\s?\d{3}|01\d{2}\s\d{3}\s\d{4}|01\d{3}\s\d{6}|"
                            r"\(?[2-9]\d{2}\)?[-. ]\d{3}[-.]\d{4})"
                            r"(?![\w/]|[.,-]\d)|\+44\s?(?:\(0\)\s?)?7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?![\w/]|[.,-]\d)|"
                            r"\+1[-. ]?\(?[2-9]\d{2}\)?[-. ]\d{3}[-.]\d{4}"
                            r"(?![\w/]|[.,-]\d)")


# a henkilötunnus with a wrong check character ("040387-9477") is a mistyped code, never a phone number
_HETU_SHAPE = re.compile(r"^[0-3]\d[01]\d{3}[-+A-FU-Y]\d{3}[0-9A-Y]$")


def _phones(text: str) -> list[Finding]:
    said = [Finding("phone", s, e, t) for s, e, t in spoken_numbers(text)]  # "nolla viis nolla, kuus …"
    if not _DIGITS6.search(text):
        return said
    spans: dict[tuple[int, int], str] = {}
    plain = _TRUNK.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)  # offsets kept
    for region in ("FI", "SE"):
        for m in phonenumbers.PhoneNumberMatcher(plain, region, leniency=phonenumbers.Leniency.VALID):
            spans[(m.start, m.end)] = text[m.start:m.end]
    for shaped in _FOREIGN_SHAPE.finditer(text):
        spans.setdefault((shaped.start(), shaped.end()), shaped.group(0))
    for cued in _CUED_NUMBER.finditer(text):
        number = cued.group(1)
        if sum(c.isdigit() for c in number) >= 7 and not re.search(r"\d[.:]\d\d?[.:-]", number):
            spans.setdefault((cued.start(1), cued.end(1)), number)
    out: list[Finding] = []
    lang = detect_language(text) if spans else "fi"  # the service-number check reads plans by language
    for (start, end), raw in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if out and start < out[-1].end:
            continue
        before = _clause_before(text, start)
        if _ytunnus_ok(raw) or _HETU_SHAPE.match(raw.strip()) or _NOT_PHONE_CUE.search(text[max(0, start - 40):start]) \
                or _ORG_PHONE_CUE.search(before):
            continue
        label = text[max(0, start - 30):start]
        if _NUMBER_LABEL.search(label) and not _ANY_PHONE_WORD.search(label) and not _PHONE_LABEL.search(label):
            continue  # "Reklamaationumero 040 1746 2291", "ärendenummer …": a number of something else
        digits = re.sub(r"\D", "", raw)
        if len(set(digits[3:])) == 1:  # "040 000 0000": a form's placeholder
            continue
        if service_number(raw, lang):  # "020 696 006", "0800 1111": a free or national service line, nobody's own
            continue
        sentence = _sentence_around(text, start, end)
        if _NUMBER_CONTEXT.search(sentence) and not _ANY_PHONE_WORD.search(sentence):
            continue  # "Laskut … on maksettu, mutta 050 112 378 on vielä auki": an invoice's number, no phone word
        out.append(Finding("phone", start, end, raw))
    return sorted(out + [f for f in said if not any(f.start < o.end and o.start < f.end for o in out)],
                  key=lambda f: f.start)


# -- street addresses ---------------------------------------------------------------------------------------
_CAP = r"[A-ZÅÄÖÜ][a-zåäöüéA-ZÅÄÖ-]*"
_LEAD = r"(?:(?:Pohjoinen|Eteläinen|Läntinen|Itäinen|Iso|Pieni|Vanha|Uusi|Toinen|Kolmas|Norra|Södra|Östra|" \
        r"Västra|Stora|Lilla|Gamla|Nya)\s)?"
_HIGHWAY = re.compile(r"^(?:valta|kanta|seutu|moottori|maan|yhdys)tie|^(?:riks|läns|motor)väg", re.IGNORECASE)
_NORDIC = re.compile(
    rf"(?<![\w-])({_LEAD}(?:{_CAP}(?:{alternation(FI_STREET_ENDINGS + SV_STREET_ENDINGS)})))\s+"
    r"(\d{1,4}(?:\s?[a-zA-Z](?![\w]))?)"  # number, maybe with a letter: 12, 12a, 12 B
    r"((?:\s(?:as\.?|asunto)\s?\d{1,3}|\s?[A-Ka-k]?\s?\d{1,3}(?:\s?[a-zA-Z](?![\w]))?(?![\d.,:]\d))?"  # A 5, as 2
    r"(?:,?\s(?:lgh\s?\d{3,4}|\d\s?tr\b|[A-K]\b(?:,\s\d\s?tr\b)?))*)"
    r"(?![\d%€$]|\s?[-–]\s?\d|\s?(?:euro|e\b|kr\b|km\b|m\b|vuo|år\b|%))")
_EN = re.compile(
    rf"(?<![\w-])((?:(?:Flat|Apt\.?|Apartment|Unit)\s\w{{1,4}},\s)?\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?\s"
    rf"(?:[A-Z][a-z]+\s){{1,3}}(?:{alternation(EN_STREET_WORDS)})\b(?:,\s(?:Flat|Apt\.?|Apartment|Unit)\s\w{{1,4}})?)")
# Typed all in lowercase ("myllytie 4 as 2"): a street only with a flat part or after an address word.
_LOWER = re.compile(
    rf"(?<![\w-])([a-zåäö][a-zåäö]{{2,}}(?:{alternation(FI_STREET_ENDINGS + SV_STREET_ENDINGS)}))\s+(\d{{1,4}}[a-z]?)"
    r"((?:\s(?:as\.?|lgh|bst)\s?\d{1,4}|\s[a-k]\s?\d{1,3})?)(?![\d%€$]|\s?[-–]\s?\d)")
_ADDRESS_WORD = re.compile(r"(?:osoite|osoitteeseen|osoitteessa|adress|address|bor på|asuu|asuvat|lives at)\W{0,3}"
                           r"(?:\w+\W{1,3}){0,2}$", re.IGNORECASE)
_PUBLIC = re.compile(alternation(PUBLIC_PLACE), re.IGNORECASE)
_SERVICE = re.compile(rf"^\W{{0,3}}(?:\w+\W{{1,3}}){{0,3}}(?:{alternation(SERVICE_CUES)})", re.IGNORECASE)
_HOME = re.compile(rf"\b(?:{alternation(HOME_CUES)})\b", re.IGNORECASE)


def _addresses(text: str) -> list[Finding]:
    if not any(c.isdigit() for c in text):
        return []
    out: list[Finding] = []
    for m in _NORDIC.finditer(text):
        street = m.group(1).split()[-1]
        flat = bool(m.group(3).strip())
        if _HIGHWAY.search(street) and not flat:
            continue
        out.append(Finding("address", m.start(), m.end(), m.group(0)))
    out += [Finding("address", m.start(), m.end(), m.group(0)) for m in _EN.finditer(text)]
    for m in _LOWER.finditer(text):
        cued = _ADDRESS_WORD.search(text[max(0, m.start() - 40):m.start()])
        if (m.group(3).strip() or cued) and not _HIGHWAY.search(m.group(1)):
            out.append(Finding("address", m.start(), m.end(), m.group(0)))
    kept: list[Finding] = []
    for f in out:
        before = _clause_before(text, f.start)
        residential = bool(re.search(r"\s[A-Ka-k]\s?\d|lgh|\dtr|\d\str|Flat|Apt|Apartment|Unit|/", f.text))
        public = _PUBLIC.search(before) or _SERVICE.search(text[f.end:f.end + 60])
        if not residential and public and not _HOME.search(_PUBLIC.sub(" ", before)):  # "Care Home" is no home
            continue  # "Keskustakirjasto Oodi, Töölönlahdenkatu 4", "…, Torikatu 1, on avoinna": public
        kept.append(f)
    return kept


# -- public API ----------------------------------------------------------------------------------------------
def _names_with_health(text: str) -> list[tuple[int, int, str]]:
    """The learned reader when its weights ship (``pii_model``), else the word-list rule alone."""
    from assistant.pii_model import model

    reader = model()
    return reader.find(text) if reader is not None else names_with_health(text)


def contact_details(text: str) -> list[Finding]:
    """E-mail addresses and phone numbers only, in order: what a contact field holds, without the name reader."""
    found = emails(text, personal=False)
    found += [p for p in _phones(text) if not any(p.start < e.end and e.start < p.end for e in found)]
    return sorted(found, key=lambda f: f.start)


def find(text: str) -> list[Finding]:
    """Every piece of personal data in ``text``, in order; overlaps go to the more specific kind."""
    if not text:
        return []
    found = _codes(text) + emails(text) + _phones(text) + _addresses(text) + [
        Finding("name_health", s, e, t) for s, e, t in _names_with_health(text)]
    found.sort(key=lambda f: (KINDS.index(f.kind), f.start))
    kept: list[Finding] = []
    for f in found:
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


_LANG = {"fi": 0, "sv": 1, "en": 2}


def kinds_label(kind: str, lang: str = "fi") -> str:
    """A kind as words for a message, in fi/sv/en."""
    return LABELS.get(kind, (kind, kind, kind))[_LANG.get(lang, 0)]


def mask(text: str, lang: str = "fi") -> str:
    """``text`` with every finding replaced by its kind in brackets, e.g. ``[henkilötunnus]``."""
    out, pos = [], 0
    for f in find(text):
        out += [text[pos:f.start], f"[{MASKS[f.kind][_LANG.get(lang, 0)]}]"]
        pos = f.end
    return "".join(out) + text[pos:]


def _values(record: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for field, value in record.items():
        if field in SKIP_FIELDS or value is None:
            continue
        items = value if isinstance(value, (list, tuple)) else [value]
        pairs += [(field, item) for item in items if isinstance(item, str)]
    return pairs


def draft_findings(record: dict[str, Any]) -> list[tuple[str, Finding]]:
    """(field, finding) for every text value of a record or draft (offsets are within that value)."""
    return [(field, f) for field, value in _values(record) for f in find(value)]


def blocking_findings(record: dict[str, Any]) -> list[tuple[str, Finding]]:
    """Findings that keep a record out of the shared bank (contact details in ``contact`` are allowed)."""
    return [(fld, f) for fld, f in draft_findings(record) if f.kind not in ALLOWED_IN.get(fld, frozenset())]


def mask_record(record: dict[str, Any], lang: str = "fi") -> dict[str, Any]:
    """A copy of ``record`` with personal data masked in every text value (for "mask it" on request)."""
    out: dict[str, Any] = {}
    for field, value in record.items():
        if field in SKIP_FIELDS:
            out[field] = value
        elif isinstance(value, str):
            out[field] = mask(value, lang)
        elif isinstance(value, list):
            out[field] = [mask(v, lang) if isinstance(v, str) else v for v in value]
        else:
            out[field] = value
    return out


class PersonalDataError(ValueError):
    """Publishing refused: ``field`` holds personal data of ``kind``; the message says so in ``lang``."""

    def __init__(self, field: str, kind: str, lang: str = "fi") -> None:
        from assistant.schema import FIELDS, label

        name = label(field, lang) if field in FIELDS else field
        what = kinds_label(kind, lang)
        text = {
            "fi": f"Kentässä ”{name}” on henkilötieto ({what}). Poista tai peitä se ennen julkaisua: "
                  "mallipankki on julkinen.",
            "sv": f"Fältet ”{name}” innehåller en personuppgift ({what}). Ta bort eller maskera den innan "
                  "publicering: modellbanken är offentlig.",
            "en": f"The field “{name}” contains personal data ({what}). Remove or mask it before publishing: "
                  "the model bank is public.",
        }
        super().__init__(text.get(lang, text["fi"]))
        self.field, self.kind = field, kind


def ensure_publishable(record: dict[str, Any], lang: str = "fi") -> None:
    """Raise ``PersonalDataError`` naming the first field that holds personal data; else return."""
    for field, f in blocking_findings(record):
        raise PersonalDataError(field, f.kind, lang)
