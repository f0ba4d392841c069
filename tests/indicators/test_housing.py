from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import housing
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in housing.SPECS}


# --- 12.1 -------------------------------------------------------------------------------------


def test_smart_energy_meter_household_share_value() -> None:
    result = housing.smart_energy_meter_household_share(
        arr(40_000.0, 0.0), arr(320_000.0, 90_000.0)
    )
    # 100 * 40 000 / 320 000 = 12.5; 100 * 0 / 90 000 = 0
    np.testing.assert_allclose(result, [12.5, 0.0])


def test_smart_energy_meter_household_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["12.1"],
        PartOfWhole("households_with_smart_energy_meters", "households"),
        within=(40_000.0, 320_000.0),
        exceeding=(330_000.0, 320_000.0),
        reason="households_with_smart_energy_meters (330000) exceeds households (320000)",
    )


# --- 12.2 -------------------------------------------------------------------------------------


def test_smart_water_meter_household_share_value() -> None:
    result = housing.smart_water_meter_household_share(
        arr(8_000.0, 45_000.0), arr(320_000.0, 90_000.0)
    )
    # 100 * 8 000 / 320 000 = 2.5; 100 * 45 000 / 90 000 = 50
    np.testing.assert_allclose(result, [2.5, 50.0])


def test_smart_water_meter_household_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["12.2"],
        PartOfWhole("households_with_smart_water_meters", "households"),
        within=(8_000.0, 320_000.0),
        exceeding=(90_500.0, 90_000.0),
        reason="households_with_smart_water_meters (90500) exceeds households (90000)",
    )
