"""A place said right and the wrong one after it in another case ("Kisakallion urheiluopistolla eikä Kiljavalla"
on a card that says "Kiljavan opistolla"): the card's words are swapped in place, in the card's case."""

from __future__ import annotations

from assistant.phrase_swap import swap_phrase
from tests.conftest import asking_with_card, at_summary


def test_the_place_and_the_word_after_it_swapped_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {
        "core": ["Leiri pidetään kesäkuussa Kiljavan opistolla.", "Jokaista kuutta lasta kohden on yksi hoitaja."],
        "goals": ["Lapset oppivat hoitamaan diabetestaan itse"]})
    at_summary(iv)
    turn = iv.turn("sori vielä, leiri on tänä kesänä Kisakallion urheiluopistolla eikä Kiljavalla, koska Kiljavan "
                   "majotus meni remonttiin")
    assert turn.draft.core == ["Leiri pidetään kesäkuussa Kisakallion urheiluopistolla.",
                               "Jokaista kuutta lasta kohden on yksi hoitaja."]


def test_a_fix_after_an_answer_swaps_the_place(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "measurement", {
        "core": ["Läksyhelppi on Tesoman kirjastossa keskiviikkoisin kello 14.30–17.",
                 "Jokaisessa vuorossa on vähintään kolme vapaaehtoista."]})
    turn = iv.turn("vapaaehtoiset merkkaa vihkoon montako lasta kävi. ai niin ja läksyhelppi on nykyään Hervannan "
                   "kirjastossa eikä Tesomalla, koska Tesoman kirjasto meni remonttiin")
    assert turn.draft.core is not None
    assert turn.draft.core[0] == "Läksyhelppi on Hervannan kirjastossa keskiviikkoisin kello 14.30–17."
    assert turn.draft.measurement is not None and "vihko" in turn.draft.measurement


def test_one_name_in_the_cards_case_and_what_is_not_swapped() -> None:
    card = ["Lukupiiri kokoontuu Myyrmäen kirjastossa joka toinen tiistai."]
    assert swap_phrase(card, "lukupiiri on Tikkurilassa", "Myyrmäessä", "fi") == \
        ["Lukupiiri kokoontuu Tikkurilan kirjastossa joka toinen tiistai."]
    assert swap_phrase(["Malax", "Vasa"], "vi har Närpes och Kristinestad", "malax", "sv") is None
    assert swap_phrase(["Lasten ruutuaika vähenee"], "herkkujen syönti vähenee", "ruutuaika", "fi") is None


def test_a_thing_announced_about_a_part_then_the_fix(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {
        "environment": "Lounas syödään Varissuon asukastalon salissa, jossa on pitkät pöydät.",
        "goals": ["Yksinäisyys vähenee"]})
    at_summary(iv)
    turn = iv.turn("yks juttu siihen missä tää tapahtuu: lounas on nykyään Runosmäen asukastalossa eikä "
                   "Varissuolla, muutettiin sinne elokuussa. muuten näyttää hyvältä")
    assert turn.draft.environment == "Lounas syödään Runosmäen asukastalon salissa, jossa on pitkät pöydät."


def test_one_thing_announced_then_its_reason_and_rest_is_perfect(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "goals", {
        "core": ["Relaxed screenings are on the first Saturday morning of every month.", "Lights stay on low."],
        "goals": ["Families with autistic children can go to the cinema"]})
    at_summary(iv)
    turn = iv.turn("hiya!! just one thing 🙂 the screenings are on sunday mornings now not saturday. saturdays were "
                   "too busy with kids parties lol. rest is perfect")
    assert turn.draft.core == ["Relaxed screenings are on the first Sunday morning of every month.",
                               "Lights stay on low."]


def test_ordinals_typed_in_digits_against_a_card_in_words(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "goals", {
        "core": ["The advocate holds a clinic in a private room on the second floor.", "Anyone can book."],
        "goals": ["Patients get advice early"]})
    at_summary(iv)
    turn = iv.turn("the advocates room is on the 3rd floor not the 2nd")
    assert turn.draft.core == ["The advocate holds a clinic in a private room on the third floor.", "Anyone can book."]
