"""read_table on small files the tests write: formats, layouts, Indonesian numbers, bad files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.worksheet import Worksheet

import iso37122 as iso
from iso37122.errors import DataError, MissingDependencyError, UnitError, UnknownVariableError
from iso37122.io._headers import UNIT_ALIASES
from iso37122.io._sources import require

BPS = (
    "\ufeffKabupaten/Kota ; Tahun;Kode Wilayah;Jumlah Penduduk (jiwa);Luas Wilayah (ha);"
    "Stasiun Pemantau Kualitas Udara\r\n"
    'Kota Bandung;2024;3273;2.506.603;16.729,50;"12";\r\n'
    "Kota Surabaya;2024;3578;2.874.314;33.548,00;-;\r\n"
    "Kota Denpasar;2024;5171; 725.314 ;12.778,00;…;\r\n"
    "Kota Malang;2024;3573;...;11.006,00;...;\r\n"
    ";;;;;;\r\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_bps_file_reads_in_canonical_units(tmp_path: Path) -> None:
    frame = iso.read_table(write(tmp_path, "bps.csv", BPS))
    assert list(frame.columns[:3]) == ["city", "year", "code"]
    assert frame["code"].tolist() == ["3273", "3578", "5171", "3573"]
    # 2.506.603 jiwa; 16.729,50 ha = 167.295 km²; "..." is not reported.
    assert frame["population"].tolist()[:3] == [2506603.0, 2874314.0, 725314.0]
    assert np.isnan(frame["population"].iloc[3])
    assert frame["land_area"].tolist() == pytest.approx([167.295, 335.48, 127.78, 110.06])
    stations = frame["air_quality_monitoring_stations"].tolist()
    assert stations[0] == 12.0
    assert all(np.isnan(stations[1:]))  # "-", "…" and "..." are all "not reported"
    assert frame.attrs["iso37122.problems"] == ()


def test_dash_zero_reads_bps_nil_as_zero(tmp_path: Path) -> None:
    frame = iso.read_table(write(tmp_path, "bps.csv", BPS), dash="zero")
    assert frame["air_quality_monitoring_stations"].iloc[1] == 0.0
    assert np.isnan(frame["air_quality_monitoring_stations"].iloc[2])  # "…" stays missing


def test_bps_file_computes(tmp_path: Path) -> None:
    profiles = iso.compute_profile(write(tmp_path, "bps.csv", BPS))
    # 8.2: 12 stations per km²; 16.729,50 ha = 167.295 km², 12 / 167.295 = 0.07173
    assert profiles[0]["8.2"].value == pytest.approx(12 / 167.295)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1.455.672", 1455672.0),
        ("17.577,00", 17577.0),
        ("17,5", 17.5),
        ("1,455,672", 1455672.0),
        ("1,234.5", 1234.5),
        ("0.250", 0.25),
        ("1 482 354", 1482354.0),
        ('"42"', 42.0),
    ],
)
def test_cells_that_prove_their_convention(tmp_path: Path, cell: str, expected: float) -> None:
    text = f'city;year;land_area\nA;2024;"{cell}"\n'
    assert iso.read_table(write(tmp_path, "x.csv", text))["land_area"].iloc[0] == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("1e5", "2.5E+03"), [100_000.0, 2_500.0]),  # plain CSV: the fast reader
        (("1e5", "1.455.672"), [100_000.0, 1_455_672.0]),  # no decimal mark: either convention
        (("1,5E+06", "1.455.672"), [1_500_000.0, 1_455_672.0]),  # Indonesian exponent
        (("1,5E+06", "7"), [1_500_000.0, 7.0]),  # a comma mantissa proves a decimal comma
        (('"1e5"', "2e1 thousand_people"), [100_000.0, 20_000.0]),  # quoted; then a unit
    ],
)
def test_numbers_in_exponent_notation(
    tmp_path: Path, cells: tuple[str, str], expected: list[float]
) -> None:
    text = "city;year;population\n" + "".join(f"K{i};2024;{c}\n" for i, c in enumerate(cells))
    frame = iso.read_table(write(tmp_path, "x.csv", text), strict=True)
    assert frame["population"].tolist() == expected


def test_an_exponent_against_the_columns_convention_is_named(tmp_path: Path) -> None:
    text = "city;year;population\nK1;2024;1.5e5\nK2;2024;1.455.672\n"
    with pytest.raises(iso.errors.DataError, match=r"row 2, column C 'population' \('1.5e5'\)"):
        iso.read_table(write(tmp_path, "x.csv", text), strict=True)


def test_convention_proven_by_another_cell_resolves_an_ambiguous_one(tmp_path: Path) -> None:
    text = "city;year;population\nA;2024;1.455.672\nB;2024;5.000\n"
    frame = iso.read_table(write(tmp_path, "x.csv", text))
    assert frame["population"].tolist() == [1455672.0, 5000.0]


@pytest.mark.parametrize(("cell", "fix"), [("5.000", "decimal=','"), ("1,500", "decimal='.'")])
def test_ambiguous_cell_is_an_error_naming_row_column_and_option(
    tmp_path: Path, cell: str, fix: str
) -> None:
    text = f'city,year,land_area\nA,2024,12\nB,2024,"{cell}"\n'
    path = write(tmp_path, "x.csv", text)
    frame = iso.read_table(path)
    assert np.isnan(frame["land_area"].iloc[1])
    (problem,) = frame.attrs["iso37122.problems"]
    assert problem.rule == "ambiguous_number"
    for part in ("row 3", "column C 'land_area'", repr(cell), fix):
        assert part in problem.message
    with pytest.raises(DataError, match="row 3") as caught:
        iso.read_table(path, strict=True)
    assert len(caught.value.problems) == 1


def test_given_decimal_resolves_ambiguity(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;land_area\nA;2024;5.000\n")
    assert iso.read_table(path, decimal=",")["land_area"].iloc[0] == 5000.0
    assert iso.read_table(path, decimal=".")["land_area"].iloc[0] == 5.0


def test_count_must_be_a_whole_number(tmp_path: Path) -> None:
    # pandas would read "390.142" as 390.142 people; with decimal="." it is a fraction: error.
    path = write(tmp_path, "x.csv", "city;year;population\nA;2024;390.142\n")
    with pytest.raises(DataError, match="whole number"):
        iso.read_table(path, decimal=".", strict=True)
    assert iso.read_table(path, decimal=",")["population"].iloc[0] == 390142.0


def test_bad_cell_makes_indicators_invalid_with_file_location(tmp_path: Path) -> None:
    text = "city;year;population;population_with_fast_broadband\nA;2024;abc;100\n"
    profile = iso.compute_profile(write(tmp_path, "x.csv", text))[0]
    result = profile["18.1"]
    assert result.status is iso.Status.INVALID
    assert result.reason is not None
    assert "row 2, column C 'population'" in result.reason
    assert "'abc'" in result.reason


def test_negative_value_reported_with_file_row(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;population\nA;2024;-5\n")
    frame = iso.read_table(path)
    assert np.isnan(frame["population"].iloc[0])
    (problem,) = frame.attrs["iso37122.problems"]
    assert problem.rule == "below_minimum"
    assert "row 2, column C 'population'" in problem.message


def test_cp1252_city_names_intact(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;population\nKota Café;2024;10\n", "cp1252")
    assert iso.read_table(path)["city"].iloc[0] == "Kota Café"


def test_utf8_without_bom_and_trailing_delimiters(tmp_path: Path) -> None:
    text = "city,year,population,\nKota Tangerang Selatan,2024,1354350,\n\n\n"
    frame = iso.read_table(write(tmp_path, "x.csv", text))
    assert frame["population"].tolist() == [1354350.0]
    assert list(frame.columns) == ["city", "year", "code", "population"]


def test_tab_separated(tmp_path: Path) -> None:
    frame = iso.read_table(write(tmp_path, "x.tsv", "city\tyear\tpopulation\nA\t2024\t7\n"))
    assert frame["population"].iloc[0] == 7.0


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("land_area [ha]", "100", 1.0),
        ("land_area (ha)", "100", 1.0),
        ("Luas Wilayah (hektar)", "100", 1.0),
        ("Luas Wilayah (km²)", "2", 2.0),
        ("Luas Wilayah [km2]", "2", 2.0),
        ("Jumlah Penduduk (ribu jiwa)", "2", 2000.0),
        ("Belanja Daerah (juta rupiah)", "2", 2e6),
        ("Belanja Daerah (Rp)", "2", 2.0),
        ("Belanja Daerah (miliar rupiah)", "2", 2e9),
        ("Jumlah Rumah Tangga (rumah tangga)", "2", 2.0),
        ("Kendaraan Terdaftar (unit)", "2", 2.0),
        ("Konsumsi Listrik (GWh)", "1", 3600.0),
    ],
)
def test_header_units(tmp_path: Path, header: str, cell: str, expected: float) -> None:
    frame = iso.read_table(write(tmp_path, "x.csv", f"city;year;{header}\nA;2024;{cell}\n"))
    assert frame.iloc[0, 3] == pytest.approx(expected)


@pytest.mark.parametrize("alias", sorted(UNIT_ALIASES))
def test_every_unit_alias_reads_in_a_header(tmp_path: Path, alias: str) -> None:
    target = iso.units.parse_unit(UNIT_ALIASES[alias])
    variable = next(
        v
        for v in iso.variables().values()
        if iso.units.parse_unit(v.unit).dimensionality == target.dimensionality
    )
    header = f"{variable.id} ({alias.upper() if alias == 'kwh' else alias})"
    frame = iso.read_table(write(tmp_path, "x.csv", f"city;year;{header}\nA;2024;2\n"))
    factor = iso.units.conversion_factor(UNIT_ALIASES[alias], variable.unit, variable=variable.id)
    assert frame[variable.id].iloc[0] == pytest.approx(2 * factor)


def test_columns_mapping_keeps_header_unit(tmp_path: Path) -> None:
    text = "Nama;Thn;Luas (ha)\nA;2024;250\n"
    frame = iso.read_table(
        write(tmp_path, "x.csv", text),
        columns={"Nama": "city", "Thn": "year", "Luas (ha)": "land_area"},
    )
    assert frame["land_area"].iloc[0] == 2.5


def test_unknown_column_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;Jumlah Pendudk\nA;2024;1\n")
    with pytest.raises(UnknownVariableError, match="population"):
        iso.read_table(path)


@pytest.mark.parametrize(
    ("header", "suggestion"),
    [
        ("Jumlah Pendudukk", "(did you mean 'population'?)"),  # not every other "Jumlah …"
        ("Persentase Rumah Tanga", "(did you mean 'households'"),
        ("populaton", "(did you mean 'population'?)"),
    ],
)
def test_suggestions_ignore_the_word_every_label_starts_with(
    tmp_path: Path, header: str, suggestion: str
) -> None:
    path = write(tmp_path, "x.csv", f"city;year;{header}\nA;2024;1\n")
    with pytest.raises(UnknownVariableError) as raised:
        iso.read_table(path)
    assert suggestion in str(raised.value)


def test_wrong_dimension_in_header(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;Luas Wilayah (kg)\nA;2024;1\n")
    with pytest.raises(UnitError, match="column C"):
        iso.read_table(path)


def test_long_layout_with_provenance(tmp_path: Path) -> None:
    text = (
        "city;year;code;variable;value;unit;source;quality;reference_year\n"
        "A;2024;3273;population;2.506.603;jiwa;BPS;1;2024\n"
        "A;2024;3273;Penduduk dengan Pita Lebar Cepat;1.500.000;orang;Kominfo;estimasi;2023\n"
    )
    path = write(tmp_path, "long.csv", text)
    frame = iso.read_table(path)
    assert frame["population"].iloc[0] == 2506603.0
    profiles = iso.compute_profile(path)
    row = profiles.to_frame("long").set_index("clause").loc["18.1"]
    assert row["value"] == pytest.approx(1_500_000 / 2_506_603 * 100)
    from iso37122.io.writers import long_frame

    out = long_frame(profiles).set_index("clause").loc["18.1"]
    assert out["quality"] == "estimate"  # the weaker of 1 (accurate) and "estimasi"
    assert out["sources"] == "BPS; Kominfo"


def test_long_duplicate_is_an_error(tmp_path: Path) -> None:
    text = "city;year;variable;value\nA;2024;population;1\nA;2024;population;2\n"
    with pytest.raises(DataError, match="given twice"):
        iso.read_table(write(tmp_path, "x.csv", text))


def test_xlsx_sheet_by_name_and_index(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    first.title = "catatan"
    first.append(["a note"])
    data = workbook.create_sheet("data")
    data.append(["Kabupaten/Kota", "Tahun", "Jumlah Penduduk"])
    data.append(["Kota Bogor", 2024, 1_064_687])
    path = tmp_path / "x.xlsx"
    workbook.save(path)
    with pytest.raises(DataError, match="pass sheet="):
        iso.read_table(path)
    assert iso.read_table(path, sheet="data")["population"].iloc[0] == 1064687.0
    assert iso.read_table(path, sheet=1)["population"].iloc[0] == 1064687.0


def test_xlsx_merged_header_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["city", "year", "population", None])
    sheet.append(["A", 2024, 1, 2])
    sheet.merge_cells("C1:D1")
    path = tmp_path / "x.xlsx"
    workbook.save(path)
    with pytest.raises(DataError, match="merged cells C1:D1"):
        iso.read_table(path)


def test_parquet_json_and_jsonl(tmp_path: Path) -> None:
    records = [{"city": "A", "year": 2024, "code": "73.71", "population": 10}]
    pd.DataFrame(records).to_parquet(tmp_path / "x.parquet")
    (tmp_path / "x.json").write_text(json.dumps(records))
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records * 1))
    for name in ("x.parquet", "x.json", "x.jsonl"):
        frame = iso.read_table(tmp_path / name)
        assert frame["population"].iloc[0] == 10.0
        assert frame["code"].iloc[0] == "73.71"


def test_file_object_and_bytes() -> None:
    data = b"city;year;population\nA;2024;3\n"
    assert iso.read_table(io.BytesIO(data))["population"].iloc[0] == 3.0
    assert iso.read_table(data)["population"].iloc[0] == 3.0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\n\n  \n", "is empty"),
        ("header.csv", b"city;year;population\n", "no data rows"),
        ("binary.csv", b"\x00\x01\x02PNG\x00", "binary"),
        ("bad.xlsx", b"PK\x03\x04 not a zip", "not a readable XLSX"),
        ("bad.parquet", b"PAR1 nonsense", "not a readable Parquet"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("obj.json", b'{"city": "A"}', "list of objects"),
        ("x.doc", b"city;year\n", "unknown file extension"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "save it as .xlsx"),
        ("stray.csv", b"city;year\nA;2024;9\n", "column C holds '9' but has no header"),
        ("noyear.csv", b"city;population\nA;1\n", "no 'year' column"),
        ("badyear.csv", b"city;year\nA;dua ribu\n", "not a whole number"),
        ("nodelim.csv", b"just text\nmore\n", "no column delimiter"),
        ("dup.csv", b"city;year;population\nA;2024;1\nA;2024;2\n", "row 3: city 'A' and year"),
        ("dupcol.csv", b"city;year;population;Jumlah Penduduk\nA;2024;1;2\n", "both give"),
    ],
)
def test_bad_files_are_data_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        iso.read_table(path)


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        iso.read_table(tmp_path / "nope.csv")


def test_missing_extra_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes "import openpyxl" fail
    with pytest.raises(MissingDependencyError, match=r"pip install iso37122\[xlsx\]"):
        require("openpyxl")
    with pytest.raises(ImportError):  # and it is an ImportError, as a caller expects
        iso.read_table(b"PK\x03\x04", format="xlsx")


def test_every_variable_has_a_distinct_indonesian_label() -> None:
    labels = [v.label_id.casefold() for v in iso.variables().values()]
    assert all(labels)
    assert len(set(labels)) == len(labels)


def test_mixed_conventions_in_one_column_are_reported(tmp_path: Path) -> None:
    # Two cells prove decimal comma (1.455.672, 17,5), one proves decimal point (1,234.5).
    text = 'city;year;land_area\nA;2024;1.455.672\nB;2024;17,5\nC;2024;"1,234.5"\n'
    frame = iso.read_table(write(tmp_path, "x.csv", text))
    assert frame["land_area"].tolist()[:2] == [1455672.0, 17.5]
    assert np.isnan(frame["land_area"].iloc[2])
    (problem,) = frame.attrs["iso37122.problems"]
    assert problem.rule == "number_format"
    assert "row 4" in problem.message
    assert "row 2" in problem.message  # the cell that proves the other convention


def test_cell_with_its_own_unit(tmp_path: Path) -> None:
    text = "city;year;land_area\nA;2024;17.577,00 ha\nB;2024;1.234,5\n"
    frame = iso.read_table(write(tmp_path, "x.csv", text))
    # 17 577 ha = 175.77 km²; the plain cell is in the canonical km².
    assert frame["land_area"].tolist() == pytest.approx([175.77, 1234.5])


@pytest.mark.parametrize("quote", ["", '"'])  # plain files take the fast reader, quoted not
def test_cell_units_of_several_words(tmp_path: Path, quote: str) -> None:
    text = (
        "city;year;population;households\n"
        f"A;2024;{quote}20 ribu jiwa{quote};{quote}812.440 rumah tangga{quote}\n"
        f"B;2024;{quote}1 482 354 jiwa{quote};{quote}7 rumah tangga{quote}\n"
    )
    frame = iso.read_table(write(tmp_path, "x.csv", text), strict=True, decimal=",")
    assert frame["population"].tolist() == [20_000.0, 1_482_354.0]
    assert frame["households"].tolist() == [812_440.0, 7.0]


def test_given_convention_rejects_the_other_one(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "city;year;land_area\nA;2024;17.5\n")
    with pytest.raises(DataError, match=r"not a number written with decimal ','"):
        iso.read_table(path, decimal=",", strict=True)


def test_na_values_and_strict_lists_every_problem(tmp_path: Path) -> None:
    text = "city;year;population;land_area\nA;2024;tidak ada;x\nB;2024;abc;-1\n"
    path = write(tmp_path, "x.csv", text)
    with pytest.raises(DataError) as caught:
        iso.read_table(path, na_values=["tidak ada"], strict=True)
    # "x", "abc" and -1 are bad; "tidak ada" is a declared "not reported".
    assert len(caught.value.problems) == 3
    assert all(p.row is None for p in caught.value.problems)  # file rows are in the messages


def test_filtered_frame_keeps_its_problems_on_the_right_rows(tmp_path: Path) -> None:
    text = "city;year;population;population_with_fast_broadband\nA;2024;10;5\nB;2024;x;5\n"
    frame = iso.read_table(write(tmp_path, "x.csv", text))
    only_b = frame[frame["city"] == "B"]
    result = iso.compute_profile(only_b)[0]["18.1"]
    assert result.status is iso.Status.INVALID
    assert result.reason is not None
    assert "row 3" in result.reason


def _titled(title: bool, separators: bool) -> str:
    blank = ";;;" if separators else ""
    lines = [f"Jumlah Penduduk dan Rumah Tangga Menurut Kabupaten/Kota, 2024{blank}"] * title
    lines += [
        "kota;tahun;Jumlah Penduduk (jiwa);Jumlah Rumah Tangga",
        "Kota Makassar;2024;1.455.672;390142",
        "Kab. Sumedang;2024;1.178.235;x",
        f"Sumber: BPS Provinsi Sulawesi Selatan dan Jawa Barat{blank}",
        f"*) angka sementara{blank}",
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("general", [False, True])
@pytest.mark.parametrize(("title", "separators"), [(True, False), (True, True), (False, True)])
def test_title_rows_above_and_notes_below_a_table_are_skipped(
    monkeypatch: pytest.MonkeyPatch, general: bool, title: bool, separators: bool
) -> None:
    """A BPS table's title above the header ("…, 2024": the comma does not fool the delimiter
    sniffer) and its notes below ("Sumber: …", "*) …") are not data; rows keep their file
    numbers."""
    from iso37122.io import _fastcsv, _sources

    text = _titled(title, separators)
    if not title:  # a plain file, which pyarrow reads, unless switched off
        assert _fastcsv.arrow_csv_cells(text, ";") is not None
    if general:
        monkeypatch.setattr(_sources, "arrow_csv_cells", lambda text, sep: None)
    frame = iso.read_table(text.encode(), format="csv")
    assert frame["city"].tolist() == ["Kota Makassar", "Kab. Sumedang"]
    assert frame["population"].tolist() == [1455672.0, 1178235.0]
    (problem,) = frame.attrs["iso37122.problems"]
    assert problem.variable == "households"
    assert f"row {4 if title else 3}" in problem.message


def test_a_last_row_that_is_not_a_note_is_still_data(tmp_path: Path) -> None:
    text = "kota;tahun;Jumlah Penduduk (jiwa)\nKota Makassar;2024;1455672\nKota Baru;;\n"
    with pytest.raises(DataError, match="row 3"):
        iso.read_table(write(tmp_path, "x.csv", text))


def test_xlsx_merged_title_and_source_note_are_skipped(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["Jumlah Penduduk Menurut Kabupaten/Kota, 2024"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["Kabupaten/Kota", "Tahun", "Jumlah Penduduk"])
    sheet.append(["Kota Bogor", 2024, 1_064_687])
    sheet.append(["Kota Depok", 2024, "x"])
    sheet.append(["Sumber: BPS Provinsi Jawa Barat"])
    path = tmp_path / "x.xlsx"
    workbook.save(path)
    frame = iso.read_table(path)
    assert frame["city"].tolist() == ["Kota Bogor", "Kota Depok"]
    (problem,) = frame.attrs["iso37122.problems"]
    assert "row 5" in problem.message
