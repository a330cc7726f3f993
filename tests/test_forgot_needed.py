"""A forgotten thing told mid-interview whose form says it is needed ("unohdin yhden: tarvitaan myös vanhemman
suostumus", "glömde: å så behövs skjuts") goes to the conditions; "lisään vielä tekijöihin: …" adds to the
actors."""

from __future__ import annotations

from tests.conftest import asking_with_card


def test_a_forgotten_need_goes_to_the_conditions(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {"conditions": "Sijaisvanhemmat on valmennettu tähän."})
    turn = iv.turn("unohdin yhden: tarvitaan myös vanhemman suostumus, tapaaminen on aina vapaaehtoinen")
    assert turn.draft.conditions == "Sijaisvanhemmat on valmennettu tähän. Tarvitaan myös vanhemman suostumus"
    assert not turn.draft.target_groups


def test_a_swedish_forgotten_need(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "goals", {"conditions": "Arbetsgivarna måste vara öppna."})
    turn = iv.turn("glömde: å så behövs skjuts, många kan int åka buss själva i början")
    assert turn.draft.conditions is not None and "skjuts" in turn.draft.conditions
    assert not turn.draft.goals


def test_i_add_to_the_doers(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {"actors": ["Kotihoidon hoitajat", "Tiimien esimies"]})
    turn = iv.turn("lisään vielä tekijöihin: kotihoidon lääkäri")
    assert turn.draft.actors == ["Kotihoidon hoitajat", "Tiimien esimies", "Kotihoidon lääkäri"]
    assert not turn.draft.goals
