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
from iso37122.readiness import readiness

__all__ = ["main"]


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
