"""Exceptions raised by :mod:`iso37122`.

Every exception inherits :class:`Iso37122Error` *and* the builtin a caller would expect, so
``except ValueError`` keeps working in code that does not know this library.

Every error has a stable ``code`` (:data:`ErrorCode`), and every :class:`Problem` of a
:class:`DataError` has one as its ``rule``:

======================  ======================================================================
code                    meaning
======================  ======================================================================
``wrong_type``          a value of a type that is not a number (bool, complex, bytes, date …)
``not_a_number``        text that is not a number
``not_finite``          an infinite number
``out_of_range``        a magnitude outside 1e-9 … 1e15 (canonical unit), or beyond a float
``not_whole``           a count that is not a whole number
``ambiguous_number``    a comma, or a dot used as thousands separator (``"5.000"``)
``number_format``       a number in a file written with other separators than its column's
``too_long``            text over 100 characters
``unit``                a unit that is malformed, unknown or of the wrong dimension
``below_minimum``       a value below the variable's minimum
``above_maximum``       a value above the variable's maximum
``constraint``          a part above its whole (``strict=True``)
``bad_year``            a year that is not a whole number from 1900 to 2100
``code_not_text``       a region code read as a number
``missing_identity``    a row without a city (or a CityData without a required field)
``duplicate_identity``  two rows of one city-year
``unknown_column``      a column or field that is not an input variable
``bad_column``          a column name that is not text
``bad_value``           any other invalid field of a CityData
``bad_argument``        a wrong argument of a public function (:class:`ArgumentError`)
``bad_config``          an invalid roll-up configuration (:class:`ConfigError`)
``unknown_indicator``   an indicator that is not in the catalogue
``bad_file``            a file that cannot be read as a table (empty, binary, malformed)
``missing_dependency``  an optional extra that is not installed (the message names it)
======================  ======================================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

__all__ = [
    "ArgumentError",
    "ConfigError",
    "ConfigWarning",
    "DataError",
    "ErrorCode",
    "Iso37122Error",
    "MissingDependencyError",
    "Problem",
    "UnitError",
    "UnknownCityError",
    "UnknownElementError",
    "UnknownIndicatorError",
    "UnknownVariableError",
    "show_value",
]


ErrorCode = Literal[
    "wrong_type",
    "not_a_number",
    "not_finite",
    "out_of_range",
    "not_whole",
    "ambiguous_number",
    "number_format",
    "too_long",
    "unit",
    "below_minimum",
    "above_maximum",
    "constraint",
    "bad_year",
    "code_not_text",
    "missing_identity",
    "duplicate_identity",
    "unknown_column",
    "bad_column",
    "bad_value",
    "bad_argument",
    "bad_config",
    "unknown_indicator",
    "bad_file",
    "missing_dependency",
]
"""The stable codes of errors and problems (listed in the module docstring)."""


def show_value(value: object) -> str:
    """Show a value in a message: whole numbers in full, other numbers to round-trip precision.

    Anything that is not a number is shown as its repr, so that text stays quoted.

    Examples
    --------
    >>> show_value(3e12), show_value(0.1 + 0.2), show_value("abc")
    ('3000000000000', '0.30000000000000004', "'abc'")
    """
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        return repr(value)
    if isinstance(value, int) and abs(value) >= 10**15:  # beyond float precision, or range
        digits = str(abs(value))
        shown = digits if len(digits) <= 30 else f"{digits[:12]}...({len(digits)} digits)"
        return f"-{shown}" if value < 0 else shown
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


class Iso37122Error(Exception):
    """Root of every error this library raises on purpose.

    ``code`` is a stable, machine-readable code of the kind of error.
    """

    code: ErrorCode | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in input data.

    Attributes
    ----------
    row
        Zero-based position of the row in the input, or ``None`` for a whole-table problem.
    city, year
        Identity of the row, where known.
    variable
        The variable (column) concerned, or ``None``.
    value
        The offending value, as given.
    rule
        The rule broken, one of the codes of :data:`ErrorCode`, e.g. ``"not_a_number"``,
        ``"below_minimum"``, ``"unit"``, ``"duplicate_identity"``.
    message
        A sentence saying what is wrong and what to do.
    """

    row: int | None
    city: str | None
    year: int | None
    variable: str | None
    value: object
    rule: ErrorCode
    message: str

    def __str__(self) -> str:
        """Say where the problem is, then what it is."""
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.city is not None:
            where.append(f"city {self.city!r}")
        if self.year is not None:
            where.append(f"year {self.year}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DataError(Iso37122Error, ValueError):
    """Input data that cannot be used as given.

    ``problems`` lists every problem found (not only the first), each naming the row, the
    variable, the value and the rule it broke; ``code`` is the rule when the error is about one
    value.
    """

    def __init__(
        self, message: str, problems: Sequence[Problem] = (), *, code: ErrorCode | None = None
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.code = code or type(self).code
        """The rule broken by a single value, as in :attr:`Problem.rule` (``None`` for many)."""
        if self.problems:
            shown = "\n".join(f"  - {p}" for p in self.problems[:50])
            more = len(self.problems) - 50
            tail = f"\n  ... and {more} more" if more > 0 else ""
            message = f"{message}\n{shown}{tail}"
        super().__init__(message)


class UnitError(DataError):
    """A value whose unit cannot be converted to the variable's canonical unit."""

    code = "unit"


class UnknownVariableError(DataError):
    """A column or field that is not a declared input variable."""

    code = "unknown_column"


class UnknownIndicatorError(Iso37122Error, KeyError):
    """An indicator clause or name that is not in the catalogue."""

    code = "unknown_indicator"

    def __str__(self) -> str:
        """Return the message unquoted."""
        # KeyError quotes its argument; a sentence reads better unquoted.
        return str(self.args[0]) if self.args else ""


class ArgumentError(Iso37122Error, TypeError, ValueError):
    """A public function called with an argument of the wrong type or value.

    It is both a ``TypeError`` and a ``ValueError``, so that either ``except`` catches it; the
    message says what the argument must be.
    """

    code = "bad_argument"


class UnknownCityError(Iso37122Error, KeyError):
    """A city, region code or city-year that is not in the data; the message names what is."""

    def __str__(self) -> str:
        """Return the message unquoted."""
        return str(self.args[0]) if self.args else ""


class UnknownElementError(ArgumentError, KeyError):
    """A key-element name that is none of the three; the message lists them.

    It is an :class:`ArgumentError` (a bad argument) and a ``KeyError`` (a missed lookup).
    """

    def __str__(self) -> str:
        """Return the message unquoted."""
        return str(self.args[0]) if self.args else ""


class ConfigError(Iso37122Error, ValueError):
    """A roll-up configuration that is inconsistent, found before anything is computed."""

    code = "bad_config"


class ConfigWarning(UserWarning):
    """A roll-up configuration that is valid but probably not what was meant.

    For example a target of ``0.9`` for a percentage indicator (90 % was probably meant).
    """


class MissingDependencyError(Iso37122Error, ImportError):
    """An optional dependency (an extra such as ``xlsx`` or ``parquet``) that is not installed."""

    code = "missing_dependency"
