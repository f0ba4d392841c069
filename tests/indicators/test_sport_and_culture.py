"""Tests of the sport and culture indicators (ISO 37122:2019, clause 17)."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import sport_and_culture
from iso37122.indicators._formulas import FloatArray
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

SPECS = {s.clause: s for s in sport_and_culture.SPECS}


def _a(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- values computed by hand ---------------------------------------------------------------


def test_cultural_facility_online_bookings_per_100k_value() -> None:
    result = sport_and_culture.cultural_facility_online_bookings_per_100k(
        _a(45_000.0, 1_200.0), _a(1_500_000.0, 80_000.0)
    )
    # 100 000 * 45 000 / 1 500 000 = 3 000; 100 000 * 1 200 / 80 000 = 1 500
    np.testing.assert_allclose(result, [3_000.0, 1_500.0])


def test_digitized_cultural_record_share_value() -> None:
    result = sport_and_culture.digitized_cultural_record_share(
        _a(1_200.0, 0.0, 350.0), _a(4_800.0, 90.0, 350.0)
    )
    # 100 * 1 200 / 4 800 = 25; 100 * 0 / 90 = 0; 100 * 350 / 350 = 100
    np.testing.assert_allclose(result, [25.0, 0.0, 100.0])


def test_library_titles_per_100k_value() -> None:
    result = sport_and_culture.library_titles_per_100k(
        _a(250_000.0, 9_000.0), _a(2_000_000.0, 300_000.0)
    )
    # 100 000 * 250 000 / 2 000 000 = 12 500; 100 000 * 9 000 / 300 000 = 3 000
    np.testing.assert_allclose(result, [12_500.0, 3_000.0])


def test_active_library_user_share_value() -> None:
    result = sport_and_culture.active_library_user_share(
        _a(90_000.0, 2_500.0), _a(1_200_000.0, 40_000.0)
    )
    # 100 * 90 000 / 1 200 000 = 7.5; 100 * 2 500 / 40 000 = 6.25
    np.testing.assert_allclose(result, [7.5, 6.25])


def test_functions_broadcast_a_scalar_denominator() -> None:
    result = sport_and_culture.library_titles_per_100k(_a(1_000.0, 2_000.0), _a(500_000.0))
    # 100 000 * 1 000 / 500 000 = 200; 100 000 * 2 000 / 500 000 = 400
    np.testing.assert_allclose(result, [200.0, 400.0])


# --- declared constraints ------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["17.1", "17.3"])
def test_population_must_be_positive(clause: str) -> None:
    spec = SPECS[clause]
    assert len(spec.constraints) == 1
    rule = spec.constraints[0]
    assert isinstance(rule, Positive)
    assert rule.variable == "population"
    cols = {"population": _a(100_000.0, 0.0, -5.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert rule.explain({"population": -5.0}, Status.INVALID) == (
        "population (-5) must be greater than 0"
    )
    assert rule.explain({"population": 0.0}, Status.UNDEFINED) == (
        "population is 0: a rate per 100 000 population is undefined"
    )


@pytest.mark.parametrize(
    ("clause", "part", "whole"),
    [
        ("17.2", "cultural_records_digitized", "cultural_records"),
        ("17.4", "active_library_users", "population"),
    ],
)
def test_part_cannot_exceed_whole(clause: str, part: str, whole: str) -> None:
    spec = SPECS[clause]
    assert len(spec.constraints) == 1
    rule = spec.constraints[0]
    assert isinstance(rule, PartOfWhole)
    assert rule.variables == (part, whole)
    cols = {part: _a(40.0, 120.0, 0.0, 100.0), whole: _a(100.0, 100.0, 0.0, 100.0)}
    assert rule.invalid(cols).tolist() == [False, True, False, False]
    assert rule.undefined(cols).tolist() == [False, False, True, False]
    assert rule.explain({part: 120.0, whole: 100.0}, Status.INVALID) == (
        f"{part} (120) exceeds {whole} (100)"
    )
    assert rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED) == (
        f"{whole} is 0: a share of nothing is undefined"
    )


# --- specs ---------------------------------------------------------------------------------


def test_clauses_and_theme() -> None:
    assert list(SPECS) == ["17.1", "17.2", "17.3", "17.4"]
    assert all(s.theme is Theme.SPORT_AND_CULTURE for s in SPECS.values())


def test_all_lists_every_function_and_is_sorted() -> None:
    names = [s.name for s in SPECS.values()]
    assert sorted(sport_and_culture.__all__) == sport_and_culture.__all__
    assert set(sport_and_culture.__all__) == {"SPECS", *names}


@pytest.mark.parametrize("spec", sport_and_culture.SPECS, ids=lambda s: s.clause)
def test_spec_wiring(spec: Indicator) -> None:
    assert spec.func.__name__ == spec.name
    assert spec.inputs == tuple(inspect.signature(spec.func).parameters)
    assert all(name in VARIABLES for name in spec.inputs)
    parse_unit(spec.unit)
    assert f"clause {spec.clause}." in (spec.func.__doc__ or "")
    assert spec.definition_source.title_id_origin == "own_translation"
    constrained = {v for c in spec.constraints for v in c.variables}
    assert constrained <= set(spec.inputs)


@pytest.mark.parametrize("spec", sport_and_culture.SPECS, ids=lambda s: s.clause)
def test_unit_is_the_formula_unit(spec: Indicator) -> None:
    # f(1, 1) in the spec's unit must equal one numerator unit per denominator unit
    numerator, denominator = (parse_unit(VARIABLES[v].unit) for v in spec.inputs)
    value = Quantity(float(spec.func(1.0, 1.0)), spec.unit)
    assert value.to(numerator / denominator).magnitude == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("clause", "inputs", "unit"),
    [
        (
            "17.1",
            ("cultural_facility_online_bookings", "population"),
            "1 / hundred_thousand_people",
        ),
        ("17.2", ("cultural_records_digitized", "cultural_records"), "percent"),
        ("17.3", ("public_library_titles", "population"), "1 / hundred_thousand_people"),
        ("17.4", ("active_library_users", "population"), "percent"),
    ],
)
def test_inputs_and_unit(clause: str, inputs: tuple[str, ...], unit: str) -> None:
    spec = SPECS[clause]
    assert spec.inputs == inputs
    assert spec.unit == unit
    assert spec.direction is Direction.HIGHER_IS_BETTER


@pytest.mark.parametrize("clause", ["17.3", "17.4"])
def test_inferred_formulas_say_so(clause: str) -> None:
    source = SPECS[clause].definition_source
    assert source.formula == "inferred"
    assert source.confidence == "low"
    assert source.note == "Formula inferred from the title; not read in any source."
    assert "Formula inferred from the title" in (SPECS[clause].func.__doc__ or "")


@pytest.mark.parametrize(("clause", "confidence"), [("17.1", "high"), ("17.2", "med-high")])
def test_read_formulas(clause: str, confidence: str) -> None:
    source = SPECS[clause].definition_source
    assert source.formula == "read"
    assert source.confidence == confidence
    assert source.reference.startswith("K-")


# --- properties ----------------------------------------------------------------------------

_counts = st.floats(min_value=0.0, max_value=1e9, allow_subnormal=False)
_factors = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)


@given(part=_counts, extra=_counts, factor=_factors)
def test_shares_are_bounded_and_scale_invariant(part: float, extra: float, factor: float) -> None:
    whole = part + extra + 1.0
    for func in (
        sport_and_culture.digitized_cultural_record_share,
        sport_and_culture.active_library_user_share,
    ):
        value = func(_a(part), _a(whole))
        assert 0.0 <= value[0] <= 100.0
        np.testing.assert_allclose(func(_a(part * factor), _a(whole * factor)), value)


@given(count=_counts, population=st.floats(min_value=1.0, max_value=1e9), factor=_factors)
def test_rates_scale_with_the_count(count: float, population: float, factor: float) -> None:
    for func in (
        sport_and_culture.cultural_facility_online_bookings_per_100k,
        sport_and_culture.library_titles_per_100k,
    ):
        np.testing.assert_allclose(
            func(_a(count * factor), _a(population)), factor * func(_a(count), _a(population))
        )
        # a city of exactly 100 000 people: the rate is the count itself
        np.testing.assert_allclose(func(_a(count), _a(100_000.0)), [count])
