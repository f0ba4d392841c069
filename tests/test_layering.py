"""Import rules of the package, checked on the source with ``ast`` (runtime imports only)."""

from __future__ import annotations

import ast
from pathlib import Path

import iso37122

SRC = Path(iso37122.__file__).parent


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every runtime ``from iso37122... import name`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    return [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and id(node) not in skip
        if node.module and node.module.startswith("iso37122")
        for alias in node.names
    ]


def _modules() -> dict[str, list[tuple[str, str]]]:
    return {
        ".".join(("iso37122", *p.relative_to(SRC).with_suffix("").parts)): _imports(p)
        for p in SRC.rglob("*.py")
    }


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_module_imports_a_private_name() -> None:
    bad = [(m, f"{mod}.{name}") for m, found in _modules().items() for mod, name in found]
    assert [b for b in bad if _is_private(b[1].rsplit(".", 1)[1])] == []


def test_indicators_do_not_import_upper_layers() -> None:
    upper = ("iso37122.elements", "iso37122.engine", "iso37122.rollup", "iso37122.profile")
    bad = [
        (m, mod)
        for m, found in _modules().items()
        if m.startswith("iso37122.indicators")
        for mod, _ in found
        if mod.startswith(upper)
    ]
    assert bad == []


def test_engine_and_rollup_do_not_import_profile_readiness_or_cli() -> None:
    upper = ("iso37122.profile", "iso37122.readiness", "iso37122.cli")
    lower = ("iso37122.engine", "iso37122.rollup", "iso37122.data", "iso37122.variables")
    bad = [
        (m, mod)
        for m, found in _modules().items()
        if m.startswith(lower)
        for mod, _ in found
        if mod.startswith(upper)
    ]
    assert bad == []


def test_nothing_reads_the_teams_shared_folder() -> None:
    """The library, its tests, examples and benchmarks use nothing outside the repository.

    The team's reference folder, beside the repository, is not in a user's clone: what the tests
    need from it is copied into ``tests/data`` (whose README names the origin, and may say so).
    """
    root = SRC.parent.parent
    # Built from parts so that this file does not contain the paths it looks for.
    folder = "sha" + "red"
    patterns = (f"../{folder}", f"{folder}/reference")
    offenders = [
        str(path.relative_to(root))
        for top in ("src", "tests", "examples", "benchmarks", "docs")
        if (root / top).is_dir()
        for path in (root / top).rglob("*")
        if path.is_file() and path.suffix in {".py", ".ipynb", ".md", ".cfg", ".toml", ".csv"}
        if any(
            pattern in path.read_text(encoding="utf-8", errors="replace") for pattern in patterns
        )
    ]
    assert offenders == []
