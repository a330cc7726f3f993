"""The learned reader of names next to health details (``pii_model``), with the shipped weights."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import pii_model
from assistant.pii import find
from assistant.pii_model import NAME_FEATURES, candidates


def _feature(cand: pii_model.Candidate, name: str) -> float:
    return cand.features[NAME_FEATURES.index(name)]


def test_every_name_like_word_is_a_candidate_with_its_sentence() -> None:
    text = "Ryhmä alkoi syksyllä. Abdirahman Warsame ei pääse enää sängystä ylös."
    cands = candidates(text, frozenset({"ryhmä"}))
    assert [text[c.start:c.end] for c in cands] == ["Abdirahman Warsame"]
    assert cands[0].sentence == "Abdirahman Warsame ei pääse enää sängystä ylös."
    assert _feature(cands[0], "multi") == 1.0


def test_staff_with_a_title_and_names_the_bank_uses_are_never_candidates() -> None:
    text = "Sairaanhoitaja Pekka Virtanen kertoi, että Kelan tuki loppui."
    assert candidates(text, frozenset({"sairaanhoitaja"}), frozenset({"kela"})) == []


@pytest.mark.parametrize("text,word", [
    ("moi! ninni soitti et on taas psykiatrisella osastolla", "ninni"),
    ("kävin eilen liisan kanssa sossussa hakemassa maksusitoumusta", "liisan"),
    ("kev's on a suspended sentence and probation think he's using again", "kev's"),
])
def test_a_first_name_typed_in_lowercase_is_a_candidate(text: str, word: str) -> None:
    assert word in [text[c.start:c.end] for c in candidates(text, frozenset({"soitti", "kanssa"}))]


def test_a_lowercase_word_that_is_mostly_a_word_is_not_a_candidate() -> None:
    text = "onni oli matkassa ja toivo heräsi, kun asunto löytyi"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == []
    text = "hans fru orkar inte, och de tomma flaskorna står kvar; veli sai lainaa"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == []


def test_a_surname_after_a_title_typed_in_lowercase_is_a_candidate() -> None:
    text = "mrs evans on ward 6 has c diff; Kickan har fått ett skov av sin MS och är inlagd"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["evans", "Kickan"]


def test_a_common_word_after_a_title_is_not_a_surname() -> None:
    """Twenty-sixth round: "rouva itse" (the lady herself) was read as a surname typed in lowercase."""
    text = "Rouva Laine kaatui viime viikolla ja rouva itse pelkää nyt liikkua ulkona"
    assert [text[c.start:c.end] for c in candidates(text, frozenset({"itse"}))] == ["Rouva Laine"]


def test_a_benefit_named_in_capitals_is_not_a_name() -> None:
    """Twenty-sixth round: the "Credit" of "Universal Credit" was a name candidate of its own."""
    text = "Ms Obi lost her job after the surgery and her Universal Credit claim was stopped"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["Ms Obi"]


def test_an_illness_word_or_a_place_in_the_illative_is_not_a_name() -> None:
    text = "Rintasyövän takia sairauslomalla oleva Hilkka haluaisi tulla mukaan vertaistukiryhmään"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["Hilkka"]
    cands = candidates("Toivo pääsi päihdekuntoutukseen, mutta jono Järvenpäähän oli puoli vuotta", frozenset())
    assert [_feature(c, "place") for c in cands] == [0.0, 1.0]


def test_an_example_mail_domain_does_not_make_the_text_fiction() -> None:
    text = "Sirkka-Liisan haava on tulehtunut – tytär toivoo tietoa osoitteeseen anu.rautio@example.fi"
    assert _feature(candidates(text, frozenset())[0], "fiction") == 0.0


def test_a_common_word_opening_a_run_is_not_part_of_the_name() -> None:
    cands = candidates("Asiakkaamme Reino Salminen on muistisairas.", frozenset({"asiakkaat"}))
    assert [(c.start, c.end) for c in cands] == [(12, 26)]


@pytest.mark.parametrize("text,name", [
    ("Äitini Helena Ruotsalainen on dementoitunut.", "Helena Ruotsalainen"),
    ("Naapurimme Raili Ek kaatui ja lonkka murtui.", "Raili Ek"),
    ("Grannen Birgitta Ek är gravid.", "Birgitta Ek"),
])
def test_a_kin_word_opening_a_run_is_not_part_of_the_name(text: str, name: str) -> None:
    """A kin or neighbour word before a name says who the person is to the writer; it is not the name."""
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == [name]


@pytest.mark.parametrize("text,span", [
    ("Mehmet Yilmazilla todettiin keväällä vakava masennus.", "Mehmet Yilmazilla"),
    ("Sofia Lindholm har slutat äta och väger nu 40 kilo.", "Sofia Lindholm"),
    ("Grace Okafor was admitted to the psychiatric ward again on Friday.", "Grace Okafor"),
])
def test_a_name_with_a_health_detail_is_found(text: str, span: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [("name_health", span)]


@pytest.mark.parametrize("text", [
    "Ryhmää vetää Leena tiistaisin kirjaston alakerrassa.",
    "Yhdellä asiakkaistamme on diabetes, ja monella osallistujalla on masennusta.",
    "Projektipäällikkö Anna Korhonen esitteli tulokset hallitukselle.",
])
def test_names_without_a_detail_or_details_without_a_name_are_not_found(text: str) -> None:
    assert find(text) == []


def test_without_weights_the_word_list_rule_decides(tmp_path: Path) -> None:
    assert pii_model.model(tmp_path / "missing.json") is None


@pytest.mark.parametrize("text", ["hän muutti sinne suoraan turvakodista", "han har haft abstinens sedan i lördags",
                                  "she's two months in rent arrears", "Onni joutui yliannostuksen takia teholle"])
def test_more_conditions_and_circumstances_are_health_or_social_details(text: str) -> None:
    from assistant.pii_names import _HEALTH

    assert _HEALTH.search(text) is not None


def test_a_name_joined_to_an_ordinary_word_names_a_group_unless_the_word_is_kin() -> None:
    text = "Aava-ryhmä kokoontuu torstaisin, ja Ilmari-sedällä todettiin diabetes."
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["Ilmari-sedällä"]
    assert candidates("Perhe asui Ronja Lindqvist -talossa koko talven.", frozenset({"perhe"})) == []


def test_a_staff_title_opening_the_run_makes_it_staff() -> None:
    assert candidates("Dr Patel is the named clinician for the ward.", frozenset()) == []


def test_a_word_about_a_group_needs_the_group_after_it() -> None:
    text = "Farida Hassan bor med de två barnen och har svår astma."
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["Farida Hassan"]


def test_fiction_is_told_by_whole_words() -> None:
    real = candidates("Lasse Berg fyller 60, så personalen bjuder på tårta.", frozenset())
    text = "Personan 'Bo', 70, är påhittad och har demens."
    made_up = next(c for c in candidates(text, frozenset()) if text[c.start:c.end] == "Bo")
    assert _feature(real[0], "fiction") == 0.0
    assert _feature(made_up, "fiction") == 1.0 and _feature(made_up, "quoted") == 1.0


def test_a_sentence_in_capitals_is_read_for_first_names() -> None:
    text = "HUOM: KALLE MÄKINEN ON VAKAVASTI ALLERGINEN PÄHKINÖILLE"
    assert [text[c.start:c.end] for c in candidates(text, frozenset())] == ["KALLE MÄKINEN"]


@pytest.mark.parametrize("text,name", [
    ("Mr Osei said his son has been in hospital since May.", "courtesy"),
    ("I spoke to Nora Jansen today. She has stopped eating.", "pronoun_after"),
    ("Naapurin Helka kaatui eilen ja lonkka murtui.", "kin_beside"),
    ("Thanks to Maria Lopez, who ran the dementia café all year.", "praise"),
])
def test_the_words_around_a_name_are_features(text: str, name: str) -> None:
    cands = [c for c in candidates(text, frozenset({"naapurin"})) if _feature(c, name) == 1.0]
    assert cands, name


def test_the_independent_health_vocabulary_is_read_and_well_formed() -> None:
    """knowledge/pii/health_terms.txt: short entries are whole words ('!'), the rest prefixes of five letters."""
    from assistant.pii_names import _HEALTH
    from assistant.pii_words import HEALTH_STEMS, HEALTH_TERMS

    assert len(HEALTH_TERMS) > 300 and not set(HEALTH_TERMS) & set(HEALTH_STEMS)
    assert all(t.endswith("!") or len(t) >= 5 for t in HEALTH_TERMS)
    assert "masis" in HEALTH_TERMS and "masis" not in HEALTH_STEMS
    assert _HEALTH.search("Jonne on ollu ihan masis koko syksyn")


def test_a_name_with_a_detail_from_the_vocabulary_is_found() -> None:
    assert [f.kind for f in find("Jonne Virtanen on ollu ihan masis koko syksyn, ei käy koulussa")] == ["name_health"]
