"""Normalisation methods (Handbook §1.5, Step 5, Table 3): one class per method, one registry.

Every method is a :class:`Normaliser`: it says which per-indicator setting it reads, decides an
indicator's reference before any data is seen (:meth:`Normaliser.reference`), turns one
indicator's values into a *progress* in [0, 1] (:meth:`Normaliser.progress`) and describes what a
value was scored against (:meth:`Normaliser.describe`). :data:`NORMALISERS` maps each
:class:`Normalisation` member to its normaliser; adding a method is one enum member and one
class registered there.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.indicators import Direction
from iso37122.rollup.normaliser_base import (
    PERCENT,
    LeftOut,
    Normalisation,
    Normaliser,
    PeerGroups,
    Progress,
    Reference,
    default_note,
    no_bands,
    onto_scale,
    progress_of,
)
from iso37122.rollup.peer_normalisers import (
    SELECT_MAX_GROUPS,
    MinMax,
    PeerNormaliser,
    Rank,
    ZScore,
    group_quantiles,
)
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
        return progress_of(values, valid, np.clip(u, 0.0, 1.0))

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
        onto_scale(out, scale, invalid)
        np.copyto(code, invalid, casting="unsafe")  # SCORED 0, NOT_COMPUTED 1
        return no_bands(values.shape[0])

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``goalposts low–high unit``."""
        assert plan.goalposts is not None
        low, high = plan.goalposts
        return f"goalposts {fmt_number(low)}–{fmt_number(high)} {unit}{default_note(plan)}"


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
        return progress_of(values, valid, self.reached(values, plan))

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``target t unit``."""
        assert plan.target is not None
        return f"target {fmt_number(plan.target)} {unit}{default_note(plan)}"


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
        return progress_of(values, valid, (band - 1) / 3.0, band)

    def describe(self, plan: IndicatorPlan, unit: str, peers: FloatArray, label: str) -> str:
        """``target t unit, bands start at …``."""
        shares = "/".join(fmt_number(100 * t) for t in plan.band_thresholds)
        return f"{super().describe(plan, unit, peers, label)}, bands start at {shares} % of it"


NORMALISERS: Mapping[Normalisation, Normaliser] = MappingProxyType(
    {cls.method: cls() for cls in (Goalposts, MinMax, ZScore, Rank, Target, Bands)}
)
"""The normaliser of every :class:`Normalisation` member (checked complete by the tests)."""
