"""Wastewater (ISO 37122:2019, clause 22)."""

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
    "biosolids_reuse_share",
    "treated_wastewater_reuse_share",
    "wastewater_energy_share_of_consumption",
    "wastewater_pipeline_monitored_share",
    "wastewater_used_for_energy_share",
]


def treated_wastewater_reuse_share(
    treated_wastewater_reused: FloatArray, treated_wastewater: FloatArray
) -> FloatArray:
    r"""Percentage of treated wastewater being reused.

    Parameters
    ----------
    treated_wastewater_reused
        Volume of treated wastewater reused in the year. [m**3]
    treated_wastewater
        Volume of wastewater treated in the year. [m**3]

    Returns
    -------
    FloatArray
        Share of treated wastewater that is reused. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot V_{reused} / V_{treated}

    References
    ----------
    ISO 37122:2019, clause 22.1.

    Examples
    --------
    >>> float(treated_wastewater_reuse_share(3_000_000.0, 40_000_000.0))
    7.5
    """
    return share(treated_wastewater_reused, treated_wastewater)


def biosolids_reuse_share(biosolids_reused: FloatArray, biosolids: FloatArray) -> FloatArray:
    r"""Percentage of biosolids that are reused, by dry matter mass.

    Parameters
    ----------
    biosolids_reused
        Biosolids reused in the year (dry matter mass). [t]
    biosolids
        Biosolids produced in the year (dry matter mass). [t]

    Returns
    -------
    FloatArray
        Share of biosolids reused. [percent]

    Notes
    -----
    .. math:: 100 \cdot B_{reused} / B

    References
    ----------
    ISO 37122:2019, clause 22.2.

    Examples
    --------
    >>> float(biosolids_reuse_share(1_200.0, 4_800.0))
    25.0
    """
    return share(biosolids_reused, biosolids)


def wastewater_energy_share_of_consumption(
    energy_from_wastewater: FloatArray, total_energy_consumption: FloatArray
) -> FloatArray:
    r"""Energy derived from wastewater as a percentage of the city's total energy consumption.

    Parameters
    ----------
    energy_from_wastewater
        Electrical and thermal energy produced from wastewater (treatment) in the year; the
        same input as clause 7.2. [GJ]
    total_energy_consumption
        Total energy consumed in the city in the year. [GJ]

    Returns
    -------
    FloatArray
        Energy from wastewater relative to the city's energy consumption. [percent]

    Notes
    -----
    .. math:: 100 \cdot E_{wastewater} / E

    References
    ----------
    ISO 37122:2019, clause 22.3.

    Examples
    --------
    >>> float(wastewater_energy_share_of_consumption(90_000.0, 60_000_000.0))
    0.15
    """
    return share(energy_from_wastewater, total_energy_consumption)


def wastewater_used_for_energy_share(
    wastewater_used_for_energy: FloatArray, wastewater: FloatArray
) -> FloatArray:
    r"""Percentage of the city's total wastewater that is used to generate energy.

    Parameters
    ----------
    wastewater_used_for_energy
        Volume of wastewater used to generate energy in the year. [m**3]
    wastewater
        Total volume of wastewater in the city in the year. [m**3]

    Returns
    -------
    FloatArray
        Share of wastewater used to generate energy. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it.

    .. math:: 100 \cdot V_{energy} / V

    References
    ----------
    ISO 37122:2019, clause 22.4.

    Examples
    --------
    >>> float(wastewater_used_for_energy_share(5_000_000.0, 50_000_000.0))
    10.0
    """
    return share(wastewater_used_for_energy, wastewater)


def wastewater_pipeline_monitored_share(
    wastewater_pipeline_length_monitored: FloatArray, wastewater_pipeline_length: FloatArray
) -> FloatArray:
    r"""Percentage of the wastewater pipeline network monitored by real-time sensors.

    Parameters
    ----------
    wastewater_pipeline_length_monitored
        Length of wastewater pipeline monitored by a real-time data-tracking sensor
        system. [km]
    wastewater_pipeline_length
        Total length of the wastewater pipeline network. [km]

    Returns
    -------
    FloatArray
        Share of the network length monitored in real time. [percent]

    Notes
    -----
    .. math:: 100 \cdot L_{monitored} / L

    References
    ----------
    ISO 37122:2019, clause 22.5.

    Examples
    --------
    >>> float(wastewater_pipeline_monitored_share(45.0, 900.0))
    5.0
    """
    return share(wastewater_pipeline_length_monitored, wastewater_pipeline_length)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="22.1",
        name="treated_wastewater_reuse_share",
        theme=Theme.WASTEWATER,
        title="Percentage of treated wastewater being reused",
        title_id="Persentase air limbah terolah yang dimanfaatkan kembali",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=treated_wastewater_reuse_share,
        constraints=(PartOfWhole("treated_wastewater_reused", "treated_wastewater"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="22.2",
        name="biosolids_reuse_share",
        theme=Theme.WASTEWATER,
        title="Percentage of biosolids that are reused (dry matter mass)",
        title_id="Persentase biosolid yang dimanfaatkan kembali (massa bahan kering)",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=biosolids_reuse_share,
        constraints=(PartOfWhole("biosolids_reused", "biosolids"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:45b79ace-88fb-48ee-9f24-a67a1eab93fa",
        ),
    ),
    Indicator(
        clause="22.3",
        name="wastewater_energy_share_of_consumption",
        theme=Theme.WASTEWATER,
        title="Energy derived from wastewater as a percentage of total energy consumption of "
        "the city",
        title_id="Energi yang dihasilkan dari air limbah sebagai persentase dari total konsumsi "
        "energi kota",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=wastewater_energy_share_of_consumption,
        constraints=(PartOfWhole("energy_from_wastewater", "total_energy_consumption"),),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:97b7306f-03e0-43e1-b14b-7a1567c503dc",
        ),
    ),
    Indicator(
        clause="22.4",
        name="wastewater_used_for_energy_share",
        theme=Theme.WASTEWATER,
        title="Percentage of total amount of wastewater in the city that is used to generate "
        "energy",
        title_id="Persentase dari total air limbah di kota yang dimanfaatkan untuk menghasilkan "
        "energi",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=wastewater_used_for_energy_share,
        constraints=(PartOfWhole("wastewater_used_for_energy", "wastewater"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source.",
        ),
    ),
    Indicator(
        clause="22.5",
        name="wastewater_pipeline_monitored_share",
        theme=Theme.WASTEWATER,
        title="Percentage of the wastewater pipeline network monitored by a real-time "
        "data-tracking sensor system",
        title_id="Persentase jaringan perpipaan air limbah yang dipantau sistem sensor "
        "pelacakan data waktu nyata",
        unit="percent",
        direction=Direction.HIGHER_IS_BETTER,
        func=wastewater_pipeline_monitored_share,
        constraints=(
            PartOfWhole("wastewater_pipeline_length_monitored", "wastewater_pipeline_length"),
        ),
        definition_source=DefinitionSource(
            confidence="med-high",
            formula="read",
            reference="K-R:bcdaacf2-9399-4dfb-a86d-c5cb0902f87b",
        ),
    ),
)
