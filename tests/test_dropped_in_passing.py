"""Something on the card dropped in passing inside an answer to another question ("… ja Keusote ei oo enää
mukana", "å Karleby e int me längre", "we dont meet in the parish hall anymore, now …"): the item goes, what
is said instead takes its place, and the answer still lands in the asked field. The same shapes about
something the card does not hold, or about what is merely not required, change nothing. Sentences written
for the tests (twenty-second round)."""

from __future__ import annotations

from tests.conftest import asking_with_card, at_summary


def test_an_organisation_named_by_its_everyday_name_leaves_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "funders", {"actors": ["Tuusulan kunta, nuorisopalvelut",
                                                        "Keski-Uudenmaan hyvinvointialue, perheneuvola",
                                                        "Klubitalo Majakka ry"]})
    turn = iv.turn("Rahat tulee STEAlta ja vähän kunnalta. ja Keusote ei oo enää mukana, ne lopetti viime vuonna")
    assert turn.draft.actors == ["Tuusulan kunta, nuorisopalvelut", "Klubitalo Majakka ry"]
    assert "STEA" in " ".join(turn.draft.funders)


def test_a_place_in_the_other_language_leaves_the_regions(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "goals", {"regions": ["Karleby", "Jakobstad"]})
    turn = iv.turn("Att fler vågar cykla till jobbet på sommaren. å Kokkola e int me längre, dom har en egen kurs")
    assert turn.draft.regions == ["Jakobstad"]
    assert "cykla" in " ".join(turn.draft.goals)


def test_what_is_there_now_replaces_the_sentence_and_the_rest_stays(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "en", "conditions", {
        "environment": "The group meets in the parish hall on Monday evenings. Coffee and tea are free."})
    turn = iv.turn("A trained leader and a quiet room. we dont meet in the parish hall anymore, it got too cold, "
                   "now we use the library basement")
    env = turn.draft.environment or ""
    assert "library basement" in env
    assert "parish hall" not in env
    assert "Coffee and tea are free." in env
    assert "cold" not in env
    assert "trained leader" in (turn.draft.conditions or "")


def test_a_denial_of_what_the_card_does_not_hold_is_only_the_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    card = {"target_groups": ["Isät, joilla on alle vuoden ikäinen vauva"], "actors": ["Oulun kaupungin neuvolat"]}
    iv = asking_with_card(start_at, "fi", "environment", card)
    turn = iv.turn("Ei mikään klinikka, me tavataan leikkipuistossa ja huonolla säällä perhekeskuksen salissa")
    assert turn.draft.target_groups == card["target_groups"]
    assert turn.draft.actors == card["actors"]
    assert "leikkipuisto" in (turn.draft.environment or "")


def test_what_is_not_required_takes_nothing_off(start_at) -> None:  # type: ignore[no-untyped-def]
    env = "Ryhmä kokoontuu kirjaston kokoushuoneessa. Tilassa on kahvinkeitin."
    iv = asking_with_card(start_at, "fi", "adaptable", {"environment": env})
    turn = iv.turn("Päivän voi valita itse, ja paikaksi käy mikä tahansa rauhallinen tila, ei välttämättä kirjasto")
    assert turn.draft.environment == env
    assert turn.draft.adaptable


def test_only_the_part_of_a_many_part_item_that_is_named_goes(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {"actors": ["Kaksi kirjastonhoitajaa, kirjastoauto ja Punaisen Ristin "
                                                      "vapaaehtoiset", "Saariston kyläyhdistys"]})
    turn = iv.turn("Että yksinäisyys vähenee saaristossa. Punanen Risti ei oo enää mukana, ne lopetti keväällä")
    assert turn.draft.actors == ["Kaksi kirjastonhoitajaa, kirjastoauto", "Saariston kyläyhdistys"]
    assert "yksinäisyys" in " ".join(turn.draft.goals).lower()


def test_at_the_summary_a_partner_that_left_goes(start_at) -> None:  # type: ignore[no-untyped-def]
    actors = ["Mind Peers ry", "Helsinki University Hospital, early psychosis clinic", "City of Helsinki, youth services"]
    iv = asking_with_card(start_at, "en", "goals", {"actors": actors, "goals": ["Fewer readmissions"]})
    at_summary(iv)
    turn = iv.turn("HUS left at new year, so its only the city and us now")
    assert turn.draft.actors == [actors[0], actors[2]]
    assert turn.draft.goals == ["Fewer readmissions"]


def test_the_right_one_said_first_is_left_to_the_correction_readers(start_at) -> None:  # type: ignore[no-untyped-def]
    """"wednesdays not mondays": a swap in place, not the sentence with Mondays taken off the card."""
    iv = asking_with_card(start_at, "en", "goals", {"environment": "The group meets on Mondays outside the library."})
    at_summary(iv)
    turn = iv.turn("wednesdays not mondays")
    env = (turn.draft.environment or "").lower()
    assert "wednesdays" in env
    assert "library" in env


def test_a_place_where_something_stopped_said_first_leaves_at_the_summary(start_at) -> None:  # type: ignore[no-untyped-def]
    """"Lovisassa ei pidetä ryhmää enää" (twenty-third round): the place in the inessive before the denial is
    where it stopped, not the right one said first ("Imatra not Lappeenranta")."""
    iv = asking_with_card(start_at, "fi", "goals", {"regions": ["Porvoo", "Loviisa", "Sipoo"]})
    at_summary(iv)
    turn = iv.turn("Lovisassa ei pidetä ryhmää enää, sinne ei tullut tarpeeks väkeä")
    assert turn.draft.regions == ["Porvoo", "Sipoo"]


def test_a_swedish_mera_at_the_end_says_it_stopped(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "sv", "measurement", {"regions": ["Åbo", "S:t Karins", "Reso"]})
    turn = iv.turn("vi räknar hur många som kommer. i Raisio ha vi int nån grupp mera, ledaren flytta")
    assert turn.draft.regions == ["Åbo", "S:t Karins"]
    assert "räknar" in (turn.draft.measurement or "")


def test_what_the_fix_is_about_before_a_colon_is_not_an_answer(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = asking_with_card(start_at, "fi", "goals", {"funders": ["STEA", "Lahden kaupunki", "Euroopan sosiaalirahasto"]})
    at_summary(iv)
    turn = iv.turn("muuten ok mut siitä rahotuksesta: ESR loppu viime vuonna, nyt mennään STEAn ja kaupungin rahoilla")
    assert turn.draft.funders == ["STEA", "Lahden kaupunki"]


def test_who_does_it_now_takes_the_place_of_who_stopped_inside_the_item(start_at) -> None:  # type: ignore[no-untyped-def]
    """Before: the whole core item became "the city's youth team do it now"."""
    iv = asking_with_card(start_at, "en", "goals", {"core": [
        "Volunteers are trained by a coach from the Bright Path Network in a two-day course.",
        "Each school has two volunteers."]})
    turn = iv.turn("young people feel safer at school. also Bright Path dont do the training anymore, the city's "
                   "youth team do it now")
    assert turn.draft.core == ["Volunteers are trained by a coach from the city's youth team in a two-day course.",
                               "Each school has two volunteers."]


_PRISON_ACTORS = ["Lapset ja Vankeus ry", "Rikosseuraamuslaitos, Kylmäkosken vankila",
                  "Pirkanmaan hyvinvointialue, lastensuojelu", "Vankilaseurakunta Pirkanmaa"]


def test_a_partner_said_not_to_be_with_us_at_the_summary_leaves_and_the_rest_stay(start_at) -> None:  # type: ignore[no-untyped-def]
    # "ja" opens a Finnish message as "and", not as a hedge before a whole new partner list (round 25: the
    # list became ["Vankilaseurakunta"])
    iv = asking_with_card(start_at, "fi", "goals", {"actors": list(_PRISON_ACTORS), "regions": ["Akaa", "Tampere"]})
    at_summary(iv)
    turn = iv.turn("ja vankilaseurakunta ei oo meiän kaa tässä")
    assert turn.draft.actors == _PRISON_ACTORS[:3]
    assert turn.draft.regions == ["Akaa", "Tampere"]


def test_not_with_us_in_english_and_swedish_takes_the_partner_off(start_at) -> None:  # type: ignore[no-untyped-def]
    for lang, text, actors in (
            ("en", "and the prison chaplaincy isnt with us on this", ["Children and Prison charity",
                                                                       "Prison chaplaincy", "Social services"]),
            ("sv", "å församlingen e int med oss", ["Föreningen Barn och fängelse", "Församlingen",
                                                  "Socialtjänsten"])):
        iv = asking_with_card(start_at, lang, "goals", {"actors": list(actors)})
        at_summary(iv)
        turn = iv.turn(text)
        assert turn.draft.actors == [actors[0], actors[2]], lang
