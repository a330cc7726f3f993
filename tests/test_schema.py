import json

import pytest
from pydantic import ValidationError

from assistant.schema import FIELDS, ModelDescription, Stage, describe_errors, json_schema, label
from tests.conftest import ROOT

CANONICAL = ["id", "name", "summary", "basic_idea", "core", "adaptable", "problem", "target_groups", "goals",
             "measurement", "actors", "environment", "conditions", "stage", "evidence", "themes", "regions",
             "organisation", "funders", "contact", "language", "source_url", "created", "updated",
             "implementations"]


def test_field_names_are_exactly_the_canonical_format() -> None:
    assert list(FIELDS) == CANONICAL


def test_only_id_and_name_required_and_strings_trimmed() -> None:
    m = ModelDescription(id="  malli-1 ", name="  Malli  ", summary="  lyhyt  ")
    assert (m.id, m.name, m.summary) == ("malli-1", "Malli", "lyhyt")
    with pytest.raises(ValidationError) as exc:
        ModelDescription.model_validate({"id": "x"})
    assert ("name", "required field is missing") in describe_errors(exc.value)


def test_lists_accept_a_single_string_and_semicolons() -> None:
    m = ModelDescription(id="a", name="A", core="Yksi asia", target_groups="nuoret; perheet ;")
    assert m.core == ["Yksi asia"]
    assert m.target_groups == ["nuoret", "perheet"]


def test_unknown_field_rejected_with_clear_message() -> None:
    with pytest.raises(ValidationError) as exc:
        ModelDescription.model_validate({"id": "a", "name": "A", "kohderyhma": "x"})
    field, reason = describe_errors(exc.value)[0]
    assert field == "kohderyhma"
    assert "unknown field" in reason and "target_groups" in reason


@pytest.mark.parametrize("raw,expected", [("vakiintunut", Stage.established), ("Päättynyt", Stage.ended),
                                          ("idea", Stage.idea), ("piloting", Stage.developing)])
def test_stage_accepts_canonical_values_and_common_synonyms(raw: str, expected: Stage) -> None:
    assert ModelDescription(id="a", name="A", stage=raw).stage is expected


def test_bad_values_give_field_and_reason() -> None:
    with pytest.raises(ValidationError) as exc:
        ModelDescription.model_validate({"id": "Not A Slug", "name": "A", "stage": "maybe",
                                         "language": "de", "source_url": "javascript:alert(1)"})
    fields = {f for f, _ in describe_errors(exc.value)}
    assert fields == {"id", "stage", "language", "source_url"}


def test_control_characters_removed_html_kept_as_text() -> None:
    m = ModelDescription(id="a", name="A\x00\x07 <b>x</b>", summary="<script>alert(1)</script>")
    assert m.name == "A <b>x</b>"
    assert m.summary == "<script>alert(1)</script>"


def test_huge_text_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        ModelDescription(id="a", name="A", basic_idea="x" * 30_000)
    assert "at most" in describe_errors(exc.value)[0][1]


def test_labels_follow_innokyla_headings() -> None:
    assert label("basic_idea") == "Ratkaisun perusidea"
    assert label("conditions") == "Toimivuuden ja käyttöönoton ehdot"
    assert label("goals", "en") == "Intended change"


def test_committed_schema_json_is_current() -> None:
    committed = json.loads((ROOT / "knowledge" / "schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: parastelu schema --out knowledge/schema.json"
