"""A list item pointed at by its place ("se kolmas tavoite pois", "the last one"), a thing said to be forgotten
in the middle of a message ("ok. ni har glömt X, …"), and a first sentence that only says the card is fine:
the readers first, then on a real card."""

from __future__ import annotations

import pytest

from assistant.flow import load_prompts
from assistant.forgot import forgot_elsewhere, forgotten_kind
from assistant.ordinals import MIDDLE, item_at, pointed_item
from assistant.understand import Understanding


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize("text,where", [
    ("rahoittajista se kolmas ei pidä enää paikkaansa", ("funders", 2)),
    ("tavoitteet ok mut toi vika pois", ("goals", -1)),
    ("målgrupperna, den första där e fel", ("target_groups", 0)),
    ("about the actors, the middle one is not with us", ("actors", MIDDLE)),
    ("the themes are fine except the second one", ("themes", 1)),
])
def test_a_place_in_a_named_list_is_read(nlu: Understanding, text: str, where: tuple[str, int]) -> None:
    assert pointed_item(nlu, text) == where


@pytest.mark.parametrize("text", [
    "the goals changed last year, we dropped one",  # "last" is a time
    "de andra kommunerna är inte med",  # "de andra": the others
    "tavoitteista se toinen on tärkein",  # nothing goes
    "pieni virhe: se toinen ohjaaja ei oo fysioterapeutti vaan sosionomi",  # the other instructor
    "se toinen on väärin",  # no list named and nothing removes: which list is a guess
    "the first is not easy for them, but it gets better",  # an answer (before, such answers were lost in English)
])
def test_no_place_is_read_without_a_pointer_a_field_and_a_removal(nlu: Understanding, text: str) -> None:
    assert pointed_item(nlu, text) is None


@pytest.mark.parametrize("text,where", [
    ("take out the second one, parents dont come to this", ("", 1)),  # no list named: the card decides which
    # (``ordinal_fix.field_by_card``), only when a word removes it
    ("joo muuten ok paitsi ydinasioiden kohta 4 on väärin: X", ("core", 3)),
    ("kolmonen noista kohderyhmistä ei kuulu tähän ollenkaan", ("target_groups", 2)),
])
def test_a_place_said_otherwise_is_read(nlu: Understanding, text: str, where: tuple[str, int]) -> None:
    assert pointed_item(nlu, text) == where


def test_the_item_at_a_place() -> None:
    items = ["a", "b", "c"]
    assert [item_at(items, p) for p in (0, 1, -1, MIDDLE, 3)] == ["a", "b", "c", "b", None]
    assert item_at(["a", "b"], MIDDLE) is None  # two items have no middle one
    assert item_at(["a"], -1) is None  # one item is not a list to point in


def test_a_forgotten_thing_said_in_the_middle() -> None:
    assert forgot_elsewhere("ni har glömt biblioteket, Borgå stadsbibliotek lånar ut rummet") == \
        "Borgå stadsbibliotek lånar ut rummet"
    assert forgot_elsewhere("you forgot the volunteers") == "the volunteers"
    assert forgot_elsewhere("meiltä puuttuu rahoitus, ja tilat on pienet") is None  # a need, nothing forgotten
    assert forgot_elsewhere("sorry, 14 families not 12, I forgot the autumn group") is None  # a reason
    assert forgot_elsewhere("vi har en grupp i Lovisa också, glömde säga de") == "vi har en grupp i Lovisa också"


@pytest.mark.parametrize("body,field,text", [
    ("me saadaan myös Oskar Öflunds stiftelseltä apuraha", "funders", "Oskar Öflunds stiftelse"),
    ("we also get a small grant from the Rotary Club", "funders", "The Rotary Club"),
    ("Lovisa församling e också me varje gång", "actors", "Lovisa församling"),
    ("vi har en grupp i Lovisa också", "regions", "Lovisa"),
])
def test_a_forgotten_thing_whose_form_says_its_field(body: str, field: str, text: str) -> None:
    c = forgotten_kind(body)
    assert c is not None and (c.field, c.text, c.additive) == (field, text, True)


def test_the_item_pointed_at_goes_and_nothing_else_changes(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("goals", ["Yksinäisyys vähenee", "Liikkuminen lisääntyy", "Ruokavalio paranee"])
    iv.edit("regions", ["Kotka", "Hamina"])
    turn = iv.turn("mittaamisesta en osaa sanoa. tavoitteista se kolmas ei kuulu meille, otetaan se pois")
    assert turn.draft.goals == ["Yksinäisyys vähenee", "Liikkuminen lisääntyy"]
    assert turn.draft.regions == ["Kotka", "Hamina"]
    assert not turn.draft.measurement


def test_a_place_the_list_does_not_have_is_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.edit("funders", ["STEA"])
    turn = iv.turn("about the funders, the last one is not paying")
    assert turn.draft.funders == ["STEA"]


def test_after_a_sentence_saying_the_card_is_fine_the_forgotten_partner_is_added(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("actors", ["Lovisa stad"])
    turn = iv.turn("tack, de ser bra ut. ni har glömt församlingen, Lovisa församling e me varje gång")
    assert turn.draft.actors == ["Lovisa stad", "Lovisa församling"]
    assert not turn.draft.measurement


def test_an_acronym_finds_the_one_item_it_spells() -> None:
    from assistant.card_words import by_initials

    card = [["Svenska folkskolans vänner", "Svenska kulturfonden"], "Oulun kaupunki"]
    assert by_initials("SFV", card) == "Svenska folkskolans vänner"
    assert by_initials("sfv", card) == "Svenska folkskolans vänner"
    assert by_initials("ok", card) is None  # a word, not an acronym
    assert by_initials("SK", [["Svenska kulturfonden", "Sosiaalinen kuntoutus"]]) is None  # two fit: none


@pytest.mark.parametrize("text,stage", [
    ("ei se oo enää mikään hanke vaan pysyvä osa palveluja, alussa se oli kokeilu", "established"),
    ("It was not ended, only the project funding ended. The city took it as its own service", "established"),
    ("tää loppu keväällä ku rahat ei enää riittäny", "ended"),
])
def test_a_stage_denied_or_told_as_history_does_not_decide(text: str, stage: str) -> None:
    from assistant.extract_offline import detect_stage

    found = detect_stage(text, load_prompts())
    assert found is not None and found.value == stage


def test_what_a_value_is_not_comes_before_what_it_is(nlu: Understanding) -> None:
    c = nlu.correction("the organisation is not the city, we are Ylöjärvi parish youth work. the city only pays")
    assert c is not None and (c.field, c.text) == ("organisation", "Ylöjärvi parish youth work")
    c = nlu.correction("the summary is not right, we are not a club at all. its a peer group for fathers")
    assert c is not None and (c.field, c.text) == ("summary", "its a peer group for fathers")


def test_an_item_among_the_wrong_field_moves_to_where_it_should_be(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("themes", ["nuoret", "Lappi", "liikunta"])
    iv.edit("regions", ["Rovaniemi"])
    turn = iv.turn("kiitos. huomasin et lappi on teemojen sekaan vaikka sen pitäis olla alueissa")
    assert turn.draft.themes == ["nuoret", "liikunta"]
    assert "Lappi" in turn.draft.regions


def test_a_compound_and_an_accent_find_the_item_to_move(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "evidence")
    iv.edit("goals", ["Färre besök på jouren", "Nöjdhetsenkät varje höst"])
    turn = iv.turn("enkäten som står bland målen e ju hur vi följer upp, int ett mål. flytta den till uppföljningen")
    assert turn.draft.goals == ["Färre besök på jouren"]
    assert "Nöjdhetsenkät" in (turn.draft.measurement or "")
    iv = start_at("en", "evidence")
    iv.edit("core", ["Home visits every week", "Meetings in a café the client picks"])
    turn = iv.turn("the cafe thing is not core, it can be anywhere, a park or their home. put it under what can be adapted")
    assert turn.draft.core == ["Home visits every week"]
    assert any("café" in a for a in turn.draft.adaptable)


@pytest.mark.parametrize("text,name", [
    ("muuten ok mut ton otsikon vois vaihtaa. virallisesti tää on nykyään Perhetupa-malli", "Perhetupa-malli"),
    ("the name we use is in swedish actually, Mormor Online. the english one was my translation", "Mormor Online"),
    ("the name is just Walk and Talk, without the town", "Walk and Talk"),
])
def test_a_new_name_said_after_the_name_is_mentioned(nlu: Understanding, text: str, name: str) -> None:
    c = nlu.correction(text)
    assert c is not None and (c.field, c.text) == ("name", name)


def test_the_new_contact_is_the_sentence_with_the_details(nlu: Understanding) -> None:
    c = nlu.correction("kontaktuppgiften e gammal, Peter slutade i augusti. ta mig istället, Sara Lindholm 044 765 3210")
    assert c is not None and (c.field, c.text) == ("contact", "Sara Lindholm 044 765 3210")
