"""Several fixes in one reply to the closing summary, a sentence each ("pari asiaa vielä. …", "couple of bits
…"), and the shapes those sentences take: someone who does not come, a group we do not work with, a partner who
works with us now too, a place said with "-kin"."""

from __future__ import annotations

import pytest

from assistant.several_fixes import parts
from tests.conftest import asking_with_card, at_summary

_FI = {"name": "Isien ja lasten metsäkerho",
       "basic_idea": "Isät ja lapset retkeilevät yhdessä metsässä tiistaisin, ja ohjaaja opettaa nuotion tekoa.",
       "target_groups": ["alle kouluikäiset lapset", "lasten isät", "lasten isovanhemmat"],
       "actors": ["Lahden seurakuntayhtymä", "Luontoliitto", "Lahden kaupunki, nuorisopalvelut"],
       "regions": ["Lahti"]}
_EN = {"name": "Chess in the library",
       "basic_idea": "Volunteers teach chess at the central library every Saturday morning.",
       "target_groups": ["children aged 8 to 12", "teenagers under 16 who are excluded from school",
                         "parents who want to learn"],
       "actors": ["Northgate Library", "Northgate Chess Club"],
       "regions": ["Leeds"]}


def _iv(start_at, lang: str, card: dict[str, object]):  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, lang, "problem", card)
    at_summary(iv)
    return iv


def test_the_sentences_after_an_announcement_are_the_parts() -> None:
    assert parts("pari juttua vielä: isovanhemmat ei tuu ollenkaan. ja Luontoliitto pois") == \
        (True, ["isovanhemmat ei tuu ollenkaan.", "Luontoliitto pois"])
    assert parts("no excluded teenagers. the rest is fine") == (False, ["no excluded teenagers.", "the rest is fine"])
    assert parts("pari juttua") == (False, ["pari juttua"])


def test_two_fixes_announced_at_the_summary_are_both_done(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "fi", _FI)
    turn = iv.turn("kaks juttua: retket on torstaisin, tiistaisin ei oo ikinä ollu. ja Luontoliitto ei oo "
                   "meiän kaa tässä")
    assert "torstai" in (turn.draft.basic_idea or "") and "tiistai" not in (turn.draft.basic_idea or "")
    assert turn.draft.actors == ["Lahden seurakuntayhtymä", "Lahden kaupunki, nuorisopalvelut"]
    assert turn.draft.target_groups == _FI["target_groups"]
    assert turn.reply.count("Korjasin") == 2


def test_someone_who_does_not_come_and_a_place_with_kin(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "fi", _FI)
    turn = iv.turn("pari juttua: isovanhemmat ei tuu kerhoon ollenkaan, se on isille. ja kerho kokoontuu nyt "
                   "Hollolassakin")
    assert turn.draft.target_groups == ["alle kouluikäiset lapset", "lasten isät"]
    assert turn.draft.regions == ["Lahti", "Hollola"]
    assert turn.draft.actors == _FI["actors"]


def test_a_group_we_do_not_work_with_and_a_partner_with_us_now(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "en", _EN)
    turn = iv.turn("a couple of things on who its for. we dont work with excluded teenagers at all, the pupil "
                   "referral unit does that. and the youth service at the town hall works with us now too")
    assert turn.draft.target_groups == ["children aged 8 to 12", "parents who want to learn"]
    assert turn.draft.actors == ["Northgate Library", "Northgate Chess Club", "Youth service at the town hall"]
    assert turn.draft.basic_idea == _EN["basic_idea"]


@pytest.mark.parametrize("text", [
    "kerho kokoontuu nyt Hollolassakin",  # one fix, no announcement: read whole as before
    "retket on torstaisin, tiistaisin ei oo ikinä ollu",
])
def test_one_fix_is_read_whole(start_at, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "fi", _FI)
    turn = iv.turn(text)
    assert turn.draft.target_groups == _FI["target_groups"]
    assert turn.draft.actors == _FI["actors"]
    assert turn.draft != _FI  # something was changed
    assert ("Hollola" in turn.draft.regions) is ("Hollola" in text)


def test_a_reason_sentence_changes_nothing(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "fi", _FI)
    turn = iv.turn("pari juttua. Luontoliitto ei oo meiän kaa tässä. ne lopetti kaiken retkitoiminnan.")
    assert turn.draft.actors == ["Lahden seurakuntayhtymä", "Lahden kaupunki, nuorisopalvelut"]
    for fld in ("target_groups", "regions", "basic_idea", "name"):
        assert getattr(turn.draft, fld) == _FI[fld]


_PLACES = {"name": "Lunch club", "regions": ["Penrith", "Keswick", "Appleby"],
           "core": ["Lunch is served every Thursday at noon.", "A two-course meal costs £2.90.",
                    "Volunteers drive people who cannot walk there."],
           "actors": ["Eden Lunch Club", "Cumbria Community Transport"]}


def test_an_announcement_after_all_fine_and_fixes_joined_by_and(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, "en", _PLACES)
    turn = iv.turn("all good apart from two things: lunch is £3.40 now not £2.90, and take keswick off the places, "
                   "the church hall there closed")
    assert turn.draft.core[1] == "A two-course meal costs £3.40."
    assert turn.draft.regions == ["Penrith", "Appleby"]
    assert turn.draft.actors == _PLACES["actors"]


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Keswick pois paikkakunnista"),
    ("sv", "ta bort Keswick ur orterna, dom har ett eget kafé nu"),
    ("en", "take Keswick off the places please"),
])
def test_a_place_taken_off_the_places(start_at, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    iv = _iv(start_at, lang, _PLACES)
    turn = iv.turn(text)
    assert turn.draft.regions == ["Penrith", "Appleby"]
    assert turn.draft.actors == _PLACES["actors"]


def test_an_amount_in_pounds_and_pence_is_put_right_where_it_stands(start_at) -> None:  # type: ignore[no-untyped-def]
    """The pence were read as a number of their own: "costs £2.90" became "costs 40 now.90"."""
    iv = _iv(start_at, "en", _PLACES)
    turn = iv.turn("the meal is £3.40 now not £2.90")
    assert turn.draft.core == [_PLACES["core"][0], "A two-course meal costs £3.40.", _PLACES["core"][2]]


_ANSWERING = {"name": "Book van", "regions": ["Hull"],
              "core": ["The library van brings books to each person once a month.",
                       "A volunteer helps choose the books."],
              "actors": ["Hull Libraries", "Age UK Hull", "St Mary's Hospital, discharge team"]}


@pytest.mark.parametrize(("text", "field", "want"), [
    ("volunteers need a DBS check and a short induction. and i said the van comes once a month but its every "
     "two weeks now", "core", ["The library van brings books to each person every two weeks.",
                               "A volunteer helps choose the books."]),
    ("a DBS check and an induction with the library staff. also its Castle Hill Hospital not St Mary's, sorry my "
     "mistake", "actors", ["Hull Libraries", "Age UK Hull", "Castle Hill Hospital, discharge team"]),
])
def test_an_answer_then_a_fix_of_something_said_before(start_at, text: str, field: str, want: list[str]) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "conditions", _ANSWERING)
    turn = iv.turn(text)
    assert getattr(turn.draft, field) == want
    assert "DBS" in (turn.draft.conditions or "")
    assert "sorry" not in (turn.draft.conditions or "").lower() and "i said" not in (turn.draft.conditions or "")


def test_an_answer_whose_last_sentence_only_says_more_stays_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "conditions", _ANSWERING)
    turn = iv.turn("volunteers need a DBS check and a short induction. the van itself is paid by the council, not "
                   "by us, and it runs every week")
    assert turn.draft.core == _ANSWERING["core"]
    assert turn.draft.actors == _ANSWERING["actors"]
    assert "DBS" in (turn.draft.conditions or "")


def test_two_fixes_announced_before_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    """"hang on, two things before that. …": both fixes done, nothing stored as the answer, the question again."""
    iv = asking_with_card(start_at, "en", "conditions", {
        "name": "Chess in the library", "target_groups": ["children aged 6 to 12", "their parents"],
        "actors": ["Northgate Library", "Northgate Chess Club", "County Council"], "regions": ["Leeds"]})
    turn = iv.turn("hang on, two things before that. the children are 8 to 12 not 6 to 12, and the second partner "
                   "isnt northgate chess club its leeds chess academy")
    assert turn.draft.target_groups == ["children aged 8 to 12", "their parents"]
    assert turn.draft.actors == ["Northgate Library", "Leeds chess academy", "County Council"]
    assert not turn.draft.conditions


_SWIM = {"name": "Swim club", "regions": ["Turku"],
         "core": ["The group swims on Mondays from 10 to 11 at the Impivaara pool.",
                  "A physiotherapist leads the warm-up."],
         "actors": ["Turku sports services", "Turku Rheumatism Association"]}


@pytest.mark.parametrize("text", [
    "Correction: the group swims on thursdays, not mondays. we measure how far each person can walk at the start "
    "and after six months",
    "sorry, before I answer - it's thursdays, not mondays. we measure how far each person can walk at the start "
    "and after six months",
])
def test_a_fix_then_the_answer(start_at, text: str) -> None:  # type: ignore[no-untyped-def]
    """Thirtieth round: the fix in the first sentence, the answer after it; both land."""
    iv = asking_with_card(start_at, "en", "measurement", _SWIM)
    turn = iv.turn(text)
    assert "thursdays" in turn.draft.core[0].lower() and "monday" not in turn.draft.core[0].lower()
    assert turn.draft.core[1] == _SWIM["core"][1]
    measured = (turn.draft.measurement or "").lower()
    assert "walk" in measured
    assert "monday" not in measured and "correction" not in measured and "sorry" not in measured


def test_a_first_sentence_that_calls_a_field_wrong_without_the_right_value_is_read_whole(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "funders", {**_SWIM, "goals": ["People keep moving"]})
    turn = iv.turn("sorry, the goal part is all wrong, that was from our old plan. now the goal is that people "
                   "with arthritis stay active and meet others")
    assert not turn.draft.funders
