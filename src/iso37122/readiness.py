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
from iso37122.analysis.identity import find_row, key_element
from iso37122.collection import CollectionStep, UnlockPattern, rank_collection
from iso37122.data import CityDataBase, Extra, Table, to_table
from iso37122.elements import KeyElement
from iso37122.engine import STATUS_BY_CODE, Results, Status, evaluate
from iso37122.indicators import CATALOGUE
from iso37122.text import (
    city_years,
    identity_text,
    readiness_city_text,
    readiness_element_text,
    readiness_set_text,
)
from iso37122.themes import Theme

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
    scorable
        Whether the roll-up can score it into its element (an indicator with no direction
        cannot): only these count in the element's readiness, as in its score.
    """

    clause: str
    name: str
    theme: Theme
    element: KeyElement
    status: Status
    lacking: tuple[str, ...]
    rejected: tuple[str, ...]
    reason: str | None
    scorable: bool = True

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
        """Readiness per key element (all three present).

        An element counts the indicators its score counts: those the roll-up configuration
        can score (see :meth:`iso37122.rollup.RollupConfig.plan`), so that "6 of 18" here is
        the coverage the element score shows once they are computed.
        """
        return MappingProxyType(
            {
                element: GroupReadiness(
                    element,
                    tuple(r for r in self.indicators if r.element is element and r.scorable),
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

    def explain(self, element: KeyElement | str) -> str:
        """Say what this city-year can compute of one element, and what to collect for it.

        The count is the element score's: the indicators the roll-up can score. ``element``
        is a :class:`~iso37122.KeyElement` or its name in any case.
        """
        return readiness_element_text(self, key_element(element))

    def __repr__(self) -> str:
        """Summarise."""
        return (
            f"<CityReadiness {identity_text(self.city, self.code, self.year)}: "
            f"{len(self.computable)} of {len(self.indicators)} computable>"
        )

    def __str__(self) -> str:
        """Return a plain-text report: by element, by theme, and the next variables."""
        return readiness_city_text(self)


class Readiness(Sequence[CityReadiness]):
    """Readiness of one or more city-years; index it for one city-year's report.

    Build it with :func:`readiness`. ``str()`` is a plain-text report (of the city-year when
    there is one, of the whole set otherwise); :meth:`to_frame` and
    :meth:`next_variables_frame` give the same in DataFrames.
    """

    def __init__(
        self,
        results: Results,
        elements: Sequence[KeyElement],
        scorable: Sequence[bool] | None = None,
    ) -> None:
        self.results = results
        self.elements: tuple[KeyElement, ...] = tuple(elements)
        self.scorable: tuple[bool, ...] = (
            tuple(scorable) if scorable is not None else (True,) * len(self.elements)
        )
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
    def __getitem__(self, row: int | tuple[str, int]) -> CityReadiness: ...

    @overload
    def __getitem__(self, row: slice) -> Sequence[CityReadiness]: ...

    def __getitem__(
        self, row: int | slice | tuple[str, int]
    ) -> CityReadiness | Sequence[CityReadiness]:
        """Return one city-year's report by position or ``(city or code, year)``, or a list."""
        n = len(self)
        if isinstance(row, tuple):
            return self.get(*row)
        if isinstance(row, slice):
            return [CityReadiness(self, k) for k in range(n)[row]]
        if not -n <= row < n:
            raise IndexError(f"row {row} out of range for {n} city-years")
        return CityReadiness(self, row % n)

    def __iter__(self) -> Iterator[CityReadiness]:
        """Iterate over city-years in input order."""
        return (CityReadiness(self, row) for row in range(len(self)))

    def get(self, key: str, year: int | None = None) -> CityReadiness:
        """Return one city-year's report by region code or city name (any case), and year.

        Raises
        ------
        UnknownCityError
            A ``KeyError`` naming the closest cities, or the years the city has.
        """
        return CityReadiness(self, find_row(self.table, key, year))

    def explain(self, element: KeyElement | str, key: str, year: int | None = None) -> str:
        """Say what one city-year can compute of one element, and what to collect for it.

        ``element`` is a :class:`~iso37122.KeyElement` or its name in any case.
        """
        return self.get(key, year).explain(element)

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
            scorable=self.scorable[i],
        )

    def _patterns(self, rows: IntArray) -> tuple[list[UnlockPattern], list[str]]:
        """Group the unlockable (row, indicator) pairs of ``rows`` by what they lack."""
        variables = sorted({v for spec in self.results.indicators for v in spec.inputs})
        bit = {v: k for k, v in enumerate(variables)}
        patterns: list[UnlockPattern] = []
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
                patterns.append(UnlockPattern(i, mask, chosen[inverse == c]))
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
        counted = [e if ok else None for e, ok in zip(self.elements, self.scorable, strict=True)]
        sizes = {e: max(1, counted.count(e)) for e in KeyElement}
        clauses = [spec.clause for spec in self.results.indicators]
        return rank_collection(patterns, variables, clauses, counted, sizes, max(1, chosen.size))

    @cached_property
    def next_variables(self) -> tuple[CollectionStep, ...]:
        """The ranked collection plan over every city-year (variables counted once)."""
        return self.plan()

    def by_element(self) -> pd.DataFrame:
        """Return per key element the indicator values computable and in total, over all rows.

        As in the element scores, an element counts the indicators the roll-up can score.
        """
        keys = [e.value if ok else "" for e, ok in zip(self.elements, self.scorable, strict=True)]
        return self._group_frame(keys, [e.value for e in KeyElement])

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
            f"<Readiness of {city_years(len(self))}: {done} of {self.computable.size} "
            "indicator values computable>"
        )

    def __str__(self) -> str:
        """Return a plain-text report (one city-year's report when there is one)."""
        return str(self[0]) if len(self) == 1 else readiness_set_text(self)

    def lacking_any(self) -> BoolArray:
        """Return, as bool (indicators, rows), whether an indicator lacks at least one input."""
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
    from iso37122.rollup import RollupConfig

    specs = CATALOGUE.select(indicators)
    table = to_table(data, units=units, extra=extra, caller="readiness")
    results = evaluate(table, specs)
    config = config if config is not None else RollupConfig()
    plans = [config.plan(spec) for spec in results.indicators]
    return Readiness(results, [p.element for p in plans], [p.scorable for p in plans])
