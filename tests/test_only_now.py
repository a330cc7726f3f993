"""A list said to hold only some of its items now ("alue on nykyään pelkästään Lieksa", "it's only running in
Siilinjärvi now - the other two lost the grant"): those stay, the others go, and an answer said first stays the
answer. Sentences written for the tests (twenty-third round)."""

from __future__ import annotations

from tests.conftest import asking_with_card, at_summary


def test_only_one_place_now_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.edit("regions", ["Lieksa", "Nurmes", "Valtimo"])
    at_summary(iv)
    turn = iv.turn("alue on nykyään pelkästään Lieksa. Nurmes ja Valtimo jäi pois ku rahat loppu")
    assert turn.draft.regions == ["Lieksa"]


def test_only_one_funder_named_by_its_short_name(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "goals")
    iv.edit("funders", ["Sosiaali- ja terveysjärjestöjen avustuskeskus STEA", "Mikkelin kaupunki"])
    at_summary(iv)
    turn = iv.turn("rahotus tulee nykyään pelkästään STEAlta, kaupunki lopetti avustuksen")
    assert turn.draft.funders == ["Sosiaali- ja terveysjärjestöjen avustuskeskus STEA"]


def test_the_answer_said_first_stays_and_the_places_narrow(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "adaptable", {})
    iv.edit("regions", ["Siilinjärvi", "Leppävirta", "Tuusniemi"])
    iv.edit("actors", ["Siilinjärvi municipality", "the pharmacy"])
    turn = iv.turn("The weekday can change. Oh, and it's only running in Siilinjärvi now, the other two lost the grant.")
    assert turn.draft.regions == ["Siilinjärvi"]
    assert turn.draft.actors == ["Siilinjärvi municipality", "the pharmacy"]
    assert "weekday" in " ".join(turn.draft.adaptable)


def test_only_us_is_not_read_as_which_items_stay(start_at) -> None:  # type: ignore[no-untyped-def]
    """"only the city and us now": the card does not say which item is "us", so nothing else goes."""
    iv = start_at("en", "goals")
    iv.edit("actors", ["Mind Peers ry", "Helsinki University Hospital", "City of Helsinki"])
    at_summary(iv)
    turn = iv.turn("HUS left at new year, so its only the city and us now")
    assert "Mind Peers ry" in turn.draft.actors
    assert "City of Helsinki" in turn.draft.actors


def test_hours_said_in_words_swap_the_opening_time(start_at) -> None:  # type: ignore[no-untyped-def]
    """"vi börjar fem å slutar elva" for the card's "kl. 16–22": an evening told in words (twenty-third round)."""
    iv = start_at("sv", "goals")
    iv.edit("environment", "Patrullen kör mellan byarna. Den arbetar alla dagar kl. 16–22, också på helger.")
    at_summary(iv)
    turn = iv.turn("allt e rätt utom tiden, vi börjar fem å slutar elva. de ändrades i höstas")
    assert "kl. 17–23" in (turn.draft.environment or "")
    assert "16–22" not in (turn.draft.environment or "")
