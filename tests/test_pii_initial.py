"""An initial and a surname ("T. Salo") next to a health or social detail is a name (thirtieth round); the
initial's full stop ends no sentence. Sentences written for the tests."""

from __future__ import annotations

from assistant.pii_names import names_with_health


def test_an_initial_and_a_surname_with_a_detail_is_a_name() -> None:
    text = "Päätöksessä mainittu K. Laine sai ehdollista pahoinpitelystä, ja lapset ovat lastensuojelun asiakkaina"
    assert [s[2] for s in names_with_health(text)] == ["K. Laine"]


def test_an_initial_and_a_surname_without_a_detail_is_not_flagged() -> None:
    assert names_with_health("Oppaan kirjoitti K. Laine vuonna 2019 nuorisotyön tueksi.") == []
