"""Text rendering of the library's objects: explanations, summaries and tables.

Domain objects compute; this module turns what they computed into plain text, so that other
renderings (an HTML report) can sit beside it. It imports the objects it renders for typing
only, so any module may call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iso37122.rollup import ElementScore

__all__ = ["columns", "explain_element", "fmt_number"]


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
