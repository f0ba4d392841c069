from __future__ import annotations

import pytest

import iso37122 as iso
from iso37122.errors import (
    ConfigError,
    DataError,
    Iso37122Error,
    Problem,
    UnitError,
    UnknownIndicatorError,
    UnknownVariableError,
)
from iso37122.indicators import REGISTRY, Catalogue
from iso37122.variables import VARIABLES, _index


def test_hierarchy_includes_the_builtins_callers_expect() -> None:
    assert issubclass(DataError, Iso37122Error)
    assert issubclass(DataError, ValueError)
    assert issubclass(UnitError, DataError)
    assert issubclass(UnknownVariableError, DataError)
    assert issubclass(UnknownIndicatorError, Iso37122Error)
    assert issubclass(UnknownIndicatorError, KeyError)
    assert issubclass(ConfigError, Iso37122Error)
    assert issubclass(ConfigError, ValueError)
    assert iso.Iso37122Error is Iso37122Error


def test_data_error_lists_every_problem() -> None:
    problems = [
        Problem(i, "Kota A", 2024, "population", -i, "below_minimum", "bad") for i in range(60)
    ]
    error = DataError("60 invalid values:", problems)
    text = str(error)
    assert "row 0, city 'Kota A', year 2024: bad" in text
    assert "... and 10 more" in text
    assert len(error.problems) == 60


def test_unknown_indicator_message_is_not_quoted() -> None:
    error = UnknownIndicatorError("no indicator 'x'")
    assert str(error) == "no indicator 'x'"


def test_duplicate_registrations_fail_at_import_time() -> None:
    with pytest.raises(RuntimeError, match="registered twice"):
        Catalogue([*REGISTRY, REGISTRY[0]])
    with pytest.raises(RuntimeError, match="declared twice"):
        _index((*VARIABLES.values(), VARIABLES["population"]))
