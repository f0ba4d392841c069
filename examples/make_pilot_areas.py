"""Regenerate ``pilot_areas.csv``: sourced population, area and codes, illustrative rest.

Run ``.venv/bin/python examples/make_pilot_areas.py``: it rewrites the file shipped in the
package (``src/iso37122/datasets/pilot_areas.csv``). The illustrative values are drawn with
:func:`iso37122.testing.synthetic_frame` and rescaled to each area's sourced population and land
area; a seeded share of them is left empty per area, to show how missing data are reported. See
``src/iso37122/datasets/pilot_areas.md`` for the sources.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from iso37122.datasets import PILOT_AREAS_CSV
from iso37122.testing import synthetic_frame
from iso37122.variables import VARIABLES, Kind

# (name, Kemendagri code, population (Dukcapil, Dec 2024), land area km² (BIG, Dec 2024),
#  share of the illustrative variables filled in)
AREAS = (
    ("Provinsi DKI Jakarta", "31", 11_038_216, 661.530, 0.85),
    ("Kota Makassar", "73.71", 1_482_354, 177.174, 0.75),
    ("Kabupaten Banyuwangi", "35.10", 1_791_789, 3_593.849, 0.60),
    ("Kabupaten Sumedang", "32.11", 1_226_660, 1_566.204, 0.50),
)
# Units whose amounts grow with the population; areas grow with the land area.
PER_PERSON_UNITS = {"person", "household", "building", "vehicle", "GJ", "t", "m**3", "rupiah"}


def build() -> pd.DataFrame:
    """Return the example table."""
    synthetic = synthetic_frame(len(AREAS), seed=2024)
    rng = np.random.default_rng(37122)
    rows = []
    for (city, code, population, land_area, filled), (_, draw) in zip(
        AREAS, synthetic.iterrows(), strict=True
    ):
        people = population / draw["population"]
        area = land_area / draw["land_area"]
        row: dict[str, object] = {"city": city, "year": 2024, "code": code}
        for variable in VARIABLES.values():
            value = float(draw[variable.id])
            value *= people if variable.unit in PER_PERSON_UNITS else 1.0
            value *= area if variable.unit == "km**2" else 1.0
            # Round down, so that a part never rounds above its whole.
            digits = 1.0 if variable.kind is Kind.COUNT else 1000.0
            kept = rng.uniform() <= filled
            row[variable.id] = np.floor(value * digits) / digits if kept else None
        row["population"] = population
        row["land_area"] = land_area
        rows.append(row)
    return pd.DataFrame(rows)


if __name__ == "__main__":
    build().to_csv(PILOT_AREAS_CSV, index=False)
