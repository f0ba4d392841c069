"""Fast paths of the Table and the engine give what the general paths give, on dirty data.

A float64 column with a few rejected cells is kept as a view of the caller's data (read as
NaN there through ``Table.columns``); the engine reads columns as given and shares masks
between indicators; duplicate identities are found from Arrow's dictionary encoding. Each
test compares with the plain form: a Table of NaN-masked copies, or factorised names.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

import iso37122 as iso
from iso37122._columnar import MaskedColumns, RowMasks, duplicated_identity, text_ids
from iso37122._typing import FloatArray, Int8Array
from iso37122.data import Table, table_from_frame
from iso37122.engine import Status, evaluate
from iso37122.errors import DataError
from iso37122.indicators import PartOfWhole
from iso37122.testing import synthetic_frame


def _dirty(n_rows: int, seed: int) -> pd.DataFrame:
    """A synthetic frame with negative, infinite, missing, zero and part-above-whole cells."""
    frame = synthetic_frame(n_rows, seed=seed)
    rng = np.random.default_rng(seed)
    for name in iso.variables():
        column = frame[name].to_numpy(dtype=float, copy=True)
        cells = rng.random(n_rows)
        column[cells < 0.1] = np.nan
        column[(cells >= 0.1) & (cells < 0.13)] *= -1.0
        column[(cells >= 0.13) & (cells < 0.15)] = np.inf
        column[(cells >= 0.15) & (cells < 0.17)] = 0.0
        frame[name] = column
    # Parts above, and a few ulp above, their wholes.
    lights = frame["street_lights"].to_numpy(dtype=float)
    managed = frame["street_lights_managed"].to_numpy(dtype=float, copy=True)
    managed[0] = 2 * lights[0] + 1
    managed[1] = np.nextafter(lights[1], np.inf)
    frame["street_lights_managed"] = managed
    return frame


def _plain(table: Table) -> Table:
    """The same table with NaN-masked copies in plain dicts: the general path's form."""
    return Table(
        city=table.city,
        year=table.year,
        code=table.code,
        columns={k: np.array(v) for k, v in table.columns.items()},
        invalid={k: np.array(v) for k, v in table.invalid.items()},
        problems=table.problems,
    )


def test_dirty_column_is_not_copied_and_reads_nan_where_rejected() -> None:
    frame = pd.DataFrame(
        {
            "city": ["a", "b", "c", "d"],
            "year": [2024] * 4,
            "population": [100.0, -5.0, np.nan, np.inf],
        }
    )
    before = frame["population"].to_numpy(copy=True)
    table = table_from_frame(frame)
    given = table.column_as_given("population")
    assert np.shares_memory(given, frame["population"].to_numpy(copy=False))
    assert not given.flags.writeable
    assert isinstance(table.columns, MaskedColumns)
    assert np.array_equal(table.columns["population"], [100.0, np.nan, np.nan, np.nan], True)
    assert table.column("population")[1] != table.column("population")[1]  # NaN
    assert table.invalid["population"].tolist() == [False, True, False, True]
    assert table.rejected_rows("population").tolist() == [1, 3]
    assert table.rejected_rows("land_area").size == 0
    assert np.array_equal(frame["population"].to_numpy(), before, equal_nan=True)


def test_count_rounded_within_tolerance_is_copied_with_its_rejections() -> None:
    frame = pd.DataFrame(
        {
            "city": ["a", "b", "c"],
            "year": [2024] * 3,
            "population": [700.0000000000001, -5.0, 3.0],
        }
    )
    table = table_from_frame(frame)
    given = table.column_as_given("population")
    assert not np.shares_memory(given, frame["population"].to_numpy(copy=False))
    assert given[0] == 700.0
    assert np.isnan(given[1])
    assert given[2] == 3.0
    assert frame.loc[0, "population"] == 700.0000000000001


def test_row_masks_and_masked_columns_as_mappings() -> None:
    rows = {"a": np.array([1, 3], dtype=np.intp), "b": np.zeros(0, dtype=np.intp)}
    masks = RowMasks(rows, 5)
    assert list(masks) == ["a"]
    assert len(masks) == 1
    assert masks["a"].tolist() == [False, True, False, True, False]
    assert masks.rows("b").size == 0
    columns = MaskedColumns({"a": np.arange(5.0), "b": np.ones(5)}, rows)
    assert sorted(columns) == ["a", "b"]
    assert len(columns) == 2
    assert np.array_equal(columns["a"], [0.0, np.nan, 2.0, np.nan, 4.0], equal_nan=True)
    assert columns["a"] is columns["a"]  # copied once
    assert columns["b"] is columns.as_given("b")
    assert columns.as_given("c") is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_evaluate_on_views_equals_evaluate_on_masked_copies(seed: int) -> None:
    table = table_from_frame(_dirty(400, seed))
    assert table.invalid  # the frame is dirty
    fast, plain = evaluate(table), evaluate(_plain(table))
    assert np.array_equal(fast.values, plain.values, equal_nan=True)
    assert np.array_equal(fast.status, plain.status)
    assert np.array_equal(fast.detail, plain.detail)
    for i in range(len(fast.indicators)):
        assert fast.reasons(i) == plain.reasons(i)
    assert fast.constraint_problems() == plain.constraint_problems()


def _reference(table: Table) -> tuple[FloatArray, Int8Array, npt.NDArray[np.int16]]:
    """Values, statuses and details cell by cell, by the rules as the engine documents them."""
    specs = evaluate(table).indicators
    n = table.n_rows
    values = np.full((len(specs), n), np.nan)
    status = np.zeros((len(specs), n), dtype=np.int8)
    detail = np.zeros((len(specs), n), dtype=np.int16)
    with np.errstate(all="ignore"):
        for i, spec in enumerate(specs):
            for row in range(n):
                cells = {v: table.column(v)[row : row + 1].copy() for v in spec.inputs}
                rejected = [
                    k for k, v in enumerate(spec.inputs) if table.invalid.get(v, {row: False})[row]
                ]
                if rejected:
                    status[i, row], detail[i, row] = Status.INVALID.code, rejected[0]
                    continue
                if any(np.isnan(c[0]) for c in cells.values()):
                    status[i, row] = Status.MISSING.code
                    continue
                rules = [c for c in spec.constraints if isinstance(c, PartOfWhole)]
                for rule in rules:
                    if len(rule.parts) == 1 and rule.equal(cells)[0]:
                        cells[rule.parts[0]] = cells[rule.whole].copy()
                broken = [c for c, rule in enumerate(spec.constraints) if rule.invalid(cells)[0]]
                undefined = [
                    c for c, rule in enumerate(spec.constraints) if rule.undefined(cells)[0]
                ]
                value = float(np.broadcast_to(spec.func(**cells), (1,))[0])
                if broken:
                    status[i, row], detail[i, row] = Status.INVALID.code, 1000 + broken[0]
                elif undefined:
                    status[i, row], detail[i, row] = Status.UNDEFINED.code, undefined[0]
                elif not np.isfinite(value):
                    status[i, row], detail[i, row] = Status.UNDEFINED.code, 2000
                else:
                    values[i, row] = (
                        min(value, 100.0) if spec.unit == "percent" and rules else value
                    )
    return values, status, detail


@pytest.mark.parametrize("seed", [0, 1])
def test_evaluate_equals_the_rules_cell_by_cell(seed: int) -> None:
    table = table_from_frame(_dirty(120, seed))
    results = evaluate(table)
    values, status, detail = _reference(table)
    assert np.array_equal(results.status, status)
    assert np.array_equal(results.detail, detail)
    assert np.array_equal(results.values, values, equal_nan=True)


@pytest.mark.parametrize("dtype", ["str", "string[python]", "object"])
def test_duplicates_from_text_ids_equal_factorised(dtype: str) -> None:
    city = pd.Series(["A", " A ", "B", "C", "C", "E", "D"], dtype=dtype)
    code = pd.Series(["1", None, None, "3", "3 ", "  ", "1"], dtype=dtype)
    year = np.array([2024, 2024, 2024, 2024, 2024, 2023, 2025], dtype=np.int64)
    city_objects = np.array([c.strip() for c in city], dtype=object)
    stripped = [c.strip() or None if isinstance(c, str) else None for c in code]
    code_objects = np.array(stripped, dtype=object)
    ids = {"city_ids": text_ids(city), "code_ids": text_ids(code)}
    if dtype == "str" and isinstance(city.dtype, pd.StringDtype):
        assert city.dtype.storage != "pyarrow" or ids["city_ids"] is not None
    fast = duplicated_identity(city_objects, year, code_objects, **ids)
    plain = duplicated_identity(city_objects, year, code_objects)
    assert fast[0].tolist() == plain[0].tolist() == [False] * 3 + [True, True, False, False]
    assert fast[1].tolist() == plain[1].tolist() == [True, True] + [False] * 5


def test_duplicate_padded_city_is_still_an_error() -> None:
    frame = pd.DataFrame({"city": ["Kota A", "  Kota A "], "year": [2024, 2024]})
    with pytest.raises(DataError, match="appear in more than one row"):
        table_from_frame(frame)


def test_coded_rows_of_one_city_are_distinct_but_an_uncoded_one_is_not() -> None:
    coded = pd.DataFrame({"city": ["Kota A", "Kota A"], "year": [2024, 2024], "code": ["1", "2"]})
    assert table_from_frame(coded).n_rows == 2
    uncoded = pd.DataFrame({"city": ["Kota A", "Kota A"], "year": [2024] * 2, "code": ["1", None]})
    with pytest.raises(DataError, match="city 'Kota A' and year 2024 appear in more than one row"):
        table_from_frame(uncoded)
