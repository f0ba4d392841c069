"""compute_profile, Profile and ProfileSet: one path for one city-year and for many."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.errors import DataError, UnknownIndicatorError
from iso37122.testing import synthetic_frame


def _record(frame: pd.DataFrame, row: int) -> dict[str, object]:
    series = frame.iloc[row]
    return {str(key): series[key] for key in series.index}


def test_single_mapping_gives_a_profile_with_every_clause() -> None:
    profile = iso.compute_profile(
        {
            "city": "Kota Contoh",
            "year": 2024,
            "code": "99.01",
            "population": 200_000,
            "population_with_fast_broadband": "150 000 person",
        }
    )
    assert isinstance(profile, iso.Profile)
    assert (profile.city, profile.year, profile.code) == ("Kota Contoh", 2024, "99.01")
    assert list(profile.indicators) == list(iso.catalogue())
    # 100 * 150 000 / 200 000 = 75
    result = profile["18.1"]
    assert result.value == 75.0
    assert result.status is iso.Status.COMPUTED
    assert result.reason is None
    assert profile["fast_broadband_population_share"] == result
    with pytest.raises(UnknownIndicatorError):
        profile["18"]  # a theme is not one indicator
    missing = profile["5.1"]
    assert missing.value is None
    assert missing.status is iso.Status.MISSING
    assert missing.reason is not None
    assert "service_contracts" in missing.reason


def test_citydata_and_mapping_give_the_same_results() -> None:
    record = {
        "city": "A",
        "year": 2024,
        "population": 1000.0,
        "labour_force": 400.0,
        "ict_employed": 40.0,
    }
    from_mapping = iso.compute_profile(record)
    from_model = iso.compute_profile(iso.CityData(**record))  # type: ignore[arg-type]
    assert from_mapping.to_dict() == from_model.to_dict()


def test_batch_equals_single_on_synthetic_data() -> None:
    frame = synthetic_frame(40, seed=11)
    # Knock out some values so that every status appears.
    frame.loc[3, "population"] = np.nan
    frame.loc[5, "labour_force"] = 0.0
    frame.loc[7, "street_lights"] = 1.0
    # Open-ended indicators are scored against their peers by default, which a city-year
    # alone does not have: compare with fixed references only.
    alone = iso.RollupConfig(open_ended="leave_out")
    batch = iso.compute_profile(frame, config=alone)
    assert len(batch) == 40
    for row, record in enumerate(frame.to_dict("records")):
        clean = {str(k): v for k, v in record.items() if not (isinstance(v, float) and np.isnan(v))}
        single = iso.compute_profile(clean, config=alone)
        assert batch[row].to_dict() == single.to_dict()


def test_list_of_mappings_and_lookup_by_identity() -> None:
    profiles = iso.compute_profile(
        [
            {"city": "Makassar", "code": "73.71", "year": 2024, "population": 10},
            {"city": "Makassar", "code": "73.71", "year": 2023, "population": 9},
        ]
    )
    assert isinstance(profiles, iso.ProfileSet)
    assert profiles.get("73.71", 2023).year == 2023
    assert profiles.get("Makassar", 2024).code == "73.71"
    assert profiles[-1].year == 2023
    assert [p.year for p in profiles] == [2024, 2023]
    with pytest.raises(KeyError):
        profiles.get("73.71", 2020)
    with pytest.raises(IndexError):
        profiles[2]


def test_indicator_selection_by_clause_name_and_theme() -> None:
    record = {"city": "A", "year": 2024}
    chosen = iso.compute_profile(record, indicators=["18", "ict_employment_share", "10.2"])
    assert list(chosen.indicators) == ["5.3", "10.2", "18.1", "18.2", "18.3"]
    with pytest.raises(UnknownIndicatorError):
        iso.compute_profile(record, indicators=["99.9"])


def test_long_and_wide_frames() -> None:
    frame = synthetic_frame(3, seed=2)
    profiles = iso.compute_profile(frame, indicators=["5"])
    long = profiles.to_frame()
    assert list(long.columns) == [
        "city",
        "year",
        "code",
        "clause",
        "name",
        "value",
        "unit",
        "status",
        "reason",
    ]
    assert len(long) == 3 * 4
    assert list(long["clause"][:4]) == ["5.1", "5.2", "5.3", "5.4"]
    wide = profiles.to_frame("wide")
    assert list(wide.columns[:7]) == ["city", "year", "code", "5.1", "5.2", "5.3", "5.4"]
    assert "digital_score" in wide.columns
    assert "livable_coverage" in wide.columns
    np.testing.assert_allclose(wide["5.3"], long[long["clause"] == "5.3"]["value"])
    # 5.3 = 100 * ict_employed / labour_force, by hand from the input columns
    np.testing.assert_allclose(wide["5.3"], 100 * frame["ict_employed"] / frame["labour_force"])
    assert list(wide["code"]) == list(frame["code"])


def test_json_round_trip_and_schema() -> None:
    profile = iso.compute_profile({"city": "A", "year": 2024, "population": 5})
    assert iso.ProfileRecord.model_validate_json(profile.to_json()) == profile.to_record()
    schema = iso.ProfileRecord.model_json_schema()
    assert set(schema["required"]) == {"city", "year", "code", "indicators", "elements"}
    data = json.loads(profile.to_json())
    assert data["city"] == "A"
    assert data["indicators"]["5.1"]["status"] == "missing"
    assert set(data["indicators"]) == set(iso.catalogue())


def test_strict_raises_lenient_marks_invalid() -> None:
    record = {"city": "A", "year": 2024, "population": -3, "labour_force": 10, "ict_employed": 1}
    profile = iso.compute_profile(record)
    assert profile["18.1"].status is iso.Status.INVALID
    assert profile["5.3"].status is iso.Status.COMPUTED
    with pytest.raises(DataError, match="population"):
        iso.compute_profile(record, strict=True)


def test_unsupported_input_type() -> None:
    with pytest.raises(TypeError, match="compute_profile takes"):
        iso.compute_profile(42)  # type: ignore[call-overload]


def test_caller_frame_not_modified() -> None:
    frame = synthetic_frame(5)
    before = frame.copy(deep=True)
    iso.compute_profile(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_profiles_carry_three_element_scores_with_explanations() -> None:
    profile = iso.compute_profile(_record(synthetic_frame(1, seed=9), 0))
    assert set(profile.elements) == set(iso.KeyElement)
    for element, score in profile.elements.items():
        assert score.element is element
        assert score.score is not None
        assert 0.0 <= score.score <= 100.0
        # Every percentage is scored; open-ended indicators need peers a single row lacks.
        assert score.coverage == score.n_scored / score.n_total
        assert 1 / 3 < score.coverage < 1.0
    text = profile.explain(iso.KeyElement.DIGITAL)
    assert "18.1" in text  # broadband is a digital indicator in the default mapping
    data = json.loads(profile.to_json())
    assert set(data["elements"]) == {"livable", "green", "digital"}


def test_config_reaches_the_roll_up() -> None:
    frame = synthetic_frame(6, seed=4)
    weighted = iso.compute_profile(
        frame, config=iso.RollupConfig(element_of={"18.1": iso.KeyElement.LIVABLE})
    )
    default = iso.compute_profile(frame)
    assert (
        weighted[0].elements[iso.KeyElement.LIVABLE].n_total
        == default[0].elements[iso.KeyElement.LIVABLE].n_total + 1
    )
    with pytest.raises(iso.errors.ConfigError):
        iso.compute_profile(_record(frame, 0), config=iso.RollupConfig(normalisation="minmax"))


def _documents_equal(a: iso.ProfileSet, b: iso.ProfileSet) -> bool:
    """Equality as it was defined first: the two sets' documents, one model per record."""
    from iso37122.io.writers import profiles_document

    mine, theirs = profiles_document(a), profiles_document(b)
    return mine.profiles == theirs.profiles and mine.config == theirs.config


def test_sets_are_equal_exactly_when_their_documents_are() -> None:
    frame = synthetic_frame(12, seed=4)
    base = iso.compute_profile(frame)
    changed_value = frame.copy()
    changed_value["population"] = frame["population"].where(frame.index != 5, 1.5e6)
    changed_name = frame.copy()
    changed_name.loc[3, "city"] = "Kota Lain"
    variants = {
        "same data again": iso.compute_profile(frame.copy()),
        "one value": iso.compute_profile(changed_value),
        "one name": iso.compute_profile(changed_name),
        "fewer rows": iso.compute_profile(frame.iloc[:11]),
        "other rows order": iso.compute_profile(frame.iloc[::-1].reset_index(drop=True)),
        "other configuration": iso.compute_profile(
            frame, config=iso.RollupConfig(min_coverage=0.9)
        ),
        "other weights, same scores here": iso.compute_profile(
            frame, config=iso.RollupConfig(weights={"5.3": 2.0})
        ),
    }
    verdicts = {name: base == other for name, other in variants.items()}
    assert verdicts == {name: _documents_equal(base, other) for name, other in variants.items()}
    assert verdicts["same data again"]
    assert not verdicts["one value"]
    assert not verdicts["fewer rows"]
    assert not verdicts["other configuration"]
    assert base == base  # the identity shortcut
    assert base.__eq__(object()) is NotImplemented


def test_record_texts_that_differ_but_read_the_same_are_equal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Texts that differ are compared again as JSON values, as the records' own equality is."""
    from iso37122.io import _profilejson

    profiles = iso.compute_profile(synthetic_frame(3, seed=1))
    lines = list(_profilejson.record_lines(profiles))
    assert b'"weight": 1.0,' in lines[1]
    respelled = [lines[0], lines[1].replace(b'"weight": 1.0,', b'"weight": 1.00,', 1), lines[2]]
    assert respelled[1] != lines[1]
    other = iso.compute_profile(synthetic_frame(3, seed=1))
    calls = iter([lines, respelled])
    monkeypatch.setattr(_profilejson, "record_lines", lambda p: iter(next(calls)))
    assert profiles == other  # 1.0 and 1.00 are the same number
