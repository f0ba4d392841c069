from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole, check_sole_positive
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import environment
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in environment.SPECS}


# --- 8.1 --------------------------------------------------------------------------------------


def test_recent_green_building_share_value() -> None:
    result = environment.recent_green_building_share(arr(45.0, 0.0, 80.0), arr(300.0, 20.0, 80.0))
    # 100 * 45 / 300 = 15; 100 * 0 / 20 = 0; 100 * 80 / 80 = 100
    np.testing.assert_allclose(result, [15.0, 0.0, 100.0])


def test_recent_green_building_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["8.1"],
        PartOfWhole(
            "green_buildings_recently_built_or_refurbished",
            "buildings_recently_built_or_refurbished",
        ),
        within=(45.0, 300.0),
        exceeding=(310.0, 300.0),
        reason=(
            "green_buildings_recently_built_or_refurbished (310) exceeds "
            "buildings_recently_built_or_refurbished (300)"
        ),
    )


# --- 8.2 --------------------------------------------------------------------------------------


def test_air_quality_monitoring_stations_per_km2_value() -> None:
    result = environment.air_quality_monitoring_stations_per_km2(
        arr(6.0, 9.0, 0.0), arr(120.0, 36.0, 50.0)
    )
    # 6 / 120 = 0.05; 9 / 36 = 0.25; 0 / 50 = 0
    np.testing.assert_allclose(result, [0.05, 0.25, 0.0])


def test_air_quality_monitoring_stations_per_km2_land_area_must_be_positive() -> None:
    check_sole_positive(
        SPECS["8.2"],
        Positive("land_area", "a number of stations per square kilometre is undefined"),
        valid=175.77,
        negative=-3.5,
        reason="land_area (-3.5) must be greater than 0",
    )


# Stations are a count, so whole numbers (which also keeps clear of subnormal floats).
@given(st.integers(0, 10_000), st.floats(1e-2, 1e5), st.floats(1.0, 1e3))
def test_air_quality_monitoring_stations_per_km2_is_linear_in_stations(
    stations: int, area: float, factor: float
) -> None:
    value = environment.air_quality_monitoring_stations_per_km2(arr(stations), arr(area))
    scaled = environment.air_quality_monitoring_stations_per_km2(arr(stations * factor), arr(area))
    assert value[0] >= 0.0
    np.testing.assert_allclose(scaled, value * factor, rtol=1e-12)


# --- 8.3 --------------------------------------------------------------------------------------


def test_indoor_air_monitoring_public_building_share_value() -> None:
    result = environment.indoor_air_monitoring_public_building_share(
        arr(12.0, 30.0), arr(480.0, 40.0)
    )
    # 100 * 12 / 480 = 2.5; 100 * 30 / 40 = 75
    np.testing.assert_allclose(result, [2.5, 75.0])


def test_indoor_air_monitoring_public_building_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["8.3"],
        PartOfWhole("public_buildings_with_indoor_air_monitoring", "public_buildings"),
        within=(12.0, 480.0),
        exceeding=(41.0, 40.0),
        reason="public_buildings_with_indoor_air_monitoring (41) exceeds public_buildings (40)",
    )
