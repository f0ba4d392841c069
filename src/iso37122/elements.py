"""Indonesia's three national key elements of smart-city development, and membership.

The Ministry of Home Affairs groups smart-city development into three key elements. **No
official mapping of ISO 37122 indicators to these elements has been published**: the mapping
below is the library's documented default — one element per theme, plus per-indicator
overrides, each with its reason — and any part of it can be replaced with
``RollupConfig(element_of=...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol

from iso37122.themes import Theme

__all__ = [
    "INDICATOR_OVERRIDES",
    "THEME_ELEMENTS",
    "KeyElement",
    "default_element",
    "element_of",
]


class KeyElement(StrEnum):
    """One of the three national key elements of smart-city development.

    Examples
    --------
    >>> KeyElement.GREEN.label_id
    'Kota hijau dengan ketenteraman, ketertiban umum, dan pelindungan masyarakat'
    """

    LIVABLE = "livable"
    GREEN = "green"
    DIGITAL = "digital"

    @property
    def number(self) -> int:
        """The element's number in the national policy (1, 2 or 3)."""
        return _INFO[self][0]

    @property
    def label(self) -> str:
        """English name."""
        return _INFO[self][1]

    @property
    def label_id(self) -> str:
        """Indonesian name."""
        return _INFO[self][2]

    @property
    def description(self) -> str:
        """What the element covers, in English."""
        return _INFO[self][3]

    @property
    def description_id(self) -> str:
        """What the element covers, in Bahasa Indonesia."""
        return _INFO[self][4]


_INFO: dict[KeyElement, tuple[int, str, str, str, str]] = {
    KeyElement.LIVABLE: (
        1,
        "A livable, inclusive and cultured city",
        "Kota layak huni, inklusif, dan berbudaya",
        "Basic services, mobility, housing, inclusion of people with special needs, culture, "
        "recreation and food security.",
        "Layanan dasar, mobilitas, perumahan, inklusi penyandang disabilitas, budaya, rekreasi, "
        "dan ketahanan pangan.",
    ),
    KeyElement.GREEN: (
        2,
        "A green city with peace, public order and community protection",
        "Kota hijau dengan ketenteraman, ketertiban umum, dan pelindungan masyarakat",
        "Energy, environment and climate, waste, water and wastewater, and public safety "
        "(trantibumlinmas).",
        "Energi, lingkungan dan iklim, persampahan, air dan air limbah, serta ketenteraman, "
        "ketertiban umum, dan pelindungan masyarakat (trantibumlinmas).",
    ),
    KeyElement.DIGITAL: (
        3,
        "Digital-based government services that advance the common good",
        "Pelayanan pemerintahan berbasis digital untuk kesejahteraan masyarakat",
        "Online public services, open data, digital infrastructure and the digital economy.",
        "Layanan publik daring, data terbuka, infrastruktur digital, dan ekonomi digital.",
    ),
}

_L, _G, _D = KeyElement.LIVABLE, KeyElement.GREEN, KeyElement.DIGITAL

THEME_ELEMENTS: Mapping[Theme, tuple[KeyElement, str]] = MappingProxyType(
    {
        Theme.ECONOMY: (_D, "knowledge and digital-economy measures (open data, ICT jobs)"),
        Theme.EDUCATION: (_L, "education is a basic service"),
        Theme.ENERGY: (_G, "energy efficiency and renewable supply"),
        Theme.ENVIRONMENT: (_G, "environment and climate change"),
        Theme.FINANCE: (_D, "e-invoicing and sharing-economy revenue"),
        Theme.GOVERNANCE: (_D, "online services, open data and IT uptime"),
        Theme.HEALTH: (_L, "health care is a basic service"),
        Theme.HOUSING: (_L, "housing is part of livability"),
        Theme.POPULATION: (_L, "inclusion of people with special needs"),
        Theme.RECREATION: (_L, "recreation is part of livability"),
        Theme.SAFETY: (_G, "public order and community protection (trantibumlinmas)"),
        Theme.SOLID_WASTE: (_G, "waste management"),
        Theme.SPORT_AND_CULTURE: (_L, "a cultured city"),
        Theme.TELECOMMUNICATION: (_D, "the infrastructure of digital services"),
        Theme.TRANSPORTATION: (_L, "mobility as livability"),
        Theme.AGRICULTURE: (_L, "food security"),
        Theme.URBAN_PLANNING: (_L, "participation and density"),
        Theme.WASTEWATER: (_G, "wastewater treatment and reuse"),
        Theme.WATER: (_G, "water resources"),
    }
)
"""Default element of each theme, with the reason (the library's choice, not an official one)."""

INDICATOR_OVERRIDES: Mapping[str, tuple[KeyElement, str]] = MappingProxyType(
    {
        "11.1": (_D, "a health record delivered as an online service"),
        "11.2": (_D, "health care delivered remotely through digital means"),
        "11.3": (_G, "alerts on air and water quality protect the environment and the public"),
        "12.1": (_G, "smart energy metering serves energy efficiency"),
        "12.2": (_G, "smart water metering serves water conservation"),
        "13.4": (_D, "spending on bridging the digital divide"),
        "14.1": (_D, "a city service booked online"),
        "17.1": (_D, "a city service booked online"),
        "17.2": (_D, "digitised public records"),
        "19.3": (_G, "low-emission vehicles cut pollution"),
        "19.5": (_D, "real-time public transport information is a digital service"),
        "19.6": (_D, "a unified (electronic) payment service"),
        "19.7": (_D, "an electronic payment service"),
        "19.14": (_G, "electric buses cut pollution"),
        "20.2": (_G, "composting keeps food waste out of landfill"),
        "21.2": (_D, "an electronic permit service"),
        "21.3": (_D, "the speed of a (digitised) permit service"),
    }
)
"""Per-indicator exceptions to :data:`THEME_ELEMENTS`, keyed by clause, with the reason."""


def default_element(clause: str, theme: Theme) -> KeyElement:
    """Return the default key element of an indicator.

    Examples
    --------
    >>> default_element("11.1", Theme.HEALTH).value
    'digital'
    >>> default_element("11.3", Theme.HEALTH).value
    'green'
    >>> default_element("6.1", Theme.EDUCATION).value
    'livable'
    """
    override = INDICATOR_OVERRIDES.get(clause)
    return override[0] if override else THEME_ELEMENTS[theme][0]


class _Classified(Protocol):
    """Anything with a clause and a theme (an :class:`~iso37122.indicators.Indicator`)."""

    @property
    def clause(self) -> str: ...

    @property
    def theme(self) -> Theme: ...


def element_of(indicator: _Classified) -> KeyElement:
    """Return the key element an indicator belongs to in the library's default mapping.

    This module is the one authority on membership: the indicators do not know their element,
    and a roll-up configuration replaces it with ``RollupConfig(element_of=...)``.

    Examples
    --------
    >>> from iso37122 import catalogue
    >>> element_of(catalogue()["5.3"]).value
    'digital'
    """
    return default_element(indicator.clause, indicator.theme)
