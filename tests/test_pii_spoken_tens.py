"""A phone number said with spoken tens ("nolla nelkytä viis …") or half in words, half in digit groups
("nolla-neljä-nolla 681 2247") is a phone number (thirty-first round); a short count stays a count. Sentences
written for the tests."""

from __future__ import annotations

from assistant.pii_spoken import spoken_numbers


def test_spoken_tens_count_two_digits() -> None:
    text = "numero on nolla nelkytä viis kuus seittemän kaks kaks kolme yks, soita iltaisin"
    assert [s[2] for s in spoken_numbers(text)] == ["nolla nelkytä viis kuus seittemän kaks kaks kolme yks"]


def test_words_then_digit_groups() -> None:
    text = "numero on nolla-neljä-nolla 681 2247, soittakaa ennen kahta"
    assert [s[2] for s in spoken_numbers(text)] == ["nolla-neljä-nolla 681 2247"]


def test_a_count_with_a_zero_is_no_number() -> None:
    assert spoken_numbers("vuonna 2021 meitä oli nolla ja 2022 kolmekymmentä, nyt nolla kaks kolme") == []
