from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import solid_waste
from iso37122.indicators._spec import PartOfWhole
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in solid_waste.SPECS}


# --- the module -------------------------------------------------------------------------------


def test_mass_shares_compare_masses_in_the_same_unit() -> None:
    for clause in ("16.3", "16.4", "16.6"):
        part, whole = SPECS[clause].inputs
        assert VARIABLES[part].unit == VARIABLES[whole].unit == "t"


def test_sensor_enabled_garbage_bin_share_says_its_clause_number_is_not_confirmed() -> None:
    source = SPECS["16.5"].definition_source
    assert "clause number is not visible" in source.note
    assert "clause number not visible" in source.reference


# --- 16.1 -------------------------------------------------------------------------------------


def test_telemetered_waste_container_share_value() -> None:
    result = solid_waste.telemetered_waste_container_share(arr(90.0, 3.0), arr(360.0, 40.0))
    # 100 * 90 / 360 = 25; 100 * 3 / 40 = 7.5
    np.testing.assert_allclose(result, [25.0, 7.5])


def test_telemetered_waste_container_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.1"],
        PartOfWhole("waste_drop_off_containers_with_telemetering", "waste_drop_off_containers"),
        within=(180.0, 360.0),
        exceeding=(361.0, 360.0),
        reason=(
            "waste_drop_off_containers_with_telemetering (361) exceeds waste_drop_off_containers "
            "(360)"
        ),
    )


# --- 16.2 -------------------------------------------------------------------------------------


def test_metered_waste_collection_coverage_value() -> None:
    result = solid_waste.metered_waste_collection_coverage(
        arr(60_000.0, 0.0), arr(1_200_000.0, 350_000.0)
    )
    # 100 * 60 000 / 1 200 000 = 5; 100 * 0 / 350 000 = 0
    np.testing.assert_allclose(result, [5.0, 0.0])


def test_metered_waste_collection_coverage_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.2"],
        PartOfWhole("population_with_metered_waste_collection", "population"),
        within=(600_000.0, 1_200_000.0),
        exceeding=(1_250_000.0, 1_200_000.0),
        reason="population_with_metered_waste_collection (1250000) exceeds population (1200000)",
    )


# --- 16.3 -------------------------------------------------------------------------------------


def test_solid_waste_to_energy_share_value() -> None:
    result = solid_waste.solid_waste_to_energy_share(
        arr(48_000.0, 1_250.5), arr(320_000.0, 25_010.0)
    )
    # 100 * 48 000 / 320 000 = 15; 100 * 1 250.5 / 25 010 = 5
    np.testing.assert_allclose(result, [15.0, 5.0])


def test_solid_waste_to_energy_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.3"],
        PartOfWhole("solid_waste_used_for_energy", "municipal_solid_waste"),
        within=(160_000.0, 320_000.0),
        exceeding=(320_000.5, 320_000.0),
        reason="solid_waste_used_for_energy (320000.5) exceeds municipal_solid_waste (320000)",
    )


# --- 16.4 -------------------------------------------------------------------------------------


def test_plastic_waste_recycling_share_value() -> None:
    result = solid_waste.plastic_waste_recycling_share(arr(2_400.0, 900.0), arr(30_000.0, 3_600.0))
    # 100 * 2 400 / 30 000 = 8; 100 * 900 / 3 600 = 25
    np.testing.assert_allclose(result, [8.0, 25.0])


def test_plastic_waste_recycling_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.4"],
        PartOfWhole("plastic_waste_recycled", "plastics_on_market"),
        within=(15_000.0, 30_000.0),
        exceeding=(31_000.0, 30_000.0),
        reason="plastic_waste_recycled (31000) exceeds plastics_on_market (30000)",
    )


# --- 16.5 -------------------------------------------------------------------------------------


def test_sensor_enabled_garbage_bin_share_value() -> None:
    result = solid_waste.sensor_enabled_garbage_bin_share(arr(150.0, 64.0), arr(2_000.0, 64.0))
    # 100 * 150 / 2 000 = 7.5; 100 * 64 / 64 = 100
    np.testing.assert_allclose(result, [7.5, 100.0])


def test_sensor_enabled_garbage_bin_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.5"],
        PartOfWhole("sensor_enabled_garbage_bins", "public_garbage_bins"),
        within=(1_000.0, 2_000.0),
        exceeding=(2_100.0, 2_000.0),
        reason="sensor_enabled_garbage_bins (2100) exceeds public_garbage_bins (2000)",
    )


# --- 16.6 -------------------------------------------------------------------------------------


def test_electronic_waste_recycling_share_value() -> None:
    result = solid_waste.electronic_waste_recycling_share(arr(450.0, 0.0), arr(1_800.0, 75.0))
    # 100 * 450 / 1 800 = 25; 100 * 0 / 75 = 0
    np.testing.assert_allclose(result, [25.0, 0.0])


def test_electronic_waste_recycling_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["16.6"],
        PartOfWhole("electronic_waste_recycled", "electronic_waste"),
        within=(900.0, 1_800.0),
        exceeding=(1_800.25, 1_800.0),
        reason="electronic_waste_recycled (1800.25) exceeds electronic_waste (1800)",
    )
