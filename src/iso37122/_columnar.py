"""Vectorised building blocks of the Table: identity text, duplicate identities, clean columns.

Package-internal. Each helper does the common case (clean data) in a few whole-column passes
and leaves the rare case (a bad value to report) to the caller's detailed path, so that the
checks cost little when nothing is wrong and the messages stay in one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122._typing import BoolArray, FloatArray, IntArray, ObjectArray
from iso37122.units import MAX_MAGNITUDE, MIN_MAGNITUDE
from iso37122.variables import Kind, Variable

Rows = npt.NDArray[np.intp]
"""Row numbers, as ``np.flatnonzero`` gives them."""

__all__ = [
    "MaskedColumns",
    "RowMasks",
    "Rows",
    "checked_view",
    "duplicated_identity",
    "stripped_text",
    "suspects",
    "text_ids",
]


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


def text_ids(series: pd.Series[Any]) -> IntArray | None:
    """Give each distinct stripped text of a column a number (-1 where missing).

    Done by Arrow's dictionary encoding for a pyarrow-backed string column, much faster than
    hashing the Python strings; ``None`` for any other column (the caller factorises).
    """
    dtype = series.dtype
    if not isinstance(dtype, pd.StringDtype) or dtype.storage != "pyarrow":
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    given: Any = series.str.strip().array  # an ArrowStringArray: the Arrow data, not copied
    stripped = pa.chunked_array(given.__arrow_array__())
    indices = pc.dictionary_encode(stripped).combine_chunks().indices
    ids: IntArray = pc.fill_null(indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    del stripped, indices
    # Arrow's allocator keeps what it freed (the stripped text, the hash table) for reuse:
    # give it back, so that numbering a million names does not hold their size in memory.
    pa.default_memory_pool().release_unused()
    return ids


def duplicated_identity(
    city: ObjectArray,
    year: IntArray,
    code: ObjectArray,
    *,
    city_ids: IntArray | None = None,
    code_ids: IntArray | None = None,
) -> tuple[BoolArray, BoolArray]:
    """Mark the rows that are the same city-year as another row: by code, and by city.

    Two rows are the same city-year when both have a code and share code and year (*by
    code*), or when they share city and year and one of them has no code (*by city*: a coded
    and an uncoded row of one city cannot be told apart). Names and codes are numbered once
    (factorised, unless ``city_ids`` and ``code_ids`` give the numbers, see
    :func:`text_ids`) and compared as integer keys.
    """
    n = len(year)
    has_code: BoolArray = pd.notna(code)  # a code is text or None
    # Years are whole numbers in a short range: offsets from the first are small keys.
    years = year.astype(np.int64) - int(year.min(initial=0)) if n else year.astype(np.int64)
    n_years = int(years.max(initial=0)) + 1
    by_code = np.zeros(n, dtype=bool)
    if has_code.any():
        if code_ids is None:
            found, _ = pd.factorize(code[has_code])
            coded = found.astype(np.int64)
        else:
            coded = code_ids[has_code]
        by_code[has_code] = _duplicated(coded * n_years + years[has_code])
    if has_code.all():  # rows of one city can be told apart by their codes
        return by_code, np.zeros(n, dtype=bool)
    if city_ids is None:
        city_ids = pd.factorize(city)[0].astype(np.int64)
    keys = city_ids * n_years + years
    shared = _duplicated(keys)
    if not shared.any():  # the common case: every city-year once
        return by_code, shared
    groups, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    uncoded = np.bincount(inverse, weights=~has_code, minlength=len(groups)) > 0
    by_city: BoolArray = (counts > 1)[inverse] & uncoded[inverse]
    return by_code, by_city


def suspects(
    values: FloatArray, variable: Variable, *, scratch: FloatArray | None = None
) -> BoolArray:
    """Mark the values that a rule of the Table may reject or change; NaN is never suspect.

    Suspect: below the variable's minimum, infinite, outside the plausible magnitudes (0, or
    ``MIN_MAGNITUDE`` to ``MAX_MAGNITUDE``), or, for a count, not a whole number. Every other
    value is valid as it is. ``scratch``, a float64 array as long as ``values``, is used for
    the intermediate values, so that checking many columns allocates (and pages in) one
    buffer instead of one per column.
    """
    low = max(variable.minimum, -MAX_MAGNITUDE)
    if scratch is None or scratch.shape != values.shape:
        scratch = np.empty(values.shape)
    with np.errstate(invalid="ignore"):
        suspect: BoolArray = values < low
        suspect |= values > MAX_MAGNITUDE  # infinities included
        if variable.kind is Kind.COUNT:
            # Not a whole number (NaN compares false); a tiny non-zero count is not whole.
            suspect |= np.floor(values, out=scratch) < values
        else:
            tiny = np.abs(values, out=scratch) < MIN_MAGNITUDE
            if tiny.any():
                suspect |= tiny & (values != 0.0)
    return suspect


def checked_view(
    series: pd.Series[Any], variable: Variable, *, scratch: FloatArray | None = None
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
    suspect = suspects(values, variable, scratch=scratch)
    if suspect.any():
        return None, suspect
    view: FloatArray = values.view()
    view.flags.writeable = False
    return view, None


class MaskedColumns(Mapping[str, FloatArray]):
    """Variable columns that read NaN at their rejected rows, copied only when read.

    ``given`` holds each column as validated: a read-only view of the caller's data may keep
    a rejected value in place, so that a column with a few bad cells is not copied whole.
    Reading a column through the mapping gives it with NaN at its ``rejected`` rows (a copy,
    made on the first read and kept); :meth:`as_given` gives it without the copy, for readers
    that stop rejected rows first (the engine).
    """

    def __init__(self, given: Mapping[str, FloatArray], rejected: Mapping[str, Rows]) -> None:
        self._given = dict(given)
        self._rejected = {k: rows for k, rows in rejected.items() if rows.size}
        self._masked: dict[str, FloatArray] = {}

    def __getitem__(self, variable: str) -> FloatArray:
        column = self._given[variable]
        rows = self._rejected.get(variable)
        if rows is None:
            return column
        masked = self._masked.get(variable)
        if masked is None:
            masked = column.copy()
            masked[rows] = np.nan
            masked.flags.writeable = False
            self._masked[variable] = masked
        return masked

    def __iter__(self) -> Iterator[str]:
        return iter(self._given)

    def __len__(self) -> int:
        return len(self._given)

    def as_given(self, variable: str) -> FloatArray | None:
        """Return a column with its rejected cells as given (``None`` for one not held)."""
        return self._given.get(variable)


class RowMasks(Mapping[str, BoolArray]):
    """Per variable, a boolean mask over ``n_rows`` rows, held as the few row numbers it marks.

    A mask is built when read (and kept); :meth:`rows` gives the row numbers without it.
    """

    def __init__(self, rows: Mapping[str, Rows], n_rows: int) -> None:
        self._rows = {k: v for k, v in rows.items() if v.size}
        self._n_rows = n_rows
        self._masks: dict[str, BoolArray] = {}

    def __getitem__(self, variable: str) -> BoolArray:
        mask = self._masks.get(variable)
        if mask is None:
            mask = np.zeros(self._n_rows, dtype=bool)
            mask[self._rows[variable]] = True
            self._masks[variable] = mask
        return mask

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, variable: str) -> Rows:
        """Row numbers of a variable's mask (empty for a variable not held)."""
        return self._rows.get(variable, np.zeros(0, dtype=np.intp))
