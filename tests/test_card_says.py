"""The card quoted and answered at the summary ("the visits say monday and wednesday, its tuesday and thursday
now", "det står att stallet ligger i Esse men det ligger i Purmo"); a fix said after a face or a one-thing
announcement ("yks juttu sori 😅 …"); a day list said whole where the card writes one of its days."""

from __future__ import annotations

from assistant.card_says import quoted_fix
from assistant.items import new_only
from assistant.textsafe import without_emoji
from tests.conftest import asking_with_card, at_summary


def _iv(start_at, lang: str, card: dict[str, object]):  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, lang, "problem", card)
    at_summary(iv)
    return iv


def test_the_words_that_differ_between_quote_and_answer() -> None:
    card = "Volunteers call every Monday and Thursday evening. The stable is in Nykarleby."
    assert quoted_fix("the calls say monday and thursday, its tuesday and friday now", card) == \
        [("tuesday", "monday"), ("friday", "thursday")]
    assert quoted_fix("där står det att stallet ligger i Nykarleby men det ligger i Jakobstad", card) == \
        [("Jakobstad", "Nykarleby")]
    assert quoted_fix("it says we call on mondays, that is right", card) is None
    assert quoted_fix("the calls say monday, its sunday now", "Volunteers call on Fridays.") is None


def test_two_days_quoted_and_answered(start_at) -> None:  # type: ignore[no-untyped-def]
    card = {"name": "Phone friends", "core": ["Volunteers call every Monday and Thursday evening.",
                                              "Each volunteer has three people to call."]}
    turn = _iv(start_at, "en", card).turn("hi!! sorry, the calls say monday and thursday, its tuesday and friday "
                                          "now cos the volunteers changed. rest is fine x")
    assert turn.draft.core == ["Volunteers call every Tuesday and Friday evening.",
                               "Each volunteer has three people to call."]


def test_a_place_quoted_and_answered_in_swedish(start_at) -> None:  # type: ignore[no-untyped-def]
    card = {"name": "Ridterapi", "basic_idea": "Barnen rider en gång i veckan på ett stall i Nykarleby. "
                                               "En fysioterapeut är alltid med."}
    turn = _iv(start_at, "sv", card).turn("hej! i beskrivningen står de att stallet ligger i Nykarleby men de "
                                          "ligger i Jakobstad. annars bra 👍")
    assert turn.draft.basic_idea == "Barnen rider en gång i veckan på ett stall i Jakobstad. " \
                                   "En fysioterapeut är alltid med."


def test_a_face_is_taken_out_and_ends_a_sentence() -> None:
    assert without_emoji("hei vielä yks juttu sori 😅 ryhmät on maanantaisin") == \
        "hei vielä yks juttu sori. ryhmät on maanantaisin"
    assert without_emoji("annars bra 👍") == "annars bra"
    assert without_emoji("👍") == "👍"
    assert without_emoji("klo 9:30 ja 10:15") == "klo 9:30 ja 10:15"


def test_a_day_list_said_whole_keeps_the_day_already_written() -> None:
    assert new_only("Ryhmät kokoontuvat maanantaisin ja perjantaisin.", "perjantaisin",
                    "maanantaisin ja keskiviikkoisin") == "keskiviikkoisin"
    assert new_only("Ryhmät kokoontuvat perjantaisin.", "perjantaisin", "maanantaisin ja keskiviikkoisin") == \
        "maanantaisin ja keskiviikkoisin"


def test_one_thing_announced_with_a_face_then_the_days(start_at) -> None:  # type: ignore[no-untyped-def]
    card = {"name": "Ulkokuntosali", "core": ["Ryhmät kokoontuvat maanantaisin ja perjantaisin kello 10.",
                                             "Sateella harjoitellaan katoksen alla."]}
    turn = _iv(start_at, "fi", card).turn("hei vielä yks juttu sori 😅 ryhmät on maanantaisin ja keskiviikkoisin, ei "
                                          "perjantaisin. perjantaisin siellä on koululaiset lol")
    assert turn.draft.core == ["Ryhmät kokoontuvat maanantaisin ja keskiviikkoisin kello 10.",
                               "Sateella harjoitellaan katoksen alla."]
    assert not turn.draft.adaptable
