"""An item said to be missing from a field named after it ("Viitasaari puuttuu paikkakunnista, …", "Rosersberg
saknas bland orterna", "the parish is missing from the partners") is added there, without the reason told after
it, also after an answer to the question asked (thirty-first round). Sentences written for the tests."""

from __future__ import annotations


def test_a_place_missing_from_the_regions_is_added_after_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.state.content_turns = 1
    iv.edit("regions", ["Jyväskylä", "Äänekoski"])
    turn = iv.turn("lasketaan käyntikerrat ja testien määrät kuukausittain. ja Viitasaari puuttuu paikkakunnista, "
                   "siellä ollaan käyty keväästä asti")
    assert turn.draft.regions == ["Jyväskylä", "Äänekoski", "Viitasaari"]
    assert "käyntikerrat" in (turn.draft.measurement or "")
    assert "Viitasaari" not in (turn.draft.measurement or "")


def test_a_partner_missing_is_added_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "goals")
    iv.state.content_turns = 5
    iv.edit("actors", ["the city youth services"])
    iv.edit("goals", ["fewer school drop-outs"])
    iv.state.phase, iv.state.pending_field = "confirm", None
    iv.state.summary_fields = ["actors", "goals"]
    turn = iv.turn("also the parish is missing from the partners, they lend us the rooms")
    assert [a.lower() for a in turn.draft.actors] == ["the city youth services", "the parish"]
    assert turn.draft.goals == ["fewer school drop-outs"]
