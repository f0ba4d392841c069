"""Tests of the urban planning indicators (clause 21)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import urban_planning
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

SPECS = {s.clause: s for s in urban_planning.SPECS}
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


def test_module_lists_clauses_21_1_to_21_4() -> None:
    assert list(SPECS) == ["21.1", "21.2", "21.3", "21.4"]
    assert all(s.theme is Theme.URBAN_PLANNING for s in SPECS.values())


def test_all_is_sorted_and_lists_specs_and_functions() -> None:
    assert urban_planning.__all__ == sorted(urban_planning.__all__)
    assert set(urban_planning.__all__) == {"SPECS"} | {s.name for s in SPECS.values()}


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


# --- 21.1 citizens engaged in planning per 100 000 ---------------------------------------


def test_citizens_engaged_in_planning_per_100k_value() -> None:
    engaged = np.array([4_500.0, 120.0, 0.0])
    population = np.array([1_500_000.0, 40_000.0, 800_000.0])
    # 100 000 * 4 500 / 1 500 000 = 300.0; 100 000 * 120 / 40 000 = 300.0 (scale-free);
    # 100 000 * 0 / 800 000 = 0.0
    np.testing.assert_allclose(
        urban_planning.citizens_engaged_in_planning_per_100k(engaged, population),
        [300.0, 300.0, 0.0],
    )


def test_citizens_engaged_in_planning_per_100k_spec() -> None:
    spec = SPECS["21.1"]
    assert spec.inputs == ("citizens_engaged_in_planning", "population")
    assert spec.unit == "person / hundred_thousand_people"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "medium"


def test_citizens_engaged_in_planning_per_100k_positive_population() -> None:
    (rule,) = SPECS["21.1"].constraints
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    cols = {"population": np.array([1_500_000.0, 0.0, -1.0])}
    np.testing.assert_array_equal(rule.invalid(cols), [False, False, True])
    np.testing.assert_array_equal(rule.undefined(cols), [False, True, False])
    assert rule.explain({"population": 0.0}, Status.UNDEFINED) == (
        "population is 0: a rate per 100 000 population is undefined"
    )
    assert rule.explain({"population": -1.0}, Status.INVALID) == (
        "population (-1) must be greater than 0"
    )


# --- 21.2 electronic building permit share -----------------------------------------------


def test_electronic_building_permit_share_value() -> None:
    electronic = np.array([900.0, 0.0, 250.0])
    applications = np.array([1_200.0, 300.0, 250.0])
    # 100 * 900 / 1 200 = 75.0; 100 * 0 / 300 = 0.0; 100 * 250 / 250 = 100.0
    np.testing.assert_allclose(
        urban_planning.electronic_building_permit_share(electronic, applications),
        [75.0, 0.0, 100.0],
    )


def test_electronic_building_permit_share_spec() -> None:
    spec = SPECS["21.2"]
    assert spec.inputs == (
        "building_permit_applications_electronic",
        "building_permit_applications",
    )
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"


def test_electronic_building_permit_share_part_of_whole() -> None:
    (rule,) = SPECS["21.2"].constraints
    assert rule == PartOfWhole(
        "building_permit_applications_electronic", "building_permit_applications"
    )
    cols = {
        "building_permit_applications_electronic": np.array([900.0, 1_300.0, 0.0]),
        "building_permit_applications": np.array([1_200.0, 1_200.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {
        "building_permit_applications_electronic": 1_300.0,
        "building_permit_applications": 1_200.0,
    }
    assert rule.explain(row, Status.INVALID) == (
        "building_permit_applications_electronic (1300) exceeds building_permit_applications (1200)"
    )
    zero = {"building_permit_applications_electronic": 0.0, "building_permit_applications": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "building_permit_applications is 0: a share of nothing is undefined"
    )


# --- 21.3 average building permit approval time ------------------------------------------


def test_building_permit_approval_days_value() -> None:
    total_days = np.array([6_000.0, 90.0, 0.0])
    approved = np.array([400.0, 12.0, 5.0])
    # 6 000 / 400 = 15.0; 90 / 12 = 7.5; 0 / 5 = 0.0 (same-day approvals)
    np.testing.assert_allclose(
        urban_planning.building_permit_approval_days(total_days, approved), [15.0, 7.5, 0.0]
    )


def test_building_permit_approval_days_aggregates_districts_as_a_weighted_mean() -> None:
    # Two districts: 1 000 days over 100 permits (10 d) and 600 days over 20 permits (30 d).
    # The city-wide mean is (1 000 + 600) / (100 + 20) = 13.33…, not (10 + 30) / 2 = 20.
    city = urban_planning.building_permit_approval_days(np.array([1_600.0]), np.array([120.0]))
    np.testing.assert_allclose(city, [1_600.0 / 120.0])


def test_building_permit_approval_days_spec() -> None:
    spec = SPECS["21.3"]
    assert spec.inputs == ("building_permit_approval_time", "building_permits_approved")
    assert spec.unit == "day"
    assert spec.direction is Direction.LOWER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_building_permit_approval_days_positive_permits() -> None:
    (rule,) = SPECS["21.3"].constraints
    assert isinstance(rule, Positive)
    assert rule.variables == ("building_permits_approved",)
    cols = {"building_permits_approved": np.array([400.0, 0.0, -3.0])}
    np.testing.assert_array_equal(rule.invalid(cols), [False, False, True])
    np.testing.assert_array_equal(rule.undefined(cols), [False, True, False])
    assert rule.explain({"building_permits_approved": 0.0}, Status.UNDEFINED) == (
        "building_permits_approved is 0: no building permit was approved, so there is no "
        "average approval time"
    )
    assert rule.explain({"building_permits_approved": -3.0}, Status.INVALID) == (
        "building_permits_approved (-3) must be greater than 0"
    )


# --- 21.4 population at medium-to-high density -------------------------------------------


def test_medium_high_density_population_share_value() -> None:
    dense = np.array([600_000.0, 0.0, 2_000_000.0])
    population = np.array([1_500_000.0, 90_000.0, 2_000_000.0])
    # 100 * 600 000 / 1 500 000 = 40.0; 100 * 0 / 90 000 = 0.0; 100 * 2e6 / 2e6 = 100.0
    np.testing.assert_allclose(
        urban_planning.medium_high_density_population_share(dense, population),
        [40.0, 0.0, 100.0],
    )


def test_medium_high_density_population_share_spec() -> None:
    spec = SPECS["21.4"]
    assert spec.inputs == ("population_in_medium_high_density", "population")
    assert spec.unit == "percent"
    # The CSV hint is "unclear": the standard sets no target for density.
    assert spec.direction is Direction.NEUTRAL
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "high"


def test_medium_high_density_population_share_part_of_whole() -> None:
    (rule,) = SPECS["21.4"].constraints
    assert rule == PartOfWhole("population_in_medium_high_density", "population")
    cols = {
        "population_in_medium_high_density": np.array([600_000.0, 1_600_000.0, 0.0]),
        "population": np.array([1_500_000.0, 1_500_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"population_in_medium_high_density": 1_600_000.0, "population": 1_500_000.0}
    assert rule.explain(row, Status.INVALID) == (
        "population_in_medium_high_density (1600000) exceeds population (1500000)"
    )
    zero = {"population_in_medium_high_density": 0.0, "population": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "population is 0: a share of nothing is undefined"
    )
