"""How often and how long, said again in other words: read as numbers in fi/sv/en, and swapped where the card
says the same kind of thing, only when the message corrects (names the old one wrong, or says "now")."""

from __future__ import annotations

import pytest

from assistant.timewords import found, said_again


@pytest.mark.parametrize("text,kind,value", [
    ("kerran viikossa", "freq", 4.3),
    ("joka toinen viikko", "freq", 2.15),
    ("varannan vecka", "freq", 2.15),
    ("every second week", "freq", 2.15),
    ("bi-weekly", "freq", 2.15),
    ("två gånger i månaden", "freq", 2.0),
    ("puolen vuoden välein", "freq", 0.167),
    ("kuuden kuukauden välein", "freq", 0.167),
    ("puol vuotta", "dur", 6.0),
    ("6 kk", "dur", 6.0),
    ("under a month", "dur", 1.0),
    ("koko eka vuosi", "dur", 12.0),
])
def test_frequencies_and_durations_are_read_as_numbers(text: str, kind: str, value: float) -> None:
    got = found(text)
    assert [(t.kind, t.value) for t in got] == [(kind, value)]


@pytest.mark.parametrize("text", ["Barn och unga 4–18 år", "yli 65-vuotiaat", "a boy 15 years old",
                                  "ei niitä oo ollu moneen vuoteen", "kerran kuukauden"])
def test_ages_and_words_inside_words_are_not_durations(text: str) -> None:
    assert [t for t in found(text) if t.kind == "dur"] == []


@pytest.mark.parametrize("text,card,expected", [
    ("puhelut soitetaan nykyään kahdesti viikossa, kerran viikossa oli liian harvoin monelle",
     {"core": "Viikoittainen puhelu vapaaehtoiselta; Yhteinen kahvihetki kerran kuussa"},
     ("core", "kahdesti viikossa", "Viikoittainen")),
    ("peer group is weekly now, bi-weekly was too rare", {"core": "Peer group every second week; Sauna"},
     ("core", "weekly", "every second week")),
    ("se toinen kysely tehään jo 3 kuukauden kohalla, ei puolen vuoden",
     {"measurement": "Kysely alussa ja 6 kuukauden kohdalla."}, ("measurement", "3 kuukauden", "6 kuukauden")),
    ("honestly 2 weeks was too tight, we changed it to under a month",
     {"goals": "Waiting time is under 2 weeks; Parents feel heard"}, ("goals", "under a month", "under 2 weeks")),
])
def test_said_again_finds_the_one_it_replaces(text: str, card: dict[str, str],
                                              expected: tuple[str, str, str]) -> None:
    assert said_again(text, card) == expected


@pytest.mark.parametrize("text,card", [
    ("Ryhmä kokoontuu kerran viikossa kirjastolla", {"core": "Tapaamiset joka toinen viikko"}),  # an answer
    ("nykyään kerran viikossa", {"core": "Ryhmä viikoittain", "measurement": "Kysely kerran kuussa"}),  # which?
    ("nykyään kerran viikossa", {"core": "Ryhmä kerran viikossa"}),  # already so
])
def test_nothing_is_swapped_without_a_correction_or_a_single_target(text: str, card: dict[str, str]) -> None:
    assert said_again(text, card) is None


def test_an_answer_to_an_empty_question_changes_nothing_unless_it_names_the_thing() -> None:
    card = {"core": "Gruppträff varannan vecka; Gemensam lunch"}
    assert said_again("vi mäter nu en gång i veckan hur många som kommer", card, asked_empty=True) is None
    assert said_again("träffarna e varje vecka nu", card, asked_empty=True) == ("core", "varje vecka", "varannan vecka")


def test_a_frequency_said_again_in_spoken_finnish_replaces_the_cards(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("summary", "Avoin kahvila, joka kokoontuu kaksi kertaa kuukaudessa kirjastolla.")
    turn = iv.turn("yks juttu vielä, ei me kokoonnuta enää kahesti kuussa vaan joka viikko")
    assert turn.draft.summary == "Avoin kahvila, joka kokoontuu joka viikko kirjastolla."
    assert not turn.draft.measurement


@pytest.mark.parametrize("text,card,expected", [
    # the old count said bare after the new one (batch 16's shape, my own wording)
    ("ollaan siellä kolme kertaa kuussa, ei kahesti", {"core": "Käynnit kahdesti kuukaudessa."},
     ("core", "kolme kertaa kuussa", "kahdesti kuukaudessa")),
    ("we go twice a week, not once", {"core": "Visits once a week, on Fridays."},
     ("core", "twice a week", "once a week")),
    # the old count judged on its own, visits counted per day: only the count changes in the card's words
    ("de e fyra besök per dygn. tre e för lite", {"core": "Hemvården kommer tre gånger per dygn."},
     ("core", "fyra gånger per dygn", "tre gånger per dygn")),
    # a "within" the card says stays when the new one is said without it
    ("förlåt, jag menade ett år, inte ett halvår", {"core": "Vi svarar inom ett halvår."},
     ("core", "inom ett år", "inom ett halvår")),
])
def test_the_old_one_said_bare_or_judged_and_the_cards_own_words(text: str, card: dict[str, str],
                                                                  expected: tuple[str, str, str]) -> None:
    assert said_again(text, card) == expected


def test_a_count_that_is_not_how_often_is_left_alone() -> None:
    assert said_again("meitä on kolme kertaa enemmän kuin ennen, ei kaksi", {"core": "Käynnit kahdesti kuukaudessa."}) \
        is None


def test_how_often_said_again_at_the_summary_changes_only_those_words(start_at) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import asking_with_card, at_summary

    iv = asking_with_card(start_at, "fi", "goals", {"core": [
        "Ryhmä kokoontuu kirjastossa kerran kuukaudessa keskiviikkoisin, ja kahvit tarjoaa seurakunta.",
        "Vetäjä soittaa jokaiselle ennen ensimmäistä kertaa."]})
    at_summary(iv)
    turn = iv.turn("joo muuten ok. mut kirjastossa ollaan kaks kertaa kuussa, ei kerran")
    assert turn.draft.core == [
        "Ryhmä kokoontuu kirjastossa kaks kertaa kuussa keskiviikkoisin, ja kahvit tarjoaa seurakunta.",
        "Vetäjä soittaa jokaiselle ennen ensimmäistä kertaa."]
