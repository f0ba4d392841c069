from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import telecommunication
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in telecommunication.SPECS}


# --- 18.1 -------------------------------------------------------------------------------------


def test_fast_broadband_population_share_value() -> None:
    result = telecommunication.fast_broadband_population_share(
        arr(1_200_000.0, 90_000.0), arr(1_500_000.0, 120_000.0)
    )
    # 100 * 1 200 000 / 1 500 000 = 80; 100 * 90 000 / 120 000 = 75
    np.testing.assert_allclose(result, [80.0, 75.0])


def test_fast_broadband_population_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["18.1"],
        PartOfWhole("population_with_fast_broadband", "population"),
        within=(900.0, 1_000.0),
        exceeding=(1_100.0, 1_000.0),
        reason="population_with_fast_broadband (1100) exceeds population (1000)",
    )


# --- 18.2 -------------------------------------------------------------------------------------


def test_area_without_connectivity_share_value() -> None:
    result = telecommunication.area_without_connectivity_share(arr(12.0, 0.0), arr(160.0, 50.0))
    # 100 * 12 / 160 = 7.5; 100 * 0 / 50 = 0
    np.testing.assert_allclose(result, [7.5, 0.0])


def test_area_without_connectivity_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["18.2"],
        PartOfWhole("area_without_connectivity", "land_area"),
        within=(12.0, 160.0),
        exceeding=(170.5, 160.0),
        reason="area_without_connectivity (170.5) exceeds land_area (160)",
    )


# --- 18.3 -------------------------------------------------------------------------------------


def test_municipal_internet_area_share_value() -> None:
    result = telecommunication.municipal_internet_area_share(arr(40.0, 3.0), arr(160.0, 12.0))
    # 100 * 40 / 160 = 25; 100 * 3 / 12 = 25
    np.testing.assert_allclose(result, [25.0, 25.0])


def test_municipal_internet_area_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["18.3"],
        PartOfWhole("area_with_municipal_internet", "land_area"),
        within=(40.0, 160.0),
        exceeding=(161.0, 160.0),
        reason="area_with_municipal_internet (161) exceeds land_area (160)",
    )
