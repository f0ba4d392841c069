"""What the report says, section by section, as plain data for the page template.

Each function reads profiles and returns dicts and lists of text already written for reading
(in the report's language, numbers rounded); the template only lays them out. Charts are
inline SVG from :mod:`iso37122.report.charts`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from iso37122.analysis.identity import province_of
from iso37122.analysis.uncertainty import Uncertainty
from iso37122.elements import KeyElement
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
from iso37122.indicators import CATALOGUE
from iso37122.profile import Profile, ProfileSet
from iso37122.readiness import CityReadiness
from iso37122.report import charts
from iso37122.themes import Theme
from iso37122.variables import VARIABLES

__all__ = [
    "city_order",
    "city_section",
    "city_year_label",
    "comparison_section",
    "intervals",
    "province_section",
    "same_city_year",
    "trends_section",
]

MAX_CHARTED = 12
"""Above this many city-years, the comparison is a table without a chart."""

N_STRENGTHS = 3
"""How many strengths and weaknesses each city-year lists."""


def city_year_label(profile: Profile, several_years: bool) -> str:
    """Return the label of a city-year: the city, and the year when there are several."""
    return f"{profile.city} {profile.year}" if several_years else profile.city


def _element_labels(lang: str, *, short: bool) -> dict[KeyElement, str]:
    return {e: element_label(e, lang, short=short) for e in KeyElement}


def _value(value: float | None, unit: str, lang: str) -> str:
    if value is None:
        return "–"
    shown = unit_label(unit, lang)
    if shown == "%":
        return f"{format_number(value, lang)} %"
    return f"{format_number(value, lang)} {shown}".strip()


def _elements(
    profile: Profile, lang: str, intervals: Mapping[KeyElement, tuple[float, float]] | None
) -> list[dict[str, Any]]:
    cards = []
    for element, found in profile.elements.items():
        interval = (intervals or {}).get(element)
        cards.append(
            {
                "key": element.value,
                "number": element.number,
                "label": element_label(element, lang),
                "short": element_label(element, lang, short=True),
                "score": None
                if found.score is None
                else format_number(found.score, lang, decimals=1),
                "width": 0.0 if found.score is None else round(found.score, 1),
                "coverage": format_percent(found.coverage, lang),
                "counts": f"{found.n_scored} {text('of', lang)} {found.n_total} "
                f"{text('indicators_scored', lang)}",
                "reason": translate_reason(found.reason, lang),
                "interval": None
                if interval is None
                else f"{format_number(interval[0], lang, decimals=1)}–"
                f"{format_number(interval[1], lang, decimals=1)}",
            }
        )
    return cards


def _strengths(
    chosen: pd.DataFrame, profile: Profile, lang: str
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return the strengths and weaknesses of one city-year, from ``ProfileSet.strengths``."""

    def rows(kind: str) -> list[dict[str, str]]:
        out = []
        for record in chosen[chosen["kind"] == kind].sort_values("rank").itertuples():
            clause = str(record.clause)
            result = profile.indicators[clause]
            out.append(
                {
                    "clause": clause,
                    "title": indicator_title(clause, lang),
                    "element": element_label(str(record.element), lang, short=True),
                    "value": _value(result.value, result.unit, lang),
                    "score": format_number(float(str(record.score)), lang, decimals=0),
                }
            )
        return out

    return rows("strength"), rows("weakness")


def _themes(profile: Profile, lang: str) -> list[dict[str, Any]]:
    element_of = {
        c.clause: element
        for element, found in profile.elements.items()
        for c in found.contributions
    }
    by_theme: dict[Theme, list[dict[str, Any]]] = defaultdict(list)
    for clause, result in profile.indicators.items():
        spec = CATALOGUE[clause]
        by_theme[spec.theme].append(
            {
                "clause": clause,
                "title": indicator_title(spec, lang),
                "value": _value(result.value, result.unit, lang),
                "status": result.status.value,
                "status_label": status_label(result.status, lang),
                "reason": translate_reason(result.reason, lang) or "",
                "element": element_label(element_of[clause], lang, short=True)
                if clause in element_of
                else "",
            }
        )
    return [
        {
            "key": theme.value,
            "clause": theme.clause,
            "label": theme_label(theme, lang),
            "computed": sum(1 for r in rows if r["status"] == Status.COMPUTED.value),
            "total": len(rows),
            "rows": rows,
        }
        for theme, rows in sorted(by_theme.items(), key=lambda item: item[0].clause)
    ]


def _gaps(readiness: CityReadiness, lang: str, top: int) -> dict[str, Any]:
    lacking: dict[str, list[str]] = defaultdict(list)
    for indicator in readiness.unlockable:
        for variable in indicator.lacking:
            lacking[variable].append(indicator.clause)
    steps = []
    for step in readiness.next_variables[:top]:
        variables = [
            {
                "id": v,
                "unit": unit_label(VARIABLES[v].unit, lang) or VARIABLES[v].unit,
                "description": VARIABLES[v].description_id
                if lang == "id"
                else VARIABLES[v].description,
            }
            for v in step.variables
        ]
        steps.append({"variables": variables, "unlocks": ", ".join(step.unlocks)})
    return {
        "computable": len(readiness.computable),
        "total": len(readiness.indicators),
        "not_reported": len(lacking),
        "to_check": [
            {
                "clause": i.clause,
                "title": indicator_title(i.clause, lang),
                "reason": translate_reason(i.reason, lang) or "",
            }
            for i in readiness.to_check
        ],
        "steps": steps,
    }


def city_section(
    profile: Profile,
    readiness: CityReadiness,
    strengths: pd.DataFrame,
    *,
    lang: str,
    label: str,
    anchor: str,
    intervals: Mapping[KeyElement, tuple[float, float]] | None = None,
    top: int = 8,
) -> dict[str, Any]:
    """Return everything the report shows about one city-year.

    The chart of the element scores is drawn when there are uncertainty intervals to show
    (the cards show the scores themselves). An element without a score under the chosen
    configuration shows no interval, even when some of the draws scored it: a range beside
    "no score" would read as the score's own.
    """
    intervals = {
        e: span
        for e, span in (intervals or {}).items()
        if e in profile.elements and profile.elements[e].score is not None
    }
    best, worst = _strengths(strengths, profile, lang)
    themes = _themes(profile, lang)
    statuses = {s: status_label(s, lang) for s in Status}
    counts = [
        (
            f"{t['clause']} {t['label']}",
            {s: sum(1 for r in t["rows"] if r["status"] == s.value) for s in Status},
        )
        for t in themes
    ]
    scores = {e: s.score for e, s in profile.elements.items()}
    coverage = {e: s.coverage for e, s in profile.elements.items()}
    return {
        "anchor": anchor,
        "label": label,
        "city": profile.city,
        "year": profile.year,
        "code": profile.code,
        "elements": _elements(profile, lang, intervals),
        "element_chart": charts.element_chart(
            scores,
            coverage,
            _element_labels(lang, short=True),
            intervals=intervals,
            label=f"{text('element_scores', lang)}: {label}",
            key=f"{anchor}-elements",
            no_score=text("no_score", lang),
        )
        if intervals
        else None,
        "status_chart": charts.status_chart(
            counts, statuses, label=f"{text('statuses', lang)}: {label}"
        ),
        "strengths": best,
        "weaknesses": worst,
        "themes": themes,
        "gaps": _gaps(readiness, lang, top),
    }


def _score_cells(profile: Profile, lang: str) -> list[dict[str, Any]]:
    """Each element's score (for reading and as a bar width) and coverage."""
    return [
        {
            "key": element.value,
            "score": None if found.score is None else format_number(found.score, lang, decimals=1),
            "width": 0.0 if found.score is None else round(found.score, 1),
            "coverage": format_percent(found.coverage, lang),
        }
        for element, found in profile.elements.items()
    ]


def city_order(profiles: ProfileSet) -> list[Profile]:
    """Return the profiles grouped by city (in order of first appearance), then by year."""
    table = profiles.table
    first: dict[object, int] = {}
    keys = []
    for row in range(len(profiles)):
        key = table.code[row] if table.code[row] is not None else table.city[row]
        keys.append(first.setdefault(key, row))
    order = sorted(range(len(profiles)), key=lambda r: (keys[r], int(table.year[r])))
    return [profiles[row] for row in order]


def comparison_section(
    profiles: Sequence[Profile], labels: Sequence[str], lang: str, anchors: Sequence[str]
) -> dict[str, Any]:
    """Return the comparison of every city-year: a table, and a chart when there are few."""
    rows = []
    for profile, label, anchor in zip(profiles, labels, anchors, strict=True):
        cells = _score_cells(profile, lang)
        statuses = [result.status for result in profile.indicators.values()]
        rows.append(
            {
                "label": label,
                "anchor": anchor,
                "code": profile.code or "",
                "computed": statuses.count(Status.COMPUTED),
                "total": len(statuses),
                "elements": cells,
            }
        )
    chart = None
    if len(labels) <= MAX_CHARTED:
        scores = {element: [p.elements[element].score for p in profiles] for element in KeyElement}
        chart = charts.comparison_chart(
            labels,
            scores,
            _element_labels(lang, short=True),
            label=text("comparison", lang),
            key="comparison-chart",
        )
    headers = [element_label(e, lang, short=True) for e in KeyElement]
    return {"rows": rows, "chart": chart, "headers": headers}


def trends_section(profiles: ProfileSet, lang: str) -> list[dict[str, Any]]:
    """Return, for each city with several years, its element scores year by year."""
    table = profiles.table
    rows_of: dict[str, list[int]] = defaultdict(list)
    for row in range(len(profiles)):
        key = table.code[row] if table.code[row] is not None else table.city[row]
        rows_of[str(key)].append(row)
    elements = profiles.elements
    out = []
    for number, rows in enumerate(rows_of.values(), start=1):
        if len({int(table.year[r]) for r in rows}) < 2:
            continue
        rows = sorted(rows, key=lambda r: int(table.year[r]))
        years = [int(table.year[r]) for r in rows]
        scores: dict[KeyElement, list[float | None]] = {}
        for e, element in enumerate(elements.elements):
            values = [float(elements.score[e, r]) for r in rows]
            scores[element] = [None if v != v else v for v in values]
        city = str(table.city[rows[-1]])
        out.append(
            {
                "city": city,
                "years": years,
                "rows": [
                    {
                        "label": element_label(element, lang, short=True),
                        "values": [format_number(v, lang, decimals=1) for v in values],
                        "change": _change(values, lang),
                    }
                    for element, values in scores.items()
                ],
                "chart": charts.trend_chart(
                    years,
                    scores,
                    _element_labels(lang, short=True),
                    label=f"{text('trends', lang)}: {city}",
                    key=f"trend-{number}",
                ),
            }
        )
    return out


def _change(values: Sequence[float | None], lang: str) -> str:
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return "–"
    delta = known[-1] - known[0]
    sign = "+" if delta > 0 else ""
    return f"{sign}{format_number(delta, lang, decimals=1)}"


def province_section(profiles: ProfileSet, lang: str) -> dict[str, Any]:
    """Return the element scores of the provinces, rolled up from their kab/kota.

    A set without region codes (or with codes of no known province) gives the reason instead.
    """
    codes = sorted({str(profile.code) for profile in profiles if profile.code is not None})
    without = sum(1 for profile in profiles if profile.code is None)
    if without:
        reason = text("provinces_no_code", lang).format(count=without)
        return {"rows": [], "reason": reason}
    unreadable = [code for code in codes if not _has_province(code)]
    if unreadable:
        reason = text("provinces_unreadable", lang).format(
            count=len(unreadable), example=unreadable[0]
        )
        return {"rows": [], "reason": reason}
    try:
        provinces = profiles.aggregate("province")
    except DataError as error:
        return {"rows": [], "reason": translate_reason(str(error), lang)}
    members = provinces.reporting.groupby(["code", "year"])["n_members"].max()
    rows = []
    for province in provinces:
        rows.append(
            {
                "name": province.city,
                "code": province.code or "",
                "year": province.year,
                "members": int(members.get((province.code, province.year), 0)),
                "elements": _score_cells(province, lang),
            }
        )
    return {"rows": rows, "reason": None}


def _has_province(code: str) -> bool:
    """Whether a region code names a province (a Kemendagri or BPS code)."""
    try:
        province_of(code)
    except DataError:
        return False
    return True


def same_city_year(frame: pd.DataFrame, profile: Profile) -> pd.Series[bool]:
    """Rows of a per-city-year frame (``city``, ``year``, ``code``) that are ``profile``."""
    code = frame["code"].isna() if profile.code is None else frame["code"] == profile.code
    same: pd.Series[bool] = (frame["city"] == profile.city) & (frame["year"] == profile.year) & code
    return same


def intervals(spread: Uncertainty, row: int) -> dict[KeyElement, tuple[float, float]]:
    """Return each element score's 5th–95th percentile over the draws (when scored)."""
    out = {}
    for e, element in enumerate(spread.elements.elements):
        low, high = (float(spread.score_percentiles[e, q, row]) for q in (0, 2))
        if low == low and high == high:
            out[element] = (low, high)
    return out
