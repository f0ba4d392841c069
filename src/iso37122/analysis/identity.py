"""Who a row is: region codes, provinces, kota or kabupaten, and lookups by name or code.

Indonesia numbers its regions in two styles that agree on the **province** (the first two
digits) but not always below it:

- Kemendagri (Ministry of Home Affairs), dotted: ``"73"`` province, ``"73.71"`` kab/kota,
  ``"73.71.01"`` kecamatan, ``"73.71.01.1001"`` desa/kelurahan;
- BPS (Statistics Indonesia), plain digits: ``"73"``, ``"7371"``, ``"7371010"``,
  ``"7371010001"``.

Jakarta's kota are ``31.71``–``31.75`` in both, but not in the same order (BPS ``3173`` is
Jakarta Pusat, Kemendagri ``31.71``), so the library never converts a kab/kota code from one
style to the other: it reads only the province and whether the unit is a *kota* (the
regency number is 71 or above in both styles) or a *kabupaten* (below 71).

The province names are those of Kemendagri's 2022 code list. The six Papua provinces are
numbered differently by the two agencies since 2022 and are named by style.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import numpy as np

from iso37122._typing import ObjectArray
from iso37122.data import Table
from iso37122.elements import KeyElement
from iso37122.errors import DataError, UnknownCityError, UnknownElementError

__all__ = [
    "PROVINCES",
    "find_row",
    "key_element",
    "province_name",
    "province_of",
    "provinces_of",
    "regency_kind",
    "regency_kinds",
]


_COMMON = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
}
_PAPUA_KEMENDAGRI = {
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}
_PAPUA_BPS = {
    "91": "Papua Barat",
    "92": "Papua Barat Daya",
    "94": "Papua",
    "95": "Papua Selatan",
    "96": "Papua Tengah",
    "97": "Papua Pegunungan",
}

PROVINCES: Mapping[str, str] = MappingProxyType({**_COMMON, **_PAPUA_KEMENDAGRI})
"""Province names by Kemendagri code (the 38 provinces of 2022)."""

_CODE = re.compile(r"^(\d{2})(?:\.(\d{2})(?:\.\d+)*|(\d{2})\d*)?$")
_KOTA_FROM = 71  # regency numbers 71 and above are kota in both styles


def _parse(code: object) -> tuple[str, str | None, bool]:
    """Return (province, regency number or None, dotted?) of a region code."""
    text = str(code).strip()
    match = _CODE.match(text)
    if match is None:
        hint = ""
        if re.fullmatch(r"\d{2}\.\d", text):
            hint = f" (a code read as a number? '{text}0' loses its last 0 as a float)"
        raise DataError(
            f"region code {code!r} is neither a Kemendagri code ('73.71') nor a BPS code "
            f"('7371'): its province cannot be read{hint}"
        )
    province, dotted, plain = match.groups()
    return province, dotted or plain, "." in text


def province_of(code: object) -> str:
    """Return the two-digit province code of a Kemendagri or BPS region code.

    Raises
    ------
    DataError
        When the code is in neither style.

    Examples
    --------
    >>> province_of("73.71"), province_of("7371"), province_of("32.11.05")
    ('73', '73', '32')
    """
    return _parse(code)[0]


def province_name(code: object) -> str | None:
    """Return the name of a code's province (``None`` when the province number is unknown).

    Examples
    --------
    >>> province_name("73.71"), province_name("9471"), province_name("91.01")
    ('Sulawesi Selatan', 'Papua', 'Papua')
    """
    province, _, dotted = _parse(code)
    if province in _COMMON:
        return _COMMON[province]
    return (_PAPUA_KEMENDAGRI if dotted else _PAPUA_BPS).get(province)


def regency_kind(code: object) -> str | None:
    """Return ``"kota"`` or ``"kabupaten"`` for a kab/kota (or finer) code, else ``None``.

    Examples
    --------
    >>> regency_kind("73.71"), regency_kind("3211"), regency_kind("73")
    ('kota', 'kabupaten', None)
    """
    _, regency, _ = _parse(code)
    if regency is None:
        return None
    return "kota" if int(regency) >= _KOTA_FROM else "kabupaten"


def _per_distinct(codes: Sequence[object] | ObjectArray, label: str) -> ObjectArray:
    """Apply a per-code function once per distinct code; ``None`` codes give ``None``."""
    array = np.asarray(codes, dtype=object)
    out = np.full(array.shape, None, dtype=object)
    present = np.array([c is not None for c in array.tolist()], dtype=bool)
    if not present.any():
        return out
    distinct, inverse = np.unique(array[present].astype(str), return_inverse=True)
    problems: list[str] = []
    mapped: list[str | None] = []
    for code in distinct.tolist():
        try:
            mapped.append(province_of(code) if label == "province" else regency_kind(code))
        except DataError as error:
            problems.append(str(error))
            mapped.append(None)
    if problems:
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        raise DataError(f"{len(problems)} region codes have no readable {label}:\n{shown}")
    out[present] = np.array(mapped, dtype=object)[inverse]
    return out


def provinces_of(codes: Sequence[object] | ObjectArray) -> ObjectArray:
    """Return the province code of every region code (``None`` where the code is ``None``).

    Each distinct code is parsed once, so this is fast on long columns.

    Raises
    ------
    DataError
        Listing every code in neither style.

    Examples
    --------
    >>> provinces_of(["73.71", "7371", None, "35.10"]).tolist()
    ['73', '73', None, '35']
    """
    return _per_distinct(codes, "province")


def regency_kinds(codes: Sequence[object] | ObjectArray) -> ObjectArray:
    """Return ``"kota"`` / ``"kabupaten"`` for every region code (``None`` where unknown).

    Examples
    --------
    >>> regency_kinds(["73.71", "35.10"]).tolist()
    ['kota', 'kabupaten']
    """
    return _per_distinct(codes, "kind")


_ELEMENT_NAMES: dict[str, KeyElement] = {}
for _element in KeyElement:
    for _name in (_element.value, _element.name, str(_element.number), _element.label_id):
        _ELEMENT_NAMES[_name.casefold()] = _element


def key_element(name: KeyElement | str | int) -> KeyElement:
    """Return the key element named by its value, member name or number, in any case.

    Raises
    ------
    UnknownElementError
        A ``KeyError`` naming the three elements (with the closest one).

    Examples
    --------
    >>> key_element("Green"), key_element("DIGITAL"), key_element(1)
    (<KeyElement.GREEN: 'green'>, <KeyElement.DIGITAL: 'digital'>, <KeyElement.LIVABLE: 'livable'>)
    """
    if isinstance(name, KeyElement):
        return name
    found = _ELEMENT_NAMES.get(str(name).strip().casefold())
    if found is not None:
        return found
    close = difflib.get_close_matches(str(name).casefold(), [e.value for e in KeyElement], n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    names = ", ".join(f"{e.value!r} ({e.number})" for e in KeyElement)
    raise UnknownElementError(f"no key element {name!r}: the elements are {names}{hint}")


def find_row(table: Table, key: str, year: int | None = None) -> int:
    """Return the position of the city-year whose region code or city name is ``key``.

    The code is matched exactly (``"73.71"`` is not ``"7371"``: see the module notes); the
    city name ignoring case and surrounding spaces. Without ``year``, the key must match
    one row.

    Raises
    ------
    UnknownCityError
        A ``KeyError`` naming the closest cities and codes, or the years the city has.
    """
    text = str(key).strip()
    folded = text.casefold()
    # Exact comparisons run in numpy; the case-insensitive pass only when they find nothing.
    same = np.asarray(table.code == text, dtype=bool) | np.asarray(table.city == text, dtype=bool)
    if not same.any():
        same = np.array([str(c).strip().casefold() == folded for c in table.city.tolist()])
    if not same.any():
        known = sorted({str(c) for c in table.city.tolist()})
        known_codes = sorted({str(c) for c in table.code.tolist() if c is not None})
        close = difflib.get_close_matches(text, known + known_codes, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        shown = ", ".join(repr(c) for c in known[:8]) + (" …" if len(known) > 8 else "")
        raise UnknownCityError(
            f"no city or region code {text!r} in these {table.n_rows} city-years "
            f"({len(known)} cities: {shown}){hint}"
        )
    rows = np.flatnonzero(same if year is None else same & (table.year == int(year)))
    if rows.size == 1:
        return int(rows[0])
    years = sorted({int(y) for y in table.year[same].tolist()})
    if rows.size == 0:
        raise UnknownCityError(
            f"{text!r} has no row for year {year}; its years are {', '.join(str(y) for y in years)}"
        )
    if year is None:
        raise UnknownCityError(
            f"{text!r} has {rows.size} city-years ({', '.join(str(y) for y in years)}); "
            "give the year too"
        )
    cities = sorted({f"{table.city[r]} ({table.code[r]})" for r in rows.tolist()})
    raise UnknownCityError(
        f"{text!r} {year} matches {rows.size} rows ({', '.join(cities)}); look it up by code"
    )
