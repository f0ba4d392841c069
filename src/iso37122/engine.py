"""Evaluate indicators over a Table: constraints, pure functions, statuses and reasons.

The engine works on whole columns: for each indicator it checks the inputs (rejected values,
missing values), the declared constraints, then calls the pure function once on the full
columns. There is no Python loop over rows. Reasons are not stored as strings: each non-computed
cell records *which* check stopped it, and the sentence is built on demand from the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray, Int8Array
from iso37122.data import Table
from iso37122.errors import Problem
from iso37122.indicators import CATALOGUE, Indicator, PartOfWhole

__all__ = ["STATUS_BY_CODE", "Results", "Status", "evaluate"]


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

# ``detail`` codes: for INVALID, an input index below _CONSTRAINT, or _CONSTRAINT + the index
# of the broken constraint; for UNDEFINED, the index of the constraint; _NOT_FINITE when the
# formula itself gave no finite value.
_CONSTRAINT = 1000
_NOT_FINITE = 2000


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
            absent = [v for v in spec.inputs if np.isnan(table.column(v)[row])]
            return f"not reported: {', '.join(absent)}"
        if detail == _NOT_FINITE:
            return "the formula gave no finite value for these inputs"
        if code == INVALID and detail < _CONSTRAINT:
            variable = spec.inputs[detail]
            problem = table.problem(row, variable)
            what = problem.message if problem else f"{variable} was rejected"
            return f"invalid input: {what}"
        constraint = spec.constraints[detail % _CONSTRAINT]
        values = {v: float(table.column(v)[row]) for v in constraint.variables}
        return constraint.explain(values, STATUS_BY_CODE[code])

    def constraint_problems(self) -> tuple[Problem, ...]:
        """Every broken constraint, one :class:`~iso37122.errors.Problem` per indicator and row.

        A rejected input value is not repeated here: it is in ``table.problems``.
        """
        table = self.table
        broken = (
            (self.status == INVALID) & (self.detail >= _CONSTRAINT) & (self.detail < _NOT_FINITE)
        )
        problems = []
        for i, row in zip(*np.nonzero(broken), strict=True):
            spec = self.indicators[int(i)]
            constraint = spec.constraints[int(self.detail[i, row]) - _CONSTRAINT]
            city, year, _ = table.identity(int(row))
            values = {v: float(table.column(v)[row]) for v in constraint.variables}
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
                absent = np.isnan(self.table.column(variable)[missing_rows])
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
    absent: dict[str, BoolArray] = {}  # each column's "not reported" mask, computed once

    def missing(variable: str) -> BoolArray:
        if variable not in absent:
            absent[variable] = np.isnan(table.column(variable))
        return absent[variable]

    with np.errstate(all="ignore"):
        for i, spec in enumerate(specs):
            _evaluate_one(spec, table, missing, values[i], status[i], detail[i])
    return Results(table=table, indicators=specs, values=values, status=status, detail=detail)


@cache
def _clause_order(clause: str) -> tuple[int, ...]:
    return tuple(int(part) for part in clause.split("."))


def _evaluate_one(
    spec: Indicator,
    table: Table,
    missing: Callable[[str], BoolArray],
    row: FloatArray,
    status: Int8Array,
    detail: npt.NDArray[np.int16],
) -> None:
    """Fill one indicator's row of values, statuses and details (inside ``np.errstate``)."""
    columns = {v: table.column(v) for v in spec.inputs}
    parts_of_whole = [c for c in spec.constraints if isinstance(c, PartOfWhole)]
    for constraint in parts_of_whole:
        if len(constraint.parts) == 1:
            # A part equal to its whole within a few ulp (0.7 km of 700 m) is the whole.
            (name,) = constraint.parts
            part, whole = columns[name], columns[constraint.whole]
            snap = constraint.equal(columns) & (part != whole)
            if snap.any():
                columns[name] = np.where(snap, whole, part)
    # Each check marks the rows it stops that no earlier check stopped. A check that stops
    # nothing (the common case) costs one pass and writes nothing; so does a clean row.
    checks: list[tuple[BoolArray, int, int]] = [
        (table.invalid[v], INVALID, k) for k, v in enumerate(spec.inputs) if v in table.invalid
    ]
    masks = [missing(v) for v in spec.inputs]
    any_missing = masks[0]
    for mask in masks[1:]:
        any_missing = any_missing | mask
    checks.append((any_missing, MISSING, 0))
    checks += [
        (constraint.invalid(columns), INVALID, _CONSTRAINT + c)
        for c, constraint in enumerate(spec.constraints)
    ]
    checks += [
        (constraint.undefined(columns), UNDEFINED, c)
        for c, constraint in enumerate(spec.constraints)
    ]
    row[...] = spec.func(**columns)  # broadcasts a constant to every row
    not_finite = np.isfinite(row)
    np.logical_not(not_finite, out=not_finite)
    checks.append((not_finite, UNDEFINED, _NOT_FINITE))
    if spec.unit == "percent" and parts_of_whole:
        # Parts summing to within PART_TOLERANCE above their whole: 100 %, not more.
        np.minimum(row, 100.0, out=row)
    stopped: BoolArray | None = None
    for mask, code, why in checks:
        if not np.count_nonzero(mask):
            continue
        if stopped is None:
            new, stopped = mask, mask.copy()
        else:
            new = mask > stopped  # mask and not yet stopped
            stopped |= new
        # Rows are stopped once, so adding code x mask sets them (branch-free, unlike a
        # masked write on scattered rows).
        status += new.view(np.int8) * np.int8(code)
        if why:
            detail += new.astype(np.int16) * np.int16(why)
    if stopped is not None:
        row[...] = np.where(stopped, np.nan, row)
