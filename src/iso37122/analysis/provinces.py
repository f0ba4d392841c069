"""Roll kab/kota up to provinces (or any grouping): indicator values, then element scores.

**How a province's indicator value is made.** Every ISO 37122 indicator of this library is a
formula over *totals* — counts, quantities, money and summed durations — such as
``100 * part / whole`` or ``total_time / items``. Such totals add up over areas, so the value
a province would get if it reported as one city is the formula applied to the **sums of its
kab/kota's inputs**. That is what is computed, per indicator, over the kab/kota that report
*every* input of that indicator (so that a numerator and its denominator always cover the same
kab/kota): the province value of "share of the population with fast broadband" is
``100 * sum(covered) / sum(population)`` over the reporting kab/kota, not a mean of their
percentages. An indicator with an input that does not add up over areas, or one the caller
lists in ``weighted``, is the **population-weighted mean** (by the ``weight`` variable) of
the members' values instead. :attr:`ProvinceSet.methods` states the method of each indicator
and :attr:`ProvinceSet.reporting` how many kab/kota (and what share of the weight) each value
rests on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122._typing import FloatArray, IntArray
from iso37122.analysis.identity import province_name, provinces_of
from iso37122.data import Table
from iso37122.engine import Results, Status, evaluate
from iso37122.errors import DataError
from iso37122.indicators import Indicator
from iso37122.profile import ProfileSet
from iso37122.rollup import RollupConfig, roll_up
from iso37122.variables import VARIABLES, Kind

__all__ = ["ADDITIVE_KINDS", "ProvinceSet", "aggregate", "aggregation_method"]

ADDITIVE_KINDS = frozenset({Kind.COUNT, Kind.QUANTITY, Kind.MONEY, Kind.DURATION})
"""Kinds of variables whose values add up over areas (totals over the reporting year)."""

SUMMED = "recomputed from summed inputs"
WEIGHTED = "population-weighted mean"


_COMPUTED = Status.COMPUTED.code
_MISSING = Status.MISSING.code


def aggregation_method(spec: Indicator, weighted: Iterable[str] = ()) -> tuple[str, str]:
    """Return how an indicator is aggregated over areas, and why.

    Examples
    --------
    >>> from iso37122 import catalogue
    >>> aggregation_method(catalogue()["18.1"])[0]
    'recomputed from summed inputs'
    >>> aggregation_method(catalogue()["18.1"], weighted=["18.1"])[1]
    'asked for (weighted=)'
    """
    if spec.clause in set(weighted):
        return WEIGHTED, "asked for (weighted=)"
    kinds = {VARIABLES[v].kind for v in spec.inputs}
    if kinds <= ADDITIVE_KINDS:
        return SUMMED, "every input is a total that adds up over areas"
    odd = sorted(v for v in spec.inputs if VARIABLES[v].kind not in ADDITIVE_KINDS)
    return WEIGHTED, f"inputs that do not add up over areas: {', '.join(odd)}"


class ProvinceSet(ProfileSet):
    """A :class:`~iso37122.ProfileSet` of province-years, with how each value was made.

    Attributes
    ----------
    methods
        One row per indicator: ``clause``, ``method`` (``"recomputed from summed inputs"``
        or ``"population-weighted mean"``) and ``why``.
    reporting
        One row per province-year and indicator: ``code``, ``year``, ``clause``,
        ``n_members`` (kab/kota in the data), ``n_reporting`` (those whose value entered) and
        ``weight_share`` (their share of the members' summed weight variable, NaN where it is
        not reported).
    """

    def __init__(
        self,
        results: Results,
        config: RollupConfig | None,
        methods: pd.DataFrame,
        reporting: pd.DataFrame,
    ) -> None:
        super().__init__(results, roll_up(results, config))
        self.methods = methods
        self.reporting = reporting


def _group_ids(table: Table, by: str | Sequence[object]) -> tuple[IntArray, list[str], list[str]]:
    """Group id of every row, and the code and name of each group (before the year split)."""
    if isinstance(by, str):
        if by != "province":
            raise DataError(f"by={by!r}: aggregate by 'province' or give one group label per row")
        missing = [str(table.city[r]) for r in range(table.n_rows) if table.code[r] is None]
        if missing:
            raise DataError(
                f"{len(missing)} rows have no region code, so their province is unknown "
                f"(e.g. {missing[0]!r}); give a 'code' column with Kemendagri or BPS codes"
            )
        labels = provinces_of(table.code).astype(str)
    else:
        labels = np.asarray([str(label) for label in by], dtype=object)
        if labels.size != table.n_rows:
            raise DataError(f"by has {labels.size} labels for {table.n_rows} rows")
    codes, inverse = np.unique(labels.astype(str), return_inverse=True)
    names = []
    for code in codes.tolist():
        named = province_name(code) if isinstance(by, str) else None
        names.append(named or str(code))
    return inverse.astype(np.int64), [str(c) for c in codes], names


def aggregate(
    profiles: ProfileSet,
    by: str | Sequence[object] = "province",
    *,
    weight: str = "population",
    weighted: Iterable[str] = (),
    config: RollupConfig | None = None,
) -> ProvinceSet:
    """Roll city-years up to province-years (or the caller's groups) and score them.

    Parameters
    ----------
    profiles
        Scored kab/kota-years with region codes.
    by
        ``"province"`` (from the first two digits of the Kemendagri or BPS code) or one group
        label per row (e.g. a column of the caller's frame).
    weight
        The variable that weights the members of population-weighted indicators.
    weighted
        Clauses to aggregate as weighted means even though their inputs add up.
    config
        Roll-up configuration of the province scores (default: the default roll-up).

    Returns
    -------
    ProvinceSet
        One profile per province-year (``city`` the province name, ``code`` its two digits),
        with :attr:`ProvinceSet.methods` and :attr:`ProvinceSet.reporting`.

    Raises
    ------
    DataError
        When a row has no region code (``by="province"``), a code is in neither style, or
        ``weight`` is no variable.
    """
    weighted = tuple(weighted)
    if weight not in VARIABLES:
        raise DataError(f"weight={weight!r} is not a variable id (e.g. 'population')")
    results = profiles.results
    table = results.table
    group, codes, names = _group_ids(table, by)
    years, year_id = np.unique(table.year, return_inverse=True)
    n_years = years.size
    cell = group * n_years + year_id
    n_cells = len(codes) * n_years
    present = np.bincount(cell, minlength=n_cells) > 0
    cells = np.flatnonzero(present)
    out_group, out_year = cells // n_years, years[cells % n_years]
    n_out = cells.size
    position = np.full(n_cells, -1, dtype=np.int64)
    position[cells] = np.arange(n_out)
    row_out = position[cell]

    def summed(values: FloatArray, rows: npt.NDArray[np.bool_]) -> FloatArray:
        total = np.asarray(np.bincount(row_out[rows], values[rows], minlength=n_out), float)
        return total

    members: IntArray = np.bincount(row_out, minlength=n_out).astype(np.int64)
    weights = table.column(weight)
    has_weight = ~np.isnan(weights)
    weight_total = summed(weights, has_weight)
    identity: dict[str, npt.NDArray[Any]] = {
        "city": np.array([names[g] for g in out_group.tolist()], dtype=object),
        "year": out_year.astype(np.int64),
        "code": np.array([codes[g] for g in out_group.tolist()], dtype=object),
    }
    specs = results.indicators
    values = np.full((len(specs), n_out), np.nan)
    status = np.full((len(specs), n_out), _MISSING, dtype=np.int8)
    detail = np.zeros((len(specs), n_out), dtype=np.int16)
    frames = []
    method_rows = []
    for i, spec in enumerate(specs):
        method, why = aggregation_method(spec, weighted)
        method_rows.append({"clause": spec.clause, "method": method, "why": why})
        computed = results.status[i] == _COMPUTED
        if method == WEIGHTED:
            computed &= has_weight
            reporting = np.bincount(row_out[computed], minlength=n_out)
            mass = summed(weights, computed)
            with np.errstate(invalid="ignore", divide="ignore"):
                mean = summed(results.values[i] * weights, computed) / mass
            ok = mass > 0
            values[i] = np.where(ok, mean, np.nan)
            status[i] = np.where(ok, _COMPUTED, _MISSING)
        else:
            reporting = np.bincount(row_out[computed], minlength=n_out)
            some = reporting > 0
            columns = {
                v: np.where(some, summed(table.column(v), computed), np.nan) for v in spec.inputs
            }
            one = evaluate(
                Table(identity["city"], identity["year"], identity["code"], columns), [spec]
            )
            values[i], status[i], detail[i] = one.values[0], one.status[0], one.detail[0]
        with np.errstate(invalid="ignore", divide="ignore"):
            share = summed(weights, computed & has_weight) / weight_total
        frames.append(
            pd.DataFrame(
                {
                    "code": identity["code"],
                    "year": identity["year"],
                    "clause": spec.clause,
                    "n_members": members,
                    "n_reporting": reporting,
                    "weight_share": share,
                }
            )
        )
    # The table shows each variable summed over the members that report it (for reading);
    # each indicator value above rests on its own, consistent set of members.
    shown = {
        v: np.where(
            np.bincount(row_out[~np.isnan(column)], minlength=n_out) > 0,
            summed(column, ~np.isnan(column)),
            np.nan,
        )
        for v, column in table.columns.items()
    }
    out_table = Table(identity["city"], identity["year"], identity["code"], shown)
    out = Results(table=out_table, indicators=specs, values=values, status=status, detail=detail)
    return ProvinceSet(out, config, pd.DataFrame(method_rows), pd.concat(frames, ignore_index=True))
