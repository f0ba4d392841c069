r"""``read_table``: the files Indonesian offices have, read into a validated wide DataFrame.

Examples
--------
>>> import iso37122 as iso
>>> text = "Kabupaten/Kota;Tahun;Jumlah Penduduk (jiwa);Luas Wilayah (ha)\n"
>>> text += "Kota Bandung;2024;2.506.603;16.729,50\n"
>>> frame = iso.read_table(text.encode())
>>> frame.loc[0, ["population", "land_area"]].round(6).tolist()
[2506603.0, 167.295]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from iso37122.data import READER_PROBLEMS, Extra, to_table
from iso37122.errors import DataError, ErrorCode, UnitError, UnknownVariableError
from iso37122.io._cells import At, CellReader, Column, split_inline_unit
from iso37122.io._fastcsv import TextCells, is_plain_year, plain_years, stripped_texts
from iso37122.io._headers import (
    Header,
    UnknownNameError,
    canonical_unit_text,
    match_header,
    suggest,
    unit_factor,
    variable_by_name,
)
from iso37122.io._sources import Grid, Source, load_grid
from iso37122.io._text import (
    Dash,
    Reading,
    column_convention,
    convention_from_options,
    evidence,
    is_missing_marker,
    parse_number,
)
from iso37122.io.provenance import PROVENANCE, Quality
from iso37122.variables import VARIABLES

__all__ = ["PROVENANCE_ATTR", "Layout", "read_table"]

PROVENANCE_ATTR = "iso37122.provenance"
"""Key of ``DataFrame.attrs`` where ``read_table`` keeps the file's provenance columns."""

Layout = Literal["auto", "wide", "long"]
PROVENANCE_KEYS = ("source", "quality", "reference_year")


# --------------------------------------------------------------------------------------------
# read_table
# --------------------------------------------------------------------------------------------


def read_table(
    source: Source,
    *,
    format: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    thousands: str | None = None,
    columns: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
    sheet: str | int | None = None,
    layout: Layout = "auto",
    encoding: str | None = None,
    na_values: Sequence[str] | None = None,
    dash: Dash = "missing",
    strict: bool = False,
    extra: Extra = "forbid",
) -> pd.DataFrame:
    """Read a CSV, TSV, XLSX, Parquet, JSON or JSON Lines file into a validated wide DataFrame.

    In CSV and XLSX files, title rows above the header (one filled cell, merged or not) and
    notes below the data (one filled cell starting ``Sumber``, ``Source``, ``Catatan``,
    ``Note``, ``Keterangan`` or ``*``) are skipped; rows keep their numbers in the file.

    Parameters
    ----------
    source
        A path, a binary or text file object, or the file's bytes.
    format
        ``"csv"`` (also for TSV/TXT), ``"xlsx"``, ``"parquet"``, ``"json"`` or ``"jsonl"``;
        by default from the extension, or from the content for bytes and file objects.
    sep
        CSV delimiter; sniffed among ``;``, tab, ``,`` and ``|`` when ``None``.
    decimal, thousands
        How numbers are written: ``decimal=","`` (``thousands="."`` implied) for
        ``1.455.672`` and ``17.577,00``. By default each column's convention is detected from
        cells that prove it (two dots, a comma followed by two digits …); a cell that reads
        two ways (``"5.000"``) in a column that proves nothing is an error, never a guess.
    columns
        Maps the file's headers to variable ids (``{"Jumlah Penduduk (jiwa)": "population"}``);
        a unit in the original header still applies. Variable ids and the Indonesian labels
        (``Variable.label_id``) are recognised without a mapping.
    units
        Units of variables given without one in their header, by variable id.
    sheet
        XLSX sheet, by name or zero-based position (needed when the workbook has several).
    layout
        ``"wide"`` (one row per city-year), ``"long"`` (one row per city-year and variable:
        ``city``, ``year``, ``code``, ``variable``, ``value``, ``unit`` and optional
        ``source``, ``quality``, ``reference_year``) or ``"auto"`` (long when there are
        ``variable`` and ``value`` columns).
    encoding
        Text encoding; by default UTF-8 (with or without byte-order mark), else cp1252.
    na_values
        More cell texts meaning "not reported", besides empty, ``...``, ``…`` and ``NA``.
    dash
        ``"missing"`` (default): a ``-`` cell is not reported. ``"zero"``: a ``-`` is nil, 0,
        as BPS tables use it.
    strict
        Raise one :class:`~iso37122.errors.DataError` listing every bad cell. By default a bad
        cell becomes NaN, is listed in ``frame.attrs["iso37122.problems"]``, and
        :func:`~iso37122.compute_profile` marks the indicators that use it ``invalid`` with the
        cell's file row, column and text as the reason.
    extra
        ``"forbid"`` (default) raises on an unknown column; ``"ignore"`` drops it.

    Returns
    -------
    pandas.DataFrame
        Columns ``city``, ``year``, ``code`` (text) and one float64 column per variable in its
        canonical unit. Provenance (source, quality, reference year), where the file gives it,
        is in ``frame.attrs["iso37122.provenance"]``.

    Raises
    ------
    DataError
        An empty, header-only, binary or unreadable file; an unknown column; a missing city
        or year; a duplicate city-year; with ``strict=True`` any bad cell.
    UnitError
        A unit pint does not know or of the wrong dimension.
    MissingDependencyError
        Reading XLSX without openpyxl, or Parquet without pyarrow.
    """
    if layout not in ("auto", "wide", "long"):
        raise ValueError(f"layout must be 'auto', 'wide' or 'long', not {layout!r}")
    if dash not in ("missing", "zero"):
        raise ValueError(f"dash must be 'missing' or 'zero', not {dash!r}")
    convention = convention_from_options(decimal, thousands)
    grid = load_grid(source, format=format, sep=sep, sheet=sheet, encoding=encoding)
    try:
        headers = [match_header(h, columns or {}) for h in grid.headers]
    except UnknownNameError as e:
        raise UnknownVariableError(
            f"columns= maps a header to {e.args[0]!r}, which is no variable{suggest(e.args[0])}"
        ) from None
    roles = {h.target for h in headers if h.role == "long"}
    if layout == "auto":
        layout = "long" if {"variable", "value"} <= roles else "wide"
    reader = CellReader(grid, convention, dash, frozenset(na_values or ()))
    if layout == "long":
        frame, provenance = _long(reader, headers, dict(units or {}), extra)
    else:
        frame, provenance = _wide(reader, headers, dict(units or {}), extra)
    return _validate(reader, frame, provenance, strict)


def _identity_columns(
    reader: CellReader, headers: list[Header], where: list[str]
) -> tuple[list[str], list[int], list[str | None]]:
    grid = reader.grid
    index = {h.target: j for j, h in enumerate(headers) if h.role == "identity"}
    for required in ("city", "year"):
        if required not in index:
            raise DataError(
                f"{grid.name}: no {required!r} column (headers: "
                f"{', '.join(repr(h) for h in grid.headers)}); every row needs a city and a year",
                code="missing_identity",
            )
    problems: list[str] = []
    rules: list[ErrorCode] = []  # the code of each problem; the error carries the first
    cities: list[str] = []
    years: list[int] = []
    codes: list[str | None] = []
    plain = _plain_identities(grid, index)
    if plain is not None:
        return plain
    code_cells = list(grid.cells[index["code"]]) if "code" in index else [None] * len(where)
    city_cells, year_cells = list(grid.cells[index["city"]]), list(grid.cells[index["year"]])
    for city, year, code, at in zip(city_cells, year_cells, code_cells, where, strict=True):
        if city is None or not str(city).strip():
            problems.append(f"{at}: the city is empty")
            rules.append("missing_identity")
        cities.append("" if city is None else str(city).strip())
        if isinstance(year, str) and is_plain_year(year):
            years.append(int(year))
        else:
            number = year if isinstance(year, int | float) and not isinstance(year, bool) else None
            if isinstance(year, str):
                number = parse_number(year, None)
            if number is None or not float(number).is_integer():
                problems.append(f"{at}: year {year!r} is not a whole number")
                rules.append("bad_year")
                number = 0
            years.append(int(number))
        if isinstance(code, float):
            problems.append(
                f"{at}: code {code!r} was stored as a number; a code such as '35.10' becomes "
                "35.1, so write codes as text"
            )
            rules.append("code_not_text")
        codes.append(None if code is None else str(code).strip())
    if problems:
        raise DataError(
            f"{grid.name}: every row needs a city and a whole-number year:\n  - "
            + "\n  - ".join(problems[:50]),
            code=rules[0],
        )
    return cities, years, codes


def _plain_identities(
    grid: Grid, index: Mapping[str, int]
) -> tuple[list[str], list[int], list[str | None]] | None:
    """Cities, years and codes of a plain CSV read by pyarrow, when none of them is bad."""
    texts: dict[str, Any] = {}
    for k in ("city", "year", "code"):
        if k not in index:
            continue
        cells = grid.cells[index[k]]
        stripped = stripped_texts(cells) if isinstance(cells, TextCells) else None
        if stripped is None:
            return None  # not read by pyarrow, or beyond ASCII: the general loop strips it
        texts[k] = stripped
    import pyarrow.compute as pc

    if pc.min(pc.binary_length(texts["city"])).as_py() == 0:
        return None  # the general loop names every row without a city
    years = plain_years(texts["year"])
    if years is None:
        return None  # the general loop names every bad year
    cities: list[str] = texts["city"].to_pylist()
    codes: list[str | None] = [None] * len(cities)
    if "code" in texts:
        codes = [c or None for c in texts["code"].to_pylist()]
    return cities, years, codes


def _wide(
    reader: CellReader, headers: list[Header], units: dict[str, str], extra: Extra
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    grid = reader.grid
    _refuse_unknown(grid, headers, extra, allowed=("identity", "variable", "provenance"))
    cities, years, codes = _identity_columns(reader, headers, grid.where)
    reader.identities = list(zip(cities, years, strict=True))
    reader.frame_rows = list(grid.where)
    data: dict[str, Any] = {"city": cities, "year": years, "code": codes}
    seen: dict[str, str] = {}
    for j, header in enumerate(headers):
        if header.role != "variable":
            continue
        variable = VARIABLES[header.target]
        if variable.id in seen:
            raise DataError(
                f"{grid.name}: {grid.columns[j]} and {seen[variable.id]} both give {variable.id}",
                code="bad_column",
            )
        seen[variable.id] = grid.columns[j]
        unit = _unit_of(grid, grid.columns[j], header, units)
        try:
            factor = unit_factor(unit, variable)
        except UnitError as e:
            raise UnitError(f"{grid.name}, {grid.columns[j]}: {e}") from None
        n = len(grid.where)
        column = Column(
            variable,
            grid.cells[j],
            np.full(n, factor),
            At(grid.where, grid.columns[j]),
            range(n),
        )
        data[variable.id] = reader.parse(column, grid.columns[j])
    provenance = _wide_provenance(grid, headers, cities, years, codes, list(seen))
    return pd.DataFrame(data), provenance


def _unit_of(grid: Grid, label: str, header: Header, units: Mapping[str, str]) -> str | None:
    given = units.get(header.target)
    if header.unit is not None and given is not None:
        same = canonical_unit_text(header.unit, VARIABLES[header.target]) == canonical_unit_text(
            given, VARIABLES[header.target]
        )
        if not same:
            raise UnitError(
                f"{grid.name}, {label}: the header says {header.unit!r} but units= says {given!r}"
            )
    return header.unit or given


def _refuse_unknown(
    grid: Grid, headers: list[Header], extra: Extra, *, allowed: tuple[str, ...]
) -> None:
    unknown = []
    for label, header in zip(grid.columns, headers, strict=True):
        role = header.role
        if role == "long" and header.target in ("source", "quality", "reference_year"):
            role = "provenance"
        if role not in allowed:
            unknown.append(f"{label}{suggest(header.target)}")
    if unknown and extra == "forbid":
        raise UnknownVariableError(
            f"{grid.name}: unknown columns: " + "; ".join(unknown) + ". Map them with columns="
            "{header: variable_id}, or pass extra='ignore' to drop them on purpose; "
            "iso37122.variables() lists the variables with their Indonesian labels"
        )


def _quality(grid: Grid, where: str, cell: object) -> str | None:
    if cell is None:
        return None
    try:
        return Quality.parse(cell).value
    except ValueError as e:
        raise DataError(f"{grid.name}, {where}: {e}", code="bad_value") from None


def _reference_year(grid: Grid, where: str, cell: object) -> int | None:
    if cell is None:
        return None
    number = parse_number(cell, None) if isinstance(cell, str) else cell
    if not isinstance(number, int | float) or isinstance(number, bool):
        number = None
    if number is None or not float(number).is_integer():
        raise DataError(
            f"{grid.name}, {where}: reference_year {cell!r} is not a whole year", code="bad_year"
        )
    return int(number)


def _wide_provenance(
    grid: Grid,
    headers: list[Header],
    cities: list[str],
    years: list[int],
    codes: list[str | None],
    variables: list[str],
) -> pd.DataFrame | None:
    index = {h.target: j for j, h in enumerate(headers) if h.role == "long"}
    if not {"source", "quality", "reference_year"} & set(index):
        return None
    records = []
    none: list[object] = [None] * len(grid.where)
    given = {k: list(grid.cells[index[k]]) if k in index else none for k in PROVENANCE_KEYS}
    for i, (source, quality_cell, ref) in enumerate(zip(*given.values(), strict=True)):
        quality = _quality(grid, grid.where[i], quality_cell)
        reference = _reference_year(grid, grid.where[i], ref)
        for variable in variables:
            records.append(
                (
                    cities[i],
                    years[i],
                    codes[i],
                    variable,
                    None if source is None else str(source),
                    quality,
                    reference,
                )
            )
    return pd.DataFrame.from_records(records, columns=list(PROVENANCE))


def _long(
    reader: CellReader, headers: list[Header], units: dict[str, str], extra: Extra
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    grid = reader.grid
    _refuse_unknown(grid, headers, extra, allowed=("identity", "long", "provenance"))
    index = {h.target: j for j, h in enumerate(headers) if h.role in ("long", "identity")}
    cities, years, codes = _identity_columns(reader, headers, grid.where)
    order: dict[tuple[str, int], int] = {}
    identity_of: list[tuple[str, int, str | None]] = []
    columns: dict[str, Column] = {}
    cells_at: dict[tuple[int, str], str] = {}
    provenance: list[tuple[Any, ...]] = []
    unknown: list[str] = []
    value_label = grid.columns[index["value"]]
    for i, row in enumerate(grid.rows):
        where = grid.where[i]
        name = row[index["variable"]]
        variable = variable_by_name(str(name)) if name is not None else None
        if variable is None:
            unknown.append(f"{where}: {name!r}{suggest(str(name))}")
            continue
        key = (codes[i] or cities[i], years[i])
        out_row = order.setdefault(key, len(order))
        if out_row == len(identity_of):
            identity_of.append((cities[i], years[i], codes[i]))
            reader.frame_rows.append(where)
        if (out_row, variable.id) in cells_at:
            raise DataError(
                f"{grid.name}, {where}: {variable.id} for {key[0]!r} {key[1]} is given twice "
                f"(also in {cells_at[(out_row, variable.id)]})",
                code="duplicate_identity",
            )
        cells_at[(out_row, variable.id)] = where
        unit_cell = row[index["unit"]] if "unit" in index else None
        unit = str(unit_cell).strip() if unit_cell is not None else units.get(variable.id)
        try:
            factor = unit_factor(unit, variable)
        except UnitError as e:
            raise UnitError(f"{grid.name}, {where}: {e}") from None
        column = columns.setdefault(variable.id, Column(variable, [], [], At([], value_label), []))
        column.cells.append(row[index["value"]])  # type: ignore[attr-defined]  # a list, built here
        column.factors.append(factor)  # type: ignore[union-attr]  # a list, built here
        column.where.rows.append(where)  # type: ignore[attr-defined]  # a list, built here
        column.out_rows.append(out_row)  # type: ignore[attr-defined]  # a list, built here
        source = row[index["source"]] if "source" in index else None
        quality = _quality(grid, where, row[index["quality"]] if "quality" in index else None)
        ref = row[index["reference_year"]] if "reference_year" in index else None
        provenance.append(
            (
                cities[i],
                years[i],
                codes[i],
                variable.id,
                None if source is None else str(source),
                quality,
                _reference_year(grid, where, ref),
            )
        )
    if unknown and extra == "forbid":
        raise UnknownVariableError(
            f"{grid.name}: unknown variables:\n  - " + "\n  - ".join(unknown[:50])
        )
    reader.identities = [(c, y) for c, y, _ in identity_of]
    n = len(identity_of)
    data: dict[str, Any] = {
        "city": [c for c, _, _ in identity_of],
        "year": [y for _, y, _ in identity_of],
        "code": [k for _, _, k in identity_of],
    }
    # One convention for the whole value column, as a file is written one way.
    cells = [c for column in columns.values() for c in column.cells]
    readings: dict[int, Reading] = {
        k: evidence(split_inline_unit(c)[0])
        for k, c in enumerate(cells)
        if isinstance(c, str) and not is_missing_marker(c, reader.na_values, reader.dash)
    }
    if reader.convention is None:
        found, _ = column_convention(readings)
        reader = dataclasses.replace(reader, convention=found)
    for variable_id, column in columns.items():
        values = reader.parse(column, value_label)
        out = np.full(n, np.nan)
        out[list(column.out_rows)] = values
        data[variable_id] = out
    frame = pd.DataFrame(data)
    has_provenance = any(p[4:] != (None, None, None) for p in provenance)
    return frame, (
        pd.DataFrame.from_records(provenance, columns=list(PROVENANCE)) if has_provenance else None
    )


def _validate(
    reader: CellReader, frame: pd.DataFrame, provenance: pd.DataFrame | None, strict: bool
) -> pd.DataFrame:
    """Run the library's validation; bad values become NaN, located in the file."""
    try:
        table = to_table(frame, strict=False, extra="forbid")
    except DataError as e:
        if not e.problems:
            raise
        rows = reader.frame_rows
        relocated = [
            dataclasses.replace(p, row=None, message=f"{rows[p.row]}: {p.message}")
            if p.row is not None
            else p
            for p in e.problems
        ]
        raise DataError(
            f"{reader.grid.name}: {str(e).splitlines()[0]}", relocated, code=e.code
        ) from None
    located = {(p.row, p.variable) for p in reader.problems}
    bad_rows: dict[str, list[int]] = {}
    for problem in table.problems:
        if problem.row is None or (problem.row, problem.variable) in located:
            continue
        bad_rows.setdefault(problem.variable or "", []).append(problem.row)
        at = reader.locate(problem.row, problem.variable or "")
        reader.problems.append(
            dataclasses.replace(problem, message=f"{reader.grid.name}, {at}: {problem.message}")
        )
    for variable, bad in bad_rows.items():
        frame.loc[bad, variable] = np.nan
    problems = sorted(reader.problems, key=lambda p: (p.row or 0, p.variable or ""))
    if strict and problems:
        raise DataError(
            f"{len(problems)} invalid value(s) in {reader.grid.name}:",
            [dataclasses.replace(p, row=None) for p in problems],
            code=problems[0].rule if len({p.rule for p in problems}) == 1 else None,
        )
    frame.attrs[READER_PROBLEMS] = tuple(problems)
    if provenance is not None:
        frame.attrs[PROVENANCE_ATTR] = provenance
    return frame
