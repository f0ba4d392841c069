r"""Roll indicator values up into the three key elements: normalise, weight, aggregate, cover.

The method follows the OECD/JRC *Handbook on Constructing Composite Indicators: Methodology
and User Guide* (Nardo, Saisana, Saltelli, Tarantola, Hoffmann and Giovannini; OECD
Publishing, Paris, 2008; ISBN 978-92-64-04345-9), cited below as "the Handbook":

1. **Direction** — every indicator declares whether more is better; a score always grows in the
   good direction. An indicator whose direction is *neutral* (ISO 37122 does not say whether more
   is better) enters no score unless ``RollupConfig(directions=...)`` gives it one.
2. **Normalisation** (Handbook §1.5, Step 5 "Normalisation", Table 3) turns each value into a
   *progress* :math:`u \in [0, 1]`, then into a score :math:`s = a + (b - a) u` on the
   configured ``score_range`` :math:`[a, b]` (default 0–100):

   ============  ===================================================  ======================
   method        progress :math:`u` (higher is better; mirrored for    Handbook method
                 lower is better)
   ============  ===================================================  ======================
   goalposts     :math:`(x - L) / (H - L)`, clipped to [0, 1]          min-max on fixed
                                                                      bounds (goalposts)
   minmax        :math:`(x - \min_p) / (\max_p - \min_p)` over peers   min-max
   zscore        :math:`1/2 + z / 6`, clipped; :math:`z = (x -         standardisation
                 \bar x_p) / \sigma_p` over peers                      (z-scores)
   rank          percentile rank among peers (ties share the mean)     ranking
   target        :math:`\min(x / T, 1)`; lower is better:              distance to a
                 :math:`\min(T / x, 1)`                                reference
   bands         U4SSC bands of the target progress: band 1–4 at 33,   categorical scale
                 66 and 95 %, :math:`u = (\text{band} - 1) / 3`
   ============  ===================================================  ======================

   *Fixed-reference* methods (goalposts, target, bands) score each city-year alone, so a single
   profile gets scores. *Peer-group* methods (minmax, zscore, rank) compare each city-year with
   its peers (the other rows of the same year, unless ``peer_by`` says otherwise) and need a set
   of rows: on one row they raise :class:`~iso37122.errors.ConfigError`.
3. **Weighting and aggregation** (Handbook §1.6, Step 6 "Weighting and aggregation") —
   weights are equal unless configured; an element's score is the weighted arithmetic mean of
   its scored indicators (compensatory, the default) or their weighted geometric mean
   (partly compensatory, which a zero score would collapse: it needs ``score_range`` above 0).
4. **Coverage** — an element is scored only when at least ``min_coverage`` of its scorable
   indicators are scored (default one third); coverage is always reported beside the score.

**The defaults, and why.** Real data are partial for years: a first national collection
reports a fraction of the 80 indicators, unevenly. The defaults are chosen so that such data
get scores that mean something, and say how much they rest on:

- *Leave unreported indicators out, and show coverage.* The Handbook (Step 3, "Imputation of
  missing data") lists case deletion beside single and multiple imputation, and warns that
  imputed values add uncertainty that must be reported; U4SSC's assessments of
  cities against its KPIs likewise leave an unreported KPI out of a dimension's result rather
  than scoring it 0 or imputing it. An element score is therefore the mean of the indicators
  that are scored, never of zeros for the missing ones, and carries its coverage (``n_scored``
  of ``n_total``) everywhere it is shown.
- *A third, not a half.* A coverage threshold trades comparability for reach. At one half, a
  realistic first collection (about a third of the variables) left almost every element
  unscored; at one third, an element needs at least 6 of livable's 18 scorable indicators, 12
  of green's 35 and 8 of digital's 23 — several themes' worth, not one lucky indicator — and
  the coverage shown beside the score lets a reader weigh it. ``min_coverage=0.5`` restores
  the stricter rule.
- *Percentages keep natural goalposts.* 0 and 100 % are the ends of the scale for every city
  and year, so a percentage is scored without peers and a single city-year gets scores.
- *Open-ended indicators are scored against their peers.* A rate per 100 000 people, days or
  gigajoules per person has no natural bounds, and bounds made up by the library would decide
  the score. The Handbook's min-max normalisation over the observed values (Table 3) is the
  honest default: with at least ``min_peers`` (5) values in the peer group the indicator is
  scored on the peers' range, winsorised at the 5th and 95th percentiles (the Handbook notes
  that min-max is driven by extreme values, which can distort the transformed indicator; the
  JRC's practice is to winsorise outliers before normalising), its direction respected;
  ``open_ended="rank"`` uses percentile
  ranks instead. With fewer peers it is left out with that reason, and it still counts in
  coverage (peers could make it enter). ``open_ended="leave_out"`` or ``goalposts=`` per clause
  restore fixed references for every indicator.
- *Peers are the same year's city-years* (``peer_by="year"``); ``"province"`` and ``"kind"``
  (kota or kabupaten, from the code) compare within a province or a kind of local government,
  ``"all"`` across every row, ``"city"`` with a city's own record, and ``roll_up(...,
  peers=labels)`` within groups the caller gives (each split by year). Peer scores depend on
  the set: a city-year scored alone and in a set differ for open-ended indicators, by design.

**Which indicators are scored.** Under the default ``goalposts`` method an indicator in percent
has the natural goalposts 0 and 100 % (reversed when lower is better), and an open-ended one is
scored against its peers as above unless given goalposts. Under ``target`` and ``bands`` a
higher-is-better percentage has the default target 100 %; a lower-is-better one, and any
open-ended one, needs a target (a share of a target of 0 % is undefined). Peer-group methods
score every indicator that has a direction. An indicator left out by the configuration is listed
in every element score with its reason, and does not count in coverage: no data could make it
enter. An indicator with no direction (*neutral*) enters no score unless given one.

**Membership** of each indicator in an element is the library's documented default (see
:mod:`iso37122.elements`: no official mapping exists) and can be replaced, in full or in part,
with ``RollupConfig(element_of=...)``.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

import numpy as np
import numpy.typing as npt
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    model_validator,
)

from iso37122.analysis.identity import provinces_of, regency_kinds
from iso37122.data import Table
from iso37122.elements import KeyElement
from iso37122.engine import Results
from iso37122.errors import ConfigError, DataError, UnknownIndicatorError
from iso37122.indicators import CATALOGUE, Direction, Indicator, Status
from iso37122.indicators._formulas import FloatArray
from iso37122.units import to_canonical

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Aggregation",
    "Contribution",
    "ElementResults",
    "ElementScore",
    "IndicatorPlan",
    "Normalisation",
    "PeerBy",
    "RollupConfig",
    "roll_up",
]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

PERCENT = "percent"
"""The unit string of indicators that are percentages (their natural goalposts are 0 and 100)."""

PeerBy = Literal["year", "all", "city", "province", "kind"]
"""Who a city-year's peers are in peer-group normalisation: the rows of the same year, every
row, the rows of the same city (its own record over the years), or the rows of the same year
and province (first two digits of the Kemendagri or BPS code) or kind (kota or kabupaten)."""

OpenEnded = Literal["minmax", "rank", "leave_out"]
"""How the goalposts method scores an open-ended indicator given no goalposts."""

# Codes of ``ElementResults.left_out``: why a cell has no normalised score.
_SCORED = 0
_NOT_COMPUTED = 1
_BY_CONFIG = 2
_PEER_ALONE = 3
_PEER_NO_SPREAD = 4
_PEER_FEW = 5

_COMPUTED = Status.COMPUTED.code

_DEFAULT_BANDS = (0.33, 0.66, 0.95)
"""U4SSC: bands 2, 3 and 4 start at 33, 66 and 95 % of the target."""


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
    def uses_peers(self) -> bool:
        """Whether the method compares a city-year with its peers (minmax, zscore, rank)."""
        return self in _PEER_METHODS

    @property
    def reference(self) -> Literal["goalposts", "targets"] | None:
        """Which per-indicator setting the method reads (``None`` for peer-group methods)."""
        if self is Normalisation.GOALPOSTS:
            return "goalposts"
        if self in (Normalisation.TARGET, Normalisation.BANDS):
            return "targets"
        return None


_PEER_METHODS = frozenset({Normalisation.MINMAX, Normalisation.ZSCORE, Normalisation.RANK})


class Aggregation(StrEnum):
    """How an element's indicator scores are combined (Handbook §1.6, Step 6)."""

    ARITHMETIC = "arithmetic"
    """Weighted arithmetic mean: fully compensatory."""
    GEOMETRIC = "geometric"
    """Weighted geometric mean: a low score is harder to compensate; needs scores above 0."""


# --------------------------------------------------------------------------------------------
# Immutable mappings inside the frozen model
# --------------------------------------------------------------------------------------------


def _freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


ElementMap = Annotated[
    Mapping[str, KeyElement],
    AfterValidator(_freeze),
    PlainSerializer(dict, return_type=dict[str, KeyElement]),
]
DirectionMap = Annotated[
    Mapping[str, Direction],
    AfterValidator(_freeze),
    PlainSerializer(dict, return_type=dict[str, Direction]),
]
GoalpostMap = Annotated[
    Mapping[str, tuple[float, float]],
    AfterValidator(_freeze),
    PlainSerializer(dict, return_type=dict[str, tuple[float, float]]),
]
NumberMap = Annotated[
    Mapping[str, float],
    AfterValidator(_freeze),
    PlainSerializer(dict, return_type=dict[str, float]),
]


def _config_error(error: ValidationError) -> ConfigError:
    """Turn pydantic's ValidationError into one ConfigError (re-raising our own unchanged)."""
    lines = []
    for detail in error.errors():
        original = detail.get("ctx", {}).get("error")
        if isinstance(original, ConfigError):
            return original
        where = ".".join(str(part) for part in detail["loc"])
        lines.append(f"{where}: {detail['msg']}" if where else str(detail["msg"]))
    return _problems_error(lines)


def _problems_error(problems: Sequence[str]) -> ConfigError:
    if len(problems) == 1:
        return ConfigError(f"invalid roll-up configuration: {problems[0]}")
    listed = "\n".join(f"  - {problem}" for problem in problems)
    return ConfigError(f"invalid roll-up configuration ({len(problems)} problems):\n{listed}")


def _unknown_clause(setting: str, key: str) -> str:
    """Say that a configuration key is no clause, suggesting the closest ones."""
    try:
        spec = CATALOGUE.by_name(key)
    except UnknownIndicatorError:
        pass
    else:
        return f"{setting}: {key!r} is an indicator name; key it by its clause {spec.clause!r}"
    close = difflib.get_close_matches(key, list(CATALOGUE), n=3, cutoff=0.6)
    names = {spec.name: spec.clause for spec in CATALOGUE.values()}
    close += [names[n] for n in difflib.get_close_matches(key, list(names), n=2, cutoff=0.6)]
    hint = f"; did you mean {', '.join(repr(c) for c in dict.fromkeys(close))}?" if close else ""
    return f"{setting}: no indicator {key!r} in the ISO 37122 catalogue{hint}"


def _fmt(value: float) -> str:
    return f"{value:.6g}"


# --------------------------------------------------------------------------------------------
# The configuration
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorPlan:
    """How one indicator is scored under a configuration, decided before any data is seen.

    Attributes
    ----------
    clause
        The indicator's clause.
    element
        The key element it belongs to (the default mapping or ``element_of``).
    direction
        The direction used (the declared one or ``directions``).
    weight
        Its weight within its element.
    normalisation
        The normalisation method.
    goalposts
        ``(low, high)`` in the indicator's unit when the method is goalposts and it is scored.
    target
        The target in the indicator's unit when the method is target or bands and it is scored.
    default_reference
        Whether the goalposts or target are the library's default for percentages.
    reason
        Why the indicator enters no score whatever the data, or ``None`` when it can be scored.
    winsorise
        Share of each tail of the peer distribution clipped before a peer min-max (0: none).
    min_peers
        Peer values needed for a peer score (2 for the peer-group methods; ``min_peers`` for
        open-ended indicators under goalposts).
    """

    clause: str
    element: KeyElement
    direction: Direction
    weight: float
    normalisation: Normalisation
    goalposts: tuple[float, float] | None
    target: float | None
    default_reference: bool
    reason: str | None
    winsorise: float = 0.0
    min_peers: int = 2

    @property
    def scorable(self) -> bool:
        """Whether data can make this indicator enter its element's score."""
        return self.reason is None

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher value scores higher."""
        return self.direction is Direction.HIGHER_IS_BETTER


class RollupConfig(BaseModel):
    """Every choice of the roll-up into key elements, validated before anything is computed.

    A bad value or a bad combination raises :class:`~iso37122.errors.ConfigError` (a
    ``ValueError``) that lists every problem. Per-indicator settings are keyed by clause
    (``"7.6"``); they are checked against the catalogue.

    Parameters
    ----------
    element_of
        Key element of some or all indicators, replacing the library's default mapping for
        those clauses (see :mod:`iso37122.elements`).
    normalisation
        How values become scores (see :class:`Normalisation`); default ``"goalposts"``.
    peer_by
        Who a city-year is compared with, by peer-group methods and by the goalposts method's
        peer scoring of open-ended indicators: the rows of the same ``"year"`` (default),
        ``"all"`` rows, the rows of the same ``"city"`` (by code when given), or the rows of
        the same year and ``"province"`` (from the code) or ``"kind"`` (kota or kabupaten,
        from the code). Caller-defined groups are given to :func:`roll_up` as ``peers=``.
        Another value than the default where nothing is peer-scored is an error.
    goalposts
        ``(low, high)`` per clause, in the indicator's unit (a number, or a string or pint
        Quantity with a unit, converted into it); ``low < high`` whatever the direction. Read
        by the goalposts method only. Percentages default to ``(0, 100)``.
    targets
        A target per clause, above 0, in the indicator's unit (as for ``goalposts``). Read by
        the target and bands methods only. Higher-is-better percentages default to 100.
    weights
        A positive weight per clause (default 1: equal weights within an element).
    directions
        A direction per clause, replacing the declared one; needed to score a neutral indicator.
    open_ended
        Goalposts method only: how an open-ended indicator (a rate per 100 000, days, GJ per
        person …) given no goalposts is scored: ``"minmax"`` (default) on its peers'
        winsorised range, ``"rank"`` by percentile rank among its peers, or ``"leave_out"``.
    winsorise
        Share of each tail of the peer distribution clipped before min-max (default 0.05:
        values beyond the 5th and 95th percentiles score as those percentiles, so that one
        outlier does not squeeze every other city into a corner of the scale).
    min_peers
        Peer values (the city-year's own included) needed to score an open-ended indicator
        against its peers (default 5); with fewer it is left out with the reason.
    aggregation
        ``"arithmetic"`` (default) or ``"geometric"`` mean within an element.
    min_coverage
        Share (0–1) of an element's scorable indicators that must be scored for the element to
        get a score (default one third; see the module notes). At least one indicator is
        always needed, and coverage is always reported beside the score.
    score_range
        The scale of indicator and element scores, ``(low, high)`` within 0–100 (default
        ``(0, 100)``). Geometric aggregation needs ``low > 0``, e.g. ``(1, 100)``.
    band_thresholds
        For ``bands``: the shares of the target (0–1) at which bands 2, 3 and 4 start
        (default the U4SSC ``(0.33, 0.66, 0.95)``); other values need ``bands``.

    Raises
    ------
    ConfigError
        On any invalid value or combination: an unknown clause (with a suggestion), goalposts
        with ``low >= high``, a target or weight not above 0, goalposts or targets that the
        chosen method would not read, a neutral indicator given a reference but no direction,
        geometric aggregation over scores that can be 0, and so on.

    Examples
    --------
    >>> config = RollupConfig(goalposts={"5.2": (0, 0.5)}, weights={"5.1": 2})
    >>> config.normalisation.value, round(config.min_coverage, 3), config.open_ended
    ('goalposts', 0.333, 'minmax')
    >>> RollupConfig(aggregation="geometric")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    iso37122.errors.ConfigError: invalid roll-up configuration: aggregation='geometric' over ...
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False, validate_default=True
    )

    element_of: ElementMap = Field(default={}, description="Key element per clause.")
    normalisation: Normalisation = Field(
        default=Normalisation.GOALPOSTS, description="Normalisation method."
    )
    peer_by: PeerBy = Field(default="year", description="Peer groups of peer-group methods.")
    goalposts: GoalpostMap = Field(
        default={}, description="(low, high) per clause, in the indicator's unit."
    )
    targets: NumberMap = Field(default={}, description="Target per clause, in its unit.")
    weights: NumberMap = Field(default={}, description="Weight per clause (default 1).")
    directions: DirectionMap = Field(default={}, description="Direction per clause.")
    aggregation: Aggregation = Field(
        default=Aggregation.ARITHMETIC, description="Aggregation within an element."
    )
    open_ended: OpenEnded = Field(
        default="minmax",
        description="Goalposts method: peer scoring of open-ended indicators without goalposts.",
    )
    winsorise: float = Field(
        default=0.05,
        ge=0.0,
        lt=0.5,
        description="Share of each tail of the peer distribution clipped before min-max.",
    )
    min_peers: int = Field(
        default=5, ge=2, description="Peer values needed to score an open-ended indicator."
    )
    min_coverage: float = Field(
        default=1.0 / 3.0,
        ge=0.0,
        le=1.0,
        description="Share of an element's scorable indicators needed for a score.",
    )
    score_range: tuple[float, float] = Field(
        default=(0.0, 100.0), description="Scale of scores, (low, high) within 0-100."
    )
    band_thresholds: tuple[float, float, float] = Field(
        default=_DEFAULT_BANDS,
        description="Shares of the target at which bands 2, 3 and 4 start.",
    )

    if not TYPE_CHECKING:

        def __init__(self, **data: Any) -> None:
            """Validate, raising ConfigError instead of pydantic's ValidationError."""
            try:
                super().__init__(**data)
            except ValidationError as error:
                raise _config_error(error) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate a mapping, raising ConfigError on any problem."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as error:
            raise _config_error(error) from None

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any
    ) -> Self:
        """Validate JSON text, raising ConfigError on any problem."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except ValidationError as error:
            raise _config_error(error) from None

    def __hash__(self) -> int:
        """Hash the configuration by its JSON form (its mappings are read-only)."""
        return hash(self.model_dump_json())

    @model_validator(mode="before")
    @classmethod
    def _convert_units(cls, data: Any) -> Any:
        """Convert goalposts and targets given with a unit into the indicator's unit."""
        if not isinstance(data, Mapping):
            return data
        converted = dict(data)
        problems: list[str] = []

        def convert(clause: str, value: object, setting: str) -> object:
            if isinstance(value, int | float) or clause not in CATALOGUE:
                return value
            unit = CATALOGUE[clause].unit
            try:
                return to_canonical(value, unit, variable=f"{setting}[{clause!r}]")
            except DataError as error:
                problems.append(str(error))
                return value

        goalposts = converted.get("goalposts")
        if isinstance(goalposts, Mapping):
            converted["goalposts"] = {
                clause: (
                    tuple(convert(clause, bound, "goalposts") for bound in pair)
                    if isinstance(pair, list | tuple)
                    else pair
                )
                for clause, pair in goalposts.items()
            }
        targets = converted.get("targets")
        if isinstance(targets, Mapping):
            converted["targets"] = {
                clause: convert(clause, value, "targets") for clause, value in targets.items()
            }
        if problems:
            raise _problems_error(problems)
        return converted

    def model_post_init(self, context: Any, /) -> None:
        """Check every combination up front; raise one ConfigError listing all problems."""
        problems: list[str] = []
        for setting in ("element_of", "goalposts", "targets", "weights", "directions"):
            mapping: Mapping[str, object] = getattr(self, setting)
            problems += [_unknown_clause(setting, k) for k in mapping if k not in CATALOGUE]
        for clause, (low, high) in self.goalposts.items():
            if not low < high:
                problems.append(
                    f"goalposts[{clause!r}] = ({_fmt(low)}, {_fmt(high)}): low must be below "
                    "high (the direction, not the order, says which end is best)"
                )
        for clause, target in self.targets.items():
            if not target > 0:
                problems.append(
                    f"targets[{clause!r}] = {_fmt(target)}: a target must be above 0 (the "
                    "share of a target of 0 is undefined); for an ideal of 0 use goalposts"
                )
        for clause, weight in self.weights.items():
            if not weight > 0:
                problems.append(
                    f"weights[{clause!r}] = {_fmt(weight)}: a weight must be above 0; to leave "
                    "an indicator out, give it a neutral direction"
                )
        reads = self.normalisation.reference
        for setting in ("goalposts", "targets"):
            if getattr(self, setting) and reads != setting:
                readers = (
                    "normalisation='goalposts'"
                    if setting == "goalposts"
                    else "normalisation='target' or 'bands'"
                )
                problems.append(
                    f"{setting} are given but normalisation={self.normalisation.value!r} does "
                    f"not read them; {setting} are read by {readers}"
                )
        for setting in ("goalposts", "targets"):
            for clause in getattr(self, setting):
                if clause in CATALOGUE and self._direction(CATALOGUE[clause]) is Direction.NEUTRAL:
                    problems.append(
                        f"{setting}[{clause!r}]: indicator {clause} has no direction (neutral); "
                        f"say which way is better with directions={{{clause!r}: ...}}"
                    )
        low, high = self.score_range
        if not 0.0 <= low < high <= 100.0:
            problems.append(
                f"score_range = ({_fmt(low)}, {_fmt(high)}): need 0 <= low < high <= 100"
            )
        elif self.aggregation is Aggregation.GEOMETRIC and low <= 0.0:
            problems.append(
                "aggregation='geometric' over scores that can be 0: every normalisation gives 0 "
                "to the worst value, and one 0 makes a geometric mean 0 whatever the other "
                "indicators; set score_range=(1, 100) (or another lower end above 0) or use "
                "aggregation='arithmetic'"
            )
        t1, t2, t3 = self.band_thresholds
        if not 0.0 < t1 < t2 < t3 <= 1.0:
            problems.append(
                f"band_thresholds = ({_fmt(t1)}, {_fmt(t2)}, {_fmt(t3)}): need "
                "0 < first < second < third <= 1"
            )
        # A setting left at its default is not "given", so that a dumped config validates.
        if self.band_thresholds != _DEFAULT_BANDS and self.normalisation is not (
            Normalisation.BANDS
        ):
            problems.append("band_thresholds are given but only normalisation='bands' reads them")
        goalposts = self.normalisation is Normalisation.GOALPOSTS
        peer_scored = self.normalisation.uses_peers or (
            goalposts and self.open_ended != "leave_out"
        )
        if self.peer_by != "year" and not peer_scored:
            problems.append(
                f"peer_by is given but normalisation={self.normalisation.value!r} has no peers; "
                "peer_by is read by 'minmax', 'zscore' and 'rank', and by 'goalposts' unless "
                "open_ended='leave_out'"
            )
        defaults = {"open_ended": "minmax", "winsorise": 0.05, "min_peers": 5}
        for setting, default in defaults.items():
            if getattr(self, setting) != default and not goalposts:
                problems.append(
                    f"{setting} is given but only normalisation='goalposts' reads it (the "
                    "peer scoring of open-ended indicators)"
                )
        if problems:
            raise _problems_error(problems)

    # ----------------------------------------------------------------------------------------

    def _direction(self, spec: Indicator) -> Direction:
        return self.directions.get(spec.clause, spec.direction)

    def element(self, spec: Indicator) -> KeyElement:
        """Return the key element an indicator belongs to under this configuration."""
        return self.element_of.get(spec.clause, spec.element)

    def plan(self, spec: Indicator) -> IndicatorPlan:
        """Return how an indicator is scored under this configuration (before any data).

        Examples
        --------
        >>> from iso37122 import catalogue
        >>> RollupConfig().plan(catalogue()["5.3"]).goalposts
        (0.0, 100.0)
        >>> RollupConfig().plan(catalogue()["5.2"]).normalisation.value  # scored among peers
        'minmax'
        >>> print(RollupConfig(open_ended="leave_out").plan(catalogue()["5.2"]).reason)
        ... # doctest: +ELLIPSIS
        open-ended unit '1 / hundred_thousand_people' has no natural goalposts and ...
        """
        clause = spec.clause
        direction = self._direction(spec)
        method = self.normalisation
        goalposts: tuple[float, float] | None = None
        target: float | None = None
        default = False
        reason: str | None = None
        winsorise = 0.0
        min_peers = 2
        if direction is Direction.NEUTRAL:
            reason = (
                "set to neutral by directions=: it enters no score"
                if clause in self.directions
                else "neutral direction: ISO 37122 does not say whether more is better, so it "
                f"enters no score unless directions={{{clause!r}: ...}} gives it one"
            )
        elif method is Normalisation.GOALPOSTS:
            if clause in self.goalposts:
                goalposts = self.goalposts[clause]
            elif spec.unit == PERCENT:
                goalposts, default = (0.0, 100.0), True
            elif self.open_ended != "leave_out":
                method = Normalisation(self.open_ended)
                winsorise = self.winsorise if method is Normalisation.MINMAX else 0.0
                min_peers = self.min_peers
            else:
                reason = (
                    f"open-ended unit {spec.unit!r} has no natural goalposts and "
                    f"open_ended='leave_out'; give goalposts={{{clause!r}: (low, high)}} in "
                    "that unit, or let it be scored against its peers"
                )
        elif method in (Normalisation.TARGET, Normalisation.BANDS):
            if clause in self.targets:
                target = self.targets[clause]
            elif spec.unit == PERCENT and direction is Direction.HIGHER_IS_BETTER:
                target, default = 100.0, True
            elif spec.unit == PERCENT:
                reason = (
                    "a lower-is-better percentage has no default target (a share of a target "
                    f"of 0 % is undefined); give targets={{{clause!r}: t}} with t > 0"
                )
            else:
                reason = (
                    f"open-ended unit {spec.unit!r} has no natural target; give "
                    f"targets={{{clause!r}: t}} in that unit to score it"
                )
        return IndicatorPlan(
            clause=clause,
            element=self.element(spec),
            direction=direction,
            weight=float(self.weights.get(clause, 1.0)),
            normalisation=method,
            goalposts=goalposts,
            target=target,
            default_reference=default,
            reason=reason,
            winsorise=winsorise,
            min_peers=min_peers,
        )


# --------------------------------------------------------------------------------------------
# Results: contributions and element scores
# --------------------------------------------------------------------------------------------


class Contribution(BaseModel):
    """One indicator's part in one element score of one city-year.

    Attributes
    ----------
    clause, name
        The indicator.
    raw_value
        Its value in :attr:`unit`, or ``None`` when not computed.
    unit
        The indicator's unit.
    status
        Whether it was computed, and if not why not (missing, invalid, undefined).
    direction
        The direction used for scoring.
    reference
        What the value was scored against (goalposts, target, peers), when it was scored.
    score
        Normalised score on the configured scale (0–100 by default), or ``None``.
    band
        For ``bands``: the band 1–4 (``None`` otherwise).
    weight
        Its weight within the element.
    included
        Whether it entered the element's score.
    reason
        Why it was left out (``None`` when included).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    clause: str
    name: str
    raw_value: float | None
    unit: str
    status: Status
    direction: Direction
    reference: str | None
    score: float | None
    band: int | None
    weight: float
    included: bool
    reason: str | None


class ElementScore(BaseModel):
    """The score of one key element for one city-year, and everything that made it.

    Attributes
    ----------
    element
        The key element.
    score
        Score on the configured scale (0–100 by default), or ``None`` when too few of the
        element's indicators were scored (see :attr:`reason`).
    coverage
        ``n_scored / n_total`` (0 when the element has no scorable indicator).
    n_scored
        Indicators that entered the score.
    n_total
        The element's indicators that the configuration can score (an indicator it leaves out
        whatever the data is listed in :attr:`contributions` but not counted).
    min_coverage
        The coverage needed for a score.
    normalisation, aggregation
        The methods used.
    reason
        Why there is no score (``None`` when there is one).
    contributions
        Every indicator of the element, included or not, in clause order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    element: KeyElement
    score: float | None
    coverage: float
    n_scored: int
    n_total: int
    min_coverage: float
    normalisation: Normalisation
    aggregation: Aggregation
    reason: str | None
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True, eq=False)
class ElementResults:
    """Element scores of every row of a :class:`~iso37122.engine.Results`, as arrays.

    Attributes
    ----------
    results
        The indicator results rolled up.
    config
        The configuration used.
    elements
        The key elements, in the order of the first axis of the element arrays.
    score
        float64 (3, rows): element scores, NaN where not scored.
    coverage
        float64 (3, rows): share of each element's scorable indicators that were scored.
    n_scored
        int64 (3, rows): indicators that entered each score.
    n_total
        int64 (3,): scorable indicators of each element.
    normalised
        float64 (indicators, rows): normalised scores, NaN where an indicator was left out.
    bands
        int64 (indicators, rows): the band 1–4 under ``bands`` (0 elsewhere or when unscored).
    left_out
        int8 (indicators, rows): 0 where scored, else a code of why not (see :meth:`reason`).
    weights
        float64 (indicators,): each indicator's weight.
    membership
        The key element of each indicator.
    plans
        How each indicator is scored (see :meth:`RollupConfig.plan`).
    groups
        int64 (rows,): each row's peer group (all 0 for fixed-reference methods).
    group_labels
        A label for each peer group (``"year 2024"``).
    pooled
        Per indicator (by position), the rows scored against the peers of every year because
        fewer than ``min_peers`` of their own year's peers report it (open-ended indicators
        under the default ``peer_by="year"`` only; absent when none).
    """

    results: Results
    config: RollupConfig
    elements: tuple[KeyElement, ...]
    score: FloatArray
    coverage: FloatArray
    n_scored: IntArray
    n_total: IntArray
    normalised: FloatArray
    bands: IntArray
    left_out: npt.NDArray[np.int8]
    weights: FloatArray
    membership: tuple[KeyElement, ...]
    plans: tuple[IndicatorPlan, ...]
    groups: IntArray
    group_labels: tuple[str, ...]
    pooled: Mapping[int, BoolArray] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        """Number of rows (city-years)."""
        return self.results.table.n_rows

    def _check_row(self, row: int) -> int:
        if not -self.n_rows <= row < self.n_rows:
            raise IndexError(f"row {row} out of range for {self.n_rows} rows")
        return row % self.n_rows

    def reason(self, i: int, row: int) -> str | None:
        """Why indicator ``i`` has no normalised score in ``row`` (``None`` when it has one)."""
        row = self._check_row(row)
        code = int(self.left_out[i, row])
        if code == _SCORED:
            return None
        if code == _BY_CONFIG:
            return self.plans[i].reason
        if code == _NOT_COMPUTED:
            status = self.results.status_of(i, row)
            return f"not computed ({status.value}): {self.results.reason(i, row)}"
        peers = self._peers(i, row)
        label = self.group_labels[int(self.groups[row])]
        method = self.plans[i].normalisation.value
        if code == _PEER_FEW:
            return (
                f"open-ended, scored against its peers, but only {peers.size} city-year(s) in "
                f"its peer group ({label}) report it and {self.plans[i].min_peers} are needed; "
                f"give goalposts={{{self.plans[i].clause!r}: (low, high)}} to score it alone"
            )
        if code == _PEER_ALONE:
            return (
                f"no peer to compare with: only this city-year in its peer group ({label}) has "
                f"a value, and {method} needs at least two"
            )
        value = float(self.results.values[i, row])
        unit = self.results.indicators[i].unit
        return (
            f"all {peers.size} city-years in its peer group ({label}) have the same value "
            f"({_fmt(value)} {unit}): {method} is undefined without spread"
        )

    def _is_pooled(self, i: int, row: int) -> bool:
        found = self.pooled.get(i)
        return found is not None and bool(found[row])

    def _peer_label(self, i: int, row: int) -> str:
        label = self.group_labels[int(self.groups[row])]
        if self._is_pooled(i, row):
            return f"all years: too few in {label}"
        return label

    def _peers(self, i: int, row: int) -> FloatArray:
        """Values of indicator ``i`` in the peer group of ``row`` (computed rows only)."""
        same = (self.groups == self.groups[row]) | self._is_pooled(i, row)
        same &= self.results.status[i] == _COMPUTED
        peers: FloatArray = self.results.values[i, same]
        return peers

    def _reference(self, i: int, row: int) -> str:
        """Describe what the value of indicator ``i`` in ``row`` was scored against."""
        plan = self.plans[i]
        unit = self.results.indicators[i].unit
        default = " (default for percentages)" if plan.default_reference else ""
        method = plan.normalisation
        if plan.goalposts is not None:
            low, high = plan.goalposts
            return f"goalposts {_fmt(low)}–{_fmt(high)} {unit}{default}"
        if plan.target is not None:
            text = f"target {_fmt(plan.target)} {unit}{default}"
            if method is Normalisation.BANDS:
                shares = "/".join(_fmt(100 * t) for t in self.config.band_thresholds)
                text += f", bands start at {shares} % of it"
            return text
        peers = self._peers(i, row)
        label = self._peer_label(i, row)
        if method is Normalisation.MINMAX and plan.winsorise > 0.0:
            share = plan.winsorise
            low, high = np.quantile(peers, [share, 1.0 - share])
            return (
                f"min–max over {peers.size} peers ({label}), winsorised at "
                f"{_fmt(100 * share)}–{_fmt(100 * (1 - share))} %: "
                f"{_fmt(float(low))}–{_fmt(float(high))} {unit}"
            )
        if method is Normalisation.MINMAX:
            return (
                f"min–max over {peers.size} peers ({label}): "
                f"{_fmt(float(peers.min()))}–{_fmt(float(peers.max()))} {unit}"
            )
        if method is Normalisation.ZSCORE:
            return (
                f"z-score over {peers.size} peers ({label}): mean {_fmt(float(peers.mean()))}, "
                f"sd {_fmt(float(peers.std()))} {unit}"
            )
        return f"percentile rank among {peers.size} peers ({label})"

    def element_score(self, element: KeyElement | str, row: int) -> ElementScore:
        """Return one element's score for one row, with every indicator's contribution.

        Parameters
        ----------
        element
            The key element (or its value, ``"green"``).
        row
            Position of the row in the input.

        Returns
        -------
        ElementScore
            The score, coverage, and one contribution per indicator of the element.
        """
        element = KeyElement(element)
        row = self._check_row(row)
        e = self.elements.index(element)
        results = self.results
        contributions = []
        for i, spec in enumerate(results.indicators):
            if self.membership[i] is not element:
                continue
            code = int(self.left_out[i, row])
            included = code == _SCORED
            value = float(results.values[i, row])
            score = float(self.normalised[i, row])
            band = int(self.bands[i, row])
            contributions.append(
                Contribution(
                    clause=spec.clause,
                    name=spec.name,
                    raw_value=None if math.isnan(value) else value,
                    unit=spec.unit,
                    status=results.status_of(i, row),
                    direction=self.plans[i].direction,
                    reference=self._reference(i, row) if included else None,
                    score=score if included else None,
                    band=band if included and band else None,
                    weight=float(self.weights[i]),
                    included=included,
                    reason=self.reason(i, row),
                )
            )
        value = float(self.score[e, row])
        return ElementScore(
            element=element,
            score=None if math.isnan(value) else value,
            coverage=float(self.coverage[e, row]),
            n_scored=int(self.n_scored[e, row]),
            n_total=int(self.n_total[e]),
            min_coverage=self.config.min_coverage,
            normalisation=self.config.normalisation,
            aggregation=self.config.aggregation,
            reason=self._element_reason(e, row),
            contributions=tuple(contributions),
        )

    def _element_reason(self, e: int, row: int) -> str | None:
        if not math.isnan(float(self.score[e, row])):
            return None
        n_total = int(self.n_total[e])
        n_scored = int(self.n_scored[e, row])
        if n_total == 0:
            return "none of the element's indicators can be scored by this configuration"
        if n_scored == 0:
            return f"none of the element's {n_total} scorable indicators was scored"
        return (
            f"coverage {n_scored}/{n_total} = {100 * n_scored / n_total:.0f} % is below "
            f"min_coverage {100 * self.config.min_coverage:.0f} %"
        )

    def scores(self, row: int) -> dict[KeyElement, ElementScore]:
        """Return the three element scores of one row, keyed by element."""
        return {element: self.element_score(element, row) for element in self.elements}

    def explain(self, element: KeyElement | str, row: int) -> str:
        """Explain one element score of one row as a readable table.

        Every indicator that entered is listed with its raw value, normalised score, weight
        and share of the score; every indicator left out is listed with its reason.
        """
        found = self.element_score(element, row)
        row = self._check_row(row)
        table = self.results.table
        code = table.code[row]
        who = f"{table.city[row]}{f' ({code})' if code is not None else ''}, {table.year[row]}"
        config = self.config
        head = f"{found.element.value} — {found.element.label}\n{who}: "
        if found.score is None:
            head += f"no score: {found.reason}"
        else:
            head += (
                f"score {found.score:.1f} ({config.aggregation.value} mean of "
                f"{config.normalisation.value} scores)"
            )
        cover = (
            f"coverage {found.n_scored}/{found.n_total}"
            f" = {100 * found.coverage:.0f} % (needed: {100 * config.min_coverage:.0f} %)"
        )
        lines = [head, cover, ""]
        entered = [c for c in found.contributions if c.included]
        left = [c for c in found.contributions if not c.included]
        total_weight = sum(c.weight for c in entered)
        lines.append(f"Entered ({len(entered)}):")
        if entered:
            rows = [("clause", "indicator", "raw value", "score", "weight", "share", "against")]
            for c in entered:
                raw = f"{_fmt(c.raw_value)} {c.unit}" if c.raw_value is not None else "-"
                score = f"{c.score:.1f}" if c.score is not None else "-"
                if c.band is not None:
                    score += f" (band {c.band})"
                rows.append(
                    (
                        c.clause,
                        c.name,
                        raw,
                        score,
                        _fmt(c.weight),
                        f"{100 * c.weight / total_weight:.1f} %",
                        c.reference or "",
                    )
                )
            lines += _columns(rows)
        else:
            lines.append("  (none)")
        lines += ["", f"Left out ({len(left)}):"]
        if left:
            lines += [f"  {c.clause:<7} {c.name}: {c.reason}" for c in left]
        else:
            lines.append("  (none)")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per city-year: identity, then score, coverage and counts per element."""
        import pandas as pd

        table = self.results.table
        data: dict[str, Any] = {"city": table.city, "year": table.year, "code": table.code}
        for e, element in enumerate(self.elements):
            data[f"{element.value}_score"] = self.score[e]
            data[f"{element.value}_coverage"] = self.coverage[e]
            data[f"{element.value}_n_scored"] = self.n_scored[e]
            data[f"{element.value}_n_total"] = np.full(self.n_rows, self.n_total[e])
        return pd.DataFrame(data)


def _columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


# --------------------------------------------------------------------------------------------
# Normalisation (Handbook §1.5, Step 5, Table 3)
# --------------------------------------------------------------------------------------------


def _goalposts_progress(
    x: FloatArray, low: float, high: float, higher_is_better: bool
) -> FloatArray:
    """Min-max on fixed bounds: ``(x - low) / (high - low)``, mirrored, clipped to [0, 1].

    Handbook §1.5 (Step 5, Table 3), "min-max", with the bounds fixed in advance (goalposts)
    instead of taken from the data, so that a score does not move when other cities change.
    """
    progress = (x - low) / (high - low)
    if not higher_is_better:
        progress = 1.0 - progress
    clipped: FloatArray = np.clip(progress, 0.0, 1.0)
    return clipped


def _target_progress(x: FloatArray, target: float, higher_is_better: bool) -> FloatArray:
    """Distance to a reference: ``x / target`` (or ``target / x``), capped at 1.

    Handbook §1.5 (Step 5, Table 3), "distance to a reference" in its ratio form
    :math:`x / x_{ref}`, the reference being a target; capped so that exceeding a target earns
    nothing more. When lower is better the ratio is inverted, so that twice the target value
    scores one half.
    """
    if higher_is_better:
        progress = x / target
    else:
        reached = x <= target
        progress = np.where(reached, 1.0, target / np.where(reached, 1.0, x))
    clipped: FloatArray = np.clip(progress, 0.0, 1.0)
    return clipped


def _band(progress: FloatArray, thresholds: tuple[float, float, float]) -> IntArray:
    """Categorical scale: band 1 below the first threshold … band 4 from the third one on.

    Handbook §1.5 (Step 5, Table 3), "categorical scales", applied to the share of the target
    reached, with the U4SSC thresholds 33, 66 and 95 % by default.
    """
    bands: IntArray = 1 + np.searchsorted(np.asarray(thresholds), progress, side="right")
    return bands


def _sorted_groups(
    x: FloatArray, valid: BoolArray, groups: IntArray, n_groups: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Order valid rows by (group, value); return that order, group sizes and group starts.

    Sorting first makes every peer statistic independent of the order of the input rows.
    """
    rows = np.flatnonzero(valid)
    # Equal values are interchangeable, so the value sort need not be stable; the group sort
    # must be, to keep values in order within each group.
    order: IntArray = rows[np.argsort(x[rows])]
    if n_groups > 1:
        order = order[np.argsort(groups[order], kind="stable")]
    counts: IntArray = np.bincount(groups[order], minlength=n_groups).astype(np.int64)
    starts: IntArray = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    return order, counts, starts


def _peer_progress(
    method: Normalisation,
    x: FloatArray,
    valid: BoolArray,
    groups: IntArray,
    n_groups: int,
    higher_is_better: bool,
    winsorise: float = 0.0,
    min_peers: int = 2,
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Progress of every valid row relative to its peers, and why other rows have none.

    Min-max: ``(x - min) / (max - min)`` over the group; with ``winsorise`` :math:`w > 0`,
    ``min`` and ``max`` are the group's :math:`w` and :math:`1 - w` quantiles (linear
    interpolation between order statistics) and values beyond them are clipped to them.
    Z-score: ``z = (x - mean) / sd`` (population sd over the group), mapped onto [0, 1] as
    ``1/2 + z/6`` and clipped, so that the peers' mean is the middle and three standard
    deviations reach either end. Percentile
    rank: ``(below + (ties - 1) / 2) / (n - 1)``, 0 for the worst and 1 for the best, tied
    values sharing their mean rank. A group with fewer than ``min_peers`` values, or
    (min-max, z-score) with no spread, gives no score.

    Handbook §1.5 (Step 5, Table 3): "min-max", "standardisation (or z-scores)" and
    "ranking", computed within each peer group.
    """
    n = x.shape[0]
    progress = np.full(n, np.nan)
    code = np.zeros(n, dtype=np.int8)
    order, counts, starts = _sorted_groups(x, valid, groups, n_groups)
    if order.size == 0:
        return progress, code
    g = groups[order]
    xs = x[order]
    size = counts[g]
    if winsorise > 0.0:
        low, high = _group_quantiles(xs, starts, counts, winsorise)
        first, last = low[g], high[g]
        xs = np.clip(xs, first, last)
    else:
        first = xs[starts[g]]
        last = xs[starts[g] + size - 1]
    alone = size < min_peers
    flat = ~alone & (first == last)
    if method is Normalisation.RANK:
        # Number the distinct (group, value) pairs in sorted order: equal keys are ties.
        change = np.ones(xs.size, dtype=bool)
        change[1:] = (g[1:] != g[:-1]) | (xs[1:] != xs[:-1])
        key = np.cumsum(change)
        below = np.searchsorted(key, key, side="left") - starts[g]
        upto = np.searchsorted(key, key, side="right") - starts[g]
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (below + upto - 1) / (2.0 * (size - 1))
        flat[:] = False
    elif method is Normalisation.MINMAX:
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (xs - first) / (last - first)
    else:
        nonempty = counts > 0
        sums = np.zeros(n_groups)
        sums[nonempty] = np.add.reduceat(xs, starts[nonempty])
        means = sums / np.maximum(counts, 1)
        deviation = xs - means[g]
        squares = np.zeros(n_groups)
        squares[nonempty] = np.add.reduceat(deviation**2, starts[nonempty])
        sd = np.sqrt(squares / np.maximum(counts, 1))
        with np.errstate(divide="ignore", invalid="ignore"):
            z = deviation / sd[g]
        u = np.clip(0.5 + z / 6.0, 0.0, 1.0)
    if not higher_is_better:
        u = 1.0 - u
    ok = ~alone & ~flat
    progress[order[ok]] = np.clip(u[ok], 0.0, 1.0)
    code[order[alone]] = _PEER_ALONE if min_peers <= 2 else _PEER_FEW
    code[order[flat]] = _PEER_NO_SPREAD
    return progress, code


def _group_quantiles(
    xs: FloatArray, starts: IntArray, counts: IntArray, share: float
) -> tuple[FloatArray, FloatArray]:
    """Per group, the ``share`` and ``1 - share`` quantiles of its values (sorted in ``xs``).

    Linear interpolation between order statistics, numpy's default; NaN for an empty group.
    """
    low = np.full(counts.shape, np.nan)
    high = np.full(counts.shape, np.nan)
    some = counts > 0
    last = counts[some] - 1
    for q, out in ((share, low), (1.0 - share, high)):
        position = q * last
        below = np.floor(position).astype(np.int64)
        above = np.minimum(below + 1, last)
        first = xs[starts[some] + below]
        out[some] = first + (position - below) * (xs[starts[some] + above] - first)
    return low, high


def _peer_groups(
    table: Table, peer_by: PeerBy, peers: Sequence[object] | None = None
) -> tuple[IntArray, tuple[str, ...]]:
    """Peer-group id of every row and a label for each group.

    Provinces, kinds and caller-given groups are split by year: a city-year's peers are the
    same year's rows of its group.
    """
    n = table.n_rows
    if peers is None and peer_by == "all":
        return np.zeros(n, dtype=np.int64), ("all city-years",)
    if peers is None and peer_by == "year":
        years, inverse = np.unique(table.year, return_inverse=True)
        return inverse.astype(np.int64), tuple(f"year {int(y)}" for y in years)
    if peers is None and peer_by == "city":
        keys = np.array(
            [
                f"code {code}" if code is not None else f"city {city}"
                for city, code in zip(table.city, table.code, strict=True)
            ],
            dtype=object,
        )
        labels, inverse = np.unique(keys, return_inverse=True)
        return inverse.astype(np.int64), tuple(str(label) for label in labels)
    if peers is not None:
        given = np.array([str(label) for label in peers], dtype=object)
        if given.size != n:
            raise ConfigError(f"peers= has {given.size} labels for {n} city-years")
        what = "group"
    else:
        without = [str(table.city[r]) for r in np.flatnonzero(table.code == None)]  # noqa: E711
        if without:
            raise ConfigError(
                f"peer_by={peer_by!r} reads the region code, but {len(without)} city-years "
                f"have none (e.g. {without[0]!r}); give a 'code' column or another peer_by"
            )
        try:
            given = provinces_of(table.code) if peer_by == "province" else regency_kinds(table.code)
        except DataError as error:
            raise ConfigError(f"peer_by={peer_by!r}: {error}") from None
        if peer_by == "kind" and any(k is None for k in given.tolist()):
            raise ConfigError("peer_by='kind' needs kab/kota codes ('73.71'), not province codes")
        what = "province" if peer_by == "province" else ""
    keys = np.array(
        [
            f"{what} {label}, {year}".strip()
            for label, year in zip(given, table.year.tolist(), strict=True)
        ],
        dtype=object,
    )
    labels, inverse = np.unique(keys, return_inverse=True)
    return inverse.astype(np.int64), tuple(str(label) for label in labels)


# --------------------------------------------------------------------------------------------
# Aggregation (Handbook §1.6, Step 6)
# --------------------------------------------------------------------------------------------


def _sum_over_indicators(matrix: FloatArray) -> FloatArray:
    """Sum an (indicators, rows) array over indicators, always in the same order.

    ``matrix.sum(axis=0)`` switches to pairwise summation when there is one row, so one
    city-year alone and the same city-year in a batch could differ in the last digit.
    """
    total: FloatArray = np.zeros(matrix.shape[1])
    for row in matrix:
        total += row
    return total


def _aggregate(
    scores: FloatArray, weights: FloatArray, aggregation: Aggregation
) -> tuple[FloatArray, IntArray]:
    r"""Weighted mean over the scored (non-NaN) entries of each column, and their number.

    Arithmetic: :math:`\sum_i w_i s_i / \sum_i w_i`. Geometric:
    :math:`\exp(\sum_i w_i \ln s_i / \sum_i w_i) = (\prod_i s_i^{w_i})^{1/\sum_i w_i}`.
    Columns with no scored entry give NaN. Handbook §1.6 (Step 6, "Weighting and
    aggregation"): linear (arithmetic) and geometric aggregation with explicit weights.
    """
    scored = ~np.isnan(scores)
    w = np.where(scored, weights[:, None], 0.0)
    total = _sum_over_indicators(w)
    with np.errstate(divide="ignore", invalid="ignore"):
        if aggregation is Aggregation.ARITHMETIC:
            mean = _sum_over_indicators(w * np.where(scored, scores, 0.0)) / total
        else:
            logs = np.log(np.where(scored, scores, 1.0))
            mean = np.exp(_sum_over_indicators(w * logs) / total)
    count: IntArray = np.count_nonzero(scored, axis=0).astype(np.int64)
    result: FloatArray = np.where(count > 0, mean, np.nan)
    return result, count


def roll_up(
    results: Results,
    config: RollupConfig | None = None,
    *,
    peers: Sequence[object] | None = None,
) -> ElementResults:
    """Normalise indicator values and aggregate them into the three key elements.

    Parameters
    ----------
    results
        Indicator values and statuses, from :func:`~iso37122.engine.evaluate`.
    config
        The roll-up choices (default: ``RollupConfig()``: percentages on goalposts 0–100,
        open-ended indicators against their peers, equal weights, arithmetic mean,
        ``min_coverage`` one third).
    peers
        One peer-group label per row (e.g. ``"kota"`` / ``"kabupaten"``), replacing
        ``peer_by``; a city-year's peers are the same year's rows with its label.

    Returns
    -------
    ElementResults
        Scores, coverage and per-indicator normalised scores for every row, as arrays.

    Raises
    ------
    ConfigError
        When a peer-group method (minmax, zscore, rank) is asked for on a single city-year,
        or on rows that each sit alone in their peer group.

    Notes
    -----
    Normalisation follows the Handbook's §1.5 (Step 5, Table 3) and aggregation its §1.6
    (Step 6); see the module documentation for each formula. The computation is vectorised
    over rows: it loops over indicators and elements only. An element's coverage counts the
    indicators the configuration can score (:meth:`RollupConfig.plan`); those it leaves out
    whatever the data appear in the contributions with their reason.

    Examples
    --------
    >>> import pandas as pd
    >>> from iso37122 import catalogue
    >>> from iso37122.data import table_from_frame
    >>> from iso37122.engine import evaluate
    >>> frame = pd.DataFrame({"city": ["A"], "year": [2024], "ict_employed": [30.0],
    ...                       "labour_force": [120.0]})
    >>> results = evaluate(table_from_frame(frame), [catalogue()["5.3"]])
    >>> scores = roll_up(results)
    >>> float(scores.score[scores.elements.index(KeyElement.DIGITAL), 0])  # 100 * 30 / 120
    25.0
    """
    config = config if config is not None else RollupConfig()
    specs = results.indicators
    n_ind, n = results.values.shape
    method = config.normalisation
    plans = tuple(config.plan(spec) for spec in specs)
    membership = tuple(plan.element for plan in plans)
    weights = np.array([plan.weight for plan in plans], dtype=float)

    peer_scored = any(p.scorable and p.goalposts is None and p.target is None for p in plans)
    if peer_scored:
        groups, labels = _peer_groups(results.table, config.peer_by, peers)
    else:
        groups, labels = np.zeros(n, dtype=np.int64), ("all city-years",)
    if method.uses_peers and (n == 1 or (n > 1 and np.bincount(groups).max() < 2)):
        who = "the same year" if config.peer_by == "year" else f"peer_by={config.peer_by!r}"
        problem = (
            "there is one city-year" if n == 1 else "each city-year is alone in its peer group"
        )
        raise ConfigError(
            f"normalisation={method.value!r} compares each city-year with its peers "
            f"({who}), but {problem}; "
            "score a set of city-years, choose another peer_by, or use a fixed-reference "
            "method ('goalposts', the default, 'target' or 'bands')"
        )
    n_groups = len(labels)
    # Open-ended indicators under the default year peers fall back on every year's values.
    pool_years = config.peer_by == "year" and peers is None and n_groups > 1
    pooled: dict[int, BoolArray] = {}

    low, high = config.score_range
    normalised = np.full((n_ind, n), np.nan)
    bands = np.zeros((n_ind, n), dtype=np.int64)
    left_out = np.zeros((n_ind, n), dtype=np.int8)
    computed = results.status == _COMPUTED
    for i, plan in enumerate(plans):
        if not plan.scorable:
            left_out[i] = _BY_CONFIG
            continue
        valid = computed[i]
        left_out[i, ~valid] = _NOT_COMPUTED
        x = np.where(valid, results.values[i], 0.0)
        higher = plan.higher_is_better
        if plan.goalposts is not None:
            progress = _goalposts_progress(x, *plan.goalposts, higher)
        elif plan.target is not None:
            progress = _target_progress(x, plan.target, higher)
            if method is Normalisation.BANDS:
                band = _band(progress, config.band_thresholds)
                bands[i] = np.where(valid, band, 0)
                progress = (band - 1) / 3.0
        else:
            progress, code = _peer_progress(
                plan.normalisation,
                x,
                valid,
                groups,
                n_groups,
                higher,
                plan.winsorise,
                plan.min_peers,
            )
            few = valid & (code == _PEER_FEW)
            if pool_years and few.any():
                # Too few of the year's peers report it: compare with every year's values.
                every = np.zeros(n, dtype=np.int64)
                wider, wider_code = _peer_progress(
                    plan.normalisation, x, valid, every, 1, higher, plan.winsorise, plan.min_peers
                )
                use = few & (wider_code == _SCORED)
                if use.any():
                    progress = np.where(use, wider, progress)
                    code = np.where(use, np.int8(_SCORED), code)
                    pooled[i] = use
            left_out[i, valid] = code[valid]
            valid = valid & (code == _SCORED)
        normalised[i] = np.where(valid, low + (high - low) * progress, np.nan)

    elements = tuple(KeyElement)
    score = np.full((len(elements), n), np.nan)
    coverage = np.zeros((len(elements), n))
    n_scored = np.zeros((len(elements), n), dtype=np.int64)
    n_total = np.zeros(len(elements), dtype=np.int64)
    for e, element in enumerate(elements):
        members = np.array(
            [m is element and plan.scorable for m, plan in zip(membership, plans, strict=True)],
            dtype=bool,
        )
        total = int(members.sum())
        n_total[e] = total
        if total == 0:
            continue
        mean, count = _aggregate(normalised[members], weights[members], config.aggregation)
        n_scored[e] = count
        coverage[e] = count / total
        # A small tolerance so that, e.g., 1 of 2 indicators meets min_coverage 0.5 exactly.
        enough = (count >= 1) & (count >= config.min_coverage * total - 1e-9)
        score[e] = np.where(enough, np.clip(mean, low, high), np.nan)

    return ElementResults(
        results=results,
        config=config,
        elements=elements,
        score=score,
        coverage=coverage,
        n_scored=n_scored,
        n_total=n_total,
        normalised=normalised,
        bands=bands,
        left_out=left_out,
        weights=weights,
        membership=membership,
        plans=plans,
        groups=groups,
        group_labels=labels,
        pooled=MappingProxyType(pooled),
    )
