"""Education (ISO 37122:2019, clause 6)."""

from __future__ import annotations

from iso37122.indicators._formulas import FloatArray, per_100k, per_1000, share
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
    "digital_learning_devices_per_1000_students",
    "multilingual_proficiency_share",
    "stem_degrees_per_100k",
]


def multilingual_proficiency_share(
    multilingual_proficient_population: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the city population with professional proficiency in more than one language.

    Parameters
    ----------
    multilingual_proficient_population
        Residents able to communicate in more than one language with professional
        proficiency. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population proficient in more than one language. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{multilingual} / P

    References
    ----------
    ISO 37122:2019, clause 6.1.

    Examples
    --------
    >>> float(multilingual_proficiency_share(180_000.0, 1_200_000.0))
    15.0
    """
    return share(multilingual_proficient_population, population)


def digital_learning_devices_per_1000_students(
    digital_learning_devices: FloatArray, students: FloatArray
) -> FloatArray:
    r"""Digital learning devices (computers, laptops, tablets …) available per 1 000 students.

    Parameters
    ----------
    digital_learning_devices
        School computers, laptops, tablets or other digital learning devices with Internet
        access available to primary and secondary students. [device]
    students
        Students enrolled in primary and secondary education. [person]

    Returns
    -------
    FloatArray
        Digital learning devices per 1 000 students. [device / thousand_people]

    Notes
    -----
    .. math:: 1\,000 \cdot D / S

    References
    ----------
    ISO 37122:2019, clause 6.2.

    Examples
    --------
    >>> float(digital_learning_devices_per_1000_students(6_000.0, 40_000.0))
    150.0
    """
    return per_1000(digital_learning_devices, students)


def stem_degrees_per_100k(stem_degree_holders: FloatArray, population: FloatArray) -> FloatArray:
    r"""STEM higher education degrees per 100 000 population.

    Parameters
    ----------
    stem_degree_holders
        Residents holding a higher-education degree in science, technology, engineering or
        mathematics (STEM). [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        STEM degree holders per 100 000 residents. [person / hundred_thousand_people]

    Notes
    -----
    .. math:: 100\,000 \cdot P_{STEM} / P

    References
    ----------
    ISO 37122:2019, clause 6.3.

    Examples
    --------
    >>> float(stem_degrees_per_100k(36_000.0, 1_200_000.0))
    3000.0
    """
    return per_100k(stem_degree_holders, population)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="6.1",
        name="multilingual_proficiency_share",
        theme=Theme.EDUCATION,
        title="Percentage of city population with professional proficiency in more than one "
        "language",
        title_id="Persentase penduduk kota yang memiliki kecakapan profesional dalam lebih dari "
        "satu bahasa",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=multilingual_proficiency_share,
        constraints=(PartOfWhole("multilingual_proficient_population", "population"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="read",
            reference="ID-scribd 670924887 (SNI ISO 37122 maturity sheet, Indonesian)",
            note="The Indonesian source phrases the numerator as people proficient in 'more "
            "than one foreign language'; we follow the English title (more than one language).",
        ),
    ),
    Indicator(
        clause="6.2",
        name="digital_learning_devices_per_1000_students",
        theme=Theme.EDUCATION,
        title="Number of computers, laptops, tablets or other digital learning devices "
        "available per 1 000 students",
        title_id="Jumlah komputer, laptop, tablet, atau perangkat belajar digital lain yang "
        "tersedia per 1 000 siswa",
        unit="device / thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=digital_learning_devices_per_1000_students,
        constraints=(Positive("students", "a rate per 1 000 students is undefined"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:0b1e3588-8263-44a1-9ad7-daa737252b99; ID-scribd 670924887 (title)",
        ),
    ),
    Indicator(
        clause="6.3",
        name="stem_degrees_per_100k",
        theme=Theme.EDUCATION,
        title="Number of science, technology, engineering and mathematics (STEM) higher "
        "education degrees per 100 000 population",
        title_id="Jumlah gelar pendidikan tinggi di bidang sains, teknologi, teknik, dan "
        "matematika (STEM) per 100 000 penduduk",
        unit="person / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=stem_degrees_per_100k,
        constraints=(
            Positive("population", "a rate per 100 000 population is undefined"),
            PartOfWhole("stem_degree_holders", "population"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:5438b96c-2562-4258-b224-17724017f664",
        ),
    ),
)
