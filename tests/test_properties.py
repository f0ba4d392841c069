"""Property tests over the whole registry, through the checked entry point."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iso37122 as iso
from iso37122._typing import FloatArray
from iso37122.data import Table, table_from_frame
from iso37122.engine import Status, evaluate
from iso37122.indicators import Indicator, PartOfWhole
from iso37122.testing import synthetic_frame
from iso37122.units import conversion_factor

ALL = list(iso.catalogue().values())
IDS = [spec.clause for spec in ALL]
PERCENT = [spec for spec in ALL if spec.unit == "percent"]
COMPUTED = Status.COMPUTED.code

# 5.2 divides a survival *rate* by the population, so it is not homogeneous of degree 0.
NOT_SCALE_FREE = {"5.2"}

# Another unit of the same dimension, a factor other than 1 away, for every canonical unit in use.
ALTERNATIVE_UNIT = {
    "person": "hundred_thousand_people",
    "household": "kilohousehold",
    "building": "kilobuilding",
    "vehicle": "kilovehicle",
    "device": "kilodevice",
    "count": "kilocount",
    "km**2": "ha",
    "km": "m",
    "m**2": "ha",
    "m**3": "L",
    "GJ": "MWh",
    "t": "kg",
    "rupiah": "juta_rupiah",
    "day": "hour",
    "hour": "minute",
}


def _numerator(spec: Indicator) -> tuple[str, ...]:
    for constraint in spec.constraints:
        if isinstance(constraint, PartOfWhole):
            return constraint.parts
    return (spec.inputs[0],)


def _evaluate(frame: pd.DataFrame, spec: Indicator) -> tuple[np.ndarray, np.ndarray]:
    results = evaluate(table_from_frame(frame), [spec])
    return results.values[0], results.status[0]


def _evaluate_formula(frame: pd.DataFrame, spec: Indicator) -> tuple[np.ndarray, np.ndarray]:
    """Evaluate without input validation: scaled counts need not be whole numbers here."""
    table = Table(
        city=frame["city"].to_numpy(dtype=object),
        year=frame["year"].to_numpy(dtype=np.int64),
        code=np.full(len(frame), None, dtype=object),
        columns={v: frame[v].to_numpy(dtype=float) for v in spec.inputs},
    )
    results = evaluate(table, [spec])
    return results.values[0], results.status[0]


def _identity(n: int) -> dict[str, object]:
    return {"city": [f"c{i}" for i in range(n)], "year": [2024] * n}


@pytest.mark.parametrize("spec", PERCENT, ids=[s.clause for s in PERCENT])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_percentages_stay_in_range_whenever_constraints_hold(
    spec: Indicator, data: st.DataObject
) -> None:
    values = {
        v: data.draw(st.lists(st.floats(0, 1e9), min_size=8, max_size=8), label=v)
        for v in spec.inputs
    }
    value, status = _evaluate_formula(pd.DataFrame(_identity(8) | values), spec)
    computed = value[status == COMPUTED]
    assert ((computed >= 0) & (computed <= 100)).all()


@pytest.mark.parametrize("spec", [s for s in ALL if s.clause not in NOT_SCALE_FREE], ids=str)
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), factor=st.floats(1e-3, 1e3))
def test_rates_are_invariant_when_count_and_base_scale_together(
    spec: Indicator, seed: int, factor: float
) -> None:
    frame = synthetic_frame(4, seed=seed)
    scaled = frame.copy()
    scaled[list(spec.inputs)] = scaled[list(spec.inputs)] * factor
    base, _ = _evaluate_formula(frame, spec)
    after, status = _evaluate_formula(scaled, spec)
    assert (status == COMPUTED).all()
    np.testing.assert_allclose(after, base, rtol=1e-9)


@pytest.mark.parametrize("spec", ALL, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), step=st.floats(0.0, 1.0))
def test_monotone_in_the_numerator(spec: Indicator, seed: int, step: float) -> None:
    frame = synthetic_frame(4, seed=seed)
    numerator = _numerator(spec)
    lower = frame.copy()
    lower[list(numerator)] = lower[list(numerator)] * 0.5
    higher = lower.copy()
    # Raise the numerator by part of what is left below the (unchanged) whole: still valid.
    higher[list(numerator)] = lower[list(numerator)] * (1.0 + step * 0.9)
    low, low_status = _evaluate_formula(lower, spec)
    high, high_status = _evaluate_formula(higher, spec)
    assert (low_status == COMPUTED).all()
    assert (high_status == COMPUTED).all()
    assert (high >= low).all()


@pytest.mark.parametrize("spec", ALL, ids=IDS)
def test_same_quantity_in_another_unit_gives_the_same_value(spec: Indicator) -> None:
    frame = synthetic_frame(6, seed=5)
    renamed = frame[["city", "year", "code"]].copy()
    given: dict[str, FloatArray] = {}
    # Every other input (the first, the third ...) is given in another unit, the rest in the
    # canonical unit, so that the inputs are not all scaled alike.
    for position, variable in enumerate(spec.inputs):
        canonical = iso.variables()[variable].unit
        other = canonical if position % 2 else ALTERNATIVE_UNIT[canonical]
        given[variable] = frame[variable].to_numpy(dtype=float)
        given[variable] = given[variable] / conversion_factor(other, canonical, variable=variable)
        renamed[f"{variable} [{other}]"] = given[variable]
    base, _ = _evaluate(frame[["city", "year", "code", *spec.inputs]], spec)
    # The numbers as given, their units ignored, give another value: the test would see a
    # conversion that were skipped or applied to the wrong column.
    assert not np.isclose(spec.func(**given), base, rtol=1e-6).any()
    converted, status = _evaluate(renamed, spec)
    assert (status == COMPUTED).all()
    np.testing.assert_allclose(converted, base, rtol=1e-9)


def test_every_canonical_unit_has_an_alternative_a_factor_other_than_1_away() -> None:
    assert {v.unit for v in iso.variables().values()} <= set(ALTERNATIVE_UNIT)
    for canonical, other in ALTERNATIVE_UNIT.items():
        assert conversion_factor(other, canonical, variable="x") != 1.0, other
