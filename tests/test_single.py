"""One city-year from a mapping: the pandas-free fast path gives the general path's Profile.

``compute_profile(mapping)`` validates, evaluates and rolls up a plain mapping value by value
(``iso37122._single`` and ``iso37122._single_profile``). These tests build the same Profile
through the general path (a one-row DataFrame, ``evaluate``, ``roll_up``) and compare
everything a Profile shows, on random dirty city-years.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iso37122 as iso
from iso37122._single import one_row
from iso37122.data import YEAR_RANGE, raise_problems, table_from_records
from iso37122.engine import evaluate
from iso37122.errors import ConfigError, DataError
from iso37122.indicators import CATALOGUE, PartOfWhole, Positive
from iso37122.profile import Profile
from iso37122.rollup import RollupConfig, roll_up
from iso37122.testing import synthetic_frame
from iso37122.variables import VARIABLES

BASE = synthetic_frame(1, seed=13).iloc[0]
NAMES = list(VARIABLES)
RULES = [rule for spec in CATALOGUE.values() for rule in spec.constraints]
SHARES = [r for r in RULES if isinstance(r, PartOfWhole)]
DENOMINATORS = sorted(
    {r.whole for r in SHARES} | {r.variable for r in RULES if isinstance(r, Positive)}
)
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)

CONFIGS = [
    None,
    RollupConfig(normalisation="target"),
    RollupConfig(normalisation="bands"),
    RollupConfig(aggregation="geometric", score_range=(1.0, 100.0)),
    RollupConfig(open_ended="leave_out", min_coverage=0.9),
    RollupConfig(open_ended="rank", min_peers=2, weights={"18.1": 3.0, "5.3": 0.5}),
    RollupConfig(goalposts={"5.2": (0.0, 0.5)}, directions={"5.2": "lower_is_better"}),
]

TEXTS = [
    "n/a",
    "-",
    "",
    " ",
    "1,5",
    "5.000",
    "abc",
    "1e999",
    "-3",
    "5 kg",
    "3 km**2",
    "70 ha",
    "12 MWh",
    "2 juta_rupiah",
    "0.2 / thousand_people",
    "1 500 person",
    "9 %",
    "4 count",
    "2.5",
    "1e-12",
    "5 furlong",
    "1 2",
]


def _cells(name: str) -> st.SearchStrategy[object]:
    """Values one variable may be given as, most of them bad."""
    base = float(BASE[name])
    unit = VARIABLES[name].unit
    return st.one_of(
        st.sampled_from([None, math.nan, 0.0, -0.0, -1.0, math.inf, -math.inf, 1e20, 1e-12]),
        st.sampled_from([base + 0.5, base * (1 + 1e-12), base + 1e-10, base * 1e16, -base]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-(2**63), 2**64 - 1),
        st.integers(0, 10**6),
        st.floats(width=32, allow_nan=False).map(np.float32),
        st.floats(allow_nan=True).map(np.float64),
        st.integers(-(2**63), 2**63 - 1).map(np.int64),
        st.integers(0, 2**64 - 1).map(np.uint64),
        st.sampled_from([*TEXTS, f"{base}", f"{base:g} {unit}", f" {base:.3f} "]),
        st.text(alphabet="0123456789 .,-e/kmhaMWhGJ", max_size=10),
        st.booleans(),  # not plain: the general path
        st.decimals(allow_nan=False, allow_infinity=False, places=2),  # not plain either
    )


@st.composite
def city_years(draw: st.DrawFn) -> dict[str, object]:
    """A dirty city-year: bad, missing, converted and inconsistent values in random places."""
    record: dict[str, object] = {
        "city": draw(st.sampled_from(["Kota Lima", "  Kota Lima ", "Kab. X\t", "\xa0Kota\u2028"])),
        "year": draw(st.sampled_from([2024, 1900, 2100])),
    }
    code = draw(st.sampled_from(["absent", None, "", " 73.71 ", "7371"]))
    if code != "absent":
        record["code"] = code
    chosen = draw(st.lists(st.sampled_from(NAMES), min_size=len(NAMES) // 2, unique=True))
    record.update({name: float(BASE[name]) for name in chosen})
    for rule in draw(st.lists(st.sampled_from(SHARES), max_size=4)):
        whole = draw(st.sampled_from([0.0, 1.0, 7.0, 1e6, float(BASE[rule.whole])]))
        record[rule.whole] = whole
        factor = draw(st.sampled_from([2.0, 1.0, 1 + 1e-16, 1 + 4e-16, 1 + 1e-15, 0.5]))
        for part in rule.parts:
            record[part] = whole * factor
    for name in draw(st.lists(st.sampled_from(DENOMINATORS), max_size=3)):
        record[name] = draw(st.sampled_from([0.0, -0.0, 0, "0", "0 km"]))
    for name in draw(st.lists(st.sampled_from(chosen or NAMES), max_size=12, unique=True)):
        record[name] = draw(_cells(name))
    return record


def general_profile(
    record: dict[str, object], config: RollupConfig | None = None, *, strict: bool = False
) -> Profile:
    """The general path of ``compute_profile`` for one mapping (a one-row DataFrame)."""
    table = table_from_records([record])
    results = evaluate(table, CATALOGUE.select(None))
    if strict:
        problems = [*table.problems, *results.constraint_problems()]
        if problems:
            raise_problems(problems)
    return Profile(results, roll_up(results, config), 0)


def _same_bits(ours: np.ndarray[Any, Any], theirs: np.ndarray[Any, Any]) -> bool:
    """Equal shapes, NaN in the same places, every other value the same to the bit."""
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        return False
    nan = np.isnan(ours)
    if not np.array_equal(nan, np.isnan(theirs)):
        return False
    return bool(np.array_equal(ours[~nan].view(np.int64), theirs[~nan].view(np.int64)))


def assert_same_profile(fast: Profile, general: Profile) -> None:
    """Everything a Profile shows, and the arrays behind it, are the same."""
    assert (fast.city, fast.year, fast.code) == (general.city, general.year, general.code)
    ours, theirs = fast.table, general.table
    assert list(ours.columns) == list(theirs.columns)
    for name in theirs.columns:
        assert _same_bits(ours.columns[name], theirs.columns[name]), name
    assert {k: v.tolist() for k, v in ours.invalid.items()} == {
        k: v.tolist() for k, v in theirs.invalid.items()
    }
    assert ours.problems == theirs.problems
    a, b = fast._results, general._results
    assert [s.clause for s in a.indicators] == [s.clause for s in b.indicators]
    assert _same_bits(a.values, b.values)
    assert np.array_equal(a.status, b.status)
    assert np.array_equal(a.detail, b.detail)
    assert [a.reason(i, 0) for i in range(len(a.indicators))] == [
        b.reason(i, 0) for i in range(len(b.indicators))
    ]
    assert fast.indicators == general.indicators
    e, f = fast.element_results, general.element_results
    for name in ("score", "coverage", "normalised"):
        assert _same_bits(getattr(e, name), getattr(f, name)), name
    for name in ("n_scored", "n_total", "left_out", "bands", "weights", "groups"):
        assert np.array_equal(getattr(e, name), getattr(f, name)), name
        assert getattr(e, name).dtype == getattr(f, name).dtype, name
    assert e.bands.flags.writeable == f.bands.flags.writeable
    assert (e.membership, e.plans, e.group_labels) == (f.membership, f.plans, f.group_labels)
    assert dict(e.pooled) == dict(f.pooled) == {}
    assert dict(fast.elements) == dict(general.elements)
    for element in iso.KeyElement:
        assert fast.explain(element) == general.explain(element)
    assert fast.warnings == general.warnings
    assert fast.to_json() == general.to_json()
    assert repr(fast) == repr(general)


def _plain(record: dict[str, object]) -> bool:
    """Whether the fast path takes the record (no bool, no Decimal)."""
    return not any(isinstance(v, bool | Decimal) for v in record.values())


@SETTINGS
@given(record=city_years(), config=st.sampled_from(CONFIGS))
def test_fast_path_equals_the_general_path_on_dirty_city_years(
    record: dict[str, object], config: RollupConfig | None
) -> None:
    assert (one_row(record, YEAR_RANGE) is not None) == _plain(record)
    assert_same_profile(iso.compute_profile(record, config=config), general_profile(record, config))


@SETTINGS
@given(record=city_years())
def test_strict_raises_the_same_error(record: dict[str, object]) -> None:
    try:
        expected = general_profile(record, strict=True)
    except DataError as error:
        raised: DataError | None = error
    else:
        raised = None
    if raised is None:
        assert_same_profile(iso.compute_profile(record, strict=True), expected)
        return
    with pytest.raises(type(raised)) as caught:
        iso.compute_profile(record, strict=True)
    assert str(caught.value) == str(raised)
    assert caught.value.problems == raised.problems
    assert caught.value.code == raised.code


def test_the_dirty_cases_are_reached() -> None:
    """A hand-made record with one of each problem takes the fast path and matches."""
    record: dict[str, object] = {"city": " Kota Uji ", "year": 2024, "code": "73.71"}
    record.update({name: float(BASE[name]) for name in NAMES})
    record["land_area"] = "17 500 ha"  # converted by the unit grammar
    record["buses"] = 12.5  # a count that is not whole
    record["electric_buses"] = 12.000000000001  # a count within tolerance: 12
    record["street_lights_managed"] = 2 * float(BASE["street_lights"]) + 1  # part above whole
    record["population"] = 0.0  # a zero denominator
    record["households"] = -3  # below the minimum
    record["road_length"] = math.inf
    record["labour_force"] = None  # not reported
    record["municipal_expenditure"] = "5 kg"  # wrong dimension
    record["traffic_lights"] = "5.000"  # ambiguous
    record["public_buildings"] = np.float32(250.0)
    record["buildings"] = np.int64(90_000)
    row = one_row(record, YEAR_RANGE)
    assert row is not None
    assert {p.rule for p in row.problems} == {
        "not_whole",
        "below_minimum",
        "not_finite",
        "unit",
        "ambiguous_number",
    }
    fast = iso.compute_profile(record)
    assert_same_profile(fast, general_profile(record))
    statuses = {result.status for result in fast.indicators.values()}
    assert statuses == set(iso.Status)
    assert fast.table.columns["land_area"][0] == pytest.approx(175.0)
    assert fast.table.columns["electric_buses"][0] == 12.0


def test_a_peer_method_is_refused_as_by_the_general_path() -> None:
    record = {"city": "Kota", "year": 2024, "population": 100.0}
    config = RollupConfig(normalisation="minmax")
    with pytest.raises(ConfigError) as general:
        general_profile(record, config)
    with pytest.raises(ConfigError) as fast:
        iso.compute_profile(record, config=config)
    assert str(fast.value) == str(general.value)


def test_a_subset_of_indicators() -> None:
    record = {"city": "Kota", "year": 2024, "population": 200_000.0, "land_area": "3 km**2"}
    fast = iso.compute_profile(record, indicators=["18.1", "5.3", "12"])
    table = table_from_records([record])
    results = evaluate(table, CATALOGUE.select(["18.1", "5.3", "12"]))
    assert_same_profile(fast, Profile(results, roll_up(results), 0))


@pytest.mark.parametrize(
    "change",
    [
        {"year": 2024.0},  # not an int
        {"city": "   "},  # blank: the general path raises
        {"code": 7371},  # a number
        {"landarea": 1.0},  # unknown: the general path suggests the name
        {"land_area [ha]": 1.0},  # a unit in the key
        {"land_area": True},
        {"land_area": Decimal("1.5")},
        {"land_area": 2**64},  # beyond 64 bits
        {"land_area": [1.0]},  # a column
        {"land_area": np.timedelta64(5, "D")},  # a numpy integer, but a duration
        {"land_area": np.float16(1.5)},
    ],
)
def test_what_is_not_plain_takes_the_general_path(change: dict[str, object]) -> None:
    record: dict[str, object] = {"city": "Kota", "year": 2024, "population": 100.0, **change}
    assert one_row(record, YEAR_RANGE) is None


def _full_record() -> dict[str, object]:
    record: dict[str, object] = {"city": "Kota Uji", "year": 2024}
    record.update({name: float(BASE[name]) for name in NAMES})
    return record


def test_the_tolerances_agree() -> None:
    """Values just inside or outside each tolerance of the rules give the same results."""
    record = _full_record()
    # A count 5e-9 off a whole number is not whole (tolerance 1e-9); 5e-11 off it is.
    record["buses"] = 120.0 * (1 + 5e-9)
    record["electric_buses"] = 12.0 * (1 + 5e-11)
    # A count part 2 ulp above its whole is made whole, hence the whole (5.2 reads the part).
    record["new_businesses"] = 300.0
    record["new_businesses_surviving"] = 300.0 * (1 + 4e-16)
    # Three parts summing to 1 ulp above their whole: a share of 100 %, not more.
    record["total_energy_consumption"] = 1.0
    record["energy_from_wastewater"] = 0.36506899198262255
    record["energy_from_solid_and_liquid_waste"] = 0.5787927773682225
    record["energy_from_waste_heat"] = 0.05613823064915503
    fast = iso.compute_profile(record)
    assert_same_profile(fast, general_profile(record))
    assert fast.table.invalid.keys() == {"buses"}
    assert fast.table.columns["electric_buses"][0] == 12.0
    assert fast["7.1"].value == 100.0
    survival = CATALOGUE["5.2"].func
    population = float(BASE["population"])
    assert fast["5.2"].value == survival(300.0, 300.0, population)
    assert fast["5.2"].value != survival(300.0 * (1 + 4e-16), 300.0, population)


def test_min_coverage_is_met_within_its_tolerance() -> None:
    """An element scored on exactly ``min_coverage`` of its indicators, up to rounding."""
    record = _full_record()
    counts = iso.compute_profile(record).element_results
    total, count = int(counts.n_total[0]), int(counts.n_scored[0, 0])
    share = float(np.nextafter(count / total, 1.0))
    assert share * total > count  # without the tolerance the element would not be scored
    config = RollupConfig(min_coverage=share)
    fast = iso.compute_profile(record, config=config)
    assert_same_profile(fast, general_profile(record, config))
    assert not math.isnan(fast.element_results.score[0, 0])
