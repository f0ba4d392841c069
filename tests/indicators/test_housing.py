from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import housing
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in housing.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_12_1_and_12_2_in_order() -> None:
    assert [s.clause for s in housing.SPECS] == ["12.1", "12.2"]
    assert all(s.theme is Theme.HOUSING for s in housing.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert housing.__all__ == sorted(housing.__all__)
    assert set(housing.__all__) == {"SPECS", *(s.name for s in housing.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in housing.SPECS:
        assert spec.func is getattr(housing, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 12.1 -------------------------------------------------------------------------------------


def test_smart_energy_meter_household_share_value() -> None:
    result = housing.smart_energy_meter_household_share(
        _arr(40_000.0, 0.0), _arr(320_000.0, 90_000.0)
    )
    # 100 * 40 000 / 320 000 = 12.5; 100 * 0 / 90 000 = 0
    np.testing.assert_allclose(result, [12.5, 0.0])


def test_smart_energy_meter_household_share_part_of_whole() -> None:
    (rule,) = SPECS["12.1"].constraints
    assert rule == PartOfWhole("households_with_smart_energy_meters", "households")
    cols = {
        "households_with_smart_energy_meters": _arr(40_000.0, 330_000.0, 0.0),
        "households": _arr(320_000.0, 320_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"households_with_smart_energy_meters": 330_000.0, "households": 320_000.0},
            Status.INVALID,
        )
        == "households_with_smart_energy_meters (330000) exceeds households (320000)"
    )
    assert (
        rule.explain(
            {"households_with_smart_energy_meters": 0.0, "households": 0.0}, Status.UNDEFINED
        )
        == "households is 0: a share of nothing is undefined"
    )


def test_smart_energy_meter_household_share_spec() -> None:
    spec = SPECS["12.1"]
    assert spec.inputs == ("households_with_smart_energy_meters", "households")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    source = spec.definition_source
    assert (source.confidence, source.formula, source.reference) == ("low", "inferred", "MEM")
    assert source.note == "Formula inferred from the title; not read in any source."
    assert "inferred from the title" in (spec.func.__doc__ or "")


# --- 12.2 -------------------------------------------------------------------------------------


def test_smart_water_meter_household_share_value() -> None:
    result = housing.smart_water_meter_household_share(
        _arr(8_000.0, 45_000.0), _arr(320_000.0, 90_000.0)
    )
    # 100 * 8 000 / 320 000 = 2.5; 100 * 45 000 / 90 000 = 50
    np.testing.assert_allclose(result, [2.5, 50.0])


def test_smart_water_meter_household_share_part_of_whole() -> None:
    (rule,) = SPECS["12.2"].constraints
    assert rule == PartOfWhole("households_with_smart_water_meters", "households")
    cols = {
        "households_with_smart_water_meters": _arr(8_000.0, 90_500.0, 0.0),
        "households": _arr(320_000.0, 90_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"households_with_smart_water_meters": 90_500.0, "households": 90_000.0},
            Status.INVALID,
        )
        == "households_with_smart_water_meters (90500) exceeds households (90000)"
    )
    assert (
        rule.explain(
            {"households_with_smart_water_meters": 0.0, "households": 0.0}, Status.UNDEFINED
        )
        == "households is 0: a share of nothing is undefined"
    )


def test_smart_water_meter_household_share_spec() -> None:
    spec = SPECS["12.2"]
    assert spec.inputs == ("households_with_smart_water_meters", "households")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert (spec.definition_source.confidence, spec.definition_source.formula) == (
        "med-high",
        "read",
    )


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["12.1", "12.2"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e7), scale=st.floats(0.1, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
