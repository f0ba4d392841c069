"""Tests of the water indicators (clause 23)."""

from __future__ import annotations

import numpy as np
from _helpers import check_sole_part_of_whole, check_sole_positive

from iso37122.indicators import water
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in water.SPECS}


# --- 23.1 drinking water tracked in real time --------------------------------------------


def test_drinking_water_realtime_tracked_share_value() -> None:
    tracked = np.array([36_000_000.0, 0.0, 95_000_000.0])
    distributed = np.array([120_000_000.0, 30_000_000.0, 95_000_000.0])
    # 100 * 3.6e7 / 1.2e8 = 30.0; 100 * 0 / 3e7 = 0.0; 100 * 9.5e7 / 9.5e7 = 100.0
    np.testing.assert_allclose(
        water.drinking_water_realtime_tracked_share(tracked, distributed), [30.0, 0.0, 100.0]
    )


def test_drinking_water_realtime_tracked_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["23.1"],
        PartOfWhole("drinking_water_tracked_realtime", "drinking_water_distributed"),
        within=(36_000_000.0, 120_000_000.0),
        exceeding=(130_000_000.0, 120_000_000.0),
        reason=(
            "drinking_water_tracked_realtime (130000000) exceeds "
            "drinking_water_distributed (120000000)"
        ),
    )


# --- 23.2 water quality monitoring stations per 100 000 ----------------------------------


def test_water_quality_monitoring_stations_per_100k_value() -> None:
    stations = np.array([30.0, 0.0, 7.0])
    population = np.array([2_000_000.0, 500_000.0, 175_000.0])
    # 100 000 * 30 / 2 000 000 = 1.5; 100 000 * 0 / 500 000 = 0.0; 100 000 * 7 / 175 000 = 4.0
    np.testing.assert_allclose(
        water.water_quality_monitoring_stations_per_100k(stations, population), [1.5, 0.0, 4.0]
    )


def test_water_quality_monitoring_stations_per_100k_positive_population() -> None:
    check_sole_positive(
        SPECS["23.2"],
        Positive("population", "a rate per 100 000 population is undefined"),
        valid=2_000_000.0,
        negative=-250.0,
        reason="population (-250) must be greater than 0",
    )


# --- 23.3 water network monitored by a smart water system --------------------------------


def test_smart_water_network_share_value() -> None:
    smart = np.array([300.0, 0.0, 1_800.0])
    network = np.array([2_400.0, 640.0, 2_400.0])
    # 100 * 300 / 2 400 = 12.5; 100 * 0 / 640 = 0.0; 100 * 1 800 / 2 400 = 75.0
    np.testing.assert_allclose(water.smart_water_network_share(smart, network), [12.5, 0.0, 75.0])


def test_smart_water_network_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["23.3"],
        PartOfWhole("water_network_length_smart", "water_network_length"),
        within=(300.0, 2_400.0),
        exceeding=(2_400.5, 2_400.0),
        reason="water_network_length_smart (2400.5) exceeds water_network_length (2400)",
    )


# --- 23.4 buildings with smart water meters ----------------------------------------------


def test_buildings_with_smart_water_meters_share_value() -> None:
    metered = np.array([8_000.0, 0.0, 45_000.0])
    buildings = np.array([320_000.0, 12_000.0, 60_000.0])
    # 100 * 8 000 / 320 000 = 2.5; 100 * 0 / 12 000 = 0.0; 100 * 45 000 / 60 000 = 75.0
    np.testing.assert_allclose(
        water.buildings_with_smart_water_meters_share(metered, buildings), [2.5, 0.0, 75.0]
    )


def test_buildings_with_smart_water_meters_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["23.4"],
        PartOfWhole("buildings_with_smart_water_meters", "buildings"),
        within=(8_000.0, 320_000.0),
        exceeding=(330_000.0, 320_000.0),
        reason="buildings_with_smart_water_meters (330000) exceeds buildings (320000)",
    )
