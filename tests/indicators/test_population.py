from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import population
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in population.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_13_1_to_13_4_in_order() -> None:
    assert [s.clause for s in population.SPECS] == ["13.1", "13.2", "13.3", "13.4"]
    assert all(s.theme is Theme.POPULATION for s in population.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert population.__all__ == sorted(population.__all__)
    assert set(population.__all__) == {"SPECS", *(s.name for s in population.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in population.SPECS:
        assert spec.func is getattr(population, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


@pytest.mark.parametrize(
    ("clause", "inputs", "confidence"),
    [
        ("13.1", ("accessible_public_buildings", "public_buildings"), "high"),
        ("13.2", ("assistive_technology_expenditure", "municipal_expenditure"), "med-high"),
        ("13.3", ("accessible_pedestrian_crossings", "marked_pedestrian_crossings"), "med-high"),
        ("13.4", ("digital_divide_expenditure", "municipal_expenditure"), "med-high"),
    ],
)
def test_spec(clause: str, inputs: tuple[str, str], confidence: str) -> None:
    spec = SPECS[clause]
    assert spec.inputs == inputs
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.confidence == confidence
    assert spec.definition_source.formula == "read"


# --- 13.1 -------------------------------------------------------------------------------------


def test_accessible_public_building_share_value() -> None:
    result = population.accessible_public_building_share(_arr(360.0, 7.0), _arr(480.0, 28.0))
    # 100 * 360 / 480 = 75; 100 * 7 / 28 = 25
    np.testing.assert_allclose(result, [75.0, 25.0])


def test_accessible_public_building_share_part_of_whole() -> None:
    (rule,) = SPECS["13.1"].constraints
    assert rule == PartOfWhole("accessible_public_buildings", "public_buildings")
    cols = {
        "accessible_public_buildings": _arr(360.0, 481.0, 0.0),
        "public_buildings": _arr(480.0, 480.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"accessible_public_buildings": 481.0, "public_buildings": 480.0}, Status.INVALID
        )
        == "accessible_public_buildings (481) exceeds public_buildings (480)"
    )
    assert (
        rule.explain(
            {"accessible_public_buildings": 0.0, "public_buildings": 0.0}, Status.UNDEFINED
        )
        == "public_buildings is 0: a share of nothing is undefined"
    )


# --- 13.2 -------------------------------------------------------------------------------------


def test_assistive_technology_budget_share_value() -> None:
    result = population.assistive_technology_budget_share(
        _arr(1.5e9, 4.2e9), _arr(3_000e9, 2_100e9)
    )
    # 100 * 1.5e9 / 3 000e9 = 0.05; 100 * 4.2e9 / 2 100e9 = 0.2
    np.testing.assert_allclose(result, [0.05, 0.2])


def test_assistive_technology_budget_share_part_of_whole() -> None:
    (rule,) = SPECS["13.2"].constraints
    assert rule == PartOfWhole("assistive_technology_expenditure", "municipal_expenditure")
    cols = {
        "assistive_technology_expenditure": _arr(1.5e9, 3_500e9, 0.0),
        "municipal_expenditure": _arr(3_000e9, 3_000e9, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"assistive_technology_expenditure": 3_500e9, "municipal_expenditure": 3_000e9},
            Status.INVALID,
        )
        == "assistive_technology_expenditure (3500000000000) exceeds "
        "municipal_expenditure (3000000000000)"
    )
    assert (
        rule.explain(
            {"assistive_technology_expenditure": 0.0, "municipal_expenditure": 0.0},
            Status.UNDEFINED,
        )
        == "municipal_expenditure is 0: a share of nothing is undefined"
    )


# --- 13.3 -------------------------------------------------------------------------------------


def test_accessible_pedestrian_signal_share_value() -> None:
    result = population.accessible_pedestrian_signal_share(_arr(30.0, 0.0), _arr(600.0, 150.0))
    # 100 * 30 / 600 = 5; 100 * 0 / 150 = 0
    np.testing.assert_allclose(result, [5.0, 0.0])


def test_accessible_pedestrian_signal_share_part_of_whole() -> None:
    (rule,) = SPECS["13.3"].constraints
    assert rule == PartOfWhole("accessible_pedestrian_crossings", "marked_pedestrian_crossings")
    cols = {
        "accessible_pedestrian_crossings": _arr(30.0, 620.0, 0.0),
        "marked_pedestrian_crossings": _arr(600.0, 600.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"accessible_pedestrian_crossings": 620.0, "marked_pedestrian_crossings": 600.0},
            Status.INVALID,
        )
        == "accessible_pedestrian_crossings (620) exceeds marked_pedestrian_crossings (600)"
    )
    assert (
        rule.explain(
            {"accessible_pedestrian_crossings": 0.0, "marked_pedestrian_crossings": 0.0},
            Status.UNDEFINED,
        )
        == "marked_pedestrian_crossings is 0: a share of nothing is undefined"
    )


# --- 13.4 -------------------------------------------------------------------------------------


def test_digital_divide_budget_share_value() -> None:
    result = population.digital_divide_budget_share(_arr(6e9, 21e9), _arr(3_000e9, 2_100e9))
    # 100 * 6e9 / 3 000e9 = 0.2; 100 * 21e9 / 2 100e9 = 1
    np.testing.assert_allclose(result, [0.2, 1.0])


def test_digital_divide_budget_share_part_of_whole() -> None:
    (rule,) = SPECS["13.4"].constraints
    assert rule == PartOfWhole("digital_divide_expenditure", "municipal_expenditure")
    cols = {
        "digital_divide_expenditure": _arr(6e9, 3_001e9, 0.0),
        "municipal_expenditure": _arr(3_000e9, 3_000e9, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"digital_divide_expenditure": 3_001e9, "municipal_expenditure": 3_000e9},
            Status.INVALID,
        )
        == "digital_divide_expenditure (3001000000000) exceeds "
        "municipal_expenditure (3000000000000)"
    )
    assert (
        rule.explain(
            {"digital_divide_expenditure": 0.0, "municipal_expenditure": 0.0}, Status.UNDEFINED
        )
        == "municipal_expenditure is 0: a share of nothing is undefined"
    )


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["13.1", "13.2", "13.3", "13.4"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e15), scale=st.floats(1e-6, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
