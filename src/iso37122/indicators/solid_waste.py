"""Solid waste (ISO 37122:2019, clause 16)."""

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
    "electronic_waste_recycling_share",
    "metered_waste_collection_coverage",
    "plastic_waste_recycling_share",
    "sensor_enabled_garbage_bin_share",
    "solid_waste_to_energy_share",
    "telemetered_waste_container_share",
]


def telemetered_waste_container_share(
    waste_drop_off_containers_with_telemetering: FloatArray,
    waste_drop_off_containers: FloatArray,
) -> FloatArray:
    r"""Percentage of waste drop-off centres (containers) equipped with telemetering.

    Parameters
    ----------
    waste_drop_off_containers_with_telemetering
        Waste drop-off centres (containers) equipped with telemetering. [device]
    waste_drop_off_containers
        All waste drop-off centres (containers) in the city. [device]

    Returns
    -------
    FloatArray
        Share of waste drop-off containers with telemetering. [percent]

    Notes
    -----
    .. math:: 100 \cdot C_{telemetered} / C

    References
    ----------
    ISO 37122:2019, clause 16.1.

    Examples
    --------
    >>> float(telemetered_waste_container_share(90.0, 360.0))
    25.0
    """
    return share(waste_drop_off_containers_with_telemetering, waste_drop_off_containers)


def metered_waste_collection_coverage(
    population_with_metered_waste_collection: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the population with door-to-door collection that meters household waste.

    Parameters
    ----------
    population_with_metered_waste_collection
        Residents with door-to-door garbage collection that individually monitors the
        quantities of household waste (measured by sensor). [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population whose household waste is individually metered. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{metered} / P

    References
    ----------
    ISO 37122:2019, clause 16.2.

    Examples
    --------
    >>> float(metered_waste_collection_coverage(60_000.0, 1_200_000.0))
    5.0
    """
    return share(population_with_metered_waste_collection, population)


def solid_waste_to_energy_share(
    solid_waste_used_for_energy: FloatArray, municipal_solid_waste: FloatArray
) -> FloatArray:
    r"""Percentage of the city's total amount of solid waste used to generate energy.

    Parameters
    ----------
    solid_waste_used_for_energy
        Solid waste used to generate energy in the year. [t]
    municipal_solid_waste
        Total amount of solid waste in the city in the year. [t]

    Returns
    -------
    FloatArray
        Share of the city's solid waste (by mass) used to generate energy. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot W_{energy} / W

    References
    ----------
    ISO 37122:2019, clause 16.3.

    Examples
    --------
    >>> float(solid_waste_to_energy_share(48_000.0, 320_000.0))
    15.0
    """
    return share(solid_waste_used_for_energy, municipal_solid_waste)


def plastic_waste_recycling_share(
    plastic_waste_recycled: FloatArray, plastics_on_market: FloatArray
) -> FloatArray:
    r"""Percentage of the total amount of plastic waste recycled in the city.

    Parameters
    ----------
    plastic_waste_recycled
        Plastics coming out of sorting plants and recycled in the year. [t]
    plastics_on_market
        Total plastics placed on the market within the city boundaries in the year. [t]

    Returns
    -------
    FloatArray
        Recycled plastics as a share of the plastics placed on the market. [percent]

    Notes
    -----
    The published definition measures the whole by the plastics placed on the market, not by
    the plastic waste collected:

    .. math:: 100 \cdot M_{recycled} / M_{market}

    References
    ----------
    ISO 37122:2019, clause 16.4.

    Examples
    --------
    >>> float(plastic_waste_recycling_share(2_400.0, 30_000.0))
    8.0
    """
    return share(plastic_waste_recycled, plastics_on_market)


def sensor_enabled_garbage_bin_share(
    sensor_enabled_garbage_bins: FloatArray, public_garbage_bins: FloatArray
) -> FloatArray:
    r"""Percentage of public garbage bins that are sensor-enabled.

    Parameters
    ----------
    sensor_enabled_garbage_bins
        Public garbage bins equipped with (fill-level) sensors. [device]
    public_garbage_bins
        All public garbage bins in the city. [device]

    Returns
    -------
    FloatArray
        Share of public garbage bins with sensors. [percent]

    Notes
    -----
    .. math:: 100 \cdot G_{sensor} / G

    The source read does not show the clause number; 16.5 is the indicator's position in the
    theme.

    References
    ----------
    ISO 37122:2019, clause 16.5.

    Examples
    --------
    >>> float(sensor_enabled_garbage_bin_share(150.0, 2_000.0))
    7.5
    """
    return share(sensor_enabled_garbage_bins, public_garbage_bins)


def electronic_waste_recycling_share(
    electronic_waste_recycled: FloatArray, electronic_waste: FloatArray
) -> FloatArray:
    r"""Percentage of the city's electrical and electronic waste that is recycled.

    Parameters
    ----------
    electronic_waste_recycled
        Electrical and electronic waste recycled in the year. [t]
    electronic_waste
        Electrical and electronic waste generated in the city in the year. [t]

    Returns
    -------
    FloatArray
        Share of electrical and electronic waste (by mass) recycled. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot E_{recycled} / E

    References
    ----------
    ISO 37122:2019, clause 16.6.

    Examples
    --------
    >>> float(electronic_waste_recycling_share(450.0, 1_800.0))
    25.0
    """
    return share(electronic_waste_recycled, electronic_waste)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="16.1",
        name="telemetered_waste_container_share",
        theme=Theme.SOLID_WASTE,
        title="Percentage of waste drop-off centres (containers) equipped with telemetering",
        title_id="Persentase tempat penampungan sampah (kontainer) yang dilengkapi telemetri",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=telemetered_waste_container_share,
        constraints=(
            PartOfWhole("waste_drop_off_containers_with_telemetering", "waste_drop_off_containers"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:3650917a-f8c7-4c33-8e4e-1c62ed9b9708",
        ),
    ),
    Indicator(
        clause="16.2",
        name="metered_waste_collection_coverage",
        theme=Theme.SOLID_WASTE,
        title="Percentage of the city population that has a door-to-door garbage collection "
        "with an individual monitoring of household waste quantities",
        title_id="Persentase penduduk kota yang mendapat layanan pengangkutan sampah dari rumah "
        "ke rumah dengan pemantauan jumlah sampah rumah tangga secara individual",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=metered_waste_collection_coverage,
        constraints=(PartOfWhole("population_with_metered_waste_collection", "population"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:9b7432d3-f45e-49d6-9337-ca82bb445197",
        ),
    ),
    Indicator(
        clause="16.3",
        name="solid_waste_to_energy_share",
        theme=Theme.SOLID_WASTE,
        title="Percentage of total amount of waste in the city that is used to generate energy",
        title_id="Persentase jumlah total sampah di kota yang dimanfaatkan untuk menghasilkan "
        "energi",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=solid_waste_to_energy_share,
        constraints=(PartOfWhole("solid_waste_used_for_energy", "municipal_solid_waste"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="16.4",
        name="plastic_waste_recycling_share",
        theme=Theme.SOLID_WASTE,
        title="Percentage of total amount of plastic waste recycled in the city",
        title_id="Persentase jumlah total sampah plastik yang didaur ulang di kota",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=plastic_waste_recycling_share,
        constraints=(PartOfWhole("plastic_waste_recycled", "plastics_on_market"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:0e606690-c666-407f-86bf-d4bd17123c1a",
        ),
    ),
    Indicator(
        clause="16.5",
        name="sensor_enabled_garbage_bin_share",
        theme=Theme.SOLID_WASTE,
        title="Percentage of public garbage bins that are sensor-enabled public garbage bins",
        title_id="Persentase tempat sampah publik yang dilengkapi sensor",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=sensor_enabled_garbage_bin_share,
        constraints=(PartOfWhole("sensor_enabled_garbage_bins", "public_garbage_bins"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="K-R:2bded770-15f0-40eb-92cf-f57ed0e85c5f (clause number not visible in "
            "excerpt)",
            note="The clause number is not visible in the source excerpt read; 16.5 is assigned "
            "by the indicator's position in the theme.",
        ),
    ),
    Indicator(
        clause="16.6",
        name="electronic_waste_recycling_share",
        theme=Theme.SOLID_WASTE,
        title="Percentage of the city's electrical and electronic waste that is recycled",
        title_id="Persentase sampah listrik dan elektronik kota yang didaur ulang",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=electronic_waste_recycling_share,
        constraints=(PartOfWhole("electronic_waste_recycled", "electronic_waste"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
)
