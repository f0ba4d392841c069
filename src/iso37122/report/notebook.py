"""How profiles look in a notebook: rich HTML views and a matplotlib plot.

The HTML views need nothing beyond the standard library (they are shown by Jupyter through
``_repr_html_``); :func:`plot_profile` needs matplotlib (the ``report`` extra).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from iso37122.engine import Status
from iso37122.i18n import (
    check_lang,
    element_label,
    format_number,
    format_percent,
    status_label,
    text,
    theme_label,
)
from iso37122.indicators import CATALOGUE
from iso37122.report.charts import ELEMENT_COLOURS, STATUS_COLOURS, ReportDependencyError

if TYPE_CHECKING:
    from iso37122.profile import Profile, ProfileSet

__all__ = ["plot_profile", "profile_html", "profile_set_html"]

_STYLE = (
    "<style>.iso37122 table{border-collapse:collapse;font-size:12px}"
    ".iso37122 th,.iso37122 td{padding:2px 8px;text-align:left;border-bottom:1px solid #ddd}"
    ".iso37122 td.n{text-align:right;font-variant-numeric:tabular-nums}</style>"
)


def _score_cell(score: float | None, coverage: float, lang: str) -> str:
    shown = "–" if score is None else format_number(score, lang, decimals=1)
    return f'<td class="n">{shown} <small>({format_percent(coverage, lang)})</small></td>'


def profile_html(profile: Profile, lang: str = "en") -> str:
    """Return an HTML summary of one profile: identity, element scores, statuses per theme."""
    lang = check_lang(lang)
    code = f" ({escape(profile.code)})" if profile.code else ""
    parts = [
        _STYLE,
        '<div class="iso37122">',
        f"<strong>{escape(profile.city)}{code}, {profile.year}</strong>",
        f"<table><tr><th>{text('element', lang)}</th><th>{text('score', lang)} "
        f"({text('coverage', lang).lower()})</th><th>n</th></tr>",
    ]
    for element, found in profile.elements.items():
        colour = ELEMENT_COLOURS[element]
        parts.append(
            f'<tr><td><span style="color:{colour}">■</span> '
            f"{escape(element_label(element, lang))}</td>"
            + _score_cell(found.score, found.coverage, lang)
            + f'<td class="n">{found.n_scored}/{found.n_total}</td></tr>'
        )
    parts.append("</table>")
    counts: dict[str, dict[Status, int]] = {}
    for clause, result in profile.indicators.items():
        theme = theme_label(CATALOGUE[clause].theme, lang)
        counts.setdefault(theme, dict.fromkeys(Status, 0))[result.status] += 1
    header = "".join(
        f'<th style="border-bottom:3px solid {STATUS_COLOURS[s]}">{status_label(s, lang)}</th>'
        for s in Status
    )
    parts.append(f"<details><summary>{text('statuses', lang)}</summary><table>")
    parts.append(f"<tr><th>{text('theme', lang)}</th>{header}</tr>")
    for theme, row in counts.items():
        cells = "".join(f'<td class="n">{row[s] or ""}</td>' for s in Status)
        parts.append(f"<tr><td>{escape(theme)}</td>{cells}</tr>")
    parts.append("</table></details></div>")
    return "".join(parts)


def profile_set_html(profiles: ProfileSet, lang: str = "en", *, max_rows: int = 20) -> str:
    """Return an HTML table of a set: one row per city-year (the first and last when long)."""
    lang = check_lang(lang)
    n = len(profiles)
    table = profiles.table
    elements = profiles.elements
    computed = (profiles.results.status == Status.COMPUTED.code).sum(axis=0)
    rows = (
        list(range(n))
        if n <= max_rows
        else [*range(max_rows // 2), -1, *range(n - max_rows // 2, n)]
    )
    head = "".join(
        f"<th>{escape(element_label(e, lang, short=True))}</th>" for e in elements.elements
    )
    parts = [
        _STYLE,
        f'<div class="iso37122"><strong>ProfileSet</strong>: {n} {text("city_years", lang)} × '
        f"{len(profiles.results.indicators)} {text('indicator', lang).lower()}",
        f"<table><tr><th>{text('city', lang)}</th><th>{text('year', lang)}</th>"
        f"<th>{text('code', lang)}</th><th>{status_label('computed', lang)}</th>{head}</tr>",
    ]
    for row in rows:
        if row < 0:
            parts.append(f'<tr><td colspan="{4 + len(elements.elements)}">…</td></tr>')
            continue
        cells = "".join(
            _score_cell(
                None
                if elements.score[e, row] != elements.score[e, row]
                else float(elements.score[e, row]),
                float(elements.coverage[e, row]),
                lang,
            )
            for e in range(len(elements.elements))
        )
        code = table.code[row]
        parts.append(
            f"<tr><td>{escape(str(table.city[row]))}</td><td>{int(table.year[row])}</td>"
            f'<td>{escape(code) if code else ""}</td><td class="n">{int(computed[row])}</td>'
            f"{cells}</tr>"
        )
    parts.append("</table></div>")
    return "".join(parts)


def plot_profile(profile: Profile, *, ax: Any = None, lang: str = "en") -> Any:
    """Plot the three element scores of a profile as horizontal bars; return the Axes.

    Bars are the scores (0–100) in the elements' colours; the label beside each bar gives the
    coverage. An element without a score shows no bar and the words "no score".
    """
    lang = check_lang(lang)
    if ax is None:
        try:
            import matplotlib.pyplot as plt
        except ImportError as error:
            raise ReportDependencyError(
                "plotting needs matplotlib: pip install 'iso37122[report]'"
            ) from error
        _, ax = plt.subplots(figsize=(6, 2))
    elements = list(profile.elements.items())
    positions = list(range(len(elements)))[::-1]
    for y, (element, found) in zip(positions, elements, strict=True):
        ax.barh(y, 100, color="#eeeeee", height=0.6)
        if found.score is not None:
            ax.barh(y, found.score, color=ELEMENT_COLOURS[element], height=0.6)
        shown = text("no_score", lang) if found.score is None else f"{found.score:.1f}"
        ax.text(101, y, f"{shown} ({format_percent(found.coverage, lang)})", va="center")
    ax.set_yticks(positions, [element_label(e, lang, short=True) for e, _ in elements])
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_title(f"{profile.city} {profile.year}")
    ax.spines[["top", "right"]].set_visible(False)
    return ax
