"""The normaliser registry and each method on a small hand-computed example; peer groups.

The example: five values of one indicator in two peer groups,

    row     0    1    2    3    4
    value  10   20   40    5   15
    group   0    0    0    1    1
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from iso37122._typing import FloatArray
from iso37122.data import Table, table_from_frame
from iso37122.elements import KeyElement
from iso37122.indicators import Direction
from iso37122.rollup.compute import peer_groups
from iso37122.rollup.config import IndicatorPlan
from iso37122.rollup.normalisers import (
    NORMALISERS,
    Bands,
    Goalposts,
    LeftOut,
    MinMax,
    Normalisation,
    Normaliser,
    PeerGroups,
    Rank,
    Target,
    ZScore,
)

VALUES: FloatArray = np.array([10.0, 20.0, 40.0, 5.0, 15.0])
VALID = np.ones(5, dtype=bool)
GROUPS = PeerGroups(np.array([0, 0, 0, 1, 1], dtype=np.int64), ("g0", "g1"))


def _plan(
    method: Normalisation,
    *,
    direction: Direction = Direction.HIGHER_IS_BETTER,
    goalposts: tuple[float, float] | None = None,
    target: float | None = None,
) -> IndicatorPlan:
    return IndicatorPlan(
        clause="99.1",
        element=KeyElement.GREEN,
        direction=direction,
        weight=1.0,
        normalisation=method,
        goalposts=goalposts,
        target=target,
        default_reference=False,
        reason=None,
    )


def _score(
    method: Normalisation,
    values: FloatArray = VALUES,
    *,
    direction: Direction = Direction.HIGHER_IS_BETTER,
    goalposts: tuple[float, float] | None = None,
    target: float | None = None,
) -> list[float]:
    plan = _plan(method, direction=direction, goalposts=goalposts, target=target)
    progress = NORMALISERS[method].progress(values, VALID, plan, GROUPS).progress
    return [float(p) for p in progress]


def test_every_method_has_exactly_one_normaliser_of_its_own_class() -> None:
    assert set(NORMALISERS) == set(Normalisation)
    classes = [type(n) for n in NORMALISERS.values()]
    assert len(set(classes)) == len(classes)
    for method, normaliser in NORMALISERS.items():
        assert isinstance(normaliser, Normaliser)
        assert normaliser.method is method
        assert method.normaliser is normaliser


def test_registry_classes() -> None:
    expected = {
        Normalisation.GOALPOSTS: Goalposts,
        Normalisation.MINMAX: MinMax,
        Normalisation.ZSCORE: ZScore,
        Normalisation.RANK: Rank,
        Normalisation.TARGET: Target,
        Normalisation.BANDS: Bands,
    }
    assert {m: type(n) for m, n in NORMALISERS.items()} == expected
    assert {m for m in Normalisation if m.uses_peers} == {
        Normalisation.MINMAX,
        Normalisation.ZSCORE,
        Normalisation.RANK,
    }


@pytest.mark.parametrize("method", list(Normalisation))
@pytest.mark.parametrize("direction", list(Direction))
def test_progress_is_in_unit_interval_or_nan(method: Normalisation, direction: Direction) -> None:
    values = np.array([10.0, 20.0, 40.0, np.nan, 15.0, 1e6])
    valid = np.array([True, True, True, False, True, True])
    groups = PeerGroups(np.array([0, 0, 0, 1, 1, 1], dtype=np.int64), ("g0", "g1"))
    plan = _plan(method, direction=direction, goalposts=(0.0, 100.0), target=20.0)
    result = NORMALISERS[method].progress(values, valid, plan, groups)
    progress = result.progress
    assert progress.shape == (6,)
    assert math.isnan(progress[3])
    assert result.code[3] == LeftOut.NOT_COMPUTED
    scored = progress[~np.isnan(progress)]
    assert scored.size == 5
    assert ((scored >= 0.0) & (scored <= 1.0)).all()


def test_minmax_by_hand() -> None:
    # group 0: min 10, max 40 -> (10-10)/30, (20-10)/30, (40-10)/30; group 1: min 5, max 15.
    assert _score(Normalisation.MINMAX) == pytest.approx([0.0, 1 / 3, 1.0, 0.0, 1.0])
    # lower is better: 1 - u
    assert _score(Normalisation.MINMAX, direction=Direction.LOWER_IS_BETTER) == pytest.approx(
        [1.0, 2 / 3, 0.0, 1.0, 0.0]
    )


def test_zscore_by_hand() -> None:
    # group 0: mean 70/3; deviations -40/3, -10/3, 50/3; population variance
    # (1600 + 100 + 2500) / 9 / 3 = 4200/27; progress = 1/2 + deviation / sd / 6.
    sd = math.sqrt(4200 / 27)  # 12.47...
    group0 = [0.5 + d / sd / 6 for d in (-40 / 3, -10 / 3, 50 / 3)]  # 0.3218, 0.4555, 0.7227
    # group 1: mean 10, deviations -5, 5, sd 5 -> z = -1, 1 -> 1/2 -+ 1/6.
    assert _score(Normalisation.ZSCORE) == pytest.approx([*group0, 1 / 3, 2 / 3])
    assert group0[0] == pytest.approx(0.32183, abs=1e-5)


def test_rank_by_hand() -> None:
    # (below + (ties - 1)/2) / (n - 1): group 0 ranks 0/2, 1/2, 2/2; group 1 ranks 0/1, 1/1.
    assert _score(Normalisation.RANK) == pytest.approx([0.0, 0.5, 1.0, 0.0, 1.0])
    # ties share: 10, 20, 20 -> 0/2, (1 + 1/2)/2, (1 + 1/2)/2.
    tied = np.array([10.0, 20.0, 20.0, 5.0, 15.0])
    assert _score(Normalisation.RANK, tied) == pytest.approx([0.0, 0.75, 0.75, 0.0, 1.0])


def test_goalposts_by_hand() -> None:
    # (x - 0) / (100 - 0); clipped: 150 -> 1.
    assert _score(Normalisation.GOALPOSTS, goalposts=(0.0, 100.0)) == pytest.approx(
        [0.1, 0.2, 0.4, 0.05, 0.15]
    )
    values = np.array([150.0, 20.0, 40.0, 5.0, 15.0])
    # goalposts 10-40, lower is better: 1 - (x - 10)/30, clipped to [0, 1].
    assert _score(
        Normalisation.GOALPOSTS,
        values,
        goalposts=(10.0, 40.0),
        direction=Direction.LOWER_IS_BETTER,
    ) == pytest.approx([0.0, 2 / 3, 0.0, 1.0, 5 / 6])


def test_target_by_hand() -> None:
    # x / 20 capped at 1: 10/20, 20/20, 40/20 -> 1, 5/20, 15/20.
    assert _score(Normalisation.TARGET, target=20.0) == pytest.approx([0.5, 1.0, 1.0, 0.25, 0.75])
    # lower is better: 1 at or below 20, else 20 / x: 40 -> 0.5.
    assert _score(
        Normalisation.TARGET, target=20.0, direction=Direction.LOWER_IS_BETTER
    ) == pytest.approx([1.0, 1.0, 0.5, 1.0, 1.0])


def test_bands_by_hand() -> None:
    # shares of the target 20 reached: 0.5, 1, 1, 0.25, 0.75; bands start at 0.33, 0.66, 0.95:
    # bands 2, 4, 4, 1, 3 -> progress (band - 1) / 3.
    plan = _plan(Normalisation.BANDS, target=20.0)
    result = NORMALISERS[Normalisation.BANDS].progress(VALUES, VALID, plan, GROUPS)
    assert result.band.tolist() == [2, 4, 4, 1, 3]
    assert result.progress.tolist() == pytest.approx([1 / 3, 1.0, 1.0, 0.0, 2 / 3])


def test_peer_method_leaves_out_a_row_alone_in_its_group() -> None:
    # row 4 is the only valid row of group 1, so it has no peers.
    valid = np.array([True, True, True, False, True])
    result = NORMALISERS[Normalisation.MINMAX].progress(
        VALUES, valid, _plan(Normalisation.MINMAX), GROUPS
    )
    assert result.code.tolist() == [
        LeftOut.SCORED,
        LeftOut.SCORED,
        LeftOut.SCORED,
        LeftOut.NOT_COMPUTED,
        LeftOut.PEER_ALONE,
    ]
    assert math.isnan(result.progress[4])


@pytest.fixture
def table() -> Table:
    frame = pd.DataFrame(
        {
            "city": ["Makassar", "Gowa", "Bandung", "Makassar", "Gowa"],
            "year": [2023, 2023, 2023, 2024, 2024],
            "code": ["73.71", "73.06", "32.73", "73.71", "73.06"],
        }
    )
    return table_from_frame(frame)


def test_peer_groups_all(table: Table) -> None:
    found = peer_groups(table, "all")
    assert found.ids.tolist() == [0, 0, 0, 0, 0]
    assert found.labels == ("all city-years",)


def test_peer_groups_year(table: Table) -> None:
    found = peer_groups(table, "year")
    assert found.ids.tolist() == [0, 0, 0, 1, 1]
    assert found.labels == ("year 2023", "year 2024")


def test_peer_groups_city(table: Table) -> None:
    # keyed by code, sorted: 32.73 (Bandung), 73.06 (Gowa), 73.71 (Makassar).
    found = peer_groups(table, "city")
    assert found.ids.tolist() == [2, 1, 0, 2, 1]
    assert found.labels == ("code 32.73", "code 73.06", "code 73.71")


def test_peer_groups_province(table: Table) -> None:
    # province 73 (Sulawesi Selatan) and 32 (Jawa Barat), split by year; sorted labels:
    # "province 32, 2023", "province 73, 2023", "province 73, 2024".
    found = peer_groups(table, "province")
    assert found.ids.tolist() == [1, 1, 0, 2, 2]
    assert found.labels == ("province 32, 2023", "province 73, 2023", "province 73, 2024")
