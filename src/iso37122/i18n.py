"""Words people read, in English and Bahasa Indonesia: labels, units, numbers and reasons.

Every piece of text the command line, the report and the localised frames show goes through
this module, so that a label exists once, in both languages. Data outputs keep full precision
and machine-readable units; what this module produces is for reading.

Examples
--------
>>> format_number(1_482_354, "id"), format_number(1_482_354, "en")
('1.482.354', '1,482,354')
>>> format_number(80.9523, "id")
'81,0'
>>> unit_label("1 / hundred_thousand_people", "id")
'per 100.000 penduduk'
>>> status_label("missing", "id")
'tidak tersedia'
>>> translate_reason("not reported: ict_employed, labour_force", "id")
'tidak dilaporkan: Pekerja TIK, Angkatan Kerja'
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from iso37122._words import TEXT
from iso37122.elements import KeyElement
from iso37122.engine import Status
from iso37122.errors import ConfigError
from iso37122.indicators import CATALOGUE, Indicator
from iso37122.themes import Theme
from iso37122.variables import VARIABLES

__all__ = [
    "LANGUAGES",
    "Lang",
    "check_lang",
    "column_label",
    "element_label",
    "format_number",
    "format_percent",
    "indicator_title",
    "localise_frame",
    "localise_values",
    "status_label",
    "text",
    "theme_label",
    "translate_reason",
    "unit_label",
]

Lang = Literal["en", "id"]
"""A language of the output: ``"en"`` (English) or ``"id"`` (Bahasa Indonesia)."""

LANGUAGES: tuple[Lang, ...] = get_args(Lang)
"""The supported languages, English first."""


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise :class:`ConfigError`.

    Examples
    --------
    >>> check_lang("id")
    'id'
    """
    if lang == "en":
        return "en"
    if lang == "id":
        return "id"
    raise ConfigError(f"unknown language {lang!r}: use 'en' (English) or 'id' (Bahasa Indonesia)")


def text(key: str, lang: str = "en") -> str:
    """Return an interface word or sentence in the given language.

    Examples
    --------
    >>> text("data_gaps", "id")
    'Kesenjangan data'
    """
    pair = TEXT[key]
    return pair[1] if check_lang(lang) == "id" else pair[0]


def theme_label(theme: Theme | str, lang: str = "en") -> str:
    """Return the name of a theme (``Theme.ENERGY`` gives ``"Energy"`` / ``"Energi"``)."""
    found = Theme(theme)
    return found.label_id if check_lang(lang) == "id" else found.label


def element_label(element: KeyElement | str, lang: str = "en", *, short: bool = False) -> str:
    """Return the name of a key element, or its short name (``"Livable"`` / ``"Layak huni"``).

    Examples
    --------
    >>> element_label("digital", "id", short=True)
    'Digital'
    """
    found = KeyElement(element)
    if short:
        return _SHORT_ELEMENT[found][1 if check_lang(lang) == "id" else 0]
    return found.label_id if check_lang(lang) == "id" else found.label


_SHORT_ELEMENT: Mapping[KeyElement, tuple[str, str]] = {
    KeyElement.LIVABLE: ("Livable", "Layak huni"),
    KeyElement.GREEN: ("Green", "Hijau"),
    KeyElement.DIGITAL: ("Digital", "Digital"),
}

_STATUS: Mapping[Status, tuple[str, str]] = {
    Status.COMPUTED: ("computed", "terhitung"),
    Status.MISSING: ("missing", "tidak tersedia"),
    Status.INVALID: ("invalid", "tidak sah"),
    Status.UNDEFINED: ("undefined", "tidak terdefinisi"),
}


def status_label(status: Status | str, lang: str = "en") -> str:
    """Return the word for a status (``"missing"`` is ``"tidak tersedia"`` in Indonesian)."""
    return _STATUS[Status(status)][1 if check_lang(lang) == "id" else 0]


def indicator_title(indicator: Indicator | str, lang: str = "en") -> str:
    """Return an indicator's title, by spec or clause, in the given language."""
    spec = CATALOGUE[indicator] if isinstance(indicator, str) else indicator
    return spec.title_id if check_lang(lang) == "id" else spec.title


# Units as people read them. Every unit of the catalogue and of the variables is here (tested).
_UNITS: Mapping[str, tuple[str, str]] = {
    "percent": ("%", "%"),
    "dimensionless": ("", ""),
    "count": ("", ""),
    "1 / hundred_thousand_people": ("per 100,000 population", "per 100.000 penduduk"),
    "person / hundred_thousand_people": ("per 100,000 population", "per 100.000 penduduk"),
    "vehicle / hundred_thousand_people": (
        "vehicles per 100,000 population",
        "kendaraan per 100.000 penduduk",
    ),
    "device / hundred_thousand_people": (
        "devices per 100,000 population",
        "perangkat per 100.000 penduduk",
    ),
    "device / thousand_people": ("devices per 1,000 people", "perangkat per 1.000 orang"),
    "device / vehicle": ("per vehicle", "per kendaraan"),
    "device / km**2": ("per km²", "per km²"),
    "GJ / person": ("GJ per person", "GJ per orang"),
    "t / person": ("t per person", "ton per orang"),
    "day": ("days", "hari"),
    "hour": ("hours", "jam"),
    "person": ("people", "orang"),
    "household": ("households", "rumah tangga"),
    "device": ("devices", "perangkat"),
    "building": ("buildings", "bangunan"),
    "vehicle": ("vehicles", "kendaraan"),
    "km": ("km", "km"),
    "km**2": ("km²", "km²"),
    "m**2": ("m²", "m²"),
    "m**3": ("m³", "m³"),
    "t": ("t", "ton"),
    "GJ": ("GJ", "GJ"),
    "rupiah": ("rupiah", "rupiah"),
}


def unit_label(unit: str, lang: str = "en") -> str:
    """Return a unit as people read it; an unknown unit is returned as written.

    Examples
    --------
    >>> unit_label("percent"), unit_label("km**2", "id")
    ('%', 'km²')
    """
    pair = _UNITS.get(unit)
    if pair is None:
        return unit
    return pair[1] if check_lang(lang) == "id" else pair[0]


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def format_number(value: float | None, lang: str = "en", *, decimals: int | None = None) -> str:
    """Return a number rounded for reading, with the language's separators.

    Parameters
    ----------
    value
        The number; ``None`` or NaN gives ``"–"``.
    lang
        ``"en"`` writes ``1,234.5``; ``"id"`` writes ``1.234,5``.
    decimals
        Fixed number of decimals. By default about three significant digits are kept: none
        from 100 up, one from 10, two from 1, three significant ones below 1.

    Examples
    --------
    >>> format_number(0.0123, "id"), format_number(-2288.36), format_number(None)
    ('0,0123', '-2,288', '–')
    """
    thousands, point = (".", ",") if check_lang(lang) == "id" else (",", ".")
    if value is None or math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    size = abs(value)
    if decimals is None:
        if size >= 100 or size == 0:
            decimals = 0
        elif size >= 10:
            decimals = 1
        elif size >= 1:
            decimals = 2
        else:
            decimals = min(12, 2 - math.floor(math.log10(size)))
    shown = f"{size:.{decimals}f}"
    whole, _, fraction = shown.partition(".")
    number = _group(whole, thousands) + (point + fraction if fraction else "")
    negative = value < 0 and any(c not in "0.," for c in number)
    return f"-{number}" if negative else number


def format_percent(fraction: float, lang: str = "en") -> str:
    """Return a fraction as a whole percentage (``0.625`` gives ``"63 %"``)."""
    return f"{format_number(100 * fraction, lang, decimals=0)} %"


# English reason sentences (engine, constraints, data validation, roll-up) and their
# Indonesian form. Each pattern is tried in order on a whole reason; the first that matches wins.
_WHEN_ZERO: Mapping[str, str] = {
    "the rate is undefined": "angka rasio tidak terdefinisi",
    "a share of nothing is undefined": "persentase dari nol tidak terdefinisi",
    "a rate per 100 000 population is undefined": "angka per 100.000 penduduk tidak terdefinisi",
    "a rate per 1 000 students is undefined": "angka per 1.000 pelajar tidak terdefinisi",
    "a per-capita quantity is undefined": "nilai per kapita tidak terdefinisi",
    "a per-capita value is undefined": "nilai per kapita tidak terdefinisi",
    "the city consumed no energy": "kota tidak mengonsumsi energi",
    "there are no registered electric vehicles": "tidak ada kendaraan listrik terdaftar",
    "no building permit was approved, so there is no average approval time": (
        "tidak ada izin bangunan yang disetujui, sehingga tidak ada rata-rata waktu persetujuan"
    ),
    "no inquiry was answered, so there is no average response time": (
        "tidak ada pertanyaan yang dijawab, sehingga tidak ada rata-rata waktu tanggapan"
    ),
    "there was no downtime incident, so there is no average downtime": (
        "tidak ada insiden henti, sehingga tidak ada rata-rata waktu henti"
    ),
    "a number of stations per square kilometre is undefined": (
        "jumlah stasiun per kilometer persegi tidak terdefinisi"
    ),
}

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _labels(names: str) -> str:
    """Write the variable ids in ``names`` as their Indonesian labels.

    ``"population, land_area"`` gives ``"Jumlah Penduduk, Luas Wilayah"``; any other word is
    kept, so an expression (``"a + b"``) reads the same way.
    """
    return re.sub(
        r"\b[a-z][a-z0-9_]*\b",
        lambda m: VARIABLES[m[0]].label_id or m[0] if m[0] in VARIABLES else m[0],
        names,
    )


def _head(head: str) -> str:
    """``"street_lights = 'banyak'"`` with the variable's label; the quoted cell kept as is."""
    name, sep, rest = head.partition(" = ")
    return f"{_labels(name)}{sep}{rest}"


def _zero(match: re.Match[str]) -> str:
    why = match["why"]
    return f"{_labels(match['var'])} bernilai 0: {_WHEN_ZERO.get(why, why)}"


_REASONS: tuple[_Rule, ...] = (
    (
        re.compile(
            r"^(?P<file>.+), row (?P<row>\d+), column (?P<col>\S+) (?P<var>'[^']+'): (?P<rest>.+)$"
        ),
        lambda m: (
            f"{m['file']}, baris {m['row']}, kolom {m['col']} {m['var']}: "
            f"{translate_reason(m['rest'], 'id')}"
        ),
    ),
    (
        re.compile(
            r"^(?P<var>\w+) = (?P<value>'[^']*'): could be (?P<a>\S+) \('\.' between "
            r"thousands\) or (?P<b>\S+) \('\.' as decimal mark\), and no other cell of "
            r"(?P<col>.+) shows which; pass (?P<first>.+) if it means \S+, or (?P<second>.+) "
            r"if it means \S+$"
        ),
        lambda m: (
            f"{_labels(m['var'])} = {m['value']}: bisa berarti {m['a']} ('.' pemisah ribuan) atau "
            f"{m['b']} ('.' tanda desimal), dan tidak ada sel lain di "
            f"{m['col'].replace('column ', 'kolom ')} yang "
            f"memastikannya; berikan {m['first']} bila maksudnya {m['a']}, atau {m['second']} "
            f"bila maksudnya {m['b']}"
        ),
    ),
    (
        re.compile(r"^set to neutral by directions=: it enters no score$"),
        lambda m: "dibuat netral oleh directions=: tidak masuk ke skor",
    ),
    (
        re.compile(r"^neutral direction: .* unless (?P<how>directions=\{.*\}) gives it one$"),
        lambda m: (
            "arah netral: ISO 37122 tidak menyatakan apakah makin besar makin baik, sehingga "
            f"indikator ini tidak masuk ke skor kecuali {m['how']} memberinya arah"
        ),
    ),
    (
        re.compile(
            r"^open-ended, scored against its peers, but only (?P<n>\d+) city-year\(s\) in its "
            r"peer group \((?P<group>.+)\) report it and (?P<k>\d+) are needed; give (?P<how>.+) "
            r"to score it alone$"
        ),
        lambda m: (
            f"tanpa batas acuan alami, diberi skor terhadap kota pembanding, tetapi hanya "
            f"{m['n']} kota-tahun dalam kelompoknya ({m['group']}) yang melaporkannya dan "
            f"{m['k']} diperlukan; berikan {m['how']} agar dapat diberi skor sendiri"
        ),
    ),
    (
        re.compile(
            r"^open-ended unit (?P<unit>'.+') has no natural goalposts and "
            r"open_ended='leave_out'; give (?P<how>.+) in that unit, or let it be scored "
            r"against its peers$"
        ),
        lambda m: (
            f"satuan terbuka {m['unit']} tidak memiliki batas acuan alami dan "
            f"open_ended='leave_out'; berikan {m['how']} dalam satuan itu, atau biarkan "
            "diberi skor terhadap kota pembanding"
        ),
    ),
    (
        re.compile(
            r"^open-ended unit (?P<unit>'.+') has no natural (?P<what>goalposts|target); "
            r"give (?P<how>.+) in that unit to score it$"
        ),
        lambda m: (
            f"satuan terbuka {m['unit']} tidak memiliki "
            f"{'batas acuan' if m['what'] == 'goalposts' else 'target'} alami; berikan "
            f"{m['how']} dalam satuan itu agar dapat diberi skor"
        ),
    ),
    (
        re.compile(r"^a lower-is-better percentage has no default target .*; give (?P<how>.+)$"),
        lambda m: (
            "persentase yang makin rendah makin baik tidak memiliki target bawaan (persentase "
            f"dari target 0 % tidak terdefinisi); berikan {m['how']}"
        ),
    ),
    (
        re.compile(r"^no peer to compare with: .* group \((?P<group>.+)\) has a value, .*$"),
        lambda m: (
            "tidak ada pembanding: hanya kota-tahun ini dalam kelompoknya "
            f"({m['group']}) yang memiliki nilai"
        ),
    ),
    (
        re.compile(
            r"^all (?P<n>\d+) city-years in its peer group \((?P<group>.+)\) have the same "
            r"value \((?P<value>.+)\): (?P<method>\S+) is undefined without spread$"
        ),
        lambda m: (
            f"semua {m['n']} kota-tahun dalam kelompoknya ({m['group']}) bernilai sama "
            f"({m['value']}): {m['method']} tidak terdefinisi tanpa sebaran"
        ),
    ),
    (
        re.compile(r"^not reported: (?P<vars>.+)$"),
        lambda m: f"tidak dilaporkan: {_labels(m['vars'])}",
    ),
    (
        re.compile(r"^the formula gave no finite value for these inputs$"),
        lambda m: "rumus tidak menghasilkan nilai terhingga untuk masukan ini",
    ),
    (
        re.compile(r"^invalid input: (?P<what>.+)$"),
        lambda m: f"masukan tidak sah: {translate_reason(m['what'], 'id')}",
    ),
    (
        re.compile(r"^not computed \((?P<status>\w+)\): (?P<why>.+)$"),
        lambda m: (
            f"tidak terhitung ({status_label(m['status'], 'id')}): "
            f"{translate_reason(m['why'], 'id')}"
        ),
    ),
    (
        re.compile(r"^(?P<head>.+?):? is not a number$"),
        lambda m: f"{_head(m['head'])} bukan angka",
    ),
    (
        re.compile(r"^(?P<head>.+?) is not a number followed by a unit; write (?P<how>.+)$"),
        lambda m: f"{_head(m['head'])} bukan angka yang diikuti satuan; tulis {m['how']}",
    ),
    (
        re.compile(r"^(?P<head>.+?) is ambiguous: the dot may separate thousands .*$"),
        lambda m: (
            f"{_head(m['head'])} bermakna ganda: titik dapat memisahkan ribuan (kebiasaan "
            "Indonesia) atau desimal; tulis '5000' atau '5 000' untuk lima ribu, '5.0' untuk lima"
        ),
    ),
    (
        re.compile(r"^(?P<var>\w+) = (?P<value>.+) is not finite \[(?P<unit>.+)\]$"),
        lambda m: f"{_labels(m['var'])} = {m['value']} tidak terhingga [{m['unit']}]",
    ),
    (
        re.compile(r"^(?P<var>\w+) = (?P<value>.+) is below the minimum (?P<b>\S+) \[(?P<u>.+)\]$"),
        lambda m: f"{_labels(m['var'])} = {m['value']} di bawah batas minimum {m['b']} [{m['u']}]",
    ),
    (
        re.compile(r"^(?P<var>\w+) = (?P<value>.+) is above the maximum (?P<b>\S+) \[(?P<u>.+)\]$"),
        lambda m: f"{_labels(m['var'])} = {m['value']} di atas batas maksimum {m['b']} [{m['u']}]",
    ),
    (re.compile(r"^(?P<var>\w+) is 0: (?P<why>.+)$"), _zero),
    (
        re.compile(r"^(?P<part>.+) exceeds (?P<whole>.+)$"),
        lambda m: f"{_labels(m['part'])} melebihi {_labels(m['whole'])}",
    ),
    (
        re.compile(r"^(?P<var>.+) must be greater than 0$"),
        lambda m: f"{_labels(m['var'])} harus lebih besar dari 0",
    ),
    (
        re.compile(r"^(?P<vars>.+) cannot be negative$"),
        lambda m: f"{_labels(m['vars'])} tidak boleh negatif",
    ),
    (
        re.compile(r"^none of the element's (?P<n>\d+) scorable indicators was scored$"),
        lambda m: f"tidak satu pun dari {m['n']} indikator elemen ini yang diberi skor",
    ),
    (
        re.compile(r"^none of the element's indicators can be scored by this configuration$"),
        lambda m: "tidak ada indikator elemen ini yang dapat diberi skor dengan konfigurasi ini",
    ),
    (
        re.compile(
            r"^coverage (?P<k>\d+)/(?P<n>\d+) = (?P<p>\d+) % is below min_coverage (?P<q>\d+) %$"
        ),
        lambda m: f"cakupan {m['k']}/{m['n']} = {m['p']} % di bawah cakupan minimum {m['q']} %",
    ),
)


def translate_reason(reason: str | None, lang: str = "en") -> str | None:
    """Return a status or score reason in the given language.

    Reasons are made in English by the engine, the validators and the roll-up; this gives
    their Indonesian form. A sentence of a shape not known here is returned unchanged, so a
    reason is never lost.
    """
    if reason is None or check_lang(lang) == "en":
        return reason
    for pattern, render in _REASONS:
        match = pattern.match(reason)
        if match:
            return render(match)
    return reason


def column_label(column: str, lang: str = "en") -> str:
    """Return the heading of a frame column (``"status"`` gives ``"Status"``).

    Element columns of wide frames (``livable_score`` …) read as ``"Livable: score"``; a
    column without a known label is returned unchanged.

    Examples
    --------
    >>> column_label("green_coverage", "id")
    'Hijau: cakupan'
    """
    element, _, measure = column.partition("_")
    if element in set(KeyElement) and measure in ("score", "coverage", "n_scored", "n_total"):
        words = {
            "score": text("score", lang),
            "coverage": text("coverage", lang),
            "n_scored": text("indicators_scored", lang),
            "n_total": "n",
        }
        return f"{element_label(element, lang, short=True)}: {words[measure].lower()}"
    if column in TEXT:
        return text(column, lang)
    return column


def _words(series: pd.Series[Any], render: Callable[[str], str | None]) -> pd.Series[Any]:
    """Translate a column value by distinct value; a categorical column stays categorical."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    shown = [render(str(value)) for value in uniques]
    labels, label_codes = np.unique(np.array(shown, dtype=object), return_inverse=True)
    new_codes = np.where(codes >= 0, label_codes[np.maximum(codes, 0)] if len(shown) else -1, -1)
    result = pd.Categorical.from_codes(new_codes, categories=pd.Index(labels, dtype=object))
    if isinstance(series.dtype, pd.CategoricalDtype):
        return pd.Series(result, index=series.index, name=series.name)
    return pd.Series(
        np.asarray(result.astype(object)), index=series.index, name=series.name, dtype=object
    )


def localise_values(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Return a copy of a results frame whose words are in the given language; headings stay.

    Titles replace names where the frame has a ``clause`` column (a ``title`` column is
    added), statuses, themes, elements and reasons are translated, and units are written as
    people read them. Values keep full precision. Used by :func:`localise_frame` and by the
    file writers, whose headings are their own.
    """
    lang = check_lang(lang)
    out = frame.copy()
    if lang == "en":
        return out
    if "clause" in out.columns or out.index.name == "clause":
        clauses = out["clause"] if "clause" in out.columns else out.index.to_series()
        titled = _words(clauses, lambda c: indicator_title(c, lang) if c in CATALOGUE else c)
        out["title"] = titled.array
    columns: dict[str, Callable[[str], str | None]] = {
        "theme": lambda t: theme_label(t, lang) if t in set(Theme) else t,
        "status": lambda s: status_label(s, lang) if s in set(Status) else s,
        "unit": lambda u: unit_label(u, lang),
        "reason": lambda r: translate_reason(r, lang),
        "element": lambda e: element_label(e, lang, short=True) if e in set(KeyElement) else e,
    }
    for column, render in columns.items():
        if column in out.columns:
            out[column] = _words(out[column], render)
    return out


def localise_frame(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Return a copy of a results frame with headings and words in the given language.

    Headings read as people read them (``Klausul``, ``Judul``, ``Layak huni: skor``) and the
    words are translated as by :func:`localise_values`. Values keep full precision.

    Parameters
    ----------
    frame
        A frame from :meth:`Profile.to_frame <iso37122.Profile.to_frame>` or
        :meth:`ProfileSet.to_frame <iso37122.ProfileSet.to_frame>`.
    lang
        ``"en"`` or ``"id"``.
    """
    out = localise_values(frame, lang)
    if lang == "en":
        return out
    out.columns = pd.Index([column_label(str(c), lang) for c in out.columns])
    if out.index.name is not None:
        out.index.name = column_label(str(out.index.name), lang)
    return out
