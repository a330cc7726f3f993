"""A message that opens as a correction is never stored as the answer to another question: the core once read
"Unohdin: myös kolmosperheet tietty" and the target group "Tarkennus: ei syksyllä vaan jo keväällä 2024
alotettiin". An addition goes where its words fit; a correction of nothing on the card is said so."""

from __future__ import annotations


def test_a_forgotten_group_while_a_value_is_confirmed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "core")
    iv.edit("target_groups", ["Kaksosperheet Tampereella"])
    iv.edit("core", ["Vertaisäiti käy kerran kylässä"])
    iv.state.asking = "confirm"
    turn = iv.turn("unohdin: myös kolmosperheet tietty, niitä on pari vuodessa")
    assert turn.draft.core == ["Vertaisäiti käy kerran kylässä"]
    assert any("kolmosperheet" in g.lower() for g in turn.draft.target_groups or [])


def test_a_correction_of_nothing_on_the_card_is_not_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "target_groups")
    turn = iv.turn("tarkennus: ei syksyllä vaan jo keväällä 2024 alotettiin, pienellä porukalla, sori")
    assert not turn.draft.target_groups
    assert "En löytänyt kuvauksesta kohtaa" in turn.reply
    assert turn.asked_field == "target_groups"


def test_a_marker_before_a_plain_answer_keeps_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "core")
    turn = iv.turn("ai niin, meillä on viikoittainen ryhmä ja kotikäynti kerran kuussa")
    assert "viikoittainen ryhmä" in " ".join(turn.draft.core or []).lower()
