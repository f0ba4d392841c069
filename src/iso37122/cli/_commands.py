"""What each subcommand does; each takes the parsed arguments and returns the exit status."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import pandas as pd

from iso37122.cli._files import UsageError, check_output, read_input, write_results
from iso37122.cli._render import (
    indicator_detail,
    indicator_table,
    problems_text,
    readiness_text,
    summary_table,
)
from iso37122.datasets import PILOT_AREAS_CSV, pilot_areas
from iso37122.elements import default_element
from iso37122.errors import DataError, UnknownIndicatorError
from iso37122.i18n import localise_frame, text
from iso37122.indicators import CATALOGUE, Indicator
from iso37122.io import write_template
from iso37122.profile import ProfileSet, compute_profile
from iso37122.readiness import readiness
from iso37122.schemas import input_schema, output_schema, to_json
from iso37122.themes import Theme

__all__ = ["COMMANDS", "Progress"]


class Progress:
    """Stages of a long run, shown on one line of stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._enabled = self._stream.isatty()
        self._start = time.perf_counter()
        self._width = 0

    @contextmanager
    def stage(self, message: str) -> Iterator[None]:
        """Show ``message`` while the block runs; clear the line when the run ends."""
        if self._enabled:
            elapsed = time.perf_counter() - self._start
            line = f"iso37122: {message} … ({elapsed:.1f} s)"
            self._stream.write("\r" + line.ljust(self._width))
            self._stream.flush()
            self._width = len(line)
        yield

    def count(self, what: str) -> Callable[[int, int], None]:
        """Return a callback showing ``what k/n`` as work advances (only on a terminal)."""

        def show(done: int, total: int) -> None:
            if self._enabled:
                line = f"iso37122: {what} {done}/{total}"
                self._stream.write("\r" + line.ljust(self._width))
                self._stream.flush()
                self._width = max(self._width, len(line))

        return show

    def done(self) -> None:
        """Clear the progress line."""
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()


def _compute(args: argparse.Namespace, *, strict: bool = False) -> tuple[pd.DataFrame, ProfileSet]:
    progress = Progress()
    with progress.stage(f"reading {args.file.name}"):
        frame = read_input(args, strict=strict)
    with progress.stage(f"computing {len(frame)} city-years"):
        profiles = compute_profile(frame, strict=strict)
    progress.done()
    return frame, profiles


def _select(args: argparse.Namespace) -> tuple[Indicator, ...]:
    specs = tuple(CATALOGUE.values())
    if args.query:
        try:
            specs = (CATALOGUE.get(args.query) or CATALOGUE.by_name(args.query),)
        except UnknownIndicatorError:
            specs = CATALOGUE.search(args.query)
    if args.theme:
        specs = tuple(s for s in specs if s.theme is Theme(args.theme))
    if args.element:
        specs = tuple(s for s in specs if default_element(s.clause, s.theme) == args.element)
    return specs


def catalogue(args: argparse.Namespace) -> int:
    """List, search or show indicators."""
    specs = _select(args)
    if args.format == "json":
        records = {record["clause"]: record for record in CATALOGUE.records()}
        print(json.dumps([records[s.clause] for s in specs], indent=2, ensure_ascii=False))
    elif args.format == "csv":
        frame = CATALOGUE.to_frame().loc[[s.clause for s in specs]]
        frame = frame[["clause", "name", "title_id" if args.lang == "id" else "title"]].assign(
            unit=[s.unit for s in specs],
            element=[default_element(s.clause, s.theme).value for s in specs],
        )
        print(frame.rename(columns={"title_id": "title"}).to_csv(index=False), end="")
    elif len(specs) == 1 and args.query and not (args.theme or args.element):
        print(indicator_detail(specs[0], args.lang))
    else:
        print(indicator_table(specs, args.lang))
    return 0


def template(args: argparse.Namespace) -> int:
    """Write an empty data-collection template."""
    path: Path = args.output
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"cannot write {path.name!r}: a template is written as .xlsx or .csv")
    write_template(path, theme=args.theme, element=args.element, lang=args.lang, layout=args.layout)
    print(path)
    return 0


def validate(args: argparse.Namespace) -> int:
    """Check a file and list every problem."""
    try:
        frame = read_input(args, strict=True)
        compute_profile(frame, strict=True)
    except DataError as error:
        print(problems_text(error, args.lang), file=sys.stderr)
        return 1
    found = "no problem found" if args.lang == "en" else "tidak ada masalah"
    print(f"{args.file}: {len(frame)} {text('city_years', args.lang)}, {found}")
    return 0


def compute(args: argparse.Namespace) -> int:
    """Compute and write every indicator and element score."""
    check_output(args.output)
    _, profiles = _compute(args, strict=args.strict)
    with Progress().stage(f"writing {args.output.name}"):
        write_results(profiles, args.output, lang=args.lang, kind=args.layout)
    print(f"{args.output}: {len(profiles)} {text('city_years', args.lang)}")
    return 0


def report(args: argparse.Namespace) -> int:
    """Write the HTML report."""
    from iso37122.report import write_report

    if args.output.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"cannot write the report to {args.output.name!r}: use a .html file")
    _, profiles = _compute(args)
    progress = Progress()
    write_report(
        profiles,
        args.output,
        lang=args.lang,
        title=args.title,
        draws=args.draws,
        seed=args.seed,
        progress=progress.count("writing the report: city-year"),
    )
    progress.done()
    print(f"{args.output}")
    return 0


def readiness_command(args: argparse.Namespace) -> int:
    """Say what can be computed and what to collect next."""
    frame = read_input(args)
    found = readiness(frame)
    if args.format == "text":
        print(readiness_text(found, args.lang, args.top))
        return 0
    table = localise_frame(found.to_frame(), args.lang) if args.lang == "id" else found.to_frame()
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
    else:
        print(table.to_json(orient="records", force_ascii=False, indent=2))
    return 0


def schema(args: argparse.Namespace) -> int:
    """Print a JSON Schema."""
    print(to_json(input_schema() if args.kind == "input" else output_schema()))
    return 0


def demo(args: argparse.Namespace) -> int:
    """Compute the example (or a file), print a summary and write the report."""
    source: Path = args.file or PILOT_AREAS_CSV
    if args.file is None:
        frame = pilot_areas()
    else:
        args.sep = args.decimal = args.thousands = args.sheet = args.columns = None
        frame = read_input(args)
    profiles = compute_profile(frame)
    lang = args.lang
    heading = f"ISO 37122:2019 — {len(profiles)} {text('city_years', lang)} ({source.name})"
    print(heading, "", summary_table(profiles, lang), sep="\n")
    if args.file is None:
        print("\n" + text("illustrative", lang))
    if not args.no_report:
        from iso37122.report import write_report

        note = text("illustrative", lang) if args.file is None else None
        write_report(profiles, args.output, lang=lang, note=note)
        print(f"\n{'Report' if lang == 'en' else 'Laporan'}: {args.output}")
    return 0


COMMANDS: Mapping[str, Callable[[argparse.Namespace], int]] = {
    "catalogue": catalogue,
    "compute": compute,
    "demo": demo,
    "readiness": readiness_command,
    "report": report,
    "schema": schema,
    "template": template,
    "validate": validate,
}
"""The function of each subcommand."""
