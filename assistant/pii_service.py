"""Free, national and premium service numbers (FI 020/0800, SE 020, UK 0800/0808): an organisation's line, never a
private person's phone. Read by the numbering plans the ``phonenumbers`` library keeps, not by a hand-written
prefix list."""

from __future__ import annotations

import phonenumbers

_SERVICE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                            phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN})


_REGIONS = {"fi": ("FI", "SE", "GB"), "sv": ("FI", "SE", "GB"), "en": ("GB", "FI", "SE")}


def service_number(raw: str, lang: str) -> bool:
    """A toll-free, premium, shared-cost or national service number (FI 020/0800, SE 020, UK 0800/0808), by the
    numbering plans ``phonenumbers`` keeps: an organisation's line, never a private person's phone. Read in the
    first country (by the text's language) where it is a valid number; a mobile anywhere is a person's
    ("070-123 45 67" is a Swedish mobile, though a Finnish 0700 line)."""
    if not raw.lstrip().startswith(("0", "+")):
        return False
    types = []
    for region in _REGIONS.get(lang, _REGIONS["fi"]):
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            types.append(phonenumbers.number_type(number))
    mobile = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    return bool(types) and types[0] in _SERVICE_TYPES and not any(t in mobile for t in types)
