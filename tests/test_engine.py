"""The engine: status precedence, reasons, no value without a status."""

from __future__ import annotations

import numpy as np
import pandas as pd

from iso37122.data import table_from_frame
from iso37122.engine import Status, evaluate
from iso37122.indicators import CATALOGUE


def test_status_precedence_and_reasons() -> None:
    frame = pd.DataFrame(
        {
            "city": ["ok", "rejected", "missing", "exceeds", "zero"],
            "year": [2024] * 5,
            "ict_employed": [30.0, -1.0, np.nan, 300.0, 0.0],
            "labour_force": [120.0, np.nan, 100.0, 100.0, 0.0],
        }
    )
    results = evaluate(table_from_frame(frame), [CATALOGUE["5.3"]])
    assert [results.status_of(0, r) for r in range(5)] == [
        Status.COMPUTED,
        Status.INVALID,  # a rejected value wins over a missing one
        Status.MISSING,
        Status.INVALID,
        Status.UNDEFINED,
    ]
    # 100 * 30 / 120 = 25
    assert results.values[0, 0] == 25.0
    assert np.isnan(results.values[0, 1:]).all()
    assert results.reasons(0) == [
        None,
        "invalid input: ict_employed = -1 is below the minimum 0 [person]",
        "not reported: ict_employed",
        "ict_employed (300) exceeds labour_force (100)",
        "labour_force is 0: a share of nothing is undefined",
    ]


def test_results_are_in_clause_order_whatever_the_request() -> None:
    specs = [CATALOGUE["5.3"], CATALOGUE["5.1"]]
    frame = pd.DataFrame({"city": ["a"], "year": [2024]})
    results = evaluate(table_from_frame(frame), specs)
    assert [s.clause for s in results.indicators] == ["5.1", "5.3"]
    assert results.index("5.3") == 1


def test_empty_table() -> None:
    frame = pd.DataFrame({"city": [], "year": []})
    results = evaluate(table_from_frame(frame))
    assert results.values.shape == (len(CATALOGUE), 0)
