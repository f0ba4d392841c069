"""The command line: exit codes, no tracebacks, safe text on the terminal and in CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from iso37122.cli import main
from iso37122.datasets import PILOT_AREAS_CSV

EXAMPLE = PILOT_AREAS_CSV


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"city,year,populaton\nA,2024,1\n", "did you mean 'population'"),
        (b"city,year,population\nA,2500,1\n", "1900 to 2100"),
        (b"city,year,population\nA,2024,1\nA,2024,2\n", "more than one row"),
        (b"", "is empty"),
        (b"\xff\xfe\x00\x01binary\x00", "not valid utf-16"),
        # An unterminated quote would swallow the rest of the file: refused, naming the line.
        (b'city,year,population\n"A,2024,1\n', "check the quotes"),
    ],
    ids=["unknown-column", "year", "duplicate", "empty", "binary", "unterminated-quote"],
)
def test_data_problems_exit_1_with_one_line_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, _, err = _run(["demo", str(path), "--no-report"], capsys)
    assert code == 1
    assert words in err
    assert "Traceback" not in err
    assert err.startswith("iso37122: ")


def test_debug_shows_the_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("city,year,populaton\nA,2024,1\n")
    code, _, err = _run(["--debug", "demo", str(path), "--no-report"], capsys)
    assert code == 1
    assert "Traceback" in err
    assert "UnknownVariableError" in err


def test_usage_problems_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["demo", str(tmp_path / "missing.csv")], capsys)
    assert code == 2
    assert "missing.csv" in err
    assert main(["no-such-command"]) == 2  # argparse's own usage error, as a status


def test_names_are_stripped_of_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # JSON can carry any character in a name (a CSV with control characters is refused).
    path = tmp_path / "cities.json"
    path.write_text('[{"city": "Kota\\u001b[2J Baru\\u202e", "year": 2024, "population": 1000}]')
    code, out, _ = _run(["demo", str(path), "--no-report"], capsys)
    assert code == 0
    assert "Kota[2J Baru" in out
    assert "\x1b" not in out
    assert "\u202e" not in out


def test_formula_like_names_are_neutralised_in_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cities.csv"
    source.write_text('city,year,population\n"=HYPERLINK(""http://x"")",2024,1000\n')
    output = tmp_path / "out.csv"
    code, _, _ = _run(["compute", str(source), "-o", str(output)], capsys)
    assert code == 0
    written = pd.read_csv(output, dtype=str)
    assert set(written["city"]) == {'\'=HYPERLINK("http://x")'}
    # numbers are not touched: a negative value stays a number
    assert not written["value"].dropna().str.startswith("'").any()


def test_the_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["demo", str(EXAMPLE), "--no-report"], capsys)
    assert (code, err) == (0, "")
    assert "Kota Makassar" in out
