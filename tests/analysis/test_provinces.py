"""Province aggregation by hand.

Three kab/kota of Sulawesi Selatan (one with a BPS code) and one of Jawa Barat, 2024:

=======  ==========  ============  ============  ==========
code     population  labour_force  ict_employed  5.3 (ICT %)
=======  ==========  ============  ============  ==========
73.71    1 000       100           10            10
7372     1 000       300           60            20
73.73    3 000       (none)        (none)        -
32.11    2 000       200           30            15
=======  ==========  ============  ============  ==========
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.analysis.provinces import aggregate
from iso37122.errors import DataError


def _set() -> iso.ProfileSet:
    frame = pd.DataFrame(
        {
            "city": ["Kota Makassar", "Kota Parepare", "Kota Palopo", "Kab. Sumedang"],
            "year": [2024] * 4,
            "code": ["73.71", "7372", "73.73", "32.11"],
            "population": [1_000.0, 1_000.0, 3_000.0, 2_000.0],
            "labour_force": [100.0, 300.0, np.nan, 200.0],
            "ict_employed": [10.0, 60.0, np.nan, 30.0],
        }
    )
    return iso.compute_profile(frame, indicators=["5.3"])


def test_recomputed_from_summed_inputs() -> None:
    provinces = aggregate(_set())
    assert list(provinces.table.code) == ["32", "73"]
    assert list(provinces.table.city) == ["Jawa Barat", "Sulawesi Selatan"]
    # Sulawesi Selatan: 100 * (10 + 60) / (100 + 300) = 17.5 %, not the mean of 10 and 20 %.
    assert provinces.get("73", 2024)["5.3"].value == pytest.approx(17.5)
    assert provinces.get("Jawa Barat", 2024)["5.3"].value == pytest.approx(15.0)
    method = provinces.methods.set_index("clause").loc["5.3"]
    assert method["method"] == "recomputed from summed inputs"


def test_population_weighted_when_asked() -> None:
    provinces = aggregate(_set(), weighted=["5.3"])
    # (1 000 * 10 + 1 000 * 20) / (1 000 + 1 000) = 15 %: Palopo reports no ICT share.
    assert provinces.get("73", 2024)["5.3"].value == pytest.approx(15.0)
    assert provinces.methods.loc[0, "method"] == "population-weighted mean"


def test_reporting_counts_members_and_weight() -> None:
    provinces = aggregate(_set())
    reporting = provinces.reporting.set_index("code")
    assert reporting.loc["73", "n_members"] == 3
    assert reporting.loc["73", "n_reporting"] == 2
    # (1 000 + 1 000) of 5 000 people live in the reporting kab/kota.
    assert reporting.loc["73", "weight_share"] == pytest.approx(0.4)
    assert reporting.loc["32", "weight_share"] == pytest.approx(1.0)


def test_province_scores_and_summed_table() -> None:
    provinces = aggregate(_set())
    # 5.3 is the digital element's only indicator here; percentages keep goalposts 0-100.
    digital = provinces.get("73", 2024).elements[iso.KeyElement.DIGITAL]
    assert digital.score == pytest.approx(17.5)
    assert provinces.table.column("population").tolist() == [2_000.0, 5_000.0]


def test_groups_given_by_the_caller() -> None:
    provinces = aggregate(_set(), by=["kota", "kota", "kota", "kabupaten"])
    # kota: 100 * (10 + 60) / 400; kabupaten: 100 * 30 / 200.
    assert provinces.get("kota", 2024)["5.3"].value == pytest.approx(17.5)
    assert provinces.get("kabupaten", 2024)["5.3"].value == pytest.approx(15.0)


def test_a_province_with_no_reporting_member_is_missing() -> None:
    frame = pd.DataFrame(
        {
            "city": ["A", "B"],
            "year": [2024, 2024],
            "code": ["51.71", "73.71"],
            "labour_force": [100.0, np.nan],
            "ict_employed": [5.0, np.nan],
        }
    )
    provinces = aggregate(iso.compute_profile(frame, indicators=["5.3"]))
    assert provinces.get("73", 2024)["5.3"].status is iso.Status.MISSING
    assert provinces.get("51", 2024)["5.3"].value == pytest.approx(5.0)
    shares = dict(
        zip(provinces.reporting["code"], provinces.reporting["weight_share"], strict=True)
    )
    assert math.isnan(shares["73"])


def test_rows_without_codes_are_refused() -> None:
    frame = pd.DataFrame({"city": ["A"], "year": [2024], "population": [1.0]})
    with pytest.raises(DataError, match="no region code"):
        aggregate(iso.compute_profile(frame))
    with pytest.raises(DataError, match="not a variable"):
        aggregate(_set(), weight="people")
