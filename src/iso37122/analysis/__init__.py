"""Analyses over scored city-years: identity, provinces, trends, uncertainty, improvement.

Each module reads the columnar results (:class:`~iso37122.engine.Results` and the key-element
scores) and returns frames or small result objects; none builds one Python object per city and
indicator unless asked.
"""

from __future__ import annotations

__all__: list[str] = []
