"""Telecommunication (ISO 37122:2019, clause 18)."""

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
    "area_without_connectivity_share",
    "fast_broadband_population_share",
    "municipal_internet_area_share",
]


def fast_broadband_population_share(
    population_with_fast_broadband: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Percentage of the city population with access to sufficiently fast broadband.

    Parameters
    ----------
    population_with_fast_broadband
        Residents with access to sufficiently fast broadband (at least 256 kbit/s both
        upstream and downstream). [person]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Share of the population with fast broadband access. [percent]

    Notes
    -----
    .. math:: 100 \cdot P_{broadband} / P

    References
    ----------
    ISO 37122:2019, clause 18.1.

    Examples
    --------
    >>> float(fast_broadband_population_share(1_200_000.0, 1_500_000.0))
    80.0
    """
    return share(population_with_fast_broadband, population)


def area_without_connectivity_share(
    area_without_connectivity: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""Percentage of the city area in a white zone or dead spot without connectivity.

    Parameters
    ----------
    area_without_connectivity
        Land area in a white zone or dead spot, not covered by telecommunication
        connectivity. [km**2]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Share of the city's land area without telecommunication connectivity. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot A_{no\,connectivity} / A

    References
    ----------
    ISO 37122:2019, clause 18.2.

    Examples
    --------
    >>> float(area_without_connectivity_share(12.0, 160.0))
    7.5
    """
    return share(area_without_connectivity, land_area)


def municipal_internet_area_share(
    area_with_municipal_internet: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""Percentage of the city area covered by municipally provided Internet connectivity.

    Parameters
    ----------
    area_with_municipal_internet
        Land area covered by municipally provided Internet connectivity. [km**2]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Share of the city's land area covered by municipal Internet. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot A_{municipal\,Internet} / A

    References
    ----------
    ISO 37122:2019, clause 18.3.

    Examples
    --------
    >>> float(municipal_internet_area_share(40.0, 160.0))
    25.0
    """
    return share(area_with_municipal_internet, land_area)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="18.1",
        name="fast_broadband_population_share",
        theme=Theme.TELECOMMUNICATION,
        title="Percentage of the city population with access to sufficiently fast broadband",
        title_id="Persentase penduduk kota yang memiliki akses pita lebar dengan kecepatan memadai",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=fast_broadband_population_share,
        constraints=(PartOfWhole("population_with_fast_broadband", "population"),),
        definition_source=DefinitionSource(
            confidence="high",
            formula="read",
            reference="K-O:9d8a578d-0b02-42f9-b80c-df44aecb1391",
        ),
    ),
    Indicator(
        clause="18.2",
        name="area_without_connectivity_share",
        theme=Theme.TELECOMMUNICATION,
        title="Percentage of the city area under a white zone/dead spot/not covered by "
        "telecommunication connectivity",
        title_id="Persentase wilayah kota yang berada di zona putih/blank spot/tidak "
        "terjangkau konektivitas telekomunikasi",
        unit="percent",
        direction=Direction.LOWER_IS_BETTER,
        func=area_without_connectivity_share,
        constraints=(PartOfWhole("area_without_connectivity", "land_area"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="18.3",
        name="municipal_internet_area_share",
        theme=Theme.TELECOMMUNICATION,
        title="Percentage of the city area covered by municipally provided Internet connectivity",
        title_id="Persentase wilayah kota yang terjangkau konektivitas Internet yang "
        "disediakan pemerintah kota",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=municipal_internet_area_share,
        constraints=(PartOfWhole("area_with_municipal_internet", "land_area"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
)
