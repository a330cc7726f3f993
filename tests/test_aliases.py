"""A card item named in other words ("the church people" for a Lutheran parish union, "Malax" for "Maalahti",
"MLL:ää" for Mannerheimin Lastensuojeluliitto, "leppavirta" for "Leppävirta", "SFV" for "Svenska folkskolans
vänner"), a thing said first and "remove it" after, and a field called wrong with the new value in the next
sentence; the matching functions first, then on a real card."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import aliases
from assistant.card_words import _overlaps, _shared
from assistant.flow import load_prompts
from assistant.interview import Interview
from assistant.sessions import SessionStore
from assistant.understand import Understanding


@pytest.mark.parametrize("said,item", [
    ("the church people", "Tampere Evangelical Lutheran Parish Union"),
    ("parishes", "Helsingin seurakuntayhtymä"),
    ("university", "Oulun yliopisto"),
    ("Malax", "Maalahti"),
    ("MLL:ää", "Mannerheimin Lastensuojeluliiton Lapin piiri"),
    ("Lahdessa", "Lahti"),
    ("opot", "opinto-ohjaajat"),
    ("FPA", "Kela"),
    ("leppavirta", "Leppävirta"),
    ("SFV", "Svenska folkskolans vänner"),
    ("kroonisesti sairaat", "pitkäaikaissairaat"),
    ("the exercise thing", "physical activity"),
    ("de där me datorer o appar", "digitalisering"),
])
def test_a_card_item_is_found_by_another_name(said: str, item: str) -> None:
    assert _overlaps(item, said, "fi")


@pytest.mark.parametrize("said,item", [
    ("the church people", "Pirkanmaa wellbeing services county"),
    ("Malax", "Mustasaari"),
    ("föräldragruppen", "Föräldrarnas ork förbättras"),  # the same word start is a stem question, not an alias
    ("SFV", "Svenska kulturfonden"),
])
def test_another_name_does_not_find_what_it_does_not_name(said: str, item: str) -> None:
    assert not _overlaps(item, said, "sv", whole=True)
    assert not _overlaps(item, said, "sv") or _shared(item, said, "sv") > 0


def test_the_groups_are_data_and_read_in_order() -> None:
    assert aliases.groups("Punainen Risti ja Kela") == {"red_cross", "kela"}
    assert aliases.groups("Tampere University of Applied Sciences") == {"tampere", "applied_sciences"}
    assert aliases.groups("koulutus") == frozenset()  # "koulu$" is the word only, not every word starting so


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize("text,removed", [
    ("församlingens roll e så liten att den int behöver stå där, ta bort", "församlingens roll"),
    ("kela only gave us a grant once, theyre not really a partner, take them out", "kela"),
    ("youth psychiatry is not really involved, take it out", "youth psychiatry"),
    ("utflykterna blev aldrig av, ta bort dom", "utflykterna"),
    ("MLL:ää ei oo mukana enää, piiri lopetti tän toiminnan 2023", "MLL"),
    ("leppavirta never happened, the funding fell through", "leppavirta"),
])
def test_what_a_remark_is_about_goes(nlu: Understanding, text: str, removed: str) -> None:
    c = nlu.correction(text)
    assert c is not None and c.removed == [removed] and not c.text


@pytest.mark.parametrize("text,field,value", [
    ("perusidea meni ihan väärin, mentorointi on ihan eri hanke. meillä jälkihuollon nuori asuu tukiasunnossa",
     "basic_idea", "meillä jälkihuollon nuori asuu tukiasunnossa"),
    ("grundidén blev helt fel. he e en föräldragrupp på rådgivningen", "basic_idea",
     "en föräldragrupp på rådgivningen"),
    ("tiivistelmä on jostain ihan toisesta jutusta. meillä naiset opettelee pyöräilemään", "summary",
     "meillä naiset opettelee pyöräilemään"),
    ("honestly the goals are wrong. the only real goal is that the guys have something meaningful to do", "goals",
     "that the guys have something meaningful to do"),
])
def test_a_field_called_wrong_takes_what_the_next_sentence_says(nlu: Understanding, text: str, field: str,
                                                                value: str) -> None:
    c = nlu.correction(text)
    assert c is not None and (c.field, c.text) == (field, value)


@pytest.fixture
def start(seeded_services, tmp_path: Path):  # type: ignore[no-untyped-def]
    sessions = SessionStore(tmp_path / "sessions.db")

    def _start(lang: str) -> Interview:
        iv = Interview.start(lang=lang, services=seeded_services, sessions=sessions, llm=False)
        iv.state.phase, iv.state.pending_field = "collect", "measurement"
        return iv
    return _start


def test_a_partner_named_in_english_leaves_the_finnish_card(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    iv.edit("actors", ["Helsingin kaupungin nuorisopalvelut", "HelsinkiMissio", "Helsingin seurakuntayhtymä"])
    iv.edit("target_groups", ["young people 16-25"])
    turn = iv.turn("the parishes arent involved anymore, pls remove")
    assert turn.draft.actors == ["Helsingin kaupungin nuorisopalvelut", "HelsinkiMissio"]
    assert turn.draft.target_groups == ["young people 16-25"]


def test_a_place_said_in_swedish_leaves_the_finnish_regions(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("sv")
    iv.edit("regions", ["Vaasa", "Mustasaari", "Maalahti"])
    iv.edit("actors", ["Pohjanmaan hyvinvointialue"])
    turn = iv.turn("Malax ska bort ur områdena, där har vi ingen verksamhet ännu")
    assert turn.draft.regions == ["Vaasa", "Mustasaari"]
    assert turn.draft.actors == ["Pohjanmaan hyvinvointialue"]


def test_a_field_called_wrong_is_replaced_by_the_story_after_it(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("basic_idea", "Mentori tapaa nuorta kerran viikossa.")
    iv.edit("goals", ["Nuori pärjää omassa asunnossa"])
    turn = iv.turn("perusidea meni ihan väärin, mentorointi on ihan eri hanke. meillä jälkihuollon nuori asuu "
                   "tukiasunnossa ja ohjaaja käy siellä kaks kertaa viikossa")
    assert "tukiasunnossa" in (turn.draft.basic_idea or "") and "Mentori" not in (turn.draft.basic_idea or "")
    assert turn.draft.goals == ["Nuori pärjää omassa asunnossa"]


@pytest.mark.parametrize("text,field,value", [
    ("kunde du lägga till mobbning bland teman också, de e ju de som hela grejen började med", "themes", "mobbning"),
    ("could you also put housing under themes, half of our clients are also moving out of group homes", "themes",
     "housing"),
    ("ai nii alueisiin kans Miehikkälä, se tuli mukaan syksyllä", "regions", "Miehikkälä"),
    ("and also Ylöjärvi, we started there in january", "regions", "Ylöjärvi"),
    ("ai nii ja muokattavaks myös et ryhmän voi pitää etänä jos välimatkat on pitkiä, lapissa ne yleensä on",
     "adaptable", "ryhmän voi pitää etänä jos välimatkat on pitkiä"),
])
def test_something_added_later_goes_to_the_field_it_names(nlu: Understanding, text: str, field: str,
                                                          value: str) -> None:
    c = nlu.correction(text)
    assert c is not None and c.additive and (c.field, c.text) == (field, value)


def test_a_late_addition_does_not_land_in_the_field_asked(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("en")
    iv.edit("regions", ["Pirkanmaa", "Tampere", "Nokia"])
    iv.state.pending_field = "contact"
    turn = iv.turn("and also Ylöjärvi, we started there in january")
    assert turn.draft.regions == ["Pirkanmaa", "Tampere", "Nokia", "Ylöjärvi"]
    assert not turn.draft.contact


def test_a_stage_change_told_to_another_question_changes_the_stage(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("stage", "developing")
    turn = iv.turn("ei me enää pilotoida, tää on ollu vakiintunutta toimintaa 2022 lähtien")
    assert turn.draft.stage == "established" and not turn.draft.measurement


@pytest.mark.parametrize("lang,card,text,expected", [
    ("fi", "ready", "ei tää oo vielä valmis muiden käyttöön, käsikirja on kesken ja testataan vielä", "developing"),
    ("sv", "established", "vi lade ner de i våras faktiskt, pengarna tog slut", "ended"),
    ("en", "ready", "its not just ready on paper, its been part of everyday work in all our clinics since 2022",
     "established"),
    ("sv", "established", "kommunen lade ner de gamla eftiset, så nu kommer barnen till oss", "established"),
])
def test_a_stage_told_in_everyday_words_to_another_question(start, lang: str, card: str, text: str,  # type: ignore[no-untyped-def]
                                                            expected: str) -> None:
    iv = start(lang)
    iv.edit("stage", card)
    turn = iv.turn(text)
    assert turn.draft.stage == expected


def test_something_else_that_ended_does_not_end_the_model(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("stage", "established")
    iv.edit("actors", ["Kela", "Lahden kaupunki"])
    turn = iv.turn("Kela ei ole enää mukana, se konsultaatiokokeilu päättyi viime kuussa. Poista se.")
    assert turn.draft.stage == "established" and turn.draft.actors == ["Lahden kaupunki"]


@pytest.mark.parametrize("text,card,expected", [
    ("ei kun budjetti on 120 000, 80 tuhatta oli ekan vuoden luku",
     {"conditions": "Toiminnan vuosibudjetti on noin 80 000 euroa."}, ("conditions", "120 000", "80 000")),
    ("60 tusen va första året, nu ligger vi på 85 000", {"conditions": "Budgeten är ca 60 000 euro per år."},
     ("conditions", "85 000", "60 000")),
    ("Ryhmässä on nyt 8 perhettä ja 2 ohjaajaa", {"core": ["8 perhettä"]}, None),  # two counts, not one again
    ("tarkoitin 6–17-vuotiaita, pienimmätkin pääsivät mukaan jos isosisarus oli leirillä",
     {"target_groups": "7–17-vuotiaat"}, None),  # a range is range_swap's
])
def test_an_amount_said_again_is_swapped_only_when_the_card_holds_the_old_one(
        text: str, card: dict[str, str], expected: tuple[str, str, str] | None) -> None:
    from assistant.wrong_value import amount_said_again

    flat = {f: " ".join(v) if isinstance(v, list) else v for f, v in card.items()}
    assert amount_said_again(text, flat) == expected


def test_an_amount_said_again_to_another_question_changes_the_card(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("sv")
    iv.edit("conditions", "Budgeten är ca 60 000 euro per år, mest lönekostnader.")
    iv.state.pending_field = "adaptable"
    turn = iv.turn("60 tusen va första året, nu ligger vi på 85 000")
    assert turn.draft.conditions == "Budgeten är ca 85 000 euro per år, mest lönekostnader."
    assert not turn.draft.adaptable


def test_what_cannot_be_changed_moves_from_the_adaptable_parts_to_the_core(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("adaptable", ["Kokoontumispaikka", "Ryhmän koko", "Tulkkaus tarvittaessa"])
    iv.edit("core", ["Kahdeksan tapaamisen ryhmä"])
    turn = iv.turn("tulkkausta ei oikeesti voi muokata, sen pitää olla aina. eli se ei kuulu tohon muokattaviin")
    assert turn.draft.adaptable == ["Kokoontumispaikka", "Ryhmän koko"]
    assert turn.draft.core == ["Kahdeksan tapaamisen ryhmä", "Tulkkaus tarvittaessa"]


def test_a_moved_item_the_core_already_says_is_not_written_twice(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.edit("adaptable", ["Tapaamisten pituus", "Ohjaajien määrä"])
    iv.edit("core", ["Kahdeksan tapaamista", "Ohjaajia aina kaksi"])
    turn = iv.turn("ohjaajien määrää ei voi muuttaa, niitä on aina kaks")
    assert turn.draft.adaptable == ["Tapaamisten pituus"]
    assert turn.draft.core == ["Kahdeksan tapaamista", "Ohjaajia aina kaksi"]


@pytest.mark.parametrize("lang,contact,text,expected", [
    ("sv", "Lena Backman, tfn 050 321 7788", "nummret e 050 321 7789, sista siffran fel",
     "Lena Backman, tfn 050 321 7789"),  # a number said again is swapped where it stands
    ("en", "Mikko Salo, 040 123 7711",
     "better to put our team inbox pelit@example.fi there instead of my phone, im on parental leave",
     "pelit@example.fi"),  # a shared inbox instead of my phone becomes the contact
    ("sv", "Linnea Sjöberg", "du kan sätta me min mejl också, linnea.sjoberg@example.fi",
     "Linnea Sjöberg, linnea.sjoberg@example.fi"),  # an address added is written as it is
])
def test_contact_details_said_again_at_the_summary(start, lang: str, contact: str, text: str,  # type: ignore[no-untyped-def]
                                                   expected: str) -> None:
    iv = start(lang)
    iv.edit("contact", contact)
    iv.state.phase, iv.state.pending_field = "confirm", None
    assert iv.turn(text).draft.contact == expected


def test_a_first_story_typed_without_full_stops_is_a_story_not_a_correction(start) -> None:  # type: ignore[no-untyped-def]
    iv = start("fi")
    iv.state.pending_field = "problem"
    story = ("mä aloitin etsivänä nuorisotyöntekijänä 2016 ja silloin mä kuljin nuorten kanssa virastosta toiseen "
             "ja puolet nuorista luovutti jo ekalla kerralla nyt meillä on keskustassa paikka mihin alle "
             "30-vuotias voi tulla ilman ajanvarausta siellä istuu samaan aikaan työllisyyspalvelujen "
             "asiantuntija ja kelan neuvoja ja terkkari kerran viikossa ja sit me nuorisotyöntekijät "
             "tavote on et nuori saa apua yhestä paikasta eikä putoo rakoihin ei oo enää mikään projekti")
    assert iv.services is not None and len(story.split()) > 60
    from assistant.understand import Understanding

    assert Understanding(iv.prompts.cues).correction(story) is None
    turn = iv.turn(story)
    filled = [f for f in ("problem", "basic_idea", "actors", "goals", "target_groups", "core", "environment",
                          "stage", "measurement") if getattr(turn.draft, f)]
    assert len(filled) >= 2  # told as one long "sentence", read as the story it is, not stored whole as the need
    assert len((turn.draft.problem or "").split()) < 40
