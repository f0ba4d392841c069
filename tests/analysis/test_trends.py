"""Trends by hand: three cities over 2023-2024, with missing years and values.

- Kota Makassar (73.71): 2023 and 2024; 18.1 from 50 % to 60 % (better), 18.2 (lower is
  better) from 10 % to 20 % (worse).
- Kab. Sumedang (32.11): 2023 only.
- Kota Bandung (32.73): 2024 only.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.analysis.trends import change, strengths


def _set() -> iso.ProfileSet:
    frame = pd.DataFrame(
        {
            "city": ["Kota Makassar", "Kota Makassar", "Kab. Sumedang", "Kota Bandung"],
            "year": [2023, 2024, 2023, 2024],
            "code": ["73.71", "73.71", "32.11", "32.73"],
            "population": [1_000.0, 1_000.0, 1_000.0, 1_000.0],
            "population_with_fast_broadband": [500.0, 600.0, 300.0, np.nan],
            "land_area": [100.0, 100.0, 100.0, 100.0],
            "area_without_connectivity": [10.0, 20.0, 5.0, 40.0],
        }
    )
    return iso.compute_profile(frame, indicators=["18.1", "18.2"])


def _rows(frame: pd.DataFrame, key: str) -> dict[tuple[str, str], dict[Hashable, Any]]:
    return {(str(r["code"]), str(r[key])): r for r in frame.to_dict("records")}


def test_indicator_changes_and_verdicts() -> None:
    found = change(_set().elements, 2023, 2024).indicators.set_index(["code", "clause"])
    makassar = found.loc["73.71"]
    assert makassar.loc["18.1", "change"] == pytest.approx(10.0)  # 60 - 50
    assert makassar.loc["18.1", "relative_change"] == pytest.approx(20.0)  # 10 / 50
    assert makassar.loc["18.1", "verdict"] == "better"
    assert makassar.loc["18.2", "change"] == pytest.approx(10.0)  # 20 - 10 ...
    assert makassar.loc["18.2", "verdict"] == "worse"  # ... of a lower-is-better share
    assert makassar.loc["18.2", "status"] == "both years"


def test_missing_years_and_values_have_a_status() -> None:
    found = change(_set().elements, 2023, 2024).indicators.set_index(["code", "clause"])
    assert found.loc[("32.11", "18.1"), "status"] == "no data for 2024"
    assert found.loc[("32.73", "18.2"), "status"] == "no data for 2023"
    assert found.loc[("32.73", "18.2"), "value_to"] == pytest.approx(40.0)
    assert found.loc[("32.73", "18.1"), "status"] == "no data for 2023"
    sumedang = _rows(change(_set().elements, 2023, 2024).indicators, "clause")[("32.11", "18.1")]
    assert pd.isna(sumedang["verdict"])
    assert math.isnan(sumedang["change"])
    assert len(found) == 3 * 2  # three cities, two indicators


def test_value_missing_in_one_year() -> None:
    frame = pd.DataFrame(
        {
            "city": ["A", "A"],
            "year": [2023, 2024],
            "population": [1_000.0, 1_000.0],
            "population_with_fast_broadband": [np.nan, 600.0],
        }
    )
    found = change(iso.compute_profile(frame, indicators=["18.1"]).elements, 2023, 2024)
    row = found.indicators.iloc[0]
    assert row["status"] == "missing in 2023"
    assert pd.isna(row["verdict"])


def test_element_changes() -> None:
    found = change(_set().elements, 2023, 2024).elements.set_index(["code", "element"])
    digital = _rows(change(_set().elements, 2023, 2024).elements, "element")[("73.71", "digital")]
    # 2023: mean(50, 100 - 10) = 70; 2024: mean(60, 100 - 20) = 70: unchanged.
    assert digital["score_from"] == pytest.approx(70.0)
    assert digital["score_to"] == pytest.approx(70.0)
    assert digital["verdict"] == "unchanged"
    assert found.loc[("32.11", "digital"), "status"] == "no data for 2024"


def test_strengths_and_weaknesses() -> None:
    frame = strengths(_set().elements, n=1)
    makassar_2024 = frame[(frame["code"] == "73.71") & (frame["year"] == 2024)]
    best = makassar_2024[makassar_2024["kind"] == "strength"].iloc[0]
    worst = makassar_2024[makassar_2024["kind"] == "weakness"].iloc[0]
    # Scores 60 (18.1) and 100 - 20 = 80 (18.2).
    assert (best["clause"], best["score"]) == ("18.2", pytest.approx(80.0))
    assert (worst["clause"], worst["score"]) == ("18.1", pytest.approx(60.0))
    # Among 2024's 18.2 values (20 % Makassar, 40 % Bandung), Makassar's is the better one.
    assert best["percentile"] == pytest.approx(100.0)
    # Bandung has one scored indicator: it is both its strength and its weakness.
    bandung = frame[frame["code"] == "32.73"]
    assert list(bandung["clause"]) == ["18.2", "18.2"]
    with pytest.raises(ValueError, match="at least 1"):
        strengths(_set().elements, n=0)
