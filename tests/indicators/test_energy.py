from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import energy
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Positive, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit

SPECS = {s.clause: s for s in energy.SPECS}

WASTE_SOURCES = (
    "energy_from_wastewater",
    "energy_from_solid_and_liquid_waste",
    "energy_from_waste_heat",
)
METERED_BUILDINGS = (
    "public_buildings_with_smart_energy_meters",
    "commercial_industrial_buildings_with_smart_energy_meters",
)


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


def test_module_lists_clauses_7_1_to_7_10_in_order() -> None:
    assert [s.clause for s in energy.SPECS] == [f"7.{i}" for i in range(1, 11)]
    assert all(s.theme is Theme.ENERGY for s in energy.SPECS)


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in energy.SPECS:
        assert spec.func.__name__ == spec.name
        assert spec.name in energy.__all__
        parse_unit(spec.unit)


def test_all_is_sorted() -> None:
    assert energy.__all__ == sorted(energy.__all__)


def test_only_renovation_need_is_lower_is_better() -> None:
    lower = [s.clause for s in energy.SPECS if s.direction is Direction.LOWER_IS_BETTER]
    assert lower == ["7.8"]
    assert all(s.direction is Direction.HIGHER_IS_BETTER for s in energy.SPECS if s.clause != "7.8")


def test_units() -> None:
    assert {c: s.unit for c, s in SPECS.items()} == {
        "7.1": "percent",
        "7.2": "GJ / person",
        "7.3": "GJ / person",
        "7.4": "percent",
        "7.5": "dimensionless",
        "7.6": "percent",
        "7.7": "percent",
        "7.8": "percent",
        "7.9": "percent",
        "7.10": "device / vehicle",
    }


def _check_part_of_whole(clause: str, part: str, whole: str) -> None:
    """Check a single-part share: a part above its whole is invalid, a zero whole undefined."""
    (rule,) = SPECS[clause].constraints
    assert rule == PartOfWhole(part, whole)
    cols = {part: _arr(30.0, 121.0, 0.0), whole: _arr(120.0, 120.0, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({part: 121.0, whole: 120.0}, Status.INVALID)
        == f"{part} (121) exceeds {whole} (120)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == f"{whole} is 0: a share of nothing is undefined"
    )


def _check_positive(clause: str, variable: str, when_zero: str) -> None:
    """Check a denominator rule: zero is undefined, negative is invalid."""
    (rule,) = SPECS[clause].constraints
    assert rule == Positive(variable, when_zero)
    cols = {variable: _arr(100.0, 0.0, -4.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert rule.explain({variable: 0.0}, Status.UNDEFINED) == f"{variable} is 0: {when_zero}"
    assert (
        rule.explain({variable: -4.0}, Status.INVALID) == f"{variable} (-4) must be greater than 0"
    )


# --- 7.1 --------------------------------------------------------------------------------------


def test_waste_energy_share_value() -> None:
    result = energy.waste_energy_share(
        _arr(1_000.0, 0.0), _arr(2_500.0, 300.0), _arr(1_500.0, 200.0), _arr(100_000.0, 2_000.0)
    )
    # 100 * (1 000 + 2 500 + 1 500) / 100 000 = 5; 100 * (0 + 300 + 200) / 2 000 = 25
    np.testing.assert_allclose(result, [5.0, 25.0])


def test_waste_energy_share_sum_of_sources_is_part_of_total() -> None:
    (rule,) = SPECS["7.1"].constraints
    assert rule == PartOfWhole(WASTE_SOURCES, "total_energy_consumption")
    cols = {
        "energy_from_wastewater": _arr(10.0, 10.0, 0.0),
        "energy_from_solid_and_liquid_waste": _arr(20.0, 20.0, 0.0),
        "energy_from_waste_heat": _arr(30.0, 80.0, 0.0),
        "total_energy_consumption": _arr(100.0, 100.0, 0.0),
    }
    # 10 + 20 + 30 = 60 <= 100; 10 + 20 + 80 = 110 > 100; total 0 is undefined
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    values = {
        "energy_from_wastewater": 10.0,
        "energy_from_solid_and_liquid_waste": 20.0,
        "energy_from_waste_heat": 80.0,
        "total_energy_consumption": 100.0,
    }
    assert rule.explain(values, Status.INVALID) == (
        "energy_from_wastewater (10) + energy_from_solid_and_liquid_waste (20) + "
        "energy_from_waste_heat (80) = 110 exceeds total_energy_consumption (100)"
    )
    assert (
        rule.explain(dict.fromkeys(values, 0.0), Status.UNDEFINED)
        == "total_energy_consumption is 0: a share of nothing is undefined"
    )


def test_waste_energy_share_spec() -> None:
    assert SPECS["7.1"].inputs == (*WASTE_SOURCES, "total_energy_consumption")
    assert SPECS["7.1"].definition_source.formula == "read"


# --- 7.2 --------------------------------------------------------------------------------------


def test_wastewater_energy_per_capita_value() -> None:
    result = energy.wastewater_energy_per_capita(_arr(30_000.0, 500.0), _arr(1_200_000.0, 40_000.0))
    # 30 000 GJ / 1 200 000 people = 0.025; 500 / 40 000 = 0.0125
    np.testing.assert_allclose(result, [0.025, 0.0125])


def test_wastewater_energy_per_capita_population_must_be_positive() -> None:
    _check_positive("7.2", "population", "a per-capita value is undefined")


def test_wastewater_energy_per_capita_spec_is_inferred_with_low_confidence() -> None:
    spec = SPECS["7.2"]
    assert spec.inputs == ("energy_from_wastewater", "population")
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"
    assert "inferred from the title" in spec.definition_source.note


# --- 7.3 --------------------------------------------------------------------------------------


def test_waste_energy_per_capita_value() -> None:
    result = energy.waste_energy_per_capita(_arr(60_000.0, 0.0), _arr(1_200_000.0, 40_000.0))
    # 60 000 GJ / 1 200 000 people = 0.05; 0 / 40 000 = 0
    np.testing.assert_allclose(result, [0.05, 0.0])


def test_waste_energy_per_capita_population_must_be_positive() -> None:
    _check_positive("7.3", "population", "a per-capita value is undefined")


def test_waste_energy_per_capita_spec() -> None:
    spec = SPECS["7.3"]
    assert spec.inputs == ("energy_from_solid_and_liquid_waste", "population")
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "high"


# --- 7.4 --------------------------------------------------------------------------------------


def test_decentralized_electricity_share_value() -> None:
    result = energy.decentralized_electricity_share(_arr(1_800.0, 50.0), _arr(24_000.0, 1_000.0))
    # 100 * 1 800 / 24 000 = 7.5; 100 * 50 / 1 000 = 5
    np.testing.assert_allclose(result, [7.5, 5.0])


def test_decentralized_electricity_share_part_of_whole() -> None:
    _check_part_of_whole("7.4", "decentralized_electricity_production", "electricity_consumption")


def test_decentralized_electricity_share_spec() -> None:
    spec = SPECS["7.4"]
    assert spec.inputs == ("decentralized_electricity_production", "electricity_consumption")


# --- 7.5 --------------------------------------------------------------------------------------


def test_grid_storage_capacity_ratio_value() -> None:
    result = energy.grid_storage_capacity_ratio(_arr(2_000.0, 300.0), _arr(80_000.0, 1_200.0))
    # 2 000 GJ / 80 000 GJ = 0.025; 300 / 1 200 = 0.25
    np.testing.assert_allclose(result, [0.025, 0.25])


def test_grid_storage_capacity_ratio_consumption_must_be_positive() -> None:
    _check_positive("7.5", "total_energy_consumption", "the city consumed no energy")


def test_grid_storage_capacity_ratio_spec() -> None:
    spec = SPECS["7.5"]
    assert spec.inputs == ("energy_storage_capacity", "total_energy_consumption")
    assert parse_unit(spec.unit).dimensionless


# --- 7.6 --------------------------------------------------------------------------------------


def test_managed_street_lighting_share_value() -> None:
    result = energy.managed_street_lighting_share(_arr(3_000.0, 40.0), _arr(12_000.0, 50.0))
    # 100 * 3 000 / 12 000 = 25; 100 * 40 / 50 = 80
    np.testing.assert_allclose(result, [25.0, 80.0])


def test_managed_street_lighting_share_part_of_whole() -> None:
    _check_part_of_whole("7.6", "street_lights_managed", "street_lights")


def test_managed_street_lighting_share_spec() -> None:
    assert SPECS["7.6"].inputs == ("street_lights_managed", "street_lights")


# --- 7.7 --------------------------------------------------------------------------------------


def test_renewed_street_lighting_share_value() -> None:
    result = energy.renewed_street_lighting_share(_arr(600.0, 50.0), _arr(12_000.0, 50.0))
    # 100 * 600 / 12 000 = 5; 100 * 50 / 50 = 100
    np.testing.assert_allclose(result, [5.0, 100.0])


def test_renewed_street_lighting_share_part_of_whole() -> None:
    _check_part_of_whole("7.7", "street_lights_refurbished_or_new", "street_lights")


def test_renewed_street_lighting_share_spec() -> None:
    assert SPECS["7.7"].inputs == ("street_lights_refurbished_or_new", "street_lights")


# --- 7.8 --------------------------------------------------------------------------------------


def test_public_buildings_needing_renovation_share_value() -> None:
    result = energy.public_buildings_needing_renovation_share(
        _arr(45_000.0, 0.0), _arr(360_000.0, 8_000.0)
    )
    # 100 * 45 000 m2 / 360 000 m2 = 12.5; 100 * 0 / 8 000 = 0
    np.testing.assert_allclose(result, [12.5, 0.0])


def test_public_buildings_needing_renovation_share_part_of_whole() -> None:
    _check_part_of_whole(
        "7.8", "public_building_floor_area_needing_renovation", "public_building_floor_area"
    )


def test_public_buildings_needing_renovation_share_spec() -> None:
    spec = SPECS["7.8"]
    assert spec.inputs == (
        "public_building_floor_area_needing_renovation",
        "public_building_floor_area",
    )
    assert spec.direction is Direction.LOWER_IS_BETTER


# --- 7.9 --------------------------------------------------------------------------------------


def test_smart_energy_meter_building_share_value() -> None:
    result = energy.smart_energy_meter_building_share(
        _arr(150.0, 20.0), _arr(850.0, 30.0), _arr(40_000.0, 200.0)
    )
    # 100 * (150 + 850) / 40 000 = 2.5; 100 * (20 + 30) / 200 = 25
    np.testing.assert_allclose(result, [2.5, 25.0])


def test_smart_energy_meter_building_share_sum_of_metered_is_part_of_buildings() -> None:
    (rule,) = SPECS["7.9"].constraints
    assert rule == PartOfWhole(METERED_BUILDINGS, "buildings")
    cols = {
        "public_buildings_with_smart_energy_meters": _arr(60.0, 60.0, 0.0),
        "commercial_industrial_buildings_with_smart_energy_meters": _arr(40.0, 41.0, 0.0),
        "buildings": _arr(100.0, 100.0, 0.0),
    }
    # 60 + 40 = 100 <= 100 (a share of exactly 100 % is valid); 60 + 41 = 101 > 100
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    values = {
        "public_buildings_with_smart_energy_meters": 60.0,
        "commercial_industrial_buildings_with_smart_energy_meters": 41.0,
        "buildings": 100.0,
    }
    assert rule.explain(values, Status.INVALID) == (
        "public_buildings_with_smart_energy_meters (60) + "
        "commercial_industrial_buildings_with_smart_energy_meters (41) = 101 "
        "exceeds buildings (100)"
    )
    assert (
        rule.explain(dict.fromkeys(values, 0.0), Status.UNDEFINED)
        == "buildings is 0: a share of nothing is undefined"
    )


def test_smart_energy_meter_building_share_spec() -> None:
    assert SPECS["7.9"].inputs == (*METERED_BUILDINGS, "buildings")


# --- 7.10 -------------------------------------------------------------------------------------


def test_ev_charging_stations_per_electric_vehicle_value() -> None:
    result = energy.ev_charging_stations_per_electric_vehicle(
        _arr(120.0, 30.0), _arr(4_800.0, 60.0)
    )
    # 120 stations / 4 800 EVs = 0.025; 30 / 60 = 0.5
    np.testing.assert_allclose(result, [0.025, 0.5])


def test_ev_charging_stations_per_electric_vehicle_vehicles_must_be_positive() -> None:
    _check_positive("7.10", "electric_vehicles", "there are no registered electric vehicles")


def test_ev_charging_stations_per_electric_vehicle_spec() -> None:
    assert SPECS["7.10"].inputs == ("ev_charging_stations", "electric_vehicles")


# --- properties -------------------------------------------------------------------------------


SINGLE_PART_SHARES = ["7.4", "7.6", "7.7", "7.8"]


@pytest.mark.parametrize("clause", SINGLE_PART_SHARES)
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e9), scale=st.floats(0.01, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func: Callable[[FloatArray, FloatArray], FloatArray] = SPECS[clause].func
    part, total = _arr(whole * fraction), _arr(whole)
    value = func(part, total)
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(func(part * scale, total * scale), value, atol=1e-12)


@given(
    st.lists(st.floats(0.0, 1e6), min_size=3, max_size=3),
    st.floats(1.0, 1e6),
)
def test_waste_energy_share_is_additive_over_sources(sources: list[float], total: float) -> None:
    whole = _arr(total)
    combined = energy.waste_energy_share(
        _arr(sources[0]), _arr(sources[1]), _arr(sources[2]), whole
    )
    zero = _arr(0.0)
    separately = (
        energy.waste_energy_share(_arr(sources[0]), zero, zero, whole)
        + energy.waste_energy_share(zero, _arr(sources[1]), zero, whole)
        + energy.waste_energy_share(zero, zero, _arr(sources[2]), whole)
    )
    np.testing.assert_allclose(combined, separately, rtol=1e-12, atol=1e-12)


@given(stations=st.floats(0.0, 1e5), vehicles=st.floats(1.0, 1e6))
def test_more_charging_stations_never_lower_the_ratio(stations: float, vehicles: float) -> None:
    fewer = energy.ev_charging_stations_per_electric_vehicle(_arr(stations), _arr(vehicles))
    more = energy.ev_charging_stations_per_electric_vehicle(_arr(stations + 1.0), _arr(vehicles))
    assert more[0] > fewer[0]
