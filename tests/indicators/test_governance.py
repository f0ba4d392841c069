from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import governance
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Positive, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit

SPECS = {s.clause: s for s in governance.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


def test_module_lists_clauses_10_1_to_10_4_in_order() -> None:
    assert [s.clause for s in governance.SPECS] == ["10.1", "10.2", "10.3", "10.4"]
    assert all(s.theme is Theme.GOVERNANCE for s in governance.SPECS)


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in governance.SPECS:
        assert spec.func.__name__ == spec.name
        assert spec.name in governance.__all__
        parse_unit(spec.unit)


def test_all_is_sorted() -> None:
    assert governance.__all__ == sorted(governance.__all__)


# --- 10.1 -------------------------------------------------------------------------------------


def test_open_data_portal_visits_per_100k_value() -> None:
    result = governance.open_data_portal_visits_per_100k(
        _arr(45_000.0, 1_000.0), _arr(1_500_000.0, 400_000.0)
    )
    # 100 000 * 45 000 / 1 500 000 = 3 000; 100 000 * 1 000 / 400 000 = 250
    np.testing.assert_allclose(result, [3_000.0, 250.0])


def test_open_data_portal_visits_per_100k_population_must_be_positive() -> None:
    (rule,) = SPECS["10.1"].constraints
    assert rule == Positive("population", "a rate per 100 000 population is undefined")
    cols = {"population": _arr(1_000.0, 0.0, -5.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"population": 0.0}, Status.UNDEFINED)
        == "population is 0: a rate per 100 000 population is undefined"
    )
    assert (
        rule.explain({"population": -5.0}, Status.INVALID)
        == "population (-5) must be greater than 0"
    )


def test_open_data_portal_visits_per_100k_spec() -> None:
    spec = SPECS["10.1"]
    assert spec.inputs == ("open_data_portal_visits", "population")
    assert spec.unit == "1 / hundred_thousand_people"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert "inferred from the title" in spec.definition_source.note


# --- 10.2 -------------------------------------------------------------------------------------


def test_online_city_services_share_value() -> None:
    result = governance.online_city_services_share(_arr(54.0, 10.0), _arr(72.0, 40.0))
    # 100 * 54 / 72 = 75; 100 * 10 / 40 = 25
    np.testing.assert_allclose(result, [75.0, 25.0])


def test_online_city_services_share_part_of_whole() -> None:
    (rule,) = SPECS["10.2"].constraints
    assert rule == PartOfWhole("city_services_online", "city_services")
    cols = {"city_services_online": _arr(54.0, 80.0, 0.0), "city_services": _arr(72.0, 72.0, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain({"city_services_online": 80.0, "city_services": 72.0}, Status.INVALID)
        == "city_services_online (80) exceeds city_services (72)"
    )
    assert (
        rule.explain({"city_services_online": 0.0, "city_services": 0.0}, Status.UNDEFINED)
        == "city_services is 0: a share of nothing is undefined"
    )


def test_online_city_services_share_spec() -> None:
    spec = SPECS["10.2"]
    assert spec.inputs == ("city_services_online", "city_services")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"


@given(
    st.floats(0.0, 1.0),
    st.floats(1.0, 1e6),
    st.floats(0.1, 1e3),
)
def test_online_city_services_share_is_bounded_and_scale_invariant(
    fraction_online: float, services: float, scale: float
) -> None:
    online = _arr(services * fraction_online)
    total = _arr(services)
    value = governance.online_city_services_share(online, total)
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        governance.online_city_services_share(online * scale, total * scale), value, atol=1e-12
    )


# --- 10.3 -------------------------------------------------------------------------------------


def test_average_non_emergency_response_time_value() -> None:
    result = governance.average_non_emergency_response_time(
        _arr(3_600.0, 45.0), _arr(1_200.0, 30.0)
    )
    # 3 600 days / 1 200 inquiries = 3.0; 45 / 30 = 1.5
    np.testing.assert_allclose(result, [3.0, 1.5])


def test_average_non_emergency_response_time_inquiries_must_be_positive() -> None:
    (rule,) = SPECS["10.3"].constraints
    assert isinstance(rule, Positive)
    assert rule.variable == "non_emergency_inquiries"
    cols = {"non_emergency_inquiries": _arr(1_200.0, 0.0, -1.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"non_emergency_inquiries": 0.0}, Status.UNDEFINED)
        == "non_emergency_inquiries is 0: no inquiry was answered, so there is no average "
        "response time"
    )
    assert (
        rule.explain({"non_emergency_inquiries": -1.0}, Status.INVALID)
        == "non_emergency_inquiries (-1) must be greater than 0"
    )


def test_average_non_emergency_response_time_spec() -> None:
    spec = SPECS["10.3"]
    assert spec.inputs == ("non_emergency_inquiry_response_time", "non_emergency_inquiries")
    assert spec.unit == "day"
    assert spec.direction is Direction.LOWER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"
    assert "inferred from the title" in spec.definition_source.note


def test_average_non_emergency_response_time_aggregates_as_a_weighted_mean() -> None:
    # District A: 10 inquiries, 20 days in total; district B: 30 inquiries, 120 days.
    # City: (20 + 120) / (10 + 30) = 3.5, not the mean of the district averages (2 + 4) / 2 = 3.
    city = governance.average_non_emergency_response_time(_arr(20.0 + 120.0), _arr(10.0 + 30.0))
    np.testing.assert_allclose(city, [3.5])


# --- 10.4 -------------------------------------------------------------------------------------


def test_average_it_downtime_value() -> None:
    result = governance.average_it_downtime(_arr(30.0, 7.0), _arr(12.0, 2.0))
    # 30 h / 12 incidents = 2.5 h; 7 / 2 = 3.5
    np.testing.assert_allclose(result, [2.5, 3.5])


def test_average_it_downtime_incidents_must_be_positive() -> None:
    (rule,) = SPECS["10.4"].constraints
    assert isinstance(rule, Positive)
    assert rule.variable == "it_downtime_incidents"
    cols = {"it_downtime_incidents": _arr(12.0, 0.0, -2.0)}
    assert rule.invalid(cols).tolist() == [False, False, True]
    assert rule.undefined(cols).tolist() == [False, True, False]
    assert (
        rule.explain({"it_downtime_incidents": 0.0}, Status.UNDEFINED)
        == "it_downtime_incidents is 0: there was no downtime incident, so there is no "
        "average downtime"
    )
    assert (
        rule.explain({"it_downtime_incidents": -2.0}, Status.INVALID)
        == "it_downtime_incidents (-2) must be greater than 0"
    )


def test_average_it_downtime_spec() -> None:
    spec = SPECS["10.4"]
    assert spec.inputs == ("it_downtime", "it_downtime_incidents")
    assert spec.unit == "hour"
    assert spec.direction is Direction.LOWER_IS_BETTER
    assert spec.definition_source.formula == "read"
