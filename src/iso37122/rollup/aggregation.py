"""Aggregation within a key element (Handbook §1.6, Step 6 "Weighting and aggregation")."""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from iso37122._typing import FloatArray, IntArray

__all__ = ["Aggregation", "aggregate", "sum_over_indicators"]


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
    scored = ~np.isnan(scores)
    # Only ratios of weights matter: dividing by the largest keeps w * score and the sum of
    # the weights finite whatever the weights' size (1e308 and 1 included).
    largest = float(weights.max()) if weights.size else 1.0
    w = np.where(scored, weights[:, None] / largest, 0.0)
    total = sum_over_indicators(w)
    with np.errstate(divide="ignore", invalid="ignore"):
        if aggregation is Aggregation.ARITHMETIC:
            mean = sum_over_indicators(w * np.where(scored, scores, 0.0)) / total
        else:
            logs = np.log(np.where(scored, scores, 1.0))
            mean = np.exp(sum_over_indicators(w * logs) / total)
    count: IntArray = np.count_nonzero(scored, axis=0).astype(np.int64)
    result: FloatArray = np.where(count > 0, mean, np.nan)
    return result, count
