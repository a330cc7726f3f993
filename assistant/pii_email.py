"""E-mail addresses in free text, also written so that a robot would not read them; a shared or a service unit's
mailbox is nobody's own (kept apart from ``pii`` so each reader stays short)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.pii import Finding

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@])")
# An address written so that a robot would not read it: "maija(a)example.fi", "lena.berg snabel-a example.se",
# "tom dot nair at example dot com". A bare " at " counts only with a dot or digit in the name part or a
# mail word before it ("email sam at example.com"; not "look at nhs.uk").
_DOT = r"(?:\.|\s(?:dot|piste|punkt)\s|\s?[\[(](?:dot|piste|punkt)[\])]\s?)"
_HIDDEN_EMAIL = re.compile(
    rf"(?<![\w.%+-])([\w%+-]+(?:{_DOT}[\w%+-]+)*)"
    r"(\s?(?:\(a\)|\[a\]|\(at\)|\[at\]|\{at\}|\(ät\)|\(kissanhäntä\)|\(miukumauku\))\s?|"
    r"\s(?:snabel-a|at|ät|kissanhäntä|miukumauku)\s)"
    rf"([\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?:fi|se|ax|com|org|net|eu|uk|no|dk|de|ee|nu|io|info))(?![\w@])",
    re.IGNORECASE)
# A shared mailbox is nobody's own address ("kirjaamo@…", "safeguarding.referrals[at]…", "the MASH inbox").
_FUNCTIONAL = re.compile(r"^(?:\w+[._-])?(?:info|kirjaamo|registrator|registratur|registry|office|toimisto|"
                         r"asiakaspalvelu|neuvonta|palaute|feedback|support|tuki|contact|kontakt|kansli|admin|"
                         r"helpdesk|no-?reply|referrals?|lahete|inbox|postmaster|webmaster|rekry|vaihde|vaxel|"
                         r"reception|enquiries|kundtjanst|asiointi|yhteys|"
                         r"faktura|lasku|laskutus|invoices?|billing)(?:[._-]\w+)?$", re.IGNORECASE)
# a service unit's mailbox, named by what it does ("aikuissosiaalityo@", "socialtjanst@", "familjeradgivning@")
_UNIT = re.compile(r"^[a-z]*(?:sosiaali|social|tjanst|tjänst|palvelu|service|neuvola|radgivning|rådgivning|tiimi|"
                   r"yksikko|yksikkö|enhet|byra|byrå)[a-z]*$", re.IGNORECASE)
_INBOX = re.compile(r"\b(?:inbox|shared mailbox|postilaatikko|funktionsbrevlåda|gemensamma? (?:e-post|mejl))",
                    re.IGNORECASE)
_MAIL_WORD = re.compile(r"(?:e-?mail|mail|posti|osoit|adress|address|e-post|mejl|skicka|send|write|kirjoita|"
                        r"laita|lähetä|viesti|message)\w*\W{0,3}(?:\w+\W{1,3}){0,3}$", re.IGNORECASE)


def emails(text: str, personal: bool = True) -> list[Finding]:
    """E-mail addresses; ``personal``: only a person's (a service unit's or a team's mailbox is nobody's own,
    though it is what a contact field may hold)."""
    from assistant.pii import Finding

    out = [Finding("email", m.start(), m.end(), m.group(0)) for m in _EMAIL.finditer(text)
           if not _FUNCTIONAL.match(m.group(0).split("@")[0]) and not (personal and (
               _UNIT.search(m.group(0).split("@")[0]) or _INBOX.search(text[max(0, m.start() - 60):m.start()])))
           ] if "@" in text else []
    for m in _HIDDEN_EMAIL.finditer(text):
        if _FUNCTIONAL.match(re.sub(r"\s(?:dot|piste|punkt)\s", ".", m.group(1))) \
                or _INBOX.search(text[max(0, m.start() - 60):m.start()]):
            continue
        plain_at = m.group(2).strip().lower() == "at"
        local = m.group(1)
        if plain_at and (not re.match(r"[^\W\d_]", local)  # "10.30 at cafe.se"
                         or not re.search(r"[._\d]|\sdot\s", local) and not _MAIL_WORD.search(text[:m.start()])):
            continue
        if not any(f.start < m.end() and m.start() < f.end for f in out):
            out.append(Finding("email", m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda f: f.start)
