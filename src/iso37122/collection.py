"""The ranked collection plan: which variables to collect next, greedily, as sets.

An indicator missing two variables is unlocked only when both are collected, so the ranking is
over variable *sets*: at each step, among the sets of still-missing variables that would unlock
at least one indicator, the one that unlocks the most indicator values per variable collected
comes first (ties: more element coverage gained per variable, then fewer variables, then by
name). This is the greedy rule for weighted set cover; it is not guaranteed optimal, but each
step is the best next action given the steps before it. :mod:`iso37122.readiness` builds the
patterns from the data and shows the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from iso37122._typing import IntArray
from iso37122.elements import KeyElement

__all__ = ["CollectionStep", "UnlockPattern", "rank_collection"]


@dataclass(frozen=True, slots=True)
class CollectionStep:
    """One step of the ranked collection plan: variables to collect together.

    Attributes
    ----------
    variables
        The variables to collect (together: some indicator needs all of them), sorted.
    unlocks
        Clause of each indicator this step makes computable, with the number of city-years in
        which it does (given the earlier steps), in clause order.
    n_unlocked
        Indicator values unlocked (summed over city-years).
    n_rows
        City-years in which the step unlocks at least one indicator.
    coverage_gain
        Per key element, the mean gain over city-years in the share of its indicators that
        can be computed.
    """

    variables: tuple[str, ...]
    unlocks: Mapping[str, int]
    n_unlocked: int
    n_rows: int
    coverage_gain: Mapping[KeyElement, float]

    @property
    def per_variable(self) -> float:
        """Indicator values unlocked per variable collected (the ranking key)."""
        return self.n_unlocked / len(self.variables)


@dataclass(frozen=True, slots=True)
class UnlockPattern:
    """Rows in which indicator ``i`` lacks exactly the variables of bit mask ``mask``."""

    i: int
    mask: int
    rows: IntArray


def rank_collection(
    patterns: Sequence[UnlockPattern],
    variables: Sequence[str],
    clauses: Sequence[str],
    elements: Sequence[KeyElement | None],
    element_sizes: Mapping[KeyElement, int],
    n_rows: int,
) -> tuple[CollectionStep, ...]:
    """Rank variable sets greedily by indicator values unlocked per variable collected.

    ``elements[i]`` is ``None`` for an indicator no element score counts: it adds to the
    values unlocked but not to any element's coverage.
    """

    def share(p: UnlockPattern) -> float:
        element = elements[p.i]
        return 0.0 if element is None else p.rows.size / element_sizes[element]

    collected = 0
    remaining = list(patterns)
    steps: list[CollectionStep] = []

    def names(mask: int) -> tuple[str, ...]:
        return tuple(sorted(variables[k] for k in range(mask.bit_length()) if mask >> k & 1))

    while remaining:
        best: tuple[tuple[float, float, int, tuple[str, ...]], int, list[UnlockPattern]] | None = (
            None
        )
        for candidate in {p.mask & ~collected for p in remaining}:
            have = collected | candidate
            unlocked = [p for p in remaining if p.mask & ~have == 0]
            count = sum(p.rows.size for p in unlocked)
            gain = sum(share(p) for p in unlocked) / n_rows
            size = candidate.bit_count()
            key = (-count / size, -gain / size, size, names(candidate))
            if best is None or key < best[0]:
                best = (key, candidate, unlocked)
        assert best is not None
        _, candidate, unlocked = best
        collected |= candidate
        remaining = [p for p in remaining if p.mask & ~collected != 0]
        per_clause: dict[int, int] = {}
        gains: dict[KeyElement, float] = dict.fromkeys(KeyElement, 0.0)
        for p in unlocked:
            per_clause[p.i] = per_clause.get(p.i, 0) + p.rows.size
            element = elements[p.i]
            if element is not None:
                gains[element] += share(p) / n_rows
        steps.append(
            CollectionStep(
                variables=names(candidate),
                unlocks=MappingProxyType({clauses[i]: per_clause[i] for i in sorted(per_clause)}),
                n_unlocked=sum(per_clause.values()),
                n_rows=int(np.unique(np.concatenate([p.rows for p in unlocked])).size),
                coverage_gain=MappingProxyType(gains),
            )
        )
    return tuple(steps)
