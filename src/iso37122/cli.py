"""The ``iso37122`` command line.

``iso37122 demo [CSV]`` computes the profiles of a wide CSV (by default the four pilot areas)
and prints them; ``iso37122 catalogue`` lists the indicators; ``iso37122 compute CSV -o OUT``
writes the long results table.

No traceback reaches the user: a data problem is reported in one message with exit status 1, a
usage problem (a wrong argument, a file that does not exist) with exit status 2, and
``--debug`` shows the traceback. Text printed is stripped of control characters, so that a city
name cannot move the cursor or rewrite the terminal; text cells written to CSV that a spreadsheet
would run as a formula (``=HYPERLINK(...)``) are prefixed with an apostrophe.
"""

from __future__ import annotations

import argparse
import sys
import traceback
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import pandas as pd

from iso37122.errors import ArgumentError, Iso37122Error
from iso37122.indicators import CATALOGUE
from iso37122.profile import ProfileSet, compute_profile
from iso37122.readiness import readiness

__all__ = ["main", "neutralise_formulas", "printable"]


def _read_csv(path: Path) -> pd.DataFrame:
    # Region codes must stay text: "35.10" read as a number becomes 35.1.
    return pd.read_csv(path, dtype={"code": str})


def _demo(path: Path) -> str:
    frame = _read_csv(path)
    profiles = compute_profile(frame)
    lines = [f"ISO 37122:2019 indicators for {len(profiles)} city-years from {path}", ""]
    lines += ["Indicator status per city-year:", _status_table(profiles), ""]
    lines += ["Key elements (score 0-100, coverage = share of scorable indicators scored):"]
    lines += [_element_table(profiles), ""]
    wide = profiles.to_frame("wide")
    clauses = [spec.clause for spec in profiles.results.indicators]
    values = wide[clauses].T
    values.columns = pd.Index(wide["city"])
    values.index = pd.Index([f"{c:>5} {CATALOGUE[c].name}" for c in clauses])
    with pd.option_context(
        "display.max_rows", None, "display.width", 200, "display.float_format", "{:,.2f}".format
    ):
        lines += ["Indicator values:", values.to_string(na_rep="-"), ""]
    last = profiles[len(profiles) - 1]
    lines += [f"Readiness of {last.city} {last.year}:", str(readiness(frame.tail(1)))]
    return "\n".join(lines)


def _element_table(profiles: ProfileSet) -> str:
    rows = []
    for profile in profiles:
        row: dict[str, object] = {"city": profile.city}
        for element, score in profile.elements.items():
            shown = "-" if score.score is None else f"{score.score:5.1f}"
            row[element.value] = f"{shown} ({score.coverage:.0%} of {score.n_total})"
        rows.append(row)
    return pd.DataFrame(rows).set_index("city").to_string()


def _status_table(profiles: ProfileSet) -> str:
    long = profiles.to_frame()
    counts = pd.crosstab(long["city"], long["status"]).reindex(
        index=pd.unique(long["city"]),
        columns=["computed", "missing", "invalid", "undefined"],
        fill_value=0,
    )
    return counts.to_string()


def printable(text: str) -> str:
    r"""Strip control and bidirectional-formatting characters, keeping newlines and tabs.

    Examples
    --------
    >>> printable("Kota\x1b[2J Baru\u202e\n")
    'Kota[2J Baru\n'
    """
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    )


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


def _catalogue() -> str:
    rows = [
        f"{spec.clause:>5}  {spec.name:<48} {spec.unit:<36} {spec.definition_source.formula}"
        for spec in CATALOGUE.values()
    ]
    return "\n".join(rows)


def _report(message: str) -> None:
    print(printable(f"iso37122: {message}"), file=sys.stderr)


def _internal_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Report an unexpected error (a bug) in one line instead of a traceback."""
    _report(
        f"internal error ({kind.__name__}: {error}); please report it, with the output of the "
        "same command run with --debug"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 data problem, 2 usage problem)."""
    parser = argparse.ArgumentParser(prog="iso37122", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="compute and print the profiles of a wide CSV")
    demo.add_argument("csv", type=Path, nargs="?", default=Path("examples/pilot_areas.csv"))
    commands.add_parser("catalogue", help="list the indicators")
    compute = commands.add_parser("compute", help="write the long results table of a wide CSV")
    compute.add_argument("csv", type=Path)
    compute.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if argv is None and not args.debug:  # run as a command, not called from Python
        sys.excepthook = _internal_error
    try:
        if args.command == "demo":
            print(printable(_demo(args.csv)))
        elif args.command == "catalogue":
            print(printable(_catalogue()))
        else:
            table = compute_profile(_read_csv(args.csv)).to_frame()
            neutralise_formulas(table).to_csv(args.output, index=False)
    except (ArgumentError, FileNotFoundError, IsADirectoryError) as error:
        _fail(error, args.debug)
        return 2
    # A file pandas cannot read (binary, wrong encoding, malformed quoting) is a data problem.
    except (
        Iso37122Error,
        OSError,
        UnicodeError,
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
    ) as error:
        _fail(error, args.debug)
        return 1
    return 0


def _fail(error: BaseException, debug: bool) -> None:
    if debug:
        traceback.print_exception(error)
    _report(str(error) or type(error).__name__)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
