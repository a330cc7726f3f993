"""Names next to health details: a kin word alone ("Dad", "Gran") names nobody; a first name that is also a
common word, typed in lowercase ("hope and her partner are both on methadone"), can be a person."""

from __future__ import annotations

from assistant.pii import find


def _names(text: str) -> list[str]:
    return [f.text for f in find(text) if f.kind == "name_health"]


def test_a_kin_word_alone_is_not_a_name() -> None:
    assert _names("Dad (Keith Morley, 81) has had two falls this month, we think it's the new tablets") == \
        ["Keith Morley"]
    assert _names("Gran looks after Tyrese because his mum is in prison") == ["Tyrese"]


def test_a_lowercase_name_that_is_also_a_word() -> None:
    assert _names("hope and her partner are both on methadone scripts, baby due in march") == ["hope"]
    assert _names("satu sai eilen syöpädiagnoosin ja pyys ettei siitä puhuta työporukassa") == ["satu"]
    assert _names("hope it helps with the depression group") == []
