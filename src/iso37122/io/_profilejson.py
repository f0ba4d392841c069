"""The JSON records of a profile set, written from its columnar arrays a chunk of rows at a time.

Package-internal. :func:`record_template` lays out one city-year exactly as
:class:`~iso37122.ProfileRecord` is serialised — identity, every indicator's result, the three
element scores with every contribution — with a hole (see :mod:`iso37122.io._jsontext`) for
each value that differs between rows: numbers straight from the result arrays, and statuses,
reasons and references as codes into tables of texts, each distinct text made and encoded once
for the whole set. The template's ``chunks`` give the records a chunk of rows at a time, whose
text is small enough to be held at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from iso37122._frames import reason_codes
from iso37122._typing import BoolArray, IntArray
from iso37122.engine import STATUS_BY_CODE
from iso37122.io._jsontext import (
    LINE,
    CodeHole,
    FloatHole,
    Style,
    Template,
    encode,
    pieces,
)
from iso37122.rollup.normalisers import LeftOut
from iso37122.rollup.results import Memo

if TYPE_CHECKING:
    from iso37122.profile import ProfileSet

__all__ = ["Identity", "record_lines", "record_template"]


_STATUS = [encode(status.value, LINE) for status in STATUS_BY_CODE]
_BOOL = [b"false", b"true"]
_SCORED = int(LeftOut.SCORED)


class _Texts:
    """JSON texts of strings (``None``: ``null``), each encoded once."""

    def __init__(self) -> None:
        self._found: dict[str | None, bytes] = {}

    def __call__(self, texts: Sequence[str | None]) -> list[bytes]:
        found = self._found
        out = []
        for text in texts:
            encoded = found.get(text)
            if encoded is None:
                encoded = found[text] = encode(text, LINE)
            out.append(encoded)
        return out


def _factorised(labels: Sequence[str | int | None]) -> tuple[IntArray, list[bytes]]:
    """Codes of labels (``None`` is ``null``) and the JSON text of each code."""
    column = np.empty(len(labels), dtype=object)
    column[:] = labels
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    table = [b"null"] + [encode(label, LINE) for label in uniques.tolist()]
    return codes.astype(np.int64) + 1, table


class Identity:
    """The identity of every row, as codes into JSON texts: city, year and region code.

    The texts are those of ``Table.identity``: the city and code as text (``None`` a
    ``null`` code), the year as an integer.
    """

    def __init__(self, profiles: ProfileSet) -> None:
        table = profiles.table
        self.city = CodeHole.of(*_factorised([str(c) for c in table.city]))
        self.year = CodeHole.of(*_factorised([int(y) for y in table.year.tolist()]))
        self.code = CodeHole.of(*_factorised([None if c is None else str(c) for c in table.code]))


def record_lines(profiles: ProfileSet) -> Iterator[bytes]:
    """Yield each city-year's record, ``Profile.to_json(indent=None)``, in row order.

    Made a chunk of rows at a time, as :meth:`~iso37122.ProfileSet.to_jsonl` writes them
    (without the line break): comparing two sets record by record holds a chunk, not a set.
    """
    template = record_template(profiles, LINE, 0)
    for rows in template.chunks(len(profiles)):
        yield from rows


def record_template(
    profiles: ProfileSet, style: Style, depth: int, end: bytes = b"", *, who: Identity | None = None
) -> Template:
    """Return the template of a city-year's record (``ProfileRecord``) at ``depth``.

    Parameters
    ----------
    profiles
        The set whose rows the template fills.
    style
        The layout of the text.
    depth
        The record's nesting level in the output (0: a line of its own).
    end
        Constant text after each record (a line break).
    who
        The identity holes, when the caller has made them already.
    """
    results = profiles.results
    elements = profiles.elements
    config = elements.config
    reasons, reason_texts = reason_codes(results)
    reason_table = [b"null"] + [encode(text, LINE) for text in reason_texts]
    texts = _Texts()
    memo: Memo = {}
    who = who or Identity(profiles)

    def own_reason(i: int) -> CodeHole:
        return CodeHole(lambda start, stop: (reasons[i, start:stop] + 1, reason_table))

    def included(i: int) -> Callable[[int, int], BoolArray]:
        def mask(start: int, stop: int) -> BoolArray:
            found: BoolArray = elements.left_out[i, start:stop] == _SCORED
            return found

        return mask

    def reference(i: int) -> CodeHole:
        def found(start: int, stop: int) -> tuple[IntArray, list[bytes]]:
            codes, strings = elements.reference_codes(i, start, stop, memo)
            return codes, texts(strings)

        return CodeHole(found)

    def reason(i: int) -> CodeHole:
        def found(start: int, stop: int) -> tuple[IntArray, list[bytes]]:
            own = reasons[i, start:stop]
            codes, strings = elements.reason_codes(i, start, stop, own, memo)
            return codes, texts(strings)

        return CodeHole(found)

    def band(i: int) -> CodeHole:
        def found(start: int, stop: int) -> tuple[IntArray, list[bytes]]:
            bands = elements.bands[i, start:stop]
            codes = np.where(included(i)(start, stop) & (bands != 0), bands, 0)
            return codes, _numbers(int(codes.max()), none_at_zero=True)

        return CodeHole(found)

    def inclusion(i: int) -> CodeHole:
        return CodeHole(lambda start, stop: (included(i)(start, stop).astype(np.int64), _BOOL))

    def element_reason(e: int) -> CodeHole:
        def found(start: int, stop: int) -> tuple[IntArray, list[bytes]]:
            codes, strings = elements.element_reason_codes(e, start, stop, memo)
            return codes, texts(strings)

        return CodeHole(found)

    def scored(e: int) -> CodeHole:
        def found(start: int, stop: int) -> tuple[npt.NDArray[np.int64], list[bytes]]:
            counts = elements.n_scored[e, start:stop]
            return counts, _numbers(int(counts.max()), none_at_zero=False)

        return CodeHole(found)

    values = [FloatHole(results.values[i]) for i in range(len(results.indicators))]
    statuses = [CodeHole.of(results.status[i], _STATUS) for i in range(len(results.indicators))]
    indicators = {
        spec.clause: {
            "clause": spec.clause,
            "name": spec.name,
            "value": values[i],
            "unit": spec.unit,
            "status": statuses[i],
            "reason": own_reason(i),
        }
        for i, spec in enumerate(results.indicators)
    }

    by_element: dict[str, Any] = {}
    for e, element in enumerate(elements.elements):
        contributions = [
            {
                "clause": spec.clause,
                "name": spec.name,
                "raw_value": values[i],
                "unit": spec.unit,
                "status": statuses[i],
                "direction": elements.plans[i].direction.value,
                "reference": reference(i),
                "score": FloatHole(elements.normalised[i], keep=included(i), same=values[i]),
                "band": band(i),
                "weight": float(elements.weights[i]),
                "included": inclusion(i),
                "reason": reason(i),
            }
            for i, spec in enumerate(results.indicators)
            if elements.membership[i] is element
        ]
        by_element[element.value] = {
            "element": element.value,
            "score": FloatHole(elements.score[e]),
            "coverage": FloatHole(elements.coverage[e]),
            "n_scored": scored(e),
            "n_total": int(elements.n_total[e]),
            "min_coverage": config.min_coverage,
            "normalisation": config.normalisation.value,
            "aggregation": config.aggregation.value,
            "reason": element_reason(e),
            "contributions": contributions,
        }
    record = {
        "city": who.city,
        "year": who.year,
        "code": who.code,
        "indicators": indicators,
        "elements": by_element,
    }
    parts = pieces(record, style, depth)
    return Template([*parts, end] if end else parts, style)


def _numbers(largest: int, *, none_at_zero: bool) -> list[bytes]:
    """Texts of the integers ``0..largest`` (``null`` for 0 when ``none_at_zero``)."""
    table = [str(k).encode("ascii") for k in range(max(largest, 0) + 1)]
    if none_at_zero:
        table[0] = b"null"
    return table
