from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import finance
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in finance.SPECS}


# --- 9.1 --------------------------------------------------------------------------------------


def test_sharing_economy_revenue_share_value() -> None:
    result = finance.sharing_economy_revenue_share(arr(2.5e9, 12e9), arr(500e9, 240e9))
    # 100 * 2.5e9 / 500e9 = 0.5; 100 * 12e9 / 240e9 = 5
    np.testing.assert_allclose(result, [0.5, 5.0])


def test_sharing_economy_revenue_share_does_not_depend_on_the_currency_unit() -> None:
    in_rupiah = finance.sharing_economy_revenue_share(arr(2.5e9), arr(500e9))
    # the same amounts in millions of rupiah: 100 * 2 500 / 500 000 = 0.5
    in_millions = finance.sharing_economy_revenue_share(arr(2_500.0), arr(500_000.0))
    np.testing.assert_allclose(in_millions, in_rupiah)


def test_sharing_economy_revenue_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["9.1"],
        PartOfWhole("sharing_economy_revenue", "own_source_revenue"),
        within=(2.5e9, 500e9),
        exceeding=(600e9, 500e9),
        reason="sharing_economy_revenue (600000000000) exceeds own_source_revenue (500000000000)",
    )


# --- 9.2 --------------------------------------------------------------------------------------


def test_electronic_invoice_payment_share_value() -> None:
    result = finance.electronic_invoice_payment_share(arr(36_000.0, 1.0), arr(48_000.0, 8.0))
    # 100 * 36 000 / 48 000 = 75; 100 * 1 / 8 = 12.5
    np.testing.assert_allclose(result, [75.0, 12.5])


def test_electronic_invoice_payment_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["9.2"],
        PartOfWhole("electronic_invoice_payments", "payments_to_city"),
        within=(36_000.0, 48_000.0),
        exceeding=(50_000.0, 48_000.0),
        reason="electronic_invoice_payments (50000) exceeds payments_to_city (48000)",
    )
