"""The documentation: its examples run, its generated reference covers the registry."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import pytest

import iso37122 as iso
from iso37122 import errors
from iso37122.elements import element_of
from iso37122.indicators import NonNegative, PartOfWhole, Positive
from iso37122.schemas import input_schema, output_schema

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS))

import griffe_rst  # noqa: E402  (docs/ is not a package: its modules load from its path)
import hooks  # noqa: E402

PAGES = [
    "getting-started.md",
    "guide/analysis.md",
    "guide/indonesian-files.md",
    "guide/input-data.md",
    "guide/key-elements.md",
    pytest.param(
        "guide/large-data.md",
        # Dask's Parquet writer calls set_index(inplace=True), deprecated by pandas 3.1.
        marks=pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.set_index"),
    ),
    "guide/methodology.md",
    "guide/outputs.md",
    "guide/readiness.md",
    "guide/reliability.md",
    "guide/templates.md",
    "guide/report.md",
    "guide/validation.md",
    "reference/schemas.md",
]


def _python_blocks(page: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", (DOCS / page).read_text(), re.S | re.M)


@pytest.mark.parametrize("page", PAGES)
def test_code_blocks_of_a_page_run_in_order(page: str) -> None:
    blocks = _python_blocks(page)
    assert blocks, f"{page} has no python code block"
    namespace: dict[str, object] = {}
    for block in blocks:
        # Raises (and fails the test) if an example no longer runs; the examples' own
        # assert statements check their results.
        exec(compile(block, page, "exec"), namespace)


def test_printed_output_shown_on_getting_started_is_what_the_code_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = (DOCS / "getting-started.md").read_text()
    blocks = list(re.finditer(r"^```(?P<lang>\w+)\n(?P<body>.*?)^```\n", text, re.S | re.M))
    namespace: dict[str, object] = {}
    compared = 0
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block["lang"] != "python":
            continue
        exec(compile(block["body"], "getting-started.md", "exec"), namespace)
        printed = capsys.readouterr().out.splitlines()
        # A text block right after a python block is its output; abridged output ends with
        # "..." and only the lines before it are compared.
        if following is None or following["lang"] != "text":
            continue
        if text[block.end() : following.start()].strip():
            continue
        expected = following["body"].splitlines()
        if expected[-1].strip() == "...":
            expected = expected[:-1]
            printed = printed[: len(expected)]
        assert printed == expected
        compared += 1
    assert compared >= 6


# --------------------------------------------------------------------------------------------
# The generated reference
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return hooks.generated_pages()


def test_the_indicator_index_links_every_indicator_to_its_theme_page(
    pages: dict[str, str],
) -> None:
    index = pages["reference/indicators/index.md"]
    assert f"All **{len(iso.catalogue())} indicators**" in index
    for spec in iso.catalogue().values():
        anchor = "i-" + spec.clause.replace(".", "-")
        assert f"[{spec.clause}]({spec.theme.value}.md#{anchor})" in index


def test_each_theme_page_shows_every_indicator_in_full(pages: dict[str, str]) -> None:
    for spec in iso.catalogue().values():
        page = pages[f"reference/indicators/{spec.theme.value}.md"]
        section = page.split(f"## {spec.clause} ", 1)[1].split("\n## ", 1)[0]
        assert section.startswith(spec.title)
        assert spec.title_id in section
        assert f"| Unit | `{spec.unit}` |" in section
        assert spec.direction.value.replace("_", " ") in section
        assert f"`{element_of(spec).value}`" in section
        assert f"`{spec.definition_source.confidence}`" in section
        for name in spec.inputs:
            assert f"[`{name}`](../variables.md#{name}) | `{iso.variables()[name].unit}`" in section
        assert "\\[" in section or "\\(" in section  # the formula, as maths


def test_the_variables_page_has_every_variable_with_both_descriptions(
    pages: dict[str, str],
) -> None:
    page = pages["reference/variables.md"]
    for variable in iso.variables().values():
        assert f"### `{variable.id}` {{ #{variable.id} }}" in page
        assert variable.description_id in page
        assert f"Unit `{variable.unit}`" in page


def test_the_errors_page_lists_every_exception_with_its_bases(pages: dict[str, str]) -> None:
    page = pages["reference/errors.md"]
    exceptions = [
        obj
        for name in errors.__all__
        if isinstance(obj := getattr(errors, name), type) and issubclass(obj, BaseException)
    ]
    assert len(exceptions) >= 6
    for cls in exceptions:
        bases = ", ".join(f"`{base.__name__}`" for base in cls.__bases__)
        assert f"[`{cls.__name__}`][iso37122.errors.{cls.__name__}] | {bases} |" in page


def test_the_published_schemas_are_the_library_s(pages: dict[str, str]) -> None:
    assert json.loads(pages["schemas/input.schema.json"]) == input_schema()
    assert json.loads(pages["schemas/output.schema.json"]) == output_schema()


def test_constraints_are_described_with_their_outcomes() -> None:
    assert hooks.describe_constraint(PartOfWhole(("a", "b"), "w")) == (
        "`a` + `b` ≤ `w` (otherwise *invalid*); `w` = 0 gives *undefined*"
    )
    assert hooks.describe_constraint(Positive("p", "no people")) == (
        "`p` > 0: 0 gives *undefined* (no people), a negative value *invalid*"
    )
    assert hooks.describe_constraint(NonNegative(("x",))) == "`x` ≥ 0 (otherwise *invalid*)"


def test_maths_become_mathml_when_a_page_is_built() -> None:
    html = '<p>a <span class="arithmatex">\\(x &lt; 1\\)</span></p>'
    html += '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>'
    out = hooks.on_page_content(html, page=None)  # type: ignore[arg-type]
    assert 'display="inline"' in out
    assert "<mo>&#x0003C;</mo>" in out  # the escaped "<" was unescaped before conversion
    assert 'display="block"' in out
    assert "<mfrac>" in out
    assert "arithmatex" not in out


def test_the_indicator_reference_opens_into_one_nav_entry_per_theme() -> None:
    nav = [{"Home": "index.md"}, {"Reference": [{"Indicators": hooks.NAV_PLACEHOLDER}]}]
    expanded = hooks.expand_nav(nav)
    indicators = expanded[1]["Reference"][0]["Indicators"]
    assert indicators[0] == hooks.NAV_PLACEHOLDER
    assert indicators[1:] == [{t.label: f"reference/indicators/{t.value}.md"} for t in iso.Theme]


# --------------------------------------------------------------------------------------------
# reST in docstrings, read as Markdown
# --------------------------------------------------------------------------------------------


def _known(name: str) -> str | None:
    return {"Profile": "iso37122.Profile", "iso37122.errors.DataError": name}.get(name)


def test_roles_become_links_and_maths_become_arithmatex() -> None:
    text = (
        "See :class:`~iso37122.errors.DataError`, :meth:`Profile.to_json <Profile>` and "
        ":func:`Profile`; :math:`u \\in [0, 1]`."
    )
    assert griffe_rst.rst_to_markdown(text, _known) == (
        "See [`DataError`][iso37122.errors.DataError], [`Profile.to_json()`][iso37122.Profile] "
        "and [`Profile()`][iso37122.Profile]; \\(u \\in [0, 1]\\)."
    )


def test_an_unresolved_role_is_code_and_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.griffe_rst"):
        assert griffe_rst.rst_to_markdown(":class:`Nothing`", _known) == "`Nothing`"
    assert "cannot resolve class role target 'Nothing'" in caplog.text


def test_a_math_directive_becomes_a_display_block() -> None:
    text = "Notes:\n\n.. math:: 100 \\cdot a / b\n\nAfter."
    assert griffe_rst.rst_to_markdown(text, _known) == (
        "Notes:\n\n\n\\[\n100 \\cdot a / b\n\\]\n\n\nAfter."
    )


def test_a_simple_table_becomes_a_markdown_table_with_continuation_lines() -> None:
    text = "\n".join(
        [
            "=====  ===========",
            "code   meaning",
            "=====  ===========",
            "a      first, on",
            "       two lines",
            "b      x | y",
            "=====  ===========",
            "",
            "After.",
        ]
    )
    assert griffe_rst.rst_to_markdown(text, _known).split("\n") == [
        "",
        "| code | meaning |",
        "| --- | --- |",
        "| a | first, on two lines |",
        "| b | x \\| y |",
        "",
        "",
        "After.",
    ]
