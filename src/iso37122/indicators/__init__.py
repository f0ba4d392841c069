"""The ISO 37122:2019 indicators: one module per theme, and the explicit registry.

:data:`REGISTRY` is the one tuple that lists every indicator spec; everything else (the
catalogue, the JSON export, tests over all indicators) derives from it. A duplicate clause or
name is an error at import time.
"""

from __future__ import annotations

from iso37122.indicators import (
    agriculture,
    economy,
    education,
    energy,
    environment,
    finance,
    governance,
    health,
    housing,
    population,
    recreation,
    safety,
    solid_waste,
    sport_and_culture,
    telecommunication,
    transportation,
    urban_planning,
    wastewater,
    water,
)
from iso37122.indicators._catalogue import Catalogue
from iso37122.indicators._spec import (
    Constraint,
    DefinitionSource,
    Direction,
    Indicator,
    NonNegative,
    PartOfWhole,
    Positive,
)

__all__ = [
    "CATALOGUE",
    "REGISTRY",
    "Catalogue",
    "Constraint",
    "DefinitionSource",
    "Direction",
    "Indicator",
    "NonNegative",
    "PartOfWhole",
    "Positive",
    "catalogue",
]

REGISTRY: tuple[Indicator, ...] = (
    *economy.SPECS,
    *education.SPECS,
    *energy.SPECS,
    *environment.SPECS,
    *finance.SPECS,
    *governance.SPECS,
    *health.SPECS,
    *housing.SPECS,
    *population.SPECS,
    *recreation.SPECS,
    *safety.SPECS,
    *solid_waste.SPECS,
    *sport_and_culture.SPECS,
    *telecommunication.SPECS,
    *transportation.SPECS,
    *agriculture.SPECS,
    *urban_planning.SPECS,
    *wastewater.SPECS,
    *water.SPECS,
)
"""Every indicator spec, theme by theme."""

CATALOGUE = Catalogue(REGISTRY)


def catalogue() -> Catalogue:
    """Return the catalogue of every indicator, keyed by clause, in clause order.

    Examples
    --------
    >>> cat = catalogue()
    >>> cat["5.3"].name
    'ict_employment_share'
    >>> list(cat)[:2]
    ['5.1', '5.2']
    """
    return CATALOGUE
