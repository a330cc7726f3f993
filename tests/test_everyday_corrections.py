"""Everyday forms of corrections the markers missed (seventeenth round): the clitic "enemmänkin" of "X on
enemmänkin edellytys kuin tavote", the passive "unohdettiin" and "we forgot", and "they are partners" saying where
an item belongs. Sentences written for the tests."""

from __future__ import annotations


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
