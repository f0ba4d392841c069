"""Input data: the pydantic ``CityData`` model and the columnar, validated ``Table``.

Everything upstream (a ``CityData``, a mapping, a list of mappings, a DataFrame) converts
*into* a :class:`Table`; nothing downstream sees pandas, pint or pydantic. Units are converted
once, here, into each variable's canonical unit.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from iso37122.errors import DataError, Problem, UnitError, UnknownVariableError, show_value
from iso37122.indicators._formulas import FloatArray
from iso37122.units import conversion_factor, is_quantity, to_canonical
from iso37122.variables import VARIABLES, Variable

__all__ = [
    "IDENTITY_COLUMNS",
    "READER_PROBLEMS",
    "CityData",
    "CityDataBase",
    "Table",
    "split_header",
    "table_from_citydata",
    "table_from_frame",
    "table_from_records",
    "to_table",
]

BoolArray = npt.NDArray[np.bool_]
Extra = Literal["forbid", "ignore"]

IDENTITY_COLUMNS = ("city", "year", "code")
"""Columns that identify a row rather than hold a variable."""

READER_PROBLEMS = "iso37122.problems"
"""Key of ``DataFrame.attrs`` where ``read_table`` lists the cells it rejected (left NaN)."""

# A cell string that holds anything but digits, grouping, sign, decimal point and exponent.
_HAS_UNIT = re.compile(r"[^\d\s.eE+\-_\u00a0\u202f]")
_HEADER = re.compile(r"^\s*(?P<name>[^\[\]]+?)\s*\[(?P<unit>[^\[\]]+)\]\s*$")


# --------------------------------------------------------------------------------------------
# The Table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Table:
    """The one validated, columnar form of input data.

    Attributes
    ----------
    city, year, code
        Identity columns; ``code`` holds region codes as text (``None`` where not given).
    columns
        One float64 array per reported variable, in its canonical unit; NaN is "not
        reported". A declared variable absent from ``columns`` was not reported for any row.
    invalid
        Per variable, the rows whose given value was rejected (its cell in ``columns`` is NaN).
    problems
        One :class:`~iso37122.errors.Problem` per rejected cell.
    """

    city: npt.NDArray[np.object_]
    year: npt.NDArray[np.int64]
    code: npt.NDArray[np.object_]
    columns: Mapping[str, FloatArray]
    invalid: Mapping[str, BoolArray] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def n_rows(self) -> int:
        """Number of rows (city-years)."""
        return len(self.year)

    def identity(self, row: int) -> tuple[str, int, str | None]:
        """Return the city, year and region code (text or ``None``) of one row."""
        code = self.code[row]
        return str(self.city[row]), int(self.year[row]), None if code is None else str(code)

    def column(self, variable: str) -> FloatArray:
        """Return a variable's column; all-NaN when it was not reported at all."""
        found = self.columns.get(variable)
        if found is None:
            return np.full(self.n_rows, np.nan)
        return found

    @cached_property
    def _problem_index(self) -> dict[tuple[int, str], Problem]:
        return {
            (p.row, p.variable): p
            for p in self.problems
            if p.row is not None and p.variable is not None
        }

    def problem(self, row: int, variable: str) -> Problem | None:
        """Return the problem recorded for one cell, if any."""
        return self._problem_index.get((row, variable))


# --------------------------------------------------------------------------------------------
# CityData: one city-year, typed
# --------------------------------------------------------------------------------------------


class CityDataBase(BaseModel):
    """Identity of one city-year; :class:`CityData` adds one field per input variable."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    city: str = Field(min_length=1, description="Name of the city or regency.")
    year: int = Field(ge=1900, le=2200, description="Reporting year.")
    code: str | None = Field(
        default=None,
        description="Region code as text (Kemendagri '73.71' or BPS '7371'), never a number.",
    )

    if TYPE_CHECKING:
        # The variable fields are created from the declarations at import time; tell type
        # checkers that they exist (as optional floats) and can be passed as keywords.
        def __init__(
            self, *, city: str, year: int, code: str | None = None, **values: object
        ) -> None: ...

        def __getattr__(self, name: str) -> float | None:
            """Return a variable's value in its canonical unit, or ``None``."""

    def values(self) -> dict[str, float]:
        """Return the reported variables (not ``None``) in canonical units."""
        return {
            name: value
            for name, value in self.model_dump(exclude=set(IDENTITY_COLUMNS)).items()
            if value is not None
        }


def _canonical_validator(variable: Variable) -> BeforeValidator:
    def convert(value: object) -> object:
        if value is None:
            return None
        try:
            return to_canonical(value, variable.unit, variable=variable.id)
        except UnitError:
            raise
        except DataError as e:
            raise ValueError(str(e)) from None

    return BeforeValidator(convert)


def _variable_field(variable: Variable) -> tuple[Any, Any]:
    description = f"{variable.description} [{variable.unit}]"
    maximum = None if math.isinf(variable.maximum) else variable.maximum
    bounded = Annotated[float, Field(ge=variable.minimum, le=maximum, allow_inf_nan=False)]
    annotated = Annotated[
        bounded | None,
        _canonical_validator(variable),
        Field(
            description=description,
            json_schema_extra={"unit": variable.unit, "kind": variable.kind.value},
        ),
    ]
    return (annotated, None)


CityData: type[CityDataBase] = create_model(  # type: ignore[call-overload]
    "CityData",
    __base__=CityDataBase,
    __doc__=(
        "One city-year of input data: identity plus one optional field per input variable.\n\n"
        "Each value may be a number in the variable's canonical unit, a string with a unit "
        "(``'5 000 MWh'``) or a pint Quantity; it is stored in the canonical unit. The model "
        "is frozen and rejects unknown fields, negative counts and wrong dimensions."
    ),
    **{variable.id: _variable_field(variable) for variable in VARIABLES.values()},
)


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def split_header(header: str) -> tuple[str, str | None]:
    """Split a column header ``"name [unit]"`` into its name and unit.

    Examples
    --------
    >>> split_header("energy_from_wastewater [MWh]")
    ('energy_from_wastewater', 'MWh')
    >>> split_header("population")
    ('population', None)
    """
    match = _HEADER.match(header)
    if match:
        return match.group("name"), match.group("unit").strip()
    return header.strip(), None


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, [*VARIABLES, *IDENTITY_COLUMNS], n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def table_from_citydata(records: Sequence[CityDataBase]) -> Table:
    """Build a Table from already-validated ``CityData`` records (no further checks)."""
    columns: dict[str, FloatArray] = {}
    for variable in VARIABLES:
        given = [getattr(r, variable) for r in records]
        column = np.array([np.nan if v is None else v for v in given], dtype=float)
        columns[variable] = column
    table = Table(
        city=np.array([r.city for r in records], dtype=object),
        year=np.array([r.year for r in records], dtype=np.int64),
        code=np.array([r.code for r in records], dtype=object),
        columns={k: v for k, v in columns.items() if not np.isnan(v).all()},
    )
    _check_duplicates(table)
    return table


InputData = (
    Table
    | CityDataBase
    | Mapping[str, object]
    | pd.DataFrame
    | Sequence[Mapping[str, object] | CityDataBase]
)
"""Everything that converts into a Table."""


def to_table(
    data: InputData,
    *,
    units: Mapping[str, str] | None = None,
    strict: bool = False,
    extra: Extra = "forbid",
    caller: str = "compute_profile",
) -> Table:
    """Build a Table from a CityData, a mapping, a DataFrame, a list of either, or a Table.

    ``caller`` names the public function in the error raised for an unsupported type.
    """
    if isinstance(data, Table):
        return data
    if isinstance(data, CityDataBase):
        return table_from_citydata([data])
    if isinstance(data, Mapping):
        return table_from_records([data], units=units, strict=strict, extra=extra)
    if isinstance(data, pd.DataFrame):
        return table_from_frame(data, units=units, strict=strict, extra=extra)
    if isinstance(data, Sequence) and not isinstance(data, str | bytes):
        items = list(data)
        models = [item for item in items if isinstance(item, CityDataBase)]
        if items and len(models) == len(items):
            return table_from_citydata(models)
        records = [item.model_dump() if isinstance(item, CityDataBase) else item for item in items]
        return table_from_records(records, units=units, strict=strict, extra=extra)
    raise TypeError(
        f"{caller} takes a CityData, a mapping, a pandas DataFrame or a list of mappings, "
        f"not {type(data).__name__}"
    )


def table_from_records(
    records: Iterable[Mapping[str, object]],
    *,
    units: Mapping[str, str] | None = None,
    strict: bool = False,
    extra: Extra = "forbid",
) -> Table:
    """Build a Table from plain mappings (values may be numbers, strings with units, Quantities).

    Parameters are as for :func:`table_from_frame`.
    """
    rows = [dict(record) for record in records]
    for i, row in enumerate(rows):
        for key in row:
            if not isinstance(key, str):
                raise DataError(f"row {i}: key {key!r} is not a string")
    # pandas infers each column: plain numbers take the fast numeric path, and only columns
    # holding strings or Quantities are converted cell by cell.
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame({"city": [], "year": []})
    return table_from_frame(frame, units=units, strict=strict, extra=extra)


def table_from_frame(
    frame: pd.DataFrame,
    *,
    units: Mapping[str, str] | None = None,
    strict: bool = False,
    extra: Extra = "forbid",
) -> Table:
    """Validate a wide DataFrame and convert it into a Table, without looping over rows.

    Parameters
    ----------
    frame
        Columns ``city``, ``year``, optional ``code``, and one column per variable. A header
        may carry its unit, ``"land_area [ha]"``. The frame is not modified.
    units
        Units of columns given in another unit than the canonical one, by variable id.
    strict
        Raise one :class:`~iso37122.errors.DataError` listing every bad value, instead of
        marking the indicators that use a bad value ``invalid``.
    extra
        ``"forbid"`` (default) raises on an unknown column; ``"ignore"`` drops it.

    Returns
    -------
    Table
        The validated table.

    Raises
    ------
    DataError
        On structural problems (always): an unknown column, a missing identity column, a
        duplicate identity, a non-integer year, a numeric region code. With ``strict=True``,
        also on any bad value.
    UnitError
        On a unit of the wrong dimension, or a unit pint does not know.
    """
    units = dict(units or {})
    unknown_units = sorted(set(units) - set(VARIABLES))
    if unknown_units:
        raise UnknownVariableError(
            "units= names unknown variables: "
            + "; ".join(f"{u!r}{_suggest(u)}" for u in unknown_units)
        )
    n = len(frame)
    variable_columns: dict[str, tuple[object, str | None]] = {}
    identity: dict[str, object] = {}
    unknown: list[str] = []
    for column in frame.columns:
        if not isinstance(column, str):
            raise DataError(f"column {column!r} is not a string; name every column")
        name, header_unit = split_header(column)
        if name in IDENTITY_COLUMNS and header_unit is None:
            identity[name] = column
            continue
        if name not in VARIABLES:
            unknown.append(column)
            continue
        if name in variable_columns:
            raise DataError(f"variable {name!r} is given by two columns")
        if header_unit is not None and name in units and units[name] != header_unit:
            raise UnitError(
                f"{name}: the header says {header_unit!r} but units= says {units[name]!r}"
            )
        variable_columns[name] = (column, header_unit or units.get(name))
    if unknown and extra == "forbid":
        raise UnknownVariableError(
            "unknown columns: "
            + "; ".join(f"{c!r}{_suggest(split_header(c)[0])}" for c in unknown)
            + ". Pass extra='ignore' to drop them on purpose; iso37122.variables() lists the "
            "input variables."
        )
    for required in ("city", "year"):
        if required not in identity:
            raise DataError(f"the data have no {required!r} column; every row needs city and year")

    city = _city_column(frame[identity["city"]])
    year = _year_column(frame[identity["year"]], city)
    code = (
        _code_column(frame[identity["code"]])
        if "code" in identity
        else np.full(n, None, dtype=object)
    )

    columns: dict[str, FloatArray] = {}
    invalid: dict[str, BoolArray] = {}
    problems: list[Problem] = []
    for name, (header, unit) in variable_columns.items():
        variable = VARIABLES[name]
        values, bad, found = _variable_column(frame[header], variable, unit, city, year)
        columns[name] = values
        problems.extend(found)
        if bad.any():
            invalid[name] = bad
    problems.extend(_rejected_by_reader(frame, columns, invalid))
    problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.variable or ""))
    table = Table(
        city=city, year=year, code=code, columns=columns, invalid=invalid, problems=tuple(problems)
    )
    _check_duplicates(table)
    if strict and problems:
        raise DataError(f"{len(problems)} invalid value(s) in the input data:", problems)
    return table


def _rejected_by_reader(
    frame: pd.DataFrame, columns: Mapping[str, FloatArray], invalid: dict[str, BoolArray]
) -> list[Problem]:
    """Cells a file reader rejected: still NaN here, they make their indicators invalid."""
    found: tuple[Problem, ...] = frame.attrs.get(READER_PROBLEMS, ())
    # The problems name row labels of the frame read; follow them through any row selection.
    positions = frame.index.get_indexer(pd.Index([p.row for p in found]))
    out = []
    for problem, position in zip(found, positions, strict=True):
        name = problem.variable or ""
        if name not in columns or position < 0 or not np.isnan(columns[name][position]):
            continue
        invalid.setdefault(name, np.zeros(len(frame), dtype=bool))[position] = True
        out.append(dataclasses.replace(problem, row=int(position)))
    return out


def _as_objects(series: pd.Series[Any]) -> npt.NDArray[np.object_]:
    """Return a Series as an object array with ``None`` for every kind of missing value."""
    values: npt.NDArray[np.object_] = series.to_numpy(dtype=object, copy=True)
    values[pd.isna(values)] = None
    return values


def _stripped_text(series: pd.Series[Any]) -> tuple[npt.NDArray[np.object_], BoolArray]:
    """Return a column as stripped strings (``None`` where missing) and the missing mask.

    Names and codes repeat over years, so only the distinct values are converted.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    distinct = np.asarray(uniques, dtype=object)
    stripped = np.array([str(v).strip() for v in distinct] + [None], dtype=object)
    values: npt.NDArray[np.object_] = stripped[codes]  # the sentinel -1 picks the None
    return values, codes < 0


def _city_column(series: pd.Series[Any]) -> npt.NDArray[np.object_]:
    values, missing = _stripped_text(series)
    empty = np.flatnonzero(missing | (values == ""))
    if empty.size:
        raise DataError(
            "rows without a city name: " + ", ".join(str(i) for i in empty[:20]),
            [
                Problem(int(i), None, None, "city", None, "missing_identity", "city is empty")
                for i in empty
            ],
        )
    return values


def _year_column(series: pd.Series[Any], city: npt.NDArray[np.object_]) -> npt.NDArray[np.int64]:
    numeric = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(numeric) | (numeric != np.round(numeric))
    if bad.any():
        rows = np.flatnonzero(bad)
        raw = series.to_numpy(dtype=object)
        problems = [
            Problem(
                int(i),
                str(city[i]),
                None,
                "year",
                raw[i],
                "bad_year",
                f"year {raw[i]!r} is not a whole number",
            )
            for i in rows
        ]
        raise DataError("every row needs a whole-number year:", problems)
    return numeric.astype(np.int64)


def _code_column(series: pd.Series[Any]) -> npt.NDArray[np.object_]:
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("floating", "mixed-integer-float", "mixed"):
        floats = [i for i, v in enumerate(series) if isinstance(v, float) and not np.isnan(v)]
        if floats:
            raise DataError(
                f"code {series.iloc[floats[0]]!r} (row {floats[0]}) was read as a number: a "
                "code such as '35.10' becomes 35.1. Read the column as text, e.g. "
                "pd.read_csv(..., dtype={'code': str})"
            )
    values, _ = _stripped_text(series)
    return values


def _variable_column(
    series: pd.Series[Any],
    variable: Variable,
    unit: str | None,
    city: npt.NDArray[np.object_],
    year: npt.NDArray[np.int64],
) -> tuple[FloatArray, BoolArray, list[Problem]]:
    name = variable.id
    factor = 1.0 if unit is None else conversion_factor(unit, variable.unit, variable=name)
    problems: list[Problem] = []
    raw: npt.NDArray[Any] | None = None
    if pd.api.types.is_bool_dtype(series.dtype):
        raise DataError(f"column {name!r} holds true/false values, not numbers")
    if pd.api.types.is_numeric_dtype(series.dtype):
        values = series.to_numpy(dtype=float, na_value=np.nan, copy=True) * factor
        not_number = np.zeros(len(values), dtype=bool)
    else:
        raw = series.pipe(_as_objects)
        # pandas cannot coerce pint Quantities: hide them from to_numeric, convert them below.
        quantity = np.array([is_quantity(v) for v in raw], dtype=bool)
        plain = pd.Series(raw, dtype="object").mask(quantity)
        values = pd.to_numeric(plain, errors="coerce").to_numpy(
            dtype=float, na_value=np.nan, copy=True
        )
        values *= factor
        given = np.array([v is not None for v in raw], dtype=bool)
        not_number = given & np.isnan(values)
        # Cells that are not plain numbers may carry their own unit ("5 000 MWh") or be a
        # pint Quantity: convert them one by one (they are few in practice).
        for i in np.flatnonzero(not_number):
            cell = raw[i]
            carries_unit = is_quantity(cell) or (
                isinstance(cell, str) and _HAS_UNIT.search(cell) is not None
            )
            try:
                converted = to_canonical(cell, variable.unit, variable=name)
                values[i] = converted if carries_unit else converted * factor
                not_number[i] = False
            except UnitError as e:
                raise UnitError(f"row {i} (city {city[i]!r}, year {year[i]}): {e}") from None
            except DataError:
                continue
    bad = not_number.copy()
    for i in np.flatnonzero(not_number):
        assert raw is not None
        problems.append(
            Problem(
                int(i),
                str(city[i]),
                int(year[i]),
                name,
                raw[i],
                "not_a_number",
                f"{name} = {show_value(raw[i])} is not a number",
            )
        )
    with np.errstate(invalid="ignore"):
        infinite = np.isinf(values)
        below = values < variable.minimum
        above = values > variable.maximum
    for mask, rule, text in (
        (infinite, "not_finite", "is not finite"),
        (below & ~infinite, "below_minimum", f"is below the minimum {variable.minimum:g}"),
        (above & ~infinite, "above_maximum", f"is above the maximum {variable.maximum:g}"),
    ):
        for i in np.flatnonzero(mask):
            shown = raw[i] if raw is not None else float(values[i] / factor)
            problems.append(
                Problem(
                    int(i),
                    str(city[i]),
                    int(year[i]),
                    name,
                    shown,
                    rule,
                    f"{name} = {show_value(shown)} {text} [{variable.unit}]",
                )
            )
        bad |= mask
    values[bad] = np.nan
    return values, bad, problems


def _check_duplicates(table: Table) -> None:
    has_code = np.array([c is not None for c in table.code], dtype=bool)
    key = np.where(has_code, table.code, table.city)
    frame = pd.DataFrame({"kind": has_code, "key": key, "year": table.year})
    duplicated = frame.duplicated(keep=False).to_numpy()
    if not duplicated.any():
        return
    problems = [
        Problem(
            int(i),
            str(table.city[i]),
            int(table.year[i]),
            "code" if has_code[i] else "city",
            key[i],
            "duplicate_identity",
            f"{'code' if has_code[i] else 'city'} {key[i]!r} and year {table.year[i]} "
            "appear in more than one row",
        )
        for i in np.flatnonzero(duplicated)
    ]
    raise DataError(
        "two or more rows have the same identity (code and year, or city and year when there "
        "is no code):",
        problems,
    )
