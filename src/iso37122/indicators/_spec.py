"""The shape of one indicator: its spec, its declared constraints and its provenance."""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

import numpy as np

from iso37122._typing import BoolArray, FloatArray
from iso37122.errors import show_value
from iso37122.themes import Theme

__all__ = [
    "PART_TOLERANCE",
    "Constraint",
    "DefinitionSource",
    "Direction",
    "Indicator",
    "NonNegative",
    "PartOfWhole",
    "Positive",
]

PART_TOLERANCE = 4 * float(np.finfo(np.float64).eps)
"""Relative amount (a few ulp) by which a part may exceed its whole and still be equal to it."""


class Direction(StrEnum):
    """Whether a higher value of an indicator is better, worse, or neither."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"


class Constraint(ABC):
    """A domain rule an indicator's inputs must satisfy, checked on whole columns.

    A constraint flags rows as *invalid* (the data contradict themselves) or *undefined*
    (the data are consistent but the formula has no value, e.g. a zero denominator).
    """

    @property
    @abstractmethod
    def variables(self) -> tuple[str, ...]:
        """Variable ids the rule reads."""

    @abstractmethod
    def invalid(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the rule is broken (inputs known to be present)."""

    def undefined(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the formula is undefined (default: none)."""
        first = columns[self.variables[0]]
        return np.zeros(np.shape(first), dtype=bool)

    @abstractmethod
    def explain(self, values: Mapping[str, float], verdict: str) -> str:
        """Reason, naming variables and values, for one row.

        ``verdict`` is ``"invalid"`` or ``"undefined"`` (the engine passes its
        :class:`~iso37122.engine.Status`, a string enum).
        """


@dataclass(frozen=True, slots=True)
class PartOfWhole(Constraint):
    """The part (or the sum of several parts) cannot exceed the whole; a zero whole is undefined.

    Parameters
    ----------
    part
        Variable id of the part, or a tuple of ids whose sum is the part.
    whole
        Variable id of the whole (the denominator).

    Examples
    --------
    >>> import numpy as np
    >>> rule = PartOfWhole("street_lights_managed", "street_lights")
    >>> cols = {
    ...     "street_lights_managed": np.array([5.0, 12.0]),
    ...     "street_lights": np.array([10.0, 10.0]),
    ... }
    >>> rule.invalid(cols).tolist()
    [False, True]
    >>> rule.explain({"street_lights_managed": 12.0, "street_lights": 10.0}, "invalid")
    'street_lights_managed (12) exceeds street_lights (10)'
    """

    part: str | tuple[str, ...]
    whole: str

    @property
    def parts(self) -> tuple[str, ...]:
        """The part's variable ids, as a tuple."""
        return (self.part,) if isinstance(self.part, str) else self.part

    @property
    def variables(self) -> tuple[str, ...]:
        """Variable ids the rule reads: the parts, then the whole."""
        return (*self.parts, self.whole)

    def _part_sum(self, columns: Mapping[str, FloatArray]) -> FloatArray:
        # Added left to right, as np.add.reduce adds the rows of a stack, without the stack;
        # one part is returned as it is (the callers do not write to it).
        first, *others = (columns[p] for p in self.parts)
        if not others:
            return first
        total: FloatArray = first + others[0]
        for other in others[1:]:
            total += other
        return total

    def invalid(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the part exceeds the whole by more than :data:`PART_TOLERANCE`.

        Values are compared in their canonical units, after conversion: ``0.7 km`` of
        ``700 m`` may differ from its whole by an ulp, and is equal to it. The engine caps a
        share at 100 % where the part is within the tolerance above the whole.
        """
        whole = columns[self.whole]
        result: BoolArray = self._part_sum(columns) > whole + PART_TOLERANCE * np.abs(whole)
        return result

    def equal(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the part equals the whole within :data:`PART_TOLERANCE`."""
        whole = columns[self.whole]
        with np.errstate(invalid="ignore"):
            result: BoolArray = np.abs(self._part_sum(columns) - whole) <= PART_TOLERANCE * np.abs(
                whole
            )
        return result

    def undefined(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the whole is zero."""
        result: BoolArray = columns[self.whole] == 0.0
        return result

    def explain(self, values: Mapping[str, float], verdict: str) -> str:
        """Say which part exceeds which whole, or that the whole is zero."""
        whole = f"{self.whole} ({show_value(values[self.whole])})"
        if verdict == "undefined":
            return f"{self.whole} is 0: a share of nothing is undefined"
        if len(self.parts) == 1:
            part = f"{self.parts[0]} ({show_value(values[self.parts[0]])})"
        else:
            terms = " + ".join(f"{p} ({show_value(values[p])})" for p in self.parts)
            part = f"{terms} = {show_value(sum(values[p] for p in self.parts))}"
        return f"{part} exceeds {whole}"


@dataclass(frozen=True, slots=True)
class Positive(Constraint):
    """A denominator that must be greater than zero: zero is undefined, negative is invalid.

    Parameters
    ----------
    variable
        Variable id of the denominator.
    when_zero
        What a zero means, completing the sentence "<variable> is 0: ..." in the reason.
    """

    variable: str
    when_zero: str = "the rate is undefined"

    @property
    def variables(self) -> tuple[str, ...]:
        """The one variable id the rule reads."""
        return (self.variable,)

    def invalid(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the value is negative."""
        result: BoolArray = columns[self.variable] < 0.0
        return result

    def undefined(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where the value is zero."""
        result: BoolArray = columns[self.variable] == 0.0
        return result

    def explain(self, values: Mapping[str, float], verdict: str) -> str:
        """Say that the denominator is zero or negative."""
        value = values[self.variable]
        if verdict == "undefined":
            return f"{self.variable} is 0: {self.when_zero}"
        return f"{self.variable} ({show_value(value)}) must be greater than 0"


@dataclass(frozen=True, slots=True)
class NonNegative(Constraint):
    """Values that cannot be negative.

    Every declared variable already has a lower bound checked when data enter; this rule is for
    an indicator that needs a stricter guarantee than its variables' bounds.
    """

    names: tuple[str, ...]

    @property
    def variables(self) -> tuple[str, ...]:
        """Variable ids the rule reads."""
        return self.names

    def invalid(self, columns: Mapping[str, FloatArray]) -> BoolArray:
        """Rows where any of the values is negative."""
        result: BoolArray = np.logical_or.reduce([columns[n] < 0.0 for n in self.names])
        return result

    def explain(self, values: Mapping[str, float], verdict: str) -> str:
        """Name the negative values."""
        bad = [f"{n} ({show_value(values[n])})" for n in self.names if values[n] < 0.0]
        return f"{', '.join(bad)} cannot be negative"


Confidence = Literal["high", "med-high", "medium", "low"]
FormulaOrigin = Literal["read", "inferred"]
TitleIdOrigin = Literal["own_translation", "sni"]


@dataclass(frozen=True, slots=True)
class DefinitionSource:
    """Where an indicator's definition comes from, and how sure we are of it.

    The text of ISO 37122:2019 is not public. Definitions were reconstructed from cities'
    published ISO 37122 reports and other public material.

    Attributes
    ----------
    confidence
        ``"high"``: clause, title and formula read on a city's published ISO 37122 report;
        ``"med-high"``: read there in translation; ``"medium"``: title confirmed, formula not
        found; ``"low"``: reconstructed, not confirmed by any source read.
    formula
        ``"read"`` when the numerator and denominator were read in a source; ``"inferred"``
        when they are the most literal reading of the title (a percentage is part / whole x 100,
        "per 100 000 population" is count / population x 100 000).
    reference
        The public sources, as recorded in the project's reconstructed catalogue.
    title_id_origin
        ``"sni"`` when the Indonesian title is the confirmed SNI ISO 37122 wording,
        ``"own_translation"`` otherwise.
    note
        Anything a user should know about the choice of formula.
    """

    confidence: Confidence
    formula: FormulaOrigin
    reference: str
    title_id_origin: TitleIdOrigin = "own_translation"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One ISO 37122:2019 indicator: a pure function and everything needed to use it.

    ``inputs`` is derived from the function's parameter names, which are variable ids.
    """

    clause: str
    name: str
    theme: Theme
    title: str
    title_id: str
    unit: str
    direction: Direction
    func: Callable[..., FloatArray]
    definition_source: DefinitionSource
    constraints: tuple[Constraint, ...] = ()
    inputs: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        """Derive ``inputs`` from the signature of ``func``."""
        params = inspect.signature(self.func).parameters.values()
        object.__setattr__(self, "inputs", tuple(p.name for p in params))

    @property
    def sort_key(self) -> tuple[int, ...]:
        """Clause as a tuple of integers, for clause order (``"7.10"`` after ``"7.9"``)."""
        return tuple(int(part) for part in self.clause.split("."))
