"""Input data: the pydantic ``CityData`` model and the columnar, validated ``Table``.

Everything upstream (a ``CityData``, a mapping, a list of mappings, a DataFrame) converts
*into* a :class:`Table`; nothing downstream sees pandas, pint or pydantic. Units are converted
once, here, into each variable's canonical unit.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import numpy as np
import pandas as pd
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from iso37122._arguments import check_columns, check_data, check_options
from iso37122._columnar import MaskedColumns, RowMasks, Rows, duplicated_identity, text_ids
from iso37122._columns import YEAR_RANGE, city_column, code_column, variable_column, year_column
from iso37122._single import plain_table
from iso37122._typing import BoolArray, FloatArray, IntArray, ObjectArray
from iso37122.errors import (
    ArgumentError,
    DataError,
    ErrorCode,
    Problem,
    UnitError,
    UnknownVariableError,
)
from iso37122.units import (
    to_canonical,
)
from iso37122.variables import VARIABLES, Variable

__all__ = [
    "IDENTITY_COLUMNS",
    "READER_PROBLEMS",
    "YEAR_RANGE",
    "CityData",
    "CityDataBase",
    "Table",
    "raise_problems",
    "split_header",
    "table_from_citydata",
    "table_from_frame",
    "table_from_records",
    "to_table",
]

Extra = Literal["forbid", "ignore"]

IDENTITY_COLUMNS = ("city", "year", "code")
"""Columns that identify a row rather than hold a variable."""


READER_PROBLEMS = "iso37122.problems"
"""Key of ``DataFrame.attrs`` where ``read_table`` lists the cells it rejected (left NaN)."""

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

    city: ObjectArray
    year: IntArray
    code: ObjectArray
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

    def column_as_given(self, variable: str) -> FloatArray:
        """Return a variable's column, its rejected cells possibly left as given (not NaN).

        Cheaper than :meth:`column` on a column with rejected cells (no copy): for readers
        that look only at rows without a rejected value, or stop those rows first.
        """
        if isinstance(self.columns, MaskedColumns):
            found = self.columns.as_given(variable)
            return np.full(self.n_rows, np.nan) if found is None else found
        return self.column(variable)

    def rejected_rows(self, variable: str) -> Rows:
        """Return the rows whose given value of a variable was rejected (see :attr:`invalid`)."""
        if isinstance(self.invalid, RowMasks):
            return self.invalid.rows(variable)
        mask = self.invalid.get(variable)
        return np.zeros(0, dtype=np.intp) if mask is None else np.flatnonzero(mask)

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
    year: int = Field(
        ge=YEAR_RANGE[0], le=YEAR_RANGE[1], strict=False, description="Reporting year."
    )
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

    else:

        def __init__(self, /, **data: Any) -> None:
            """Validate one city-year; raise a DataError (not pydantic's) on bad input."""
            try:
                super().__init__(**data)
            except ValidationError as error:
                raise _citydata_error(error) from None

        @classmethod
        def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Any:
            """Validate a mapping; raise a DataError (not pydantic's) on bad input."""
            try:
                return super().model_validate(obj, *args, **kwargs)
            except ValidationError as error:
                raise _citydata_error(error) from None

    def values(self) -> dict[str, float]:
        """Return the reported variables (not ``None``) in canonical units."""
        return {
            name: value
            for name, value in self.model_dump(exclude=set(IDENTITY_COLUMNS)).items()
            if value is not None
        }


def _citydata_error(error: ValidationError) -> DataError:
    """Turn pydantic's ValidationError into one DataError with a Problem per field."""
    problems = []
    unit_only = True
    for detail in error.errors(include_url=False):
        location = detail.get("loc", ())
        field = str(location[0]) if location else None
        cause = detail.get("ctx", {}).get("error")
        unit_only &= isinstance(cause, UnitError)
        if isinstance(cause, DataError):
            rule = "unit" if isinstance(cause, UnitError) else cause.code or "not_a_number"
            message = str(cause)
        else:
            kind = str(detail.get("type", ""))
            rules: dict[str, ErrorCode] = {
                "extra_forbidden": "unknown_column",
                "missing": "missing_identity",
                "greater_than_equal": "below_minimum",
                "less_than_equal": "above_maximum",
            }
            rule = rules.get(kind, "bad_value")
            message = f"{field}: {detail.get('msg', 'invalid')}"
            if kind == "extra_forbidden" and field is not None:
                message = f"{field!r} is not an input variable{_suggest(field)}"
        problems.append(Problem(None, None, None, field, detail.get("input"), rule, message))
    error_class: type[DataError] = UnitError if unit_only and problems else DataError
    if problems and all(p.rule == "unknown_column" for p in problems):
        error_class = UnknownVariableError
    codes = {p.rule for p in problems}
    return error_class(
        f"CityData: {len(problems)} problem(s):",
        problems,
        code=codes.pop() if len(codes) == 1 else None,
    )


def _canonical_validator(variable: Variable) -> BeforeValidator:
    def convert(value: object) -> object:
        if value is None:
            return None
        return to_canonical(value, variable.unit, variable=variable.id)

    return BeforeValidator(convert)


def _variable_field(variable: Variable) -> tuple[Any, Any]:
    description = f"{variable.description} [{variable.unit}]"
    bounded = Annotated[float, Field(ge=variable.minimum, allow_inf_nan=False)]
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
    check_data(data, caller)
    check_options(units=units, strict=strict, extra=extra)
    if isinstance(data, CityDataBase):
        return table_from_citydata([data])
    if isinstance(data, Mapping):
        plain = None if units else plain_table(data, YEAR_RANGE)
        if plain is not None:  # plain valid numbers: no need for a one-row DataFrame
            city, year, code, columns = plain
            one = np.array([city], dtype=object), np.array([code], dtype=object)
            return Table(city=one[0], year=np.array([year]), code=one[1], columns=columns)
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
    raise ArgumentError(
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
                raise DataError(
                    f"row {i}: key {key!r} is not a string; name every field", code="bad_column"
                )
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
    check_options(units=units, strict=strict, extra=extra)
    check_columns(frame)
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
            raise DataError(
                f"column {column!r} is not a string; name every column", code="bad_column"
            )
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

    city = city_column(frame[identity["city"]])
    year = year_column(frame[identity["year"]], city)
    code = (
        code_column(frame[identity["code"]])
        if "code" in identity
        else np.full(n, None, dtype=object)
    )

    columns: dict[str, FloatArray] = {}
    rejected: dict[str, Rows] = {}
    problems: list[Problem] = []
    scratch = np.empty(n)  # one buffer for the checks of every column
    for name, (header, unit) in variable_columns.items():
        variable = VARIABLES[name]
        values, bad, found = variable_column(
            frame[header], variable, unit, city, year, scratch=scratch
        )
        columns[name] = values
        problems.extend(found)
        if bad.size:
            rejected[name] = bad
    problems.extend(_rejected_by_reader(frame, columns, rejected))
    problems.sort(key=lambda p: (p.row if p.row is not None else -1, p.variable or ""))
    table = Table(
        city=city,
        year=year,
        code=code,
        columns=MaskedColumns(columns, rejected),
        invalid=RowMasks(rejected, n),
        problems=tuple(problems),
    )
    coded = bool(pd.notna(code).all())  # then names are not compared (see _check_duplicates)
    _check_duplicates(
        table,
        city_ids=None if coded else text_ids(frame[identity["city"]]),
        code_ids=text_ids(frame[identity["code"]]) if "code" in identity else None,
    )
    if strict and problems:
        raise_problems(problems)
    return table


def raise_problems(problems: Sequence[Problem]) -> NoReturn:
    """Raise one error listing every problem: a UnitError when all are unit problems."""
    kind = UnitError if all(p.rule == "unit" for p in problems) else DataError
    codes = {p.rule for p in problems}
    raise kind(
        f"{len(problems)} problem(s) in the input data:",
        problems,
        code=codes.pop() if len(codes) == 1 else None,
    )


def _rejected_by_reader(
    frame: pd.DataFrame, columns: Mapping[str, FloatArray], rejected: dict[str, Rows]
) -> list[Problem]:
    """Cells a file reader rejected: still NaN here, they make their indicators invalid."""
    found: tuple[Problem, ...] = frame.attrs.get(READER_PROBLEMS, ())
    # The problems name row labels of the frame read; follow them through any row selection.
    positions = frame.index.get_indexer(pd.Index([p.row for p in found]))
    out = []
    added: dict[str, list[int]] = {}
    for problem, position in zip(found, positions, strict=True):
        name = problem.variable or ""
        if name not in columns or position < 0 or not np.isnan(columns[name][position]):
            continue
        added.setdefault(name, []).append(int(position))
        out.append(dataclasses.replace(problem, row=int(position)))
    for name, rows in added.items():
        before = rejected.get(name, np.zeros(0, dtype=np.intp))
        rejected[name] = np.union1d(before, np.array(rows, dtype=np.intp))
    return out


def _check_duplicates(
    table: Table, *, city_ids: IntArray | None = None, code_ids: IntArray | None = None
) -> None:
    """Raise on rows that are the same city-year.

    Two rows are the same city-year when they have the same code and year, or the same city
    and year while one of them has no code (a row with a code and a row without one for the
    same city cannot be told apart). ``city_ids`` and ``code_ids`` number the names and codes
    when the caller has them (see :func:`iso37122._columnar.text_ids`).
    """
    by_code, by_city = duplicated_identity(
        table.city, table.year, table.code, city_ids=city_ids, code_ids=code_ids
    )
    duplicated = by_code | by_city
    if not duplicated.any():
        return
    problems = []
    for i in np.flatnonzero(duplicated).tolist():
        field, key = ("code", table.code[i]) if by_code[i] else ("city", table.city[i])
        problems.append(
            Problem(
                i,
                str(table.city[i]),
                int(table.year[i]),
                field,
                key,
                "duplicate_identity",
                f"{field} {key!r} and year {table.year[i]} appear in more than one row",
            )
        )
    raise DataError(
        "two or more rows have the same identity (code and year, or city and year when a row "
        "has no code):",
        problems,
        code="duplicate_identity",
    )
