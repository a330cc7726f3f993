"""A feast named in an inflected form ("Ramadanin aikana", "vappuna") is a day, not a person, and a Finnish plural
verb opening a sentence ("Saimme …"), an English verb with its object ("Spoke with …") or a Swedish person noun
("Pojken, …") is no name (thirty-first round); a name in the same sentence is still read.
Sentences written for the tests."""

from __future__ import annotations

from assistant.pii_model import candidates
from assistant.pii_words import not_a_person


def _spans(text: str) -> list[str]:
    return [text[c.start:c.end] for c in candidates(text, frozenset())]


def test_an_inflected_feast_is_no_candidate() -> None:
    assert _spans("Ramadanin aikana diabeetikkojen insuliiniannoksia pitää säätää") == []


def test_a_name_beside_a_feast_is_still_a_candidate() -> None:
    assert _spans("Ramadanin jälkeen Aisha Hassan joutui sairaalaan diabeteksen takia") == ["Aisha Hassan"]


def test_feasts_in_their_case_forms_are_not_persons() -> None:
    assert [not_a_person(w) for w in ("Ramadanin", "Vappuna", "Juhannuksena", "Hanukkah", "Rami")] == \
        [True, True, True, True, False]


def test_a_plural_verb_opening_a_finnish_sentence_is_no_candidate() -> None:
    assert _spans("Saimme eilen tiedon että Toivo on taas katkolla") == ["Toivo"]


def test_a_month_with_a_verb_after_its_s_is_someone() -> None:
    assert _spans("June's been readmitted to the psych ward, her sister called us") == ["June's"]
    assert _spans("June is the busiest month for hay fever appointments at the surgery") == []


def test_an_english_verb_or_a_swedish_person_noun_opening_a_sentence_is_no_name() -> None:
    assert _spans("Spoke with Grace earlier, she's 32 weeks pregnant and sleeping in her car") == ["Grace"]
    assert _spans("Pojken, Alvin Ek, har fått diagnosen ADHD och svårt att gå till skolan") == ["Alvin Ek"]
    assert _spans("Grace has been sleeping in her car since the eviction") == ["Grace"]
