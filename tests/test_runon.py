"""A story typed without full stops is read as sentences; anything shorter, or without the model, stays whole."""

from __future__ import annotations

from pathlib import Path

from assistant.runon import split_runon

RUNON = ("meil kotihoidos on ollu tosi vaikee tilanne ku yksin asuvat vanhukset ei pääse ulos talvella ja moni "
         "on tosi yksinäinen mä oon ollu lähihoitajana kohta kymmenen vuotta nyt me ollaan aloitettu "
         "ulkoiluryhmä jossa vapaaehtoiset hakee vanhukset kotoa kerran viikossa ja käydään kävelyllä puistossa "
         "tavotteena on et yksinäisyys vähenis ja et liikkuminen pysyis yllä mukana on ollu 15 vanhusta ja moni "
         "sanoo et se on viikon paras päivä")


def test_a_long_story_without_full_stops_is_cut_into_sentences() -> None:
    parts = split_runon(RUNON)
    assert len(parts) >= 3
    assert " ".join(parts) == " ".join(RUNON.split())  # nothing lost, nothing added
    assert all(len(p.split()) >= 5 for p in parts)


def test_a_short_sentence_and_a_missing_model_leave_the_text_whole(tmp_path: Path) -> None:
    short = "me ollaan aloitettu ulkoiluryhmä jossa vapaaehtoiset hakee vanhukset kotoa kerran viikossa"
    assert split_runon(short) == [short]
    assert split_runon(RUNON, weights=tmp_path / "missing.json") == [RUNON]
