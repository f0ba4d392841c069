"""The shipped example: sourced figures intact, every indicator computed or honestly missing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import iso37122 as iso
from iso37122.cli import main
from iso37122.datasets import PILOT_AREAS_CSV

EXAMPLE = PILOT_AREAS_CSV


def _example() -> pd.DataFrame:
    return pd.read_csv(EXAMPLE, dtype={"code": str})


def test_sourced_figures() -> None:
    frame = _example().set_index("code")
    # Dukcapil, semester II December 2024; BIG recalculation, December 2024.
    assert frame.loc["73.71", "population"] == 1_482_354
    assert frame.loc["35.10", "population"] == 1_791_789
    assert frame.loc["32.11", "land_area"] == 1_566.204
    assert frame.loc["31", "land_area"] == 661.530


def test_example_has_no_invalid_values() -> None:
    statuses = set(iso.compute_profile(_example()).to_frame()["status"])
    assert statuses == {"computed", "missing"}


def test_demo_prints_every_area(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(EXAMPLE), "--no-report"]) == 0
    out = capsys.readouterr().out
    for city in ("Provinsi DKI Jakarta", "Kota Makassar", "Kabupaten Banyuwangi"):
        assert city in out


def test_cli_reports_errors_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("city,year,populaton\nA,2024,1\n")
    assert main(["demo", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "did you mean 'population'" in err
