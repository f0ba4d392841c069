"""Aggregation within a key element (Handbook §1.6, Step 6 "Weighting and aggregation")."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray, IntArray

__all__ = ["Aggregation", "RunningMean", "aggregate", "aggregate_rows", "sum_over_indicators"]


class Aggregation(StrEnum):
    """How an element's indicator scores are combined (Handbook §1.6, Step 6)."""

    ARITHMETIC = "arithmetic"
    """Weighted arithmetic mean: fully compensatory."""
    GEOMETRIC = "geometric"
    """Weighted geometric mean: a low score is harder to compensate; needs scores above 0."""


def sum_over_indicators(matrix: FloatArray) -> FloatArray:
    """Sum an (indicators, rows) array over indicators, always in the same order.

    ``matrix.sum(axis=0)`` switches to pairwise summation when there is one row, so one
    city-year alone and the same city-year in a batch could differ in the last digit.
    """
    total: FloatArray = np.zeros(matrix.shape[1])
    for row in matrix:
        total += row
    return total


def aggregate(
    scores: FloatArray, weights: FloatArray, aggregation: Aggregation
) -> tuple[FloatArray, IntArray]:
    r"""Weighted mean over the scored (non-NaN) entries of each column, and their number.

    Arithmetic: :math:`\sum_i w_i s_i / \sum_i w_i`. Geometric:
    :math:`\exp(\sum_i w_i \ln s_i / \sum_i w_i) = (\prod_i s_i^{w_i})^{1/\sum_i w_i}`.
    Columns with no scored entry give NaN. Handbook §1.6 (Step 6, "Weighting and
    aggregation"): linear (arithmetic) and geometric aggregation with explicit weights.
    """
    return aggregate_rows(scores, np.arange(scores.shape[0]), weights, aggregation)


def aggregate_rows(
    scores: FloatArray, members: IntArray, weights: FloatArray, aggregation: Aggregation
) -> tuple[FloatArray, IntArray]:
    """:func:`aggregate` over the rows ``members`` of ``scores``, one row at a time.

    The sums run into row-sized accumulators in the order of ``members`` (the order of
    :func:`sum_over_indicators`, so results are the same to the bit): no (indicators x rows)
    temporary is made, and the member rows are not copied out of ``scores``.
    """
    running = RunningMean(scores.shape[1], weights[members], aggregation)
    for i in members.tolist():
        running.add(scores[i], float(weights[i]))
    return running.result()


_INT16_MAX = 2**15 - 1


class RunningMean:
    """A weighted mean over rows of scores given one at a time (NaN: not scored).

    What :func:`aggregate_rows` computes, for a caller that makes the rows one by one: adding
    each row as soon as it is made, while it is in the cache, gives the same numbers to the bit
    as :func:`aggregate_rows` over the finished rows in the same order.

    Parameters
    ----------
    n
        Length of the rows.
    weights
        The weights of every row that will be added (only their largest is read here).
    aggregation
        Arithmetic or geometric.
    """

    def __init__(self, n: int, weights: FloatArray, aggregation: Aggregation) -> None:
        self.aggregation = aggregation
        # Only ratios of weights matter: dividing by the largest keeps w * score and the sum
        # of the weights finite whatever the weights' size (1e308 and 1 included).
        self.largest = float(weights.max()) if weights.size else 1.0
        # Equal weights are all 1 after that: their sum over the scored entries is a count.
        self.equal = bool(np.all(weights == self.largest))
        self.n_rows = 0
        self.weighted: FloatArray = np.zeros(n)
        self.total: FloatArray = np.zeros(n)
        # Counts of unscored rows: the narrowest integer that holds them is the fastest to add.
        self.missing: npt.NDArray[Any] = np.zeros(
            n, dtype=np.int16 if weights.size < _INT16_MAX else np.int64
        )
        self.term: FloatArray = np.empty(n)
        self.unscored: BoolArray = np.empty(n, dtype=bool)

    def add(self, row: FloatArray, weight: float) -> None:
        """Add one row of scores with its weight."""
        term, unscored = self.term, self.unscored
        np.isnan(row, out=unscored)
        w = weight / self.largest
        # Each term is w * score (w * ln score), 0 where unscored: the same sums, to the bit,
        # as adding w * where(scored, score, 0) with w 0 where unscored.
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.aggregation is Aggregation.ARITHMETIC:
                np.multiply(row, w, out=term)
            else:
                np.log(row, out=term)
                term *= w
        np.copyto(term, 0.0, where=unscored)
        self.weighted += term
        self.missing += unscored
        self.n_rows += 1
        if self.n_rows == _INT16_MAX and self.missing.dtype == np.int16:
            self.missing = self.missing.astype(np.int64)
        if not self.equal:
            term.fill(w)
            np.copyto(term, 0.0, where=unscored)
            self.total += term

    def result(self) -> tuple[FloatArray, IntArray]:
        """Return the mean of each column (NaN where no row scored it) and its count."""
        count: IntArray = self.n_rows - self.missing.astype(np.int64)
        total = count.astype(np.float64) if self.equal else self.total
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = self.weighted / total
            if self.aggregation is Aggregation.GEOMETRIC:
                mean = np.exp(mean)
        result: FloatArray = np.where(count > 0, mean, np.nan)
        return result, count
