"""Energy (ISO 37122:2019, clause 7)."""

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
    "decentralized_electricity_share",
    "ev_charging_stations_per_electric_vehicle",
    "grid_storage_capacity_ratio",
    "managed_street_lighting_share",
    "public_buildings_needing_renovation_share",
    "renewed_street_lighting_share",
    "smart_energy_meter_building_share",
    "waste_energy_per_capita",
    "waste_energy_share",
    "wastewater_energy_per_capita",
]


def waste_energy_share(
    energy_from_wastewater: FloatArray,
    energy_from_solid_and_liquid_waste: FloatArray,
    energy_from_waste_heat: FloatArray,
    total_energy_consumption: FloatArray,
) -> FloatArray:
    r"""Percentage of the city's energy mix produced from wastewater, waste and waste heat.

    Parameters
    ----------
    energy_from_wastewater
        Electrical and thermal energy produced from wastewater treatment in the year. [GJ]
    energy_from_solid_and_liquid_waste
        Electrical and thermal energy produced from solid waste and other liquid waste
        treatment in the year. [GJ]
    energy_from_waste_heat
        Electrical and thermal energy recovered from other waste-heat resources in the year.
        [GJ]
    total_energy_consumption
        Total energy consumed in the city in the year: its total energy demand (energy mix). [GJ]

    Returns
    -------
    FloatArray
        Share of the city's energy mix produced from these sources. [percent]

    Notes
    -----
    .. math:: 100 \cdot (E_{wastewater} + E_{waste} + E_{heat}) / E_{total}

    References
    ----------
    ISO 37122:2019, clause 7.1.

    Examples
    --------
    >>> float(waste_energy_share(1_000.0, 2_500.0, 1_500.0, 100_000.0))
    5.0
    """
    return share(
        energy_from_wastewater + energy_from_solid_and_liquid_waste + energy_from_waste_heat,
        total_energy_consumption,
    )


def wastewater_energy_per_capita(
    energy_from_wastewater: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Electrical and thermal energy produced from wastewater treatment per capita per year.

    Parameters
    ----------
    energy_from_wastewater
        Electrical and thermal energy produced from wastewater treatment in the year. [GJ]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Energy from wastewater treatment per resident. [GJ / person]

    Notes
    -----
    The formula is partly read: the published page of clause 7.3 carries a sentence of the
    7.2 text (energy produced in the year, used on site or delivered to others); the
    denominator follows clause 7.3.

    .. math:: E_{wastewater} / P

    References
    ----------
    ISO 37122:2019, clause 7.2.

    Examples
    --------
    >>> float(wastewater_energy_per_capita(30_000.0, 1_200_000.0))
    0.025
    """
    return ratio(energy_from_wastewater, population)


def waste_energy_per_capita(
    energy_from_solid_and_liquid_waste: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Electrical and thermal energy produced from solid or other liquid waste per capita.

    Parameters
    ----------
    energy_from_solid_and_liquid_waste
        Electrical and thermal energy produced from solid waste and other liquid waste
        (fats, oil, grease) treatment in the year, used on-site or off-site. [GJ]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Energy from solid and liquid waste treatment per resident. [GJ / person]

    Notes
    -----
    .. math:: E_{waste} / P

    References
    ----------
    ISO 37122:2019, clause 7.3.

    Examples
    --------
    >>> float(waste_energy_per_capita(60_000.0, 1_200_000.0))
    0.05
    """
    return ratio(energy_from_solid_and_liquid_waste, population)


def decentralized_electricity_share(
    decentralized_electricity_production: FloatArray, electricity_consumption: FloatArray
) -> FloatArray:
    r"""Percentage of the city's electricity produced by decentralized production systems.

    Parameters
    ----------
    decentralized_electricity_production
        Electricity produced by decentralized systems (at or near the point of use). [GJ]
    electricity_consumption
        Total electricity used in the city, centrally and decentrally produced. [GJ]

    Returns
    -------
    FloatArray
        Share of the city's electricity produced decentrally. [percent]

    Notes
    -----
    .. math:: 100 \cdot E_{decentralized} / E_{electricity}

    References
    ----------
    ISO 37122:2019, clause 7.4.

    Examples
    --------
    >>> float(decentralized_electricity_share(1_800.0, 24_000.0))
    7.5
    """
    return share(decentralized_electricity_production, electricity_consumption)


def grid_storage_capacity_ratio(
    energy_storage_capacity: FloatArray, total_energy_consumption: FloatArray
) -> FloatArray:
    r"""Storage capacity of the city's energy grid per unit of total city energy consumption.

    Parameters
    ----------
    energy_storage_capacity
        Energy that can be stored annually on the city's electrical and thermal (district
        heating and cooling) grids. [GJ]
    total_energy_consumption
        Total energy consumed in the city in the year. [GJ]

    Returns
    -------
    FloatArray
        Energy that can be stored per unit of energy consumed. [dimensionless]

    Notes
    -----
    .. math:: E_{storable} / E_{total}

    References
    ----------
    ISO 37122:2019, clause 7.5.

    Examples
    --------
    >>> float(grid_storage_capacity_ratio(2_000.0, 80_000.0))
    0.025
    """
    return ratio(energy_storage_capacity, total_energy_consumption)


def managed_street_lighting_share(
    street_lights_managed: FloatArray, street_lights: FloatArray
) -> FloatArray:
    r"""Percentage of street lighting managed by a light performance management system.

    Parameters
    ----------
    street_lights_managed
        Street lights managed by a light performance management system (monitoring,
        scheduling, dimming, energy metering, failure reporting through ICT). [device]
    street_lights
        All street lights in the city. [device]

    Returns
    -------
    FloatArray
        Share of street lights under performance management. [percent]

    Notes
    -----
    .. math:: 100 \cdot L_{managed} / L

    References
    ----------
    ISO 37122:2019, clause 7.6.

    Examples
    --------
    >>> float(managed_street_lighting_share(3_000.0, 12_000.0))
    25.0
    """
    return share(street_lights_managed, street_lights)


def renewed_street_lighting_share(
    street_lights_refurbished_or_new: FloatArray, street_lights: FloatArray
) -> FloatArray:
    r"""Percentage of street lighting that has been refurbished or newly installed.

    Parameters
    ----------
    street_lights_refurbished_or_new
        Street lights refurbished or newly installed in the year. [device]
    street_lights
        All street lights in the city. [device]

    Returns
    -------
    FloatArray
        Share of street lights refurbished or newly installed in the year. [percent]

    Notes
    -----
    .. math:: 100 \cdot L_{renewed} / L

    References
    ----------
    ISO 37122:2019, clause 7.7.

    Examples
    --------
    >>> float(renewed_street_lighting_share(600.0, 12_000.0))
    5.0
    """
    return share(street_lights_refurbished_or_new, street_lights)


def public_buildings_needing_renovation_share(
    public_building_floor_area_needing_renovation: FloatArray,
    public_building_floor_area: FloatArray,
) -> FloatArray:
    r"""Percentage of public buildings requiring renovation or refurbishment, by floor area.

    Parameters
    ----------
    public_building_floor_area_needing_renovation
        Floor area of public buildings requiring renovation or refurbishment. [m**2]
    public_building_floor_area
        Total floor area of public buildings. [m**2]

    Returns
    -------
    FloatArray
        Share of public building floor area requiring renovation. [percent]

    Notes
    -----
    .. math:: 100 \cdot F_{renovation} / F

    References
    ----------
    ISO 37122:2019, clause 7.8.

    Examples
    --------
    >>> float(public_buildings_needing_renovation_share(45_000.0, 360_000.0))
    12.5
    """
    return share(public_building_floor_area_needing_renovation, public_building_floor_area)


def smart_energy_meter_building_share(
    public_buildings_with_smart_energy_meters: FloatArray,
    commercial_industrial_buildings_with_smart_energy_meters: FloatArray,
    non_household_buildings: FloatArray,
) -> FloatArray:
    r"""Percentage of buildings in the city with smart energy meters.

    Household buildings are kept out of the whole indicator, as in the published definition:
    out of the metered buildings and out of the buildings they are counted against. Public and
    commercial or industrial buildings are reported separately.

    Parameters
    ----------
    public_buildings_with_smart_energy_meters
        Public buildings with smart energy meters. [building]
    commercial_industrial_buildings_with_smart_energy_meters
        Commercial and industrial buildings with smart energy meters. [building]
    non_household_buildings
        Buildings in the city other than household buildings. [building]

    Returns
    -------
    FloatArray
        Share of non-household buildings with smart energy meters. [percent]

    Notes
    -----
    .. math:: 100 \cdot (B_{public} + B_{commercial/industrial}) / B_{non-household}

    References
    ----------
    ISO 37122:2019, clause 7.9.

    Examples
    --------
    >>> float(smart_energy_meter_building_share(150.0, 850.0, 8_000.0))
    12.5
    """
    return share(
        public_buildings_with_smart_energy_meters
        + commercial_industrial_buildings_with_smart_energy_meters,
        non_household_buildings,
    )


def ev_charging_stations_per_electric_vehicle(
    ev_charging_stations: FloatArray, electric_vehicles: FloatArray
) -> FloatArray:
    r"""Electric vehicle charging stations per registered electric vehicle.

    Parameters
    ----------
    ev_charging_stations
        Publicly accessible electric-vehicle charging stations in the city. [device]
    electric_vehicles
        Registered electric vehicles, battery and hybrid. [vehicle]

    Returns
    -------
    FloatArray
        Charging stations per electric vehicle. [device / vehicle]

    Notes
    -----
    .. math:: S_{charging} / V_{electric}

    References
    ----------
    ISO 37122:2019, clause 7.10.

    Examples
    --------
    >>> float(ev_charging_stations_per_electric_vehicle(120.0, 4_800.0))
    0.025
    """
    return ratio(ev_charging_stations, electric_vehicles)


_WASTE_ENERGY_SOURCES = (
    "energy_from_wastewater",
    "energy_from_solid_and_liquid_waste",
    "energy_from_waste_heat",
)

SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="7.1",
        name="waste_energy_share",
        theme=Theme.ENERGY,
        title="Percentage of electrical and thermal energy produced from wastewater treatment, "
        "solid waste and other liquid waste treatment and other waste heat resources, as a "
        "share of the city's total energy mix for a given year",
        title_id="Persentase energi listrik dan panas yang dihasilkan dari pengolahan air "
        "limbah, pengolahan sampah padat dan limbah cair lain, serta sumber panas buangan lain, "
        "terhadap total bauran energi kota dalam satu tahun",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=waste_energy_share,
        constraints=(PartOfWhole(_WASTE_ENERGY_SOURCES, "total_energy_consumption"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:0d7bc120-f2cb-4f6b-87a9-758b163934d8",
        ),
    ),
    Indicator(
        clause="7.2",
        name="wastewater_energy_per_capita",
        theme=Theme.ENERGY,
        title="Electrical and thermal energy (GJ) produced from wastewater treatment per capita "
        "per year",
        title_id="Energi listrik dan panas (GJ) yang dihasilkan dari pengolahan air limbah per "
        "kapita per tahun",
        unit="GJ / person",
        direction=Direction.HIGHER_IS_BETTER,
        func=wastewater_energy_per_capita,
        constraints=(Positive("population", "a per-capita value is undefined"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="K-R:0137fa94-a3ce-43a8-b283-f7f83d63b8ee (the 7.3 page carries a "
            "sentence of the 7.2 text; formula partly read)",
            note="Formula partly read: the published page of clause 7.3 carries a sentence of "
            "the 7.2 text (energy produced from wastewater treatment in the year, used on site "
            "or delivered to others); the denominator, the city's total population, follows "
            "the sourced sibling 7.3.",
        ),
    ),
    Indicator(
        clause="7.3",
        name="waste_energy_per_capita",
        theme=Theme.ENERGY,
        title="Electrical and thermal energy (GJ) produced from solid waste or other liquid "
        "waste treatment per capita per year",
        title_id="Energi listrik dan panas (GJ) yang dihasilkan dari pengolahan sampah padat "
        "atau limbah cair lain per kapita per tahun",
        unit="GJ / person",
        direction=Direction.HIGHER_IS_BETTER,
        func=waste_energy_per_capita,
        constraints=(Positive("population", "a per-capita value is undefined"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:0137fa94-a3ce-43a8-b283-f7f83d63b8ee",
        ),
    ),
    Indicator(
        clause="7.4",
        name="decentralized_electricity_share",
        theme=Theme.ENERGY,
        title="Percentage of the city's electricity that is produced using decentralized "
        "electricity production systems",
        title_id="Persentase listrik kota yang dihasilkan oleh sistem pembangkitan listrik "
        "terdesentralisasi",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=decentralized_electricity_share,
        constraints=(
            PartOfWhole("decentralized_electricity_production", "electricity_consumption"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:f81d8a9c-6f08-4823-92a9-9dfa37d3e93f",
        ),
    ),
    Indicator(
        clause="7.5",
        name="grid_storage_capacity_ratio",
        theme=Theme.ENERGY,
        title="Storage capacity of the city's energy grid per total city energy consumption",
        title_id="Kapasitas penyimpanan jaringan energi kota per total konsumsi energi kota",
        unit="dimensionless",
        direction=Direction.HIGHER_IS_BETTER,
        func=grid_storage_capacity_ratio,
        constraints=(Positive("total_energy_consumption", "the city consumed no energy"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:d0b4dd16-aa2e-4693-8ecd-e1a639e89d9e",
        ),
    ),
    Indicator(
        clause="7.6",
        name="managed_street_lighting_share",
        theme=Theme.ENERGY,
        title="Percentage of street lighting managed by a light performance management system",
        title_id="Persentase penerangan jalan umum yang dikelola oleh sistem manajemen kinerja "
        "penerangan",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=managed_street_lighting_share,
        constraints=(PartOfWhole("street_lights_managed", "street_lights"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:97c8b2ff-efd2-4ffd-a0fd-2bb65bef8ffa",
        ),
    ),
    Indicator(
        clause="7.7",
        name="renewed_street_lighting_share",
        theme=Theme.ENERGY,
        title="Percentage of street lighting that has been refurbished and newly installed",
        title_id="Persentase penerangan jalan umum yang telah diperbarui dan baru dipasang",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=renewed_street_lighting_share,
        constraints=(PartOfWhole("street_lights_refurbished_or_new", "street_lights"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:a4f18c08-7932-40f5-ac3d-07480e9b1c30",
        ),
    ),
    Indicator(
        clause="7.8",
        name="public_buildings_needing_renovation_share",
        theme=Theme.ENERGY,
        title="Percentage of public buildings requiring renovation/refurbishment",
        title_id="Persentase bangunan gedung publik yang memerlukan renovasi/perbaikan",
        unit="percent",
        direction=Direction.LOWER_IS_BETTER,
        func=public_buildings_needing_renovation_share,
        constraints=(
            PartOfWhole(
                "public_building_floor_area_needing_renovation", "public_building_floor_area"
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:800cff0f-0280-4910-a287-a3c2a883382a",
            note="The share is taken by floor area (m2), not by number of buildings, as in "
            "the published definition.",
        ),
    ),
    Indicator(
        clause="7.9",
        name="smart_energy_meter_building_share",
        theme=Theme.ENERGY,
        title="Percentage of buildings in the city with smart energy meters",
        title_id="Persentase bangunan gedung di kota yang memiliki meter energi pintar",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=smart_energy_meter_building_share,
        constraints=(
            PartOfWhole(
                (
                    "public_buildings_with_smart_energy_meters",
                    "commercial_industrial_buildings_with_smart_energy_meters",
                ),
                "non_household_buildings",
            ),
        ),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:7fe445ab-2cbf-4e1d-9b23-3a93f47267ec",
            note="The published definition keeps household buildings out of the whole "
            "indicator: the share is of the non-household buildings (public, commercial and "
            "industrial), not of all buildings. Households' smart energy meters are counted "
            "by clause 12.1.",
        ),
    ),
    Indicator(
        clause="7.10",
        name="ev_charging_stations_per_electric_vehicle",
        theme=Theme.ENERGY,
        title="Number of electric vehicle charging stations per registered electric vehicle",
        title_id="Jumlah stasiun pengisian kendaraan listrik per kendaraan listrik terdaftar",
        unit="device / vehicle",
        direction=Direction.HIGHER_IS_BETTER,
        func=ev_charging_stations_per_electric_vehicle,
        constraints=(Positive("electric_vehicles", "there are no registered electric vehicles"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:706c512d-499b-4931-82d8-0eeffc0610e3",
        ),
    ),
)
