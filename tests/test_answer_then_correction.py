"""An answer to the question asked, then a sentence that corrects the card ("mitataan kyselyllä. ja poista se
painonhallinta tavotteista"): both are done, the answer in the asked field and the correction where it points.
A later sentence that only sounds like a correction stays part of the answer."""

from __future__ import annotations


def test_the_answer_is_kept_and_the_named_item_removed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("goals", ["Kuntoutuja liikkuu säännöllisesti", "Osallistujien painonhallinta paranee"])
    iv.edit("regions", ["Jyväskylä"])
    turn = iv.turn("mitataan niin et kysytään alussa ja lopussa montako kertaa viikossa liikkuu. ja poista se "
                   "painonhallinta tavotteista, ei se oo meiän juttu ollenkaan")
    assert turn.draft.goals == ["Kuntoutuja liikkuu säännöllisesti"]
    assert "montako kertaa viikossa" in (turn.draft.measurement or "")
    assert "painonhallinta" not in (turn.draft.measurement or "")
    assert turn.draft.regions == ["Jyväskylä"]


def test_the_answer_is_kept_and_the_forgotten_funder_added(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("funders", ["STEA"])
    turn = iv.turn("vi räknar hur många som kommer tillbaka efter första gången. ja glömde nämna att vi också får "
                   "pengar från Svenska kulturfonden, för barnverksamheten")
    assert turn.draft.funders == ["STEA", "Svenska kulturfonden"]
    assert "kommer tillbaka" in (turn.draft.measurement or "")
    assert "kulturfonden" not in (turn.draft.measurement or "")


def test_a_later_sentence_about_the_world_stays_in_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "basic_idea")
    iv.state.content_turns = 1  # past the opening story: an answer
    iv.edit("regions", ["Oulu"])
    turn = iv.turn("Nuori tapaa saman ohjaajan joka viikko koulun jälkeen. Ei rangaistus vaan tuki.")
    assert "rangaistus vaan tuki" in (turn.draft.basic_idea or "")
    assert "saman ohjaajan" in (turn.draft.basic_idea or "")
    assert turn.draft.regions == ["Oulu"]


def test_a_place_in_the_other_language_is_found_on_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "goals")
    iv.edit("regions", ["Raseborg", "Hangö", "Ingå"])
    turn = iv.turn("målet e att de anhöriga ska orka bättre. o inkoo ska bort, där ha vi aldrig haft nån grupp")
    assert turn.draft.regions == ["Raseborg", "Hangö"]
    assert turn.draft.goals and "orka bättre" in turn.draft.goals[0]
    assert not any("inkoo" in g.lower() for g in turn.draft.goals)


def test_remove_it_with_a_reason_after_it_removes_the_place_named_before(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "funders")
    iv.edit("regions", ["Tampere", "Nokia", "Kangasala", "Lempäälä"])
    turn = iv.turn("rahotuksen kysyn kaverilta. kangasalla ei oo viel ryhmää, otetaan se pois ni ei tuu väärää kuvaa")
    assert turn.draft.regions == ["Tampere", "Nokia", "Lempäälä"]
    assert not any("kangasal" in f.lower() for f in turn.draft.funders)


def test_one_place_for_another(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.state.pending_field = None
    iv.edit("regions", ["Porvoo", "Loviisa", "Sipoo"])
    turn = iv.turn("Askola not Sipoo")
    assert turn.draft.regions == ["Porvoo", "Loviisa", "Askola"]


def test_who_pays_said_as_forgotten_is_a_funder(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.state.pending_field = None
    iv.edit("funders", ["Keski-Suomen hyvinvointialue"])
    iv.edit("actors", ["Jyväskylän Seudun Reumayhdistys ry"])
    turn = iv.turn("näyttää hyvältä! ai nii unohdin sanoo et myös kela rahottaa osan, osa ryhmistä on kelan "
                   "kuntoutuskursseja")
    assert turn.draft.funders == ["Keski-Suomen hyvinvointialue", "Kela"]
    assert turn.draft.actors == ["Jyväskylän Seudun Reumayhdistys ry"]


def test_add_it_to_a_named_field_adds_what_its_clause_was_about(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("regions", ["Lieksa", "Nurmes"])
    turn = iv.turn("hei tosi kiva et tää etenee! juuka lähti muuten mukaan tammikuussa, sen vois lisätä noihin "
                   "alueisiin")
    assert turn.draft.regions == ["Lieksa", "Nurmes", "Juuka"]


def test_a_question_put_off_before_the_correction_is_not_stored_as_its_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("funders", ["STEA"])
    turn = iv.turn("mätningen återkommer ja till. ja glömde nämna att vi också får pengar från Svenska kulturfonden")
    assert turn.draft.funders == ["STEA", "Svenska kulturfonden"]
    assert not turn.draft.measurement
