"""The argument parser of the ``iso37122`` command: every subcommand, every option's help."""

from __future__ import annotations

import argparse
from importlib.metadata import version
from pathlib import Path
from typing import Any

from iso37122.elements import KeyElement
from iso37122.themes import Theme

__all__ = ["OUTPUT_FORMATS", "build_parser", "help_pages"]

OUTPUT_FORMATS = (".csv", ".xlsx", ".parquet", ".json", ".jsonl")
"""File extensions ``compute -o`` writes."""

_EPILOG = """\
exit status: 0 success, 1 a problem with the data, 2 a usage error (a wrong argument, a
file that does not exist).
Run 'iso37122 COMMAND --help' for the options of one command."""


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("en", "id"),
        default="en",
        help="language of titles, names, statuses and units: en (English, default) or id "
        "(Bahasa Indonesia)",
    )


def _input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="city data: a wide table (one row per city-year; columns city, year, optional "
        "code, one column per variable) as CSV, TSV, XLSX, Parquet, JSON or JSON Lines",
    )
    reading = parser.add_argument_group("reading the file")
    reading.add_argument(
        "--sep", help="CSV column separator (default: detected among ';', tab, ',' and '|')"
    )
    reading.add_argument(
        "--decimal",
        help="decimal mark of the numbers: '.' or ',' (Indonesian files: --decimal ,)",
    )
    reading.add_argument(
        "--thousands", help="thousands separator of the numbers, e.g. '.' in 1.482.354"
    )
    reading.add_argument("--sheet", help="XLSX sheet to read, by name or zero-based position")
    reading.add_argument(
        "--columns",
        type=Path,
        metavar="MAPPING.csv",
        help="a two-column CSV (header, variable) mapping the file's headers to variable ids",
    )
    reading.add_argument(
        "--ignore-unknown",
        action="store_true",
        help="drop columns that are not variables instead of stopping (default: stop)",
    )


def help_pages(width: int = 88) -> dict[str, str]:
    """Return the ``--help`` text of the command (key ``""``) and of every subcommand.

    The width is fixed, so that the text can be published (the CLI reference of the docs).
    """
    parser, commands = _build(width)
    pages = {"": parser.format_help()}
    pages.update({name: sub.format_help() for name, sub in commands.choices.items()})
    return pages


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the whole command line (help fits the terminal)."""
    return _build(None)[0]


def _build(width: int | None) -> tuple[argparse.ArgumentParser, Any]:
    def formatter(prog: str) -> argparse.HelpFormatter:
        return argparse.HelpFormatter(prog, width=width)

    parser = argparse.ArgumentParser(
        prog="iso37122",
        description="ISO 37122:2019 smart-city indicators, rolled up into Indonesia's three key "
        "elements: catalogue, data templates, validation, computation and reports.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"iso37122 {version('iso37122')}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_parser = commands.add_parser

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = add_parser(name, formatter_class=formatter, **kwargs)
        return sub

    catalogue = command(
        "catalogue",
        help="list or search the 80 indicators; show one in full",
        description="List the indicators, search them by clause, name or words of either title, "
        "or show one in full ('iso37122 catalogue 18.1').",
    )
    catalogue.add_argument(
        "query",
        nargs="?",
        metavar="QUERY",
        help="a clause (18.1) or name shows that indicator in full; other words search the "
        "clause, name and both titles (every word must match)",
    )
    catalogue.add_argument(
        "--theme",
        choices=[t.value for t in Theme],
        metavar="THEME",
        help="only this theme: " + ", ".join(t.value for t in Theme),
    )
    catalogue.add_argument(
        "--element",
        choices=[e.value for e in KeyElement],
        help="only indicators of this key element (the library's default mapping)",
    )
    _lang(catalogue)
    catalogue.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (for reading, default), csv or json (every field, for tools)",
    )

    template = command(
        "template",
        help="write an empty data-collection template (.xlsx or .csv)",
        description="Write a data-collection template: one column per variable, with units "
        "and descriptions (in XLSX: an instructions sheet, cell comments, number formats and "
        "validation), to fill in and read back with 'validate' or 'compute'.",
    )
    template.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the template to write: .xlsx (with instructions) or .csv",
    )
    template.add_argument(
        "--theme",
        choices=[t.value for t in Theme],
        metavar="THEME",
        help="only the variables of this theme's indicators (default: every variable)",
    )
    template.add_argument(
        "--element",
        choices=[e.value for e in KeyElement],
        help="only the variables of this key element's indicators",
    )
    template.add_argument(
        "--layout",
        choices=("wide", "long"),
        default="wide",
        help="wide (one row per city-year, default) or long (one row per variable)",
    )
    _lang(template)

    validate = command(
        "validate",
        help="check a data file and list every problem",
        description="Check a data file: every problem is listed with its file row and column. "
        "Exit status 1 when there is any problem.",
    )
    _input(validate)
    _lang(validate)

    compute = command(
        "compute",
        help="compute every indicator and element score and write them to a file",
        description="Compute every indicator and the three element scores of each city-year, "
        "and write them; the output format follows the extension of -o.",
    )
    _input(compute)
    compute.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the file to write: " + ", ".join(OUTPUT_FORMATS),
    )
    compute.add_argument(
        "--layout",
        choices=("long", "wide"),
        default="long",
        help="CSV and Parquet: long (one row per city-year and indicator, default) or wide "
        "(one row per city-year); both carry the element scores",
    )
    compute.add_argument(
        "--strict",
        action="store_true",
        help="stop at any bad value, listing all of them (default: the indicators that use a "
        "bad value are 'invalid' and all others are computed)",
    )
    compute.add_argument(
        "--lang",
        choices=("en", "id"),
        default="en",
        help="CSV and XLSX: headings, statuses, reasons and units in English (default) or "
        "Bahasa Indonesia (id); JSON and Parquet stay machine-readable",
    )

    report = command(
        "report",
        help="write a self-contained HTML report",
        description="Write one self-contained HTML file (charts inline, no network) for every "
        "city-year of the file: element scores, indicators by theme, strengths and weaknesses, "
        "trends, data gaps and the next variables to collect.",
    )
    _input(report)
    report.add_argument(
        "-o", "--output", type=Path, default=Path("report.html"), help="default: report.html"
    )
    report.add_argument("--title", help="the report's title (default: names the cities)")
    report.add_argument(
        "--draws",
        type=int,
        default=200,
        help="random draws of the roll-up choices behind the uncertainty intervals "
        "(default: 200; 0 leaves the intervals out)",
    )
    report.add_argument(
        "--seed", type=int, default=0, help="seed of those draws (default: 0, reproducible)"
    )
    _lang(report)

    readiness = command(
        "readiness",
        help="what can be computed now, and which variables to collect next",
        description="Say which indicators the data can compute, per key element and theme, "
        "and which variables to collect next to unlock the most indicators.",
    )
    _input(readiness)
    readiness.add_argument(
        "--top", type=int, default=10, help="how many next variables to list (default: 10)"
    )
    _lang(readiness)
    readiness.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="text (for reading, default), csv or json (one record per city-year and indicator)",
    )

    schema = command(
        "schema",
        help="print the JSON Schema of the input or the output",
        description="Print the JSON Schema (with its $id and version) of one city-year of "
        "input data, or of one computed profile (each line of 'compute -o OUT.jsonl').",
    )
    schema.add_argument(
        "kind",
        nargs="?",
        choices=("input", "output"),
        default="input",
        help="input (default) or output",
    )

    demo = command(
        "demo",
        help="compute the four pilot areas (or FILE) and write report.html",
        description="Compute the profiles of the example shipped with the package (the four "
        "pilot areas: DKI Jakarta, Makassar, Banyuwangi, Sumedang; illustrative values except "
        "population, area and codes), print a summary and write an HTML report.",
    )
    demo.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="another wide CSV to use instead"
    )
    demo.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("report.html"),
        help="where to write the HTML report (default: report.html)",
    )
    demo.add_argument("--no-report", action="store_true", help="print only, write no file")
    _lang(demo)
    return parser, commands
