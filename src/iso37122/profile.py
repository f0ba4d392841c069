"""``compute_profile``: the one entry point, and the ``Profile`` / ``ProfileSet`` views."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any, Literal, overload

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from iso37122._arguments import check_indicators, check_options
from iso37122._typing import ObjectArray
from iso37122.data import CityDataBase, Extra, Table, raise_problems, to_table
from iso37122.elements import KeyElement
from iso37122.engine import STATUS_BY_CODE, Results, Status, evaluate
from iso37122.errors import ArgumentError, UnknownIndicatorError
from iso37122.indicators import CATALOGUE
from iso37122.quality import QualityFlag, quality_flags
from iso37122.rollup import ElementResults, ElementScore, RollupConfig, roll_up
from iso37122.themes import Theme

__all__ = [
    "IndicatorResult",
    "Profile",
    "ProfileRecord",
    "ProfileSet",
    "compute_profile",
]

IndicatorKeys = Sequence[str | Theme] | str | Theme | None


class IndicatorResult(BaseModel):
    """The outcome of one indicator for one city-year."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    clause: str
    name: str
    value: float | None
    unit: str
    status: Status
    reason: str | None


class ProfileRecord(BaseModel):
    """The JSON form of one profile: a contract for tools that read the output.

    ``ProfileRecord.model_json_schema()`` is its JSON Schema.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    city: str
    year: int
    code: str | None
    indicators: dict[str, IndicatorResult]
    elements: dict[KeyElement, ElementScore]


class Profile:
    """One city-year: every selected indicator's result.

    A Profile is a view over shared result arrays; create it with :func:`compute_profile`.
    """

    def __init__(self, results: Results, elements: ElementResults, row: int) -> None:
        self._results = results
        self._elements = elements
        self._row = row

    @property
    def city(self) -> str:
        """Name of the city or regency."""
        return self._results.table.identity(self._row)[0]

    @property
    def year(self) -> int:
        """Reporting year."""
        return self._results.table.identity(self._row)[1]

    @property
    def code(self) -> str | None:
        """Region code, as text, or ``None``."""
        return self._results.table.identity(self._row)[2]

    @property
    def row(self) -> int:
        """Position of this city-year in the input (0 for a single city-year)."""
        return self._row

    @property
    def table(self) -> Table:
        """The validated input table this city-year is a row of."""
        return self._results.table

    @cached_property
    def indicators(self) -> Mapping[str, IndicatorResult]:
        """Every selected indicator's result, keyed by clause, in clause order."""
        results, row = self._results, self._row
        out: dict[str, IndicatorResult] = {}
        for i, spec in enumerate(results.indicators):
            value = float(results.values[i, row])
            out[spec.clause] = IndicatorResult(
                clause=spec.clause,
                name=spec.name,
                value=None if np.isnan(value) else value,
                unit=spec.unit,
                status=STATUS_BY_CODE[int(results.status[i, row])],
                reason=results.reason(i, row),
            )
        return out

    @cached_property
    def elements(self) -> Mapping[KeyElement, ElementScore]:
        """Score of each of the three key elements, with coverage and contributions."""
        return self._elements.scores(self._row)

    @cached_property
    def warnings(self) -> tuple[QualityFlag, ...]:
        """Data-quality flags of this city-year: valid values that look wrong (see quality)."""
        return quality_flags(self._results.table, np.array([self._row], dtype=np.intp))

    def explain(self, element: KeyElement | str) -> str:
        """Show how one element's score was made: what entered, with what weight, and what not."""
        if element not in {e.value for e in KeyElement}:
            raise ArgumentError(
                f"explain() takes a key element: {', '.join(repr(e.value) for e in KeyElement)}"
                f", not {element!r}"
            )
        return self._elements.explain(element, self._row)

    def __getitem__(self, key: str) -> IndicatorResult:
        """Return the result of one indicator, by clause (``"18.1"``) or name."""
        if key in self.indicators:
            return self.indicators[key]
        clause = CATALOGUE.by_name(key).clause if key not in CATALOGUE else key
        if clause not in self.indicators:
            raise UnknownIndicatorError(f"indicator {clause} was not computed (see indicators=)")
        return self.indicators[clause]

    def __repr__(self) -> str:
        """Summarise the profile."""
        counts = dict.fromkeys(Status, 0)
        for result in self.indicators.values():
            counts[result.status] += 1
        summary = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        return f"<Profile {self.city} {self.year}: {summary}>"

    def _repr_html_(self) -> str:
        """Show the profile in a notebook: element scores and statuses per theme."""
        from iso37122.report.notebook import profile_html

        return profile_html(self)

    def plot(self, *, ax: Any = None, lang: str = "en") -> Any:
        """Plot the three element scores with their coverage; return the matplotlib Axes.

        Needs matplotlib (``pip install 'iso37122[report]'``). See
        :func:`iso37122.report.notebook.plot_profile`.
        """
        from iso37122.report.notebook import plot_profile

        return plot_profile(self, ax=ax, lang=lang)

    def to_frame(self, *, lang: str = "en") -> pd.DataFrame:
        """Return one row per indicator, indexed by clause.

        ``lang="id"`` gives Indonesian headings, titles, themes, statuses, reasons and units
        (see :func:`iso37122.i18n.localise_frame`); values keep full precision.
        """
        records = []
        for result in self.indicators.values():
            spec = CATALOGUE[result.clause]
            records.append(
                {
                    "clause": result.clause,
                    "name": result.name,
                    "title": spec.title,
                    "theme": spec.theme.value,
                    "value": result.value,
                    "unit": result.unit,
                    "status": result.status.value,
                    "reason": result.reason,
                }
            )
        frame = pd.DataFrame.from_records(records)
        frame["value"] = frame["value"].astype(float)
        return _in_language(frame.set_index("clause"), lang)

    def to_record(self) -> ProfileRecord:
        """Return the profile as a :class:`ProfileRecord`, the model of the JSON output."""
        return ProfileRecord(
            city=self.city,
            year=self.year,
            code=self.code,
            indicators=dict(self.indicators),
            elements=dict(self.elements),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the profile as plain, JSON-ready data (see :class:`ProfileRecord`)."""
        return self.to_record().model_dump(mode="json")

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the profile as JSON, valid against ``ProfileRecord.model_json_schema()``."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


class ProfileSet(Sequence[Profile]):
    """Many city-years, in input-row order; a thin view over columnar results.

    Indexing by position gives a :class:`Profile`; :meth:`get` looks one up by identity.
    No Python object is built per city and indicator unless asked for.
    """

    def __init__(self, results: Results, elements: ElementResults) -> None:
        self._results = results
        self._elements = elements

    @property
    def results(self) -> Results:
        """The underlying columnar results."""
        return self._results

    @property
    def elements(self) -> ElementResults:
        """The columnar key-element scores."""
        return self._elements

    @property
    def table(self) -> Table:
        """The validated input table."""
        return self._results.table

    @cached_property
    def warnings(self) -> tuple[QualityFlag, ...]:
        """Data-quality flags of every city-year, by row (see :mod:`iso37122.quality`)."""
        return quality_flags(self._results.table)

    def __len__(self) -> int:
        """Return the number of city-years."""
        return self._results.table.n_rows

    @overload
    def __getitem__(self, index: int) -> Profile: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Profile]: ...

    def __getitem__(self, index: int | slice) -> Profile | Sequence[Profile]:
        """Return the profile at a position (or a list of them for a slice)."""
        n = len(self)
        if isinstance(index, slice):
            return [Profile(self._results, self._elements, row) for row in range(n)[index]]
        if not -n <= index < n:
            raise IndexError(f"profile index {index} is out of range for {n} city-years")
        return Profile(self._results, self._elements, index % n)

    def __iter__(self) -> Iterator[Profile]:
        """Iterate over profiles in input-row order."""
        for row in range(len(self)):
            yield Profile(self._results, self._elements, row)

    def __repr__(self) -> str:
        """Summarise the set."""
        return (
            f"<ProfileSet of {len(self)} city-years x {len(self._results.indicators)} indicators>"
        )

    def _repr_html_(self) -> str:
        """Show the set in a notebook: one row per city-year with its element scores."""
        from iso37122.report.notebook import profile_set_html

        return profile_set_html(self)

    def get(self, key: str, year: int) -> Profile:
        """Return the profile of one city-year, by region code or city name, and year.

        Raises
        ------
        KeyError
            If no row has that identity.
        """
        table = self._results.table
        match = (table.year == year) & ((table.code == key) | (table.city == key))
        rows = np.flatnonzero(match)
        if rows.size == 0:
            raise KeyError(f"no city-year with code or city {key!r} and year {year}")
        if rows.size > 1:
            raise KeyError(f"{key!r} {year} matches {rows.size} rows; look it up by code")
        return Profile(self._results, self._elements, int(rows[0]))

    def to_frame(
        self,
        kind: Literal["long", "wide"] = "long",
        *,
        columns: Literal["clause", "name"] = "clause",
        lang: str = "en",
    ) -> pd.DataFrame:
        """Return the results as a DataFrame.

        Parameters
        ----------
        kind
            ``"long"``: one row per city-year and indicator, with columns ``city``, ``year``,
            ``code``, ``clause``, ``name``, ``value``, ``unit``, ``status``, ``reason``.
            ``"wide"``: one row per city-year, with ``city``, ``year``, ``code``, one value
            column per indicator, then per key element its score, coverage and counts
            (``livable_score``, ``livable_coverage`` …).
        columns
            For ``"wide"``: name value columns by clause (default) or by indicator name.
        lang
            ``"id"`` gives Indonesian headings and words (titles, statuses, reasons, units as
            people read them); values keep full precision. Default ``"en"``: the
            machine-readable frame described here.

        Returns
        -------
        pandas.DataFrame
            The frame; the rows keep the input order.
        """
        results = self._results
        table = results.table
        n, m = table.n_rows, len(results.indicators)
        if kind == "wide":
            frame = pd.DataFrame(
                {"city": table.city, "year": table.year, "code": table.code}, copy=True
            )
            labels = [getattr(spec, columns) for spec in results.indicators]
            values = pd.DataFrame(results.values.T, columns=labels)
            elements = self._elements.to_frame().drop(columns=["city", "year", "code"])
            return _in_language(pd.concat([frame, values, elements], axis=1), lang)
        if kind != "long":
            raise ValueError(f"kind must be 'long' or 'wide', not {kind!r}")
        # Repeated labels are categoricals: the long frame of 100 000 city-years holds 8
        # million rows, and one string object per cell would dominate its cost.
        specs = results.indicators
        reasons = np.full((m, n), None, dtype=object)
        for i in range(m):
            rows, texts = results.reason_cells(i)
            reasons[i, rows] = texts
        row_codes = np.repeat(np.arange(n), m)
        indicator_codes = np.tile(np.arange(m), n)

        def per_row(labels: ObjectArray) -> pd.Categorical:
            codes, uniques = pd.factorize(pd.Series(labels, dtype=object), use_na_sentinel=True)
            return pd.Categorical.from_codes(codes[row_codes], categories=uniques)

        def per_indicator(labels: list[str]) -> pd.Categorical:
            codes, uniques = pd.factorize(pd.Series(labels, dtype=object))
            return pd.Categorical.from_codes(codes[indicator_codes], categories=uniques)

        long = pd.DataFrame(
            {
                "city": per_row(table.city),
                "year": np.repeat(table.year, m),
                "code": per_row(table.code),
                "clause": per_indicator([s.clause for s in specs]),
                "name": per_indicator([s.name for s in specs]),
                "value": results.values.T.reshape(-1),
                "unit": per_indicator([s.unit for s in specs]),
                "status": pd.Categorical.from_codes(
                    results.status.T.reshape(-1).astype(np.int64),
                    categories=pd.Index([s.value for s in STATUS_BY_CODE]),
                ),
                "reason": reasons.T.reshape(-1),
            }
        )
        return _in_language(long, lang)


def _in_language(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if lang == "en":
        return frame
    from iso37122.i18n import localise_frame

    return localise_frame(frame, lang)


def _config(config: object) -> RollupConfig | None:
    """Accept a RollupConfig, None, or a mapping validated into a RollupConfig."""
    if config is None or isinstance(config, RollupConfig):
        return config
    if isinstance(config, Mapping):
        return RollupConfig.model_validate(dict(config))
    raise ArgumentError(
        f"config= takes a RollupConfig or a mapping of its fields, not {type(config).__name__}"
    )


@overload
def compute_profile(
    data: CityDataBase | Mapping[str, object],
    *,
    config: RollupConfig | Mapping[str, Any] | None = ...,
    strict: bool = ...,
    indicators: IndicatorKeys = ...,
    units: Mapping[str, str] | None = ...,
    extra: Extra = ...,
) -> Profile: ...


@overload
def compute_profile(
    data: pd.DataFrame | Sequence[Mapping[str, object] | CityDataBase],
    *,
    config: RollupConfig | Mapping[str, Any] | None = ...,
    strict: bool = ...,
    indicators: IndicatorKeys = ...,
    units: Mapping[str, str] | None = ...,
    extra: Extra = ...,
) -> ProfileSet: ...


def compute_profile(
    data: CityDataBase
    | Mapping[str, object]
    | pd.DataFrame
    | Sequence[Mapping[str, object] | CityDataBase],
    *,
    config: RollupConfig | Mapping[str, Any] | None = None,
    strict: bool = False,
    indicators: IndicatorKeys = None,
    units: Mapping[str, str] | None = None,
    extra: Extra = "forbid",
) -> Profile | ProfileSet:
    """Compute ISO 37122 indicators for one city-year or for many.

    Parameters
    ----------
    data
        One city-year as a :class:`~iso37122.CityData` or a mapping (gives a
        :class:`Profile`); or many as a wide DataFrame or a list of mappings / ``CityData``
        (gives a :class:`ProfileSet`). A DataFrame has columns ``city``, ``year``, optional
        ``code`` and one column per variable, in its canonical unit, in ``units`` or with the
        unit in the header (``"land_area [ha]"``).
    config
        How indicators are scored and rolled up into the three key elements, as a
        ``RollupConfig`` or a mapping of its fields (validated by
        ``RollupConfig.model_validate``; default:
        :class:`~iso37122.rollup.RollupConfig` defaults: goalposts, equal weights, arithmetic
        mean, the library's default element mapping).
    strict
        Raise one :class:`~iso37122.errors.DataError` listing every data problem: every bad
        value and every broken constraint (a part above its whole). By default a bad value
        or a broken constraint makes the indicators concerned ``invalid`` and all others are
        computed.
    indicators
        Clauses, names or themes to compute (default: all).
    units
        Units of variables given in another unit than the canonical one.
    extra
        ``"forbid"`` (default) raises on unknown columns or keys; ``"ignore"`` drops them.

    Returns
    -------
    Profile or ProfileSet
        The results, with every selected indicator present whatever its status.

    Raises
    ------
    DataError
        Structural problems always (unknown column, duplicate city-year, missing identity);
        bad values with ``strict=True``.
    UnitError
        A unit of the wrong dimension.

    Examples
    --------
    >>> p = compute_profile({"city": "Kota Contoh", "year": 2024, "population": 200_000,
    ...                      "population_with_fast_broadband": 150_000})
    >>> p["18.1"].value, p["18.1"].status.value
    (75.0, 'computed')
    >>> p["5.3"].reason
    'not reported: ict_employed, labour_force'
    """
    check_indicators(indicators)
    config = _config(config)
    specs = CATALOGUE.select(indicators)
    check_options(units=units, strict=strict, extra=extra)
    table = to_table(data, units=units, strict=False, extra=extra)
    results = evaluate(table, specs)
    if strict:
        problems = [*table.problems, *results.constraint_problems()]
        if problems:
            raise_problems(problems)
    elements = roll_up(results, config)
    if isinstance(data, CityDataBase | Mapping):
        return Profile(results, elements, 0)
    return ProfileSet(results, elements)
