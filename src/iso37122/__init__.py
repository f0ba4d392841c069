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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Where each public name lives; it is imported on first use, so that ``import iso37122``
# costs almost nothing (pandas, pint and pydantic load when first needed).
_LAZY: dict[str, tuple[str, str | None]] = {
    "Aggregation": ("iso37122.rollup", "Aggregation"),
    "Catalogue": ("iso37122.indicators", "Catalogue"),
    "Change": ("iso37122.analysis.trends", "Change"),
    "CityData": ("iso37122.data", "CityData"),
    "Direction": ("iso37122.indicators", "Direction"),
    "ElementScore": ("iso37122.rollup", "ElementScore"),
    "ImprovementPlan": ("iso37122.analysis.improve", "ImprovementPlan"),
    "Indicator": ("iso37122.indicators", "Indicator"),
    "IndicatorResult": ("iso37122.profile", "IndicatorResult"),
    "Iso37122Error": ("iso37122.errors", "Iso37122Error"),
    "KeyElement": ("iso37122.elements", "KeyElement"),
    "Kind": ("iso37122.variables", "Kind"),
    "Normalisation": ("iso37122.rollup", "Normalisation"),
    "Profile": ("iso37122.profile", "Profile"),
    "ProfileRecord": ("iso37122.profile", "ProfileRecord"),
    "ProfileSet": ("iso37122.profile", "ProfileSet"),
    "ProvinceSet": ("iso37122.analysis.provinces", "ProvinceSet"),
    "Quality": ("iso37122.io", "Quality"),
    "Readiness": ("iso37122.readiness", "Readiness"),
    "RollupConfig": ("iso37122.rollup", "RollupConfig"),
    "Status": ("iso37122.engine", "Status"),
    "Theme": ("iso37122.themes", "Theme"),
    "Uncertainty": ("iso37122.analysis.uncertainty", "Uncertainty"),
    "Variable": ("iso37122.variables", "Variable"),
    "analysis": ("iso37122.analysis", None),
    "catalogue": ("iso37122.indicators", "catalogue"),
    "compute_profile": ("iso37122.profile", "compute_profile"),
    "elements": ("iso37122.elements", None),
    "errors": ("iso37122.errors", None),
    "read_profiles": ("iso37122.io", "read_profiles"),
    "read_table": ("iso37122.io", "read_table"),
    "readiness": ("iso37122.readiness", "readiness"),
    "template": ("iso37122.io", "template"),
    "testing": ("iso37122.testing", None),
    "uncertainty": ("iso37122.analysis.uncertainty", "uncertainty"),
    "units": ("iso37122.units", None),
    "variables": ("iso37122.variables", "variables"),
    "write_template": ("iso37122.io", "write_template"),
}

# Functions named like the module that defines them (``variables``, ``readiness``): importing
# the module would bind its name on the package to the module; the function must win.
_SHADOWED = frozenset(
    name
    for name, (module, attribute) in _LAZY.items()
    if module == f"iso37122.{name}" and attribute
)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return  # keep (or later resolve) the function of that name
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """Import a public name's module on first access (PEP 562)."""
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'iso37122' has no attribute {name!r}") from None
    found = importlib.import_module(module)
    value = found if attribute is None else getattr(found, attribute)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    """List the public names (and the module's own attributes)."""
    return sorted({*globals(), *__all__})
