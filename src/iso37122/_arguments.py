"""Checks of the arguments of the public entry points, before any work is done.

Each check raises :class:`~iso37122.errors.ArgumentError` saying what is expected, so that a
wrong argument never surfaces as a pandas, numpy or pydantic exception from deep inside.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from iso37122.errors import ArgumentError
from iso37122.themes import Theme

EXTRA_VALUES = ("forbid", "ignore")


def check_data(data: object, caller: str) -> None:
    """Refuse what is not a CityData, a mapping, a DataFrame or a sequence of records."""
    expected = (
        f"{caller} takes a CityData, a mapping of one city-year, a pandas DataFrame or a list "
        "of mappings"
    )
    if data is None:
        raise ArgumentError(f"{expected}, not None")
    if isinstance(data, pd.Series):
        raise ArgumentError(
            f"{expected}, not a pandas Series; for one city-year pass series.to_dict(), for a "
            "table pass a DataFrame"
        )
    if isinstance(data, np.ndarray | str | bytes | bytearray):
        raise ArgumentError(f"{expected}, not {type(data).__name__}")
    if isinstance(data, Mapping):
        listed = [key for key, value in data.items() if _is_column(value)]
        if listed:
            raise ArgumentError(
                f"{expected}; this mapping holds columns ({', '.join(map(repr, listed[:3]))} "
                "are lists), so pass pd.DataFrame(data) for many city-years"
            )
        return
    if isinstance(data, pd.DataFrame):
        check_columns(data)
        return
    if isinstance(data, Sequence):
        from iso37122.data import CityDataBase

        for i, item in enumerate(data):
            if not isinstance(item, Mapping | CityDataBase):
                raise ArgumentError(
                    f"{expected}; item {i} is a {type(item).__name__}, not a mapping or CityData"
                )
        return
    if not hasattr(data, "model_dump"):
        raise ArgumentError(f"{expected}, not {type(data).__name__}")


def _is_column(value: object) -> bool:
    return isinstance(value, list | tuple | np.ndarray | pd.Series) and not (
        isinstance(value, np.ndarray) and value.ndim == 0
    )


def check_columns(frame: pd.DataFrame) -> None:
    """Refuse a frame whose columns cannot name variables: a MultiIndex or repeated names."""
    if isinstance(frame.columns, pd.MultiIndex):
        raise ArgumentError(
            "the DataFrame has a MultiIndex of columns; flatten it to one name per column "
            "(e.g. frame.columns = ['_'.join(c) for c in frame.columns])"
        )
    repeated = frame.columns[frame.columns.duplicated()].unique().tolist()
    if repeated:
        raise ArgumentError(
            f"the DataFrame has repeated column names: {', '.join(map(repr, repeated[:5]))}; "
            "each variable must be given by one column"
        )


def check_options(*, units: object, strict: object, extra: object) -> None:
    """Check ``units=``, ``strict=`` and ``extra=``."""
    if units is not None:
        if not isinstance(units, Mapping):
            raise ArgumentError(
                f"units= takes a mapping from variable id to unit text, e.g. "
                f"{{'land_area': 'ha'}}, not {type(units).__name__}"
            )
        for key, value in units.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise ArgumentError(
                    f"units= maps variable ids to unit text; {key!r}: {value!r} is not that"
                )
    if not isinstance(strict, bool | np.bool_):
        raise ArgumentError(f"strict= takes True or False, not {strict!r}")
    if not isinstance(extra, str) or extra not in EXTRA_VALUES:
        raise ArgumentError(f"extra= takes 'forbid' or 'ignore', not {extra!r}")


def check_indicators(indicators: object) -> None:
    """Check ``indicators=``: None, a key (clause, name or Theme) or a non-empty list of keys."""
    if indicators is None or isinstance(indicators, str | Theme):
        return
    what = "indicators= takes a clause ('18.1'), a name, a Theme, or a non-empty list of them"
    if not isinstance(indicators, Sequence | set | frozenset):
        hint = f" (write {str(indicators)!r})" if isinstance(indicators, float | int) else ""
        raise ArgumentError(f"{what}, not {indicators!r}{hint}")
    items: list[Any] = list(indicators)
    if not items:
        raise ArgumentError(f"{what}; the list is empty, so nothing would be computed")
    for item in items:
        if not isinstance(item, str | Theme):
            raise ArgumentError(f"{what}; {item!r} is a {type(item).__name__}")
