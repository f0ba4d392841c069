"""End to end on realistic partial data: 60 kab/kota of five provinces over three years."""

from __future__ import annotations

import numpy as np
import pytest

import iso37122 as iso
from iso37122.testing import partial_frame


@pytest.fixture(scope="module")
def profiles() -> iso.ProfileSet:
    return iso.compute_profile(partial_frame(60, seed=0))


def test_every_element_with_a_third_computed_is_scored(profiles: iso.ProfileSet) -> None:
    elements = profiles.elements
    computed = elements.results.status == iso.Status.COMPUTED.code
    eligible = 0
    for e, element in enumerate(elements.elements):
        members = np.array(
            [
                m is element and p.scorable
                for m, p in zip(elements.membership, elements.plans, strict=True)
            ]
        )
        enough = computed[members].sum(axis=0) >= members.sum() / 3 - 1e-9
        scored = ~np.isnan(elements.score[e])
        np.testing.assert_array_equal(scored, enough)
        eligible += int(enough.sum())
    # Partial data: some, not all, element scores exist.
    assert 0.3 * 3 * len(profiles) < eligible < 0.9 * 3 * len(profiles)


def test_open_ended_indicators_enter_by_default(profiles: iso.ProfileSet) -> None:
    elements = profiles.elements
    i = elements.results.index("10.1")  # open-data portal visits per 100 000
    computed = elements.results.status[i] == iso.Status.COMPUTED.code
    assert computed.sum() >= 5
    scored = ~np.isnan(elements.normalised[i])
    np.testing.assert_array_equal(scored, computed)


def test_the_whole_tool_chain_on_one_city(profiles: iso.ProfileSet) -> None:
    profile = profiles[("Kota Makassar", 2024)]
    assert profile.code == "73.71"
    provinces = profiles.aggregate("province")
    assert set(provinces.table.code) == {"31", "32", "35", "51", "73"}
    assert len(provinces) == 5 * 3
    trend = profiles.change(2022, 2024)
    assert set(trend.elements["element"]) == {"livable", "green", "digital"}
    plan = profiles.improvement_plan("livable", "73.71", 2024)
    assert plan.city == "Kota Makassar"
    assert "Improvement plan — livable" in str(plan)
    assert len(profiles.strengths(2)) > 0
