from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole, check_sole_positive

from iso37122.indicators import health
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in health.SPECS}


# --- 11.1 -------------------------------------------------------------------------------------


def test_online_health_file_coverage_value() -> None:
    result = health.online_health_file_coverage(
        arr(300_000.0, 1_482_354.0), arr(1_200_000.0, 1_482_354.0)
    )
    # 100 * 300 000 / 1 200 000 = 25; 100 * 1 482 354 / 1 482 354 = 100
    np.testing.assert_allclose(result, [25.0, 100.0])


def test_online_health_file_coverage_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["11.1"],
        PartOfWhole("population_with_online_health_file", "population"),
        within=(300_000.0, 1_200_000.0),
        exceeding=(1_300_000.0, 1_200_000.0),
        reason="population_with_online_health_file (1300000) exceeds population (1200000)",
    )


# --- 11.2 -------------------------------------------------------------------------------------


def test_remote_medical_appointments_per_100k_value() -> None:
    result = health.remote_medical_appointments_per_100k(
        arr(18_000.0, 0.0, 250.0), arr(1_500_000.0, 400_000.0, 50_000.0)
    )
    # 100 000 * 18 000 / 1 500 000 = 1 200; 0; 100 000 * 250 / 50 000 = 500
    np.testing.assert_allclose(result, [1_200.0, 0.0, 500.0])


def test_remote_medical_appointments_per_100k_population_must_be_positive() -> None:
    check_sole_positive(
        SPECS["11.2"],
        Positive("population", "a rate per 100 000 population is undefined"),
        valid=1_500_000.0,
        negative=-10.0,
        reason="population (-10) must be greater than 0",
    )


# --- 11.3 -------------------------------------------------------------------------------------


def test_environmental_alert_coverage_value() -> None:
    result = health.environmental_alert_coverage(
        arr(900_000.0, 12_500.0), arr(1_200_000.0, 250_000.0)
    )
    # 100 * 900 000 / 1 200 000 = 75; 100 * 12 500 / 250 000 = 5
    np.testing.assert_allclose(result, [75.0, 5.0])


def test_environmental_alert_coverage_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["11.3"],
        PartOfWhole("population_with_environmental_alerts", "population"),
        within=(900_000.0, 1_200_000.0),
        exceeding=(1_200_001.0, 1_200_000.0),
        reason="population_with_environmental_alerts (1200001) exceeds population (1200000)",
    )
