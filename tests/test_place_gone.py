"""A place of the card said not to be ours ("Forssaa ei oo, pitää olla Janakkala", "walsall's not ours"): it
goes, the right place takes its seat, and the rest of the message is read as if said alone. What a place
lacks, what is not there yet, and a place inside another item's name change nothing. Sentences written for the
tests (twenty-fourth round)."""

from __future__ import annotations

from tests.conftest import asking_with_card, at_summary


def test_a_place_denied_alone_gives_way_to_the_right_one_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {"regions": ["Kouvola", "Kotka", "Hamina"]})
    at_summary(iv)
    turn = iv.turn("noista paikoista: Haminaa ei oo, pitää olla Pyhtää. haminalaiset käy Kotkassa")
    assert turn.draft.regions == ["Kouvola", "Kotka", "Pyhtää"]


def test_a_place_that_never_had_it_is_swapped_mid_interview_and_nothing_is_answered(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "evidence", {"regions": ["Jyväskylä", "Laukaa", "Muurame"]})
    turn = iv.turn("ai niin. muuramessa ei oo ikinä ollu ryhmää, se kolmas on äänekoskella")
    assert turn.draft.regions == ["Jyväskylä", "Laukaa", "Äänekoski"]
    assert not turn.draft.evidence


def test_not_ours_removes_the_place_and_the_second_fix_is_still_made(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "goals", {
        "regions": ["Leeds", "Bradford", "Wakefield"],
        "environment": "Sessions run at the community centre every Tuesday evening."})
    at_summary(iv)
    turn = iv.turn("two things - wakefield's not ours, we never had a group there. and sessions are on thursday "
                   "evenings now, not tuesday")
    assert turn.draft.regions == ["Leeds", "Bradford"]
    assert "thursday" in (turn.draft.environment or "").lower()


def test_a_swedish_place_with_no_group_any_more_goes(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "goals", {"regions": ["Borgå", "Lovisa", "Sibbo"]})
    at_summary(iv)
    turn = iv.turn("nå, en sak. i Sibbo finns ingen grupp mera, ledaren flytta")
    assert turn.draft.regions == ["Borgå", "Lovisa"]


def test_what_a_place_lacks_or_does_not_need_is_not_said_of_the_place() -> None:
    from assistant.place_gone import read

    regions = ["Hämeenlinna", "Riihimäki", "Forssa"]
    for said in ("Riihimäellä ei oo kunnon tiloja, siks kokoonnutaan seurakuntatalolla.",
                 "Forssassa ei tarvita lähetettä, muualla tarvitaan.",
                 "Hämeenlinnassa ei ole vielä omaa ryhmää, mutta syksyllä alkaa.",
                 "Janakkala eikä Forssa"):  # the right one said first: the correction readers take it
        assert read(said, regions, "fi") is None, said
    gone = read("Riihimäellä ei oo ikinä ollu ryhmää, se kolmas on Janakkalassa.", regions, "fi")
    assert gone is not None and (gone.place, gone.instead) == ("Riihimäki", "Janakkala")


def test_a_place_not_there_yet_stays(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "stage", {"regions": ["Hämeenlinna", "Forssa"]})
    iv.turn("Forssassa ei oo vielä ryhmää, mutta syksyllä alkaa")
    assert iv.state.draft.regions == ["Hämeenlinna", "Forssa"]


def test_a_place_inside_another_items_name_is_that_item(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "goals", {"regions": ["Vasa", "Korsholm"],
                                         "organisation": "Vasa stad, familjearbetet"})
    at_summary(iv)
    turn = iv.turn("ägaren e Österbottens välfärdsområde nu, int Vasa stad")
    assert turn.draft.regions == ["Vasa", "Korsholm"]


def test_a_place_taken_off_with_the_right_one_said_after_it(start_at) -> None:  # type: ignore[no-untyped-def]
    """"å Kyrkslätt ska bort, de e Grankulla vi jobbar i" after an answer (round 25: the place was only removed)."""
    iv = asking_with_card(start_at, "sv", "measurement", {"regions": ["Vanda", "Sibbo"]})
    turn = iv.turn("vi räknar hur många som kommer varje vecka å frågar dom en gång om året. å Sibbo ska bort, "
                   "de e Kervo vi jobbar i")
    assert turn.draft.regions == ["Vanda", "Kervo"]
    assert "räknar" in (turn.draft.measurement or "")
