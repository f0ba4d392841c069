"""Benchmark compute_profile against the bare formulas and a plain-pandas implementation.

Prints the performance targets of the project (issue 11) at 1 000, 10 000, 100 000 and
1 000 000 city-years. Every figure is a median over repetitions in which all contenders run
once each, in rotating order (interleaved), so that a noisy, shared machine slows them alike;
the ratios are taken between contenders measured in the same run.

Contenders:

- **floor**: the 80 bare formulas called once each on the numpy columns of the frame, column
  extraction included (what no library could beat);
- **pandas**: ``pandas_baseline.profile``, the same work (validation, statuses, default
  roll-up) written by hand in plain pandas, checked here to give the library's values, statuses
  and element scores;
- **library**: ``compute_profile`` and its stages (``to_table``, ``evaluate``, ``roll_up``), the
  long and wide frames, the set-level JSON export and ``read_table`` when the library has them.

The frame is ``synthetic_frame`` made dirty the way real files are: unreported cells, a few
negative, infinite and out-of-place values, parts above their wholes, zero denominators and
padded names, so that every validation rule has work to do.

Run ``make bench`` (every size) or ``.venv/bin/python benchmarks/bench_profile.py --quick``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pandas_baseline

import iso37122 as iso
from iso37122.data import to_table
from iso37122.engine import evaluate
from iso37122.indicators import PartOfWhole, Positive
from iso37122.rollup import roll_up
from iso37122.testing import synthetic_frame

SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)
CSV_MAX_ROWS = 100_000
"""Largest size at which a CSV is written and read by ``read_table`` and ``pandas.read_csv``."""
LONG_MAX_ROWS = 1_000_000
JSON_MAX_ROWS = 100_000
"""Largest size at which the JSON Lines export is timed (about 40 kB a city-year: 4 GB)."""


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


def dirty_frame(n_rows: int, *, seed: int = 0) -> pd.DataFrame:
    """A synthetic frame with the problems of real data, in proportions seen in real files.

    About 5 % of variable cells unreported; one cell in 20 000 negative and one in 100 000
    infinite; per part-of-whole rule one row in 5 000 with the part at twice its whole plus one;
    per denominator one row in 10 000 at zero; one name in 100 padded with spaces.
    """
    frame = synthetic_frame(n_rows, seed=seed)
    rng = np.random.default_rng(seed + 1)
    names = list(iso.variables())
    values = frame[names].to_numpy(dtype=float, copy=True)
    index = {name: k for k, name in enumerate(names)}
    for spec in iso.catalogue().values():
        for rule in spec.constraints:
            rows = rng.random(n_rows) < 1 / 5_000
            if isinstance(rule, PartOfWhole):
                whole = values[:, index[rule.whole]]
                values[rows, index[rule.parts[0]]] = 2.0 * whole[rows] + 1.0
            zero = rng.random(n_rows) < 1 / 10_000
            if isinstance(rule, PartOfWhole | Positive):
                denominator = rule.whole if isinstance(rule, PartOfWhole) else rule.variable
                values[zero, index[denominator]] = 0.0
    cells = rng.random(values.shape)
    values[cells < 0.05] = np.nan
    values[(cells >= 0.05) & (cells < 0.05 + 1 / 20_000)] *= -1.0
    values[(cells >= 0.06) & (cells < 0.06 + 1 / 100_000)] = np.inf
    # Column by column, as a reader gives them: each column contiguous in memory.
    dirty = pd.DataFrame(
        dict(zip(names, np.ascontiguousarray(values.T), strict=True)), index=frame.index
    )
    city = frame["city"].to_numpy(dtype=object, copy=True)
    padded = rng.random(n_rows) < 0.01
    city[padded] = [f"  {c} " for c in city[padded]]
    identity = pd.DataFrame({"city": city, "year": frame["year"], "code": frame["code"]})
    return pd.concat([identity, dirty], axis=1)


def city_year_mapping() -> dict[str, object]:
    """One complete city-year as a plain mapping (every variable, canonical units)."""
    row = synthetic_frame(1, seed=3).iloc[0]
    mapping: dict[str, object] = {"city": str(row["city"]), "year": int(row["year"])}
    mapping["code"] = str(row["code"])
    mapping.update({name: float(row[name]) for name in iso.variables()})
    return mapping


_SPECS = tuple(iso.catalogue().values())
_VARIABLES = tuple(iso.variables())


def floor(frame: pd.DataFrame) -> object:
    """The floor: the 80 bare formulas on the frame's numpy columns, column extraction included."""
    columns = {v: frame[v].to_numpy(dtype=float) for v in _VARIABLES}
    with np.errstate(all="ignore"):
        return [spec.func(**{v: columns[v] for v in spec.inputs}) for spec in _SPECS]


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


@dataclass
class Timings:
    """Seconds per contender, one entry per repetition."""

    runs: dict[str, list[float]] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.runs[name])


def interleaved(
    contenders: dict[str, Callable[[], object]],
    repeat: int,
    before: dict[str, Callable[[], object]] | None = None,
) -> Timings:
    """Run every contender once per repetition, rotating the order; keep every time.

    ``before[name]``, when given, runs before each run of that contender, outside the timing.
    """
    timings = Timings({name: [] for name in contenders})
    names = list(contenders)
    for r in range(repeat):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            if before and name in before:
                before[name]()
            gc.collect()
            start = time.perf_counter()
            contenders[name]()
            timings.runs[name].append(time.perf_counter() - start)
    return timings


def _json_export() -> Callable[[iso.ProfileSet, Path], object] | None:
    """The library's streamed set-level JSON writer (JSON Lines), when it has one."""
    writer = getattr(iso.ProfileSet, "to_jsonl", None)
    if writer is None:
        return None

    def export(profiles: iso.ProfileSet, path: Path) -> object:
        return writer(profiles, path)

    return export


def _read_table() -> Callable[[Path], pd.DataFrame] | None:
    reader = getattr(iso, "read_table", None)
    if reader is None:
        return None

    def read(path: Path) -> pd.DataFrame:
        frame: pd.DataFrame = reader(path)
        return frame

    return read


# --------------------------------------------------------------------------------------------
# The check: the pandas baseline gives the library's results
# --------------------------------------------------------------------------------------------


def check_same(profiles: iso.ProfileSet, baseline: pandas_baseline.BaselineResult) -> None:
    """Assert that the baseline and the library agree on every value, status and score."""
    results = profiles.results
    clauses = [spec.clause for spec in results.indicators]
    values = baseline.values[clauses].to_numpy(dtype=float).T
    assert np.array_equal(values, results.values, equal_nan=True), "indicator values differ"
    status = baseline.status[clauses].to_numpy().T
    assert np.array_equal(status, results.status), "statuses differ"
    elements = profiles.elements
    for e, element in enumerate(elements.elements):
        ours = baseline.elements[f"{element.value}_score"].to_numpy(dtype=float)
        # pandas' row mean sums in another order than the library: equal to 1e-12.
        np.testing.assert_allclose(ours, elements.score[e], rtol=1e-12, atol=1e-12)
        scored = baseline.elements[f"{element.value}_n_scored"].to_numpy()
        assert np.array_equal(scored, elements.n_scored[e]), f"{element}: counts differ"
    assert np.array_equal(baseline.identity["city"].to_numpy(dtype=object), profiles.table.city)


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    rows: int
    median: dict[str, float]
    frame_mib: float


def measure_size(n_rows: int, repeat: int, workdir: Path) -> SizeResult:
    frame = dirty_frame(n_rows)
    config = iso.RollupConfig()
    profiles = iso.compute_profile(frame)
    table = profiles.table
    results = profiles.results
    check_same(profiles, pandas_baseline.profile(frame))

    contenders: dict[str, Callable[[], object]] = {
        "floor": lambda: floor(frame),
        "pandas": lambda: pandas_baseline.profile(frame),
        "compute_profile": lambda: iso.compute_profile(frame),
        "to_table": lambda: to_table(frame),
        "evaluate": lambda: evaluate(table),
        "roll_up": lambda: roll_up(results, config),
        "wide frame": lambda: profiles.to_frame("wide"),
    }
    if n_rows <= LONG_MAX_ROWS:
        contenders["long frame"] = lambda: profiles.to_frame("long")
    before: dict[str, Callable[[], object]] = {}
    export = _json_export()
    if export is not None and n_rows <= JSON_MAX_ROWS:
        # Each run writes a new file, as a user's export does: rewriting the previous run's
        # 4 GB file would time its truncation and the flush that ext4 forces when a
        # truncated file is closed (auto_da_alloc), which a new file does not pay.
        jsonl = workdir / "profiles.jsonl"
        contenders["JSON export"] = lambda: export(profiles, jsonl)
        before["JSON export"] = lambda: jsonl.unlink(missing_ok=True)
    reader = _read_table()
    if reader is not None and n_rows <= CSV_MAX_ROWS:
        path = workdir / f"cities_{n_rows}.csv"
        frame.to_csv(path, index=False)
        contenders["read_table CSV"] = lambda: reader(path)
        contenders["pandas.read_csv"] = lambda: pd.read_csv(path, dtype={"code": str})
    timings = interleaved(contenders, repeat, before)
    for clear in before.values():  # the last run's file: gigabytes at 100 000 rows
        clear()
    median = {name: timings.median(name) for name in contenders}
    frame_mib = float(frame.memory_usage(deep=True).sum()) / 2**20
    return SizeResult(rows=n_rows, median=median, frame_mib=frame_mib)


def measure_single(repeat: int) -> float:
    """Median seconds of compute_profile on one city-year given as a mapping."""
    mapping = city_year_mapping()
    iso.compute_profile(mapping)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        iso.compute_profile(mapping)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _fresh_seconds(code: str, repeat: int) -> float:
    """Median of the seconds that ``code`` prints, each run in a fresh interpreter."""
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(repeat)
    ]
    return statistics.median(float(run.stdout) for run in runs)


def measure_import(repeat: int) -> float:
    """Median seconds of ``import iso37122`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import iso37122; print(time.perf_counter() - t)"
    return _fresh_seconds(code, repeat)


def measure_first_profile(repeat: int) -> float:
    """Median seconds of ``import iso37122`` and a first single city-year, in a fresh process."""
    mapping = json.dumps(city_year_mapping())
    code = (
        "import json, time; t = time.perf_counter(); import iso37122; "
        f"iso37122.compute_profile(json.loads({mapping!r})); print(time.perf_counter() - t)"
    )
    return _fresh_seconds(code, repeat)


def _peak_rss_bytes() -> int:
    """Peak resident set size of this process so far (VmHWM)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_child(n_rows: int, dirty: bool) -> None:
    """In a fresh process: peak RSS added by compute_profile over the frame's own size."""
    frame = dirty_frame(n_rows) if dirty else synthetic_frame(n_rows)
    frame_bytes = int(frame.memory_usage(deep=True).sum())
    gc.collect()
    # Give the heap freed while the frame was built back to the system: otherwise
    # compute_profile reuses it without raising the resident size, and the figure flatters it.
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    # Forget the peak of building the frame, so that only compute_profile's peak counts.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    before = _peak_rss_bytes()
    profiles = iso.compute_profile(frame)
    after = _peak_rss_bytes()
    print(json.dumps({"frame": frame_bytes, "extra": after - before, "rows": len(profiles)}))


def measure_rss(n_rows: int, *, dirty: bool) -> tuple[float, float]:
    """Extra peak RSS of compute_profile (MiB) and its ratio to the input frame's size."""
    option = "--rss-child-dirty" if dirty else "--rss-child"
    out = subprocess.run(
        [sys.executable, __file__, option, str(n_rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(out.stdout)
    return found["extra"] / 2**20, found["extra"] / found["frame"]


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}"


def _print_rows(sizes: list[SizeResult], names: Iterable[str]) -> None:
    head = "".join(f"{s.rows:>13,}" for s in sizes)
    print(f"{'median ms (rows →)':<34}{head}")
    for name in names:
        cells = "".join(f"{_ms(s.median[name]) if name in s.median else '—':>13}" for s in sizes)
        print(f"  {name:<32}{cells}")


def _ratio_row(sizes: list[SizeResult], label: str, top: str, bottom: str) -> None:
    cells = "".join(
        f"{s.median[top] / s.median[bottom]:>12.2f}×"
        if top in s.median and bottom in s.median
        else f"{'—':>13}"
        for s in sizes
    )
    print(f"  {label:<32}{cells}")


def report(
    sizes: list[SizeResult],
    single: float,
    import_seconds: float,
    first_seconds: float,
    rss: tuple[int, float, float, float, float] | None,
) -> None:
    print()
    _print_rows(
        sizes,
        [
            "floor",
            "pandas",
            "compute_profile",
            "to_table",
            "evaluate",
            "roll_up",
            "long frame",
            "wide frame",
            "JSON export",
            "read_table CSV",
            "pandas.read_csv",
        ],
    )
    print(f"{'ratios (rows →)':<34}" + "".join(f"{s.rows:>13,}" for s in sizes))
    _ratio_row(sizes, "compute_profile / floor", "compute_profile", "floor")
    _ratio_row(sizes, "compute_profile / pandas", "compute_profile", "pandas")
    _ratio_row(sizes, "long frame / compute_profile", "long frame", "compute_profile")
    _ratio_row(sizes, "JSON export / compute_profile", "JSON export", "compute_profile")
    _ratio_row(sizes, "read_table / pandas.read_csv", "read_table CSV", "pandas.read_csv")
    print(
        f"  {'stage shares of compute_profile':<32}"
        + "".join(
            "{:>13}".format(
                "/".join(
                    f"{100 * s.median[k] / s.median['compute_profile']:.0f}"
                    for k in ("to_table", "evaluate", "roll_up")
                )
            )
            for s in sizes
        )
        + "   (% to_table/evaluate/roll_up)"
    )
    print("  input frame MiB" + " " * 18 + "".join(f"{s.frame_mib:>13,.1f}" for s in sizes))

    by_rows = {s.rows: s for s in sizes}
    target_rows: list[tuple[str, str, str, bool | None]] = []

    def ratio(rows: int, top: str, bottom: str) -> float | None:
        s = by_rows.get(rows)
        if s is None or top not in s.median or bottom not in s.median:
            return None
        return s.median[top] / s.median[bottom]

    def add(label: str, value: float | None, unit: str, target: float) -> None:
        if value is None:
            target_rows.append((label, "not measured", f"≤ {target:g}{unit}", None))
        else:
            target_rows.append(
                (label, f"{value:.2f}{unit}", f"≤ {target:g}{unit}", value <= target)
            )

    add("compute_profile / floor (100 000)", ratio(100_000, "compute_profile", "floor"), "×", 5)
    add("compute_profile / pandas (100 000)", ratio(100_000, "compute_profile", "pandas"), "×", 0.5)
    add("one city-year from a mapping", single * 1e3, " ms", 2)
    add("extra peak RSS (1 000 000) / frame", rss[2] if rss else None, "×", 1)
    add("  the same, dirty frame", rss[4] if rss else None, "×", 1)
    add(
        "long frame / compute_profile (100 000)",
        ratio(100_000, "long frame", "compute_profile"),
        "×",
        1,
    )
    add(
        "JSON Lines export / compute_profile (100 000)",
        ratio(100_000, "JSON export", "compute_profile"),
        "×",
        10,
    )
    add(
        "read_table / pandas.read_csv (100 000)",
        ratio(100_000, "read_table CSV", "pandas.read_csv"),
        "×",
        2,
    )
    add("import iso37122", import_seconds, " s", 0.3)
    growth = None
    if 100_000 in by_rows and 1_000_000 in by_rows:
        growth = (
            by_rows[1_000_000].median["compute_profile"]
            / by_rows[100_000].median["compute_profile"]
        )
    add("growth 100 000 → 1 000 000 rows", growth, "×", 11)
    print()
    print(f"{'target (issue 11)':<46}{'measured':>14}{'target':>12}  met")
    for label, value, target, met in target_rows:
        flag = "—" if met is None else ("yes" if met else "NO")
        print(f"{label:<46}{value:>14}{target:>12}  {flag}")
    print(f"  (import iso37122 and a first city-year, fresh process: {first_seconds:.2f} s)")
    if rss:
        print(
            f"  (extra peak RSS at {rss[0]:,} rows: {rss[1]:,.0f} MiB clean, "
            f"{rss[3]:,.0f} MiB dirty)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(part) for part in text.split(",")],
        default=None,
        help="comma-separated row counts (default 1000,10000,100000,1000000)",
    )
    parser.add_argument("--quick", action="store_true", help="up to 100 000 rows, fewer runs")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per size")
    parser.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--rss-child-dirty", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child is not None or args.rss_child_dirty is not None:
        dirty = args.rss_child_dirty is not None
        rss_child(args.rss_child_dirty if dirty else args.rss_child, dirty)
        return
    sizes: list[int] = args.sizes or list(QUICK_SIZES if args.quick else SIZES)
    print(
        f"iso37122 {iso.__version__}; numpy {np.__version__}; pandas {pd.__version__}; "
        f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    measured = []
    with tempfile.TemporaryDirectory() as workdir:
        for n_rows in sizes:
            repeat = args.repeat or (3 if args.quick else (3 if n_rows >= 1_000_000 else 7))
            started = time.perf_counter()
            measured.append(measure_size(n_rows, repeat, Path(workdir)))
            print(
                f"  {n_rows:>9,} rows: {repeat} interleaved runs, checked against the pandas "
                f"baseline ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    single = measure_single(repeat=50 if args.quick else 200)
    import_seconds = measure_import(repeat=3 if args.quick else 7)
    first = measure_first_profile(repeat=3 if args.quick else 5)
    rss_rows = 1_000_000 if 1_000_000 in sizes else None
    rss = None
    if rss_rows:
        rss = (rss_rows, *measure_rss(rss_rows, dirty=False), *measure_rss(rss_rows, dirty=True))
    report(measured, single, import_seconds, first, rss)


if __name__ == "__main__":
    main()
