"""Water (ISO 37122:2019, clause 23)."""

from __future__ import annotations

from iso37122.indicators._formulas import FloatArray, per_100k, share
from iso37122.indicators._spec import (
    DefinitionSource,
    Direction,
    Indicator,
    PartOfWhole,
    Positive,
)
from iso37122.themes import Theme

__all__ = [
    "SPECS",
    "buildings_with_smart_water_meters_share",
    "drinking_water_realtime_tracked_share",
    "smart_water_network_share",
    "water_quality_monitoring_stations_per_100k",
]


def drinking_water_realtime_tracked_share(
    drinking_water_tracked_realtime: FloatArray, drinking_water_distributed: FloatArray
) -> FloatArray:
    r"""Percentage of drinking water tracked by a real-time water quality monitoring station.

    Parameters
    ----------
    drinking_water_tracked_realtime
        Volume of drinking water tracked by a real-time water quality monitoring station in
        the year. [m**3]
    drinking_water_distributed
        Total volume of drinking water distributed in the city in the year. [m**3]

    Returns
    -------
    FloatArray
        Share of distributed drinking water tracked in real time. [percent]

    Notes
    -----
    .. math:: 100 \cdot V_{tracked} / V

    References
    ----------
    ISO 37122:2019, clause 23.1.

    Examples
    --------
    >>> float(drinking_water_realtime_tracked_share(36_000_000.0, 120_000_000.0))
    30.0
    """
    return share(drinking_water_tracked_realtime, drinking_water_distributed)


def water_quality_monitoring_stations_per_100k(
    water_quality_monitoring_stations: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Real-time environmental water quality monitoring stations per 100 000 population.

    Parameters
    ----------
    water_quality_monitoring_stations
        Real-time environmental water quality monitoring stations in the city. [device]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Monitoring stations per 100 000 residents. [device / hundred_thousand_people]

    Notes
    -----
    The count of stations is divided by one 100 000th of the population:

    .. math:: S / (P / 100\,000) = 100\,000 \cdot S / P

    References
    ----------
    ISO 37122:2019, clause 23.2.

    Examples
    --------
    >>> float(water_quality_monitoring_stations_per_100k(30.0, 2_000_000.0))
    1.5
    """
    return per_100k(water_quality_monitoring_stations, population)


def smart_water_network_share(
    water_network_length_smart: FloatArray, water_network_length: FloatArray
) -> FloatArray:
    r"""Percentage of the water distribution network monitored by a smart water system.

    Parameters
    ----------
    water_network_length_smart
        Length of the water distribution network monitored by a smart water system. [km]
    water_network_length
        Total length of the water distribution network. [km]

    Returns
    -------
    FloatArray
        Share of the network length monitored by a smart water system. [percent]

    Notes
    -----
    .. math:: 100 \cdot L_{smart} / L

    References
    ----------
    ISO 37122:2019, clause 23.3.

    Examples
    --------
    >>> float(smart_water_network_share(300.0, 2_400.0))
    12.5
    """
    return share(water_network_length_smart, water_network_length)


def buildings_with_smart_water_meters_share(
    buildings_with_smart_water_meters: FloatArray, buildings: FloatArray
) -> FloatArray:
    r"""Percentage of buildings in the city with smart water meters.

    Parameters
    ----------
    buildings_with_smart_water_meters
        Buildings with smart water meters. [building]
    buildings
        Total number of buildings in the city. [building]

    Returns
    -------
    FloatArray
        Share of buildings with smart water meters. [percent]

    Notes
    -----
    Not read for this clause: the formula follows the sourced sibling clause 7.9. As there,
    household buildings are likely kept out of the indicator; until a source confirms it,
    the denominator is all buildings in the city.

    .. math:: 100 \cdot N_{smart} / N

    References
    ----------
    ISO 37122:2019, clause 23.4.

    Examples
    --------
    >>> float(buildings_with_smart_water_meters_share(8_000.0, 320_000.0))
    2.5
    """
    return share(buildings_with_smart_water_meters, buildings)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="23.1",
        name="drinking_water_realtime_tracked_share",
        theme=Theme.WATER,
        title="Percentage of drinking water tracked by real-time water quality monitoring station",
        title_id="Persentase air minum yang dipantau stasiun pemantauan kualitas air waktu nyata",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=drinking_water_realtime_tracked_share,
        constraints=(PartOfWhole("drinking_water_tracked_realtime", "drinking_water_distributed"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:4e00fb21-afa8-48a5-90d5-bc16c7d9bcf3",
        ),
    ),
    Indicator(
        clause="23.2",
        name="water_quality_monitoring_stations_per_100k",
        theme=Theme.WATER,
        title="Number of real-time environmental water quality monitoring stations per "
        "100 000 population",
        title_id="Jumlah stasiun pemantauan kualitas air lingkungan waktu nyata per 100 000 "
        "penduduk",
        unit="device / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=water_quality_monitoring_stations_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:d0b55500-2f42-45c2-9722-5197d1ddb46f",
        ),
    ),
    Indicator(
        clause="23.3",
        name="smart_water_network_share",
        theme=Theme.WATER,
        title="Percentage of the city's water distribution network monitored by a smart water "
        "system",
        title_id="Persentase jaringan distribusi air kota yang dipantau sistem air pintar",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=smart_water_network_share,
        constraints=(PartOfWhole("water_network_length_smart", "water_network_length"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:dd2f720b-49ca-42a8-b00d-ec0b35dbe3ff",
        ),
    ),
    Indicator(
        clause="23.4",
        name="buildings_with_smart_water_meters_share",
        theme=Theme.WATER,
        title="Percentage of buildings in the city with smart water meters",
        title_id="Persentase bangunan gedung di kota yang memiliki meter air pintar",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=buildings_with_smart_water_meters_share,
        constraints=(PartOfWhole("buildings_with_smart_water_meters", "buildings"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="by analogy with the sourced sibling 7.9 "
            "(K-O:7fe445ab-2cbf-4e1d-9b23-3a93f47267ec)",
            note="Not read for this clause: the formula follows the sourced sibling 7.9 "
            "(buildings with smart meters / buildings x 100). 7.9 keeps household buildings "
            "out of the whole indicator, and the same scope is likely here (public and "
            "commercial/industrial buildings over the non-household buildings); until a source "
            "confirms it, the denominator is all buildings in the city and household meters "
            "are counted by clause 12.2.",
        ),
    ),
)
