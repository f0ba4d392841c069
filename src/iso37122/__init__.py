"""iso37122: the ISO 37122:2019 smart-city indicators as a typed, tested Python library."""

from __future__ import annotations

from iso37122 import errors, units
from iso37122.elements import KeyElement
from iso37122.errors import Iso37122Error
from iso37122.indicators import Catalogue, Direction, Indicator, Status, catalogue
from iso37122.themes import Theme
from iso37122.variables import Kind, Variable, variables

__version__ = "0.1.0"

__all__ = [
    "Catalogue",
    "Direction",
    "Indicator",
    "Iso37122Error",
    "KeyElement",
    "Kind",
    "Status",
    "Theme",
    "Variable",
    "__version__",
    "catalogue",
    "errors",
    "units",
    "variables",
]
