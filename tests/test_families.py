"""The constant families' derived tables, against the families they are derived from."""

from __future__ import annotations

from flake8_http_status.families import FAMILIES, STYLE_ATTRIBUTES


def test_the_style_attributes_written_out_are_every_name_of_every_style_family() -> None:
    derived = frozenset(name for family in FAMILIES.values() for name in family.all_names())
    assert derived == STYLE_ATTRIBUTES, f"families.STYLE_ATTRIBUTES should be: {sorted(derived)}"
