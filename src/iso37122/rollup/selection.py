"""Exact order statistics and peer quantiles without sorting: the fast path of peer min-max.

A peer min-max winsorised at the 5th and 95th percentiles needs, per peer group, six order
statistics (the smallest, the largest and the two either side of each quantile), not a sort.
:func:`order_statistics` finds them exactly by selection, looking first at the tails that
hold them; :func:`quantile_positions` and :func:`interpolate` are the one definition of the
quantiles, shared with the sorted path (:func:`~iso37122.rollup.normalisers.group_quantiles`),
so that both give the same numbers to the bit.
"""

from __future__ import annotations

import numpy as np

from iso37122._typing import FloatArray, IntArray

__all__ = ["interpolate", "order_statistics", "quantile_positions"]

_SMALL = 4096
"""Below this many values a plain partition is as fast as looking at the tails first."""
_SAMPLE = 2048
"""Values sampled (evenly spaced) to guess a threshold that cuts off a tail."""


def quantile_positions(last: IntArray, q: float) -> tuple[FloatArray, IntArray, IntArray]:
    """Position of the ``q`` quantile among ``last + 1`` sorted values, and the ranks around it.

    Returns ``(position, below, above)``: the fractional position ``q * last`` and the ranks
    of the values it lies between (numpy's default, linear, method).
    """
    position: FloatArray = np.multiply(q, last, dtype=np.float64)
    below: IntArray = np.floor(position).astype(np.int64)
    above: IntArray = np.minimum(below + 1, last)
    return position, below, above


def interpolate(
    position: FloatArray, below: IntArray, first: FloatArray, second: FloatArray
) -> FloatArray:
    """Return the quantile at ``position`` from ``first`` (of rank ``below``) and ``second``."""
    found: FloatArray = first + (position - below) * (second - first)
    return found


def _tail(values: FloatArray, need: int, low: bool) -> tuple[FloatArray, int] | None:
    """Return the values of the ``need`` lowest (or highest) ranks, a few more, and their offset.

    A threshold is guessed from an evenly spaced sample; the tail is every value on its side
    of it. ``None`` when the guess cut off too few (the caller then partitions everything).
    """
    k = values.size
    step = max(1, k // _SAMPLE)
    sample = np.array(values[::step])
    m = sample.size
    # Aim at a quarter more than the share needed, and a few ranks more, so that the sample's
    # scatter rarely makes the tail too short.
    extra = int(need / k * m * 1.25) + 8
    if extra >= m:
        return None
    rank = extra if low else m - 1 - extra
    threshold = np.partition(sample, rank)[rank]
    if low:
        tail = values[values <= threshold]
        return (tail, 0) if tail.size >= need else None
    # NaN is not below any threshold, so it stays in the top tail, last, as in a sort.
    tail = values[~(values < threshold)]
    return (tail, k - tail.size) if tail.size >= need else None


def order_statistics(values: FloatArray, ranks: IntArray) -> FloatArray:
    """``np.sort(values)[ranks]``, found by selection: the values of the given ranks.

    Ranks below the middle are looked for among the lowest values, the others among the
    highest, each tail cut off by a threshold guessed from a sample and partitioned alone; a
    guess that cuts off too few values falls back on partitioning every value. NaN ranks last,
    as in a sort.

    Examples
    --------
    >>> values = np.array([5.0, 1.0, 4.0, 2.0, 3.0])
    >>> order_statistics(values, np.array([0, 1, 4])).tolist()
    [1.0, 2.0, 5.0]
    """
    k = values.size
    ranks = np.asarray(ranks, dtype=np.int64)
    found: FloatArray = np.empty(ranks.size)
    if k < _SMALL:
        wanted = np.unique(ranks)
        found[:] = np.partition(values, wanted)[ranks]
        return found
    for low in (True, False):
        side = ranks < k // 2 if low else ranks >= k // 2
        if not side.any():
            continue
        mine = ranks[side]
        need = int(mine.max()) + 1 if low else k - int(mine.min())
        cut = _tail(values, need, low)
        if cut is None:
            wanted = np.unique(ranks)
            found[:] = np.partition(values, wanted)[ranks]
            return found
        tail, offset = cut
        inside = mine - offset
        found[side] = np.partition(tail, np.unique(inside))[inside]
    return found
