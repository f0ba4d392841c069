"""Population and social conditions (ISO 37122:2019, clause 13)."""

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
    "accessible_pedestrian_signal_share",
    "accessible_public_building_share",
    "assistive_technology_budget_share",
    "digital_divide_budget_share",
]


def accessible_public_building_share(
    accessible_public_buildings: FloatArray, public_buildings: FloatArray
) -> FloatArray:
    r"""Percentage of public buildings accessible to persons with special needs.

    Parameters
    ----------
    accessible_public_buildings
        Public buildings accessible to persons with special needs. [building]
    public_buildings
        All public buildings in the city. [building]

    Returns
    -------
    FloatArray
        Share of public buildings that are accessible. [percent]

    Notes
    -----
    .. math:: 100 \cdot B_{accessible} / B_{public}

    References
    ----------
    ISO 37122:2019, clause 13.1.

    Examples
    --------
    >>> float(accessible_public_building_share(360.0, 480.0))
    75.0
    """
    return share(accessible_public_buildings, public_buildings)


def assistive_technology_budget_share(
    assistive_technology_expenditure: FloatArray, municipal_expenditure: FloatArray
) -> FloatArray:
    r"""Percentage of the municipal budget spent on assistive technologies for special needs.

    Parameters
    ----------
    assistive_technology_expenditure
        Municipal spending in the year on mobility aids, devices and assistive technologies
        for citizens with special needs. [rupiah]
    municipal_expenditure
        Total municipal expenditure in the year. [rupiah]

    Returns
    -------
    FloatArray
        Share of municipal expenditure on mobility aids and assistive technologies. [percent]

    Notes
    -----
    .. math:: 100 \cdot E_{assistive} / E

    Both amounts must be in the same currency; the ratio does not depend on which.

    References
    ----------
    ISO 37122:2019, clause 13.2.

    Examples
    --------
    >>> float(assistive_technology_budget_share(1.5e9, 3_000e9))
    0.05
    """
    return share(assistive_technology_expenditure, municipal_expenditure)


def accessible_pedestrian_signal_share(
    accessible_pedestrian_crossings: FloatArray, marked_pedestrian_crossings: FloatArray
) -> FloatArray:
    r"""Percentage of marked pedestrian crossings equipped with accessible pedestrian signals.

    Parameters
    ----------
    accessible_pedestrian_crossings
        Marked pedestrian crossings with accessible (audible or vibrotactile) pedestrian
        signals. [count]
    marked_pedestrian_crossings
        All marked pedestrian crossings in the city. [count]

    Returns
    -------
    FloatArray
        Share of marked crossings with accessible signals. [percent]

    Notes
    -----
    .. math:: 100 \cdot X_{accessible} / X

    References
    ----------
    ISO 37122:2019, clause 13.3.

    Examples
    --------
    >>> float(accessible_pedestrian_signal_share(30.0, 600.0))
    5.0
    """
    return share(accessible_pedestrian_crossings, marked_pedestrian_crossings)


def digital_divide_budget_share(
    digital_divide_expenditure: FloatArray, municipal_expenditure: FloatArray
) -> FloatArray:
    r"""Percentage of the municipal budget spent on programmes bridging the digital divide.

    Parameters
    ----------
    digital_divide_expenditure
        Municipal spending in the year on programmes designated for bridging the digital
        divide. [rupiah]
    municipal_expenditure
        Total municipal expenditure in the year. [rupiah]

    Returns
    -------
    FloatArray
        Share of municipal expenditure on bridging the digital divide. [percent]

    Notes
    -----
    .. math:: 100 \cdot E_{digital} / E

    Both amounts must be in the same currency; the ratio does not depend on which.

    References
    ----------
    ISO 37122:2019, clause 13.4.

    Examples
    --------
    >>> float(digital_divide_budget_share(6e9, 3_000e9))
    0.2
    """
    return share(digital_divide_expenditure, municipal_expenditure)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="13.1",
        name="accessible_public_building_share",
        theme=Theme.POPULATION,
        title="Percentage of public buildings that are accessible by persons with special needs",
        title_id="Persentase bangunan gedung publik yang dapat diakses oleh penyandang disabilitas",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=accessible_public_building_share,
        constraints=(PartOfWhole("accessible_public_buildings", "public_buildings"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:520aa0e6-1727-4849-847e-6907c6962f8a",
        ),
    ),
    Indicator(
        clause="13.2",
        name="assistive_technology_budget_share",
        theme=Theme.POPULATION,
        title="Percentage of municipal budget allocated for provision of mobility aids, devices "
        "and assistive technologies to citizens with special needs",
        title_id="Persentase anggaran pemerintah daerah yang dialokasikan untuk penyediaan alat "
        "bantu mobilitas, perangkat, dan teknologi asistif bagi warga penyandang disabilitas",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=assistive_technology_budget_share,
        constraints=(PartOfWhole("assistive_technology_expenditure", "municipal_expenditure"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:22448e30-c816-499b-a258-4b0cd14800d0",
        ),
    ),
    Indicator(
        clause="13.3",
        name="accessible_pedestrian_signal_share",
        theme=Theme.POPULATION,
        title="Percentage of marked pedestrian crossings equipped with accessible pedestrian "
        "signals",
        title_id="Persentase penyeberangan pejalan kaki bermarka yang dilengkapi sinyal "
        "penyeberangan yang aksesibel",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=accessible_pedestrian_signal_share,
        constraints=(
            PartOfWhole("accessible_pedestrian_crossings", "marked_pedestrian_crossings"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:16a23787-9797-431d-8e97-dd38dd19b2fb",
        ),
    ),
    Indicator(
        clause="13.4",
        name="digital_divide_budget_share",
        theme=Theme.POPULATION,
        title="Percentage of municipal budget allocated for provision of programs designated "
        "for bridging the digital divide",
        title_id="Persentase anggaran pemerintah daerah yang dialokasikan untuk penyediaan "
        "program yang ditujukan untuk menjembatani kesenjangan digital",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=digital_divide_budget_share,
        constraints=(PartOfWhole("digital_divide_expenditure", "municipal_expenditure"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:b534215a-60fd-4924-a168-242d6a0b46b5",
        ),
    ),
)
