"""Health (ISO 37122:2019, clause 11)."""

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
    "environmental_alert_coverage",
    "online_health_file_coverage",
    "remote_medical_appointments_per_100k",
]


def online_health_file_coverage(
    population_with_online_health_file: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the population with an online unified health file open to care providers.

    Parameters
    ----------
    population_with_online_health_file
        Residents with an online unified health file accessible to any type of health care
        provider. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population with an online unified health file. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{file} / P

    References
    ----------
    ISO 37122:2019, clause 11.1.

    Examples
    --------
    >>> float(online_health_file_coverage(300_000.0, 1_200_000.0))
    25.0
    """
    return share(population_with_online_health_file, population)


def remote_medical_appointments_per_100k(
    remote_medical_appointments: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Annual number of medical appointments conducted remotely per 100 000 population.

    Parameters
    ----------
    remote_medical_appointments
        Medical appointments conducted remotely (telemedicine) in the year. [count]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Remote medical appointments in the year per 100 000 residents.
        [1 / hundred_thousand_people]

    Notes
    -----
    The count is divided by one 100 000th of the population:

    .. math:: N_{remote} / (P / 100\,000)

    References
    ----------
    ISO 37122:2019, clause 11.2.

    Examples
    --------
    >>> float(remote_medical_appointments_per_100k(18_000.0, 1_500_000.0))
    1200.0
    """
    return per_100k(remote_medical_appointments, population)


def environmental_alert_coverage(
    population_with_environmental_alerts: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the population with access to real-time air and water quality alerts.

    Parameters
    ----------
    population_with_environmental_alerts
        Residents with access to real-time public alert systems for air and water quality
        advisories. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population reached by real-time air and water quality alerts. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{alert} / P

    References
    ----------
    ISO 37122:2019, clause 11.3.

    Examples
    --------
    >>> float(environmental_alert_coverage(900_000.0, 1_200_000.0))
    75.0
    """
    return share(population_with_environmental_alerts, population)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="11.1",
        name="online_health_file_coverage",
        theme=Theme.HEALTH,
        title="Percentage of the city's population with an online unified health file "
        "accessible to health care providers",
        title_id="Persentase penduduk kota yang memiliki rekam kesehatan terpadu daring yang "
        "dapat diakses oleh penyedia layanan kesehatan",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=online_health_file_coverage,
        constraints=(PartOfWhole("population_with_online_health_file", "population"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:d2448beb-7989-4687-ba05-63d1961613a3; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="11.2",
        name="remote_medical_appointments_per_100k",
        theme=Theme.HEALTH,
        title="Annual number of medical appointments conducted remotely per 100 000 population",
        title_id="Jumlah tahunan konsultasi medis yang dilakukan secara jarak jauh per 100 000 "
        "penduduk",
        unit="1 / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=remote_medical_appointments_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:8ba908dc-2fc8-4d2d-9b0d-a470f1847837; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="11.3",
        name="environmental_alert_coverage",
        theme=Theme.HEALTH,
        title="Percentage of the city population with access to real-time public alert systems "
        "for air and water quality advisories",
        title_id="Persentase penduduk kota yang memiliki akses ke sistem peringatan publik "
        "waktu nyata untuk informasi kualitas udara dan air",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=environmental_alert_coverage,
        constraints=(PartOfWhole("population_with_environmental_alerts", "population"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:ca804d7b-b365-47d8-9e2f-7496663654ba; GH-html5up(title)",
        ),
    ),
)
