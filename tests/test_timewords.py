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
