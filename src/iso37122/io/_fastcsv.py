"""CSV files read by pyarrow's C++ parser, column by column, when their text allows it.

The general reader (:mod:`csv`, one Python list per row) costs about 0.4 ms a row of 130
columns. A CSV without quotes, bare carriage returns or blank lines splits the same way under
any parser: cells are the text between delimiters. Such a file is read here by pyarrow as text
columns (no Python object per cell); any other file, or any doubt about the header, returns
``None`` and the general reader reads it, raising its usual errors.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from iso37122.io._text import is_note_row

__all__ = [
    "PLAIN_DECIMAL",
    "Plain",
    "TextCells",
    "arrow_csv_cells",
    "is_plain_year",
    "plain_column",
    "plain_years",
    "stripped_texts",
]

_HAVE_ARROW = importlib.util.find_spec("pyarrow") is not None

PLAIN_DECIMAL = r"^[+-]?\d+(?:\.\d+)?$"
"""A plain decimal (``12``, ``-3.25``, ``+0.5``), as a pattern for pyarrow's regex kernels."""
_PLAIN_BYTES = b"0123456789.+-"
"""The bytes a plain decimal (``12``, ``-3.25``, ``+0.5``) is written with."""
_DOT, _PLUS, _MINUS, _ZERO, _NINE = b"."[0], b"+"[0], b"-"[0], b"0"[0], b"9"[0]


class TextCells(Sequence[object]):
    """A column of CSV cells held by pyarrow, read as :mod:`csv` would give them.

    ``cells[k]`` is the cell's text with the spaces after the delimiter skipped (as
    ``csv.reader(skipinitialspace=True)`` reads it), or ``None`` for a blank cell.
    """

    def __init__(self, array: Any) -> None:
        self.array = array
        """The raw text between delimiters: pyarrow strings (chunked or not) without nulls."""
        self.checked = False
        """Whether :func:`plain_column` has looked at the column."""
        self.plain: Plain | None = None
        """The column as numbers, when all its cells are empty or plain decimals."""

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, k: int) -> object: ...

    @overload
    def __getitem__(self, k: slice) -> Sequence[object]: ...

    def __getitem__(self, k: int | slice) -> object | Sequence[object]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        text = str(self.array[int(k)].as_py()).lstrip(" ")
        return text if text.strip() else None

    def __iter__(self) -> Iterator[object]:
        import pyarrow.compute as pc

        texts: list[str] = pc.utf8_ltrim(self.array, characters=" ").to_pylist()
        return iter([text if text.strip() else None for text in texts])

    def plain_numbers(self) -> Plain | None:
        """Give the cells that are plain decimals as numbers, and which cells those are.

        Returns
        -------
        tuple or None
            The numbers (NaN where a cell is empty or not a plain decimal), each cell's length
            in bytes, whether it reads as ``5.000`` does (a point or thousands grouping:
            ambiguous), and which cells are plain decimals (``None`` when every cell is empty or
            one). ``None`` when the column could not be read this way.
        """
        if not self.checked:
            self.checked, self.plain = True, plain_column(self.array)
        return self.plain


Plain = tuple[
    npt.NDArray[np.float64],
    npt.NDArray[np.int32],
    npt.NDArray[np.bool_],
    npt.NDArray[np.bool_] | None,
]


def plain_column(array: Any) -> Plain | None:
    r"""Convert the cells of one text column that are plain decimals, from their bytes.

    A plain decimal is what :data:`PLAIN_DECIMAL` matches. A column whose bytes are all
    digits, points and signs (no spaces, exponents, ``inf`` or ``nan``), with no cell that
    starts or ends with a point, is converted whole by pyarrow's cast to float, which refuses
    any other arrangement of those bytes. In any other column, the cells that look plain by
    their bytes (:func:`_plain_cells`) are converted the same way, or, when the cast refuses
    one of them, those that match the pattern; the others are left to the general rules.

    Returns
    -------
    tuple or None
        See :meth:`TextCells.plain_numbers`; ``None`` for an empty column, one with nulls or
        beyond 32-bit offsets, or a plain decimal beyond the range of a float.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(array) or array.type != pa.string() or array.null_count:
        return None
    try:
        whole = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    except (pa.ArrowInvalid, pa.ArrowCapacityError):
        return None  # beyond 32-bit offsets: the general kernels read it
    buffers = whole.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int32)[
        whole.offset : whole.offset + len(whole) + 1
    ]
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] else np.zeros(0, np.uint8)
    data = np.append(data[: offsets[-1]], np.uint8(_DOT))  # a point past the end: never read
    size = np.diff(offsets)
    lo, hi = offsets[:-1], offsets[1:]
    given = size > 0
    cell: npt.NDArray[np.intp] | None = None  # the non-empty cells, when some are empty
    if not given.all():
        cell = np.flatnonzero(given)
        lo, hi = lo[cell], hi[cell]
    first = data[lo]
    sign = (first == _PLUS) | (first == _MINUS)
    wrong = (first == _DOT) | (data[hi - 1] == _DOT)  # ".5", "5."
    wrong |= sign & (data[lo + 1] == _DOT)  # "-.5"
    # "5.000", "-123.456": one to three digits, the first not 0, then a point and three digits;
    # only cells of 5 to 7 bytes after the sign can be such.
    body = (hi - lo) - sign
    near = np.flatnonzero((body >= 5) & (body <= 7))
    ambiguous = np.zeros(len(whole), dtype=bool)
    ambiguous[near if cell is None else cell[near]] = (data[hi[near] - 4] == _DOT) & (
        data[lo[near] + sign[near]] != _ZERO
    )
    wanted = given.copy()
    shaped: npt.NDArray[np.bool_] | None = None  # which cells are plain, when not all are
    other_bytes = data.data[offsets[0] : offsets[-1]].tobytes().translate(None, _PLAIN_BYTES)
    if wrong.any() or other_bytes:
        wanted[np.flatnonzero(wrong) if cell is None else cell[wrong]] = False
        shaped = wanted = _plain_cells(data, offsets, wanted)

    def convert(cells: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
        chosen = whole if cells.all() else whole.filter(pa.array(cells))
        found: npt.NDArray[np.float64] = pc.cast(chosen, pa.float64()).to_numpy(
            zero_copy_only=False
        )
        return found

    try:
        found = convert(wanted)
    except pa.ArrowInvalid:  # "1.2.3", "5-": bytes of the right kinds, not a number
        exact = pc.match_substring_regex(whole, PLAIN_DECIMAL)
        shaped = wanted = exact.to_numpy(zero_copy_only=False) & given
        try:
            found = convert(wanted)
        except pa.ArrowInvalid:
            return None  # beyond the range of a float: the general kernels say so
    if shaped is not None:
        ambiguous &= shaped
    values = np.full(len(whole), np.nan)
    values[wanted] = found
    return values, size, ambiguous, shaped


_ASCII_SPACE = "".join(chr(c) for c in range(128) if chr(c).isspace())
"""The ASCII characters that :meth:`str.strip` removes (``\\x1c`` to ``\\x1f`` among them)."""


def stripped_texts(cells: TextCells) -> Any | None:
    """Strip a column's cells as :meth:`str.strip` strips them, in pyarrow strings.

    ``None`` when a cell is not ASCII: Unicode's list of spaces is Python's to apply.
    """
    import pyarrow.compute as pc

    if not pc.all(pc.string_is_ascii(cells.array)).as_py():
        return None
    return pc.utf8_trim(cells.array, characters=_ASCII_SPACE)


_PLAIN_YEAR = "[0-9]{1,9}"
"""A year cell read by ``int`` at once: one to nine ASCII digits (``"2024"``)."""
_PLAIN_YEAR_RE = re.compile(_PLAIN_YEAR)


def is_plain_year(text: str) -> bool:
    """Whether a year cell is plain ASCII digits (``"2024"``), read by ``int`` at once."""
    return _PLAIN_YEAR_RE.fullmatch(text) is not None


def plain_years(texts: Any) -> list[int] | None:
    """Read stripped year cells as numbers when all are plain digits (``"2024"``), else ``None``.

    Plain: as :func:`is_plain_year`, by one pyarrow kernel over the column.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pc.all(pc.match_substring_regex(texts, f"^{_PLAIN_YEAR}$")).as_py():
        return None
    years: list[int] = pc.cast(texts, pa.int64()).to_pylist()
    return years


def _plain_cells(
    data: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int32], cells: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Narrow one column's candidate cells to those that look like plain decimals by bytes.

    The candidates are non-empty, with no point next to an end or to the sign. Such a cell
    has digits, points and signs only, a sign only as its first byte and not alone; pyarrow's
    cast then refuses any other arrangement (``1.2.3``). The few bytes of other kinds are
    found by comparisons over the column's bytes, then placed in their cells.
    """
    begin = int(offsets[0])
    part = data[begin : int(offsets[-1])]
    lo, hi = offsets[:-1] - begin, offsets[1:] - begin
    cells = cells.copy()
    # Plain bytes: "+" 43, "-" 45, "." 46, digits 48 to 57.
    other = np.flatnonzero((part < _PLUS) | (part > _NINE) | (part == 44) | (part == 47))
    cells[np.searchsorted(hi, other, "right")] = False
    signs = np.flatnonzero((part == _PLUS) | (part == _MINUS))
    held = np.searchsorted(hi, signs, "right")
    cells[held[(signs != lo[held]) | (hi[held] - lo[held] == 1)]] = False  # "5-", "+"
    return cells


def _blank(pc: Any, column: Any) -> Any:
    trimmed = pc.utf8_trim_whitespace(column)
    return pc.binary_length(trimmed).to_numpy(zero_copy_only=False) == 0


def _header_cells(line: str, sep: str) -> list[str] | None:
    headers = [re.sub(r"\s+", " ", c).strip() for c in line.split(sep)]
    if not all(headers) or len({h.casefold() for h in headers}) != len(headers):
        return None  # empty or repeated headers: the general reader says which
    return headers


def arrow_csv_cells(
    text: str, sep: str
) -> tuple[list[str], list[Sequence[object]], list[int]] | None:
    """Read a plain CSV's header and columns with pyarrow, or ``None`` when it is not plain.

    Parameters
    ----------
    text
        The decoded file.
    sep
        Its one-character delimiter.

    Returns
    -------
    tuple or None
        The headers (whitespace collapsed), the columns (:class:`TextCells`) without the
        all-blank rows, and each kept row's one-based line number in the file.
    """
    if not _HAVE_ARROW or len(sep) != 1 or sep in '"\r\n ':
        return None
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    end = len(text)
    while end and text[end - 1] == "\n":
        end -= 1
    first_end = text.find("\n", 0, end)
    if first_end <= 0 or text.find("\n\n", 0, end) != -1:
        return None  # a header alone, or blank lines, which move the row numbers
    headers = _header_cells(text[:first_end], sep)
    if headers is None or len(headers) < 2:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    names = [f"c{j}" for j in range(len(headers))]
    try:
        table = pcsv.read_csv(
            io.BytesIO((text if end >= len(text) - 1 else text[:end]).encode("utf-8")),
            # No thread pool: it is no faster here, and Arrow's pool can abort the process at
            # interpreter exit (apache/arrow#34314), e.g. at the end of a CLI command.
            read_options=pcsv.ReadOptions(column_names=names, skip_rows=1, use_threads=False),
            parse_options=pcsv.ParseOptions(
                delimiter=sep, quote_char=False, escape_char=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None  # ragged rows, or a row of spaces: the general reader handles them
    n = table.num_rows
    if n != text.count("\n", first_end + 1, end) + 1:
        return None
    columns = [table.column(j) for j in range(len(headers))]
    # A row is blank when all its cells are: look only at the rows whose first cell is.
    blank = np.flatnonzero(_blank(pc, columns[0]))
    for column in columns[1:]:
        if not blank.size:
            break
        blank = blank[_blank(pc, column.take(pa.array(blank)))]
    keep = np.ones(n, dtype=bool)
    keep[blank] = False
    kept = np.flatnonzero(keep)
    last = len(kept) - 1  # notes below the table ("Sumber: BPS;;"), as the general reader
    while last >= 1 and is_note_row([c[int(kept[last])].as_py() for c in columns]):
        keep[kept[last]] = False
        last -= 1
    if not keep.any():
        return None
    numbers = np.flatnonzero(keep) + 2
    if not keep.all():
        mask = pa.array(keep)
        columns = [c.filter(mask) for c in columns]
    return headers, [TextCells(c) for c in columns], numbers.tolist()
