from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.engine import Status
from iso37122.indicators import economy
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in economy.SPECS}


# --- 5.1 --------------------------------------------------------------------------------------


def test_open_data_service_contracts_value() -> None:
    result = economy.open_data_service_contracts(arr(45.0, 0.0, 7.0), arr(180.0, 12.0, 7.0))
    # 100 * 45 / 180 = 25; 100 * 0 / 12 = 0; 100 * 7 / 7 = 100
    np.testing.assert_allclose(result, [25.0, 0.0, 100.0])


def test_open_data_service_contracts_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["5.1"],
        PartOfWhole("service_contracts_with_open_data_policy", "service_contracts"),
        within=(45.0, 180.0),
        exceeding=(181.0, 180.0),
        reason="service_contracts_with_open_data_policy (181) exceeds service_contracts (180)",
    )


# --- 5.2 --------------------------------------------------------------------------------------


def test_new_business_survival_per_100k_value() -> None:
    result = economy.new_business_survival_per_100k(
        arr(600.0, 90.0), arr(800.0, 300.0), arr(1_500_000.0, 200_000.0)
    )
    # survival rate 600 / 800 = 0.75, over 1 500 000 / 100 000 = 15: 0.75 / 15 = 0.05;
    # 90 / 300 = 0.3, over 200 000 / 100 000 = 2: 0.3 / 2 = 0.15
    np.testing.assert_allclose(result, [0.05, 0.15])


def test_new_business_survival_per_100k_survivors_are_part_of_new_businesses() -> None:
    rule = SPECS["5.2"].constraints[0]
    assert rule == PartOfWhole("new_businesses_surviving", "new_businesses")
    # 600 <= 800 accepted; 801 > 800 invalid; 0 of 0 undefined; 800 of 800 (100 %) accepted
    columns = {
        "new_businesses_surviving": arr(600.0, 801.0, 0.0, 800.0),
        "new_businesses": arr(800.0, 800.0, 0.0, 800.0),
    }
    assert rule.invalid(columns).tolist() == [False, True, False, False]
    assert rule.undefined(columns).tolist() == [False, False, True, False]
    reason = rule.explain(
        {"new_businesses_surviving": 801.0, "new_businesses": 800.0}, Status.INVALID
    )
    assert reason == "new_businesses_surviving (801) exceeds new_businesses (800)"


def test_new_business_survival_per_100k_population_must_be_positive() -> None:
    rule = SPECS["5.2"].constraints[1]
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    columns = {"population": arr(1_500_000.0, 0.0, -3.0)}
    assert rule.invalid(columns).tolist() == [False, False, True]
    assert rule.undefined(columns).tolist() == [False, True, False]
    assert (
        rule.explain({"population": 0.0}, Status.UNDEFINED)
        == "population is 0: a rate per 100 000 population is undefined"
    )
    assert (
        rule.explain({"population": -3.0}, Status.INVALID)
        == "population (-3) must be greater than 0"
    )


# --- 5.3 --------------------------------------------------------------------------------------


def test_ict_employment_share_value() -> None:
    result = economy.ict_employment_share(arr(36_000.0, 0.0), arr(720_000.0, 50_000.0))
    # 100 * 36 000 / 720 000 = 5; 100 * 0 / 50 000 = 0
    np.testing.assert_allclose(result, [5.0, 0.0])


def test_ict_employment_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["5.3"],
        PartOfWhole("ict_employed", "labour_force"),
        within=(36_000.0, 720_000.0),
        exceeding=(720_001.0, 720_000.0),
        reason="ict_employed (720001) exceeds labour_force (720000)",
    )


# --- 5.4 --------------------------------------------------------------------------------------


def test_education_research_employment_share_value() -> None:
    result = economy.education_research_employment_share(
        arr(57_600.0, 1_250.0), arr(720_000.0, 50_000.0)
    )
    # 100 * 57 600 / 720 000 = 8; 100 * 1 250 / 50 000 = 2.5
    np.testing.assert_allclose(result, [8.0, 2.5])


def test_education_research_employment_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["5.4"],
        PartOfWhole("education_research_employed", "labour_force"),
        within=(57_600.0, 720_000.0),
        exceeding=(720_500.0, 720_000.0),
        reason="education_research_employed (720500) exceeds labour_force (720000)",
    )
