"""A competent plain-pandas implementation of ``compute_profile``'s work: the benchmark baseline.

What a careful analyst would write by hand with pandas, for a wide frame of city-years in
canonical units, doing the same work as the library's batch path:

- identity: city and code stripped, whole-number years, a duplicate identity (code and year,
  else city and year) is an error;
- input values: negative (below the variable's minimum), non-finite,
  implausible magnitudes and fractional counts are rejected, and the indicators that use them
  are ``invalid`` (a count within 1e-9 of a whole number is that number);
- per indicator, the first rule that applies gives its status: a rejected input (invalid), a
  missing input (missing), a part above its whole or a negative denominator (invalid), a zero
  denominator (undefined), a formula without a finite value (undefined); else computed;
- the default roll-up into the three key elements, percentages on fixed goalposts and
  open-ended indicators against their peers (:func:`roll_up`, one function, so that a
  change of the library's default is one change here).

The formulas are the library's pure functions applied to pandas Series (an analyst would type
the same one-line formulas); everything else is plain pandas. Reasons are not built (the
library builds them lazily, on demand). ``benchmarks/bench_profile.py`` checks that this gives
the library's values, statuses and element scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

import iso37122 as iso
from iso37122.elements import element_of
from iso37122.indicators import Direction, NonNegative, PartOfWhole, Positive
from iso37122.units import MAX_MAGNITUDE, MIN_MAGNITUDE
from iso37122.variables import Kind

PART_TOLERANCE = 4 * float(np.finfo(np.float64).eps)
"""A part this much (relative) above its whole is equal to it (as in the library)."""
WHOLE_TOLERANCE = 1e-9
"""A count within this relative distance of a whole number is that number (as in the library)."""

__all__ = ["BaselineResult", "profile", "roll_up"]

COMPUTED, MISSING, INVALID, UNDEFINED = (s.code for s in iso.Status)
ELEMENTS = tuple(iso.KeyElement)


@dataclass(frozen=True)
class BaselineResult:
    """Identity, indicator values and statuses (rows x clauses) and element scores."""

    identity: pd.DataFrame
    values: pd.DataFrame
    status: pd.DataFrame
    elements: pd.DataFrame


def _identity(frame: pd.DataFrame) -> pd.DataFrame:
    city = frame["city"].astype("string").str.strip()
    if (city.isna() | (city == "")).any():
        raise ValueError("rows without a city name")
    year = pd.to_numeric(frame["year"], errors="coerce")
    if year.isna().any() or (year != year.round()).any() or not year.between(1900, 2100).all():
        raise ValueError("every row needs a whole-number year from 1900 to 2100")
    if "code" in frame:
        code = frame["code"].astype("string").str.strip()
        code = code.where(code != "")  # a blank code is no code
    else:
        code = pd.Series(pd.NA, index=frame.index, dtype="string")
    identity = pd.DataFrame({"city": city, "year": year.astype("int64"), "code": code})
    coded = code.notna()
    by_code = coded & identity.duplicated(["code", "year"], keep=False)
    uncoded_in_group = (~coded).groupby([identity["city"], identity["year"]]).transform("any")
    by_city = uncoded_in_group & identity.duplicated(["city", "year"], keep=False)
    if (by_code | by_city).any():
        raise ValueError("two or more rows are the same city-year")
    return identity


def _inputs(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the variable columns with rejected values as NaN, and where values were rejected.

    Rejected: infinite; a magnitude above 1e15 or below 1e-9 (not 0); a count that is not a
    whole number (within 1e-9 relative; a count within it is rounded); below the variable's
    minimum.
    """
    variables = iso.variables()
    unknown = [c for c in frame.columns if c not in variables and c not in ("city", "year", "code")]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    names = [c for c in frame.columns if c in variables]
    values = frame[names].astype("float64")
    magnitude = values.abs()
    rejected = values.isin([np.inf, -np.inf])
    rejected |= (magnitude > MAX_MAGNITUDE) | ((magnitude > 0) & (magnitude < MIN_MAGNITUDE))
    counts = [v for v in names if variables[v].kind is Kind.COUNT]
    whole = values[counts].round()
    fraction = (values[counts] - whole).abs() > WHOLE_TOLERANCE * np.maximum(1.0, magnitude[counts])
    values[counts] = values[counts].where(fraction, whole)
    rejected[counts] |= fraction
    low = pd.Series({v: variables[v].minimum for v in names})
    rejected |= values.lt(low, axis=1)
    return values.mask(rejected), rejected


def _indicators(values: pd.DataFrame, rejected: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and statuses of every indicator, by clause (columns) and row."""
    n = len(values)
    absent = values.isna()
    out_values: dict[str, Any] = {}
    out_status: dict[str, Any] = {}
    nothing = pd.Series(False, index=values.index)
    for spec in iso.catalogue().values():
        inputs = list(spec.inputs)
        reported = [v for v in inputs if v in values]
        given = {
            v: values[v] if v in values else pd.Series(np.nan, index=values.index) for v in inputs
        }
        bad_input = rejected[reported].any(axis=1) if reported else nothing
        missing = absent[reported].any(axis=1) if len(reported) == len(inputs) else ~nothing
        broken = nothing
        undefined = nothing
        for rule in spec.constraints:
            if isinstance(rule, PartOfWhole):
                part = sum((given[p] for p in rule.parts), start=pd.Series(0.0, index=values.index))
                whole = given[rule.whole]
                broken = broken | (part > whole + PART_TOLERANCE * whole.abs())
                undefined = undefined | (given[rule.whole] == 0)
            elif isinstance(rule, Positive):
                broken = broken | (given[rule.variable] < 0)
                undefined = undefined | (given[rule.variable] == 0)
            elif isinstance(rule, NonNegative):
                for name in rule.names:
                    broken = broken | (given[name] < 0)
            else:
                raise TypeError(f"{spec.clause}: no pandas version of {type(rule).__name__}")
        with np.errstate(all="ignore"):
            result = pd.Series(np.broadcast_to(spec.func(**given), (n,)), index=values.index)
        finite = np.isfinite(result)
        if spec.unit == "percent" and any(isinstance(r, PartOfWhole) for r in spec.constraints):
            result = result.clip(upper=100.0)  # a part a few ulp above its whole: 100 %
        status = np.select(
            [bad_input, missing, broken, undefined, ~finite],
            [INVALID, MISSING, INVALID, UNDEFINED, UNDEFINED],
            COMPUTED,
        ).astype(np.int8)
        out_values[spec.clause] = result.where(status == COMPUTED)
        out_status[spec.clause] = status
    return (
        pd.DataFrame(out_values, index=values.index),
        pd.DataFrame(out_status, index=values.index),
    )


MIN_PEERS = 5
"""Open-ended indicators are scored against at least this many peers (the same year's)."""
WINSORISE = 0.05
"""Peer values are clipped to their 5th and 95th percentiles before min-max."""
MIN_COVERAGE = 1 / 3
"""An element is scored when at least a third of its scorable indicators are."""


def _winsorised_minmax(x: pd.Series[float]) -> pd.Series[float]:
    """Min-max of the values clipped to their 5-95 % range; NaN with < 5 values or no spread."""
    given = x.dropna()
    if len(given) < MIN_PEERS:
        return pd.Series(np.nan, index=x.index)
    low, high = (float(q) for q in np.quantile(given.to_numpy(), [WINSORISE, 1.0 - WINSORISE]))
    if low == high:
        return pd.Series(np.nan, index=x.index)
    scaled: pd.Series[float] = (x.clip(low, high) - low) / (high - low)
    return scaled


def roll_up(values: pd.DataFrame, status: pd.DataFrame, identity: pd.DataFrame) -> pd.DataFrame:
    """The library's default roll-up, by hand: one score, coverage and count per element.

    Percentages are scored on the goalposts 0 and 100 % (mirrored when lower is better);
    open-ended indicators by winsorised min-max among the same year's values when at least
    five of them are reported, else among every year's values; neutral ones enter no score.
    An element's score is the mean of its scored indicators when at least a third of them
    are scored.
    """
    catalogue = iso.catalogue()
    year = identity["year"]
    several_years = len(year.unique()) > 1
    scores: dict[str, pd.Series[float]] = {}
    for clause, spec in catalogue.items():
        if spec.direction is Direction.NEUTRAL:
            continue
        x = values[clause].where(status[clause] == COMPUTED)
        if spec.unit == "percent":
            progress = x / 100.0
        else:
            progress = x.groupby(year).transform(_winsorised_minmax)
            few = x.notna() & (x.groupby(year).transform("count") < MIN_PEERS)
            if several_years and few.any():
                progress = progress.where(~few, _winsorised_minmax(x))
        if spec.direction is Direction.LOWER_IS_BETTER:
            progress = 1.0 - progress
        scores[clause] = 100.0 * progress.clip(0.0, 1.0)
    normalised = pd.DataFrame(scores, index=values.index)
    out: dict[str, Any] = {}
    for element in ELEMENTS:
        members = [c for c in scores if element_of(catalogue[c]) is element]
        scored = normalised[members].notna().sum(axis=1)
        mean = normalised[members].mean(axis=1)
        total = len(members)
        enough = (scored >= 1) & (scored >= MIN_COVERAGE * total - 1e-9)
        out[f"{element.value}_score"] = mean.where(enough)
        out[f"{element.value}_coverage"] = scored / total
        out[f"{element.value}_n_scored"] = scored
    return pd.DataFrame(out, index=values.index)


def profile(frame: pd.DataFrame) -> BaselineResult:
    """Validate a wide frame, compute every indicator with its status, and roll them up."""
    identity = _identity(frame)
    values, rejected = _inputs(frame)
    indicator_values, status = _indicators(values, rejected)
    return BaselineResult(
        identity=identity,
        values=indicator_values,
        status=status,
        elements=roll_up(indicator_values, status, identity),
    )
