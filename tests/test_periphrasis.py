"""A field named in everyday words ("the people we help", "ne keitä tää koskee", "de som jobbar med det") is
read as that field in a correction; the same words in an answer stay the answer."""

from __future__ import annotations

import pytest

from assistant.flow import load_prompts
from assistant.periphrasis import named_in_everyday_words, plain
from assistant.understand import Understanding


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts(None).cues)


@pytest.mark.parametrize(("text", "field"), [
    ("and the people we help, pls add the moms from the reception centre", "target_groups"),
    ("who this is for: kids aged 5 to 12", "target_groups"),
    ("eiku ne yli 50-vuotiaat pois siit keitä tää koskee", "target_groups"),
    ("om eleverna vi gör det för, skriv också niondeklassare", "target_groups"),
    ("the folks running it with us are the library and the parish", "actors"),
    ("ai niin siihen porukkaan joka tätä tekköö pittää lisätä omaiset", "actors"),
    ("de som jobbar med det är också köksläraren", "actors"),
])
def test_everyday_names_of_fields(text: str, field: str) -> None:
    found = named_in_everyday_words(text)
    assert found is not None
    assert found[0] == field


@pytest.mark.parametrize("text", ["We help people who are lonely", "Kotihoito tekee tätä työtä arkisin",
                                  "Vi gör det för att barnen ska må bra", "the nurse helps them"])
def test_ordinary_sentences_name_no_field(text: str) -> None:
    assert named_in_everyday_words(text) is None
    assert plain(text) == text


def test_finnish_case_is_kept() -> None:
    assert plain("järjestö pois siit porukast joka tätä pyörittää") == "järjestö pois toimijoista"
    assert plain("siihen porukkaan joka tätä tekee lisää omaiset") == "toimijoihin lisää omaiset"
    assert plain("eiku X pois siit keitä tää koskee") == "eiku X pois kohderyhmästä"


@pytest.mark.parametrize(("text", "field", "value"), [
    ("and the people we help, pls add the moms from the reception centre also! they join us since autumn",
     "target_groups", "the moms from the reception centre"),
    ("Also please add to the people we help: patients waiting for shoulder replacement. We take them since "
     "this spring, but only few.", "target_groups", "patients waiting for shoulder replacement"),
    ("ai niin siihen porukkaan joka tätä tekköö pittää lisätä kans omaiset, moni tytär tai poika jumppaa",
     "actors", "omaiset"),
    ("oj, och om eleverna vi gör det för, skriv också niondeklassare, de har fått en kurs", "target_groups",
     "niondeklassare"),
    ("Tavoitteet: lisää vielä yksi asia", "goals", "yksi asia"),
])
def test_additions_to_a_field_named_in_everyday_words(nlu: Understanding, text: str, field: str,
                                                      value: str) -> None:
    c = nlu.analyse(text).correction
    assert c is not None
    assert (c.field, c.text, c.additive) == (field, value, True)


def test_a_value_put_right_in_a_named_field_is_not_an_addition(nlu: Understanding) -> None:
    """Not added as a new item: the closing summary puts the number right where the card writes it."""
    assert nlu.analyse("Vielä niistä keitä tämä koskee: vapaaehtoisten ikäraja ei ole 60 vaan 55.").correction is None


@pytest.mark.parametrize(("text", "gone"), [
    ("ay the social counsellor doesn't come anymore ma'am, her post was cut in the budget, so pls remove her",
     "social counsellor"),
    ("I must correct something – the geriatrician is not coming anymore since January", "geriatrician"),
    ("sori, kirjasto ei käy enää, niillä ei ole aikaa", "kirjasto"),
])
def test_someone_who_no_longer_comes_is_removed(nlu: Understanding, text: str, gone: str) -> None:
    c = nlu.analyse(text).correction
    assert c is not None
    assert c.removed == [gone]


def test_a_problem_that_is_smaller_now_is_not_a_removal(nlu: Understanding) -> None:
    assert nlu.analyse("Ongelma ei oo enää niin iso kuin ennen").correction is None


def test_a_forgotten_thing_that_ends_with_take_it_out_is_removed(nlu: Understanding) -> None:
    c = nlu.analyse("unohdin toimijoista: perheneuvolan konsultaatio lopetettiin säästöjen takia tammikuussa, "
                    "eli sen voi ottaa pois").correction
    assert c is not None
    assert (c.field, c.additive, c.text) == ("actors", False, "")
    assert c.removed == ["perheneuvolan konsultaatio lopetettiin"]


def test_savo_negation_reads_as_a_number_put_right(nlu: Understanding) -> None:
    assert plain("oho, ee 45 vuan 38 asiakasta") == "oho, ei 45 vaan 38 asiakasta"
    c = nlu.analyse("oho, ee 45 vuan 38 asiakasta, siinä 45:ssä oli mukana nekin jotka on jo muuttanna").correction
    assert c is not None
    assert (c.removed, c.pairs) == (["45"], [("38 asiakasta", "45")])


def test_what_may_change_names_other_fields_and_stays_the_answer(seeded_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An answer to "what may another region change?" that names partners moves no card item to the actors."""
    from assistant.interview import Interview
    from assistant.sessions import SessionStore

    iv = Interview.start(lang="fi", services=seeded_services, sessions=SessionStore(tmp_path / "s.db"), llm=False)
    iv.state.draft.basic_idea = "Vapaaehtoinen ja perhe tapaavat kerran viikossa vuoden ajan."
    iv.state.draft.actors = ["Eläkeläisyhdistys"]
    iv.state.pending_field, iv.state.asking = "adaptable", "question"
    answer = ("Tapaamisten paikat ja yhteistyökumppanit voivat olla erilaisia. Ehkä pienemmässä kunnassa voisi "
              "olla myös ryhmä eikä vain parit.")
    turn = iv.turn(answer)
    assert turn.draft.actors == ["Eläkeläisyhdistys"]
    assert turn.draft.basic_idea == "Vapaaehtoinen ja perhe tapaavat kerran viikossa vuoden ajan."
    assert "yhteistyökumppanit voivat olla erilaisia" in str(turn.draft.adaptable).lower()
