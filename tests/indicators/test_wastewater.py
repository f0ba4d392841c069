"""Tests of the wastewater indicators (clause 22)."""

from __future__ import annotations

import numpy as np
from _helpers import check_sole_part_of_whole

from iso37122.indicators import wastewater
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in wastewater.SPECS}


# --- 22.1 treated wastewater reused ------------------------------------------------------


def test_treated_wastewater_reuse_share_value() -> None:
    reused = np.array([3_000_000.0, 0.0, 12_500.0])
    treated = np.array([40_000_000.0, 8_000_000.0, 50_000.0])
    # 100 * 3e6 / 4e7 = 7.5; 100 * 0 / 8e6 = 0.0; 100 * 12 500 / 50 000 = 25.0
    np.testing.assert_allclose(
        wastewater.treated_wastewater_reuse_share(reused, treated), [7.5, 0.0, 25.0]
    )


def test_treated_wastewater_reuse_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["22.1"],
        PartOfWhole("treated_wastewater_reused", "treated_wastewater"),
        within=(3_000_000.0, 40_000_000.0),
        exceeding=(9_000_000.0, 8_000_000.0),
        reason="treated_wastewater_reused (9000000) exceeds treated_wastewater (8000000)",
    )


# --- 22.2 biosolids reused ---------------------------------------------------------------


def test_biosolids_reuse_share_value() -> None:
    reused = np.array([1_200.0, 4_800.0, 0.0])
    produced = np.array([4_800.0, 4_800.0, 300.0])
    # 100 * 1 200 / 4 800 = 25.0; 100 * 4 800 / 4 800 = 100.0; 100 * 0 / 300 = 0.0
    np.testing.assert_allclose(
        wastewater.biosolids_reuse_share(reused, produced), [25.0, 100.0, 0.0]
    )


def test_biosolids_reuse_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["22.2"],
        PartOfWhole("biosolids_reused", "biosolids"),
        within=(1_200.0, 4_800.0),
        exceeding=(5_000.5, 4_800.0),
        reason="biosolids_reused (5000.5) exceeds biosolids (4800)",
    )


# --- 22.3 energy from wastewater as a share of consumption -------------------------------


def test_wastewater_energy_share_of_consumption_value() -> None:
    energy = np.array([90_000.0, 0.0, 250_000.0])
    consumption = np.array([60_000_000.0, 45_000_000.0, 20_000_000.0])
    # 100 * 90 000 / 6e7 = 0.15; 100 * 0 / 4.5e7 = 0.0; 100 * 250 000 / 2e7 = 1.25
    np.testing.assert_allclose(
        wastewater.wastewater_energy_share_of_consumption(energy, consumption),
        [0.15, 0.0, 1.25],
    )


def test_wastewater_energy_share_of_consumption_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["22.3"],
        PartOfWhole("energy_from_wastewater", "total_energy_consumption"),
        within=(90_000.0, 60_000_000.0),
        exceeding=(70_000_000.0, 60_000_000.0),
        reason="energy_from_wastewater (70000000) exceeds total_energy_consumption (60000000)",
    )


# --- 22.4 wastewater used to generate energy ---------------------------------------------


def test_wastewater_used_for_energy_share_value() -> None:
    used = np.array([5_000_000.0, 0.0, 1_500_000.0])
    total = np.array([50_000_000.0, 20_000_000.0, 2_000_000.0])
    # 100 * 5e6 / 5e7 = 10.0; 100 * 0 / 2e7 = 0.0; 100 * 1.5e6 / 2e6 = 75.0
    np.testing.assert_allclose(
        wastewater.wastewater_used_for_energy_share(used, total), [10.0, 0.0, 75.0]
    )


def test_wastewater_used_for_energy_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["22.4"],
        PartOfWhole("wastewater_used_for_energy", "wastewater"),
        within=(5_000_000.0, 50_000_000.0),
        exceeding=(2_500_000.0, 2_000_000.0),
        reason="wastewater_used_for_energy (2500000) exceeds wastewater (2000000)",
    )


# --- 22.5 wastewater pipeline monitored in real time -------------------------------------


def test_wastewater_pipeline_monitored_share_value() -> None:
    monitored = np.array([45.0, 0.0, 312.5])
    network = np.array([900.0, 120.0, 1_250.0])
    # 100 * 45 / 900 = 5.0; 100 * 0 / 120 = 0.0; 100 * 312.5 / 1 250 = 25.0
    np.testing.assert_allclose(
        wastewater.wastewater_pipeline_monitored_share(monitored, network), [5.0, 0.0, 25.0]
    )


def test_wastewater_pipeline_monitored_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["22.5"],
        PartOfWhole("wastewater_pipeline_length_monitored", "wastewater_pipeline_length"),
        within=(45.0, 900.0),
        exceeding=(950.25, 900.0),
        reason=(
            "wastewater_pipeline_length_monitored (950.25) exceeds wastewater_pipeline_length (900)"
        ),
    )
