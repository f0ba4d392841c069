"""Charts of the report as inline SVG (matplotlib, no pyplot state, text kept as text).

Each function returns an ``<svg>`` element as a string, ready to be placed in an HTML page:
no file, no network, no script. Colours are the same in every chart: one per key element and
one per status.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.errors import Iso37122Error

__all__ = [
    "ELEMENT_COLOURS",
    "STATUS_COLOURS",
    "comparison_chart",
    "element_chart",
    "status_chart",
    "trend_chart",
]

ELEMENT_COLOURS: Mapping[KeyElement, str] = {
    KeyElement.LIVABLE: "#d9822b",
    KeyElement.GREEN: "#2e8b57",
    KeyElement.DIGITAL: "#3a6ea5",
}
"""One colour per key element (colour-blind safe against each other)."""

STATUS_COLOURS: Mapping[Status, str] = {
    Status.COMPUTED: "#4c9a6a",
    Status.MISSING: "#c8c8c8",
    Status.INVALID: "#c0392b",
    Status.UNDEFINED: "#e0a030",
}
"""One colour per indicator status."""

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_ID = re.compile(r'\b(id)="([^"]+)"')
_REF = re.compile(r"url\(#([^)]+)\)")
_HREF = re.compile(r'href="#([^"]+)"')


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError as error:
        raise ReportDependencyError(
            "charts need matplotlib: pip install 'iso37122[report]'"
        ) from error
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure


class ReportDependencyError(Iso37122Error, ImportError):
    """An optional dependency of the report (jinja2, matplotlib) is not installed."""


def _svg(figure: Any, label: str, key: str) -> str:
    """Return the figure as an inline ``<svg>`` element with an accessible label.

    Every ``id`` in the SVG (and every reference to one) is prefixed with ``key``, so that
    several charts in one page never share an id (a shared clip-path id clips the wrong chart).
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "iso37122"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1))
    # Scale with the page; keep the aspect ratio of the figure.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    svg = _ID.sub(lambda m: f'{m[1]}="{key}-{m[2]}"', svg)
    svg = _REF.sub(lambda m: f"url(#{key}-{m[1]})", svg)
    svg = _HREF.sub(lambda m: f'href="#{key}-{m[1]}"', svg)
    return svg.replace("<svg", f'<svg role="img" aria-label="{escape(label)}" class="chart"', 1)


def _finish(figure: Any, axes: Any, label: str, key: str, *, legend: int = 0) -> str:
    """Style the axes, add a legend of ``legend`` columns above them, return the SVG."""
    if legend:
        axes.legend(
            fontsize=7, ncols=legend, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False
        )
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=8)
    return _svg(figure, label, key)


def element_chart(
    scores: Mapping[KeyElement, float | None],
    coverage: Mapping[KeyElement, float],
    labels: Mapping[KeyElement, str],
    *,
    intervals: Mapping[KeyElement, tuple[float, float]] | None = None,
    label: str,
    key: str,
    no_score: str,
) -> str:
    """Return horizontal bars of the three element scores (0–100), with coverage.

    An element without a score shows an empty bar and ``no_score``; an uncertainty interval,
    when given, is drawn as a whisker over the bar.
    """
    figure = _figure(6.2, 1.9)
    axes = figure.add_subplot()
    elements = list(scores)
    positions = list(range(len(elements)))[::-1]
    for y, element in zip(positions, elements, strict=True):
        score = scores[element]
        colour = ELEMENT_COLOURS[element]
        axes.barh(y, 100, color="#f0f0f0", height=0.6)
        shown = f"{no_score}  ·  {coverage[element]:.0%}"
        if score is not None:
            axes.barh(y, score, color=colour, height=0.6)
            shown = f"{score:.1f}  ·  {coverage[element]:.0%}"
        if intervals and element in intervals:
            low, high = intervals[element]
            axes.plot([low, high], [y, y], color="#222222", linewidth=1.2)
            axes.plot([low, low], [y - 0.15, y + 0.15], color="#222222", linewidth=1.2)
            axes.plot([high, high], [y - 0.15, y + 0.15], color="#222222", linewidth=1.2)
        axes.text(101, y, shown, va="center", fontsize=8)
    axes.set_yticks(positions, [labels[e] for e in elements])
    axes.set_xlim(0, 125)
    axes.set_xticks([0, 25, 50, 75, 100])
    return _finish(figure, axes, label, key)


def status_chart(
    counts: Sequence[tuple[str, Mapping[Status, int]]],
    status_labels: Mapping[Status, str],
    *,
    label: str,
) -> str:
    """Return one stacked horizontal bar per row (a theme or a city) of status counts.

    Drawn directly as SVG (no matplotlib): the report draws one per city-year, so it must
    stay cheap for the 514 kab/kota of a national report.
    """
    row_height, label_width, bar_width, top = 18, 270, 420, 26
    widest = max((sum(row.values()) for _, row in counts), default=1) or 1
    scale = bar_width / widest
    height = top + row_height * len(counts) + 4
    width = label_width + bar_width + 40
    parts = [
        f'<svg role="img" aria-label="{escape(label)}" class="chart status-chart" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
        'font-family="sans-serif" font-size="11">'
    ]
    shown = [s for s in Status if any(row.get(s, 0) for _, row in counts)]
    x = label_width
    for status in shown:
        parts.append(
            f'<rect x="{x}" y="4" width="10" height="10" fill="{STATUS_COLOURS[status]}"/>'
            f'<text x="{x + 14}" y="13">{escape(status_labels[status])}</text>'
        )
        x += 24 + 7 * len(status_labels[status])
    for k, (name, row) in enumerate(counts):
        y = top + k * row_height
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">{escape(name)}</text>'
        )
        left = float(label_width)
        for status in Status:
            n = row.get(status, 0)
            if not n:
                continue
            parts.append(
                f'<rect x="{left:.1f}" y="{y + 2}" width="{n * scale:.1f}" '
                f'height="{row_height - 4}" fill="{STATUS_COLOURS[status]}">'
                f"<title>{escape(status_labels[status])}: {n}</title></rect>"
            )
            left += n * scale
        parts.append(
            f'<text x="{left + 4:.1f}" y="{y + 12}" fill="#555">{sum(row.values())}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def comparison_chart(
    names: Sequence[str],
    scores: Mapping[KeyElement, Sequence[float | None]],
    labels: Mapping[KeyElement, str],
    *,
    label: str,
    key: str,
) -> str:
    """Return grouped horizontal bars: for each city-year, its three element scores."""
    figure = _figure(6.2, 0.8 + 0.45 * len(names))
    axes = figure.add_subplot()
    n_elements = len(scores)
    height = 0.8 / n_elements
    for k, (element, values) in enumerate(scores.items()):
        offset = ((n_elements - 1) / 2 - k) * height
        positions = [len(names) - 1 - i + offset for i in range(len(names))]
        shown = [v if v is not None else 0.0 for v in values]
        axes.barh(
            positions, shown, height=height, color=ELEMENT_COLOURS[element], label=labels[element]
        )
    axes.set_yticks([len(names) - 1 - i for i in range(len(names))], names)
    axes.set_xlim(0, 100)
    return _finish(figure, axes, label, key, legend=3)


def trend_chart(
    years: Sequence[int],
    scores: Mapping[KeyElement, Sequence[float | None]],
    labels: Mapping[KeyElement, str],
    *,
    label: str,
    key: str,
) -> str:
    """Return one line per element over the years (a gap where a year has no score)."""
    figure = _figure(4.2, 2.2)
    axes = figure.add_subplot()
    for element, values in scores.items():
        shown = [float("nan") if v is None else v for v in values]
        axes.plot(years, shown, marker="o", color=ELEMENT_COLOURS[element], label=labels[element])
    axes.set_ylim(0, 100)
    axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
    axes.set_xticks(list(years), [str(y) for y in years])
    return _finish(figure, axes, label, key, legend=3)
