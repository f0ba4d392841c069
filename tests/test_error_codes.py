"""The error contract: every code the library uses is an ErrorCode, and the docs list them all."""

from __future__ import annotations

import ast
import json
import re
import typing
from pathlib import Path

import iso37122
import iso37122.errors as errors

CODES = set(typing.get_args(errors.ErrorCode))
SOURCE = Path(iso37122.__file__).parent


def test_the_docstring_table_lists_exactly_the_codes() -> None:
    listed = set(re.findall(r"^``(\w+)``\s", errors.__doc__ or "", flags=re.M))
    assert listed == CODES


def _codes_in_source() -> set[str]:
    """String constants passed as ``code=``, as a Problem's rule, or set as a class's code."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                        found.add(str(keyword.value.value))
                name = getattr(node.func, "id", "")
                if name == "Problem" and len(node.args) >= 6:
                    rule = node.args[5]
                    if isinstance(rule, ast.Constant):
                        found.add(str(rule.value))
            targets = [getattr(t, "id", "") for t in getattr(node, "targets", ())]
            value = getattr(node, "value", None)
            if targets == ["code"] and isinstance(value, ast.Constant):
                found.add(str(value.value))
    return found


def test_every_code_in_the_source_is_an_error_code() -> None:
    used = _codes_in_source()
    assert used - CODES == set()
    assert len(used) >= 15  # the scan finds the codes (a broken scan would find none)


def test_every_code_of_the_corpus_is_an_error_code_and_every_class_has_one() -> None:
    corpus = json.loads((Path(__file__).parent / "data" / "bad" / "cases.json").read_text())
    expected = {
        c[m]["code"] for c in corpus["cases"] for m in ("strict", "lenient") if "error" in c[m]
    }
    assert expected <= CODES
    for cls in (
        errors.ArgumentError,
        errors.ConfigError,
        errors.UnknownIndicatorError,
        errors.UnitError,
    ):
        assert cls.code in CODES


def test_every_data_error_of_the_readers_and_writers_carries_a_code() -> None:
    """A file error is told apart by its code (``bad_file``, ``bad_year`` ...), not its text."""
    calls = [
        (path.name, node.lineno, {k.arg for k in node.keywords})
        for path in (SOURCE / "io").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "DataError"
    ]
    assert len(calls) >= 30  # the scan finds the raises
    assert [(name, line) for name, line, keywords in calls if "code" not in keywords] == []
