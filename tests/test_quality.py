"""Data-quality flags: valid values that look wrong are warnings on the profile, not errors."""

from __future__ import annotations

import pandas as pd

from iso37122 import compute_profile
from iso37122.datasets import PILOT_AREAS_CSV
from iso37122.quality import quality_flags
from iso37122.testing import synthetic_frame

EXAMPLE = PILOT_AREAS_CSV


def _codes(data: object) -> list[tuple[int, str, str]]:
    profiles = compute_profile(data)  # type: ignore[call-overload]
    return [(f.row, f.variable, f.code) for f in profiles.warnings]


def test_population_outside_any_city() -> None:
    rows = [
        {"city": "a", "year": 2024, "population": 999},
        {"city": "b", "year": 2024, "population": 1000},
        {"city": "c", "year": 2024, "population": 50_000_001},
    ]
    assert _codes(rows) == [
        (0, "population", "population_small"),
        (2, "population", "population_large"),
    ]


def test_density_outside_any_city() -> None:
    # 1 000 000 persons on 10 km**2 = 100 000 per km**2 (> 60 000): land area given in ha?
    # 1 000 000 persons on 1 000 km**2 = 1 000 per km**2: plausible.
    rows = [
        {"city": "a", "year": 2024, "population": 1_000_000, "land_area": 10},
        {"city": "b", "year": 2024, "population": 1_000_000, "land_area": 1_000},
        {"city": "c", "year": 2024, "population": 1_000, "land_area": 100_000},
    ]
    flags = compute_profile(rows).warnings
    assert [(f.row, f.code) for f in flags] == [(0, "density"), (2, "density")]
    assert "km**2" in flags[0].message


def test_part_given_as_a_fraction_of_its_whole() -> None:
    record = {
        "city": "a",
        "year": 2024,
        "road_length": 2_400.0,
        "road_length_autonomous_ready": 0.4,
    }
    (flag,) = compute_profile(record).warnings
    assert (flag.variable, flag.value, flag.code) == (
        "road_length_autonomous_ready",
        0.4,
        "fraction",
    )
    assert "road_length is 2400" in flag.message


def test_tenfold_change_from_the_previous_year() -> None:
    # 2023 -> 2024: 500 -> 5 001 is 10.002-fold (flagged); 2024 -> 2025: 5 001 -> 5 000 is not.
    rows = [
        {"city": "a", "year": 2024, "population": 200_000, "service_contracts": 5_001},
        {"city": "a", "year": 2023, "population": 200_000, "service_contracts": 500},
        {"city": "a", "year": 2025, "population": 200_000, "service_contracts": 5_000},
        {"city": "b", "year": 2024, "population": 200_000, "service_contracts": 5},
    ]
    assert _codes(rows) == [(0, "service_contracts", "tenfold")]


def test_profile_warnings_are_its_own_rows() -> None:
    rows = [
        {"city": "a", "year": 2024, "population": 10},
        {"city": "b", "year": 2024, "population": 10_000},
    ]
    profiles = compute_profile(rows)
    assert [f.city for f in profiles[0].warnings] == ["a"]
    assert profiles[1].warnings == ()


def test_flags_do_not_change_results_and_clean_data_have_none() -> None:
    assert quality_flags(compute_profile(synthetic_frame(50, seed=3)).table) == ()
    example = pd.read_csv(EXAMPLE, dtype={"code": str})
    assert compute_profile(example).warnings == ()
    small = compute_profile(
        {"city": "a", "year": 2024, "population": 500, "population_with_fast_broadband": 250}
    )
    assert small["18.1"].value == 50.0  # 100 * 250 / 500
