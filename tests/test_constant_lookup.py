"""`families.constant_for` indexes one namespace at a time; it must answer as the whole index does."""

from __future__ import annotations

from flake8_http_status.families import FAMILIES, NAMESPACES, STYLE_ATTRIBUTES, constant_for, constants


def test_every_indexed_name_is_found_the_same() -> None:
    index = constants()
    assert index
    for qualified, constant in index.items():
        assert constant_for(qualified) == constant, qualified


def test_the_namespaces_are_those_of_the_index() -> None:
    assert {qualified.rpartition(".")[0] for qualified in constants()} == NAMESPACES


def test_names_outside_the_index_are_not_constants() -> None:
    index = constants()
    near = [f"{qualified}X" for qualified in index] + [qualified.lower() for qualified in index]
    near += ["http", "HTTPStatus.OK", "http.HTTPStatus", "falcon.HTTP_999", "requests.codes", ""]
    for qualified in near:
        if qualified not in index:
            assert constant_for(qualified) is None, qualified


def test_style_attributes_are_the_style_families_names() -> None:
    expected = {name.rpartition(".")[2] for name, constant in constants().items() if constant.is_style_family}
    assert expected == STYLE_ATTRIBUTES


def test_the_style_attributes_written_out_are_every_name_of_every_style_family() -> None:
    derived = frozenset(name for family in FAMILIES.values() for name in family.all_names())
    assert derived == STYLE_ATTRIBUTES, f"families.STYLE_ATTRIBUTES should be: {sorted(derived)}"
