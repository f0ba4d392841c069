"""Readiness: what can be computed, what is lacking, and the ranked variables to collect."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iso37122.data import CityData, table_from_frame
from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.indicators import CATALOGUE
from iso37122.readiness import CollectionStep, Readiness, readiness
from iso37122.rollup import RollupConfig
from iso37122.themes import Theme
from iso37122.variables import VARIABLES

# Inputs of the economy indicators (clause 5), each reported as a valid value.
ECONOMY_ROW: dict[str, object] = {
    "city": "Kota Contoh",
    "year": 2024,
    "code": "99.01",
    "service_contracts_with_open_data_policy": 30.0,  # 5.1 with service_contracts
    "service_contracts": 120.0,
    "new_businesses_surviving": 400.0,  # 5.2 with new_businesses, population
    "new_businesses": 500.0,
    "population": 1_000_000.0,
    "ict_employed": 12_000.0,  # 5.3 with labour_force
    "education_research_employed": 20_000.0,  # 5.4 with labour_force
    "labour_force": 400_000.0,
}


def _without(*variables: str) -> dict[str, object]:
    return {k: v for k, v in ECONOMY_ROW.items() if k not in variables}


def _steps(report: Readiness) -> list[tuple[tuple[str, ...], dict[str, int]]]:
    return [(step.variables, dict(step.unlocks)) for step in report.next_variables]


def _used_variables() -> list[str]:
    return sorted({v for spec in CATALOGUE.values() for v in spec.inputs})


def _complete_row() -> dict[str, object]:
    """Every variable any indicator uses, reported with a value within its bounds."""
    row: dict[str, object] = {"city": "Kota Lengkap", "year": 2024}
    for name in _used_variables():
        variable = VARIABLES[name]
        row[name] = max(1.0, variable.minimum)
    return row


@settings(max_examples=25, deadline=None)
@given(missing=st.sampled_from(_used_variables()))
def test_a_dataset_missing_one_variable_ranks_that_variable_first(missing: str) -> None:
    row = _complete_row()
    del row[missing]
    report = readiness(row)
    first = report.next_variables[0]
    assert first.variables == (missing,)
    users = {spec.clause for spec in CATALOGUE.values() if missing in spec.inputs}
    assert set(first.unlocks) == users
    assert len(report.next_variables) == 1
    assert missing in str(report)


def test_the_variable_missing_from_every_row_of_a_set_ranks_first() -> None:
    frame = pd.DataFrame(
        [ECONOMY_ROW | {"city": f"Kota {k}", "code": f"99.0{k}"} for k in range(3)]
    )
    frame = frame.drop(columns="labour_force")
    frame.loc[0, "population"] = np.nan
    report = readiness(frame, indicators=["5"])
    # labour_force unlocks 5.3 and 5.4 in 3 city-years: 6 values for 1 variable;
    # population unlocks 5.2 in 1 city-year
    assert _steps(report) == [
        (("labour_force",), {"5.3": 3, "5.4": 3}),
        (("population",), {"5.2": 1}),
    ]
    first = report.next_variables[0]
    assert (first.n_unlocked, first.n_rows, first.per_variable) == (6, 3, 6.0)
    # 6 of the 3 x 4 digital values: a mean gain of 2 indicators of 4 per city-year
    assert first.coverage_gain[KeyElement.DIGITAL] == pytest.approx(0.5)
    assert first.coverage_gain[KeyElement.GREEN] == 0.0


def test_steps_rank_by_indicators_unlocked_per_variable() -> None:
    report = readiness(_without("labour_force", "service_contracts", "population"), indicators="5")
    # labour_force unlocks two indicators; population and service_contracts one each, tied
    # (same element), so by name
    assert _steps(report) == [
        (("labour_force",), {"5.3": 1, "5.4": 1}),
        (("population",), {"5.2": 1}),
        (("service_contracts",), {"5.1": 1}),
    ]


def test_variables_needed_together_are_one_step() -> None:
    report = readiness(_without("new_businesses", "new_businesses_surviving", "labour_force"))
    steps = [step for step in report.next_variables if "5.2" in step.unlocks]
    assert len(steps) == 1
    assert steps[0].variables == ("new_businesses", "new_businesses_surviving")
    # one indicator for two variables: ranked after labour_force (two for one)
    economy = readiness(
        _without("new_businesses", "new_businesses_surviving", "labour_force"), indicators="5"
    )
    assert _steps(economy) == [
        (("labour_force",), {"5.3": 1, "5.4": 1}),
        (("new_businesses", "new_businesses_surviving"), {"5.2": 1}),
    ]
    assert economy.next_variables[1].per_variable == 0.5
    text = str(economy)
    assert "new_businesses [count] + new_businesses_surviving [count] (together)" in text


def test_a_tie_goes_to_the_smaller_set() -> None:
    report = readiness(_without("ict_employed", "labour_force"), indicators="5")
    # {labour_force} unlocks 5.4 (1 per variable); {ict_employed, labour_force} unlocks 5.3
    # and 5.4 (2 for 2, also 1 per variable): the smaller set first, then ict_employed
    assert _steps(report) == [
        (("labour_force",), {"5.4": 1}),
        (("ict_employed",), {"5.3": 1}),
    ]


def test_a_tie_goes_to_more_element_coverage() -> None:
    config = RollupConfig(element_of={"5.1": "green"})
    report = readiness(_without("service_contracts", "population"), indicators="5", config=config)
    # each unlocks one indicator, but 5.1 is green's only indicator (coverage +1) while 5.2 is
    # one of digital's three (+1/3): service_contracts first although population sorts first
    assert _steps(report) == [
        (("service_contracts",), {"5.1": 1}),
        (("population",), {"5.2": 1}),
    ]
    assert report.next_variables[0].coverage_gain[KeyElement.GREEN] == 1.0


def test_per_indicator_element_and_theme() -> None:
    report = readiness(_without("labour_force"), indicators=["5", "18"])
    city = report[0]
    assert (city.city, city.year, city.code) == ("Kota Contoh", 2024, "99.01")
    by_clause = {r.clause: r for r in city.indicators}
    assert by_clause["5.1"].computable
    assert by_clause["5.3"].status is Status.MISSING
    assert by_clause["5.3"].lacking == ("labour_force",)
    assert by_clause["5.3"].unlockable
    assert by_clause["18.2"].lacking == ("area_without_connectivity", "land_area")
    digital = city.by_element[KeyElement.DIGITAL]
    # 5.1, 5.2 computable; 18.1 (population reported, broadband not) and the rest not
    assert [r.clause for r in digital.computable] == ["5.1", "5.2"]
    assert digital.n_total == 7
    assert digital.coverage == pytest.approx(2 / 7)
    assert "labour_force" in digital.lacking
    assert list(city.by_theme) == [Theme.ECONOMY, Theme.TELECOMMUNICATION]
    economy = city.by_theme[Theme.ECONOMY]
    assert [r.clause for r in economy.blocked] == ["5.3", "5.4"]
    assert city.by_element[KeyElement.LIVABLE].n_total == 0
    assert city.by_element[KeyElement.LIVABLE].coverage == 0.0


def test_rejected_values_are_lacking_and_broken_rules_are_to_check() -> None:
    row = ECONOMY_ROW | {"labour_force": -5.0, "service_contracts_with_open_data_policy": 500.0}
    city = readiness(row, indicators="5")[0]
    ict = next(r for r in city.indicators if r.clause == "5.3")
    assert ict.status is Status.INVALID
    assert ict.lacking == ict.rejected == ("labour_force",)
    contracts = next(r for r in city.indicators if r.clause == "5.1")
    # 500 of 120 contracts: every input reported, nothing to collect, the data to check
    assert contracts.lacking == ()
    assert not contracts.unlockable
    assert [r.clause for r in city.to_check] == ["5.1"]
    assert [s.variables for s in city.next_variables] == [("labour_force",)]
    text = str(city)
    assert "5.3 ict_employment_share — lacks labour_force (rejected)" in text
    assert "Reported but not computable (check these data)" in text
    assert (
        "5.1 open_data_service_contracts: service_contracts_with_open_data_policy (500) "
        "exceeds service_contracts (120)"
    ) in text


def test_str_names_the_missing_variables_and_what_each_unlocks() -> None:
    text = str(readiness(_without("labour_force", "population"), indicators="5"))
    lines = text.splitlines()
    assert lines[0] == "Readiness of Kota Contoh (99.01), 2024"
    assert lines[1] == "  1 of 4 indicators can be computed (25 %)."
    assert (
        "  digital  1 of 4 (25 %)  Digital-based government services that advance the common good"
        in lines
    )
    assert "      5.2 new_business_survival_per_100k — lacks population" in lines
    start = lines.index("Next variables to collect")
    assert lines[start + 1 : start + 7] == [
        "  1. labour_force [person]",
        "     unlocks 2: 5.3 ict_employment_share, 5.4 education_research_employment_share",
        "     (then 3 of 4 computable)",
        "  2. population [person]",
        "     unlocks 1: 5.2 new_business_survival_per_100k",
        "     (then 4 of 4 computable)",
    ]


def test_str_of_a_set() -> None:
    rows = [
        ECONOMY_ROW | {"city": "A", "code": None},
        _without("labour_force", "code") | {"city": "B", "year": 2025},
    ]
    report = readiness(rows, indicators="5")
    text = str(report)
    assert text.startswith("Readiness of 2 city-years\n")
    assert "6 of 8 indicator values can be computed (75 %)" in text
    assert "  digital  6 of 8 (75 %)" in text
    assert "  5 Economy: 6 of 8 (75 %)" in text
    assert "unlocks 2 indicator values in 1 city-year: 5.3 (1), 5.4 (1)" in text
    assert "  B (2025)" not in text
    assert "  B, 2025: 2 of 4" in text
    assert repr(report) == "<Readiness of 2 city-years: 6 of 8 indicator values computable>"


def test_frames() -> None:
    report = readiness([ECONOMY_ROW, _without("labour_force") | {"year": 2025}], indicators="5")
    frame = report.to_frame()
    assert frame.shape == (8, 11)
    assert list(frame.columns) == [
        "city", "year", "code", "clause", "name", "theme", "element", "status", "computable",
        "lacking", "reason",
    ]  # fmt: skip
    blocked = frame[~frame["computable"]]
    assert blocked["clause"].tolist() == ["5.3", "5.4"]
    assert blocked["year"].tolist() == [2025, 2025]
    assert blocked["lacking"].tolist() == ["labour_force", "labour_force"]
    assert blocked["reason"].tolist() == ["not reported: labour_force"] * 2
    assert frame.loc[frame["computable"], "reason"].isna().all()
    steps = report.next_variables_frame()
    assert steps.to_dict("records") == [
        {
            "step": 1,
            "variables": "labour_force",
            "n_variables": 1,
            "unlocks": "5.3, 5.4",
            "n_unlocked": 2,
            "n_rows": 1,
            "livable_gain": 0.0,
            "green_gain": 0.0,
            # 2 of 4 digital indicators in 1 of 2 city-years: 0.5 / 2
            "digital_gain": 0.25,
        }
    ]
    elements = report.by_element()
    assert elements.loc["digital", "computable"] == 6
    assert elements.loc["digital", "total"] == 8
    assert report.by_theme().index.tolist() == ["economy"]


def test_every_input_form_gives_the_same_report() -> None:
    data = _without("labour_force")
    expected = [(("labour_force",), {"5.3": 1, "5.4": 1})]
    model = CityData.model_validate(data)
    forms: list[object] = [
        data,
        model,
        [data],
        [model],
        pd.DataFrame([data]),
        table_from_frame(pd.DataFrame([data])),
    ]
    for form in forms:
        report = readiness(form, indicators="5")  # type: ignore[arg-type]
        assert len(report) == 1
        assert _steps(report) == expected
    with pytest.raises(TypeError, match="readiness takes"):
        readiness(42, indicators="5")  # type: ignore[arg-type]


def test_units_and_extra_are_passed_on() -> None:
    data = ECONOMY_ROW | {"labour_force": 400.0, "notes": "x"}
    report = readiness(
        data, indicators="5", units={"labour_force": "thousand_people"}, extra="ignore"
    )
    assert report[0].computable[-1].clause == "5.4"
    assert len(report[0].computable) == 4


def test_nothing_to_collect() -> None:
    report = readiness(ECONOMY_ROW, indicators="5")
    assert report.next_variables == ()
    assert "(nothing: every indicator that lacks data is listed above)" in str(report)
    assert isinstance(report.plan(np.array([0], dtype=np.int64)), tuple)


def test_indexing() -> None:
    report = readiness([ECONOMY_ROW, ECONOMY_ROW | {"city": "B", "code": "99.02"}], indicators="5")
    assert [city.city for city in report] == ["Kota Contoh", "B"]
    assert report[-1].city == "B"
    assert [city.city for city in report[1:]] == ["B"]
    assert "4 of 4 computable" in repr(report[0])
    with pytest.raises(IndexError):
        report[2]
    assert report.computable.shape == (4, 2)
    assert all(isinstance(step, CollectionStep) for step in report.next_variables)
