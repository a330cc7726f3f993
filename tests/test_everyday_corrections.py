"""Everyday forms of corrections the markers missed (seventeenth round): the clitic "enemmänkin" of "X on
enemmänkin edellytys kuin tavote", the passive "unohdettiin" and "we forgot", and "they are partners" saying where
an item belongs. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.conftest import asking_with_card, at_summary


def test_more_a_condition_than_a_goal_moves_the_item(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.state.content_turns = 1
    iv.edit("goals", ["Nuoret pääsevät töihin", "Ohjaajat ovat käyneet ratkaisukeskeisen koulutuksen"])
    turn = iv.turn("toi ohjaajien koulutus on enemmänkin edellytys kuin tavoite")
    assert turn.draft.goals == ["Nuoret pääsevät töihin"]
    assert "koulutuksen" in (turn.draft.conditions or "")


def test_a_place_we_forgot_is_added_to_the_regions(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.state.content_turns = 1
    iv.edit("regions", ["Kouvola", "Kotka"])
    turn = iv.turn("hups unohdettiin hamina, siellä on toinen ryhmä")
    assert turn.draft.regions[:2] == ["Kouvola", "Kotka"]
    assert any("hamina" in r.lower() for r in turn.draft.regions)


def test_they_are_partners_moves_a_target_group_to_the_actors(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", None)
    iv.state.content_turns = 1
    iv.edit("target_groups", ["single fathers", "Espoo youth services"])
    iv.edit("actors", ["City of Espoo"])
    turn = iv.turn("Espoo youth services is not a target group, they are partner, they lend us the rooms")
    assert turn.draft.target_groups == ["single fathers"]
    assert any("youth services" in a.lower() for a in turn.draft.actors)


def test_a_place_to_drop_then_why_removes_only_that_place(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "leirikeskus pois, sinne ei enää päästä" once replaced the setting with the command."""
    iv = start_at("fi", None)
    iv.edit("environment", "Kylätalot ja kyläkoulut, ja sitten kerran kuussa seurakunnan leirikeskus Vuotsossa, "
                           "siellä on isompi tila.")
    iv.edit("problem", "Kylistä on pitkä matka perhekahvilaan.")
    at_summary(iv)
    turn = iv.turn("ja niistä paikoista missä ollaan, leirikeskus pois, sinne ei enää päästä ko seurakunta myi sen")
    env = turn.draft.environment or ""
    assert "leirikeskus" not in env.lower() and "isompi tila" not in env  # the clause pointing back goes too
    assert "Kylätalot" in env and "kyläkoulut" in env and "pois" not in env


def test_not_only_x_but_y_after_a_no_gives_y(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: the opening "Ei" was read as a hedge and the whole "ne oo enää pelkästään …, vaan …" stored."""
    iv = start_at("fi", None)
    iv.edit("target_groups", ["Nuoret miehet, joilla on päihdeongelmia"])
    iv.edit("problem", "Asunnottomia kotiutettiin kadulle.")
    at_summary(iv)
    turn = iv.turn("Ei ne oo enää pelkästään psykiatrian potilaat, vaan kaikki asunnottomat aikuispotilaat, "
                   "myös sisätautien osastoilla.")
    assert turn.draft.target_groups[0] == "Kaikki asunnottomat aikuispotilaat"
    assert not any("pelkästään" in t for t in turn.draft.target_groups)


def test_a_decimal_price_is_one_number(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "5,50 eikä 5 euroa" once wrote "50 euroa" (the comma split the number)."""
    iv = start_at("fi", None)
    iv.edit("basic_idea", "Ikäihmiset syövät koulujen ruokaloissa, ja hinta on 5 euroa.")
    iv.edit("problem", "Moni vanhus syö yksin.")
    at_summary(iv)
    turn = iv.turn("ai niin ja hinta on nyt 5,50 eikä 5 euroa, nousi tammikuussa")
    assert turn.draft.basic_idea == "Ikäihmiset syövät koulujen ruokaloissa, ja hinta on 5,50 euroa."


def test_a_replaced_part_of_a_long_sentence_keeps_the_rest(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: the whole sentence, with what it said about the table, was replaced by the new clause."""
    iv = start_at("fi", None)
    iv.edit("basic_idea", "Koulussa on varattu oma pöytä mutta lapset saa istua samaan pöytään, ja "
                          "viidesluokkalaiset toimii vuorotellen ruokalaisäntinä.")
    iv.edit("problem", "Moni vanhus syö yksin.")
    at_summary(iv)
    turn = iv.turn("ei vaan kuudesluokkalaiset on ruokalaisäntinä, ei vitoset")
    assert turn.draft.basic_idea == ("Koulussa on varattu oma pöytä mutta lapset saa istua samaan pöytään, ja "
                                     "kuudesluokkalaiset on ruokalaisäntinä.")


@pytest.mark.parametrize("text,owner", [
    ("hups, organisaatioks ei kunta, neuvola on ollu hyvinvointialueella jo 2023 alusta, eli Pohjois-Savon "
     "hyvinvointialue. vanha tapa kirjottaa", "Pohjois-Savon hyvinvointialue"),
    ("the organisation is wrong, it's Vantaa and Kerava wellbeing services county now",
     "Vantaa and Kerava wellbeing services county"),
])
def test_the_owner_is_the_name_said(start_at, text: str, owner: str) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: the field's own name ("organisaatioks") was swapped in for "kunta"."""
    iv = start_at("fi" if "hups" in text else "en", None)
    iv.edit("organisation", "Siilinjärven kunta, neuvola")
    iv.edit("problem", "Vanhemmat ovat yksin.")
    at_summary(iv)
    assert iv.turn(text).draft.organisation == owner


def test_a_remark_after_the_correction_names_no_field(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "… jag blandade ihop det med en annan kommun" sent the correction to the regions."""
    iv = start_at("sv", None)
    iv.edit("core", ["Apoteket dosdelar medicinerna i rullar och hemvården byter rullen var fjortonde dag"])
    iv.edit("problem", "Fel i medicineringen.")
    at_summary(iv)
    turn = iv.turn("Förlåt, rullen byts var sjunde dag, inte var fjortonde, jag blandade ihop det med en annan kommun.")
    assert not turn.draft.regions
    assert "sjunde" in " ".join(turn.draft.core) and "fjortonde" not in " ".join(turn.draft.core)


def test_the_subject_then_remove_it_removes_the_subject(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "nagu e ju en del av pargas så ta bort den" replaced the regions with the sentence."""
    iv = start_at("sv", "regions")
    iv.edit("regions", ["Åboland", "Pargas", "Kimitoön", "Nagu"])
    iv.edit("actors", ["Pargas stad", "Folkhälsan i Åboland"])
    turn = iv.turn("nagu e ju en del av pargas så ta bort den, blir dubbelt")
    assert turn.draft.regions == ["Åboland", "Pargas", "Kimitoön"]
    assert turn.draft.actors == ["Pargas stad", "Folkhälsan i Åboland"]


def test_a_decimal_number_in_the_reason_is_not_two_numbers(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "…, the 2.5 was from the old schedule" was read as "2" set against "5"."""
    iv = start_at("en", None)
    iv.edit("basic_idea", "Adults come once a week. Each session lasts 2.5 hours and includes a class.")
    iv.edit("regions", ["Hämeenlinna"])
    turn = iv.turn("each session is 3.5 hours, not 2.5, the 2.5 was from the old schedule we had in the pilot")
    assert turn.draft.basic_idea == "Adults come once a week. Each session lasts 3.5 hours and includes a class."


def test_a_partner_renamed_in_passing_is_renamed_on_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "X on nykyään Y" with no correction word was filed as the owner organisation."""
    iv = start_at("fi", None)
    iv.edit("actors", ["Rovaniemen kaupunki, nuorisopalvelut", "Lapin Nuorten Tuki ry", "Rovaniemen seurakunta"])
    iv.edit("problem", "Nuoret jäävät yksin.")
    turn = iv.turn("Lapin Nuorten Tuki on nykyään Pohjoisen Nuoret ry, ne yhdisty viime vuonna yhteen kemiläisen "
                   "yhdistyksen kanssa")
    assert turn.draft.actors == ["Rovaniemen kaupunki, nuorisopalvelut", "Pohjoisen Nuoret ry", "Rovaniemen seurakunta"]
    assert not turn.draft.organisation


def test_a_place_said_of_without_now_is_no_rename(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "environment")
    iv.edit("actors", ["Rovaniemen kaupunki", "Lapin Nuorten Tuki ry"])
    turn = iv.turn("Rovaniemen kaupunki on Lapin suurin kunta, ja toimitaan keskustan nuorisotilassa.")
    assert turn.draft.actors == ["Rovaniemen kaupunki", "Lapin Nuorten Tuki ry"]


@pytest.mark.parametrize("lang,card,text,after", [
    ("en", "The worker visits the family at home every second week for six months.",
     "the visits are every third week not every second. six months is right",
     "The worker visits the family at home every third week for six months."),
    ("fi", "Työnohjaus on joka toinen viikko ja tiimipalaveri maanantaisin.",
     "työnohjaus on joka kolmas viikko eikä joka toinen. sori sekotin sen meiän tiimipalaveriin",
     "Työnohjaus on joka kolmas viikko ja tiimipalaveri maanantaisin."),
])
def test_an_ordinal_frequency_set_against_another(start_at, lang: str, card: str, text: str,  # type: ignore[no-untyped-def]
                                                  after: str) -> None:
    """Eighteenth round: "every third week not every second" was a story (an item was replaced by "six months is
    right"); the ordinal changes where the card writes it."""
    iv = start_at(lang, None)
    iv.edit("core", [card, "The first visit is done together with the social worker."])
    iv.edit("problem", "Families were alone.")
    turn = iv.turn(text)
    assert turn.draft.core == [after, "The first visit is done together with the social worker."]


def test_an_item_said_short_is_removed_and_only_it(start_at) -> None:  # type: ignore[no-untyped-def]
    """Eighteenth round: "nuorisopsykiatrian poli pois" also cut "nuorisopalvelut" out of another item."""
    iv = start_at("fi", None)
    iv.edit("actors", ["Joensuun kaupunki, nuorisopalvelut", "Nuorisopsykiatrian poliklinikka, joka konsultoi tiimiä",
                       "Joensuun seudun Mielenterveysseura ry"])
    iv.edit("problem", "Nuoret jäävät ilman apua.")
    turn = iv.turn("nuorisopsykiatrian poli pois toimijoista, ne ei oo käyny konsultoimassa enää vuoteen")
    assert turn.draft.actors == ["Joensuun kaupunki, nuorisopalvelut", "Joensuun seudun Mielenterveysseura ry"]


def test_two_announced_fixes_are_both_made(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", None)
    iv.edit("regions", ["Kajaani", "Sotkamo"])
    iv.edit("funders", ["Kajaanin kaupunki"])
    iv.edit("problem", "Ikäihmiset kaatuvat kotona.")
    turn = iv.turn("kaks juttua: Sotkamon tilalle Paltamo, ja rahottajiin vielä Kainuun liitto")
    assert turn.draft.regions == ["Kajaani", "Paltamo"]
    assert turn.draft.funders == ["Kajaanin kaupunki", "Kainuun liitto"]


@pytest.mark.parametrize("lang,fld,before,text,after", [
    # "laita alueeks X eikä pelkkä Y" once added the whole sentence
    ("fi", "regions", ["Ruokolahti"], "laita alueeks koko Etelä-Karjala eikä pelkkä Ruokolahti, tää on kaikissa "
     "kunnissa", ["Koko Etelä-Karjala"]),
    # "dads" did not find "fathers", and "for mums" was added beside the mothers' item
    ("en", "target_groups", ["mothers of babies under one year who feel isolated", "fathers of babies under one year"],
     "it's only for mums, not dads. dads have their own group on thursdays",
     ["mothers of babies under one year who feel isolated"]),
    # "…, ja vaihe on …" after "alue on koko Kainuu eikä pelkkä Kajaani" made it a story
    ("fi", "regions", ["Kajaani"], "kaks asiaa: alue on koko Kainuu eikä pelkkä Kajaani, ja vaihe on jo vakiintunu, "
     "pyöriny kolme vuotta", ["Koko Kainuu"]),
    # "Borgå stämmer men Sibbo ska bort" tried to remove "Borgå stämmer men Sibbo"
    ("sv", "regions", ["Porvoo", "Sipoo"], "Borgå stämmer men Sibbo ska bort, vi jobbar int där längre. Lovisa i "
     "stället", ["Porvoo", "Lovisa"]),
])
def test_one_list_put_right_at_the_summary(start_at, lang: str, fld: str, before: list[str], text: str,  # type: ignore[no-untyped-def]
                                           after: list[str]) -> None:
    """Eighteenth round: a list item widened, narrowed or swapped in everyday words; the rest of the card stays."""
    iv = start_at(lang, None)
    iv.edit(fld, before)
    iv.edit("problem", "People were left alone.")
    at_summary(iv)
    turn = iv.turn(text)
    assert getattr(turn.draft, fld) == after
    assert turn.draft.problem == "People were left alone."


_FOOD_ACTORS = ["Kuopion Ruokapankki ry", "Kuopion seurakunta, diakoniatyö", "Pohjois-Savon hyvinvointialue"]


def test_take_it_out_from_the_partners_with_the_reason_after_it(start_at) -> None:  # type: ignore[no-untyped-def]
    """Round 25: what goes was read as "seurakunta pois sieltä kenen kaa …" and the reason ("… ku rahat loppu")
    cut a target group that spoke of money running out."""
    groups = ["yksin asuvat eläkeläiset", "lapsiperheet, joilla raha loppuu ennen kuun loppua"]
    iv = asking_with_card(start_at, "fi", "measurement", {"actors": list(_FOOD_ACTORS), "target_groups": groups})
    turn = iv.turn("lasketaan kävijät joka kerta. ja ota se seurakunta pois sieltä kenen kaa tätä tehään, ne "
                   "lopetti ruokajakelun keväällä ku rahat loppu")
    assert turn.draft.actors == [_FOOD_ACTORS[0], _FOOD_ACTORS[2]]
    assert turn.draft.target_groups == groups


@pytest.mark.parametrize(("lang", "text", "actors"), [
    ("fi", "ei kun hetki, unohda se nuorisotalo mitä sanoin, se on eri hanke", ["Ruokapankki", "Nuorisotalo Kipinä",
                                                                              "Kaupungin kirjasto"]),
    ("sv", "nej vänta, glöm ungdomsgården som jag sa, den hör till ett annat projekt", ["Matbanken",
                                                                                     "Ungdomsgården Gnistan",
                                                                                     "Stadsbiblioteket"]),
])
def test_forget_the_one_i_said_takes_it_off(start_at, lang: str, text: str, actors: list[str]) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, lang, "goals", {"actors": list(actors)})
    turn = iv.turn(text)
    assert turn.draft.actors == [actors[0], actors[2]]


def test_then_you_can_remove_them_from_there_mid_interview(start_at) -> None:  # type: ignore[no-untyped-def]
    """"å sen kan du ta bort dom X därifrån" (round 25: read as the answer, the group kept)."""
    groups = ["elever med hög frånvaro", "elever som oroar sig inför prov", "nyanlända elever"]
    iv = asking_with_card(start_at, "sv", "measurement", {"target_groups": list(groups)})
    turn = iv.turn("å sen kan du ta bort dom nyanlända därifrån. dom kommer nog ibland men e ingen egen grupp")
    assert turn.draft.target_groups == groups[:2]


def test_about_the_money_who_pays_nothing_and_remove_them_there_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    """"det där om pengarna – X betalar faktiskt ingenting, … Så ta bort dem där." (round 25: "which item?")."""
    funders = ["Svenska kulturfonden", "Borgå stad", "Lokala banken"]
    iv = asking_with_card(start_at, "sv", "goals", {"funders": list(funders), "regions": ["Borgå"]})
    at_summary(iv)
    turn = iv.turn("det där om pengarna – staden betalar faktiskt ingenting, de ger oss bara lokalen. Så ta bort dem där.")
    assert turn.draft.funders == [funders[0], funders[2]]
    assert turn.draft.regions == ["Borgå"]


def test_one_thing_its_the_right_name_not_the_wrong_one_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    """"one thing, its X Centre not Y Network, …" (round 25: nothing changed; a longer name after "its")."""
    actors = ["Leeds City Council", "Harehills Mothers' Network", "St James's Hospital"]
    iv = asking_with_card(start_at, "en", "goals", {"actors": list(actors)})
    at_summary(iv)
    turn = iv.turn("one thing, its Harehills Mothers Centre not Mothers Network, the network is another group")
    assert "Harehills Mothers Centre" in turn.draft.actors
    assert all("Network" not in a for a in turn.draft.actors)
    assert {actors[0], actors[2]} <= set(turn.draft.actors)


def test_an_announced_fix_of_a_partner_in_everyday_words(start_at) -> None:  # type: ignore[no-untyped-def]
    """"yks juttu, se yhdistys siinä kumppanilistassa ei oo X vaan Y" (round 25: "which item?")."""
    actors = ["Oulun kaupunki, nuorisopalvelut", "Pohjois-Pohjanmaan Näkövammaiset ry"]
    iv = asking_with_card(start_at, "fi", "goals", {"actors": list(actors)})
    at_summary(iv)
    turn = iv.turn("yks juttu, se yhdistys siinä kumppanilistassa ei oo näkövammaiset vaan Oulun Seudun "
                   "Heikkonäköiset ry")
    assert turn.draft.actors == [actors[0], "Oulun Seudun Heikkonäköiset ry"]


@pytest.mark.parametrize(("lang", "text", "new"), [
    ("sv", "allt stämmer utom att ungdomsgården Gnistan saknas bland dom vi samarbetar med, dom e me sen i höstas",
     "Gnistan"),
    ("en", "all fine except the youth club Spark is missing from the organisations we partner with", "Spark"),
])
def test_missing_among_those_we_work_with_is_added_to_the_partners(start_at, lang: str, text: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Round 25: "… saknas bland dom vi samarbetar med" added "bland dom vi samarbetar med" to the core."""
    actors = ["Fritidsbanken", "Stadens fritidsförvaltning"] if lang == "sv" else ["Leisure Bank", "City youth team"]
    core = ["Utlåningen är öppen tisdagar"] if lang == "sv" else ["Lending is open on Tuesdays"]
    iv = asking_with_card(start_at, lang, "goals", {"actors": list(actors), "core": list(core)})
    at_summary(iv)
    turn = iv.turn(text)
    assert turn.draft.actors[:2] == actors
    assert any(new in a for a in turn.draft.actors[2:])
    assert turn.draft.core == core


def test_add_a_place_to_those_places_after_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    """"… ja lisää Utsjoki noihin paikkoihin, sieltä tulee …" (round 25: stored as the answer, no place added)."""
    iv = asking_with_card(start_at, "fi", "environment", {"regions": ["Kemi", "Tornio"]})
    turn = iv.turn("kokoonnutaan kirjaston kerhohuoneessa, siellä on kahvinkeitin. ja lisää Simo noihin paikkoihin, "
                   "sieltäkin tulee porukkaa")
    assert turn.draft.regions == ["Kemi", "Tornio", "Simo"]
    assert "kerhohuoneessa" in (turn.draft.environment or "")


@pytest.mark.parametrize(("lang", "text", "new"), [
    ("fi", "kirjataan käynnit ja kerran vuodessa kysely. ai niin, Oriveden Eläkeläiset on kans mukana, ne hakee "
           "uusia kävijöitä", "Oriveden Eläkeläiset"),
    ("sv", "vi räknar besöken å frågar en gång om året. å just de, Röda korset i Borgå e också me, dom skjutsar folk",
     "Röda korset i Borgå"),
])
def test_a_partner_with_us_too_after_the_answer(start_at, lang: str, text: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Round 25: "ai niin, X on kans mukana, …" after an answer was stored as the answer."""
    actors = ["Kaupungin liikuntapalvelut", "Seurakunta"] if lang == "fi" else ["Stadens idrottstjänster", "Församlingen"]
    iv = asking_with_card(start_at, lang, "measurement", {"actors": list(actors)})
    turn = iv.turn(text)
    assert turn.draft.actors == [*actors, new]
    assert turn.draft.measurement


def test_several_sentences_ending_in_too_are_not_one_thing_added_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    """Round 25: the whole message was appended to the basic idea as "one more thing"."""
    idea = "Peer workers hand out naloxone kits at hostels and show people how to use them."
    iv = asking_with_card(start_at, "en", "goals", {"basic_idea": idea,
                                                    "target_groups": ["people who use opioids", "people under 18"]})
    at_summary(iv)
    turn = iv.turn("couple of bits on who its for. we dont see under 18s at all, thats the youth service. and the "
                   "street nurses work with us now too")
    assert turn.draft.basic_idea == idea
