"""Urban planning (ISO 37122:2019, clause 21)."""

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
    "building_permit_approval_days",
    "citizens_engaged_in_planning_per_100k",
    "electronic_building_permit_share",
    "medium_high_density_population_share",
]


def citizens_engaged_in_planning_per_100k(
    citizens_engaged_in_planning: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Annual number of citizens engaged in the planning process per 100 000 population.

    Parameters
    ----------
    citizens_engaged_in_planning
        Citizens engaged in the planning process in the year. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Citizens engaged in planning per 100 000 residents.
        [person / hundred_thousand_people]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100\,000 \cdot C_{engaged} / P

    References
    ----------
    ISO 37122:2019, clause 21.1.

    Examples
    --------
    >>> float(citizens_engaged_in_planning_per_100k(4_500.0, 1_500_000.0))
    300.0
    """
    return per_100k(citizens_engaged_in_planning, population)


def electronic_building_permit_share(
    building_permit_applications_electronic: FloatArray,
    building_permit_applications: FloatArray,
) -> FloatArray:
    r"""Percentage of building permits submitted through an electronic submission system.

    Parameters
    ----------
    building_permit_applications_electronic
        Building permit applications submitted through an electronic submission system in
        the year. [count]
    building_permit_applications
        All building permit applications submitted in the year. [count]

    Returns
    -------
    FloatArray
        Share of building permit applications submitted electronically. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot A_{electronic} / A

    References
    ----------
    ISO 37122:2019, clause 21.2.

    Examples
    --------
    >>> float(electronic_building_permit_share(900.0, 1_200.0))
    75.0
    """
    return share(building_permit_applications_electronic, building_permit_applications)


def building_permit_approval_days(
    building_permit_approval_time: FloatArray, building_permits_approved: FloatArray
) -> FloatArray:
    r"""Average time, in days, to approve a building permit.

    Parameters
    ----------
    building_permit_approval_time
        Sum over the building permits approved in the year of the days each took to
        approve. [day]
    building_permits_approved
        Building permits approved in the year. [count]

    Returns
    -------
    FloatArray
        Mean approval time of a building permit. [day]

    Notes
    -----
    .. math:: T_{approval} / N_{approved}

    References
    ----------
    ISO 37122:2019, clause 21.3.

    Examples
    --------
    >>> float(building_permit_approval_days(6_000.0, 400.0))
    15.0
    """
    return mean_per_item(building_permit_approval_time, building_permits_approved)


def medium_high_density_population_share(
    population_in_medium_high_density: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the city population living in medium-to-high population densities.

    Parameters
    ----------
    population_in_medium_high_density
        Residents living in areas of medium-to-high population density. [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population living at medium-to-high density. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{dense} / P

    References
    ----------
    ISO 37122:2019, clause 21.4.

    Examples
    --------
    >>> float(medium_high_density_population_share(600_000.0, 1_500_000.0))
    40.0
    """
    return share(population_in_medium_high_density, population)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="21.1",
        name="citizens_engaged_in_planning_per_100k",
        theme=Theme.URBAN_PLANNING,
        title="Annual number of citizens engaged in the planning process per 100 000 population",
        title_id="Jumlah tahunan warga yang terlibat dalam proses perencanaan per 100 000 penduduk",
        unit="person / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=citizens_engaged_in_planning_per_100k,
        constraints=(
            Positive("population", "a rate per 100 000 population is undefined"),
            PartOfWhole("citizens_engaged_in_planning", "population"),
        ),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="inferred",
            reference="K SDG list kopavogur.nightingale.is/Sdg/Reports/11 (Icelandic title + "
            "clause, value only)",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="21.2",
        name="electronic_building_permit_share",
        theme=Theme.URBAN_PLANNING,
        title="Percentage of building permits submitted through an electronic submission system",
        title_id="Persentase permohonan izin bangunan yang diajukan melalui sistem pengajuan "
        "elektronik",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=electronic_building_permit_share,
        constraints=(
            PartOfWhole("building_permit_applications_electronic", "building_permit_applications"),
        ),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="21.3",
        name="building_permit_approval_days",
        theme=Theme.URBAN_PLANNING,
        title="Average time for building permit approval (days)",
        title_id="Rata-rata waktu persetujuan izin bangunan (hari)",
        unit="day",
        direction=Direction.LOWER_IS_BETTER,
        func=building_permit_approval_days,
        constraints=(
            Positive(
                "building_permits_approved",
                "no building permit was approved, so there is no average approval time",
            ),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:ad6661c5-9f8d-4e5e-bfea-a49efe972bf2",
            note="The source divides the days taken to approve building permits by the number "
            "of building permits; we count the permits approved in the year, the ones whose "
            "days make the numerator.",
        ),
    ),
    Indicator(
        clause="21.4",
        name="medium_high_density_population_share",
        theme=Theme.URBAN_PLANNING,
        title="Percentage of the city population living in medium-to-high population densities",
        title_id="Persentase penduduk kota yang tinggal di kawasan berkepadatan penduduk "
        "sedang hingga tinggi",
        unit="percent",
        # The standard sets no density target: compactness helps services, crowding strains them.
        direction=Direction.NEUTRAL,
        func=medium_high_density_population_share,
        constraints=(PartOfWhole("population_in_medium_high_density", "population"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:69f72026-dd09-42dc-8e90-ba0f28491772",
        ),
    ),
)
