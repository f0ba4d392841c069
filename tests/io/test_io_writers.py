"""Writers of ProfileSet: round trips, element scores, neutralisation, the JSON schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import openpyxl
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.errors import DataError
from iso37122.io.writers import ProfileSetDocument, neutralise
from iso37122.testing import synthetic_frame


@pytest.fixture(scope="module")
def profiles() -> iso.ProfileSet:
    frame = synthetic_frame(3, seed=3)
    frame.loc[0, "city"] = '=HYPERLINK("http://evil")'
    frame.loc[1, "city"] = "-5"  # a plain number: left alone
    frame.loc[2, "population"] = -1.0  # invalid, so some reasons are written
    return iso.compute_profile(frame)


def test_json_round_trip_gives_an_equal_set(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    text = profiles.to_json(tmp_path / "p.json")
    document = json.loads(text)
    assert document["schema_version"] == "1.0"
    assert document["library_version"] == iso.__version__
    assert document["config"]["normalisation"] == "goalposts"
    back = iso.read_profiles(tmp_path / "p.json")
    assert back == profiles
    assert back.to_frame("long").equals(profiles.to_frame("long"))
    assert back[2]["18.1"].status is iso.Status.INVALID


def test_json_validates_against_its_schema(profiles: iso.ProfileSet) -> None:
    schema = ProfileSetDocument.model_json_schema()
    jsonschema.validate(json.loads(profiles.to_json()), schema)
    broken = json.loads(profiles.to_json())
    del broken["profiles"][0]["elements"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_json_with_changed_results_is_refused(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    document = json.loads(profiles.to_json())
    document["profiles"][0]["indicators"]["18.1"]["value"] = 12345.0
    (tmp_path / "p.json").write_text(json.dumps(document))
    with pytest.raises(DataError, match="differ"):
        iso.read_profiles(tmp_path / "p.json")
    (tmp_path / "q.json").write_text("[1, 2]")
    with pytest.raises(DataError, match="not an iso37122 profile-set document"):
        iso.read_profiles(tmp_path / "q.json")


def test_json_with_a_record_missing_or_added_is_refused(
    tmp_path: Path, profiles: iso.ProfileSet
) -> None:
    document = json.loads(profiles.to_json())
    last = document["profiles"].pop()
    (tmp_path / "fewer.json").write_text(json.dumps(document))
    with pytest.raises(DataError, match="differ"):
        iso.read_profiles(tmp_path / "fewer.json")
    document["profiles"] += [last, last]
    (tmp_path / "more.json").write_text(json.dumps(document))
    with pytest.raises(DataError, match="differ"):
        iso.read_profiles(tmp_path / "more.json")


def test_csv_long_and_wide_carry_element_scores(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    profiles.to_csv(tmp_path / "long.csv")
    profiles.to_csv(tmp_path / "wide.csv", kind="wide")
    long = pd.read_csv(tmp_path / "long.csv", encoding="utf-8-sig")
    wide = pd.read_csv(tmp_path / "wide.csv", encoding="utf-8-sig")
    scores = profiles.elements.to_frame()["livable_score"].tolist()
    assert long["livable_score"].iloc[0] == pytest.approx(scores[0])
    assert wide["livable_score"].tolist() == pytest.approx(scores)
    assert len(long) == 3 * 80
    assert set(long["status"]) >= {"computed", "invalid"}


def test_csv_neutralises_formulas(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    profiles.to_csv(tmp_path / "long.csv")
    cities = pd.read_csv(tmp_path / "long.csv", encoding="utf-8-sig", dtype=str)["city"]
    assert cities.iloc[0] == '\'=HYPERLINK("http://evil")'
    assert "-5" in set(cities)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-1.5", "-1.5"),
        ("+3e5", "+3e5"),
        ("Kota Bandung", "Kota Bandung"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_excel_sheets_and_neutralisation(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    profiles.to_excel(tmp_path / "p.xlsx", lang="id")
    workbook = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert workbook.sheetnames == ["indikator", "lebar", "elemen", "tentang"]
    sheet = workbook["indikator"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["kota", "tahun", "kode"]
    assert "alasan" in headers
    assert "layak_huni_skor" in headers
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "s"  # text, not a formula


def test_parquet_and_jsonl(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    profiles.to_parquet(tmp_path / "p.parquet", kind="wide")
    wide = pd.read_parquet(tmp_path / "p.parquet")
    assert wide["digital_score"].tolist() == pytest.approx(
        profiles.elements.to_frame()["digital_score"].tolist(), nan_ok=True
    )
    profiles.to_jsonl(tmp_path / "p.jsonl")
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    first = iso.ProfileRecord.model_validate_json(lines[0])
    assert set(first.elements) == set(iso.KeyElement)


@pytest.mark.parametrize(
    ("method", "name"),
    [("to_csv", "p.txt"), ("to_excel", "p.xls"), ("to_parquet", "p.csv"), ("to_jsonl", "p.json")],
)
def test_unknown_output_extension_is_an_error(
    tmp_path: Path, profiles: iso.ProfileSet, method: str, name: str
) -> None:
    with pytest.raises(ValueError, match="never written as something else"):
        getattr(profiles, method)(tmp_path / name)
    assert not (tmp_path / name).exists()
    with pytest.raises(ValueError, match="never written"):
        profiles.to_json(tmp_path / "p.csv")
