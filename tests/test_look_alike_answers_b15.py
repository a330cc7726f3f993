"""Answers that only look like corrections keep their place (twenty-third round): "no longer" said of the people
served is not the model's stage, and "Man behöver inte …" names no card item. Sentences written for the tests."""

from __future__ import annotations

from assistant.schema import Stage
from tests.conftest import asking_with_card


def test_no_longer_said_of_people_is_not_the_stage(start_at) -> None:  # type: ignore[no-untyped-def]
    """Before: the stage became "ended" and the answer was lost."""
    iv = asking_with_card(start_at, "en", "target_groups", {})
    iv.edit("stage", "established")
    turn = iv.turn("adults who lost someone to suicide, mostly people who are no longer in the first weeks of "
                   "shock. family members and close friends both")
    assert turn.draft.stage == Stage.established
    assert "suicide" in " ".join(turn.draft.target_groups)


def test_a_subject_and_its_verb_is_no_item_denied(start_at) -> None:  # type: ignore[no-untyped-def]
    """Before: "Man behöver" was read as an item denied, and the answer went into the idea."""
    iv = asking_with_card(start_at, "sv", "core", {})
    idea = "Dagcentret är öppet varje morgon. Besökarna behöver hjälp med kontakter med socialtjänsten."
    iv.edit("basic_idea", idea)
    turn = iv.turn("Egentligen är det tre saker som alltid finns: dusch och tvätt, frukost, och en socialarbetare "
                   "att prata med. Man behöver inte vara nykter för att komma in.")
    assert turn.draft.basic_idea == idea
    assert "frukost" in " ".join(turn.draft.core)


def test_an_answer_then_something_forgotten_that_belongs_to_a_named_field(start_at) -> None:  # type: ignore[no-untyped-def]
    """Before: "kuuluu kohderyhmään" was read as a move, and a sentence of the idea went into the target groups."""
    iv = asking_with_card(start_at, "fi", "measurement", {})
    idea = "Mentori tukee nuorta peruskoulun viimeisillä luokilla. Mentori tapaa nuorta kahden viikon välein."
    iv.edit("basic_idea", idea)
    iv.edit("target_groups", ["romaninuoret 8.–9. luokalla"])
    turn = iv.turn("seurataan kuinka moni jatkaa toiselle asteelle. ja unohin sanoa et myös nuorten vanhemmat "
                   "kuuluu kohderyhmään, mentori käy niitä tapaamassa")
    assert turn.draft.basic_idea == idea
    assert [t.lower() for t in turn.draft.target_groups] == ["romaninuoret 8.–9. luokalla", "nuorten vanhemmat"]
    assert "seurataan" in (turn.draft.measurement or "").lower()


def test_an_answer_then_a_forgotten_partner_after_a_lowercase_sentence(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "environment", {})
    iv.edit("actors", ["Leeds Uniform Exchange", "local schools"])
    turn = iv.turn("we are in the old church hall on mill road, with racks for clothes. forgot to mention also the "
                   "food bank is working with us, they send families to us")
    assert [a.lower() for a in turn.draft.actors] == ["leeds uniform exchange", "local schools", "food bank"]
    assert "church hall" in (turn.draft.environment or "")
