"""Files into grids: the cells of a CSV, XLSX, Parquet, JSON or JSON Lines file, as written.

A :class:`Grid` keeps every cell as the file holds it (text stays text) and knows where each
row and column sits in the file (``row 5`` and ``column C`` as a spreadsheet shows them), so that
every later message can point at the cell.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Literal, TypeVar

from iso37122.errors import DataError, MissingDependencyError
from iso37122.io._fastcsv import arrow_csv_cells
from iso37122.io._text import decode, is_blank, is_note_row

__all__ = [
    "FORMATS",
    "Format",
    "Grid",
    "Source",
    "column_letter",
    "load_grid",
    "require",
]

Format = Literal["csv", "xlsx", "parquet", "json", "jsonl"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "parquet", "json", "jsonl")
Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]

_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_DELIMITERS = (";", "\t", ",", "|")
_Row = TypeVar("_Row")
_NOT_DATA_SHEETS = frozenset({"instructions", "petunjuk", "variables", "variabel", "readme"})
_EXTRA_OF = {"openpyxl": "xlsx", "pyarrow": "parquet", "pyarrow.parquet": "parquet"}


def require(module: str) -> ModuleType:
    """Import an optional dependency, or say which extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = _EXTRA_OF.get(module, "all")
        raise MissingDependencyError(
            f"this needs the optional dependency {module.split('.')[0]!r}: "
            f"pip install iso37122[{extra}]"
        ) from None


def column_letter(index: int) -> str:
    """Return a spreadsheet column letter for a zero-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, eq=False)
class Grid:
    """The cells of one table in a file.

    Attributes
    ----------
    name
        The file, as named in messages.
    headers
        Column headers, stripped, with inner runs of spaces collapsed.
    columns
        How each column is named in messages (``column C 'Luas (ha)'`` or ``field 'land_area'``).
    cells
        The data, column by column, each as long as ``where``; a cell is ``None`` (empty),
        text or a value.
    where
        Per data row, where it is in the file (``row 5``, ``record 4``, ``line 5``).
    """

    name: str
    headers: list[str]
    columns: list[str]
    cells: list[Sequence[object]]
    where: list[str]

    @cached_property
    def rows(self) -> list[list[object]]:
        """The data row by row, each as long as ``headers``."""
        return [list(row) for row in zip(*self.cells, strict=True)] if self.cells else []


def _name_of(source: Source) -> str:
    if isinstance(source, str | os.PathLike):
        return str(source)
    if isinstance(source, bytes):
        return "the given bytes"
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, str) else "the given file object"


def _read_bytes(source: Source, name: str) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise DataError(f"no such file: {name}", code="bad_file") from None
        except IsADirectoryError:
            raise DataError(f"{name} is a directory, not a file", code="bad_file") from None
        except OSError as e:
            raise DataError(f"cannot read {name}: {e.strerror or e}", code="bad_file") from None
    data = source.read()
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, bytes):
        return data
    raise TypeError(f"{name}: read() returned {type(data).__name__}, not bytes or str")


def _format_of(source: Source, data: bytes, name: str, format: str | None) -> Format:
    if format is not None:
        if format in ("tsv", "txt"):
            return "csv"
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        return format
    if isinstance(source, str | os.PathLike) or name.endswith(tuple(_EXTENSIONS)):
        suffix = Path(name).suffix.lower()
        if suffix == ".xls":
            raise DataError(
                f"{name}: the old binary .xls format is not read; save it as .xlsx", code="bad_file"
            )
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
        if isinstance(source, str | os.PathLike):
            raise DataError(
                f"{name}: unknown file extension {suffix!r}; use one of "
                f"{', '.join(sorted(_EXTENSIONS))} or pass format=",
                code="bad_file",
            )
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"PAR1"):
        return "parquet"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        return "jsonl" if data.strip().count(b"\n") else "json"
    return "csv"


def load_grid(
    source: Source,
    *,
    format: str | None,
    sep: str | None,
    sheet: str | int | None,
    encoding: str | None,
) -> Grid:
    """Read a file's cells into a :class:`Grid`.

    Raises
    ------
    DataError
        An empty, header-only, binary, unreadable or malformed file, never a csv, openpyxl or
        pyarrow exception.
    """
    name = _name_of(source)
    data = _read_bytes(source, name)
    kind = _format_of(source, data, name, format)
    if not data or data.isspace():  # as ``not data.strip()``, without copying the file
        raise DataError(f"{name} is empty", code="bad_file")
    if kind == "csv":
        if sep is None and Path(name).suffix.lower() in (".tsv", ".tab"):
            sep = "\t"
        return _csv_grid(decode(data, encoding, name=name), name, sep)
    if kind == "xlsx":
        return _xlsx_grid(data, name, sheet)
    if kind == "parquet":
        return _parquet_grid(data, name)
    text = decode(data, encoding, name=name)
    return _json_grid(text, name, lines=kind == "jsonl")


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _records(text: str, sep: str, *, strict: bool = False) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=sep, skipinitialspace=True, strict=strict)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as e:
        # An opening quote never closed swallows the rest of the file: say where it opened.
        raise csv.Error(f"line {reader.line_num}, after row {len(records)}: {e}") from None
    return records


def _fits(row: list[str], width: int) -> bool:
    cells = list(row)
    while len(cells) > width and not cells[-1].strip():
        cells.pop()  # a trailing delimiter
    return len(cells) == width


def _sniff(text: str, name: str) -> str:
    end = -1
    for _ in range(51):  # the first 50 lines, without splitting the whole file
        end = text.find("\n", end + 1)
        if end == -1:
            break
    head = text if end == -1 else text[: end + 1]
    sample = "\n".join(head.splitlines()[:50])
    best: tuple[float, int, int] | None = None
    chosen = _DELIMITERS[0]
    for rank, sep in enumerate(_DELIMITERS):
        try:
            rows = [r for r in _records(sample, sep) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        rows = rows[_titles(rows, _filled) :]
        if not rows:
            continue
        header = list(rows[0])
        while header and not header[-1].strip():
            header.pop()
        width = len(header)
        if width < 2:
            continue
        consistent = sum(_fits(r, width) for r in rows) / len(rows)
        score = (consistent, width, -rank)
        if best is None or score > best:
            best, chosen = score, sep
    if best is None:
        first = text.strip().splitlines()[0][:80] if text.strip() else ""
        raise DataError(
            f"{name}: found no column delimiter (tried ';', tab, ',' and '|') in {first!r}; "
            "pass sep=",
            code="bad_file",
        )
    return chosen


def _csv_grid(text: str, name: str, sep: str | None) -> Grid:
    if not text or text.isspace():  # as ``not text.strip()``, without copying the text
        raise DataError(f"{name} is empty", code="bad_file")
    sep = sep if sep is not None else _sniff(text, name)
    plain = arrow_csv_cells(text, sep)
    if plain is not None:
        headers, cells, numbers = plain
        labels = [f"column {column_letter(j)} {h!r}" for j, h in enumerate(headers)]
        return Grid(name, headers, labels, cells, [f"row {n}" for n in numbers])
    try:
        try:
            records = _records(text, sep, strict=True)
        except csv.Error as e:
            # Sloppy quoting inside a row ('""42""') is read as the cell's text and checked
            # later; a quote never closed would swallow the rest of the file, so it is refused.
            if "unexpected end of data" in str(e):
                raise
            records = _records(text, sep)
    except csv.Error as e:
        raise DataError(
            f'{name}: not a readable CSV file ({e}); check the quotes (") of that row',
            code="bad_file",
        ) from None
    numbered = [(i + 1, list(r)) for i, r in enumerate(records)]
    return _grid(name, numbered, lambda row: f"row {row}", letters=True)


# --------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------


def _xlsx_grid(data: bytes, name: str, sheet: str | int | None) -> Grid:
    openpyxl = require("openpyxl")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise DataError(
            f"{name}: not a readable XLSX workbook ({type(e).__name__}: {e})", code="bad_file"
        ) from None
    except openpyxl.utils.exceptions.InvalidFileException as e:
        raise DataError(f"{name}: not a readable XLSX workbook ({e})", code="bad_file") from None
    names: list[str] = list(workbook.sheetnames)
    if sheet is None:
        data_sheets = [s for s in names if s.strip().lower() not in _NOT_DATA_SHEETS]
        if len(data_sheets) != 1:
            raise DataError(
                f"{name} has {len(names)} sheets ({', '.join(repr(s) for s in names)}); pass "
                "sheet= with the name or the zero-based position of the one to read",
                code="bad_file",
            )
        sheet = data_sheets[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(names):
            raise DataError(
                f"{name} has {len(names)} sheet(s); sheet={sheet} is out of range", code="bad_file"
            )
        sheet = names[sheet]
    if sheet not in names:
        raise DataError(
            f"{name} has no sheet {sheet!r}; its sheets are {', '.join(repr(s) for s in names)}",
            code="bad_file",
        )
    worksheet = workbook[sheet]
    numbered = [
        (i + 1, [None if v is None else v for v in row])
        for i, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True))
    ]
    # A merged title above the table or a merged note below it is fine; merged cells in the
    # header or among the data are not.
    wide = [number for number, row in numbered if _filled(row) >= 2]
    merged = [
        str(r)
        for r in worksheet.merged_cells.ranges
        if not wide or not (r.max_row < wide[0] or r.min_row > wide[-1])
    ]
    if merged:
        raise DataError(
            f"{name}, sheet {sheet!r}: merged cells {', '.join(merged[:5])}; unmerge them so "
            "that every column has one header and every row its own city and year",
            code="bad_file",
        )
    if any(v is None for _, row in numbered for v in row):
        _refuse_uncached_formulas(openpyxl, data, name, sheet, numbered)
    return _grid(f"{name}, sheet {sheet!r}", numbered, lambda row: f"row {row}", letters=True)


def _refuse_uncached_formulas(
    openpyxl: Any, data: bytes, name: str, sheet: str, numbered: list[tuple[int, list[Any]]]
) -> None:
    """Refuse formula cells without a cached value (a workbook written by code, not Excel).

    Excel stores the last computed value of every formula, which is what is read; a workbook
    written by a program (openpyxl, pandas) stores only the formula. Such a cell reads as
    empty, which would silently make a reported value "not reported", so it is an error
    naming the cell: open and save the workbook in Excel or LibreOffice to compute it.
    """
    formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)[sheet]
    found = [
        f"{column_letter(j)}{number} ({formula})"
        for (number, values), formulas_row in zip(
            numbered, formulas.iter_rows(min_row=1, values_only=True), strict=False
        )
        for j, (value, formula) in enumerate(zip(values, formulas_row, strict=False))
        if value is None and isinstance(formula, str) and formula.startswith("=")
    ]
    if found:
        raise DataError(
            f"{name}, sheet {sheet!r}: formula cell(s) without a computed value: "
            f"{', '.join(found[:5])}{' ...' if len(found) > 5 else ''}; the workbook was not "
            "saved by a spreadsheet program, so the formulas were never computed. Open and save "
            "it in Excel or LibreOffice, or type the values",
            code="bad_file",
        )


# --------------------------------------------------------------------------------------------
# Parquet and JSON
# --------------------------------------------------------------------------------------------


def _parquet_grid(data: bytes, name: str) -> Grid:
    pyarrow = require("pyarrow")
    parquet = require("pyarrow.parquet")
    try:
        table = parquet.read_table(pyarrow.BufferReader(data), use_threads=False)
    except (pyarrow.ArrowException, OSError, ValueError) as e:
        raise DataError(f"{name}: not a readable Parquet file ({e})", code="bad_file") from None
    records: list[dict[str, Any]] = table.to_pylist()
    return _records_grid(name, list(table.column_names), records, "record")


def _json_grid(text: str, name: str, *, lines: bool) -> Grid:
    records: list[object] = []
    if lines:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise DataError(
                        f"{name}, line {number}: not valid JSON ({e.msg})", code="bad_file"
                    ) from None
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataError(
                f"{name}: not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})",
                code="bad_file",
            ) from None
        if not isinstance(loaded, list):
            raise DataError(
                f"{name}: a JSON file must hold a list of objects, one per city-year (or use "
                "JSON Lines, one object per line)",
                code="bad_file",
            )
        records = loaded
    unit = "line" if lines else "record"
    for i, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise DataError(f"{name}, {unit} {i}: {record!r} is not an object", code="bad_file")
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(record))  # type: ignore[call-overload]  # dicts, checked above
    return _records_grid(name, list(keys), records, unit)  # type: ignore[arg-type]


def _records_grid(
    name: str, headers: list[str], records: Sequence[dict[str, Any]], unit: str
) -> Grid:
    numbered: list[tuple[int, Sequence[object]]] = [(0, headers)]
    numbered += [(i, [record.get(h) for h in headers]) for i, record in enumerate(records, 1)]
    return _grid(name, numbered, lambda row: f"{unit} {row}", letters=False)


# --------------------------------------------------------------------------------------------
# Common shape checks
# --------------------------------------------------------------------------------------------


def _filled(cells: Sequence[object]) -> int:
    return sum(1 for c in cells if not is_blank(c))


def _titles(rows: Sequence[_Row], filled: Callable[[_Row], int]) -> int:
    """Count the title rows above the header.

    A title is a row of one filled cell (a merged title cell, "Jumlah Penduduk Menurut
    Kabupaten/Kota, 2024"), which no table's header is, since it needs at least a city and a
    year column. Nothing is counted when the row found below the titles is not wider.
    """
    start = 0
    while start < len(rows) - 1 and filled(rows[start]) == 1:
        start += 1
    return start if filled(rows[start]) >= 2 else 0  # one column all along: no titles


def _grid(
    name: str,
    numbered: Sequence[tuple[int, Sequence[object]]],
    where: Any,
    *,
    letters: bool,
) -> Grid:
    rows = [(number, list(cells)) for number, cells in numbered if not all(map(is_blank, cells))]
    if not rows:
        raise DataError(f"{name} is empty: no header and no data", code="bad_file")
    rows = rows[_titles(rows, lambda row: _filled(row[1])) :]
    while len(rows) > 2 and is_note_row(rows[-1][1]):  # "Sumber: BPS" below the table
        rows.pop()
    header_number, header_cells = rows[0]
    headers = [re.sub(r"\s+", " ", str(c)).strip() if c is not None else "" for c in header_cells]
    body = rows[1:]
    if not body:
        raise DataError(
            f"{name} has a header ({where(header_number)}) but no data rows", code="bad_file"
        )
    width = len(headers)
    while width and not headers[width - 1]:
        width -= 1
    labels = [
        f"column {column_letter(j)} {h!r}" if letters else f"field {h!r}"
        for j, h in enumerate(headers)
    ]
    out: list[list[object]] = []
    for number, cells in body:
        extra = [(j, c) for j, c in enumerate(cells[width:], start=width) if not is_blank(c)]
        if extra:
            j, cell = extra[0]
            where_text = where(number)
            raise DataError(
                f"{name}, {where_text}: column {column_letter(j)} holds {cell!r} but has no "
                "header; name the column, or delete the stray cells"
                if letters
                else f"{name}, {where_text}: {cell!r} has no field name",
                code="bad_file",
            )
        padded = [*cells[:width], *([None] * (width - len(cells)))]
        out.append(
            [None if c is None or (c.__class__ is str and not c.strip()) else c for c in padded]
        )
    headers = headers[:width]
    for j, header in enumerate(headers):
        if not header:
            raise DataError(
                f"{name}: column {column_letter(j)} has values but no header; every column "
                "needs a name",
                code="bad_file",
            )
    seen: dict[str, int] = {}
    for j, header in enumerate(headers):
        if header.casefold() in seen:
            raise DataError(
                f"{name}: {labels[j]} repeats the header of {labels[seen[header.casefold()]]}",
                code="bad_column",
            )
        seen[header.casefold()] = j
    by_column: list[Sequence[object]] = [list(c) for c in zip(*out, strict=True)]
    return Grid(name, headers, labels[:width], by_column, [where(n) for n, _ in body])
