"""The long results frame, built from codes: no Python object per cell.

Package-internal. The long frame of 100 000 city-years has 8 million rows. Every text column
(city, code, clause, name, unit, status and reason) repeats a few distinct values, so each is
a categorical built from integer codes; the reasons are produced once per distinct sentence
(cells whose inputs are missing in the same way, or that share a zero denominator, share one),
and only cells whose reason names their own values (a part above its whole) are explained one
by one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122.engine import STATUS_BY_CODE, Status

if TYPE_CHECKING:
    from iso37122.engine import Results

__all__ = ["long_frame", "reason_codes"]

IntArray = npt.NDArray[np.int64]

_COMPUTED = Status.COMPUTED.code
_MISSING = Status.MISSING.code
_UNDEFINED = Status.UNDEFINED.code


def reason_codes(results: Results) -> tuple[npt.NDArray[np.int32], list[str]]:
    """Return an (indicators, rows) array of reason codes (-1: computed) and the reasons.

    Cells get the sentence :meth:`Results.reason` gives them. Those whose sentence depends
    only on which inputs are missing, or on which check found the formula undefined, are
    grouped and explained once per group.
    """
    status = results.status
    detail = results.detail
    m, n = status.shape
    codes = np.full((m, n), -1, dtype=np.int32)
    texts: list[str] = []
    index: dict[str, int] = {}

    def code_of(text: str) -> int:
        found = index.get(text)
        if found is None:
            found = index[text] = len(texts)
            texts.append(text)
        return found

    for i, spec in enumerate(results.indicators):
        rows = np.flatnonzero(status[i] != _COMPUTED)
        if rows.size == 0:
            continue
        kinds = status[i, rows]
        # Missing: the sentence names the inputs not reported, a bit pattern per row.
        missing = rows[kinds == _MISSING]
        if missing.size:
            pattern = np.zeros(missing.size, dtype=np.int64)
            for k, variable in enumerate(spec.inputs):
                given = results.table.column_as_given(variable)
                pattern |= np.isnan(given[missing]).astype(np.int64) << k
            _explain_groups(results, i, missing, pattern, codes, code_of)
        # Undefined: the sentence names the check (zero denominator, no finite value).
        undefined = rows[kinds == _UNDEFINED]
        if undefined.size:
            keys = detail[i, undefined].astype(np.int64)
            _explain_groups(results, i, undefined, keys, codes, code_of)
        # Invalid: the sentence names the cell's own values.
        for row in rows[(kinds != _MISSING) & (kinds != _UNDEFINED)].tolist():
            codes[i, row] = code_of(results.reason(i, row) or "")
    return codes, texts


def _explain_groups(
    results: Results,
    i: int,
    rows: npt.NDArray[np.intp],
    keys: IntArray,
    codes: npt.NDArray[np.int32],
    code_of: Callable[[str], int],
) -> None:
    """Explain one row per distinct key and give its sentence to every row with that key."""
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    group_codes = np.array(
        [code_of(results.reason(i, int(rows[j])) or "") for j in first], dtype=np.int32
    )
    codes[i, rows] = group_codes[inverse]


def long_frame(results: Results) -> pd.DataFrame:
    """One row per city-year and indicator (city-years in input order, then clause order)."""
    table = results.table
    specs = results.indicators
    n, m = table.n_rows, len(specs)

    def per_row(labels: npt.NDArray[np.object_]) -> pd.Categorical:
        row_codes, uniques = pd.factorize(pd.Series(labels, dtype=object), use_na_sentinel=True)
        small = row_codes.astype(np.int8 if len(uniques) < 127 else np.int32)  # pandas' own
        return pd.Categorical.from_codes(np.repeat(small, m), categories=uniques)

    def per_indicator(labels: list[str]) -> pd.Categorical:
        spec_codes, uniques = pd.factorize(pd.Series(labels, dtype=object))
        return pd.Categorical.from_codes(np.tile(spec_codes.astype(np.int8), n), categories=uniques)

    reasons, texts = reason_codes(results)
    return pd.DataFrame(
        {
            "city": per_row(table.city),
            "year": np.repeat(table.year, m),
            "code": per_row(table.code),
            "clause": per_indicator([s.clause for s in specs]),
            "name": per_indicator([s.name for s in specs]),
            "value": results.values.T.reshape(-1),
            "unit": per_indicator([s.unit for s in specs]),
            "status": pd.Categorical.from_codes(
                results.status.T.reshape(-1),
                categories=pd.Index([s.value for s in STATUS_BY_CODE]),
            ),
            "reason": pd.Categorical.from_codes(
                reasons.T.reshape(-1), categories=pd.Index(texts, dtype=object)
            ),
        },
        copy=False,  # the arrays are new: wrap them, do not copy them again
    )
