"""An answer told against what people assume ("ei tää oo mikään kaikille avoin kerho vaan …", "Nej, int nån skola
alls. …", "Not much really, no special equipment. …") is the answer to the question asked, all of it, when nothing
like the denied thing is on the card; the same shape naming what the card says is still a correction. Sentences
written for the tests (twenty-first round)."""

from __future__ import annotations

import pytest


def _asking(start_at, lang: str, asked: str):  # type: ignore[no-untyped-def]
    """An interview after the story, with ``asked`` open as a question."""
    iv = start_at(lang, asked)
    iv.state.content_turns = 1
    iv.state.asking = "question"
    return iv


CARD = {"basic_idea": "Vanhemmat tapaavat ryhmässä kuusi kertaa perheterapeutin kanssa.",
        "actors": ["Kokkolan seurakunta", "Keski-Pohjanmaan hyvinvointialue"]}


@pytest.mark.parametrize("lang,asked,text,kept", [
    ("fi", "target_groups", "ei tää oo mikään kaikille avoin kerho vaan perheneuvola ohjaa meille ne perheet, joissa "
     "vanhemmat riitelee paljon. eli 3–12-vuotiaiden lasten vanhemmat", ["perheneuvola", "3–12"]),
    ("sv", "environment", "Nej, int nån skola alls. Vi träffas i församlingshemmet på onsdagarna, där finns ett kök",
     ["församlingshemmet", "kök"]),
    ("en", "conditions", "Not much really, no special equipment. What we do need is one trained volunteer in every "
     "group and a quiet room", ["trained volunteer", "quiet room"]),
])
def test_a_contrastive_answer_is_stored_whole_in_the_asked_field(start_at, lang: str, asked: str, text: str,  # type: ignore[no-untyped-def]
                                                                 kept: list[str]) -> None:
    iv = _asking(start_at, lang, asked)
    for fld, value in CARD.items():
        iv.edit(fld, value)
    before = iv.state.draft.model_copy(deep=True)
    turn = iv.turn(text)
    value = turn.draft.model_dump()[asked]
    stored = " ".join(value) if isinstance(value, list) else str(value or "")
    for word in kept:
        assert word.lower() in stored.lower()
    assert turn.draft.basic_idea == before.basic_idea
    assert turn.draft.actors == before.actors


def test_the_same_shape_naming_what_the_card_says_still_corrects_it(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _asking(start_at, "fi", "measurement")
    for fld, value in CARD.items():
        iv.edit(fld, value)
    turn = iv.turn("ei me tehdä seurakunnan kanssa mitään, se on Kokkolan Mielenterveysseura")
    assert "Kokkolan seurakunta" not in turn.draft.actors
    assert any("Mielenterveysseura" in a for a in turn.draft.actors)
    assert not turn.draft.measurement


def test_not_known_yet_is_an_answer_and_takes_no_word_off_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    """"Vet inte ännu" had been read as "not 'vet'", and the word came off the need that says "vet inte vart"."""
    iv = _asking(start_at, "sv", "environment")
    need = "Anhöriga skäms och vet inte vart de ska vända sig."
    iv.edit("problem", need)
    turn = iv.turn("Vet inte ännu, vi har ingen lokal bestämd.")
    assert turn.draft.problem == need
    assert "lokal" in (turn.draft.environment or "")


@pytest.mark.parametrize("lang,asked,text,kept,dropped", [
    ("sv", "goals", "ok, målet e int att alla ska bli vänner utan att ingen ska äta lunch ensam. å att föräldrarna "
     "hör av sig oftare", ["lunch ensam", "föräldrarna"], ["bli vänner"]),
    ("fi", "target_groups", "ei pelkästään yksinasuvat vaan myös ne jotka asuu puolison kanssa mutta on yksinäisiä",
     ["yksinasuvat", "puolison"], []),
])
def test_the_right_part_and_what_follows_are_the_answer(start_at, lang: str, asked: str, text: str,  # type: ignore[no-untyped-def]
                                                        kept: list[str], dropped: list[str]) -> None:
    iv = _asking(start_at, lang, asked)
    iv.edit("basic_idea", "Vapaaehtoiset soittavat viikoittain." if lang == "fi" else "Elever leder rastlekar.")
    turn = iv.turn(text)
    stored = " ".join(getattr(turn.draft, asked)).lower()
    for word in kept:
        assert word.lower() in stored
    for word in dropped:
        assert word.lower() not in stored


def test_not_only_what_the_idea_says_is_the_goal_too(start_at) -> None:  # type: ignore[no-untyped-def]
    """"Not only" removes nothing: X said in other words elsewhere on the card does not make it a correction."""
    iv = _asking(start_at, "sv", "goals")
    idea = "Barnen kan låna cyklar och hjälmar gratis på biblioteket hela sommaren."
    iv.edit("basic_idea", idea)
    turn = iv.turn("Inte bara att barnen ska kunna låna cyklar, utan också att färre cyklar slängs. Och att fler "
                   "familjer rör på sig tillsammans.")
    goals = " ".join(turn.draft.goals).lower()
    for word in ("låna", "slängs", "rör på sig"):
        assert word in goals
    assert turn.draft.basic_idea == idea


def test_not_only_with_words_between_widens_the_list_that_names_it(start_at) -> None:  # type: ignore[no-untyped-def]
    """"ei niitä kyytejä aja pelkästään X vaan myös Y": the negation and "pelkästään" apart; X is on the card,
    so Y joins X's list and the question asked stays open (twenty-second round)."""
    iv = _asking(start_at, "fi", "measurement")
    iv.edit("actors", ["Kunnan kotihoito", "paikallinen taksiyrittäjä"])
    turn = iv.turn("ei niitä kyytejä aja pelkästään taksiyrittäjä vaan myös seurakunnan vapaaehtoiset omilla autoillaan")
    actors = " ".join(turn.draft.actors)
    assert "taksiyrittäjä" in actors
    assert "vapaaehtoiset" in actors
    assert not turn.draft.measurement
