"""Tests of the sport and culture indicators (ISO 37122:2019, clause 17)."""

from __future__ import annotations

import numpy as np
import pytest
from _helpers import arr, check_sole_part_of_whole, check_sole_positive

from iso37122.indicators import sport_and_culture
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in sport_and_culture.SPECS}


# --- values computed by hand ---------------------------------------------------------------


def test_cultural_facility_online_bookings_per_100k_value() -> None:
    result = sport_and_culture.cultural_facility_online_bookings_per_100k(
        arr(45_000.0, 1_200.0), arr(1_500_000.0, 80_000.0)
    )
    # 100 000 * 45 000 / 1 500 000 = 3 000; 100 000 * 1 200 / 80 000 = 1 500
    np.testing.assert_allclose(result, [3_000.0, 1_500.0])


def test_digitized_cultural_record_share_value() -> None:
    result = sport_and_culture.digitized_cultural_record_share(
        arr(1_200.0, 0.0, 350.0), arr(4_800.0, 90.0, 350.0)
    )
    # 100 * 1 200 / 4 800 = 25; 100 * 0 / 90 = 0; 100 * 350 / 350 = 100
    np.testing.assert_allclose(result, [25.0, 0.0, 100.0])


def test_library_titles_per_100k_value() -> None:
    result = sport_and_culture.library_titles_per_100k(
        arr(250_000.0, 9_000.0), arr(2_000_000.0, 300_000.0)
    )
    # 100 000 * 250 000 / 2 000 000 = 12 500; 100 000 * 9 000 / 300 000 = 3 000
    np.testing.assert_allclose(result, [12_500.0, 3_000.0])


def test_active_library_user_share_value() -> None:
    result = sport_and_culture.active_library_user_share(
        arr(90_000.0, 2_500.0), arr(1_200_000.0, 40_000.0)
    )
    # 100 * 90 000 / 1 200 000 = 7.5; 100 * 2 500 / 40 000 = 6.25
    np.testing.assert_allclose(result, [7.5, 6.25])


def test_functions_broadcast_a_scalar_denominator() -> None:
    result = sport_and_culture.library_titles_per_100k(arr(1_000.0, 2_000.0), arr(500_000.0))
    # 100 000 * 1 000 / 500 000 = 200; 100 000 * 2 000 / 500 000 = 400
    np.testing.assert_allclose(result, [200.0, 400.0])


# --- declared constraints ------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["17.1", "17.3"])
def test_population_must_be_positive(clause: str) -> None:
    check_sole_positive(
        SPECS[clause],
        Positive("population", "a rate per 100 000 population is undefined"),
        valid=100_000.0,
        negative=-5.0,
        reason="population (-5) must be greater than 0",
    )


@pytest.mark.parametrize(
    ("clause", "part", "whole"),
    [
        ("17.2", "cultural_records_digitized", "cultural_records"),
        ("17.4", "active_library_users", "population"),
    ],
)
def test_part_cannot_exceed_whole(clause: str, part: str, whole: str) -> None:
    check_sole_part_of_whole(
        SPECS[clause],
        PartOfWhole(part, whole),
        within=(40.0, 100.0),
        exceeding=(120.0, 100.0),
        reason=f"{part} (120) exceeds {whole} (100)",
    )


# --- specs ---------------------------------------------------------------------------------
