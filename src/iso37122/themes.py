"""The 19 themes of ISO 37122:2019 (clauses 5 to 23)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Theme"]


class Theme(StrEnum):
    """A theme (clause) of ISO 37122:2019.

    The value is a stable snake_case id; :attr:`clause`, :attr:`label` and :attr:`label_id`
    give the clause number and the English and Indonesian names.

    Examples
    --------
    >>> Theme.ENERGY.clause, Theme.ENERGY.label_id
    (7, 'Energi')
    """

    ECONOMY = "economy"
    EDUCATION = "education"
    ENERGY = "energy"
    ENVIRONMENT = "environment"
    FINANCE = "finance"
    GOVERNANCE = "governance"
    HEALTH = "health"
    HOUSING = "housing"
    POPULATION = "population"
    RECREATION = "recreation"
    SAFETY = "safety"
    SOLID_WASTE = "solid_waste"
    SPORT_AND_CULTURE = "sport_and_culture"
    TELECOMMUNICATION = "telecommunication"
    TRANSPORTATION = "transportation"
    AGRICULTURE = "agriculture"
    URBAN_PLANNING = "urban_planning"
    WASTEWATER = "wastewater"
    WATER = "water"

    @property
    def clause(self) -> int:
        """Clause number of the theme in ISO 37122:2019."""
        return _INFO[self][0]

    @property
    def label(self) -> str:
        """English name of the theme, as in the standard."""
        return _INFO[self][1]

    @property
    def label_id(self) -> str:
        """Indonesian name of the theme (our translation unless SNI wording is confirmed)."""
        return _INFO[self][2]


_INFO: dict[Theme, tuple[int, str, str]] = {
    Theme.ECONOMY: (5, "Economy", "Ekonomi"),
    Theme.EDUCATION: (6, "Education", "Pendidikan"),
    Theme.ENERGY: (7, "Energy", "Energi"),
    Theme.ENVIRONMENT: (8, "Environment and climate change", "Lingkungan dan perubahan iklim"),
    Theme.FINANCE: (9, "Finance", "Keuangan"),
    Theme.GOVERNANCE: (10, "Governance", "Pemerintahan"),
    Theme.HEALTH: (11, "Health", "Kesehatan"),
    Theme.HOUSING: (12, "Housing", "Perumahan"),
    Theme.POPULATION: (13, "Population and social conditions", "Kependudukan dan kondisi sosial"),
    Theme.RECREATION: (14, "Recreation", "Rekreasi"),
    Theme.SAFETY: (15, "Safety", "Keselamatan"),
    Theme.SOLID_WASTE: (16, "Solid waste", "Persampahan"),
    Theme.SPORT_AND_CULTURE: (17, "Sport and culture", "Olahraga dan budaya"),
    Theme.TELECOMMUNICATION: (18, "Telecommunication", "Telekomunikasi"),
    Theme.TRANSPORTATION: (19, "Transportation", "Transportasi"),
    Theme.AGRICULTURE: (
        20,
        "Urban/local agriculture and food security",
        "Pertanian perkotaan dan ketahanan pangan",
    ),
    Theme.URBAN_PLANNING: (21, "Urban planning", "Perencanaan perkotaan"),
    Theme.WASTEWATER: (22, "Wastewater", "Air limbah"),
    Theme.WATER: (23, "Water", "Air"),
}
