"""The documentation's examples run against the current API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = [
    "getting-started.md",
    "guide/input-data.md",
    "guide/key-elements.md",
    "guide/methodology.md",
    "guide/readiness.md",
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
