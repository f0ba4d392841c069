"""The report in a real browser: headless Chromium renders it without console errors, a
screenshot of each language is kept in the test artefacts, and it prints to a PDF of several
pages.

Chromium is a system program (Debian's ``chromium``), not a Python dependency: where it is not
installed these tests say so and are skipped; the rest of the report's tests do not need it.
The screenshots are written to ``build/test-artefacts/`` (or ``$ISO37122_ARTEFACTS``) so that
a person can look at them after a run.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib.image
import numpy as np
import pandas as pd
import pytest

import iso37122 as iso
from iso37122.report import render_report
from iso37122.report.charts import ELEMENT_COLOURS
from iso37122.testing import synthetic_frame

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')"
)

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(os.environ.get("ISO37122_ARTEFACTS", ROOT / "build" / "test-artefacts"))

# The flags of a closed-network, headless machine: no sandbox (root), no GPU, no background
# connections that the network would refuse.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
CONSOLE = re.compile(r":(?:INFO|WARNING|ERROR):CONSOLE[^\]]*\]\s*(.*)")


def chromium(page: Path, tmp_path: Path, *action: str) -> list[str]:
    """Run headless Chromium on a local page; return what the page wrote to its console."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *action, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [match.group(1) for line in done.stderr.splitlines() if (match := CONSOLE.search(line))]


@pytest.fixture(scope="module")
def profiles() -> iso.ProfileSet:
    """Three cities over two years, so that every section of a set's report is there."""
    first = synthetic_frame(3, seed=5)
    later = first.assign(year=first["year"] + 1, population=first["population"] * 1.02)
    return iso.compute_profile(pd.concat([first, later], ignore_index=True))


def test_console_messages_are_caught(tmp_path: Path) -> None:
    """The check below can fail: a page that writes to the console is seen to do so."""
    page = tmp_path / "noisy.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>x</p>"
        "<script>console.error('boom'); missingFunction();</script></body></html>",
        encoding="utf-8",
    )
    messages = chromium(page, tmp_path, "--dump-dom")
    assert any("boom" in message for message in messages)
    assert any("missingFunction" in message for message in messages)


def _colours(image: np.ndarray) -> set[tuple[int, int, int]]:
    rgb = (image[..., :3] * 255).round().astype(np.int64)
    packed = np.unique(rgb.reshape(-1, 3) @ np.array([65536, 256, 1]))
    return {(int(v) >> 16, (int(v) >> 8) & 255, int(v) & 255) for v in packed}


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_report_renders_without_console_errors(
    profiles: iso.ProfileSet, tmp_path: Path, lang: str
) -> None:
    page = tmp_path / f"report-{lang}.html"
    page.write_text(
        render_report(profiles, lang=lang, date=datetime.date(2026, 1, 31)), encoding="utf-8"
    )
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / f"report-{lang}.png"
    shot.unlink(missing_ok=True)
    messages = chromium(page, tmp_path, "--window-size=1280,2400", f"--screenshot={shot}")
    assert messages == []
    image = matplotlib.image.imread(shot)
    assert image.shape[:2] == (2400, 1280)
    colours = _colours(image)
    # Not a blank or unstyled page: text, table rules and the charts' colours are drawn,
    # among them the element colours of the charts near the top of the page.
    assert len(colours) > 50
    drawn = np.array(sorted(colours))
    for colour in ELEMENT_COLOURS.values():
        nearest = np.abs(drawn - np.array(_hex(colour))).max(axis=1).min()
        assert nearest <= 8, colour


def test_report_prints_to_several_pages(profiles: iso.ProfileSet, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(profiles, date=datetime.date(2026, 1, 31)), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    messages = chromium(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert messages == []
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 3
    shutil.copyfile(pdf, ARTEFACTS / "report.pdf")
