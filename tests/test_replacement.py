"""A removal with who or what is there now in the same message ("Röda korset ska bort, barnpassningen sköter
Folkhälsans frivilliga nu"): the old item goes and the new one is added. A reason or a negated clause after a
removal adds nothing. And a short wrong phrase said right with a remark after it is swapped in place, the rest of
the sentence kept (the whole need was once replaced by "Neljässä vuodessa; Liioittelin vähän")."""

from __future__ import annotations

from assistant.bench.understanding import correction_passed
from assistant.substitute import substitute


def test_a_removed_actor_and_the_one_there_now(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.state.pending_field = None
    iv.edit("actors", ["Medborgarinstitutet Arbis", "En lokal trafikskola", "Röda korsets frivilliga"])
    turn = iv.turn("Röda korset ska bort, barnpassningen sköter Folkhälsans frivilliga nu sen januari")
    actors = turn.draft.actors or []
    assert not any("Röda" in a for a in actors)
    assert any("Folkhälsans frivilliga" in a for a in actors)
    assert actors[:2] == ["Medborgarinstitutet Arbis", "En lokal trafikskola"]


def test_a_reason_after_a_removal_adds_nothing(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.state.pending_field = None
    iv.edit("actors", ["Kouluterveydenhoitaja", "Kuraattori", "Koululääkäri"])
    turn = iv.turn("Koululääkäri pois, se ei oo nyt mukana")
    assert turn.draft.actors == ["Kouluterveydenhoitaja", "Kuraattori"]


def test_the_english_replacement_with_write_that(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.state.pending_field = None
    iv.edit("actors", ["Our association", "Kela", "The parish"])
    turn = iv.turn("Kela is not really a partner, remove them. But the youth workers are from City of Vaasa "
                   "youth services now, write that")
    actors = turn.draft.actors or []
    assert "Kela" not in actors
    assert any("City of Vaasa youth services" in a for a in actors)


def test_a_number_said_right_with_a_remark_is_swapped_in_place() -> None:
    card = ("Kun aloitin, työntekijät vaihtuivat niin tiheään, että joillakin perheillä oli ollut kolmessa vuodessa "
            "kuusi eri sosiaalityöntekijää.")
    got = substitute(card, "problem", "neljässä vuodessa. Liioittelin vähän", ["kolmessa"], "fi")
    assert got == card.replace("kolmessa", "neljässä")


def test_the_bench_tells_one_compound_from_another() -> None:
    card = type("Card", (), {"actors": ["Kouluterveydenhoitaja", "Kuraattori"]})()
    assert correction_passed(card, "actors", [], ["koululääkäri"])
    card.actors = ["Koululääkärin vastaanotto"]
    assert not correction_passed(card, "actors", [], ["koululääkäri"])


def test_an_item_said_again_by_its_right_name(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.state.pending_field = None
    iv.edit("actors", ["Loimaan kaupunki", "Seniorineuvola", "Paikallinen eläkeläisyhdistys", "Autokoulu"])
    turn = iv.turn("korjaus toimijoihin: se eläkeläisyhdistys on Loimaan Kyläseniorit ry, kirjota se nimi sinne ko "
                   "ne on nii ylpeitä siit")
    assert turn.draft.actors == ["Loimaan kaupunki", "Seniorineuvola", "Loimaan Kyläseniorit ry", "Autokoulu"]


def test_what_is_no_longer_there_and_what_came_in_its_place(start_at) -> None:  # type: ignore[no-untyped-def]
    """"X ei oo enää, … tilalle tuli Y" in a text field: X goes, Y is written (Y was dropped, or the whole clause
    "lopetti keväällä ja" was taken for the wrong words)."""
    iv = start_at("fi", "measurement")
    iv.state.pending_field = None
    iv.edit("environment", "Tavalliset työpaikat: kauppa, huoltoasema, hautausmaa.")
    turn = iv.turn("sori, huoltoasema ei oo enää, se lopetti keväällä ja tilalle tuli rautakauppa")
    env = turn.draft.environment or ""
    assert "huoltoasema" not in env
    assert "Rautakauppa" in env


def test_the_one_there_now_is_not_taken_for_the_removed_one(start_at) -> None:  # type: ignore[no-untyped-def]
    """"seurakunta" is not mentioned again by "metsästysseuran" (its letters inside a compound)."""
    iv = start_at("fi", "measurement")
    iv.state.pending_field = None
    iv.edit("actors", ["Metsähallitus", "Lieksan seurakunta lainaa kämpän"])
    turn = iv.turn("seurakunta ei oo enää, nykyään kämppä on metsästysseuran, vaiha se")
    assert turn.draft.actors == ["Metsähallitus", "Nykyään kämppä on metsästysseuran"]
