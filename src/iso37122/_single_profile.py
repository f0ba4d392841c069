"""One city-year from a mapping to its Profile, value by value, without whole-column machinery.

Package-internal. :func:`~iso37122.engine.evaluate` and :func:`~iso37122.rollup.roll_up` work
on whole columns: for one row, each of their numpy calls costs its fixed overhead for a single
value, some 200 calls per indicator. Here the same rules run on Python floats:

- :func:`evaluate_one` is ``evaluate`` for a one-row table: the same checks in the same order
  (a rejected input, a missing one, each declared constraint broken, then undefined, then a
  formula without a finite value), the same arithmetic (one IEEE operation for one), and the
  indicators' own functions; a constraint of a kind not known here, or a sum of several parts,
  is checked by its own methods on one-value columns.
- :func:`roll_up_one` is ``roll_up`` for one row: goalposts and the peer methods (which give no
  score to a city-year alone) are done here, any other normaliser is called on one-value
  columns, and a configuration whose method compares city-years is handed to ``roll_up``
  itself (which refuses one city-year).

Both return the very arrays the general functions return; ``tests/test_single.py`` checks the
two paths equal on random dirty city-years, reasons and element scores included.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from iso37122._single import OneRow, one_row
from iso37122.data import YEAR_RANGE, Table, raise_problems
from iso37122.elements import KeyElement
from iso37122.engine import DETAIL_CONSTRAINT, DETAIL_NOT_FINITE, Results, Status
from iso37122.indicators import Constraint, Indicator, NonNegative, PartOfWhole, Positive
from iso37122.indicators._spec import PART_TOLERANCE
from iso37122.profile import Profile
from iso37122.rollup import ElementResults, RollupConfig, roll_up
from iso37122.rollup.aggregation import Aggregation, aggregate_rows
from iso37122.rollup.compute import default_config, peer_groups, plans_of, scored_needed
from iso37122.rollup.config import IndicatorPlan
from iso37122.rollup.normalisers import (
    Goalposts,
    LeftOut,
    Normalisation,
    PeerGroups,
    PeerNormaliser,
)

__all__ = ["evaluate_one", "roll_up_one", "single_profile"]

_COMPUTED = Status.COMPUTED.code
_MISSING = Status.MISSING.code
_INVALID = Status.INVALID.code
_UNDEFINED = Status.UNDEFINED.code

# Kinds of constraint checked here on floats; any other is checked by its own methods.
_ONE_PART, _POSITIVE, _NON_NEGATIVE, _OTHER = range(4)


def single_profile(
    record: Mapping[str, object],
    specs: Sequence[Indicator],
    config: RollupConfig | None,
    *,
    strict: bool,
) -> Profile | None:
    """Return the Profile of a plain city-year (see :func:`iso37122._single.one_row`) or ``None``.

    Gives what ``compute_profile`` gives through the general path, errors included: with
    ``strict=True``, the same :class:`~iso37122.errors.DataError` for the same problems.
    """
    row = one_row(record, YEAR_RANGE)
    if row is None:
        return None
    table = Table(
        city=np.array([row.city], dtype=object),
        year=np.array([row.year], dtype=np.int64),
        code=np.array([row.code], dtype=object),
        columns=row.columns,
        invalid=row.invalid,
        problems=row.problems,
    )
    results = evaluate_one(table, row, specs)
    if strict:
        problems = [*table.problems, *results.constraint_problems()]
        if problems:
            raise_problems(problems)
    return Profile(results, roll_up_one(results, config), 0)


# --------------------------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Program:
    """What evaluating one indicator on floats needs, worked out once per indicator."""

    inputs: tuple[str, ...]
    snaps: tuple[tuple[str, str], ...]
    rules: tuple[tuple[int, Constraint], ...]
    cap: bool
    func: Callable[..., object]


_PROGRAMS: dict[int, tuple[Indicator, _Program]] = {}
_ORDERS: dict[
    tuple[int, ...],
    tuple[tuple[Indicator, ...], tuple[Indicator, ...], tuple[_Program, ...]],
] = {}


def _kind(constraint: Constraint) -> int:
    kind = type(constraint)
    if kind is PartOfWhole and isinstance(constraint, PartOfWhole):
        return _ONE_PART if len(constraint.parts) == 1 else _OTHER
    return {Positive: _POSITIVE, NonNegative: _NON_NEGATIVE}.get(kind, _OTHER)


def _program(spec: Indicator) -> _Program:
    hit = _PROGRAMS.get(id(spec))
    if hit is None or hit[0] is not spec:
        parts_of_whole = [c for c in spec.constraints if isinstance(c, PartOfWhole)]
        program = _Program(
            inputs=spec.inputs,
            snaps=tuple((c.parts[0], c.whole) for c in parts_of_whole if len(c.parts) == 1),
            rules=tuple((_kind(c), c) for c in spec.constraints),
            cap=spec.unit == "percent" and bool(parts_of_whole),
            func=spec.func,
        )
        hit = _PROGRAMS[id(spec)] = (spec, program)
    return hit[1]


def _in_clause_order(
    specs: Sequence[Indicator],
) -> tuple[tuple[Indicator, ...], tuple[_Program, ...]]:
    """Return the indicators in clause order (as ``evaluate`` has them) and their programs."""
    key = tuple(map(id, specs))
    hit = _ORDERS.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], specs, strict=True)):
        if len(_ORDERS) >= 16:
            _ORDERS.clear()
        ordered = tuple(sorted(specs, key=lambda s: s.sort_key))
        hit = _ORDERS[key] = (tuple(specs), ordered, tuple(map(_program, ordered)))
    return hit[1], hit[2]


def _one_value(constraint: Constraint, columns: Mapping[str, float]) -> dict[str, np.ndarray]:
    return {v: np.array([columns[v]]) for v in constraint.variables}


def _broken(kind: int, constraint: Constraint, columns: Mapping[str, float]) -> bool:
    """``constraint.invalid`` on one row of floats."""
    if kind == _ONE_PART:
        assert isinstance(constraint, PartOfWhole)
        whole = columns[constraint.whole]
        return columns[constraint.parts[0]] > whole + PART_TOLERANCE * abs(whole)
    if kind == _POSITIVE:
        assert isinstance(constraint, Positive)
        return columns[constraint.variable] < 0.0
    if kind == _NON_NEGATIVE:
        assert isinstance(constraint, NonNegative)
        return any(columns[n] < 0.0 for n in constraint.names)
    return bool(constraint.invalid(_one_value(constraint, columns))[0])


def _undefined(kind: int, constraint: Constraint, columns: Mapping[str, float]) -> bool:
    """``constraint.undefined`` on one row of floats."""
    if kind == _ONE_PART:
        assert isinstance(constraint, PartOfWhole)
        return columns[constraint.whole] == 0.0
    if kind == _POSITIVE:
        assert isinstance(constraint, Positive)
        return columns[constraint.variable] == 0.0
    if kind == _NON_NEGATIVE:
        return False
    return bool(constraint.undefined(_one_value(constraint, columns))[0])


def _evaluate(program: _Program, row: OneRow) -> tuple[float, int, int]:
    """Value, status code and detail code of one indicator (inside ``np.errstate``)."""
    values = row.values
    nan = math.nan
    for k, name in enumerate(program.inputs):
        if name in row.invalid:
            return nan, _INVALID, k
    columns = {name: values.get(name, nan) for name in program.inputs}
    for x in columns.values():
        if x != x:
            return nan, _MISSING, 0
    for part, whole in program.snaps:
        # A part equal to its whole within a few ulp (0.7 km of 700 m) is the whole.
        p, w = columns[part], columns[whole]
        if abs(p - w) <= PART_TOLERANCE * abs(w) and p != w:
            columns[part] = w
    for c, (kind, constraint) in enumerate(program.rules):
        if _broken(kind, constraint, columns):
            return nan, _INVALID, DETAIL_CONSTRAINT + c
    for c, (kind, constraint) in enumerate(program.rules):
        if _undefined(kind, constraint, columns):
            return nan, _UNDEFINED, c
    value = float(program.func(**{k: np.float64(v) for k, v in columns.items()}))  # type: ignore[arg-type]
    if not math.isfinite(value):
        return nan, _UNDEFINED, DETAIL_NOT_FINITE
    if program.cap:
        value = min(value, 100.0)  # parts within PART_TOLERANCE above their whole: 100 %
    return value, _COMPUTED, 0


def evaluate_one(table: Table, row: OneRow, specs: Sequence[Indicator]) -> Results:
    """``evaluate(table, specs)`` for the one-row ``table`` built from ``row``."""
    ordered, programs = _in_clause_order(specs)
    values, status, detail = [], [], []
    with np.errstate(all="ignore"):
        for program in programs:
            value, code, why = _evaluate(program, row)
            values.append(value)
            status.append(code)
            detail.append(why)
    return Results(
        table=table,
        indicators=ordered,
        values=np.array(values, dtype=np.float64).reshape(-1, 1),
        status=np.array(status, dtype=np.int8).reshape(-1, 1),
        detail=np.array(detail, dtype=np.int16).reshape(-1, 1),
    )


# --------------------------------------------------------------------------------------------
# Roll-up
# --------------------------------------------------------------------------------------------


def _progress(
    plan: IndicatorPlan, x: float, valid: bool, groups: PeerGroups
) -> tuple[float, int, int]:
    """Progress, left-out code and band of one value, as ``normaliser.progress`` gives them."""
    normaliser = plan.normalisation.normaliser
    if type(normaliser) is Goalposts and plan.goalposts is not None:
        if not valid:
            return math.nan, LeftOut.NOT_COMPUTED, 0
        low, high = plan.goalposts
        u = (x - low) / (high - low)
        if not plan.higher_is_better:
            u = 1.0 - u
        return min(max(u, 0.0), 1.0), LeftOut.SCORED, 0
    if (
        isinstance(normaliser, PeerNormaliser)
        and type(normaliser).progress is PeerNormaliser.progress
        and plan.min_peers >= 2
    ):
        # One city-year is alone in its peer group: never scored against its peers.
        if not valid:
            return math.nan, LeftOut.NOT_COMPUTED, 0
        alone = LeftOut.PEER_ALONE if plan.min_peers <= 2 else LeftOut.PEER_FEW
        return math.nan, alone, 0
    found = normaliser.progress(np.array([x]), np.array([valid]), plan, groups)
    return float(found.progress[0]), int(found.code[0]), int(found.band[0])


def _mean(
    normalised: Sequence[float], members: Sequence[int], weights: Sequence[float]
) -> tuple[float, int]:
    """``aggregate_rows`` (arithmetic) for one row: the same sums in the same order."""
    largest = max(weights[i] for i in members)
    total = weighted = 0.0
    count = 0
    for i in members:
        score = normalised[i]
        scored = score == score
        w = weights[i] / largest if scored else 0.0
        total += w
        weighted += w * (score if scored else 0.0)
        count += scored
    if count == 0 or total == 0.0:  # total 0: 0 / 0 in the general path
        return math.nan, count
    return weighted / total, count


def roll_up_one(results: Results, config: RollupConfig | None = None) -> ElementResults:
    """``roll_up(results, config)`` for one-row ``results``."""
    config = config if config is not None else default_config()
    if config.normalisation.uses_peers:
        return roll_up(results, config)  # refuses one city-year, with its reasons
    specs = results.indicators
    plans = plans_of(config, specs)
    membership = tuple(plan.element for plan in plans)
    weights = [plan.weight for plan in plans]
    if any(plan.scorable and plan.normalisation.uses_peers for plan in plans):
        groups = peer_groups(results.table, config.peer_by)
    else:
        groups = PeerGroups(np.zeros(1, dtype=np.int64), ("all city-years",))

    low, high = config.score_range
    n_ind = len(specs)
    normalised = [math.nan] * n_ind
    left_out = [int(LeftOut.BY_CONFIG)] * n_ind
    banded = [0] * n_ind
    status = results.status[:, 0].tolist()
    values = results.values[:, 0].tolist()
    for i, plan in enumerate(plans):
        if not plan.scorable:
            continue
        valid = status[i] == _COMPUTED
        progress, code, band = _progress(plan, values[i] if valid else 0.0, valid, groups)
        left_out[i] = code
        banded[i] = band
        normalised[i] = low + (high - low) * progress

    elements = tuple(KeyElement)
    score = np.full((len(elements), 1), np.nan)
    coverage = np.zeros((len(elements), 1))
    n_scored = np.zeros((len(elements), 1), dtype=np.int64)
    n_total = np.zeros(len(elements), dtype=np.int64)
    normalised_array = np.array(normalised, dtype=np.float64).reshape(-1, 1)
    weights_array = np.array(weights, dtype=float)
    for e, element in enumerate(elements):
        members = [i for i, p in enumerate(plans) if p.scorable and membership[i] is element]
        total = len(members)
        n_total[e] = total
        if total == 0:
            continue
        if config.aggregation is Aggregation.ARITHMETIC:
            mean, count = _mean(normalised, members, weights)
        else:
            found, counts = aggregate_rows(
                normalised_array, np.array(members), weights_array, config.aggregation
            )
            mean, count = float(found[0]), int(counts[0])
        n_scored[e] = count
        coverage[e] = count / total
        if count >= scored_needed(total, config.min_coverage):
            score[e] = min(max(mean, low), high)

    bands = (
        np.array(banded, dtype=np.int64).reshape(-1, 1)
        if config.normalisation is Normalisation.BANDS
        else np.broadcast_to(np.zeros(1, dtype=np.int64), (n_ind, 1))
    )
    return ElementResults(
        results=results,
        config=config,
        elements=elements,
        score=score,
        coverage=coverage,
        n_scored=n_scored,
        n_total=n_total,
        normalised_by=normalised_array,
        bands=bands,
        left_out=np.array(left_out, dtype=np.int8).reshape(-1, 1),
        weights=weights_array,
        membership=membership,
        plans=plans,
        groups=groups.ids,
        group_labels=groups.labels,
        pooled=MappingProxyType({}),
    )
