"""To "did I get this right for the adaptable parts?", "No, the venues and times, and the exercises …" gives the
adaptable parts: a field word heading a list is content, not the environment named (thirty-first round, where the
reply was read as a correction of the environment and the question came back four times). Written for the
tests."""

from __future__ import annotations


def test_a_list_after_no_replaces_the_value_asked_about(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "adaptable")
    iv.state.content_turns = 1
    iv.edit("adaptable", ["The group size"])
    iv.edit("environment", "Village halls in Sotkamo")
    iv.state.asking = "confirm"
    turn = iv.turn("No, the venues and times, and the exercises can be made easier or harder.")
    assert "venues and times" in str(turn.draft.adaptable)
    assert "group size" not in str(turn.draft.adaptable).lower()
    assert turn.draft.environment == "Village halls in Sotkamo"


def test_a_field_named_after_no_still_corrects_that_field(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "adaptable")
    iv.state.content_turns = 1
    iv.edit("adaptable", ["The group size"])
    iv.edit("target_groups", ["people over 70"])
    iv.state.asking = "confirm"
    turn = iv.turn("No, the target group is people over 75.")
    assert "75" in " ".join(turn.draft.target_groups)
    assert turn.draft.adaptable == ["The group size"]
