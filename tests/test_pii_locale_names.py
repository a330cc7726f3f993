"""First names from Faker's locale lists (``pii_locale_names``) as the name reader of the guard uses them."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from assistant.pii import find
from assistant.pii_locale_names import locale_first_names
from assistant.pii_model import candidates
from assistant.pii_names import _title


def test_names_from_the_locales_of_people_here_are_listed_lowercased_once() -> None:
    names = locale_first_names()
    # Arabic and Somali in Latin letters, Ukrainian and Russian in both spellings, Turkish, Estonian, Vietnamese
    for name in ("karim", "abdirahman", "bohdan", "tatjana", "tatyana", "mehmet", "ibrahim", "jüri", "juri", "minh"):
        assert name in names, name
    assert locale_first_names() is names  # read once per process


@pytest.mark.parametrize("word", ["may", "will", "can", "into", "hope", "sun", "bo", "vi"])
def test_ordinary_words_and_two_letter_names_are_never_listed(word: str) -> None:
    assert word not in locale_first_names()


def test_the_lists_come_from_the_installed_package_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    locale_first_names.cache_clear()
    assert "karim" in locale_first_names()


def test_a_name_from_elsewhere_typed_in_lowercase_is_a_candidate() -> None:
    text = "pratade med karim igen, han sover fortfarande i bilen"
    assert [text[c.start:c.end] for c in candidates(text, frozenset({"pratade", "sover"}))] == ["karim"]


def test_a_lowercase_word_that_is_also_a_foreign_name_is_not_when_it_is_a_common_word() -> None:
    text = "de rena lakanen ligger i skåpet, och aina kun hän soittaa"
    assert "rena" in locale_first_names() and "aina" in locale_first_names()
    assert [text[c.start:c.end] for c in candidates(text, frozenset({"rena"}))] == []


def test_a_name_from_another_locale_next_to_a_health_detail_is_found() -> None:
    text = "ringde bohdan idag, han har fått diagnosen diabetes och behöver hjälp med insulinet"
    assert [f.text for f in find(text) if f.kind == "name_health"] == ["bohdan"]


def test_an_ordinary_word_that_is_also_a_foreign_name_is_not_found() -> None:
    for text in ("de rena lakanen ligger i skåpet, och diabetesmedicinen i kylen",
                 "May clients with depression join the group?",
                 "Van and minibus drivers must not drink alcohol before the shift"):
        assert [f for f in find(text) if f.kind == "name_health"] == [], text


def test_only_a_whole_word_dr_is_a_doctor() -> None:
    assert _title("Dr.") and _title("ylilääkäri") and not _title("Tindra")
    text = "Tindra, Omar och Leia bor på skyddat boende sedan pappan hotade familjen"
    assert "Omar" in [text[c.start:c.end] for c in candidates(text, frozenset())]
