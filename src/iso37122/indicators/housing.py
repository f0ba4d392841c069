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
    The formula is inferred from the title; no public source gives it.

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
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
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
