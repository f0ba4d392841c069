from __future__ import annotations

import numpy as np
from _helpers import arr, check_sole_part_of_whole

from iso37122.indicators import recreation
from iso37122.indicators._spec import PartOfWhole

SPECS = {s.clause: s for s in recreation.SPECS}


# --- 14.1 -------------------------------------------------------------------------------------


def test_online_bookable_recreation_service_share_value() -> None:
    result = recreation.online_bookable_recreation_service_share(
        arr(18.0, 5.0, 12.0), arr(40.0, 5.0, 96.0)
    )
    # 100 * 18 / 40 = 45; 100 * 5 / 5 = 100; 100 * 12 / 96 = 12.5
    np.testing.assert_allclose(result, [45.0, 100.0, 12.5])


def test_online_bookable_recreation_service_share_part_of_whole() -> None:
    check_sole_part_of_whole(
        SPECS["14.1"],
        PartOfWhole("public_recreation_services_bookable_online", "public_recreation_services"),
        within=(18.0, 40.0),
        exceeding=(41.0, 40.0),
        reason=(
            "public_recreation_services_bookable_online (41) exceeds "
            "public_recreation_services (40)"
        ),
    )
