"""A closing contest that names its field after a few words ("looks fine except the stage, …", "One thing: please
use the Finnish name, …") opens or sets that field instead of asking "which item is wrong?"; a number said right
at the summary changes that number where it is written."""

from __future__ import annotations

import pytest

from assistant.schema import Stage


def _at_summary(start_at, lang: str):  # type: ignore[no-untyped-def]
    iv = start_at(lang, "contact")
    iv.edit("name", "Elder abuse team")
    iv.edit("target_groups", ["Older people who are abused at home"])
    iv.edit("conditions", "The coordinator costs 50 euro a week, and the city pays it.")
    iv.edit("stage", "developing")
    iv.state.phase, iv.state.pending_field = "confirm", None
    iv.state.summary_fields = ["name", "target_groups", "conditions", "stage"]
    return iv


def test_the_stage_named_late_in_the_contest_is_set(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _at_summary(start_at, "en")
    turn = iv.turn("close, but the stage is wrong, we're not a pilot, this is established")
    assert turn.draft.stage == Stage.established
    assert "Which item is wrong" not in turn.reply


def test_a_field_named_after_the_opening_is_asked_again(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _at_summary(start_at, "en")
    turn = iv.turn("One thing: please use the Finnish name, that is what everyone calls it")
    assert turn.asked_field == "name" and not turn.done


def test_a_number_said_right_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _at_summary(start_at, "en")
    turn = iv.turn("Fine otherwise, but 50 euro is wrong, it is 60 euro since January")
    assert turn.draft.conditions == "The coordinator costs 60 euro a week, and the city pays it."
    assert turn.draft.name == "Elder abuse team"


def test_a_summary_contest_with_no_field_still_asks_which(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _at_summary(start_at, "en")
    turn = iv.turn("something is still off there")
    assert "Which item is wrong" in turn.reply


@pytest.mark.parametrize(("text", "name"), [
    ("All is well. Only the name, number 12, the elders themselves call it Tea and Memory, kindly use that one.",
     "Tea and Memory"),
    ("allt bra men namnet, barnen kallar det Sömnskolan", "Sömnskolan"),
])
def test_a_name_contest_that_says_what_people_call_it(text: str, name: str) -> None:
    from assistant.flow import load_prompts
    from assistant.interview_types import InterviewState
    from assistant.policy import closing
    from assistant.understand import Understanding

    nlu = Understanding(load_prompts(None).cues)
    state = InterviewState(session_id="x", lang="en")
    action = closing(nlu.analyse(text, in_closing=True), nlu, state)
    assert (action.kind, action.field, action.text) == ("set", "name", name)


def test_a_correction_of_words_the_card_never_wrote_goes_where_it_fits(start_at) -> None:  # type: ignore[no-untyped-def]
    """"three paid staff, not two" when the card says two nowhere: the right part is added to the conditions and the
    reply says "two" was not found (asking "which item?" made people say it all again)."""
    iv = _at_summary(start_at, "fi")
    iv.edit("conditions", "Kaupunki antaa tilat edullisesti.")
    turn = iv.turn("Korjaus: palkattuja työntekijöitä tarvitaan kolme, ei kaksi.")
    assert turn.draft.conditions == "Kaupunki antaa tilat edullisesti. Palkattuja työntekijöitä tarvitaan kolme"
    assert "kaksi" in turn.reply.split("\n")[0]
    assert turn.draft.target_groups == ["Older people who are abused at home"]


def test_an_age_range_said_right_at_the_summary_replaces_the_cards_one(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _at_summary(start_at, "fi")
    iv.edit("target_groups", ["Nuoret on 10–20-vuotiaita", "Osalla kehitysvamma"])
    turn = iv.turn("niin siis 8–20-vuotiaat, nuorin on kasivuotias")
    assert turn.draft.target_groups == ["Nuoret on 8–20-vuotiaita", "Osalla kehitysvamma"]
