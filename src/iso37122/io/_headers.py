"""Column headers and units as Indonesian files write them.

A header names an identity column (``Kabupaten/Kota``, ``Tahun``, ``Kode Wilayah``), a variable
by its id or its Indonesian label (``Jumlah Penduduk``), optionally with a unit in brackets or
parentheses (``Luas Wilayah (ha)``, ``land_area [km2]``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from iso37122.data import split_header
from iso37122.errors import UnitError
from iso37122.units import conversion_factor
from iso37122.variables import VARIABLES, Kind, Variable

__all__ = [
    "IDENTITY_ALIASES",
    "LONG_ALIASES",
    "UNIT_ALIASES",
    "Header",
    "canonical_unit_text",
    "match_header",
    "normalise",
    "suggest",
    "unit_factor",
    "variable_by_name",
]


def normalise(text: str) -> str:
    """Casefold and collapse whitespace, for matching headers and labels."""
    return re.sub(r"\s+", " ", text).strip().casefold()


IDENTITY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "city": (
        "city",
        "kota",
        "kabupaten",
        "kabupaten/kota",
        "kabupaten / kota",
        "kota/kabupaten",
        "kab/kota",
        "kab./kota",
        "nama kota",
        "nama kabupaten/kota",
        "nama wilayah",
        "wilayah",
    ),
    "year": ("year", "tahun"),
    "code": ("code", "kode", "kode wilayah", "kode bps", "kode kemendagri", "kode kab/kota"),
}
"""Headers accepted for the identity columns (case-insensitive)."""

LONG_ALIASES: Mapping[str, tuple[str, ...]] = {
    "variable": ("variable", "variabel"),
    "value": ("value", "nilai"),
    "unit": ("unit", "satuan"),
    "source": ("source", "sumber", "sumber data"),
    "quality": ("quality", "kualitas", "kualitas data", "mutu data"),
    "reference_year": ("reference_year", "reference year", "tahun referensi", "tahun acuan"),
    # The descriptive columns of a long template, ignored when it is read back.
    "label": ("label",),
    "kind": ("kind",),
    "whole_number": ("whole_number",),
    "description": ("description",),
    "indicators": ("indicators",),
}
"""Headers of the long layout's columns and of the provenance columns (case-insensitive)."""

UNIT_ALIASES: Mapping[str, str] = {
    "ha": "hectare",
    "hektar": "hectare",
    "hektare": "hectare",
    "km2": "km**2",
    "km²": "km**2",
    "km^2": "km**2",
    "m2": "m**2",
    "m²": "m**2",
    "m3": "m**3",
    "m³": "m**3",
    "meter kubik": "m**3",
    "liter": "liter",
    "meter": "m",
    "jiwa": "person",
    "orang": "person",
    "penduduk": "person",
    "ribu jiwa": "thousand_people",
    "ribu orang": "thousand_people",
    "rumah tangga": "household",
    "ruta": "household",
    "kk": "household",
    "kendaraan": "vehicle",
    "bangunan": "building",
    "gedung": "building",
    "perangkat": "device",
    "rp": "rupiah",
    "idr": "rupiah",
    "rupiah": "rupiah",
    "ribu rupiah": "thousand_rupiah",
    "rp ribu": "thousand_rupiah",
    "juta rupiah": "million_rupiah",
    "rp juta": "million_rupiah",
    "miliar rupiah": "billion_rupiah",
    "milyar rupiah": "billion_rupiah",
    "rp miliar": "billion_rupiah",
    "triliun rupiah": "trillion_rupiah",
    "ton": "t",
    "kg": "kg",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "gj": "GJ",
    "tj": "TJ",
    "hari": "day",
    "jam": "hour",
    "menit": "minute",
}
"""Unit spellings of Indonesian files, matched case-insensitively, and their pint unit.

``unit`` and ``buah`` (a number of things) are accepted for any count and mean the count's own
unit. Any other unit is given to pint as written (case-sensitive: ``MWh`` is not ``mWh``).
"""

_THINGS = frozenset({"unit", "buah"})


@dataclass(frozen=True, slots=True)
class Header:
    """What a column header means: a role (identity, long column, variable) and a unit."""

    role: str
    """``"variable"``, ``"identity"``, ``"long"`` or ``"unknown"``."""
    target: str
    """The variable id, identity column or long column."""
    unit: str | None = None


def _table(aliases: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise(alias): key for key, names in aliases.items() for alias in names}


_IDENTITY = _table(IDENTITY_ALIASES)
_LONG = _table(LONG_ALIASES)
_PARENTHESES = re.compile(r"^\s*(?P<name>.+?)\s*\((?P<unit>[^()]+)\)\s*$")


def variable_by_name(text: str) -> Variable | None:
    """Return the variable named by its id or its Indonesian label (case-insensitive)."""
    key = normalise(text)
    return _VARIABLE_NAMES.get(key)


_VARIABLE_NAMES: dict[str, Variable] = {
    **{normalise(v.label_id): v for v in VARIABLES.values()},
    **{v.id.casefold(): v for v in VARIABLES.values()},
}


def _name(text: str, columns: Mapping[str, str]) -> Header | None:
    if text in columns or normalise(text) in columns:
        target = columns.get(text) or columns[normalise(text)]
        inner, unit = split_header(target)
        found = _name(inner, {})
        if found is None:
            raise UnknownNameError(target)
        return Header(found.role, found.target, unit)
    key = normalise(text)
    if key in _IDENTITY:
        return Header("identity", _IDENTITY[key])
    if key in _LONG:
        return Header("long", _LONG[key])
    variable = variable_by_name(text)
    if variable is not None:
        return Header("variable", variable.id)
    return None


class UnknownNameError(LookupError):
    """A ``columns=`` mapping that points at no variable (turned into a DataError by callers)."""


def match_header(header: str, columns: Mapping[str, str]) -> Header:
    """Say what a header means; ``columns`` maps the file's headers to variable ids.

    Examples
    --------
    >>> match_header("Luas Wilayah (ha)", {})
    Header(role='variable', target='land_area', unit='ha')
    >>> match_header("Jumlah Penduduk (jiwa)", {"Jumlah Penduduk (jiwa)": "population"})
    Header(role='variable', target='population', unit='jiwa')
    """
    columns = {**columns, **{normalise(k): v for k, v in columns.items()}}
    whole = _name(header, columns)
    if whole is not None and whole.role != "variable":
        return whole
    if whole is not None:  # a unit in the header still applies to a mapped or labelled name
        units = [pattern(header)[1] for pattern in (split_header, _split_parentheses)]
        given = next((u for u in units if u is not None), None)
        return Header("variable", whole.target, whole.unit or given)
    for pattern in (split_header, _split_parentheses):
        name, unit = pattern(header)
        if unit is None:
            continue
        found = _name(name, columns)
        if found is not None and found.role == "variable":
            return Header("variable", found.target, found.unit or unit)
    return Header("unknown", header)


def _split_parentheses(header: str) -> tuple[str, str | None]:
    match = _PARENTHESES.match(header)
    if match:
        return match.group("name"), match.group("unit").strip()
    return header, None


def canonical_unit_text(unit: str, variable: Variable) -> str:
    """Return the pint expression for a unit as a file writes it (``ha``, ``juta rupiah``)."""
    key = normalise(unit)
    if key in _THINGS:
        if variable.kind is not Kind.COUNT:
            raise UnitError(
                f"{variable.id}: unit {unit!r} (a number of things) does not fit "
                f"{variable.id}, measured in {variable.unit!r}"
            )
        return variable.unit
    return UNIT_ALIASES.get(key, unit.strip())


def unit_factor(unit: str | None, variable: Variable) -> float:
    """Factor from a unit as written in a file into the variable's canonical unit."""
    if unit is None:
        return 1.0
    return conversion_factor(
        canonical_unit_text(unit, variable), variable.unit, variable=variable.id
    )


_GENERIC = re.compile(
    r"^(?:jumlah|banyaknya|persentase|proporsi|total|number of|share of|percentage of)\s+"
)


def _topic(name: str) -> str:
    """Return a name without the word every count or share starts with ("Jumlah" …).

    Without it, "Jumlah Pengguna Internet" is close to every other "Jumlah …" label.
    """
    return _GENERIC.sub("", name) or name


def suggest(header: str) -> str:
    """Suggest close variable ids, labels or identity names for an unknown header."""
    name = _topic(normalise(_split_parentheses(split_header(header)[0])[0]))
    topics: dict[str, str] = {}
    for key in [*_VARIABLE_NAMES, *_IDENTITY, *_LONG]:
        topics.setdefault(_topic(key), key)
    close = [topics[t] for t in difflib.get_close_matches(name, list(topics), n=3, cutoff=0.6)]
    shown = [_VARIABLE_NAMES[c].id if c in _VARIABLE_NAMES else c for c in close]
    unique = list(dict.fromkeys(shown))
    return f" (did you mean {', '.join(repr(c) for c in unique)}?)" if unique else ""
