"""The pyarrow reading of plain CSVs gives what the general reader gives, cell for cell."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.errors import DataError, UnitError
from iso37122.io import _sources
from iso37122.io._fastcsv import arrow_csv_cells

PLAIN = ["12", "+3", "007", "-0", "123456", "0", "42", "2506603"]
DECIMALS = ["12.5", "0.500", "5.000", "1.250", ".5", "123.456", "1234.567", "0.25", "-7.125"]
TRICKY = [
    "...",
    "…",
    "-",
    "–",
    "NA",
    "",
    "  ",
    "inf",
    "abc",
    "5.",
    "1 234",
    "1.234.567",
    "9999",
    "x",
    " 12",
    "12.5 ",
    "17,5",
    "1,500",
    "1,234.5",
    "2.506.603",
]
HEADERS = ["city", "year", "code", "population", "land_area (ha)", "road_length", "households"]
OPTIONS: list[dict[str, Any]] = [
    {},
    {"dash": "zero"},
    {"na_values": ["9999", "x"]},
    {"decimal": "."},
    {"thousands": ",", "decimal": "."},
    {"decimal": ","},
]


def _cell(rng: random.Random, style: str, sep: str) -> str:
    pool = {"plain": PLAIN, "decimal": DECIMALS + PLAIN}.get(style, PLAIN + DECIMALS)
    if rng.random() < 0.15:
        pool = TRICKY
    if style == "area" and rng.random() < 0.1:
        pool = ["12 ha", "3 km2", "0,5 km2", "7.5 ha"]
    cell = rng.choice(pool)
    return cell if sep not in cell else rng.choice(PLAIN)


def _file(rng: random.Random, sep: str) -> str:
    styles = [rng.choice(["plain", "decimal", "mixed"]) for _ in HEADERS[3:]]
    styles[1] = "area"
    lines = [sep.join(HEADERS)]
    for i in range(rng.randint(1, 30)):
        cells = [f"Kota {i}", "2024", f"{3200 + i}"]
        cells += [_cell(rng, style, sep) for style in styles]
        lines.append(sep.join(cells))
    return "\n".join(lines) + "\n"


def _general(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """``read_table`` with the pyarrow path switched off."""

    def read(*args: Any, **kwargs: Any) -> Any:
        with monkeypatch.context() as m:
            m.setattr(_sources, "arrow_csv_cells", lambda text, sep: None)
            return iso.read_table(*args, **kwargs)

    return read


def _outcome(read: Callable[..., Any], data: bytes, options: dict[str, Any]) -> Any:
    try:
        frame = read(data, format="csv", **options)
    except (DataError, UnitError) as e:
        return type(e).__name__, str(e), getattr(e, "code", None)
    return frame


def _same_under_every_option(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Both readers give the same frame and problems, or the same error, under every option."""
    general = _general(monkeypatch)
    for options in OPTIONS:
        fast = _outcome(iso.read_table, text.encode(), options)
        slow = _outcome(general, text.encode(), options)
        if isinstance(slow, tuple) or isinstance(fast, tuple):
            assert fast == slow, options
            continue
        pd.testing.assert_frame_equal(fast, slow)
        assert fast.attrs["iso37122.problems"] == slow.attrs["iso37122.problems"], options


@pytest.mark.parametrize("seed", range(40))
def test_fast_path_equals_the_general_reader_on_dirty_files(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    sep = rng.choice([";", ",", "\t"])
    text = _file(rng, sep)
    assert arrow_csv_cells(text, sep) is not None  # the file takes the pyarrow path
    _same_under_every_option(monkeypatch, text)


def test_a_bad_cell_deep_in_a_large_column_is_named_with_its_file_row() -> None:
    n = 20_000
    rng = np.random.default_rng(0)
    population = rng.integers(1_000, 3_000_000, n).astype(str).astype(object)
    area = np.round(rng.uniform(10, 5_000, n), 2).astype(str).astype(object)
    population[14_999] = "banyak"  # file row 15 001 (the header is row 1)
    area[17_499] = "5.000"  # reads two ways... but the column's other cells prove a point
    population[18_999] = "..."
    lines = ["city;year;population;land_area"]
    lines += [
        f"Kota {i};2024;{p};{a}" for i, (p, a) in enumerate(zip(population, area, strict=True))
    ]
    frame = iso.read_table("\n".join(lines).encode(), format="csv")
    problems = frame.attrs["iso37122.problems"]
    assert [(p.row, p.variable, p.rule) for p in problems] == [
        (14_999, "population", "not_a_number")
    ]
    assert "row 15001, column C 'population'" in problems[0].message
    assert "'banyak'" in problems[0].message
    assert frame["land_area"].iloc[17_499] == 5.0
    assert np.isnan(frame["population"].iloc[18_999])
    expected = population[:10].astype(float)
    assert frame["population"].iloc[:10].tolist() == expected.tolist()


def test_a_grouping_proof_deep_in_the_file_reads_the_whole_column_as_bps_numbers() -> None:
    cells = ["5.000"] * 9_999 + ["1.234.567"]
    lines = ["city;year;population"] + [f"Kota {i};2024;{c}" for i, c in enumerate(cells)]
    frame = iso.read_table("\n".join(lines).encode(), format="csv")
    assert frame["population"].iloc[0] == 5000.0
    assert frame["population"].iloc[-1] == 1234567.0
    assert frame.attrs["iso37122.problems"] == ()


def test_ambiguous_cells_without_proof_are_each_named() -> None:
    lines = ["city;year;population"] + [f"Kota {i};2024;{i + 1}" for i in range(5_000)]
    lines[3_001] = "Kota X;2024;5.000"
    frame = iso.read_table("\n".join(lines).encode(), format="csv")
    (problem,) = frame.attrs["iso37122.problems"]
    assert problem.rule == "ambiguous_number"
    assert problem.message.startswith("the given bytes, row 3002, column C 'population'")
    assert "could be 5 000" in problem.message or "5000" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        'city;year;population\n"Kota A";2024;5\n',  # quotes
        "city;year;population\n\nKota A;2024;5\n",  # a blank line
        "city;year;population\r\nKota A;2024;5\rKota B;2024;6\n",  # a bare carriage return
        "city;year;population\nKota A;2024;5;\n",  # a trailing delimiter
        "city;year;;population\nKota A;2024;;5\n",  # an empty header
    ],
)
def test_files_that_are_not_plain_go_to_the_general_reader(text: str) -> None:
    assert arrow_csv_cells(text, ";") is None


def test_all_blank_rows_are_skipped_and_rows_keep_their_numbers() -> None:
    text = "city;year;population\nKota A;2024;5\n;;\nKota B;2024;x\n"
    frame = iso.read_table(text.encode(), format="csv")
    assert frame["city"].tolist() == ["Kota A", "Kota B"]
    (problem,) = frame.attrs["iso37122.problems"]
    assert "row 4, column C 'population'" in problem.message


@pytest.mark.parametrize("cell", ["2 kg", "1e5 kg", "1.5e3 m"])
def test_a_wrong_unit_in_a_cell_is_the_same_error(
    monkeypatch: pytest.MonkeyPatch, cell: str
) -> None:
    text = f"city;year;land_area (ha)\nKota A;2024;12.5\nKota B;2024;{cell}\n"
    fast = _outcome(iso.read_table, text.encode(), {})
    assert isinstance(fast, tuple)
    assert fast[0] == "UnitError"
    assert "row 3, column C 'land_area (ha)'" in fast[1]
    assert fast == _outcome(_general(monkeypatch), text.encode(), {})


@pytest.mark.parametrize("cells", [("5.000", "0.500"), ("0.500", "5.000")])
def test_a_leading_zero_proves_a_decimal_point_in_either_order(
    monkeypatch: pytest.MonkeyPatch, cells: tuple[str, str]
) -> None:
    text = "city;year;land_area (km2)\n" + "".join(
        f"Kota {i};2024;{c}\n" for i, c in enumerate(cells)
    )
    for read in (iso.read_table, _general(monkeypatch)):
        frame = read(text.encode(), format="csv")
        assert frame["land_area"].tolist() == [float(c) for c in cells]
        assert frame.attrs["iso37122.problems"] == ()


def test_a_file_read_in_several_pyarrow_blocks_equals_the_general_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    n = 60_000
    rng = np.random.default_rng(1)
    population = rng.integers(1_000, 3_000_000, n).astype(str).astype(object)
    area = rng.uniform(10, 5_000, n).astype(str).astype(object)
    for k, cell in [(41_000, "x"), (52_345, "5.000"), (59_999, "..."), (30_000, "-1")]:
        population[k] = cell
    area[45_678] = "12 ha"
    lines = ["city;year;code;population;land_area (km2)"]
    lines += [
        f"Kota Panjang Sekali Namanya {i};2024;{3_000_000 + i};{p};{a}"
        for i, (p, a) in enumerate(zip(population, area, strict=True))
    ]
    data = "\n".join(lines).encode()
    assert len(data) > 4 * 2**20  # several of pyarrow's 1 MiB blocks
    fast = iso.read_table(data, format="csv")
    slow = _general(monkeypatch)(data, format="csv")
    pd.testing.assert_frame_equal(fast, slow)
    assert fast.attrs["iso37122.problems"] == slow.attrs["iso37122.problems"]
    # "5.000" in a column of whole numbers reads two ways; "-1" is below the minimum.
    assert {p.row for p in fast.attrs["iso37122.problems"]} == {30_000, 41_000, 52_345}


NEAR_PLAIN = ["5.", ".5", "-.5", "+.5", "+-5", "1e5", "1E+06", "inf", "nan", "1.2.3", "-", "+"]
NEAR_PLAIN += ["5-", "12 ", "1,5", "\u0663", "0x10", "5.000", "-123.456", "0.500", "+5.000"]
NEAR_PLAIN += ["1234.567", "12.34", "", "7", "-0", "+3", "007", "99.000", "0.000", "-1.5"]


@pytest.mark.parametrize("seed", range(30))
def test_plain_column_agrees_with_the_plain_decimal_pattern(seed: int) -> None:
    import re

    import pyarrow as pa

    from iso37122.io._fastcsv import TextCells

    rng = random.Random(seed)
    columns: list[list[str]] = []
    for _ in range(rng.randint(1, 6)):
        pool = NEAR_PLAIN if rng.random() < 0.5 else PLAIN + DECIMALS[:4] + ["", "-1.5", "5.000"]
        columns.append([rng.choice(pool) for _ in range(rng.randint(0, 12))])
    cells = [
        TextCells(pa.chunked_array([pa.array(c[:3], pa.string()), pa.array(c[3:], pa.string())]))
        for c in columns
    ]
    pattern = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)
    ambiguous_pattern = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}", re.ASCII)
    for column, held in zip(columns, cells, strict=True):
        plain = held.plain_numbers()
        if not column:
            assert plain is None
            continue
        assert plain is not None
        values, size, ambiguous, shaped = plain
        is_plain = [bool(pattern.fullmatch(c)) for c in column]
        if shaped is None:  # every cell empty or plain
            assert all(p or c == "" for p, c in zip(is_plain, column, strict=True))
        else:
            assert shaped.tolist() == is_plain
        expected = [float(c) if p else np.nan for p, c in zip(is_plain, column, strict=True)]
        np.testing.assert_array_equal(values, expected)
        assert size.tolist() == [len(c.encode()) for c in column]
        assert ambiguous.tolist() == [bool(ambiguous_pattern.fullmatch(c)) for c in column]


@pytest.mark.parametrize("seed", range(20))
def test_fast_path_equals_the_general_reader_on_plain_number_files(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    sep = rng.choice([";", ",", "\t"])
    pools = [PLAIN, [*DECIMALS[:4], "0.25", "-7.125", ""], [*PLAIN, "5.000", "123.456", ""]]
    lines = [sep.join(HEADERS)]
    styles = [rng.choice(pools) for _ in HEADERS[3:]]
    for i in range(rng.randint(1, 30)):
        lines.append(
            sep.join([f"Kota {i}", "2024", f"{3200 + i}"] + [rng.choice(p) for p in styles])
        )
    text = "\n".join(lines) + "\n"
    assert arrow_csv_cells(text, sep) is not None
    _same_under_every_option(monkeypatch, text)


SPACES_AROUND = ["", " ", "\t", " \t ", "\u00a0", "\u3000"]
"""Spaces around a name: ASCII ones (other controls make the file binary), then Unicode."""
YEARS = ["2024", " 2023 ", "02024", "123456789", "1234567890", "2024.0", "x", "\u0662\u0660", ""]
CODES = ["73.71", " 35.10 ", "", "\u00a035.10"]


@pytest.mark.parametrize("seed", range(40))
def test_fast_identities_equal_the_general_reader(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Names stripped by pyarrow as str.strip strips them; beyond ASCII, by Python.

    Each identity column is, by turns, one the pyarrow path keeps (ASCII spaces, plain
    years) or one with an odd cell (Unicode spaces, a ten-digit or Arabic-Indic year, an
    empty city) that sends the file to the general loop, which names every bad row.
    """
    rng = random.Random(seed)
    sep = rng.choice([";", ","])
    odd = {k: rng.random() < 0.3 for k in ("city", "year", "code")}
    lines = [sep.join(["city", "year", "code", "population"])]
    n = rng.randint(1, 12)
    for i in range(n):
        strange = {k: odd[k] and rng.random() < 0.5 for k in odd}
        around = SPACES_AROUND if strange["city"] else SPACES_AROUND[:4]
        name = rng.choice(["Kota", "Kab. Éé", ""] if strange["city"] else ["Kota", "Kab."])
        city = f"{rng.choice(around)}{name} {i}{rng.choice(around)}" if name else ""
        year = rng.choice(YEARS if strange["year"] else YEARS[:4])
        code = rng.choice(CODES if strange["code"] else CODES[:3])
        count = rng.choice([str(i), "banyak"])  # a problem names the row's city and year
        lines.append(sep.join([city, year, code, count]))
    text = "\n".join(lines) + "\n"
    assert arrow_csv_cells(text, sep) is not None
    _same_under_every_option(monkeypatch, text)


@pytest.mark.parametrize(
    ("city", "year", "code"),
    [
        (" \tKota B\t ", " 2023 ", " 35.10 "),  # ASCII spaces: stripped by pyarrow
        ("", "2024", ""),  # no city: the general loop's error, naming the row
        ("\u00a0Kota C\u3000", "2024", ""),  # Unicode spaces: stripped by Python
        ("Kota D", "2024.5", ""),  # not a whole year
        ("Kota E", "\u0662\u0660\u0662\u0664", "73.71"),  # digits of another script
    ],
)
def test_each_odd_identity_reads_as_the_general_reader_reads_it(
    monkeypatch: pytest.MonkeyPatch, city: str, year: str, code: str
) -> None:
    text = f"city;year;code;population\nKota A;2024;73.71;banyak\n{city};{year};{code};12\n"
    assert arrow_csv_cells(text, ";") is not None
    _same_under_every_option(monkeypatch, text)


def test_the_space_class_pyarrow_runs_is_the_rules_spaces() -> None:
    import re

    from iso37122.io._cells import SPACE_CLASS
    from iso37122.io._text import SPACES

    assert "\\u" not in SPACE_CLASS  # pandas would give a \u escape to Python's re
    differ = [
        hex(code)
        for code in range(0x3000)
        if bool(re.fullmatch(SPACE_CLASS, chr(code))) != bool(SPACES.fullmatch(chr(code)))
    ]
    assert differ == []


@pytest.mark.parametrize("seed", range(10))
def test_digits_as_nines_is_the_digit_pattern(seed: int) -> None:
    from iso37122.io._cells import digits_as_nines

    rng = random.Random(seed)
    alphabet = "0123456789.,+- abc%\u00a0" + ("\u0663\u00b2" if seed % 2 else "")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(40)]
    series = pd.Series(texts, dtype=pd.StringDtype("pyarrow"))
    nines = digits_as_nines(series)
    assert nines.tolist() == series.str.replace(r"\d", "9", regex=True).tolist()
    assert nines.tolist() == [re.sub(r"\d", "9", t) for t in texts]
