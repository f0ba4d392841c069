from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import telecommunication
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit

SPECS = {s.clause: s for s in telecommunication.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


def test_module_lists_clauses_18_1_to_18_3_in_order() -> None:
    assert [s.clause for s in telecommunication.SPECS] == ["18.1", "18.2", "18.3"]
    assert all(s.theme is Theme.TELECOMMUNICATION for s in telecommunication.SPECS)


def test_every_spec_is_a_percentage_with_its_function() -> None:
    for spec in telecommunication.SPECS:
        assert spec.func.__name__ == spec.name
        assert spec.name in telecommunication.__all__
        assert spec.unit == "percent"
        parse_unit(spec.unit)


def test_all_is_sorted() -> None:
    assert telecommunication.__all__ == sorted(telecommunication.__all__)


# --- 18.1 -------------------------------------------------------------------------------------


def test_fast_broadband_population_share_value() -> None:
    result = telecommunication.fast_broadband_population_share(
        _arr(1_200_000.0, 90_000.0), _arr(1_500_000.0, 120_000.0)
    )
    # 100 * 1 200 000 / 1 500 000 = 80; 100 * 90 000 / 120 000 = 75
    np.testing.assert_allclose(result, [80.0, 75.0])


def test_fast_broadband_population_share_part_of_whole() -> None:
    (rule,) = SPECS["18.1"].constraints
    assert rule == PartOfWhole("population_with_fast_broadband", "population")
    cols = {
        "population_with_fast_broadband": _arr(900.0, 1_100.0, 0.0),
        "population": _arr(1_000.0, 1_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"population_with_fast_broadband": 1_100.0, "population": 1_000.0}, Status.INVALID
        )
        == "population_with_fast_broadband (1100) exceeds population (1000)"
    )
    assert (
        rule.explain({"population_with_fast_broadband": 0.0, "population": 0.0}, Status.UNDEFINED)
        == "population is 0: a share of nothing is undefined"
    )


def test_fast_broadband_population_share_spec() -> None:
    spec = SPECS["18.1"]
    assert spec.inputs == ("population_with_fast_broadband", "population")
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "high"


# --- 18.2 -------------------------------------------------------------------------------------


def test_area_without_connectivity_share_value() -> None:
    result = telecommunication.area_without_connectivity_share(_arr(12.0, 0.0), _arr(160.0, 50.0))
    # 100 * 12 / 160 = 7.5; 100 * 0 / 50 = 0
    np.testing.assert_allclose(result, [7.5, 0.0])


def test_area_without_connectivity_share_part_of_whole() -> None:
    (rule,) = SPECS["18.2"].constraints
    assert rule == PartOfWhole("area_without_connectivity", "land_area")
    cols = {
        "area_without_connectivity": _arr(12.0, 170.5, 0.0),
        "land_area": _arr(160.0, 160.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({"area_without_connectivity": 170.5, "land_area": 160.0}, Status.INVALID)
        == "area_without_connectivity (170.5) exceeds land_area (160)"
    )
    assert (
        rule.explain({"area_without_connectivity": 0.0, "land_area": 0.0}, Status.UNDEFINED)
        == "land_area is 0: a share of nothing is undefined"
    )


def test_area_without_connectivity_share_spec() -> None:
    spec = SPECS["18.2"]
    assert spec.inputs == ("area_without_connectivity", "land_area")
    # An uncovered area is a gap in service: the less of it, the better.
    assert spec.direction is Direction.LOWER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert "inferred from the title" in spec.definition_source.note


# --- 18.3 -------------------------------------------------------------------------------------


def test_municipal_internet_area_share_value() -> None:
    result = telecommunication.municipal_internet_area_share(_arr(40.0, 3.0), _arr(160.0, 12.0))
    # 100 * 40 / 160 = 25; 100 * 3 / 12 = 25
    np.testing.assert_allclose(result, [25.0, 25.0])


def test_municipal_internet_area_share_part_of_whole() -> None:
    (rule,) = SPECS["18.3"].constraints
    assert rule == PartOfWhole("area_with_municipal_internet", "land_area")
    cols = {
        "area_with_municipal_internet": _arr(40.0, 161.0, 0.0),
        "land_area": _arr(160.0, 160.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({"area_with_municipal_internet": 161.0, "land_area": 160.0}, Status.INVALID)
        == "area_with_municipal_internet (161) exceeds land_area (160)"
    )
    assert (
        rule.explain({"area_with_municipal_internet": 0.0, "land_area": 0.0}, Status.UNDEFINED)
        == "land_area is 0: a share of nothing is undefined"
    )


def test_municipal_internet_area_share_spec() -> None:
    spec = SPECS["18.3"]
    assert spec.inputs == ("area_with_municipal_internet", "land_area")
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert "inferred from the title" in spec.definition_source.note


# --- properties -------------------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["18.1", "18.2", "18.3"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e7), scale=st.floats(0.01, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func: Callable[[FloatArray, FloatArray], FloatArray] = SPECS[clause].func
    part, total = _arr(whole * fraction), _arr(whole)
    value = func(part, total)
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(func(part * scale, total * scale), value, atol=1e-12)
