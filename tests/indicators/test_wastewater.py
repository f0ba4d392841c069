"""Tests of the wastewater indicators (clause 22)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from iso37122.indicators import wastewater
from iso37122.indicators._spec import (
    Direction,
    Indicator,
    PartOfWhole,
    Status,
)
from iso37122.themes import Theme
from iso37122.units import Quantity, parse_unit
from iso37122.variables import VARIABLES

SPECS = {s.clause: s for s in wastewater.SPECS}
SHARES = sorted(c for c, s in SPECS.items() if s.unit == "percent")
INFERRED_NOTE = "Formula inferred from the title; not read in any source."


def _in_declared_unit(spec: Indicator, numerator: float, denominator: float) -> float:
    """Numerator / denominator in the inputs' declared units, converted by pint to spec.unit."""
    num_id, den_id = spec.inputs
    quantity = Quantity(numerator, VARIABLES[num_id].unit) / Quantity(
        denominator, VARIABLES[den_id].unit
    )
    return float(quantity.to(spec.unit).magnitude)


# --- the module and its specs -------------------------------------------------------------


def test_module_lists_clauses_22_1_to_22_5() -> None:
    assert list(SPECS) == ["22.1", "22.2", "22.3", "22.4", "22.5"]
    assert all(s.theme is Theme.WASTEWATER for s in SPECS.values())


def test_all_is_sorted_and_lists_specs_and_functions() -> None:
    assert wastewater.__all__ == sorted(wastewater.__all__)
    assert set(wastewater.__all__) == {"SPECS"} | {s.name for s in SPECS.values()}


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_spec_names_its_function_and_clause(clause: str) -> None:
    spec = SPECS[clause]
    assert spec.func.__name__ == spec.name
    assert f"ISO 37122:2019, clause {clause}." in (spec.func.__doc__ or "")
    assert spec.title_id
    assert spec.definition_source.title_id_origin == "own_translation"


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inputs_are_declared_variables(clause: str) -> None:
    assert all(name in VARIABLES for name in SPECS[clause].inputs)


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_unit_parses_and_matches_pint_arithmetic(clause: str) -> None:
    spec = SPECS[clause]
    parse_unit(spec.unit)
    expected = _in_declared_unit(spec, 3.0, 8.0)
    np.testing.assert_allclose(spec.func(np.array([3.0]), np.array([8.0])), [expected])


@pytest.mark.parametrize("clause", sorted(SPECS))
def test_inferred_formulas_say_so(clause: str) -> None:
    source = SPECS[clause].definition_source
    doc = SPECS[clause].func.__doc__ or ""
    if source.formula == "inferred":
        assert source.note == INFERRED_NOTE
        assert "inferred from the title" in doc
    else:
        assert "inferred" not in doc


@pytest.mark.parametrize("clause", SHARES)
@given(
    whole=st.floats(1e-3, 1e13),
    fraction=st.floats(0.0, 1.0, allow_subnormal=False),
    scale=st.floats(1e-3, 1e3),
)
def test_shares_are_bounded_and_scale_invariant(
    clause: str, whole: float, fraction: float, scale: float
) -> None:
    func = SPECS[clause].func
    value = func(np.array([fraction * whole]), np.array([whole]))
    assert 0.0 <= value[0] <= 100.0 * (1.0 + 1e-12)
    scaled = func(np.array([scale * fraction * whole]), np.array([scale * whole]))
    np.testing.assert_allclose(scaled, value, rtol=1e-9, atol=1e-12)


def test_every_wastewater_indicator_is_a_share() -> None:
    assert list(SPECS) == SHARES


# --- 22.1 treated wastewater reused ------------------------------------------------------


def test_treated_wastewater_reuse_share_value() -> None:
    reused = np.array([3_000_000.0, 0.0, 12_500.0])
    treated = np.array([40_000_000.0, 8_000_000.0, 50_000.0])
    # 100 * 3e6 / 4e7 = 7.5; 100 * 0 / 8e6 = 0.0; 100 * 12 500 / 50 000 = 25.0
    np.testing.assert_allclose(
        wastewater.treated_wastewater_reuse_share(reused, treated), [7.5, 0.0, 25.0]
    )


def test_treated_wastewater_reuse_share_spec() -> None:
    spec = SPECS["22.1"]
    assert spec.inputs == ("treated_wastewater_reused", "treated_wastewater")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"


def test_treated_wastewater_reuse_share_part_of_whole() -> None:
    (rule,) = SPECS["22.1"].constraints
    assert rule == PartOfWhole("treated_wastewater_reused", "treated_wastewater")
    cols = {
        "treated_wastewater_reused": np.array([3_000_000.0, 9_000_000.0, 0.0]),
        "treated_wastewater": np.array([40_000_000.0, 8_000_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"treated_wastewater_reused": 9_000_000.0, "treated_wastewater": 8_000_000.0}
    assert rule.explain(row, Status.INVALID) == (
        "treated_wastewater_reused (9000000) exceeds treated_wastewater (8000000)"
    )
    zero = {"treated_wastewater_reused": 0.0, "treated_wastewater": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "treated_wastewater is 0: a share of nothing is undefined"
    )


# --- 22.2 biosolids reused ---------------------------------------------------------------


def test_biosolids_reuse_share_value() -> None:
    reused = np.array([1_200.0, 4_800.0, 0.0])
    produced = np.array([4_800.0, 4_800.0, 300.0])
    # 100 * 1 200 / 4 800 = 25.0; 100 * 4 800 / 4 800 = 100.0; 100 * 0 / 300 = 0.0
    np.testing.assert_allclose(
        wastewater.biosolids_reuse_share(reused, produced), [25.0, 100.0, 0.0]
    )


def test_biosolids_reuse_share_spec() -> None:
    spec = SPECS["22.2"]
    assert spec.inputs == ("biosolids_reused", "biosolids")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_biosolids_reuse_share_part_of_whole() -> None:
    (rule,) = SPECS["22.2"].constraints
    assert rule == PartOfWhole("biosolids_reused", "biosolids")
    cols = {
        "biosolids_reused": np.array([1_200.0, 5_000.5, 0.0]),
        "biosolids": np.array([4_800.0, 4_800.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"biosolids_reused": 5_000.5, "biosolids": 4_800.0}
    assert rule.explain(row, Status.INVALID) == "biosolids_reused (5000.5) exceeds biosolids (4800)"
    zero = {"biosolids_reused": 0.0, "biosolids": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "biosolids is 0: a share of nothing is undefined"
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


def test_wastewater_energy_share_of_consumption_spec() -> None:
    spec = SPECS["22.3"]
    # The same energy variable as clause 7.2, shared rather than declared twice.
    assert spec.inputs == ("energy_from_wastewater", "total_energy_consumption")
    assert VARIABLES["energy_from_wastewater"].theme is None
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_wastewater_energy_share_of_consumption_part_of_whole() -> None:
    (rule,) = SPECS["22.3"].constraints
    assert rule == PartOfWhole("energy_from_wastewater", "total_energy_consumption")
    cols = {
        "energy_from_wastewater": np.array([90_000.0, 70_000_000.0, 0.0]),
        "total_energy_consumption": np.array([60_000_000.0, 60_000_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"energy_from_wastewater": 70_000_000.0, "total_energy_consumption": 60_000_000.0}
    assert rule.explain(row, Status.INVALID) == (
        "energy_from_wastewater (70000000) exceeds total_energy_consumption (60000000)"
    )
    zero = {"energy_from_wastewater": 0.0, "total_energy_consumption": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "total_energy_consumption is 0: a share of nothing is undefined"
    )


# --- 22.4 wastewater used to generate energy ---------------------------------------------


def test_wastewater_used_for_energy_share_value() -> None:
    used = np.array([5_000_000.0, 0.0, 1_500_000.0])
    total = np.array([50_000_000.0, 20_000_000.0, 2_000_000.0])
    # 100 * 5e6 / 5e7 = 10.0; 100 * 0 / 2e7 = 0.0; 100 * 1.5e6 / 2e6 = 75.0
    np.testing.assert_allclose(
        wastewater.wastewater_used_for_energy_share(used, total), [10.0, 0.0, 75.0]
    )


def test_wastewater_used_for_energy_share_spec() -> None:
    spec = SPECS["22.4"]
    assert spec.inputs == ("wastewater_used_for_energy", "wastewater")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "inferred"
    assert spec.definition_source.confidence == "low"


def test_wastewater_used_for_energy_share_part_of_whole() -> None:
    (rule,) = SPECS["22.4"].constraints
    assert rule == PartOfWhole("wastewater_used_for_energy", "wastewater")
    cols = {
        "wastewater_used_for_energy": np.array([5_000_000.0, 2_500_000.0, 0.0]),
        "wastewater": np.array([50_000_000.0, 2_000_000.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"wastewater_used_for_energy": 2_500_000.0, "wastewater": 2_000_000.0}
    assert rule.explain(row, Status.INVALID) == (
        "wastewater_used_for_energy (2500000) exceeds wastewater (2000000)"
    )
    zero = {"wastewater_used_for_energy": 0.0, "wastewater": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "wastewater is 0: a share of nothing is undefined"
    )


# --- 22.5 wastewater pipeline monitored in real time -------------------------------------


def test_wastewater_pipeline_monitored_share_value() -> None:
    monitored = np.array([45.0, 0.0, 312.5])
    network = np.array([900.0, 120.0, 1_250.0])
    # 100 * 45 / 900 = 5.0; 100 * 0 / 120 = 0.0; 100 * 312.5 / 1 250 = 25.0
    np.testing.assert_allclose(
        wastewater.wastewater_pipeline_monitored_share(monitored, network), [5.0, 0.0, 25.0]
    )


def test_wastewater_pipeline_monitored_share_spec() -> None:
    spec = SPECS["22.5"]
    assert spec.inputs == ("wastewater_pipeline_length_monitored", "wastewater_pipeline_length")
    assert spec.unit == "percent"
    assert spec.direction is Direction.HIGHER_IS_BETTER
    assert spec.definition_source.formula == "read"
    assert spec.definition_source.confidence == "med-high"


def test_wastewater_pipeline_monitored_share_part_of_whole() -> None:
    (rule,) = SPECS["22.5"].constraints
    assert rule == PartOfWhole("wastewater_pipeline_length_monitored", "wastewater_pipeline_length")
    cols = {
        "wastewater_pipeline_length_monitored": np.array([45.0, 950.25, 0.0]),
        "wastewater_pipeline_length": np.array([900.0, 900.0, 0.0]),
    }
    np.testing.assert_array_equal(rule.invalid(cols), [False, True, False])
    np.testing.assert_array_equal(rule.undefined(cols), [False, False, True])
    row = {"wastewater_pipeline_length_monitored": 950.25, "wastewater_pipeline_length": 900.0}
    assert rule.explain(row, Status.INVALID) == (
        "wastewater_pipeline_length_monitored (950.25) exceeds wastewater_pipeline_length (900)"
    )
    zero = {"wastewater_pipeline_length_monitored": 0.0, "wastewater_pipeline_length": 0.0}
    assert rule.explain(zero, Status.UNDEFINED) == (
        "wastewater_pipeline_length is 0: a share of nothing is undefined"
    )
