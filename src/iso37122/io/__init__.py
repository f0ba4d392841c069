"""Files in and out: ``read_table``, data-collection templates, and writers of results.

Reading XLSX needs the ``xlsx`` extra (openpyxl), Parquet the ``parquet`` extra (pyarrow):
``pip install iso37122[all]`` installs both.
"""

from __future__ import annotations

from iso37122.io.provenance import Quality
from iso37122.io.readers import read_table

__all__ = ["Quality", "read_table"]
