"""One city-year given as a mapping: its validated row without pandas.

Package-internal. A mapping whose keys are identity columns and variable ids is by far the
most common single city-year; building its Table through a one-row DataFrame costs pandas'
per-column overhead (~125 columns) for nothing. :func:`one_row` validates such a mapping
value by value, with the rules and messages of :mod:`iso37122._columns` for a one-row
column, when every value is of a kind whose one-row column pandas would infer plainly:

- ``None``: a column of ``None``, not reported;
- a number (``int`` within 64 bits, ``float``, a numpy integer or ``float32``/``float64``,
  never a ``bool``): a numeric column;
- a ``str``: a text column, read by the unit grammar (``"5 000 MWh"``, ``"n/a"``).

It returns ``None`` for anything else (a Decimal, a Quantity, a bool, an unknown key, a key
with a unit, a bad identity …), which the general path then handles and reports: the result
is the same either way, only the time differs (``tests/test_single.py`` checks it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from iso37122._columns import WHOLE_TOLERANCE, value_rules
from iso37122._typing import BoolArray, FloatArray
from iso37122.errors import DataError, ErrorCode, Problem, UnitError, show_value
from iso37122.units import MAX_MAGNITUDE, MIN_MAGNITUDE, conversion_factor, parse_number
from iso37122.variables import VARIABLES, Kind, Variable

__all__ = ["OneRow", "PlainRecord", "one_row", "plain_table"]

PlainRecord = tuple[str, int, str | None, dict[str, FloatArray]]
"""City, year, code and one single-value column per reported variable."""

_INT64 = 2**63
_UINT64 = 2**64
_NUMPY_NUMBERS = (np.integer, np.float32, np.float64)
_IDENTITY = ("city", "year", "code")


@dataclass(frozen=True, slots=True)
class OneRow:
    """One validated city-year: the content of a one-row Table, and its values as floats.

    Attributes
    ----------
    city, year, code
        The identity (``code`` stripped text or ``None``).
    columns
        One single-value float64 column per variable key, in the mapping's order; NaN where
        not reported or rejected.
    values
        The same values as Python floats.
    invalid
        For each variable whose value was rejected, ``[True]``.
    problems
        One :class:`~iso37122.errors.Problem` per rejected value, by variable id.
    """

    city: str
    year: int
    code: str | None
    columns: dict[str, FloatArray]
    values: dict[str, float]
    invalid: dict[str, BoolArray]
    problems: tuple[Problem, ...]


def _is_number(value: object) -> bool:
    """Whether a value makes a numeric one-row column (not a ``bool``, not object)."""
    kind = type(value)
    if kind is float:
        return True
    if kind is int:
        return -_INT64 <= value < _UINT64  # type: ignore[operator]  # an int
    # A timedelta64 is a numpy integer, but pandas makes a timedelta column of it.
    return isinstance(value, _NUMPY_NUMBERS) and not isinstance(value, np.timedelta64)


def _identity(record: Mapping[str, object], year_range: tuple[int, int]) -> OneRow | None:
    """Return the identity of a clean record (no values yet), or ``None``."""
    city = record.get("city")
    year = record.get("year")
    code = record.get("code")
    if type(city) is not str or type(year) is not int:
        return None
    if not year_range[0] <= year <= year_range[1]:
        return None
    city = city.strip()
    if not city:
        return None
    if code is not None:
        if type(code) is not str:
            return None
        code = code.strip() or None  # a blank code is no code
    return OneRow(city, year, code, {}, {}, {}, ())


def one_row(record: Mapping[str, object], year_range: tuple[int, int]) -> OneRow | None:
    """Validate one city-year given as a mapping, without pandas; ``None`` if not plain.

    Plain: ``city`` a non-blank ``str``; ``year`` an ``int`` in ``year_range``; ``code``
    absent, ``None`` or a ``str``; every other key a variable id whose value is ``None``, a
    number or a ``str`` (see the module docstring). Bad values are rejected as the general
    path rejects them, with the same problems.
    """
    row = _identity(record, year_range)
    if row is None:
        return None
    for key, value in record.items():
        if key in _IDENTITY:
            continue
        if type(key) is not str or key not in VARIABLES:
            return None
        if not (value is None or type(value) is str or _is_number(value)):
            return None
    problems: list[Problem] = []
    for key, value in record.items():
        if key in _IDENTITY:
            continue
        number, problem = _cell(value, VARIABLES[key], row)
        if problem is not None:
            problems.append(problem)
            row.invalid[key] = np.ones(1, dtype=bool)
        row.values[key] = number
        row.columns[key] = np.array([number])
    if problems:
        problems.sort(key=lambda p: p.variable or "")
        row = OneRow(
            row.city, row.year, row.code, row.columns, row.values, row.invalid, tuple(problems)
        )
    return row


def _cell(value: object, variable: Variable, row: OneRow) -> tuple[float, Problem | None]:
    """Return a value in canonical units (NaN if not reported or rejected) and its problem."""
    name = variable.id
    if value is None:
        return math.nan, None
    if type(value) is str:
        try:
            number, unit_text = parse_number(value, variable=name)
            if unit_text:
                number *= conversion_factor(unit_text, variable.unit, variable=name)
        except UnitError as error:
            return math.nan, _problem(row, variable, value, "unit", str(error), rejected=True)
        except DataError as error:
            rule = error.code or "not_a_number"
            return math.nan, _problem(row, variable, value, rule, str(error), rejected=True)
    else:
        number = float(value)  # type: ignore[arg-type]  # a number (see _is_number)
    if number != number or not _suspect(number, variable):  # NaN: not reported
        return number, None
    return _check(number, value if type(value) is str else None, variable, row)


def _suspect(number: float, variable: Variable) -> bool:
    """Whether a rule may reject or change a value (iso37122._columnar.suspects)."""
    if number < max(variable.minimum, -MAX_MAGNITUDE) or number > MAX_MAGNITUDE:
        return True
    if variable.kind is Kind.COUNT:
        return math.floor(number) < number
    return abs(number) < MIN_MAGNITUDE and number != 0.0


def _check(
    number: float, text: str | None, variable: Variable, row: OneRow
) -> tuple[float, Problem | None]:
    """Reject a suspect value, or return it (a count within tolerance made whole)."""
    infinite = math.isinf(number)
    magnitude = abs(number)
    out_of_range = not infinite and (
        magnitude > MAX_MAGNITUDE or (magnitude > 0 and magnitude < MIN_MAGNITUDE)
    )
    fraction = False
    if variable.kind is Kind.COUNT and not infinite:
        whole = float(round(number))
        fraction = not out_of_range and abs(number - whole) > WHOLE_TOLERANCE * max(1.0, magnitude)
        if not fraction:
            number = whole  # a count given as 700.0000000000001
    broken_rules = (infinite, out_of_range, fraction, number < variable.minimum)
    for broken, (rule, message) in zip(broken_rules, value_rules(variable), strict=True):
        if broken:
            shown = number if text is None else text
            return math.nan, _problem(row, variable, shown, rule, message, rejected=False)
    return number, None


def _problem(
    row: OneRow, variable: Variable, given: object, rule: ErrorCode, message: str, *, rejected: bool
) -> Problem:
    """Return the problem of a rejected value, worded as the general path words it."""
    name = variable.id
    if rejected:  # a text the grammar refused: its error's message after the variable id
        text = f"{name} = {show_value(given)}: {message.removeprefix(f'{name}: ')}"
    else:
        text = f"{name} = {show_value(given)} {message}"
    return Problem(0, row.city, row.year, name, given, rule, text)


def plain_table(record: Mapping[str, object], year_range: tuple[int, int]) -> PlainRecord | None:
    """Return the identity and one-row columns of a clean city-year, or ``None``.

    Clean: :func:`one_row` reads it and rejects no value.
    """
    row = one_row(record, year_range)
    if row is None or row.problems:
        return None
    return row.city, row.year, row.code, row.columns
