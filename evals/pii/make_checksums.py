"""Compute and check the identity codes used in evals/pii/cases.yaml.

The YAML does not depend on this script: every code in it is written out literally. The script exists so
that a reviewer can see how the codes were made and re-check them.

    python evals/pii/make_checksums.py                 # print a catalogue of valid and broken codes
    python evals/pii/make_checksums.py --check FILE     # verify cases.yaml (counts, splits, spans, checksums)

Finnish henkilötunnus: DDMMYY, century sign, 3-digit individual number, check character. The check
character is int(DDMMYYNNN) mod 31 indexed into HETU_CHARS. Individual numbers 900-999 are the range for
temporary/test codes, so the catalogue uses them. Century signs: '+' 1800s; '-', Y, X, W, V, U 1900s;
A, B, C, D, E, F 2000s (Y..U and B..F were added in 2023).

Swedish personnummer: YYMMDD-NNNC (or '+' when 100 or older), YYYYMMDDNNNC, YYYYMMDD-NNNC. C is the Luhn
digit over the 9 digits YYMMDDNNN. Samordningsnummer: the day + 60. Organisationsnummer pass Luhn too but
their month is 20 or more, so they are not personal identity codes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
           "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}

HETU_SHAPE = re.compile(r"(?<![0-9A-Za-z])(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Z])(?![0-9A-Za-z])")
PNR_SHAPE = re.compile(r"(?<![0-9])((?:18|19|20)?\d{6})([-+]?)(\d{4})(?![0-9])")
EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# an address written so that a robot would not read it: "maija(a)example.fi", "lena snabel-a example.se"
HIDDEN_EMAIL_SHAPE = re.compile(
    r"[A-Za-z0-9._%+-]+(?: (?:dot|piste|punkt) [A-Za-z0-9-]+)*\s*(?:\(a\)|\[at\]|\(at\)| at | snabel-a )\s*"
    r"[A-Za-z0-9-]+(?:(?:\.| dot | piste | punkt )[A-Za-z0-9-]+)*(?:\.| dot | piste | punkt )[A-Za-z]{2,}",
    re.IGNORECASE)


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def hetu_check(ddmmyy: str, nnn: str) -> str:
    return HETU_CHARS[int(ddmmyy + nnn) % 31]


def hetu(ddmmyy: str, sign: str, nnn: str) -> str:
    """A valid henkilötunnus for the given date, century sign and individual number."""
    code = f"{ddmmyy}{sign}{nnn}{hetu_check(ddmmyy, nnn)}"
    assert hetu_ok(code), code
    return code


def hetu_ok(code: str) -> bool:
    m = HETU_SHAPE.fullmatch(code)
    if not m:
        return False
    ddmmyy, sign, nnn, check = m.groups()
    if sign not in CENTURY or int(nnn) < 2:
        return False
    year = CENTURY[sign] + int(ddmmyy[4:])
    if not _date_ok(year, int(ddmmyy[2:4]), int(ddmmyy[:2])):
        return False
    return hetu_check(ddmmyy, nnn) == check


def luhn_digit(digits9: str) -> str:
    total = 0
    for i, ch in enumerate(digits9):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    return str((10 - total % 10) % 10)


def pnr(yymmdd: str, nnn: str, sep: str = "-", century: str = "") -> str:
    """A valid personnummer: pnr('121212', '121') == '121212-1212'; century='19' gives 12 digits."""
    code = f"{century}{yymmdd}{sep}{nnn}{luhn_digit(yymmdd + nnn)}"
    assert pnr_ok(code), code
    return code


def pnr_ok(code: str) -> bool:
    """Luhn digit right and the date (day - 60 for samordningsnummer) a real date."""
    m = PNR_SHAPE.fullmatch(code)
    if not m:
        return False
    date, _sep, rest = m.groups()
    if len(date) not in (6, 8):
        return False
    yymmdd = date[-6:]
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:  # samordningsnummer
        day -= 60
    years = [int(date[:4])] if len(date) == 8 else [1900 + int(yymmdd[:2]), 2000 + int(yymmdd[:2])]
    if not any(_date_ok(year, month, day) for year in years):
        return False
    return luhn_digit(yymmdd + rest[:3]) == rest[3]


def orgnr(nine: str) -> str:
    """A Swedish organisationsnummer (Luhn-valid, month digit >= 2)."""
    return f"{nine[:6]}-{nine[6:]}{luhn_digit(nine)}"


def ytunnus(seven: str) -> str:
    """A Finnish business id (Y-tunnus), weights 7 9 10 5 8 4 2, mod 11."""
    r = sum(int(d) * w for d, w in zip(seven, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    assert r != 1, "remainder 1 is never issued"
    return f"{seven}-{0 if r == 0 else 11 - r}"


def broken_hetu(code: str) -> str:
    """The same code with a wrong check character."""
    right = code[-1]
    wrong = HETU_CHARS[(HETU_CHARS.index(right) + 7) % 31]
    return code[:-1] + wrong


def broken_pnr(code: str) -> str:
    right = int(code[-1])
    return code[:-1] + str((right + 3) % 10)


def catalogue() -> None:
    print("# valid henkilötunnus, one per century sign (individual numbers 900-999)")
    dates = {"+": "150389", "-": "010178", "Y": "230595", "X": "111256", "W": "300699", "V": "070744",
             "U": "290280", "A": "050505", "B": "181216", "C": "290220", "D": "010123", "E": "310724",
             "F": "141109"}
    for sign, ddmmyy in dates.items():
        for nnn in ("902", "915", "937", "958", "981"):
            code = hetu(ddmmyy, sign, nnn)
            print(f"{sign}  {code}   broken: {broken_hetu(code)}")
    print("131052-308T ok:", hetu_ok("131052-308T"))
    print("\n# valid personnummer")
    for yymmdd, nnn in (("121212", "121"), ("811218", "987"), ("640823", "323"), ("900615", "982"),
                        ("021130", "984"), ("150101", "986"), ("470302", "981"), ("750924", "989"),
                        ("881003", "983"), ("990228", "985"), ("100410", "992"), ("670713", "994")):
        code = pnr(yymmdd, nnn)
        print(f"{code}  {pnr(yymmdd, nnn, '', '19' if yymmdd > '25' else '20')}  broken: {broken_pnr(code)}")
    print("\n# personnummer with + (100 or older)")
    for yymmdd, nnn in (("190412", "982"), ("220901", "996")):
        print(pnr(yymmdd, nnn, "+"))
    print("\n# samordningsnummer (day + 60)")
    for yymmdd, nnn in (("701063", "239"), ("850574", "983"), ("930281", "997"), ("010788", "991")):
        code = pnr(yymmdd, nnn)
        print(code, pnr(yymmdd, nnn, "", "19" if yymmdd > "25" else "20"), "broken:", broken_pnr(code))
    print("\n# organisationsnummer (not personal)")
    for nine in ("556036079", "202100548", "212000014", "802481188"):
        print(orgnr(nine))
    print("\n# Y-tunnus (not personal)")
    for seven in ("0245437", "1234567", "2649375", "0201256"):
        try:
            print(ytunnus(seven))
        except AssertionError:
            pass


def check(path: Path) -> int:
    import yaml

    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    seen: set[str] = set()
    kinds_all = {"hetu", "personnummer", "phone", "email", "address", "name_health"}
    pos = neg = 0
    # batches 4 to 10 (ids from 501, 701, 761, 821, 881, 941, 1001) count every third entry from their own first one
    batch_start = 0
    starts = [501, 701, 761, 821, 881, 941, 1001]
    for i, case in enumerate(cases, start=1):
        cid = case.get("id", f"#{i}")
        number = int(cid.split("-")[-1]) if cid.split("-")[-1].isdigit() else 0
        if starts and number >= starts[0]:
            while starts and number >= starts[0]:
                starts.pop(0)
            batch_start = i - 1
        want_split = "heldout" if (i - batch_start) % 3 == 0 else "dev"
        if case.get("split") != want_split:
            problems.append(f"{cid}: split should be {want_split}")
        if cid in seen:
            problems.append(f"{cid}: duplicate id")
        seen.add(cid)
        if case.get("lang") not in ("fi", "sv", "en"):
            problems.append(f"{cid}: lang")
        text = case.get("text", "")
        kinds = case.get("kinds")
        if not isinstance(text, str) or not text or not isinstance(kinds, list):
            problems.append(f"{cid}: text/kinds missing")
            continue
        if kinds:
            pos += 1
            if set(kinds) - kinds_all or len(set(kinds)) != len(kinds):
                problems.append(f"{cid}: bad kinds {kinds}")
            spans = case.get("spans") or []
            if not spans:
                problems.append(f"{cid}: no spans")
            for span in spans:
                if span not in text:
                    problems.append(f"{cid}: span not in text: {span!r}")
                # a code typed with spaces or in lower case ("260391 - 967V", "120701a953c") is checked as written
                # without them
                span = re.sub(r"\s+", "", span).upper() if re.fullmatch(r"[\d\sA-Za-z+-]+", span) else span
                is_hetu, is_pnr = hetu_ok(span), pnr_ok(span)
                if is_hetu and is_pnr:
                    problems.append(f"{cid}: {span} is valid both as hetu and as personnummer")
                looks_like_code = HETU_SHAPE.fullmatch(span) or PNR_SHAPE.fullmatch(span)
                if looks_like_code and not (is_hetu or is_pnr or span.isdigit() and "phone" in kinds):
                    problems.append(f"{cid}: {span} looks like an identity code but is not a valid one")
                if is_hetu and "hetu" not in kinds or is_pnr and "personnummer" not in kinds:
                    problems.append(f"{cid}: {span} is an identity code of a kind not listed")
            codes = [re.sub(r"\s+", "", s).upper() for s in spans]
            if "hetu" in kinds and not any(hetu_ok(s) for s in codes):
                problems.append(f"{cid}: kind hetu without a valid hetu span")
            if "personnummer" in kinds and not any(pnr_ok(s) for s in codes):
                problems.append(f"{cid}: kind personnummer without a valid personnummer span")
            has_mail = any(EMAIL_SHAPE.fullmatch(s) or HIDDEN_EMAIL_SHAPE.fullmatch(s) for s in spans)
            if ("email" in kinds) != has_mail:
                problems.append(f"{cid}: email kind and spans disagree")
        else:
            neg += 1
            if not case.get("note"):
                problems.append(f"{cid}: negative without note")
            if case.get("spans"):
                problems.append(f"{cid}: negative with spans")
            for m in HETU_SHAPE.finditer(text):
                if hetu_ok(m.group(0)):
                    problems.append(f"{cid}: negative contains a valid hetu {m.group(0)}")
            for m in PNR_SHAPE.finditer(text):
                if pnr_ok(m.group(0)):
                    problems.append(f"{cid}: negative contains a valid personnummer {m.group(0)}")
            for m in EMAIL_SHAPE.finditer(text):  # an organisation's shared mailbox is no person's address
                if "functional" not in str(case.get("note", "")).lower():
                    problems.append(f"{cid}: negative contains an e-mail address {m.group(0)}")
    print(f"{len(cases)} cases: {pos} positive, {neg} negative, "
          f"{sum(1 for c in cases if c.get('split') == 'heldout')} heldout")
    if pos < 130 or neg < 130:
        problems.append("fewer than 130 positives or negatives")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", type=Path, help="verify a cases.yaml")
    args = ap.parse_args()
    if args.check:
        return check(args.check)
    catalogue()
    return 0


if __name__ == "__main__":
    sys.exit(main())
