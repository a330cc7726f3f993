"""Two corrections in one message ("X ei oo aloitettu, ota pois. ja sähköposti on nykyään …"): both are done.
A clause after a correction that only explains it, or the "not Y" half of "X, not Y", is not a second one."""

from __future__ import annotations


def _confirming_core(start_at, lang: str, **card: list[str]):  # type: ignore[no-untyped-def]
    """An interview asking "did I get the core right?" with these card items written."""
    iv = start_at(lang, "core")
    for fld, value in card.items():
        iv.edit(fld, value)
    iv.state.asking = "confirm"
    return iv


def test_a_region_removed_and_a_new_address(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.state.pending_field = None
    iv.edit("regions", ["Lahti", "Hollola", "Orimattila"])
    iv.edit("contact", "Sari Koski, sari.koski@example.fi")
    turn = iv.turn("orimattilassa ei oo vielä aloitettu, ota se pois. ja sähköposti on nykyään sari.koski@example.com")
    assert turn.draft.regions == ["Lahti", "Hollola"]
    assert turn.draft.contact == "Sari Koski, sari.koski@example.com"
    assert not turn.draft.goals


def test_an_item_removed_and_a_number_changed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.pending_field = None
    iv.edit("core", ["Fem träffar i grupp", "Hembesök av sjukskötare", "Gemensam picknick"])
    turn = iv.turn("ta bort picknicken, o de e sex gruppträffar int fem")
    assert turn.draft.core is not None and len(turn.draft.core) == 2
    assert turn.draft.core[0].lower().startswith("sex")
    assert not any("picknick" in c.lower() for c in turn.draft.core)
    assert "Hembesök av sjukskötare" in turn.draft.core


def test_a_reason_after_the_correction_changes_nothing_else(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("goals", ["Nuorten turvallisuus paranee", "Mopokortin suorittaminen"])
    turn = iv.turn("mopokorttijuttu on hölmö tavotteena, ota se pois. autetaan kyl joskus mopojen kanssa mut ei "
                   "se oo tavote")
    assert turn.draft.goals == ["Nuorten turvallisuus paranee"]


def test_not_y_after_x_is_one_correction(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "adaptable")
    iv.edit("core", ["Högst åtta deltagare per grupp", "Fysioterapeut leder varje pass"])
    turn = iv.turn("antalet e fel, vi tar in tio per grupp, int åtta")
    assert turn.draft.core is not None and len(turn.draft.core) == 2  # "int åtta" alone removes no item
    assert "Fysioterapeut leder varje pass" in turn.draft.core



def test_one_place_out_and_another_in(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.state.pending_field = None
    iv.edit("regions", ["Lahti", "Hollola", "Heinola"])
    turn = iv.turn("about the area: Heinola is out, and Orimattila should be there, we started there in spring")
    assert turn.draft.regions == ["Lahti", "Hollola", "Orimattila"]


def test_a_partner_out_and_another_added(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("actors", ["Heinolan kaupunki", "Kela", "Päijät-Hämeen hyvinvointialue"])
    turn = iv.turn("ota Kela pois toimijoista, ne ei oo tässä mukana. Lisää sen sijaan Heinolan seurakunnan "
                   "diakoniatyö, ne ohjaa meille väkeä")
    assert turn.draft.actors == ["Heinolan kaupunki", "Päijät-Hämeen hyvinvointialue",
                                 "Heinolan seurakunnan diakoniatyö"]
    assert not turn.draft.measurement


def test_a_marked_correction_about_another_field_keeps_the_value_asked_about(start_at) -> None:  # type: ignore[no-untyped-def]
    """To "did I get the target group right?", "tarkennus: ei syksyllä vaan keväällä 2024 alotettiin" is not a new
    target group: nothing says autumn, so the person is told and the question stands."""
    iv = start_at("fi", "target_groups")
    iv.edit("target_groups", ["Oppilaat, joilla on keskittymisen vaikeuksia"])
    iv.state.pending_field, iv.state.asking = "target_groups", "confirm"
    turn = iv.turn("tarkennus: ei syksyllä vaan jo keväällä 2024 alotettiin, pienellä porukalla, sori")
    assert turn.draft.target_groups == ["Oppilaat, joilla on keskittymisen vaikeuksia"]
    assert "Kohderyhmä" in turn.reply


def test_two_places_said_wrong_together_are_both_removed(start_at) -> None:  # type: ignore[no-untyped-def]
    """"inte Kristinestad och Kaskö" for a card listing them apart (it had become the answer to the contact
    question)."""
    iv = start_at("sv", "contact")
    iv.edit("regions", ["Närpes", "Kristinestad", "Kaskö"])
    turn = iv.turn("Det ska vara Närpes och Korsnäs, inte Kristinestad och Kaskö.")
    assert turn.draft.regions == ["Närpes", "Korsnäs"]
    assert turn.draft.contact is None


def test_someone_gone_who_is_not_on_the_card_is_no_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    """To "what is the model called?", "brottsofferjouren e int me längre" is told as not found; the name stays
    unanswered (it had become the name)."""
    iv = start_at("sv", "name")
    iv.edit("actors", ["Polisen", "Skyddshemmet"])
    turn = iv.turn("förresten, brottsofferjouren e int me längre sen i våras")
    assert turn.draft.name is None
    assert "brottsofferjouren" in turn.reply
    assert turn.draft.actors == ["Polisen", "Skyddshemmet"]


def test_an_age_range_put_right_while_another_item_is_confirmed(start_at) -> None:  # type: ignore[no-untyped-def]
    """To "did I get the core right?", "jag menade 6–12 år" changes the target group's range; the core stays."""
    iv = _confirming_core(start_at, "sv", target_groups=["Barn 7–12 år vars föräldrar har separerat"],
                          core=["Varje barn gör en egen bok om sina två hem"])
    turn = iv.turn("förlåt, jag menade 6–12 år")
    assert turn.draft.target_groups == ["Barn 6–12 år vars föräldrar har separerat"]
    assert turn.draft.core == ["Varje barn gör en egen bok om sina två hem"]


def test_a_small_correction_about_something_else_keeps_the_core_asked_about(start_at) -> None:  # type: ignore[no-untyped-def]
    """To "did I get the core right?", "Sorry, small correction, the pilot was autumn 2023 not spring" (nothing
    on the card says spring) had replaced the core with the message."""
    iv = _confirming_core(start_at, "en", core=["Clients book the appointment themselves online"])
    turn = iv.turn("Sorry, small correction, the pilot was autumn 2023 not spring. Spring was only internal "
                   "testing with staff.")
    assert turn.draft.core == ["Clients book the appointment themselves online"]
    assert turn.asked_field == "core"


def test_a_removal_after_a_clause_that_says_what_it_is_about() -> None:
    """"ja niistä paikoista missä ollaan, leirikeskus pois, …": the camp centre goes (it was "which item?")."""
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction(
        "ja niistä paikoista missä ollaan, leirikeskus pois, sinne ei enää päästä ko seurakunta myi sen")
    assert c is not None
    assert (c.text, c.removed) == ("", ["leirikeskus"])


def test_an_acronym_finds_its_case_form_on_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    """"ei se oo MLL vaan Martat" when the card says "MLL:n paikallisyhdistys" (its stem was too short to
    compare, and the message had replaced the core being confirmed)."""
    iv = _confirming_core(start_at, "fi", actors=["Perheohjaaja", "MLL:n paikallisyhdistys"],
                          core=["Perhekahvila kiertää kylissä"])
    turn = iv.turn("ai nii ei se oo MLL vaan Martat, MLL:n yhistys lopetti täältä pari vuotta sitten")
    assert turn.draft.core == ["Perhekahvila kiertää kylissä"]
    assert turn.draft.actors is not None and "MLL" not in " ".join(turn.draft.actors)
    assert any("Martat" in a for a in turn.draft.actors)


def test_nor_x_but_y_inside_a_sentence_swaps_that_value(start_at) -> None:  # type: ignore[no-untyped-def]
    """"se testi tehhään eikä kolmen kuukauden vaan puolen vuoden välein" to the name question: the card's
    "kolmen kuukauden" becomes "puolen vuoden" (it had become the model's name)."""
    iv = start_at("fi", "name")
    iv.edit("measurement", "Tuolilta nousu -testi tehhään kolmen kuukauden välein ja puolella on parantunna.")
    turn = iv.turn("ja se tuolilta nousu -testi tehhään eikä kolmen kuukauden vaan puolen vuoden välein, "
                   "fysioterapeutin aika ee riittäny useempaan")
    assert turn.draft.measurement == "Tuolilta nousu -testi tehhään puolen vuoden välein ja puolella on parantunna."
    assert turn.draft.name is None


def test_an_answer_that_says_what_was_not_done_but_what_was_is_kept(start_at) -> None:  # type: ignore[no-untyped-def]
    """"ei oo tehty mitään tutkimusta, vaan pelkästään asiakaspalautetta" answers "what evidence is there?"; it is
    no removal of something missing from the card."""
    iv = start_at("fi", "evidence")
    turn = iv.turn("ei oo tehty mitään tutkimusta, vaan pelkästään sitä asiakaspalautetta. viime vuonna 41 "
                   "vastaajasta 38 sano et sai apua")
    assert "asiakaspalautetta" in str(turn.draft.evidence)


def test_words_about_another_item_at_a_confirmation_go_there(start_at) -> None:  # type: ignore[no-untyped-def]
    """To "did I get the core right?", a sentence that plainly says whom the service is for is added to the
    target group, and the core stays and is asked again."""
    iv = _confirming_core(start_at, "fi", target_groups=["Omaishoitajat"], core=["Ryhmä kokoontuu viikoittain"])
    turn = iv.turn("Palvelu on tarkoitettu yli 65-vuotiaille omaishoitajille")
    assert turn.draft.core == ["Ryhmä kokoontuu viikoittain"]
    assert turn.draft.target_groups == ["Omaishoitajat", "Palvelu on tarkoitettu yli 65-vuotiaille omaishoitajille"]
    assert turn.asked_field == "core"
