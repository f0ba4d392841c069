"""The JSON Schemas of the library's input and output: contracts for other tools.

The *input* schema describes one city-year of input data (:class:`~iso37122.CityData`); the
*output* schema describes one computed profile as :meth:`Profile.to_json
<iso37122.Profile.to_json>` writes it (:class:`~iso37122.ProfileRecord`). Both are generated from
the pydantic models, so they cannot drift from the code, and both carry an ``$id`` and a
``version``: the version is the package's, and the ``$id`` names the schema and that version, so
that a tool can tell which contract a document follows.

Examples
--------
>>> schema = input_schema()
>>> schema["$id"], schema["version"]
('urn:iso37122:schema:input:0.1.0', '0.1.0')
>>> schema["properties"]["land_area"]["unit"]
'km**2'
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from iso37122.data import CityData
from iso37122.profile import ProfileRecord

__all__ = [
    "DRAFT",
    "INPUT_SCHEMA_ID",
    "OUTPUT_SCHEMA_ID",
    "SCHEMA_VERSION",
    "input_schema",
    "output_schema",
    "to_json",
]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect (pydantic generates draft 2020-12)."""

# The package's version, repeated so that this module does not import the package's
# ``__init__``; a test checks that the two agree.
SCHEMA_VERSION = "0.1.0"
"""Version of both schemas: the version of the package that generates them."""

INPUT_SCHEMA_ID = f"urn:iso37122:schema:input:{SCHEMA_VERSION}"
"""``$id`` of the input schema."""

OUTPUT_SCHEMA_ID = f"urn:iso37122:schema:output:{SCHEMA_VERSION}"
"""``$id`` of the output schema."""


def _with_header(model: type[BaseModel], schema_id: str, description: str) -> dict[str, Any]:
    generated = model.model_json_schema()
    generated.pop("description", None)
    header: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id,
        "version": SCHEMA_VERSION,
        "title": generated.pop("title"),
        "description": description,
    }
    return header | generated


def input_schema() -> dict[str, Any]:
    """Return the JSON Schema of one city-year of input data.

    Returns
    -------
    dict
        ``CityData.model_json_schema()`` with ``$schema``, ``$id``, ``version``, ``title`` and
        ``description`` first. Every variable's property carries its canonical ``unit`` and
        ``kind``.
    """
    return _with_header(
        CityData,
        INPUT_SCHEMA_ID,
        "One city-year of input data for the ISO 37122:2019 smart-city indicators: identity "
        "(city, year, optional region code as text) and one optional number per input "
        "variable, in the variable's canonical unit (its 'unit').",
    )


def output_schema() -> dict[str, Any]:
    """Return the JSON Schema of one computed profile (the output of ``Profile.to_json()``).

    Returns
    -------
    dict
        ``ProfileRecord.model_json_schema()`` with ``$schema``, ``$id``, ``version``,
        ``title`` and ``description`` first.
    """
    return _with_header(
        ProfileRecord,
        OUTPUT_SCHEMA_ID,
        "One city-year's ISO 37122:2019 profile: every indicator's value, unit, status and "
        "reason, and the scores of Indonesia's three key elements of smart-city development.",
    )


def to_json(schema: dict[str, Any]) -> str:
    r"""Return a schema as indented JSON text ending with a newline, as published.

    Examples
    --------
    >>> to_json(output_schema()).startswith('{\n  "$schema"')
    True
    """
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
