"""Cells into numbers: one column at a time, with every bad cell located in the file.

Numbers and plain integers are converted in bulk; text numbers are classified by their *shape*
(digits replaced by 9), so that the rules of :mod:`iso37122.io._text` run once per distinct
shape, and the conversion itself runs on whole columns.
"""

from __future__ import annotations

import importlib.util
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122.errors import ErrorCode, Problem, UnitError, show_value
from iso37122.indicators._formulas import FloatArray
from iso37122.io._fastcsv import PLAIN_DECIMAL, TextCells
from iso37122.io._headers import unit_factor
from iso37122.io._sources import Grid
from iso37122.io._text import (
    DASH_MARKERS,
    MISSING_MARKERS,
    POINT_DECIMAL,
    SPACES,
    Convention,
    Dash,
    Reading,
    column_convention,
    evidence,
    parse_number,
)
from iso37122.variables import Kind, Variable

__all__ = [
    "SPACE_CLASS",
    "At",
    "CellReader",
    "Column",
    "ambiguous_message",
    "digits_as_nines",
    "split_inline_unit",
]

_INLINE_UNIT = re.compile(r"^(?P<number>[^A-Za-z%²³]*?)\s*(?P<unit>[A-Za-z%].*)$")
# A number in exponent notation ("1e5", "1.5E+06", "1,5E+06"), then perhaps a unit: its "e" is
# not the start of a unit.
_EXPONENT_UNIT = re.compile(
    r"^(?P<number>[+-]?(?:\d[\d.,]*|[.,]\d+)[eE][+-]?\d+)(?:\s*(?P<unit>[A-Za-z%].*))?$"
)


@dataclass(frozen=True)
class At:
    """Where the cells of a column are: ``row 5, column C 'Luas (ha)'``, built on demand."""

    rows: Sequence[str]
    label: str

    def __getitem__(self, k: int) -> str:
        return f"{self.rows[k]}, {self.label}"


@dataclass
class Column:
    """The cells of one variable, wherever they came from, and where each one is in the file."""

    variable: Variable
    cells: Sequence[object]
    factors: Sequence[float] | FloatArray
    where: At
    out_rows: Sequence[int]


SPACE_CLASS = "[ \u00a0\u202f\u2009]"
"""The characters of :data:`iso37122.io._text.SPACES` themselves, not escapes: a pattern pyarrow
runs (pandas gives a ``\\u`` escape to Python's :mod:`re`, one call per cell)."""

# Text columns are handled by pyarrow's vectorised string kernels when it is installed.
_TEXT: Any = pd.StringDtype("pyarrow") if importlib.util.find_spec("pyarrow") else object

# How a cell is held: 0 empty, 1 text, 2 a plain number, 3 anything else.
_HELD = {type(None): 0, str: 1, int: 2, float: 2}
_UNIFORM = {"string": 1, "integer": 2, "floating": 2, "mixed-integer-float": 2, "empty": 0}


@dataclass
class CellReader:
    grid: Grid
    convention: Convention | None
    dash: Dash
    na_values: frozenset[str]
    problems: list[Problem] = field(default_factory=list)
    identities: list[tuple[str, int]] = field(default_factory=list)
    read: dict[str, Column] = field(default_factory=dict)
    frame_rows: list[str] = field(default_factory=list)
    """Per output row, where it starts in the file (``row 5``)."""
    _positions: dict[str, dict[int, int]] = field(default_factory=dict)

    def locate(self, out_row: int, variable: str) -> str:
        """Where the cell of one output row and variable is in the file."""
        column = self.read.get(variable)
        if column is None:
            return ""
        if isinstance(column.out_rows, range):  # a wide file: output row k is cell k
            inside = column.out_rows.start <= out_row < column.out_rows.stop
            return column.where[out_row - column.out_rows.start] if inside else ""
        if variable not in self._positions:  # the first cell of each output row
            positions = self._positions[variable] = {}
            for k, row in enumerate(column.out_rows):
                positions.setdefault(row, k)
        position = self._positions[variable].get(out_row)
        return "" if position is None else column.where[position]

    def problem(
        self, out_row: int, where: str, variable: str, cell: object, rule: ErrorCode, text: str
    ) -> None:
        city, year = self.identities[out_row]
        message = f"{self.grid.name}, {where}: {variable} = {show_value(cell)}: {text}"
        self.problems.append(Problem(out_row, city, year, variable, cell, rule, message))

    def parse(self, column: Column, header: str) -> FloatArray:
        """Read a column's cells into canonical magnitudes, recording every bad cell.

        Numbers and plain integers are converted in bulk; text numbers are classified by
        their *shape* (digits replaced by 9), so the rules run once per distinct shape.
        """
        self.read[column.variable.id] = column
        n = len(column.cells)
        factors = np.array(column.factors, dtype=float)
        values = np.full(n, np.nan)
        if isinstance(column.cells, TextCells) and self._parse_arrow(
            column, header, column.cells, factors, values
        ):
            self._check_whole(column, values)
            return values
        cells = np.empty(n, dtype=object)
        cells[:] = list(column.cells)
        given = ~pd.isna(cells)
        kind = pd.api.types.infer_dtype(cells, skipna=True)
        if kind in _UNIFORM:  # one type throughout: no need to look at each cell
            held = np.where(given, _UNIFORM[kind], 0).astype(np.int8)
        else:
            held = np.fromiter((_HELD.get(type(c), 3) for c in cells), np.int8, count=n)
        for k in np.flatnonzero(held == 3):
            cell = cells[k]
            if isinstance(cell, numbers.Real) and not isinstance(cell, bool | np.bool_):
                held[k] = 2
            else:
                self._bad(column, int(k), cell, "not_a_number", "is not a number")
        numeric = np.flatnonzero(held == 2)
        values[numeric] = cells[numeric].astype(float) * factors[numeric]
        text = np.flatnonzero(held == 1)
        if text.size:
            self._parse_text(column, header, cells, text, factors, values)
        self._check_whole(column, values)
        return values

    def _parse_text(
        self,
        column: Column,
        header: str,
        cells: npt.NDArray[np.object_],
        text: npt.NDArray[np.intp],
        factors: FloatArray,
        values: FloatArray,
    ) -> None:
        stripped = pd.Series(cells[text], dtype=_TEXT).str.strip()
        missing = stripped.isin(MISSING_MARKERS | self.na_values).to_numpy(dtype=bool)
        dashes = stripped.isin(DASH_MARKERS).to_numpy(dtype=bool)
        if self.dash == "zero":
            values[text[dashes]] = 0.0
        keep = ~(missing | dashes)
        text, stripped = text[keep], stripped[keep]
        if stripped.str.contains('"', regex=False).any():
            stripped = stripped.str.strip('"').str.strip()
        compact = stripped.str.replace(SPACE_CLASS, "", regex=True)
        numbers_only = compact.to_numpy(dtype=object, copy=True)
        spaced = stripped.to_numpy(dtype=object)
        units: dict[int, str] = {}
        for j in np.flatnonzero(compact.str.contains(r"[A-Za-z%²³]", regex=True).to_numpy()):
            # Split before the spaces go: a unit may have words ("ribu jiwa", "rumah tangga").
            number, unit = split_inline_unit(str(spaced[j]))
            numbers_only[j] = SPACES.sub("", number)
            if unit is not None:
                units[int(j)] = unit
        texts = pd.Series(numbers_only, dtype=_TEXT)
        # "0.500" proves a decimal point where "5.000" does not: a leading zero is in the shape.
        shape: pd.Series[str] = digits_as_nines(texts) + np.where(
            texts.str.match(r"[+-]?0").to_numpy(dtype=bool), "0", ""
        )
        codes, uniques = pd.factorize(shape)
        _, positions = np.unique(codes, return_index=True)
        first = {c: int(j) for c, j in enumerate(positions)}
        readings: dict[int, Reading] = {c: evidence(str(numbers_only[j])) for c, j in first.items()}
        convention = self.convention
        conflicts: set[int] = set()
        if convention is None:
            counts = np.bincount(codes, minlength=len(uniques))
            by_code = {c: int(counts[c]) for c in readings}
            convention, losing = column_convention(readings, by_code)
            conflicts = set(losing)
        bad_code: dict[int, tuple[ErrorCode, str]] = {}
        for c, reading in readings.items():
            sample = str(numbers_only[first[c]])
            if c in conflicts:
                assert convention is not None
                assert isinstance(reading, Convention)
                proof = next(first[d] for d, r in readings.items() if r == convention)
                bad_code[c] = (
                    "number_format",
                    f"reads as a number with {reading.describe()}, but "
                    f"{column.where[int(text[proof])]} ({numbers_only[proof]!r}) has "
                    f"{convention.describe()}; pass decimal= and thousands= to say how the "
                    "file writes numbers",
                )
            elif reading == "ambiguous" and convention is None:
                bad_code[c] = ("ambiguous_number", "")
            elif parse_number(sample, convention) is None:
                how = f" written with {convention.describe()}" if convention else ""
                bad_code[c] = ("not_a_number", f"is not a number{how}")
        plain = texts
        if convention is not None:
            if convention.thousands:
                plain = plain.str.replace(convention.thousands, "", regex=False)
            plain = plain.str.replace(convention.decimal, ".", regex=False)
        magnitudes = pd.to_numeric(plain.where(~np.isin(codes, list(bad_code))), errors="coerce")
        found = magnitudes.to_numpy(dtype=float, na_value=np.nan)
        for position, unit in units.items():
            k = int(text[position])
            try:
                factors[k] = unit_factor(unit, column.variable)
            except UnitError as e:
                raise UnitError(f"{self.grid.name}, {column.where[k]}: {e}") from None
        values[text] = found * factors[text]
        for at in np.flatnonzero(np.isin(codes, list(bad_code))):
            rule, message = bad_code[int(codes[at])]
            if rule == "ambiguous_number":
                message = ambiguous_message(str(numbers_only[at]), header)
            self._bad(column, int(text[at]), cells[text[at]], rule, message)

    def _parse_arrow(
        self,
        column: Column,
        header: str,
        cells: TextCells,
        factors: FloatArray,
        values: FloatArray,
    ) -> bool:
        """Read a column held by pyarrow with whole-column kernels; ``False`` leaves it alone.

        The cells that are plain decimals (``12``, ``-3.25``) come converted already
        (:func:`iso37122.io._fastcsv.plain_column`, from their bytes), or, when that could
        not be done, are found by a vectorised regular expression and converted by pyarrow;
        the few others (markers, units, text) go one by one through the rules of
        :mod:`iso37122.io._text`. A column with a cell that
        proves a decimal comma or thousands grouping (``1.455.672``, ``17,5``, ``1,500``), or
        read with ``decimal=","``, returns ``False`` untouched for the general reader.
        """
        given = self.convention
        if given is not None and given.decimal != ".":
            return False
        import pyarrow as pa
        import pyarrow.compute as pc

        named_set = pa.array(sorted(self.na_values), pa.string())
        plain = cells.plain_numbers()
        if (
            plain is not None
            and self.na_values
            and pc.any(pc.is_in(cells.array, value_set=named_set)).as_py()
        ):
            plain = None  # a cell named missing: the kernels below leave it out
        floats: FloatArray | None = None
        if plain is not None:  # plain decimals found and converted from the bytes
            floats, size, ambiguous, shaped = plain
            text = cells.array
            empty = size == 0
            simple = ~empty if shaped is None else shaped
        else:
            text = pc.utf8_trim_whitespace(cells.array)
            size = pc.binary_length(text).to_numpy(zero_copy_only=False)
            empty = size == 0
            simple_kernel = pc.match_substring_regex(text, PLAIN_DECIMAL)
            if self.na_values:
                named = pc.is_in(text, value_set=named_set)
                simple_kernel = pc.and_(simple_kernel, pc.invert(named))
            simple = simple_kernel.to_numpy(zero_copy_only=False)
            # "5.000" and "-123.456": 5 to 8 characters, checked by the pattern only then.
            ambiguous = simple & (size >= 5) & (size <= 8)
            if ambiguous.any():
                at = np.flatnonzero(ambiguous)
                pattern = r"^[+-]?[1-9]\d{0,2}\.\d{3}$"
                found = pc.match_substring_regex(text.take(pa.array(at)), pattern)
                ambiguous[at] = found.to_numpy(zero_copy_only=False)
        rest: list[tuple[int, str, str | None]] = []
        zeros: list[int] = []
        for k in np.flatnonzero(~(simple | empty)).tolist():
            cell = cells[k]
            if cell is None:
                continue  # blank to Python's eyes, as to the general reader
            stripped = str(cell).strip()
            if stripped in DASH_MARKERS:
                if self.dash == "zero":
                    zeros.append(k)
                continue
            if stripped in MISSING_MARKERS or stripped in self.na_values:
                continue
            unquoted = stripped.strip('"').strip()
            compact = SPACES.sub("", unquoted)
            unit = None
            if re.search(r"[A-Za-z%²³]", compact):
                number, unit = split_inline_unit(unquoted)
                compact = SPACES.sub("", number)
            reading = evidence(compact)
            if isinstance(reading, Convention) or reading == "ambiguous":
                return False  # the column proves or needs a convention: the general reader
            rest.append((k, compact, unit))
        convention = given
        if convention is None and (rest or ambiguous.any()):
            dotted = simple & pc.match_substring(text, ".").to_numpy(zero_copy_only=False)
            if (dotted & ~ambiguous).any():
                convention = POINT_DECIMAL
        good = simple.copy()
        if convention is None:
            good &= ~ambiguous
        if floats is None:
            floats = np.full(len(good), np.nan)
            if good.any():
                floats[good] = pc.cast(text.filter(pa.array(good)), pa.float64()).to_numpy()
        values[:] = np.where(good, floats, np.nan) * factors
        values[zeros] = 0.0
        for k, _, unit in rest:
            if unit is not None:
                try:
                    factors[k] = unit_factor(unit, column.variable)
                except UnitError as e:
                    raise UnitError(f"{self.grid.name}, {column.where[k]}: {e}") from None
        bad: list[tuple[int, ErrorCode, str]] = []
        readable: list[tuple[int, str]] = []
        for k, compact, _ in rest:
            if parse_number(compact, convention) is None:
                how = f" written with {convention.describe()}" if convention else ""
                bad.append((k, "not_a_number", f"is not a number{how}"))
                continue
            if convention is not None:
                if convention.thousands:
                    compact = compact.replace(convention.thousands, "")
                compact = compact.replace(convention.decimal, ".")
            readable.append((k, compact))
        if readable:
            where = [k for k, _ in readable]
            strings = pd.Series([c for _, c in readable], dtype=object)
            numbers = pd.to_numeric(strings, errors="coerce")
            values[where] = numbers.to_numpy(dtype=float) * factors[where]
        for k in np.flatnonzero(ambiguous & ~good).tolist():
            message = ambiguous_message(str(text[k].as_py()), header)
            bad.append((k, "ambiguous_number", message))
        for k, rule, message in bad:
            self._bad(column, k, cells[k], rule, message)
        return True

    def _check_whole(self, column: Column, values: FloatArray) -> None:
        variable = column.variable
        if variable.kind is not Kind.COUNT:
            return
        with np.errstate(invalid="ignore"):
            nearest = np.round(values)
            whole = np.abs(values - nearest) <= 1e-6 + 1e-12 * np.abs(values)
        fraction = np.isfinite(values) & ~whole
        values[whole] = nearest[whole]
        for k in np.flatnonzero(fraction):
            self._bad(
                column,
                int(k),
                column.cells[int(k)],
                "not_whole",
                f"gives {values[k]:g} {variable.unit}, but a count must be a whole number; check "
                "the decimal and thousands separators (decimal=, thousands=) and the unit",
            )
        values[fraction] = np.nan

    def _bad(self, column: Column, k: int, cell: object, rule: ErrorCode, text: str) -> None:
        self.problem(column.out_rows[k], column.where[k], column.variable.id, cell, rule, text)


_NINES = np.arange(256, dtype=np.uint8)
_NINES[list(b"0123456789")] = b"9"[0]


def digits_as_nines(texts: pd.Series[str]) -> pd.Series[str]:
    r"""Write every digit of the texts as 9 (their *shape*), as ``str.replace(r"\d", "9")``.

    Texts all in ASCII are mapped byte by byte; others (where ``\d`` also matches the
    digits of other scripts) go through the regular expression.
    """
    if _TEXT is not object and len(texts):
        import pyarrow as pa
        import pyarrow.compute as pc

        array = pa.chunked_array(pa.array(texts.array)).combine_chunks()
        if not array.null_count and pc.all(pc.string_is_ascii(array)).as_py():
            buffers = array.buffers()
            if buffers[2] is not None:
                data = _NINES[np.frombuffer(buffers[2], dtype=np.uint8)]
                buffers = [None, buffers[1], pa.py_buffer(data.tobytes())]
            nines = pa.Array.from_buffers(array.type, len(array), buffers, offset=array.offset)
            return pd.Series(pd.arrays.ArrowStringArray(nines), index=texts.index)
    return texts.str.replace(r"\d", "9", regex=True)


def split_inline_unit(cell: str) -> tuple[str, str | None]:
    """Split a cell into its number and the unit written after it (``None``: no unit).

    Examples
    --------
    >>> split_inline_unit("17.577,00 ha"), split_inline_unit("1.5E+06"), split_inline_unit("2e3 ha")
    (('17.577,00', 'ha'), ('1.5E+06', None), ('2e3', 'ha'))
    """
    exponent = _EXPONENT_UNIT.match(cell.strip())
    if exponent:
        unit = exponent.group("unit")
        return exponent.group("number"), unit.strip() if unit else None
    match = _INLINE_UNIT.match(cell.strip())
    if match and match.group("number").strip() and re.search(r"\d", match.group("number")):
        return match.group("number").strip(), match.group("unit").strip()
    return cell, None


def ambiguous_message(number: str, header: str) -> str:
    comma = "," in number
    as_group = parse_number(
        number, Convention("," if not comma else ".", "." if not comma else ",")
    )
    as_decimal = parse_number(number, Convention("," if comma else ".", ""))
    big, small = show_value(as_group), show_value(as_decimal)
    mark = "," if comma else "."
    other = "." if comma else ","
    return (
        f"could be {big} ({mark!r} between thousands) or {small} ({mark!r} as decimal mark), "
        f"and no other cell of {header} shows which; pass decimal={other!r} "
        f"(thousands={mark!r}) if it means {big}, or decimal={mark!r} if it means {small}"
    )
