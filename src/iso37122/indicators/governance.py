"""Governance (ISO 37122:2019, clause 10)."""

from __future__ import annotations

from iso37122.indicators._formulas import FloatArray, mean_per_item, per_100k, share
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
    "average_it_downtime",
    "average_non_emergency_response_time",
    "online_city_services_share",
    "open_data_portal_visits_per_100k",
]


def open_data_portal_visits_per_100k(
    open_data_portal_visits: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Annual number of online visits to the municipal open data portal per 100 000 population.

    Parameters
    ----------
    open_data_portal_visits
        Online visits to the municipal open data portal in the year. [count]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Visits to the open data portal per 100 000 residents. [1 / hundred_thousand_people]

    Notes
    -----
    The numerator is read in an Indonesian source: all visits in the year, not only unique
    visitors. The denominator is not visible there; it follows the standard's other rates
    per 100 000 population.

    .. math:: 100\,000 \cdot V_{portal} / P

    References
    ----------
    ISO 37122:2019, clause 10.1.

    Examples
    --------
    >>> float(open_data_portal_visits_per_100k(45_000.0, 1_500_000.0))
    3000.0
    """
    return per_100k(open_data_portal_visits, population)


def online_city_services_share(
    city_services_online: FloatArray, city_services: FloatArray
) -> FloatArray:
    r"""Percentage of city services that are accessible and can be requested online.

    Parameters
    ----------
    city_services_online
        City services that can be accessed and requested online through a centralised
        Internet interface. [count]
    city_services
        All services the city offers to people and businesses. [count]

    Returns
    -------
    FloatArray
        Share of city services available online. [percent]

    Notes
    -----
    .. math:: 100 \cdot S_{online} / S

    References
    ----------
    ISO 37122:2019, clause 10.2.

    Examples
    --------
    >>> float(online_city_services_share(54.0, 72.0))
    75.0
    """
    return share(city_services_online, city_services)


def average_non_emergency_response_time(
    non_emergency_inquiry_response_time: FloatArray, non_emergency_inquiries: FloatArray
) -> FloatArray:
    r"""Average response time to inquiries made through the city's non-emergency inquiry system.

    Parameters
    ----------
    non_emergency_inquiry_response_time
        Sum over answered non-emergency inquiries of the time each took to answer. [day]
    non_emergency_inquiries
        Inquiries answered through the city's non-emergency inquiry system in the year.
        [count]

    Returns
    -------
    FloatArray
        Mean time taken to answer one inquiry. [day]

    Notes
    -----
    The formula is inferred from the title; no public source gives it. The average is taken
    from the total response time and the number of inquiries, so that it aggregates
    correctly across districts and years.

    .. math:: T_{response} / N_{inquiries}

    References
    ----------
    ISO 37122:2019, clause 10.3.

    Examples
    --------
    >>> float(average_non_emergency_response_time(3_600.0, 1_200.0))
    3.0
    """
    return mean_per_item(non_emergency_inquiry_response_time, non_emergency_inquiries)


def average_it_downtime(it_downtime: FloatArray, it_downtime_incidents: FloatArray) -> FloatArray:
    r"""Average downtime of the city's IT infrastructure per downtime incident.

    Parameters
    ----------
    it_downtime
        Total time the city's IT infrastructure was down, planned and unplanned outages.
        [hour]
    it_downtime_incidents
        Number of downtime incidents of the city's IT infrastructure. [count]

    Returns
    -------
    FloatArray
        Mean duration of one downtime incident. [hour]

    Notes
    -----
    .. math:: T_{down} / N_{incidents}

    References
    ----------
    ISO 37122:2019, clause 10.4.

    Examples
    --------
    >>> float(average_it_downtime(30.0, 12.0))
    2.5
    """
    return mean_per_item(it_downtime, it_downtime_incidents)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="10.1",
        name="open_data_portal_visits_per_100k",
        theme=Theme.GOVERNANCE,
        title="Annual number of online visits to the municipal open data portal per 100 000 "
        "population",
        title_id="Jumlah kunjungan daring tahunan ke portal data terbuka pemerintah kota per "
        "100 000 penduduk",
        unit="1 / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=open_data_portal_visits_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="ID-scribd 641755065 (Indonesian training deck on SNI ISO 37122: "
            "numerator read, denominator by pattern)",
            note="Numerator read in an Indonesian training deck on SNI ISO 37122: all online "
            "visits to the open data portal in the year, not only unique visitors. The "
            "denominator (one 100 000th of the population) is not visible there; it follows "
            "the standard's other rates per 100 000 population.",
        ),
    ),
    Indicator(
        clause="10.2",
        name="online_city_services_share",
        theme=Theme.GOVERNANCE,
        title="Percentage of city services accessible and that can be requested online",
        title_id="Persentase layanan kota yang dapat diakses dan diajukan secara daring",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=online_city_services_share,
        constraints=(PartOfWhole("city_services_online", "city_services"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:f3f7e2a8-6acb-47ae-882f-849ccad8ee51",
        ),
    ),
    Indicator(
        clause="10.3",
        name="average_non_emergency_response_time",
        theme=Theme.GOVERNANCE,
        title="Average response time to inquiries made through the city's non-emergency "
        "inquiry system (days)",
        title_id="Rata-rata waktu tanggapan atas pertanyaan/aduan yang disampaikan melalui "
        "sistem layanan aduan non-darurat kota (hari)",
        unit="day",
        direction=Direction.LOWER_IS_BETTER,
        func=average_non_emergency_response_time,
        constraints=(
            Positive(
                "non_emergency_inquiries",
                "no inquiry was answered, so there is no average response time",
            ),
        ),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source. The average is "
            "taken as total response time / number of answered inquiries.",
        ),
    ),
    Indicator(
        clause="10.4",
        name="average_it_downtime",
        theme=Theme.GOVERNANCE,
        title="Average downtime of the city's IT infrastructure",
        title_id="Rata-rata waktu henti infrastruktur TI kota",
        unit="hour",
        direction=Direction.LOWER_IS_BETTER,
        func=average_it_downtime,
        constraints=(
            Positive(
                "it_downtime_incidents",
                "there was no downtime incident, so there is no average downtime",
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:28a330eb-824e-4f59-98e2-1bf98f4f64fd",
        ),
    ),
)
