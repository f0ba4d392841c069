"""Tests of the urban/local agriculture and food security indicators (clause 20)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import agriculture
from iso37122.indicators._spec import (
    Direction,
    Indicator,
    PartOfWhole,
    Positive,
    Status,
)
from iso37122.themes import Theme
from iso37122.units import Quantity, parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in agriculture.SPECS}
SHARES = sorted(c for c, s in SPECS.items() if s.unit == "percent")
RATIOS = sorted(c for c, s in SPECS.items() if s.unit != "percent")
INFERRED_NOTE = "Formula inferred from the title; not read in any source."


def _in_declared_unit(spec: Indicator, numerator: float, denominator: float) -> float:
    """Numerator / denominator in the inputs' declared units, converted by pint to spec.unit."""
    num_id, den_id = spec.inputs
    quantity = Quantity(numerator, VARIABLES[num_id].unit) / Quantity(
        denominator, VARIABLES[den_id].unit
    )
    return float(quantity.to(spec.unit).magnitude)


# --- the module and its specs -------------------------------------------------------------


def test_module_lists_clauses_20_1_to_20_3() -> None:
    assert list(SPECS) == ["20.1", "20.2", "20.3"]
    assert all(s.theme is Theme.AGRICULTURE for s in SPECS.values())


def test_all_is_sorted_and_lists_specs_and_functions() -> None:
    assert agriculture.__all__ == sorted(agriculture.__all__)
    assert set(agriculture.__all__) == {"SPECS"} | {s.name for s in SPECS.values()}


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_spec_names_its_function_and_clause(clause: str) -> None:
    spec = SPECS[clause]
    assert spec.func.__name__ == spec.name
    assert f"ISO 37122:2019, clause {clause}." in (spec.func.__doc__ or "")
    assert spec.title_id
    assert spec.definition_source.title_id_origin == "own_translation"


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inputs_are_declared_variables(clause: str) -> None:
    assert all(name in VARIABLES for name in SPECS[clause].inputs)


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_unit_parses_and_matches_pint_arithmetic(clause: str) -> None:
    spec = SPECS[clause]
    parse_unit(spec.unit)
    expected = _in_declared_unit(spec, 3.0, 8.0)
    np.testing.assert_allclose(spec.func(np.array([3.0]), np.array([8.0])), [expected])


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inferred_formulas_say_so(clause: str) -> None:
    source = SPECS[clause].definition_source
    doc = SPECS[clause].func.__doc__ or ""
    if source.formula == "inferred":
        assert source.note == INFERRED_NOTE
        assert "inferred from the title" in doc
    else:
        assert "inferred" not in doc


@pytest.mark.parametrize("clause", SHARES)
@given(
    whole=st.floats(1e-3, 1e13),
    fraction=st.floats(0.0, 1.0, allow_subnormal=False),
    scale=st.floats(1e-3, 1e3),
)
def test_shares_are_bounded_and_scale_invariant(
    clause: str, whole: float, fraction: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(np.array([fraction * whole]), np.array([whole]))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    scaled = func(np.array([scale * fraction * whole]), np.array([scale * whole]))
    np.testing.assert_allclose(scaled, value, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("clause", RATIOS)
@given(numerator=st.just(0.0) | st.floats(1e-6, 1e9), denominator=st.floats(1.0, 1e9))
def test_ratios_are_proportional_to_numerator_and_inverse_to_denominator(
    clause: str, numerator: float, denominator: float
) -> None:
    func = SPECS[clause].func
    value = func(np.array([numerator]), np.array([denominator]))
    np.testing.assert_allclose(
        func(np.array([2.0 * numerator]), np.array([denominator])), 2.0 * value, rtol=1e-12
    )
    np.testing.assert_allclose(
        func(np.array([numerator]), np.array([2.0 * denominator])), value / 2.0, rtol=1e-12
    )


# --- 20.1 urban agriculture budget share -------------------------------------------------


def test_urban_agriculture_budget_share_value() -> None:
    spending = np.array([2.5e9, 0.0, 6.0e10])
    budget = np.array([5.0e12, 4.0e12, 1.2e12])
    # 100 * 2.5e9 / 5e12 = 0.05; 100 * 0 / 4e12 = 0.0; 100 * 6e10 / 1.2e12 = 5.0
    np.testing.assert_allclose(
        agriculture.urban_agriculture_budget_share(spending, budget), [0.05, 0.0, 5.0]
    )


def test_urban_agriculture_budget_share_spec() -> None:
    spec = SPECS["20.1"]
    assert spec.inputs == ("urban_agriculture_expenditure", "municipal_expenditure")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_urban_agriculture_budget_share_part_of_whole() -> None:
    (rule,) = SPECS["20.1"].constraints
    assert rule == PartOfWhole("urban_agriculture_expenditure", "municipal_expenditure")
    cols = {
        "urban_agriculture_expenditure": np.array([2.0e9, 5.0e11, 0.0]),
        "municipal_expenditure": np.array([4.2e11, 4.2e11, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"urban_agriculture_expenditure": 5.0e11, "municipal_expenditure": 4.2e11}
    assert rule.explain(row, Status.INVALID) == (
        "urban_agriculture_expenditure (500000000000) exceeds municipal_expenditure (420000000000)"
    )
    zero = {"urban_agriculture_expenditure": 0.0, "municipal_expenditure": 0.0}
    assert rule.explain(zero, Status.UNDEFINED).startswith("municipal_expenditure is 0")


# --- 20.2 food waste composted per capita ------------------------------------------------


def test_food_waste_composted_per_capita_value() -> None:
    composted = np.array([12_000.0, 3_000.0, 0.0])
    population = np.array([1_500_000.0, 600_000.0, 250_000.0])
    # 12 000 / 1 500 000 = 0.008; 3 000 / 600 000 = 0.005; 0 / 250 000 = 0.0
    np.testing.assert_allclose(
        agriculture.food_waste_composted_per_capita(composted, population), [0.008, 0.005, 0.0]
    )


def test_food_waste_composted_per_capita_spec() -> None:
    spec = SPECS["20.2"]
    assert spec.inputs == ("food_waste_composted", "population")
    assert spec.unit == "t / person"
    # The CSV hint is "unclear": diverting food waste to composting is taken as better.
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"


def test_food_waste_composted_per_capita_positive_population() -> None:
    (rule,) = SPECS["20.2"].constraints
    assert isinstance(rule, Positive)
    assert rule.variables == ("population",)
    cols = {"population": np.array([1_500_000.0, 0.0, -5.0])}
    np.testing.assert_array_equal(rule.invalid(cols), [False, False, True])
    np.testing.assert_array_equal(rule.undefined(cols), [False, True, False])
    assert rule.explain({"population": 0.0}, Status.UNDEFINED) == (
        "population is 0: a per-capita quantity is undefined"
    )
    assert rule.explain({"population": -5.0}, Status.INVALID) == (
        "population (-5) must be greater than 0"
    )


# --- 20.3 online food-supplier map coverage ----------------------------------------------


def test_online_food_supplier_map_coverage_value() -> None:
    mapped = np.array([150.0, 200.0, 0.0])
    land = np.array([200.0, 200.0, 50.0])
    # 100 * 150 / 200 = 75.0; 100 * 200 / 200 = 100.0; 100 * 0 / 50 = 0.0
    np.testing.assert_allclose(
        agriculture.online_food_supplier_map_coverage(mapped, land), [75.0, 100.0, 0.0]
    )


def test_online_food_supplier_map_coverage_spec() -> None:
    spec = SPECS["20.3"]
    assert spec.inputs == ("area_with_online_food_supplier_map", "land_area")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


def test_online_food_supplier_map_coverage_part_of_whole() -> None:
    (rule,) = SPECS["20.3"].constraints
    assert rule == PartOfWhole("area_with_online_food_supplier_map", "land_area")
    cols = {
        "area_with_online_food_supplier_map": np.array([175.77, 180.5, 0.0]),
        "land_area": np.array([175.77, 175.77, 0.0]),
    }
    # A map covering the whole city is valid; more than the city is not.
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"area_with_online_food_supplier_map": 180.5, "land_area": 175.77}
    assert rule.explain(row, Status.INVALID) == (
        "area_with_online_food_supplier_map (180.5) exceeds land_area (175.77)"
    )
    zero = {"area_with_online_food_supplier_map": 0.0, "land_area": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "land_area is 0: a share of nothing is undefined"
    )
