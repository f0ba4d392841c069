"""The roll-up itself: normalise every indicator, then aggregate each key element."""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from functools import cache, partial
from types import MappingProxyType

import numpy as np
import pandas as pd

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.analysis.identity import provinces_of, regency_kinds
from iso37122.data import Table
from iso37122.elements import KeyElement
from iso37122.engine import Results, Status
from iso37122.errors import ConfigError, DataError
from iso37122.indicators import Indicator
from iso37122.rollup.aggregation import RunningMean
from iso37122.rollup.config import IndicatorPlan, PeerBy, RollupConfig
from iso37122.rollup.normalisers import LeftOut, Normalisation, PeerGroups
from iso37122.rollup.results import ElementResults

__all__ = [
    "COVERAGE_TOLERANCE",
    "default_config",
    "normalised_matrix",
    "peer_groups",
    "plans_of",
    "roll_up",
    "scored_needed",
]

COVERAGE_TOLERANCE = 1e-9
"""Slack of the coverage test ``scored >= min_coverage * total``, so that a third of 3
indicators (1 >= 0.333… * 3) counts as a third whatever the rounding of ``min_coverage``."""


def scored_needed(total: int, min_coverage: float) -> int:
    """How many of an element's ``total`` scorable indicators must be scored to score it.

    At least one, and ``min_coverage`` of them, within :data:`COVERAGE_TOLERANCE` (so that,
    e.g., 1 of 2 indicators meets ``min_coverage=0.5`` exactly).

    Examples
    --------
    >>> scored_needed(3, 1 / 3), scored_needed(2, 0.5), scored_needed(10, 0.0)
    (1, 1, 1)
    """
    return max(1, math.ceil(min_coverage * total - COVERAGE_TOLERANCE))


@cache
def default_config() -> RollupConfig:
    """Return the default configuration, built once (it is frozen)."""
    return RollupConfig()


# Plans of recently used configurations, by identity: a config is frozen, so its plans are too.
_PLAN_CACHE: dict[
    int, tuple[weakref.ref[RollupConfig], dict[int, tuple[Indicator, IndicatorPlan]]]
] = {}


def plans_of(config: RollupConfig, specs: Sequence[Indicator]) -> tuple[IndicatorPlan, ...]:
    """Return each indicator's plan under a configuration, computed once per configuration."""
    entry = _PLAN_CACHE.get(id(config))
    if entry is None or entry[0]() is not config:
        if len(_PLAN_CACHE) >= 16:
            _PLAN_CACHE.clear()
        entry = _PLAN_CACHE[id(config)] = (weakref.ref(config), {})
    known = entry[1]
    plans = []
    for spec in specs:
        hit = known.get(id(spec))
        if hit is None or hit[0] is not spec:
            hit = known[id(spec)] = (spec, config.plan(spec))
        plans.append(hit[1])
    return tuple(plans)


def peer_groups(table: Table, peer_by: PeerBy, peers: Sequence[object] | None = None) -> PeerGroups:
    """Peer-group id of every row and a label for each group.

    Provinces, kinds (kota or kabupaten) and caller-given labels (``peers``, replacing
    ``peer_by``) are split by year: a city-year's peers are the same year's rows of its group.

    Raises
    ------
    ConfigError
        When ``peer_by`` reads region codes that are missing or in neither style, or
        ``peers`` has not one label per row.

    Examples
    --------
    >>> import pandas as pd
    >>> from iso37122.data import table_from_frame
    >>> frame = pd.DataFrame({"city": ["A", "B", "A"], "year": [2024, 2024, 2025]})
    >>> found = peer_groups(table_from_frame(frame), "city")
    >>> found.ids.tolist(), found.labels
    ([0, 1, 0], ('city A', 'city B'))
    >>> frame = pd.DataFrame({"city": ["A", "B", "C"], "year": [2024] * 3,
    ...                       "code": ["73.71", "7372", "32.11"]})
    >>> found = peer_groups(table_from_frame(frame), "province")
    >>> found.ids.tolist(), found.labels
    ([1, 1, 0], ('province 32, 2024', 'province 73, 2024'))
    """
    n = table.n_rows
    if peers is None and peer_by == "all":
        return PeerGroups(np.zeros(n, dtype=np.int64), ("all city-years",))
    if peers is None and peer_by == "year":
        years, inverse = np.unique(table.year, return_inverse=True)
        return PeerGroups(inverse.astype(np.int64), tuple(f"year {int(y)}" for y in years))
    if peers is None and peer_by == "city":
        has_code = pd.notna(table.code)
        keys = np.where(
            has_code,
            np.char.add("code ", table.code.astype(str)),
            np.char.add("city ", table.city.astype(str)),
        )
        labels, inverse = np.unique(keys, return_inverse=True)
        return PeerGroups(inverse.astype(np.int64), tuple(str(label) for label in labels))
    if peers is not None:
        given = np.array([str(label) for label in peers], dtype=object)
        if given.size != n:
            raise ConfigError(f"peers= has {given.size} labels for {n} city-years")
        what = ""
    else:
        without = np.flatnonzero(pd.isna(table.code))
        if without.size:
            raise ConfigError(
                f"peer_by={peer_by!r} reads the region code, but {without.size} city-years "
                f"have none (e.g. {table.city[without[0]]!r}); give a 'code' column or another "
                "peer_by"
            )
        try:
            given = provinces_of(table.code) if peer_by == "province" else regency_kinds(table.code)
        except DataError as error:
            raise ConfigError(f"peer_by={peer_by!r}: {error}") from None
        if peer_by == "kind" and pd.isna(given).any():
            raise ConfigError("peer_by='kind' needs kab/kota codes ('73.71'), not province codes")
        what = "province " if peer_by == "province" else ""
    keys = np.char.add(
        np.char.add(what, given.astype(str)), np.char.add(", ", table.year.astype(str))
    )
    labels, inverse = np.unique(keys, return_inverse=True)
    return PeerGroups(inverse.astype(np.int64), tuple(str(label) for label in labels))


def _normalise_one(
    results: Results,
    i: int,
    plan: IndicatorPlan,
    groups: PeerGroups,
    pool_years: bool,
    scale: tuple[float, float],
    out: FloatArray,
    code: Int8Array,
) -> tuple[IntArray, BoolArray | None]:
    """Write scorable indicator ``i``'s scores into ``out`` and its left-out codes into ``code``.

    Returns its bands and, when some rows were scored against every year's values because
    too few of their own year's peers report it (``pool_years``), those rows.
    """
    invalid = results.status[i] != Status.COMPUTED.code
    normaliser = plan.normalisation.normaliser
    values = results.values[i]
    band = normaliser.normalise_into(values, invalid, plan, groups, scale, out, code)
    if not (pool_years and plan.normalisation.uses_peers):
        return band, None
    few = code == LeftOut.PEER_FEW
    if not few.any():
        return band, None
    # Too few of the year's peers report it: compare with every year's values.
    n = values.size
    every_year = PeerGroups(np.zeros(n, dtype=np.int64), ("all years",))
    wider, wider_code = np.empty(n), np.empty(n, dtype=np.int8)
    normaliser.normalise_into(values, invalid, plan, every_year, scale, wider, wider_code)
    use = few & (wider_code == LeftOut.SCORED)
    if not use.any():
        return band, None
    out[use] = wider[use]
    code[use] = LeftOut.SCORED
    return band, use


def normalised_matrix(
    results: Results,
    plans: Sequence[IndicatorPlan],
    groups: PeerGroups,
    pool_years: bool,
    scale: tuple[float, float],
) -> FloatArray:
    """Return the normalised scores (indicators, rows) that :func:`roll_up` aggregated.

    The same computation, indicator by indicator, as the roll-up's (the same numbers to the
    bit); NaN where an indicator is left out. :attr:`ElementResults.normalised` calls it on
    first access.
    """
    n_ind, n = results.values.shape
    normalised = np.empty((n_ind, n))
    code = np.empty(n, dtype=np.int8)
    for i, plan in enumerate(plans):
        if plan.scorable:
            _normalise_one(results, i, plan, groups, pool_years, scale, normalised[i], code)
        else:
            normalised[i].fill(np.nan)
    return normalised


def roll_up(
    results: Results,
    config: RollupConfig | None = None,
    *,
    peers: Sequence[object] | None = None,
    keep_normalised: bool = False,
) -> ElementResults:
    """Normalise indicator values and aggregate them into the three key elements.

    Parameters
    ----------
    results
        Indicator values and statuses, from :func:`~iso37122.engine.evaluate`.
    config
        The roll-up choices (default: ``RollupConfig()``: percentages on goalposts 0–100,
        open-ended indicators against their peers, equal weights, arithmetic mean,
        ``min_coverage`` one third).
    peers
        One peer-group label per row (e.g. ``"kota"`` / ``"kabupaten"``), replacing
        ``peer_by``; a city-year's peers are the same year's rows with its label.
    keep_normalised
        Keep the (indicators, rows) matrix of normalised scores as it is made, for a caller
        that reads :attr:`ElementResults.normalised` (by default the roll-up aggregates each
        indicator's row as it is made and keeps none: ``normalised`` is made again, the same
        to the bit, when first read).

    Returns
    -------
    ElementResults
        Scores, coverage and per-indicator normalised scores for every row, as arrays.

    Raises
    ------
    ConfigError
        When a peer-group method (minmax, zscore, rank) is asked for on a single city-year,
        or on rows that each sit alone in their peer group.

    Notes
    -----
    Normalisation follows the Handbook's §1.5 (Step 5, Table 3) and aggregation its §1.6
    (Step 6); see the module documentation for each formula. The computation is vectorised
    over rows: it loops over indicators and elements only. An element's coverage counts the
    indicators the configuration can score (:meth:`RollupConfig.plan`); those it leaves out
    whatever the data appear in the contributions with their reason.

    Examples
    --------
    >>> import pandas as pd
    >>> from iso37122 import catalogue
    >>> from iso37122.data import table_from_frame
    >>> from iso37122.engine import evaluate
    >>> frame = pd.DataFrame({"city": ["A"], "year": [2024], "ict_employed": [30.0],
    ...                       "labour_force": [120.0]})
    >>> results = evaluate(table_from_frame(frame), [catalogue()["5.3"]])
    >>> scores = roll_up(results)
    >>> float(scores.score[scores.elements.index(KeyElement.DIGITAL), 0])  # 100 * 30 / 120
    25.0
    """
    config = config if config is not None else default_config()
    specs = results.indicators
    n_ind, n = results.values.shape
    method = config.normalisation
    plans = plans_of(config, specs)
    membership = tuple(plan.element for plan in plans)
    weights = np.array([plan.weight for plan in plans], dtype=float)

    if any(plan.scorable and plan.normalisation.uses_peers for plan in plans):
        groups = peer_groups(results.table, config.peer_by, peers)
    else:
        groups = PeerGroups(np.zeros(n, dtype=np.int64), ("all city-years",))
    if method.uses_peers and (n == 1 or (n > 1 and np.bincount(groups.ids).max() < 2)):
        who = "the same year" if config.peer_by == "year" else f"peer_by={config.peer_by!r}"
        problem = (
            "there is one city-year" if n == 1 else "each city-year is alone in its peer group"
        )
        raise ConfigError(
            f"normalisation={method.value!r} compares each city-year with its peers "
            f"({who}), but {problem}; "
            "score a set of city-years, choose another peer_by, or use a fixed-reference "
            "method ('goalposts', the default, 'target' or 'bands')"
        )
    # Open-ended indicators under the default year peers fall back on every year's values.
    pool_years = config.peer_by == "year" and peers is None and groups.n_groups > 1
    pooled: dict[int, BoolArray] = {}

    low, high = config.score_range
    # Each indicator's row of scores is made in one buffer, added to its element's mean and
    # forgotten: the (indicators, rows) matrix is made again only if ``normalised`` is read.
    # Kept, every row of it is written once below (no fill first: it is the largest array).
    normalised = np.empty((n_ind, n)) if keep_normalised else None
    buffer = np.empty(0 if keep_normalised else n)
    left_out = np.empty((n_ind, n), dtype=np.int8)
    # Bands exist under normalisation="bands" only; elsewhere a read-only view of one zero.
    banded = method is Normalisation.BANDS
    bands: IntArray = (
        np.zeros((n_ind, n), dtype=np.int64)
        if banded
        else np.broadcast_to(np.zeros(1, dtype=np.int64), (n_ind, n))
    )
    # Each element's weighted mean is taken row by row, as each indicator's row is made.
    elements = tuple(KeyElement)
    scorable = np.array([plan.scorable for plan in plans], dtype=bool)
    member_of = np.array([elements.index(m) for m in membership], dtype=np.int64)
    running_members = [int((scorable & (member_of == e)).sum()) for e in range(len(elements))]
    means = [
        RunningMean(n, weights[scorable & (member_of == e)], config.aggregation)
        for e in range(len(elements))
    ]
    for i, plan in enumerate(plans):
        code = left_out[i]
        out = buffer if normalised is None else normalised[i]
        if not plan.scorable:
            out.fill(np.nan)
            code.fill(LeftOut.BY_CONFIG)
            continue
        band, use = _normalise_one(results, i, plan, groups, pool_years, (low, high), out, code)
        if banded:
            bands[i] = band
        if use is not None:
            pooled[i] = use
        means[member_of[i]].add(out, plan.weight)

    score = np.full((len(elements), n), np.nan)
    coverage = np.zeros((len(elements), n))
    n_scored = np.zeros((len(elements), n), dtype=np.int64)
    n_total = np.zeros(len(elements), dtype=np.int64)
    for e, running in enumerate(means):
        total = n_total[e] = running_members[e]
        if total == 0:
            continue
        mean, count = running.result()
        n_scored[e] = count
        coverage[e] = count / total
        enough = count >= scored_needed(total, config.min_coverage)
        score[e] = np.where(enough, np.clip(mean, low, high), np.nan)

    return ElementResults(
        results=results,
        config=config,
        elements=elements,
        score=score,
        coverage=coverage,
        n_scored=n_scored,
        n_total=n_total,
        normalised_by=(
            partial(normalised_matrix, results, plans, groups, pool_years, (low, high))
            if normalised is None
            else normalised
        ),
        bands=bands,
        left_out=left_out,
        weights=weights,
        membership=membership,
        plans=plans,
        groups=groups.ids,
        group_labels=groups.labels,
        pooled=MappingProxyType(pooled),
    )
