"""Benchmark compute_profile against the bare pure functions and a per-row loop.

All timings are taken in the same run and reported as ratios to the baseline, the bare pure
functions called once each on the full numpy columns (what no library could beat). Run with
``make bench`` or ``.venv/bin/python benchmarks/bench_profile.py [--rows N]``.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd

import iso37122 as iso
from iso37122.data import to_table
from iso37122.engine import evaluate
from iso37122.rollup import roll_up
from iso37122.testing import synthetic_frame


def _best(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _peak_mib(func: Callable[[], object]) -> float:
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--loop-rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    frame = synthetic_frame(args.rows, seed=0)
    specs = list(iso.catalogue().values())
    columns = {v: frame[v].to_numpy(dtype=float) for v in iso.variables()}

    def bare() -> None:
        for spec in specs:
            spec.func(**{v: columns[v] for v in spec.inputs})

    def profile() -> None:
        iso.compute_profile(frame)

    def profile_long() -> None:
        iso.compute_profile(frame).to_frame()

    small = frame.head(args.loop_rows)
    records = [{str(k): v for k, v in record.items()} for record in small.to_dict("records")]

    def per_row() -> None:
        for record in records:
            iso.compute_profile(record)

    table = to_table(frame)
    results = evaluate(table)
    base = _best(bare, args.repeat)
    timed = {
        "bare pure functions (baseline)": base,
        "  stage: DataFrame -> Table (validation)": _best(lambda: to_table(frame), args.repeat),
        "  stage: evaluate (constraints, formulas)": _best(lambda: evaluate(table), args.repeat),
        "  stage: roll_up (key elements)": _best(lambda: roll_up(results), args.repeat),
        "compute_profile(DataFrame)": _best(profile, args.repeat),
        "compute_profile + long frame": _best(profile_long, 1),
    }
    loop = _best(per_row, 1) * args.rows / args.loop_rows
    print(f"rows: {args.rows:,}; indicators: {len(specs)}; variables: {len(columns)}")
    for name, seconds in timed.items():
        print(f"  {name:<44} {seconds:8.3f} s   x{seconds / base:7.1f}")
    print(
        f"  {'per-row compute_profile (extrapolated)':<44} {loop:8.3f} s   x{loop / base:7.1f}"
        f"   (from {args.loop_rows} rows)"
    )
    print(f"  input frame: {frame.memory_usage(deep=True).sum() / 2**20:.1f} MiB")
    print(f"  peak traced memory, compute_profile: {_peak_mib(profile):.1f} MiB")
    assert np.isfinite(iso.compute_profile(frame.head(10)).results.values).all()
    assert isinstance(frame, pd.DataFrame)


if __name__ == "__main__":
    main()
