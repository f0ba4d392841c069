"""Sport and culture (ISO 37122:2019, clause 17)."""

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
    "active_library_user_share",
    "cultural_facility_online_bookings_per_100k",
    "digitized_cultural_record_share",
    "library_titles_per_100k",
]

_INFERRED = "Formula inferred from the title; not read in any source."


def cultural_facility_online_bookings_per_100k(
    cultural_facility_online_bookings: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Online bookings for cultural facilities per 100 000 population.

    Parameters
    ----------
    cultural_facility_online_bookings
        Online bookings for cultural facilities in the year. [count]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Online bookings for cultural facilities per 100 000 residents.
        [1 / hundred_thousand_people]

    Notes
    -----
    The bookings are divided by one 100 000th of the population:

    .. math:: 100\,000 \cdot B_{online} / P

    References
    ----------
    ISO 37122:2019, clause 17.1.

    Examples
    --------
    >>> float(cultural_facility_online_bookings_per_100k(45_000.0, 1_500_000.0))
    3000.0
    """
    return per_100k(cultural_facility_online_bookings, population)


def digitized_cultural_record_share(
    cultural_records_digitized: FloatArray, cultural_records: FloatArray
) -> FloatArray:
    r"""Percentage of the city's cultural records that have been digitized.

    Parameters
    ----------
    cultural_records_digitized
        The city's cultural records that have been digitized. [count]
    cultural_records
        All of the city's cultural records. [count]

    Returns
    -------
    FloatArray
        Share of the city's cultural records that are digitized. [percent]

    Notes
    -----
    .. math:: 100 \cdot R_{digitized} / R

    References
    ----------
    ISO 37122:2019, clause 17.2.

    Examples
    --------
    >>> float(digitized_cultural_record_share(1_200.0, 4_800.0))
    25.0
    """
    return share(cultural_records_digitized, cultural_records)


def library_titles_per_100k(
    public_library_titles: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Public library book and e-book titles per 100 000 population.

    Parameters
    ----------
    public_library_titles
        Book and e-book titles held by public libraries. [count]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Public library book and e-book titles per 100 000 residents.
        [1 / hundred_thousand_people]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100\,000 \cdot T_{library} / P

    References
    ----------
    ISO 37122:2019, clause 17.3.

    Examples
    --------
    >>> float(library_titles_per_100k(250_000.0, 2_000_000.0))
    12500.0
    """
    return per_100k(public_library_titles, population)


def active_library_user_share(
    active_library_users: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the city population that are active public library users.

    Parameters
    ----------
    active_library_users
        Residents who are active public library users. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population that actively uses public libraries. [percent]

    Notes
    -----
    Formula inferred from the title; not read in any source.

    .. math:: 100 \cdot U_{active} / P

    References
    ----------
    ISO 37122:2019, clause 17.4.

    Examples
    --------
    >>> float(active_library_user_share(90_000.0, 1_200_000.0))
    7.5
    """
    return share(active_library_users, population)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="17.1",
        name="cultural_facility_online_bookings_per_100k",
        theme=Theme.SPORT_AND_CULTURE,
        title="Number of online bookings for cultural facilities per 100 000 population",
        title_id="Jumlah pemesanan daring fasilitas budaya per 100 000 penduduk",
        unit="1 / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=cultural_facility_online_bookings_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:998ccf1a-3f33-44f0-a401-cad17372d690",
        ),
    ),
    Indicator(
        clause="17.2",
        name="digitized_cultural_record_share",
        theme=Theme.SPORT_AND_CULTURE,
        title="Percentage of the city's cultural records that have been digitized",
        title_id="Persentase arsip budaya kota yang telah didigitalkan",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=digitized_cultural_record_share,
        constraints=(PartOfWhole("cultural_records_digitized", "cultural_records"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:8df4ea0a-3d7a-47b9-890a-27f1078657dd",
        ),
    ),
    Indicator(
        clause="17.3",
        name="library_titles_per_100k",
        theme=Theme.SPORT_AND_CULTURE,
        title="Number of public library book and e-book titles per 100 000 population",
        title_id="Jumlah judul buku dan buku elektronik perpustakaan umum per 100 000 penduduk",
        unit="1 / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=library_titles_per_100k,
        constraints=(Positive("population", "a rate per 100 000 population is undefined"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note=_INFERRED,
        ),
    ),
    Indicator(
        clause="17.4",
        name="active_library_user_share",
        theme=Theme.SPORT_AND_CULTURE,
        title="Percentage of the city population that are active public library users",
        title_id="Persentase penduduk kota yang merupakan pengguna aktif perpustakaan umum",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=active_library_user_share,
        constraints=(PartOfWhole("active_library_users", "population"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note=_INFERRED,
        ),
    ),
)
