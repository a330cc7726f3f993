"""A value called wrong without a correction word ("600 is too low, it's more like 900", "not the families,
they are not really part of it"), a field said again ("nimi on oikeesti …", "kontaktpersonen har bytts, de
e …"), an age range said again, and of two corrections in one message the first; then on a real card."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.flow import load_prompts
from assistant.interview import Interview
from assistant.sessions import SessionStore
from assistant.understand import Understanding
from assistant.wrong_value import dropped, numbers_restated, range_swap, replaced_value


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize("text,right,wrong", [
    ("600 is too low honestly, it's more like 900 a year with the printing", "900", "600"),
    ("oh the 14, it was 17 who started treatment, sorry", "17", "14"),
    ("28 va fel, de va 22 som gick till behandling", "22", "28"),
    ("vi behöver nog minst 25 frivilliga, 15 räcker int alls", "25", "15"),
    ("20 on liian vähän, noin 35 perhettä", "35", "20"),
])
def test_a_number_said_again(text: str, right: str, wrong: str) -> None:
    assert numbers_restated(text) == (right, wrong)


@pytest.mark.parametrize("text,right,wrong", [
    ("Cultural Foundation is not paying anymore, it is Kone Foundation now", "Kone Foundation", "Cultural Foundation"),
    ("oh, we moved last month, it's the Hervanta library now, not the main library", "Hervanta library",
     "main library"),
    ("Lahti ei oo enää mukana, se on Hollola nykyään", "Hollola", "Lahti"),
    ("mun sukunimi on Koskela eikä Koskinen", "Koskela", "Koskinen"),
    ("torstaisin eikä tiistaisin. kellonaika on oikein", "torstaisin", "tiistaisin"),
])
def test_a_value_replaced_in_passing(text: str, right: str, wrong: str) -> None:
    assert replaced_value(text) == (right, wrong)


@pytest.mark.parametrize("text,wrong", [
    ("not the families, they are not really part of it", "families"),
    ("not the principals, they don't actually take part in it", "principals"),
    ("Kangasala no. They have not joined yet.", "Kangasala"),
])
def test_one_thing_said_not_to_belong(text: str, wrong: str) -> None:
    assert dropped(text) == wrong


@pytest.mark.parametrize("text", ["No, not yet.", "not really", "ei vielä", "no thanks", "We have 12, it was 15 last year",
                                  "Nuoret, ei aikuiset", "Yksinäisyys vähenee ja arki helpottuu"])
def test_answers_fit_no_shape(text: str) -> None:
    assert (numbers_restated(text), replaced_value(text), dropped(text)) == (None, None, None)


def test_an_age_range_said_again_replaces_the_one_other_range_on_the_card() -> None:
    card = {"target_groups": ["Leirit olivat 7–17-vuotiaille"], "core": "Leiri kestää 3-4 päivää"}
    assert range_swap("tarkoitin 6–17-vuotiaita", card) == ("target_groups", "7–17", "6–17")
    assert range_swap("tarkoitin 7–17-vuotiaita", {"target_groups": ["7–17-vuotiaat"]}) is None
    assert range_swap("tarkoitin 6–17-vuotiaita", {"target_groups": ["7–12", "13–17"]}) is None


@pytest.mark.parametrize("text,field,value", [
    ("nimi on oikeesti Perhetupa Pilke, kahvila oli se vanha nimi jota ei enää käytetä", "name", "Perhetupa Pilke"),
    ("namnet ska va Familjecafé Ankaret, vi har ju pappor också nuförtiden", "name", "Familjecafé Ankaret"),
    # the new person and the address given for her, together
    ("kontaktpersonen har bytts, de e Mikaela Holm nu. mikaela.holm@example.fi", "contact",
     "Mikaela Holm, mikaela.holm@example.fi"),
    ("the contact changed, it's Sara Lind now", "contact", "Sara Lind"),
])
def test_a_one_value_field_said_again(nlu: Understanding, text: str, field: str, value: str) -> None:
    c = nlu.correction(text)
    assert c is not None and (c.field, c.text) == (field, value)


def test_of_two_corrections_in_one_message_the_first(nlu: Understanding) -> None:
    c = nlu.correction("kela pois toimijoista. ja se aloitusvuosi oli 2019 eikä 2020")
    assert c is not None and (c.field, c.removed) == ("actors", ["kela"])
    moved = nlu.correction("videokäynnit on vaan vaihtoehto, ei mikään ydinjuttu. kuuluu enemmän siihen mitä voi "
                           "muokata")
    assert moved is not None and moved.removed != ["mikään ydinjuttu"]


@pytest.mark.parametrize("text,removed", [
    ("ne omaishoitajien lapset ei kuulu tähän, se oli eri ryhmä", "omaishoitajien lapset"),
    ("grandparents shouldnt be there, that was just an idea we never did", "grandparents"),
    ("university is not a partner, they just did one study on us", "university"),
])
def test_what_goes_then_why(nlu: Understanding, text: str, removed: str) -> None:
    c = nlu.correction(text)
    assert c is not None and c.removed == [removed] and c.weak


# -- on a real card -------------------------------------------------------------------------------------
@pytest.fixture
def start(seeded_services, tmp_path: Path):  # type: ignore[no-untyped-def]
    sessions = SessionStore(tmp_path / "sessions.db")

    def _start(lang: str = "fi") -> Interview:
        return Interview.start(lang=lang, services=seeded_services, sessions=sessions, llm=False)
    return _start


def _card(iv: Interview, **fields: str | list[str]) -> None:
    for fld, value in fields.items():
        iv.edit(fld, value)
    iv.state.phase, iv.state.pending_field = "collect", "measurement"


def test_an_age_range_said_again_changes_only_the_range(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("sv")
    _card(iv, target_groups=["Barn 7–12 år vars föräldrar har separerat"], core=["Åtta träffar"])
    turn = iv.turn("förlåt, jag menade 6–12 år, förskolebarnen är också med")
    assert turn.draft.target_groups[0] == "Barn 6–12 år vars föräldrar har separerat"
    assert any("örskolebarnen" in g for g in turn.draft.target_groups)
    assert turn.draft.core == ["Åtta träffar"]


def test_a_number_called_too_low_is_swapped_where_it_stands(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    _card(iv, conditions="A free room, reliable volunteers and about 600 euros a year for coffee.",
          actors=["The library", "The parish"])
    turn = iv.turn("600 is too low honestly, it's more like 900 a year with the printing")
    assert "900 euros" in (turn.draft.conditions or "") and "600" not in (turn.draft.conditions or "")
    assert turn.draft.actors == ["The library", "The parish"]


def test_not_the_x_removes_x_only_when_it_is_on_the_card(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    _card(iv, actors=["Home care nurses", "Volunteers", "The clients' families"])
    turn = iv.turn("not the families, they are not really part of it")
    assert turn.draft.actors == ["Home care nurses", "Volunteers"]
    asked = turn.asked_field
    assert asked is not None and asked != "actors"
    before = getattr(turn.draft, asked)
    # nothing called that: the person is told, and it is not stored as the answer to the question asked (a
    # removal is no answer to "what is the goal?"; decided in the sixteenth round, it had been stored there)
    turn = iv.turn("not the neighbours, they are not really part of it")
    assert turn.draft.actors == ["Home care nurses", "Volunteers"]
    assert getattr(turn.draft, asked) == before
    assert 'I did not find "neighbours"' in turn.reply
    assert turn.asked_field == asked


def test_a_stage_typed_as_its_label_is_read_as_the_stage(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("stage", "Vakiintunut")
    assert iv.state.draft.stage is not None and iv.state.draft.stage.value == "established"


def _closing(iv: Interview, **fields: str | list[str]) -> None:
    for fld, value in fields.items():
        iv.edit(fld, value)
    iv.state.phase, iv.state.pending_field = "confirm", None
    iv.state.summary_fields = list(fields)


def test_at_the_summary_an_addition_named_next_to_its_verb_goes_there(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    _closing(iv, core=["Tarkastuksessa käytetään aina samaa lomaketta"], regions=["Pirkanmaa"])
    turn = iv.turn("Hammastarkastus tuli nyt mukaan, lisää se ydinasioihin: suun tarkastus tehdään aina.")
    assert turn.draft.core == ["Tarkastuksessa käytetään aina samaa lomaketta", "Suun tarkastus tehdään aina"]
    turn = iv.turn("Alueeksi tulee merkitä myös Kanta-Häme, koska Forssan tapaukset käsitellään samassa yksikössä.")
    assert turn.draft.regions == ["Pirkanmaa", "Kanta-Häme"]


def test_only_y_replaces_a_list_and_a_removal_takes_the_item_spelled_as_said(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("sv")
    _closing(iv, regions=["Malax", "Korsnäs"], target_groups=["Barn 7–12 år vars föräldrar har separerat",
                                                              "Och föräldrarna lite vid sidan om"])
    turn = iv.turn("Nå, området ska bara vara Malax, stryk Korsnäs, dom ha int visat nåt intresse.")
    assert turn.draft.regions == ["Malax"]
    turn = iv.turn("och stryk det där om föräldrarna i målgruppen, det är bara barnen")
    assert turn.draft.target_groups == ["Barn 7–12 år vars föräldrar har separerat"]


def test_a_correction_during_the_reuse_offer_corrects_and_the_offer_stands(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("measurement", "Kiusattujen osuus on pudonnut 14 prosentista 9 prosenttiin.")
    iv.state.phase, iv.state.offered = "reuse_offer", ["kiva-koulu"]
    turn = iv.turn("korjaus, 13 prosentista eikä 14")
    assert turn.draft.measurement == "Kiusattujen osuus on pudonnut 13 prosentista 9 prosenttiin."
    assert turn.phase == "reuse_offer"
    turn = iv.turn("Ei tää oo sama asia, jatketaan omaa")  # a reply that is no correction: the choice
    assert turn.phase != "reuse_offer" and "13 prosentista" in (turn.draft.measurement or "")


def test_a_removal_right_after_an_answer_corrects_that_answer(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("problem", "Saamenkielisiä lapsia on Inarissa, Utsjoella ja Enontekiöllä, mutta terapeutteja ei ole.")
    iv.state.phase, iv.state.pending_field = "collect", "regions"
    iv.turn("Inari, Utsjoki ja Enontekiö")
    turn = iv.turn("Enontekiö ei vielä, siellä ei ole yhtään lasta terapiassa")
    assert turn.draft.regions == ["Inari", "Utsjoki"]
    assert "Enontekiöllä" in (turn.draft.problem or "")


def test_a_clause_about_the_wrong_thing_is_a_remark_not_the_right_value(nlu: Understanding) -> None:
    c = nlu.correction("ei raisiossa vaan naantalissa, raisio oli virhe")
    assert c is not None and (c.text, c.removed) == ("naantalissa", ["raisiossa"])
    c = nlu.correction("Lapin yliopiston tilalle Lapin AMK, sekotin ne")
    assert c is not None and c.text.startswith("Lapin AMK")  # the right value shares a word: it stays


def test_a_weekday_said_for_another_is_swapped_where_the_card_writes_it(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    iv.edit("environment", "Open on Tuesdays and Thursdays from 4 to 7 pm at the shopping centre.")
    iv.edit("actors", ["The youth services"])
    iv.state.phase, iv.state.pending_field = "collect", "conditions"
    turn = iv.turn("wednesdays not tuesdays")
    assert turn.draft.environment == "Open on Wednesdays and Thursdays from 4 to 7 pm at the shopping centre."
    assert turn.draft.actors == ["The youth services"] and not turn.draft.conditions


def test_a_negated_verb_after_a_removal_is_a_reason_not_a_second_correction(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    iv.edit("regions", ["Tampere", "Nokia", "Kangasala"])
    iv.edit("problem", "Placements are expensive.")
    iv.state.phase, iv.state.pending_field = "collect", "contact"
    before = iv.state.draft.model_dump(exclude={"regions"})
    turn = iv.turn("Kangasala no. They have not joined yet.")
    assert turn.draft.regions == ["Tampere", "Nokia"]
    assert turn.draft.model_dump(exclude={"regions"}) == before  # "They have" is not put anywhere


@pytest.mark.parametrize("text,expected", [
    ("were not in the library anymore, its the Stoa cultural centre now. same evenings",
     ("Stoa cultural centre", "library")),
    ("vi e int i skolan längre, nu e vi på Kompassen", ("Kompassen", "skolan")),
])
def test_a_place_that_changed(text: str, expected: tuple[str, str]) -> None:
    from assistant.wrong_value import replaced_value

    assert replaced_value(text) == expected
