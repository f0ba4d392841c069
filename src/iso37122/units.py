"""The package's one pint unit registry and conversion into canonical units.

Counts of people, households, vehicles, buildings and devices have named units of their own
dimension, so that a rate such as "per 100 000 population" is a real unit
(``1 / hundred_thousand_people``) — pint rejects a scale factor inside a unit, as in
``1 / (100000 person)`` — and so that giving, say, a number of vehicles where people are expected
is caught. Other counts (contracts, services, bookings …) are the dimensionless ``count``.

Money is in ``rupiah``. The library does no currency conversion: every money variable enters an
indicator only as a ratio of two amounts, so any single currency works, provided that both
amounts of a ratio are in the same one.

Examples
--------
>>> to_canonical("5 000 MWh", "GJ", variable="energy_from_wastewater")
18000.0
>>> to_canonical("1.5 juta_rupiah", "rupiah", variable="municipal_expenditure")
1500000.0
"""

from __future__ import annotations

import math
import re
from typing import Any

import pint

from iso37122.errors import DataError, UnitError

__all__ = [
    "Quantity",
    "conversion_factor",
    "is_quantity",
    "parse_unit",
    "to_canonical",
    "ureg",
]

ureg: Any = pint.UnitRegistry(
    on_redefinition="raise",
    autoconvert_offset_to_baseunit=False,
    cache_folder=None,
)
"""The package's pint registry (pint is untyped, so it is declared as ``Any``)."""

# One named unit per kind of counted thing whose mix-up should be caught (see module docstring).
_DEFINITIONS = (
    "person = [person] = people = persons",
    "thousand_people = 1000 * person",
    "hundred_thousand_people = 100000 * person",
    "household = [household] = households",
    "vehicle = [vehicle] = vehicles",
    "building = [building] = buildings",
    "device = [device] = devices",
    "rupiah = [currency] = IDR = Rp",
    "thousand_rupiah = 1e3 * rupiah = ribu_rupiah",
    "million_rupiah = 1e6 * rupiah = juta_rupiah",
    "billion_rupiah = 1e9 * rupiah = miliar_rupiah",
    "trillion_rupiah = 1e12 * rupiah = triliun_rupiah",
)
for _definition in _DEFINITIONS:
    ureg.define(_definition)

Quantity: Any = ureg.Quantity

# A number with optional grouping by (thin/no-break) spaces or underscores, "." as decimal
# point, and an optional exponent; the rest of the string is the unit.
_NUMBER_UNIT = re.compile(
    r"^\s*(?P<number>[+-]?(?:\d[\d \u00a0\u202f_]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"\s*(?P<unit>.*?)\s*$"
)


def parse_unit(unit: str, *, variable: str | None = None) -> Any:
    """Parse a unit string in the package registry.

    Parameters
    ----------
    unit
        A pint unit expression, e.g. ``"km**2"``, ``"GJ"``, ``"1 / hundred_thousand_people"``.
    variable
        The variable the unit is for, named in the error.

    Returns
    -------
    pint.Unit
        The parsed unit.

    Raises
    ------
    UnitError
        If pint cannot parse the unit.
    """
    try:
        return ureg.Unit(unit)
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, TypeError) as e:
        who = f" for {variable}" if variable else ""
        raise UnitError(f"unknown unit {unit!r}{who}: {e}") from None
    except ValueError as e:  # pint raises plain ValueError on some malformed expressions
        who = f" for {variable}" if variable else ""
        raise UnitError(f"unknown unit {unit!r}{who}: {e}") from None


def conversion_factor(given: str, canonical: str, *, variable: str) -> float:
    """Factor that converts a magnitude in ``given`` units into ``canonical`` units.

    Parameters
    ----------
    given
        The unit the data come in.
    canonical
        The variable's canonical unit.
    variable
        The variable's id, named in the error.

    Returns
    -------
    float
        Multiply magnitudes in ``given`` by this to get ``canonical``.

    Raises
    ------
    UnitError
        If ``given`` does not parse or has another dimension than ``canonical``.

    Examples
    --------
    >>> conversion_factor("ha", "km**2", variable="land_area")
    0.01
    """
    source = parse_unit(given, variable=variable)
    target = parse_unit(canonical, variable=variable)
    if source.dimensionality != target.dimensionality:
        raise UnitError(
            f"{variable}: unit {given!r} has dimension {source.dimensionality}, but "
            f"{variable} is measured in {canonical!r} (dimension {target.dimensionality}); "
            f"give the value in {canonical!r} or a unit of the same dimension"
        )
    return float(Quantity(1.0, source).to(target).magnitude)


def is_quantity(value: object) -> bool:
    """Whether ``value`` is a pint Quantity, from this or any other registry."""
    return isinstance(value, pint.Quantity)


def to_canonical(value: object, canonical: str, *, variable: str) -> float:
    """Convert one value into the magnitude of a variable's canonical unit.

    Parameters
    ----------
    value
        A number (taken to be in the canonical unit already), a string with a unit such as
        ``"5 000 MWh"`` or ``"175.77 km**2"`` (a bare number string is in the canonical unit),
        or a pint Quantity (from any registry).
    canonical
        The variable's canonical unit.
    variable
        The variable's id, named in any error.

    Returns
    -------
    float
        The value in the canonical unit (NaN stays NaN).

    Raises
    ------
    UnitError
        If the unit is unknown or of the wrong dimension.
    DataError
        If the value is not a number (a boolean, a string that does not start with a number,
        a string with an ambiguous comma).
    """
    if isinstance(value, bool):
        raise DataError(f"{variable}: {value!r} is a boolean, not a number")
    if isinstance(value, int | float):
        return float(value)
    if is_quantity(value):
        quantity: Any = value
        magnitude = quantity.magnitude
        if not isinstance(magnitude, int | float) or isinstance(magnitude, bool):
            raise UnitError(f"{variable}: quantity {value!r} must hold one number")
        factor = conversion_factor(str(quantity.units), canonical, variable=variable)
        return float(magnitude) * factor
    if isinstance(value, str):
        return _parse_string(value, canonical, variable)
    try:
        return float(value)  # type: ignore[arg-type]  # numpy scalars and Decimal
    except (TypeError, ValueError):
        raise DataError(
            f"{variable}: {value!r} ({type(value).__name__}) is not a number, a string with a "
            "unit, or a pint Quantity"
        ) from None


def _parse_string(text: str, canonical: str, variable: str) -> float:
    if "," in text:
        raise DataError(
            f"{variable}: {text!r} contains a comma, which is ambiguous (decimal comma or "
            "thousands separator); write the number with '.' as decimal point and spaces as "
            "thousands separators, e.g. '1 482 354' or '175.77 km**2'"
        )
    match = _NUMBER_UNIT.match(text)
    number = match.group("number") if match else ""
    if not match or not re.search(r"\d", number):
        raise DataError(f"{variable}: {text!r} is not a number")
    magnitude = float(re.sub(r"[ \u00a0\u202f_]", "", number))
    unit = match.group("unit")
    if not unit:
        return magnitude
    if unit.startswith("/"):  # "0.2 / hundred_thousand_people": a rate
        unit = f"1 {unit}"
    if math.isnan(magnitude):
        return magnitude
    return magnitude * conversion_factor(unit, canonical, variable=variable)
