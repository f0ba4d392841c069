from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import population
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in population.SPECS}


# --- 13.1 -------------------------------------------------------------------------------------


def test_accessible_public_building_share_value() -> None:
    result = population.accessible_public_building_share(arr(360.0, 7.0), arr(480.0, 28.0))
    # 100 * 360 / 480 = 75; 100 * 7 / 28 = 25
    np.testing.assert_allclose(result, [75.0, 25.0])


def test_accessible_public_building_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["13.1"],
        PartOfWhole("accessible_public_buildings", "public_buildings"),
        within=(360.0, 480.0),
        exceeding=(481.0, 480.0),
        reason="accessible_public_buildings (481) exceeds public_buildings (480)",
    )


# --- 13.2 -------------------------------------------------------------------------------------


def test_assistive_technology_budget_share_value() -> None:
    result = population.assistive_technology_budget_share(arr(1.5e9, 4.2e9), arr(3_000e9, 2_100e9))
    # 100 * 1.5e9 / 3 000e9 = 0.05; 100 * 4.2e9 / 2 100e9 = 0.2
    np.testing.assert_allclose(result, [0.05, 0.2])


def test_assistive_technology_budget_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["13.2"],
        PartOfWhole("assistive_technology_expenditure", "municipal_expenditure"),
        within=(1.5e9, 3_000e9),
        exceeding=(3_500e9, 3_000e9),
        reason=(
            "assistive_technology_expenditure (3500000000000) exceeds "
            "municipal_expenditure (3000000000000)"
        ),
    )


# --- 13.3 -------------------------------------------------------------------------------------


def test_accessible_pedestrian_signal_share_value() -> None:
    result = population.accessible_pedestrian_signal_share(arr(30.0, 0.0), arr(600.0, 150.0))
    # 100 * 30 / 600 = 5; 100 * 0 / 150 = 0
    np.testing.assert_allclose(result, [5.0, 0.0])


def test_accessible_pedestrian_signal_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["13.3"],
        PartOfWhole("accessible_pedestrian_crossings", "marked_pedestrian_crossings"),
        within=(30.0, 600.0),
        exceeding=(620.0, 600.0),
        reason="accessible_pedestrian_crossings (620) exceeds marked_pedestrian_crossings (600)",
    )


# --- 13.4 -------------------------------------------------------------------------------------


def test_digital_divide_budget_share_value() -> None:
    result = population.digital_divide_budget_share(arr(6e9, 21e9), arr(3_000e9, 2_100e9))
    # 100 * 6e9 / 3 000e9 = 0.2; 100 * 21e9 / 2 100e9 = 1
    np.testing.assert_allclose(result, [0.2, 1.0])


def test_digital_divide_budget_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["13.4"],
        PartOfWhole("digital_divide_expenditure", "municipal_expenditure"),
        within=(6e9, 3_000e9),
        exceeding=(3_001e9, 3_000e9),
        reason=(
            "digital_divide_expenditure (3001000000000) exceeds "
            "municipal_expenditure (3000000000000)"
        ),
    )
