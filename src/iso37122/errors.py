"""Exceptions raised by :mod:`iso37122`.

Every exception inherits :class:`Iso37122Error` *and* the builtin a caller would expect, so
``except ValueError`` keeps working in code that does not know this library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "ConfigError",
    "DataError",
    "Iso37122Error",
    "MissingDependencyError",
    "Problem",
    "UnitError",
    "UnknownIndicatorError",
    "UnknownVariableError",
    "show_value",
]


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
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


class Iso37122Error(Exception):
    """Root of every error this library raises on purpose."""


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
        A short machine-readable code: ``"not_a_number"``, ``"below_minimum"``,
        ``"above_maximum"``, ``"unit"``, ``"duplicate_identity"``, ``"unknown_column"``,
        ``"missing_identity"``.
    message
        A sentence saying what is wrong and what to do.
    """

    row: int | None
    city: str | None
    year: int | None
    variable: str | None
    value: object
    rule: str
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
    variable, the value and the rule it broke.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if self.problems:
            shown = "\n".join(f"  - {p}" for p in self.problems[:50])
            more = len(self.problems) - 50
            tail = f"\n  ... and {more} more" if more > 0 else ""
            message = f"{message}\n{shown}{tail}"
        super().__init__(message)


class UnitError(DataError):
    """A value whose unit cannot be converted to the variable's canonical unit."""


class UnknownVariableError(DataError):
    """A column or field that is not a declared input variable."""


class UnknownIndicatorError(Iso37122Error, KeyError):
    """An indicator clause or name that is not in the catalogue."""

    def __str__(self) -> str:
        """Return the message unquoted."""
        # KeyError quotes its argument; a sentence reads better unquoted.
        return str(self.args[0]) if self.args else ""


class ConfigError(Iso37122Error, ValueError):
    """A roll-up configuration that is inconsistent, found before anything is computed."""


class MissingDependencyError(Iso37122Error, ImportError):
    """An optional dependency (an extra such as ``xlsx`` or ``parquet``) that is not installed."""
