"""``compute_profile``: the one entry point, from any input to a ``Profile`` or ``ProfileSet``."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, overload

import pandas as pd

from iso37122._arguments import check_indicators, check_options
from iso37122._single_profile import single_profile
from iso37122.backends import is_arrow, is_dask, is_polars, to_pandas
from iso37122.data import CityDataBase, Extra, raise_problems, to_table
from iso37122.engine import evaluate
from iso37122.errors import ArgumentError
from iso37122.indicators import CATALOGUE
from iso37122.profile import Profile, ProfileSet
from iso37122.rollup import RollupConfig, roll_up
from iso37122.themes import Theme

if TYPE_CHECKING:
    import dask.dataframe as dd
    import polars as pl

    from iso37122.distributed import DaskProfileSet


__all__ = ["IndicatorKeys", "ManyRows", "compute_profile"]

IndicatorKeys = Sequence[str | Theme] | str | Theme | None
ManyRows = (
    pd.DataFrame
    | Sequence[Mapping[str, object] | CityDataBase]
    | str
    | os.PathLike[str]
    | bytes
    | IO[bytes]
    | IO[str]
)
"""Inputs of many city-years: a frame, a list of records, or a file (path, object, bytes)."""


def _config(config: object) -> RollupConfig | None:
    """Accept a RollupConfig, None, or a mapping validated into a RollupConfig."""
    if config is None or isinstance(config, RollupConfig):
        return config
    if isinstance(config, Mapping):
        return RollupConfig.model_validate(dict(config))
    raise ArgumentError(
        f"config= takes a RollupConfig or a mapping of its fields, not {type(config).__name__}"
    )


@overload
def compute_profile(
    data: CityDataBase | Mapping[str, object],
    *,
    config: RollupConfig | Mapping[str, Any] | None = ...,
    strict: bool = ...,
    indicators: IndicatorKeys = ...,
    units: Mapping[str, str] | None = ...,
    extra: Extra = ...,
) -> Profile: ...


@overload
def compute_profile(
    data: dd.DataFrame,
    *,
    config: RollupConfig | Mapping[str, Any] | None = ...,
    strict: bool = ...,
    indicators: IndicatorKeys = ...,
    units: Mapping[str, str] | None = ...,
    extra: Extra = ...,
) -> DaskProfileSet: ...


@overload
def compute_profile(
    data: ManyRows | pl.DataFrame,
    *,
    config: RollupConfig | Mapping[str, Any] | None = ...,
    strict: bool = ...,
    indicators: IndicatorKeys = ...,
    units: Mapping[str, str] | None = ...,
    extra: Extra = ...,
    **read_options: Any,
) -> ProfileSet: ...


def compute_profile(
    data: CityDataBase | Mapping[str, object] | ManyRows | pl.DataFrame | dd.DataFrame,
    *,
    config: RollupConfig | Mapping[str, Any] | None = None,
    strict: bool = False,
    indicators: IndicatorKeys = None,
    units: Mapping[str, str] | None = None,
    extra: Extra = "forbid",
    **read_options: Any,
) -> Profile | ProfileSet | DaskProfileSet:
    """Compute ISO 37122 indicators for one city-year or for many.

    Parameters
    ----------
    data
        One city-year as a :class:`~iso37122.CityData` or a mapping (gives a
        :class:`Profile`); or many as a wide pandas or Polars DataFrame, a pyarrow Table or
        a list of mappings / ``CityData`` (gives a :class:`ProfileSet`); or a Dask DataFrame
        (gives a lazy :class:`~iso37122.distributed.DaskProfileSet`). A frame has columns
        ``city``, ``year``, optional ``code`` and one column per variable, in its canonical
        unit, in ``units`` or with the unit in the header (``"land_area [ha]"``). A path, file
        object or bytes is read with :func:`iso37122.read_table` (gives a :class:`ProfileSet`).
    config
        How indicators are scored and rolled up into the three key elements, as a
        ``RollupConfig`` or a mapping of its fields (validated by
        ``RollupConfig.model_validate``; default:
        :class:`~iso37122.rollup.RollupConfig` defaults: goalposts, equal weights, arithmetic
        mean, the library's default element mapping).
    strict
        Raise one :class:`~iso37122.errors.DataError` listing every data problem: every bad
        value and every broken constraint (a part above its whole). By default a bad value
        or a broken constraint makes the indicators concerned ``invalid`` and all others are
        computed.
    indicators
        Clauses, names or themes to compute (default: all).
    units
        Units of variables given in another unit than the canonical one.
    extra
        ``"forbid"`` (default) raises on unknown columns or keys; ``"ignore"`` drops them.
    **read_options
        For a file: the options of :func:`iso37122.read_table` (``sep``, ``decimal``,
        ``columns``, ``sheet``, ``dash`` …).

    Returns
    -------
    Profile or ProfileSet
        The results, with every selected indicator present whatever its status.

    Raises
    ------
    DataError
        Structural problems always (unknown column, duplicate city-year, missing identity);
        bad values with ``strict=True``.
    UnitError
        A unit of the wrong dimension.

    Examples
    --------
    >>> p = compute_profile({"city": "Kota Contoh", "year": 2024, "population": 200_000,
    ...                      "population_with_fast_broadband": 150_000})
    >>> p["18.1"].value, p["18.1"].status.value
    (75.0, 'computed')
    >>> p["5.3"].reason
    'not reported: ict_employed, labour_force'
    """
    check_indicators(indicators)
    config = _config(config)
    if is_dask(data):
        from iso37122.distributed import compute_profile_dask

        return compute_profile_dask(
            data, config=config, strict=strict, indicators=indicators, units=units, extra=extra
        )
    if is_polars(data) or is_arrow(data):
        data = to_pandas(data)  # a pandas view sharing the Arrow buffers
    specs = CATALOGUE.select(indicators)
    check_options(units=units, strict=strict, extra=extra)
    if isinstance(data, str | os.PathLike | bytes) or hasattr(data, "read"):
        from iso37122.io import read_table

        data = read_table(data, units=units, strict=strict, extra=extra, **read_options)  # type: ignore[arg-type]
        units = None
    elif read_options:
        raise ArgumentError(
            f"compute_profile got file options {sorted(read_options)} but no file to read"
        )
    if isinstance(data, Mapping) and not units:
        single = single_profile(data, specs, config, strict=strict)
        if single is not None:  # one plain city-year: the same Profile, without pandas
            return single
    table = to_table(data, units=units, strict=False, extra=extra)
    results = evaluate(table, specs)
    if strict:
        problems = [*table.problems, *results.constraint_problems()]
        if problems:
            raise_problems(problems)
    elements = roll_up(results, config)
    if isinstance(data, CityDataBase | Mapping):
        return Profile(results, elements, 0)
    provenance = data.attrs.get("iso37122.provenance") if isinstance(data, pd.DataFrame) else None
    return ProfileSet(results, elements, provenance)
