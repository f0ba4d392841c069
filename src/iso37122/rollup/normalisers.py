"""Normalisation methods (Handbook §1.5, Step 5, Table 3): one class per method, one registry.

Every method is a :class:`Normaliser`: it says which per-indicator setting it reads, decides an
indicator's reference before any data is seen (:meth:`Normaliser.reference`), turns one
indicator's values into a *progress* in [0, 1] (:meth:`Normaliser.progress`) and describes what a
value was scored against (:meth:`Normaliser.describe`). :data:`NORMALISERS` maps each
:class:`Normalisation` member to its normaliser; adding a method is one enum member and one
class registered there.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
import numpy.typing as npt

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.indicators import Direction
from iso37122.rollup.selection import interpolate, order_statistics, quantile_positions
from iso37122.text import fmt_number

if TYPE_CHECKING:
    from iso37122.rollup.config import IndicatorPlan, RollupConfig

__all__ = [
    "NORMALISERS",
    "PERCENT",
    "SELECT_MAX_GROUPS",
    "Bands",
    "Goalposts",
    "LeftOut",
    "MinMax",
    "Normalisation",
    "Normaliser",
    "PeerGroups",
    "PeerNormaliser",
    "Progress",
    "Rank",
    "Reference",
    "Target",
    "ZScore",
    "group_quantiles",
]

PERCENT = "percent"
"""The unit string of indicators that are percentages (their natural goalposts are 0 and 100)."""


class Normalisation(StrEnum):
    """How indicator values become comparable scores (Handbook §1.5, Step 5, Table 3)."""

    GOALPOSTS = "goalposts"
    """Min-max on fixed bounds (goalposts) per indicator; 0–100 for percentages."""
    MINMAX = "minmax"
    """Min-max over the peer group."""
    ZSCORE = "zscore"
    """Standardisation (z-score) over the peer group, rescaled: mean 50, ±3 sd at 0 and 100."""
    RANK = "rank"
    """Percentile rank within the peer group."""
    TARGET = "target"
    """Distance to a reference: the share of a target reached, capped at the target."""
    BANDS = "bands"
    """Categorical scale, U4SSC style: share of target reached in bands 1–4."""

    @property
    def normaliser(self) -> Normaliser:
        """The normaliser that implements the method."""
        return NORMALISERS[self]

    @property
    def uses_peers(self) -> bool:
        """Whether the method compares a city-year with its peers (minmax, zscore, rank)."""
        return self.normaliser.uses_peers

    @property
    def reference(self) -> Literal["goalposts", "targets"] | None:
        """Which per-indicator setting the method reads (``None`` for peer-group methods)."""
        return self.normaliser.reads


class LeftOut(IntEnum):
    """Codes of ``ElementResults.left_out``: why a cell has no normalised score."""

    SCORED = 0
    NOT_COMPUTED = 1
    BY_CONFIG = 2
    PEER_ALONE = 3
    PEER_NO_SPREAD = 4
    PEER_FEW = 5


@dataclass(frozen=True, slots=True)
class Reference:
    """An indicator's fixed reference under a method, decided before any data is seen."""

    goalposts: tuple[float, float] | None = None
    target: float | None = None
    default: bool = False
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PeerGroups:
    """Each row's peer group: ``ids`` int64 (rows,) in ``range(len(labels))``."""

    ids: IntArray
    labels: tuple[str, ...]

    @property
    def n_groups(self) -> int:
        """Number of groups."""
        return len(self.labels)


@dataclass(frozen=True, slots=True)
class Progress:
    """One indicator's progress in [0, 1] per row (NaN where not scored) and why not.

    ``code`` holds a :class:`LeftOut` per row (``SCORED`` where ``progress`` is a number);
    ``band`` the band 1–4 for categorical methods (0 elsewhere).
    """

    progress: FloatArray
    code: Int8Array
    band: IntArray


class Normaliser(ABC):
    """One normalisation method behind the common interface."""

    method: ClassVar[Normalisation]
    uses_peers: ClassVar[bool] = False
    reads: ClassVar[Literal["goalposts", "targets"] | None] = None

    def reference(
        self, clause: str, unit: str, direction: Direction, config: RollupConfig
    ) -> Reference:
        """Decide the indicator's fixed reference (none for peer-group methods)."""
        return Reference()

    @abstractmethod
    def progress(
        self, values: FloatArray, valid: BoolArray, plan: IndicatorPlan, groups: PeerGroups
    ) -> Progress:
        """Progress of the ``valid`` rows of one indicator; NaN and a code elsewhere."""

    @abstractmethod
    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """Say what a value was scored against (``peers``: its peer group's values)."""

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
        """Write one indicator's scores into ``out`` and its :class:`LeftOut` codes into ``code``.

        The scores are :meth:`progress` mapped onto ``scale`` (``low + (high - low) * u``), NaN
        where a row is not scored; ``values`` may hold anything where ``invalid``. Returns the
        bands (see :class:`Progress`). Methods override it with a path that writes in place,
        giving the same numbers to the bit.
        """
        valid = ~invalid
        found = self.progress(np.where(valid, values, 0.0), valid, plan, groups)
        np.multiply(found.progress, scale[1] - scale[0], out=out)
        out += scale[0]
        code[...] = found.code
        return found.band


def _no_bands(n: int) -> IntArray:
    """Return a read-only row of zero bands, without allocating it."""
    return np.broadcast_to(np.zeros(1, dtype=np.int64), (n,))


def _onto_scale(out: FloatArray, scale: tuple[float, float], unscored: BoolArray) -> None:
    """Map progress in ``out`` onto ``scale`` in place, NaN where ``unscored``."""
    out *= scale[1] - scale[0]
    out += scale[0]
    np.copyto(out, np.nan, where=unscored)


def _progress(
    values: FloatArray, valid: BoolArray, progress: FloatArray, band: IntArray | None = None
) -> Progress:
    code = np.where(valid, LeftOut.SCORED, LeftOut.NOT_COMPUTED).astype(np.int8)
    return Progress(
        progress=np.where(valid, progress, np.nan),
        code=code,
        band=np.zeros(values.shape[0], dtype=np.int64) if band is None else band,
    )


def _default(plan: IndicatorPlan) -> str:
    return " (default for percentages)" if plan.default_reference else ""


class Goalposts(Normaliser):
    """Min-max on fixed bounds: ``(x - low) / (high - low)``, mirrored, clipped to [0, 1].

    Handbook §1.5 (Step 5, Table 3), "min-max", with the bounds fixed in advance (goalposts)
    instead of taken from the data, so that a score does not move when other cities change.
    """

    method = Normalisation.GOALPOSTS
    reads = "goalposts"

    def reference(
        self, clause: str, unit: str, direction: Direction, config: RollupConfig
    ) -> Reference:
        """Goalposts from the configuration, else 0–100 for percentages, else no score."""
        if clause in config.goalposts:
            return Reference(goalposts=config.goalposts[clause])
        if unit == PERCENT:
            return Reference(goalposts=(0.0, 100.0), default=True)
        return Reference(
            reason=f"open-ended unit {unit!r} has no natural goalposts and "
            f"open_ended='leave_out'; give goalposts={{{clause!r}: (low, high)}} in that unit, "
            "or let it be scored against its peers"
        )

    def progress(
        self, values: FloatArray, valid: BoolArray, plan: IndicatorPlan, groups: PeerGroups
    ) -> Progress:
        """Min-max on the plan's goalposts."""
        assert plan.goalposts is not None
        low, high = plan.goalposts
        u = (values - low) / (high - low)
        if not plan.higher_is_better:
            u = 1.0 - u
        return _progress(values, valid, np.clip(u, 0.0, 1.0))

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
        """:meth:`progress` on the scale, in place: no temporary the size of the rows."""
        assert plan.goalposts is not None
        low, high = plan.goalposts
        # Not-computed values are NaN (engine.Results): NaN arithmetic raises no warning.
        np.subtract(values, low, out=out)
        out /= high - low
        if not plan.higher_is_better:
            np.subtract(1.0, out, out=out)
        np.clip(out, 0.0, 1.0, out=out)
        _onto_scale(out, scale, invalid)
        np.copyto(code, invalid, casting="unsafe")  # SCORED 0, NOT_COMPUTED 1
        return _no_bands(values.shape[0])

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``goalposts low–high unit``."""
        assert plan.goalposts is not None
        low, high = plan.goalposts
        return f"goalposts {fmt_number(low)}–{fmt_number(high)} {unit}{_default(plan)}"


class Target(Normaliser):
    """Distance to a reference: ``x / target`` (or ``target / x``), capped at 1.

    Handbook §1.5 (Step 5, Table 3), "distance to a reference" in its ratio form
    :math:`x / x_{ref}`, the reference being a target; capped so that exceeding a target earns
    nothing more. When lower is better the ratio is inverted, so that twice the target value
    scores one half.
    """

    method = Normalisation.TARGET
    reads = "targets"

    def reference(
        self, clause: str, unit: str, direction: Direction, config: RollupConfig
    ) -> Reference:
        """Target from the configuration, else 100 for higher-is-better percentages."""
        if clause in config.targets:
            return Reference(target=config.targets[clause])
        if unit == PERCENT and direction is Direction.HIGHER_IS_BETTER:
            return Reference(target=100.0, default=True)
        if unit == PERCENT:
            return Reference(
                reason="a lower-is-better percentage has no default target (a share of a "
                f"target of 0 % is undefined); give targets={{{clause!r}: t}} with t > 0"
            )
        return Reference(
            reason=f"open-ended unit {unit!r} has no natural target; give "
            f"targets={{{clause!r}: t}} in that unit to score it"
        )

    @staticmethod
    def reached(values: FloatArray, plan: IndicatorPlan) -> FloatArray:
        """Share of the target reached, capped at 1."""
        assert plan.target is not None
        target = plan.target
        if plan.higher_is_better:
            u = values / target
        else:
            met = values <= target
            u = np.where(met, 1.0, target / np.where(met, 1.0, values))
        clipped: FloatArray = np.clip(u, 0.0, 1.0)
        return clipped

    def progress(
        self, values: FloatArray, valid: BoolArray, plan: IndicatorPlan, groups: PeerGroups
    ) -> Progress:
        """Share of the plan's target reached."""
        return _progress(values, valid, self.reached(values, plan))

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``target t unit``."""
        assert plan.target is not None
        return f"target {fmt_number(plan.target)} {unit}{_default(plan)}"


class Bands(Target):
    """Categorical scale: band 1 below the first threshold … band 4 from the third one on.

    Handbook §1.5 (Step 5, Table 3), "categorical scales", applied to the share of the target
    reached, with the U4SSC thresholds 33, 66 and 95 % by default; progress is
    ``(band - 1) / 3``.
    """

    method = Normalisation.BANDS

    def progress(
        self, values: FloatArray, valid: BoolArray, plan: IndicatorPlan, groups: PeerGroups
    ) -> Progress:
        """Band of the share of the target reached."""
        reached = self.reached(values, plan)
        thresholds = np.asarray(plan.band_thresholds)
        band: IntArray = 1 + np.searchsorted(thresholds, reached, side="right")
        band = np.where(valid, band, 0).astype(np.int64)
        return _progress(values, valid, (band - 1) / 3.0, band)

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``target t unit, bands start at …``."""
        shares = "/".join(fmt_number(100 * t) for t in plan.band_thresholds)
        return f"{super().describe(plan, unit, peers, label)}, bands start at {shares} % of it"


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
        result = _progress(values, valid, np.full(n, np.nan))
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
        _onto_scale(out, scale, unscored)
        return _no_bands(values.shape[0])

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


SELECT_MAX_GROUPS = 32
"""Most peer groups for which :class:`MinMax` selects per group rather than sorting once."""

NORMALISERS: Mapping[Normalisation, Normaliser] = MappingProxyType(
    {cls.method: cls() for cls in (Goalposts, MinMax, ZScore, Rank, Target, Bands)}
)
"""The normaliser of every :class:`Normalisation` member (checked complete by the tests)."""
