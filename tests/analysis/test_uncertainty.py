from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.analysis.uncertainty import SobolIndex, sobol_indices, uncertainty
from iso37122.errors import ConfigError
from iso37122.testing import partial_frame, synthetic_frame


@pytest.fixture(scope="module")
def partial() -> iso.ProfileSet:
    return iso.compute_profile(partial_frame(24, (2023, 2024), seed=3))


def test_fixed_seed_reproducible(partial: iso.ProfileSet) -> None:
    first = uncertainty(partial, n=60, seed=5)
    again = uncertainty(partial, n=60, seed=5)
    other = uncertainty(partial, n=60, seed=6)
    np.testing.assert_array_equal(first.score_percentiles, again.score_percentiles)
    np.testing.assert_array_equal(first.rank_percentiles, again.rank_percentiles)
    pd.testing.assert_frame_equal(first.sensitivity, again.sensitivity)
    assert not np.array_equal(first.score_percentiles, other.score_percentiles, equal_nan=True)


def test_intervals_contain_the_default_score(partial: iso.ProfileSet) -> None:
    found = uncertainty(partial, n=200, seed=1, vary=("weights", "aggregation"))
    frame = found.to_frame()
    scored = frame[frame["score"].notna()]
    assert len(scored) > 20
    assert (scored["score_p5"] <= scored["score"] + 1e-9).all()
    assert (scored["score"] <= scored["score_p95"] + 1e-9).all()
    assert (scored["score_p5"] <= scored["score_p50"]).all()
    assert (scored["score_p50"] <= scored["score_p95"]).all()
    # The default configuration's scores are the profile set's own.
    np.testing.assert_array_equal(found.score, partial.elements.score)


def test_ranks_are_permutations(partial: iso.ProfileSet) -> None:
    found = uncertainty(partial, n=30, seed=2, keep_draws=True, sensitivity=False)
    assert found.rank_draws is not None
    assert found.score_draws is not None
    years = partial.table.year
    for draw in range(found.n):
        for e in range(3):
            for year in (2023, 2024):
                ranks = found.rank_draws[draw, e, years == year]
                scored = ~np.isnan(found.score_draws[draw, e, years == year])
                ranked = np.sort(ranks[scored])
                np.testing.assert_array_equal(ranked, np.arange(1, scored.sum() + 1))
                assert np.isnan(ranks[~scored]).all()


def test_default_ranks_by_hand() -> None:
    frame = pd.DataFrame(
        {
            "city": ["A", "B", "C"],
            "year": [2024] * 3,
            "population": [100.0] * 3,
            "population_with_fast_broadband": [50.0, 80.0, np.nan],
        }
    )
    found = uncertainty(iso.compute_profile(frame, indicators=["18.1"]), n=10, seed=0)
    digital = list(iso.KeyElement).index(iso.KeyElement.DIGITAL)
    # B (80) is first, A (50) second, C has no score.
    np.testing.assert_array_equal(found.rank[digital], [2.0, 1.0, np.nan])


def test_a_choice_that_cannot_matter_has_index_zero() -> None:
    # One percentage indicator per element: weights and aggregation cannot change a score,
    # and with every indicator computed, neither can the coverage threshold.
    ps = iso.compute_profile(synthetic_frame(40, seed=2), indicators=["6.1", "8.1", "18.1"])
    found = uncertainty(ps, n=256, seed=0)
    indices = {
        (str(r["element"]), str(r["factor"])): (float(r["first_order"]), float(r["total"]))
        for r in found.sensitivity.to_dict("records")
        if r["output"] == "score"
    }
    for element in ("livable", "green", "digital"):
        for factor in ("weights", "aggregation", "coverage"):
            first, total = indices[(element, factor)]
            assert abs(first) < 1e-9
            assert abs(total) < 1e-9
        assert indices[(element, "normalisation")][1] > 0.5


def test_sobol_indices_of_the_ishigami_function() -> None:
    # f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 on [-pi, pi]^3. Analytic indices (Ishigami
    # and Homma 1990): S = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244).
    rng = np.random.default_rng(0)
    n = 40_000

    def f(u: np.ndarray) -> np.ndarray:
        x = np.pi * (2.0 * u - 1.0)
        return (
            np.sin(x[:, 0]) + 7.0 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])
        )[:, None]

    a, b = rng.random((n, 3)), rng.random((n, 3))
    mixed = [np.where(np.arange(3) == i, b, a) for i in range(3)]
    found = sobol_indices(f(a), f(b), [f(x) for x in mixed])
    first = [i.first_order for i in found]
    total = [i.total for i in found]
    np.testing.assert_allclose(first, [0.314, 0.442, 0.0], atol=0.03)
    np.testing.assert_allclose(total, [0.558, 0.442, 0.244], atol=0.03)
    assert all(np.isnan(i.first_order_conf) and np.isnan(i.total_conf) for i in found)


def _ishigami(u: np.ndarray) -> np.ndarray:
    x = np.pi * (2.0 * u - 1.0)
    return (np.sin(x[:, 0]) + 7.0 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0]))[
        :, None
    ]


def _ishigami_indices(n: int, seed: int) -> list[SobolIndex]:
    rng = np.random.default_rng(seed)
    a, b = rng.random((n, 3)), rng.random((n, 3))
    mixed = [np.where(np.arange(3) == i, b, a) for i in range(3)]
    y = [_ishigami(x) for x in mixed]
    return sobol_indices(_ishigami(a), _ishigami(b), y, resamples=200, rng=rng)


def test_bootstrap_confidence_covers_the_analytic_indices_and_shrinks_with_runs() -> None:
    first = np.array([0.314, 0.442, 0.0])
    total = np.array([0.558, 0.442, 0.244])
    small, large = _ishigami_indices(1_000, seed=3), _ishigami_indices(16_000, seed=3)
    for found in (small, large):
        s = np.array([i.first_order for i in found])
        st = np.array([i.total for i in found])
        s_conf = np.array([i.first_order_conf for i in found])
        st_conf = np.array([i.total_conf for i in found])
        assert (s_conf > 0).all()
        assert (st_conf > 0).all()
        # A 95 % interval: allow it 1.5 half-widths so the check is not a coin toss.
        assert (np.abs(s - first) <= 1.5 * s_conf).all()
        assert (np.abs(st - total) <= 1.5 * st_conf).all()
    # Sixteen times the runs: about a quarter of the width (the bootstrap is itself noisy).
    ratio = np.array([b.total_conf / a.total_conf for a, b in zip(small, large, strict=True)])
    assert ((ratio > 0.15) & (ratio < 0.4)).all()


def test_sensitivity_table_has_confidences_and_they_do_not_change_the_scores() -> None:
    ps = iso.compute_profile(synthetic_frame(30, seed=4))
    with_conf = uncertainty(ps, n=64, seed=1)
    without = uncertainty(ps, n=64, seed=1, resamples=0)
    table = with_conf.sensitivity
    assert list(table.columns) == [
        "element",
        "output",
        "factor",
        "first_order",
        "total",
        "n_outputs",
        "first_order_conf",
        "total_conf",
    ]
    varying = table[(table["output"] == "score") & (table["total"] > 0.05)]
    assert not varying.empty
    assert (varying["total_conf"] > 0).all()
    assert without.sensitivity["total_conf"].isna().all()
    np.testing.assert_array_equal(with_conf.score_percentiles, without.score_percentiles)
    pd.testing.assert_frame_equal(
        with_conf.sensitivity.drop(columns=["first_order_conf", "total_conf"]),
        without.sensitivity.drop(columns=["first_order_conf", "total_conf"]),
    )
    assert "(±" in str(with_conf)


def test_bad_arguments() -> None:
    ps = iso.compute_profile(synthetic_frame(3, seed=1), indicators=["18.1"])
    with pytest.raises(ConfigError, match="unknown choice 'weight'"):
        uncertainty(ps, vary=("weight",))
    with pytest.raises(ConfigError, match="at least 2 draws"):
        uncertainty(ps, n=1)
    with pytest.raises(ConfigError, match="resamples = -1"):
        uncertainty(ps, resamples=-1)
    with pytest.raises(ConfigError, match="coverage"):
        uncertainty(ps, coverage=(0.6, 0.2))


def test_frame_and_text(partial: iso.ProfileSet) -> None:
    found = uncertainty(partial, n=40, seed=0)
    frame = found.to_frame()
    assert len(frame) == 3 * len(partial)
    assert list(frame.columns[:4]) == ["city", "year", "code", "element"]
    assert {"rank_p5", "rank_p95", "scored_share"} <= set(frame.columns)
    assert "first-order/total" in str(found)
    assert set(found.sensitivity["output"]) == {"score", "scored"}


def test_coverage_moves_whether_an_element_is_scored() -> None:
    # Digital has 5.1, 5.3 and 5.4 here; A reports one of three (33 %), B two (67 %). A
    # threshold drawn from 0.25-0.5 scores A in about a third of the draws: only the coverage
    # threshold decides it.
    frame = pd.DataFrame(
        {
            "city": ["A", "B"],
            "year": [2024, 2024],
            "service_contracts": [100.0, 100.0],
            "service_contracts_with_open_data_policy": [20.0, 40.0],
            "labour_force": [np.nan, 100.0],
            "ict_employed": [np.nan, 10.0],
        }
    )
    ps = iso.compute_profile(frame, indicators=["5.1", "5.3", "5.4"])
    found = uncertainty(ps, n=512, seed=0, vary=("weights", "coverage"))
    digital = list(iso.KeyElement).index(iso.KeyElement.DIGITAL)
    # (1/3 - 0.25) / (0.5 - 0.25) = 1/3 of the thresholds let A through.
    assert found.scored_share[digital, 0] == pytest.approx(1 / 3, abs=0.06)
    assert found.scored_share[digital, 1] == 1.0
    scored = found.sensitivity[
        (found.sensitivity["output"] == "scored") & (found.sensitivity["element"] == "digital")
    ].set_index("factor")
    # Estimates of 1 and 0 (the estimator is noisy at n = 512, not biased).
    assert scored["total"].to_dict() == {
        "weights": pytest.approx(0.0),
        "coverage": pytest.approx(1.0, abs=0.1),
    }


def test_percentiles_are_those_of_the_draws(partial: iso.ProfileSet) -> None:
    found = uncertainty(partial, n=50, seed=4, keep_draws=True, sensitivity=False)
    assert found.score_draws is not None
    draws = found.score_draws
    for e in range(3):
        some = ~np.isnan(draws[:, e]).all(axis=0)
        expected = np.nanpercentile(draws[:, e][:, some], [5, 50, 95], axis=0)
        np.testing.assert_allclose(found.score_percentiles[e][:, some], expected)
        assert np.isnan(found.score_percentiles[e][:, ~some]).all()
        np.testing.assert_allclose(found.scored_share[e], (~np.isnan(draws[:, e])).mean(axis=0))
