"""A wrong phrase of two or three words said in its base form where the card writes its last word in a case
("ei kirjaston kokoushuone vaan nuorisotalon yläkerran olohuone" on "kirjaston kokoushuoneessa"), thirty-first
round: swapped in place, the right phrase's last word in the card's case. Sentences written for the tests."""

from __future__ import annotations

from assistant.substitute import substitute

CARD = "Ryhmä kokoontuu kirjaston kokoushuoneessa keskiviikkoisin klo 17–19. Ryhmässä on enintään kymmenen nuorta."


def test_the_phrase_is_swapped_in_the_cards_case() -> None:
    got = substitute(CARD, "environment", "nuorisotalon yläkerran olohuone", ["kirjaston kokoushuone"], "fi")
    assert got == ("Ryhmä kokoontuu nuorisotalon yläkerran olohuoneessa keskiviikkoisin klo 17–19. "
                   "Ryhmässä on enintään kymmenen nuorta.")


def test_a_phrase_the_card_does_not_write_changes_nothing() -> None:
    assert substitute(CARD, "environment", "nuorisotalon olohuone", ["koulun liikuntasali"], "fi") is None


def test_an_ending_that_would_not_fit_the_new_word_is_not_forced() -> None:
    card = "Toimintaa koordinoi Kainuun hyvinvointialueen perhekeskus."
    assert substitute(card, "actors", "Kainuun Järjestöverkko", ["Kainuun hyvinvointialue"], "fi") is None
