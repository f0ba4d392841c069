"""Environment and climate change (ISO 37122:2019, clause 8)."""

from __future__ import annotations

from iso37122.indicators._formulas import FloatArray, ratio, share
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
    "air_quality_monitoring_stations_per_km2",
    "indoor_air_monitoring_public_building_share",
    "recent_green_building_share",
]


def recent_green_building_share(
    green_buildings_recently_built_or_refurbished: FloatArray,
    buildings_recently_built_or_refurbished: FloatArray,
) -> FloatArray:
    r"""Percentage of recently built or refurbished buildings that follow green principles.

    Parameters
    ----------
    green_buildings_recently_built_or_refurbished
        Buildings built or refurbished within the last five years in conformity with green
        building principles (BREEAM, LEED, CASBEE, HQE, DGNB or similar; certification is not
        required). [building]
    buildings_recently_built_or_refurbished
        All buildings built or refurbished within the last five years. [building]

    Returns
    -------
    FloatArray
        Share of the last five years' new or refurbished buildings that are green. [percent]

    Notes
    -----
    .. math:: 100 \cdot B_{green} / B_{5y}

    References
    ----------
    ISO 37122:2019, clause 8.1.

    Examples
    --------
    >>> float(recent_green_building_share(45.0, 300.0))
    15.0
    """
    return share(
        green_buildings_recently_built_or_refurbished, buildings_recently_built_or_refurbished
    )


def air_quality_monitoring_stations_per_km2(
    air_quality_monitoring_stations: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""Real-time remote air quality monitoring stations per square kilometre.

    Parameters
    ----------
    air_quality_monitoring_stations
        Real-time remote air quality monitoring stations in the city. [device]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Monitoring stations per square kilometre of land. [device / km**2]

    Notes
    -----
    .. math:: S_{air} / A

    References
    ----------
    ISO 37122:2019, clause 8.2.

    Examples
    --------
    >>> float(air_quality_monitoring_stations_per_km2(6.0, 120.0))
    0.05
    """
    return ratio(air_quality_monitoring_stations, land_area)


def indoor_air_monitoring_public_building_share(
    public_buildings_with_indoor_air_monitoring: FloatArray, public_buildings: FloatArray
) -> FloatArray:
    r"""Percentage of public buildings equipped to monitor indoor air quality.

    Parameters
    ----------
    public_buildings_with_indoor_air_monitoring
        Public buildings equipped to monitor indoor air quality (main pollutants such as CO,
        benzene, formaldehyde, radon). [building]
    public_buildings
        All public buildings in the city. [building]

    Returns
    -------
    FloatArray
        Share of public buildings that monitor indoor air quality. [percent]

    Notes
    -----
    .. math:: 100 \cdot B_{IAQ} / B_{public}

    References
    ----------
    ISO 37122:2019, clause 8.3.

    Examples
    --------
    >>> float(indoor_air_monitoring_public_building_share(12.0, 480.0))
    2.5
    """
    return share(public_buildings_with_indoor_air_monitoring, public_buildings)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="8.1",
        name="recent_green_building_share",
        theme=Theme.ENVIRONMENT,
        title="Percentage of buildings built or refurbished within the last 5 years in "
        "conformity with green building principles",
        title_id="Persentase bangunan gedung yang dibangun atau direnovasi dalam 5 tahun "
        "terakhir sesuai dengan prinsip bangunan gedung hijau",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=recent_green_building_share,
        constraints=(
            PartOfWhole(
                "green_buildings_recently_built_or_refurbished",
                "buildings_recently_built_or_refurbished",
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:9ef4f94b-b9ff-4778-8f99-e0f112059594; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="8.2",
        name="air_quality_monitoring_stations_per_km2",
        theme=Theme.ENVIRONMENT,
        title="Number of real-time remote air quality monitoring stations per square "
        "kilometre (km2)",
        title_id="Jumlah stasiun pemantauan kualitas udara jarak jauh secara waktu nyata per "
        "kilometer persegi (km2)",
        unit="device / km**2",
        direction=Direction.HIGHER_IS_BETTER,
        func=air_quality_monitoring_stations_per_km2,
        constraints=(
            Positive("land_area", "a number of stations per square kilometre is undefined"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:f20936f5-27c6-4c02-b846-b6572ef7116b; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="8.3",
        name="indoor_air_monitoring_public_building_share",
        theme=Theme.ENVIRONMENT,
        title="Percentage of public buildings equipped for monitoring indoor air quality",
        title_id="Persentase bangunan gedung publik yang dilengkapi sarana pemantauan kualitas "
        "udara dalam ruang",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=indoor_air_monitoring_public_building_share,
        constraints=(
            PartOfWhole("public_buildings_with_indoor_air_monitoring", "public_buildings"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:041ff7c6-9cb9-4997-a1ab-885460bb09be; GH-html5up(title)",
        ),
    ),
)
