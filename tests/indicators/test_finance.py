from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import finance
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in finance.SPECS}


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_9_1_and_9_2_in_order() -> None:
    assert [s.clause for s in finance.SPECS] == ["9.1", "9.2"]
    assert all(s.theme is Theme.FINANCE for s in finance.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert finance.__all__ == sorted(finance.__all__)
    assert set(finance.__all__) == {"SPECS", *(s.name for s in finance.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in finance.SPECS:
        assert spec.func is getattr(finance, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


# --- 9.1 --------------------------------------------------------------------------------------


def test_sharing_economy_revenue_share_value() -> None:
    result = finance.sharing_economy_revenue_share(_arr(2.5e9, 12e9), _arr(500e9, 240e9))
    # 100 * 2.5e9 / 500e9 = 0.5; 100 * 12e9 / 240e9 = 5
    np.testing.assert_allclose(result, [0.5, 5.0])


def test_sharing_economy_revenue_share_does_not_depend_on_the_currency_unit() -> None:
    in_rupiah = finance.sharing_economy_revenue_share(_arr(2.5e9), _arr(500e9))
    # the same amounts in millions of rupiah: 100 * 2 500 / 500 000 = 0.5
    in_millions = finance.sharing_economy_revenue_share(_arr(2_500.0), _arr(500_000.0))
    np.testing.assert_allclose(in_millions, in_rupiah)


def test_sharing_economy_revenue_share_part_of_whole() -> None:
    (rule,) = SPECS["9.1"].constraints
    assert rule == PartOfWhole("sharing_economy_revenue", "own_source_revenue")
    cols = {
        "sharing_economy_revenue": _arr(2.5e9, 600e9, 0.0),
        "own_source_revenue": _arr(500e9, 500e9, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"sharing_economy_revenue": 600e9, "own_source_revenue": 500e9}, Status.INVALID
        )
        == "sharing_economy_revenue (600000000000) exceeds own_source_revenue (500000000000)"
    )
    assert (
        rule.explain({"sharing_economy_revenue": 0.0, "own_source_revenue": 0.0}, Status.UNDEFINED)
        == "own_source_revenue is 0: a share of nothing is undefined"
    )


def test_sharing_economy_revenue_share_spec() -> None:
    spec = SPECS["9.1"]
    assert spec.inputs == ("sharing_economy_revenue", "own_source_revenue")
    assert spec.unit == "percent"
    # The CSV hint is "unclear"; the module decides, and says why.
    assert spec.direction is Direction.NEUTRAL
    source = spec.definition_source
    assert (source.confidence, source.formula) == ("low", "inferred")
    assert source.reference == "MEM (title phrase given in brief; not found)"
    assert "Formula inferred from the title; not read in any source." in source.note


# --- 9.2 --------------------------------------------------------------------------------------


def test_electronic_invoice_payment_share_value() -> None:
    result = finance.electronic_invoice_payment_share(_arr(36_000.0, 1.0), _arr(48_000.0, 8.0))
    # 100 * 36 000 / 48 000 = 75; 100 * 1 / 8 = 12.5
    np.testing.assert_allclose(result, [75.0, 12.5])


def test_electronic_invoice_payment_share_part_of_whole() -> None:
    (rule,) = SPECS["9.2"].constraints
    assert rule == PartOfWhole("electronic_invoice_payments", "payments_to_city")
    cols = {
        "electronic_invoice_payments": _arr(36_000.0, 50_000.0, 0.0),
        "payments_to_city": _arr(48_000.0, 48_000.0, 0.0),
    }
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]
    assert (
        rule.explain(
            {"electronic_invoice_payments": 50_000.0, "payments_to_city": 48_000.0},
            Status.INVALID,
        )
        == "electronic_invoice_payments (50000) exceeds payments_to_city (48000)"
    )
    assert (
        rule.explain(
            {"electronic_invoice_payments": 0.0, "payments_to_city": 0.0}, Status.UNDEFINED
        )
        == "payments_to_city is 0: a share of nothing is undefined"
    )


def test_electronic_invoice_payment_share_spec() -> None:
    spec = SPECS["9.2"]
    assert spec.inputs == ("electronic_invoice_payments", "payments_to_city")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert (spec.definition_source.confidence, spec.definition_source.formula) == (
        "med-high",
        "read",
    )


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", ["9.1", "9.2"])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e15), scale=st.floats(1e-6, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
