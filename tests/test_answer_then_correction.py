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
