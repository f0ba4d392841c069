"""The published JSON Schemas: valid, identified, versioned, and equal to the models'."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

import iso37122 as iso
from iso37122.schemas import (
    DRAFT,
    INPUT_SCHEMA_ID,
    OUTPUT_SCHEMA_ID,
    SCHEMA_VERSION,
    input_schema,
    output_schema,
    to_json,
)

HEADER = ("$schema", "$id", "version", "title", "description")


@pytest.mark.parametrize(
    ("schema", "schema_id"),
    [(input_schema(), INPUT_SCHEMA_ID), (output_schema(), OUTPUT_SCHEMA_ID)],
)
def test_a_schema_is_valid_2020_12_with_id_and_version_first(
    schema: dict[str, Any], schema_id: str
) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema)[: len(HEADER)] == list(HEADER)
    assert schema["$schema"] == DRAFT
    assert schema["$id"] == schema_id
    assert schema["$id"].endswith(f":{SCHEMA_VERSION}")
    assert schema["version"] == SCHEMA_VERSION


def test_the_schema_version_is_the_package_version() -> None:
    assert iso.__version__ == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("schema", "model"), [(input_schema(), iso.CityData), (output_schema(), iso.ProfileRecord)]
)
def test_a_schema_is_its_model_s_schema_under_the_header(
    schema: dict[str, Any], model: type[iso.ProfileRecord]
) -> None:
    generated = model.model_json_schema()
    body = {key: value for key, value in schema.items() if key not in HEADER}
    generated.pop("description", None)
    assert schema["title"] == generated.pop("title")
    assert body == generated


def test_the_input_schema_has_every_variable_with_its_unit() -> None:
    properties = input_schema()["properties"]
    for variable in iso.variables().values():
        assert properties[variable.id]["unit"] == variable.unit
    assert set(properties) == {"city", "year", "code", *iso.variables()}
    assert input_schema()["additionalProperties"] is False


def test_input_data_validate_against_the_input_schema_and_a_typo_does_not() -> None:
    validator = jsonschema.Draft202012Validator(input_schema())
    row = iso.testing.synthetic_frame(1).iloc[0].to_dict()
    record = {
        key: (value.item() if hasattr(value, "item") else value) for key, value in row.items()
    }
    validator.validate(record)
    assert not validator.is_valid({**record, "populaton": 1})
    assert not validator.is_valid({**record, "code": 73.71})  # codes are text
    assert not validator.is_valid({**record, "population": -1})


def test_a_profile_s_json_validates_against_the_output_schema() -> None:
    validator = jsonschema.Draft202012Validator(output_schema())
    profiles = iso.compute_profile(iso.testing.synthetic_frame(2))
    for profile in profiles:
        validator.validate(json.loads(profile.to_json()))
    one = json.loads(profiles[0].to_json())
    one["indicators"]["5.1"]["status"] = "guessed"
    assert not validator.is_valid(one)


def test_the_published_text_is_the_schema_as_indented_json() -> None:
    text = to_json(output_schema())
    assert text.endswith("}\n")
    assert json.loads(text) == output_schema()
