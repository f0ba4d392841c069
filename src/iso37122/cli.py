"""The ``iso37122`` command line.

``iso37122 demo [CSV]`` computes the profiles of a wide CSV (by default the four pilot areas)
and prints them; ``iso37122 catalogue`` lists the indicators; ``iso37122 compute CSV -o OUT``
writes the long results table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from iso37122.errors import Iso37122Error
from iso37122.indicators import CATALOGUE
from iso37122.profile import ProfileSet, compute_profile

__all__ = ["main"]


def _read_csv(path: Path) -> pd.DataFrame:
    # Region codes must stay text: "35.10" read as a number becomes 35.1.
    return pd.read_csv(path, dtype={"code": str})


def _demo(path: Path) -> str:
    profiles = compute_profile(_read_csv(path))
    lines = [f"ISO 37122:2019 indicators for {len(profiles)} city-years from {path}", ""]
    lines.append(_status_table(profiles))
    lines.append("")
    wide = profiles.to_frame("wide")
    wide.index = pd.Index(wide["city"])
    values = wide.drop(columns=["city", "year", "code"]).T
    values.index = pd.Index([f"{c:>5} {CATALOGUE[c].name}" for c in values.index])
    with pd.option_context(
        "display.max_rows", None, "display.width", 200, "display.float_format", "{:,.2f}".format
    ):
        lines.append(values.to_string(na_rep="-"))
    return "\n".join(lines)


def _status_table(profiles: ProfileSet) -> str:
    long = profiles.to_frame()
    counts = pd.crosstab(long["city"], long["status"]).reindex(
        index=pd.unique(long["city"]),
        columns=["computed", "missing", "invalid", "undefined"],
        fill_value=0,
    )
    return counts.to_string()


def _catalogue() -> str:
    rows = [
        f"{spec.clause:>5}  {spec.name:<48} {spec.unit:<36} {spec.definition_source.formula}"
        for spec in CATALOGUE.values()
    ]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="iso37122", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="compute and print the profiles of a wide CSV")
    demo.add_argument("csv", type=Path, nargs="?", default=Path("examples/pilot_areas.csv"))
    commands.add_parser("catalogue", help="list the indicators")
    compute = commands.add_parser("compute", help="write the long results table of a wide CSV")
    compute.add_argument("csv", type=Path)
    compute.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            print(_demo(args.csv))
        elif args.command == "catalogue":
            print(_catalogue())
        else:
            compute_profile(_read_csv(args.csv)).to_frame().to_csv(args.output, index=False)
    except (Iso37122Error, OSError) as error:
        print(f"iso37122: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
