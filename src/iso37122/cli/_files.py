"""Files of the command line: reading the input options, writing results by extension."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd

from iso37122.cli._parser import OUTPUT_FORMATS
from iso37122.errors import DataError
from iso37122.profile import ProfileSet

__all__ = [
    "UsageError",
    "check_output",
    "neutralise_formulas",
    "read_input",
    "read_mapping",
    "write_results",
]


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


def read_mapping(path: Path) -> dict[str, str]:
    """Read a two-column CSV (file header, variable id) into a header mapping.

    A first row ``header,variable`` (or ``kolom,variabel``) is skipped.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    mapping: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        if len(row) != 2:
            raise DataError(
                f"{path}: row {number} has {len(row)} cells; a column mapping has two per row "
                "(the file's header, then the variable id)"
            )
        header, variable = (cell.strip() for cell in row)
        if number == 1 and variable.lower() in ("variable", "variabel"):
            continue
        mapping[header] = variable
    return mapping


def read_input(args: argparse.Namespace) -> pd.DataFrame:
    """Read the FILE of a command with its reading options into a wide frame."""
    path: Path = args.file
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    if path.stat().st_size == 0:
        raise DataError(f"cannot read {path}: the file is empty")
    try:
        frame = _read_frame(args, path)
    except (
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        json.JSONDecodeError,
        csv.Error,
    ) as error:
        raise DataError(f"cannot read {path}: {error}") from None
    if "code" in frame.columns:
        frame["code"] = frame["code"].map(lambda c: None if pd.isna(c) else str(c))
    if args.columns is not None:
        frame = frame.rename(columns=read_mapping(args.columns))
    return frame


def _separator(path: Path, suffix: str) -> str:
    """Return the separator of a CSV: tab for .tsv, ';' when the header has one, no comma."""
    if suffix == ".tsv":
        return "\t"
    with path.open(encoding="utf-8", errors="replace") as handle:
        header = handle.readline()
    return ";" if ";" in header and "," not in header else ","


def _read_frame(args: argparse.Namespace, path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    frame: pd.DataFrame
    if suffix in (".csv", ".tsv", ".txt"):
        frame = pd.read_csv(
            path,
            sep=args.sep or _separator(path, suffix),
            decimal=args.decimal or ".",
            thousands=args.thousands,
            dtype={"code": str},
        )
    elif suffix == ".json":
        frame = pd.DataFrame(json.loads(path.read_text(encoding="utf-8")))
    elif suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        frame = pd.DataFrame([json.loads(line) for line in lines if line.strip()])
    else:
        raise UsageError(f"cannot read {path.name}: use a .csv, .tsv, .txt, .json or .jsonl file")
    if "code" in frame.columns:
        frame["code"] = frame["code"].map(lambda c: None if pd.isna(c) else str(c))
    if args.columns is not None:
        frame = frame.rename(columns=read_mapping(args.columns))
    return frame


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells that a spreadsheet would run as a formula are quoted.

    Examples
    --------
    >>> neutralise_formulas(pd.DataFrame({"city": ["=HYPERLINK(1)", "Kota"]}))["city"].tolist()
    ["'=HYPERLINK(1)", 'Kota']
    """
    out = frame.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
            out[column] = [
                f"'{v}" if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v
                for v in out[column].astype(object)
            ]
    return out


def check_output(path: Path) -> str:
    """Return the output's extension, or raise :class:`UsageError` for an unknown one."""
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise UsageError(
            f"cannot write {path.name!r}: the output's extension must be one of "
            + ", ".join(OUTPUT_FORMATS)
        )
    return suffix


def write_results(profiles: ProfileSet, path: Path) -> None:
    """Write the results in the format of the extension; refuse an unknown extension."""
    suffix = check_output(path)
    if suffix == ".csv":
        long = profiles.to_frame("long")
        scores = profiles.elements.to_frame()
        m = len(profiles.results.indicators)
        for column in [c for c in scores.columns if c.endswith("_score")]:
            long[column] = np.repeat(scores[column].to_numpy(), m)
        neutralise_formulas(long).to_csv(path, index=False)
    elif suffix == ".json":
        records = [profile.to_dict() for profile in profiles]
        path.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".jsonl":
        lines = [json.dumps(profile.to_dict(), ensure_ascii=False) for profile in profiles]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        raise UsageError(f"writing {suffix} needs the io extra (pip install 'iso37122[all]')")
