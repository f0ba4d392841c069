"""Words in both languages: every unit, status, theme, element and reason in Indonesian."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.errors import ConfigError
from iso37122.i18n import (
    LANGUAGES,
    check_lang,
    column_label,
    element_label,
    format_number,
    format_percent,
    localise_frame,
    status_label,
    text,
    theme_label,
    translate_reason,
    unit_label,
)
from iso37122.indicators import Positive
from iso37122.testing import synthetic_frame
from iso37122.variables import VARIABLES


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (1_482_354, "id", "1.482.354"),
        (1_482_354, "en", "1,482,354"),
        (175.77, "id", "176"),  # three significant digits from 100 up: no decimals
        (80.95232, "id", "81,0"),  # one decimal from 10
        (2.7137, "en", "2.71"),  # two decimals from 1
        (0.000527, "id", "0,000527"),  # three significant digits below 1
        (-2288.36, "en", "-2,288"),
        (0.0, "en", "0"),
        (-0.0001, "en", "-0.000100"),
        (None, "id", "–"),
        (math.nan, "en", "–"),
    ],
)
def test_numbers_are_rounded_for_reading(value: float | None, lang: str, shown: str) -> None:
    assert format_number(value, lang) == shown


def test_fixed_decimals_and_percentages() -> None:
    assert format_number(1234.5678, "id", decimals=2) == "1.234,57"
    assert format_number(-0.04, "en", decimals=1) == "0.0"  # no "-0.0"
    assert format_percent(0.625, "id") == "62 %"  # round half to even: 62.5 -> 62
    assert format_percent(0.6251, "en") == "63 %"


def test_every_unit_reads_in_both_languages() -> None:
    units = {spec.unit for spec in iso.catalogue().values()}
    units |= {variable.unit for variable in iso.variables().values()}
    for unit in units:
        for lang in LANGUAGES:
            shown = unit_label(unit, lang)
            assert "**" not in shown, (unit, lang, shown)
            assert "_" not in shown, (unit, lang, shown)
    assert unit_label("1 / hundred_thousand_people", "id") == "per 100.000 penduduk"
    assert unit_label("1 / hundred_thousand_people", "en") == "per 100,000 population"
    assert unit_label("furlong", "id") == "furlong"  # unknown units are kept as written


def test_labels_of_statuses_themes_and_elements() -> None:
    assert [status_label(s, "id") for s in iso.Status] == [
        "terhitung",
        "tidak tersedia",
        "tidak sah",
        "tidak terdefinisi",
    ]
    assert theme_label(iso.Theme.SOLID_WASTE, "id") == "Persampahan"
    assert element_label("green", "en", short=True) == "Green"
    assert element_label(iso.KeyElement.LIVABLE, "id").startswith("Kota layak huni")
    assert text("data_gaps", "en") == "Data gaps"
    assert column_label("livable_score", "id") == "Layak huni: skor"
    assert column_label("unknown_column", "id") == "unknown_column"


def test_unknown_language_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="'fr'") as caught:
        check_lang("fr")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(ConfigError, match="'fr'"):
        iso.compute_profile(synthetic_frame(1)).to_frame(lang="fr")


def test_every_zero_denominator_reason_is_translated() -> None:
    for spec in iso.catalogue().values():
        for constraint in spec.constraints:
            if isinstance(constraint, Positive):
                english = constraint.explain({constraint.variable: 0.0}, iso.Status.UNDEFINED)
                indonesian = translate_reason(english, "id")
                assert indonesian is not None
                label = VARIABLES[constraint.variable].label_id
                assert indonesian.startswith(f"{label} bernilai 0: "), english
                assert "undefined" not in indonesian
                assert " no " not in indonesian


def test_reasons_of_a_real_profile_are_translated() -> None:
    frame = synthetic_frame(1, seed=5)
    frame["population_with_fast_broadband"] = frame["population"] + 1  # part above its whole
    frame["electric_vehicles"] = 0.0  # a zero denominator
    frame["students"] = np.nan  # not reported
    frame = frame.astype({"street_lights": object})
    frame.loc[0, "street_lights"] = "banyak"  # not a number
    profile = iso.compute_profile(frame)[0]
    expected = {
        "18.1": "melebihi Jumlah Penduduk",
        "7.10": "Kendaraan Listrik bernilai 0: tidak ada kendaraan listrik terdaftar",
        "6.2": "tidak dilaporkan: Jumlah Siswa",
        "7.6": "masukan tidak sah: Lampu Penerangan Jalan = 'banyak': 'banyak' bukan angka",
    }
    for clause, words in expected.items():
        reason = translate_reason(profile[clause].reason, "id")
        assert reason is not None
        assert words in reason, (clause, reason)
    for element in profile.elements.values():
        for contribution in element.contributions:
            translated = translate_reason(contribution.reason, "id")
            if contribution.reason is not None:
                assert translated != contribution.reason, contribution.reason
    assert translate_reason("something new", "id") == "something new"
    assert translate_reason(None, "id") is None


def test_localised_frames_keep_values_and_translate_words() -> None:
    profiles = iso.compute_profile(synthetic_frame(2, seed=1))
    long = profiles.to_frame()
    shown = localise_frame(long, "id")
    assert list(shown.columns[:4]) == ["Kota/kabupaten", "Tahun", "Kode", "Klausul"]
    assert set(shown["Status"]) == {"terhitung"}
    assert shown["Nilai"].equals(long["value"])  # full precision kept
    assert shown.loc[shown["Klausul"] == "18.1", "Judul"].iloc[0] == (
        iso.catalogue()["18.1"].title_id
    )
    assert profiles.to_frame(lang="id").equals(shown)
    # Two units read the same ("1 / …" and "person / hundred_thousand_people"): one category.
    units = shown["Satuan"]
    assert isinstance(units.dtype, pd.CategoricalDtype)
    assert list(units.cat.categories).count("per 100.000 penduduk") == 1
    per_100k = long["unit"].isin(
        ["1 / hundred_thousand_people", "person / hundred_thousand_people"]
    )
    assert (units[per_100k] == "per 100.000 penduduk").all()
    wide = profiles.to_frame("wide", lang="id")
    assert "Digital: skor" in wide.columns
    assert wide["Digital: skor"].equals(profiles.to_frame("wide")["digital_score"])
    one = profiles[0].to_frame(lang="id")
    assert one.index.name == "Klausul"
    assert one.loc["7.1", "Tema"] == "Energi"


def test_file_problems_are_translated_with_their_row_and_column() -> None:
    # Messages of read_table: the file, the row and column as a spreadsheet shows them.
    below = (
        "data.csv, row 2, column E 'population': population = -5 is below the minimum 0 [person]"
    )
    assert translate_reason(below, "id") == (
        "data.csv, baris 2, kolom E 'population': Jumlah Penduduk = -5 di bawah batas minimum 0 "
        "[person]"
    )
    text_cell = (
        "data.csv, row 3, column F 'street_lights': street_lights = 'banyak': is not a number"
    )
    assert translate_reason(text_cell, "id") == (
        "data.csv, baris 3, kolom F 'street_lights': Lampu Penerangan Jalan = 'banyak' bukan angka"
    )
    ambiguous = (
        "d.csv, row 3, column E 'households': households = '50.000': could be 50000 ('.' between "
        "thousands) or 50 ('.' as decimal mark), and no other cell of column E 'households' "
        "shows which; pass decimal=',' (thousands='.') if it means 50000, or decimal='.' if it "
        "means 50"
    )
    assert translate_reason(ambiguous, "id") == (
        "d.csv, baris 3, kolom E 'households': Jumlah Rumah Tangga = '50.000': bisa berarti "
        "50000 ('.' "
        "pemisah ribuan) atau 50 ('.' tanda desimal), dan tidak ada sel lain di kolom E "
        "'households' yang memastikannya; berikan decimal=',' (thousands='.') bila maksudnya "
        "50000, atau decimal='.' bila maksudnya 50"
    )


def test_reasons_of_peer_scoring_are_translated() -> None:
    few = (
        "open-ended, scored against its peers, but only 1 city-year(s) in its peer group "
        "(year 2024) report it and 5 are needed; give goalposts={'6.3': (low, high)} to score "
        "it alone"
    )
    assert translate_reason(few, "id") == (
        "tanpa batas acuan alami, diberi skor terhadap kota pembanding, tetapi hanya 1 "
        "kota-tahun dalam kelompoknya (year 2024) yang melaporkannya dan 5 diperlukan; berikan "
        "goalposts={'6.3': (low, high)} agar dapat diberi skor sendiri"
    )
    left_out = (
        "open-ended unit 'day' has no natural goalposts and open_ended='leave_out'; give "
        "goalposts={'10.3': (low, high)} in that unit, or let it be scored against its peers"
    )
    shown = translate_reason(left_out, "id")
    assert shown is not None
    assert shown.startswith("satuan terbuka 'day' tidak memiliki batas acuan alami")
