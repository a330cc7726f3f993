"""A person naming a bank model by its short name, inflected or in brackets, is read as naming it (the match
feature ``named``); everyday words that are also a model's name are not."""

from __future__ import annotations

import pytest

from assistant.model_names import name_forms, names_model


@pytest.mark.parametrize(("text", "title"), [
    ("meillä pyörii Ohjaamo-tyyppinen piste nuorille", "Ohjaamo"),
    ("lapsi haastatellaan Barnahuksessa", "Barnahus (Suomi)"),
    ("MST:n terapeutit käy kotona", "Multisysteeminen terapia (MST)"),
    ("we run the Incredible Years groups", "Ihmeelliset vuodet (Incredible Years) -vanhemmuusohjelma"),
    ("Ankkurissa on poliisi ja sosiaalityöntekijä", "Ankkuri-toiminta"),
    ("vi har utbildats i PMTO", "PMTO – Parent Management Training, Oregon model (Norway)"),
])
def test_a_short_or_inflected_name_names_the_model(text: str, title: str) -> None:
    assert names_model(text, [title])


@pytest.mark.parametrize(("text", "title"), [
    ("Many parents want a parenting programme for toddlers", "Ihmeelliset vuodet (Incredible Years, De otroliga "
                                                             "åren) – föräldraprogram"),
    ("We have dog walkers and a Walking group.", "Walkers"),
    ("the team came over from Norway", "PMTO – Parent Management Training, Oregon model (Norway)"),
    ("the mst team", "Multisysteeminen terapia (MST)"),
])
def test_words_that_only_look_like_a_name_do_not(text: str, title: str) -> None:
    assert not names_model(text, [title])


def test_a_title_gives_its_parts_without_places_and_kind_words() -> None:
    forms = {" ".join(f) for f in name_forms("Asiakas- ja palveluohjaus Soihtu (Varsinais-Suomen hyvinvointialue)")}
    assert "asiakas ja palveluohjaus soihtu" in forms
    assert "varsinais suomen hyvinvointialue" not in forms
    assert ("ankkuri",) in name_forms("Ankkuri-toiminta")
