"""JSON text of many records at once: a template with holes, filled a column at a time.

Package-internal. Every record of a set (one city-year) has the same shape; only some of its
values differ from row to row. A record is therefore written once as a *template*: constant
JSON text with holes where rows differ. Each hole is backed by a column — numbers, or codes into
a small table of JSON texts (a status, a reason, a reference) — that is turned into text for a
chunk of rows at once: numbers are formatted once per column by the encoder of the output
(``json.dumps``, or pydantic's), texts are encoded once per distinct text, and the texts of the
holes and constants between two numbers are combined per distinct combination. A row's text is
then the join of its pieces. The result is byte for byte what the per-object path writes, at a
small fraction of its cost, and the memory held is that of one chunk.

Two layouts (:class:`Style`): :data:`LINE`, as ``json.dumps(data, ensure_ascii=False)`` writes
(``", "`` and ``": "``, ``repr`` of floats), and :data:`DOCUMENT`, as pydantic's
``model_dump_json(indent=2)`` writes (one value a line, pydantic's float format).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
import pydantic_core

from iso37122._typing import BoolArray, FloatArray, IntArray

__all__ = [
    "DOCUMENT",
    "LINE",
    "CodeHole",
    "FloatHole",
    "Hole",
    "Piece",
    "Slot",
    "Style",
    "Template",
    "encode",
    "pieces",
    "row_chunks",
    "stream_list",
]

_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""Encodes a string as ``json.dumps(..., ensure_ascii=False)`` does."""

_DENSE = 4096
"""Largest table (or product of two tables) whose used codes are found with a mask."""


def _pydantic_floats(values: FloatArray, ok: BoolArray | None) -> list[bytes]:
    if values.size == 0:
        return []
    if ok is None:
        numbers = values.tolist()
    else:
        kept = values.astype(object)
        kept[~ok] = None
        numbers = kept.tolist()
    texts: list[bytes] = pydantic_core.to_json(numbers, inf_nan_mode="null")[1:-1].split(b",")
    return texts


_PROBES = (0.1, 1 / 3, 2 / 3e3, 1e-4, 2.5e-4, 123456.789, 1e15, 2**53 + 2.0, 9999999999999998.0)


@cache
def _pydantic_writes_repr() -> bool:
    """Whether pydantic-core writes floats from 1e-4 to 1e16 as ``repr`` does (it does in 2.x)."""
    return _pydantic_floats(np.array(_PROBES), None) == [repr(x).encode() for x in _PROBES]


def _repr_floats(values: FloatArray, ok: BoolArray | None) -> list[bytes]:
    # json.dumps writes a float as float.__repr__, which is slow (shortest round-trip digits
    # by dtoa). pydantic-core finds the same digits far faster, and lays them out the same
    # way from 1e-4 to 1e16; outside that range each number is written by repr itself.
    if not _pydantic_writes_repr():
        if values.size == 0:
            return []
        numbers = values.astype(object)
        if ok is not None:
            numbers[~ok] = None
        return json.dumps(numbers.tolist(), allow_nan=False)[1:-1].encode("ascii").split(b", ")
    texts = _pydantic_floats(values, ok)
    size = np.abs(values)
    odd = ((size < 1e-4) & (size > 0.0)) | (size >= 1e16)
    if ok is not None:
        odd &= ok
    for k in np.flatnonzero(odd).tolist():
        texts[k] = float.__repr__(float(values[k])).encode("ascii")
    return texts


@dataclass(frozen=True)
class Style:
    """A layout of JSON text.

    Attributes
    ----------
    indent
        ``None``: one line with ``", "`` and ``": "`` between items (``json.dumps``); else the
        spaces per level of pydantic's indented form (``model_dump_json(indent=...)``).
    floats
        The text of each number of an array as the layout's encoder writes it; ``null``
        where the mask (if any) is false.
    """

    indent: int | None
    floats: Callable[[FloatArray, BoolArray | None], list[bytes]]

    def pad(self, depth: int) -> bytes:
        """Return the line break and indent before an item at ``depth`` (none on one line)."""
        return b"" if self.indent is None else b"\n" + b" " * (self.indent * depth)

    @property
    def comma(self) -> bytes:
        """What separates two items."""
        return b", " if self.indent is None else b","


LINE = Style(None, _repr_floats)
"""``json.dumps(data, ensure_ascii=False)``: the layout of ``Profile.to_json(indent=None)``."""

DOCUMENT = Style(2, _pydantic_floats)
"""pydantic's ``model_dump_json(indent=2)``: the layout of ``ProfileSet.to_json()``."""


class Hole:
    """A place in a template whose text differs from row to row."""

    __slots__ = ()


class FloatHole(Hole):
    """A number per row: ``null`` where it is not finite, or where ``keep`` is false.

    ``keep(start, stop)`` gives the mask of rows ``start:stop``. ``same``: another hole whose
    numbers are often the very same (a score equal to its raw value); its texts are reused
    where the two numbers are identical, bit for bit.
    """

    __slots__ = ("keep", "same", "values")

    def __init__(
        self,
        values: FloatArray,
        keep: Callable[[int, int], BoolArray] | None = None,
        same: FloatHole | None = None,
    ) -> None:
        self.values = values
        self.keep = keep
        self.same = same

    def texts(
        self, start: int, stop: int, style: Style, same: list[bytes] | None = None
    ) -> list[bytes]:
        """Return the text of rows ``start:stop`` (``same``: the texts of :attr:`same`)."""
        values = self.values[start:stop]
        ok = np.isfinite(values)
        if self.keep is not None:
            ok &= self.keep(start, stop)
        if same is None or self.same is None:
            return style.floats(values, None if ok.all() else ok)
        other = self.same.values[start:stop]
        reuse = ok & (values.view(np.int64) == other.view(np.int64))
        fresh = ok & ~reuse
        texts = np.fromiter(same, dtype=object, count=len(same))
        texts[~ok] = b"null"
        if fresh.any():
            texts[fresh] = np.fromiter(
                style.floats(values[fresh], None), dtype=object, count=int(fresh.sum())
            )
        found: list[bytes] = texts.tolist()
        return found


Codes = Callable[[int, int], tuple[npt.NDArray[np.integer[Any]], Sequence[bytes]]]
"""Codes of rows ``start:stop`` and the JSON text of each code."""


class CodeHole(Hole):
    """One of a few JSON texts per row: ``table[codes[row]]``, found a chunk at a time."""

    __slots__ = ("texts",)

    def __init__(self, texts: Codes) -> None:
        self.texts = texts

    @classmethod
    def of(cls, codes: npt.NDArray[np.integer[Any]], table: Sequence[bytes]) -> CodeHole:
        """Make a hole of fixed codes into a fixed table."""
        return cls(lambda start, stop: (codes[start:stop], table))


class Slot(Hole):
    """A named place that the caller fills itself (a streamed part of a document)."""

    __slots__ = ("depth", "name")

    def __init__(self, name: str, depth: int = 0) -> None:
        self.name = name
        self.depth = depth


Piece = bytes | Hole


# --------------------------------------------------------------------------------------------
# Serialising a template
# --------------------------------------------------------------------------------------------


def encode(value: object, style: Style) -> bytes:
    """Return the JSON text of a scalar: ``None``, a bool, an int, a float or a string.

    A float that is not finite is ``null``: no output of the library holds ``NaN`` or
    ``Infinity``, which are not JSON.
    """
    if value is None:
        return b"null"
    if value is True:
        return b"true"
    if value is False:
        return b"false"
    if isinstance(value, int):
        return int.__repr__(value).encode("ascii")
    if isinstance(value, float):
        return style.floats(np.array([value]), np.array([math.isfinite(value)]))[0]
    if isinstance(value, str):
        return _ENCODER.encode(value).encode("utf-8")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def pieces(value: object, style: Style, depth: int = 0) -> list[Piece]:
    """Return the constant texts and holes of ``value`` (nested dicts and lists) at ``depth``.

    Adjacent constant texts are joined, so that constants and holes alternate.
    """
    out: list[Piece] = []
    _serialise(value, style, depth, out)
    merged: list[Piece] = []
    for piece in out:
        if isinstance(piece, bytes) and merged and isinstance(merged[-1], bytes):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _serialise(value: object, style: Style, depth: int, out: list[Piece]) -> None:
    if isinstance(value, Slot):
        value.depth = depth
        out.append(value)
    elif isinstance(value, Hole):
        out.append(value)
    elif isinstance(value, Mapping):
        if not value:
            out.append(b"{}")
            return
        out.append(b"{")
        for k, (key, item) in enumerate(value.items()):
            out.append((style.comma if k else b"") + style.pad(depth + 1))
            out.append(encode(str(key), style) + b": ")
            _serialise(item, style, depth + 1, out)
        out.append(style.pad(depth) + b"}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append(b"[]")
            return
        out.append(b"[")
        for k, item in enumerate(value):
            out.append((style.comma if k else b"") + style.pad(depth + 1))
            _serialise(item, style, depth + 1, out)
        out.append(style.pad(depth) + b"]")
    else:
        out.append(encode(value, style))


def stream_list(chunks: Iterable[list[bytes]], style: Style, depth: int) -> Iterator[bytes]:
    """Yield the text of a list at ``depth`` whose items come a chunk at a time."""
    opened = False
    between = style.comma + style.pad(depth + 1)
    for items in chunks:
        if not items:
            continue
        yield (between if opened else b"[" + style.pad(depth + 1)) + between.join(items)
        opened = True
    yield style.pad(depth) + b"]" if opened else b"[]"


# --------------------------------------------------------------------------------------------
# Filling a template for a chunk of rows
# --------------------------------------------------------------------------------------------


Run = list[bytes | CodeHole]

CHUNK_ROWS = 1024
"""Records whose pieces are held at once: about 40 MB of text with the 80 indicators."""

BLOCK_ROWS = 16 * CHUNK_ROWS
"""Rows whose code holes are combined at once (a few bytes a row for each run)."""

_LARGEST_KEY = 1 << 62


def row_chunks(n_rows: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, stop)`` of consecutive chunks of at most :data:`CHUNK_ROWS` rows."""
    size = CHUNK_ROWS
    for start in range(0, n_rows, size):
        yield start, min(start + size, n_rows)


@dataclass(frozen=True)
class _Compiled:
    """A run over a block of rows: a code per row into the texts of the run."""

    codes: npt.NDArray[np.integer[Any]]
    texts: npt.NDArray[np.object_]


class Template:
    """A record as runs of constants and code holes, between the number holes.

    Parameters
    ----------
    parts
        The record's pieces (see :func:`pieces`); no :class:`Slot`.
    style
        The layout the numbers are written in.
    """

    def __init__(self, parts: Sequence[Piece], style: Style) -> None:
        self._style = style
        self._parts: list[Run | FloatHole] = []
        run: Run = []
        for part in parts:
            if isinstance(part, FloatHole):
                self._parts.extend([run, part] if run else [part])
                run = []
            elif isinstance(part, bytes | CodeHole):
                run.append(part)
            else:
                raise TypeError(f"a template cannot hold {type(part).__name__}")
        if run:
            self._parts.append(run)

    def chunks(self, n_rows: int) -> Iterator[Iterator[bytes]]:
        """Yield the records of rows ``0:n_rows``, a chunk of rows at a time.

        Each chunk (:data:`CHUNK_ROWS` rows) is an iterator over its records' texts. The
        pieces of every record of the chunk are made at once; each record's text is joined
        when it is asked for, so that a writer can let it go before the next one. The code
        holes are combined a block of rows (:data:`BLOCK_ROWS`) at a time.
        """
        chunk, block = CHUNK_ROWS, BLOCK_ROWS
        for first in range(0, n_rows, block):
            last = min(first + block, n_rows)
            compiled = [
                part if isinstance(part, FloatHole) else _compile(part, first, last)
                for part in self._parts
            ]
            for start in range(first, last, chunk):
                stop = min(start + chunk, last)
                yield self._rows(compiled, first, start, stop)

    def _rows(
        self, compiled: list[bytes | _Compiled | FloatHole], first: int, start: int, stop: int
    ) -> Iterator[bytes]:
        n = stop - start
        numbers: dict[int, list[bytes]] = {}

        def texts_of(hole: FloatHole) -> list[bytes]:
            found = numbers.get(id(hole))
            if found is None:
                same = None if hole.same is None else texts_of(hole.same)
                found = numbers[id(hole)] = hole.texts(start, stop, self._style, same)
            return found

        columns: list[Iterable[bytes]] = []
        for part in compiled:
            if isinstance(part, FloatHole):
                columns.append(texts_of(part))
            elif isinstance(part, bytes):
                columns.append(repeat(part, n))
            else:
                texts: list[bytes] = part.texts[part.codes[start - first : stop - first]].tolist()
                columns.append(texts)
        return map(b"".join, zip(*columns, strict=True))


def _compile(run: Run, start: int, stop: int) -> bytes | _Compiled:
    """Return a run over rows ``start:stop``: its one text, or a code per row into its texts.

    The codes of the run's holes are combined into one number per row (mixed radix); only
    the combinations that occur are written out.
    """
    head = b""
    tables: list[list[bytes]] = []
    tails: list[bytes] = []
    key: IntArray | None = None
    size = 1
    for item in run:
        if isinstance(item, bytes):
            if tails:
                tails[-1] += item
            else:
                head += item
            continue
        found, table = item.texts(start, stop)
        codes = np.asarray(found, dtype=np.int64)
        if len(table) > 1 and (codes == codes[0]).all():
            table, codes = [table[int(codes[0])]], codes[:0]
        if len(table) == 1:
            if tails:
                tails[-1] += table[0]
            else:
                head += table[0]
            continue
        if key is not None and size * len(table) > _LARGEST_KEY:
            key, size, tables, tails = _fold(key, size, tables, tails)
        key = codes if key is None else key * len(table) + codes
        size *= len(table)
        tables.append(list(table))
        tails.append(b"")
    if key is None:
        return head
    kept, inverse = _occurring(key, size)
    texts = np.empty(len(kept), dtype=object)
    texts[:] = [head + _digits(k, tables, tails) for k in kept.tolist()]
    return _Compiled(inverse.astype(np.min_scalar_type(len(kept))), texts)


def _digits(key: int, tables: list[list[bytes]], tails: list[bytes]) -> bytes:
    """Return the text of one combined key: each hole's text and the constant after it."""
    parts = []
    for table, tail in zip(reversed(tables), reversed(tails), strict=True):
        key, digit = divmod(key, len(table))
        parts.append(table[digit] + tail)
    return b"".join(reversed(parts))


def _fold(
    key: IntArray, size: int, tables: list[list[bytes]], tails: list[bytes]
) -> tuple[IntArray, int, list[list[bytes]], list[bytes]]:
    """Replace the combined key so far by a code of the combinations that occur."""
    kept, inverse = _occurring(key, size)
    texts = [_digits(k, tables, tails) for k in kept.tolist()]
    return inverse.astype(np.int64), len(texts), [texts], [b""]


def _occurring(key: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """Return the keys that occur, in order, and each row's position among them."""
    if size <= _DENSE:
        present = np.zeros(size, dtype=bool)
        present[key] = True
        kept = np.flatnonzero(present)
        renumber = np.cumsum(present) - 1
        return kept, renumber[key]
    kept, inverse = np.unique(key, return_inverse=True)
    return kept, inverse.reshape(-1)
