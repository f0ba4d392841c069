from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole, check_sole_positive
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import energy
from iso37122.indicators._spec import PartOfWhole, Positive

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


# --- 7.1 --------------------------------------------------------------------------------------


def test_waste_energy_share_value() -> None:
    result = energy.waste_energy_share(
        arr(1_000.0, 0.0), arr(2_500.0, 300.0), arr(1_500.0, 200.0), arr(100_000.0, 2_000.0)
    )
    # 100 * (1 000 + 2 500 + 1 500) / 100 000 = 5; 100 * (0 + 300 + 200) / 2 000 = 25
    np.testing.assert_allclose(result, [5.0, 25.0])


def test_waste_energy_share_sum_of_sources_is_part_of_total() -> None:
    # 10 + 20 + 30 = 60 <= 100; 10 + 20 + 80 = 110 > 100; total 0 is undefined
    check_sole_part_of_whole(
        SPECS["7.1"],
        PartOfWhole(WASTE_SOURCES, "total_energy_consumption"),
        within=(10.0, 20.0, 30.0, 100.0),
        exceeding=(10.0, 20.0, 80.0, 100.0),
        reason=(
            "energy_from_wastewater (10) + energy_from_solid_and_liquid_waste (20) + "
            "energy_from_waste_heat (80) = 110 exceeds total_energy_consumption (100)"
        ),
    )


# --- 7.2 --------------------------------------------------------------------------------------


def test_wastewater_energy_per_capita_value() -> None:
    result = energy.wastewater_energy_per_capita(arr(30_000.0, 500.0), arr(1_200_000.0, 40_000.0))
    # 30 000 GJ / 1 200 000 people = 0.025; 500 / 40 000 = 0.0125
    np.testing.assert_allclose(result, [0.025, 0.0125])


def test_wastewater_energy_per_capita_population_must_be_positive() -> None:
    check_sole_positive(
        SPECS["7.2"],
        Positive("population", "a per-capita value is undefined"),
        valid=100.0,
        negative=-4.0,
        reason="population (-4) must be greater than 0",
    )


# --- 7.3 --------------------------------------------------------------------------------------


def test_waste_energy_per_capita_value() -> None:
    result = energy.waste_energy_per_capita(arr(60_000.0, 0.0), arr(1_200_000.0, 40_000.0))
    # 60 000 GJ / 1 200 000 people = 0.05; 0 / 40 000 = 0
    np.testing.assert_allclose(result, [0.05, 0.0])


def test_waste_energy_per_capita_population_must_be_positive() -> None:
    check_sole_positive(
        SPECS["7.3"],
        Positive("population", "a per-capita value is undefined"),
        valid=100.0,
        negative=-4.0,
        reason="population (-4) must be greater than 0",
    )


# --- 7.4 --------------------------------------------------------------------------------------


def test_decentralized_electricity_share_value() -> None:
    result = energy.decentralized_electricity_share(arr(1_800.0, 50.0), arr(24_000.0, 1_000.0))
    # 100 * 1 800 / 24 000 = 7.5; 100 * 50 / 1 000 = 5
    np.testing.assert_allclose(result, [7.5, 5.0])


def test_decentralized_electricity_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["7.4"],
        PartOfWhole("decentralized_electricity_production", "electricity_consumption"),
        within=(30.0, 120.0),
        exceeding=(121.0, 120.0),
        reason="decentralized_electricity_production (121) exceeds electricity_consumption (120)",
    )


# --- 7.5 --------------------------------------------------------------------------------------


def test_grid_storage_capacity_ratio_value() -> None:
    result = energy.grid_storage_capacity_ratio(arr(2_000.0, 300.0), arr(80_000.0, 1_200.0))
    # 2 000 GJ / 80 000 GJ = 0.025; 300 / 1 200 = 0.25
    np.testing.assert_allclose(result, [0.025, 0.25])


def test_grid_storage_capacity_ratio_consumption_must_be_positive() -> None:
    check_sole_positive(
        SPECS["7.5"],
        Positive("total_energy_consumption", "the city consumed no energy"),
        valid=100.0,
        negative=-4.0,
        reason="total_energy_consumption (-4) must be greater than 0",
    )


# --- 7.6 --------------------------------------------------------------------------------------


def test_managed_street_lighting_share_value() -> None:
    result = energy.managed_street_lighting_share(arr(3_000.0, 40.0), arr(12_000.0, 50.0))
    # 100 * 3 000 / 12 000 = 25; 100 * 40 / 50 = 80
    np.testing.assert_allclose(result, [25.0, 80.0])


def test_managed_street_lighting_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["7.6"],
        PartOfWhole("street_lights_managed", "street_lights"),
        within=(30.0, 120.0),
        exceeding=(121.0, 120.0),
        reason="street_lights_managed (121) exceeds street_lights (120)",
    )


# --- 7.7 --------------------------------------------------------------------------------------


def test_renewed_street_lighting_share_value() -> None:
    result = energy.renewed_street_lighting_share(arr(600.0, 50.0), arr(12_000.0, 50.0))
    # 100 * 600 / 12 000 = 5; 100 * 50 / 50 = 100
    np.testing.assert_allclose(result, [5.0, 100.0])


def test_renewed_street_lighting_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["7.7"],
        PartOfWhole("street_lights_refurbished_or_new", "street_lights"),
        within=(30.0, 120.0),
        exceeding=(121.0, 120.0),
        reason="street_lights_refurbished_or_new (121) exceeds street_lights (120)",
    )


# --- 7.8 --------------------------------------------------------------------------------------


def test_public_buildings_needing_renovation_share_value() -> None:
    result = energy.public_buildings_needing_renovation_share(
        arr(45_000.0, 0.0), arr(360_000.0, 8_000.0)
    )
    # 100 * 45 000 m2 / 360 000 m2 = 12.5; 100 * 0 / 8 000 = 0
    np.testing.assert_allclose(result, [12.5, 0.0])


def test_public_buildings_needing_renovation_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["7.8"],
        PartOfWhole("public_building_floor_area_needing_renovation", "public_building_floor_area"),
        within=(30.0, 120.0),
        exceeding=(121.0, 120.0),
        reason=(
            "public_building_floor_area_needing_renovation (121) exceeds "
            "public_building_floor_area (120)"
        ),
    )


# --- 7.9 --------------------------------------------------------------------------------------


def test_smart_energy_meter_building_share_value() -> None:
    result = energy.smart_energy_meter_building_share(
        arr(150.0, 20.0), arr(850.0, 30.0), arr(8_000.0, 200.0)
    )
    # 100 * (150 + 850) / 8 000 non-household buildings = 12.5; 100 * (20 + 30) / 200 = 25
    np.testing.assert_allclose(result, [12.5, 25.0])


def test_smart_energy_meter_building_share_metered_are_part_of_non_household_buildings() -> None:
    # 60 + 40 = 100 <= 100 (a share of exactly 100 % is valid); 60 + 41 = 101 > 100
    check_sole_part_of_whole(
        SPECS["7.9"],
        PartOfWhole(METERED_BUILDINGS, "non_household_buildings"),
        within=(60.0, 40.0, 100.0),
        exceeding=(60.0, 41.0, 100.0),
        reason=(
            "public_buildings_with_smart_energy_meters (60) + "
            "commercial_industrial_buildings_with_smart_energy_meters (41) = 101 "
            "exceeds non_household_buildings (100)"
        ),
    )


# --- 7.10 -------------------------------------------------------------------------------------


def test_ev_charging_stations_per_electric_vehicle_value() -> None:
    result = energy.ev_charging_stations_per_electric_vehicle(arr(120.0, 30.0), arr(4_800.0, 60.0))
    # 120 stations / 4 800 EVs = 0.025; 30 / 60 = 0.5
    np.testing.assert_allclose(result, [0.025, 0.5])


def test_ev_charging_stations_per_electric_vehicle_vehicles_must_be_positive() -> None:
    check_sole_positive(
        SPECS["7.10"],
        Positive("electric_vehicles", "there are no registered electric vehicles"),
        valid=100.0,
        negative=-4.0,
        reason="electric_vehicles (-4) must be greater than 0",
    )


# --- properties -------------------------------------------------------------------------------


@given(
    st.lists(st.floats(0.0, 1e6), min_size=3, max_size=3),
    st.floats(1.0, 1e6),
)
def test_waste_energy_share_is_additive_over_sources(sources: list[float], total: float) -> None:
    whole = arr(total)
    combined = energy.waste_energy_share(arr(sources[0]), arr(sources[1]), arr(sources[2]), whole)
    zero = arr(0.0)
    separately = (
        energy.waste_energy_share(arr(sources[0]), zero, zero, whole)
        + energy.waste_energy_share(zero, arr(sources[1]), zero, whole)
        + energy.waste_energy_share(zero, zero, arr(sources[2]), whole)
    )
    np.testing.assert_allclose(combined, separately, rtol=1e-12, atol=1e-12)


@given(stations=st.floats(0.0, 1e5), vehicles=st.floats(1.0, 1e6))
def test_more_charging_stations_never_lower_the_ratio(stations: float, vehicles: float) -> None:
    fewer = energy.ev_charging_stations_per_electric_vehicle(arr(stations), arr(vehicles))
    more = energy.ev_charging_stations_per_electric_vehicle(arr(stations + 1.0), arr(vehicles))
    assert more[0] > fewer[0]
