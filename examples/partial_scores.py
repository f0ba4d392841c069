"""Key-element scores on realistic partial data: one city's scores, intervals, ranks and plan.

Run from the repository root::

    .venv/bin/python examples/partial_scores.py --city "Kota Makassar" --year 2024

The data are :func:`iso37122.testing.partial_frame`: 60 kab/kota of five provinces over
2022-2024, with about 45 % of the variables reported, unevenly (synthetic values, real codes).
"""

from __future__ import annotations

import argparse
import math

import numpy as np

import iso37122 as iso
from iso37122.testing import partial_frame


def main() -> None:
    """Score the partial data, then print one city's scores, intervals, ranks and plan."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--city", default="Kota Makassar")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--draws", type=int, default=1000)
    args = parser.parse_args()

    profiles = iso.compute_profile(partial_frame(60, seed=0))
    elements = profiles.elements
    computed = elements.results.status == iso.Status.COMPUTED.code
    eligible = scored = 0
    for e, element in enumerate(elements.elements):
        members = np.array(
            [
                m is element and plan.scorable
                for m, plan in zip(elements.membership, elements.plans, strict=True)
            ]
        )
        enough = computed[members].sum(axis=0) >= members.sum() / 3 - 1e-9
        eligible += int(enough.sum())
        scored += int((enough & ~np.isnan(elements.score[e])).sum())
    print(
        f"{len(profiles)} city-years; element scores with a third of their indicators computed: "
        f"{eligible}, of which scored: {scored}\n"
    )

    row = profiles.row(args.city, args.year)
    found = iso.uncertainty(profiles, n=args.draws, seed=0)
    frame = found.to_frame()
    mine = frame[(frame["city"] == profiles[row].city) & (frame["year"] == args.year)]
    in_year = profiles.table.year == args.year
    print(f"{profiles[row].city} ({profiles[row].code}), {args.year}: scores of {args.draws} draws")
    for record in mine.to_dict("records"):
        element = iso.KeyElement(record["element"])
        score = profiles[row].elements[element]
        e = list(iso.KeyElement).index(element)
        n_year = int((~np.isnan(found.score[e, in_year])).sum())
        coverage = f"coverage {score.n_scored}/{score.n_total}"
        if math.isnan(record["score"]):
            print(f"  {record['element']:<8} not scored ({coverage})")
            continue
        print(
            f"  {record['element']:<8} {record['score']:5.1f}  90 % interval "
            f"{record['score_p5']:.1f}-{record['score_p95']:.1f}  rank {record['rank']:.0f} of "
            f"{n_year} scored (90 %: {record['rank_p5']:.0f}-{record['rank_p95']:.0f}); "
            f"{coverage}"
        )
    print()
    print(found)
    print()
    lowest = min(
        (s for s in profiles[row].elements.values() if s.score is not None),
        key=lambda s: s.score if s.score is not None else math.inf,
        default=None,
    )
    element = lowest.element if lowest is not None else iso.KeyElement.LIVABLE
    print(profiles.improvement_plan(element, args.city, args.year))


if __name__ == "__main__":
    main()
