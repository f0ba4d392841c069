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

__all__ = ["TextCells", "arrow_csv_cells"]

_HAVE_ARROW = importlib.util.find_spec("pyarrow") is not None


class TextCells(Sequence[object]):
    """A column of CSV cells held by pyarrow, read as :mod:`csv` would give them.

    ``cells[k]`` is the cell's text with the spaces after the delimiter skipped (as
    ``csv.reader(skipinitialspace=True)`` reads it), or ``None`` for a blank cell.
    """

    def __init__(self, array: Any) -> None:
        self.array = array
        """The raw text between delimiters: pyarrow strings (chunked or not) without nulls."""

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
        for value in self.array.to_pylist():
            text = str(value).lstrip(" ")
            yield text if text.strip() else None


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
            read_options=pcsv.ReadOptions(column_names=names, skip_rows=1),
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
    if not keep.any():
        return None
    numbers = np.flatnonzero(keep) + 2
    if not keep.all():
        mask = pa.array(keep)
        columns = [c.filter(mask) for c in columns]
    return headers, [TextCells(c) for c in columns], numbers.tolist()
