"""Safety (ISO 37122:2019, clause 15)."""

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
    "surveillance_camera_area_coverage",
]


def surveillance_camera_area_coverage(
    area_covered_by_surveillance_cameras: FloatArray, land_area: FloatArray
) -> FloatArray:
    r"""Percentage of the city area covered by digital surveillance cameras.

    Parameters
    ----------
    area_covered_by_surveillance_cameras
        Land area covered by digital surveillance cameras. [km**2]
    land_area
        Total land area of the city. [km**2]

    Returns
    -------
    FloatArray
        Share of the city's land area within view of digital surveillance cameras. [percent]

    Notes
    -----
    The formula is inferred from the title; no public source gives it. The city area is taken
    to be its land area.

    .. math:: 100 \cdot A_{camera} / A

    References
    ----------
    ISO 37122:2019, clause 15.1.

    Examples
    --------
    >>> float(surveillance_camera_area_coverage(35.0, 175.0))
    20.0
    """
    return share(area_covered_by_surveillance_cameras, land_area)


SPECS: tuple[Indicator, ...] = (
    Indicator(
        clause="15.1",
        name="surveillance_camera_area_coverage",
        theme=Theme.SAFETY,
        title="Percentage of the city area covered by digital surveillance cameras",
        title_id="Persentase wilayah kota yang terjangkau kamera pengawas digital",
        unit="percent",
        # The standard lists camera coverage under Safety as a means of crime prevention and
        # emergency response, like its other coverage-by-technology indicators; privacy
        # safeguards are outside its scope, so we follow its framing.
        direction=Direction.HIGHER_IS_BETTER,
        func=surveillance_camera_area_coverage,
        constraints=(PartOfWhole("area_covered_by_surveillance_cameras", "land_area"),),
        definition_source=DefinitionSource(
            confidence="low",
            formula="inferred",
            reference="MEM",
            note="Formula inferred from the title; not read in any source. The city area is "
            "taken to be its land area, the library's shared area variable.",
        ),
    ),
)
