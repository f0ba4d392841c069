"""Finance (ISO 37122:2019, clause 9)."""

from __future__ import annotations

from iso37122.indicators._formulas import FloatArray, share
from iso37122.indicators._spec import (
    DefinitionSource,
    Direction,
    Indicator,
    PartOfWhole,
)
from iso37122.themes import Theme

__all__ = [
    "SPECS",
    "electronic_invoice_payment_share",
    "sharing_economy_revenue_share",
]


def sharing_economy_revenue_share(
    sharing_economy_revenue: FloatArray, own_source_revenue: FloatArray
) -> FloatArray:
    r"""Annual revenue collected from the sharing economy as a percentage of own-source revenue.

    Parameters
    ----------
    sharing_economy_revenue
        Revenue the city collected from the sharing economy in the year. [rupiah]
    own_source_revenue
        The city's own-source revenue in the year (Pendapatan Asli Daerah). [rupiah]

    Returns
    -------
    FloatArray
        Share of own-source revenue that comes from the sharing economy. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it. Revenue collected from
    the sharing economy is taken to be part of the city's own-source revenue.

    .. math:: 100 \cdot R_{sharing} / R_{own}

    Both amounts must be in the same currency; the ratio does not depend on which.

    References
    ----------
    ISO 37122:2019, clause 9.1.

    Examples
    --------
    >>> float(sharing_economy_revenue_share(2.5e9, 500e9))
    0.5
    """
    return share(sharing_economy_revenue, own_source_revenue)


def electronic_invoice_payment_share(
    electronic_invoice_payments: FloatArray, payments_to_city: FloatArray
) -> FloatArray:
    r"""Percentage of payments to the city paid electronically based on electronic invoices.

    Parameters
    ----------
    electronic_invoice_payments
        Payments to the city paid electronically on the basis of electronic invoices. [count]
    payments_to_city
        All payments made to the city in the year. [count]

    Returns
    -------
    FloatArray
        Share of payments to the city made electronically from e-invoices. [percent]

    Notes
    -----
    .. math:: 100 \cdot N_{e\text{-}invoice} / N

    References
    ----------
    ISO 37122:2019, clause 9.2.

    Examples
    --------
    >>> float(electronic_invoice_payment_share(36_000.0, 48_000.0))
    75.0
    """
    return share(electronic_invoice_payments, payments_to_city)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="9.1",
        name="sharing_economy_revenue_share",
        theme=Theme.FINANCE,
        title="Annual amount of revenues collected from the sharing economy as a percentage of "
        "own-source revenue",
        title_id="Jumlah pendapatan tahunan yang dipungut dari ekonomi berbagi sebagai "
        "persentase dari pendapatan asli daerah",
        unit="percent",
        # The share also rises when the rest of own-source revenue falls, and the standard sets
        # no target for it, so a higher value is not in itself a better outcome.
        direction=Direction.NEUTRAL,
        func=sharing_economy_revenue_share,
        # Sharing-economy revenue (taxes, fees, levies the city collects) is one component of
        # own-source revenue, so it cannot exceed it.
        constraints=(PartOfWhole("sharing_economy_revenue", "own_source_revenue"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM (title phrase given in brief; not found)",
            note="Formula inferred from the title; not read in any source. Sharing-economy "
            "revenue is taken to be part of own-source revenue, so the share is at most 100.",
        ),
    ),
    Indicator(
        clause="9.2",
        name="electronic_invoice_payment_share",
        theme=Theme.FINANCE,
        title="Percentage of payments to the city that are paid electronically based on "
        "electronic invoices",
        title_id="Persentase pembayaran kepada pemerintah kota yang dibayar secara elektronik "
        "berdasarkan tagihan elektronik",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=electronic_invoice_payment_share,
        constraints=(PartOfWhole("electronic_invoice_payments", "payments_to_city"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:caf3257a-4238-41a1-8476-4b1be0faadbb",
        ),
    ),
)
