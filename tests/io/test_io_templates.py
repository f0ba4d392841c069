"""Data-collection templates: contents, XLSX features, and a filled template that computes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

import iso37122 as iso
from iso37122.elements import element_of


def test_template_lists_exactly_the_needed_variables() -> None:
    frame = iso.template(indicators=["18.1", "8.2"])
    # 18.1 needs population and population_with_fast_broadband; 8.2 land_area and stations.
    assert set(frame["variable"]) == {
        "population",
        "population_with_fast_broadband",
        "land_area",
        "air_quality_monitoring_stations",
    }
    row = frame.set_index("variable").loc["land_area"]
    assert (row["unit"], row["kind"], bool(row["whole_number"])) == ("km**2", "quantity", False)
    assert {"source", "quality", "reference_year", "value"} <= set(frame.columns)


def test_template_by_theme_and_element_in_indonesian() -> None:
    frame = iso.template(theme="water", lang="id")
    assert "Panjang Jaringan Air" in set(frame["label"])
    assert frame["description"].str.contains("air").any()
    digital = iso.template(element="digital")
    specs = [s for s in iso.catalogue().values() if element_of(s) is iso.KeyElement.DIGITAL]
    needed = {v for s in specs for v in s.inputs}
    assert set(digital["variable"]) == needed


def test_wide_template_headers_carry_units() -> None:
    frame = iso.template(indicators=["8.2"], layout="wide")
    assert list(frame.columns) == [
        "city",
        "year",
        "code",
        "land_area [km**2]",
        "air_quality_monitoring_stations [device]",
        "source",
        "quality",
        "reference_year",
    ]


def test_xlsx_template_filled_in_code_computes(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    iso.write_template(path, indicators=["18.1", "8.2"], lang="id")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["instructions", "data", "variables"]
    sheet = workbook["data"]
    headers = [str(c.value) for c in sheet[1]]
    column = headers.index("population [person]") + 1
    assert sheet.cell(row=1, column=column).comment is not None
    assert sheet.cell(row=2, column=column).number_format == "#,##0"
    rules = {(r.type, str(r.sqref).split(":")[0]) for r in sheet.data_validations.dataValidation}
    letter = get_column_letter(column)
    assert ("whole", f"{letter}2") in rules
    assert any(kind == "list" for kind, _ in rules)
    values = {
        "city": "Kota Contoh",
        "year": 2024,
        "code": "73.71",
        "population [person]": 200_000,
        "land_area [km**2]": 50,
        "air_quality_monitoring_stations [device]": 10,
        "population_with_fast_broadband [person]": 150_000,
        "source": "BPS",
        "quality": "accurate_measurement",
        "reference_year": 2024,
    }
    sheet.append([values[h] for h in headers])
    workbook.save(path)
    profiles = iso.compute_profile(path)
    # 18.1: 150 000 / 200 000 = 75 %; 8.2: 10 stations / 50 km² = 0.2 per km².
    assert profiles[0]["18.1"].value == 75.0
    assert profiles[0]["8.2"].value == pytest.approx(0.2)
    assert profiles[0].code == "73.71"


def test_long_csv_template_filled_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    iso.write_template(path, indicators=["18.1"], layout="long")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    frame["city"], frame["year"] = "Kota Contoh", "2024"
    frame["value"] = frame["variable"].map(
        {"population": "200000", "population_with_fast_broadband": "150000"}
    )
    frame.to_csv(path, index=False)
    assert iso.compute_profile(path)[0]["18.1"].value == 75.0


def test_template_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"csv or \.xlsx"):
        iso.write_template(tmp_path / "t.ods")
    with pytest.raises(ValueError, match="lang"):
        iso.template(lang="fr")  # type: ignore[arg-type]


def test_quality_grades() -> None:
    assert [q.grade for q in iso.Quality] == [1, 2, 3, 4, 5]
    assert iso.Quality.parse(5) is iso.Quality.NOT_TRACEABLE
    assert iso.Quality.parse("Pengukuran akurat") is iso.Quality.ACCURATE_MEASUREMENT
    with pytest.raises(ValueError, match="not a grade"):
        iso.Quality.parse("good")
