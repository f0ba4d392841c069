"""Recreation (ISO 37122:2019, clause 14)."""

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
    "online_bookable_recreation_service_share",
]


def online_bookable_recreation_service_share(
    public_recreation_services_bookable_online: FloatArray,
    public_recreation_services: FloatArray,
) -> FloatArray:
    r"""Percentage of public recreation services that can be booked online.

    Parameters
    ----------
    public_recreation_services_bookable_online
        Public recreation services that can be booked online. [count]
    public_recreation_services
        All public recreation services offered in the city. [count]

    Returns
    -------
    FloatArray
        Share of public recreation services bookable online. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot S_{online} / S

    References
    ----------
    ISO 37122:2019, clause 14.1.

    Examples
    --------
    >>> float(online_bookable_recreation_service_share(18.0, 40.0))
    45.0
    """
    return share(public_recreation_services_bookable_online, public_recreation_services)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="14.1",
        name="online_bookable_recreation_service_share",
        theme=Theme.RECREATION,
        title="Percentage of public recreation services that can be booked online",
        title_id="Persentase layanan rekreasi publik yang dapat dipesan secara daring",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=online_bookable_recreation_service_share,
        constraints=(
            PartOfWhole("public_recreation_services_bookable_online", "public_recreation_services"),
        ),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
)
