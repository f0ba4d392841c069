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

from iso37122 import analysis, elements, errors, testing, units
from iso37122.analysis.improve import ImprovementPlan
from iso37122.analysis.provinces import ProvinceSet
from iso37122.analysis.trends import Change
from iso37122.analysis.uncertainty import Uncertainty, uncertainty
from iso37122.data import CityData
from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.errors import Iso37122Error
from iso37122.indicators import Catalogue, Direction, Indicator, catalogue
from iso37122.io import Quality, read_profiles, read_table, template, write_template
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
    "Change",
    "CityData",
    "Direction",
    "ElementScore",
    "ImprovementPlan",
    "Indicator",
    "IndicatorResult",
    "Iso37122Error",
    "KeyElement",
    "Kind",
    "Normalisation",
    "Profile",
    "ProfileRecord",
    "ProfileSet",
    "ProvinceSet",
    "Quality",
    "Readiness",
    "RollupConfig",
    "Status",
    "Theme",
    "Uncertainty",
    "Variable",
    "__version__",
    "analysis",
    "catalogue",
    "compute_profile",
    "elements",
    "errors",
    "read_profiles",
    "read_table",
    "readiness",
    "template",
    "testing",
    "uncertainty",
    "units",
    "variables",
    "write_template",
]
