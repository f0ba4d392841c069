"""The HTML report parses, is self-contained, and shows every city, element and theme in both
languages; the notebook views and the plot show the element scores."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.errors import Iso37122Error
from iso37122.i18n import element_label, status_label, theme_label
from iso37122.report import render_report, write_report
from iso37122.testing import synthetic_frame

matplotlib.use("Agg")

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "source", "wbr"}


class Page(HTMLParser):
    """Checks that every element is closed in order; collects text, ids, links and sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value and tag == "a":
                self.links.append(value)
            external = value is not None and not value.startswith("#")
            if name in ("src", "href", "xlink:href", "action", "data") and external:
                self.urls.append(str(value))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def shown(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def profiles() -> iso.ProfileSet:
    """Two cities over two years; the second city lacks every telecommunication input."""
    first = synthetic_frame(2, seed=21)
    first.loc[1, ["population_with_fast_broadband", "area_without_connectivity"]] = None
    later = first.assign(year=first["year"] + 1)
    later["street_lights_managed"] = later["street_lights_managed"] / 2
    return iso.compute_profile(pd.concat([first, later], ignore_index=True))


@pytest.fixture(scope="module")
def pages(profiles: iso.ProfileSet) -> dict[str, str]:
    day = datetime.date(2026, 1, 31)
    return {lang: render_report(profiles, lang=lang, date=day) for lang in ("en", "id")}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_report_is_valid_self_contained_html(pages: dict[str, str], lang: str) -> None:
    html = pages[lang]
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>")
    assert page.errors == []
    assert page.stack == []
    assert f'<html lang="{lang}">' in html
    # No script, no external style sheet, image or font: nothing is fetched.
    assert "script" not in page.tags
    assert "link" not in page.tags
    assert "img" not in page.tags
    assert page.urls == []
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert not re.search(r"@import", html)
    # Every link inside the page points at an element that exists, once.
    assert len(page.ids) == len(set(page.ids))
    assert {link[1:] for link in page.links} <= set(page.ids)
    assert html.count("<svg") >= 3  # comparison, trends and per-city status charts


@pytest.mark.parametrize("lang", ["en", "id"])
def test_report_shows_every_city_element_and_theme(
    pages: dict[str, str], profiles: iso.ProfileSet, lang: str
) -> None:
    shown = parse(pages[lang]).shown
    for city in set(profiles.table.city.tolist()):
        assert city in shown
    for element in iso.KeyElement:
        assert element_label(element, lang) in shown
        assert element_label(element, lang, short=True) in shown
    for theme in iso.Theme:
        assert theme_label(theme, lang) in shown
    for status in ("computed", "missing"):
        assert status_label(status, lang) in shown
    assert "2026-01-31" in shown


def test_report_sections_in_english(pages: dict[str, str], profiles: iso.ProfileSet) -> None:
    page = parse(pages["en"])
    shown = page.shown
    for heading in (
        "Comparison",
        "Trends",
        "Key element scores",
        "Strengths and weaknesses",
        "Indicators by theme",
        "Data gaps",
        "Next variables to collect",
        "How the scores are made",
    ):
        assert heading in shown
    # Several years: city-years carry the year in their labels.
    city, year = str(profiles.table.city[0]), int(profiles.table.year[0])
    assert f"{city} {year}" in shown
    assert f"{city} {year + 1}" in shown
    # City-years are grouped by city, then ordered by year (the input has them by year).
    other = str(profiles.table.city[1])
    positions = [
        shown.index(f"{c} {y}") for c, y in [(city, year), (city, year + 1), (other, year)]
    ]
    assert positions == sorted(positions)
    # The second city lacks its broadband inputs; the report says which, and unlocks 18.1.
    assert "not reported: population_with_fast_broadband" in shown
    assert "population_with_fast_broadband" in shown
    assert "unlocks 18.1" in shown
    assert {f"city-{k}" for k in range(1, 5)} <= set(page.ids)


def test_report_in_indonesian_has_no_english_statuses(pages: dict[str, str]) -> None:
    shown = parse(pages["id"]).shown
    assert "Kesenjangan data" in shown
    assert "Tren" in shown
    assert "Perbandingan" in shown
    assert "tidak dilaporkan: Penduduk dengan Pita Lebar Cepat" in shown
    assert "not reported" not in shown
    assert "per 100.000 penduduk" in shown
    assert "hundred_thousand_people" not in shown


def test_report_of_one_profile_has_no_comparison(profiles: iso.ProfileSet) -> None:
    page = parse(render_report(profiles[0], lang="id", title="Laporan Kota"))
    assert page.errors == []
    assert "Laporan Kota" in page.shown
    assert "comparison" not in page.ids
    assert "trends" not in page.ids
    assert "city-1" in page.ids
    assert "city-2" not in page.ids


def test_report_calls_progress_once_per_city_year(profiles: iso.ProfileSet) -> None:
    calls: list[tuple[int, int]] = []
    render_report(profiles, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_write_report(profiles: iso.ProfileSet, tmp_path: Path) -> None:
    path = write_report(profiles, tmp_path / "r.html", note="Data ilustratif", lang="id")
    assert "Data ilustratif" in path.read_text(encoding="utf-8")
    with pytest.raises(Iso37122Error, match=r"\.html"):
        write_report(profiles, tmp_path / "r.pdf")
    with pytest.raises(ValueError, match="'de'"):
        render_report(profiles, lang="de")


def test_notebook_views(profiles: iso.ProfileSet) -> None:
    one = parse(profiles[1]._repr_html_())
    assert one.errors == []
    assert one.stack == []
    assert profiles[1].city in one.shown
    for element in iso.KeyElement:
        assert element.label in one.shown
    many = parse(profiles._repr_html_())
    assert many.errors == []
    assert "4 city-years" in many.shown
    assert many.tags.count("tr") == 5  # a header and one row per city-year


def test_long_sets_are_shortened_in_notebooks() -> None:
    many = iso.compute_profile(synthetic_frame(30, seed=2))
    page = parse(many._repr_html_())
    assert page.tags.count("tr") == 1 + 20 + 1  # header, first and last ten, and "…"


def test_plot_draws_each_element_score(profiles: iso.ProfileSet) -> None:
    profile = profiles[0]
    ax = profile.plot(lang="id")
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels == ["Layak huni", "Hijau", "Digital"]
    widths = sorted(round(patch.get_width(), 6) for patch in ax.patches)
    scores = sorted(round(s.score, 6) for s in profile.elements.values() if s.score is not None)
    # One grey 100-wide background bar per element, and one bar per score.
    assert widths == sorted([100.0] * 3 + scores)


def test_report_has_provinces_and_uncertainty_intervals() -> None:
    from iso37122.testing import partial_frame

    profiles = iso.compute_profile(partial_frame(8, years=(2023, 2024), seed=4))
    page = parse(render_report(profiles, draws=50, seed=1))
    assert page.errors == []
    assert "provinces" in page.ids
    shown = page.shown
    for province in profiles.aggregate("province"):
        assert province.city in shown
    assert "Uncertainty interval (5–95 %)" in shown
    assert "5th to 95th percentile" in shown  # the note under the whisker chart
    # Without draws, no interval is shown.
    plain = parse(render_report(profiles[0], draws=0)).shown
    assert "Uncertainty interval" not in plain


def test_a_set_without_region_codes_says_why_there_are_no_provinces() -> None:
    frame = synthetic_frame(2, seed=8).drop(columns=["code"])
    page = parse(render_report(iso.compute_profile(frame), draws=0))
    assert "provinces" in page.ids
    assert "no region code" in page.shown


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "3 region codes of the data name no province (e.g. '99.00000')"),
        ("id", "3 kode wilayah dalam data tidak menunjukkan provinsi (mis. '99.00000')"),
    ],
)
def test_codes_of_no_province_are_explained_in_the_reports_language(
    lang: str, expected: str
) -> None:
    frame = synthetic_frame(3, seed=8)  # synthetic codes 99.00000 …: no province
    page = parse(render_report(iso.compute_profile(frame), draws=0, lang=lang))
    assert expected in page.shown
    assert "cannot be read" not in page.shown  # not the library's English error text


def test_a_set_without_region_codes_is_explained_in_indonesian() -> None:
    frame = synthetic_frame(2, seed=8).drop(columns=["code"])
    page = parse(render_report(iso.compute_profile(frame), draws=0, lang="id"))
    assert "2 kota-tahun tidak memiliki kode wilayah" in page.shown


def test_an_element_without_a_score_shows_no_interval() -> None:
    """Draws may score an element that the chosen configuration leaves unscored: its card says
    "no score" and shows no range, while the scored elements keep theirs."""
    from iso37122.analysis.trends import strengths
    from iso37122.readiness import readiness
    from iso37122.report import sections
    from iso37122.testing import partial_frame

    profiles = iso.compute_profile(partial_frame(12, years=(2024,), seed=2))
    profile = next(
        p
        for p in profiles
        if any(s.score is None for s in p.elements.values())
        and any(s.score is not None for s in p.elements.values())
    )
    best = strengths(profiles.elements, sections.N_STRENGTHS)
    city = sections.city_section(
        profile,
        readiness(profiles.table)[profile.row],
        best[sections.same_city_year(best, profile)],
        lang="en",
        label=profile.city,
        anchor="city-1",
        intervals=dict.fromkeys(profile.elements, (20.0, 60.0)),
    )
    shown = {card["key"]: card["interval"] for card in city["elements"]}
    for element, found in profile.elements.items():
        assert shown[element.value] == (None if found.score is None else "20.0–60.0")
    assert city["element_chart"] is not None
