"""Vectorised formula helpers shared by every theme module.

Each helper works on numpy arrays of any shape and on plain floats (broadcasting), is pure,
and does not guard against a zero denominator: the engine declares and checks that through
the indicator's constraints, so the helpers silently return ``inf``/``nan`` there and the engine
replaces those cells by a status.
"""

from __future__ import annotations

import numpy as np

from iso37122._typing import FloatArray

__all__ = ["FloatArray", "mean_per_item", "per_100k", "per_1000", "ratio", "share"]


def ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """Return ``numerator / denominator`` elementwise.

    Examples
    --------
    >>> float(ratio(3.0, 4.0))
    0.75
    """
    with np.errstate(all="ignore"):
        result: FloatArray = np.true_divide(numerator, denominator)
    return result


def share(part: FloatArray, whole: FloatArray) -> FloatArray:
    """Return the percentage ``100 * part / whole``.

    Examples
    --------
    >>> float(share(1.0, 8.0))
    12.5
    """
    return 100.0 * ratio(part, whole)


def per_100k(count: FloatArray, population: FloatArray) -> FloatArray:
    """Return a rate per 100 000 of a population, ``100 000 * count / population``.

    Examples
    --------
    >>> float(per_100k(30.0, 1_500_000.0))
    2.0
    """
    return 100_000.0 * ratio(count, population)


def per_1000(count: FloatArray, population: FloatArray) -> FloatArray:
    """Return a rate per 1 000 of a population, ``1 000 * count / population``.

    Examples
    --------
    >>> float(per_1000(45.0, 300.0))
    150.0
    """
    return 1_000.0 * ratio(count, population)


def mean_per_item(total: FloatArray, items: FloatArray) -> FloatArray:
    """Return an average from a total and a number of items, ``total / items``.

    Indicators that are averages (response time, approval time, downtime) take the total and
    the count rather than a pre-computed mean, so that they aggregate correctly across
    districts and years.

    Examples
    --------
    >>> float(mean_per_item(90.0, 12.0))
    7.5
    """
    return ratio(total, items)
