"""A remark of one or two words in an opening story ("Grand.", "Se toimii.", "Funkar bra.") is filed in no
field (thirty-first round: "Grand." became the adaptable parts). Sentences written for the tests."""

from __future__ import annotations

STORY = ("Kaatumiset on iso juttu täällä, ikäihmisiä tuli päivystykseen lonkka murtuneena. Nyt jokainen kotihoidon "
         "asiakas saa kaatumisriskin arvion ja tasapainoryhmän kolmeksi kuukaudeksi. Se toimii. Ryhmiä vetää "
         "fysioterapeutti ja koulutetut vertaisohjaajat.")


def test_a_short_remark_is_not_placed(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "problem")
    placed = {s: f for s, f, _p in iv.offline.story(STORY).placed}
    assert placed["Se toimii."] is None
    assert placed["Ryhmiä vetää fysioterapeutti ja koulutetut vertaisohjaajat."] is not None


def test_a_short_answer_to_a_question_still_goes_to_the_field(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "regions")
    placed = {s: f for s, f, _p in iv.offline.story("Ryhmät toimivat Kajaanissa. Sotkamo myös.", focus="regions").placed}
    assert placed["Sotkamo myös."] == "regions"


def test_two_long_words_are_a_thought_not_a_remark() -> None:
    from assistant.extract_offline import _remark

    assert [_remark(s) for s in ("Maatalousyrittäjät uupuvat.", "Se toimii.", "Not bad.", "Sotkamo 2021.")] == \
        [False, True, True, False]
