"""Helpers shared by the per-theme indicator tests (``from _helpers import ...``).

Checks that hold for every indicator (module structure, units, confidence against the
catalogue, generic properties) live in ``tests/test_registry.py`` and
``tests/test_properties.py``; what is here only shortens what the per-theme files say about
particular indicators.

The helpers assert with explicit messages: pytest rewrites ``assert`` only in test modules and
``conftest.py``, not in a module they import.
"""

from __future__ import annotations

import numpy as np

from iso37122._typing import FloatArray
from iso37122.engine import Status
from iso37122.indicators._spec import Indicator, PartOfWhole, Positive

__all__ = [
    "arr",
    "check_sole_part_of_whole",
    "check_sole_positive",
]


def arr(*values: float) -> FloatArray:
    """Return the values as a one-dimensional float64 array."""
    return np.array(values, dtype=np.float64)


def _assert_equal(actual: object, expected: object, what: str) -> None:
    assert actual == expected, f"{what}: {actual!r} != {expected!r}"


def check_sole_part_of_whole(
    spec: Indicator,
    expected: PartOfWhole,
    *,
    within: tuple[float, ...],
    exceeding: tuple[float, ...],
    reason: str,
) -> None:
    """Check that ``expected`` is the only constraint of ``spec``, on four rows.

    ``within`` and ``exceeding`` give a value for each of ``expected.variables`` (the parts,
    then the whole): a row the rule accepts and one whose parts add up to more than the whole.
    The rule must flag the second as invalid, explained by exactly ``reason``; a row of zeros
    as undefined ("<whole> is 0: a share of nothing is undefined"); and accept a row whose
    first part equals the whole of ``exceeding`` (a share of exactly 100 %).
    """
    (rule,) = spec.constraints
    _assert_equal(rule, expected, f"{spec.clause} constraint")
    names = expected.variables
    whole = exceeding[-1]
    boundary = (whole, *(0.0 for _ in expected.parts[1:]), whole)
    columns = {
        name: arr(ok, too_big, 0.0, edge)
        for name, ok, too_big, edge in zip(names, within, exceeding, boundary, strict=True)
    }
    _assert_equal(rule.invalid(columns).tolist(), [False, True, False, False], "invalid rows")
    _assert_equal(rule.undefined(columns).tolist(), [False, False, True, False], "undefined rows")
    _assert_equal(
        rule.explain(dict(zip(names, exceeding, strict=True)), Status.INVALID),
        reason,
        "reason when the part exceeds the whole",
    )
    _assert_equal(
        rule.explain(dict.fromkeys(names, 0.0), Status.UNDEFINED),
        f"{expected.whole} is 0: a share of nothing is undefined",
        "reason when the whole is 0",
    )


def check_sole_positive(
    spec: Indicator, expected: Positive, *, valid: float, negative: float, reason: str
) -> None:
    """Check that ``expected`` is the only constraint of ``spec``, on three rows.

    The rule must accept ``valid``, flag 0 as undefined, explained by exactly
    "<variable> is 0: <expected.when_zero>", and flag ``negative`` as invalid, explained by
    exactly ``reason``.
    """
    (rule,) = spec.constraints
    _assert_equal(rule, expected, f"{spec.clause} constraint")
    columns = {expected.variable: arr(valid, 0.0, negative)}
    _assert_equal(rule.invalid(columns).tolist(), [False, False, True], "invalid rows")
    _assert_equal(rule.undefined(columns).tolist(), [False, True, False], "undefined rows")
    _assert_equal(
        rule.explain({expected.variable: 0.0}, Status.UNDEFINED),
        f"{expected.variable} is 0: {expected.when_zero}",
        "reason when the denominator is 0",
    )
    _assert_equal(
        rule.explain({expected.variable: negative}, Status.INVALID),
        reason,
        "reason when the denominator is negative",
    )
