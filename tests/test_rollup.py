"""Roll-up into key elements: every normalisation and aggregation by hand, config errors,
explanations, and properties (bounds, monotonicity, row order, units, remapping).

The economy indicators carry the hand-computed cases (all DIGITAL by default):
5.1 open-data contracts (percent), 5.2 new-business survival per 100 000 (open-ended unit),
5.3 ICT share of the labour force (percent), 5.4 education and R&D share (percent).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iso37122.data import table_from_frame
from iso37122.elements import KeyElement
from iso37122.engine import Results, Status, evaluate
from iso37122.errors import ConfigError, Iso37122Error
from iso37122.indicators import CATALOGUE, Direction
from iso37122.rollup import (
    Aggregation,
    ElementResults,
    ElementScore,
    Normalisation,
    RollupConfig,
    roll_up,
)
from iso37122.units import Quantity

ECONOMY = ("5.1", "5.2", "5.3", "5.4")
DIGITAL = KeyElement.DIGITAL
GREEN = KeyElement.GREEN
LIVABLE = KeyElement.LIVABLE


def _evaluate(columns: Mapping[str, Sequence[object]], clauses: Sequence[str] = ECONOMY) -> Results:
    frame = pd.DataFrame(dict(columns))
    return evaluate(table_from_frame(frame), [CATALOGUE[c] for c in clauses])


def _shares(
    p51: Sequence[float] = (),
    p53: Sequence[float] = (),
    p54: Sequence[float] = (),
    years: Sequence[int] = (),
) -> dict[str, list[object]]:
    """Columns giving 5.1, 5.3 and 5.4 the percentages asked (denominators of 1 000)."""
    n = max(len(p51), len(p53), len(p54))
    columns: dict[str, list[object]] = {
        "city": [f"city {k}" for k in range(n)],
        "year": list(years) or [2024] * n,
    }
    for given_shares, part, whole in (
        (p51, "service_contracts_with_open_data_policy", "service_contracts"),
        (p53, "ict_employed", "labour_force"),
        (p54, "education_research_employed", "labour_force"),
    ):
        if given_shares:
            columns[part] = [10.0 * p for p in given_shares]
            columns[whole] = [1_000.0] * n
    return columns


def _score(scores: ElementResults, element: KeyElement, row: int = 0) -> float:
    return float(scores.score[scores.elements.index(element), row])


def _normalised(scores: ElementResults, clause: str) -> list[float]:
    values: list[float] = scores.normalised[scores.results.index(clause)].tolist()
    return values


# --------------------------------------------------------------------------------------------
# Goalposts (the default)
# --------------------------------------------------------------------------------------------


def test_default_goalposts_score_percentages_and_need_peers_for_open_ended_units() -> None:
    columns = _shares(p51=[20.0], p53=[40.0], p54=[90.0])
    columns |= {"new_businesses_surviving": [400.0], "new_businesses": [500.0]}
    columns |= {"population": [1_000_000.0]}
    scores = roll_up(_evaluate(columns))
    # goalposts 0-100 %: each percentage is its own score; (20 + 40 + 90) / 3 = 50
    assert _normalised(scores, "5.1")[0] == 20.0
    assert _score(scores, DIGITAL) == pytest.approx(50.0)
    found = scores.element_score(DIGITAL, 0)
    # 5.2 counts (peers could score it) but a single city-year has none: 3 of 4
    assert (found.n_scored, found.n_total, found.coverage) == (3, 4, 0.75)
    assert found.reason is None
    survival = next(c for c in found.contributions if c.clause == "5.2")
    # 5.2 = (400 / 500) / (1 000 000 / 100 000) = 0.08, computed but without peers
    assert survival.raw_value == pytest.approx(0.08)
    assert not survival.included
    assert survival.score is None
    assert survival.reason is not None
    assert "only 1 city-year(s) in its peer group (year 2024) report it" in survival.reason
    assert "goalposts={'5.2'" in survival.reason
    left_out = roll_up(_evaluate(columns), RollupConfig(open_ended="leave_out"))
    reason = left_out.element_score(DIGITAL, 0).contributions[1].reason
    assert reason is not None
    assert "open-ended unit" in reason
    for element in (LIVABLE, GREEN):
        empty = scores.element_score(element, 0)
        assert empty.score is None
        assert (empty.n_total, empty.coverage) == (0, 0.0)
        assert (
            empty.reason == "none of the element's indicators can be scored by this configuration"
        )


def test_explicit_goalposts_score_an_open_ended_indicator() -> None:
    columns = _shares(p51=[20.0])
    columns |= {"new_businesses_surviving": [400.0], "new_businesses": [500.0]}
    columns |= {"population": [1_000_000.0]}
    scores = roll_up(_evaluate(columns, ("5.1", "5.2")), RollupConfig(goalposts={"5.2": (0, 0.2)}))
    # 5.2 = 0.08; (0.08 - 0) / (0.2 - 0) = 0.4 -> 40; element (20 + 40) / 2 = 30
    assert _normalised(scores, "5.2")[0] == pytest.approx(40.0)
    assert _score(scores, DIGITAL) == pytest.approx(30.0)


def test_goalposts_are_clipped_and_mirrored_when_lower_is_better() -> None:
    columns = _shares(p53=[5.0, 20.0, 40.0, 60.0])
    results = _evaluate(columns, ("5.3",))
    higher = roll_up(results, RollupConfig(goalposts={"5.3": (10, 50)}))
    # (x - 10) / 40: 5 -> below the low goalpost -> 0; 20 -> 25; 40 -> 75; 60 -> above -> 100
    assert _normalised(higher, "5.3") == pytest.approx([0.0, 25.0, 75.0, 100.0])
    lower = roll_up(
        results,
        RollupConfig(goalposts={"5.3": (10, 50)}, directions={"5.3": Direction.LOWER_IS_BETTER}),
    )
    # (50 - x) / 40: 5 -> 100; 20 -> 75; 40 -> 25; 60 -> 0
    assert _normalised(lower, "5.3") == pytest.approx([100.0, 75.0, 25.0, 0.0])
    default_lower = roll_up(results, RollupConfig(directions={"5.3": "lower_is_better"}))
    # default goalposts 0-100 reversed: 100 - x
    assert _normalised(default_lower, "5.3") == pytest.approx([95.0, 80.0, 60.0, 40.0])


def test_goalposts_given_with_a_unit_are_converted_into_the_indicator_unit() -> None:
    config = RollupConfig(goalposts={"5.2": (0, Quantity(2.0, "1 / thousand_people"))})
    # 2 per 1 000 people = 200 per 100 000 people
    assert config.goalposts["5.2"] == pytest.approx((0.0, 200.0))


# --------------------------------------------------------------------------------------------
# Distance to target and U4SSC bands
# --------------------------------------------------------------------------------------------


def test_target_is_the_share_of_the_target_reached_capped_at_the_target() -> None:
    results = _evaluate(_shares(p51=[20.0, 20.0], p53=[40.0, 60.0]), ("5.1", "5.3"))
    scores = roll_up(results, RollupConfig(normalisation="target", targets={"5.3": 50}))
    # 40 / 50 = 0.8 -> 80; 60 / 50 = 1.2, capped -> 100
    assert _normalised(scores, "5.3") == pytest.approx([80.0, 100.0])
    # default target of a higher-is-better percentage is 100 %: 20 / 100 -> 20
    assert _normalised(scores, "5.1") == pytest.approx([20.0, 20.0])
    lower = roll_up(
        results,
        RollupConfig(
            normalisation="target", targets={"5.3": 20}, directions={"5.3": "lower_is_better"}
        ),
    )
    # lower is better: target / x = 20 / 40 = 0.5 -> 50; 20 / 60 = 0.333... -> 33.33
    assert _normalised(lower, "5.3") == pytest.approx([50.0, 100.0 / 3.0])


def test_a_lower_is_better_percentage_needs_a_target() -> None:
    results = _evaluate(_shares(p53=[10.0]), ("5.3",))
    config = RollupConfig(normalisation="target", directions={"5.3": "lower_is_better"})
    scores = roll_up(results, config)
    reason = scores.reason(0, 0)
    assert reason is not None
    assert "no default target" in reason
    assert scores.element_score(DIGITAL, 0).n_total == 0
    reached = roll_up(
        results,
        RollupConfig(normalisation="target", targets={"5.3": 15}, directions=config.directions),
    )
    # 10 <= 15: the target is reached -> 100
    assert _normalised(reached, "5.3") == [100.0]


def test_bands_follow_the_u4ssc_thresholds() -> None:
    results = _evaluate(_shares(p53=[32.0, 33.0, 65.9, 66.0, 94.9, 95.0]), ("5.3",))
    scores = roll_up(results, RollupConfig(normalisation="bands"))
    # share of the default target 100 %: < 33 % band 1, 33-66 % band 2, 66-95 % band 3,
    # >= 95 % band 4; bands 1..4 map onto 0, 33.3, 66.7, 100
    assert scores.bands[0].tolist() == [1, 2, 2, 3, 3, 4]
    assert _normalised(scores, "5.3") == pytest.approx(
        [0.0, 100 / 3, 100 / 3, 200 / 3, 200 / 3, 100.0]
    )
    contribution = scores.element_score(DIGITAL, 5).contributions[0]
    assert contribution.band == 4
    assert contribution.reference is not None
    assert "33/66/95 %" in contribution.reference


def test_bands_with_own_thresholds_and_target() -> None:
    results = _evaluate(_shares(p53=[10.0, 25.0, 40.0]), ("5.3",))
    config = RollupConfig(
        normalisation="bands", targets={"5.3": 40}, band_thresholds=(0.5, 0.75, 1.0)
    )
    scores = roll_up(results, config)
    # 10 / 40 = 0.25 -> band 1; 25 / 40 = 0.625 -> band 2; 40 / 40 = 1 -> band 4
    assert scores.bands[0].tolist() == [1, 2, 4]


# --------------------------------------------------------------------------------------------
# Peer-group methods
# --------------------------------------------------------------------------------------------


def test_minmax_over_peers_of_the_same_year_by_default() -> None:
    columns = _shares(p53=[10.0, 20.0, 40.0, 50.0, 70.0], years=[2024, 2024, 2024, 2025, 2025])
    results = _evaluate(columns, ("5.3",))
    scores = roll_up(results, RollupConfig(normalisation="minmax"))
    # 2024: (x - 10) / 30 -> 0, 33.3, 100; 2025: (x - 50) / 20 -> 0, 100
    assert _normalised(scores, "5.3") == pytest.approx([0.0, 100 / 3, 100.0, 0.0, 100.0])
    pooled = roll_up(results, RollupConfig(normalisation="minmax", peer_by="all"))
    # all: (x - 10) / 60 -> 0, 16.7, 50, 66.7, 100
    assert _normalised(pooled, "5.3") == pytest.approx([0.0, 100 / 6, 50.0, 400 / 6, 100.0])
    reference = pooled.element_score(DIGITAL, 1).contributions[0].reference
    assert reference == "min–max over 5 peers (all city-years): 10–70 percent"


def test_zscore_is_rescaled_with_the_mean_at_50_and_three_sd_at_the_ends() -> None:
    results = _evaluate(_shares(p53=[10.0, 20.0, 30.0]), ("5.3",))
    scores = roll_up(results, RollupConfig(normalisation="zscore"))
    # mean 20, population sd sqrt((100 + 0 + 100) / 3) = 8.16497; z = -1.22474, 0, 1.22474
    # score = 50 + 50 z / 3 -> 29.5876, 50, 70.4124
    assert _normalised(scores, "5.3") == pytest.approx([29.587585, 50.0, 70.412415])
    skewed = _evaluate(_shares(p53=[0.0] * 9 + [100.0]), ("5.3",))
    clipped = roll_up(skewed, RollupConfig(normalisation="zscore"))
    # mean 10, sd sqrt((9 * 100 + 8 100) / 10) = 30; z(100) = 3 -> 100; z(0) = -1/3 -> 44.44
    assert _normalised(clipped, "5.3") == pytest.approx([400 / 9] * 9 + [100.0])


def test_rank_is_the_percentile_with_ties_sharing_their_mean_rank() -> None:
    results = _evaluate(_shares(p53=[10.0, 20.0, 20.0, 40.0]), ("5.3",))
    scores = roll_up(results, RollupConfig(normalisation="rank"))
    # ranks 1, 2.5, 2.5, 4 of 4; (rank - 1) / 3 -> 0, 0.5, 0.5, 1
    assert _normalised(scores, "5.3") == pytest.approx([0.0, 50.0, 50.0, 100.0])
    lower = roll_up(
        results, RollupConfig(normalisation="rank", directions={"5.3": "lower_is_better"})
    )
    assert _normalised(lower, "5.3") == pytest.approx([100.0, 50.0, 50.0, 0.0])


@pytest.mark.parametrize("method", ["minmax", "zscore", "rank"])
def test_peer_methods_refuse_a_single_profile(method: str) -> None:
    results = _evaluate(_shares(p53=[10.0]), ("5.3",))
    with pytest.raises(ConfigError, match="there is one city-year"):
        roll_up(results, RollupConfig(normalisation=method))
    alone = _evaluate(_shares(p53=[10.0, 20.0], years=[2023, 2024]), ("5.3",))
    with pytest.raises(ConfigError, match="alone in its peer group"):
        roll_up(alone, RollupConfig(normalisation=method))
    # pooling the years gives each a peer
    pooled = roll_up(alone, RollupConfig(normalisation=method, peer_by="all"))
    assert not np.isnan(pooled.normalised).any()


def test_peer_groups_without_a_peer_or_without_spread_leave_the_indicator_out() -> None:
    columns = _shares(p51=[10.0, 10.0, 10.0], p53=[10.0, 20.0, 30.0])
    columns["ict_employed"] = [100.0, None, None]
    scores = roll_up(_evaluate(columns, ("5.1", "5.3")), RollupConfig(normalisation="minmax"))
    alone = scores.reason(scores.results.index("5.3"), 0)
    assert alone is not None
    assert "no peer to compare with" in alone
    flat = scores.reason(scores.results.index("5.1"), 0)
    assert flat == (
        "all 3 city-years in its peer group (year 2024) have the same value (10 percent): "
        "minmax is undefined without spread"
    )
    assert scores.element_score(DIGITAL, 0).n_scored == 0


def test_city_peers_compare_a_city_with_its_own_record() -> None:
    columns = _shares(p53=[10.0, 30.0, 50.0, 40.0], years=[2023, 2024, 2023, 2024])
    columns["city"] = ["A", "A", "B", "B"]
    scores = roll_up(
        _evaluate(columns, ("5.3",)), RollupConfig(normalisation="minmax", peer_by="city")
    )
    # A: 10 -> 0, 30 -> 100; B: 50 -> 100, 40 -> 0
    assert _normalised(scores, "5.3") == pytest.approx([0.0, 100.0, 100.0, 0.0])


# --------------------------------------------------------------------------------------------
# Weights, aggregation, coverage
# --------------------------------------------------------------------------------------------


def test_weighted_arithmetic_mean() -> None:
    results = _evaluate(_shares(p51=[20.0], p53=[40.0]), ("5.1", "5.3"))
    scores = roll_up(results, RollupConfig(weights={"5.1": 3}))
    # (3 * 20 + 1 * 40) / (3 + 1) = 25
    assert _score(scores, DIGITAL) == pytest.approx(25.0)
    shares = scores.explain(DIGITAL, 0)
    # each indicator's share of the score: 3 / 4 and 1 / 4
    assert "75.0 %" in shares
    assert "25.0 %" in shares


def test_geometric_mean_on_a_scale_above_zero() -> None:
    results = _evaluate(_shares(p51=[0.0], p53=[100.0]), ("5.1", "5.3"))
    scale = {"score_range": (1, 100)}
    arithmetic = roll_up(results, RollupConfig(**scale))
    # scores 1 + 99 u: 0 % -> 1, 100 % -> 100; arithmetic (1 + 100) / 2 = 50.5
    assert _normalised(arithmetic, "5.1") == [1.0]
    assert _score(arithmetic, DIGITAL) == pytest.approx(50.5)
    geometric = roll_up(results, RollupConfig(aggregation="geometric", **scale))
    # sqrt(1 * 100) = 10
    assert _score(geometric, DIGITAL) == pytest.approx(10.0)
    weighted = roll_up(results, RollupConfig(aggregation="geometric", weights={"5.3": 3}, **scale))
    # (1^1 * 100^3)^(1 / 4) = 10^(6 / 4) = 31.6228
    assert _score(weighted, DIGITAL) == pytest.approx(10**1.5)


def test_min_coverage() -> None:
    columns = _shares(p51=[20.0])
    three = _evaluate(columns, ("5.1", "5.3", "5.4"))
    scores = roll_up(three)
    found = scores.element_score(DIGITAL, 0)
    # 1 of 3 scored meets the default one third exactly
    assert found.score == 20.0
    assert (found.n_scored, found.n_total) == (1, 3)
    assert found.coverage == pytest.approx(1 / 3)
    half = roll_up(three, RollupConfig(min_coverage=0.5)).element_score(DIGITAL, 0)
    assert half.score is None
    assert half.reason == "coverage 1/3 = 33 % is below min_coverage 50 %"
    # 1 of 4 is below one third
    four = roll_up(_evaluate(columns, ("5.1", "5.2", "5.3", "5.4")))
    assert four.element_score(DIGITAL, 0).reason == (
        "coverage 1/4 = 25 % is below min_coverage 33 %"
    )
    nothing = roll_up(_evaluate(_shares(p51=[20.0]), ("5.3",)), RollupConfig(min_coverage=0))
    assert nothing.element_score(DIGITAL, 0).reason == (
        "none of the element's 1 scorable indicators was scored"
    )


def test_neutral_indicators_are_left_out_unless_given_a_direction() -> None:
    results = _evaluate(_shares(p51=[20.0], p53=[40.0]), ("5.1", "5.3"))
    scores = roll_up(results, RollupConfig(directions={"5.1": Direction.NEUTRAL}))
    found = scores.element_score(DIGITAL, 0)
    # only 5.3 counts: score 40, 1 of 1
    assert (found.score, found.n_total) == (40.0, 1)
    left = found.contributions[0]
    assert left.reason == "set to neutral by directions=: it enters no score"
    for spec in CATALOGUE.values():
        plan = RollupConfig().plan(spec)
        if spec.direction is Direction.NEUTRAL:
            assert plan.reason is not None
            assert "neutral direction" in plan.reason
            directed = RollupConfig(directions={spec.clause: "higher_is_better"}).plan(spec)
            assert directed.scorable
        else:
            assert plan.scorable
            leave_out = RollupConfig(open_ended="leave_out").plan(spec)
            assert leave_out.scorable == (spec.unit == "percent")


def test_not_computed_indicators_are_left_out_with_the_engine_reason() -> None:
    columns = _shares(p51=[20.0], p53=[40.0])
    columns["ict_employed"] = [2_000.0]  # 2 000 of 1 000: a part above its whole
    scores = roll_up(_evaluate(columns, ("5.1", "5.3")))
    contribution = scores.element_score(DIGITAL, 0).contributions[1]
    assert contribution.status is Status.INVALID
    assert (
        contribution.reason
        == "not computed (invalid): ict_employed (2000) exceeds labour_force (1000)"
    )


def test_remapping_moves_the_contribution() -> None:
    results = _evaluate(_shares(p51=[20.0], p53=[40.0]), ("5.1", "5.3"))
    scores = roll_up(results, RollupConfig(element_of={"5.1": "green"}))
    assert [c.clause for c in scores.element_score(GREEN, 0).contributions] == ["5.1"]
    assert [c.clause for c in scores.element_score(DIGITAL, 0).contributions] == ["5.3"]
    assert (_score(scores, GREEN), _score(scores, DIGITAL)) == (20.0, 40.0)


# --------------------------------------------------------------------------------------------
# Explanation and serialisation
# --------------------------------------------------------------------------------------------


def test_explain_lists_what_entered_and_what_was_left_out() -> None:
    columns = _shares(p51=[20.0], p53=[40.0])
    columns["code"] = ["73.71"]
    columns["city"] = ["Kota Makassar"]
    text = roll_up(_evaluate(columns)).explain("digital", 0)
    lines = text.splitlines()
    assert lines[0] == "digital — Digital-based government services that advance the common good"
    assert (
        lines[1] == "Kota Makassar (73.71), 2024: score 30.0 (arithmetic mean of goalposts scores)"
    )
    assert lines[2] == "coverage 2/4 = 50 % (needed: 33 %)"
    entered = next(line for line in lines if line.strip().startswith("5.1"))
    assert "20 percent" in entered
    assert "20.0" in entered
    assert "50.0 %" in entered
    assert "goalposts 0–100 percent (default for percentages)" in entered
    assert "Left out (2):" in lines
    assert any(line.strip().startswith("5.2") and "not reported" in line for line in lines)
    assert any(
        line.strip().startswith("5.4") and "not reported: education_research_employed" in line
        for line in lines
    )


def test_element_score_and_config_are_json_round_trips() -> None:
    scores = roll_up(_evaluate(_shares(p51=[20.0], p53=[40.0])))
    found = scores.element_score(DIGITAL, 0)
    assert ElementScore.model_validate_json(found.model_dump_json()) == found
    record = json.loads(found.model_dump_json())
    assert record["element"] == "digital"
    assert record["score"] == 30.0
    assert [c["clause"] for c in record["contributions"]] == list(ECONOMY)
    assert set(scores.scores(0)) == set(KeyElement)
    config = RollupConfig(
        normalisation="target", targets={"5.2": 0.1}, weights={"5.1": 2}, element_of={"5.1": GREEN}
    )
    assert RollupConfig.model_validate_json(config.model_dump_json()) == config
    assert hash(RollupConfig.model_validate(config.model_dump())) == hash(config)
    schema = RollupConfig.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(ElementScore.model_json_schema()["properties"]) >= {"score", "coverage"}


def test_config_is_immutable() -> None:
    config = RollupConfig(weights={"5.1": 2})
    with pytest.raises(TypeError):
        config.weights["5.1"] = 0  # type: ignore[index]
    with pytest.raises(ValueError, match="frozen"):
        config.min_coverage = 0.1  # type: ignore[misc]


def test_to_frame_and_rows() -> None:
    scores = roll_up(_evaluate(_shares(p51=[20.0, 60.0], p53=[40.0, 80.0])))
    frame = scores.to_frame()
    assert list(frame.columns[:3]) == ["city", "year", "code"]
    # row 1: (60 + 80) / 2 = 70
    assert frame["digital_score"].tolist() == pytest.approx([30.0, 70.0])
    assert frame["digital_n_total"].tolist() == [4, 4]
    assert scores.element_score(DIGITAL, -1).score == pytest.approx(70.0)
    with pytest.raises(IndexError):
        scores.element_score(DIGITAL, 2)


def test_empty_results() -> None:
    scores = roll_up(_evaluate({"city": [], "year": []}))
    assert scores.score.shape == (3, 0)


# --------------------------------------------------------------------------------------------
# Configuration errors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"aggregation": "geometric"}, "geometric' over scores that can be 0"),
        ({"weights": {"5.9": 1}}, r"no indicator '5.9' .*did you mean"),
        ({"weights": {"ict_employment_share": 1}}, "key it by its clause '5.3'"),
        ({"element_of": {"99.1": "green"}}, "element_of: no indicator '99.1'"),
        ({"goalposts": {"5.2": (3, 3)}}, r"goalposts\['5.2'\] = \(3, 3\): low must be below high"),
        ({"goalposts": {"5.2": (3, 1)}}, "low must be below high"),
        ({"normalisation": "target", "targets": {"5.3": 0}}, "a target must be above 0"),
        ({"weights": {"5.1": 0}}, "a weight must be above 0"),
        ({"weights": {"5.1": math.inf}}, "finite number"),
        ({"targets": {"5.3": 50}}, "targets are given but normalisation='goalposts'"),
        ({"normalisation": "minmax", "goalposts": {"5.3": (0, 50)}}, "goalposts are given"),
        (
            {"peer_by": "all", "open_ended": "leave_out"},
            "peer_by is given but normalisation='goalposts'",
        ),
        ({"normalisation": "rank", "winsorise": 0.1}, "winsorise is given but only"),
        ({"winsorise": 0.5}, "winsorise"),
        ({"min_peers": 1}, "min_peers"),
        ({"band_thresholds": (0.3, 0.6, 0.9)}, "only normalisation='bands'"),
        (
            {"normalisation": "bands", "band_thresholds": (0.6, 0.3, 0.9)},
            "0 < first < second < third <= 1",
        ),
        ({"min_coverage": 1.5}, "min_coverage"),
        ({"score_range": (50, 20)}, "need 0 <= low < high <= 100"),
        ({"normalisation": "minmx"}, "normalisation: Input should be"),
        ({"element_of": {"5.1": "blue"}}, "element_of.5.1"),
        ({"weight": {"5.1": 2}}, "weight: Extra inputs are not permitted"),
        (
            {"directions": {"5.1": "neutral"}, "goalposts": {"5.1": (0, 50)}},
            "indicator 5.1 has no direction",
        ),
        ({"goalposts": {"5.2": (0, "5 km")}}, "dimension"),
    ],
)
def test_config_errors_are_raised_up_front(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        RollupConfig(**settings)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, Iso37122Error)


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(ConfigError, match=r"\(3 problems\)") as caught:
        RollupConfig(weights={"5.9": 1, "5.1": -1}, goalposts={"5.2": (1, 1)})
    assert str(caught.value).count("\n  - ") == 3


def test_validating_a_mapping_or_json_also_raises_config_error() -> None:
    with pytest.raises(ConfigError, match="geometric"):
        RollupConfig.model_validate({"aggregation": "geometric"})
    with pytest.raises(ConfigError, match=r"no indicator '5\.9'"):
        RollupConfig.model_validate_json('{"weights": {"5.9": 1}}')


def test_enums() -> None:
    assert [m.value for m in Normalisation if m.uses_peers] == ["minmax", "zscore", "rank"]
    assert Normalisation.BANDS.reference == "targets"
    assert Normalisation.RANK.reference is None
    assert Aggregation("geometric") is Aggregation.GEOMETRIC


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

CONFIGS = {
    "goalposts": RollupConfig(goalposts={"5.2": (0, 0.5)}),
    "target": RollupConfig(normalisation="target", targets={"5.2": 0.2}),
    "bands": RollupConfig(normalisation="bands", targets={"5.2": 0.2}),
    "minmax": RollupConfig(normalisation="minmax", peer_by="all"),
    "zscore": RollupConfig(normalisation="zscore", peer_by="all"),
    "rank": RollupConfig(normalisation="rank", peer_by="all"),
    "geometric": RollupConfig(aggregation="geometric", score_range=(1, 100)),
    "min_coverage_0": RollupConfig(min_coverage=0, weights={"5.1": 2.5}),
}


@st.composite
def economy_frames(draw: st.DrawFn, min_rows: int = 2, max_rows: int = 6) -> pd.DataFrame:
    """Valid economy inputs for a few city-years, some inputs not reported."""
    n = draw(st.integers(min_rows, max_rows))
    rows = []
    for k in range(n):
        labour = draw(st.integers(1, 1_000_000))
        contracts = draw(st.integers(1, 1_000))
        businesses = draw(st.integers(1, 1_000))
        row: dict[str, object] = {
            "city": f"city {k}",
            "year": draw(st.sampled_from([2023, 2024])),
            "labour_force": float(labour),
            "ict_employed": float(draw(st.integers(0, labour))),
            "education_research_employed": float(draw(st.integers(0, labour))),
            "service_contracts": float(contracts),
            "service_contracts_with_open_data_policy": float(draw(st.integers(0, contracts))),
            "new_businesses": float(businesses),
            "new_businesses_surviving": float(draw(st.integers(0, businesses))),
            "population": float(draw(st.integers(1_000, 10_000_000))),
        }
        for name in ("ict_employed", "education_research_employed", "new_businesses_surviving"):
            if draw(st.integers(0, 4)) == 0:
                row[name] = None
        rows.append(row)
    return pd.DataFrame(rows)


def _roll(frame: pd.DataFrame, config: RollupConfig) -> ElementResults:
    return roll_up(evaluate(table_from_frame(frame), [CATALOGUE[c] for c in ECONOMY]), config)


PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(frame=economy_frames(), name=st.sampled_from(sorted(CONFIGS)))
def test_scores_are_within_0_and_100(frame: pd.DataFrame, name: str) -> None:
    config = CONFIGS[name]
    scores = _roll(frame, config)
    low, high = config.score_range
    for array in (scores.score, scores.normalised):
        finite = array[~np.isnan(array)]
        assert ((finite >= low) & (finite <= high)).all()
    assert low >= 0.0
    assert high <= 100.0
    assert ((scores.coverage >= 0) & (scores.coverage <= 1)).all()


@PROPERTY_SETTINGS
@given(
    frame=economy_frames(),
    name=st.sampled_from(sorted(CONFIGS)),
    row=st.integers(0, 5),
    step=st.floats(0.0, 1.0),
)
def test_improving_an_indicator_never_lowers_its_element_score(
    frame: pd.DataFrame, name: str, row: int, step: float
) -> None:
    config = CONFIGS[name]
    row = row % len(frame)
    part = frame["service_contracts_with_open_data_policy"].to_numpy(dtype=float, copy=True)
    whole = frame["service_contracts"].to_numpy(dtype=float)
    part[row] += math.floor(step * (whole[row] - part[row]))
    better = frame.assign(service_contracts_with_open_data_policy=part)
    before, after = _roll(frame, config), _roll(better, config)
    i = before.results.index("5.1")
    if config.normalisation.uses_peers:
        # A peer group whose spread vanishes (or appears) takes the indicator out (or in):
        # monotonicity is about an indicator that is scored both times.
        assume(not math.isnan(before.normalised[i, row]))
        assume(not math.isnan(after.normalised[i, row]))
    assert after.normalised[i, row] >= before.normalised[i, row] - 1e-9 or math.isnan(
        before.normalised[i, row]
    )
    e = before.elements.index(DIGITAL)
    old, new = before.score[e, row], after.score[e, row]
    assert np.isnan(old) == np.isnan(new)
    if not np.isnan(old):
        assert new >= old - 1e-9


@PROPERTY_SETTINGS
@given(frame=economy_frames(), name=st.sampled_from(sorted(CONFIGS)), seed=st.integers(0, 99))
def test_shuffling_the_rows_changes_no_score(frame: pd.DataFrame, name: str, seed: int) -> None:
    config = CONFIGS[name]
    order = np.random.default_rng(seed).permutation(len(frame))
    original = _roll(frame, config)
    shuffled = _roll(frame.iloc[order].reset_index(drop=True), config)
    np.testing.assert_array_equal(shuffled.score, original.score[:, order])
    np.testing.assert_array_equal(shuffled.normalised, original.normalised[:, order])
    np.testing.assert_array_equal(shuffled.coverage, original.coverage[:, order])


@PROPERTY_SETTINGS
@given(frame=economy_frames(), name=st.sampled_from(["goalposts", "target", "min_coverage_0"]))
def test_the_same_data_in_other_units_give_the_same_scores(frame: pd.DataFrame, name: str) -> None:
    # Continuous methods only: bands, ranks and the no-spread rule of peer methods have
    # thresholds that a rounding error in the last digit may cross.
    config = CONFIGS[name]
    people = ["labour_force", "ict_employed", "education_research_employed", "population"]
    converted = frame.copy()
    for column in people:
        converted[column] = frame[column] / 1_000.0
    converted = converted.rename(columns={c: f"{c} [thousand_people]" for c in people})
    original, other = _roll(frame, config), _roll(converted, config)
    np.testing.assert_allclose(other.score, original.score, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(other.normalised, original.normalised, rtol=1e-9, atol=1e-9)


@PROPERTY_SETTINGS
@given(
    frame=economy_frames(min_rows=1),
    clause=st.sampled_from(["5.1", "5.3", "5.4"]),
    element=st.sampled_from([LIVABLE, GREEN]),
)
def test_a_remapped_indicator_moves_its_contribution(
    frame: pd.DataFrame, clause: str, element: KeyElement
) -> None:
    config = RollupConfig(element_of={clause: element}, min_coverage=0)
    scores = _roll(frame, config)
    default = _roll(frame, RollupConfig(min_coverage=0))
    i = scores.results.index(clause)
    e, d = scores.elements.index(element), scores.elements.index(DIGITAL)
    assert scores.n_total[e] == 1
    assert scores.n_total[d] == default.n_total[d] - 1
    for row in range(len(frame)):
        moved = scores.element_score(element, row)
        assert [c.clause for c in moved.contributions] == [clause]
        assert clause not in [c.clause for c in scores.element_score(DIGITAL, row).contributions]
        # the indicator alone makes the new element's score
        np.testing.assert_array_equal(scores.score[e, row], default.normalised[i, row])
