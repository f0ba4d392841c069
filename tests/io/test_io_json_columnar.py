"""The columnar JSON writers give byte for byte what the per-object path gives.

``to_jsonl`` and ``to_json`` write every city-year from the set's arrays, a chunk of rows at a
time; ``Profile.to_json`` and ``profiles_document`` build pydantic objects one by one. The two
must agree on dirty data: every status and every reason a contribution can be left out for,
names with non-ASCII characters, quotes and control characters, missing region codes, rows
spread over several chunks and blocks.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pydantic_core
import pytest

import iso37122 as iso
from iso37122.engine import Status
from iso37122.io import _jsontext
from iso37122.io.writers import profiles_document
from iso37122.rollup.normalisers import LeftOut
from iso37122.testing import synthetic_frame

NAMES = [
    "Kota Bau-Bau",
    'Kota "Pahlawan" Surabaya',
    "Kab. Kepulauan Seribu\\Utara",
    "Kota Tanjungpinang – Bintan",
    "Kabupaten Pidie Jaya\n(baru)",
    "Kota\tSabang\x00\x1f\x7f",
    "Kota Sorong \u2028 Papua Barat Daya",
    "Kota Kupang 🌴 NTT",
    "Kabupaten Nias Selatan é",
    "=SUM(A1)",
]

CONFIGS: dict[str, dict[str, Any]] = {
    "goalposts": {},
    "goalposts alone": {"min_peers": 2, "winsorise": 0.0},
    "minmax": {"normalisation": "minmax"},
    "zscore all": {"normalisation": "zscore", "peer_by": "all"},
    "target": {"normalisation": "target", "aggregation": "geometric", "score_range": (1, 100)},
    "bands": {"normalisation": "bands", "min_coverage": 0.9},
}


def dirty(n_rows: int = 47, seed: int = 5) -> pd.DataFrame:
    """City-years with every status, peer groups of every size, and awkward names."""
    frame = synthetic_frame(n_rows, seed=seed)
    rng = np.random.default_rng(seed)
    frame["city"] = [f"{NAMES[k % len(NAMES)]} {k}" for k in range(n_rows)]
    frame["code"] = [None if k % 4 == 0 else f"{k:02d}.{k:02d}" for k in range(n_rows)]
    # Peer groups of 1, 2, 4 and many city-years.
    frame["year"] = [2021] + [2022] * 2 + [2023] * 4 + [2024] * (n_rows - 7)
    variables = list(iso.variables())
    values = frame[variables].to_numpy(dtype=float, copy=True)
    cells = rng.random(values.shape)
    values[cells < 0.08] = np.nan  # missing
    values[(cells >= 0.08) & (cells < 0.09)] *= -1.0  # invalid
    values[(cells >= 0.09) & (cells < 0.093)] = 0.0  # zero denominators: undefined
    values[(cells >= 0.093) & (cells < 0.095)] = np.inf
    frame[variables] = values
    # A zero denominator (with zero parts): undefined.
    frame.loc[6, ["labour_force", "ict_employed", "education_research_employed"]] = 0.0
    # Parts above their wholes: invalid by a broken constraint.
    whole = float(frame["households"].iloc[3])
    frame.loc[3, "households_with_smart_water_meters"] = whole * 2 + 1
    # The same value in every row: no spread for the peer methods.
    frame["air_quality_monitoring_stations"] = 7.0
    frame["land_area"] = 250.0
    # Reported by three city-years only: too few peers, even over every year.
    frame.loc[frame.index[3:], "new_businesses_surviving"] = np.nan
    return frame


@pytest.fixture(scope="module", params=list(CONFIGS))
def profiles(request: pytest.FixtureRequest) -> iso.ProfileSet:
    return iso.compute_profile(dirty(), config=CONFIGS[request.param])


def per_object_lines(profiles: iso.ProfileSet) -> bytes:
    """What ``to_jsonl`` wrote before: one ``Profile.to_json(indent=None)`` a line."""
    return "".join(p.to_json(indent=None) + "\n" for p in profiles).encode("utf-8")


def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 5 rows, blocks of 15: every set spans several of both."""
    monkeypatch.setattr(_jsontext, "CHUNK_ROWS", 5)
    monkeypatch.setattr(_jsontext, "BLOCK_ROWS", 15)


def test_the_data_has_every_status_and_every_reason_to_leave_out() -> None:
    statuses: set[int] = set()
    left_out: set[int] = set()
    for config in CONFIGS.values():
        found = iso.compute_profile(dirty(), config=config)
        statuses |= set(np.unique(found.results.status).tolist())
        left_out |= set(np.unique(found.elements.left_out).tolist())
    assert statuses == {s.code for s in Status}
    assert left_out == {int(code) for code in LeftOut}


@pytest.mark.parametrize("chunked", [False, True])
def test_jsonl_is_byte_identical_to_the_per_object_path(
    tmp_path: Path, profiles: iso.ProfileSet, chunked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if chunked:
        small_chunks(monkeypatch)
    profiles.to_jsonl(tmp_path / "p.jsonl")
    assert (tmp_path / "p.jsonl").read_bytes() == per_object_lines(profiles)


@pytest.mark.parametrize("chunked", [False, True])
def test_json_document_is_byte_identical_to_the_pydantic_document(
    tmp_path: Path, profiles: iso.ProfileSet, chunked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if chunked:
        small_chunks(monkeypatch)
    expected = profiles_document(profiles).model_dump_json(indent=2)
    assert profiles.to_json() == expected
    assert profiles.to_json(tmp_path / "p.json") == expected
    assert (tmp_path / "p.json").read_bytes() == expected.encode("utf-8")


def test_json_round_trip_of_dirty_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small_chunks(monkeypatch)
    profiles = iso.compute_profile(dirty(), config=CONFIGS["minmax"])
    profiles.to_json(tmp_path / "p.json")
    back = iso.read_profiles(tmp_path / "p.json")
    assert back == profiles
    assert back.table.city.tolist() == profiles.table.city.tolist()
    assert back.table.code.tolist() == profiles.table.code.tolist()


def test_no_output_holds_nan_or_infinity(tmp_path: Path, profiles: iso.ProfileSet) -> None:
    def refuse(constant: str) -> float:
        raise AssertionError(f"{constant} written: not JSON")

    profiles.to_jsonl(tmp_path / "p.jsonl")
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    records = [json.loads(line, parse_constant=refuse) for line in lines]
    assert [r["city"] for r in records] == profiles.table.city.tolist()
    assert [r["code"] for r in records] == profiles.table.code.tolist()
    json.loads(profiles.to_json(), parse_constant=refuse)
    # The raw values had infinities: they were refused (status invalid), never written.
    assert any(r["indicators"][c]["status"] == "invalid" for r in records for c in r["indicators"])


def test_a_selection_of_indicators_with_empty_elements(tmp_path: Path) -> None:
    profiles = iso.compute_profile(dirty(), indicators=["18.1", "5.1"])
    profiles.to_jsonl(tmp_path / "p.jsonl")
    assert (tmp_path / "p.jsonl").read_bytes() == per_object_lines(profiles)
    assert profiles.to_json() == profiles_document(profiles).model_dump_json(indent=2)
    record = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8").split("\n")[0])
    assert [] in [e["contributions"] for e in record["elements"].values()]


def test_one_city_year(tmp_path: Path) -> None:
    profiles = iso.compute_profile(dirty().iloc[[5]])
    profiles.to_jsonl(tmp_path / "p.jsonl")
    assert (tmp_path / "p.jsonl").read_bytes() == per_object_lines(profiles)
    assert profiles.to_json() == profiles_document(profiles).model_dump_json(indent=2)


def test_lines_end_as_a_text_file_ends_them(
    tmp_path: Path, profiles: iso.ProfileSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.linesep", "\r\n")
    profiles.to_jsonl(tmp_path / "p.jsonl")
    assert (tmp_path / "p.jsonl").read_bytes() == per_object_lines(profiles).replace(b"\n", b"\r\n")
    text = profiles.to_json(tmp_path / "p.json")
    assert "\r" not in text
    assert (tmp_path / "p.json").read_bytes() == text.encode("utf-8").replace(b"\n", b"\r\n")


def test_other_indents_still_go_through_pydantic(profiles: iso.ProfileSet) -> None:
    from iso37122.io.writers import write_json

    assert write_json(profiles, indent=None) == profiles_document(profiles).model_dump_json()


# --------------------------------------------------------------------------------------------
# The pieces: numbers, texts, codes
# --------------------------------------------------------------------------------------------


def awkward_floats() -> np.ndarray:
    rng = np.random.default_rng(11)
    magnitudes = 10.0 ** rng.uniform(-320, 307, 20_000)
    edges = [0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e-4, 1e16]
    edges += [9.999999999999999e-5, 9999999999999998.0, 0.1, 1 / 3, 100.0, 2.0**53 + 2]
    values = np.concatenate([magnitudes * rng.uniform(1, 10, 20_000), rng.random(5_000), edges])
    return np.concatenate([values, -values])


@pytest.mark.parametrize("fast", [True, False])
def test_line_numbers_are_written_as_repr_writes_them(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not fast:
        monkeypatch.setattr(_jsontext, "_pydantic_writes_repr", lambda: False)
    values = awkward_floats()
    assert _jsontext.LINE.floats(values, None) == [repr(x).encode() for x in values.tolist()]
    ok = np.arange(values.size) % 3 != 0
    expected = [
        repr(x).encode() if k else b"null" for x, k in zip(values.tolist(), ok, strict=True)
    ]
    assert _jsontext.LINE.floats(values, ok) == expected


def test_document_numbers_are_written_as_pydantic_writes_them() -> None:
    values = awkward_floats()
    expected = [pydantic_core.to_json(x) for x in values.tolist()]
    assert _jsontext.DOCUMENT.floats(values, None) == expected


def test_a_number_that_is_not_finite_is_null() -> None:
    values = np.array([1.5, np.nan, np.inf, -np.inf, -0.0])
    for style in (_jsontext.LINE, _jsontext.DOCUMENT):
        texts = _jsontext.FloatHole(values).texts(0, 5, style)
        assert texts == [b"1.5", b"null", b"null", b"null", b"-0.0"]
        assert _jsontext.encode(math.inf, style) == b"null"


def test_a_reused_number_is_reused_only_when_identical_bit_for_bit() -> None:
    raw = _jsontext.FloatHole(np.array([1.0, 0.0, 2.5, np.nan, 3.0]))
    keep = np.array([True, True, True, True, False])
    score = _jsontext.FloatHole(
        np.array([1.0, -0.0, 2.25, np.nan, 3.0]), keep=lambda a, b: keep[a:b], same=raw
    )
    same = raw.texts(0, 5, _jsontext.LINE)
    assert score.texts(0, 5, _jsontext.LINE, same) == [b"1.0", b"-0.0", b"2.25", b"null", b"null"]


def test_strings_are_escaped_as_json_dumps_and_pydantic_escape_them() -> None:
    for name in NAMES:
        text = _jsontext.encode(name, _jsontext.LINE)
        assert text == json.dumps(name, ensure_ascii=False).encode("utf-8")
        assert text == pydantic_core.to_json(name)


def test_a_run_with_many_combinations_is_folded(monkeypatch: pytest.MonkeyPatch) -> None:
    # The combined key of three holes of 8 texts would pass the largest key: it is folded.
    monkeypatch.setattr(_jsontext, "_LARGEST_KEY", 50)
    rows = 300
    rng = np.random.default_rng(2)
    tables = [[f"{h}{k}".encode() for k in range(8)] for h in "abc"]
    codes = [rng.integers(0, 8, rows) for _ in range(3)]
    holes = [_jsontext.CodeHole.of(c, t) for c, t in zip(codes, tables, strict=True)]
    parts: list[_jsontext.Piece] = [b"<", holes[0], b"|", holes[1], b"|", holes[2], b">"]
    template = _jsontext.Template(parts, _jsontext.LINE)
    texts = [t for chunk in template.chunks(rows) for t in chunk]
    assert texts == [
        f"<a{a}|b{b}|c{c}>".encode() for a, b, c in zip(*(c.tolist() for c in codes), strict=True)
    ]


# --------------------------------------------------------------------------------------------
# The texts of many rows at once equal the texts of each row
# --------------------------------------------------------------------------------------------


def test_code_methods_give_the_per_row_texts(profiles: iso.ProfileSet) -> None:
    from iso37122._frames import reason_codes

    elements = profiles.elements
    clauses = [spec.clause for spec in profiles.results.indicators]
    reasons, _ = reason_codes(profiles.results)
    n = len(profiles)
    scores = [elements.scores(r) for r in range(n)]
    references = [
        {c.clause: c.reference for score in row.values() for c in score.contributions}
        for row in scores
    ]
    memo: dict[Any, str | None] = {}
    for start, stop in [(0, n), (3, 11), (40, n)]:
        rows = range(start, stop)
        for i, clause in enumerate(clauses):
            codes, texts = elements.reason_codes(i, start, stop, reasons[i, start:stop], memo)
            assert [texts[c] for c in codes] == [elements.reason(i, r) for r in rows]
            codes, texts = elements.reference_codes(i, start, stop, memo)
            assert [texts[c] for c in codes] == [references[r][clause] for r in rows]
        for e, element in enumerate(elements.elements):
            codes, texts = elements.element_reason_codes(e, start, stop, memo)
            assert [texts[c] for c in codes] == [scores[r][element].reason for r in rows]


def test_jsonl_holds_one_chunk_of_text_not_the_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    monkeypatch.setattr(_jsontext, "CHUNK_ROWS", 8)
    monkeypatch.setattr(_jsontext, "BLOCK_ROWS", 32)
    profiles = iso.compute_profile(synthetic_frame(200, seed=2))
    tracemalloc.start()
    try:
        profiles.to_jsonl(tmp_path / "p.jsonl")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    written = (tmp_path / "p.jsonl").stat().st_size
    assert written > 6_000_000  # about 40 kB a city-year
    assert peak < written / 4
