"""Text as Indonesian offices write it: encodings, missing-value markers and numbers.

Numbers are read *per column*. A column's convention (decimal comma with ``.`` grouping, as BPS
writes ``1.455.672`` and ``17.577,00``; or decimal point with ``,`` grouping) is either given by
the caller or proven by the column's own cells. A cell that reads two ways (``"5.000"``,
``"1,500"``) in a column that proves nothing is never guessed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from iso37122.errors import DataError

__all__ = [
    "COMMA_DECIMAL",
    "DASH_MARKERS",
    "MISSING_MARKERS",
    "NOTE_ROW",
    "POINT_DECIMAL",
    "SPACES",
    "Convention",
    "Dash",
    "Reading",
    "column_convention",
    "convention_from_options",
    "decode",
    "evidence",
    "is_blank",
    "is_missing_marker",
    "is_note_row",
    "parse_number",
]

Dash = Literal["missing", "zero"]

NOTE_ROW = re.compile(
    r"^\s*(?:(?:sumber|source|catatan|note|notes|keterangan|ket)\b|\*)", re.IGNORECASE
)
"""The start of a note below a table ("Sumber: BPS", "Catatan: …", "*) angka sementara")."""


def is_blank(cell: object) -> bool:
    """Whether a cell holds nothing: ``None``, or text of spaces only."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def is_note_row(cells: Sequence[object]) -> bool:
    """Whether a row below a table is a note: one filled cell that starts like one."""
    given = [c for c in cells if not is_blank(c)]
    return len(given) == 1 and bool(NOTE_ROW.match(str(given[0])))


# BPS writes "..." or "…" for "data not available" and "-" for nil; plus the usual spellings.
MISSING_MARKERS = frozenset(
    {"", "...", "…", "NA", "N/A", "n/a", "na", "#N/A", "null", "NULL", "NaN"}
)
"""Cell texts that mean "not reported" (BPS writes ``...`` or ``…``)."""
DASH_MARKERS = frozenset({"-", "–", "—"})
"""BPS's nil: "not reported" unless ``dash="zero"``."""
SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
"""Spaces that group digits (plain, no-break, narrow no-break, thin)."""


@dataclass(frozen=True, slots=True)
class Convention:
    """How a column writes numbers: its decimal mark and its thousands separator."""

    decimal: str
    thousands: str
    """``""`` for no grouping mark (spaces are always accepted as grouping)."""

    def describe(self) -> str:
        """Say the convention in words."""
        grouping = f"{self.thousands!r} between thousands" if self.thousands else "no grouping"
        return f"decimal {self.decimal!r}, {grouping}"


COMMA_DECIMAL = Convention(",", ".")
"""``1.455.672`` and ``17.577,00``: how BPS and Indonesian-language Excel write numbers."""
POINT_DECIMAL = Convention(".", ",")
"""``1,455,672`` and ``17,577.00``."""


def convention_from_options(decimal: str | None, thousands: str | None) -> Convention | None:
    """Return the convention the caller fixed, or ``None`` to detect it per column.

    Giving one of the two marks implies the other (``decimal=","`` means ``"."`` groups
    thousands); ``thousands=""`` means no grouping mark.
    """
    for name, mark, allowed in (
        ("decimal", decimal, (".", ",")),
        ("thousands", thousands, (".", ",", " ", "")),
    ):
        if mark is not None and mark not in allowed:
            raise ValueError(f"{name} must be one of {allowed}, not {mark!r}")
    if decimal is None and thousands is None:
        return None
    if decimal is None:
        decimal = "," if thousands == "." else "."
    if thousands is None:
        thousands = "." if decimal == "," else ","
    thousands = thousands.strip()
    if decimal == thousands:
        raise ValueError(f"decimal and thousands cannot both be {decimal!r}")
    return Convention(decimal, thousands)


# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------


def decode(data: bytes, encoding: str | None, *, name: str) -> str:
    """Decode a text file: the given encoding, else UTF-8 (with or without BOM), else cp1252.

    Raises
    ------
    DataError
        For a binary file, or bytes that are not in the given encoding.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise DataError(
                f"{name}: byte {e.start} is not valid {encoding}; pass the file's encoding "
                "(e.g. encoding='cp1252') or leave encoding=None to detect it",
                code="bad_file",
            ) from None
        return text.removeprefix("\ufeff")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom) or (codec == "utf-16" and data.startswith(codecs.BOM_UTF16_BE)):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise DataError(
                    f"{name}: starts with a {codec} byte-order mark but is not valid {codec}",
                    code="bad_file",
                ) from None
    if b"\x00" in data[:8192]:
        raise DataError(
            f"{name} is a binary file, not text (CSV, TSV or JSON expected)", code="bad_file"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page: cp1252 (a superset of latin-1's
        # printable range); the five bytes cp1252 leaves undefined fall back to latin-1.
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            text = data.decode("latin-1")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\r\n\f")
    if controls > 0:
        raise DataError(
            f"{name} holds control characters: a binary file, not text", code="bad_file"
        )
    return text


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_SIGN = r"[+-]?"
_GROUPED_DOTS = re.compile(rf"^{_SIGN}\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?$")
_GROUPED_COMMAS = re.compile(rf"^{_SIGN}\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?$")
_ONE_MARK = re.compile(rf"^{_SIGN}(?P<int>\d*)(?P<mark>[.,])(?P<frac>\d+)$")
_PLAIN = re.compile(rf"^{_SIGN}\d+$")
_EXPONENT = re.compile(rf"^{_SIGN}(?:\d+(?:\.\d*)?|\.\d+)[eE]{_SIGN}\d+$")
_COMMA_EXPONENT = re.compile(rf"^{_SIGN}(?:\d+,\d*|,\d+)[eE]{_SIGN}\d+$")


Reading = Convention | Literal["plain", "ambiguous", "other"]
"""What one cell says about its column's convention."""


def _compact(text: str) -> str:
    return SPACES.sub("", text.strip().strip('"').strip())


def evidence(text: str) -> Reading:
    """Say which convention a number cell proves, if any.

    Examples
    --------
    >>> evidence("1.455.672") == COMMA_DECIMAL, evidence("17,5") == COMMA_DECIMAL
    (True, True)
    >>> evidence("5.000"), evidence("1 482 354"), evidence("0.250") == POINT_DECIMAL
    ('ambiguous', 'plain', True)
    >>> evidence("1e5"), evidence("1.5E+06") == POINT_DECIMAL, evidence("1,5E+06") == COMMA_DECIMAL
    ('plain', True, True)
    """
    cell = _compact(text)
    if _PLAIN.match(cell):
        return "plain"
    if "." in cell and "," in cell:
        if _GROUPED_DOTS.match(cell):
            return COMMA_DECIMAL
        if _GROUPED_COMMAS.match(cell):
            return POINT_DECIMAL
        return "other"
    if _GROUPED_DOTS.match(cell) and cell.count(".") > 1:
        return COMMA_DECIMAL
    if _GROUPED_COMMAS.match(cell) and cell.count(",") > 1:
        return POINT_DECIMAL
    one = _ONE_MARK.match(cell)
    if one:
        digits = one.group("int").lstrip("+-")
        # "5.000" could group thousands; "0.500", ".5", "1234.5" and "17.5" cannot.
        grouping_possible = (
            len(one.group("frac")) == 3 and 1 <= len(digits) <= 3 and not digits.startswith("0")
        )
        if grouping_possible:
            return "ambiguous"
        return POINT_DECIMAL if one.group("mark") == "." else COMMA_DECIMAL
    if _EXPONENT.match(cell):
        return POINT_DECIMAL if "." in cell else "plain"
    if _COMMA_EXPONENT.match(cell):
        return COMMA_DECIMAL  # "1,5E+06": no one groups the thousands of a mantissa
    return "other"


def column_convention(
    readings: Mapping[int, Reading], counts: Mapping[int, int] | None = None
) -> tuple[Convention | None, list[int]]:
    """Return the convention a column's cells prove, and the cells that contradict it.

    ``readings`` maps a cell (or a group of cells of the same shape, weighted by ``counts``) to
    its :func:`evidence`. With cells proving both conventions, the one proven by more cells
    wins and the others are returned as conflicts.
    """
    proofs: dict[Convention, list[int]] = {}
    for key, reading in readings.items():
        if isinstance(reading, Convention):
            proofs.setdefault(reading, []).append(key)
    if not proofs:
        return None, []
    weight = counts or {}
    ranked = sorted(proofs, key=lambda c: -sum(weight.get(k, 1) for k in proofs[c]))
    return ranked[0], [k for c in ranked[1:] for k in proofs[c]]


def is_missing_marker(text: str, na_values: frozenset[str], dash: Dash) -> bool:
    """Whether a cell says "not reported" (``...``, ``…``, empty, ``-`` unless nil is zero)."""
    cell = text.strip()
    return (
        cell in MISSING_MARKERS or cell in na_values or (dash == "missing" and cell in DASH_MARKERS)
    )


def parse_number(text: str, convention: Convention | None) -> float | None:
    """Read one number written with ``convention``; ``None`` when it is not such a number.

    With ``convention=None`` only plain integers and unambiguous decimals are read.

    Examples
    --------
    >>> parse_number("1.455.672", COMMA_DECIMAL), parse_number("17.577,00", COMMA_DECIMAL)
    (1455672.0, 17577.0)
    >>> parse_number("17.5", COMMA_DECIMAL) is None, parse_number("1 482 354", None)
    (True, 1482354.0)
    """
    cell = _compact(text)
    if _PLAIN.match(cell):
        return float(cell)
    if convention is None:
        reading = evidence(cell)
        if reading == "plain" and _EXPONENT.match(cell):
            return float(cell)  # "1e5": no decimal mark, so no convention to know
        if not isinstance(reading, Convention):
            return None
        convention = reading
    if _EXPONENT.match(cell):
        return float(cell) if convention.decimal == "." or "." not in cell else None
    if _COMMA_EXPONENT.match(cell):
        return float(cell.replace(",", ".")) if convention.decimal == "," else None
    sign = ""
    if cell[:1] in "+-":
        sign, cell = cell[0], cell[1:]
    whole, _, fraction = cell.partition(convention.decimal)
    if convention.decimal in fraction:
        return None
    if convention.thousands and convention.thousands in whole:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(convention.thousands)}\d{{3}})+", whole):
            return None
        whole = whole.replace(convention.thousands, "")
    if not re.fullmatch(r"\d*", whole) or not re.fullmatch(r"\d*", fraction):
        return None
    if not whole and not fraction:
        return None
    return float(f"{sign}{whole or '0'}.{fraction or '0'}")
