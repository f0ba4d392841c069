from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import education
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Positive, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit

SPECS = {s.clause: s for s in education.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


def test_module_lists_clauses_6_1_to_6_3_in_order() -> None:
    assert [s.clause for s in education.SPECS] == ["6.1", "6.2", "6.3"]
    assert all(s.theme is Theme.EDUCATION for s in education.SPECS)


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in education.SPECS:
        assert spec.func.__name__ == spec.name
        assert spec.name in education.__all__
        assert spec.direction is Direction.HIGHER_IS_BETTER
        parse_unit(spec.unit)


def test_all_is_sorted() -> None:
    assert education.__all__ == sorted(education.__all__)


# --- 6.1 --------------------------------------------------------------------------------------


def test_multilingual_proficiency_share_value() -> None:
    result = education.multilingual_proficiency_share(
        _arr(180_000.0, 5_000.0), _arr(1_200_000.0, 40_000.0)
    )
    # 100 * 180 000 / 1 200 000 = 15; 100 * 5 000 / 40 000 = 12.5
    np.testing.assert_allclose(result, [15.0, 12.5])


def test_multilingual_proficiency_share_part_of_whole() -> None:
    (rule,) = SPECS["6.1"].constraints
    assert rule == PartOfWhole("multilingual_proficient_population", "population")
    cols = {
        "multilingual_proficient_population": _arr(150.0, 1_001.0, 0.0),
        "population": _arr(1_000.0, 1_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"multilingual_proficient_population": 1_001.0, "population": 1_000.0},
            Status.INVALID,
        )
        == "multilingual_proficient_population (1001) exceeds population (1000)"
    )
    assert (
        rule.explain(
            {"multilingual_proficient_population": 0.0, "population": 0.0}, Status.UNDEFINED
        )
        == "population is 0: a share of nothing is undefined"
    )


def test_multilingual_proficiency_share_spec() -> None:
    spec = SPECS["6.1"]
    assert spec.inputs == ("multilingual_proficient_population", "population")
    assert spec.unit == "percent"
    assert spec.definition_source.confidence == "medium"
    assert spec.definition_source.formula == "read"


@given(fraction=st.floats(0.0, 1.0), population=st.floats(1.0, 1e7))
def test_multilingual_proficiency_share_is_bounded(fraction: float, population: float) -> None:
    value = education.multilingual_proficiency_share(_arr(population * fraction), _arr(population))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)


# --- 6.2 --------------------------------------------------------------------------------------


def test_digital_learning_devices_per_1000_students_value() -> None:
    result = education.digital_learning_devices_per_1000_students(
        _arr(6_000.0, 250.0), _arr(40_000.0, 500.0)
    )
    # 1 000 * 6 000 / 40 000 = 150; 1 000 * 250 / 500 = 500
    np.testing.assert_allclose(result, [150.0, 500.0])


def test_digital_learning_devices_per_1000_students_students_must_be_positive() -> None:
    (rule,) = SPECS["6.2"].constraints
    assert rule == Positive("students", "a rate per 1 000 students is undefined")
    cols = {"students": _arr(40_000.0, 0.0, -3.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"students": 0.0}, Status.UNDEFINED)
        == "students is 0: a rate per 1 000 students is undefined"
    )
    assert (
        rule.explain({"students": -3.0}, Status.INVALID) == "students (-3) must be greater than 0"
    )


def test_digital_learning_devices_per_1000_students_spec() -> None:
    spec = SPECS["6.2"]
    assert spec.inputs == ("digital_learning_devices", "students")
    assert spec.unit == "device / thousand_people"
    assert spec.definition_source.formula == "read"


@given(devices=st.floats(0.0, 1e6), students=st.floats(1.0, 1e6))
def test_digital_learning_devices_per_1000_students_is_linear_in_devices(
    devices: float, students: float
) -> None:
    once = education.digital_learning_devices_per_1000_students(_arr(devices), _arr(students))
    twice = education.digital_learning_devices_per_1000_students(
        _arr(2.0 * devices), _arr(students)
    )
    np.testing.assert_allclose(twice, 2.0 * once)


# --- 6.3 --------------------------------------------------------------------------------------


def test_stem_degrees_per_100k_value() -> None:
    result = education.stem_degrees_per_100k(_arr(36_000.0, 150.0), _arr(1_200_000.0, 60_000.0))
    # 100 000 * 36 000 / 1 200 000 = 3 000; 100 000 * 150 / 60 000 = 250
    np.testing.assert_allclose(result, [3_000.0, 250.0])


def test_stem_degrees_per_100k_population_must_be_positive() -> None:
    (rule,) = SPECS["6.3"].constraints
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    cols = {"population": _arr(1_200_000.0, 0.0, -1.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"population": 0.0}, Status.UNDEFINED)
        == "population is 0: a rate per 100 000 population is undefined"
    )
    assert (
        rule.explain({"population": -1.0}, Status.INVALID)
        == "population (-1) must be greater than 0"
    )


def test_stem_degrees_per_100k_spec() -> None:
    spec = SPECS["6.3"]
    assert spec.inputs == ("stem_degree_holders", "population")
    assert spec.unit == "person / hundred_thousand_people"
    assert spec.definition_source.formula == "read"
