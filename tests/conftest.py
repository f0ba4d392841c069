"""Shared fixtures: a valid baseline city-year and the reconstructed reference catalogue."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import settings

from iso37122.testing import synthetic_frame

# Hypothesis profiles: "ci" (the default, used by `make test`) runs few examples; "fuzz"
# (`make fuzz`, HYPOTHESIS_PROFILE=fuzz) runs many. Tests that fix max_examples themselves keep
# it; the fuzz tests take theirs from the profile. deadline=1000 is hypothesis' own limit of a
# second per example: no input may cost longer.
settings.register_profile("ci", max_examples=30, deadline=1000, print_blob=True)
settings.register_profile("fuzz", max_examples=3000, deadline=1000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# A copy kept in the repository (see tests/data/README.md): the suite needs nothing outside it.
REFERENCE_CATALOGUE = Path(__file__).resolve().parent / "data" / "reference_catalogue.csv"


@pytest.fixture(scope="session")
def baseline() -> dict[str, object]:
    """One complete, valid city-year as a plain mapping."""
    row = synthetic_frame(1, seed=7).iloc[0]
    return {str(key): row[key] for key in row.index}


@pytest.fixture(scope="session")
def reference_rows() -> dict[str, dict[str, str]]:
    """Rows of the project's reconstructed ISO 37122 catalogue, keyed by clause."""
    with REFERENCE_CATALOGUE.open(encoding="utf-8") as handle:
        return {row["clause"]: row for row in csv.DictReader(handle)}
