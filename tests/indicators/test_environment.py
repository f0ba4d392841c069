from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import environment
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Positive, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in environment.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_8_1_to_8_3_in_order() -> None:
    assert [s.clause for s in environment.SPECS] == ["8.1", "8.2", "8.3"]
    assert all(s.theme is Theme.ENVIRONMENT for s in environment.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert environment.__all__ == sorted(environment.__all__)
    assert set(environment.__all__) == {"SPECS", *(s.name for s in environment.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in environment.SPECS:
        assert spec.func is getattr(environment, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 8.1 --------------------------------------------------------------------------------------


def test_recent_green_building_share_value() -> None:
    result = environment.recent_green_building_share(_arr(45.0, 0.0, 80.0), _arr(300.0, 20.0, 80.0))
    # 100 * 45 / 300 = 15; 100 * 0 / 20 = 0; 100 * 80 / 80 = 100
    np.testing.assert_allclose(result, [15.0, 0.0, 100.0])


def test_recent_green_building_share_part_of_whole() -> None:
    (rule,) = SPECS["8.1"].constraints
    part, whole = (
        "green_buildings_recently_built_or_refurbished",
        "buildings_recently_built_or_refurbished",
    )
    assert rule == PartOfWhole(part, whole)
    cols = {part: _arr(45.0, 310.0, 0.0), whole: _arr(300.0, 300.0, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({part: 310.0, whole: 300.0}, Status.INVALID)
        == "green_buildings_recently_built_or_refurbished (310) exceeds "
        "buildings_recently_built_or_refurbished (300)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "buildings_recently_built_or_refurbished is 0: a share of nothing is undefined"
    )


def test_recent_green_building_share_spec() -> None:
    spec = SPECS["8.1"]
    assert spec.inputs == (
        "green_buildings_recently_built_or_refurbished",
        "buildings_recently_built_or_refurbished",
    )
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.confidence == "med-high"
    assert spec.definition_source.formula == "read"


# --- 8.2 --------------------------------------------------------------------------------------


def test_air_quality_monitoring_stations_per_km2_value() -> None:
    result = environment.air_quality_monitoring_stations_per_km2(
        _arr(6.0, 9.0, 0.0), _arr(120.0, 36.0, 50.0)
    )
    # 6 / 120 = 0.05; 9 / 36 = 0.25; 0 / 50 = 0
    np.testing.assert_allclose(result, [0.05, 0.25, 0.0])


def test_air_quality_monitoring_stations_per_km2_land_area_must_be_positive() -> None:
    (rule,) = SPECS["8.2"].constraints
    assert isinstance(rule, Positive)
    assert rule.variable == "land_area"
    cols = {"land_area": _arr(175.77, 0.0, -3.5)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"land_area": 0.0}, Status.UNDEFINED)
        == "land_area is 0: a number of stations per square kilometre is undefined"
    )
    assert (
        rule.explain({"land_area": -3.5}, Status.INVALID)
        == "land_area (-3.5) must be greater than 0"
    )


def test_air_quality_monitoring_stations_per_km2_spec() -> None:
    spec = SPECS["8.2"]
    assert spec.inputs == ("air_quality_monitoring_stations", "land_area")
    assert spec.unit == "device / km**2"
    # Stations are counted as devices and land area is in km**2, so the unit is their quotient.
    assert parse_unit(spec.unit) == parse_unit(
        f"{VARIABLES['air_quality_monitoring_stations'].unit} / {VARIABLES['land_area'].unit}"
    )
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


# Stations are a count, so whole numbers (which also keeps clear of subnormal floats).
@given(st.integers(0, 10_000), st.floats(1e-2, 1e5), st.floats(1.0, 1e3))
def test_air_quality_monitoring_stations_per_km2_is_linear_in_stations(
    stations: int, area: float, factor: float
) -> None:
    value = environment.air_quality_monitoring_stations_per_km2(_arr(stations), _arr(area))
    scaled = environment.air_quality_monitoring_stations_per_km2(
        _arr(stations * factor), _arr(area)
    )
    assert value[0] >= 0.0
    np.testing.assert_allclose(scaled, value * factor, rtol=1e-12)


# --- 8.3 --------------------------------------------------------------------------------------


def test_indoor_air_monitoring_public_building_share_value() -> None:
    result = environment.indoor_air_monitoring_public_building_share(
        _arr(12.0, 30.0), _arr(480.0, 40.0)
    )
    # 100 * 12 / 480 = 2.5; 100 * 30 / 40 = 75
    np.testing.assert_allclose(result, [2.5, 75.0])


def test_indoor_air_monitoring_public_building_share_part_of_whole() -> None:
    (rule,) = SPECS["8.3"].constraints
    part, whole = "public_buildings_with_indoor_air_monitoring", "public_buildings"
    assert rule == PartOfWhole(part, whole)
    cols = {part: _arr(12.0, 41.0, 0.0), whole: _arr(480.0, 40.0, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({part: 41.0, whole: 40.0}, Status.INVALID)
        == "public_buildings_with_indoor_air_monitoring (41) exceeds public_buildings (40)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "public_buildings is 0: a share of nothing is undefined"
    )


def test_indoor_air_monitoring_public_building_share_spec() -> None:
    spec = SPECS["8.3"]
    assert spec.inputs == ("public_buildings_with_indoor_air_monitoring", "public_buildings")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["8.1", "8.3"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e6), scale=st.floats(0.1, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
