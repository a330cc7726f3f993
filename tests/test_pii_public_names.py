"""Public figures and fictional characters are no private persons (nineteenth round): the list in
``knowledge/pii/public_names.txt`` was written from general knowledge, without the evaluation cases. Sentences
written for the tests."""

from __future__ import annotations

import pytest

from assistant.pii import find
from assistant.pii_words import PUBLIC_NAMES


@pytest.mark.parametrize("text", [  # each flagged without the list
    "Tove Jansson kärsi masennuksesta sota-aikana, luimme siitä ryhmässä.",
    "We talked about whether Sherlock Holmes would get an autism diagnosis today.",
    "Pippi Långstrump skulle i dag få en orosanmälan, skojade föreläsaren.",
])
def test_a_public_figure_or_a_character_is_not_flagged(text: str) -> None:
    assert [f for f in find(text) if f.kind == "name_health"] == []


def test_a_private_person_with_a_health_detail_is_still_flagged() -> None:
    found = [f.text for f in find("Tove Salminen sairastaa masennusta ja on ollut kuukauden sairauslomalla.")
             if f.kind == "name_health"]
    assert found == ["Tove Salminen"]


def test_the_last_word_may_carry_a_case_ending_but_a_first_name_alone_is_no_match() -> None:
    assert PUBLIC_NAMES is not None
    assert [m.group(0) for m in PUBLIC_NAMES.finditer("Alvar Aallon suunnittelema parantola")] == ["Alvar Aallon"]
    assert list(PUBLIC_NAMES.finditer("Tarja Virtanen ja Alvar kävivät")) == []
