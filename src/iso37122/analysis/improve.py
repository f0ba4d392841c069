r"""What would raise a city's element score most: better values, and data to collect.

For one city-year and one key element, the plan joins the scores and the readiness finder:

- **Improve** — each indicator that entered the score, raised to its peers' median
  normalised score (or the best peer's), and the element score that would follow, all else
  equal. With weights :math:`w` and the scores :math:`s` that entered, raising indicator
  :math:`j` to :math:`t` moves an arithmetic mean by :math:`w_j (t - s_j) / \sum w` and
  multiplies a geometric one by :math:`(t / s_j)^{w_j / \sum w}`.
- **Collect** — each indicator of the element that is not computed, with the variables it
  lacks, and the element score if it were computed and scored at its peers' median (an
  indicator no peer reports has no such estimate); then the readiness finder's ranked
  collection steps restricted to this element, saying after which step the element reaches
  its coverage threshold and gets a score.

Peers are the rows of the same year in the same peer group as the roll-up used.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from iso37122._typing import FloatArray
from iso37122.analysis.identity import key_element
from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.readiness import CollectionStep, Readiness
from iso37122.rollup import Aggregation, ElementResults
from iso37122.rollup.aggregation import aggregate
from iso37122.rollup.compute import scored_needed

__all__ = ["ImprovementPlan", "improvement_plan"]

_COMPUTED = Status.COMPUTED.code


def _mean(scores: FloatArray, weights: FloatArray, aggregation: Aggregation) -> float:
    """Return the roll-up's weighted mean of one city-year's scores (NaN for none)."""
    mean, _ = aggregate(scores[:, None], weights, aggregation)
    return float(mean[0])


@dataclass(frozen=True)
class ImprovementPlan:
    """What would raise one city-year's score of one key element.

    Attributes
    ----------
    city, year, code
        The city-year.
    element
        The key element.
    score
        The element score now (``None`` when not scored).
    n_scored, n_total, needed
        Indicators scored, scorable, and needed for a score (the coverage threshold).
    improve
        One row per scored indicator below the target: ``clause``, ``name``, ``value``,
        ``unit``, ``score``, ``target_score``, ``new_element_score`` and ``gain``; largest gain
        first.
    collect
        One row per indicator not computed: ``clause``, ``name``, ``lacking`` (variables),
        ``assumed_score`` (the peers' median, NaN when no peer has one),
        ``new_element_score`` (with that indicator added at ``assumed_score``) and ``gain``.
    steps
        The readiness finder's ranked collection steps that unlock indicators of this
        element, with what each unlocks here.
    scored_after_step
        The number of steps after which the element reaches its coverage threshold (0 when it
        already has a score, ``None`` when the steps do not get it there).
    """

    city: str
    year: int
    code: str | None
    element: KeyElement
    score: float | None
    n_scored: int
    n_total: int
    needed: int
    improve: pd.DataFrame
    collect: pd.DataFrame
    steps: tuple[CollectionStep, ...]
    scored_after_step: int | None

    def __str__(self) -> str:
        """Return the plan as text."""
        who = f"{self.city}{f' ({self.code})' if self.code else ''}, {self.year}"
        now = "not scored" if self.score is None else f"{self.score:.1f}"
        lines = [
            f"Improvement plan — {self.element.value} ({self.element.label}), {who}",
            f"  score now: {now}; {self.n_scored} of {self.n_total} indicators scored "
            f"({self.needed} needed for a score)",
            "",
            "Raise (to the peers' target score, all else equal):",
        ]
        if self.improve.empty:
            lines.append("  (nothing: every scored indicator is at or above its target)")
        for r in _records(self.improve):
            effect = (
                f"element {r.new_element_score:.1f} (+{r.gain:.1f})"
                if not math.isnan(r.gain)
                else "the element is still not scored"
            )
            lines.append(
                f"  {r.clause:<6} {r.name}: {r.score:.1f} -> {r.target_score:.1f}; {effect}"
            )
        lines += ["", "Collect (indicators not computed):"]
        if self.collect.empty:
            lines.append("  (nothing: every indicator of the element is computed)")
        for r in _records(self.collect):
            if math.isnan(r.assumed_score):
                effect = "no peer reports it"
            elif math.isnan(r.new_element_score):
                effect = f"at the peers' {r.assumed_score:.1f} the element is still not scored"
            elif math.isnan(r.gain):
                effect = f"at the peers' {r.assumed_score:.1f} the element scores "
                effect += f"{r.new_element_score:.1f}"
            else:
                effect = f"at the peers' {r.assumed_score:.1f}: element "
                effect += f"{r.new_element_score:.1f} ({r.gain:+.1f})"
            lines.append(f"  {r.clause:<6} {r.name}: needs {r.lacking}; {effect}")
        if self.steps:
            lines += ["", "Collection steps for this element (readiness finder):"]
            mine = set(self.collect["clause"])
            for k, step in enumerate(self.steps, 1):
                here = [c for c in step.unlocks if c in mine]
                lines.append(f"  {k}. {' + '.join(step.variables)} -> {', '.join(here)}")
        if self.score is None:
            lines.append("")
            lines.append(
                f"  The element gets a score after step {self.scored_after_step}."
                if self.scored_after_step is not None
                else "  Even all these steps do not reach the coverage threshold."
            )
        return "\n".join(lines)


def improvement_plan(
    elements: ElementResults,
    row: int,
    element: KeyElement | str,
    *,
    to: Literal["median", "best"] = "median",
) -> ImprovementPlan:
    """Plan what would raise one city-year's score of one key element most.

    Parameters
    ----------
    elements
        Scored city-years (``ProfileSet.elements``).
    row
        Position of the city-year.
    element
        The key element (any case: ``"Green"``).
    to
        Target of each indicator: its peers' ``"median"`` normalised score or the
        ``"best"`` one.

    Returns
    -------
    ImprovementPlan
        What to raise and what to collect, with the score each would give.
    """
    chosen = key_element(element)
    n_rows = elements.results.table.n_rows
    if not -n_rows <= row < n_rows:
        raise IndexError(f"row {row} out of range for {n_rows} city-years")
    row %= n_rows
    results = elements.results
    table = results.table
    e = elements.elements.index(chosen)
    config = elements.config
    members = [
        i
        for i, (m, plan) in enumerate(zip(elements.membership, elements.plans, strict=True))
        if m is chosen and plan.scorable
    ]
    peers = np.flatnonzero(
        (elements.groups == elements.groups[row]) & (table.year == table.year[row])
    )
    normalised = elements.normalised
    scored = [i for i in members if not math.isnan(normalised[i, row])]
    s = normalised[scored, row]
    w = elements.weights[scored]
    n_total = len(members)
    needed = scored_needed(n_total, config.min_coverage)
    aggregation = config.aggregation
    current = _mean(s, w, aggregation) if len(scored) >= needed else math.nan

    def target_of(i: int) -> float:
        peer_scores = normalised[i, peers]
        peer_scores = peer_scores[~np.isnan(peer_scores)]
        if peer_scores.size == 0:
            return math.nan
        return float(np.median(peer_scores) if to == "median" else peer_scores.max())

    improve_rows = []
    for k, i in enumerate(scored):
        target = target_of(i)
        if not target > s[k]:
            continue
        raised = s.copy()
        raised[k] = target
        new = _mean(raised, w, aggregation) if len(scored) >= needed else math.nan
        spec = results.indicators[i]
        improve_rows.append(
            {
                "clause": spec.clause,
                "name": spec.name,
                "value": float(results.values[i, row]),
                "unit": spec.unit,
                "score": float(s[k]),
                "target_score": target,
                "new_element_score": new,
                "gain": new - current,
            }
        )
    collect_rows = []
    readiness = Readiness(results, elements.membership)
    for i in members:
        if results.status[i, row] == _COMPUTED:
            continue
        target = target_of(i)
        with_it = np.append(s, target)
        weights = np.append(w, elements.weights[i])
        new = (
            _mean(with_it, weights, aggregation)
            if not math.isnan(target) and len(scored) + 1 >= needed
            else math.nan
        )
        spec = results.indicators[i]
        found = readiness.indicator(i, row)
        collect_rows.append(
            {
                "clause": spec.clause,
                "name": spec.name,
                "lacking": ", ".join(found.lacking) or f"check data: {found.reason}",
                "assumed_score": target,
                "new_element_score": new,
                "gain": new - current if not math.isnan(current) else math.nan,
                "order": i,
            }
        )
    clauses = {results.indicators[i].clause for i in members}
    steps = tuple(
        step
        for step in readiness.plan(np.array([row], dtype=np.int64))
        if clauses.intersection(step.unlocks)
    )
    after = _scored_after(steps, clauses, len(scored), needed)
    improve = pd.DataFrame(improve_rows, columns=_IMPROVE_COLUMNS)
    collect = pd.DataFrame(collect_rows, columns=_COLLECT_COLUMNS)
    value = float(elements.score[e, row])
    city, year, code = table.identity(row)
    return ImprovementPlan(
        city=city,
        year=year,
        code=code,
        element=chosen,
        score=None if math.isnan(value) else value,
        n_scored=len(scored),
        n_total=n_total,
        needed=needed,
        improve=improve.sort_values("gain", ascending=False, ignore_index=True),
        collect=collect.sort_values(
            ["new_element_score", "order"], ascending=[False, True], na_position="last"
        )
        .drop(columns="order")
        .reset_index(drop=True),
        steps=steps,
        scored_after_step=after,
    )


class _Row:
    """Attribute access to one row of a plan's frame, with typed numbers."""

    def __init__(self, record: Mapping[Hashable, Any]) -> None:
        self.clause = str(record["clause"])
        self.name = str(record["name"])
        self.lacking = str(record.get("lacking", ""))
        self.score = float(record.get("score", math.nan))
        self.target_score = float(record.get("target_score", math.nan))
        self.assumed_score = float(record.get("assumed_score", math.nan))
        self.new_element_score = float(record["new_element_score"])
        self.gain = float(record["gain"])


def _records(frame: pd.DataFrame) -> list[_Row]:
    return [_Row(record) for record in frame.to_dict("records")]


_IMPROVE_COLUMNS = [
    "clause",
    "name",
    "value",
    "unit",
    "score",
    "target_score",
    "new_element_score",
    "gain",
]
_COLLECT_COLUMNS = [
    "clause",
    "name",
    "lacking",
    "assumed_score",
    "new_element_score",
    "gain",
    "order",
]


def _scored_after(
    steps: Sequence[CollectionStep], clauses: set[str], n_scored: int, needed: int
) -> int | None:
    """After how many steps the element has enough computed indicators (0: already)."""
    if n_scored >= needed:
        return 0
    count = n_scored
    for k, step in enumerate(steps, 1):
        count += len(clauses.intersection(step.unlocks))
        if count >= needed:
            return k
    return None
