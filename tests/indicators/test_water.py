"""Tests of the water indicators (clause 23)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import water
from iso37122.indicators._spec import (
    Direction,
    Indicator,
    PartOfWhole,
    Positive,
    Status,
)
from iso37122.themes import Theme
from iso37122.units import Quantity, parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in water.SPECS}
SHARES = sorted(c for c, s in SPECS.items() if s.unit == "percent")
RATIOS = sorted(c for c, s in SPECS.items() if s.unit != "percent")
INFERRED_NOTE = "Formula inferred from the title; not read in any source."


def _in_declared_unit(spec: Indicator, numerator: float, denominator: float) -> float:
    """Numerator / denominator in the inputs' declared units, converted by pint to spec.unit."""
    num_id, den_id = spec.inputs
    quantity = Quantity(numerator, VARIABLES[num_id].unit) / Quantity(
        denominator, VARIABLES[den_id].unit
    )
    return float(quantity.to(spec.unit).magnitude)


# --- the module and its specs -------------------------------------------------------------


def test_module_lists_clauses_23_1_to_23_4() -> None:
    assert list(SPECS) == ["23.1", "23.2", "23.3", "23.4"]
    assert all(s.theme is Theme.WATER for s in SPECS.values())


def test_all_is_sorted_and_lists_specs_and_functions() -> None:
    assert water.__all__ == sorted(water.__all__)
    assert set(water.__all__) == {"SPECS"} | {s.name for s in SPECS.values()}


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_spec_names_its_function_and_clause(clause: str) -> None:
    spec = SPECS[clause]
    assert spec.func.__name__ == spec.name
    assert f"ISO 37122:2019, clause {clause}." in (spec.func.__doc__ or "")
    assert spec.title_id
    assert spec.definition_source.title_id_origin == "own_translation"


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inputs_are_declared_variables(clause: str) -> None:
    assert all(name in VARIABLES for name in SPECS[clause].inputs)


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_unit_parses_and_matches_pint_arithmetic(clause: str) -> None:
    spec = SPECS[clause]
    parse_unit(spec.unit)
    expected = _in_declared_unit(spec, 3.0, 8.0)
    np.testing.assert_allclose(spec.func(np.array([3.0]), np.array([8.0])), [expected])


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inferred_formulas_say_so(clause: str) -> None:
    source = SPECS[clause].definition_source
    doc = SPECS[clause].func.__doc__ or ""
    if source.formula == "inferred":
        assert source.note == INFERRED_NOTE
        assert "inferred from the title" in doc
    else:
        assert "inferred" not in doc


@pytest.mark.parametrize("clause", SHARES)
@given(
    whole=st.floats(1e-3, 1e13),
    fraction=st.floats(0.0, 1.0, allow_subnormal=False),
    scale=st.floats(1e-3, 1e3),
)
def test_shares_are_bounded_and_scale_invariant(
    clause: str, whole: float, fraction: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(np.array([fraction * whole]), np.array([whole]))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    scaled = func(np.array([scale * fraction * whole]), np.array([scale * whole]))
    np.testing.assert_allclose(scaled, value, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("clause", RATIOS)
@given(numerator=st.just(0.0) | st.floats(1e-6, 1e9), denominator=st.floats(1.0, 1e9))
def test_ratios_are_proportional_to_numerator_and_inverse_to_denominator(
    clause: str, numerator: float, denominator: float
) -> None:
    func = SPECS[clause].func
    value = func(np.array([numerator]), np.array([denominator]))
    np.testing.assert_allclose(
        func(np.array([2.0 * numerator]), np.array([denominator])), 2.0 * value, rtol=1e-12
    )
    np.testing.assert_allclose(
        func(np.array([numerator]), np.array([2.0 * denominator])), value / 2.0, rtol=1e-12
    )


# --- 23.1 drinking water tracked in real time --------------------------------------------


def test_drinking_water_realtime_tracked_share_value() -> None:
    tracked = np.array([36_000_000.0, 0.0, 95_000_000.0])
    distributed = np.array([120_000_000.0, 30_000_000.0, 95_000_000.0])
    # 100 * 3.6e7 / 1.2e8 = 30.0; 100 * 0 / 3e7 = 0.0; 100 * 9.5e7 / 9.5e7 = 100.0
    np.testing.assert_allclose(
        water.drinking_water_realtime_tracked_share(tracked, distributed), [30.0, 0.0, 100.0]
    )


def test_drinking_water_realtime_tracked_share_spec() -> None:
    spec = SPECS["23.1"]
    assert spec.inputs == ("drinking_water_tracked_realtime", "drinking_water_distributed")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_drinking_water_realtime_tracked_share_part_of_whole() -> None:
    (rule,) = SPECS["23.1"].constraints
    assert rule == PartOfWhole("drinking_water_tracked_realtime", "drinking_water_distributed")
    cols = {
        "drinking_water_tracked_realtime": np.array([36_000_000.0, 130_000_000.0, 0.0]),
        "drinking_water_distributed": np.array([120_000_000.0, 120_000_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {
        "drinking_water_tracked_realtime": 130_000_000.0,
        "drinking_water_distributed": 120_000_000.0,
    }
    assert rule.explain(row, Status.INVALID) == (
        "drinking_water_tracked_realtime (130000000) exceeds drinking_water_distributed (120000000)"
    )
    zero = {"drinking_water_tracked_realtime": 0.0, "drinking_water_distributed": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "drinking_water_distributed is 0: a share of nothing is undefined"
    )


# --- 23.2 water quality monitoring stations per 100 000 ----------------------------------


def test_water_quality_monitoring_stations_per_100k_value() -> None:
    stations = np.array([30.0, 0.0, 7.0])
    population = np.array([2_000_000.0, 500_000.0, 175_000.0])
    # 100 000 * 30 / 2 000 000 = 1.5; 100 000 * 0 / 500 000 = 0.0; 100 000 * 7 / 175 000 = 4.0
    np.testing.assert_allclose(
        water.water_quality_monitoring_stations_per_100k(stations, population), [1.5, 0.0, 4.0]
    )


def test_water_quality_monitoring_stations_per_100k_spec() -> None:
    spec = SPECS["23.2"]
    assert spec.inputs == ("water_quality_monitoring_stations", "population")
    assert spec.unit == "device / hundred_thousand_people"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_water_quality_monitoring_stations_per_100k_positive_population() -> None:
    (rule,) = SPECS["23.2"].constraints
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    cols = {"population": np.array([2_000_000.0, 0.0, -250.0])}
    np.testing.assert_array_equal(rule.invalid(cols), [False, False, True])
    np.testing.assert_array_equal(rule.undefined(cols), [False, True, False])
    assert rule.explain({"population": 0.0}, Status.UNDEFINED) == (
        "population is 0: a rate per 100 000 population is undefined"
    )
    assert rule.explain({"population": -250.0}, Status.INVALID) == (
        "population (-250) must be greater than 0"
    )


# --- 23.3 water network monitored by a smart water system --------------------------------


def test_smart_water_network_share_value() -> None:
    smart = np.array([300.0, 0.0, 1_800.0])
    network = np.array([2_400.0, 640.0, 2_400.0])
    # 100 * 300 / 2 400 = 12.5; 100 * 0 / 640 = 0.0; 100 * 1 800 / 2 400 = 75.0
    np.testing.assert_allclose(water.smart_water_network_share(smart, network), [12.5, 0.0, 75.0])


def test_smart_water_network_share_spec() -> None:
    spec = SPECS["23.3"]
    assert spec.inputs == ("water_network_length_smart", "water_network_length")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_smart_water_network_share_part_of_whole() -> None:
    (rule,) = SPECS["23.3"].constraints
    assert rule == PartOfWhole("water_network_length_smart", "water_network_length")
    cols = {
        "water_network_length_smart": np.array([300.0, 2_400.5, 0.0]),
        "water_network_length": np.array([2_400.0, 2_400.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"water_network_length_smart": 2_400.5, "water_network_length": 2_400.0}
    assert rule.explain(row, Status.INVALID) == (
        "water_network_length_smart (2400.5) exceeds water_network_length (2400)"
    )
    zero = {"water_network_length_smart": 0.0, "water_network_length": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "water_network_length is 0: a share of nothing is undefined"
    )


# --- 23.4 buildings with smart water meters ----------------------------------------------


def test_buildings_with_smart_water_meters_share_value() -> None:
    metered = np.array([8_000.0, 0.0, 45_000.0])
    buildings = np.array([320_000.0, 12_000.0, 60_000.0])
    # 100 * 8 000 / 320 000 = 2.5; 100 * 0 / 12 000 = 0.0; 100 * 45 000 / 60 000 = 75.0
    np.testing.assert_allclose(
        water.buildings_with_smart_water_meters_share(metered, buildings), [2.5, 0.0, 75.0]
    )


def test_buildings_with_smart_water_meters_share_spec() -> None:
    spec = SPECS["23.4"]
    # Buildings, not households: clause 12.2 counts households with smart water meters.
    assert spec.inputs == ("buildings_with_smart_water_meters", "buildings")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"


def test_buildings_with_smart_water_meters_share_part_of_whole() -> None:
    (rule,) = SPECS["23.4"].constraints
    assert rule == PartOfWhole("buildings_with_smart_water_meters", "buildings")
    cols = {
        "buildings_with_smart_water_meters": np.array([8_000.0, 330_000.0, 0.0]),
        "buildings": np.array([320_000.0, 320_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"buildings_with_smart_water_meters": 330_000.0, "buildings": 320_000.0}
    assert rule.explain(row, Status.INVALID) == (
        "buildings_with_smart_water_meters (330000) exceeds buildings (320000)"
    )
    zero = {"buildings_with_smart_water_meters": 0.0, "buildings": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "buildings is 0: a share of nothing is undefined"
    )
