from __future__ import annotations

import pint
import pytest

from iso37122.errors import DataError, UnitError
from iso37122.units import conversion_factor, parse_unit, to_canonical, ureg


def test_string_with_thousands_spaces_and_unit() -> None:
    # 5 000 MWh = 5 000 * 3.6 GJ = 18 000 GJ
    assert to_canonical("5 000 MWh", "GJ", variable="energy_from_wastewater") == pytest.approx(
        18_000.0
    )


def test_area_in_hectares_and_unicode_superscript() -> None:
    # 17 577 ha = 175.77 km²
    assert to_canonical("17577 ha", "km**2", variable="land_area") == pytest.approx(175.77)
    assert to_canonical("175.77 km²", "km**2", variable="land_area") == pytest.approx(175.77)


def test_bare_number_string_is_canonical() -> None:
    assert to_canonical("1 482 354", "person", variable="population") == 1_482_354.0


def test_quantity_from_our_registry_and_from_another() -> None:
    assert to_canonical(ureg.Quantity(2.0, "TJ"), "GJ", variable="x") == pytest.approx(2_000.0)
    other: pint.UnitRegistry[float] = pint.UnitRegistry()
    assert to_canonical(other.Quantity(3.0, "km"), "m", variable="x") == pytest.approx(3_000.0)


def test_wrong_dimension_names_variable_unit_and_expected() -> None:
    with pytest.raises(UnitError) as info:
        to_canonical("5 kg", "km**2", variable="land_area")
    message = str(info.value)
    assert "land_area" in message
    assert "'kg'" in message
    assert "km**2" in message


def test_unknown_unit() -> None:
    with pytest.raises(UnitError, match="unknown unit 'furlongz'"):
        parse_unit("furlongz", variable="road_length")


def test_comma_is_rejected_as_ambiguous() -> None:
    with pytest.raises(DataError, match="ambiguous"):
        to_canonical("175,77 km**2", "km**2", variable="land_area")


def test_not_a_number_and_boolean() -> None:
    with pytest.raises(DataError, match="is not a number"):
        to_canonical("many", "person", variable="population")
    with pytest.raises(DataError, match="boolean"):
        to_canonical(True, "person", variable="population")


def test_unit_error_is_a_data_error_and_value_error() -> None:
    assert issubclass(UnitError, DataError)
    assert issubclass(UnitError, ValueError)


def test_rates_per_population_are_real_units() -> None:
    # pint rejects 1 / (100000 person); the named unit makes the rate a unit.
    factor = conversion_factor("1 / hundred_thousand_people", "1 / person", variable="rate")
    assert factor == pytest.approx(1e-5)
    assert conversion_factor("juta_rupiah", "rupiah", variable="money") == 1e6


def test_counts_of_different_things_do_not_mix() -> None:
    with pytest.raises(UnitError):
        conversion_factor("vehicle", "person", variable="population")


def test_rate_string_with_a_leading_slash() -> None:
    # 0.2 per 100 000 people = 0.2e-5 per person
    assert to_canonical("0.2 / hundred_thousand_people", "1 / person", variable="x") == (
        pytest.approx(2e-6)
    )


def test_quantity_with_a_power_that_is_not_read() -> None:
    # m**0.5 is not a whole power; m**10 is beyond the grammar's nine.
    with pytest.raises(UnitError, match="non-integer power"):
        to_canonical(ureg.Quantity(1.0, "m") ** 0.5, "m", variable="x")
    with pytest.raises(UnitError, match=r"power 10 of 'meter'"):
        to_canonical(ureg.Quantity(1.0, "m") ** 10, "m**10", variable="x")
