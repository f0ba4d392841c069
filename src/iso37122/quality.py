"""Data-quality flags: values that are valid but look wrong, reported as warnings, not errors.

A flag never changes a result. It points at a value a person should check before the numbers
go into a report: a population no city has, a density no city has, a part that looks like a
fraction of its whole (``0.4`` km of ``2 400`` km of road), or a value that
changed more than tenfold from the same city's previous reported year.

Examples
--------
>>> from iso37122 import compute_profile
>>> p = compute_profile({"city": "Kota Kecil", "year": 2024, "population": 800})
>>> [flag.code for flag in p.warnings]
['population_small']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray
from iso37122.data import Table
from iso37122.errors import show_value
from iso37122.indicators import CATALOGUE, PartOfWhole

__all__ = [
    "DENSITY_RANGE",
    "POPULATION_RANGE",
    "TENFOLD",
    "FlagCode",
    "QualityFlag",
    "quality_flags",
]

FlagCode = Literal["population_small", "population_large", "density", "fraction", "tenfold"]
"""The kinds of flag: see :func:`quality_flags`."""

POPULATION_RANGE = (1_000.0, 50_000_000.0)
"""Population of any city or regency [person]: fewer or more is flagged."""

DENSITY_RANGE = (0.5, 60_000.0)
"""Population density of any city or regency [person / km**2]: the sparsest Indonesian regencies
have about 1, the densest districts of the world's densest cities about 45 000."""

TENFOLD = 10.0
"""A value more than this many times the previous year's, or under its reciprocal, is flagged."""


@dataclass(frozen=True, slots=True)
class QualityFlag:
    """One value that is valid but should be checked.

    Attributes
    ----------
    row
        Zero-based position of the row in the input.
    city, year
        Identity of the row.
    variable
        The variable concerned.
    value
        The value, in the variable's canonical unit.
    code
        The kind of flag (:data:`FlagCode`).
    message
        A sentence saying what looks wrong and what to check.
    """

    row: int
    city: str
    year: int
    variable: str
    value: float
    code: FlagCode
    message: str

    def __str__(self) -> str:
        """Say where the flag is, then what it is."""
        return f"row {self.row}, city {self.city!r}, year {self.year}: {self.message}"


def _part_whole_pairs() -> tuple[tuple[str, str], ...]:
    pairs = {
        (part, constraint.whole)
        for spec in CATALOGUE.values()
        for constraint in spec.constraints
        if isinstance(constraint, PartOfWhole)
        for part in constraint.parts
    }
    return tuple(sorted(pairs))


_PAIRS = _part_whole_pairs()


def quality_flags(
    table: Table, rows: npt.NDArray[np.intp] | None = None
) -> tuple[QualityFlag, ...]:
    """Return every data-quality flag of a table (or of some of its rows), by row.

    Parameters
    ----------
    table
        Validated input data (``ProfileSet.table``).
    rows
        Positions of the rows to report (default: all). The tenfold-change check still reads
        each city's other years.

    Returns
    -------
    tuple of QualityFlag
        In row order, then by variable.

    Notes
    -----
    The checks: population outside :data:`POPULATION_RANGE`; ``population / land_area``
    outside :data:`DENSITY_RANGE`; a part of a declared whole that is between 0 and 1 while its
    whole is at least 1 000 (a share given as a fraction; a fractional count is already an
    error); a value more than :data:`TENFOLD` times, or less than a tenth of, the same city's
    value in its previous reported year.
    """
    n = table.n_rows
    wanted = np.zeros(n, dtype=bool)
    wanted[np.arange(n) if rows is None else rows] = True
    flags: list[QualityFlag] = []

    def flag(mask: BoolArray, variable: str, code: FlagCode, text: str, other: str = "") -> None:
        values, others = table.column(variable), table.column(other) if other else None
        for row in np.flatnonzero(mask & wanted).tolist():
            city, year, _ = table.identity(row)
            value = float(values[row])
            shown = text.format(other=show_value(float(others[row])) if others is not None else "")
            message = f"{variable} = {show_value(value)} {shown}"
            flags.append(QualityFlag(row, city, year, variable, value, code, message))

    population = table.column("population")
    low, high = POPULATION_RANGE
    with np.errstate(invalid="ignore", divide="ignore"):
        flag(
            population < low,
            "population",
            "population_small",
            f"is under {low:,.0f}: check that it is the whole city's population, in persons",
        )
        flag(
            population > high,
            "population",
            "population_large",
            f"is over {high:,.0f}: no city is that large; check the unit and the digits",
        )
        density = population / table.column("land_area")
        low, high = DENSITY_RANGE
        flag(
            ((density < low) | (density > high)) & (population > 0),
            "land_area",
            "density",
            f"km**2 gives a population density outside {low:g} to {high:,.0f} persons per "
            "km**2: check the unit of land_area (km**2, not ha or m**2)",
        )
        for part, whole in _PAIRS:
            part_values, whole_values = table.column(part), table.column(whole)
            looks_fractional = (part_values > 0) & (part_values < 1) & (whole_values >= 1000)
            flag(
                looks_fractional,
                part,
                "fraction",
                f"is under 1 while {whole} is {{other}}: give the number itself, not a "
                "fraction or share of the whole",
                whole,
            )
    for variable, ratio in _changes(table):
        with np.errstate(invalid="ignore"):
            jump = (ratio > TENFOLD) | (ratio < 1 / TENFOLD)
        flag(
            jump,
            variable,
            "tenfold",
            f"changed more than {TENFOLD:g}-fold from the city's previous reported year: "
            "check the unit and the digits of both years",
        )
    flags.sort(key=lambda f: (f.row, f.variable, f.code))
    return tuple(flags)


def _changes(table: Table) -> list[tuple[str, FloatArray]]:
    """Per variable, each row's value divided by the same city's previous reported year."""
    key = np.array(
        [
            code if code is not None else f"city:{city}"
            for code, city in zip(table.code, table.city, strict=True)
        ],
        dtype=object,
    )
    order = np.lexsort((table.year, key))
    same_city = np.zeros(table.n_rows, dtype=bool)
    same_city[1:] = key[order][1:] == key[order][:-1]
    out = []
    for variable, column in table.columns.items():
        ordered = column[order]
        previous = np.full(table.n_rows, np.nan)
        previous[1:] = ordered[:-1]
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio_sorted = np.where(
                same_city & (previous > 0) & (ordered > 0), ordered / previous, np.nan
            )
        ratio = np.empty(table.n_rows)
        ratio[order] = ratio_sorted
        out.append((variable, ratio))
    return out
