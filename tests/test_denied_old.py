"""A field said anew that opens by denying the card's words ("Vi har ingen enkät, vi följer upp …"): the denial
is about the old value and is not written; nor is a sentence on where the wrong value came from. "the funding"
names the funders."""

from __future__ import annotations


def test_a_denial_before_the_new_measurement_is_not_written(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("fi", "funders")
    iv.edit("measurement", "Vanhemmille lähetetään syksyllä ja keväällä sähköinen kysely.")
    turn = iv.turn("kaupunki maksaa ihan ite. mut hei se mittaaminen on ihan väärin, ei me mitään kyselyä "
                   "lähetetä. me tehään jokaselle lapselle syksyllä ja keväällä sama havainnointi")
    assert turn.draft.measurement is not None
    assert "havainnointi" in turn.draft.measurement
    assert "kysely" not in turn.draft.measurement.lower()


def test_a_swedish_denial_in_a_clause(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "goals")
    iv.state.pending_field = None
    iv.edit("measurement", "Deltagarna fyller i en enkät om ekonomisk stress vid första mötet.")
    turn = iv.turn("Mätningen stämmer inte alls. Vi har ingen enkät, vi följer upp hur många som får "
                   "skuldsanering beviljad två år senare.")
    assert turn.draft.measurement is not None
    assert turn.draft.measurement.startswith("Vi följer upp")
    assert "enkät" not in turn.draft.measurement


def test_the_funding_named_and_the_source_of_the_error_left_out(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("en", "measurement")
    iv.edit("funders", ["STEA", "Kela"])
    turn = iv.turn("ok the funding part is all wrong, sorry, it was my colleagues old info. now we are fully "
                   "paid by the wellbeing county, Päijät-Häme")
    assert turn.draft.funders is not None
    assert len(turn.draft.funders) == 1
    assert "Päijät-Häme" in turn.draft.funders[0]
    assert not turn.draft.measurement


def test_a_new_value_that_says_not_in_passing_is_kept_whole(start_at) -> None:  # type: ignore[no-untyped-def]
    iv = start_at("sv", "goals")
    iv.state.pending_field = None
    iv.edit("basic_idea", "Ungdomsgården är öppen fredagskvällar till midnatt.")
    turn = iv.turn("grundidén är fel: ungdomsledarna åker runt me en buss till byarna där de int finns nån "
                   "ungdomsgård, o bussen står några timmar i varje by")
    assert turn.draft.basic_idea is not None
    assert "buss" in turn.draft.basic_idea.split(",")[0]
