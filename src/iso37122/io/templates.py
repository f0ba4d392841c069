"""Data-collection templates: exactly the variables some indicators need, ready to fill.

Examples
--------
>>> import iso37122 as iso
>>> frame = iso.template(indicators=["18.1"], lang="id")
>>> frame[["variable", "label", "unit"]].to_dict("list")
{'variable': ['population', 'population_with_fast_broadband'], 'label': ['Jumlah Penduduk', \
'Penduduk dengan Pita Lebar Cepat'], 'unit': ['person', 'person']}
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from iso37122.elements import KeyElement, element_of
from iso37122.errors import ArgumentError
from iso37122.indicators import CATALOGUE, Indicator
from iso37122.io._sources import require
from iso37122.io.provenance import Quality
from iso37122.themes import Theme
from iso37122.variables import VARIABLES, Kind, Variable

__all__ = ["template", "write_template"]

Lang = Literal["en", "id"]
TemplateLayout = Literal["wide", "long"]
_PROVENANCE = ("source", "quality", "reference_year")


def _indicators(
    indicators: Sequence[str] | str | None,
    theme: Theme | str | None,
    element: KeyElement | str | None,
) -> tuple[Indicator, ...]:
    chosen = CATALOGUE.select(indicators)
    if theme is not None:
        wanted = Theme(theme)
        chosen = tuple(spec for spec in chosen if spec.theme is wanted)
    if element is not None:
        key = KeyElement(element)
        chosen = tuple(spec for spec in chosen if element_of(spec) is key)
    if not chosen:
        raise ArgumentError("no indicator matches the given indicators, theme and element")
    return chosen


def _variables(specs: Sequence[Indicator]) -> list[Variable]:
    needed = {name for spec in specs for name in spec.inputs}
    return [variable for variable in VARIABLES.values() if variable.id in needed]


def _describe(variable: Variable, specs: Sequence[Indicator], lang: Lang) -> dict[str, Any]:
    uses = ", ".join(spec.clause for spec in specs if variable.id in spec.inputs)
    return {
        "variable": variable.id,
        "label": variable.label_id if lang == "id" else variable.id.replace("_", " "),
        "unit": variable.unit,
        "kind": variable.kind.value,
        "whole_number": variable.kind is Kind.COUNT,
        "description": variable.description_id if lang == "id" else variable.description,
        "indicators": uses,
    }


def template(
    *,
    indicators: Sequence[str] | str | None = None,
    theme: Theme | str | None = None,
    element: KeyElement | str | None = None,
    lang: Lang = "en",
    layout: TemplateLayout = "long",
) -> pd.DataFrame:
    """Return the variables some indicators need, as a table to fill.

    Parameters
    ----------
    indicators
        Clauses or names (default: all), narrowed by ``theme`` and ``element``.
    lang
        ``"en"`` or ``"id"``: the language of labels and descriptions.
    layout
        ``"long"``: one row per variable with ``variable``, ``label``, ``unit``, ``kind``,
        ``whole_number``, ``description``, ``indicators``, then empty ``city``, ``year``,
        ``code``, ``value``, ``source``, ``quality``, ``reference_year`` to fill.
        ``"wide"``: one empty row with ``city``, ``year``, ``code``, one column per variable
        headed ``"id [unit]"``, then ``source``, ``quality``, ``reference_year``.

    Returns
    -------
    pandas.DataFrame
        The template; a filled copy is read by :func:`iso37122.read_table`.
    """
    if lang not in ("en", "id"):
        raise ValueError(f"lang must be 'en' or 'id', not {lang!r}")
    specs = _indicators(indicators, theme, element)
    variables = _variables(specs)
    if layout == "long":
        rows = [_describe(v, specs, lang) for v in variables]
        frame = pd.DataFrame.from_records(rows)
        for column in ("city", "year", "code", "value", *_PROVENANCE):
            frame[column] = None
        return frame
    if layout != "wide":
        raise ValueError(f"layout must be 'wide' or 'long', not {layout!r}")
    headers = ["city", "year", "code", *[f"{v.id} [{v.unit}]" for v in variables], *_PROVENANCE]
    return pd.DataFrame({h: pd.Series([None], dtype=object) for h in headers})


def write_template(
    path: str | os.PathLike[str],
    *,
    indicators: Sequence[str] | str | None = None,
    theme: Theme | str | None = None,
    element: KeyElement | str | None = None,
    lang: Lang = "en",
    layout: TemplateLayout = "wide",
) -> None:
    """Write a template as ``.csv`` or ``.xlsx`` (by the extension).

    The XLSX template has an ``instructions`` sheet; a ``data`` sheet whose headers carry
    each variable's unit and, as a cell comment, its description, with number formats and data
    validation on the input cells (non-negative numbers; whole numbers for counts; the list of
    quality grades); and a ``variables`` sheet listing unit, kind and description. Parameters
    are those of :func:`template` (``layout`` defaults to ``"wide"`` here).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"write_template writes .csv or .xlsx files, not {target.name!r}")
    frame = template(indicators=indicators, theme=theme, element=element, lang=lang, layout=layout)
    if suffix == ".csv":
        if layout == "wide":
            frame = frame.iloc[0:0]
        frame.to_csv(target, index=False, encoding="utf-8-sig")
        return
    specs = _indicators(indicators, theme, element)
    _write_xlsx(target, frame, _variables(specs), specs, lang, layout)


_INSTRUCTIONS = {
    "en": [
        "ISO 37122 data-collection template (iso37122).",
        "Fill one row per city and year on the 'data' sheet; leave a cell empty if not known.",
        "Give values in the unit of the column header; counts are whole numbers.",
        "source: where the value comes from (e.g. 'BPS Kota Bandung Dalam Angka 2025').",
        "quality: " + "; ".join(f"{q.grade} = {q.label}" for q in Quality),
        "reference_year: the year the value describes, when it is not the reporting year.",
        "Read the filled file with iso37122.read_table(path, sheet='data').",
    ],
    "id": [
        "Templat pengumpulan data ISO 37122 (iso37122).",
        "Isi satu baris per kota dan tahun pada lembar 'data'; kosongkan sel yang tidak diketahui.",
        "Isikan nilai dalam satuan pada judul kolom; jumlah (cacah) berupa bilangan bulat.",
        "source: sumber nilai (mis. 'BPS Kota Bandung Dalam Angka 2025').",
        "quality: " + "; ".join(f"{q.grade} = {q.label_id}" for q in Quality),
        "reference_year: tahun yang digambarkan nilai, bila berbeda dari tahun pelaporan.",
        "Baca berkas yang sudah diisi dengan iso37122.read_table(path, sheet='data').",
    ],
}


def _write_xlsx(
    target: Path,
    frame: pd.DataFrame,
    variables: list[Variable],
    specs: Sequence[Indicator],
    lang: Lang,
    layout: TemplateLayout,
) -> None:
    openpyxl = require("openpyxl")
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = openpyxl.Workbook()
    instructions = workbook.active
    instructions.title = "instructions"
    for line in _INSTRUCTIONS[lang]:
        instructions.append([line])
    instructions.column_dimensions["A"].width = 100
    data = workbook.create_sheet("data")
    headers = list(frame.columns)
    data.append(headers)
    data.freeze_panes = "A2"
    rows = 200
    by_id = {v.id: v for v in variables}
    grades = ",".join(q.value for q in Quality)
    quality_rule = DataValidation(type="list", formula1=f'"{grades}"', allow_blank=True)
    data.add_data_validation(quality_rule)
    for j, header in enumerate(headers, start=1):
        letter = openpyxl.utils.get_column_letter(j)
        cells = f"{letter}2:{letter}{rows + 1}"
        data.column_dimensions[letter].width = max(12, min(40, len(str(header)) + 2))
        name = str(header).split(" [")[0]
        variable = by_id.get(name)
        if layout == "long" and name == "value":
            rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
            data.add_data_validation(rule)
            rule.add(cells)
        if name == "quality":
            quality_rule.add(cells)
        if variable is None:
            continue
        description = variable.description_id if lang == "id" else variable.description
        data.cell(row=1, column=j).comment = Comment(f"{description} [{variable.unit}]", "iso37122")
        whole = variable.kind is Kind.COUNT
        rule = DataValidation(
            type="whole" if whole else "decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            error=f"{name}: a non-negative {'whole number' if whole else 'number'}",
            showErrorMessage=True,
        )
        data.add_data_validation(rule)
        rule.add(cells)
        for row in range(2, rows + 2):
            data.cell(row=row, column=j).number_format = "#,##0" if whole else "#,##0.00"
    if layout == "long":
        for values in frame.itertuples(index=False):
            data.append(list(values))
    listing = workbook.create_sheet("variables")
    info = pd.DataFrame.from_records([_describe(v, specs, lang) for v in variables])
    listing.append(list(info.columns))
    for values in info.itertuples(index=False):
        listing.append(list(values))
    workbook.save(target)
