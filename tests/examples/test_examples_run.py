"""The examples run as shipped: the quick start script and the analyst notebook (nbclient)."""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_quickstart_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(EXAMPLES / "quickstart.py"), run_name="__main__")
    shown = capsys.readouterr().out
    # 100 * 1 200 000 / 1 482 354 = 80.952323...
    assert "18.1: 80.952323" in shown
    assert "Laporan: quickstart_report.html" in shown
    assert (tmp_path / "quickstart_report.html").stat().st_size > 10_000


def test_analyst_notebook_runs(tmp_path: Path) -> None:
    notebook = tmp_path / "analyst.ipynb"
    shutil.copy(EXAMPLES / "analyst.ipynb", notebook)
    document = nbformat.read(notebook, as_version=4)  # type: ignore[no-untyped-call]
    # The shipped notebook carries no outputs: they are made here, by running it.
    assert all(not cell.get("outputs") for cell in document.cells if cell.cell_type == "code")
    client = NotebookClient(
        document,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [
        output for cell in document.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("Kota Makassar" in page and "ProfileSet" not in page for page in html)
    assert any("4 city-years" in page for page in html)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the comparison and the element plot
    assert (tmp_path / "laporan_kota_cerdas.html").stat().st_size > 10_000
