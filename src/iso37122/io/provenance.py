"""Provenance of input values: where each came from, how good it is, and which year it is for.

Quality grades follow the practice of the U4SSC key performance indicators for smart sustainable
cities, which ask each reported value how it was obtained, from an accurate measurement down to
a value whose origin cannot be traced. An indicator is as good as its weakest input.

Examples
--------
>>> Quality.parse("Estimasi") is Quality.ESTIMATE
True
>>> Quality.weakest([Quality.ACCURATE_MEASUREMENT, Quality.EXPERT_JUDGEMENT]).label_id
'Penilaian ahli'
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from iso37122.engine import Results

__all__ = ["PROVENANCE", "Quality", "indicator_provenance"]

PROVENANCE = ("city", "year", "code", "variable", "source", "quality", "reference_year")
"""Columns of a provenance frame: one row per city-year and variable."""


class Quality(StrEnum):
    """How a reported value was obtained, best first."""

    ACCURATE_MEASUREMENT = "accurate_measurement"
    """A complete count or measurement: a register, a census, a meter."""
    PARTIAL_MEASUREMENT = "partial_measurement"
    """A measurement with gaps, or a sample survey scaled to the city."""
    ESTIMATE = "estimate"
    """Estimated with a model, a proxy or an extrapolation from an earlier year."""
    EXPERT_JUDGEMENT = "expert_judgement"
    """The judgement of someone who knows the subject, without a measurement."""
    NOT_TRACEABLE = "not_traceable"
    """The origin of the value cannot be traced."""

    @property
    def grade(self) -> int:
        """1 (accurate measurement) to 5 (not traceable)."""
        return list(Quality).index(self) + 1

    @property
    def label(self) -> str:
        """The grade in English."""
        return _LABELS[self][0]

    @property
    def label_id(self) -> str:
        """The grade in Bahasa Indonesia."""
        return _LABELS[self][1]

    @classmethod
    def parse(cls, value: object) -> Quality:
        """Read a grade from its value, its English or Indonesian label, or its number 1–5.

        Raises
        ------
        ValueError
            For anything else, listing what is accepted.
        """
        if isinstance(value, Quality):
            return value
        text = str(value).strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            text = str(int(value)) if float(value).is_integer() else text
        key = " ".join(text.replace("_", " ").split()).casefold()
        for quality in cls:
            names = {quality.value.replace("_", " "), quality.label.casefold()}
            names |= {quality.label_id.casefold(), str(quality.grade)}
            if key in names:
                return quality
        accepted = "; ".join(f"{q.grade} = {q.value} ({q.label_id})" for q in cls)
        raise ValueError(f"quality {value!r} is not a grade; use one of: {accepted}")

    @staticmethod
    def weakest(qualities: Iterable[Quality]) -> Quality | None:
        """Return the weakest grade, or ``None`` for none."""
        given = list(qualities)
        return max(given, key=lambda q: q.grade) if given else None


_LABELS = {
    Quality.ACCURATE_MEASUREMENT: ("Accurate measurement", "Pengukuran akurat"),
    Quality.PARTIAL_MEASUREMENT: ("Partial measurement", "Pengukuran sebagian"),
    Quality.ESTIMATE: ("Estimate", "Estimasi"),
    Quality.EXPERT_JUDGEMENT: ("Expert judgement", "Penilaian ahli"),
    Quality.NOT_TRACEABLE: ("Not traceable", "Tidak dapat ditelusuri"),
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def indicator_provenance(provenance: pd.DataFrame, results: Results) -> pd.DataFrame:
    """Per city-year and indicator: the weakest quality and the sources of its inputs.

    Parameters
    ----------
    provenance
        One row per city-year and variable (columns :data:`PROVENANCE`), as ``read_table``
        keeps it in ``frame.attrs["iso37122.provenance"]``.
    results
        The evaluated indicators.

    Returns
    -------
    pandas.DataFrame
        Columns ``quality``, ``sources`` and ``reference_years``, one row per city-year and
        indicator in the order of ``ProfileSet.to_frame("long")``.
    """
    table = results.table
    rows: dict[tuple[object, int], int] = {}
    for i in range(table.n_rows):
        city, year, code = table.identity(i)
        rows[(code if code is not None else city, year)] = i
    known: dict[tuple[int, str], tuple[str | None, Quality | None, int | None]] = {}
    records: list[dict[Any, Any]] = provenance.astype(object).to_dict("records")
    for record in records:
        given: dict[str, Any] = {str(k): None if _missing(v) else v for k, v in record.items()}
        code = given["code"]
        row = rows.get((code if code is not None else given["city"], int(given["year"])))
        if row is None:
            continue
        grade = None if given["quality"] is None else Quality.parse(given["quality"])
        source = None if given["source"] is None else str(given["source"])
        reference = None if given["reference_year"] is None else int(given["reference_year"])
        known[(row, str(given["variable"]))] = (source, grade, reference)
    n, m = table.n_rows, len(results.indicators)
    quality = np.full((n, m), None, dtype=object)
    sources = np.full((n, m), None, dtype=object)
    years = np.full((n, m), None, dtype=object)
    for row in sorted({row for row, _ in known}):
        for k, spec in enumerate(results.indicators):
            entries = [known[(row, v)] for v in spec.inputs if (row, v) in known]
            if not entries:
                continue
            weakest = Quality.weakest(q for _, q, _ in entries if q is not None)
            quality[row, k] = None if weakest is None else weakest.value
            found = sorted({s for s, _, _ in entries if s})
            sources[row, k] = "; ".join(found) if found else None
            refs = sorted({str(r) for _, _, r in entries if r is not None})
            years[row, k] = ", ".join(refs) if refs else None
    return pd.DataFrame(
        {
            "quality": quality.reshape(-1),
            "sources": sources.reshape(-1),
            "reference_years": years.reshape(-1),
        }
    )
