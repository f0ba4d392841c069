"""The improvement plan by hand: three cities, the digital element's percentage indicators.

===========  =====  =====  =====
city         5.1    5.3    5.4
===========  =====  =====  =====
X            20     40     (not reported)
Y            60     10     30
Z            80     50     50
===========  =====  =====  =====

Percentages are scored on goalposts 0-100, so a score equals the percentage. X's digital
score is (20 + 40) / 2 = 30. Peer medians: 5.1 60, 5.3 40, 5.4 median(30, 50) = 40.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.analysis.improve import improvement_plan


def _set() -> iso.ProfileSet:
    frame = pd.DataFrame(
        {
            "city": ["X", "Y", "Z"],
            "year": [2024] * 3,
            "service_contracts": [100.0] * 3,
            "service_contracts_with_open_data_policy": [20.0, 60.0, 80.0],
            "labour_force": [100.0] * 3,
            "ict_employed": [40.0, 10.0, 50.0],
            "education_research_employed": [np.nan, 30.0, 50.0],
        }
    )
    return iso.compute_profile(frame, indicators=["5.1", "5.3", "5.4"])


def test_what_to_raise() -> None:
    plan = improvement_plan(_set().elements, 0, "Digital")
    assert plan.score == pytest.approx(30.0)
    # Only 5.1 is below its peers' median (5.3 is at it): to 60 gives (60 + 40) / 2 = 50.
    assert list(plan.improve["clause"]) == ["5.1"]
    row = plan.improve.iloc[0]
    assert row["target_score"] == pytest.approx(60.0)
    assert row["new_element_score"] == pytest.approx(50.0)
    assert row["gain"] == pytest.approx(20.0)


def test_what_to_collect() -> None:
    plan = improvement_plan(_set().elements, 0, iso.KeyElement.DIGITAL)
    row = plan.collect.iloc[0]
    assert row["clause"] == "5.4"
    assert row["lacking"] == "education_research_employed"
    # At the peers' median 40: (20 + 40 + 40) / 3 = 33.33, a gain of 3.33.
    assert row["new_element_score"] == pytest.approx(100.0 / 3.0)
    assert row["gain"] == pytest.approx(100.0 / 3.0 - 30.0)
    assert [step.variables for step in plan.steps] == [("education_research_employed",)]
    assert plan.scored_after_step == 0


def test_to_the_best_peer() -> None:
    plan = improvement_plan(_set().elements, 0, "digital", to="best")
    gains = dict(zip(plan.improve["clause"], plan.improve["gain"], strict=True))
    # 5.1 to 80: (80 + 40) / 2 = 60 (+30); 5.3 to 50: (20 + 50) / 2 = 35 (+5).
    assert gains == {"5.1": pytest.approx(30.0), "5.3": pytest.approx(5.0)}
    assert list(plan.improve["clause"]) == ["5.1", "5.3"]


def test_plan_of_an_element_not_yet_scored() -> None:
    frame = pd.DataFrame(
        {
            "city": ["X", "Y"],
            "year": [2024, 2024],
            "labour_force": [100.0, 100.0],
            "ict_employed": [np.nan, 10.0],
            "education_research_employed": [np.nan, 30.0],
        }
    )
    ps = iso.compute_profile(frame, indicators=["5.3", "5.4"])
    plan = improvement_plan(ps.elements, 0, "digital")
    assert plan.score is None
    assert plan.needed == 1
    assert plan.scored_after_step == 1
    text = str(plan)
    assert "not scored" in text
    assert "The element gets a score after step 1." in text
