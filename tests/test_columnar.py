"""The lean paths give exactly what the general paths give, and copy nothing they need not."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122._columnar import checked_view, duplicated_identity, stripped_text, suspects
from iso37122._single import plain_table
from iso37122.data import YEAR_RANGE, table_from_frame, table_from_records, to_table
from iso37122.engine import evaluate
from iso37122.errors import DataError
from iso37122.testing import synthetic_frame
from iso37122.variables import VARIABLES


def test_valid_float_column_is_a_read_only_view() -> None:
    frame = synthetic_frame(20)
    table = table_from_frame(frame)
    column = table.columns["land_area"]
    assert np.shares_memory(column, frame["land_area"].to_numpy())
    assert not column.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        column[0] = 1.0


def test_column_with_a_bad_value_is_copied_and_the_caller_keeps_its_data() -> None:
    frame = synthetic_frame(5)
    frame.loc[2, "land_area"] = -1.0
    table = table_from_frame(frame)
    assert np.isnan(table.columns["land_area"][2])
    assert frame.loc[2, "land_area"] == -1.0  # the caller's frame is not modified
    assert not np.shares_memory(table.columns["land_area"], frame["land_area"].to_numpy())


def test_checked_view_accepts_nan_and_rejects_what_the_detailed_path_reports() -> None:
    area, buses = VARIABLES["land_area"], VARIABLES["buses"]  # a quantity and a count
    view, suspect = checked_view(pd.Series([0.0, np.nan, 5.5]), area)
    assert view is not None
    assert suspect is None
    assert np.array_equal(view, [0.0, np.nan, 5.5], equal_nan=True)
    assert checked_view(pd.Series([0.0, np.nan, 5.0]), buses)[0] is not None
    for bad in ([-0.5], [math.inf], [-math.inf], [2e15], [1e-12]):
        view, suspect = checked_view(pd.Series([1.0, *bad]), area)
        assert view is None, bad
        assert suspect is not None
        assert suspect.tolist() == [False, True]
    assert checked_view(pd.Series([5.5]), buses)[0] is None  # a count must be whole
    assert checked_view(pd.Series([1, 2]), area) == (None, None)  # int: converted by the caller


def test_suspects_are_what_a_rule_may_reject_or_change() -> None:
    values = np.array([1.0, -1.0, np.nan, math.inf, 3.5, -math.inf, 2e15, 1e-12, 0.0])
    assert np.flatnonzero(suspects(values, VARIABLES["land_area"])).tolist() == [1, 3, 5, 6, 7]
    # A count is suspect where it is not whole (a rule rounds or rejects it): 3.5 too.
    assert np.flatnonzero(suspects(values, VARIABLES["buses"])).tolist() == [1, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("dtype", [object, "string"])
def test_stripped_text_strips_every_kind_of_space(dtype: object) -> None:
    series = pd.Series(["  Kota A\u00a0", None, "\tKab. B", "C"], dtype=dtype)  # type: ignore[call-overload]
    values, missing = stripped_text(series)
    assert values.tolist() == ["Kota A", None, "Kab. B", "C"]
    assert missing.tolist() == [False, True, False, False]


def test_stripped_text_of_numbers_is_their_text() -> None:
    values, missing = stripped_text(pd.Series([3211, 7371]))
    assert values.tolist() == ["3211", "7371"]
    assert not missing.any()


def test_duplicated_identity_by_code_and_by_city() -> None:
    city = np.array(["A", "A", "B", "B", "3211", "C", "D", "D"], dtype=object)
    year = np.array([2024, 2024, 2024, 2023, 2024, 2024, 2024, 2024], dtype=np.int64)
    code = np.array([None, None, "3211", "3212", None, "3211", "1", None], dtype=object)
    by_code, by_city = duplicated_identity(city, year, code)
    # Rows 2 and 5: code 3211 in 2024 (other cities). Row 4: a city named "3211" is no code.
    assert by_code.tolist() == [False, False, True, False, False, True, False, False]
    # Rows 0 and 1: city A in 2024 without codes; rows 6 and 7: city D in 2024, one uncoded.
    assert by_city.tolist() == [True, True, False, False, False, False, True, True]
    one = duplicated_identity(city[:1], year[:1], code[:1])
    assert not one[0].any()
    assert not one[1].any()


def test_duplicate_raises_as_before() -> None:
    frame = synthetic_frame(6)
    codes = frame["code"].tolist()
    codes[4] = codes[1]
    frame = pd.concat([frame.drop(columns=["code"]), pd.Series(codes, name="code")], axis=1)
    with pytest.raises(DataError, match="same identity") as caught:
        table_from_frame(frame)
    assert [p.row for p in caught.value.problems] == [1, 4]


def _plain_record() -> dict[str, object]:
    row = synthetic_frame(1, seed=5).iloc[0]
    record: dict[str, object] = {"city": " Kota Lima ", "year": 2024, "code": "99.5"}
    record.update({v: float(row[v]) for v in list(iso.variables())[:60]})
    record["land_area"] = 12  # an int is a plain number too
    record["buses"] = None  # not reported
    return record


def test_single_city_year_fast_path_equals_the_general_path() -> None:
    record = _plain_record()
    assert plain_table(record, YEAR_RANGE) is not None
    fast = to_table(record)
    general = table_from_records([record])
    assert fast.identity(0) == general.identity(0) == ("Kota Lima", 2024, "99.5")
    ours, theirs = evaluate(fast), evaluate(general)
    assert np.array_equal(ours.values, theirs.values, equal_nan=True)
    assert np.array_equal(ours.status, theirs.status)
    assert [ours.reason(i, 0) for i in range(80)] == [theirs.reason(i, 0) for i in range(80)]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("land_area", -1.0),  # rejected: the general path names it
        ("land_area", math.inf),  # not finite
        ("land_area", True),  # a bool is not a number
        ("land_area", 2**70),  # beyond int64
        ("land_area", 1e-12),  # below the plausible magnitudes
        ("buses", 2.5),  # a count that is not whole
        ("year", 1850),  # outside the plausible years
        ("landarea", 1.0),  # unknown: the general path suggests the name
        ("year", 2024.0),  # a year that is not an int
        ("city", "   "),  # blank
        ("code", 3211),  # a code that is a number
    ],
)
def test_anything_but_plain_valid_numbers_takes_the_general_path(key: str, value: object) -> None:
    record = _plain_record()
    record[key] = value
    assert plain_table(record, YEAR_RANGE) is None


def test_text_with_a_unit_and_nan_are_plain_too() -> None:
    record = _plain_record()
    record["land_area"] = "5 km**2"  # read by the unit grammar, as the general path reads it
    record["buses"] = math.nan  # not reported, as None
    plain = plain_table(record, YEAR_RANGE)
    assert plain is not None
    assert plain[3]["land_area"].tolist() == [5.0]
    assert np.isnan(plain[3]["buses"]).all()


def test_single_city_year_with_a_bad_value_is_still_reported() -> None:
    record = _plain_record()
    record["land_area"] = -3.0
    profile = iso.compute_profile(record)
    assert profile["8.2"].status is iso.Status.INVALID
    assert "land_area" in (profile["8.2"].reason or "")


def test_long_frame_reasons_are_the_cells_reasons() -> None:
    frame = synthetic_frame(30, seed=2)
    frame.loc[[1, 2], "population"] = np.nan  # the same inputs missing: one shared sentence
    frame.loc[3, "street_lights"] = 0.0  # a zero whole: undefined
    frame.loc[4, "land_area"] = -1.0  # rejected input: invalid, naming the value
    profiles = iso.compute_profile(frame)
    long = profiles.to_frame("long")
    results = profiles.results
    expected = [results.reason(i, row) for row in range(30) for i in range(80)]
    assert long["reason"].dtype == "category"
    assert [None if pd.isna(r) else r for r in long["reason"]] == expected
    assert sum(r is not None for r in expected) > 40  # the frame has reasons to give
    assert long["value"].isna().tolist() == [r is not None for r in expected]


def test_bands_are_allocated_only_when_asked() -> None:
    frame = synthetic_frame(10, seed=4)
    plain = iso.compute_profile(frame).elements.bands
    assert plain.shape == (80, 10)
    assert not plain.any()
    assert not plain.flags.writeable  # one shared zero, not an (indicators x rows) array
    banded = iso.compute_profile(frame, config=iso.RollupConfig(normalisation="bands"))
    bands = banded.elements.bands
    assert bands.flags.writeable
    assert set(np.unique(bands)) <= {0, 1, 2, 3, 4}
    assert (bands > 0).any()
