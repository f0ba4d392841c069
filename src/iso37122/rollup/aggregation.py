"""Aggregation within a key element (Handbook §1.6, Step 6 "Weighting and aggregation")."""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from iso37122._typing import FloatArray, IntArray

__all__ = ["Aggregation", "aggregate", "aggregate_rows", "sum_over_indicators"]


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
    n = scores.shape[1]
    total: FloatArray = np.zeros(n)
    weighted: FloatArray = np.zeros(n)
    count: IntArray = np.zeros(n, dtype=np.int64)
    # Only ratios of weights matter: dividing by the largest keeps w * score and the sum of
    # the weights finite whatever the weights' size (1e308 and 1 included).
    largest = float(weights[members].max()) if members.size else 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in members.tolist():
            row = scores[i]
            scored = ~np.isnan(row)
            w = np.where(scored, weights[i] / largest, 0.0)
            total += w
            if aggregation is Aggregation.ARITHMETIC:
                weighted += w * np.where(scored, row, 0.0)
            else:
                weighted += w * np.log(np.where(scored, row, 1.0))
            count += scored
        mean = weighted / total
        if aggregation is Aggregation.GEOMETRIC:
            mean = np.exp(mean)
    result: FloatArray = np.where(count > 0, mean, np.nan)
    return result, count
