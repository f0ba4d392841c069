"""Input validation: CityData, tables from frames and records, lenient and strict modes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

import iso37122 as iso
from iso37122.data import split_header, table_from_frame, table_from_records
from iso37122.errors import DataError, UnitError, UnknownVariableError
from iso37122.units import ureg


def _frame(**columns: Sequence[object]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    base: dict[str, Sequence[object]] = {
        "city": [f"Kota {i}" for i in range(n)],
        "year": [2024] * n,
    }
    return pd.DataFrame(base | columns)


# --- CityData ---------------------------------------------------------------------------------


def test_citydata_accepts_numbers_strings_with_units_and_quantities() -> None:
    data = iso.CityData(
        city="Kota Makassar",
        year=2024,
        code="73.71",
        population=1_482_354,
        land_area="17 717.4 ha",
        energy_from_wastewater=ureg.Quantity(5.0, "MWh"),
    )
    values = data.values()
    assert values["population"] == 1_482_354.0
    assert values["land_area"] == pytest.approx(177.174)
    assert values["energy_from_wastewater"] == pytest.approx(18.0)  # 5 MWh = 18 GJ
    assert data.code == "73.71"


def test_citydata_rejects_unknown_field() -> None:
    with pytest.raises(UnknownVariableError, match=r"'popluation'.*did you mean 'population'"):
        iso.CityData(city="X", year=2024, popluation=3)


def test_citydata_rejects_negative_count() -> None:
    with pytest.raises(DataError, match="greater than or equal to 0") as caught:
        iso.CityData(city="X", year=2024, population=-1)
    assert [(p.variable, p.value, p.rule) for p in caught.value.problems] == [
        ("population", -1.0, "below_minimum")
    ]


def test_citydata_rejects_wrong_dimension_naming_the_variable() -> None:
    with pytest.raises(UnitError, match=r"land_area: unit 'kg' has dimension \[mass\]"):
        iso.CityData(city="X", year=2024, land_area="5 kg")


def test_citydata_is_frozen_and_code_stays_text() -> None:
    data = iso.CityData(city="X", year=2024, code="35.10")
    with pytest.raises(ValidationError):
        data.city = "Y"  # type: ignore[misc]
    with pytest.raises(DataError, match="code"):
        iso.CityData(city="X", year=2024, code=35.1)  # type: ignore[arg-type]


def test_citydata_has_one_field_per_variable() -> None:
    fields = set(iso.CityData.model_fields)
    assert fields == {"city", "year", "code"} | set(iso.variables())


# --- Tables from frames -----------------------------------------------------------------------


def test_units_in_header_and_in_argument() -> None:
    frame = _frame(**{"land_area [ha]": [17_577.0], "population": [1_000.0]})
    table = table_from_frame(frame)
    assert table.columns["land_area"][0] == pytest.approx(175.77)
    table = table_from_frame(
        _frame(energy_from_wastewater=[5.0]), units={"energy_from_wastewater": "MWh"}
    )
    assert table.columns["energy_from_wastewater"][0] == pytest.approx(18.0)


def test_conflicting_header_and_argument_units() -> None:
    with pytest.raises(UnitError, match="header says 'ha'"):
        table_from_frame(_frame(**{"land_area [ha]": [1.0]}), units={"land_area": "km**2"})


def test_wrong_dimension_column_always_raises() -> None:
    with pytest.raises(UnitError, match="land_area"):
        table_from_frame(_frame(**{"land_area [kg]": [1.0]}))


def test_unknown_column_with_suggestion_or_ignored() -> None:
    frame = _frame(populaton=[1.0])
    with pytest.raises(UnknownVariableError, match="did you mean 'population'"):
        table_from_frame(frame)
    table = table_from_frame(frame, extra="ignore")
    assert "populaton" not in table.columns


def test_duplicate_identity_raises_listing_rows() -> None:
    frame = pd.DataFrame(
        {"city": ["A", "A", "B"], "year": [2024, 2024, 2024], "population": [1, 2, 3]}
    )
    with pytest.raises(DataError) as info:
        table_from_frame(frame)
    rows = [p.row for p in info.value.problems]
    assert rows == [0, 1]
    assert all(p.rule == "duplicate_identity" for p in info.value.problems)


def test_identity_is_code_and_year_when_code_is_given() -> None:
    # Two different codes for the same city name are two different rows.
    frame = pd.DataFrame(
        {"city": ["Jakarta", "Jakarta"], "code": ["31.71", "31.72"], "year": [2024, 2024]}
    )
    assert table_from_frame(frame).n_rows == 2
    frame["code"] = ["31.71", "31.71"]
    with pytest.raises(DataError, match="same identity"):
        table_from_frame(frame)


def test_numeric_code_column_is_rejected() -> None:
    frame = pd.DataFrame({"city": ["Banyuwangi"], "code": [35.10], "year": [2024]})
    with pytest.raises(DataError, match=r"35\.1"):
        table_from_frame(frame)


def test_missing_identity_and_bad_year() -> None:
    with pytest.raises(DataError, match="no 'year' column"):
        table_from_frame(pd.DataFrame({"city": ["A"], "population": [1.0]}))
    with pytest.raises(DataError, match="whole-number year"):
        table_from_frame(pd.DataFrame({"city": ["A"], "year": [2024.5]}))
    with pytest.raises(DataError, match="without a city"):
        table_from_frame(pd.DataFrame({"city": [None], "year": [2024]}))


def test_lenient_bad_values_become_problems_with_row_variable_and_value() -> None:
    frame = _frame(population=[1_000.0, -5.0, 300.0], labour_force=["100", "abc", None])
    table = table_from_frame(frame)
    assert [(p.row, p.variable, p.rule) for p in table.problems] == [
        (1, "labour_force", "not_a_number"),
        (1, "population", "below_minimum"),
    ]
    assert table.problems[1].value == -5.0
    assert "population = -5 is below the minimum 0" in table.problems[1].message
    assert np.isnan(table.columns["population"][1])
    assert table.invalid["population"].tolist() == [False, True, False]
    assert table.columns["labour_force"][0] == 100.0
    assert np.isnan(table.columns["labour_force"][2])  # not reported, not invalid
    assert not table.invalid["labour_force"][2]


def test_strict_lists_every_problem() -> None:
    frame = _frame(population=[-1.0, -2.0], labour_force=["x", 3.0])
    with pytest.raises(DataError) as info:
        table_from_frame(frame, strict=True)
    assert len(info.value.problems) == 3
    text = str(info.value)
    assert "row 0" in text
    assert "row 1" in text
    assert "'x'" in text


def test_infinite_value_is_invalid() -> None:
    table = table_from_frame(_frame(population=[np.inf]))
    assert table.problems[0].rule == "not_finite"


def test_cells_with_their_own_units() -> None:
    frame = _frame(energy_from_wastewater=["5 MWh", "7", None])
    table = table_from_frame(frame, units={"energy_from_wastewater": "MWh"})
    # "5 MWh" carries its unit; "7" is in the column's unit (MWh): 7 * 3.6 = 25.2 GJ
    np.testing.assert_allclose(table.columns["energy_from_wastewater"][:2], [18.0, 25.2])
    # A cell in a unit of another dimension is one bad value: lenient marks it, strict raises.
    lenient = table_from_frame(_frame(land_area=["5 kg"]))
    assert lenient.invalid["land_area"].tolist() == [True]
    assert lenient.problems[0].rule == "unit"
    with pytest.raises(UnitError, match=r"row 0.*'5 kg'"):
        table_from_frame(_frame(land_area=["5 kg"]), strict=True)


def test_callers_frame_is_not_modified() -> None:
    frame = _frame(**{"land_area [ha]": [100.0, 200.0]}, population=[1.0, "2"])
    before = frame.copy(deep=True)
    table_from_frame(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_records_with_strings_and_quantities() -> None:
    table = table_from_records(
        [
            {"city": "A", "year": 2024, "land_area": "500 ha", "population": 10},
            {"city": "B", "year": 2024, "land_area": ureg.Quantity(2.0, "km**2")},
        ]
    )
    np.testing.assert_allclose(table.columns["land_area"], [5.0, 2.0])
    assert np.isnan(table.columns["population"][1])


def test_split_header() -> None:
    assert split_header(" land_area [km**2] ") == ("land_area", "km**2")
    assert split_header("city") == ("city", None)
