"""What a correction replaces when the card says it in another form: a compound ending in the word said
("kuraattori" for the card's "Koulukuraattori"), the one new word of a right-hand sentence ("its the
pharmacist who calls, not a nurse"), and a clause after the right value that only explains what it replaces
("kirjastosta jouduttiin lähtemään"); the functions first, then on a real card."""

from __future__ import annotations

import pytest

from assistant.card_words import _compound_head, _counterpart, _overlaps, reason_clauses
from assistant.flow import load_prompts
from assistant.moves import move_hint
from assistant.understand import Understanding


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize("said,item,lang", [
    ("kuraattori", "Koulukuraattori ja nuorisotyöntekijä pitävät ryhmän", "fi"),
    ("sjuksköterskan", "Skolsjuksköterskan håller gruppen", "sv"),
    ("kirjastosta", "Ryhmä kokoontuu Seinäjoen pääkirjaston kokoushuoneessa", "fi"),
])
def test_a_word_said_finds_the_compound_that_ends_in_it(said: str, item: str, lang: str) -> None:
    assert _overlaps(item, said, lang)
    assert _overlaps(item, said, lang, whole=True)


@pytest.mark.parametrize("said,item", [
    ("kuraattori", "Terveydenhoitaja tapaa nuoret"),
    ("talo", "Nuorisotalon yläkerrassa"),  # a short word is not the tail of every compound
])
def test_a_compound_is_not_found_by_what_it_does_not_end_in(said: str, item: str) -> None:
    assert not _overlaps(item, said, "fi", whole=True)


def test_the_compound_keeps_its_head() -> None:
    assert _compound_head("Koulukuraattori", "kuraattori") == "Koulu"
    assert _compound_head("kuraattori", "kuraattori") == ""


@pytest.mark.parametrize("said,value,wrong,right", [
    ("its the pharmacist who calls", "A nurse calls every patient two days after discharge.", "nurse", "pharmacist"),
    ("se oli oulun kaupunkiseurakunta joka lähti mukaan", "Oulun kaupungin nuorisopalvelut", "Diakonissalaitos", ""),
    ("Loimaa kuuluu Varsinais-Suomen hyvinvointialueeseen", "Loimaa; Satakunnan hyvinvointialue", "Satakuntaan", ""),
])
def test_the_one_new_word_of_a_sentence_is_the_right_value(said: str, value: str, wrong: str, right: str) -> None:
    assert _counterpart(said, value, "en" if said.startswith("its") else "fi", wrong) == right


def test_a_clause_explaining_the_wrong_one_is_not_part_of_the_right_one() -> None:
    card = {"lukiolaiset"}

    def on_card(word: str) -> bool:
        return word.startswith("lukiolai") and bool(card)
    assert reason_clauses("ammattikoululaiset; lukiolaisille on omat juttunsa", [], "fi", on_card) == \
        ("ammattikoululaiset", ["lukiolaisille"])
    assert reason_clauses("Naantalissa. Turku tulee vasta ens vuonna mukaan", ["Turussa vielä"], "fi",
                          lambda w: False) == ("Naantalissa", ["Turussa vielä"])
    # a number corrected with a remark: the number swap decides, the remark names nothing
    assert reason_clauses("126 oikeudenkäyntiä, katsoin äsken väärän vuoden luvut", [], "fi", lambda w: True) == \
        ("126 oikeudenkäyntiä, katsoin äsken väärän vuoden luvut", [])


def test_a_role_in_a_compound_is_swapped_in_place(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "adaptable")
    iv.edit("basic_idea", "Koulukuraattori ja nuorisotyöntekijä pitävät 7.-luokkalaisille ryhmän.")
    turn = iv.turn("ei kuraattori vaan terveydenhoitaja, kuraattorilla ei ollu yhtään aikaa tähän")
    assert turn.draft.basic_idea == "Kouluterveydenhoitaja ja nuorisotyöntekijä pitävät 7.-luokkalaisille ryhmän."
    assert not turn.draft.adaptable


def test_a_sentence_said_right_changes_only_its_new_word(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "actors")
    iv.edit("basic_idea", "A nurse calls every patient two days after they get home and checks their medicines.")
    turn = iv.turn("its the pharmacist who calls, not a nurse")
    assert turn.draft.basic_idea == \
        "A pharmacist calls every patient two days after they get home and checks their medicines."


def test_the_reason_names_what_the_right_value_replaces(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "regions")
    iv.edit("target_groups", ["lukiolaiset"])
    iv.edit("regions", ["Kuopio"])
    turn = iv.turn("ei vaan ammattikoululaiset, lukiolaisille on omat juttunsa")
    assert turn.draft.target_groups == ["ammattikoululaiset"]
    assert turn.draft.regions == ["Kuopio"]


@pytest.mark.parametrize("text,who", [
    ("okm:ltä ei tuu enää mitään, se avustus loppu 2023", "okm:ltä"),
    ("punaselta ristiltä ei oo enää ketään mukana, ne oli vaan alussa", "punaselta ristiltä"),
    ("marthorna va me bara på första kursen, sen int mer", "marthorna"),
    ("the social insurance institution didnt fund us in the end", "social insurance institution"),
    ("we dont do it in helsingfors anymore, only espoo and vantaa", "helsingfors"),
    ("vi finns int i nykarleby, det var bara ett försök", "nykarleby"),
])
def test_someone_no_longer_involved_is_read_in_everyday_words(text: str, who: str) -> None:
    from assistant.rightwrong import left_out

    assert left_out(text) == who


@pytest.mark.parametrize("said,item", [
    ("okm:ltä", "Opetus- ja kulttuuriministeriö"),
    ("punaselta ristiltä", "Suomen Punainen Risti, Satakunnan piiri"),
    ("marthorna", "Marthaförbundet"),
    ("srk:n diakoniatyö", "Raahen seurakunta"),
])
def test_everyday_names_find_the_card_item(said: str, item: str) -> None:
    assert _overlaps(item, said, "fi")


def test_a_partner_that_left_goes_from_the_card(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("actors", ["Sjundeå kommun", "Sjundeå församling", "Marthaförbundet"])
    turn = iv.turn("marthorna va me bara på första kursen, sen int mer")
    assert turn.draft.actors == ["Sjundeå kommun", "Sjundeå församling"]
    assert not turn.draft.measurement


@pytest.mark.parametrize("lang,text,card,want", [
    ("en", "only the NEET ones, not all young people. the others have the youth centres already",
     ["all young people in Kontula"], "NEET"),
    ("sv", "bara högstadieelever, int alla barn o unga. för de små finns ju eftis", ["barn och unga 7–18 år"],
     "högstadieelever"),
])
def test_not_all_narrows_the_target_group(start_at, lang: str, text: str, card: list[str],  # type: ignore[no-untyped-def]
                                          want: str) -> None:
    iv = start_at(lang, "goals")
    iv.edit("target_groups", card)
    iv.edit("basic_idea", "A drop-in where young people and children meet a youth worker (unga, barn).")
    turn = iv.turn(text)
    assert any(want.lower() in t.lower() for t in turn.draft.target_groups)
    assert not any(card[0] == t for t in turn.draft.target_groups)
    assert not turn.draft.goals


def test_fields_never_asked_are_shown_and_corrected_like_the_rest(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "conditions")
    iv.edit("funders", ["STEA", "Kela", "Pirkanmaan hyvinvointialue"])
    iv.edit("themes", ["loneliness"])
    turn = iv.turn("the social insurance institution didnt fund us in the end, the application was rejected")
    assert turn.draft.funders == ["STEA", "Pirkanmaan hyvinvointialue"]
    assert not turn.draft.conditions
    summary = iv._dialogue([]).summary()
    assert "STEA" in summary and "loneliness" in summary
    assert iv.state.summary_fields[-2:] == ["themes", "funders"]


def test_a_name_in_two_parts_goes_whole(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "conditions")
    iv.edit("funders", ["STEA", "Kela", "Opetus- ja kulttuuriministeriö"])
    turn = iv.turn("okm:ltä ei tuu enää mitään, se avustus loppu 2023. kelan ja stean raha jatkuu")
    assert turn.draft.funders == ["STEA", "Kela"]


@pytest.mark.parametrize("text,away,to", [
    ("toi koulutusvaatimus ohjaajalle on enemmän edellytys kun ydinjuttu", "core", "conditions"),
    ("se opinnäytetyö ei kyl oo meidän omaa mittaamista, se on enemmän sitä arviointitietoa", "measurement",
     "evidence"),
    ("landskapsregeringen e ju int ett område, de e dom som betalar", None, "funders"),
])
def test_an_item_said_to_belong_elsewhere_in_everyday_words(nlu: Understanding, text: str, away: str | None, to: str) -> None:
    c = move_hint(nlu, text)
    assert c is not None and (c.field, c.move_to) == (away, to)


def test_a_sentence_named_by_its_code_moves_whole(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "conditions")
    iv.edit("evidence", "Participants fill in the WHO-5 wellbeing index at the start and end. "
                        "A 2021 master's thesis found that loneliness decreased.")
    turn = iv.turn("the WHO-5 thing is how we measure, its not evidence really")
    assert turn.draft.evidence == "A 2021 master's thesis found that loneliness decreased."
    assert "WHO-5" in (turn.draft.measurement or "") and not turn.draft.conditions


@pytest.mark.parametrize("text,name", [
    ("nimi on nykyään Rahapaja. velkapysäkki oli pilotin nimi mut moni ei halunnu tulla", "Rahapaja"),
    ("he heter Pigga pensionärer nuförtiden, gympan va de gamla namnet som ingen använder", "Pigga pensionärer"),
    ("nimi on Isäpuu eikä isäpiiri", "Isäpuu"),
    ("it's called Pet Helpers now", "Pet Helpers"),
])
def test_a_new_name_said_plainly(nlu: Understanding, text: str, name: str) -> None:
    c = nlu.correction(text)
    assert c is not None and (c.field, c.text) == ("name", name)


@pytest.mark.parametrize("text", ["Nimi on vielä auki", "tiivistelmä on hyvä"])
def test_something_said_of_the_name_is_not_a_name(nlu: Understanding, text: str) -> None:
    c = nlu.correction(text)
    assert c is None or c.field not in ("name", "summary")


@pytest.mark.parametrize("text,field,value", [
    ("unohtu äsken mainita Jyväskylän Katulähetys, ne on ihan keskeinen kumppani meille", None,
     "Jyväskylän Katulähetys"),
    ("oj glömde Luckan Raseborg, dom håller i kvällsverksamheten", None, "Luckan Raseborg"),
    ("o en grej till som hör till kärnan: alla får en egen kontaktperson som man kan ringa mellan träffarna",
     "core", "alla får en egen kontaktperson som man kan ringa mellan träffarna"),
    ("oh and one thing for goals, we want the parents to get to know each other too", "goals",
     "we want the parents to get to know each other too"),
    ("sori, unohtui yksi: myös yksinäisyyden vähentäminen, moni tulisi varmaan vaan juttelemaan", None,
     "yksinäisyyden vähentäminen"),
])
def test_something_forgotten_is_added_without_the_remark_after_it(nlu: Understanding, text: str, field: str | None, value: str) -> None:
    c = nlu.correction(text)
    assert c is not None and c.additive and (c.field, c.text) == (field, value)


def test_a_forgotten_partner_joins_the_actors(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("actors", ["Raseborgs stad", "Västra Nylands välfärdsområde"])
    turn = iv.turn("oj glömde Luckan Raseborg, dom håller i kvällsverksamheten")
    assert turn.draft.actors == ["Raseborgs stad", "Västra Nylands välfärdsområde", "Luckan Raseborg"]
    assert not turn.draft.measurement


def test_a_field_called_outdated_takes_what_follows(nlu: Understanding) -> None:
    c = nlu.correction(
        "hmm toi mittaaminen on vähän vanhentunu. nykyään käytetään pelkästään GAS-tavotteiden toteutumista")
    assert c is not None and c.field == "measurement" and c.text.startswith("käytetään pelkästään GAS")


@pytest.mark.parametrize("text,places", [
    ("egentligen bara Vasa o Korsholm, i Vörå o Malax har vi bara haft nån enstaka deltagare", ["Vasa", "Korsholm"]),
    ("vain Tampere ja Nokia", ["Tampere", "Nokia"]),
    ("only the NEET ones, not all young people", []),
    ("bara flickorna, inte alla elever", []),
])
def test_only_these_places(text: str, places: list[str]) -> None:
    from assistant.edits import only_these_places

    assert only_these_places(text) == places


def test_only_these_places_are_the_regions(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "measurement")
    iv.edit("regions", ["Vasa", "Korsholm", "Vörå", "Malax"])
    turn = iv.turn("egentligen bara Vasa o Korsholm, i Vörå o Malax har vi bara haft nån enstaka deltagare")
    assert turn.draft.regions == ["Vasa", "Korsholm"] and not turn.draft.measurement


@pytest.mark.parametrize("text,funder", [
    ("å just de, Aktiastiftelsen i Vasa gav oss också pengar i år, kan du lägga till dom", "Aktiastiftelsen i Vasa"),
    ("unohin sanoa et Kone Säätiö antoi meille myös rahaa", "Kone Säätiö"),
])
def test_a_forgotten_funder(nlu: Understanding, text: str, funder: str) -> None:
    c = nlu.correction(text)
    assert c is not None and c.additive and (c.field, c.text) == ("funders", funder)


def test_a_forgotten_group_keeps_its_condition(nlu: Understanding) -> None:
    c = nlu.correction("unohtu et myös isovanhemmat, jos lapset asuu niillä")
    assert c is not None and c.additive and c.text == "isovanhemmat, jos lapset asuu niillä"


def test_a_summary_item_never_asked_can_be_contested(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "measurement")
    iv.edit("problem", "Yksinäisyys")
    iv.edit("funders", ["STEA", "Kela"])
    iv.state.phase = "confirm"
    iv._dialogue([]).summary()
    n = iv.state.summary_fields.index("funders") + 1
    turn = iv.turn(f"kohta {n} on väärin")
    assert turn.phase == "collect" and turn.asked_field == "funders" and "rahoittaa" in turn.reply
    turn = iv.turn("STEA ja Kunta")
    assert turn.draft.funders == ["STEA", "Kunta"]
