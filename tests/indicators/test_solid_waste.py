from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import solid_waste
from iso37122.indicators._formulas import FloatArray
from iso37122.indicators._spec import Direction, PartOfWhole, Status
from iso37122.themes import Theme
from iso37122.units import parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in solid_waste.SPECS}

INFERRED = "Formula inferred from the title; not read in any source."


def _arr(*values: float) -> FloatArray:
    return np.array(values, dtype=np.float64)


def _check_part_of_whole(clause: str, part: str, whole: str, ok: float, too_big: float) -> None:
    """Check the one PartOfWhole rule of ``clause`` on rows: fine, part > whole, zero whole."""
    (rule,) = SPECS[clause].constraints
    assert rule == PartOfWhole(part, whole)
    cols = {part: _arr(ok / 2, too_big, 0.0), whole: _arr(ok, ok, 0.0)}
    assert rule.invalid(cols).tolist() == [False, True, False]
    assert rule.undefined(cols).tolist() == [False, False, True]


# --- the module -------------------------------------------------------------------------------


def test_module_lists_clauses_16_1_to_16_6_in_order() -> None:
    assert [s.clause for s in solid_waste.SPECS] == [f"16.{i}" for i in range(1, 7)]
    assert all(s.theme is Theme.SOLID_WASTE for s in solid_waste.SPECS)


def test_all_is_sorted_and_lists_specs_and_every_function() -> None:
    assert solid_waste.__all__ == sorted(solid_waste.__all__)
    assert set(solid_waste.__all__) == {"SPECS", *(s.name for s in solid_waste.SPECS)}


def test_every_spec_names_its_function_and_a_parsable_unit() -> None:
    for spec in solid_waste.SPECS:
        assert spec.func is getattr(solid_waste, spec.name)
        assert set(spec.inputs) <= set(VARIABLES)
        parse_unit(spec.unit)


@pytest.mark.parametrize(
    ("clause", "inputs", "confidence", "formula"),
    [
        (
            "16.1",
            ("waste_drop_off_containers_with_telemetering", "waste_drop_off_containers"),
            "med-high",
            "read",
        ),
        ("16.2", ("population_with_metered_waste_collection", "population"), "med-high", "read"),
        ("16.3", ("solid_waste_used_for_energy", "municipal_solid_waste"), "low", "inferred"),
        ("16.4", ("plastic_waste_recycled", "plastics_on_market"), "high", "read"),
        ("16.5", ("sensor_enabled_garbage_bins", "public_garbage_bins"), "medium", "read"),
        ("16.6", ("electronic_waste_recycled", "electronic_waste"), "low", "inferred"),
    ],
)
def test_spec(clause: str, inputs: tuple[str, str], confidence: str, formula: str) -> None:
    spec = SPECS[clause]
    assert spec.inputs == inputs
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    source = spec.definition_source
    assert (source.confidence, source.formula) == (confidence, formula)
    # An inferred formula says so, in the spec and in the docstring; a read one does not.
    assert (INFERRED in source.note) is (formula == "inferred")
    assert ("inferred from the title" in (spec.func.__doc__ or "")) is (formula == "inferred")


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
    result = solid_waste.telemetered_waste_container_share(_arr(90.0, 3.0), _arr(360.0, 40.0))
    # 100 * 90 / 360 = 25; 100 * 3 / 40 = 7.5
    np.testing.assert_allclose(result, [25.0, 7.5])


def test_telemetered_waste_container_share_part_of_whole() -> None:
    part, whole = "waste_drop_off_containers_with_telemetering", "waste_drop_off_containers"
    _check_part_of_whole("16.1", part, whole, ok=360.0, too_big=361.0)
    rule = SPECS["16.1"].constraints[0]
    assert (
        rule.explain({part: 361.0, whole: 360.0}, Status.INVALID)
        == "waste_drop_off_containers_with_telemetering (361) exceeds waste_drop_off_containers "
        "(360)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "waste_drop_off_containers is 0: a share of nothing is undefined"
    )


# --- 16.2 -------------------------------------------------------------------------------------


def test_metered_waste_collection_coverage_value() -> None:
    result = solid_waste.metered_waste_collection_coverage(
        _arr(60_000.0, 0.0), _arr(1_200_000.0, 350_000.0)
    )
    # 100 * 60 000 / 1 200 000 = 5; 100 * 0 / 350 000 = 0
    np.testing.assert_allclose(result, [5.0, 0.0])


def test_metered_waste_collection_coverage_part_of_whole() -> None:
    part, whole = "population_with_metered_waste_collection", "population"
    _check_part_of_whole("16.2", part, whole, ok=1_200_000.0, too_big=1_250_000.0)
    rule = SPECS["16.2"].constraints[0]
    assert (
        rule.explain({part: 1_250_000.0, whole: 1_200_000.0}, Status.INVALID)
        == "population_with_metered_waste_collection (1250000) exceeds population (1200000)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "population is 0: a share of nothing is undefined"
    )


# --- 16.3 -------------------------------------------------------------------------------------


def test_solid_waste_to_energy_share_value() -> None:
    result = solid_waste.solid_waste_to_energy_share(
        _arr(48_000.0, 1_250.5), _arr(320_000.0, 25_010.0)
    )
    # 100 * 48 000 / 320 000 = 15; 100 * 1 250.5 / 25 010 = 5
    np.testing.assert_allclose(result, [15.0, 5.0])


def test_solid_waste_to_energy_share_part_of_whole() -> None:
    part, whole = "solid_waste_used_for_energy", "municipal_solid_waste"
    _check_part_of_whole("16.3", part, whole, ok=320_000.0, too_big=320_000.5)
    rule = SPECS["16.3"].constraints[0]
    assert (
        rule.explain({part: 320_000.5, whole: 320_000.0}, Status.INVALID)
        == "solid_waste_used_for_energy (320000.5) exceeds municipal_solid_waste (320000)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "municipal_solid_waste is 0: a share of nothing is undefined"
    )


# --- 16.4 -------------------------------------------------------------------------------------


def test_plastic_waste_recycling_share_value() -> None:
    result = solid_waste.plastic_waste_recycling_share(
        _arr(2_400.0, 900.0), _arr(30_000.0, 3_600.0)
    )
    # 100 * 2 400 / 30 000 = 8; 100 * 900 / 3 600 = 25
    np.testing.assert_allclose(result, [8.0, 25.0])


def test_plastic_waste_recycling_share_part_of_whole() -> None:
    part, whole = "plastic_waste_recycled", "plastics_on_market"
    _check_part_of_whole("16.4", part, whole, ok=30_000.0, too_big=31_000.0)
    rule = SPECS["16.4"].constraints[0]
    assert (
        rule.explain({part: 31_000.0, whole: 30_000.0}, Status.INVALID)
        == "plastic_waste_recycled (31000) exceeds plastics_on_market (30000)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "plastics_on_market is 0: a share of nothing is undefined"
    )


# --- 16.5 -------------------------------------------------------------------------------------


def test_sensor_enabled_garbage_bin_share_value() -> None:
    result = solid_waste.sensor_enabled_garbage_bin_share(_arr(150.0, 64.0), _arr(2_000.0, 64.0))
    # 100 * 150 / 2 000 = 7.5; 100 * 64 / 64 = 100
    np.testing.assert_allclose(result, [7.5, 100.0])


def test_sensor_enabled_garbage_bin_share_part_of_whole() -> None:
    part, whole = "sensor_enabled_garbage_bins", "public_garbage_bins"
    _check_part_of_whole("16.5", part, whole, ok=2_000.0, too_big=2_100.0)
    rule = SPECS["16.5"].constraints[0]
    assert (
        rule.explain({part: 2_100.0, whole: 2_000.0}, Status.INVALID)
        == "sensor_enabled_garbage_bins (2100) exceeds public_garbage_bins (2000)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "public_garbage_bins is 0: a share of nothing is undefined"
    )


# --- 16.6 -------------------------------------------------------------------------------------


def test_electronic_waste_recycling_share_value() -> None:
    result = solid_waste.electronic_waste_recycling_share(_arr(450.0, 0.0), _arr(1_800.0, 75.0))
    # 100 * 450 / 1 800 = 25; 100 * 0 / 75 = 0
    np.testing.assert_allclose(result, [25.0, 0.0])


def test_electronic_waste_recycling_share_part_of_whole() -> None:
    part, whole = "electronic_waste_recycled", "electronic_waste"
    _check_part_of_whole("16.6", part, whole, ok=1_800.0, too_big=1_800.25)
    rule = SPECS["16.6"].constraints[0]
    assert (
        rule.explain({part: 1_800.25, whole: 1_800.0}, Status.INVALID)
        == "electronic_waste_recycled (1800.25) exceeds electronic_waste (1800)"
    )
    assert (
        rule.explain({part: 0.0, whole: 0.0}, Status.UNDEFINED)
        == "electronic_waste is 0: a share of nothing is undefined"
    )


# --- properties of the shares -----------------------------------------------------------------


@pytest.mark.parametrize("clause", [f"16.{i}" for i in range(1, 7)])
@given(fraction=st.floats(0.0, 1.0), whole=st.floats(1.0, 1e8), scale=st.floats(1e-3, 1e3))
def test_shares_are_bounded_and_scale_invariant(
    clause: str, fraction: float, whole: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(_arr(whole * fraction), _arr(whole))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    np.testing.assert_allclose(
        func(_arr(whole * fraction * scale), _arr(whole * scale)), value, atol=1e-9
    )
