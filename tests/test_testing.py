from __future__ import annotations

import pandas as pd

import iso37122 as iso
from iso37122.indicators import PartOfWhole
from iso37122.testing import synthetic_frame


def test_deterministic_by_seed() -> None:
    pd.testing.assert_frame_equal(synthetic_frame(20, seed=4), synthetic_frame(20, seed=4))
    assert not synthetic_frame(20, seed=4).equals(synthetic_frame(20, seed=5))


def test_complete_valid_and_distinct() -> None:
    frame = synthetic_frame(200, seed=1)
    assert list(frame.columns) == ["city", "year", "code", *iso.variables()]
    values = frame[list(iso.variables())]
    assert values.notna().all().all()
    assert (values > 0).all().all()
    assert not frame.duplicated(["code", "year"]).any()
    for spec in iso.catalogue().values():
        for constraint in spec.constraints:
            if isinstance(constraint, PartOfWhole):
                parts = frame[list(constraint.parts)].sum(axis=1)
                assert (parts <= frame[constraint.whole]).all(), spec.clause


def test_empty() -> None:
    assert len(synthetic_frame(0)) == 0
