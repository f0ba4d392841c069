"""The HTML report: one self-contained file for one city-year or a whole set, in two languages.

The page has no script, no external style sheet, font or image: charts are inline SVG, so it
can be e-mailed, archived and opened offline; it prints on A4 with one city-year per page.
It needs the ``report`` extra (jinja2 and matplotlib): ``pip install 'iso37122[report]'``.

Sections: for a set, the comparison (the three element scores of every city-year, with
coverage, and a chart), the provinces (scores rolled up from their kab/kota) and the trends
when a city has several years; then for each city-year its element scores with coverage and
uncertainty intervals, strengths and weaknesses, indicator statuses per theme, every
indicator with value, status and reason, and its data gaps with the next variables to
collect; finally how the scores are made.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from iso37122.analysis.trends import strengths
from iso37122.analysis.uncertainty import uncertainty
from iso37122.errors import Iso37122Error
from iso37122.i18n import check_lang, text
from iso37122.profile import Profile, ProfileSet
from iso37122.readiness import readiness
from iso37122.report import sections
from iso37122.report.charts import ELEMENT_COLOURS, STATUS_COLOURS, ReportDependencyError

__all__ = ["ReportDependencyError", "render_report", "write_report"]


def _environment() -> Any:
    try:
        import jinja2
    except ImportError as error:
        raise ReportDependencyError(
            "the HTML report needs jinja2: pip install 'iso37122[report]'"
        ) from error
    return jinja2.Environment(
        loader=jinja2.PackageLoader("iso37122.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(
    profiles: Profile | ProfileSet,
    *,
    lang: str = "en",
    title: str | None = None,
    note: str | None = None,
    date: datetime.date | None = None,
    draws: int = 200,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Return the report of one profile or a set as one self-contained HTML page.

    Parameters
    ----------
    profiles
        A :class:`~iso37122.Profile` (one city-year) or a :class:`~iso37122.ProfileSet`.
    lang
        ``"en"`` (English) or ``"id"`` (Bahasa Indonesia): every title, name, status, reason
        and unit of the page.
    title
        The page's title (default: the report's name and the cities).
    note
        A sentence shown under the title (for example, that the data are illustrative).
    date
        The date printed on the report (default: today).
    draws
        Random draws of the roll-up choices behind each element score's uncertainty interval
        (the 5th to 95th percentile, see :func:`iso37122.uncertainty`); 0 leaves intervals out.
    seed
        Seed of those draws: the same seed gives the same report.
    progress
        Called with (done, total) after each city-year's section, for a progress display.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ReportDependencyError
        When jinja2 or matplotlib is not installed.
    """
    lang = check_lang(lang)
    environment = _environment()
    chosen = [profiles] if isinstance(profiles, Profile) else sections.city_order(profiles)
    several_years = len({p.year for p in chosen}) > 1
    labels = [sections.city_year_label(p, several_years) for p in chosen]
    anchors = [f"city-{k + 1}" for k in range(len(chosen))]
    ready = readiness(profiles.table)
    results = profiles.elements if isinstance(profiles, ProfileSet) else profiles.element_results
    best = strengths(results, sections.N_STRENGTHS)
    spread = uncertainty(results, n=draws, seed=seed, sensitivity=False) if draws else None
    cities = []
    for done, (profile, label, anchor) in enumerate(zip(chosen, labels, anchors, strict=True)):
        cities.append(
            sections.city_section(
                profile,
                ready[profile.row],
                best[sections.same_city_year(best, profile)],
                lang=lang,
                label=label,
                anchor=anchor,
                intervals=sections.intervals(spread, profile.row) if spread else None,
            )
        )
        if progress is not None:
            progress(done + 1, len(chosen))
    comparison = None
    provinces = None
    trends: list[dict[str, Any]] = []
    if isinstance(profiles, ProfileSet):
        comparison = sections.comparison_section(chosen, labels, lang, anchors)
        trends = sections.trends_section(profiles, lang)
        provinces = sections.province_section(profiles, lang)
    names = list(dict.fromkeys(p.city for p in chosen))
    shown_names = ", ".join(names[:4]) + (" …" if len(names) > 4 else "")
    page = environment.get_template("report.html.j2")
    return str(
        page.render(
            lang=lang,
            t=lambda key: text(key, lang),
            title=title or f"{text('report_title', lang)} — {shown_names}",
            note=note,
            date=(date or datetime.date.today()).isoformat(),
            version=version("iso37122"),
            years=sorted({p.year for p in chosen}),
            cities=cities,
            comparison=comparison,
            provinces=provinces,
            trends=trends,
            element_colours={e.value: c for e, c in ELEMENT_COLOURS.items()},
            status_colours={s.value: c for s, c in STATUS_COLOURS.items()},
        )
    )


def write_report(
    profiles: Profile | ProfileSet,
    path: str | Path,
    *,
    lang: str = "en",
    title: str | None = None,
    note: str | None = None,
    draws: int = 200,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the report (see :func:`render_report`) to ``path`` in UTF-8 and return the path."""
    target = Path(path)
    if target.suffix.lower() not in (".html", ".htm"):
        raise ReportPathError(f"cannot write the report to {target.name!r}: use a .html file")
    target.write_text(
        render_report(
            profiles,
            lang=lang,
            title=title,
            note=note,
            draws=draws,
            seed=seed,
            progress=progress,
        ),
        encoding="utf-8",
    )
    return target


class ReportPathError(Iso37122Error, ValueError):
    """A report path that is not an HTML file."""
