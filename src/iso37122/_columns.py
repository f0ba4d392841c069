"""Validation of one input column: identity columns (city, year, code) and variable columns.

Each function takes one column as given (a pandas Series) and returns it as a numpy array in
the form a :class:`~iso37122.data.Table` holds, with the cells it rejects and why. The table
as a whole (duplicates, unknown columns, strict mode) is :mod:`iso37122.data`'s business.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122._columnar import Rows, checked_view, stripped_text, suspects
from iso37122._typing import BoolArray, FloatArray, IntArray, ObjectArray
from iso37122.errors import (
    DataError,
    ErrorCode,
    Problem,
    UnitError,
    show_value,
)
from iso37122.units import (
    MAX_MAGNITUDE,
    MIN_MAGNITUDE,
    as_number,
    conversion_factor,
    is_quantity,
    parse_number,
    to_canonical,
)
from iso37122.variables import Kind, Variable

__all__ = [
    "WHOLE_TOLERANCE",
    "YEAR_RANGE",
    "city_column",
    "code_column",
    "value_rules",
    "variable_column",
    "year_column",
]

YEAR_RANGE = (1900, 2100)
"""Inclusive range of a plausible reporting year."""

WHOLE_TOLERANCE = 1e-9
"""Relative distance from a whole number within which a count is read as that whole number
(a count given with a unit may come out of the conversion a few ulp off)."""


def value_rules(variable: Variable) -> tuple[tuple[ErrorCode, str], ...]:
    """Return the rules a reported number must pass, in order, with the words of their problems.

    Infinite, outside the plausible magnitudes, a fraction of a count, below the minimum: the
    first rule a value breaks is its problem (``f"{name} = {value} {words}"``).
    """
    unit_text = f" [{variable.unit}]"
    return (
        ("not_finite", "is not finite"),
        (
            "out_of_range",
            f"is outside the plausible magnitudes {MIN_MAGNITUDE:g} to {MAX_MAGNITUDE:g}"
            f"{unit_text}; check the unit and the number of digits",
        ),
        ("not_whole", f"is not a whole number, but {variable.id} is a count{unit_text}"),
        ("below_minimum", f"is below the minimum {variable.minimum:g}{unit_text}"),
    )


def _as_objects(series: pd.Series[Any]) -> ObjectArray:
    """Return a Series as an object array with ``None`` for every kind of missing value."""
    values: ObjectArray = series.to_numpy(dtype=object, copy=True)
    values[[_is_missing(v) for v in values]] = None
    return values


def _is_missing(value: object) -> bool:
    """Whether one cell is a missing value (None, NaN, NA, NaT, a quiet Decimal NaN)."""
    if isinstance(value, Decimal):
        return value.is_qnan()  # a signalling NaN is an error, and cannot be compared
    if not pd.api.types.is_scalar(value):
        return False
    missing: object = pd.isna(value)  # type: ignore[call-overload]  # any scalar
    return bool(missing)


def _stripped_text(series: pd.Series[Any]) -> tuple[ObjectArray, BoolArray]:
    """Return a column as stripped strings (``None`` where missing) and the missing mask.

    Text dtypes are stripped by pandas' vectorised string methods (see
    :func:`iso37122._columnar.stripped_text`).
    """
    return stripped_text(series)


def city_column(series: pd.Series[Any]) -> ObjectArray:
    values, missing = _stripped_text(series)
    empty = np.flatnonzero(missing | (values == ""))
    if empty.size:
        raise DataError(
            "rows without a city name: " + ", ".join(str(i) for i in empty[:20]),
            [
                Problem(int(i), None, None, "city", None, "missing_identity", "city is empty")
                for i in empty
            ],
        )
    return values


def year_column(series: pd.Series[Any], city: ObjectArray) -> IntArray:
    low, high = YEAR_RANGE
    raw = series.to_numpy(dtype=object)
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_complex_dtype(series.dtype):
        numeric = np.full(len(series), np.nan)
    elif pd.api.types.is_numeric_dtype(series.dtype):
        numeric = series.to_numpy(dtype=float, na_value=np.nan)
    else:
        numeric = np.array([_year_number(v) for v in raw], dtype=float)
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(numeric) | (numeric != np.round(numeric))
        bad |= (numeric < low) | (numeric > high)
    if bad.any():
        problems = [
            Problem(
                int(i),
                str(city[i]),
                None,
                "year",
                raw[i],
                "bad_year",
                f"year {show_value(raw[i])} is not a whole number from {low} to {high}",
            )
            for i in np.flatnonzero(bad)
        ]
        raise DataError("every row needs a whole-number year:", problems, code="bad_year")
    return numeric.astype(np.int64)


def _year_number(value: object) -> float:
    """Return a year from an int, a float or text; NaN for anything else (a boolean, a date)."""
    if isinstance(value, bool | np.bool_):
        return math.nan
    if isinstance(value, int | np.integer):
        return float(value) if -(10**6) < int(value) < 10**6 else math.nan
    if isinstance(value, float | np.floating):
        return float(value)
    if isinstance(value, str) and len(value) <= 12:
        try:
            return float(value.strip())
        except ValueError:
            return math.nan
    return math.nan


def code_column(series: pd.Series[Any]) -> ObjectArray:
    """Region codes as stripped text from any dtype; an error where the text is already lost.

    A code read as a float (``35.10`` becomes ``35.1``) cannot be restored; integers are
    accepted (BPS codes such as ``7371`` have no leading zero).
    """
    if isinstance(series.dtype, pd.StringDtype):  # text already: strip it, vectorised
        stripped, _ = stripped_text(series)
        stripped[stripped == ""] = None  # a blank code is no code
        return stripped
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    texts: list[str | None] = []
    for value in np.asarray(uniques, dtype=object):
        if isinstance(value, str):
            text = value.strip()
        elif isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
            text = str(int(value))
        else:
            first = int(np.flatnonzero(codes == len(texts))[0])
            what = "a number" if isinstance(value, float | np.floating) else type(value).__name__
            raise DataError(
                f"code {value!r} (row {first}) was read as {what}: a code such as '35.10' "
                "becomes 35.1. Read the column as text, e.g. pd.read_csv(..., "
                "dtype={'code': str})",
                [Problem(first, None, None, "code", value, "code_not_text", "code is not text")],
                code="code_not_text",
            )
        texts.append(text or None)
    lookup = np.array([*texts, None], dtype=object)
    values: ObjectArray = lookup[codes]  # the sentinel -1 picks the None
    return values


def _convert_cells(
    raw: ObjectArray, variable: Variable, factor: float
) -> tuple[FloatArray, list[tuple[int, ErrorCode, str]]]:
    """Convert an object column cell by cell; return values and (row, rule, message) rejects.

    Text with a unit and Quantities carry their own unit; a bare number or numeric text is in
    the column's unit (``factor`` converts it). Equal texts are converted once. Range and
    bound checks are left to the caller, which makes them on whole columns.
    """
    name = variable.id
    values = np.full(len(raw), np.nan)
    rejected: list[tuple[int, ErrorCode, str]] = []
    seen: dict[str, tuple[float, ErrorCode | None, str]] = {}
    for i, cell in enumerate(raw):
        if cell is None:
            continue
        if isinstance(cell, str) and cell in seen:
            number, rule, message = seen[cell]
        else:
            number, rule, message = math.nan, None, ""
            try:
                if is_quantity(cell):
                    number = to_canonical(cell, variable.unit, variable=name)
                elif isinstance(cell, str):
                    number, unit_text = parse_number(cell, variable=name)
                    number *= (
                        conversion_factor(unit_text, variable.unit, variable=name)
                        if unit_text
                        else factor
                    )
                else:
                    number = as_number(cell, variable=name) * factor
            except UnitError as error:
                rule, message = "unit", str(error)
            except DataError as error:
                rule, message = error.code or "not_a_number", str(error)
            if isinstance(cell, str):
                seen[cell] = (number, rule, message)
        if rule:
            rejected.append((i, rule, message))
        else:
            values[i] = number
    return values, rejected


def variable_column(
    series: pd.Series[Any],
    variable: Variable,
    unit: str | None,
    city: ObjectArray,
    year: IntArray,
    *,
    scratch: FloatArray | None = None,
) -> tuple[FloatArray, Rows, list[Problem]]:
    """Validate one variable column: its values, the rows it rejects and why.

    Returns
    -------
    values
        The column in the variable's canonical unit. A float64 column given in that unit is
        returned as a read-only view of the caller's data unless a value must change (a count
        rounded to its whole number): its rejected cells are then left as given, and the
        caller reads them as NaN (see :class:`iso37122._columnar.MaskedColumns`). Any other
        column is a new array with NaN in its rejected cells.
    rejected
        The rows whose value was rejected, in increasing order.
    problems
        One :class:`~iso37122.errors.Problem` per rejected row.

    ``scratch`` is a float64 buffer as long as the column for the checks (see
    :func:`iso37122._columnar.suspects`).
    """
    name = variable.id
    factor = 1.0 if unit is None else conversion_factor(unit, variable.unit, variable=name)
    problems: list[Problem] = []
    raw: npt.NDArray[Any] | None = None
    clean, suspect = (
        (None, None) if unit is not None else checked_view(series, variable, scratch=scratch)
    )
    if clean is not None:  # every value valid: a read-only view of the caller's column
        return clean, np.zeros(0, dtype=np.intp), problems
    shared = False  # values is the caller's data, read-only
    if pd.api.types.is_complex_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        raw = series.pipe(_as_objects)
        values = np.full(len(series), np.nan)
        what = "a boolean" if pd.api.types.is_bool_dtype(series.dtype) else "a complex number"
        rejected: list[tuple[int, ErrorCode, str]] = [
            (int(i), "wrong_type", f"{name}: {raw[i]!r} is {what}, not a number")
            for i in np.flatnonzero([v is not None for v in raw])
        ]
    elif suspect is not None:  # float64 in the canonical unit, a few suspect values
        values = series.to_numpy(dtype=np.float64, copy=False)
        shared = True
        rejected = []
    elif pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan, copy=True)
        if factor != 1.0:
            values *= factor
        rejected = []
    else:
        raw = series.pipe(_as_objects)
        values, rejected = _convert_cells(raw, variable, factor)
    for i, rule, message in rejected:
        given = raw[i] if raw is not None else None
        text = message.removeprefix(f"{name}: ")
        problems.append(
            Problem(
                i,
                str(city[i]),
                int(year[i]),
                name,
                given,
                rule,
                f"{name} = {show_value(given)}: {text}",
            )
        )
    # The rules below change or reject only suspect rows (see iso37122._columnar.suspects):
    # they are applied to those rows alone, so that a column with a few bad cells costs a few
    # whole-column passes, not one per rule. A cell rejected above is NaN, never suspect.
    if suspect is None:
        suspect = suspects(values, variable, scratch=scratch)
    rows = np.flatnonzero(suspect)
    cells = values[rows]
    done = np.zeros(rows.size, dtype=bool)
    with np.errstate(invalid="ignore"):
        infinite = np.isinf(cells)
        magnitude = np.abs(cells)
        out_of_range = ~infinite & (
            (magnitude > MAX_MAGNITUDE) | ((magnitude > 0) & (magnitude < MIN_MAGNITUDE))
        )
        whole = np.round(cells)
        fraction = (
            ~infinite
            & ~out_of_range
            & (np.abs(cells - whole) > WHOLE_TOLERANCE * np.maximum(1.0, magnitude))
        )
        if variable.kind is not Kind.COUNT:
            fraction[:] = False
        else:
            rounded = np.where(fraction, cells, whole)  # a count given as 700.0000000000001
            if shared and np.any(rounded != cells):
                values, shared = values.copy(), False  # a value changes: copy the column
            if not shared:
                values[rows] = rounded
            cells = rounded
        below = cells < variable.minimum
    checks = tuple(
        (mask, rule, text)
        for mask, (rule, text) in zip(
            (infinite, out_of_range, fraction, below), value_rules(variable), strict=True
        )
    )
    for mask, rule, text in checks:
        for row in rows[mask & ~done].tolist():
            shown = raw[row] if raw is not None else float(values[row] / factor)
            problems.append(
                Problem(
                    row,
                    str(city[row]),
                    int(year[row]),
                    name,
                    shown,
                    rule,
                    f"{name} = {show_value(shown)} {text}",
                )
            )
        done |= mask
    bad = np.union1d(np.array([i for i, _, _ in rejected], dtype=np.intp), rows[done])
    if not shared:
        values[bad] = np.nan
    return values, bad, problems
