"""Other frame libraries as input: Polars and Apache Arrow tables, without copying numbers.

:func:`~iso37122.compute_profile` accepts a ``polars.DataFrame``, a ``pyarrow.Table`` or a
``pyarrow.RecordBatch`` as it accepts a pandas DataFrame. The frame is handed to the same
validation as a pandas frame through a pandas view whose numeric columns *share* the Arrow
buffers (one pandas block per column): a float column without nulls is not copied on the way
in. An Arrow null is a value not reported, as NaN is in pandas. Polars and pyarrow are optional
(``pip install iso37122[polars]`` or ``[arrow]``); nothing here imports them until such a frame
is given.

Examples
--------
>>> import pyarrow as pa
>>> from iso37122 import compute_profile
>>> table = pa.table({"city": ["Kota Contoh"], "year": [2024], "population": [200_000.0],
...                   "population_with_fast_broadband": [150_000.0]})
>>> compute_profile(table)[0]["18.1"].value
75.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    import polars as pl
    from typing_extensions import TypeIs

__all__ = ["arrow_to_pandas", "is_arrow", "is_dask", "is_polars", "to_pandas"]


def _library(data: object) -> str:
    """Return the top-level package that defines an object's type (``"polars"`` …)."""
    return type(data).__module__.partition(".")[0]


def is_polars(data: object) -> TypeIs[pl.DataFrame]:
    """Whether ``data`` is a Polars DataFrame (checked without importing Polars)."""
    return _library(data) == "polars" and type(data).__name__ == "DataFrame"


def is_arrow(data: object) -> bool:
    """Whether ``data`` is a pyarrow Table or RecordBatch (checked without importing pyarrow)."""
    return _library(data) == "pyarrow" and type(data).__name__ in ("Table", "RecordBatch")


def is_dask(data: object) -> TypeIs[dd.DataFrame]:
    """Whether ``data`` is a Dask DataFrame (checked without importing Dask)."""
    return _library(data) in ("dask", "dask_expr") and type(data).__name__ == "DataFrame"


def arrow_to_pandas(table: Any) -> pd.DataFrame:
    """Return a pandas view of an Arrow table, numeric columns sharing the Arrow buffers.

    ``split_blocks=True`` gives each column its own block, so that a numeric column in one
    chunk and without nulls is wrapped rather than copied; a column with nulls becomes float
    with NaN (a copy of that column only). Text stays text.
    """
    frame: pd.DataFrame = table.to_pandas(split_blocks=True)
    return frame


def to_pandas(data: object) -> pd.DataFrame:
    """Return a pandas view of a Polars DataFrame or an Arrow Table or RecordBatch.

    Raises
    ------
    TypeError
        For any other object.
    """
    if is_arrow(data):
        return arrow_to_pandas(data)
    if is_polars(data):
        # Polars hands its buffers to Arrow without a copy (``to_arrow``); see above for pandas.
        return arrow_to_pandas(data.to_arrow())
    raise TypeError(f"not a Polars or Arrow frame: {type(data).__name__}")
