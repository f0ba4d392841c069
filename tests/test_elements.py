from __future__ import annotations

import iso37122 as iso
from iso37122.elements import INDICATOR_OVERRIDES, THEME_ELEMENTS, default_element, element_of


def test_every_theme_has_a_default_element_with_a_reason() -> None:
    assert set(THEME_ELEMENTS) == set(iso.Theme)
    for element, reason in THEME_ELEMENTS.values():
        assert isinstance(element, iso.KeyElement)
        assert reason


def test_overrides_name_real_clauses_of_another_element_with_a_reason() -> None:
    catalogue = iso.catalogue()
    for clause, (element, reason) in INDICATOR_OVERRIDES.items():
        spec = catalogue[clause]
        assert reason
        # An override that repeats its theme's default would be noise.
        assert THEME_ELEMENTS[spec.theme][0] is not element
        assert element_of(spec) is element


def test_indicator_element_follows_theme_unless_overridden() -> None:
    for spec in iso.catalogue().values():
        expected = (
            INDICATOR_OVERRIDES[spec.clause][0]
            if spec.clause in INDICATOR_OVERRIDES
            else THEME_ELEMENTS[spec.theme][0]
        )
        assert default_element(spec.clause, spec.theme) is expected


def test_every_element_has_indicators_and_both_languages() -> None:
    members = dict.fromkeys(iso.KeyElement, 0)
    for spec in iso.catalogue().values():
        members[element_of(spec)] += 1
    assert all(count > 0 for count in members.values())
    for element in iso.KeyElement:
        assert element.label
        assert element.label_id
        assert element.label != element.label_id
        assert element.description
        assert element.description_id
    assert [e.number for e in iso.KeyElement] == [1, 2, 3]
