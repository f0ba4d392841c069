"""Writers of results: CSV, XLSX, Parquet, one versioned JSON document, and JSON Lines.

Every output carries the element scores. Text that a spreadsheet would run as a formula is
neutralised in CSV and XLSX. :func:`read_profiles` reads the JSON document back into an equal
:class:`~iso37122.ProfileSet`.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from iso37122.data import Table
from iso37122.elements import KeyElement
from iso37122.errors import DataError, Problem
from iso37122.i18n import localise_values
from iso37122.io._jsontext import (
    DOCUMENT,
    LINE,
    CodeHole,
    FloatHole,
    Slot,
    pieces,
    row_chunks,
    stream_list,
)
from iso37122.io._profilejson import Identity, record_lines, record_template
from iso37122.io._sources import require
from iso37122.io.provenance import indicator_provenance
from iso37122.rollup import ElementScore, RollupConfig

if TYPE_CHECKING:
    from iso37122.profile import ProfileSet

__all__ = [
    "SCHEMA_VERSION",
    "InputsDocument",
    "ProfileSetDocument",
    "document_chunks",
    "neutralise",
    "profiles_document",
    "read_profiles",
    "write_csv",
    "write_excel",
    "write_json",
    "write_jsonl",
    "write_parquet",
]

SCHEMA_VERSION = "1.0"
"""Version of the JSON document's schema; a reader refuses a major version it does not know."""

Kind = Literal["long", "wide"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

_HEADERS_ID = {
    "city": "kota",
    "year": "tahun",
    "code": "kode",
    "clause": "klausul",
    "name": "nama",
    "title": "judul",
    "value": "nilai",
    "unit": "satuan",
    "status": "status",
    "reason": "alasan",
    "quality": "kualitas",
    "sources": "sumber",
    "reference_years": "tahun_referensi",
}


def neutralise(value: object) -> object:
    r"""Make a text cell safe from spreadsheet formula injection (prefix ``'``).

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
    formula by spreadsheets; a plain number such as ``-5`` is left alone.

    Examples
    --------
    >>> neutralise("=SUM(A1:A9)"), neutralise("-5"), neutralise("- not given"), neutralise(3)
    ("'=SUM(A1:A9)", '-5', "'- not given", 3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if _PLAIN_NUMBER.match(value):
            return value
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column].dtype):
            out[column] = out[column].astype(object).map(neutralise)
    return out


def _check_extension(path: str | os.PathLike[str], allowed: tuple[str, ...], what: str) -> Path:
    target = Path(path)
    if target.suffix.lower() not in allowed:
        raise ValueError(
            f"{what} writes {' or '.join(allowed)} files, not {target.name!r}; an unknown "
            "extension is never written as something else"
        )
    return target


def long_frame(profiles: ProfileSet, lang: str = "en") -> pd.DataFrame:
    """One row per city-year and indicator, with provenance and the row's element scores."""
    frame = profiles.to_frame("long")
    if profiles.provenance is not None:
        per_indicator = indicator_provenance(profiles.provenance, profiles.results)
        for column in per_indicator.columns:
            frame[column] = per_indicator[column].to_numpy()
    elements = profiles.elements.to_frame()
    m = len(profiles.results.indicators)
    for element in KeyElement:
        frame[f"{element.value}_score"] = np.repeat(
            elements[f"{element.value}_score"].to_numpy(), m
        )
    return _translated(frame, lang)


def _translated(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if lang not in ("en", "id"):
        raise ValueError(f"lang must be 'en' or 'id', not {lang!r}")
    if lang == "en":
        return frame
    # Words (titles, statuses, reasons, units as people read them) from the one i18n module;
    # headings stay machine-friendly here.
    words = localise_values(frame, lang)
    return words.rename(columns=lambda c: _HEADERS_ID.get(c, _element_header(c)))


def _element_header(column: str) -> str:
    names = {"livable": "layak_huni", "green": "hijau", "digital": "digital"}
    parts = {"score": "skor", "coverage": "cakupan", "n_scored": "n_dinilai", "n_total": "n_total"}
    for element, local in names.items():
        for part, word in parts.items():
            if column == f"{element}_{part}":
                return f"{local}_{word}"
    return column


def _frame(profiles: ProfileSet, kind: Kind, lang: str) -> pd.DataFrame:
    if kind == "long":
        return long_frame(profiles, lang)
    if kind == "wide":
        return _translated(profiles.to_frame("wide"), lang)
    raise ValueError(f"kind must be 'long' or 'wide', not {kind!r}")


def write_csv(
    profiles: ProfileSet, path: str | os.PathLike[str], *, kind: Kind = "long", lang: str = "en"
) -> None:
    """Write a CSV (UTF-8 with BOM, so that Excel shows city names intact)."""
    target = _check_extension(path, (".csv",), "to_csv")
    _safe(_frame(profiles, kind, lang)).to_csv(target, index=False, encoding="utf-8-sig")


def write_parquet(
    profiles: ProfileSet, path: str | os.PathLike[str], *, kind: Kind = "long"
) -> None:
    """Write a Parquet file (needs the ``parquet`` extra)."""
    target = _check_extension(path, (".parquet", ".pq"), "to_parquet")
    require("pyarrow")
    frame = _frame(profiles, kind, "en")
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(object)
    frame.to_parquet(target, index=False, engine="pyarrow")


def write_excel(profiles: ProfileSet, path: str | os.PathLike[str], *, lang: str = "en") -> None:
    """Write a workbook: indicators (long, with statuses and reasons), wide, elements, about."""
    target = _check_extension(path, (".xlsx",), "to_excel")
    require("openpyxl")
    about = pd.DataFrame(
        {
            "field": ["library", "library_version", "schema_version", "config"],
            "value": [
                "iso37122",
                _library_version(),
                SCHEMA_VERSION,
                json.dumps(profiles.elements.config.model_dump(mode="json")),
            ],
        }
    )
    sheets = {
        "indicators" if lang == "en" else "indikator": long_frame(profiles, lang),
        "wide" if lang == "en" else "lebar": _frame(profiles, "wide", lang),
        "elements" if lang == "en" else "elemen": _translated(profiles.elements.to_frame(), lang),
        "about" if lang == "en" else "tentang": about,
    }
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _safe(frame).to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].freeze_panes = "A2"


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


class InputsDocument(BaseModel):
    """The validated inputs a profile set was computed from, in canonical units."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    city: list[str]
    year: list[int]
    code: list[str | None]
    columns: dict[str, list[float | None]] = Field(
        description="One list per reported variable, in its canonical unit; null = not reported."
    )
    invalid: dict[str, list[int]] = Field(
        default_factory=dict, description="Rows (zero-based) whose given value was rejected."
    )
    problems: list[dict[str, Any]] = Field(default_factory=list)


class _ProfileEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    city: str
    year: int
    code: str | None
    indicators: dict[str, dict[str, Any]]
    elements: dict[KeyElement, ElementScore]


class ProfileSetDocument(BaseModel):
    """The JSON document of a whole profile set: a versioned contract for other tools.

    ``ProfileSetDocument.model_json_schema()`` is its JSON Schema.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = Field(description="Version of this document's schema.")
    library: Literal["iso37122"] = "iso37122"
    library_version: str
    config: dict[str, Any] = Field(description="The roll-up configuration (RollupConfig).")
    indicators: list[str] = Field(description="Clauses computed, in order.")
    inputs: InputsDocument
    profiles: list[_ProfileEntry]


def _library_version() -> str:
    from iso37122 import __version__

    return __version__


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def profiles_document(profiles: ProfileSet) -> ProfileSetDocument:
    """Build the JSON document of a profile set."""
    table = profiles.table
    columns = {name: [_number(v) for v in values] for name, values in table.columns.items()}
    problems = _problems(table)
    inputs = InputsDocument(
        city=[str(c) for c in table.city],
        year=[int(y) for y in table.year],
        code=[None if c is None else str(c) for c in table.code],
        columns=columns,
        invalid={k: [int(i) for i in np.flatnonzero(v)] for k, v in table.invalid.items()},
        problems=problems,
    )
    entries = []
    for profile in profiles:
        record = profile.to_record()
        entries.append(
            _ProfileEntry(
                city=record.city,
                year=record.year,
                code=record.code,
                indicators={k: v.model_dump(mode="json") for k, v in record.indicators.items()},
                elements=record.elements,
            )
        )
    return ProfileSetDocument(
        schema_version=SCHEMA_VERSION,
        library_version=_library_version(),
        config=profiles.elements.config.model_dump(mode="json"),
        indicators=[spec.clause for spec in profiles.results.indicators],
        inputs=inputs,
        profiles=entries,
    )


def _problems(table: Table) -> list[dict[str, Any]]:
    return [
        {
            "row": p.row,
            "city": p.city,
            "year": p.year,
            "variable": p.variable,
            "value": p.value if isinstance(p.value, str | int | float) else repr(p.value),
            "rule": p.rule,
            "message": p.message,
        }
        for p in table.problems
    ]


def document_chunks(profiles: ProfileSet) -> Iterator[bytes]:
    """Yield the UTF-8 text of :func:`write_json`'s document (indent 2), a chunk at a time.

    Made from the set's arrays a chunk of city-years at a time (see
    :mod:`iso37122.io._jsontext`): the same bytes as ``profiles_document(profiles)
    .model_dump_json(indent=2)``, without a Python object per city-year.
    """
    table = profiles.table
    n = table.n_rows
    who = Identity(profiles)
    slots: dict[Slot, Callable[[int], Iterator[bytes]]] = {}

    def stream(hole: CodeHole | FloatHole) -> Slot:
        def items(start: int, stop: int) -> list[bytes]:
            if isinstance(hole, FloatHole):
                return hole.texts(start, stop, DOCUMENT)
            codes, texts = hole.texts(start, stop)
            return [texts[k] for k in codes.tolist()]

        slot = Slot("list")
        slots[slot] = lambda depth: stream_list(
            (items(a, b) for a, b in row_chunks(n)), DOCUMENT, depth
        )
        return slot

    profiles_slot = Slot("profiles")

    def records(depth: int) -> Iterator[bytes]:
        template = record_template(profiles, DOCUMENT, depth + 1, who=who)
        return stream_list((list(rows) for rows in template.chunks(n)), DOCUMENT, depth)

    slots[profiles_slot] = records
    skeleton = {
        "schema_version": SCHEMA_VERSION,
        "library": "iso37122",
        "library_version": _library_version(),
        "config": profiles.elements.config.model_dump(mode="json"),
        "indicators": [spec.clause for spec in profiles.results.indicators],
        "inputs": {
            "city": stream(who.city),
            "year": stream(who.year),
            "code": stream(who.code),
            "columns": {name: stream(FloatHole(v)) for name, v in table.columns.items()},
            "invalid": {k: np.flatnonzero(v).tolist() for k, v in table.invalid.items()},
            "problems": _problems(table),
        },
        "profiles": profiles_slot,
    }
    for piece in pieces(skeleton, DOCUMENT):
        if isinstance(piece, Slot):
            yield from slots[piece](piece.depth)
        elif isinstance(piece, bytes):
            yield piece
        else:
            raise TypeError(f"the document skeleton holds a {type(piece).__name__}")


def _native_newlines(data: bytes) -> bytes:
    """Line breaks as a file opened in text mode writes them (``os.linesep``)."""
    return data if os.linesep == "\n" else data.replace(b"\n", os.linesep.encode("ascii"))


def write_json(
    profiles: ProfileSet, path: str | os.PathLike[str] | None = None, *, indent: int | None = 2
) -> str:
    """Return the JSON document (and write it when ``path`` is given).

    With the default ``indent=2`` the document is made from the set's arrays a chunk of
    city-years at a time (:func:`document_chunks`) and written to ``path`` chunk by chunk;
    any other ``indent`` goes through :func:`profiles_document`.
    """
    target = None if path is None else _check_extension(path, (".json",), "to_json")
    if indent != 2:
        text = profiles_document(profiles).model_dump_json(indent=indent)
        if target is not None:
            target.write_text(text, encoding="utf-8")
        return text
    parts: list[bytes] = []
    if target is None:
        parts.extend(document_chunks(profiles))
    else:
        with target.open("wb") as out:
            for part in document_chunks(profiles):
                out.write(_native_newlines(part))
                parts.append(part)
    return b"".join(parts).decode("utf-8")


def write_jsonl(profiles: ProfileSet, path: str | os.PathLike[str]) -> None:
    """Write one JSON object per city-year (a ``ProfileRecord``) per line.

    Each line is ``Profile.to_json(indent=None)``, made from the set's arrays a chunk of
    city-years at a time and written chunk by chunk: the memory used is that of a chunk, not
    of the set.
    """
    target = _check_extension(path, (".jsonl", ".ndjson"), "to_jsonl")
    template = record_template(profiles, LINE, 0, end=os.linesep.encode("ascii"))
    with target.open("wb") as out:
        for rows in template.chunks(len(profiles)):
            out.writelines(rows)


def read_profiles(source: str | os.PathLike[str] | bytes | io.IOBase) -> ProfileSet:
    """Read a document written by ``ProfileSet.to_json`` back into an equal ProfileSet.

    The inputs and configuration in the document are evaluated again, and the results must
    equal the stored ones.

    Raises
    ------
    DataError
        A file that is not such a document, of another major schema version, or whose stored
        results differ from what this version of the library computes from its inputs.
    """
    from iso37122.engine import evaluate
    from iso37122.indicators import CATALOGUE
    from iso37122.profile import ProfileSet
    from iso37122.rollup import roll_up

    if isinstance(source, bytes):
        data, name = source, "the given bytes"
    elif isinstance(source, io.IOBase):
        raw = source.read()
        data, name = raw.encode() if isinstance(raw, str) else raw, "the given file object"
    else:
        name = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as e:
            raise DataError(f"cannot read {name}: {e.strerror or e}", code="bad_file") from None
    try:
        document = ProfileSetDocument.model_validate_json(data)
    except ValidationError as e:
        raise DataError(
            f"{name} is not an iso37122 profile-set document: {e}", code="bad_file"
        ) from None
    major = document.schema_version.split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise DataError(
            f"{name} has schema version {document.schema_version}; this library reads "
            f"{SCHEMA_VERSION.split('.')[0]}.x",
            code="bad_file",
        )
    given = document.inputs
    n = len(given.year)
    invalid = {}
    for key, rows in given.invalid.items():
        mask = np.zeros(n, dtype=bool)
        mask[rows] = True
        invalid[key] = mask
    table = Table(
        city=np.array(given.city, dtype=object),
        year=np.array(given.year, dtype=np.int64),
        code=np.array(given.code, dtype=object),
        columns={
            k: np.array([np.nan if v is None else v for v in vs], dtype=float)
            for k, vs in given.columns.items()
        },
        invalid=invalid,
        problems=tuple(
            Problem(
                p["row"], p["city"], p["year"], p["variable"], p["value"], p["rule"], p["message"]
            )
            for p in given.problems
        ),
    )
    config = RollupConfig.model_validate(document.config)
    results = evaluate(table, CATALOGUE.select(document.indicators))
    profiles = ProfileSet(results, roll_up(results, config))
    # Each stored record against the one computed again, as JSON values (made from the
    # arrays a chunk at a time, not one pydantic model per city-year).
    stored = document.profiles
    same = len(stored) == len(profiles) and all(
        entry.model_dump(mode="json") == json.loads(line)
        for entry, line in zip(stored, record_lines(profiles), strict=False)
    )
    if not same:
        raise DataError(
            f"{name} was written by iso37122 {document.library_version}; its stored results "
            f"differ from what iso37122 {_library_version()} computes from its inputs",
            code="bad_file",
        )
    return profiles
