from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import health
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Positive, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in health.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_11_1_to_11_3_in_order() -> None:
    assert [s.clause for s in health.SPECS] == ["11.1", "11.2", "11.3"]
    assert all(s.theme is Theme.HEALTH for s in health.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert health.__all__ == sorted(health.__all__)
    assert set(health.__all__) == {"SPECS", *(s.name for s in health.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in health.SPECS:
        assert spec.func is getattr(health, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 11.1 -------------------------------------------------------------------------------------


def test_online_health_file_coverage_value() -> None:
    result = health.online_health_file_coverage(
        _arr(300_000.0, 1_482_354.0), _arr(1_200_000.0, 1_482_354.0)
    )
    # 100 * 300 000 / 1 200 000 = 25; 100 * 1 482 354 / 1 482 354 = 100
    np.testing.assert_allclose(result, [25.0, 100.0])


def test_online_health_file_coverage_part_of_whole() -> None:
    (rule,) = SPECS["11.1"].constraints
    assert rule == PartOfWhole("population_with_online_health_file", "population")
    cols = {
        "population_with_online_health_file": _arr(300_000.0, 1_300_000.0, 0.0),
        "population": _arr(1_200_000.0, 1_200_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"population_with_online_health_file": 1_300_000.0, "population": 1_200_000.0},
            Status.INVALID,
        )
        == "population_with_online_health_file (1300000) exceeds population (1200000)"
    )
    assert (
        rule.explain(
            {"population_with_online_health_file": 0.0, "population": 0.0}, Status.UNDEFINED
        )
        == "population is 0: a share of nothing is undefined"
    )


def test_online_health_file_coverage_spec() -> None:
    spec = SPECS["11.1"]
    assert spec.inputs == ("population_with_online_health_file", "population")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert (spec.definition_source.confidence, spec.definition_source.formula) == (
        "high",
        "read",
    )


# --- 11.2 -------------------------------------------------------------------------------------


def test_remote_medical_appointments_per_100k_value() -> None:
    result = health.remote_medical_appointments_per_100k(
        _arr(18_000.0, 0.0, 250.0), _arr(1_500_000.0, 400_000.0, 50_000.0)
    )
    # 100 000 * 18 000 / 1 500 000 = 1 200; 0; 100 000 * 250 / 50 000 = 500
    np.testing.assert_allclose(result, [1_200.0, 0.0, 500.0])


def test_remote_medical_appointments_per_100k_population_must_be_positive() -> None:
    (rule,) = SPECS["11.2"].constraints
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    cols = {"population": _arr(1_500_000.0, 0.0, -10.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"population": 0.0}, Status.UNDEFINED)
        == "population is 0: a rate per 100 000 population is undefined"
    )
    assert (
        rule.explain({"population": -10.0}, Status.INVALID)
        == "population (-10) must be greater than 0"
    )


def test_remote_medical_appointments_per_100k_spec() -> None:
    spec = SPECS["11.2"]
    assert spec.inputs == ("remote_medical_appointments", "population")
    # A plain count (appointments) per 100 000 people; "annual" stays in the title.
    assert spec.unit == "1 / hundred_thousand_people"
    assert "Annual" in spec.title
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


@given(st.integers(0, 10**7), st.integers(1, 10**8))
def test_remote_medical_appointments_per_100k_matches_the_unit(
    appointments: int, population: int
) -> None:
    # The value times 1 / hundred_thousand_people is the count per person.
    value = health.remote_medical_appointments_per_100k(_arr(appointments), _arr(population))
    per_person = float((value[0] * parse_unit(SPECS["11.2"].unit)).to("1 / person").magnitude)
    np.testing.assert_allclose(per_person, appointments / population, rtol=1e-12)


# --- 11.3 -------------------------------------------------------------------------------------


def test_environmental_alert_coverage_value() -> None:
    result = health.environmental_alert_coverage(
        _arr(900_000.0, 12_500.0), _arr(1_200_000.0, 250_000.0)
    )
    # 100 * 900 000 / 1 200 000 = 75; 100 * 12 500 / 250 000 = 5
    np.testing.assert_allclose(result, [75.0, 5.0])


def test_environmental_alert_coverage_part_of_whole() -> None:
    (rule,) = SPECS["11.3"].constraints
    assert rule == PartOfWhole("population_with_environmental_alerts", "population")
    cols = {
        "population_with_environmental_alerts": _arr(900_000.0, 1_200_001.0, 0.0),
        "population": _arr(1_200_000.0, 1_200_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"population_with_environmental_alerts": 1_200_001.0, "population": 1_200_000.0},
            Status.INVALID,
        )
        == "population_with_environmental_alerts (1200001) exceeds population (1200000)"
    )
    assert (
        rule.explain(
            {"population_with_environmental_alerts": 0.0, "population": 0.0}, Status.UNDEFINED
        )
        == "population is 0: a share of nothing is undefined"
    )


def test_environmental_alert_coverage_spec() -> None:
    spec = SPECS["11.3"]
    assert spec.inputs == ("population_with_environmental_alerts", "population")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["11.1", "11.3"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e8), scale=st.floats(0.1, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
