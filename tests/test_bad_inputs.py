"""The bad-input corpus (``tests/data/bad/cases.json``), run by one parametrised test.

Each case names a class, an input and the expected outcome with ``strict=True`` and with
``strict=False`` (lenient): either an error (its class, its code, words its message must
contain) or the status of an indicator (and words of its reason, or its value).

Inputs: ``"value"`` puts one value into a complete, valid city-year; ``"record"`` overrides
several fields of it; ``"records"`` gives several such rows; ``"frame"`` builds a one-row
DataFrame with some columns of a special dtype; ``"argument"`` passes one argument of
``compute_profile`` (or of ``Profile.explain``); ``"file"`` writes a file (``text`` in an
``encoding``, ``bytes_b64``, or XLSX ``sheets`` with ``merge``d ranges) that is read by
``read_table``, by ``compute_profile`` and by the command line. JSON cannot hold every
Python value, so a value may be an object with one ``"$kind"`` key, decoded by :func:`decode`.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pint
import pytest

import iso37122.errors as errors
from iso37122 import compute_profile
from iso37122.cli import main
from iso37122.indicators import CATALOGUE
from iso37122.io import read_table
from iso37122.profile import Profile, ProfileSet
from iso37122.testing import synthetic_frame
from iso37122.units import Quantity

CORPUS = json.loads((Path(__file__).parent / "data" / "bad" / "cases.json").read_text("utf-8"))
CASES: list[dict[str, Any]] = CORPUS["cases"]
OTHER_REGISTRY: pint.UnitRegistry[float] = pint.UnitRegistry()


def _baseline() -> dict[str, Any]:
    row = synthetic_frame(1, seed=7).iloc[0]
    return {
        str(key): row[key].item() if hasattr(row[key], "item") else row[key] for key in row.index
    }


BASELINE = _baseline()


def _cells(overrides: Mapping[str, Any]) -> list[Any]:
    return list((BASELINE | dict(overrides)).values())


def _csv_cell(value: Any) -> str:
    """A cell of a CSV row: '720.805' would be ambiguous (720805?), so it is '720.8050'."""
    text = str(value)
    return text + "0" if isinstance(value, float) and len(text.partition(".")[2]) == 3 else text


def decode(value: Any) -> Any:
    """Turn a JSON value of the corpus into the Python value it stands for."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict) or not value:
        return value
    ((kind, arg),) = value.items()
    simple: dict[str, Callable[[Any], Any]] = {
        "$bool": bool,
        "$bytes": lambda a: a.encode(),
        "$bytearray": lambda a: bytearray(a.encode()),
        "$date": dt.date.fromisoformat,
        "$datetime": dt.datetime.fromisoformat,
        "$timestamp": pd.Timestamp,
        "$timedelta": lambda a: dt.timedelta(days=a),
        "$float": float,
        "$decimal": Decimal,
        "$int_power": lambda a: 10**a,
        "$fraction": lambda a: Fraction(*a),
        "$object": lambda a: object(),
        "$array": np.array,
        "$series": pd.Series,
        "$float32": lambda a: pd.Series(a, dtype="float32"),
        "$categorical": lambda a: pd.Series(a, dtype="category"),
        "$string": lambda a: pd.Series(a, dtype="string"),
        "$list": lambda a: pd.Series(decode(a), dtype=object),
        "$repeat": lambda a: a[0] * a[1],
        "$concat": lambda a: "".join(decode(a)),
    }
    if kind in simple:
        return simple[kind](arg)
    if kind == "$complex":
        return complex(*arg)
    if kind == "$np":
        dtype, number = arg
        return np.array(complex(*number) if isinstance(number, list) else number, dtype=dtype)[()]
    if kind in ("$tuple", "$set"):
        return (tuple if kind == "$tuple" else set)(decode(arg))
    if kind == "$dict":
        return {key: decode(v) for key, v in arg.items()}
    if kind == "$quantity":
        return Quantity(
            np.array(decode(arg[0]))[()] if isinstance(arg[0], list) else decode(arg[0]), arg[1]
        )
    if kind == "$other_quantity":
        return OTHER_REGISTRY.Quantity(arg[0], arg[1])
    if kind == "$header":  # the baseline's header, joined by a delimiter, some renamed
        sep, renames = (arg, {}) if isinstance(arg, str) else arg
        return str(sep).join(renames.get(name, name) for name in BASELINE)
    if kind == "$row":  # the baseline's row with overrides, joined by a delimiter
        return str(arg[0]).join(_csv_cell(v) for v in _cells(arg[1]))
    if kind == "$table":  # header and rows with overrides, as XLSX cells
        return [list(BASELINE), *(_cells(o) for o in arg)]
    if kind == "$record":
        return BASELINE | arg
    if kind == "$record_int_key":
        return {**BASELINE, 1: arg}
    if kind == "$multiindex_frame":
        frame = pd.DataFrame([BASELINE])
        frame.columns = pd.MultiIndex.from_tuples([(c, "") for c in frame.columns])
        return frame
    if kind == "$duplicate_columns_frame":
        frame = pd.DataFrame([BASELINE])
        return pd.concat([frame, frame[[arg]]], axis=1)
    raise ValueError(f"unknown corpus value kind {kind!r}")


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: decode(value) for key, value in record.items()}


def write_file(given: Mapping[str, Any], folder: Path) -> Path:
    """Write the file of a ``"file"`` case into ``folder``."""
    path = folder / str(given["name"])
    if "text" in given:
        path.write_bytes(decode(given["text"]).encode(given.get("encoding", "utf-8")))
    elif "bytes_b64" in given:
        path.write_bytes(base64.b64decode(given["bytes_b64"]))
    else:
        workbook = openpyxl.Workbook()
        for default in list(workbook.worksheets):
            workbook.remove(default)
        for title, rows in given["sheets"].items():
            sheet = workbook.create_sheet(title)
            for row in decode(rows):
                sheet.append(row)
            for cells in given.get("merge", []):
                sheet.merge_cells(cells)
        workbook.save(path)
    return path


def run(case: Mapping[str, Any], strict: bool, folder: Path | None = None) -> Any:
    """Run one case through compute_profile (or Profile.explain)."""
    given = case["input"]
    kind = given["kind"]
    if kind == "file":
        assert folder is not None
        return compute_profile(write_file(given, folder), strict=strict)
    if kind == "value":
        return compute_profile(
            BASELINE | {given["variable"]: decode(given["value"])}, strict=strict
        )
    if kind == "record":
        return compute_profile(BASELINE | _fields(given["record"]), strict=strict)
    if kind == "records":
        return compute_profile([BASELINE | _fields(r) for r in given["records"]], strict=strict)
    if kind == "frame":
        frame = pd.DataFrame([BASELINE])
        for column, values in given["columns"].items():
            frame[column] = decode(values)
        return compute_profile(frame, strict=strict)
    assert kind == "argument"
    name, value = given["name"], decode(given["value"])
    if name == "data":
        return compute_profile(value, strict=strict)
    if name == "explain":
        return compute_profile(BASELINE, strict=strict).explain(value)
    options: dict[str, Any] = {"strict": strict, name: value}
    return compute_profile(BASELINE, **options)


def _clause_rows(
    result: Profile | ProfileSet, case: Mapping[str, Any], expected: Mapping[str, Any]
) -> list[Any]:
    profiles: list[Profile] = [result] if isinstance(result, Profile) else list(result)
    given = case["input"]
    if "city" in expected:  # one city of several
        profiles = [p for p in profiles if p.city == expected["city"]]
    if "clause" in expected:
        return [p[expected["clause"]] for p in profiles]
    if "variable" not in given:  # a file case without a clause: every indicator
        return [r for p in profiles for r in p.indicators.values()]
    # every indicator that reads the variable
    return [
        r
        for p in profiles
        for r in p.indicators.values()
        if given["variable"] in CATALOGUE[r.clause].inputs
    ]


def _check_error(error: BaseException, expected: Mapping[str, Any]) -> None:
    error_class = getattr(errors, expected["error"])
    assert isinstance(error, error_class), f"{type(error).__name__}: {error}"
    codes = {getattr(error, "code", None)} | {p.rule for p in getattr(error, "problems", ())}
    assert expected["code"] in codes, f"codes {codes}: {error}"
    for word in expected["words"]:
        assert word.lower() in str(error).lower(), f"{word!r} not in {error}"


@pytest.mark.parametrize("mode", ["strict", "lenient"])
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case: dict[str, Any], mode: str, tmp_path: Path) -> None:
    expected = case[mode]
    strict = mode == "strict"
    if "error" in expected:
        with pytest.raises(errors.Iso37122Error) as caught:
            run(case, strict, tmp_path)
        error = caught.value
        _check_error(error, expected)
        if case["input"]["kind"] == "value" and strict and isinstance(error, errors.DataError):
            (problem,) = error.problems
            assert (problem.row, problem.variable) == (0, case["input"]["variable"])
            assert problem.message.startswith(f"{problem.variable} = ")
        return
    result = run(case, strict, tmp_path)
    rows = _clause_rows(result, case, expected)
    assert rows
    for row in rows:
        assert row.status.value == expected["status"], row
        for word in expected["words"]:
            assert word in (row.reason or ""), row.reason
        if "value" in expected:
            assert row.value == expected["value"]


def test_corpus_size_and_classes() -> None:
    classes = {c["class"] for c in CASES}
    assert len(CASES) >= 120
    assert classes == {
        "type",
        "number",
        "text",
        "unit",
        "constraint",
        "identity",
        "argument",
        "config",
        "file",
    }
    assert sum(c["class"] == "file" for c in CASES) >= 30
    assert len({c["id"] for c in CASES}) == len(CASES)


FILE_CASES = [c for c in CASES if c["input"]["kind"] == "file"]


@pytest.mark.parametrize("case", FILE_CASES, ids=[c["id"] for c in FILE_CASES])
def test_file_case_through_read_table(case: dict[str, Any], tmp_path: Path) -> None:
    """``read_table`` agrees with ``compute_profile``: same error, or a frame of the rows.

    Parts above their wholes are found by ``compute_profile``, not by the reader.
    """
    path = write_file(case["input"], tmp_path)
    for mode in ("strict", "lenient"):
        expected = case[mode]
        if "error" in expected and expected["code"] != "constraint":
            with pytest.raises(errors.Iso37122Error) as caught:
                read_table(path, strict=mode == "strict")
            _check_error(caught.value, expected)
        else:
            frame = read_table(path, strict=mode == "strict")
            assert isinstance(frame, pd.DataFrame)
            assert len(frame) >= 1
            assert list(frame["city"]) == case.get("cities", [BASELINE["city"]] * len(frame))


CSV_CASES = [c for c in FILE_CASES if c["input"]["name"].endswith(".csv")]


@pytest.mark.parametrize("case", CSV_CASES, ids=[c["id"] for c in CSV_CASES])
def test_file_case_on_the_command_line(case: dict[str, Any], tmp_path: Path) -> None:
    """``iso37122 compute FILE -o OUT.csv``: status 0 with a table, or 1 without a traceback."""
    path = write_file(case["input"], tmp_path)
    out = tmp_path / "out.csv"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["compute", str(path), "-o", str(out)])
    assert "Traceback" not in stderr.getvalue()
    if "error" in case["lenient"]:
        assert status == 1, stderr.getvalue()
        assert stderr.getvalue().strip()
    else:
        assert status in (0, 1), stderr.getvalue()
        assert status == 1 or out.stat().st_size > 0


def test_baseline_computes_every_indicator() -> None:
    profile = compute_profile(BASELINE, strict=True)
    assert {r.status.value for r in profile.indicators.values()} == {"computed"}
