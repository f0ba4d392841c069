from __future__ import annotations

import pandas as pd
import pytest

import iso37122 as iso
from iso37122.analysis.identity import (
    find_row,
    key_element,
    province_name,
    province_of,
    provinces_of,
    regency_kind,
    regency_kinds,
)
from iso37122.data import table_from_frame
from iso37122.elements import KeyElement
from iso37122.errors import DataError, Iso37122Error, UnknownCityError, UnknownElementError
from iso37122.testing import partial_frame


def test_province_from_both_code_styles() -> None:
    # Kemendagri "73.71" and BPS "7371" are both Kota Makassar's province, Sulawesi Selatan.
    assert province_of("73.71") == province_of("7371") == "73"
    assert province_of("32.11.05") == province_of("3211050") == "32"
    assert province_of(" 35.10 ") == "35"
    assert provinces_of(["73.71", "3211", None, "31.74"]).tolist() == ["73", "32", None, "31"]


def test_province_names_follow_the_code_style_for_papua() -> None:
    assert province_name("73.71") == province_name("7371") == "Sulawesi Selatan"
    # Since 2022 Kemendagri 91 is Papua, BPS 91 is Papua Barat (BPS Papua is 94).
    assert province_name("91.01") == "Papua"
    assert province_name("9101") == "Papua Barat"
    assert province_name("9471") == "Papua"
    assert province_name("99.01") is None


def test_kota_and_kabupaten() -> None:
    assert regency_kind("73.71") == regency_kind("3578") == "kota"
    assert regency_kind("35.10") == regency_kind("3211") == "kabupaten"
    assert regency_kind("73") is None
    assert regency_kinds(["31.71", "31.01", None]).tolist() == ["kota", "kabupaten", None]


def test_a_code_read_as_a_float_is_named() -> None:
    with pytest.raises(DataError, match=r"'35\.1'.*'35\.10' loses its last 0"):
        province_of("35.1")
    with pytest.raises(DataError, match="2 region codes") as caught:
        provinces_of(["73.71", "Makassar", "7.3"])
    assert "'Makassar'" in str(caught.value)
    assert "'7.3'" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "element"),
    [
        ("green", KeyElement.GREEN),
        ("Green", KeyElement.GREEN),
        ("DIGITAL", KeyElement.DIGITAL),
        (" livable ", KeyElement.LIVABLE),
        (3, KeyElement.DIGITAL),
        ("kota layak huni, inklusif, dan berbudaya", KeyElement.LIVABLE),
        (KeyElement.GREEN, KeyElement.GREEN),
    ],
)
def test_element_names_in_any_case(name: str | int, element: KeyElement) -> None:
    assert key_element(name) is element


def test_unknown_element_names_the_three() -> None:
    with pytest.raises(UnknownElementError) as caught:
        key_element("gren")
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, Iso37122Error)
    message = str(caught.value)
    assert "'livable' (1), 'green' (2), 'digital' (3)" in message
    assert "did you mean 'green'?" in message


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "city": ["Kota Makassar", "Kota Makassar", "Kab. Sumedang", "Kota Bandung"],
            "year": [2023, 2024, 2024, 2024],
            "code": ["73.71", "73.71", "32.11", "32.73"],
            "population": [1.4e6, 1.5e6, 6.0e5, 2.5e6],
        }
    )


def test_find_row_by_code_or_name() -> None:
    table = table_from_frame(_table())
    assert find_row(table, "73.71", 2024) == 1
    assert find_row(table, "kota makassar", 2023) == 0
    assert find_row(table, "32.11") == 2
    assert find_row(table, "Kota Bandung", 2024) == 3


def test_find_row_misses_name_what_exists() -> None:
    table = table_from_frame(_table())
    with pytest.raises(UnknownCityError, match="did you mean 'Kota Makassar'") as caught:
        find_row(table, "Kota Makasar", 2024)
    assert isinstance(caught.value, KeyError)
    assert "3 cities" in str(caught.value)
    with pytest.raises(UnknownCityError, match="no row for year 2022; its years are 2023, 2024"):
        find_row(table, "73.71", 2022)
    with pytest.raises(UnknownCityError, match=r"2 city-years \(2023, 2024\); give the year"):
        find_row(table, "73.71")


def test_profile_sets_look_up_by_identity() -> None:
    ps = iso.compute_profile(_table())
    assert ps[("Kota Makassar", 2024)].year == 2024
    assert ps[("73.71", 2023)].city == "Kota Makassar"
    assert ps.get("kab. sumedang").code == "32.11"
    assert ps.get("32.73", 2024).city == "Kota Bandung"
    text = ps.explain("Livable", "73.71", 2024)
    assert text.startswith("livable — ")
    assert "Kota Makassar (73.71), 2024" in text
    assert ps[0].explain("DIGITAL").startswith("digital — ")
    with pytest.raises(UnknownCityError, match="did you mean 'Kota Makassar'"):
        ps[("Kota Makasar", 2024)]
    with pytest.raises(KeyError):
        ps.get("73.71", 2020)
    with pytest.raises(UnknownElementError):
        ps.explain("blue", "73.71", 2024)


def test_readiness_and_scores_count_an_element_alike() -> None:
    frame = partial_frame(12, (2024,), seed=2)
    report = iso.readiness(frame)
    ps = iso.compute_profile(frame)
    for row in range(len(ps)):
        for element, score in ps[row].elements.items():
            group = report[row].by_element[element]
            assert group.n_total == score.n_total
    # The livable element: 21 indicators, 3 without a direction, which no score counts.
    assert report[0].by_element[KeyElement.LIVABLE].n_total == 18
    assert report.by_element().loc["livable", "n_indicators"] == 18


def test_readiness_looks_up_and_explains_by_identity() -> None:
    report = iso.readiness(_table())
    assert report[("Kota Makassar", 2023)].year == 2023
    assert report.get("32.11").city == "Kab. Sumedang"
    text = report.explain("Digital", "73.71", 2024)
    assert (
        text.splitlines()[1] == "Kota Makassar (73.71), 2024: 0 of 23 indicators computable (0 %)"
    )
    assert "Collect, in this order" in text
    with pytest.raises(UnknownCityError):
        report.get("Kota Surabaya", 2024)


def test_profile_elements_by_name_in_any_case() -> None:
    profile = iso.compute_profile(_table())[0]
    assert profile.elements["Green"] is profile.elements[KeyElement.GREEN]
    assert profile.elements["LIVABLE"].element is KeyElement.LIVABLE
    assert list(profile.elements) == list(KeyElement)
    with pytest.raises(UnknownElementError):
        profile.elements["blue"]
