"""Housing (ISO 37122:2019, clause 12)."""

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
    "smart_energy_meter_household_share",
    "smart_water_meter_household_share",
]


def smart_energy_meter_household_share(
    households_with_smart_energy_meters: FloatArray, households: FloatArray
) -> FloatArray:
    r"""Percentage of households with smart energy meters.

    Parameters
    ----------
    households_with_smart_energy_meters
        Households with smart energy meters. [household]
    households
        All households in the city. [household]

    Returns
    -------
    FloatArray
        Share of households with a smart energy meter. [percent]

    Notes
    -----
    Not read for this clause: the formula follows the sourced sibling clause 12.2, and what
    counts as a smart energy meter follows clause 7.9.

    .. math:: 100 \cdot H_{smart\,energy} / H

    References
    ----------
    ISO 37122:2019, clause 12.1.

    Examples
    --------
    >>> float(smart_energy_meter_household_share(40_000.0, 320_000.0))
    12.5
    """
    return share(households_with_smart_energy_meters, households)


def smart_water_meter_household_share(
    households_with_smart_water_meters: FloatArray, households: FloatArray
) -> FloatArray:
    r"""Percentage of households with smart water meters.

    Parameters
    ----------
    households_with_smart_water_meters
        Households with smart water meters. [household]
    households
        All households in the city. [household]

    Returns
    -------
    FloatArray
        Share of households with a smart water meter. [percent]

    Notes
    -----
    .. math:: 100 \cdot H_{smart\,water} / H

    References
    ----------
    ISO 37122:2019, clause 12.2.

    Examples
    --------
    >>> float(smart_water_meter_household_share(8_000.0, 320_000.0))
    2.5
    """
    return share(households_with_smart_water_meters, households)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="12.1",
        name="smart_energy_meter_household_share",
        theme=Theme.HOUSING,
        title="Percentage of households with smart energy meters",
        title_id="Persentase rumah tangga yang memiliki meter energi pintar",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=smart_energy_meter_household_share,
        constraints=(PartOfWhole("households_with_smart_energy_meters", "households"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="by analogy with the sourced sibling 12.2 "
            "(K-R:8b9061ab-a37b-454c-8c5e-226db4e82de1); meter definition from 7.9 "
            "(K-O:7fe445ab-2cbf-4e1d-9b23-3a93f47267ec)",
            note="Not read for this clause: the formula follows the sourced sibling 12.2 "
            "(households with smart water meters / all households x 100), and what counts as "
            "a smart energy meter follows clause 7.9.",
        ),
    ),
    Indicator(
        clause="12.2",
        name="smart_water_meter_household_share",
        theme=Theme.HOUSING,
        title="Percentage of households with smart water meters",
        title_id="Persentase rumah tangga yang memiliki meter air pintar",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=smart_water_meter_household_share,
        constraints=(PartOfWhole("households_with_smart_water_meters", "households"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:8b9061ab-a37b-454c-8c5e-226db4e82de1",
        ),
    ),
)
