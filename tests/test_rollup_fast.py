"""The fast paths of the roll-up give the general paths' numbers to the bit.

- :func:`order_statistics` (selection) against ``np.sort``;
- each normaliser's in-place :meth:`Normaliser.normalise_into` against the general one built on
  :meth:`Normaliser.progress` (peer min-max by selection against the sorted path), on dirty
  values: not-computed rows, ties, groups alone, flat or with few peers;
- :class:`RunningMean` against the weighted mean written out in full;
- :func:`roll_up` on a dirty multi-year frame with min-max by selection against the same
  roll-up forced onto the sorted path.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import iso37122 as iso
from iso37122._typing import BoolArray, FloatArray, IntArray
from iso37122.data import to_table
from iso37122.elements import KeyElement
from iso37122.engine import evaluate
from iso37122.indicators import Direction
from iso37122.rollup import Aggregation, RollupConfig, roll_up
from iso37122.rollup import normalisers as normalisers_module
from iso37122.rollup.aggregation import RunningMean, aggregate_rows
from iso37122.rollup.config import IndicatorPlan
from iso37122.rollup.normalisers import (
    NORMALISERS,
    LeftOut,
    Normalisation,
    Normaliser,
    PeerGroups,
)
from iso37122.rollup.selection import order_statistics
from iso37122.testing import synthetic_frame


def _same(a: FloatArray, b: FloatArray) -> bool:
    """Equal to the bit, NaN included."""
    return a.shape == b.shape and bool(np.array_equal(a.view(np.uint64), b.view(np.uint64)))


# --------------------------------------------------------------------------------------------
# Order statistics
# --------------------------------------------------------------------------------------------


def _cases() -> dict[str, FloatArray]:
    rng = np.random.default_rng(7)
    k = 50_000
    with_nan = rng.lognormal(3.0, 1.0, k)
    with_nan[rng.random(k) < 0.3] = np.nan
    fooled = np.arange(k, dtype=float)
    fooled[:: k // 2048] = -1.0  # every sampled value is the smallest: the guess is too low
    topped = np.arange(k, dtype=float)
    topped[:: k // 2048] = 1e9  # and here the highest
    return {
        "lognormal": rng.lognormal(3.0, 1.0, k),
        "ties": rng.integers(0, 5, k).astype(float),
        "with nan": with_nan,
        "all nan": np.full(k, np.nan),
        "sorted": np.arange(k, dtype=float),
        "reversed": np.arange(k, dtype=float)[::-1].copy(),
        "constant": np.full(k, 3.5),
        "fooled low": fooled,
        "fooled high": topped,
        "small": rng.normal(size=37),
        "one": np.array([2.0]),
    }


@pytest.mark.parametrize("name", list(_cases()))
def test_order_statistics_are_those_of_a_sort(name: str) -> None:
    values = _cases()[name]
    k = values.size
    ranks: IntArray = np.array(
        sorted({0, k - 1, k // 20, k // 20 + 1, k - 1 - k // 20, k - k // 20, k // 2, 1 % k}),
        dtype=np.int64,
    )
    ranks = ranks[(ranks >= 0) & (ranks < k)]
    expected = np.sort(values)[ranks]
    before = values.copy()
    assert _same(order_statistics(values, ranks), expected)
    assert _same(values, before)  # the input is not reordered


# --------------------------------------------------------------------------------------------
# normalise_into against the general path
# --------------------------------------------------------------------------------------------


def _plan(
    method: Normalisation,
    direction: Direction,
    *,
    winsorise: float = 0.0,
    min_peers: int = 2,
    goalposts: tuple[float, float] | None = None,
    target: float | None = None,
) -> IndicatorPlan:
    return IndicatorPlan(
        clause="99.1",
        element=KeyElement.GREEN,
        direction=direction,
        weight=1.0,
        normalisation=method,
        goalposts=goalposts,
        target=target,
        default_reference=False,
        reason=None,
        winsorise=winsorise,
        min_peers=min_peers,
    )


def _dirty(n: int, n_groups: int, seed: int) -> tuple[FloatArray, BoolArray, PeerGroups]:
    """Values with NaN where not computed, ties, one flat group and one with few values."""
    rng = np.random.default_rng(seed)
    values: FloatArray = np.round(rng.lognormal(3.0, 1.5, n), 3)
    invalid: BoolArray = rng.random(n) < 0.1
    ids: IntArray = rng.integers(0, n_groups, n).astype(np.int64)
    if n_groups > 2:
        values[ids == 1] = 7.0  # no spread
        invalid[(ids == 2) & (np.cumsum(ids == 2) > 3)] = True  # three peers only
    values[invalid] = np.nan
    labels = tuple(f"g{g}" for g in range(n_groups))
    return values, invalid, PeerGroups(ids, labels)


PLANS = {
    "goalposts up": _plan(
        Normalisation.GOALPOSTS, Direction.HIGHER_IS_BETTER, goalposts=(10.0, 60.0)
    ),
    "goalposts down": _plan(
        Normalisation.GOALPOSTS, Direction.LOWER_IS_BETTER, goalposts=(10.0, 60.0)
    ),
    "minmax up": _plan(Normalisation.MINMAX, Direction.HIGHER_IS_BETTER),
    "minmax down": _plan(Normalisation.MINMAX, Direction.LOWER_IS_BETTER),
    "winsorised up": _plan(
        Normalisation.MINMAX, Direction.HIGHER_IS_BETTER, winsorise=0.05, min_peers=5
    ),
    "winsorised down": _plan(
        Normalisation.MINMAX, Direction.LOWER_IS_BETTER, winsorise=0.05, min_peers=5
    ),
    "zscore": _plan(Normalisation.ZSCORE, Direction.HIGHER_IS_BETTER),
    "bands": _plan(Normalisation.BANDS, Direction.HIGHER_IS_BETTER, target=30.0),
}


@pytest.mark.parametrize("name", list(PLANS))
@pytest.mark.parametrize(("n", "n_groups"), [(9_000, 1), (9_000, 4), (3_000, 40), (6, 1)])
def test_normalise_into_gives_the_general_paths_scores(name: str, n: int, n_groups: int) -> None:
    plan = PLANS[name]
    values, invalid, groups = _dirty(n, n_groups, seed=n + n_groups)
    normaliser = NORMALISERS[plan.normalisation]
    scale = (1.0, 90.0)
    out, code = np.empty(n), np.empty(n, dtype=np.int8)
    band = normaliser.normalise_into(values, invalid, plan, groups, scale, out, code)
    want, want_code = np.empty(n), np.empty(n, dtype=np.int8)
    want_band = Normaliser.normalise_into(
        normaliser, values, invalid, plan, groups, scale, want, want_code
    )
    assert _same(out, want)
    assert np.array_equal(code, want_code)
    assert np.array_equal(band, want_band)
    # The example exercises what it claims to.
    scored = code == LeftOut.SCORED
    assert scored.any()
    assert (code == LeftOut.NOT_COMPUTED).any()
    assert np.isnan(out[~scored]).all()
    assert not np.isnan(out[scored]).any()
    if n_groups == 4 and plan.normalisation is Normalisation.MINMAX:
        assert (code == LeftOut.PEER_NO_SPREAD).any()
        assert (code == (LeftOut.PEER_FEW if plan.min_peers > 2 else LeftOut.SCORED)).any()


# --------------------------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------------------------


def _mean_in_full(
    scores: FloatArray, weights: FloatArray, aggregation: Aggregation
) -> tuple[FloatArray, IntArray]:
    """The weighted mean written out with where(), one row after another."""
    n = scores.shape[1]
    total, weighted = np.zeros(n), np.zeros(n)
    count: IntArray = np.zeros(n, dtype=np.int64)
    largest = float(weights.max())
    with np.errstate(divide="ignore", invalid="ignore"):
        for row, weight in zip(scores, weights, strict=True):
            scored = ~np.isnan(row)
            w = np.where(scored, weight / largest, 0.0)
            total += w
            if aggregation is Aggregation.ARITHMETIC:
                weighted += w * np.where(scored, row, 0.0)
            else:
                weighted += w * np.log(np.where(scored, row, 1.0))
            count += scored
        mean = weighted / total
        if aggregation is Aggregation.GEOMETRIC:
            mean = np.exp(mean)
    return np.where(count > 0, mean, np.nan), count


@pytest.mark.parametrize("aggregation", list(Aggregation))
@pytest.mark.parametrize("equal", [True, False])
def test_running_mean_is_the_mean_in_full(aggregation: Aggregation, equal: bool) -> None:
    rng = np.random.default_rng(3)
    scores: FloatArray = rng.uniform(1.0, 100.0, (7, 500))
    scores[rng.random(scores.shape) < 0.3] = np.nan
    scores[:, :5] = np.nan  # columns that no row scores
    weights: FloatArray = np.full(7, 2.5) if equal else rng.uniform(0.1, 3.0, 7)
    want, want_count = _mean_in_full(scores, weights, aggregation)
    running = RunningMean(500, weights, aggregation)
    for row, weight in zip(scores, weights, strict=True):
        running.add(row, float(weight))
    for mean, count in (
        running.result(),
        aggregate_rows(scores, np.arange(7), weights, aggregation),
    ):
        assert _same(mean, want)
        assert np.array_equal(count, want_count)
        assert count.dtype == np.int64
    assert np.isnan(want[:5]).all()
    assert not np.isnan(want[5:]).all()


# --------------------------------------------------------------------------------------------
# The whole roll-up
# --------------------------------------------------------------------------------------------


def _dirty_results() -> iso.Results:
    """Four years, one with too few rows for peers; unreported and negative cells."""
    frame = synthetic_frame(3_000, seed=5)
    years = np.repeat([2021, 2022, 2023, 2024], [1_500, 1_000, 497, 3])
    frame["year"] = years
    rng = np.random.default_rng(9)
    names = list(iso.variables())
    values = frame[names].to_numpy(dtype=float, copy=True)
    values[rng.random(values.shape) < 0.08] = np.nan
    values[rng.random(values.shape) < 0.001] *= -1.0
    frame[names] = values
    return evaluate(to_table(frame), list(iso.catalogue().values()))


@pytest.mark.parametrize(
    "config",
    [RollupConfig(), RollupConfig(winsorise=0.0), RollupConfig(normalisation="minmax")],
    ids=["default", "no winsorising", "minmax"],
)
def test_roll_up_by_selection_is_the_sorted_roll_up(
    config: RollupConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = _dirty_results()
    fast = roll_up(results, config)
    fast_normalised = fast.normalised  # made now, before the selection is switched off
    monkeypatch.setattr(normalisers_module, "SELECT_MAX_GROUPS", 0)
    sorted_ = roll_up(results, config)
    for name in ("score", "coverage"):
        assert _same(getattr(fast, name), getattr(sorted_, name)), name
    assert _same(fast_normalised, sorted_.normalised)
    for name in ("n_scored", "left_out", "bands"):
        assert np.array_equal(getattr(fast, name), getattr(sorted_, name)), name
    assert fast.pooled.keys() == sorted_.pooled.keys()
    assert all(np.array_equal(fast.pooled[i], sorted_.pooled[i]) for i in fast.pooled)
    rows = [0, 1_600, 2_998, 2_999]
    assert [fast.explain(e, r) for e in KeyElement for r in rows] == [
        sorted_.explain(e, r) for e in KeyElement for r in rows
    ]
    # The example has peers scored by year, pooled over years, and left out.
    if config.normalisation is Normalisation.GOALPOSTS:
        assert fast.pooled
    assert (fast.left_out == LeftOut.SCORED).any()
    assert (fast.left_out == LeftOut.NOT_COMPUTED).any()


@pytest.mark.parametrize(
    "config",
    [
        RollupConfig(),
        RollupConfig(normalisation="bands"),
        RollupConfig(
            normalisation="minmax", aggregation="geometric", score_range=(1, 100), peer_by="all"
        ),
        RollupConfig(weights={"5.3": 3.0, "10.1": 0.5}, min_coverage=0.9),
    ],
    ids=["default", "bands", "minmax geometric", "weights"],
)
def test_normalised_made_on_reading_is_the_matrix_rolled_up(config: RollupConfig) -> None:
    # By default the roll-up keeps no (indicators, rows) matrix: ``normalised`` is made again
    # when read.
    results = _dirty_results()
    elements = roll_up(results, config)
    assert "normalised" not in vars(elements)
    normalised = elements.normalised
    assert elements.normalised is normalised  # made once
    assert normalised.shape == results.values.shape
    # Kept as it was made (keep_normalised=True): the same matrix, to the bit.
    kept = roll_up(results, config, keep_normalised=True)
    assert isinstance(kept.normalised_by, np.ndarray)
    assert _same(kept.normalised, normalised)
    for name in ("score", "coverage"):
        assert _same(getattr(kept, name), getattr(elements, name)), name
    assert np.array_equal(kept.left_out, elements.left_out)
    assert np.array_equal(kept.bands, elements.bands)
    # NaN exactly where left out; pooled rows scored.
    assert np.array_equal(np.isnan(normalised), elements.left_out != LeftOut.SCORED)
    for i, rows in elements.pooled.items():
        assert not np.isnan(normalised[i, rows]).any()
    # The element scores are the aggregation of these rows, to the bit.
    low, high = config.score_range
    scorable = np.array([plan.scorable for plan in elements.plans])
    for e, element in enumerate(elements.elements):
        members = np.flatnonzero(
            scorable & np.array([m is element for m in elements.membership])
        ).astype(np.int64)
        mean, count = aggregate_rows(normalised, members, elements.weights, config.aggregation)
        assert np.array_equal(count, elements.n_scored[e])
        enough = (count >= 1) & (count >= config.min_coverage * members.size - 1e-9)
        assert _same(np.where(enough, np.clip(mean, low, high), np.nan), elements.score[e])
    assert not np.isnan(elements.score).all()
    # A city-year's contributions give the same scores.
    row = int(np.flatnonzero(~np.isnan(elements.score[0]))[0])
    clauses = [spec.clause for spec in results.indicators]
    found = elements.element_score(elements.elements[0], row).contributions
    included = [c for c in found if c.included]
    assert included
    for c in included:
        assert c.score == float(normalised[clauses.index(c.clause), row])


def test_each_row_gets_its_own_groups_reference_when_texts_are_shared() -> None:
    """A reference text is made once per indicator, peer group and pooling, then shared.

    Rows are visited in one order on one roll-up (texts made for earlier rows are reused)
    and each compared with a copy that has made no text yet: a text shared across groups, or
    between pooled and unpooled rows, would show.
    """
    elements = roll_up(_dirty_results(), RollupConfig())
    assert elements.pooled  # rows of 2024 are scored against every year's values
    rows = [0, 1, 1_499, 1_500, 2_499, 2_500, 2_996, 2_997, 2_998, 2_999]  # every year
    references = 0
    for row in rows:
        fresh = dataclasses.replace(elements)  # a new roll-up object: no text made yet
        for element in KeyElement:
            shared = elements.element_score(element, row).contributions
            own = fresh.element_score(element, row).contributions
            assert [c.reference for c in shared] == [c.reference for c in own], (row, element)
            references += sum(c.reference is not None for c in shared)
    assert references > 100
    assert len(elements._references) < references  # shared, not one per cell
