"""One city-year given as plain numbers: a Table without pandas.

Package-internal. A mapping whose keys are identity columns and variable ids and whose values
are plain numbers, all valid, is by far the most common single city-year; building its Table
through a one-row DataFrame costs pandas' per-column overhead (~125 columns) for nothing. This
builder takes that case only and returns ``None`` for anything else (a unit, a string, an
unknown key, a bad value …), which the general path then handles and reports: the result is
the same either way, only the time differs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from iso37122._typing import FloatArray
from iso37122.units import MAX_MAGNITUDE, MIN_MAGNITUDE
from iso37122.variables import VARIABLES, Kind

__all__ = ["PlainRecord", "plain_table"]

PlainRecord = tuple[str, int, str | None, dict[str, FloatArray]]
"""City, year, code and one single-value column per reported variable."""

_INT64 = 2**63


def plain_table(record: Mapping[str, object], year_range: tuple[int, int]) -> PlainRecord | None:
    """Return the identity and one-row columns of a clean, plain-number city-year, or ``None``.

    Clean: ``city`` a non-blank ``str``; ``year`` an ``int`` in ``year_range``; ``code``
    absent, ``None`` or a ``str``; every other key a variable id whose value is ``None`` (not
    reported) or an ``int`` or ``float`` (not ``bool``), finite, not below the variable's
    minimum, within the plausible magnitudes, and whole for a count.
    """
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
    columns: dict[str, FloatArray] = {}
    for key, value in record.items():
        if key in ("city", "year", "code"):
            continue
        if type(key) is not str:
            return None
        variable = VARIABLES.get(key)
        if variable is None:
            return None
        if value is None:
            number = math.nan
        elif type(value) is float or (type(value) is int and -_INT64 <= value < _INT64):
            number = float(value)
            magnitude = abs(number)
            if not (
                number >= variable.minimum
                and magnitude <= MAX_MAGNITUDE
                and (magnitude >= MIN_MAGNITUDE or number == 0.0)
                and (variable.kind is not Kind.COUNT or number.is_integer())
            ):
                return None  # infinite and NaN values fail the magnitude test
        else:
            return None
        columns[key] = np.array([number])
    return city, year, code, columns
