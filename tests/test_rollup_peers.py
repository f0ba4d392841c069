"""Open-ended indicators scored against their peers by default: min-max on the winsorised
peer range (or percentile rank), at least five peers, peer groups by year, province, kind or
the caller's labels. Every expected score is computed by hand in a comment.

8.2 air-quality stations per km² (higher is better) with a land area of 1 km² is the number
of stations; 10.4 average IT downtime (lower is better) is hours / incidents.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest

from iso37122.data import table_from_frame
from iso37122.elements import KeyElement
from iso37122.engine import Results, evaluate
from iso37122.errors import ConfigError
from iso37122.indicators import CATALOGUE
from iso37122.rollup import RollupConfig, roll_up

STATIONS = [0.0, 1.0, 2.0, 3.0, 4.0, 100.0]


def _stations(
    values: Sequence[float], codes: Sequence[str] | None = None, years: Sequence[int] = ()
) -> Results:
    n = len(values)
    frame = pd.DataFrame(
        {
            "city": [f"city {k}" for k in range(n)],
            "year": list(years) or [2024] * n,
            "land_area": [1.0] * n,
            "air_quality_monitoring_stations": list(values),
        }
    )
    if codes is not None:
        frame["code"] = list(codes)
    return evaluate(table_from_frame(frame), [CATALOGUE["8.2"]])


def _scores(
    results: Results, config: RollupConfig | None = None, peers: Sequence[str] | None = None
) -> list[float]:
    found = roll_up(results, config, peers=peers)
    values: list[float] = found.normalised[0].tolist()
    return values


def test_default_min_max_on_the_winsorised_range() -> None:
    # 5 % and 95 % quantiles of 0, 1, 2, 3, 4, 100 (positions 0.25 and 4.75 of 0..5):
    # 0 + 0.25 * (1 - 0) = 0.25 and 4 + 0.75 * (100 - 4) = 76; the score is
    # 100 * (clip(x) - 0.25) / 75.75.
    expected = [0.0, 75 / 75.75, 175 / 75.75, 275 / 75.75, 375 / 75.75, 100.0]
    assert _scores(_stations(STATIONS)) == pytest.approx(expected)


def test_winsorising_clips_outliers() -> None:
    # 20 % and 80 % quantiles: positions 1 and 4 of 0..5, i.e. 1 and 4; 0 scores as 1 and
    # 100 as 4: 100 * (x - 1) / 3.
    config = RollupConfig(winsorise=0.2)
    assert _scores(_stations(STATIONS), config) == pytest.approx(
        [0.0, 0.0, 100 / 3, 200 / 3, 100.0, 100.0]
    )
    # Without winsorising the outlier squeezes everyone else: 100 * x / 100.
    assert _scores(_stations(STATIONS), RollupConfig(winsorise=0)) == pytest.approx(STATIONS)


def test_direction_is_respected() -> None:
    frame = pd.DataFrame(
        {
            "city": [f"city {k}" for k in range(6)],
            "year": [2024] * 6,
            "it_downtime": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
            "it_downtime_incidents": [10.0] * 6,
        }
    )
    results = evaluate(table_from_frame(frame), [CATALOGUE["10.4"]])
    # 1..6 hours, lower is better: 100 * (1 - (x - 1) / 5).
    assert _scores(results, RollupConfig(winsorise=0)) == pytest.approx(
        [100.0, 80.0, 60.0, 40.0, 20.0, 0.0]
    )


def test_percentile_rank_among_peers() -> None:
    # Ranks 0..5 of 6 distinct values: 100 * rank / 5.
    assert _scores(_stations(STATIONS), RollupConfig(open_ended="rank")) == pytest.approx(
        [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    )


def test_fewer_than_five_peers_leave_it_out_with_the_reason() -> None:
    found = roll_up(_stations([1.0, 2.0, 3.0, 4.0]))
    assert np.isnan(found.normalised[0]).all()
    reason = found.reason(0, 0)
    assert reason is not None
    assert "only 4 city-year(s) in its peer group (year 2024) report it and 5 are needed" in (
        reason
    )
    # It still counts in coverage: peers could make it enter.
    green = found.element_score(KeyElement.GREEN, 0)
    assert (green.n_scored, green.n_total, green.score) == (0, 1, None)
    assert _scores(_stations([1.0, 2.0, 3.0, 4.0]), RollupConfig(min_peers=4, winsorise=0)) == (
        pytest.approx([0.0, 100 / 3, 200 / 3, 100.0])
    )


def test_peers_by_province_from_both_code_styles() -> None:
    # Sulawesi Selatan 1..5 (Kemendagri and BPS codes mixed), Jawa Barat 10..50.
    codes = ["73.71", "7372", "73.73", "7374", "73.75", "32.71", "32.72", "3273", "32.74", "32.75"]
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0]
    results = _stations(values, codes)
    by_province = RollupConfig(peer_by="province", winsorise=0)
    # Within each province: 100 * (x - min) / (max - min) = 0, 25, 50, 75, 100 twice.
    assert _scores(results, by_province) == pytest.approx([0.0, 25.0, 50.0, 75.0, 100.0] * 2)
    # All ten together (same year): 100 * (x - 1) / 49.
    assert _scores(results, RollupConfig(winsorise=0)) == pytest.approx(
        [100 * (v - 1) / 49 for v in values]
    )
    found = roll_up(results, by_province)
    assert found.group_labels == ("province 32, 2024", "province 73, 2024")
    contribution = found.element_score("green", 0).contributions[0]
    assert contribution.reference == (
        "min–max over 5 peers (province 73, 2024): 1–5 device / km**2"
    )


def test_peers_by_kind_and_by_the_callers_labels() -> None:
    codes = ["73.01", "73.02", "73.03", "73.04", "73.05", "73.71", "73.72", "73.73", "73.74"]
    codes.append("73.75")
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 20.0, 30.0, 40.0, 50.0]
    results = _stations(values, codes)
    expected = [0.0, 25.0, 50.0, 75.0, 100.0] * 2
    assert _scores(results, RollupConfig(peer_by="kind", winsorise=0)) == pytest.approx(expected)
    labels = ["kabupaten"] * 5 + ["kota"] * 5
    assert _scores(results, RollupConfig(winsorise=0), peers=labels) == pytest.approx(expected)
    with pytest.raises(ConfigError, match="3 labels for 10 city-years"):
        roll_up(results, peers=["a", "b", "c"])


def test_peer_groups_split_by_year() -> None:
    results = _stations([1.0, 2.0, 3.0, 4.0, 5.0] * 2, years=[2023] * 5 + [2024] * 5)
    # Each year alone: 0, 25, 50, 75, 100.
    assert _scores(results, RollupConfig(winsorise=0)) == pytest.approx(
        [0.0, 25.0, 50.0, 75.0, 100.0] * 2
    )


def test_province_peers_need_codes() -> None:
    with pytest.raises(ConfigError, match="have none"):
        roll_up(_stations(STATIONS), RollupConfig(peer_by="province"))
    with pytest.raises(ConfigError, match="neither a Kemendagri code"):
        roll_up(_stations(STATIONS, [f"x{k}" for k in range(6)]), RollupConfig(peer_by="province"))


def test_explain_names_the_winsorised_range() -> None:
    text = roll_up(_stations(STATIONS)).explain("green", 5)
    assert "min–max over 6 peers (year 2024), winsorised at 5–95 %: 0.25–76 device / km**2" in (
        text
    )


def test_too_few_in_a_year_fall_back_on_every_year() -> None:
    # Three values in each year (fewer than 5), six over both years: min-max over all six,
    # 100 * (x - 1) / 5, and the explanation says so.
    results = _stations([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], years=[2023] * 3 + [2024] * 3)
    found = roll_up(results, RollupConfig(winsorise=0))
    assert found.normalised[0].tolist() == pytest.approx([0.0, 20.0, 40.0, 60.0, 80.0, 100.0])
    assert found.pooled[0].all()
    contribution = found.element_score("green", 4).contributions[0]
    assert contribution.reference == (
        "min–max over 6 peers (all years: too few in year 2024): 1–6 device / km**2"
    )
    # Province peers are never pooled: each province-year stands alone.
    by_year_only = roll_up(results, RollupConfig(winsorise=0, peer_by="all", min_peers=7))
    assert np.isnan(by_year_only.normalised[0]).all()
