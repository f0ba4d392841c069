"""``import iso37122`` loads no heavy dependency; every public name still resolves."""

from __future__ import annotations

import subprocess
import sys

import pytest

import iso37122 as iso


def test_import_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, iso37122\n"
        "print(sorted(m for m in ('pandas', 'pint', 'pydantic', 'numpy', 'dask', 'polars')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_resolves() -> None:
    for name in iso.__all__:
        assert getattr(iso, name) is not None, name
    assert set(iso.__all__) <= set(dir(iso))


def test_functions_named_like_their_module_stay_functions() -> None:
    import iso37122.readiness
    import iso37122.variables

    assert callable(iso.variables)
    assert callable(iso.readiness)
    assert "population" in iso.variables()
    del iso37122  # the submodules were imported for their side effect on the package


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'compute_profiles'"):
        iso.compute_profiles  # noqa: B018
