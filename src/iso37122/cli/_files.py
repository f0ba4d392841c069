"""Files of the command line: the reading options into ``read_table``, results by extension."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Literal

import pandas as pd

from iso37122.cli._parser import OUTPUT_FORMATS
from iso37122.data import Extra
from iso37122.errors import DataError
from iso37122.io import read_table
from iso37122.profile import ProfileSet

__all__ = ["UsageError", "check_output", "extra", "read_input", "read_mapping", "write_results"]


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


def extra(args: argparse.Namespace) -> Extra:
    """``"ignore"`` when the command was asked to drop unknown columns, else ``"forbid"``."""
    return "ignore" if getattr(args, "ignore_unknown", False) else "forbid"


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


def read_input(args: argparse.Namespace, *, strict: bool = False) -> pd.DataFrame:
    """Read the FILE of a command with its reading options (see :func:`iso37122.read_table`)."""
    path: Path = args.file
    if not path.is_file():
        raise FileNotFoundError(2, "no such file", str(path))
    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    return read_table(
        path,
        sep=args.sep,
        decimal=args.decimal,
        thousands=args.thousands,
        sheet=sheet,
        columns=read_mapping(args.columns) if args.columns is not None else None,
        strict=strict,
        extra=extra(args),
    )


def check_output(path: Path) -> str:
    """Return the output's extension, or raise :class:`UsageError` for an unknown one."""
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise UsageError(
            f"cannot write {path.name!r}: the output's extension must be one of "
            + ", ".join(OUTPUT_FORMATS)
        )
    return suffix


def write_results(
    profiles: ProfileSet,
    path: Path,
    *,
    lang: Literal["en", "id"] = "en",
    kind: Literal["long", "wide"] = "long",
) -> None:
    """Write the results in the format of the extension, element scores included."""
    suffix = check_output(path)
    if suffix == ".csv":
        profiles.to_csv(path, kind=kind, lang=lang)
    elif suffix == ".xlsx":
        profiles.to_excel(path, lang=lang)
    elif suffix == ".parquet":
        profiles.to_parquet(path, kind=kind)
    elif suffix == ".json":
        profiles.to_json(path)
    else:
        profiles.to_jsonl(path)
