"""Tests of the transportation indicators (ISO 37122:2019, clause 19)."""

from __future__ import annotations

import numpy as np
import pytest
from _helpers import arr, check_sole_part_of_whole, check_sole_positive

from iso37122 import compute_profile
from iso37122.engine import Status
from iso37122.indicators import transportation as tr
from iso37122.indicators._spec import PartOfWhole, Positive

SPECS = {s.clause: s for s in tr.SPECS}

# (clause, part, whole) of every indicator that is a share
SHARES = [
    ("19.1", "road_length_with_realtime_traffic_information", "road_length"),
    ("19.3", "low_emission_vehicles", "registered_vehicles"),
    ("19.5", "public_transport_lines_with_realtime_information", "public_transport_lines"),
    ("19.6", "public_transport_services_with_unified_payment", "public_transport_services"),
    ("19.7", "public_parking_spaces_with_epayment", "public_parking_spaces"),
    ("19.8", "public_parking_spaces_with_realtime_availability", "public_parking_spaces"),
    ("19.9", "smart_traffic_lights", "traffic_lights"),
    ("19.10", "area_with_realtime_street_maps", "land_area"),
    ("19.11", "autonomous_vehicles", "registered_vehicles"),
    ("19.12", "transit_route_length_with_internet", "transit_route_length"),
    ("19.13", "road_length_autonomous_ready", "road_length"),
    ("19.14", "electric_buses", "buses"),
]
RATES = ["19.2", "19.4"]


# --- values computed by hand ---------------------------------------------------------------


def test_realtime_traffic_information_road_share_value() -> None:
    result = tr.realtime_traffic_information_road_share(arr(450.0, 12.5), arr(1_800.0, 50.0))
    # 100 * 450 / 1 800 = 25; 100 * 12.5 / 50 = 25
    np.testing.assert_allclose(result, [25.0, 25.0])


def test_sharing_transport_users_per_100k_value() -> None:
    result = tr.sharing_transport_users_per_100k(arr(60_000.0, 500.0), arr(1_500_000.0, 250_000.0))
    # 100 000 * 60 000 / 1 500 000 = 4 000; 100 000 * 500 / 250 000 = 200
    np.testing.assert_allclose(result, [4_000.0, 200.0])


def test_low_emission_vehicle_share_value() -> None:
    result = tr.low_emission_vehicle_share(arr(1_500.0, 0.0), arr(60_000.0, 8_000.0))
    # 100 * 1 500 / 60 000 = 2.5; 100 * 0 / 8 000 = 0
    np.testing.assert_allclose(result, [2.5, 0.0])


def test_shared_bicycles_per_100k_value() -> None:
    result = tr.shared_bicycles_per_100k(arr(3_000.0, 75.0), arr(2_000_000.0, 150_000.0))
    # 100 000 * 3 000 / 2 000 000 = 150; 100 000 * 75 / 150 000 = 50
    np.testing.assert_allclose(result, [150.0, 50.0])


def test_realtime_information_transport_line_share_value() -> None:
    result = tr.realtime_information_transport_line_share(arr(18.0, 3.0), arr(24.0, 40.0))
    # 100 * 18 / 24 = 75; 100 * 3 / 40 = 7.5
    np.testing.assert_allclose(result, [75.0, 7.5])


def test_unified_payment_transport_service_share_value() -> None:
    result = tr.unified_payment_transport_service_share(arr(6.0, 5.0), arr(8.0, 5.0))
    # 100 * 6 / 8 = 75; 100 * 5 / 5 = 100
    np.testing.assert_allclose(result, [75.0, 100.0])


def test_epayment_parking_share_value() -> None:
    result = tr.epayment_parking_share(arr(2_000.0, 150.0), arr(8_000.0, 1_200.0))
    # 100 * 2 000 / 8 000 = 25; 100 * 150 / 1 200 = 12.5
    np.testing.assert_allclose(result, [25.0, 12.5])


def test_realtime_availability_parking_share_value() -> None:
    result = tr.realtime_availability_parking_share(arr(1_000.0, 600.0), arr(8_000.0, 1_200.0))
    # 100 * 1 000 / 8 000 = 12.5; 100 * 600 / 1 200 = 50
    np.testing.assert_allclose(result, [12.5, 50.0])


def test_smart_traffic_light_share_value() -> None:
    result = tr.smart_traffic_light_share(arr(90.0, 7.0), arr(360.0, 20.0))
    # 100 * 90 / 360 = 25; 100 * 7 / 20 = 35
    np.testing.assert_allclose(result, [25.0, 35.0])


def test_realtime_street_map_area_share_value() -> None:
    result = tr.realtime_street_map_area_share(arr(150.0, 662.33), arr(200.0, 662.33))
    # 100 * 150 / 200 = 75; 100 * 662.33 / 662.33 = 100
    np.testing.assert_allclose(result, [75.0, 100.0])


def test_autonomous_vehicle_share_value() -> None:
    result = tr.autonomous_vehicle_share(arr(30.0, 4.0), arr(60_000.0, 1_000.0))
    # 100 * 30 / 60 000 = 0.05; 100 * 4 / 1 000 = 0.4
    np.testing.assert_allclose(result, [0.05, 0.4])


def test_internet_connected_transit_route_share_value() -> None:
    result = tr.internet_connected_transit_route_share(arr(120.0, 33.0), arr(480.0, 110.0))
    # 100 * 120 / 480 = 25; 100 * 33 / 110 = 30
    np.testing.assert_allclose(result, [25.0, 30.0])


def test_autonomous_ready_road_share_value() -> None:
    result = tr.autonomous_ready_road_share(arr(36.0, 0.0), arr(1_800.0, 900.0))
    # 100 * 36 / 1 800 = 2; 100 * 0 / 900 = 0
    np.testing.assert_allclose(result, [2.0, 0.0])


def test_electric_bus_share_value() -> None:
    result = tr.electric_bus_share(arr(45.0, 12.0), arr(300.0, 16.0))
    # 100 * 45 / 300 = 15; 100 * 12 / 16 = 75
    np.testing.assert_allclose(result, [15.0, 75.0])


def test_functions_broadcast_a_scalar_denominator() -> None:
    result = tr.smart_traffic_light_share(arr(10.0, 40.0), arr(80.0))
    # 100 * 10 / 80 = 12.5; 100 * 40 / 80 = 50
    np.testing.assert_allclose(result, [12.5, 50.0])


# --- declared constraints ------------------------------------------------------------------


@pytest.mark.parametrize("clause", RATES)
def test_population_must_be_positive(clause: str) -> None:
    check_sole_positive(
        SPECS[clause],
        Positive("population", "a rate per 100 000 population is undefined"),
        valid=100_000.0,
        negative=-5.0,
        reason="population (-5) must be greater than 0",
    )


@pytest.mark.parametrize(("clause", "part", "whole"), SHARES)
def test_part_cannot_exceed_whole(clause: str, part: str, whole: str) -> None:
    check_sole_part_of_whole(
        SPECS[clause],
        PartOfWhole(part, whole),
        within=(40.0, 100.0),
        exceeding=(120.0, 100.0),
        reason=f"{part} (120) exceeds {whole} (100)",
    )


def test_part_above_whole_by_an_ulp_is_equal_and_beyond_is_flagged_with_exact_values() -> None:
    # 0.1 + 0.2 = 0.30000000000000004 is one ulp above 0.3: the same length after rounding,
    # so valid (and its share is capped at 100 %). 0.3 * (1 + 1e-12) is a real excess, and
    # the reason shows the values to full precision.
    rule = SPECS["19.13"].constraints[0]
    cols = {
        "road_length_autonomous_ready": arr(0.1 + 0.2, 0.3 * (1 + 1e-12)),
        "road_length": arr(0.3, 0.3),
    }
    assert rule.invalid(cols).tolist() == [False, True]
    values = {"road_length_autonomous_ready": 0.3 * (1 + 1e-12), "road_length": 0.3}
    assert rule.explain(values, Status.INVALID) == (
        "road_length_autonomous_ready (0.3000000000003) exceeds road_length (0.3)"
    )
    profile = compute_profile(
        {
            "city": "a",
            "year": 2024,
            "road_length_autonomous_ready": "0.7 km",
            "road_length": "700 m",
        },
        indicators=["19.13"],
    )
    assert profile["19.13"].value == 100.0


# --- specs ---------------------------------------------------------------------------------


def test_shares_and_rates_are_every_clause() -> None:
    assert sorted([c for c, _, _ in SHARES] + RATES, key=lambda c: int(c[3:])) == list(SPECS)
