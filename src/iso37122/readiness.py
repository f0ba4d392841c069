"""Data readiness: what a city can compute today, and what to collect next.

For one city-year or a set, :func:`readiness` says, per key element and per theme, which
indicators can be computed, which cannot and which variables they lack, and ranks the next
variables to collect by how many indicators they unlock.

An indicator missing two variables is unlocked only when both are collected, so the ranking is
over variable *sets*: at each step, among the sets of still-missing variables that would unlock
at least one indicator, the one that unlocks the most indicators per variable collected comes
first (ties: more element coverage gained per variable, then fewer variables, then by name).
This is the greedy rule for weighted set cover; it is not guaranteed optimal, but each step is
the best next action given the steps before it. Over a set of city-years, a variable is
counted once for all of them and the unlocks are summed over city-years.

An indicator whose inputs are all reported but that still cannot be computed (a part exceeds
its whole, a zero denominator) is not unlocked by collecting anything: it is listed apart, as
data to check. A reported value that was rejected (a negative count, a non-number) counts as
lacking: it must be collected again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, overload

import numpy as np
import pandas as pd

from iso37122._typing import BoolArray, IntArray
from iso37122.data import CityDataBase, Extra, Table, to_table
from iso37122.elements import KeyElement, element_of
from iso37122.engine import STATUS_BY_CODE, Results, Status, evaluate
from iso37122.indicators import CATALOGUE
from iso37122.themes import Theme
from iso37122.variables import VARIABLES

if TYPE_CHECKING:
    from iso37122.rollup import RollupConfig

__all__ = [
    "CityReadiness",
    "CollectionStep",
    "GroupReadiness",
    "IndicatorReadiness",
    "Readiness",
    "readiness",
]


_COMPUTED = Status.COMPUTED.code


@dataclass(frozen=True, slots=True)
class IndicatorReadiness:
    """Whether one indicator can be computed for one city-year, and what it lacks.

    Attributes
    ----------
    clause, name
        The indicator.
    theme
        Its theme.
    element
        Its key element (the default mapping or the configuration's ``element_of``).
    status
        The status it gets from the data as they are.
    lacking
        Input variables not reported, or reported with a rejected value, in input order.
    rejected
        The variables of :attr:`lacking` whose reported value was rejected.
    reason
        Why it cannot be computed (``None`` when it can).
    """

    clause: str
    name: str
    theme: Theme
    element: KeyElement
    status: Status
    lacking: tuple[str, ...]
    rejected: tuple[str, ...]
    reason: str | None

    @property
    def computable(self) -> bool:
        """Whether the indicator is computed from the data as they are."""
        return self.status is Status.COMPUTED

    @property
    def unlockable(self) -> bool:
        """Whether collecting the lacking variables would let it be computed."""
        return not self.computable and bool(self.lacking)


@dataclass(frozen=True, slots=True)
class GroupReadiness:
    """Readiness of the indicators of one key element or one theme, for one city-year.

    Attributes
    ----------
    key
        The key element or theme.
    indicators
        Its indicators, in clause order.
    """

    key: KeyElement | Theme
    indicators: tuple[IndicatorReadiness, ...]

    @property
    def computable(self) -> tuple[IndicatorReadiness, ...]:
        """Indicators that can be computed."""
        return tuple(r for r in self.indicators if r.computable)

    @property
    def blocked(self) -> tuple[IndicatorReadiness, ...]:
        """Indicators that cannot be computed."""
        return tuple(r for r in self.indicators if not r.computable)

    @property
    def n_total(self) -> int:
        """Number of indicators."""
        return len(self.indicators)

    @property
    def coverage(self) -> float:
        """Share of the indicators that can be computed (0 when there are none)."""
        return len(self.computable) / self.n_total if self.indicators else 0.0

    @property
    def lacking(self) -> tuple[str, ...]:
        """Every variable some indicator of the group lacks, in first-needed order."""
        return tuple(dict.fromkeys(v for r in self.indicators for v in r.lacking))


@dataclass(frozen=True, slots=True)
class CollectionStep:
    """One step of the ranked collection plan: variables to collect together.

    Attributes
    ----------
    variables
        The variables to collect (together: some indicator needs all of them), sorted.
    unlocks
        Clause of each indicator this step makes computable, with the number of city-years in
        which it does (given the earlier steps), in clause order.
    n_unlocked
        Indicator values unlocked (summed over city-years).
    n_rows
        City-years in which the step unlocks at least one indicator.
    coverage_gain
        Per key element, the mean gain over city-years in the share of its indicators that
        can be computed.
    """

    variables: tuple[str, ...]
    unlocks: Mapping[str, int]
    n_unlocked: int
    n_rows: int
    coverage_gain: Mapping[KeyElement, float]

    @property
    def per_variable(self) -> float:
        """Indicator values unlocked per variable collected (the ranking key)."""
        return self.n_unlocked / len(self.variables)


@dataclass(frozen=True, slots=True)
class _Pattern:
    """Rows in which indicator ``i`` lacks exactly the variables of bit mask ``mask``."""

    i: int
    mask: int
    rows: IntArray


def _plan(
    patterns: Sequence[_Pattern],
    variables: Sequence[str],
    clauses: Sequence[str],
    elements: Sequence[KeyElement],
    element_sizes: Mapping[KeyElement, int],
    n_rows: int,
) -> tuple[CollectionStep, ...]:
    """Rank variable sets greedily by indicator values unlocked per variable collected."""
    collected = 0
    remaining = list(patterns)
    steps: list[CollectionStep] = []

    def names(mask: int) -> tuple[str, ...]:
        return tuple(sorted(variables[k] for k in range(mask.bit_length()) if mask >> k & 1))

    while remaining:
        best: tuple[tuple[float, float, int, tuple[str, ...]], int, list[_Pattern]] | None = None
        for candidate in {p.mask & ~collected for p in remaining}:
            have = collected | candidate
            unlocked = [p for p in remaining if p.mask & ~have == 0]
            count = sum(p.rows.size for p in unlocked)
            gain = sum(p.rows.size / element_sizes[elements[p.i]] for p in unlocked) / n_rows
            size = candidate.bit_count()
            key = (-count / size, -gain / size, size, names(candidate))
            if best is None or key < best[0]:
                best = (key, candidate, unlocked)
        assert best is not None
        _, candidate, unlocked = best
        collected |= candidate
        remaining = [p for p in remaining if p.mask & ~collected != 0]
        per_clause: dict[int, int] = {}
        gains: dict[KeyElement, float] = dict.fromkeys(KeyElement, 0.0)
        for p in unlocked:
            per_clause[p.i] = per_clause.get(p.i, 0) + p.rows.size
            gains[elements[p.i]] += p.rows.size / element_sizes[elements[p.i]] / n_rows
        steps.append(
            CollectionStep(
                variables=names(candidate),
                unlocks=MappingProxyType({clauses[i]: per_clause[i] for i in sorted(per_clause)}),
                n_unlocked=sum(per_clause.values()),
                n_rows=int(np.unique(np.concatenate([p.rows for p in unlocked])).size),
                coverage_gain=MappingProxyType(gains),
            )
        )
    return tuple(steps)


def _identity(table: Table, row: int) -> str:
    code = table.code[row]
    return f"{table.city[row]}{f' ({code})' if code is not None else ''}, {table.year[row]}"


def _city_years(n: int) -> str:
    return f"{n} city-year{'' if n == 1 else 's'}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def _variable(variable: str) -> str:
    found = VARIABLES.get(variable)
    return f"{variable} [{found.unit}]" if found else variable


def _step_lines(steps: Sequence[CollectionStep], start: int, total: int, single: bool) -> list[str]:
    lines = []
    done = start
    for k, step in enumerate(steps, 1):
        together = " (together)" if len(step.variables) > 1 else ""
        what = " + ".join(_variable(v) for v in step.variables) + together
        done += step.n_unlocked
        if single:
            unlocks = ", ".join(f"{c} {CATALOGUE[c].name}" for c in step.unlocks)
            gain = f"unlocks {step.n_unlocked}: {unlocks}"
            after = f"then {done} of {total} computable"
        else:
            unlocks = ", ".join(f"{c} ({n})" for c, n in step.unlocks.items())
            gain = (
                f"unlocks {step.n_unlocked} indicator values in {_city_years(step.n_rows)}: "
                f"{unlocks}"
            )
            after = f"then {done} of {total} values computable"
        lines.append(f"  {k}. {what}\n     {gain}\n     ({after})")
    return lines or ["  (nothing: every indicator that lacks data is listed above)"]


class CityReadiness:
    """Readiness of one city-year: per indicator, element and theme, and what to collect."""

    def __init__(self, report: Readiness, row: int) -> None:
        self._report = report
        self._row = row

    @property
    def city(self) -> str:
        """Name of the city or regency."""
        return self._report.table.identity(self._row)[0]

    @property
    def year(self) -> int:
        """Reporting year."""
        return self._report.table.identity(self._row)[1]

    @property
    def code(self) -> str | None:
        """Region code, as text, or ``None``."""
        return self._report.table.identity(self._row)[2]

    @cached_property
    def indicators(self) -> tuple[IndicatorReadiness, ...]:
        """Every selected indicator, in clause order."""
        return tuple(self._report.indicator(i, self._row) for i in range(self._report.n_indicators))

    @property
    def computable(self) -> tuple[IndicatorReadiness, ...]:
        """Indicators that can be computed."""
        return tuple(r for r in self.indicators if r.computable)

    @property
    def unlockable(self) -> tuple[IndicatorReadiness, ...]:
        """Indicators that collecting their lacking variables would let be computed."""
        return tuple(r for r in self.indicators if r.unlockable)

    @property
    def to_check(self) -> tuple[IndicatorReadiness, ...]:
        """Indicators with every input reported that still cannot be computed."""
        return tuple(r for r in self.indicators if not r.computable and not r.lacking)

    @property
    def by_element(self) -> Mapping[KeyElement, GroupReadiness]:
        """Readiness per key element (all three present)."""
        return MappingProxyType(
            {
                element: GroupReadiness(
                    element, tuple(r for r in self.indicators if r.element is element)
                )
                for element in KeyElement
            }
        )

    @property
    def by_theme(self) -> Mapping[Theme, GroupReadiness]:
        """Readiness per theme (the themes of the selected indicators), in clause order."""
        return MappingProxyType(
            {
                theme: GroupReadiness(theme, tuple(r for r in self.indicators if r.theme is theme))
                for theme in Theme
                if any(r.theme is theme for r in self.indicators)
            }
        )

    @cached_property
    def next_variables(self) -> tuple[CollectionStep, ...]:
        """The ranked collection plan for this city-year (see the module documentation)."""
        return self._report.plan(np.array([self._row], dtype=np.int64))

    def __repr__(self) -> str:
        """Summarise."""
        return (
            f"<CityReadiness {_identity(self._report.table, self._row)}: "
            f"{len(self.computable)} of {len(self.indicators)} computable>"
        )

    def __str__(self) -> str:
        """Return a plain-text report: by element, by theme, and the next variables."""
        total = len(self.indicators)
        done = len(self.computable)
        lines = [
            f"Readiness of {_identity(self._report.table, self._row)}",
            f"  {done} of {total} indicators can be computed ({_percent(done, total)}).",
            "",
            "By key element",
        ]
        for element, group in self.by_element.items():
            n = len(group.computable)
            lines.append(
                f"  {element.value:<8} {n} of {group.n_total} ({_percent(n, group.n_total)})"
                f"  {element.label}"
            )
        lines += ["", "By theme (indicators that cannot be computed, and what they lack)"]
        for theme, group in self.by_theme.items():
            n = len(group.computable)
            lines.append(f"  {theme.clause} {theme.label}: {n} of {group.n_total}")
            for r in group.blocked:
                if r.lacking:
                    lacks = ", ".join(
                        f"{v} (rejected)" if v in r.rejected else v for v in r.lacking
                    )
                    lines.append(f"      {r.clause} {r.name} — lacks {lacks}")
                else:
                    lines.append(f"      {r.clause} {r.name} — {r.status.value}: {r.reason}")
        lines += ["", "Next variables to collect"]
        lines += _step_lines(self.next_variables, done, total, single=True)
        check = self.to_check
        if check:
            lines += ["", "Reported but not computable (check these data)"]
            lines += [f"  {r.clause} {r.name}: {r.reason}" for r in check]
        return "\n".join(lines)


class Readiness(Sequence[CityReadiness]):
    """Readiness of one or more city-years; index it for one city-year's report.

    Build it with :func:`readiness`. ``str()`` is a plain-text report (of the city-year when
    there is one, of the whole set otherwise); :meth:`to_frame` and
    :meth:`next_variables_frame` give the same in DataFrames.
    """

    def __init__(self, results: Results, elements: Sequence[KeyElement]) -> None:
        self.results = results
        self.elements: tuple[KeyElement, ...] = tuple(elements)
        table = results.table
        # Per indicator, (rows, inputs): True where the input is not reported or was rejected.
        self._lacking: tuple[BoolArray, ...] = tuple(
            np.column_stack([np.isnan(table.column(v)) for v in spec.inputs])
            if spec.inputs
            else np.zeros((table.n_rows, 0), dtype=bool)
            for spec in results.indicators
        )

    @property
    def table(self) -> Table:
        """The input data."""
        return self.results.table

    @property
    def n_indicators(self) -> int:
        """Number of selected indicators."""
        return len(self.results.indicators)

    @property
    def computable(self) -> BoolArray:
        """Return, as bool (indicators, rows), which indicator values can be computed."""
        result: BoolArray = self.results.status == _COMPUTED
        return result

    def __len__(self) -> int:
        """Return the number of city-years."""
        return self.table.n_rows

    @overload
    def __getitem__(self, row: int) -> CityReadiness: ...

    @overload
    def __getitem__(self, row: slice) -> Sequence[CityReadiness]: ...

    def __getitem__(self, row: int | slice) -> CityReadiness | Sequence[CityReadiness]:
        """Return the report of one city-year (or a list of them), by position in the input."""
        n = len(self)
        if isinstance(row, slice):
            return [CityReadiness(self, k) for k in range(n)[row]]
        if not -n <= row < n:
            raise IndexError(f"row {row} out of range for {n} city-years")
        return CityReadiness(self, row % n)

    def __iter__(self) -> Iterator[CityReadiness]:
        """Iterate over city-years in input order."""
        return (CityReadiness(self, row) for row in range(len(self)))

    def indicator(self, i: int, row: int) -> IndicatorReadiness:
        """Return the readiness of indicator ``i`` (its position) in one row."""
        spec = self.results.indicators[i]
        lacking = tuple(v for k, v in enumerate(spec.inputs) if self._lacking[i][row, k])
        rejected = tuple(
            v for v in lacking if (bad := self.table.invalid.get(v)) is not None and bad[row]
        )
        return IndicatorReadiness(
            clause=spec.clause,
            name=spec.name,
            theme=spec.theme,
            element=self.elements[i],
            status=STATUS_BY_CODE[int(self.results.status[i, row])],
            lacking=lacking,
            rejected=rejected,
            reason=self.results.reason(i, row),
        )

    def _patterns(self, rows: IntArray) -> tuple[list[_Pattern], list[str]]:
        """Group the unlockable (row, indicator) pairs of ``rows`` by what they lack."""
        variables = sorted({v for spec in self.results.indicators for v in spec.inputs})
        bit = {v: k for k, v in enumerate(variables)}
        patterns: list[_Pattern] = []
        for i, spec in enumerate(self.results.indicators):
            lacking = self._lacking[i][rows]
            open_rows = ~self.computable[i, rows] & lacking.any(axis=1)
            if not open_rows.any():
                continue
            local = (lacking[open_rows] * (1 << np.arange(len(spec.inputs)))).sum(axis=1)
            codes, inverse = np.unique(local, return_inverse=True)
            chosen = rows[open_rows]
            for c, code in enumerate(codes):
                mask = sum(1 << bit[v] for k, v in enumerate(spec.inputs) if int(code) >> k & 1)
                patterns.append(_Pattern(i, mask, chosen[inverse == c]))
        return patterns, variables

    def plan(self, rows: IntArray | None = None) -> tuple[CollectionStep, ...]:
        """Rank the variables to collect for some rows (default: all), greedily.

        Parameters
        ----------
        rows
            Positions of the city-years to plan for.

        Returns
        -------
        tuple of CollectionStep
            The steps in order; together they unlock every indicator that lacks data.
        """
        chosen = np.arange(len(self), dtype=np.int64) if rows is None else rows
        patterns, variables = self._patterns(chosen)
        sizes = {e: max(1, self.elements.count(e)) for e in KeyElement}
        clauses = [spec.clause for spec in self.results.indicators]
        return _plan(patterns, variables, clauses, self.elements, sizes, max(1, chosen.size))

    @cached_property
    def next_variables(self) -> tuple[CollectionStep, ...]:
        """The ranked collection plan over every city-year (variables counted once)."""
        return self.plan()

    def by_element(self) -> pd.DataFrame:
        """Return per key element the indicator values computable and in total, over all rows."""
        return self._group_frame([e.value for e in self.elements], [e.value for e in KeyElement])

    def by_theme(self) -> pd.DataFrame:
        """Return per theme the indicator values computable and in total, over all rows."""
        themes = [spec.theme.value for spec in self.results.indicators]
        return self._group_frame(themes, [t.value for t in Theme if t.value in themes])

    def _group_frame(self, keys: Sequence[str], order: Sequence[str]) -> pd.DataFrame:
        key_array = np.array(keys, dtype=object)
        rows = []
        for key in order:
            members = key_array == key
            computable = int(self.computable[members].sum())
            total = int(members.sum()) * len(self)
            rows.append(
                {
                    "group": key,
                    "n_indicators": int(members.sum()),
                    "computable": computable,
                    "total": total,
                    "coverage": computable / total if total else 0.0,
                }
            )
        return pd.DataFrame(rows).set_index("group")

    def to_frame(self) -> pd.DataFrame:
        """Return one row per city-year and indicator: status, what it lacks and why.

        Columns: ``city``, ``year``, ``code``, ``clause``, ``name``, ``theme``, ``element``,
        ``status``, ``computable``, ``lacking`` (variable ids joined by ``", "``, empty when
        none), ``reason``.
        """
        table = self.table
        n, k = len(self), self.n_indicators
        specs = self.results.indicators
        lacking = np.full((k, n), "", dtype=object)
        reasons = np.full((k, n), None, dtype=object)
        for i, spec in enumerate(specs):
            for row in np.flatnonzero(self._lacking[i].any(axis=1)):
                names = [v for j, v in enumerate(spec.inputs) if self._lacking[i][row, j]]
                lacking[i, row] = ", ".join(names)
            for row in np.flatnonzero(~self.computable[i]):
                reasons[i, row] = self.results.reason(i, int(row))
        status_names = np.array([s.value for s in STATUS_BY_CODE], dtype=object)
        return pd.DataFrame(
            {
                "city": np.tile(table.city, k),
                "year": np.tile(table.year, k),
                "code": np.tile(table.code, k),
                "clause": np.repeat([s.clause for s in specs], n),
                "name": np.repeat([s.name for s in specs], n),
                "theme": np.repeat([s.theme.value for s in specs], n),
                "element": np.repeat([e.value for e in self.elements], n),
                "status": status_names[self.results.status.reshape(-1)],
                "computable": self.computable.reshape(-1),
                "lacking": lacking.reshape(-1),
                "reason": reasons.reshape(-1),
            }
        )

    def next_variables_frame(self) -> pd.DataFrame:
        """Return the collection plan over every city-year, one row per step."""
        rows = []
        for k, step in enumerate(self.next_variables, 1):
            rows.append(
                {
                    "step": k,
                    "variables": ", ".join(step.variables),
                    "n_variables": len(step.variables),
                    "unlocks": ", ".join(step.unlocks),
                    "n_unlocked": step.n_unlocked,
                    "n_rows": step.n_rows,
                    **{f"{e.value}_gain": step.coverage_gain[e] for e in KeyElement},
                }
            )
        columns = ["step", "variables", "n_variables", "unlocks", "n_unlocked", "n_rows"]
        columns += [f"{e.value}_gain" for e in KeyElement]
        return pd.DataFrame(rows, columns=columns)

    def __repr__(self) -> str:
        """Summarise."""
        done = int(self.computable.sum())
        return (
            f"<Readiness of {_city_years(len(self))}: {done} of {self.computable.size} "
            "indicator values computable>"
        )

    def __str__(self) -> str:
        """Return a plain-text report (one city-year's report when there is one)."""
        if len(self) == 1:
            return str(self[0])
        n = len(self)
        total = int(self.computable.size)
        done = int(self.computable.sum())
        per_row = self.computable.sum(axis=0)
        lines = [f"Readiness of {_city_years(n)}"]
        if n == 0:
            return lines[0] + ": no data"
        years = self.table.year
        lines += [
            f"  years {int(years.min())}–{int(years.max())}; {done} of {total} indicator values "
            f"can be computed ({_percent(done, total)}); per city-year: min "
            f"{int(per_row.min())}, median {float(np.median(per_row)):g}, max "
            f"{int(per_row.max())} of {self.n_indicators}",
            "",
            "By key element (indicator values computable over all city-years)",
        ]
        for group, done_in, total_in in self._counts(self.by_element()):
            lines.append(f"  {group:<8} {done_in} of {total_in} ({_percent(done_in, total_in)})")
        lines += ["", "By theme"]
        for group, done_in, total_in in self._counts(self.by_theme()):
            theme = Theme(group)
            lines.append(
                f"  {theme.clause} {theme.label}: {done_in} of {total_in} "
                f"({_percent(done_in, total_in)})"
            )
        lines += ["", "Next variables to collect (across all city-years)"]
        lines += _step_lines(self.next_variables, done, total, single=False)
        to_check = int((~self.computable & ~self._any_lacking()).sum())
        if to_check:
            lines += [
                "",
                f"Reported but not computable: {to_check} indicator values (check these data; "
                "see to_frame())",
            ]
        shown = 20
        lines += ["", "Per city-year (computable indicators)"]
        for row in range(min(n, shown)):
            lines.append(
                f"  {_identity(self.table, row)}: {int(per_row[row])} of {self.n_indicators}"
            )
        if n > shown:
            lines.append(f"  ... and {n - shown} more (index the report for one city-year)")
        return "\n".join(lines)

    @staticmethod
    def _counts(frame: pd.DataFrame) -> list[tuple[str, int, int]]:
        return [
            (str(group), int(done), int(total))
            for group, done, total in zip(
                frame.index, frame["computable"], frame["total"], strict=True
            )
        ]

    def _any_lacking(self) -> BoolArray:
        """Return, as bool (indicators, rows), whether the indicator lacks at least one input."""
        if not self._lacking:
            return np.zeros((0, len(self)), dtype=bool)
        result: BoolArray = np.stack([lack.any(axis=1) for lack in self._lacking])
        return result


def readiness(
    data: Table
    | CityDataBase
    | Mapping[str, object]
    | pd.DataFrame
    | Sequence[Mapping[str, object] | CityDataBase],
    *,
    indicators: Iterable[str | Theme] | str | Theme | None = None,
    config: RollupConfig | None = None,
    units: Mapping[str, str] | None = None,
    extra: Extra = "forbid",
) -> Readiness:
    """Say which indicators the data can compute, and rank the variables to collect next.

    Parameters
    ----------
    data
        One city-year (a ``CityData`` or a mapping) or many (a wide DataFrame, a list of
        mappings or ``CityData``), as for :func:`iso37122.compute_profile`; or a Table.
    indicators
        Clauses, names or themes to consider (default: the whole catalogue).
    config
        A roll-up configuration whose ``element_of`` replaces the default element mapping.
    units
        Units of variables given in another unit than the canonical one.
    extra
        ``"forbid"`` (default) raises on unknown columns or keys; ``"ignore"`` drops them.

    Returns
    -------
    Readiness
        The report: ``str()`` for reading, indexing for one city-year, :meth:`Readiness.to_frame`
        and :meth:`Readiness.next_variables_frame` for tables.

    Examples
    --------
    >>> report = readiness({"city": "Kota Contoh", "year": 2024, "population": 200_000,
    ...                     "ict_employed": 1_500}, indicators=["5"])
    >>> for step in report.next_variables:
    ...     print(" + ".join(step.variables), "->", ", ".join(step.unlocks))
    labour_force -> 5.3
    education_research_employed -> 5.4
    new_businesses + new_businesses_surviving -> 5.2
    service_contracts + service_contracts_with_open_data_policy -> 5.1
    """
    specs = CATALOGUE.select(indicators)
    table = to_table(data, units=units, extra=extra, caller="readiness")
    results = evaluate(table, specs)
    elements = [
        config.element(spec) if config is not None else element_of(spec)
        for spec in results.indicators
    ]
    return Readiness(results, elements)
