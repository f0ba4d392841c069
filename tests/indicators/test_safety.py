from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import safety
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in safety.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clause_15_1() -> None:
    assert [s.clause for s in safety.SPECS] == ["15.1"]
    assert safety.SPECS[0].theme is Theme.SAFETY


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert safety.__all__ == sorted(safety.__all__)
    assert set(safety.__all__) == {"SPECS", *(s.name for s in safety.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in safety.SPECS:
        assert spec.func is getattr(safety, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 15.1 -------------------------------------------------------------------------------------


def test_surveillance_camera_area_coverage_value() -> None:
    result = safety.surveillance_camera_area_coverage(_arr(35.0, 0.0, 2.5), _arr(175.0, 60.0, 10.0))
    # 100 * 35 / 175 = 20; 100 * 0 / 60 = 0; 100 * 2.5 / 10 = 25
    np.testing.assert_allclose(result, [20.0, 0.0, 25.0])


def test_surveillance_camera_area_coverage_part_of_whole() -> None:
    (rule,) = SPECS["15.1"].constraints
    assert rule == PartOfWhole("area_covered_by_surveillance_cameras", "land_area")
    cols = {
        "area_covered_by_surveillance_cameras": _arr(35.0, 180.5, 0.0),
        "land_area": _arr(175.0, 175.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"area_covered_by_surveillance_cameras": 180.5, "land_area": 175.0}, Status.INVALID
        )
        == "area_covered_by_surveillance_cameras (180.5) exceeds land_area (175)"
    )
    assert (
        rule.explain(
            {"area_covered_by_surveillance_cameras": 0.0, "land_area": 0.0}, Status.UNDEFINED
        )
        == "land_area is 0: a share of nothing is undefined"
    )


def test_surveillance_camera_area_coverage_spec() -> None:
    spec = SPECS["15.1"]
    assert spec.inputs == ("area_covered_by_surveillance_cameras", "land_area")
    # Both areas share one canonical unit, so the share needs no conversion factor.
    assert VARIABLES[spec.inputs[0]].unit == VARIABLES[spec.inputs[1]].unit
    assert spec.unit == "percent"
    # The CSV hint is "unclear"; the module decides, and says why.
    assert spec.direction is Direction.HIGHER_IS_BETTER
    source = spec.definition_source
    assert (source.confidence, source.formula, source.reference) == ("low", "inferred", "MEM")
    assert "Formula inferred from the title; not read in any source." in source.note
    assert "inferred from the title" in (spec.func.__doc__ or "")


@given(fraction=st.floats(0.0, 1.0), area=st.floats(1.0, 1e5), scale=st.floats(0.01, 1e3))
def test_surveillance_camera_area_coverage_is_bounded_and_scale_invariant(
    fraction: float, area: float, scale: float
) -> None:
    func = safety.surveillance_camera_area_coverage
    value = func(_arr(area * fraction), _arr(area))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    # e.g. both areas in hectares instead of km**2
    np.testing.assert_allclose(
        func(_arr(area * fraction * scale), _arr(area * scale)), value, atol=1e-9
    )
