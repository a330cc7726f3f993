"""The pure parts of understanding a message: intents only when the message is nothing but the intent,
corrections as people type them, lists split at real boundaries, the dialogue policy's decisions."""

from __future__ import annotations

import pytest

from assistant.flow import load_prompts
from assistant.interview_types import InterviewState
from assistant.items import split_items, text_value
from assistant.policy import decide, next_ask
from assistant.understand import Understanding


@pytest.fixture(scope="module")
def nlu() -> Understanding:
    return Understanding(load_prompts().cues)


@pytest.mark.parametrize("text,intent", [
    ("myöhemmin", "skip"), ("en tiedä vielä", "skip"), ("vet inte", "skip"), ("later", "skip"), ("skip", "skip"),
    ("kyllä", "yes"), ("ok", "yes"), ("looks good", "yes"), ("ei", "no"), ("nej", "no"),
    ("Onko tällaista jo tehty?", "search"), ("Finns det redan något liknande?", "search"),
    ("has anyone done this already?", "search"), ("mitä tarkoitat?", "clarify"),
    ("voidaanko jatkaa ruotsiksi?", "lang"), ("in English please", "lang"), ("Hei!", "greeting"),
    ("Mikä on huomenna sää?", "question"), ("peitä henkilötiedot", "mask"),
])
def test_a_message_that_is_nothing_but_an_intent(nlu: Understanding, text: str, intent: str) -> None:
    assert nlu.analyse(text).intent == intent


@pytest.mark.parametrize("text", [
    "Pilotti alkaa myöhemmin keväällä", "we start the pilot next month", "volunteers must pass a short course",
    "Pengar, men det finns det inte mycket av", "Hyvä kysymys, ehkä koulutus on tärkein.",
    "Ok, eli rahoitus tulee hyvinvointialueelta.", "Koulutus ja rahoitus, onko tää sitä mitä tarkoitat?",
    "Onko tää jo tarpeeksi? Ainakin kaupunki maksaa tilat.", "Seuraava mittaus tehdään myöhemmin syksyllä.",
    "Nuoret jotka skippaa koulua", "Actually, mostly teachers.", "Sori, en ihan ymmärtänyt, mutta ehkä koulutus",
])
def test_everyday_words_inside_content_are_not_intents(nlu: Understanding, text: str) -> None:
    u = nlu.analyse(text)
    assert u.intent is None
    assert u.correction is None or u.correction.weak


@pytest.mark.parametrize("text,field,new,removed", [
    ("sorry, actually the target group is young carers, not parents", "target_groups", "young carers",
     ["parents"]),
    ("Sori, kohderyhmä onkin yksinäiset yli 75-vuotiaat miehet, ei kaikki ikäihmiset.", "target_groups",
     "yksinäiset yli 75-vuotiaat miehet", ["ikäihmiset"]),
    ("nej förresten, målgruppen är äldre män", "target_groups", "äldre män", []),
    ("korjaus: tavoite on vähentää yksinäisyyttä", "goals", "vähentää yksinäisyyttä", []),
    ("oho, väärin meni: Lahden Talot ja hyvinvointialueen asumisen tuki", None,
     "Lahden Talot ja hyvinvointialueen asumisen tuki", []),
    ("ei vaan fysioterapeutin tilalle tuli suuhygienisti", None, "suuhygienisti", ["fysioterapeutin"]),
    ("oho tarkoitin tiistaisin en torstaisin", None, "tiistaisin", ["torstaisin"]),
    ("korjaus, Alavus ei oo mukana vaan Kuortane", None, "Kuortane", ["Alavus"]),
    ("oops, I meant the basement room of the youth centre, not the library", None,
     "basement room of the youth centre", ["the library"]),
])
def test_corrections_as_people_type_them(nlu: Understanding, text: str, field: str | None, new: str,
                                         removed: list[str]) -> None:
    c = nlu.analyse(text).correction
    assert c is not None
    assert c.field == field
    assert new.lower() in c.text.lower()
    for r in removed:
        assert any(r.lower() in x.lower() for x in c.removed), c.removed


@pytest.mark.parametrize("text,field,removed", [
    ("Poista se Martat-kohta, ei pidä paikkaansa. Ne oli mukana vaan yhden kerran.", None, "Martat"),
    ("Stryk det där om Folkhälsan, det stämmer inte.", None, "Folkhälsan"),
    ("please take out the bit about mentor fees, that's not true anymore", None, "mentor fees"),
    ("Poista toimijoista seurakunta", "actors", "seurakunta"),
])
def test_removal_commands_name_what_goes(nlu: Understanding, text: str, field: str | None, removed: str) -> None:
    c = nlu.analyse(text).correction
    assert c is not None and c.command and not c.weak
    assert c.field == field and c.text == "" and c.removed == [removed]


@pytest.mark.parametrize("text,field,new", [
    ("Lisää vielä toimijoihin Y-Säätiö, sieltä tulee suurin osa niistä asunnoista.", "actors", "Y-Säätiö"),
    ("Lägg också till de våldsutsatta föräldrarna i målgruppen, de får ju också stöd.", "target_groups",
     "de våldsutsatta föräldrarna"),
    ("oh and also add hard of hearing elders, some of them come too", None, "hard of hearing elders"),
])
def test_addition_commands_add_without_replacing(nlu: Understanding, text: str, field: str | None, new: str) -> None:
    c = nlu.analyse(text).correction
    assert c is not None and c.command and c.additive
    assert c.field == field and c.text == new


@pytest.mark.parametrize("text", ["Lisää rahaa ja aikaa tarvitaan.", "Add more staff to home care",
                                  "Include everyone over 65 who lives alone."])
def test_everyday_verbs_of_editing_inside_answers_are_not_commands(nlu: Understanding, text: str) -> None:
    assert nlu.analyse(text).correction is None


def test_y_not_x_is_only_a_possible_correction_that_the_card_decides(nlu: Understanding) -> None:
    """"Nuoret, ei aikuiset." answers "who is it for?" unless the field being talked about says "aikuiset";
    the dialogue decides that against the card (tests/test_interview.py)."""
    c = nlu.analyse("Nuoret, ei aikuiset.").correction
    assert c is not None
    assert (c.command, c.weak, c.narrow, c.text, c.removed) == (False, True, True, "Nuoret", ["aikuiset"])


def test_a_remove_verb_that_may_be_an_answer_is_not_a_command(nlu: Understanding) -> None:
    # no "se …-kohta", "the bit about" or field name: "what do you aim at?" → "Remove barriers …" answers
    assert nlu.analyse("Remove barriers to work for young people").correction is None


@pytest.mark.parametrize("text,new,removed", [
    ("Korjaan: alueet on Joensuu, Kitee ja Nurmes. Lieksa meni multa väärin.", "Joensuu", "Lieksa"),
    ("Hetkinen, tavoite ei oo ruokavalion muuttaminen, sitä me ei tehdä. Vaan se että ihmiset asioi itse.",
     "ihmiset asioi itse", "ruokavalion muuttaminen"),
    ("Det ska vara Närpes och Korsnäs, inte Kristinestad och Kaskö.", "Närpes och Korsnäs", "Kristinestad och Kaskö"),
])
def test_what_a_correction_calls_wrong(nlu: Understanding, text: str, new: str, removed: str) -> None:
    c = nlu.analyse(text).correction
    assert c is not None
    assert new in c.text and c.removed == [removed]


def test_closing_contest_that_says_what_is_missing_adds_it(nlu: Understanding) -> None:
    flow = load_prompts().flow
    state = InterviewState(session_id="x", phase="confirm", summary_fields=["name", "regions"])
    act = decide(state, nlu.analyse("Nästan, men Pedersöre fattas, vi åker ju dit också."), nlu, flow)
    assert act.kind == "correct" and act.correction is not None
    assert (act.correction.text, act.correction.additive, act.correction.field) == ("Pedersöre", True, None)
    assert decide(state, nlu.analyse("hyvä, mutta jotain puuttuu"), nlu, flow).kind == "which"


def test_a_story_that_starts_with_no_or_siis_is_not_a_correction(nlu: Understanding) -> None:
    story = ("No tää lähti siitä että terveysasema supistu kahteen päivään, eikä sivukylistä pääse sinne. "
             "Me kierretään pakettiautolla kylätaloilla. Kohderyhmä on ikäihmiset, ei lapset.")
    assert nlu.analyse(story).correction is None


@pytest.mark.parametrize("text,items", [
    ("Tapaamispaikka (koulu, koti tai verkko)", ["Tapaamispaikka (koulu, koti tai verkko)"]),
    ("seurakunta, kotihoito ja eläkeläisjärjestö", ["Seurakunta", "Kotihoito", "Eläkeläisjärjestö"]),
    ("koulutuksen ja työn ulkopuolella olevat nuoret", ["Koulutuksen ja työn ulkopuolella olevat nuoret"]),
    ("Se. Ja että lastensuojeluilmoitukset vähenevät", ["Lastensuojeluilmoitukset vähenevät"]),
    ("Nuoret, jotka ovat keskeyttäneet opinnot", ["Nuoret, jotka ovat keskeyttäneet opinnot"]),
    ("16–20-vuotiaat nuoret; heidän vanhempansa", ["16–20-vuotiaat nuoret", "Heidän vanhempansa"]),
])
def test_lists_split_only_at_real_boundaries(text: str, items: list[str]) -> None:
    assert split_items(text) == items


def test_spoken_lead_ins_are_dropped_from_answers() -> None:
    assert text_value("No lähinnä se että seurakunta antaa tilat.") == "Seurakunta antaa tilat."
    assert text_value("Well, mostly the schools.") == "The schools."


def test_policy_sends_an_answer_to_the_asked_field_and_a_reuse_reply_nowhere(nlu: Understanding) -> None:
    flow = load_prompts().flow
    state = InterviewState(session_id="x", pending_field="conditions", content_turns=2)
    action = decide(state, nlu.analyse("No lähinnä se että seurakunta antaa tilat. Vähän perehdytystä."), nlu, flow)
    assert (action.kind, action.field) == ("answer", "conditions")
    state.phase = "reuse_offer"
    action = decide(state, nlu.analyse("Jatketaan omaa, Perhekoulu POP on pienten lasten ryhmämalli."), nlu, flow)
    assert (action.kind, action.choice, action.field) == ("reuse", "own", None)


def test_policy_at_the_closing_summary(nlu: Understanding) -> None:
    flow = load_prompts().flow
    state = InterviewState(session_id="x", phase="confirm", summary_fields=["problem", "target_groups", "name"])
    assert decide(state, nlu.analyse("kyllä"), nlu, flow).kind == "accept"
    act = decide(state, nlu.analyse("ok, mutta nimi on väärä"), nlu, flow)
    assert (act.kind, act.field) == ("reopen", "name")
    act = decide(state, nlu.analyse("kohta 2 on väärin"), nlu, flow)
    assert (act.kind, act.field) == ("reopen", "target_groups")
    act = decide(state, nlu.analyse("joo, paitsi vaihe: vakiintunut"), nlu, flow)
    assert (act.kind, act.field, act.text) == ("set", "stage", "vakiintunut")
    assert decide(state, nlu.analyse("hyvä, mutta jotain puuttuu"), nlu, flow).kind == "which"


def test_next_ask_confirms_unsure_values_in_order() -> None:
    flow = load_prompts().flow
    state = InterviewState(session_id="x")
    state.draft.problem = "Yksinäisyys"
    state.draft.target_groups = ["iäkkäät miehet"]
    state.unsure = ["target_groups"]
    ask = next_ask(state, flow)
    assert (ask.kind, ask.field) == ("confirm", "target_groups")
    state.unsure = []
    assert (next_ask(state, flow).kind, next_ask(state, flow).field) == ("question", "basic_idea")


def test_prompt_files_point_at_schemas_that_exist_and_are_current() -> None:
    import json
    from pathlib import Path

    from assistant.flow import Cues, Flow

    prompts = Path(__file__).resolve().parent.parent / "prompts"
    for name, model in (("flow", Flow), ("cues", Cues)):
        first = (prompts / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        pointer = first.split("$schema=", 1)[1].strip()
        schema = json.loads((prompts / pointer).read_text(encoding="utf-8"))
        expected = model.model_json_schema()
        expected["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        assert schema == expected, f"regenerate prompts/{pointer}"


@pytest.mark.parametrize("text,stage", [
    ("No kokeiluvaiheessa vielä, toinen talvi menossa.", "developing"),  # "No" is a Finnish filler
    ("Kehittämisvaiheessa, laajennetaan parhaillaan.", "developing"),
    ("Aloitettiin kokeiluna 2023. Eli ei vielä mikään vakiintunut juttu.", "developing"),
    ("He e vår vanliga verksamhet sen 2021.", "established"),
    ("Int ännu etablerad, vi pilotar fortfarande.", "developing"),
    ("It is not a pilot anymore, it is established.", "established"),
])
def test_the_stage_people_state_including_negations(text: str, stage: str) -> None:
    from assistant.extract_offline import detect_stage

    assert detect_stage(text, load_prompts(), this_year=2026) == stage


@pytest.mark.parametrize("text,new,removed", [
    # marker-less, as people type them: weak (they apply only when what they call wrong is on the card)
    ("koululääkäri ei oo mukana, sen voi ottaa pois.", "", ["koululääkäri"]),
    ("ja Muistiliiton tilalle Pohjois-Karjalan Omaishoitajat, mä sekotin ne", "Pohjois-Karjalan Omaishoitajat",
     ["Muistiliiton"]),
    # "it's not X": what follows the negation is wrong; remarks after the value are not content
    ("correction: it's not the Red Cross, it's the parish that lent us the tent", "parish that lent us the tent",
     ["the Red Cross"]),
    ("förlåt, jag menade Krits, int Kriminalvårdsföreningen, det är Krits vi jobbar med", "Krits",
     ["Kriminalvårdsföreningen"]),
    ("rättelse: inom två dygn, int tre, vi skärpte det i år", "inom två dygn", ["tre"]),
    # what is no longer there, and a request at the end to remove "them"
    # "X was Y not Z": Y against Z, not X called wrong
    ("Sorry, small correction, the pilot was autumn 2023 not spring.", "pilot was autumn 2023", ["spring"]),
    # who is there now is added by the removal's replacement reader (test_replacement.py)
    ("seurakunta ei oo enää, nykyään kämppä on metsästysseuran, vaiha se", "", ["seurakunta"]),
    ("the shelters are not really a partner, we only refer people there, please remove them", "", ["the shelters"]),
    # a condition told with the value ("vaikka ei olis …", "jos ei …") is part of it, not a removal
    ("korjaus: myös alle 30v työttömät, vaikka ei olis pitkäaikaistyötön",
     "alle 30v työttömät, vaikka ei olis pitkäaikaistyötön", []),
    # a remark after a comma is not part of what is called wrong
    ("Correction: just low-income households, not people who need a rental deposit, that goes through Kela",
     "low-income households", ["people who need a rental deposit"]),
])
def test_corrections_typed_in_passing(text: str, new: str, removed: list[str]) -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None and (c.text, c.removed) == (new, removed)


@pytest.mark.parametrize("text,removed", [
    ("stryk Lyömätön linja, dom är int partner", ["Lyömätön linja"]),            # "stryk" only means delete
    ("scratch the bit about the farmers' own staff, they have occupational health", ["farmers' own staff"]),
])
def test_plain_delete_verbs_need_no_field_name(text: str, removed: list[str]) -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None and c.command and c.removed == removed


def test_scratch_that_is_a_correction_not_a_command() -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction("scratch that, it is the parish")
    assert c is not None and not c.command and c.text == "parish"


def test_a_plain_statement_is_not_a_correction() -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    assert Understanding(load_prompts().cues).correction("Ryhmä on avoin kaikille") is None


@pytest.mark.parametrize("text,places", [
    ("lisää Keminmaa, sinne avataan kolmas piste tammikuussa", "Keminmaa"),       # a known place: the region
    ("Lägg till Korsholm, därifrån kommer nästan hälften av föräldrarna.", "Korsholm"),
    ("add Laukaa and Muurame, kids from there come too", "Laukaa; Muurame"),
    ("lisää alueeksi myös Siilinjärvi, me hoidetaan senkin nuoret", "Siilinjärvi"),  # translative names the field
])
def test_adding_a_place_adds_a_region(text: str, places: str) -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None and c.command and (c.field, c.text) == ("regions", places)


@pytest.mark.parametrize("text", ["Lisää rahaa ja aikaa", "lisää Kela", "Ota mukaan myös vanhemmat"])
def test_more_of_something_is_an_answer(text: str) -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    assert Understanding(load_prompts().cues).correction(text) is None


def test_polite_removal_with_a_field() -> None:
    from assistant.flow import load_prompts
    from assistant.understand import Understanding

    c = Understanding(load_prompts().cues).correction("Ottaisitko omaiset pois kohderyhmästä, ei ne ole mukana")
    assert c is not None and c.command and (c.field, c.removed) == ("target_groups", ["omaiset"])


@pytest.mark.parametrize("text,field,removed", [
    ("Sipoo pois, siellä ei oo vielä aloitettu", None, ["Sipoo"]),
    ("Nuorisoseura poistetaan toimijoista, ne lopetti", "actors", ["Nuorisoseura"]),
    ("Porvoo ei kuulu tähän, niillä on oma malli", None, ["Porvoo"]),
    ("ta bort Vörå, där har de en egen grupp", None, ["Vörå"]),
    ("församlingen stryk, dom har int varit med", None, ["församlingen"]),
    ("the scouts are not really involved, take them out", None, ["the scouts"]),
    ("not the city library anymore, they closed it", None, ["the city library"]),
])
def test_a_removal_said_after_what_goes_is_a_weak_correction(text: str, field: str | None,
                                                              removed: list[str]) -> None:
    """Weak: it changes the card only when those words are on it; otherwise the message is an answer."""
    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None
    assert (c.field, c.removed, c.weak, c.text) == (field, removed, True, "")


@pytest.mark.parametrize("text", ["Yksinäisyys vähenee ja arki helpottuu", "Rahaa ja aikaa, enemmän kuin nyt"])
def test_an_answer_is_not_read_as_a_removal(text: str) -> None:
    assert Understanding(load_prompts().cues).correction(text) is None


def test_a_story_typed_in_lowercase_is_still_split_into_sentences() -> None:
    from assistant.items import sentences

    story = ("before, they were sent home in the morning. now the nurse asks if a youth worker can call. "
             "esim. masennus ja mm. uupumus ovat yleisiä. klo 9. aloitetaan")
    assert sentences(story) == ["before, they were sent home in the morning.",
                                "now the nurse asks if a youth worker can call.",
                                "esim. masennus ja mm. uupumus ovat yleisiä.", "klo 9. aloitetaan"]


@pytest.mark.parametrize("text,place", [
    ("oh and Kauniainen! families from there come too, please add it", "Kauniainen"),
    ("ja Kangasala, sieltäkin tulee perheitä, lisää sekin", "Kangasala"),
    ("och Korsholm, dom är också med, lägg till det", "Korsholm"),
])
def test_a_place_named_first_and_added_at_the_end_adds_a_region(text: str, place: str) -> None:
    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None
    assert (c.field, c.text, c.additive) == ("regions", place, True)
    assert Understanding(load_prompts().cues).correction(f"{place} on hyvä paikka") is None


@pytest.mark.parametrize("text,field,added", [
    ("lisää vielä mittareihin että seurataan kaatumisten määrää", "measurement", "seurataan kaatumisten määrää"),
    ("lisää toimijoihin myös seurakunnan diakoni", "actors", "seurakunnan diakoni"),
])
def test_a_field_named_in_a_plural_case_form_is_found_and_left_out_of_the_value(text: str, field: str,
                                                                                added: str) -> None:
    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None
    assert (c.field, c.text, c.additive) == (field, added, True)


def test_words_that_only_begin_like_a_field_name_do_not_name_it() -> None:
    nlu = Understanding(load_prompts().cues)
    assert nlu.names_field("Toimintaa on paljon iltaisin") is None
    assert nlu.names_field("tavoitteisiin vielä yksi") == "goals"


@pytest.mark.parametrize("text,field,added", [
    ("mittaamiseen vois lisätä, et katotaan montako on vielä mukana puolen vuoden päästä", "measurement",
     "katotaan montako on vielä mukana puolen vuoden päästä"),
    ("you can add to the adaptable parts that the language of the group can vary", "adaptable",
     "the language of the group can vary"),
    ("add Iitti too, they joined this year", "regions", "Iitti"),
])
def test_an_addition_said_with_could_or_too_names_its_field(text: str, field: str, added: str) -> None:
    c = Understanding(load_prompts().cues).correction(text)
    assert c is not None
    assert (c.field, c.text, c.additive) == (field, added, True)


def test_enka_says_which_one_was_wrong() -> None:
    c = Understanding(load_prompts().cues).correction("tarkoitin Sininauhaliittoa enkä Mielenterveysseuraa")
    assert c is not None
    assert (c.text, c.removed) == ("Sininauhaliittoa", ["Mielenterveysseuraa"])
