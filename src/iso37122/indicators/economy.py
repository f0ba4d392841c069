"""Economy (ISO 37122:2019, clause 5)."""

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
    "education_research_employment_share",
    "ict_employment_share",
    "new_business_survival_per_100k",
    "open_data_service_contracts",
]


def open_data_service_contracts(
    service_contracts_with_open_data_policy: FloatArray, service_contracts: FloatArray
) -> FloatArray:
    r"""Percentage of service contracts providing city services that contain an open data policy.

    Parameters
    ----------
    service_contracts_with_open_data_policy
        Service contracts providing city services that contain an open data policy. [count]
    service_contracts
        All service contracts providing city services entered into by the city. [count]

    Returns
    -------
    FloatArray
        Share of service contracts with an open data policy. [percent]

    Notes
    -----
    .. math:: 100 \cdot C_{open} / C

    References
    ----------
    ISO 37122:2019, clause 5.1.

    Examples
    --------
    >>> float(open_data_service_contracts(30.0, 120.0))
    25.0
    """
    return share(service_contracts_with_open_data_policy, service_contracts)


def new_business_survival_per_100k(
    new_businesses_surviving: FloatArray, new_businesses: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Survival rate of new businesses per 100 000 population.

    Parameters
    ----------
    new_businesses_surviving
        New businesses created in the last two years, registered in the city and still
        operating during the last year. [count]
    new_businesses
        All new businesses created in the last two years and registered in the city. [count]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Survival rate (a fraction) divided by one 100 000th of the population.
        [1 / hundred_thousand_people]

    Notes
    -----
    The survival rate :math:`s = B_{surviving} / B_{new}` is divided by one 100 000th of the
    population, as the published definition has it:

    .. math:: s / (P / 100\,000)

    References
    ----------
    ISO 37122:2019, clause 5.2.

    Examples
    --------
    >>> float(new_business_survival_per_100k(400.0, 500.0, 1_000_000.0))
    0.08
    """
    return ratio(ratio(new_businesses_surviving, new_businesses), population / 100_000.0)


def ict_employment_share(ict_employed: FloatArray, labour_force: FloatArray) -> FloatArray:
    r"""Percentage of the labour force employed in ICT occupations.

    Parameters
    ----------
    ict_employed
        Persons in the labour force employed in ICT occupations. [person]
    labour_force
        The city's total labour force. [person]

    Returns
    -------
    FloatArray
        Share of the labour force in ICT occupations. [percent]

    Notes
    -----
    .. math:: 100 \cdot L_{ICT} / L

    References
    ----------
    ISO 37122:2019, clause 5.3.

    Examples
    --------
    >>> float(ict_employment_share(12_000.0, 400_000.0))
    3.0
    """
    return share(ict_employed, labour_force)


def education_research_employment_share(
    education_research_employed: FloatArray, labour_force: FloatArray
) -> FloatArray:
    r"""Percentage of the labour force employed in education and research and development.

    Parameters
    ----------
    education_research_employed
        Persons in the labour force employed in occupations in the education and research and
        development sectors. [person]
    labour_force
        The city's total labour force. [person]

    Returns
    -------
    FloatArray
        Share of the labour force in education and R&D occupations. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot L_{edu+R\&D} / L

    References
    ----------
    ISO 37122:2019, clause 5.4.

    Examples
    --------
    >>> float(education_research_employment_share(20_000.0, 400_000.0))
    5.0
    """
    return share(education_research_employed, labour_force)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="5.1",
        name="open_data_service_contracts",
        theme=Theme.ECONOMY,
        title="Percentage of service contracts providing city services which contain an open "
        "data policy",
        title_id="Persentase kontrak layanan penyediaan layanan kota yang memuat kebijakan data "
        "terbuka",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=open_data_service_contracts,
        constraints=(PartOfWhole("service_contracts_with_open_data_policy", "service_contracts"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:bc120903-3b78-4617-a4f6-248077b7948e; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="5.2",
        name="new_business_survival_per_100k",
        theme=Theme.ECONOMY,
        title="Survival rate of new businesses per 100 000 population",
        title_id="Tingkat kelangsungan hidup usaha baru per 100 000 penduduk",
        unit="1 / hundred_thousand_people",
        direction=Direction.HIGHER_IS_BETTER,
        func=new_business_survival_per_100k,
        constraints=(
            PartOfWhole("new_businesses_surviving", "new_businesses"),
            Positive("population", "a rate per 100 000 population is undefined"),
        ),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:cfbfb344-ac92-416a-bf88-3178ac47525f; GH-html5up(title)",
            note="The published definition divides a survival rate (a fraction) by one "
            "100 000th of the population; we follow it literally, although the result is "
            "small and falls as a city grows.",
        ),
    ),
    Indicator(
        clause="5.3",
        name="ict_employment_share",
        theme=Theme.ECONOMY,
        title="Percentage of the labour force employed in occupations in the information and "
        "communications technology (ICT) sector",
        title_id="Persentase angkatan kerja yang bekerja pada jabatan di sektor teknologi "
        "informasi dan komunikasi (TIK)",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=ict_employment_share,
        constraints=(PartOfWhole("ict_employed", "labour_force"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:bab30cce-9cfd-45d9-b28e-42abb7e7af21; GH-html5up(title)",
        ),
    ),
    Indicator(
        clause="5.4",
        name="education_research_employment_share",
        theme=Theme.ECONOMY,
        title="Percentage of the labour force employed in occupations in the education and "
        "research and development sectors",
        title_id="Persentase angkatan kerja yang bekerja pada jabatan di sektor pendidikan serta "
        "penelitian dan pengembangan",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=education_research_employment_share,
        constraints=(PartOfWhole("education_research_employed", "labour_force"),),
        definition_source=DefinitionSource(
            confidence="medium",
            formula="inferred",
            reference="GH-html5up(title only, no clause); clause by sequence",
            note="Formula inferred from the title (part / whole x 100); not read in any source.",
        ),
    ),
)
