"""The ``Profile`` / ``ProfileSet`` views over computed results (made by ``compute_profile``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, overload

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from iso37122._frames import long_frame
from iso37122.analysis.identity import find_row, key_element
from iso37122.data import Table
from iso37122.elements import KeyElement
from iso37122.engine import STATUS_BY_CODE, Results, Status
from iso37122.errors import UnknownIndicatorError
from iso37122.indicators import CATALOGUE
from iso37122.quality import QualityFlag, quality_flags
from iso37122.rollup import ElementResults, ElementScore, RollupConfig

if TYPE_CHECKING:
    pass

__all__ = [
    "ElementScores",
    "IndicatorResult",
    "Profile",
    "ProfileRecord",
    "ProfileSet",
]

if TYPE_CHECKING:
    from iso37122.analysis.improve import ImprovementPlan
    from iso37122.analysis.provinces import ProvinceSet
    from iso37122.analysis.trends import Change


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


class ElementScores(Mapping[KeyElement, ElementScore]):
    """The three element scores of a profile, by element or by its name in any case."""

    def __init__(self, scores: Mapping[KeyElement, ElementScore]) -> None:
        self._scores = dict(scores)

    def __getitem__(self, key: KeyElement | str) -> ElementScore:
        """Return one element's score (``UnknownElementError`` names the three)."""
        return self._scores[key_element(key)]

    def __iter__(self) -> Iterator[KeyElement]:
        """Iterate over the elements, in their national order."""
        return iter(self._scores)

    def __len__(self) -> int:
        """Return 3."""
        return len(self._scores)

    def __repr__(self) -> str:
        """Show the scores."""
        return repr(self._scores)


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

    @property
    def element_results(self) -> ElementResults:
        """The columnar element scores of the set this city-year is a row of."""
        return self._elements

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
    def elements(self) -> ElementScores:
        """Score of each of the three key elements, with coverage and contributions.

        Keyed by :class:`~iso37122.KeyElement`; a name in any case (``"Green"``) works too.
        """
        return ElementScores(self._elements.scores(self._row))

    @cached_property
    def warnings(self) -> tuple[QualityFlag, ...]:
        """Data-quality flags of this city-year: valid values that look wrong (see quality)."""
        return quality_flags(self._results.table, np.array([self._row], dtype=np.intp))

    def explain(self, element: KeyElement | str) -> str:
        """Show how one element's score was made: what entered, with what weight, and what not.

        ``element`` is a :class:`~iso37122.KeyElement` or its name in any case (``"Green"``).
        """
        return self._elements.explain(key_element(element), self._row)

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

    def __init__(
        self,
        results: Results,
        elements: ElementResults,
        provenance: pd.DataFrame | None = None,
    ) -> None:
        self._results = results
        self._elements = elements
        self._provenance = provenance

    @property
    def provenance(self) -> pd.DataFrame | None:
        """Source, quality and reference year of each input, where the file gave them."""
        return self._provenance

    def __eq__(self, other: object) -> bool:
        """Equal when every identity, value, status, reason and element score is equal.

        That is, when the two sets have the same roll-up configuration and the same record
        (:meth:`Profile.to_record`) for every city-year, in the same order. The records are
        compared as their JSON texts, made from the sets' arrays a chunk at a time; two texts
        that differ are compared again as parsed JSON, where ``0.0`` equals ``-0.0`` as the
        records' own equality has it.
        """
        if not isinstance(other, ProfileSet):
            return NotImplemented
        if other is self:
            return True
        mine, theirs = self.elements.config, other.elements.config
        if len(self) != len(other) or mine.model_dump(mode="json") != theirs.model_dump(
            mode="json"
        ):
            return False
        from iso37122.io._profilejson import record_lines

        return all(
            a == b or json.loads(a) == json.loads(b)
            for a, b in zip(record_lines(self), record_lines(other), strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # equality by value

    def to_csv(
        self,
        path: str | os.PathLike[str],
        *,
        kind: Literal["long", "wide"] = "long",
        lang: Literal["en", "id"] = "en",
    ) -> None:
        """Write a CSV file (see :func:`iso37122.io.writers.write_csv`)."""
        from iso37122.io.writers import write_csv

        write_csv(self, path, kind=kind, lang=lang)

    def to_excel(self, path: str | os.PathLike[str], *, lang: Literal["en", "id"] = "en") -> None:
        """Write an XLSX workbook, a sheet per view (needs the ``xlsx`` extra)."""
        from iso37122.io.writers import write_excel

        write_excel(self, path, lang=lang)

    def to_parquet(
        self, path: str | os.PathLike[str], *, kind: Literal["long", "wide"] = "long"
    ) -> None:
        """Write a Parquet file (needs the ``parquet`` extra)."""
        from iso37122.io.writers import write_parquet

        write_parquet(self, path, kind=kind)

    def to_json(self, path: str | os.PathLike[str] | None = None) -> str:
        """Return the whole set as one versioned JSON document, and write it to ``path``.

        ``iso37122.read_profiles`` reads it back into an equal ProfileSet.
        """
        from iso37122.io.writers import write_json

        return write_json(self, path)

    def to_jsonl(self, path: str | os.PathLike[str]) -> None:
        """Write one JSON object per city-year per line."""
        from iso37122.io.writers import write_jsonl

        write_jsonl(self, path)

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
    def __getitem__(self, index: int | tuple[str, int]) -> Profile: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Profile]: ...

    def __getitem__(self, index: int | slice | tuple[str, int]) -> Profile | Sequence[Profile]:
        """Return the profile at a position, of a ``(city or code, year)``, or a slice's list.

        Examples
        --------
        >>> from iso37122 import compute_profile
        >>> ps = compute_profile([{"city": "Kota Makassar", "code": "73.71", "year": 2024}])
        >>> ps[("Kota Makassar", 2024)].code, ps[("73.71", 2024)].city, ps[0].year
        ('73.71', 'Kota Makassar', 2024)
        """
        n = len(self)
        if isinstance(index, tuple):
            return self.get(*index)
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

    def row(self, key: str, year: int | None = None) -> int:
        """Return the position of a city-year, by region code or city name (any case).

        Raises
        ------
        UnknownCityError
            A ``KeyError`` naming the closest cities, or the years the city has.
        """
        return find_row(self._results.table, key, year)

    def get(self, key: str, year: int | None = None) -> Profile:
        """Return the profile of one city-year, by region code or city name, and year.

        The year may be left out when the city has one row. A code is matched exactly
        (``"73.71"`` is not ``"7371"``), a name ignoring case.

        Raises
        ------
        UnknownCityError
            A ``KeyError`` naming the closest cities and codes, or the years the city has.
        """
        return Profile(self._results, self._elements, self.row(key, year))

    def explain(self, element: KeyElement | str, key: str, year: int | None = None) -> str:
        """Explain one element score of one city-year (element name in any case)."""
        return self._elements.explain(key_element(element), self.row(key, year))

    def aggregate(
        self,
        by: str | Sequence[object] = "province",
        *,
        weight: str = "population",
        weighted: Sequence[str] = (),
        config: RollupConfig | None = None,
    ) -> ProvinceSet:
        """Roll kab/kota up to provinces: see :func:`iso37122.analysis.provinces.aggregate`."""
        from iso37122.analysis.provinces import aggregate

        return aggregate(self, by, weight=weight, weighted=weighted, config=config)

    def change(self, from_year: int, to_year: int) -> Change:
        """Compare every indicator and element score between two years.

        See :func:`iso37122.analysis.trends.change`.
        """
        from iso37122.analysis.trends import change

        return change(self._elements, from_year, to_year)

    def strengths(self, n: int = 3) -> pd.DataFrame:
        """Return each city-year's best and worst normalised indicators.

        See :func:`iso37122.analysis.trends.strengths`.
        """
        from iso37122.analysis.trends import strengths

        return strengths(self._elements, n)

    def improvement_plan(
        self,
        element: KeyElement | str,
        key: str,
        year: int | None = None,
        *,
        to: Literal["median", "best"] = "median",
    ) -> ImprovementPlan:
        """Plan what would raise one city-year's element score most, and what to collect.

        See :func:`iso37122.analysis.improve.improvement_plan`.
        """
        from iso37122.analysis.improve import improvement_plan

        return improvement_plan(self._elements, self.row(key, year), element, to=to)

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
            ``code``, ``clause``, ``name``, ``value``, ``unit``, ``status``, ``reason`` (every
            text column a categorical; ``reason`` is missing where the value was computed).
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
        # Every text column is a categorical built from codes (see iso37122._frames): the long
        # frame of 100 000 city-years holds 8 million rows.
        return _in_language(long_frame(results), lang)


def _in_language(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if lang == "en":
        return frame
    from iso37122.i18n import localise_frame

    return localise_frame(frame, lang)
