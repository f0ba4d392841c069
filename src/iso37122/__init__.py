"""iso37122: the ISO 37122:2019 smart-city indicators as a typed, tested Python library.

Examples
--------
>>> import iso37122 as iso
>>> profile = iso.compute_profile({"city": "Kota Contoh", "year": 2024,
...                                "population": 200_000, "land_area": "5 000 ha",
...                                "air_quality_monitoring_stations": 10})
>>> profile["8.2"].value
0.2
"""

from __future__ import annotations

from iso37122 import errors, testing, units
from iso37122.data import CityData
from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.errors import Iso37122Error
from iso37122.indicators import Catalogue, Direction, Indicator, catalogue
from iso37122.profile import (
    IndicatorResult,
    Profile,
    ProfileRecord,
    ProfileSet,
    compute_profile,
)
from iso37122.readiness import Readiness, readiness
from iso37122.rollup import Aggregation, ElementScore, Normalisation, RollupConfig
from iso37122.themes import Theme
from iso37122.variables import Kind, Variable, variables

__version__ = "0.1.0"

__all__ = [
    "Aggregation",
    "Catalogue",
    "CityData",
    "Direction",
    "ElementScore",
    "Indicator",
    "IndicatorResult",
    "Iso37122Error",
    "KeyElement",
    "Kind",
    "Normalisation",
    "Profile",
    "ProfileRecord",
    "ProfileSet",
    "Readiness",
    "RollupConfig",
    "Status",
    "Theme",
    "Variable",
    "__version__",
    "catalogue",
    "compute_profile",
    "errors",
    "readiness",
    "testing",
    "units",
    "variables",
]
