"""Transportation (ISO 37122:2019, clause 19)."""

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
    "autonomous_ready_road_share",
    "autonomous_vehicle_share",
    "electric_bus_share",
    "epayment_parking_share",
    "internet_connected_transit_route_share",
    "low_emission_vehicle_share",
    "realtime_availability_parking_share",
    "realtime_information_transport_line_share",
    "realtime_street_map_area_share",
    "realtime_traffic_information_road_share",
    "shared_bicycles_per_100k",
    "sharing_transport_users_per_100k",
    "smart_traffic_light_share",
    "unified_payment_transport_service_share",
]

_INFERRED = "Formula inferred from the title; not read in any source."


def realtime_traffic_information_road_share(
    road_length_with_realtime_traffic_information: FloatArray, road_length: FloatArray
) -> FloatArray:
    r"""Percentage of city streets covered by real-time online traffic alerts and information.

    Parameters
    ----------
    road_length_with_realtime_traffic_information
        Length of streets and thoroughfares covered by real-time online traffic alerts and
        information. [km]
    road_length
        Total length of streets and roads in the city. [km]

    Returns
    -------
    FloatArray
        Share of the street length covered by real-time traffic alerts and information.
        [percent]

    Notes
    -----
    Formula inferred from the title; not read in any source. Streets are measured by their
    length, so that a long thoroughfare weighs more than a short lane.

    .. math:: 100 \cdot L_{real\text{-}time} / L

    References
    ----------
    ISO 37122:2019, clause 19.1.

    Examples
    --------
    >>> float(realtime_traffic_information_road_share(450.0, 1_800.0))
    25.0
    """
    return share(road_length_with_realtime_traffic_information, road_length)


def sharing_transport_users_per_100k(
    sharing_transport_users: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Users of sharing-economy transportation per 100 000 population.

    Parameters
    ----------
    sharing_transport_users
        Users of sharing-economy transportation. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Users of sharing-economy transportation per 100 000 residents.
        [person / hundred_thousand_people]

    Notes
    -----
    The users are divided by one 100 000th of the population:

    .. math:: 100\,000 \cdot U_{sharing} / P

    References
    ----------
    ISO 37122:2019, clause 19.2.

    Examples
    --------
    >>> float(sharing_transport_users_per_100k(60_000.0, 1_500_000.0))
    4000.0
    """
    return per_100k(sharing_transport_users, population)


def low_emission_vehicle_share(
    low_emission_vehicles: FloatArray, registered_vehicles: FloatArray
) -> FloatArray:
    r"""Percentage of vehicles registered in the city that are low-emission vehicles.

    Parameters
    ----------
    low_emission_vehicles
        Registered low-emission vehicles (electric, hybrid, hydrogen). [vehicle]
    registered_vehicles
        All vehicles registered in the city. [vehicle]

    Returns
    -------
    FloatArray
        Share of registered vehicles that are low-emission. [percent]

    Notes
    -----
    .. math:: 100 \cdot V_{low} / V

    References
    ----------
    ISO 37122:2019, clause 19.3.

    Examples
    --------
    >>> float(low_emission_vehicle_share(1_500.0, 60_000.0))
    2.5
    """
    return share(low_emission_vehicles, registered_vehicles)


def shared_bicycles_per_100k(shared_bicycles: FloatArray, population: FloatArray) -> FloatArray:
    r"""Bicycles available through municipal bicycle-sharing services per 100 000 population.

    Parameters
    ----------
    shared_bicycles
        Bicycles available through municipally provided bicycle-sharing services. [vehicle]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Shared bicycles per 100 000 residents. [vehicle / hundred_thousand_people]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100\,000 \cdot N_{bicycles} / P

    References
    ----------
    ISO 37122:2019, clause 19.4.

    Examples
    --------
    >>> float(shared_bicycles_per_100k(3_000.0, 2_000_000.0))
    150.0
    """
    return per_100k(shared_bicycles, population)


def realtime_information_transport_line_share(
    public_transport_lines_with_realtime_information: FloatArray,
    public_transport_lines: FloatArray,
) -> FloatArray:
    r"""Percentage of public transport lines with a publicly accessible real-time system.

    Parameters
    ----------
    public_transport_lines_with_realtime_information
        Public transport lines with a publicly accessible real-time information system.
        [count]
    public_transport_lines
        All public transport lines in the city. [count]

    Returns
    -------
    FloatArray
        Share of public transport lines with real-time information. [percent]

    Notes
    -----
    .. math:: 100 \cdot N_{lines,\,real\text{-}time} / N_{lines}

    References
    ----------
    ISO 37122:2019, clause 19.5.

    Examples
    --------
    >>> float(realtime_information_transport_line_share(18.0, 24.0))
    75.0
    """
    return share(public_transport_lines_with_realtime_information, public_transport_lines)


def unified_payment_transport_service_share(
    public_transport_services_with_unified_payment: FloatArray,
    public_transport_services: FloatArray,
) -> FloatArray:
    r"""Percentage of the city's public transport services covered by a unified payment system.

    Parameters
    ----------
    public_transport_services_with_unified_payment
        Public transport services covered by a unified payment system. [count]
    public_transport_services
        All public transport services in the city. [count]

    Returns
    -------
    FloatArray
        Share of public transport services payable through one unified system. [percent]

    Notes
    -----
    .. math:: 100 \cdot S_{unified} / S

    References
    ----------
    ISO 37122:2019, clause 19.6.

    Examples
    --------
    >>> float(unified_payment_transport_service_share(6.0, 8.0))
    75.0
    """
    return share(public_transport_services_with_unified_payment, public_transport_services)


def epayment_parking_share(
    public_parking_spaces_with_epayment: FloatArray, public_parking_spaces: FloatArray
) -> FloatArray:
    r"""Percentage of public parking spaces equipped with e-payment systems.

    Parameters
    ----------
    public_parking_spaces_with_epayment
        Public parking spaces equipped with e-payment systems. [count]
    public_parking_spaces
        All public parking spaces in the city. [count]

    Returns
    -------
    FloatArray
        Share of public parking spaces where parking can be paid electronically. [percent]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100 \cdot S_{e\text{-}payment} / S

    References
    ----------
    ISO 37122:2019, clause 19.7.

    Examples
    --------
    >>> float(epayment_parking_share(2_000.0, 8_000.0))
    25.0
    """
    return share(public_parking_spaces_with_epayment, public_parking_spaces)


def realtime_availability_parking_share(
    public_parking_spaces_with_realtime_availability: FloatArray,
    public_parking_spaces: FloatArray,
) -> FloatArray:
    r"""Percentage of public parking spaces equipped with real-time availability systems.

    Parameters
    ----------
    public_parking_spaces_with_realtime_availability
        Public parking spaces equipped with real-time availability systems. [count]
    public_parking_spaces
        All public parking spaces in the city. [count]

    Returns
    -------
    FloatArray
        Share of public parking spaces whose availability is reported in real time.
        [percent]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100 \cdot S_{real\text{-}time} / S

    References
    ----------
    ISO 37122:2019, clause 19.8.

    Examples
    --------
    >>> float(realtime_availability_parking_share(1_000.0, 8_000.0))
    12.5
    """
    return share(public_parking_spaces_with_realtime_availability, public_parking_spaces)


def smart_traffic_light_share(
    smart_traffic_lights: FloatArray, traffic_lights: FloatArray
) -> FloatArray:
    r"""Percentage of traffic lights that are intelligent (smart).

    Parameters
    ----------
    smart_traffic_lights
        Traffic lights that are intelligent (adaptive, connected). [device]
    traffic_lights
        All traffic lights in the city. [device]

    Returns
    -------
    FloatArray
        Share of traffic lights that are intelligent. [percent]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100 \cdot T_{smart} / T

    References
    ----------
    ISO 37122:2019, clause 19.9.

    Examples
    --------
    >>> float(smart_traffic_light_share(90.0, 360.0))
    25.0
    """
    return share(smart_traffic_lights, traffic_lights)


def realtime_street_map_area_share(
    area_with_realtime_street_maps: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""City area mapped by real-time interactive street maps, as a percentage of land area.

    Parameters
    ----------
    area_with_realtime_street_maps
        Land area mapped by real-time interactive street maps. [km**2]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Share of the city's land area mapped by real-time interactive street maps. [percent]

    Notes
    -----
    .. math:: 100 \cdot A_{mapped} / A

    References
    ----------
    ISO 37122:2019, clause 19.10.

    Examples
    --------
    >>> float(realtime_street_map_area_share(150.0, 200.0))
    75.0
    """
    return share(area_with_realtime_street_maps, land_area)


def autonomous_vehicle_share(
    autonomous_vehicles: FloatArray, registered_vehicles: FloatArray
) -> FloatArray:
    r"""Percentage of vehicles registered in the city that are autonomous vehicles.

    Parameters
    ----------
    autonomous_vehicles
        Registered autonomous vehicles. [vehicle]
    registered_vehicles
        All vehicles registered in the city. [vehicle]

    Returns
    -------
    FloatArray
        Share of registered vehicles that are autonomous. [percent]

    Notes
    -----
    The formula is read in a city's published ISO 37122 report: autonomous vehicles
    registered in the city over all vehicles registered in the city.

    .. math:: 100 \cdot V_{autonomous} / V

    References
    ----------
    ISO 37122:2019, clause 19.11.

    Examples
    --------
    >>> float(autonomous_vehicle_share(30.0, 60_000.0))
    0.05
    """
    return share(autonomous_vehicles, registered_vehicles)


def internet_connected_transit_route_share(
    transit_route_length_with_internet: FloatArray, transit_route_length: FloatArray
) -> FloatArray:
    r"""Percentage of public transport routes with municipal Internet for commuters.

    Parameters
    ----------
    transit_route_length_with_internet
        Length of public transport routes with municipally provided or managed Internet
        connectivity for commuters. [km]
    transit_route_length
        Total length of public transport routes. [km]

    Returns
    -------
    FloatArray
        Share of the public transport route length with Internet for commuters. [percent]

    Notes
    -----
    Routes are measured by their length, as the published definition has it:

    .. math:: 100 \cdot L_{routes,\,Internet} / L_{routes}

    References
    ----------
    ISO 37122:2019, clause 19.12.

    Examples
    --------
    >>> float(internet_connected_transit_route_share(120.0, 480.0))
    25.0
    """
    return share(transit_route_length_with_internet, transit_route_length)


def autonomous_ready_road_share(
    road_length_autonomous_ready: FloatArray, road_length: FloatArray
) -> FloatArray:
    r"""Percentage of roads conforming to autonomous driving systems.

    Parameters
    ----------
    road_length_autonomous_ready
        Length of roads conforming to autonomous driving systems. [km]
    road_length
        Total length of streets and roads in the city. [km]

    Returns
    -------
    FloatArray
        Share of the road length that conforms to autonomous driving systems. [percent]

    Notes
    -----
    Roads are measured by their length, as the published definition has it:

    .. math:: 100 \cdot L_{autonomous} / L

    References
    ----------
    ISO 37122:2019, clause 19.13.

    Examples
    --------
    >>> float(autonomous_ready_road_share(36.0, 1_800.0))
    2.0
    """
    return share(road_length_autonomous_ready, road_length)


def electric_bus_share(electric_buses: FloatArray, buses: FloatArray) -> FloatArray:
    r"""Percentage of the city's bus fleet that is motor-driven (electric).

    Parameters
    ----------
    electric_buses
        Buses in the city fleet driven by electric motors (battery or fuel cell), not
        combustion engines. [vehicle]
    buses
        All buses in the city's bus fleet. [vehicle]

    Returns
    -------
    FloatArray
        Share of the bus fleet driven by electric motors. [percent]

    Notes
    -----
    "Motor-driven" in the standard's title means driven by an electric motor (battery or
    fuel cell) rather than by a combustion engine, as the published definition explains.

    .. math:: 100 \cdot B_{electric} / B

    References
    ----------
    ISO 37122:2019, clause 19.14.

    Examples
    --------
    >>> float(electric_bus_share(45.0, 300.0))
    15.0
    """
    return share(electric_buses, buses)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="19.1",
        name="realtime_traffic_information_road_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of city streets and thoroughfares covered by real-time online "
        "traffic alerts and information",
        title_id="Persentase jalan dan jalan utama kota yang tercakup peringatan dan informasi "
        "lalu lintas daring waktu nyata",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=realtime_traffic_information_road_share,
        constraints=(PartOfWhole("road_length_with_realtime_traffic_information", "road_length"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="inferred",
            reference="GH-html5up(title only, no clause); clause by recollection",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="19.2",
        name="sharing_transport_users_per_100k",
        theme=Theme.TRANSPORTATION,
        title="Number of users of sharing economy transportation per 100 000 population",
        title_id="Jumlah pengguna transportasi ekonomi berbagi per 100 000 penduduk",
        unit="person / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=sharing_transport_users_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:d4cdae90-1626-4579-a621-ef8433671ccb",
        ),
    ),
    Indicator(
        clause="19.3",
        name="low_emission_vehicle_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of vehicles registered in the city that are low-emission vehicles",
        title_id="Persentase kendaraan terdaftar di kota yang merupakan kendaraan rendah emisi",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=low_emission_vehicle_share,
        constraints=(PartOfWhole("low_emission_vehicles", "registered_vehicles"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:577461e5-f7b2-41e1-bb4d-6e884133a5c7; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="19.4",
        name="shared_bicycles_per_100k",
        theme=Theme.TRANSPORTATION,
        title="Number of bicycles available through municipally provided bicycle-sharing "
        "services per 100 000 population",
        title_id="Jumlah sepeda yang tersedia melalui layanan sepeda berbagi yang disediakan "
        "pemerintah kota per 100 000 penduduk",
        unit="vehicle / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=shared_bicycles_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="19.5",
        name="realtime_information_transport_line_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of public transport lines equipped with a publicly accessible "
        "real-time system",
        title_id="Persentase trayek angkutan umum yang dilengkapi sistem waktu nyata yang dapat "
        "diakses publik",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=realtime_information_transport_line_share,
        constraints=(
            PartOfWhole(
                "public_transport_lines_with_realtime_information", "public_transport_lines"
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:a8881672-c1f9-4fe5-b9d5-d1d25fafa07e",
        ),
    ),
    Indicator(
        clause="19.6",
        name="unified_payment_transport_service_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of the city's public transport services covered by a unified payment "
        "system",
        title_id="Persentase layanan angkutan umum kota yang tercakup sistem pembayaran terpadu",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=unified_payment_transport_service_share,
        constraints=(
            PartOfWhole(
                "public_transport_services_with_unified_payment", "public_transport_services"
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:aeae3df1-12c3-439b-ad31-cbd2c4389af2",
        ),
    ),
    Indicator(
        clause="19.7",
        name="epayment_parking_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of public parking spaces equipped with e-payment systems",
        title_id="Persentase satuan ruang parkir umum yang dilengkapi sistem pembayaran elektronik",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=epayment_parking_share,
        constraints=(PartOfWhole("public_parking_spaces_with_epayment", "public_parking_spaces"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="19.8",
        name="realtime_availability_parking_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of public parking spaces equipped with real-time availability systems",
        title_id="Persentase satuan ruang parkir umum yang dilengkapi sistem informasi "
        "ketersediaan waktu nyata",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=realtime_availability_parking_share,
        constraints=(
            PartOfWhole(
                "public_parking_spaces_with_realtime_availability", "public_parking_spaces"
            ),
        ),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="19.9",
        name="smart_traffic_light_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of traffic lights that are intelligent/smart",
        title_id="Persentase lampu lalu lintas yang tergolong cerdas",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=smart_traffic_light_share,
        constraints=(PartOfWhole("smart_traffic_lights", "traffic_lights"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="inferred",
            reference="GH-html5up(title only, no clause); clause by recollection",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="19.10",
        name="realtime_street_map_area_share",
        theme=Theme.TRANSPORTATION,
        title="City area mapped by real-time interactive street maps as a percentage of the "
        "city's total land area",
        title_id="Luas wilayah kota yang terpetakan peta jalan interaktif waktu nyata sebagai "
        "persentase dari luas total daratan kota",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=realtime_street_map_area_share,
        constraints=(PartOfWhole("area_with_realtime_street_maps", "land_area"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:4f6bf0a6-fe82-4dd2-8c6b-806364e5d347",
        ),
    ),
    Indicator(
        clause="19.11",
        name="autonomous_vehicle_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of vehicles registered in the city that are autonomous vehicles",
        title_id="Persentase kendaraan terdaftar di kota yang merupakan kendaraan otonom",
        unit="percent",
        # The standard tracks autonomous vehicles as an emerging technology without saying
        # that more of them is better (safety, congestion and employment effects are open).
        direction=Direction.NEUTRAL,
        func=autonomous_vehicle_share,
        constraints=(PartOfWhole("autonomous_vehicles", "registered_vehicles"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:2ed3291f-e9ff-4af1-b0a1-ba8be55b3d5a",
        ),
    ),
    Indicator(
        clause="19.12",
        name="internet_connected_transit_route_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of public transport routes with municipally provided and/or managed "
        "Internet connectivity for commuters",
        title_id="Persentase rute angkutan umum dengan konektivitas Internet bagi penumpang "
        "yang disediakan dan/atau dikelola pemerintah kota",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=internet_connected_transit_route_share,
        constraints=(PartOfWhole("transit_route_length_with_internet", "transit_route_length"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:a7d25057-3555-48db-8723-922347d2c12e",
        ),
    ),
    Indicator(
        clause="19.13",
        name="autonomous_ready_road_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of roads conforming to autonomous driving systems",
        title_id="Persentase jalan yang memenuhi ketentuan sistem mengemudi otonom",
        unit="percent",
        # Road readiness only serves autonomous vehicles, on which the standard makes no
        # judgement (19.11 is neutral too): preparing roads for them is a local policy choice.
        direction=Direction.NEUTRAL,
        func=autonomous_ready_road_share,
        constraints=(PartOfWhole("road_length_autonomous_ready", "road_length"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:5d408223-3222-4fe3-b4a8-dd8c302d358e",
        ),
    ),
    Indicator(
        clause="19.14",
        name="electric_bus_share",
        theme=Theme.TRANSPORTATION,
        title="Percentage of the city's bus fleet that is motor-driven",
        title_id="Persentase armada bus kota yang digerakkan motor listrik",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=electric_bus_share,
        constraints=(PartOfWhole("electric_buses", "buses"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:2016e18c-9d88-4aa7-8571-eba6d7ce3e03",
            note="The published definition counts as motor-driven the buses driven by an "
            "electric motor (battery or fuel cell), not those with a combustion engine.",
        ),
    ),
)
