"""Every subcommand through a real process, on files the tests write: success, data error, usage.

Exit status: 0 success, 1 a problem with the data, 2 a usage error (also a file that does not
exist); an error is one
message on stderr, never a traceback (unless --debug). The processes are started together,
once per module, because each one imports the package.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.testing import synthetic_frame

Result = subprocess.CompletedProcess[str]


def run(*args: str | Path, cwd: Path | None = None) -> Result:
    return subprocess.run(
        [sys.executable, "-m", "iso37122", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=300,
    )


def assert_clean_error(result: Result, status: int) -> None:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip(), "an error must say what went wrong"


@dataclass(frozen=True)
class Files:
    """The files the commands read and write."""

    root: Path
    frame: pd.DataFrame

    @property
    def good(self) -> Path:
        """Three complete city-years; the middle one lacks its broadband count."""
        return self.root / "cities.csv"

    @property
    def bad(self) -> Path:
        """A negative broadband count in row 0 and text for a number in row 2."""
        return self.root / "bad.csv"

    @property
    def typo(self) -> Path:
        """A misspelt column."""
        return self.root / "typo.csv"

    @property
    def years(self) -> Path:
        """Two cities over two years."""
        return self.root / "years.csv"

    @property
    def kota(self) -> Path:
        """Indonesian conventions: ';' separator, '.' thousands, headers to map."""
        return self.root / "kota.csv"

    @property
    def mapping(self) -> Path:
        """The header mapping of ``kota``."""
        return self.root / "mapping.csv"

    def out(self, name: str) -> Path:
        """A path in the output folder."""
        return self.root / "out" / name


def _whole_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers as a file holds them: whole counts, quantities to two decimals.

    Flooring and rounding never put a part above its whole; two decimals read one way only
    ("9.532" could be 9 532 written the Indonesian way).
    """
    counts = [v.id for v in iso.variables().values() if v.kind is iso.Kind.COUNT]
    others = [v for v in iso.variables() if v not in counts and v != "population"]
    return frame.assign(
        **{c: np.floor(frame[c]) for c in counts}, **{c: frame[c].round(2) for c in others}
    )


def _write(root: Path) -> Files:
    frame = _whole_counts(synthetic_frame(3, seed=11))
    frame.loc[1, "population_with_fast_broadband"] = None
    files = Files(root, frame)
    (root / "out").mkdir()
    (root / "demo").mkdir()
    (root / "demo-years").mkdir()
    frame.to_csv(files.good, index=False)
    bad = frame.astype({"population_with_fast_broadband": object, "street_lights": object})
    bad.loc[0, "population_with_fast_broadband"] = -5
    bad.loc[2, "street_lights"] = "banyak"
    bad.to_csv(files.bad, index=False)
    files.typo.write_text("city,year,populaton\nKota A,2024,100\n")
    two = _whole_counts(synthetic_frame(2, seed=3))
    pd.concat([two, two.assign(year=two["year"] + 1)]).to_csv(files.years, index=False)
    files.kota.write_text(
        "Nama;year;code;Jumlah penduduk;population_with_fast_broadband\n"
        'Kota Contoh;2024;73.71;"1.482.354";"1.200.000"\n',
        encoding="utf-8",
    )
    files.mapping.write_text("header,variable\nNama,city\nJumlah penduduk,population\n")
    return files


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    return _write(tmp_path_factory.mktemp("cli"))


@pytest.fixture(scope="module")
def results(files: Files) -> dict[str, Result]:
    """Run every command of the module at once and return each result by name."""
    f = files
    commands: dict[str, tuple[list[str | Path], Path | None]] = {
        "version": (["--version"], None),
        "help": (["--help"], None),
        "unknown_command": (["frobnicate"], None),
        "catalogue_one": (["catalogue", "18.1", "--lang", "id"], None),
        "catalogue_bad_format": (["catalogue", "--format", "xml"], None),
        "schema_output": (["schema", "output"], None),
        "schema_bad": (["schema", "everything"], None),
        "validate_good": (["validate", f.good], None),
        "validate_bad": (["validate", f.bad], None),
        "validate_no_file": (["validate"], None),
        "compute_csv": (["compute", f.good, "-o", f.out("out.csv")], None),
        "compute_json": (["compute", f.good, "-o", f.out("out.json")], None),
        "compute_jsonl": (["compute", f.good, "-o", f.out("out.jsonl")], None),
        "compute_txt": (["compute", f.good, "-o", f.out("out.txt")], None),
        "compute_xlsx": (["compute", f.good, "-o", f.out("out.xlsx"), "--lang", "id"], None),
        "compute_parquet": (
            ["compute", f.good, "-o", f.out("out.parquet"), "--layout", "wide"],
            None,
        ),
        "compute_lenient": (["compute", f.bad, "-o", f.out("lenient.json")], None),
        "compute_strict": (["compute", f.bad, "-o", f.out("strict.json"), "--strict"], None),
        "compute_typo": (["compute", f.typo, "-o", f.out("typo.csv")], None),
        "compute_typo_debug": (["--debug", "compute", f.typo, "-o", f.out("t.csv")], None),
        "compute_kota": (
            [
                "compute",
                f.kota,
                "--sep",
                ";",
                "--thousands",
                ".",
                "--decimal",
                ",",
                "--columns",
                f.mapping,
                "-o",
                f.out("kota.json"),
            ],
            None,
        ),
        "report_id": (["report", f.good, "-o", f.out("laporan.html"), "--lang", "id"], None),
        "report_pdf": (["report", f.good, "-o", f.out("report.pdf")], None),
        "report_absent": (["report", f.root / "absent.csv"], None),
        "readiness": (["readiness", f.good, "--top", "3"], None),
        "readiness_bad_top": (["readiness", f.good, "--top", "many"], None),
        "readiness_typo": (["readiness", f.typo], None),
        "template": (
            ["template", "-o", f.out("template.xlsx"), "--theme", "telecommunication"],
            None,
        ),
        "template_no_output": (["template"], None),
        "demo": (["demo"], f.root / "demo"),
        "demo_years": (["demo", f.years, "--no-report"], f.root / "demo-years"),
        "demo_absent": (["demo", f.root / "absent.csv", "--no-report"], f.root),
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(run, *args, cwd=cwd) for name, (args, cwd) in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def test_version_and_help(results: dict[str, Result]) -> None:
    assert results["version"].stdout.strip() == f"iso37122 {iso.__version__}"
    assert results["help"].returncode == 0
    for command in ("catalogue", "template", "validate", "compute", "report"):
        assert command in results["help"].stdout
    for command in ("readiness", "schema", "demo"):
        assert command in results["help"].stdout
    assert_clean_error(results["unknown_command"], 2)


def test_catalogue(results: dict[str, Result]) -> None:
    one = results["catalogue_one"]
    assert one.returncode == 0, one.stderr
    spec = iso.catalogue()["18.1"]
    assert spec.title_id in one.stdout
    assert spec.title in one.stdout
    assert "population_with_fast_broadband [person]" in one.stdout
    assert "Elemen kunci: Pelayanan pemerintahan berbasis digital" in one.stdout
    assert_clean_error(results["catalogue_bad_format"], 2)


def test_schema(results: dict[str, Result]) -> None:
    output = json.loads(results["schema_output"].stdout)
    assert {"city", "year", "indicators", "elements"} <= set(output["properties"])
    assert_clean_error(results["schema_bad"], 2)


def test_validate(results: dict[str, Result]) -> None:
    ok = results["validate_good"]
    assert ok.returncode == 0, ok.stderr
    assert "3 city-years" in ok.stdout
    bad = results["validate_bad"]
    assert_clean_error(bad, 1)
    # Both problems are listed, each with its row and variable.
    assert "population_with_fast_broadband" in bad.stderr
    # Rows and columns as a spreadsheet shows them: the header is row 1, data start at row 2.
    assert "row 2, column" in bad.stderr
    assert "street_lights" in bad.stderr
    assert "row 4, column" in bad.stderr
    assert_clean_error(results["validate_no_file"], 2)


def test_compute_writes_element_scores_in_every_format(
    results: dict[str, Result], files: Files
) -> None:
    for name in ("compute_csv", "compute_json", "compute_jsonl", "compute_xlsx", "compute_parquet"):
        assert results[name].returncode == 0, results[name].stderr
    scores = {"livable_score", "green_score", "digital_score"}
    long = pd.read_csv(files.out("out.csv"), dtype={"code": str})
    assert len(long) == 3 * 80
    assert scores <= set(long.columns)
    wide = pd.read_parquet(files.out("out.parquet"))
    assert len(wide) == 3
    assert scores <= set(wide.columns)
    sheets = pd.read_excel(files.out("out.xlsx"), sheet_name=None)
    assert {"indikator", "elemen"} <= set(sheets)  # --lang id
    assert set(sheets["indikator"]["status"]) == {"terhitung", "tidak tersedia"}
    records = json.loads(files.out("out.json").read_text(encoding="utf-8"))["profiles"]
    assert [set(r["elements"]) for r in records] == [{"livable", "green", "digital"}] * 3
    assert records[1]["indicators"]["18.1"]["status"] == "missing"
    lines = files.out("out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["city"] for line in lines] == [r["city"] for r in records]


def test_compute_refuses_an_unknown_extension(results: dict[str, Result], files: Files) -> None:
    assert_clean_error(results["compute_txt"], 2)
    assert ".xlsx" in results["compute_txt"].stderr
    assert not files.out("out.txt").exists()


def test_compute_strict_and_lenient(results: dict[str, Result], files: Files) -> None:
    assert results["compute_lenient"].returncode == 0, results["compute_lenient"].stderr
    first = json.loads(files.out("lenient.json").read_text(encoding="utf-8"))["profiles"][0]
    assert first["indicators"]["18.1"]["status"] == "invalid"
    assert_clean_error(results["compute_strict"], 1)
    assert not files.out("strict.json").exists()


def test_compute_reads_indonesian_numbers_and_maps_columns(
    results: dict[str, Result], files: Files
) -> None:
    assert results["compute_kota"].returncode == 0, results["compute_kota"].stderr
    record = json.loads(files.out("kota.json").read_text(encoding="utf-8"))["profiles"][0]
    assert record["code"] == "73.71"
    # 100 * 1 200 000 / 1 482 354 = 80.95232...
    assert record["indicators"]["18.1"]["value"] == pytest.approx(80.952323, rel=1e-7)


def test_compute_data_error_names_the_column(results: dict[str, Result]) -> None:
    assert_clean_error(results["compute_typo"], 1)
    assert "did you mean 'population'" in results["compute_typo"].stderr
    assert results["compute_typo_debug"].returncode == 1
    assert "Traceback" in results["compute_typo_debug"].stderr


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_report(results: dict[str, Result], files: Files) -> None:
    assert results["report_id"].returncode == 0, results["report_id"].stderr
    parser = _Text()
    parser.feed(files.out("laporan.html").read_text(encoding="utf-8"))
    shown = " ".join(parser.parts)
    assert "Skor elemen kunci" in shown
    assert "Kesenjangan data" in shown
    assert_clean_error(results["report_pdf"], 2)
    assert_clean_error(results["report_absent"], 2)
    assert "absent.csv" in results["report_absent"].stderr


def test_readiness(results: dict[str, Result]) -> None:
    text = results["readiness"]
    assert text.returncode == 0, text.stderr
    # Row 1 lacks only population_with_fast_broadband: collecting it unlocks 18.1 there.
    assert "population_with_fast_broadband" in text.stdout
    assert "18.1 (1)" in text.stdout
    assert_clean_error(results["readiness_bad_top"], 2)
    assert_clean_error(results["readiness_typo"], 1)


def test_template_round_trip(results: dict[str, Result], files: Files) -> None:
    """The template the CLI writes, filled in as an office would, computes through the CLI."""
    import openpyxl

    assert results["template"].returncode == 0, results["template"].stderr
    path = files.out("template.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["data"]
    headers = [str(cell.value) for cell in sheet[1]]
    assert headers[:3] == ["city", "year", "code"]
    assert "population_with_fast_broadband [person]" in headers
    filled: dict[str, str | int | float] = {
        "city": "Kota Makassar",
        "year": 2024,
        "code": "73.71",
        "population [person]": 1_482_354,
        "land_area [km**2]": 177.174,
        "population_with_fast_broadband [person]": 1_200_000,
    }
    for column, header in enumerate(headers, start=1):
        if header in filled:
            sheet.cell(row=2, column=column, value=filled[header])
    book.save(path)
    out = files.out("from_template.json")
    result = run("compute", path, "-o", out)
    assert result.returncode == 0, result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))["profiles"][0]
    assert record["code"] == "73.71"
    # 100 * 1 200 000 / 1 482 354 = 80.95232...
    assert record["indicators"]["18.1"]["value"] == pytest.approx(80.952323, rel=1e-7)
    assert_clean_error(results["template_no_output"], 2)


def test_demo_runs_from_any_directory(results: dict[str, Result], files: Files) -> None:
    demo = results["demo"]
    assert demo.returncode == 0, demo.stderr
    for city in ("Provinsi DKI Jakarta", "Kota Makassar", "Kabupaten Banyuwangi"):
        assert city in demo.stdout
    assert "illustrative" in demo.stdout
    assert (files.root / "demo" / "report.html").stat().st_size > 10_000


def test_demo_labels_city_years_when_there_are_several_years(
    results: dict[str, Result], files: Files
) -> None:
    demo = results["demo_years"]
    assert demo.returncode == 0, demo.stderr
    frame = synthetic_frame(2, seed=3)
    city, year = str(frame["city"].iloc[0]), int(frame["year"].iloc[0])
    assert f"{city} {year}" in demo.stdout
    assert f"{city} {year + 1}" in demo.stdout
    assert not (files.root / "demo-years" / "report.html").exists()
    assert_clean_error(results["demo_absent"], 2)
