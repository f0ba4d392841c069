from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import safety
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in safety.SPECS}


# --- 15.1 -------------------------------------------------------------------------------------


def test_surveillance_camera_area_coverage_value() -> None:
    result = safety.surveillance_camera_area_coverage(arr(35.0, 0.0, 2.5), arr(175.0, 60.0, 10.0))
    # 100 * 35 / 175 = 20; 100 * 0 / 60 = 0; 100 * 2.5 / 10 = 25
    np.testing.assert_allclose(result, [20.0, 0.0, 25.0])


def test_surveillance_camera_area_coverage_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["15.1"],
        PartOfWhole("area_covered_by_surveillance_cameras", "land_area"),
        within=(35.0, 175.0),
        exceeding=(180.5, 175.0),
        reason="area_covered_by_surveillance_cameras (180.5) exceeds land_area (175)",
    )
