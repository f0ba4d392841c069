"""Urban/local agriculture and food security (ISO 37122:2019, clause 20)."""

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
    "food_waste_composted_per_capita",
    "online_food_supplier_map_coverage",
    "urban_agriculture_budget_share",
]


def urban_agriculture_budget_share(
    urban_agriculture_expenditure: FloatArray, municipal_expenditure: FloatArray
) -> FloatArray:
    r"""Annual percentage of the municipal budget spent on urban agriculture initiatives.

    Parameters
    ----------
    urban_agriculture_expenditure
        Municipal spending on urban agriculture initiatives in the year. [rupiah]
    municipal_expenditure
        Total municipal expenditure (budget spent) in the same year. [rupiah]

    Returns
    -------
    FloatArray
        Share of municipal expenditure spent on urban agriculture. [percent]

    Notes
    -----
    .. math:: 100 \cdot E_{agri} / E

    References
    ----------
    ISO 37122:2019, clause 20.1.

    Examples
    --------
    >>> float(urban_agriculture_budget_share(2.5e9, 5.0e12))
    0.05
    """
    return share(urban_agriculture_expenditure, municipal_expenditure)


def food_waste_composted_per_capita(
    food_waste_composted: FloatArray, population: FloatArray
) -> FloatArray:
    r"""Annual collected municipal food waste sent for composting, per capita.

    Parameters
    ----------
    food_waste_composted
        Collected municipal food waste sent to a processing facility for composting in the
        year. [t]
    population
        Total population of the city. [person]

    Returns
    -------
    FloatArray
        Food waste composted per resident. [t / person]

    Notes
    -----
    The formula is read in a published source (in translation): tonnes of collected food
    waste, household and commercial, used for composting in the year, over the city's total
    population.

    .. math:: W_{compost} / P

    References
    ----------
    ISO 37122:2019, clause 20.2.

    Examples
    --------
    >>> float(food_waste_composted_per_capita(12_000.0, 1_500_000.0))
    0.008
    """
    return ratio(food_waste_composted, population)


def online_food_supplier_map_coverage(
    area_with_online_food_supplier_map: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""Percentage of the city's land area covered by an online food-supplier mapping system.

    Parameters
    ----------
    area_with_online_food_supplier_map
        Land area covered by an online mapping system of food suppliers (restaurants, grocery
        stores). [km**2]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Share of the land area covered by the mapping system. [percent]

    Notes
    -----
    .. math:: 100 \cdot A_{map} / A

    References
    ----------
    ISO 37122:2019, clause 20.3.

    Examples
    --------
    >>> float(online_food_supplier_map_coverage(150.0, 200.0))
    75.0
    """
    return share(area_with_online_food_supplier_map, land_area)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="20.1",
        name="urban_agriculture_budget_share",
        theme=Theme.AGRICULTURE,
        title="Annual percentage of municipal budget spent on urban agriculture initiatives",
        title_id="Persentase tahunan anggaran pemerintah daerah yang dibelanjakan untuk "
        "inisiatif pertanian perkotaan",
        unit="percent",
        # As for the budget shares 13.2 and 13.4, a larger share means more support for local food.
        direction=Direction.HIGHER_IS_BETTER,
        func=urban_agriculture_budget_share,
        constraints=(PartOfWhole("urban_agriculture_expenditure", "municipal_expenditure"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:313663fe-bf99-44cc-aa17-a501096ad676",
        ),
    ),
    Indicator(
        clause="20.2",
        name="food_waste_composted_per_capita",
        theme=Theme.AGRICULTURE,
        title="Annual total collected municipal food waste sent to a processing facility for "
        "composting per capita (in tonnes)",
        title_id="Total tahunan sampah makanan kota yang terkumpul dan dikirim ke fasilitas "
        "pengolahan untuk pengomposan per kapita (dalam ton)",
        unit="t / person",
        # It measures food waste diverted to composting, not waste generated: more is better.
        direction=Direction.HIGHER_IS_BETTER,
        func=food_waste_composted_per_capita,
        constraints=(Positive("population", "a per-capita quantity is undefined"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:ee4d469e-232c-4aef-9937-b8d3aaaf2cdf",
        ),
    ),
    Indicator(
        clause="20.3",
        name="online_food_supplier_map_coverage",
        theme=Theme.AGRICULTURE,
        title="Percentage of the city's land area covered by an online food-supplier mapping "
        "system",
        title_id="Persentase luas wilayah daratan kota yang tercakup sistem pemetaan pemasok "
        "pangan daring",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=online_food_supplier_map_coverage,
        constraints=(PartOfWhole("area_with_online_food_supplier_map", "land_area"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:2b1d9ea8-9da2-4aed-a360-6c0c8bba3c98",
        ),
    ),
)
