"""Benchmark the uncertainty and sensitivity analysis on every kab/kota of Indonesia.

514 kab/kota (synthetic, complete) and the partial data of ``partial_frame`` are scored once,
then :func:`iso37122.uncertainty` draws ``--draws`` plausible roll-up choices (plus the
``draws * (choices + 2)`` runs of the sensitivity design). Run with
``.venv/bin/python benchmarks/bench_uncertainty.py [--draws N] [--rows N]``. On a machine
whose cores are shared, ``OPENBLAS_NUM_THREADS=1`` measures the algorithm rather than the
BLAS threads waiting for each other.
"""

from __future__ import annotations

import argparse
import time

import iso37122 as iso
from iso37122.testing import partial_frame, synthetic_frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=514)
    args = parser.parse_args()
    sets = {
        f"{args.rows} complete kab/kota": iso.compute_profile(synthetic_frame(args.rows, seed=1)),
        "60 partial kab/kota x 3 years": iso.compute_profile(partial_frame(60, seed=0)),
    }
    for label, profiles in sets.items():
        for sensitivity in (False, True):
            start = time.perf_counter()
            found = iso.uncertainty(profiles, n=args.draws, seed=0, sensitivity=sensitivity)
            seconds = time.perf_counter() - start
            runs = args.draws * (len(found.vary) + 2 if sensitivity else 1)
            what = "with sensitivity" if sensitivity else "percentiles only"
            print(f"{label}: {args.draws} draws, {what} ({runs} runs): {seconds:.2f} s")


if __name__ == "__main__":
    main()
