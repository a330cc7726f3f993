"""Corrections typed while another question is open, or at the summary with a remark (nineteenth round): spoken
markers ("kirjotin väärin"), a closing "X on oikein" that confirms and adds nothing, a bare "not X", a field named
before "not A but B", "I said A but it's B", and an answer that ends by naming what it is not. Sentences written
for the tests."""

from __future__ import annotations

import pytest

from assistant.items import excludes
from assistant.said_right import without_right_parts
from tests.conftest import at_summary


@pytest.mark.parametrize("lang,text", [
    ("fi", "hups mä kirjotin väärin, ei Lapua vaan Kauhava. Alavus ja Kuortane on oikein"),
    ("sv", "förresten, det är inte Lapua utan Kauhava. Alavus stämmer"),
    ("en", "oops, it's not Lapua but Kauhava, Alavus is right"),
])
def test_a_town_put_right_midway_keeps_the_others_and_adds_no_remark(start_at, lang: str,  # type: ignore[no-untyped-def]
                                                                       text: str) -> None:
    iv = start_at(lang, "goals")
    iv.state.content_turns = 1
    iv.edit("regions", ["Lapua", "Alavus", "Kuortane"])
    turn = iv.turn(text)
    assert turn.draft.regions == ["Kauhava", "Alavus", "Kuortane"]
    assert not turn.draft.goals


@pytest.mark.parametrize("lang,text,gone", [
    ("fi", "ei isovanhemmat", "isovanhemmat"),
    ("en", "oh and not grandparents", "grandparents"),
    ("sv", "nä vänta, inte Närpes", "Närpes"),
])
def test_a_bare_not_x_removes_x(start_at, lang: str, text: str, gone: str) -> None:  # type: ignore[no-untyped-def]
    iv = start_at(lang, None)
    iv.edit("target_groups", ["yksinhuoltajat", "isovanhemmat", "grandparents"])
    iv.edit("regions", ["Kristinestad", "Närpes"])
    at_summary(iv)
    turn = iv.turn(text)
    everything = turn.draft.target_groups + turn.draft.regions
    assert gone not in everything
    assert len(everything) == 4


def test_a_name_that_starts_with_no_is_the_name(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "name")
    iv.state.content_turns = 1
    iv.edit("basic_idea", "Ketään ei kotiuteta sairaalasta ilman asuntoa.")
    turn = iv.turn("Ei yksin kotiin")
    assert turn.draft.name == "Ei yksin kotiin"


def test_an_answer_that_ends_with_what_it_is_not_keeps_only_what_it_is(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "funders")
    iv.state.content_turns = 1
    turn = iv.turn("the municipality and a small church fund. not the ministry, we applied twice and got nothing")
    funders = " ".join(turn.draft.funders).lower()
    assert "municipality" in funders and "church fund" in funders
    assert "ministry" not in funders


@pytest.mark.parametrize("sentence,excluded", [
    ("not the ministry, we applied twice", True),
    ("ei niinkään lapsiperheitä, niille on oma ryhmä", True),
    ("Ei tarvita erityisiä tiloja.", False),
    ("Not only parents but also grandparents", False),
])
def test_what_counts_as_naming_what_the_answer_is_not(sentence: str, excluded: bool) -> None:
    assert excludes(sentence) is excluded


def test_a_field_named_then_not_a_but_b_after_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.content_turns = 1
    iv.edit("target_groups", ["unga 16–21 år i skärgården", "deras föräldrar"])
    turn = iv.turn("Vi frågar deltagarna efter varje termin. å förresten målgruppen e int 16–21 utan 14–19, "
                   "de äldre flyttar bort")
    assert turn.draft.target_groups == ["unga 14–19 år i skärgården", "deras föräldrar"]
    assert "termin" in (turn.draft.measurement or "")
    assert "flyttar" not in " ".join(turn.draft.target_groups)


@pytest.mark.parametrize("lang,fld,before,text,has,gone", [
    ("en", "name", "Sunday Soup", "looks fine except the name, it's Sunday Table not Sunday Soup", "Sunday Table",
     "Soup"),
    ("en", "basic_idea", "Parents meet weekly in the library with a family worker.",
     "wait, I said weekly but it's monthly", "meet monthly in the library", "weekly"),
    ("en", "core", "The course lasts 5 weeks. Every meeting starts with a shared meal.",
     "in the core is written 5 weeks, is 7 weeks", "lasts 7 weeks", "5 weeks"),
    ("fi", "environment", "Ryhmä kokoontuu seurakuntatalon salissa tiistaisin.",
     "muuten hyvä mut paikka on väärin: ei seurakuntatalon sali vaan kirjaston lukusali", "kirjaston lukusali",
     "seurakuntatalon"),
])
def test_a_value_said_wrong_at_the_summary_is_swapped_where_written(start_at, lang: str, fld: str,  # type: ignore[no-untyped-def]
                                                                     before: str, text: str, has: str,
                                                                     gone: str) -> None:
    iv = start_at(lang, None)
    iv.edit(fld, before)
    iv.edit("target_groups", ["families with small children"])
    at_summary(iv)
    turn = iv.turn(text)
    value = str(getattr(turn.draft, fld))
    assert has.lower() in value.lower()
    assert gone.lower() not in value.lower()
    assert turn.draft.target_groups == ["families with small children"]


def test_a_message_that_only_says_something_is_right_is_kept_whole() -> None:
    assert without_right_parts("aika on oikein") == "aika on oikein"
    assert without_right_parts("ei Lapua vaan Kauhava, muut ok") == "ei Lapua vaan Kauhava"


@pytest.mark.parametrize("lang,text", [
    ("sv", "kuratorn hör int till målgruppen utan till samarbetsparterna, hon e ju me på träffarna"),
    ("fi", "koulukuraattori ei kuulu kohderyhmään vaan toimijoihin"),
    ("en", "the school counsellor does not belong to the target group but to the partners"),
    ("sv", "allt stämmer utom att kuratorn int e målgrupp utan samarbetspart"),
])
def test_an_item_said_to_belong_elsewhere_moves(start_at, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = start_at(lang, None)
    iv.edit("target_groups", ["högstadieelever som skolkar", "kuratorn", "koulukuraattori", "the school counsellor"])
    iv.edit("actors", ["Vasa stad"])
    at_summary(iv)
    turn = iv.turn(text)
    assert len(turn.draft.target_groups) == 3
    assert len(turn.draft.actors) == 2


def test_a_range_said_wrong_in_a_named_field_changes_where_written(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "conditions")
    iv.state.content_turns = 1
    iv.edit("target_groups", ["14–20-vuotiaat nuoret, jotka pelaavat öisin", "nuorten vanhemmat"])
    turn = iv.turn("sori, kohderyhmä onkin 13–17-vuotiaat eikä 14–20. vanhemmat ohjataan perheneuvolaan")
    assert turn.draft.target_groups == ["13–17-vuotiaat nuoret, jotka pelaavat öisin", "nuorten vanhemmat"]


def test_the_goal_about_x_goes_after_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "evidence")
    iv.state.content_turns = 1
    iv.edit("goals", ["Deltagarna får vänner", "Deltagarna hittar en bostad inom ett år", "Deltagarna mår bättre"])
    turn = iv.turn("vi har ingen forskning ännu. förresten, målet om att hitta bostad ska bort, de e socialens mål")
    assert turn.draft.goals == ["Deltagarna får vänner", "Deltagarna mår bättre"]


def test_an_owner_named_with_the_word_before_it_is_not_doubled(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "funders")
    iv.state.content_turns = 1
    iv.edit("organisation", "Lapin hyvinvointialue")
    turn = iv.turn("Kela ja kunta. ja se vastuutaho ei oo hyvinvointialue vaan Lapin Kylät ry")
    assert turn.draft.organisation == "Lapin Kylät ry"


def test_a_longer_name_set_right_against_another(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.edit("actors", ["City of Oulu", "University of Oulu, nursing", "Oulu Senior Clubs"])
    at_summary(iv)
    turn = iv.turn("oh the uni is Oulu University of Applied Sciences, not the University of Oulu. easy to mix up")
    assert turn.draft.actors[0] == "City of Oulu" and turn.draft.actors[2] == "Oulu Senior Clubs"
    assert "Applied Sciences" in turn.draft.actors[1]


@pytest.mark.parametrize("lang,fld,before,text,after", [
    ("sv", "basic_idea", "Föräldrarna träffas varje vecka i församlingshemmet.",
     "Vänta, jag skrev fel tidigare: vi träffas varannan vecka, inte varje vecka.",
     "Föräldrarna träffas varannan vecka i församlingshemmet."),
    ("sv", "core", ["Gruppen träffas på kvällen i åtta veckor.", "Varje träff börjar med kaffe."],
     "Å en sak till i kärnan: gruppen träffas på förmiddagen, int på kvällen, då e de ljust ute",
     ["Gruppen träffas på förmiddagen i åtta veckor.", "Varje träff börjar med kaffe."]),
])
def test_y_not_x_after_a_correction_word_swaps_where_written(start_at, lang: str, fld: str, before: object,  # type: ignore[no-untyped-def]
                                                             text: str, after: object) -> None:
    iv = start_at(lang, "contact")
    iv.state.content_turns = 1
    iv.edit(fld, before)
    turn = iv.turn(text)
    assert getattr(turn.draft, fld) == after


def test_a_fix_announced_after_an_answer_is_made(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.state.content_turns = 1
    iv.edit("funders", ["Leader-ryhmä Oulujärvi", "Kajaanin kaupunki"])
    turn = iv.turn("Seurataan osallistujamääriä. Ja sit vielä: se Leader-raha ei tullu Oulujärveltä vaan "
                   "Kainuun Naisilta, sekotin ne")
    assert "osallistujamäär" in (turn.draft.measurement or "")
    assert "Kainuun Nai" in " ".join(turn.draft.funders)
    assert "Oulujärv" not in " ".join(turn.draft.funders)


@pytest.mark.parametrize("lang,text", [
    ("sv", "allt e rätt men int Lovisa"),
    ("fi", "muuten hyvä mut ei Loviisa"),
])
def test_agreement_then_the_fix_reads_the_fix(start_at, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = start_at(lang, None)
    iv.edit("regions", ["Borgå", "Lovisa", "Loviisa"])
    at_summary(iv)
    turn = iv.turn(text)
    assert len(turn.draft.regions) == 2


def test_a_field_named_before_the_but_stays_the_field(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.edit("funders", ["STEA"])
    iv.edit("actors", ["City of Vaasa"])
    at_summary(iv)
    turn = iv.turn("funders is ok but we get also from the Swedish Cultural Foundation, for the swedish groups")
    assert turn.draft.funders[0] == "STEA"
    assert "Cultural Foundation" in " ".join(turn.draft.funders)
    assert turn.draft.actors == ["City of Vaasa"]


def test_not_an_actor_but_whom_it_is_for_moves_to_the_target_groups(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.edit("actors", ["Oulun kaupunki", "yksinhuoltajat"])
    iv.edit("target_groups", ["pienten lasten vanhemmat"])
    at_summary(iv)
    turn = iv.turn("muuten hyvä mut yksinhuoltajat ei oo toimijoita, ne on niitä joita varten koko juttu on tehty")
    assert turn.draft.actors == ["Oulun kaupunki"]
    assert any("yksinhuoltaj" in t.lower() for t in turn.draft.target_groups)


def test_the_owner_renamed_at_the_end_of_a_remark(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.edit("organisation", "Kallio Family Support ry")
    iv.edit("name", "Evening Club")
    at_summary(iv)
    turn = iv.turn("looks right apart from the owner, the association changed its name in May, it's Harbour Families "
                   "ry now")
    assert turn.draft.organisation == "Harbour Families ry"
    assert turn.draft.name == "Evening Club"


@pytest.mark.parametrize("text", [
    "förresten, de e int Larsmo utan Kronoby som e me, ja blanda ihop dom",
    "å en sak till, de e int Larsmo utan Kronoby i området",
])
def test_not_a_but_b_after_a_correction_word_keeps_only_b(start_at, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.content_turns = 1
    iv.edit("regions", ["Jakobstad", "Larsmo"])
    turn = iv.turn("vi har en enkät i början. " + text)
    assert turn.draft.regions == ["Jakobstad", "Kronoby"]


def test_a_field_called_wrong_then_y_not_x_swaps_where_written(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.edit("target_groups", ["alakoululaiset, jotka ovat vaihtaneet koulua", "yksin kotona iltaisin olevat lapset"])
    at_summary(iv)
    turn = iv.turn("oho, se kohderyhmä meni väärin. yläkoululaiset eikä alakoululaiset, meillä tää on vaan 7–9-luokilla")
    assert turn.draft.target_groups == ["yläkoululaiset, jotka ovat vaihtaneet koulua",
                                        "yksin kotona iltaisin olevat lapset"]


def test_nobody_took_it_over_is_no_established_stage(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.edit("stage", "established")
    at_summary(iv)
    turn = iv.turn("wrong stage, it ended in spring when the money ran out. nobody took it over")
    assert turn.draft.stage == "ended"


def test_a_field_then_must_remove_x_after_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "conditions")
    iv.state.content_turns = 1
    iv.edit("actors", ["Keravan kaupunki", "Keravan Nuorisoseura", "Vantaan ja Keravan hyvinvointialue"])
    turn = iv.turn("tarvitaan tila ja kaks ohjaajaa. sit toimijoista pitää poistaa Nuorisoseura, ne lopetti")
    assert turn.draft.actors == ["Keravan kaupunki", "Vantaan ja Keravan hyvinvointialue"]
    assert "ohjaaj" in (turn.draft.conditions or "")


def test_not_everyone_over_a_number_changes_the_number(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.edit("target_groups", ["everyone over 60 who lives alone", "people who have stopped going out"])
    at_summary(iv)
    turn = iv.turn("only the over-70s, not everyone over 60. the younger ones have their own group")
    assert turn.draft.target_groups == ["everyone over 70 who lives alone", "people who have stopped going out"]


def test_one_thing_in_the_goals_after_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "funders")
    iv.state.content_turns = 1
    iv.edit("goals", ["Färre sjukhusdagar för äldre", "Anhöriga känner sig tryggare"])
    turn = iv.turn("kommunen betalar allt. å sorry en sak i målen: de första ska va färre akutbesök, int färre "
                   "sjukhusdagar")
    assert turn.draft.goals == ["Färre akutbesök för äldre", "Anhöriga känner sig tryggare"]


def test_an_answer_then_a_day_called_wrong_without_a_fixing_word(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.content_turns = 1
    iv.edit("core", ["Musikterapeuten besöker varje boende på måndagar i en timme.", "Varje boende har en spellista."])
    turn = iv.turn("Personalen fyller i en kort blankett efter varje musikstund. Musikterapeuten kommer på tisdagar, "
                   "inte på måndagar.")
    assert turn.draft.core == ["Musikterapeuten besöker varje boende på tisdagar i en timme.",
                               "Varje boende har en spellista."]
    assert "blankett" in (turn.draft.measurement or "")


def test_an_answer_that_ends_with_not_x_stays_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "problem")
    iv.state.content_turns = 1
    iv.edit("basic_idea", "Families get free baby equipment, such as cots, prams and clothes.")
    turn = iv.turn("nappies and formula went up so fast that parents water down feeds. health visitors were finding "
                   "babies sleeping in drawers or on the sofa, not in cots")
    assert turn.draft.basic_idea == "Families get free baby equipment, such as cots, prams and clothes."
    assert "not in cots" in (turn.draft.problem or "")
