"""Synthetic data for benchmarks, property tests and experiments.

Examples
--------
>>> frame = synthetic_frame(3, seed=1)
>>> list(frame.columns[:3])
['city', 'year', 'code']
>>> len(frame)
3
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from iso37122.indicators import CATALOGUE, PartOfWhole
from iso37122.indicators._formulas import FloatArray
from iso37122.variables import VARIABLES, Variable

__all__ = ["synthetic_frame"]

# Typical size of a variable that is not a part of another, relative to the population when
# the unit scales with people, else absolute: (low, high) of a uniform draw.
_PER_PERSON: dict[str, tuple[float, float]] = {
    "person": (0.2, 0.6),
    "household": (0.22, 0.33),
    "building": (0.1, 0.3),
    "vehicle": (0.3, 0.8),
    "GJ": (10.0, 40.0),
    "t": (0.2, 0.4),
    "m**3": (50.0, 100.0),
    "rupiah": (1.0e6, 5.0e6),
}
_ABSOLUTE: dict[str, tuple[float, float]] = {
    "device": (100.0, 50_000.0),
    "count": (10.0, 10_000.0),
    "km": (100.0, 5_000.0),
    "km**2": (20.0, 5_000.0),
    "m**2": (1.0e4, 1.0e6),
    "day": (1_000.0, 100_000.0),
    "hour": (10.0, 2_000.0),
}


def _wholes_of() -> dict[str, list[tuple[str, int]]]:
    """Map each part variable to the (whole, number of parts) it is bounded by."""
    bounds: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for spec in CATALOGUE.values():
        for constraint in spec.constraints:
            if isinstance(constraint, PartOfWhole):
                for part in constraint.parts:
                    bounds[part].append((constraint.whole, len(constraint.parts)))
    return bounds


def _draw(variable: Variable, population: FloatArray, rng: np.random.Generator) -> FloatArray:
    n = len(population)
    if variable.unit in _PER_PERSON:
        low, high = _PER_PERSON[variable.unit]
        return np.round(population * rng.uniform(low, high, n))
    low, high = _ABSOLUTE[variable.unit]
    value: FloatArray = np.round(rng.uniform(low, high, n), 3)
    return value


def synthetic_frame(n_rows: int, *, seed: int = 0) -> pd.DataFrame:
    """Return a wide DataFrame of plausible, valid city-years covering every variable.

    Every variable is filled, every denominator is non-zero, every part is at most its whole
    (a sum of parts at most the whole), and each row has its own identity. The values are
    plausible in scale, not realistic: they are for benchmarks, property tests and
    experiments.

    Parameters
    ----------
    n_rows
        Number of city-years.
    seed
        Seed of the random generator: the same seed gives the same frame.

    Returns
    -------
    pandas.DataFrame
        Columns ``city``, ``year``, ``code``, then one column per variable in its canonical
        unit, in declaration order.
    """
    if n_rows < 0:
        raise ValueError(f"n_rows must be >= 0, not {n_rows}")
    rng = np.random.default_rng(seed)
    population = np.round(rng.lognormal(np.log(400_000.0), 0.8, n_rows)) + 1_000.0
    values: dict[str, FloatArray] = {"population": population}
    wholes_of = _wholes_of()
    pending = [v for v in VARIABLES.values() if v.id != "population"]
    # Wholes first, then parts whose wholes are known (a part may itself be a whole).
    while pending:
        progressed = False
        for variable in list(pending):
            bounds = wholes_of.get(variable.id, [])
            if any(whole not in values for whole, _ in bounds):
                continue
            if bounds:
                cap = np.min([values[whole] / parts for whole, parts in bounds], axis=0)
                fraction = rng.uniform(0.05, 0.95, n_rows)
                values[variable.id] = np.floor(cap * fraction * 1000.0) / 1000.0
            else:
                values[variable.id] = _draw(variable, population, rng)
            pending.remove(variable)
            progressed = True
        if not progressed:
            raise RuntimeError("part-of-whole constraints form a cycle")
    width = max(5, len(str(n_rows)))
    frame = pd.DataFrame(
        {
            "city": [f"Kota Sintetis {i:0{width}d}" for i in range(n_rows)],
            "year": np.full(n_rows, 2024, dtype=np.int64),
            "code": [f"99.{i:0{width}d}" for i in range(n_rows)],
        }
    )
    columns = pd.DataFrame({v: values[v] for v in VARIABLES})
    return pd.concat([frame, columns], axis=1)
