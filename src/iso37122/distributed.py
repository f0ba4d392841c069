"""Dask DataFrames as input: indicators per partition, identity and peers across partitions.

``compute_profile(ddf)`` on a ``dask.dataframe.DataFrame`` returns a :class:`DaskProfileSet`,
whose :meth:`~DaskProfileSet.to_frame` gives the results as a lazy Dask DataFrame, wide or long,
with the columns of :meth:`iso37122.ProfileSet.to_frame`; write it with Dask's own writers
(``to_parquet``, ``to_csv``). The work is spread as follows:

1. **Structure, at once.** Column names, units and identity columns are checked on the
   frame's metadata, as for a pandas frame (an unknown column raises before anything runs).
2. **Identity, a global pass.** A city-year given twice is found across partitions: the
   identity columns (only) are normalised per partition and counted by a distributed group-by;
   a duplicate raises :class:`~iso37122.errors.DataError` naming the rows, as in memory.
3. **Peers.** When the roll-up scores indicators against peers (the default for open-ended
   indicators, and ``minmax``, ``zscore``, ``rank``), the rows are first shuffled so that
   each peer group (a year, a city) lies whole in one partition; with peers of every row, or
   when a year has too few peers for an indicator (the roll-up then uses every year's values,
   found by a first pass counting computed values per year), all rows go to one partition.
   Every peer statistic depends only on the values of its group, sorted, so the scores equal
   the single-machine ones bit for bit.
4. **Indicators, per partition.** Each partition is validated, evaluated and rolled up by the
   same code as a pandas frame.

Rows keep their partition; after a peer shuffle the order of rows is the shuffle's. Dask is an
optional dependency (``pip install iso37122[dask]``); this module imports it only when used.
In ``strict=True`` mode a bad value raises when the partition holding it is computed, and the
row it names is counted within that partition (the city and year name it fully).

Examples
--------
>>> import dask.dataframe as dd
>>> import iso37122 as iso
>>> frame = iso.testing.synthetic_frame(40, seed=1)
>>> profiles = iso.compute_profile(dd.from_pandas(frame, npartitions=4))
>>> wide = profiles.to_frame("wide").compute().sort_values("code")  # rows move in a shuffle
>>> expected = iso.compute_profile(frame).to_frame("wide").sort_values("code")
>>> bool((wide["18.1"].to_numpy() == expected["18.1"].to_numpy()).all())
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from iso37122.data import Extra, to_table
from iso37122.errors import ConfigError, DataError, Problem
from iso37122.themes import Theme

if TYPE_CHECKING:
    import dask.dataframe as dd

    from iso37122.rollup import RollupConfig

__all__ = ["DaskProfileSet", "compute_profile_dask"]

IndicatorKeys = Sequence[str | Theme] | str | Theme | None
FrameKind = Literal["long", "wide"]

_PEER_KEY = "__iso37122_peer_key__"
_PADDING = ("iso37122 padding row 1", "iso37122 padding row 2")


def _identity_columns(columns: Iterable[object]) -> list[str]:
    return [c for c in ("city", "year", "code") if c in columns]


def _keys(part: pd.DataFrame) -> pd.DataFrame:
    """Normalised identity of each row: (by code?, code or city, year), with the city."""
    table = to_table(part[_identity_columns(part.columns)], extra="ignore")
    by_code = np.array([c is not None for c in table.code], dtype=bool)
    return pd.DataFrame(
        {
            "by_code": by_code,
            "key": np.where(by_code, table.code, table.city).astype(object),
            "year": table.year,
            "city": table.city,
        },
        index=part.index,
    )


def _keys_with_rows(part: pd.DataFrame, partition_info: dict[str, int] | None = None) -> Any:
    keys = _keys(part)
    keys["partition"] = (partition_info or {"number": 0})["number"]
    keys["local_row"] = np.arange(len(part), dtype=np.int64)
    return keys


def _check_duplicates(ddf: Any) -> None:
    """Raise DataError when two rows, anywhere in the frame, share an identity."""
    identity = ddf[_identity_columns(ddf.columns)]
    meta = _keys(identity._meta)
    keys = identity.map_partitions(_keys, meta=meta)
    sizes = keys.groupby(["by_code", "key", "year"]).size().compute()
    repeated = sizes[sizes > 1]
    if repeated.empty:
        return
    # The error path only: find the rows, numbered as in the whole frame.
    lengths = identity.map_partitions(len).compute().to_numpy()
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    located = identity.map_partitions(
        _keys_with_rows, meta=_keys_with_rows(identity._meta)
    ).compute()
    wanted = set(repeated.index)
    found = located[
        [
            (b, k, y) in wanted
            for b, k, y in zip(located.by_code, located.key, located.year, strict=True)
        ]
    ]
    problems = []
    for row in found.itertuples(index=False):
        variable = "code" if row.by_code else "city"
        problems.append(
            Problem(
                int(offsets[row.partition] + row.local_row),
                str(row.city),
                int(row.year),
                variable,
                row.key,
                "duplicate_identity",
                f"{variable} {row.key!r} and year {row.year} appear in more than one row",
            )
        )
    problems.sort(key=lambda p: p.row or 0)
    raise DataError(
        "two or more rows have the same identity (code and year, or city and year when there "
        "is no code):",
        problems,
    )


def _effective(config: RollupConfig | None) -> RollupConfig:
    from iso37122.rollup import RollupConfig

    return config if config is not None else RollupConfig()


PeerMode = Literal["none", "one", "city", "year"]


def _peer_mode(frame: Any, config: RollupConfig, options: Mapping[str, Any]) -> PeerMode:
    """How rows must be grouped in partitions for the roll-up's peer scores to be exact.

    ``"none"``: no indicator is scored against peers, any partitioning will do; ``"one"``:
    peers are every row (one partition); ``"city"``: a city's own years; ``"year"``: the
    city-years of a year (peer groups that split a year further lie within it). Under
    ``peer_by="year"`` an indicator reported by too few of a year's city-years is scored
    against every year's values: when the data hold such a year (a first pass counts the
    computed values per year and indicator), all rows go to one partition.
    """
    from iso37122.indicators import CATALOGUE

    specs = CATALOGUE.select(options["indicators"])
    peered = [
        (spec, plan)
        for spec, plan in zip(specs, (config.plan(spec) for spec in specs), strict=True)
        if plan.scorable and plan.normalisation.uses_peers
    ]
    if not peered:
        return "none"
    if config.peer_by == "all":
        return "one"
    if config.peer_by == "city":
        return "city"
    if config.peer_by == "year" and any(plan.min_peers > 2 for _, plan in peered):
        clauses = [spec.clause for spec, _ in peered]
        meta = pd.DataFrame(
            {"year": pd.Series(dtype=np.int64), **{c: pd.Series(dtype=np.int64) for c in clauses}}
        )
        counts = frame.map_partitions(_computed_counts, [s for s, _ in peered], options, meta=meta)
        totals = counts.groupby("year").sum().compute()
        need = np.array([plan.min_peers for _, plan in peered])
        found = totals[clauses].to_numpy()
        if len(totals) > 1 and ((found > 0) & (found < need)).any():
            return "one"
    return "year"


def _computed_counts(
    part: pd.DataFrame, specs: Sequence[Any], options: Mapping[str, Any]
) -> pd.DataFrame:
    """Per year of a partition, how many city-years each indicator is computed for."""
    from iso37122.engine import Status, evaluate

    table = to_table(part, units=options["units"], extra=options["extra"])
    results = evaluate(table, specs)
    computed = results.status == Status.COMPUTED.code
    counts = pd.DataFrame(
        computed.T.astype(np.int64), columns=[spec.clause for spec in results.indicators]
    )
    counts.insert(0, "year", table.year)
    return counts.groupby("year", as_index=False).sum()


def _peer_key(part: pd.DataFrame, mode: PeerMode) -> pd.Series[Any]:
    """Return a key equal for rows in the same peer group (at least as coarse as it)."""
    keys = _keys(part)
    if mode == "year":
        return keys["year"].astype(np.int64)
    return keys["by_code"].map({True: "code ", False: "city "}).astype(object) + keys["key"]


def _with_peer_key(part: pd.DataFrame, mode: PeerMode) -> pd.DataFrame:
    """Return the partition with its peer key as a column, in few blocks (for the shuffle)."""
    keyed = pd.concat([part, _peer_key(part, mode).rename(_PEER_KEY)], axis=1)
    return keyed.copy()


def _padding(columns: Iterable[object], peer_by: str) -> pd.DataFrame:
    """Return two rows, nothing reported, forming one peer group of their own.

    A partition whose rows each sit alone in their peer group would make the roll-up raise
    (it cannot tell that other partitions hold bigger groups); with these two rows beside them
    it scores them exactly as the whole frame does (alone: no peer score), and they are then
    dropped. Their values are all missing, so they enter no other group's statistics.
    """
    same_city = peer_by == "city"
    pad: dict[object, list[object]] = {column: [np.nan, np.nan] for column in columns}
    pad["city"] = [_PADDING[0], _PADDING[0] if same_city else _PADDING[1]]
    pad["year"] = [2000, 2001] if same_city else [2000, 2000]
    # Groups read from the code (province, kind) need one: two kota of a province "00".
    pad["code"] = ["00.71", "00.72"] if peer_by in ("province", "kind") else [None, None]
    return pd.DataFrame(pad)


def _profile_partition(
    part: pd.DataFrame,
    kind: FrameKind,
    columns: Literal["clause", "name"],
    options: Mapping[str, Any],
) -> pd.DataFrame:
    """Compute one partition's profiles and return them as a frame."""
    from iso37122.profile import compute_profile

    config = _effective(options["config"])
    part = part.drop(columns=[_PEER_KEY], errors="ignore")
    padded = 0
    if config.normalisation.uses_peers and config.peer_by != "all" and len(part):
        groups = _peer_key(part, "city" if config.peer_by == "city" else "year")
        if groups.value_counts().max() < 2:
            part = pd.concat([part, _padding(part.columns, config.peer_by)], ignore_index=True)
            padded = 2
    profiles = compute_profile(part, **options)
    frame = profiles.to_frame(kind, **({"columns": columns} if kind == "wide" else {}))
    # Names and codes as pandas strings in every partition, the empty metadata included (an
    # empty object column would make Dask guess, and per-partition categories would differ).
    text = ["city", "code", "reason"] if kind == "long" else ["city", "code"]
    frame = frame.astype(dict.fromkeys(text, "string"))
    if padded:
        frame = frame[~frame["city"].isin(_PADDING)].reset_index(drop=True)
    return frame


class DaskProfileSet:
    """The profiles of a Dask DataFrame, computed lazily partition by partition.

    Create it with :func:`~iso37122.compute_profile`; :meth:`to_frame` gives a Dask
    DataFrame to compute or write.
    """

    def __init__(self, frame: Any, options: Mapping[str, Any]) -> None:
        self._frame = frame
        self._options = dict(options)

    @property
    def npartitions(self) -> int:
        """Number of partitions of the (possibly shuffled) input."""
        return int(self._frame.npartitions)

    def to_frame(
        self, kind: FrameKind = "long", *, columns: Literal["clause", "name"] = "clause"
    ) -> dd.DataFrame:
        """Return the results as a lazy Dask DataFrame.

        Parameters
        ----------
        kind
            ``"long"`` (one row per city-year and indicator) or ``"wide"`` (one row per
            city-year), with the columns of :meth:`iso37122.ProfileSet.to_frame`; in the long
            frame ``city`` and ``code`` are text rather than categoricals.
        columns
            For ``"wide"``: name value columns by clause (default) or by indicator name.

        Returns
        -------
        dask.dataframe.DataFrame
            One output partition per input partition.
        """
        if kind not in ("long", "wide"):
            raise ValueError(f"kind must be 'long' or 'wide', not {kind!r}")
        meta = _profile_partition(self._frame._meta, kind, columns, self._options)
        result: dd.DataFrame = self._frame.map_partitions(
            _profile_partition, kind, columns, self._options, meta=meta
        )
        return result

    def __repr__(self) -> str:
        """Summarise the set without computing it."""
        return f"<DaskProfileSet over {self.npartitions} partitions>"


def compute_profile_dask(
    data: dd.DataFrame,
    *,
    config: RollupConfig | None = None,
    strict: bool = False,
    indicators: IndicatorKeys = None,
    units: Mapping[str, str] | None = None,
    extra: Extra = "forbid",
) -> DaskProfileSet:
    """Check a Dask DataFrame's structure and identities, and plan its profiles.

    Parameters are those of :func:`~iso37122.compute_profile`. The structure is checked on
    the metadata and the identities by one pass over the identity columns (both raise here);
    the indicators are computed when the frame of :meth:`DaskProfileSet.to_frame` is.

    Raises
    ------
    DataError
        An unknown column, a missing identity column, or a city-year given twice (anywhere).
    ConfigError
        A peer-group method when no peer group has two city-years.
    """
    options: dict[str, Any] = {
        "config": config,
        "strict": strict,
        "indicators": indicators,
        "units": units,
        "extra": extra,
    }
    # Structure: the same checks as a pandas frame, on the (empty) metadata.
    to_table(data._meta, units=units, strict=strict, extra=extra)
    _check_duplicates(data)
    frame: Any = data
    config = _effective(config)
    mode = _peer_mode(frame, config, options)
    largest = 2  # the largest peer group (the roll-up raises when every group has one row)
    if mode == "one":
        frame = frame.repartition(npartitions=1)
        largest = len(frame)
    elif mode != "none":
        meta = _with_peer_key(frame._meta, mode)
        keyed = frame.map_partitions(_with_peer_key, mode, meta=meta)
        largest = int(keyed[_PEER_KEY].value_counts().max().compute())
        frame = keyed.shuffle(on=_PEER_KEY)
    if config.normalisation.uses_peers and largest < 2:
        raise ConfigError(
            f"normalisation={config.normalisation.value!r} compares each city-year with its "
            f"peers (peer_by={config.peer_by!r}), but each city-year is alone in its peer "
            "group; choose another peer_by or a fixed-reference method ('goalposts', the "
            "default, 'target' or 'bands')"
        )
    return DaskProfileSet(frame, options)
