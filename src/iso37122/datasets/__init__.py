"""Example data shipped with the package, so that examples run from any directory.

``pilot_areas()`` is the 2024 table of Indonesia's four smart-city pilot areas (Provinsi DKI
Jakarta, Kota Makassar, Kabupaten Banyuwangi, Kabupaten Sumedang). Population (Dukcapil,
December 2024), land area (BIG, December 2024) and the Kemendagri region codes are sourced;
**every other value is illustrative** (see ``pilot_areas.md`` beside the file).

Examples
--------
>>> frame = pilot_areas()
>>> frame.loc[frame.code == "73.71", "population"].item()
1482354
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["PILOT_AREAS_CSV", "pilot_areas"]

PILOT_AREAS_CSV: Path = Path(str(resources.files(__name__).joinpath("pilot_areas.csv")))
"""Path of the pilot areas' CSV file inside the installed package."""


def pilot_areas() -> pd.DataFrame:
    """Return the pilot areas' example table: one row per area, region codes as text."""
    # Region codes must stay text: "35.10" read as a number becomes 35.1.
    return pd.read_csv(PILOT_AREAS_CSV, dtype={"code": str})
