"""Tests over the whole registry: every indicator, every variable, every constraint."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

import iso37122 as iso
from iso37122.data import table_from_records
from iso37122.engine import Status, evaluate
from iso37122.errors import UnknownIndicatorError
from iso37122.indicators import REGISTRY, Indicator, NonNegative, PartOfWhole, Positive
from iso37122.testing import synthetic_frame
from iso37122.units import Quantity, parse_unit

ALL = list(iso.catalogue().values())
IDS = [spec.clause for spec in ALL]


def _theme_modules() -> list[ModuleType]:
    import importlib

    return [
        importlib.import_module(f"iso37122.indicators.{spec.func.__module__.rsplit('.', 1)[1]}")
        for spec in ALL
    ]


def test_catalogue_is_in_clause_order_without_duplicates() -> None:
    keys = [spec.sort_key for spec in ALL]
    assert keys == sorted(keys)
    assert len({spec.clause for spec in REGISTRY}) == len(REGISTRY)
    assert len({spec.name for spec in REGISTRY}) == len(REGISTRY)


def test_catalogue_matches_the_reference_clauses(
    reference_rows: dict[str, dict[str, str]],
) -> None:
    assert list(iso.catalogue()) == list(reference_rows)


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_inputs_are_declared_variables(spec: Indicator) -> None:
    assert spec.func.__name__ == spec.name
    for variable in spec.inputs:
        assert variable in iso.variables(), f"{spec.clause}: {variable} is not declared"


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_metadata_is_complete(spec: Indicator, reference_rows: dict[str, dict[str, str]]) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9_]*", spec.name)
    assert spec.title
    assert spec.title_id
    assert spec.title != spec.title_id
    assert spec.theme.clause == int(spec.clause.split(".")[0])
    parse_unit(spec.unit)
    source = spec.definition_source
    row = reference_rows[spec.clause]
    # The unit is the catalogue's: a percentage, a rate per 100 000 population, or neither.
    assert (spec.unit == "percent") == row["unit"].startswith("%")
    per_100k = row["unit"].startswith("per 100 000 population")
    assert per_100k == spec.unit.endswith("/ hundred_thousand_people")
    tag = re.match(r"\[([a-z-]+)\]", row["source"])
    assert tag is not None
    assert source.confidence == tag.group(1)
    inferred = "unknown" in row["numerator"]
    assert source.formula == ("inferred" if inferred else "read")
    if inferred:
        assert "inferred" in source.note.lower()
    # The reference is the catalogue row's source, word for word, without its confidence tag.
    assert source.reference == row["source"][tag.end() :].strip()
    doc = inspect.getdoc(spec.func) or ""
    assert f"ISO 37122:2019, clause {spec.clause}." in doc
    assert ">>>" in doc
    # An inferred formula says so in its docstring; a read one never claims to be inferred.
    if inferred:
        assert "inferred from the title" in doc
        assert "inferred from the title" in source.note
    else:
        assert "inferred" not in doc.lower()


# Where the catalogue's direction hint is "unclear" but the standard's framing decides, the
# theme module says why next to the declaration; any other disagreement is a mistake.
DIRECTION_DECIDED_BY_MODULE = {
    "15.1": iso.Direction.HIGHER_IS_BETTER,  # camera coverage, framed as crime prevention
    "20.1": iso.Direction.HIGHER_IS_BETTER,  # a budget share, as 13.2 and 13.4
    "20.2": iso.Direction.HIGHER_IS_BETTER,  # food waste diverted to composting
}
HINTS = {
    "higher_better": iso.Direction.HIGHER_IS_BETTER,
    "lower_better": iso.Direction.LOWER_IS_BETTER,
    "unclear": iso.Direction.NEUTRAL,
}


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_direction_follows_the_catalogue_hint(
    spec: Indicator, reference_rows: dict[str, dict[str, str]]
) -> None:
    hint = HINTS[reference_rows[spec.clause]["direction_hint"].split()[0]]
    if spec.clause in DIRECTION_DECIDED_BY_MODULE:
        assert hint is iso.Direction.NEUTRAL
        assert spec.direction is DIRECTION_DECIDED_BY_MODULE[spec.clause]
    else:
        assert spec.direction is hint


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_every_constraint_names_declared_inputs(spec: Indicator) -> None:
    for constraint in spec.constraints:
        assert set(constraint.variables) <= set(spec.inputs)


def test_every_public_function_is_registered() -> None:
    registered = {spec.func for spec in REGISTRY}
    for module in set(_theme_modules()):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                assert obj in registered, f"{module.__name__}.{name} is not registered"


def test_every_variable_is_used_by_some_indicator() -> None:
    used = {variable for spec in REGISTRY for variable in spec.inputs}
    assert set(iso.variables()) == used


def test_variables_have_both_descriptions_and_parsable_units() -> None:
    for variable in iso.variables().values():
        parse_unit(variable.unit)
        assert variable.description
        assert variable.description_id
        assert variable.description != variable.description_id
        assert re.fullmatch(r"[a-z][a-z0-9_]*", variable.id)


def test_fixed_variable_ids() -> None:
    assert iso.variables()["population"].unit == "person"
    assert iso.variables()["land_area"].unit == "km**2"


def test_lookup_by_name_search_and_unknown() -> None:
    cat = iso.catalogue()
    spec = ALL[0]
    assert cat.by_name(spec.name) is spec
    assert cat.resolve(spec.name) == (spec,)
    with pytest.raises(UnknownIndicatorError, match=r"did you mean '5\.1'"):
        cat["5.1x"]
    with pytest.raises(KeyError):
        cat.by_name("no_such_indicator")


def test_catalogue_frame_and_json() -> None:
    frame = iso.catalogue().to_frame()
    assert list(frame["clause"]) == IDS
    for column in (
        "name",
        "theme",
        "title",
        "title_id",
        "unit",
        "direction",
        "inputs",
        "confidence",
        "formula",
    ):
        assert column in frame.columns
    records = json.loads(iso.catalogue().to_json())
    assert [r["clause"] for r in records] == IDS
    assert records[0]["inputs"] == list(ALL[0].inputs)


def test_every_indicator_computes_on_synthetic_data() -> None:
    results = iso.compute_profile(synthetic_frame(50, seed=3)).results
    assert (results.status == Status.COMPUTED.code).all()
    assert np.isfinite(results.values).all()


def _number(value: object) -> float:
    assert isinstance(value, int | float)
    return float(value)


def _row(baseline: dict[str, object], **changes: float) -> dict[str, object]:
    return {**baseline, **changes}


def _one(spec: Indicator, record: dict[str, object]) -> tuple[Status, str | None]:
    results = evaluate(table_from_records([record]), [spec])
    return results.status_of(0, 0), results.reason(0, 0)


CONSTRAINTS = [
    (spec, k, constraint) for spec in ALL for k, constraint in enumerate(spec.constraints)
]
CONSTRAINT_IDS = [f"{spec.clause}-{type(c).__name__}-{k}" for spec, k, c in CONSTRAINTS]


@pytest.mark.parametrize(("spec", "k", "constraint"), CONSTRAINTS, ids=CONSTRAINT_IDS)
def test_every_constraint_path(
    spec: Indicator, k: int, constraint: object, baseline: dict[str, object]
) -> None:
    assert _one(spec, baseline)[0] is Status.COMPUTED
    if isinstance(constraint, PartOfWhole):
        total = sum(_number(baseline[p]) for p in constraint.parts)
        # Half the parts, rounded down: a count stays a whole number.
        status, reason = _one(spec, _row(baseline, **{constraint.whole: total // 2}))
        assert status is Status.INVALID
        assert reason is not None
        assert "exceeds" in reason
        assert constraint.whole in reason
        for part in constraint.parts:
            assert part in reason
        zero = dict.fromkeys((*constraint.parts, constraint.whole), 0.0)
        status, reason = _one(spec, _row(baseline, **zero))
        assert status is Status.UNDEFINED
        assert reason is not None
        assert "is 0" in reason
    elif isinstance(constraint, Positive):
        # Parts bounded by this denominator go to zero with it, so only the zero is at fault.
        zero = {constraint.variable: 0.0}
        for other in spec.constraints:
            if isinstance(other, PartOfWhole) and other.whole == constraint.variable:
                zero |= dict.fromkeys(other.parts, 0.0)
        status, reason = _one(spec, _row(baseline, **zero))
        assert status is Status.UNDEFINED
        assert reason is not None
        assert reason.startswith(f"{constraint.variable} is 0")
    elif isinstance(constraint, NonNegative):
        status, reason = _one(spec, _row(baseline, **{constraint.names[0]: -1.0}))
        assert status is Status.INVALID
        assert reason is not None
        assert constraint.names[0] in reason
    else:
        raise AssertionError(f"untested constraint type {constraint!r}")


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_missing_input_is_reported_never_zero(spec: Indicator, baseline: dict[str, object]) -> None:
    record = {k: v for k, v in baseline.items() if k != spec.inputs[-1]}
    status, reason = _one(spec, record)
    assert status is Status.MISSING
    assert reason == f"not reported: {spec.inputs[-1]}"


def _theme_module_list() -> list[ModuleType]:
    return sorted(set(_theme_modules()), key=lambda module: module.__name__)


@pytest.mark.parametrize("module", _theme_module_list(), ids=lambda m: m.__name__)
def test_theme_module_lists_its_specs_in_order(module: ModuleType) -> None:
    specs = module.SPECS
    assert [s.sort_key for s in specs] == sorted(s.sort_key for s in specs)
    assert len({s.theme for s in specs}) == 1
    assert module.__all__ == sorted(module.__all__)
    assert set(module.__all__) == {"SPECS", *(s.name for s in specs)}
    for spec in specs:
        assert getattr(module, spec.name) is spec.func


# The quantity each indicator measures, as a ratio of its inputs with their units; the value
# the library returns must be that quantity expressed in the indicator's declared unit.
def _numerator_parts(spec: Indicator) -> tuple[str, ...]:
    for constraint in spec.constraints:
        if isinstance(constraint, PartOfWhole):
            return constraint.parts
    return (spec.inputs[0],)


def _measured(spec: Indicator, q: dict[str, Any]) -> Any:
    if spec.clause == "5.2":  # a survival rate per population
        return q["new_businesses_surviving"] / q["new_businesses"] / q["population"]
    numerator = sum((q[p] for p in _numerator_parts(spec)[1:]), q[_numerator_parts(spec)[0]])
    return numerator / q[spec.inputs[-1]]


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_value_is_the_measured_quantity_in_the_declared_unit(spec: Indicator) -> None:
    frame = synthetic_frame(3, seed=13)
    floats = {v: frame[v].to_numpy(dtype=float) for v in spec.inputs}
    quantities = {v: Quantity(floats[v], iso.variables()[v].unit) for v in spec.inputs}
    expected = _measured(spec, quantities).to(spec.unit).magnitude
    np.testing.assert_allclose(spec.func(**floats), expected, rtol=1e-12)


INDICATOR_TESTS = Path(__file__).resolve().parent / "indicators"


@pytest.mark.parametrize("module", _theme_module_list(), ids=lambda m: m.__name__)
def test_every_theme_module_has_its_test_file_calling_each_function(module: ModuleType) -> None:
    short = module.__name__.rsplit(".", 1)[1]
    path = INDICATOR_TESTS / f"test_{short}.py"
    assert path.is_file(), f"{module.__name__} has no tests/indicators/test_{short}.py"
    text = path.read_text(encoding="utf-8")
    for spec in module.SPECS:
        assert f".{spec.name}(" in text, f"{path.name} never calls {spec.name}"
