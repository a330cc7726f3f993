"""The letter-run name-likeness of a word (``pii_namelike``) and the 'Surname, Given' candidates."""

from __future__ import annotations

from assistant.pii_model import NAME_FEATURES, candidates
from assistant.pii_namelike import NameLikeness, finnish_forms, likeness


def test_names_and_words_are_told_apart_by_their_letters() -> None:
    model = likeness(frozenset({"fallbeskrivning", "kotihoito", "asiakkaamme", "ungdom"}))
    for name in ("Farhiya", "Nyström", "Emelie", "Heikkiselle"):
        assert model.score(name) > 0.0, name
    for word in ("Fallbeskrivning", "Kotihoito", "Försäkringskassan"):
        assert model.score(word) < 0.0, word


def test_a_word_on_both_sides_is_left_out_and_scores_stay_in_range() -> None:
    model = NameLikeness(frozenset({"anna", "liisa"}), frozenset({"anna", "talo"}))
    assert -1.0 < model.score("Liisa") < 1.0


def test_finnish_names_are_read_in_their_case_forms() -> None:
    assert {"virtasella", "virtasen", "virtasta"} <= finnish_forms("virtanen")
    assert {"ainolle", "ainolla"} <= finnish_forms("aino")
    assert "mäkelällä" in finnish_forms("mäkelä")


def test_surname_comma_given_is_one_candidate() -> None:
    text = "Holmberg, Inger – lårbensbrott efter fall i hemmet."
    cands = candidates(text, frozenset({"efter"}))
    assert "Holmberg, Inger" in [text[c.start:c.end] for c in cands]
    assert "namelike" in NAME_FEATURES
