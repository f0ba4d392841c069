"""What every normalisation method shares.

The method names, the left-out codes, the peer groups, one indicator's progress, and the
:class:`Normaliser` interface.

The methods themselves are in :mod:`iso37122.rollup.normalisers` (fixed references) and
:mod:`iso37122.rollup.peer_normalisers` (references from the peers).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, ClassVar, Literal

import numpy as np

from iso37122._typing import BoolArray, FloatArray, Int8Array, IntArray
from iso37122.indicators import Direction

if TYPE_CHECKING:
    from iso37122.rollup.config import IndicatorPlan, RollupConfig

__all__ = [
    "PERCENT",
    "LeftOut",
    "Normalisation",
    "Normaliser",
    "PeerGroups",
    "Progress",
    "Reference",
    "default_note",
    "no_bands",
    "onto_scale",
    "progress_of",
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
        from iso37122.rollup.normalisers import NORMALISERS  # the registry imports this module

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


def no_bands(n: int) -> IntArray:
    """Return a read-only row of zero bands, without allocating it."""
    return np.broadcast_to(np.zeros(1, dtype=np.int64), (n,))


def onto_scale(out: FloatArray, scale: tuple[float, float], unscored: BoolArray) -> None:
    """Map progress in ``out`` onto ``scale`` in place, NaN where ``unscored``."""
    out *= scale[1] - scale[0]
    out += scale[0]
    np.copyto(out, np.nan, where=unscored)


def progress_of(
    values: FloatArray, valid: BoolArray, progress: FloatArray, band: IntArray | None = None
) -> Progress:
    """Return a :class:`Progress`: ``progress`` and SCORED where ``valid``, else NOT_COMPUTED."""
    code = np.where(valid, LeftOut.SCORED, LeftOut.NOT_COMPUTED).astype(np.int8)
    return Progress(
        progress=np.where(valid, progress, np.nan),
        code=code,
        band=np.zeros(values.shape[0], dtype=np.int64) if band is None else band,
    )


def default_note(plan: IndicatorPlan) -> str:
    """Return " (default for percentages)" when the plan's reference is the default one."""
    return " (default for percentages)" if plan.default_reference else ""
