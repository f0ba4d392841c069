"""Polars, Arrow and Dask frames give exactly the results of the same data as a pandas frame."""

from __future__ import annotations

from typing import Any, Literal

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import iso37122 as iso
from iso37122.backends import is_arrow, is_dask, is_polars, to_pandas
from iso37122.distributed import DaskProfileSet
from iso37122.errors import ConfigError, DataError
from iso37122.testing import synthetic_frame

from_pandas: Any = dd.from_pandas  # untyped in Dask


@pytest.fixture(autouse=True)
def synchronous_dask() -> Any:
    with dask.config.set(scheduler="synchronous"):
        yield


def _with_identity(frame: pd.DataFrame, **identity: Any) -> pd.DataFrame:
    """Replace identity columns in one go (column by column would fragment the frame)."""
    kept = frame.drop(columns=list(identity))
    return pd.concat([pd.DataFrame(identity, index=frame.index), kept], axis=1)


def _messy(n_rows: int, seed: int = 0) -> pd.DataFrame:
    """A synthetic frame over three years with missing, negative and zero values."""
    frame = synthetic_frame(n_rows, seed=seed)
    frame = _with_identity(frame, year=2022 + np.arange(n_rows) % 3)
    frame.loc[1, "population"] = np.nan  # every per-person indicator of row 1 is missing
    frame.loc[2, "land_area"] = -5.0  # rejected: per-area indicators of row 2 are invalid
    frame.loc[3, "street_lights"] = 0.0  # a zero whole: street-lighting shares undefined
    return frame


def _assert_same_wide(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    got = got.sort_values(["year", "code"]).reset_index(drop=True)
    expected = expected.sort_values(["year", "code"]).reset_index(drop=True)
    assert list(got.columns) == list(expected.columns)
    for column in expected.columns:
        left, right = got[column].to_numpy(), expected[column].to_numpy()
        if left.dtype.kind == "f":
            # Bit for bit, NaN where the in-memory result has NaN.
            assert np.array_equal(left, right, equal_nan=True), column
        else:
            missing_as_none = [None if pd.isna(v) else v for v in left.tolist()]
            assert missing_as_none == right.tolist(), column


# --------------------------------------------------------------------------------------------
# Polars and Arrow
# --------------------------------------------------------------------------------------------


def test_detection_without_importing() -> None:
    table = pa.table({"city": ["A"]})
    assert is_arrow(table)
    assert is_arrow(table.to_batches()[0])
    assert is_polars(pl.DataFrame({"city": ["A"]}))
    assert is_dask(from_pandas(pd.DataFrame({"city": ["A"]}), npartitions=1))
    for other in (pd.DataFrame({"city": ["A"]}), {"city": "A"}, [1, 2]):
        assert not is_arrow(other)
        assert not is_polars(other)
        assert not is_dask(other)
        with pytest.raises(TypeError, match="not a Polars or Arrow frame"):
            to_pandas(other)


def test_arrow_numbers_are_not_copied() -> None:
    frame = synthetic_frame(50)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    view = to_pandas(table)
    assert view is not None
    buffer = table.column("land_area").chunk(0).to_numpy()
    assert np.shares_memory(view["land_area"].to_numpy(), buffer)


@pytest.mark.parametrize("kind", ["arrow", "polars"])
def test_arrow_and_polars_equal_pandas(kind: str) -> None:
    frame = _messy(30)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    data: Any = table if kind == "arrow" else pl.from_arrow(table)
    got = iso.compute_profile(data)
    expected = iso.compute_profile(frame)
    assert np.array_equal(got.results.values, expected.results.values, equal_nan=True)
    assert np.array_equal(got.results.status, expected.results.status)
    assert got[2]["8.2"].reason == expected[2]["8.2"].reason
    assert got[2]["8.2"].status is iso.Status.INVALID


def test_arrow_null_is_not_reported() -> None:
    # Arrow nulls, not NaN: population null, so 18.1 is missing; 150 000 / 200 000 = 75 %.
    table = pa.table(
        {
            "city": ["A", "B"],
            "year": [2024, 2024],
            "population": pa.array([None, 200_000.0]),
            "population_with_fast_broadband": [150_000.0, 150_000.0],
        }
    )
    profiles = iso.compute_profile(table)
    assert profiles[0]["18.1"].status is iso.Status.MISSING
    assert profiles[1]["18.1"].value == 75.0


def test_polars_unknown_column_is_named() -> None:
    frame = pl.DataFrame({"city": ["A"], "year": [2024], "populaton": [1.0]})
    with pytest.raises(DataError, match="populaton"):
        iso.compute_profile(frame)


# --------------------------------------------------------------------------------------------
# Dask
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["wide", "long"])
def test_dask_equals_in_memory(kind: Literal["wide", "long"]) -> None:
    frame = _messy(60)
    profiles = iso.compute_profile(from_pandas(frame, npartitions=4))
    assert isinstance(profiles, DaskProfileSet)
    lazy: Any = profiles.to_frame(kind)
    got = lazy.compute()
    expected = iso.compute_profile(frame).to_frame(kind)
    if kind == "wide":
        _assert_same_wide(got, expected)
        return
    assert len(got) == len(expected) == 60 * 80

    def in_order(frame: pd.DataFrame) -> pd.DataFrame:  # the peer shuffle moves rows
        frame = frame.reset_index(drop=True)
        keys = pd.DataFrame({"c": frame["code"].astype(str), "k": frame["clause"].astype(str)})
        return frame.iloc[keys.sort_values(["c", "k"]).index].reset_index(drop=True)

    got, expected = in_order(got), in_order(expected)
    for column in ("city", "code", "clause", "status", "unit"):
        assert got[column].astype(str).tolist() == expected[column].astype(str).tolist()
    assert np.array_equal(got["value"].to_numpy(), expected["value"].to_numpy(), equal_nan=True)
    reasons = expected["reason"].astype("string")
    assert got["reason"].fillna("").tolist() == reasons.fillna("").tolist()
    assert (got["reason"].str.startswith("invalid input").sum()) > 0


@pytest.mark.parametrize(
    ("normalisation", "peer_by"),
    [("minmax", "year"), ("rank", "year"), ("zscore", "city"), ("minmax", "all")],
)
def test_dask_peer_scores_equal_in_memory(normalisation: str, peer_by: str) -> None:
    # Rows of one year are spread over every partition; the shuffle gathers them.
    frame = _messy(45)
    config = iso.RollupConfig(normalisation=normalisation, peer_by=peer_by)
    frame = _with_identity(
        frame,
        city=[f"Kota {i % 15}" for i in range(45)],  # 15 cities x 3 years
        year=2022 + np.arange(45) // 15,
        code=[f"99.{i % 15:02d}" for i in range(45)],
    )
    ddf = from_pandas(frame, npartitions=5)
    got = iso.compute_profile(ddf, config=config).to_frame("wide").compute()
    expected = iso.compute_profile(frame, config=config).to_frame("wide")
    _assert_same_wide(got, expected)
    # The peer scores are real: some element scores differ between rows.
    assert len(set(expected["livable_score"].dropna())) > 1


def test_dask_partition_of_lone_rows_is_scored_as_in_memory() -> None:
    # Year 2030 holds one city only; the shuffle puts it alone in a partition.
    frame = _with_identity(_messy(12), year=[2022] * 11 + [2030])
    config = iso.RollupConfig(normalisation="minmax")
    ddf = from_pandas(frame, npartitions=2)
    got = iso.compute_profile(ddf, config=config).to_frame("wide")
    expected = iso.compute_profile(frame, config=config).to_frame("wide")
    _assert_same_wide(got.compute(), expected)
    # The shuffle put the lone year in a partition of its own, which still scored it.
    parts = [got.get_partition(i).compute() for i in range(got.npartitions)]
    assert [p["year"].tolist() for p in parts if len(p) == 1] == [[2030]]
    lone = next(p for p in parts if len(p) == 1)
    assert lone["livable_n_scored"].tolist() == [0]  # alone: no peer score
    assert lone["livable_coverage"].tolist() == [0.0]


def test_dask_duplicate_across_partitions_raises() -> None:
    frame = synthetic_frame(20)
    codes = frame["code"].tolist()
    codes[17] = codes[2]  # rows 2 and 17: partitions 0 and 3
    frame = _with_identity(frame, code=codes)
    with pytest.raises(DataError, match="same identity") as caught:
        iso.compute_profile(from_pandas(frame, npartitions=4))
    assert [p.row for p in caught.value.problems] == [2, 17]
    assert {p.value for p in caught.value.problems} == {codes[2]}


def test_dask_structure_is_checked_at_once() -> None:
    frame = synthetic_frame(4).rename(columns={"population": "populaton"})
    with pytest.raises(DataError, match="populaton"):
        iso.compute_profile(from_pandas(frame, npartitions=2))


def test_dask_peers_need_a_group() -> None:
    frame = synthetic_frame(4)  # one year per city: each alone when peers are the same city
    with pytest.raises(ConfigError, match="alone in its peer group"):
        iso.compute_profile(
            from_pandas(frame, npartitions=2),
            config=iso.RollupConfig(normalisation="rank", peer_by="city"),
        )


def test_dask_year_with_few_peers_is_scored_as_in_memory() -> None:
    # 2030 has three city-years: its open-ended indicators are scored against every year's
    # values, so the rows cannot be split by year; a first pass finds that out.
    frame = _with_identity(_messy(33), year=[2022] * 15 + [2023] * 15 + [2030] * 3)
    profiles = iso.compute_profile(from_pandas(frame, npartitions=3))
    assert isinstance(profiles, DaskProfileSet)
    assert profiles.npartitions == 1
    got: Any = profiles.to_frame("wide")
    expected = iso.compute_profile(frame)
    _assert_same_wide(got.compute(), expected.to_frame("wide"))
    assert expected.elements.pooled  # the in-memory roll-up pooled some years


def test_dask_peers_by_year_keep_partitions_split_by_year() -> None:
    frame = _with_identity(_messy(40), year=[2022] * 20 + [2023] * 20)
    profiles = iso.compute_profile(from_pandas(frame, npartitions=4))
    assert isinstance(profiles, DaskProfileSet)
    got: Any = profiles.to_frame("wide")
    _assert_same_wide(got.compute(), iso.compute_profile(frame).to_frame("wide"))
    years = [set(got.get_partition(i).compute()["year"]) for i in range(got.npartitions)]
    assert all(len(y) <= 1 for y in years)  # each year whole in one partition


# Dask's parquet writer calls set_index(inplace=True), deprecated by pandas 3.1.
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.set_index")
def test_dask_result_is_written_by_dask(tmp_path: Any) -> None:
    frame = _messy(20)
    wide = iso.compute_profile(from_pandas(frame, npartitions=2)).to_frame("wide")
    wide.to_parquet(tmp_path / "out")
    back = pd.read_parquet(tmp_path / "out")
    _assert_same_wide(back, iso.compute_profile(frame).to_frame("wide"))
    assert repr(iso.compute_profile(from_pandas(frame, npartitions=2))) == (
        "<DaskProfileSet over 2 partitions>"
    )
