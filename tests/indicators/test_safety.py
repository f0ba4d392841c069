from __future__ import annotations

import numpy as np
from _helpers import INFERRED_NOTE, arr, check_sole_part_of_whole

from iso37122.indicators import safety
from iso37122.indicators._spec import Direction, PartOfWhole
from iso37122.variables import VARIABLES

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


def test_surveillance_camera_area_coverage_spec() -> None:
    spec = SPECS["15.1"]
    assert spec.inputs == ("area_covered_by_surveillance_cameras", "land_area")
    # Both areas share one canonical unit, so the share needs no conversion factor.
    assert VARIABLES[spec.inputs[0]].unit == VARIABLES[spec.inputs[1]].unit
    assert spec.unit == "percent"
    # The CSV hint is "unclear"; the module decides, and says why.
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert INFERRED_NOTE in spec.definition_source.note
    assert "inferred from the title" in (spec.func.__doc__ or "")
