"""The catalogue: the registry of indicators as a read-only mapping keyed by clause."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from iso37122.errors import UnknownIndicatorError
from iso37122.indicators._spec import Indicator, NonNegative, PartOfWhole, Positive
from iso37122.themes import Theme

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Catalogue"]


class Catalogue(Mapping[str, Indicator]):
    """Every indicator, keyed by clause (``"7.6"``), iterated in clause order.

    Indicators are also reachable by name (:meth:`by_name`) and searchable by words of
    their titles (:meth:`search`).
    """

    def __init__(self, specs: Iterable[Indicator]) -> None:
        ordered = sorted(specs, key=lambda spec: spec.sort_key)
        by_clause: dict[str, Indicator] = {}
        by_name: dict[str, Indicator] = {}
        for spec in ordered:
            if spec.clause in by_clause:
                raise RuntimeError(f"indicator clause {spec.clause} is registered twice")
            if spec.name in by_name:
                raise RuntimeError(f"indicator name {spec.name!r} is registered twice")
            by_clause[spec.clause] = spec
            by_name[spec.name] = spec
        self._by_clause: Mapping[str, Indicator] = MappingProxyType(by_clause)
        self._by_name: Mapping[str, Indicator] = MappingProxyType(by_name)

    def __getitem__(self, clause: str) -> Indicator:
        """Return the indicator of a clause; raise with a suggestion if there is none."""
        try:
            return self._by_clause[clause]
        except KeyError:
            raise UnknownIndicatorError(self._unknown(clause)) from None

    def __iter__(self) -> Iterator[str]:
        """Iterate over clauses in clause order."""
        return iter(self._by_clause)

    def __len__(self) -> int:
        """Return the number of indicators."""
        return len(self._by_clause)

    def __repr__(self) -> str:
        """Summarise the catalogue."""
        return f"<Catalogue of {len(self)} ISO 37122:2019 indicators>"

    def by_name(self, name: str) -> Indicator:
        """Return the indicator with this snake_case name."""
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownIndicatorError(self._unknown(name)) from None

    def resolve(self, key: str | Theme) -> tuple[Indicator, ...]:
        """Return the indicators named by a clause, a name, a theme or a theme's clause number.

        Examples
        --------
        >>> from iso37122 import catalogue
        >>> [spec.clause for spec in catalogue().resolve("18")]
        ['18.1', '18.2', '18.3']
        >>> catalogue().resolve("ict_employment_share")[0].clause
        '5.3'
        """
        if isinstance(key, Theme):
            return self.theme(key)
        if key in self._by_clause:
            return (self._by_clause[key],)
        if key in self._by_name:
            return (self._by_name[key],)
        themes = {str(theme.clause): theme for theme in Theme} | {t.value: t for t in Theme}
        if key in themes:
            return self.theme(themes[key])
        raise UnknownIndicatorError(self._unknown(key))

    def select(self, keys: Iterable[str | Theme] | None) -> tuple[Indicator, ...]:
        """Return the indicators named by several keys (see :meth:`resolve`), in clause order."""
        if keys is None:
            return tuple(self.values())
        if isinstance(keys, str | Theme):
            keys = [keys]
        chosen = {spec.clause: spec for key in keys for spec in self.resolve(key)}
        return tuple(sorted(chosen.values(), key=lambda spec: spec.sort_key))

    def theme(self, theme: Theme) -> tuple[Indicator, ...]:
        """Return the indicators of one theme, in clause order."""
        return tuple(spec for spec in self.values() if spec.theme is theme)

    def search(self, text: str) -> tuple[Indicator, ...]:
        """Return indicators whose name or English or Indonesian title contains every word.

        Examples
        --------
        >>> from iso37122 import catalogue
        >>> [spec.clause for spec in catalogue().search("broadband")]
        ['18.1']
        """
        words = text.lower().split()
        found = []
        for spec in self.values():
            haystack = f"{spec.clause} {spec.name} {spec.title} {spec.title_id}".lower()
            if all(word in haystack for word in words):
                found.append(spec)
        return tuple(found)

    def _unknown(self, key: str) -> str:
        close = difflib.get_close_matches(key, [*self._by_clause, *self._by_name], n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return f"no indicator {key!r} in the ISO 37122 catalogue{hint}"

    def records(self) -> list[dict[str, Any]]:
        """Return one plain, JSON-ready record per indicator, in clause order."""
        return [_record(spec) for spec in self.values()]

    def to_frame(self) -> pd.DataFrame:
        """Return the catalogue as a DataFrame, one row per indicator, indexed by clause."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.records())
        return frame.set_index("clause", drop=False)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the catalogue as JSON: a list of indicator records in clause order."""
        return json.dumps(self.records(), indent=indent, ensure_ascii=False)


def _constraint_record(constraint: object) -> dict[str, Any]:
    if isinstance(constraint, PartOfWhole):
        return {"rule": "part_of_whole", "part": list(constraint.parts), "whole": constraint.whole}
    if isinstance(constraint, Positive):
        return {"rule": "positive", "variable": constraint.variable}
    if isinstance(constraint, NonNegative):
        return {"rule": "non_negative", "variables": list(constraint.names)}
    raise TypeError(f"no record form for constraint {constraint!r}")


def _record(spec: Indicator) -> dict[str, Any]:
    source = spec.definition_source
    return {
        "clause": spec.clause,
        "name": spec.name,
        "theme": spec.theme.value,
        "theme_label": spec.theme.label,
        "title": spec.title,
        "title_id": spec.title_id,
        "unit": spec.unit,
        "direction": spec.direction.value,
        "inputs": list(spec.inputs),
        "constraints": [_constraint_record(c) for c in spec.constraints],
        "confidence": source.confidence,
        "formula": source.formula,
        "reference": source.reference,
        "title_id_origin": source.title_id_origin,
        "note": source.note,
    }
