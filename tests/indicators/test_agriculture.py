"""Tests of the urban/local agriculture and food security indicators (clause 20)."""

from __future__ import annotations

import numpy as np
from _helpers import check_sole_part_of_whole, check_sole_positive

from iso37122.indicators import agriculture
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in agriculture.SPECS}


# --- 20.1 urban agriculture budget share -------------------------------------------------


def test_urban_agriculture_budget_share_value() -> None:
    spending = np.array([2.5e9, 0.0, 6.0e10])
    budget = np.array([5.0e12, 4.0e12, 1.2e12])
    # 100 * 2.5e9 / 5e12 = 0.05; 100 * 0 / 4e12 = 0.0; 100 * 6e10 / 1.2e12 = 5.0
    np.testing.assert_allclose(
        agriculture.urban_agriculture_budget_share(spending, budget), [0.05, 0.0, 5.0]
    )


def test_urban_agriculture_budget_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["20.1"],
        PartOfWhole("urban_agriculture_expenditure", "municipal_expenditure"),
        within=(2.0e9, 4.2e11),
        exceeding=(5.0e11, 4.2e11),
        reason=(
            "urban_agriculture_expenditure (500000000000) exceeds "
            "municipal_expenditure (420000000000)"
        ),
    )


# --- 20.2 food waste composted per capita ------------------------------------------------


def test_food_waste_composted_per_capita_value() -> None:
    composted = np.array([12_000.0, 3_000.0, 0.0])
    population = np.array([1_500_000.0, 600_000.0, 250_000.0])
    # 12 000 / 1 500 000 = 0.008; 3 000 / 600 000 = 0.005; 0 / 250 000 = 0.0
    np.testing.assert_allclose(
        agriculture.food_waste_composted_per_capita(composted, population), [0.008, 0.005, 0.0]
    )


def test_food_waste_composted_per_capita_positive_population() -> None:
    check_sole_positive(
        SPECS["20.2"],
        Positive("population", "a per-capita quantity is undefined"),
        valid=1_500_000.0,
        negative=-5.0,
        reason="population (-5) must be greater than 0",
    )


# --- 20.3 online food-supplier map coverage ----------------------------------------------


def test_online_food_supplier_map_coverage_value() -> None:
    mapped = np.array([150.0, 200.0, 0.0])
    land = np.array([200.0, 200.0, 50.0])
    # 100 * 150 / 200 = 75.0; 100 * 200 / 200 = 100.0; 100 * 0 / 50 = 0.0
    np.testing.assert_allclose(
        agriculture.online_food_supplier_map_coverage(mapped, land), [75.0, 100.0, 0.0]
    )


def test_online_food_supplier_map_coverage_part_of_whole() -> None:
    # A map covering the whole city is valid; more than the city is not.
    check_sole_part_of_whole(
        SPECS["20.3"],
        PartOfWhole("area_with_online_food_supplier_map", "land_area"),
        within=(175.77, 175.77),
        exceeding=(180.5, 175.77),
        reason="area_with_online_food_supplier_map (180.5) exceeds land_area (175.77)",
    )
