"""The normalisations whose reference comes from the peers.

Min–max over the peers' (winsorised) range, z-score and percentile rank, with the group
statistics they share.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.rollup.normaliser_base import (
    LeftOut,
    Normalisation,
    Normaliser,
    PeerGroups,
    Progress,
    no_bands,
    onto_scale,
    progress_of,
)
from iso37122.rollup.selection import interpolate, order_statistics, quantile_positions
from iso37122.text import fmt_number

if TYPE_CHECKING:
    from iso37122.rollup.config import IndicatorPlan

__all__ = ["SELECT_MAX_GROUPS", "MinMax", "PeerNormaliser", "Rank", "ZScore", "group_quantiles"]

SELECT_MAX_GROUPS = 32
"""Most peer groups for which :class:`MinMax` selects per group rather than sorting once."""


@dataclass(frozen=True, slots=True)
class _Sorted:
    """Valid rows ordered by (group, value), with per-row group statistics of that order."""

    order: IntArray
    g: IntArray
    xs: FloatArray
    starts: IntArray
    counts: IntArray
    size: IntArray


def group_quantiles(
    xs: FloatArray, starts: IntArray, counts: IntArray, share: float
) -> tuple[FloatArray, FloatArray]:
    """Per group, the ``share`` and ``1 - share`` quantiles of its values (sorted in ``xs``).

    Group ``g`` holds ``xs[starts[g] : starts[g] + counts[g]]`` in ascending order; quantiles
    interpolate linearly between order statistics (numpy's default). NaN for an empty group.

    Examples
    --------
    >>> xs = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 100.0])
    >>> low, high = group_quantiles(xs, np.array([0]), np.array([6]), 0.05)
    >>> float(low[0]), float(high[0])  # positions 0.25 and 4.75 of 0..5
    (0.25, 76.0)
    """
    low = np.full(counts.shape, np.nan)
    high = np.full(counts.shape, np.nan)
    some = counts > 0
    last = counts[some] - 1
    for q, out in ((share, low), (1.0 - share, high)):
        position, below, above = quantile_positions(last, q)
        start = starts[some]
        out[some] = interpolate(position, below, xs[start + below], xs[start + above])
    return low, high


class PeerNormaliser(Normaliser):
    """A method that compares each row with its peer group.

    Rows are sorted by (group, value) once, so every statistic is vectorised (``bincount``,
    ``reduceat``, ``searchsorted``) and independent of the order of the input rows. A group
    with fewer than the plan's ``min_peers`` values (two for the peer-group methods), or
    (where :attr:`needs_spread`) with no spread, gives no score. With the plan's
    ``winsorise`` :math:`w > 0`, values beyond the group's :math:`w` and :math:`1 - w`
    quantiles are clipped to them first.
    """

    uses_peers = True
    needs_spread: ClassVar[bool] = True

    @abstractmethod
    def relative(self, s: _Sorted, n_groups: int) -> FloatArray:
        """Progress (higher is better) of every sorted row relative to its group."""

    def progress(
        self, values: FloatArray, valid: BoolArray, plan: IndicatorPlan, groups: PeerGroups
    ) -> Progress:
        """Progress relative to the peers; codes for rows alone or without spread."""
        n = values.shape[0]
        result = progress_of(values, valid, np.full(n, np.nan))
        rows = np.flatnonzero(valid)
        if rows.size == 0:
            return result
        # Equal values are interchangeable, so the value sort need not be stable; the group
        # sort must be, to keep values in order within each group.
        order: IntArray = rows[np.argsort(values[rows])]
        if groups.n_groups > 1:
            order = order[np.argsort(groups.ids[order], kind="stable")]
        counts = np.bincount(groups.ids[order], minlength=groups.n_groups).astype(np.int64)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        g = groups.ids[order]
        xs = values[order]
        if plan.winsorise > 0.0:
            low, high = group_quantiles(xs, starts, counts, plan.winsorise)
            xs = np.clip(xs, low[g], high[g])
        s = _Sorted(order, g, xs, starts, counts, counts[g])
        alone = s.size < plan.min_peers
        flat = ~alone & (s.xs[starts[g]] == s.xs[starts[g] + s.size - 1]) & self.needs_spread
        with np.errstate(divide="ignore", invalid="ignore"):
            u = self.relative(s, groups.n_groups)
        if not plan.higher_is_better:
            u = 1.0 - u
        ok = ~alone & ~flat
        result.progress[order[ok]] = np.clip(u[ok], 0.0, 1.0)
        result.code[order[alone]] = LeftOut.PEER_ALONE if plan.min_peers <= 2 else LeftOut.PEER_FEW
        result.code[order[flat]] = LeftOut.PEER_NO_SPREAD
        return result


class MinMax(PeerNormaliser):
    """Min-max over the peer group: ``(x - min) / (max - min)``.

    With few peer groups (:data:`SELECT_MAX_GROUPS` at most, e.g. the years of a data set),
    :meth:`normalise_into` finds each group's smallest and largest values and quantiles by
    selection (:func:`~iso37122.rollup.selection.order_statistics`) instead of sorting.
    """

    method = Normalisation.MINMAX

    def normalise_into(
        self,
        values: FloatArray,
        invalid: BoolArray,
        plan: IndicatorPlan,
        groups: PeerGroups,
        scale: tuple[float, float],
        out: FloatArray,
        code: Int8Array,
    ) -> IntArray:
        """:meth:`progress` on the scale; by selection, not sorting, when groups are few."""
        n_groups = groups.n_groups
        if n_groups > SELECT_MAX_GROUPS:
            return super().normalise_into(values, invalid, plan, groups, scale, out, code)
        valid = ~invalid
        counts = np.zeros(n_groups, dtype=np.int64)
        found: list[FloatArray] = []
        for g in range(n_groups):
            peers = values[valid if n_groups == 1 else valid & (groups.ids == g)]
            counts[g] = k = peers.size
            if k == 0:
                continue
            wanted = np.array([0, k - 1], dtype=np.int64)
            if plan.winsorise > 0.0:
                last = np.array([k - 1], dtype=np.int64)
                for q in (plan.winsorise, 1.0 - plan.winsorise):
                    _, below, above = quantile_positions(last, q)
                    wanted = np.concatenate((wanted, below, above))
            found.append(order_statistics(peers, wanted))
        some = counts > 0
        stats = np.array(found).reshape(-1, 6 if plan.winsorise > 0.0 else 2)
        first = np.full(n_groups, np.nan)
        last_value = np.full(n_groups, np.nan)
        first[some], last_value[some] = stats[:, 0], stats[:, 1]
        low = high = None
        if plan.winsorise > 0.0:
            # The same arithmetic as group_quantiles on the sorted values.
            low = np.full(n_groups, np.nan)
            high = np.full(n_groups, np.nan)
            last = counts[some] - 1
            for q, bound, column in ((plan.winsorise, low, 2), (1.0 - plan.winsorise, high, 4)):
                position, below, _ = quantile_positions(last, q)
                bound[some] = interpolate(position, below, stats[:, column], stats[:, column + 1])
            first = np.clip(first, low, high)
            last_value = np.clip(last_value, low, high)
        alone = counts < plan.min_peers
        flat = ~alone & (first == last_value) & self.needs_spread

        def per_row(per_group: npt.NDArray[Any]) -> npt.NDArray[Any]:
            return per_group if n_groups == 1 else per_group[groups.ids]

        if low is not None and high is not None:
            np.clip(values, per_row(low), per_row(high), out=out)
        else:
            np.copyto(out, values)
        out -= per_row(first)
        with np.errstate(divide="ignore", invalid="ignore"):
            out /= per_row(last_value - first)
        if not plan.higher_is_better:
            np.subtract(1.0, out, out=out)
        np.clip(out, 0.0, 1.0, out=out)
        np.copyto(code, invalid, casting="unsafe")  # SCORED 0, NOT_COMPUTED 1
        unscored = invalid
        if alone.any() or flat.any():
            few = LeftOut.PEER_ALONE if plan.min_peers <= 2 else LeftOut.PEER_FEW
            np.copyto(code, few, where=valid & per_row(alone))
            np.copyto(code, LeftOut.PEER_NO_SPREAD, where=valid & per_row(flat))
            unscored = code != LeftOut.SCORED
        onto_scale(out, scale, unscored)
        return no_bands(values.shape[0])

    def relative(self, s: _Sorted, n_groups: int) -> FloatArray:
        """Min-max within the group."""
        first = s.xs[s.starts[s.g]]
        last = s.xs[s.starts[s.g] + s.size - 1]
        u: FloatArray = (s.xs - first) / (last - first)
        return u

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``min–max over n peers (label)[, winsorised at w–(1-w) %]: min–max unit``."""
        if plan.winsorise > 0.0:
            share = plan.winsorise
            low, high = np.quantile(peers, [share, 1.0 - share])
            return (
                f"min–max over {peers.size} peers ({label}), winsorised at "
                f"{fmt_number(100 * share)}–{fmt_number(100 * (1 - share))} %: "
                f"{fmt_number(float(low))}–{fmt_number(float(high))} {unit}"
            )
        return (
            f"min–max over {peers.size} peers ({label}): "
            f"{fmt_number(float(peers.min()))}–{fmt_number(float(peers.max()))} {unit}"
        )


class ZScore(PeerNormaliser):
    """Z-score over the peer group, ``z = (x - mean) / sd`` (population sd), as ``1/2 + z/6``.

    The peers' mean is the middle and three standard deviations reach either end (clipped).
    """

    method = Normalisation.ZSCORE

    def relative(self, s: _Sorted, n_groups: int) -> FloatArray:
        """Rescaled z-score within the group."""
        nonempty = s.counts > 0
        # Values are scaled by each group's largest magnitude first, so that neither the sum
        # nor the squares overflow (z is scale-free).
        scale = np.ones(n_groups)
        scale[nonempty] = np.maximum.reduceat(np.abs(s.xs), s.starts[nonempty])
        scale[scale == 0] = 1.0
        xs = s.xs / scale[s.g]
        sums = np.zeros(n_groups)
        sums[nonempty] = np.add.reduceat(xs, s.starts[nonempty])
        means = sums / np.maximum(s.counts, 1)
        deviation = xs - means[s.g]
        squares = np.zeros(n_groups)
        squares[nonempty] = np.add.reduceat(deviation**2, s.starts[nonempty])
        sd = np.sqrt(squares / np.maximum(s.counts, 1))
        u: FloatArray = np.clip(0.5 + deviation / sd[s.g] / 6.0, 0.0, 1.0)
        return u

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``z-score over n peers (label): mean m, sd s unit``."""
        return (
            f"z-score over {peers.size} peers ({label}): mean "
            f"{fmt_number(float(peers.mean()))}, sd {fmt_number(float(peers.std()))} {unit}"
        )


class Rank(PeerNormaliser):
    """Percentile rank: ``(below + (ties - 1) / 2) / (n - 1)``, 0 worst, 1 best; ties share."""

    method = Normalisation.RANK
    needs_spread = False

    def relative(self, s: _Sorted, n_groups: int) -> FloatArray:
        """Mean percentile rank within the group."""
        # Number the distinct (group, value) pairs in sorted order: equal keys are ties.
        change = np.ones(s.xs.size, dtype=bool)
        change[1:] = (s.g[1:] != s.g[:-1]) | (s.xs[1:] != s.xs[:-1])
        key = np.cumsum(change)
        below = np.searchsorted(key, key, side="left") - s.starts[s.g]
        upto = np.searchsorted(key, key, side="right") - s.starts[s.g]
        u: FloatArray = (below + upto - 1) / (2.0 * (s.size - 1))
        return u

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``percentile rank among n peers (label)``."""
        return f"percentile rank among {peers.size} peers ({label})"
