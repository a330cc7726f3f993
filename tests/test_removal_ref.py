"""A removal said in everyday words (thirtieth round): the verb's particle apart from the verb ("take X away",
"ottaa X pois", "ta X bort"), the item pointed at by what it says ("se tavote missä puhutaan X:stä"), the
reason told around it not stored; and stories that only look like it left alone. Sentences written for the
tests."""

from __future__ import annotations

import pytest

from tests.conftest import at_summary


@pytest.mark.parametrize("lang,text,gone", [
    ("fi", "hei, siitä tavotteesta jossa puhutaan painonpudotuksesta, se saa lähtee pois. ei haluta laihdutusta",
     "Painonpudotus onnistuu"),
    ("en", "could you take Lohja away from the places, nobody has come from there in a year", "Lohja"),
    ("sv", "innan jag svarar – stryk det om pensionärerna, de har en egen grupp", "pensionärer som bor ensamma"),
])
def test_an_item_pointed_at_by_its_words_goes_and_the_reason_stays_out(start_at, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                                         gone: str) -> None:
    iv = start_at(lang, "funders")
    iv.state.content_turns = 1
    iv.edit("goals", ["Liikunta lisääntyy", "Painonpudotus onnistuu", "Yksinäisyys vähenee"])
    iv.edit("regions", ["Vihti", "Lohja", "Karkkila"])
    iv.edit("target_groups", ["unga vuxna utan arbete", "pensionärer som bor ensamma"])
    turn = iv.turn(text)
    everything = turn.draft.goals + turn.draft.regions + turn.draft.target_groups
    assert gone not in everything
    assert len(everything) == 7
    assert not turn.draft.funders  # the reason is not the answer to what was asked


def test_at_the_summary_a_partner_pointed_at_by_name_goes(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.edit("actors", ["Salon kaupunki, nuorisopalvelut", "Salon Seudun Yrittäjät ry", "Varsinais-Suomen Kauppakamari"])
    iv.edit("goals", ["Nuoret saavat ensimmäisen työpaikan"])
    at_summary(iv)
    turn = iv.turn("Kauppakamari ei oo tehny mitään kahteen vuoteen, niin sen vois ottaa pois siitä listasta. muuten ok")
    assert turn.draft.actors == ["Salon kaupunki, nuorisopalvelut", "Salon Seudun Yrittäjät ry"]
    assert turn.draft.goals == ["Nuoret saavat ensimmäisen työpaikan"]


@pytest.mark.parametrize("lang,text", [
    ("en", "we take the kids out to the forest every week and they love it"),
    ("fi", "ei saa poistaa sitä liikuntatavoitetta, se on tärkein"),
    ("sv", "vi tar bort hindren för dom som int kan åka buss"),
])
def test_a_story_with_a_removal_word_removes_nothing(start_at, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = start_at(lang, "conditions")
    iv.state.content_turns = 1
    iv.edit("core", ["Forest trips every week", "Liikuntatavoite: kaksi kertaa viikossa", "Bussen hämtar dom som int kan åka"])
    iv.edit("regions", ["Vihti", "Lohja"])
    turn = iv.turn(text)
    assert len(turn.draft.core) == 3
    assert turn.draft.regions == ["Vihti", "Lohja"]


@pytest.mark.parametrize("lang,asked,text", [
    ("fi", "goals", "tavoitteena on poistaa jonot terveysasemalta ja nopeuttaa hoitoon pääsyä"),
    ("en", "goals", "we remove the waiting lists at the health centre and people get help faster"),
    ("fi", "adaptable", "jonotusnumerot voi jättää pois jos paikkakunta on pieni"),
    ("en", "conditions", "the families can go to the health centre on their own after the first visit"),
])
def test_an_answer_that_says_remove_or_leave_out_is_stored_as_the_answer(start_at, lang: str, asked: str,  # type: ignore[no-untyped-def]
                                                                         text: str) -> None:
    iv = start_at(lang, asked)
    iv.state.content_turns = 1
    iv.edit("core", ["Jonot ja jonotusnumerot terveysasemalla", "Waiting lists at the health centre",
                     "Families visit the health centre"])
    turn = iv.turn(text)
    assert len(turn.draft.core) == 3
    assert getattr(turn.draft, asked)
