"""The package's one pint unit registry, a small unit grammar, and conversion into canonical units.

Counts of people, households, vehicles, buildings and devices have named units of their own
dimension, so that a rate such as "per 100 000 population" is a real unit
(``1 / hundred_thousand_people``) — pint rejects a scale factor inside a unit, as in
``1 / (100000 person)`` — and so that giving, say, a number of vehicles where people are expected
is caught. Other counts (contracts, services, bookings …) are the dimensionless ``count``.

Money is in ``rupiah``. The library does no currency conversion: every money variable enters an
indicator only as a ratio of two amounts, so any single currency works, provided that both
amounts of a ratio are in the same one.

Text is never handed to pint's expression parser. A value string is read by this module's own
grammar, at most :data:`MAX_TEXT_LENGTH` characters::

    value   := number [unit]
    number  := [+-] digits [. digits] [e [+-] digits]     digits grouped by spaces in threes
    unit    := [1] [/] factor ((* | · | /) factor)*
    factor  := name [(** | ^) [-] digit]                  name: a unit or alias of the registry

``/`` and ``*`` apply from left to right. The unit is built from the parsed names and exponents.

Examples
--------
>>> to_canonical("5 000 MWh", "GJ", variable="energy_from_wastewater")
18000.0
>>> to_canonical("1.5 juta_rupiah", "rupiah", variable="municipal_expenditure")
1500000.0
>>> to_canonical("0.2 / thousand_people", "1 / hundred_thousand_people", variable="rate")
20.0
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pint
from pint.util import UnitsContainer

from iso37122.errors import DataError, UnitError, show_value

__all__ = [
    "MAX_MAGNITUDE",
    "MAX_TEXT_LENGTH",
    "MIN_MAGNITUDE",
    "NOT_REPORTED_TEXT",
    "Quantity",
    "as_number",
    "conversion_factor",
    "is_quantity",
    "parse_number",
    "parse_unit",
    "to_canonical",
    "ureg",
]

ureg: pint.UnitRegistry[float] = pint.UnitRegistry(
    on_redefinition="raise",
    autoconvert_offset_to_baseunit=False,
    cache_folder=None,
)
"""The package's pint registry (typed for the float magnitudes the library makes)."""

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

Quantity = ureg.Quantity
"""The registry's Quantity class, e.g. ``Quantity(5.0, "MWh")``."""

MAX_TEXT_LENGTH = 100
"""Longest value or unit text accepted; longer text is refused before it is read."""

MAX_MAGNITUDE = 1e15
"""Largest magnitude of a value in its canonical unit (larger floats lose whole units)."""

MIN_MAGNITUDE = 1e-9
"""Smallest non-zero magnitude of a value in its canonical unit."""

NOT_REPORTED_TEXT = frozenset({"", "nan", "na", "n/a", "null", "none", "-", "\u2013", "\u2014"})
"""Cell texts (compared in lower case, stripped) that mean "not reported"."""

_REAL_POWER = (int, float, Decimal, Fraction, np.integer, np.floating)
"""The types of a unit's power that :func:`to_canonical` reads (pint allows any scalar)."""
_INFINITE_TEXT = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"})
_GROUP = "[ \u00a0\u202f_]"
_NUMBER = re.compile(
    rf"(?P<number>[+-]?(?:\d{{1,3}}(?:{_GROUP}\d{{3}})+|\d+)?(?:\.\d+)?)"
    r"(?P<exponent>[eE][+-]?\d{1,3})?"
)
# "5.000" or "1.250.000": a dot used as a thousands separator (Indonesian usage) reads as 5.
_DOTTED_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?![\d.eE])")
_UNIT_TOKEN = re.compile(
    r"\s*(?:(?P<name>[A-Za-z_][A-Za-z0-9_]{0,39}|%)"
    r"|(?:\*\*|\^)\s*(?P<exponent>-?\d{1,2})(?![\d.])"
    r"|(?P<superscript>\u207b?[\u00b9\u00b2\u00b3\u2074-\u2079])"
    r"|(?P<op>[*/\u00b7\u22c5])"
    r"|(?P<one>1)(?![\d.]))\s*"
)
_SUPERSCRIPTS = str.maketrans(
    "\u207b\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "-123456789"
)
_GRAMMAR = (
    "a number with '.' as decimal point and optional spaces between groups of three digits, "
    "then a unit built from unit names (e.g. 'km', 'MWh', 'person', 'juta_rupiah') joined by "
    "'*', '·' or '/', each with an optional '**' and a one-digit exponent, e.g. '175.77 km**2'"
)


def _who(variable: str | None) -> str:
    return f"{variable}: " if variable else ""


def _check_length(text: str, variable: str | None) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise DataError(
            f"{_who(variable)}text of {len(text)} characters is not a value "
            f"(at most {MAX_TEXT_LENGTH} characters are read): {text[:40]!r}...",
            code="too_long",
        )


def _unit_of_name(name: str, text: str, variable: str | None) -> pint.Unit:
    if name == "dimensionless":
        return ureg.Unit(UnitsContainer({}))
    candidates = ureg.parse_unit_name(name)
    if not candidates:
        raise UnitError(
            f"{_who(variable)}unknown unit {name!r} in {text!r}; use a unit of the package "
            "registry (iso37122.units.ureg), e.g. 'km', 'MWh', 'person', 'juta_rupiah'"
        )
    prefix, unit, _ = candidates[0]
    return ureg.Unit(UnitsContainer({prefix + unit: 1}))


def parse_unit(unit: str, *, variable: str | None = None) -> pint.Unit:
    """Parse a unit string with the package's grammar (see the module docstring).

    Parameters
    ----------
    unit
        A unit such as ``"km**2"``, ``"GJ"``, ``"1 / hundred_thousand_people"``, ``"%"``.
    variable
        The variable the unit is for, named in the error.

    Returns
    -------
    pint.Unit
        The unit, built from the parsed names and exponents (the text never reaches pint's
        expression parser).

    Raises
    ------
    UnitError
        If the text is not a unit of the grammar, or names a unit the registry does not know.

    Examples
    --------
    >>> str(parse_unit("device / km**2"))
    'device / kilometer ** 2'
    >>> parse_unit("5 km#3")
    Traceback (most recent call last):
    ...
    iso37122.errors.UnitError: malformed unit '5 km#3' at '5 km#3': write ...
    """
    if not isinstance(unit, str):
        raise UnitError(f"{_who(variable)}a unit must be text, not {type(unit).__name__}")
    _check_length(unit, variable)
    tokens = _unit_tokens(unit, variable)
    malformed = UnitError(f"{_who(variable)}malformed unit {unit!r}: write {_GRAMMAR}")
    i, n = 0, len(tokens)
    if i < n and tokens[i][0] == "one":
        i += 1
        if i == n or tokens[i] != ("op", "/"):
            raise malformed
    operator = "*"
    if i < n and tokens[i] == ("op", "/"):
        operator, i = "/", i + 1
    result = ureg.Unit(UnitsContainer({}))
    while True:
        if i == n or tokens[i][0] != "name":
            raise malformed
        factor = _unit_of_name(tokens[i][1], unit, variable)
        i += 1
        if i < n and tokens[i][0] == "exponent":
            exponent = int(tokens[i][1])
            if not 1 <= abs(exponent) <= 9:
                raise UnitError(
                    f"{_who(variable)}exponent {exponent} in {unit!r}: an exponent is a whole "
                    "number from 1 to 9, optionally negative, e.g. 'km**2'"
                )
            factor = _as_unit(factor**exponent)
            i += 1
        result = _as_unit(result / factor if operator == "/" else result * factor)
        if i == n:
            return result
        if tokens[i][0] != "op":
            raise malformed
        operator = "/" if tokens[i][1] == "/" else "*"
        i += 1


def _as_unit(unit: object) -> pint.Unit:
    # pint annotates ``Unit ** int`` as its base class and leaves ``*`` and ``/`` unannotated;
    # a product, quotient or power of this registry's units is one of its units.
    assert isinstance(unit, pint.Unit)
    return unit


def _unit_tokens(unit: str, variable: str | None) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = unit.rstrip()
    while position < len(text):
        match = _UNIT_TOKEN.match(text, position)
        if match is None:
            raise UnitError(
                f"{_who(variable)}malformed unit {unit!r} at {text[position:].strip()!r}: "
                f"write {_GRAMMAR}"
            )
        kind = match.lastgroup
        assert kind is not None  # every alternative has a named group
        value = match.group(kind)
        if kind == "superscript":  # "km²" is "km**2"
            kind, value = "exponent", value.translate(_SUPERSCRIPTS)
        tokens.append((kind, value))
        position = match.end()
    return tokens


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
        If ``given`` does not parse or has another dimension than ``canonical``, or if the
        canonical unit is ``count`` (a number of things) and ``given`` is another
        dimensionless unit such as ``%``, ``ppm`` or ``radian``.

    Examples
    --------
    >>> conversion_factor("ha", "km**2", variable="land_area")
    0.01
    """
    return _conversion_factor(given, canonical, variable)


@functools.lru_cache(maxsize=4096)
def _conversion_factor(given: str, canonical: str, variable: str) -> float:
    source = parse_unit(given, variable=variable)
    target = parse_unit(canonical, variable=variable)
    if source.dimensionality != target.dimensionality:
        raise UnitError(
            f"{variable}: unit {given!r} has dimension {source.dimensionality}, but "
            f"{variable} is measured in {canonical!r} (dimension {target.dimensionality}); "
            f"give the value in {canonical!r} or a unit of the same dimension"
        )
    # Only count itself, possibly prefixed ("kilocount"), may stand for a number of things.
    if str(target) == "count" and re.fullmatch(r"[a-z]*count", str(source)) is None:
        raise UnitError(
            f"{variable}: {variable} is a number of things, so it cannot be given in "
            f"{given!r}; give the count itself (a bare number or 'count')"
        )
    return float(Quantity(1.0, source).to(target).magnitude)


def is_quantity(value: object) -> bool:
    """Whether ``value`` is a pint Quantity, from this or any other registry."""
    return isinstance(value, pint.Quantity)


def parse_number(text: str, *, variable: str | None = None) -> tuple[float, str]:
    """Split a value string into its number and its (unparsed) unit text.

    Parameters
    ----------
    text
        E.g. ``"1 482 354"``, ``"5 000 MWh"``, ``"0.2 / hundred_thousand_people"``.
    variable
        The variable the value is for, named in the error.

    Returns
    -------
    tuple of float and str
        The number (NaN for a text that means "not reported", see :data:`NOT_REPORTED_TEXT`)
        and the rest of the text, stripped (``""`` when there is no unit).

    Raises
    ------
    DataError
        If the text is too long, holds no number, an infinite number, an ambiguous comma or a
        dot used as thousands separator (``"5.000"``).
    UnitError
        If a number is followed by something that cannot start a unit (``"1 2"``, ``"100+"``).

    Examples
    --------
    >>> parse_number("1 482 354")
    (1482354.0, '')
    >>> parse_number("-")
    (nan, '')
    """
    _check_length(text, variable)
    stripped = text.strip()
    folded = stripped.lower()
    if folded in NOT_REPORTED_TEXT:
        return math.nan, ""
    if folded in _INFINITE_TEXT:
        raise DataError(f"{_who(variable)}{text!r} is infinite, not a value", code="not_finite")
    if "," in stripped:
        raise DataError(
            f"{_who(variable)}{text!r} contains a comma, which is ambiguous (decimal comma or "
            "thousands separator); write the number with '.' as decimal point and spaces as "
            "thousands separators, e.g. '1 482 354' or '175.77 km**2'",
            code="ambiguous_number",
        )
    if _DOTTED_THOUSANDS.match(stripped):
        raise DataError(
            f"{_who(variable)}{text!r} is ambiguous: the dot may separate thousands (Indonesian "
            "usage) or decimals; write '5000' or '5 000' for five thousand, '5.0' for five",
            code="ambiguous_number",
        )
    match = _NUMBER.match(stripped)
    assert match is not None  # every part of the pattern is optional
    number = match.group("number")
    if not any(c.isdigit() for c in number):
        raise DataError(f"{_who(variable)}{text!r} is not a number", code="not_a_number")
    rest = stripped[match.end() :].strip()
    if rest[:1].isdigit() or rest[:1] in (".", "+", "-"):
        raise UnitError(
            f"{_who(variable)}{text!r} is not a number followed by a unit; write {_GRAMMAR}"
        )
    magnitude = float(re.sub(_GROUP, "", number) + (match.group("exponent") or ""))
    return magnitude, rest


def _check_type(value: object, variable: str) -> None:
    if isinstance(value, bool | np.bool_):
        raise DataError(f"{variable}: {value!r} is a boolean, not a number", code="wrong_type")
    if not isinstance(value, int | float | np.integer | np.floating | Decimal | str):
        raise DataError(
            f"{variable}: {value!r} ({type(value).__name__}) is not a number; give an int, a "
            "float, a Decimal, a numeric string (with an optional unit) or a pint Quantity",
            code="wrong_type",
        )


def as_number(value: object, *, variable: str) -> float:
    """Return a plain number (int, float, numpy number, ``Decimal``) as a float.

    NaN stays NaN ("not reported"); infinity stays infinite, for the caller to reject.

    Raises
    ------
    DataError
        If ``value`` is of another type (a boolean, a complex number, bytes, text, a date, a
        container), or an int or ``Decimal`` too large for a float.

    Examples
    --------
    >>> from decimal import Decimal
    >>> as_number(Decimal("2.5"), variable="land_area")
    2.5
    """
    if isinstance(value, str):
        raise DataError(f"{variable}: text {value!r} is read by parse_number", code="wrong_type")
    _check_type(value, variable)
    if isinstance(value, Decimal) and value.is_finite() and abs(value) > Decimal(MAX_MAGNITUDE):
        raise DataError(f"{variable}: {value!r} is too large for a number", code="out_of_range")
    try:
        return float(value)  # type: ignore[arg-type]  # checked by _check_type
    except OverflowError:
        raise DataError(
            f"{variable}: {show_value(value)} is too large for a number", code="out_of_range"
        ) from None
    except ValueError:  # Decimal('sNaN')
        raise DataError(f"{variable}: {value!r} is not a number", code="not_a_number") from None


def _finite(number: object, value: object, variable: str) -> float:
    result = as_number(number, variable=variable)
    if math.isinf(result):
        if isinstance(number, float | np.floating):
            raise DataError(
                f"{variable}: {show_value(value)} is infinite, not a value", code="not_finite"
            )
        raise DataError(f"{variable}: {value!r} is too large for a number", code="out_of_range")
    return result


def _in_range(number: float, value: object, variable: str) -> float:
    magnitude = abs(number)
    if magnitude > MAX_MAGNITUDE or 0.0 < magnitude < MIN_MAGNITUDE:
        raise DataError(
            f"{variable}: {show_value(value)} is outside the range of plausible magnitudes "
            f"({MIN_MAGNITUDE:g} to {MAX_MAGNITUDE:g} in the canonical unit, or 0); check the "
            "unit and the number of digits",
            code="out_of_range",
        )
    return number


def to_canonical(value: object, canonical: str, *, variable: str) -> float:
    """Convert one value into the magnitude of a variable's canonical unit.

    Parameters
    ----------
    value
        An int, float, numpy number or ``Decimal`` (taken to be in the canonical unit already),
        a string read by the module's grammar such as ``"5 000 MWh"`` or ``"175.77 km**2"``
        (a bare number string is in the canonical unit), or a pint Quantity (from any registry)
        holding one such number.
    canonical
        The variable's canonical unit.
    variable
        The variable's id, named in any error.

    Returns
    -------
    float
        The value in the canonical unit; NaN means "not reported" (a NaN, or a text such as
        ``"n/a"`` or ``"-"``).

    Raises
    ------
    UnitError
        If the unit is unknown, malformed or of the wrong dimension.
    DataError
        If the value is not a number: a boolean, a complex number, bytes, a date, a container,
        an infinite number, a number too large for a float, or text that does not start with a
        number.
    """
    if isinstance(value, pint.Quantity):  # from any registry
        magnitude: object = value.magnitude
        if isinstance(magnitude, str):
            raise DataError(f"{variable}: quantity {value!r} must hold a number", code="wrong_type")
        _check_type(magnitude, variable)
        number = _finite(magnitude, value, variable)
        parts = []
        for name, power in value.unit_items():
            # pint types a power as any scalar, complex included; only whole ones up to 9 are read.
            if not isinstance(power, _REAL_POWER) or not float(power).is_integer():
                raise UnitError(f"{variable}: unit {str(value.units)!r} has a non-integer power")
            if abs(float(power)) > 9:
                raise UnitError(
                    f"{variable}: unit {str(value.units)!r} has the power {float(power):g} of "
                    f"{name!r}; a power is a whole number from -9 to 9"
                )
            # Rebuild the unit from its parts, so that another registry's units are looked up by
            # name here instead of being parsed from their text.
            parts.append(f"{name}**{int(power)}")
        text = " * ".join(parts) if parts else "dimensionless"
        return _in_range(
            number * conversion_factor(text, canonical, variable=variable), value, variable
        )
    _check_type(value, variable)
    if isinstance(value, str):
        number, unit = parse_number(value, variable=variable)
        if not unit or math.isnan(number):
            return _in_range(number, value, variable)
        return _in_range(
            number * conversion_factor(unit, canonical, variable=variable), value, variable
        )
    return _in_range(_finite(value, value, variable), value, variable)
