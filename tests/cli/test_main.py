"""The command line in process: every option's help, catalogue filters, progress on a TTY."""

from __future__ import annotations

import io
import json

import pytest

from iso37122.cli import main
from iso37122.cli._commands import Progress
from iso37122.cli._parser import help_pages

COMMANDS = ("catalogue", "template", "validate", "compute", "report", "readiness", "schema", "demo")


def _entries_without_help(page: str) -> list[str]:
    """Options and arguments listed in a help page with no text explaining them."""
    lines = page.splitlines()
    bare = []
    in_section = False
    for k, line in enumerate(lines):
        if line.endswith(":") and not line.startswith(" "):
            in_section = line != "usage:"
            continue
        if not in_section or not line.startswith("  ") or line.startswith("   "):
            continue
        has_text = "  " in line.strip()
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if not has_text and not following.startswith("    "):
            bare.append(line.strip())
    return bare


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert capsys.readouterr().out.startswith(f"usage: iso37122 {command}")
    page = help_pages()[command]
    assert _entries_without_help(page) == []
    # The check itself finds an option without help.
    assert _entries_without_help("options:\n  --bare\n  --ok  does things\n") == ["--bare"]


def test_help_pages_cover_every_command() -> None:
    pages = help_pages(width=88)
    assert set(pages) == {"", *COMMANDS}
    assert all(max(map(len, page.splitlines())) <= 88 for page in pages.values())
    for flag in ("--sep", "--decimal", "--thousands", "--sheet", "--columns", "--strict"):
        assert flag in pages["compute"]


def test_catalogue_filters_by_theme_element_and_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "--theme", "health", "--element", "digital", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    # 11.1 and 11.2 are digital services; 11.3 (environmental alerts) is green.
    assert [r["clause"] for r in records] == ["11.1", "11.2"]
    # Words of the Indonesian title find the indicator too.
    assert main(["catalogue", "pita lebar", "--format", "csv", "--lang", "id"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "clause,name,title,unit,element"
    assert [line.split(",")[0] for line in lines[1:]] == ["18.1"]


def test_catalogue_without_a_match_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "zeppelin"]) == 0
    assert capsys.readouterr().out.strip() == "(no indicator matches)"


def test_usage_errors_return_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compute"]) == 2
    assert "the following arguments are required" in capsys.readouterr().err
    assert main(["catalogue", "--lang", "fr"]) == 2


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
def test_progress_only_on_a_terminal(tty: bool) -> None:
    stream = _Terminal(tty)
    progress = Progress(stream)
    with progress.stage("computing 3 city-years"):
        pass
    progress.done()
    shown = stream.getvalue()
    if tty:
        assert "iso37122: computing 3 city-years …" in shown
        assert shown.endswith("\r")  # the line is cleared at the end
    else:
        assert shown == ""


def test_progress_counts_work_on_a_terminal() -> None:
    stream = _Terminal(True)
    show = Progress(stream).count("writing the report: city-year")
    show(1, 3)
    show(3, 3)
    assert stream.getvalue().endswith("iso37122: writing the report: city-year 3/3")
    quiet = _Terminal(False)
    Progress(quiet).count("anything")(1, 1)
    assert quiet.getvalue() == ""


def test_an_unexpected_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from iso37122.cli import _internal_error

    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        _internal_error(ZeroDivisionError, error, error.__traceback__)
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (ZeroDivisionError: division by zero)" in err
    assert "--debug" in err
