from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole, check_sole_positive

from iso37122.indicators import governance
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in governance.SPECS}


# --- 10.1 -------------------------------------------------------------------------------------


def test_open_data_portal_visits_per_100k_value() -> None:
    result = governance.open_data_portal_visits_per_100k(
        arr(45_000.0, 1_000.0), arr(1_500_000.0, 400_000.0)
    )
    # 100 000 * 45 000 / 1 500 000 = 3 000; 100 000 * 1 000 / 400 000 = 250
    np.testing.assert_allclose(result, [3_000.0, 250.0])


def test_open_data_portal_visits_per_100k_population_must_be_positive() -> None:
    check_sole_positive(
        SPECS["10.1"],
        Positive("population", "a rate per 100 000 population is undefined"),
        valid=1_000.0,
        negative=-5.0,
        reason="population (-5) must be greater than 0",
    )


# --- 10.2 -------------------------------------------------------------------------------------


def test_online_city_services_share_value() -> None:
    result = governance.online_city_services_share(arr(54.0, 10.0), arr(72.0, 40.0))
    # 100 * 54 / 72 = 75; 100 * 10 / 40 = 25
    np.testing.assert_allclose(result, [75.0, 25.0])


def test_online_city_services_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["10.2"],
        PartOfWhole("city_services_online", "city_services"),
        within=(54.0, 72.0),
        exceeding=(80.0, 72.0),
        reason="city_services_online (80) exceeds city_services (72)",
    )


# --- 10.3 -------------------------------------------------------------------------------------


def test_average_non_emergency_response_time_value() -> None:
    result = governance.average_non_emergency_response_time(arr(3_600.0, 45.0), arr(1_200.0, 30.0))
    # 3 600 days / 1 200 inquiries = 3.0; 45 / 30 = 1.5
    np.testing.assert_allclose(result, [3.0, 1.5])


def test_average_non_emergency_response_time_inquiries_must_be_positive() -> None:
    check_sole_positive(
        SPECS["10.3"],
        Positive(
            "non_emergency_inquiries",
            "no inquiry was answered, so there is no average response time",
        ),
        valid=1_200.0,
        negative=-1.0,
        reason="non_emergency_inquiries (-1) must be greater than 0",
    )


def test_average_non_emergency_response_time_aggregates_as_a_weighted_mean() -> None:
    # District A: 10 inquiries, 20 days in total; district B: 30 inquiries, 120 days.
    # City: (20 + 120) / (10 + 30) = 3.5, not the mean of the district averages (2 + 4) / 2 = 3.
    city = governance.average_non_emergency_response_time(arr(20.0 + 120.0), arr(10.0 + 30.0))
    np.testing.assert_allclose(city, [3.5])


# --- 10.4 -------------------------------------------------------------------------------------


def test_average_it_downtime_value() -> None:
    result = governance.average_it_downtime(arr(30.0, 7.0), arr(12.0, 2.0))
    # 30 h / 12 incidents = 2.5 h; 7 / 2 = 3.5
    np.testing.assert_allclose(result, [2.5, 3.5])


def test_average_it_downtime_incidents_must_be_positive() -> None:
    check_sole_positive(
        SPECS["10.4"],
        Positive(
            "it_downtime_incidents",
            "there was no downtime incident, so there is no average downtime",
        ),
        valid=12.0,
        negative=-2.0,
        reason="it_downtime_incidents (-2) must be greater than 0",
    )
