"""The roll-up configuration: every choice, validated before anything is computed."""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    model_validator,
)

from iso37122.elements import KeyElement, element_of
from iso37122.errors import ConfigError, ConfigWarning, DataError, UnknownIndicatorError
from iso37122.indicators import CATALOGUE, Direction, Indicator
from iso37122.rollup.aggregation import Aggregation
from iso37122.rollup.normalisers import Normalisation, Reference
from iso37122.text import fmt_number as _fmt
from iso37122.units import to_canonical

__all__ = ["IndicatorPlan", "OpenEnded", "PeerBy", "RollupConfig"]

PeerBy = Literal["year", "all", "city", "province", "kind"]
"""Who a city-year's peers are in peer-group normalisation: the rows of the same year, every
row, the rows of the same city (its own record over the years), or the rows of the same year
and province (first two digits of the Kemendagri or BPS code) or kind (kota or kabupaten)."""

OpenEnded = Literal["minmax", "rank", "leave_out"]
"""How the goalposts method scores an open-ended indicator given no goalposts."""

_DEFAULT_BANDS = (0.33, 0.66, 0.95)
"""U4SSC: bands 2, 3 and 4 start at 33, 66 and 95 % of the target."""


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
    band_thresholds
        The shares of the target at which bands 2, 3 and 4 start (read by ``bands`` only).
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
    band_thresholds: tuple[float, float, float] = _DEFAULT_BANDS
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

    def _warn_fractions(self) -> None:
        """Warn of a target or goalposts of a percentage indicator that look like fractions.

        ``targets={"18.1": 0.9}`` most likely means 90 %, not 0.9 %; it is kept as given.
        """
        looks_fractional = [
            f"targets[{clause!r}] = {_fmt(target)}"
            for clause, target in self.targets.items()
            if clause in CATALOGUE and CATALOGUE[clause].unit == "percent" and 0 < target <= 1
        ] + [
            f"goalposts[{clause!r}] = ({_fmt(low)}, {_fmt(high)})"
            for clause, (low, high) in self.goalposts.items()
            if clause in CATALOGUE and CATALOGUE[clause].unit == "percent" and 0 < high <= 1
        ]
        if looks_fractional:
            warnings.warn(
                ConfigWarning(
                    f"{'; '.join(looks_fractional)}: these indicators are percentages (0-100), "
                    "so this reads as at most 1 %; if you meant a fraction, multiply by 100 "
                    "(or give the unit, e.g. '90 %')"
                ),
                stacklevel=4,
            )

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
            if not 0 < weight < math.inf:  # NaN fails both comparisons
                problems.append(
                    f"weights[{clause!r}] = {_fmt(weight)}: a weight must be above 0 and "
                    "finite; to leave an indicator out, give it a neutral direction"
                )
        self._warn_fractions()
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
        return self.element_of.get(spec.clause) or element_of(spec)

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
        if direction is Direction.NEUTRAL:
            reference = Reference(
                reason="set to neutral by directions=: it enters no score"
                if clause in self.directions
                else "neutral direction: ISO 37122 does not say whether more is better, so it "
                f"enters no score unless directions={{{clause!r}: ...}} gives it one"
            )
        else:
            reference = self.normalisation.normaliser.reference(clause, spec.unit, direction, self)
        method = self.normalisation
        winsorise, min_peers = 0.0, 2
        if (
            method is Normalisation.GOALPOSTS
            and direction is not Direction.NEUTRAL
            and reference.goalposts is None
            and self.open_ended != "leave_out"
        ):
            # An open-ended indicator without goalposts: scored against its peers.
            method = Normalisation(self.open_ended)
            reference = Reference()
            winsorise = self.winsorise if method is Normalisation.MINMAX else 0.0
            min_peers = self.min_peers
        return IndicatorPlan(
            clause=clause,
            element=self.element(spec),
            direction=direction,
            weight=float(self.weights.get(clause, 1.0)),
            normalisation=method,
            goalposts=reference.goalposts,
            target=reference.target,
            default_reference=reference.default,
            reason=reference.reason,
            band_thresholds=self.band_thresholds,
            winsorise=winsorise,
            min_peers=min_peers,
        )
