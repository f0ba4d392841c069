"""Results of the roll-up: element scores per row as arrays, and per-row explanations."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.analysis.identity import key_element
from iso37122.elements import KeyElement
from iso37122.engine import Results, Status
from iso37122.indicators import Direction
from iso37122.rollup.aggregation import Aggregation
from iso37122.rollup.config import IndicatorPlan, RollupConfig
from iso37122.rollup.normalisers import LeftOut, Normalisation
from iso37122.text import explain_element, fmt_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Contribution", "ElementResults", "ElementScore", "Memo"]

Memo = dict[Hashable, str | None]
"""Texts already made, kept by a caller across calls of the ``*_codes`` methods."""


def _coded(
    keys: IntArray,
    memo: Memo,
    memo_key: Callable[[int, int], Hashable],
    explain: Callable[[int], str | None],
) -> tuple[IntArray, list[str | None]]:
    """Codes of rows by key, and one text per key: from ``memo``, else explained once.

    ``memo_key(key, j)`` names the text of ``key`` (first met in row ``j``) across calls.
    """
    unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    texts: list[str | None] = []
    for key, j in zip(unique.tolist(), first.tolist(), strict=True):
        name = memo_key(key, j)
        if name not in memo:
            memo[name] = explain(j)
        texts.append(memo[name])
    codes: IntArray = inverse.reshape(-1).astype(np.int64)
    return codes, texts


class Contribution(BaseModel):
    """One indicator's part in one element score of one city-year.

    Attributes
    ----------
    clause, name
        The indicator.
    raw_value
        Its value in :attr:`unit`, or ``None`` when not computed.
    unit
        The indicator's unit.
    status
        Whether it was computed, and if not why not (missing, invalid, undefined).
    direction
        The direction used for scoring.
    reference
        What the value was scored against (goalposts, target, peers), when it was scored.
    score
        Normalised score on the configured scale (0–100 by default), or ``None``.
    band
        For ``bands``: the band 1–4 (``None`` otherwise).
    weight
        Its weight within the element.
    included
        Whether it entered the element's score.
    reason
        Why it was left out (``None`` when included).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    clause: str
    name: str
    raw_value: float | None
    unit: str
    status: Status
    direction: Direction
    reference: str | None
    score: float | None
    band: int | None
    weight: float
    included: bool
    reason: str | None


class ElementScore(BaseModel):
    """The score of one key element for one city-year, and everything that made it.

    Attributes
    ----------
    element
        The key element.
    score
        Score on the configured scale (0–100 by default), or ``None`` when too few of the
        element's indicators were scored (see :attr:`reason`).
    coverage
        ``n_scored / n_total`` (0 when the element has no scorable indicator).
    n_scored
        Indicators that entered the score.
    n_total
        The element's indicators that the configuration can score (an indicator it leaves out
        whatever the data is listed in :attr:`contributions` but not counted).
    min_coverage
        The coverage needed for a score.
    normalisation, aggregation
        The methods used.
    reason
        Why there is no score (``None`` when there is one).
    contributions
        Every indicator of the element, included or not, in clause order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    element: KeyElement
    score: float | None
    coverage: float
    n_scored: int
    n_total: int
    min_coverage: float
    normalisation: Normalisation
    aggregation: Aggregation
    reason: str | None
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True, eq=False)
class ElementResults:
    """Element scores of every row of a :class:`~iso37122.engine.Results`, as arrays.

    Attributes
    ----------
    results
        The indicator results rolled up.
    config
        The configuration used.
    elements
        The key elements, in the order of the first axis of the element arrays.
    score
        float64 (3, rows): element scores, NaN where not scored.
    coverage
        float64 (3, rows): share of each element's scorable indicators that were scored.
    n_scored
        int64 (3, rows): indicators that entered each score.
    n_total
        int64 (3,): scorable indicators of each element.
    normalised
        float64 (indicators, rows): normalised scores, NaN where an indicator was left out
        (made from ``normalised_by`` on first access when that is a function).
    normalised_by
        The normalised scores, or a function returning them (the roll-up does not keep the
        matrix, which it needs one row at a time, and makes it again when it is read).
    bands
        int64 (indicators, rows): the band 1–4 under ``bands`` (0 elsewhere or when unscored).
    left_out
        int8 (indicators, rows): 0 where scored, else a code of why not (see :meth:`reason`).
    weights
        float64 (indicators,): each indicator's weight.
    membership
        The key element of each indicator.
    plans
        How each indicator is scored (see :meth:`RollupConfig.plan`).
    groups
        int64 (rows,): each row's peer group (all 0 for fixed-reference methods).
    group_labels
        A label for each peer group (``"year 2024"``).
    pooled
        Per indicator (by position), the rows scored against the peers of every year because
        fewer than ``min_peers`` of their own year's peers report it (open-ended indicators
        under the default ``peer_by="year"`` only; absent when none).
    """

    results: Results
    config: RollupConfig
    elements: tuple[KeyElement, ...]
    score: FloatArray
    coverage: FloatArray
    n_scored: IntArray
    n_total: IntArray
    normalised_by: FloatArray | Callable[[], FloatArray]
    bands: IntArray
    left_out: Int8Array
    weights: FloatArray
    membership: tuple[KeyElement, ...]
    plans: tuple[IndicatorPlan, ...]
    groups: IntArray
    group_labels: tuple[str, ...]
    pooled: Mapping[int, BoolArray] = field(default_factory=dict)

    @cached_property
    def normalised(self) -> FloatArray:
        """float64 (indicators, rows): normalised scores, NaN where an indicator was left out."""
        source = self.normalised_by
        return source if isinstance(source, np.ndarray) else source()

    @property
    def n_rows(self) -> int:
        """Number of rows (city-years)."""
        return self.results.table.n_rows

    def _check_row(self, row: int) -> int:
        if not -self.n_rows <= row < self.n_rows:
            raise IndexError(f"row {row} out of range for {self.n_rows} rows")
        return row % self.n_rows

    def reason(self, i: int, row: int) -> str | None:
        """Why indicator ``i`` has no normalised score in ``row`` (``None`` when it has one)."""
        row = self._check_row(row)
        code = int(self.left_out[i, row])
        if code == LeftOut.SCORED:
            return None
        if code == LeftOut.BY_CONFIG:
            return self.plans[i].reason
        if code == LeftOut.NOT_COMPUTED:
            status = self.results.status_of(i, row)
            return f"not computed ({status.value}): {self.results.reason(i, row)}"
        return self._peer_reason(i, row, code, self._peers(i, row).size)

    def _peer_reason(self, i: int, row: int, code: int, n_peers: int) -> str:
        """Return the reason of a cell left out by its peer group of ``n_peers`` values."""
        label = self.group_labels[int(self.groups[row])]
        plan = self.plans[i]
        method = plan.normalisation.value
        if code == LeftOut.PEER_FEW:
            return (
                f"open-ended, scored against its peers, but only {n_peers} city-year(s) in "
                f"its peer group ({label}) report it and {plan.min_peers} are needed; "
                f"give goalposts={{{plan.clause!r}: (low, high)}} to score it alone"
            )
        if code == LeftOut.PEER_ALONE:
            return (
                f"no peer to compare with: only this city-year in its peer group ({label}) has "
                f"a value, and {method} needs at least two"
            )
        value = float(self.results.values[i, row])
        unit = self.results.indicators[i].unit
        return (
            f"all {n_peers} city-years in its peer group ({label}) have the same value "
            f"({fmt_number(value)} {unit}): {method} is undefined without spread"
        )

    # ----------------------------------------------------------------------------------------
    # The texts of many rows at once, each distinct text made once (for the JSON writers)
    # ----------------------------------------------------------------------------------------

    def reference_codes(
        self, i: int, start: int, stop: int, memo: Memo
    ) -> tuple[IntArray, list[str | None]]:
        """Return what indicator ``i`` was scored against in rows ``start:stop``, as codes.

        Parameters
        ----------
        i
            Position of the indicator.
        start, stop
            The rows.
        memo
            A dict that the caller keeps across calls on the same results: each distinct text
            is made once for all of them.

        Returns
        -------
        codes, texts
            ``texts[codes[k]]`` is the ``reference`` of the contribution of indicator ``i`` in
            row ``start + k`` (see :meth:`element_score`): ``None`` where it was not scored.
            Rows of one peer group share one text.
        """
        included = self.left_out[i, start:stop] == LeftOut.SCORED
        keys = self.groups[start:stop] * 2 + self._pooled_rows(i, start, stop)
        keys = np.where(included, keys, -1)

        def explain(j: int) -> str | None:
            return self._reference(i, start + j) if included[j] else None

        return _coded(keys, memo, lambda key, j: ("reference", i, key), explain)

    def reason_codes(
        self, i: int, start: int, stop: int, reasons: npt.NDArray[np.integer[Any]], memo: Memo
    ) -> tuple[IntArray, list[str | None]]:
        """Why indicator ``i`` has no normalised score in rows ``start:stop``, as codes of texts.

        Parameters
        ----------
        i
            Position of the indicator.
        start, stop
            The rows.
        reasons
            For each of these rows, a code of the indicator's own reason
            (:meth:`Results.reason <iso37122.engine.Results.reason>`): equal codes for equal
            reasons, the same codes in every call that shares ``memo``.
        memo
            A dict that the caller keeps across calls on the same results.

        Returns
        -------
        codes, texts
            ``texts[codes[k]]`` is :meth:`reason` of indicator ``i`` in row ``start + k``.
        """
        code = self.left_out[i, start:stop].astype(np.int64)
        status = self.results.status[i, start:stop].astype(np.int64)
        groups = self.groups[start:stop]
        values = self.results.values[i, start:stop]
        sub = np.zeros_like(code)
        own = code == LeftOut.NOT_COMPUTED
        sub[own] = reasons[own].astype(np.int64) * 4 + status[own]
        peer = (code == LeftOut.PEER_FEW) | (code == LeftOut.PEER_ALONE)
        sub[peer] = groups[peer] * 2 + self._pooled_rows(i, start, stop)[peer]
        flat = code == LeftOut.PEER_NO_SPREAD
        if flat.any():
            # The sentence names the cell's own value: one per group and value.
            _, value_ids = np.unique(values[flat], return_inverse=True)
            sub[flat] = value_ids.astype(np.int64) * len(self.group_labels) + groups[flat]
        keys = code + 8 * sub
        n_peers: dict[tuple[int, int], int] = {}

        def memo_key(key: int, j: int) -> tuple[object, ...]:
            if code[j] == LeftOut.PEER_NO_SPREAD:
                return ("reason", i, int(code[j]), int(groups[j]), float(values[j]))
            return ("reason", i, key)

        def explain(j: int) -> str | None:
            kind = int(code[j])
            if kind in (LeftOut.PEER_FEW, LeftOut.PEER_ALONE, LeftOut.PEER_NO_SPREAD):
                row = start + j
                group = (int(groups[j]), int(self._is_pooled(i, row)))
                if group not in n_peers:
                    n_peers[group] = self._peers(i, row).size
                return self._peer_reason(i, row, kind, n_peers[group])
            return self.reason(i, start + j)

        return _coded(keys, memo, memo_key, explain)

    def element_reason_codes(
        self, e: int, start: int, stop: int, memo: Memo
    ) -> tuple[IntArray, list[str | None]]:
        """Why element ``e`` has no score in rows ``start:stop``, as codes of texts.

        ``texts[codes[k]]`` is the ``reason`` of the element's score in row ``start + k``
        (``None`` where it has a score); ``memo`` as in :meth:`reason_codes`.
        """
        keys = np.where(np.isnan(self.score[e, start:stop]), self.n_scored[e, start:stop], -1)

        def explain(j: int) -> str | None:
            return self._element_reason(e, start + j)

        return _coded(keys, memo, lambda key, j: ("element", e, key), explain)

    def _pooled_rows(self, i: int, start: int, stop: int) -> IntArray:
        found = self.pooled.get(i)
        if found is None:
            return np.zeros(stop - start, dtype=np.int64)
        return found[start:stop].astype(np.int64)

    def _is_pooled(self, i: int, row: int) -> bool:
        found = self.pooled.get(i)
        return found is not None and bool(found[row])

    def _peers(self, i: int, row: int) -> FloatArray:
        """Values of indicator ``i`` in the peer group of ``row`` (computed rows only)."""
        same = (self.groups == self.groups[row]) | self._is_pooled(i, row)
        same &= self.results.status[i] == Status.COMPUTED.code
        peers: FloatArray = self.results.values[i, same]
        return peers

    @cached_property
    def _references(self) -> dict[tuple[int, int, bool], str]:
        """:meth:`_reference` texts made so far, by indicator, peer group and pooling."""
        return {}

    def _reference(self, i: int, row: int) -> str:
        """Describe what the value of indicator ``i`` in ``row`` was scored against.

        The text depends on the row only through its peer group (and whether it was scored
        against every year's values), so it is made once per group: the profiles of a set
        share it instead of each finding its peers and their quantiles again.
        """
        group, pooled = int(self.groups[row]), self._is_pooled(i, row)
        found = self._references.get((i, group, pooled))
        if found is not None:
            return found
        plan = self.plans[i]
        label = self.group_labels[group]
        if pooled:
            label = f"all years: too few in {label}"
        unit = self.results.indicators[i].unit
        text = plan.normalisation.normaliser.describe(plan, unit, self._peers(i, row), label)
        self._references[(i, group, pooled)] = text
        return text

    def element_score(self, element: KeyElement | str, row: int) -> ElementScore:
        """Return one element's score for one row, with every indicator's contribution.

        Parameters
        ----------
        element
            The key element (or its name in any case, ``"Green"``).
        row
            Position of the row in the input.

        Returns
        -------
        ElementScore
            The score, coverage, and one contribution per indicator of the element.
        """
        element = key_element(element)
        row = self._check_row(row)
        e = self.elements.index(element)
        results = self.results
        contributions = []
        for i, spec in enumerate(results.indicators):
            if self.membership[i] is not element:
                continue
            code = int(self.left_out[i, row])
            included = code == LeftOut.SCORED
            value = float(results.values[i, row])
            score = float(self.normalised[i, row])
            band = int(self.bands[i, row])
            contributions.append(
                Contribution(
                    clause=spec.clause,
                    name=spec.name,
                    raw_value=None if math.isnan(value) else value,
                    unit=spec.unit,
                    status=results.status_of(i, row),
                    direction=self.plans[i].direction,
                    reference=self._reference(i, row) if included else None,
                    score=score if included else None,
                    band=band if included and band else None,
                    weight=float(self.weights[i]),
                    included=included,
                    reason=self.reason(i, row),
                )
            )
        value = float(self.score[e, row])
        return ElementScore(
            element=element,
            score=None if math.isnan(value) else value,
            coverage=float(self.coverage[e, row]),
            n_scored=int(self.n_scored[e, row]),
            n_total=int(self.n_total[e]),
            min_coverage=self.config.min_coverage,
            normalisation=self.config.normalisation,
            aggregation=self.config.aggregation,
            reason=self._element_reason(e, row),
            contributions=tuple(contributions),
        )

    def _element_reason(self, e: int, row: int) -> str | None:
        if not math.isnan(float(self.score[e, row])):
            return None
        n_total = int(self.n_total[e])
        n_scored = int(self.n_scored[e, row])
        if n_total == 0:
            return "none of the element's indicators can be scored by this configuration"
        if n_scored == 0:
            return f"none of the element's {n_total} scorable indicators was scored"
        return (
            f"coverage {n_scored}/{n_total} = {100 * n_scored / n_total:.0f} % is below "
            f"min_coverage {100 * self.config.min_coverage:.0f} %"
        )

    def scores(self, row: int) -> dict[KeyElement, ElementScore]:
        """Return the three element scores of one row, keyed by element."""
        return {element: self.element_score(element, row) for element in self.elements}

    def explain(self, element: KeyElement | str, row: int) -> str:
        """Explain one element score of one row as a readable table.

        Every indicator that entered is listed with its raw value, normalised score, weight
        and share of the score; every indicator left out is listed with its reason.
        """
        found = self.element_score(element, row)
        row = self._check_row(row)
        table = self.results.table
        return explain_element(found, table.city[row], table.code[row], int(table.year[row]))

    def to_frame(self) -> pd.DataFrame:
        """Return one row per city-year: identity, then score, coverage and counts per element."""
        import pandas as pd

        table = self.results.table
        data: dict[str, Any] = {"city": table.city, "year": table.year, "code": table.code}
        for e, element in enumerate(self.elements):
            data[f"{element.value}_score"] = self.score[e]
            data[f"{element.value}_coverage"] = self.coverage[e]
            data[f"{element.value}_n_scored"] = self.n_scored[e]
            data[f"{element.value}_n_total"] = np.full(self.n_rows, self.n_total[e])
        return pd.DataFrame(data)
