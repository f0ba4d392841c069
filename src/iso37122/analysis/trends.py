"""Change between two years, and each city-year's strengths and weaknesses.

A city is followed across years by its region code when it has one, else by its name.
A change is *better* or *worse* by the indicator's direction (the roll-up configuration's
direction, so an indicator made neutral there has no verdict); an element score is better
when it is higher. Element scores of peer-normalised indicators are relative to each year's
peers: a city can fall behind while its raw values improve, and both columns say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122._typing import BoolArray, FloatArray, IntArray
from iso37122.data import Table
from iso37122.engine import Status
from iso37122.indicators import Direction
from iso37122.rollup import ElementResults, Normalisation
from iso37122.rollup.normalisers import PeerGroups

__all__ = ["Change", "change", "strengths"]


_COMPUTED = Status.COMPUTED.code


@dataclass(frozen=True)
class Change:
    """The change of every city's indicators and element scores between two years.

    Attributes
    ----------
    from_year, to_year
        The years compared.
    indicators
        One row per city and indicator: ``city``, ``code``, ``clause``, ``name``, ``unit``,
        ``value_from``, ``value_to``, ``change`` (``value_to - value_from``),
        ``relative_change`` (in percent of ``value_from``; NaN when it is 0), ``verdict``
        (``"better"``, ``"worse"``, ``"unchanged"``, ``"no direction"`` or ``None`` without
        both values) and ``status`` (``"both years"``, ``"missing in <year>"``, ``"missing in
        both years"``, ``"no data for <year>"`` when the city has no row that year).
    elements
        One row per city and key element: ``city``, ``code``, ``element``, ``score_from``,
        ``score_to``, ``change``, ``verdict``, ``status`` as above (a score is missing when the
        element was not scored), and ``coverage_from``, ``coverage_to``.
    """

    from_year: int
    to_year: int
    indicators: pd.DataFrame
    elements: pd.DataFrame

    def __str__(self) -> str:
        """Summarise the verdicts per element and over indicators."""
        lines = [f"Change {self.from_year} → {self.to_year}"]
        for frame, label in ((self.elements, "element scores"), (self.indicators, "indicators")):
            counts = frame["verdict"].value_counts()
            shown = ", ".join(f"{int(n)} {verdict}" for verdict, n in counts.items())
            missing = int(frame["verdict"].isna().sum())
            lines.append(f"  {label}: {shown or 'none comparable'}; {missing} not comparable")
        return "\n".join(lines)


def _keys(table: Table) -> npt.NDArray[np.object_]:
    """Who each row is across years: its code when it has one, else its name."""
    return np.array(
        [
            f"code:{code}" if code is not None else f"city:{city}"
            for city, code in zip(table.city.tolist(), table.code.tolist(), strict=True)
        ],
        dtype=object,
    )


def _status(
    has_from: BoolArray,
    has_to: BoolArray,
    row_from: IntArray,
    row_to: IntArray,
    from_year: int,
    to_year: int,
) -> npt.NDArray[np.object_]:
    status = np.full(has_from.shape, "both years", dtype=object)
    status[~has_from] = f"missing in {from_year}"
    status[~has_to] = f"missing in {to_year}"
    status[~has_from & ~has_to] = "missing in both years"
    status[..., row_from < 0] = f"no data for {from_year}"
    status[..., row_to < 0] = f"no data for {to_year}"
    return status


def _verdict(delta: FloatArray, higher: BoolArray, neutral: BoolArray) -> npt.NDArray[np.object_]:
    verdict = np.full(delta.shape, None, dtype=object)
    known = ~np.isnan(delta)
    good = np.where(higher, delta > 0, delta < 0)
    bad = np.where(higher, delta < 0, delta > 0)
    verdict[known & good] = "better"
    verdict[known & bad] = "worse"
    verdict[known & (delta == 0)] = "unchanged"
    verdict[known & neutral] = "no direction"
    return verdict


def _take(array: FloatArray, rows: IntArray) -> FloatArray:
    """Columns ``rows`` of a (k, n) array, NaN where the row is -1 (no such city-year)."""
    taken: FloatArray = np.where(rows >= 0, array[:, np.maximum(rows, 0)], np.nan)
    return taken


def change(elements: ElementResults, from_year: int, to_year: int) -> Change:
    """Compare every city's indicators and element scores between two years.

    Parameters
    ----------
    elements
        Scored city-years (``ProfileSet.elements``).
    from_year, to_year
        The years to compare.

    Returns
    -------
    Change
        Frames of indicator and element changes, one row per city present in either year.
    """
    table = elements.results.table
    keys = _keys(table)
    in_from = np.flatnonzero(table.year == from_year)
    in_to = np.flatnonzero(table.year == to_year)
    cities = list(dict.fromkeys(keys[in_from].tolist() + keys[in_to].tolist()))
    position = {key: k for k, key in enumerate(cities)}
    row_from = np.full(len(cities), -1, dtype=np.int64)
    row_to = np.full(len(cities), -1, dtype=np.int64)
    row_from[[position[k] for k in keys[in_from].tolist()]] = in_from
    row_to[[position[k] for k in keys[in_to].tolist()]] = in_to
    any_row = np.where(row_to >= 0, row_to, row_from)
    city, code = table.city[any_row], table.code[any_row]

    results = elements.results
    specs = results.indicators
    n_ind, n_city = len(specs), len(cities)
    value_from = _take(results.values, row_from)
    value_to = _take(results.values, row_to)
    delta = value_to - value_from
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(value_from != 0, 100.0 * delta / np.abs(value_from), np.nan)
    directions = [plan.direction for plan in elements.plans]
    higher = np.array([d is Direction.HIGHER_IS_BETTER for d in directions])[:, None]
    neutral = np.array([d is Direction.NEUTRAL for d in directions])[:, None]
    indicators = pd.DataFrame(
        {
            "city": np.tile(city, n_ind),
            "code": np.tile(code, n_ind),
            "clause": np.repeat([s.clause for s in specs], n_city),
            "name": np.repeat([s.name for s in specs], n_city),
            "unit": np.repeat([s.unit for s in specs], n_city),
            "value_from": value_from.reshape(-1),
            "value_to": value_to.reshape(-1),
            "change": delta.reshape(-1),
            "relative_change": relative.reshape(-1),
            "verdict": _verdict(delta, higher, np.broadcast_to(neutral, delta.shape)).reshape(-1),
            "status": _status(
                ~np.isnan(value_from), ~np.isnan(value_to), row_from, row_to, from_year, to_year
            ).reshape(-1),
        }
    )
    n_el = len(elements.elements)
    score_from = _take(elements.score, row_from)
    score_to = _take(elements.score, row_to)
    score_delta = score_to - score_from
    element_frame = pd.DataFrame(
        {
            "city": np.tile(city, n_el),
            "code": np.tile(code, n_el),
            "element": np.repeat([e.value for e in elements.elements], n_city),
            "score_from": score_from.reshape(-1),
            "score_to": score_to.reshape(-1),
            "change": score_delta.reshape(-1),
            "verdict": _verdict(
                score_delta, np.ones_like(score_delta, dtype=bool), np.zeros_like(score_delta, bool)
            ).reshape(-1),
            "status": _status(
                ~np.isnan(score_from), ~np.isnan(score_to), row_from, row_to, from_year, to_year
            ).reshape(-1),
            "coverage_from": _take(elements.coverage, row_from).reshape(-1),
            "coverage_to": _take(elements.coverage, row_to).reshape(-1),
        }
    )
    return Change(from_year, to_year, indicators, element_frame)


def strengths(elements: ElementResults, n: int = 3) -> pd.DataFrame:
    """Return each city-year's ``n`` best and ``n`` worst normalised indicators.

    The normalised score already places a value among its peers (peer-normalised indicators)
    or against fixed goalposts (percentages); the frame also gives the indicator's percentile
    among the same year's computed values (0 worst, 100 best, by its direction).

    Returns
    -------
    pandas.DataFrame
        Columns ``city``, ``year``, ``code``, ``kind`` (``"strength"`` / ``"weakness"``),
        ``rank`` (1 = the best strength or the worst weakness), ``clause``, ``name``,
        ``element``, ``score``, ``percentile``; rows by city-year in input order.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    table = elements.results.table
    normalised = elements.normalised
    n_ind, n_rows = normalised.shape
    specs = elements.results.indicators
    parts = []
    chunk = 65_536
    for start in range(0, n_rows, chunk):
        block = normalised[:, start : start + chunk]
        scored = ~np.isnan(block)
        for kind, order_key in (("strength", -block), ("weakness", block)):
            key = np.where(scored, order_key, np.inf)
            order = np.argsort(key, axis=0, kind="stable")[:n]
            picked = np.take_along_axis(scored, order, axis=0)
            rank, col = np.nonzero(picked)
            ind = order[rank, col]
            rows = start + col
            parts.append(
                pd.DataFrame(
                    {
                        "row": rows,
                        "kind": kind,
                        "rank": rank + 1,
                        "i": ind,
                        "score": block[ind, col],
                    }
                )
            )
    if n_ind == 0 or not parts:
        frame = pd.DataFrame({"row": [], "kind": [], "rank": [], "i": [], "score": []})
    else:
        frame = pd.concat(parts, ignore_index=True)
    frame = frame.sort_values(["row", "kind", "rank"], kind="stable", ignore_index=True)
    rows = frame["row"].to_numpy(dtype=np.int64)
    i = frame["i"].to_numpy(dtype=np.int64)
    percentile = np.full(rows.size, np.nan)
    # One indicator at a time, so that no (indicators, rows) array is built.
    for k in np.unique(i).tolist():
        at = i == k
        percentile[at] = _year_percentile(elements, k)[rows[at]]
    return pd.DataFrame(
        {
            "city": table.city[rows],
            "year": table.year[rows],
            "code": table.code[rows],
            "kind": frame["kind"].to_numpy(),
            "rank": frame["rank"].to_numpy(dtype=np.int64),
            "clause": np.array([s.clause for s in specs], dtype=object)[i],
            "name": np.array([s.name for s in specs], dtype=object)[i],
            "element": np.array([m.value for m in elements.membership], dtype=object)[i],
            "score": frame["score"].to_numpy(dtype=float),
            "percentile": percentile,
        }
    )


def _year_percentile(elements: ElementResults, i: int) -> FloatArray:
    """Percentile (0 worst … 100 best) of indicator ``i``'s values among the same year's."""
    results = elements.results
    plan = elements.plans[i]
    if plan.direction is Direction.NEUTRAL:
        return np.full(results.table.n_rows, np.nan)
    years, group = np.unique(results.table.year, return_inverse=True)
    groups = PeerGroups(group.astype(np.int64), tuple(f"year {int(y)}" for y in years))
    valid = results.status[i] == Status.COMPUTED.code
    values = np.where(valid, results.values[i], 0.0)
    rank = replace(plan, normalisation=Normalisation.RANK, winsorise=0.0, min_peers=2)
    found = Normalisation.RANK.normaliser.progress(values, valid, rank, groups)
    percentile: FloatArray = 100.0 * found.progress
    return percentile
