"""Vectorised building blocks of the Table: identity text, duplicate identities, clean columns.

Package-internal. Each helper does the common case (clean data) in a few whole-column passes
and leaves the rare case (a bad value to report) to the caller's detailed path, so that the
checks cost little when nothing is wrong and the messages stay in one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from iso37122._typing import BoolArray, FloatArray, IntArray, ObjectArray
from iso37122.units import MAX_MAGNITUDE, MIN_MAGNITUDE
from iso37122.variables import Kind, Variable

__all__ = ["checked_view", "duplicated_identity", "stripped_text", "suspects"]


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


def _duplicated(keys: IntArray) -> BoolArray:
    """Mark every entry whose integer key another entry shares (sorting, no hashing)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    same = ordered[1:] == ordered[:-1]
    duplicated = np.zeros(len(keys), dtype=bool)
    if same.any():
        marked = np.zeros(len(keys), dtype=bool)
        marked[1:] |= same
        marked[:-1] |= same
        duplicated[order] = marked
    return duplicated


def duplicated_identity(
    city: ObjectArray, year: IntArray, code: ObjectArray
) -> tuple[BoolArray, BoolArray]:
    """Mark the rows that are the same city-year as another row: by code, and by city.

    Two rows are the same city-year when both have a code and share code and year (*by
    code*), or when they share city and year and one of them has no code (*by city*: a coded
    and an uncoded row of one city cannot be told apart). Names and codes are factorised once
    and compared as integer keys.
    """
    n = len(year)
    has_code: BoolArray = pd.notna(code)  # a code is text or None
    _, years = np.unique(year, return_inverse=True)
    n_years = int(years.max(initial=0)) + 1
    by_code = np.zeros(n, dtype=bool)
    if has_code.any():
        code_ids, _ = pd.factorize(code[has_code])
        by_code[has_code] = _duplicated(code_ids.astype(np.int64) * n_years + years[has_code])
    city_ids, _ = pd.factorize(city)
    groups, inverse, counts = np.unique(
        city_ids.astype(np.int64) * n_years + years, return_inverse=True, return_counts=True
    )
    uncoded = np.bincount(inverse, weights=~has_code, minlength=len(groups)) > 0
    by_city: BoolArray = (counts > 1)[inverse] & uncoded[inverse]
    return by_code, by_city


def suspects(values: FloatArray, variable: Variable) -> BoolArray:
    """Mark the values that a rule of the Table may reject or change; NaN is never suspect.

    Suspect: below the variable's minimum, infinite, outside the plausible magnitudes (0, or
    ``MIN_MAGNITUDE`` to ``MAX_MAGNITUDE``), or, for a count, not a whole number. Every other
    value is valid as it is.
    """
    low = max(variable.minimum, -MAX_MAGNITUDE)
    with np.errstate(invalid="ignore"):
        suspect: BoolArray = values < low
        suspect |= values > MAX_MAGNITUDE  # infinities included
        if variable.kind is Kind.COUNT:
            # Not a whole number (NaN compares false); a tiny non-zero count is not whole.
            suspect |= np.floor(values) < values
        else:
            tiny = np.abs(values) < MIN_MAGNITUDE
            if tiny.any():
                suspect |= tiny & (values != 0.0)
    return suspect


def checked_view(
    series: pd.Series[Any], variable: Variable
) -> tuple[FloatArray | None, BoolArray | None]:
    """Return a float64 column as a read-only array when every value is valid.

    Valid: NaN (not reported), or a value that no rule may reject or change (see
    :func:`suspects`). A float64 column is returned as a view of the caller's data (nothing
    is copied); it is read-only, so that no later step can change the caller's frame.
    Otherwise the view is ``None`` and the caller's detailed path copies the column, rounds
    counts within tolerance of a whole number, and reports each bad value; for a float64
    column it gets the suspect rows found here, so as not to look for them again.
    """
    if series.dtype != np.float64:
        return None, None
    values = series.to_numpy(dtype=np.float64, copy=False)
    suspect = suspects(values, variable)
    if suspect.any():
        return None, suspect
    view: FloatArray = values.view()
    view.flags.writeable = False
    return view, None
