"""Vectorised building blocks of the Table: identity text, duplicate identities, clean columns.

Package-internal. Each helper does the common case (clean data) in a few whole-column passes
and leaves the rare case (a bad value to report) to the caller's detailed path, so that the
checks cost little when nothing is wrong and the messages stay in one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122.indicators._formulas import FloatArray

__all__ = ["checked_view", "duplicated_identity", "out_of_bounds", "stripped_text"]

BoolArray = npt.NDArray[np.bool_]
ObjectArray = npt.NDArray[np.object_]

_LARGEST = float(np.finfo(np.float64).max)


def stripped_text(series: pd.Series[Any]) -> tuple[ObjectArray, BoolArray]:
    """Return a column as stripped ``str`` objects (``None`` where missing) and the missing mask.

    Text columns (pandas' string dtypes) are stripped by pandas' vectorised string methods;
    other columns are stripped value by value, which costs one method call per cell, cheaper
    than hashing them to strip distinct values only. A value that is not text (a number) is
    converted with ``str``.
    """
    if isinstance(series.dtype, pd.StringDtype):
        stripped = series.str.strip()
        missing: BoolArray = stripped.isna().to_numpy(dtype=bool)
        values: ObjectArray = stripped.to_numpy(dtype=object)
        if missing.any():
            values[missing] = None
        return values, missing
    raw = series.to_numpy(dtype=object)
    missing = pd.isna(raw)
    if missing.any():
        out = [None if gone else str(v).strip() for v, gone in zip(raw, missing, strict=True)]
    else:
        out = [v.strip() if type(v) is str else str(v).strip() for v in raw]
    values = np.empty(len(out), dtype=object)
    values[:] = out
    return values, missing


def duplicated_identity(
    city: ObjectArray, year: npt.NDArray[np.int64], code: ObjectArray
) -> BoolArray:
    """Mark every row whose identity another row shares.

    The identity is (code, year) where a code is given, else (city, year); a code and a city
    name never match each other. The text keys are factorised once and the duplicates found on
    integer keys.
    """
    n = len(year)
    has_code: BoolArray = pd.notna(code)  # a code is text or None
    key = np.where(has_code, code, city)
    ids, _ = pd.factorize(key)
    _, years = np.unique(year, return_inverse=True)
    composite = (ids.astype(np.int64) * 2 + has_code) * (int(years.max(initial=0)) + 1) + years
    order = np.argsort(composite, kind="stable")
    ordered = composite[order]
    same = ordered[1:] == ordered[:-1]
    duplicated = np.zeros(n, dtype=bool)
    if same.any():
        marked = np.zeros(n, dtype=bool)
        marked[1:] |= same
        marked[:-1] |= same
        duplicated[order] = marked
    return duplicated


def _outside(values: FloatArray, minimum: float, maximum: float) -> BoolArray:
    # Infinite values fall outside [-largest, largest]; NaN compares false and passes.
    low = max(minimum, -_LARGEST)
    high = min(maximum, _LARGEST)
    with np.errstate(invalid="ignore"):
        outside = values < low
        outside |= values > high
    return outside


def out_of_bounds(values: FloatArray, minimum: float, maximum: float) -> npt.NDArray[np.intp]:
    """Return the rows whose value is infinite or outside ``[minimum, maximum]`` (NaN passes)."""
    return np.flatnonzero(_outside(values, minimum, maximum))


def checked_view(series: pd.Series[Any], minimum: float, maximum: float) -> FloatArray | None:
    """Return a float64 column as a read-only array when every value is valid, else ``None``.

    Valid: NaN (not reported) or finite within ``[minimum, maximum]``. A float64 column is
    returned as a view of the caller's data (nothing is copied); it is read-only, so that no
    later step can change the caller's frame. ``None`` sends the caller to its detailed path,
    which copies the column and reports each bad value.
    """
    if series.dtype != np.float64:
        return None
    values = series.to_numpy(dtype=np.float64, copy=False)
    if _outside(values, minimum, maximum).any():
        return None
    view: FloatArray = values.view()
    view.flags.writeable = False
    return view
