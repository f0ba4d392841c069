"""Text rendering of the library's objects: explanations, summaries and tables.

Domain objects compute; this module turns what they computed into plain text, so that other
renderings (an HTML report) can sit beside it. It imports the objects it renders for typing
only, so any module may call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iso37122.indicators import CATALOGUE
from iso37122.themes import Theme
from iso37122.variables import VARIABLES

if TYPE_CHECKING:
    import pandas as pd

    from iso37122.collection import CollectionStep
    from iso37122.elements import KeyElement
    from iso37122.readiness import CityReadiness, Readiness
    from iso37122.rollup import ElementScore

__all__ = [
    "city_years",
    "columns",
    "explain_element",
    "fmt_number",
    "identity_text",
    "percent",
    "readiness_city_text",
    "readiness_element_text",
    "readiness_set_text",
    "step_lines",
]


def fmt_number(value: float) -> str:
    """Format a number for reading: six significant digits, no trailing zeros.

    Examples
    --------
    >>> fmt_number(2 / 3), fmt_number(100.0), fmt_number(1234567.0)
    ('0.666667', '100', '1.23457e+06')
    """
    return f"{value:.6g}"


def columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Left-aligned columns, two spaces apart and indented by two, one line per row."""
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def explain_element(found: ElementScore, city: str, code: str | None, year: int) -> str:
    """Explain one element score of one city-year as a readable table.

    Every indicator that entered is listed with its raw value, normalised score, weight and
    share of the score; every indicator left out is listed with its reason.
    """
    who = f"{city}{f' ({code})' if code is not None else ''}, {year}"
    head = f"{found.element.value} — {found.element.label}\n{who}: "
    if found.score is None:
        head += f"no score: {found.reason}"
    else:
        head += (
            f"score {found.score:.1f} ({found.aggregation.value} mean of "
            f"{found.normalisation.value} scores)"
        )
    cover = (
        f"coverage {found.n_scored}/{found.n_total}"
        f" = {100 * found.coverage:.0f} % (needed: {100 * found.min_coverage:.0f} %)"
    )
    lines = [head, cover, ""]
    entered = [c for c in found.contributions if c.included]
    left = [c for c in found.contributions if not c.included]
    total_weight = sum(c.weight for c in entered)
    lines.append(f"Entered ({len(entered)}):")
    if entered:
        rows = [("clause", "indicator", "raw value", "score", "weight", "share", "against")]
        for c in entered:
            raw = f"{fmt_number(c.raw_value)} {c.unit}" if c.raw_value is not None else "-"
            score = f"{c.score:.1f}" if c.score is not None else "-"
            if c.band is not None:
                score += f" (band {c.band})"
            rows.append(
                (
                    c.clause,
                    c.name,
                    raw,
                    score,
                    fmt_number(c.weight),
                    f"{100 * c.weight / total_weight:.1f} %",
                    c.reference or "",
                )
            )
        lines += columns(rows)
    else:
        lines.append("  (none)")
    lines += ["", f"Left out ({len(left)}):"]
    if left:
        lines += [f"  {c.clause:<7} {c.name}: {c.reason}" for c in left]
    else:
        lines.append("  (none)")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Readiness
# --------------------------------------------------------------------------------------------


def identity_text(city: str, code: str | None, year: int) -> str:
    """``Kota Makassar (73.71), 2024`` (without the code when there is none)."""
    return f"{city}{f' ({code})' if code is not None else ''}, {year}"


def city_years(n: int) -> str:
    """``1 city-year``, ``2 city-years``."""
    return f"{n} city-year{'' if n == 1 else 's'}"


def percent(part: int, whole: int) -> str:
    """``part / whole`` as a whole percentage, ``-`` when ``whole`` is 0."""
    return f"{100 * part / whole:.0f} %" if whole else "-"


def _variable(variable: str) -> str:
    found = VARIABLES.get(variable)
    return f"{variable} [{found.unit}]" if found else variable


def step_lines(steps: Sequence[CollectionStep], start: int, total: int, single: bool) -> list[str]:
    """Return the numbered collection steps: what each unlocks, and the count after it."""
    lines = []
    done = start
    for k, step in enumerate(steps, 1):
        together = " (together)" if len(step.variables) > 1 else ""
        what = " + ".join(_variable(v) for v in step.variables) + together
        done += step.n_unlocked
        if single:
            unlocks = ", ".join(f"{c} {CATALOGUE[c].name}" for c in step.unlocks)
            gain = f"unlocks {step.n_unlocked}: {unlocks}"
            after = f"then {done} of {total} computable"
        else:
            unlocks = ", ".join(f"{c} ({n})" for c, n in step.unlocks.items())
            gain = (
                f"unlocks {step.n_unlocked} indicator values in {city_years(step.n_rows)}: "
                f"{unlocks}"
            )
            after = f"then {done} of {total} values computable"
        lines.append(f"  {k}. {what}\n     {gain}\n     ({after})")
    return lines or ["  (nothing: every indicator that lacks data is listed above)"]


def readiness_city_text(city: CityReadiness) -> str:
    """Report one city-year's readiness: by element, by theme, and the next variables."""
    total = len(city.indicators)
    done = len(city.computable)
    lines = [
        f"Readiness of {identity_text(city.city, city.code, city.year)}",
        f"  {done} of {total} indicators can be computed ({percent(done, total)}).",
        "",
        "By key element",
    ]
    for element, group in city.by_element.items():
        n = len(group.computable)
        lines.append(
            f"  {element.value:<8} {n} of {group.n_total} ({percent(n, group.n_total)})"
            f"  {element.label}"
        )
    lines += ["", "By theme (indicators that cannot be computed, and what they lack)"]
    for theme, group in city.by_theme.items():
        n = len(group.computable)
        lines.append(f"  {theme.clause} {theme.label}: {n} of {group.n_total}")
        for r in group.blocked:
            if r.lacking:
                lacks = ", ".join(f"{v} (rejected)" if v in r.rejected else v for v in r.lacking)
                lines.append(f"      {r.clause} {r.name} — lacks {lacks}")
            else:
                lines.append(f"      {r.clause} {r.name} — {r.status.value}: {r.reason}")
    lines += ["", "Next variables to collect"]
    lines += step_lines(city.next_variables, done, total, single=True)
    check = city.to_check
    if check:
        lines += ["", "Reported but not computable (check these data)"]
        lines += [f"  {r.clause} {r.name}: {r.reason}" for r in check]
    return "\n".join(lines)


def readiness_element_text(city: CityReadiness, element: KeyElement) -> str:
    """Say what one city-year can compute of one element, and what to collect for it."""
    group = city.by_element[element]
    done = len(group.computable)
    lines = [
        f"{element.value} — {element.label}",
        f"{identity_text(city.city, city.code, city.year)}: {done} of {group.n_total} "
        f"indicators computable ({percent(done, group.n_total)})",
        "",
        f"Computable ({done}):",
    ]
    lines += [f"  {r.clause:<6} {r.name}" for r in group.computable] or ["  (none)"]
    lines += ["", f"Not computable ({group.n_total - done}):"]
    for r in group.blocked:
        lacks = ", ".join(f"{v} (rejected)" if v in r.rejected else v for v in r.lacking)
        why = f"lacks {lacks}" if r.lacking else f"{r.status.value}: {r.reason}"
        lines.append(f"  {r.clause:<6} {r.name} — {why}")
    if not group.blocked:
        lines.append("  (none)")
    clauses = {r.clause for r in group.blocked}
    steps = [step for step in city.next_variables if clauses.intersection(step.unlocks)]
    if steps:
        lines += ["", "Collect, in this order (the readiness plan, this element's part):"]
        for k, step in enumerate(steps, 1):
            here = ", ".join(c for c in step.unlocks if c in clauses)
            lines.append(f"  {k}. {' + '.join(step.variables)} -> {here}")
    return "\n".join(lines)


def _counts(frame: pd.DataFrame) -> list[tuple[str, int, int]]:
    return [
        (str(group), int(done), int(total))
        for group, done, total in zip(frame.index, frame["computable"], frame["total"], strict=True)
    ]


def readiness_set_text(report: Readiness) -> str:
    """Report a set of city-years' readiness: totals, elements, themes, plan, per row."""
    import numpy as np

    n = len(report)
    total = int(report.computable.size)
    done = int(report.computable.sum())
    per_row = report.computable.sum(axis=0)
    lines = [f"Readiness of {city_years(n)}"]
    if n == 0:
        return lines[0] + ": no data"
    years = report.table.year
    lines += [
        f"  years {int(years.min())}–{int(years.max())}; {done} of {total} indicator values "
        f"can be computed ({percent(done, total)}); per city-year: min "
        f"{int(per_row.min())}, median {float(np.median(per_row)):g}, max "
        f"{int(per_row.max())} of {report.n_indicators}",
        "",
        "By key element (indicator values computable over all city-years)",
    ]
    for group, done_in, total_in in _counts(report.by_element()):
        lines.append(f"  {group:<8} {done_in} of {total_in} ({percent(done_in, total_in)})")
    lines += ["", "By theme"]
    for group, done_in, total_in in _counts(report.by_theme()):
        theme = Theme(group)
        lines.append(
            f"  {theme.clause} {theme.label}: {done_in} of {total_in} "
            f"({percent(done_in, total_in)})"
        )
    lines += ["", "Next variables to collect (across all city-years)"]
    lines += step_lines(report.next_variables, done, total, single=False)
    to_check = int((~report.computable & ~report.lacking_any()).sum())
    if to_check:
        lines += [
            "",
            f"Reported but not computable: {to_check} indicator values (check these data; "
            "see to_frame())",
        ]
    shown = 20
    table = report.table
    lines += ["", "Per city-year (computable indicators)"]
    for row in range(min(n, shown)):
        city, year, code = table.identity(row)
        lines.append(
            f"  {identity_text(city, code, year)}: {int(per_row[row])} of {report.n_indicators}"
        )
    if n > shown:
        lines.append(f"  ... and {n - shown} more (index the report for one city-year)")
    return "\n".join(lines)
