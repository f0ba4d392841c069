"""Text the command line prints: catalogue tables, one indicator in full, summaries, readiness."""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Sequence

from iso37122.elements import default_element
from iso37122.engine import Status
from iso37122.errors import DataError
from iso37122.i18n import (
    element_label,
    format_number,
    format_percent,
    indicator_title,
    status_label,
    text,
    theme_label,
    translate_reason,
    unit_label,
)
from iso37122.indicators import Constraint, Indicator, PartOfWhole, Positive
from iso37122.profile import ProfileSet
from iso37122.readiness import Readiness
from iso37122.variables import VARIABLES

__all__ = [
    "city_year_labels",
    "indicator_detail",
    "indicator_table",
    "problems_text",
    "readiness_text",
    "summary_table",
]


def _columns(rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if k in right else cell.ljust(width)
            for k, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def indicator_table(specs: Sequence[Indicator], lang: str) -> str:
    """Return one line per indicator: clause, element, title and unit."""
    if not specs:
        return "(no indicator matches)" if lang == "en" else "(tidak ada indikator yang cocok)"
    rows = [(text("clause", lang), text("element", lang), text("title", lang), text("unit", lang))]
    rows += [
        (
            spec.clause,
            element_label(default_element(spec.clause, spec.theme), lang, short=True),
            textwrap.shorten(indicator_title(spec, lang), 90, placeholder=" …"),
            unit_label(spec.unit, lang),
        )
        for spec in specs
    ]
    return _columns(rows)


def _rule(constraint: Constraint) -> str:
    if isinstance(constraint, PartOfWhole):
        return f"{' + '.join(constraint.parts)} <= {constraint.whole}"
    if isinstance(constraint, Positive):
        return f"{constraint.variable} > 0"
    return " ".join(f"{v} >= 0" for v in constraint.variables)


def _formula(spec: Indicator) -> str:
    doc = inspect.cleandoc(spec.func.__doc__ or "")
    notes = doc.partition("Notes\n-----\n")[2].partition("\n\nReferences")[0]
    return notes.replace(".. math:: ", "").strip()


def indicator_detail(spec: Indicator, lang: str) -> str:
    """Return everything about one indicator, for ``iso37122 catalogue 18.1``."""
    source = spec.definition_source
    other = "en" if lang == "id" else "id"
    lines = [
        f"{spec.clause}  {indicator_title(spec, lang)}",
        f"       {indicator_title(spec, other)}",
        "",
        f"{text('name', lang)}: {spec.name}",
        f"{text('theme', lang)}: {spec.theme.clause} {theme_label(spec.theme, lang)}",
        f"{text('element', lang)}: {element_label(default_element(spec.clause, spec.theme), lang)}",
        f"{text('unit', lang)}: {unit_label(spec.unit, lang) or '-'} ({spec.unit})",
        f"{text('direction', lang)}: {text(spec.direction.value, lang)}",
        f"{text('inputs', lang)}:",
    ]
    for variable_id in spec.inputs:
        variable = VARIABLES[variable_id]
        description = variable.description_id if lang == "id" else variable.description
        lines.append(f"  {variable_id} [{variable.unit}]: {description}")
    if spec.constraints:
        lines.append("Rules:" if lang == "en" else "Aturan:")
        lines += [f"  {_rule(constraint)}" for constraint in spec.constraints]
    formula = _formula(spec)
    if formula:
        lines += [f"{text('formula', lang)}:", textwrap.indent(formula, "  ")]
    lines += [
        f"{text('confidence', lang)}: {source.confidence} (formula {source.formula})",
        f"{text('source', lang)}: {source.reference}",
    ]
    if source.note:
        lines.append(f"Note: {source.note}")
    return "\n".join(lines)


def city_year_labels(profiles: ProfileSet) -> list[str]:
    """Return one label per city-year: the city, with the year when there are several years."""
    table = profiles.table
    several = len(set(table.year.tolist())) > 1
    return [
        f"{city} {year}" if several else str(city)
        for city, year in zip(table.city.tolist(), table.year.tolist(), strict=True)
    ]


def summary_table(profiles: ProfileSet, lang: str) -> str:
    """Return one line per city-year: indicators computed, then each element's score."""
    labels = city_year_labels(profiles)
    status = profiles.results.status
    computed = (status == Status.COMPUTED.code).sum(axis=0)
    n = status.shape[0]
    elements = profiles.elements
    head = [text("city", lang), status_label("computed", lang)]
    head += [element_label(e, lang, short=True) for e in elements.elements]
    rows: list[list[str]] = [head]
    for row, label in enumerate(labels):
        line = [label, f"{int(computed[row])}/{n}"]
        for e in range(len(elements.elements)):
            score = float(elements.score[e, row])
            cover = format_percent(float(elements.coverage[e, row]), lang)
            shown = format_number(score, lang, decimals=1) if score == score else "–"
            line.append(f"{shown} ({cover})")
        rows.append(line)
    note = (
        "score 0–100 (coverage: share of the element's scorable indicators that were scored)"
        if lang == "en"
        else "skor 0–100 (cakupan: bagian indikator elemen yang dapat diberi skor dan "
        "telah diberi skor)"
    )
    return _columns(rows, right=range(1, len(head))) + "\n" + note


def readiness_text(report: Readiness, lang: str, top: int) -> str:
    """Return a readiness summary: coverage per element and theme, and what to collect next."""
    total = report.n_indicators * len(report)
    computable = int(report.computable.sum())
    ready = "can be computed" if lang == "en" else "dapat dihitung"
    lines = [
        f"{computable}/{total} {ready} ({format_percent(computable / total, lang)}), "
        f"{len(report)} {text('city_years', lang)}",
        "",
        text("elements", lang),
    ]
    for element, row in report.by_element().iterrows():
        lines.append(
            f"  {element_label(str(element), lang, short=True):<11} "
            f"{int(row['computable'])}/{int(row['total'])} "
            f"({format_percent(float(row['coverage']), lang)})"
        )
    lines += ["", text("theme", lang)]
    for theme, row in report.by_theme().iterrows():
        lines.append(
            f"  {theme_label(str(theme), lang):<44} {int(row['computable'])}/{int(row['total'])}"
        )
    lines += ["", text("next_variables", lang)]
    steps = report.next_variables[:top]
    if not steps:
        lines.append("  (" + text("none", lang) + ")")
    for k, step in enumerate(steps, start=1):
        names = " + ".join(f"{v} [{unit_label(VARIABLES[v].unit, lang)}]" for v in step.variables)
        unlocked = ", ".join(f"{clause} ({n})" for clause, n in step.unlocks.items())
        lines.append(f"  {k:>2}. {names}: {text('unlocks', lang)} {unlocked}")
    return "\n".join(lines)


def problems_text(error: DataError, lang: str) -> str:
    """Return every problem of a data error, one per line, in the given language."""
    if not error.problems:
        return str(error)
    if lang == "en":
        lines = [f"{len(error.problems)} problem(s):"]
        lines += [f"  - {problem}" for problem in error.problems]
        return "\n".join(lines)
    lines = [f"{len(error.problems)} masalah:"]
    for problem in error.problems:
        where = []
        if problem.row is not None:
            where.append(f"baris {problem.row}")
        if problem.city is not None:
            where.append(f"kota {problem.city!r}")
        if problem.year is not None:
            where.append(f"tahun {problem.year}")
        message = translate_reason(problem.message, lang)
        lines.append(f"  - {', '.join(where)}: {message}" if where else f"  - {message}")
    return "\n".join(lines)
