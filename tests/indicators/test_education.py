from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole, check_sole_positive
from hypothesis import given
from hypothesis import strategies as st

from iso37122 import compute_profile
from iso37122.engine import Status
from iso37122.indicators import education
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in education.SPECS}


# --- 6.1 --------------------------------------------------------------------------------------


def test_multilingual_proficiency_share_value() -> None:
    result = education.multilingual_proficiency_share(
        arr(180_000.0, 5_000.0), arr(1_200_000.0, 40_000.0)
    )
    # 100 * 180 000 / 1 200 000 = 15; 100 * 5 000 / 40 000 = 12.5
    np.testing.assert_allclose(result, [15.0, 12.5])


def test_multilingual_proficiency_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["6.1"],
        PartOfWhole("multilingual_proficient_population", "population"),
        within=(150.0, 1_000.0),
        exceeding=(1_001.0, 1_000.0),
        reason="multilingual_proficient_population (1001) exceeds population (1000)",
    )


# --- 6.2 --------------------------------------------------------------------------------------


def test_digital_learning_devices_per_1000_students_value() -> None:
    result = education.digital_learning_devices_per_1000_students(
        arr(6_000.0, 250.0), arr(40_000.0, 500.0)
    )
    # 1 000 * 6 000 / 40 000 = 150; 1 000 * 250 / 500 = 500
    np.testing.assert_allclose(result, [150.0, 500.0])


def test_digital_learning_devices_per_1000_students_students_must_be_positive() -> None:
    check_sole_positive(
        SPECS["6.2"],
        Positive("students", "a rate per 1 000 students is undefined"),
        valid=40_000.0,
        negative=-3.0,
        reason="students (-3) must be greater than 0",
    )


# Devices are a count, so whole numbers (which also keeps clear of subnormal floats, whose
# rounding is coarse).
@given(devices=st.integers(0, 1_000_000), students=st.floats(1.0, 1e6))
def test_digital_learning_devices_per_1000_students_is_linear_in_devices(
    devices: int, students: float
) -> None:
    once = education.digital_learning_devices_per_1000_students(arr(devices), arr(students))
    twice = education.digital_learning_devices_per_1000_students(arr(2.0 * devices), arr(students))
    np.testing.assert_allclose(twice, 2.0 * once)


# --- 6.3 --------------------------------------------------------------------------------------


def test_stem_degrees_per_100k_value() -> None:
    result = education.stem_degrees_per_100k(arr(36_000.0, 150.0), arr(1_200_000.0, 60_000.0))
    # 100 000 * 36 000 / 1 200 000 = 3 000; 100 000 * 150 / 60 000 = 250
    np.testing.assert_allclose(result, [3_000.0, 250.0])


def test_stem_degrees_per_100k_population_must_be_positive() -> None:
    # The population is a denominator and the whole of which stem_degree_holders is a part.
    assert SPECS["6.3"].constraints == (
        Positive("population", "a rate per 100 000 population is undefined"),
        PartOfWhole("stem_degree_holders", "population"),
    )
    profiles = compute_profile(
        [
            {"city": "a", "year": 2024, "stem_degree_holders": 10.0, "population": 1_200_000.0},
            {"city": "b", "year": 2024, "stem_degree_holders": 0.0, "population": 0.0},
            {"city": "c", "year": 2024, "stem_degree_holders": 11.0, "population": 10.0},
        ],
        indicators=["6.3"],
    )
    results = [profile["6.3"] for profile in profiles]
    assert [r.status for r in results] == [Status.COMPUTED, Status.UNDEFINED, Status.INVALID]
    assert results[1].reason == "population is 0: a rate per 100 000 population is undefined"
    assert results[2].reason == "stem_degree_holders (11) exceeds population (10)"
