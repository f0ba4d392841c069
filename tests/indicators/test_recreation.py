from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import recreation
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in recreation.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clause_14_1() -> None:
    assert [s.clause for s in recreation.SPECS] == ["14.1"]
    assert recreation.SPECS[0].theme is Theme.RECREATION


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert recreation.__all__ == sorted(recreation.__all__)
    assert set(recreation.__all__) == {"SPECS", *(s.name for s in recreation.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in recreation.SPECS:
        assert spec.func is getattr(recreation, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 14.1 -------------------------------------------------------------------------------------


def test_online_bookable_recreation_service_share_value() -> None:
    result = recreation.online_bookable_recreation_service_share(
        _arr(18.0, 5.0, 12.0), _arr(40.0, 5.0, 96.0)
    )
    # 100 * 18 / 40 = 45; 100 * 5 / 5 = 100; 100 * 12 / 96 = 12.5
    np.testing.assert_allclose(result, [45.0, 100.0, 12.5])


def test_online_bookable_recreation_service_share_part_of_whole() -> None:
    (rule,) = SPECS["14.1"].constraints
    part, whole = "public_recreation_services_bookable_online", "public_recreation_services"
    assert rule == PartOfWhole(part, whole)
    cols = {part: _arr(18.0, 41.0, 0.0), whole: _arr(40.0, 40.0, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({part: 41.0, whole: 40.0}, Status.INVALID)
        == "public_recreation_services_bookable_online (41) exceeds public_recreation_services (40)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "public_recreation_services is 0: a share of nothing is undefined"
    )


def test_online_bookable_recreation_service_share_spec() -> None:
    spec = SPECS["14.1"]
    assert spec.inputs == (
        "public_recreation_services_bookable_online",
        "public_recreation_services",
    )
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    source = spec.definition_source
    assert (source.confidence, source.formula, source.reference) == ("low", "inferred", "MEM")
    assert source.note == "Formula inferred from the title; not read in any source."
    assert "inferred from the title" in (spec.func.__doc__ or "")


@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e6), scale=st.floats(0.1, 1e3))
def test_online_bookable_recreation_service_share_is_bounded_and_scale_invariant(
    fraction: float, whole: float, scale: float
) -> None:
    func = recreation.online_bookable_recreation_service_share
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
