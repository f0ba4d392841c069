"""What bounds the targets of issue 11 that the library misses, measured beside it.

Three sections, each a set of contenders timed as medians of interleaved runs on the dirty
frame of ``bench_profile``:

**compute** — ``bench_profile`` compares ``compute_profile`` with the *floor*, the 80 formulas
alone. The library does more: it checks 125 columns, gives each of 80 indicators a status per
row, and scores them into three key elements. Here that work is written the plain way in
numpy, with none of the library's outputs (no problem rows, no messages, no reasons, no record
of which check stopped a value): **validation** (per variable column, the values a rule may
reject: below the minimum, infinite, beyond the plausible magnitude, a count not whole);
**statuses** (per indicator, the formula, then not reported, rejected input, part above its
whole, zero or negative denominator, no finite value, each a mask over the rows); **roll-up**
(per scored indicator, goalposts 0–100 for a percentage, else a min–max over the year's peers
winsorised at 5–95 % by selection, the direction, each element's running mean and count).
``plain work`` runs the three in turn; the script prints the share of cells where its statuses
and values are the library's. It is not a lower bound: the library's own evaluation, which
keeps the few stopped rows as row numbers, is faster than the masks here.

**reading** — ``read_table`` against ``pandas.read_csv`` and pyarrow's single-threaded reader
of the same CSV: as text (what ``read_table`` reads, to see each cell's shape), as text then
cast to float64, and typed by pyarrow itself.

**export** — ``to_jsonl`` against ``compute_profile`` and against writing as many bytes
without making any JSON (the disk and page cache alone).

Run ``.venv/bin/python benchmarks/bench_bounds.py`` (100 000 rows; ``--only compute`` for one
section, ``--rows 1000000`` for more rows).
"""

from __future__ import annotations

import argparse
import io
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd
from bench_profile import dirty_frame, floor, interleaved

import iso37122 as iso
from iso37122.indicators import PartOfWhole, Positive
from iso37122.rollup import RollupConfig
from iso37122.rollup.compute import plans_of
from iso37122.units import MAX_MAGNITUDE
from iso37122.variables import Kind

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def _columns(frame: pd.DataFrame, names: list[str]) -> dict[str, FloatArray]:
    return {v: frame[v].to_numpy(dtype=float) for v in names}


def plain_validation(columns: Mapping[str, FloatArray]) -> dict[str, BoolArray]:
    """The rows each rule of the Table may reject, per variable (only where there are some)."""
    variables = iso.variables()
    rejected: dict[str, BoolArray] = {}
    with np.errstate(invalid="ignore"):
        for name, values in columns.items():
            variable = variables[name]
            bad = values < max(variable.minimum, -MAX_MAGNITUDE)
            bad |= values > MAX_MAGNITUDE
            if variable.kind is Kind.COUNT:
                bad |= np.floor(values) < values
            if bad.any():
                rejected[name] = bad
    return rejected


def plain_statuses(
    columns: Mapping[str, FloatArray], rejected: Mapping[str, BoolArray]
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Values and statuses (0 computed, 1 not reported, 2 invalid, 3 undefined) per indicator."""
    specs = list(iso.catalogue().values())
    n = len(next(iter(columns.values())))
    values = np.empty((len(specs), n))
    status = np.zeros((len(specs), n), dtype=np.int8)
    absent = {v: np.isnan(c) for v, c in columns.items()}
    with np.errstate(all="ignore"):
        for i, spec in enumerate(specs):
            row = values[i]
            row[...] = spec.func(**{v: columns[v] for v in spec.inputs})
            undefined = ~np.isfinite(row)
            invalid = np.zeros(n, dtype=bool)
            for rule in spec.constraints:
                if isinstance(rule, PartOfWhole):
                    whole = columns[rule.whole]
                    parts = columns[rule.parts[0]]
                    for other in rule.parts[1:]:
                        parts = parts + columns[other]
                    invalid |= parts > whole
                    undefined |= whole == 0.0
                elif isinstance(rule, Positive):
                    invalid |= columns[rule.variable] < 0.0
                    undefined |= columns[rule.variable] == 0.0
            for v in spec.inputs:
                if v in rejected:
                    invalid |= rejected[v]
            missing = absent[spec.inputs[0]]
            for v in spec.inputs[1:]:
                missing = missing | absent[v]
            code = status[i]
            code[undefined] = 3
            code[invalid] = 2
            code[missing] = 1
            row[code != 0] = np.nan
    return values, status


def plain_roll_up(values: FloatArray, status: npt.NDArray[np.int8]) -> list[FloatArray]:
    """Each element's mean score per row under the default configuration (one year)."""
    specs = list(iso.catalogue().values())
    plans = plans_of(RollupConfig(), specs)
    elements = sorted({plan.element for plan in plans}, key=str)
    n = values.shape[1]
    total = {e: np.zeros(n) for e in elements}
    count = {e: np.zeros(n, dtype=np.int64) for e in elements}
    score = np.empty(n)
    for i, plan in enumerate(plans):
        if not plan.scorable:
            continue
        row = values[i]
        if plan.goalposts is not None:
            low, high = plan.goalposts
        else:
            peers = row[status[i] == 0]
            if peers.size < 2:
                continue
            k = peers.size - 1
            found = np.partition(peers, [round(0.05 * k), round(0.95 * k)])
            low, high = float(found[round(0.05 * k)]), float(found[round(0.95 * k)])
        if high <= low:
            continue
        np.subtract(row, low, out=score)
        score *= 100.0 / (high - low)
        np.clip(score, 0.0, 100.0, out=score)
        if not plan.higher_is_better:
            np.subtract(100.0, score, out=score)
        scored = ~np.isnan(score)
        total[plan.element] += np.where(scored, score, 0.0)
        count[plan.element] += scored
    with np.errstate(invalid="ignore", divide="ignore"):
        return [total[e] / count[e] for e in elements]


def _report(title: str, median: dict[str, float], base: str) -> None:
    print(title)
    for name, seconds in median.items():
        print(f"  {name:<26}{seconds * 1e3:>11,.1f} ms{seconds / median[base]:>9.2f}× {base}")


def compute_section(frame: pd.DataFrame, repeat: int) -> None:
    """The plain numpy work against the floor and compute_profile."""
    names = list(iso.variables())

    def plain() -> object:
        columns = _columns(frame, names)
        values, status = plain_statuses(columns, plain_validation(columns))
        return plain_roll_up(values, status)

    columns = _columns(frame, names)
    rejected = plain_validation(columns)
    values, status = plain_statuses(columns, rejected)
    contenders: dict[str, Callable[[], object]] = {
        "floor": lambda: floor(frame),
        "validation": lambda: plain_validation(_columns(frame, names)),
        "statuses": lambda: plain_statuses(columns, rejected),
        "roll-up": lambda: plain_roll_up(values, status),
        "plain work": plain,
        "compute_profile": lambda: iso.compute_profile(frame),
    }
    results = iso.compute_profile(frame).results
    same_status = float(np.mean(status == results.status))
    same_value = float(
        np.mean((values == results.values) | (np.isnan(values) & np.isnan(results.values)))
    )
    timings = interleaved(contenders, repeat)
    median = {name: timings.median(name) for name in contenders}
    _report(f"compute, {len(frame):,} rows, medians of {repeat} interleaved runs", median, "floor")
    print(f"  cells with the library's status: {same_status:.4%}, value: {same_value:.4%}")
    ratio = median["compute_profile"] / median["plain work"]
    print(f"  compute_profile / plain work: {ratio:.2f}×")


def reading_section(frame: pd.DataFrame, repeat: int, workdir: Path) -> None:
    """read_table against pandas and pyarrow reading the same CSV (one thread, as read_table).

    ``pyarrow text`` reads every cell as text, as ``read_table`` does to see each cell's
    shape; ``+ cast`` converts the variable columns to float64 as well (empty cells null);
    ``pyarrow typed`` lets pyarrow infer and convert every column itself.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    path = workdir / "cities.csv"
    frame.to_csv(path, index=False)
    names = [f"c{j}" for j in range(frame.shape[1])]
    data = path.read_bytes()

    def text(null: bool) -> pa.Table:
        return pcsv.read_csv(
            io.BytesIO(data),
            read_options=pcsv.ReadOptions(column_names=names, skip_rows=1, use_threads=False),
            parse_options=pcsv.ParseOptions(quote_char=False, ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=null
            ),
        )

    def text_cast() -> object:
        table = text(True)
        return [pc.cast(table.column(j), pa.float64()) for j in range(3, len(names))]

    contenders: dict[str, Callable[[], object]] = {
        "pandas.read_csv": lambda: pd.read_csv(path, dtype={"code": str}),
        "pyarrow text": lambda: text(False),
        "pyarrow text + cast": text_cast,
        "pyarrow typed": lambda: pcsv.read_csv(
            io.BytesIO(data), read_options=pcsv.ReadOptions(use_threads=False)
        ),
        "read_table": lambda: iso.read_table(path),
    }
    timings = interleaved(contenders, repeat)
    median = {name: timings.median(name) for name in contenders}
    _report(f"reading a CSV of {len(frame):,} rows", median, "pandas.read_csv")


def export_section(frame: pd.DataFrame, repeat: int, workdir: Path) -> None:
    """to_jsonl against compute_profile and against writing as many bytes, without JSON."""
    profiles = iso.compute_profile(frame)
    jsonl = workdir / "profiles.jsonl"
    profiles.to_jsonl(jsonl)
    size = jsonl.stat().st_size
    raw = workdir / "bytes.bin"
    block = bytes(42_000 * 1_024)  # about a chunk of 1 024 records

    def write_bytes() -> None:
        with raw.open("wb") as out:
            for _ in range(size // len(block)):
                out.write(block)
            out.write(block[: size % len(block)])

    contenders: dict[str, Callable[[], object]] = {
        "compute_profile": lambda: iso.compute_profile(frame),
        "JSON Lines export": lambda: profiles.to_jsonl(jsonl),
        "writing as many bytes": write_bytes,
    }
    # Each run writes a new file (see bench_profile).
    before: dict[str, Callable[[], object]] = {
        "JSON Lines export": lambda: jsonl.unlink(missing_ok=True),
        "writing as many bytes": lambda: raw.unlink(missing_ok=True),
    }
    timings = interleaved(contenders, repeat, before)
    for clear in before.values():
        clear()
    median = {name: timings.median(name) for name in contenders}
    title = f"exporting {len(frame):,} city-years ({size / 2**30:.2f} GiB of JSON Lines)"
    _report(title, median, "compute_profile")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--only", choices=("compute", "reading", "export"), default=None, help="one section"
    )
    args = parser.parse_args()
    frame = dirty_frame(args.rows)
    with tempfile.TemporaryDirectory() as workdir:
        if args.only in (None, "compute"):
            compute_section(frame, args.repeat)
        if args.only in (None, "reading"):
            reading_section(frame, args.repeat, Path(workdir))
        if args.only in (None, "export"):
            export_section(frame, args.repeat, Path(workdir))


if __name__ == "__main__":
    main()
