"""Configuration checks of issue 9: weights without overflow, z-scores without overflow, and
targets or goalposts of percentage indicators that look like fractions."""

from __future__ import annotations

import numpy as np
import pytest

from iso37122 import compute_profile
from iso37122.data import Table
from iso37122.engine import evaluate
from iso37122.errors import ConfigWarning
from iso37122.indicators import CATALOGUE
from iso37122.rollup import RollupConfig, roll_up
from iso37122.testing import synthetic_frame

FRAME = synthetic_frame(12, seed=4)


def _scores(config: RollupConfig) -> np.ndarray:
    profiles = compute_profile(FRAME, config=config)
    return np.array([[s.score for s in p.elements.values()] for p in profiles], dtype=float)


def test_a_huge_weight_dominates_without_overflow() -> None:
    # Only ratios of weights matter: 1e308 against 1 is the same as 1e300 against 1 (to
    # within rounding), and every score stays finite and within 0-100.
    huge = _scores(RollupConfig(weights={"18.1": 1e308}))
    large = _scores(RollupConfig(weights={"18.1": 1e300}))
    assert np.isfinite(huge).all()
    assert ((huge >= 0) & (huge <= 100)).all()
    np.testing.assert_allclose(huge, large, rtol=1e-9)


def test_tiny_weights_are_ratios_too() -> None:
    # Every weight 5e-324 (the smallest float) is equal weights, as every weight 1 is.
    tiny = dict.fromkeys(CATALOGUE, 5e-324)
    np.testing.assert_allclose(_scores(RollupConfig(weights=tiny)), _scores(RollupConfig()))


def _table(scale: float) -> Table:
    columns = {v: FRAME[v].to_numpy(dtype=float) for v in FRAME.columns[3:]}
    columns["open_data_portal_visits"] = columns["open_data_portal_visits"] * scale
    return Table(
        city=FRAME["city"].to_numpy(dtype=object),
        year=FRAME["year"].to_numpy(dtype=np.int64),
        code=FRAME["code"].to_numpy(dtype=object),
        columns=columns,
    )


def test_zscores_do_not_overflow_on_huge_values() -> None:
    # 10.1 is visits per 100 000 people: scaling the visits by 1e200 scales its values by
    # 1e200 (squares of 1e205 overflow a float), and a z-score is scale-free.
    config = RollupConfig(normalisation="zscore")
    base = roll_up(evaluate(_table(1.0)), config)
    scaled = roll_up(evaluate(_table(1e200)), config)
    i = base.results.index("10.1")
    assert np.isfinite(base.normalised[i]).all()
    np.testing.assert_allclose(scaled.normalised[i], base.normalised[i], rtol=1e-9)


@pytest.mark.parametrize(
    "settings",
    [
        {"normalisation": "target", "targets": {"18.1": 0.9}},
        {"goalposts": {"18.1": (0.0, 1.0)}},
    ],
    ids=["target", "goalposts"],
)
def test_fraction_looking_target_of_a_percentage_is_flagged(settings: dict[str, object]) -> None:
    with pytest.warns(ConfigWarning, match=r"18\.1.*percentages \(0-100\)"):
        config = RollupConfig.model_validate(settings)
    assert config is not None  # kept as given: it is a warning, not an error


def test_percent_target_of_90_is_not_flagged() -> None:
    config = RollupConfig(normalisation="target", targets={"18.1": 90.0, "5.2": 0.5})
    assert config.targets["18.1"] == 90.0  # 5.2 is a rate, not a percentage: 0.5 is fine
