"""Files in and out: ``read_table``, data-collection templates, and writers of results.

Reading XLSX needs the ``xlsx`` extra (openpyxl), Parquet the ``parquet`` extra (pyarrow):
``pip install iso37122[all]`` installs both.
"""

from __future__ import annotations

from iso37122.io.provenance import Quality
from iso37122.io.readers import read_table
from iso37122.io.templates import template, write_template
from iso37122.io.writers import read_profiles

__all__ = ["Quality", "read_profiles", "read_table", "template", "write_template"]
