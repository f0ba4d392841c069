"""Evaluate indicators over a Table: constraints, pure functions, statuses and reasons.

The engine works on whole columns: for each indicator it checks the inputs (rejected values,
missing values), the declared constraints, then calls the pure function once on the full
columns. There is no Python loop over rows. Reasons are not stored as strings: each non-computed
cell records *which* check stopped it, and the sentence is built on demand from the table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray, Int8Array
from iso37122.data import Table
from iso37122.errors import Problem
from iso37122.indicators import CATALOGUE, Constraint, Indicator, PartOfWhole

__all__ = [
    "DETAIL_CONSTRAINT",
    "DETAIL_NOT_FINITE",
    "STATUS_BY_CODE",
    "Results",
    "Status",
    "evaluate",
]


class Status(StrEnum):
    """Outcome of computing one indicator for one city-year."""

    COMPUTED = "computed"
    """A value was computed."""
    MISSING = "missing"
    """An input was not reported."""
    INVALID = "invalid"
    """An input value is invalid or a declared constraint is broken."""
    UNDEFINED = "undefined"
    """The formula is undefined for the data (a zero denominator)."""

    @property
    def code(self) -> int:
        """Small-integer code used in result arrays."""
        return _STATUS_CODES[self]


_STATUS_CODES = {status: i for i, status in enumerate(Status)}
STATUS_BY_CODE: tuple[Status, ...] = tuple(Status)


COMPUTED = Status.COMPUTED.code
MISSING = Status.MISSING.code
INVALID = Status.INVALID.code
UNDEFINED = Status.UNDEFINED.code

DETAIL_CONSTRAINT = 1000
"""``Results.detail`` of an INVALID value: an input's index below this, else this plus the
index of the broken constraint (for UNDEFINED, the detail is the constraint's index)."""
DETAIL_NOT_FINITE = 2000
"""``Results.detail`` of an UNDEFINED value whose formula itself gave no finite value."""


@dataclass(frozen=True, eq=False)
class Results:
    """Values and statuses of several indicators over every row of a Table.

    Attributes
    ----------
    table
        The input table.
    indicators
        The indicators evaluated, in clause order.
    values
        float64 array of shape (indicators, rows); NaN where not computed.
    status
        int8 array of the same shape holding :attr:`Status.code` values.
    detail
        int16 array of the same shape: which check stopped a non-computed cell.
    """

    table: Table
    indicators: tuple[Indicator, ...]
    values: FloatArray
    status: Int8Array
    detail: npt.NDArray[np.int16]

    def index(self, clause: str) -> int:
        """Position of an indicator (by clause) in :attr:`indicators`."""
        for i, spec in enumerate(self.indicators):
            if spec.clause == clause:
                return i
        CATALOGUE[clause]  # raises UnknownIndicatorError for a clause not in the catalogue
        raise KeyError(f"indicator {clause} was not evaluated (see indicators=...)")

    def status_of(self, i: int, row: int) -> Status:
        """Status of indicator ``i`` in ``row``."""
        return STATUS_BY_CODE[int(self.status[i, row])]

    def reason(self, i: int, row: int) -> str | None:
        """Why indicator ``i`` has no value in ``row`` (``None`` when it was computed)."""
        code = int(self.status[i, row])
        if code == COMPUTED:
            return None
        spec = self.indicators[i]
        table = self.table
        detail = int(self.detail[i, row])
        if code == MISSING:
            absent = [v for v in spec.inputs if np.isnan(table.column_as_given(v)[row])]
            return f"not reported: {', '.join(absent)}"
        if detail == DETAIL_NOT_FINITE:
            return "the formula gave no finite value for these inputs"
        if code == INVALID and detail < DETAIL_CONSTRAINT:
            variable = spec.inputs[detail]
            problem = table.problem(row, variable)
            what = problem.message if problem else f"{variable} was rejected"
            return f"invalid input: {what}"
        constraint = spec.constraints[detail % DETAIL_CONSTRAINT]
        values = {v: float(table.column_as_given(v)[row]) for v in constraint.variables}
        return constraint.explain(values, STATUS_BY_CODE[code])

    def constraint_problems(self) -> tuple[Problem, ...]:
        """Every broken constraint, one :class:`~iso37122.errors.Problem` per indicator and row.

        A rejected input value is not repeated here: it is in ``table.problems``.
        """
        table = self.table
        broken = (
            (self.status == INVALID)
            & (self.detail >= DETAIL_CONSTRAINT)
            & (self.detail < DETAIL_NOT_FINITE)
        )
        problems = []
        for i, row in zip(*np.nonzero(broken), strict=True):
            spec = self.indicators[int(i)]
            constraint = spec.constraints[int(self.detail[i, row]) - DETAIL_CONSTRAINT]
            city, year, _ = table.identity(int(row))
            values = {v: float(table.column_as_given(v)[row]) for v in constraint.variables}
            reason = constraint.explain(values, Status.INVALID)
            problems.append(
                Problem(
                    int(row),
                    city,
                    year,
                    constraint.variables[0],
                    values[constraint.variables[0]],
                    "constraint",
                    f"{spec.clause} {spec.name}: {reason}",
                )
            )
        problems.sort(key=lambda p: (p.row, p.message))
        return tuple(problems)

    def reasons(self, i: int) -> list[str | None]:
        """Reasons for every row of indicator ``i`` (``None`` where computed)."""
        out: list[str | None] = [None] * self.table.n_rows
        rows, texts = self.reason_cells(i)
        for row, text in zip(rows.tolist(), texts, strict=True):
            out[row] = text
        return out

    def reason_cells(self, i: int) -> tuple[npt.NDArray[np.intp], list[str]]:
        """Rows of indicator ``i`` that have no value, and the reason of each.

        Cells that share a reason (the same inputs not reported, the same zero denominator)
        share one string, so that this stays fast on large tables.
        """
        spec = self.indicators[i]
        status = self.status[i]
        detail = self.detail[i]
        rows = np.flatnonzero(status != COMPUTED)
        texts: list[str] = []
        missing_rows = rows[status[rows] == MISSING]
        missing_text: dict[int, str] = {}
        if missing_rows.size:
            pattern = np.zeros(missing_rows.size, dtype=np.int64)
            for k, variable in enumerate(spec.inputs):
                absent = np.isnan(self.table.column_as_given(variable)[missing_rows])
                pattern |= absent.astype(np.int64) << k
            for p, row in zip(pattern.tolist(), missing_rows.tolist(), strict=True):
                if p not in missing_text:
                    names = [v for k, v in enumerate(spec.inputs) if p >> k & 1]
                    missing_text[p] = f"not reported: {', '.join(names)}"
                missing_text[-1 - row] = missing_text[p]
        shared: dict[int, str] = {}
        for row in rows.tolist():
            code = int(status[row])
            if code == MISSING:
                texts.append(missing_text[-1 - row])
            elif code == UNDEFINED:
                d = int(detail[row])
                if d not in shared:
                    shared[d] = self.reason(i, row) or ""
                texts.append(shared[d])
            else:
                texts.append(self.reason(i, row) or "")
        return rows, texts


def evaluate(table: Table, indicators: Sequence[Indicator] | None = None) -> Results:
    """Evaluate indicators on every row of a table.

    Parameters
    ----------
    table
        Validated input data.
    indicators
        The indicators to evaluate (default: the whole catalogue), in any order; results
        are in clause order.

    Returns
    -------
    Results
        Values, statuses and the means to explain every non-computed cell.

    Notes
    -----
    For each row the first check that fails decides the status, in this order: a rejected
    input value (``invalid``), an input not reported (``missing``), a broken constraint
    (``invalid``), a zero denominator (``undefined``). A computed value is always finite.
    """
    specs = tuple(
        sorted(
            indicators if indicators is not None else CATALOGUE.values(),
            key=lambda spec: _clause_order(spec.clause),
        )
    )
    n = table.n_rows
    values = np.empty((len(specs), n))
    status = np.zeros((len(specs), n), dtype=np.int8)
    detail = np.zeros((len(specs), n), dtype=np.int16)
    shared = _Shared(table)
    with np.errstate(all="ignore"):
        for i, spec in enumerate(specs):
            _evaluate_one(spec, shared, values[i], status[i], detail[i])
    return Results(table=table, indicators=specs, values=values, status=status, detail=detail)


@cache
def _clause_order(clause: str) -> tuple[int, ...]:
    return tuple(int(part) for part in clause.split("."))


_Rows = npt.NDArray[np.intp]


class _Shared:
    """What several indicators of one evaluation read: computed once per variable or rule.

    Columns are read as given (a rejected cell keeps its value: the rejection stops its row
    first). Per variable: the "not reported" mask and the rejected rows; per constraint (equal
    constraints are shared): the rows it stops or snaps, as row numbers, since they are few.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self._absent: dict[str, BoolArray] = {}
        self._rejected: dict[str, _Rows] = {}
        self._rules: dict[tuple[str, object], _Rows] = {}
        self._scratch = np.empty(table.n_rows, dtype=np.int64)  # reused: paged in once

    def column(self, variable: str) -> FloatArray:
        return self.table.column_as_given(variable)

    def absent(self, variable: str) -> BoolArray:
        found = self._absent.get(variable)
        if found is None:
            found = self._absent[variable] = np.isnan(self.column(variable))
        return found

    def rejected(self, variable: str) -> _Rows:
        found = self._rejected.get(variable)
        if found is None:
            found = self._rejected[variable] = self.table.rejected_rows(variable)
        return found

    def rows(
        self, what: str, constraint: Constraint, columns: dict[str, FloatArray], plain: bool
    ) -> _Rows:
        """Rows where ``constraint.<what>(columns)`` holds; shared when ``plain``.

        ``plain``: the constraint reads its variables as given (none was snapped to its whole
        for this indicator), so that its rows are the same for every indicator.
        """
        key: tuple[str, object] | None = None
        if plain:
            try:
                key = (what, constraint)
                found = self._rules.get(key)
            except TypeError:  # an unhashable constraint: not shared
                key, found = None, None
            if found is not None:
                return found
        single = isinstance(constraint, PartOfWhole) and len(constraint.parts) == 1
        if what == "snap":
            assert isinstance(constraint, PartOfWhole)
            (name,) = constraint.parts
            part, whole = columns[name], columns[constraint.whole]
            # A part within PART_TOLERANCE (4 eps) of its whole is a few ulp from it: the
            # distance of the bit patterns finds the few candidates in one integer pass.
            distance = self._scratch
            np.subtract(part.view(np.int64), whole.view(np.int64), out=distance)
            np.abs(distance, out=distance)  # wraps for opposite signs: a candidate too
            rows = _where(constraint.equal, columns, constraint.variables, distance <= _NEAR)
            rows = rows[part[rows] != whole[rows]]
        elif what == "invalid" and single:
            assert isinstance(constraint, PartOfWhole)
            # A part above its whole by more than the tolerance is above it.
            above = columns[constraint.parts[0]] > columns[constraint.whole]
            rows = _where(constraint.invalid, columns, constraint.variables, above)
        elif what == "invalid":
            rows = np.flatnonzero(constraint.invalid(columns))
        else:
            rows = np.flatnonzero(constraint.undefined(columns))
        if key is not None:
            self._rules[key] = rows
        return rows


_NEAR = 64
"""Bit-pattern distance (ulp) beyond which two floats cannot be within PART_TOLERANCE."""


def _where(
    test: Callable[[Mapping[str, FloatArray]], BoolArray],
    columns: Mapping[str, FloatArray],
    variables: Sequence[str],
    candidates: BoolArray,
) -> _Rows:
    """Rows where ``test(columns)`` holds, tested on the candidate rows only (a superset)."""
    rows = np.flatnonzero(candidates)
    if rows.size == 0:
        return rows
    return rows[test({v: columns[v][rows] for v in variables})]


def _evaluate_one(
    spec: Indicator,
    shared: _Shared,
    row: FloatArray,
    status: Int8Array,
    detail: npt.NDArray[np.int16],
) -> None:
    """Fill one indicator's row of values, statuses and details (inside ``np.errstate``).

    The status of a row is decided by the first check that stops it (see :func:`evaluate`):
    the common "not reported" is written on the whole row at once, a rejected input (rarer,
    and first) over it, and the later checks only on the rows still computed.
    """
    columns = {v: shared.column(v) for v in spec.inputs}
    snapped: set[str] = set()
    parts_of_whole = [c for c in spec.constraints if isinstance(c, PartOfWhole)]
    for constraint in parts_of_whole:
        if len(constraint.parts) == 1:
            # A part equal to its whole within a few ulp (0.7 km of 700 m) is the whole.
            (name,) = constraint.parts
            plain = not snapped.intersection(constraint.variables)
            snap = shared.rows("snap", constraint, columns, plain)
            if snap.size:
                part = columns[name].copy()
                part[snap] = columns[constraint.whole][snap]
                columns[name] = part
                snapped.add(name)
    row[...] = spec.func(**columns)  # broadcasts a constant to every row
    usable = np.isfinite(row)  # before the cap below, which would make an infinity finite
    if spec.unit == "percent" and parts_of_whole:
        # Parts summing to within PART_TOLERANCE above their whole: 100 %, not more.
        np.minimum(row, 100.0, out=row)
    # Not reported: the common case, written on the whole row (MISSING rows keep detail 0).
    absent = shared.absent(spec.inputs[0])
    for variable in spec.inputs[1:]:
        absent = absent | shared.absent(variable)
    if absent.any():  # else the row of statuses is left untouched (zero pages stay unmapped)
        np.multiply(absent.view(np.int8), np.int8(MISSING), out=status)
    # The other checks stop few rows, kept as row numbers (``stops``).
    stops: list[_Rows] = []
    # A rejected input comes first: written over, the first input last so that it wins.
    for k in range(len(spec.inputs) - 1, -1, -1):
        rejected = shared.rejected(spec.inputs[k])
        if rejected.size:
            status[rejected] = INVALID
            detail[rejected] = k
            stops.append(rejected)
    # Then each later check, in order, on the rows that no earlier check stopped.
    rules = [
        (what, c, rule, code)
        for what, code in (("invalid", INVALID), ("undefined", UNDEFINED))
        for c, rule in enumerate(spec.constraints)
    ]
    for what, c, rule, code in rules:
        plain = not snapped.intersection(rule.variables)
        rows = shared.rows(what, rule, columns, plain)
        if rows.size:
            rows = rows[status[rows] == COMPUTED]
            status[rows] = code
            detail[rows] = c + (DETAIL_CONSTRAINT if code == INVALID else 0)
            stops.append(rows)
    usable |= absent
    for rows in stops:
        usable[rows] = True
    if not usable.all():  # no finite value, and not stopped before
        rows = np.flatnonzero(~usable)
        status[rows] = UNDEFINED
        detail[rows] = DETAIL_NOT_FINITE
        stops.append(rows)
    # No value where stopped: the formula gave NaN already for most rows not reported.
    leak = np.isnan(row)
    np.less(leak, absent, out=leak)  # not reported, yet a value
    if leak.any():
        stops.append(np.flatnonzero(leak))
    for rows in stops:
        row[rows] = np.nan
