"""Tests of the urban planning indicators (clause 21)."""

from __future__ import annotations

import numpy as np
from _helpers import check_sole_part_of_whole, check_sole_positive

from iso37122 import compute_profile
from iso37122.engine import Status
from iso37122.indicators import urban_planning
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in urban_planning.SPECS}


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


def test_citizens_engaged_in_planning_per_100k_positive_population() -> None:
    # The population is a denominator and the whole of which citizens_engaged_in_planning is a part.
    assert SPECS["21.1"].constraints == (
        Positive("population", "a rate per 100 000 population is undefined"),
        PartOfWhole("citizens_engaged_in_planning", "population"),
    )
    profiles = compute_profile(
        [
            {
                "city": "a",
                "year": 2024,
                "citizens_engaged_in_planning": 10.0,
                "population": 1_500_000.0,
            },
            {"city": "b", "year": 2024, "citizens_engaged_in_planning": 0.0, "population": 0.0},
            {"city": "c", "year": 2024, "citizens_engaged_in_planning": 11.0, "population": 10.0},
        ],
        indicators=["21.1"],
    )
    results = [profile["21.1"] for profile in profiles]
    assert [r.status for r in results] == [Status.COMPUTED, Status.UNDEFINED, Status.INVALID]
    assert results[1].reason == "population is 0: a rate per 100 000 population is undefined"
    assert results[2].reason == "citizens_engaged_in_planning (11) exceeds population (10)"


# --- 21.2 electronic building permit share -----------------------------------------------


def test_electronic_building_permit_share_value() -> None:
    electronic = np.array([900.0, 0.0, 250.0])
    applications = np.array([1_200.0, 300.0, 250.0])
    # 100 * 900 / 1 200 = 75.0; 100 * 0 / 300 = 0.0; 100 * 250 / 250 = 100.0
    np.testing.assert_allclose(
        urban_planning.electronic_building_permit_share(electronic, applications),
        [75.0, 0.0, 100.0],
    )


def test_electronic_building_permit_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["21.2"],
        PartOfWhole("building_permit_applications_electronic", "building_permit_applications"),
        within=(900.0, 1_200.0),
        exceeding=(1_300.0, 1_200.0),
        reason=(
            "building_permit_applications_electronic (1300) exceeds "
            "building_permit_applications (1200)"
        ),
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


def test_building_permit_approval_days_positive_permits() -> None:
    check_sole_positive(
        SPECS["21.3"],
        Positive(
            "building_permits_approved",
            "no building permit was approved, so there is no average approval time",
        ),
        valid=400.0,
        negative=-3.0,
        reason="building_permits_approved (-3) must be greater than 0",
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


def test_medium_high_density_population_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["21.4"],
        PartOfWhole("population_in_medium_high_density", "population"),
        within=(600_000.0, 1_500_000.0),
        exceeding=(1_600_000.0, 1_500_000.0),
        reason="population_in_medium_high_density (1600000) exceeds population (1500000)",
    )
