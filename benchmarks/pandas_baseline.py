"""A competent plain-pandas implementation of ``compute_profile``'s work: the benchmark baseline.

What a careful analyst would write by hand with pandas, for a wide frame of city-years in
canonical units, doing the same work as the library's batch path:

- identity: city and code stripped, whole-number years, a duplicate identity (code and year,
  else city and year) is an error;
- input values: negative (below the variable's minimum), above the maximum and non-finite
  values are rejected, and the indicators that use them are ``invalid``;
- per indicator, the first rule that applies gives its status: a rejected input (invalid), a
  missing input (missing), a part above its whole or a negative denominator (invalid), a zero
  denominator (undefined), a formula without a finite value (undefined); else computed;
- the default roll-up into the three key elements (:func:`roll_up`, one function, so that a
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
from iso37122.indicators import Direction, NonNegative, PartOfWhole, Positive

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
    if year.isna().any() or (year != year.round()).any():
        raise ValueError("every row needs a whole-number year")
    if "code" in frame:
        code = frame["code"].astype("string").str.strip()
    else:
        code = pd.Series(pd.NA, index=frame.index, dtype="string")
    identity = pd.DataFrame({"city": city, "year": year.astype("int64"), "code": code})
    key = pd.DataFrame(
        {"by_code": code.notna(), "key": code.fillna(city), "year": identity["year"]}
    )
    if key.duplicated().any():
        raise ValueError("two or more rows have the same identity")
    return identity


def _inputs(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the variable columns with rejected values as NaN, and where values were rejected."""
    variables = iso.variables()
    unknown = [c for c in frame.columns if c not in variables and c not in ("city", "year", "code")]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    names = [c for c in frame.columns if c in variables]
    values = frame[names].astype("float64")
    low = pd.Series({v: variables[v].minimum for v in names})
    high = pd.Series({v: variables[v].maximum for v in names})
    rejected = values.isin([np.inf, -np.inf]) | values.lt(low, axis=1) | values.gt(high, axis=1)
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
                broken = broken | (part > given[rule.whole])
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
        status = np.select(
            [bad_input, missing, broken, undefined, ~np.isfinite(result)],
            [INVALID, MISSING, INVALID, UNDEFINED, UNDEFINED],
            COMPUTED,
        ).astype(np.int8)
        out_values[spec.clause] = result.where(status == COMPUTED)
        out_status[spec.clause] = status
    return (
        pd.DataFrame(out_values, index=values.index),
        pd.DataFrame(out_status, index=values.index),
    )


def roll_up(values: pd.DataFrame, status: pd.DataFrame, identity: pd.DataFrame) -> pd.DataFrame:
    """The library's default roll-up, by hand: one score, coverage and count per element.

    Percentages are scored on the goalposts 0 and 100 % (mirrored when lower is better);
    open-ended and neutral indicators enter no score. An element's score is the mean of its
    scored indicators when at least half of them are scored.
    """
    del identity  # peer groups (same year) are not used by the default roll-up
    catalogue = iso.catalogue()
    scores: dict[str, pd.Series[float]] = {}
    for clause, spec in catalogue.items():
        if spec.unit != "percent" or spec.direction is Direction.NEUTRAL:
            continue
        progress = values[clause].where(status[clause] == COMPUTED) / 100.0
        if spec.direction is Direction.LOWER_IS_BETTER:
            progress = 1.0 - progress
        scores[clause] = 100.0 * progress.clip(0.0, 1.0)
    normalised = pd.DataFrame(scores, index=values.index)
    out: dict[str, Any] = {}
    for element in ELEMENTS:
        members = [c for c in scores if catalogue[c].element is element]
        scored = normalised[members].notna().sum(axis=1)
        mean = normalised[members].mean(axis=1)
        total = len(members)
        out[f"{element.value}_score"] = mean.where((scored >= 1) & (scored >= 0.5 * total - 1e-9))
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
