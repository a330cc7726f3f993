"""The personal-data guard, from its specification (not from the labelled eval set)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.pii import (
    PersonalDataError,
    draft_findings,
    ensure_publishable,
    find,
    kinds_label,
    mask,
    mask_record,
    valid_hetu,
    valid_personnummer,
)

ROOT = Path(__file__).resolve().parent.parent
CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu(ddmmyy: str, sign: str, nnn: str) -> str:
    """A henkilötunnus built from the published rule: DDMMYYNNN mod 31 indexes the check characters."""
    return f"{ddmmyy}{sign}{nnn}{CHARS[int(ddmmyy + nnn) % 31]}"


def luhn_digit(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return str((10 - total % 10) % 10)


def kinds(text: str) -> list[str]:
    return [f.kind for f in find(text)]


@pytest.mark.parametrize("sign,ddmmyy", [("+", "020385"), ("-", "170462"), ("Y", "170462"), ("X", "050590"),
                                         ("W", "281199"), ("V", "010150"), ("U", "311231"), ("A", "150612"),
                                         ("B", "290216"), ("C", "010120"), ("D", "311222"), ("E", "070707"),
                                         ("F", "121224")])
def test_henkilotunnus_every_century_sign(sign: str, ddmmyy: str) -> None:
    code = hetu(ddmmyy, sign, "347")
    assert valid_hetu(code)
    text = f"Asiakkaan tunnus on {code} ja hän soitti."
    found = find(text)
    assert [(f.kind, f.text) for f in found] == [("hetu", code)]
    assert text[found[0].start:found[0].end] == code


@pytest.mark.parametrize("bad", [
    hetu("170462", "-", "347")[:-1] + "Z",     # Z is not a check character
    hetu("170462", "Z", "347"),                # Z is not a century sign
    hetu("300262", "-", "347"),                # 30 February
    hetu("170462", "-", "001"),                # individual numbers 000 and 001 are not issued
    hetu("170462", "-", "347")[:-1] + CHARS[(CHARS.index(hetu("170462", "-", "347")[-1]) + 1) % 31],  # wrong check
])
def test_henkilotunnus_invalid_is_not_reported(bad: str) -> None:
    assert not valid_hetu(bad)
    assert kinds(f"Tunnus {bad} hylättiin.") == []


def test_a_henkilotunnus_with_a_wrong_check_character_is_no_phone_number() -> None:
    # our own example: a mistyped code with a digit for its check character; a phone number beside it still counts
    good = hetu("050691", "-", "912")  # starts like a mobile number (050)
    bad = good[:-1] + ("7" if good[-1] != "7" else "8")
    assert not valid_hetu(bad)
    assert kinds(f"Tunnus {bad} ei kelpaa järjestelmälle, tarkistatko?") == []
    assert kinds(f"Tunnus {bad} ei kelpaa, soita 040 765 4321") == ["phone"]


def test_a_code_typed_with_spaces_round_its_separator_or_after_its_name() -> None:
    assert [f.text for f in find("äidin tunnus on 010203 - 9046, lapun takana")] == ["010203 - 9046"]
    assert find("välit 010203 - 904A ja 2020 - 2021") == []  # a wrong check character: no code
    assert [f.kind for f in find("Personnummer 8112189876 finns i akten")] == ["personnummer"]
    assert [f.kind for f in find("ring 0701740612 i morgon")] == ["phone"]


def test_personnummer_forms_and_samordningsnummer() -> None:
    nine = "640823323"
    ten = f"640823-{nine[6:]}{luhn_digit(nine)}"
    samord = "701063" + "239"
    coordination = f"{samord[:6]}-{samord[6:]}{luhn_digit(samord)}"
    for code in (ten, ten.replace("-", "+"), "19" + ten, "19" + ten.replace("-", ""), coordination):
        assert valid_personnummer(code), code
        assert kinds(f"Personnummer {code} finns i ärendet.") == ["personnummer"], code
    wrong = ten[:-1] + str((int(ten[-1]) + 1) % 10)
    orgnr = "556036-0793"  # Luhn-valid, but month 60: a company
    assert kinds(f"Numret {wrong} är fel, {orgnr} är ett företag.") == []


@pytest.mark.parametrize("text,span", [
    ("Soita minulle, puh. 050 432 1987.", "050 432 1987"),
    ("Äidin numero 044-765 4321 on kalenterissa.", "044-765 4321"),
    ("Ring pappan på 073-555 12 34.", "073-555 12 34"),
    ("International: +372 5555 1234", "+372 5555 1234"),
    ("Phone 07911 123456 (UK mobile)", "07911 123456"),
])
def test_phone_numbers(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("phone", span)]


@pytest.mark.parametrize("text", [
    "Kriisiapua saa numerosta 020 655 0505 arkisin",  # a Finnish national service number (UAN)
    "Ring 020-91 91 91, det är gratis",  # a Swedish toll-free line
    "They can call 0800 234 567 any time, it is free",  # a UK freephone line
    "Maksuton neuvonta 0800 98765",
    "Laitteen sarjanumerot alkavat 0404-7781",  # a serial number that looks like a mobile
])
def test_service_lines_and_serial_numbers_are_nobodys_phone(text: str) -> None:
    assert [f for f in find(text) if f.kind == "phone"] == []


@pytest.mark.parametrize("text,span", [
    ("Ring mig på 070-123 45 67 efter fem", "070-123 45 67"),  # a Swedish mobile, though a Finnish 0700 line
    ("Call her son on 020 7946 0321 after work", "020 7946 0321"),  # a London landline in an English text
])
def test_a_personal_number_that_shares_a_service_prefix_is_still_found(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("phone", span)]


@pytest.mark.parametrize("text", [
    "Hanke kesti vuodet 2019–2023 ja maksoi 250 000 euroa.",
    "Tapaaminen on 14.2.2025 klo 12.30–14.00.",
    "Sosiaalihuoltolaki 1301/2014 ja laki 417/2007 ohjaavat työtä.",
    "Y-tunnus 2649375-5 ja diaarinumero VN/1234/2024.",
    "Postiosoite 90100 Oulu; ISBN 978-952-343-123-4.",
    "Lapsia oli 1 245 ja nuoria 3 480 vuonna 2022.",
])
def test_dates_years_money_and_law_numbers_are_not_personal(text: str) -> None:
    assert find(text) == []


def test_email_addresses() -> None:
    text = "Kirjoita osoitteeseen tiina.koskinen@example.fi tai <o.berg+hanke@mail.example.se>."
    assert [f.text for f in find(text)] == ["tiina.koskinen@example.fi", "o.berg+hanke@mail.example.se"]
    assert find("Kaikki osoitteet päättyvät @example.fi.") == []


@pytest.mark.parametrize("text,span", [
    ("Lähetä kutsu osoitteeseen maija.k(a)example.fi, kiitos", "maija.k(a)example.fi"),
    ("Skicka kallelsen till lena.berg snabel-a example.se, hon öppnar inte brev", "lena.berg snabel-a example.se"),
    ("or her partner's address tom dot nair at example dot com if it bounces", "tom dot nair at example dot com"),
    ("please email sam at example.com instead", "sam at example.com"),
])
def test_email_addresses_written_to_hide_them(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("email", span)]


@pytest.mark.parametrize("text", [
    "Have a look at nhs.uk before the meeting",
    "We meet at 10.30 at cafe.se",
    "Send referrals to the MASH inbox, safeguarding.referrals[at]example.gov.uk, never to a worker",
    "Yhteydenotot kirjaamo@example.fi kautta",
    "Laskut osoitteeseen laskutus@example.fi, ei kenellekään henkilökohtaisesti",
    "Please send every invoice to invoices@example.co.uk",
])
def test_look_alikes_and_shared_mailboxes_are_not_personal_addresses(text: str) -> None:
    assert find(text) == []


def test_uk_landlines_and_company_numbers() -> None:
    text = "Dad: 0161 496 0752. Nan: 020 7946 0915 – nan's the one to ring if the kids are off school"
    assert [f.text for f in find(text)] == ["0161 496 0752", "020 7946 0915"]
    assert find("Registered charity no. 1098765, company no. 04512378") == []


@pytest.mark.parametrize("text,span", [
    ("Perhe asuu osoitteessa Vaahteratie 7 B 14, Kuopio.", "Vaahteratie 7 B 14"),
    ("Kotikäynti: Itäinen Pitkäkatu 31 c 5.", "Itäinen Pitkäkatu 31 c 5"),
    ("Hon bor på Lindvägen 9, lgh 1203.", "Lindvägen 9, lgh 1203"),
    ("He moved to Flat 4, 22 Mill Lane last spring.", "Flat 4, 22 Mill Lane"),
])
def test_home_addresses(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("address", span)]


@pytest.mark.parametrize("text", [
    "Kaupunginkirjasto, Kirkkokatu 15, järjestää illan.",
    "Nuorten palvelupiste on avoinna arkisin, Torikatu 3.",
    "Valtatie 4 ja kantatie 51 ruuhkautuvat.",
    "Toimipiste sijaitsee postinumeroalueella 00100 Helsinki.",
])
def test_public_places_and_road_numbers_are_not_home_addresses(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize("text,span", [
    ("Kaisa Laaksosella on diagnosoitu kaksisuuntainen mielialahäiriö.", "Kaisa Laaksosella"),
    ("Nils Ekström har varit placerad enligt LVU sedan i fjol.", "Nils Ekström"),
    ("Mary Jones was diagnosed with dementia last year.", "Mary Jones"),
    ("Asiakkaamme Reino Salminen, 78, on muistisairas.", "Reino Salminen"),
])
def test_name_with_health_or_social_detail(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("name_health", span)]


@pytest.mark.parametrize("text", [
    "Sauli Niinistö avasi seminaarin ja kiitti järjestäjiä.",   # a name, no health detail
    "Alzheimerin tautia sairastavien omaisille on vertaisryhmä.",  # an eponym, no person
    "Päihdetyöntekijä Anna ohjaa ryhmää torstaisin.",            # the condition word names a job
    "Masennusta sairastavat nuoret hyötyvät ryhmästä.",          # a group, no name
])
def test_names_or_conditions_alone_are_not_reported(text: str) -> None:
    assert find(text) == []


def test_a_swedish_word_is_not_read_as_a_finnish_case_form_of_a_first_name() -> None:
    # "helgen" (the weekend) would be Helge's genitive only in Finnish; "liisan" in Finnish is Liisa's
    assert [f.text for f in find("Sten Holmberg fick en stroke i helgen och behöver logoped")] == ["Sten Holmberg"]
    assert [f.text for f in find("liisan diabetes on taas huonossa hoitotasapainossa")] == ["liisan"]


def test_mask_and_labels() -> None:
    code = hetu("131052", "-", "308")
    text = f"Matti Virtanen ({code}) sairastaa diabetesta, puh. 040 123 4567, matti.v@example.fi"
    assert mask(text) == "[nimi] ([henkilötunnus]) sairastaa diabetesta, puh. [puhelin], [sähköposti]"
    assert mask(text, "en") == "[name] ([identity code]) sairastaa diabetesta, puh. [phone], [e-mail]"
    assert kinds_label("hetu", "sv") == "finsk personbeteckning"
    assert kinds_label("address", "en") == "home address"


def test_draft_findings_and_publishing_refused_with_the_field_named() -> None:
    code = hetu("131052", "-", "308")
    record = {"id": "x", "name": "Malli", "problem": f"asiakas {code} soitti", "target_groups": ["nuoret"],
              "contact": "Oulun kaupunki, ohjaaja@example.fi, 040 765 4321"}
    found = draft_findings(record)
    assert [(fld, f.kind) for fld, f in found] == [("problem", "hetu"), ("contact", "email"), ("contact", "phone")]
    with pytest.raises(PersonalDataError) as info:
        ensure_publishable(record, "fi")
    assert (info.value.field, info.value.kind) == ("problem", "hetu")
    assert "Kehitystyön lähtökohtana olevat tarpeet" in str(info.value) and "henkilötunnus" in str(info.value)
    with pytest.raises(PersonalDataError, match="personal data"):
        ensure_publishable(record, "en")
    masked = mask_record(record)
    assert masked["problem"] == "asiakas [henkilötunnus] soitti"
    ensure_publishable({**record, "problem": masked["problem"]})  # contact details in `contact` are allowed


def test_seed_bank_has_no_personal_data() -> None:
    """Real model descriptions (64, fi/sv/en) give no findings: the guard does not block normal text."""
    files = sorted((ROOT / "knowledge" / "models").glob("*.yaml"))
    assert len(files) >= 60
    found = [(f.name, fld, x.text) for f in files for fld, x in draft_findings(yaml.safe_load(f.read_text("utf-8")))]
    assert found == []


def test_the_banks_views_have_no_personal_data() -> None:
    """The records told in the other languages (128) give no findings either."""
    files = sorted((ROOT / "knowledge" / "views").glob("*/*.yaml"))
    assert len(files) >= 120
    found = [(f"{f.parent.name}/{f.name}", fld, x.text) for f in files
             for fld, x in draft_findings(yaml.safe_load(f.read_text("utf-8")))]
    assert found == []


# -- as people type in chat (lowercase, everyday words, names around the detail) ------------------------------
@pytest.mark.parametrize("text,kind,span", [
    ("uus osoite on kalliotie 7 as 3 lahdessa", "address", "kalliotie 7 as 3"),
    ("Asun nyt Koivukuja 12 as. 4, tule käymään", "address", "Koivukuja 12 as. 4"),
    ("maija korhonen on taas katkolla", "name_health", "maija korhonen"),
    ("muistatteko kun sanna m. kertoi retkahtaneensa?", "name_health", "sanna m"),
    ("Korhosen Mikko joi taas koko viikon", "name_health", "Korhosen Mikko"),
    ("Hon har placerats enligt LVU. Det gäller Ebba Lind, 14 år.", "name_health", "Ebba Lind"),
    ("Call Kevin on 07700 900 123 if he relapses again.", "phone", "07700 900 123"),
    ("her number is +44 (0)7700 900456.", "phone", "+44 (0)7700 900456"),
    ("text me at 415-555-0134 tonight", "phone", "415-555-0134"),
])
def test_chat_typing_is_found(text: str, kind: str, span: str) -> None:
    found = [(f.kind, f.text) for f in find(text)]
    assert (kind, span) in found, found


@pytest.mark.parametrize("text", [
    "Sosiaaliohjaaja Pekka Virtanen vetää päihdekuntoutujien ryhmää.",   # staff, named with a title
    "Kuratorn Johan Berg leder gruppen för unga med ångest.",
    "Tilausnumero 040123456 lähti eilen.",                                 # an order number, not a phone
    "Rädda Barnen stöder barn. Många barn har ångest.",                   # an organisation beside a detail
])
def test_chat_typing_look_alikes_are_not_flagged(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize("text", [
    "Vasa stads växel, 06 123 4567, kopplar vidare till socialjouren.",      # an organisation's own line
    "Lomakepohja: Nimi / puh. 040 000 0000 / lisätiedot",                    # a form's placeholder
    "asiakasnumeromme on 044 123 4567 toimittajalla",                        # a customer number
    "Minna Canthin katu 12:ssa toimii mielenterveyskuntoutujien klubitalo.",  # a street named after a person
    "Signe ja Ane Gyllenbergin säätiö rahoittaa masennustutkimusta.",         # a foundation
])
def test_organisations_and_placeholders_are_not_personal(text: str) -> None:
    assert find(text) == []


def test_an_invoice_number_is_not_a_phone_but_a_number_to_call_is() -> None:
    assert find("Laskut 2024-11 ja 2024-12 on maksettu, mutta 050 112 378 on vielä auki.") == []
    assert kinds("Lasku tuli perille, soita Matille 040 123 4567 jos on kysyttävää.") == ["phone"]


def test_a_detail_about_a_group_the_person_speaks_of_is_not_theirs() -> None:
    assert find("Pirjo Kärkkäinen kertoi, että yhä useampi asiakkaista on menettänyt asuntonsa velkojen takia.") == []
    # a detail whose first word is short ("DV situation", "A&E") is still found
    assert kinds("Heads up re Ayaan Farah: there's a DV situation at home.") == ["name_health"]


def test_a_number_labelled_as_a_number_of_something_else_is_not_a_phone() -> None:
    assert find("Ärendenummer 070-123 45 67 gäller den trasiga rollatorn.") == []
    assert find("Takuunumero 040 555 0123 löytyy kuitista.") == []
    assert [f.kind for f in find("Työnumero 040 555 0123, soita arkisin.")] == ["phone"]


def test_a_phone_number_written_out_in_words_is_found() -> None:
    """Notes of a call: the number as it was said, in each language (seventeenth round)."""
    from assistant.pii import find

    for text, said in (
        ("Äiti antoi numeronsa: nolla neljä nolla, yks kaks kolme, neljä viis kuus seittemän.",
         "nolla neljä nolla, yks kaks kolme, neljä viis kuus seittemän"),
        ("Ring henne på noll sju tre, fyra fem sex, sju åtta nio noll.", "noll sju tre, fyra fem sex, sju åtta nio noll"),
        ("her mobile is oh seven nine double one, two three four, five six seven",
         "oh seven nine double one, two three four, five six seven"),
    ):
        assert [(f.kind, f.text) for f in find(text)] == [("phone", said)]


def test_a_few_number_words_are_not_a_phone_number() -> None:
    from assistant.pii import find

    assert find("Ryhmässä on nolla, yksi tai kaksi ohjaajaa ja kolme neljä vapaaehtoista.") == []


def test_a_service_units_mailbox_is_not_personal_data() -> None:
    from assistant.pii import find

    assert find("Perhesosiaalityön tiimin osoite on perhesosiaalityo@example.fi, vastaamme arkisin.") == []
    assert [f.kind for f in find("Kirjoita suoraan minulle: maija.virtanen@example.fi")] == ["email"]


def test_a_uk_number_with_the_trunk_zero_in_brackets() -> None:
    from assistant.pii import find

    assert [(f.kind, f.text) for f in find("Call his daughter on +44 (0)7700-900-123 after six.")] == \
        [("phone", "+44 (0)7700-900-123")]


def test_a_finnish_name_with_consonant_gradation_is_a_first_name() -> None:
    """"Jukalta" is Jukka's, "Antille" Antti's (twenty-ninth round); common words stay words."""
    from assistant.pii_names import _first_name

    assert [_first_name(w) for w in ("Jukalta", "Matille", "Antille", "Heikiltä", "Maj-Britt")] == [True] * 5
    assert [_first_name(w) for w in ("Katu", "Opetus", "Hetki", "Apua")] == [False] * 4


def test_a_shouted_note_names_the_person_and_not_the_next_word() -> None:
    from assistant.pii import find

    assert [(f.kind, f.text) for f in find("ERIK ÄR INLAGD PÅ AKUTPSYK IGEN, RING INTE HONOM")] == \
        [("name_health", "ERIK")]
    assert [(f.kind, f.text) for f in find("JUKALTA LOPPU EPILEPSIALÄÄKKEET TAAS, APTEEKKI EI ANNA ENNEN MAANANTAITA")] \
        == [("name_health", "JUKALTA")]


def test_a_doctor_a_pet_and_a_care_home_are_not_a_clients_personal_data() -> None:
    from assistant.pii import find

    assert find("Doktor Lindberg konstaterade att patienten har diabetes typ 2 och remitterade till dietist") == []
    assert find("Kissa Onni oli eläinlääkärissä hammastulehduksen takia, siks lähdin aikasemmin") == []
    assert find("Helmi on lastenkodin uusi terapiakoira, masentuneet nuoret rakastaa sitä") == []
    assert [f.text for f in find("Helmi on koiran kanssa lenkillä, mutta masennus on pahentunut")] == ["Helmi"]
    assert find("Orchard Close Care Home, 2 Orchard Close, has 40 beds and a respite room") == []
    assert [(f.kind, f.text) for f in find("Mother lives at 2 Orchard Close, she has dementia")] == \
        [("address", "2 Orchard Close")]
