"""Statuses that are keys of a dict argument (`keys_of`): plain keys, and tuple keys whose first element is the status."""

from __future__ import annotations

import ast

import pytest
from fixing import fix

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.match import Matcher
from flake8_http_status.analysis.values import Spelling
from flake8_http_status.api import build_table
from flake8_http_status.api.model import Api, CallRow, Role

_TUPLES = Api("test", "documented", Role.DOCUMENT, keys_of="responses", tuple_keys=True)
_PLAIN = Api("test", "plain", Role.DOCUMENT, keys_of="responses")
_TABLE = build_table((CallRow(("docs.documented",), _TUPLES), CallRow(("docs.plain",), _PLAIN)))


def _sites(source: str) -> list[tuple[str, Spelling, int | None]]:
    tree = ast.parse(source)
    imports = collect_imports(tree)
    candidates, bindings = collect(tree, imports, _TABLE)
    return [
        (ast.unparse(site.node) if site.node is not None else "", site.value.spelling, site.code)
        for site in Matcher(_TABLE, imports, bindings).run(candidates)
    ]


def _call(function: str, responses: str) -> str:
    return f"from docs import {function}\n\n{function}(responses={responses})\n"


def test_a_tuple_key_holds_the_status_in_its_first_element() -> None:
    sites = _sites(_call("documented", "{(404, 'application/json'): None, (200, 'a/b', 'c/d'): None, 201: None}"))
    assert sites == [("404", Spelling.LITERAL, 404), ("200", Spelling.LITERAL, 200), ("201", Spelling.LITERAL, 201)]


def test_a_tuple_key_may_hold_a_constant_or_text() -> None:
    source = "from rest_framework import status\n" + _call(
        "documented", "{(status.HTTP_409_CONFLICT, 'application/json'): None, ('410', 'text/csv'): None}"
    )
    assert _sites(source) == [
        ("status.HTTP_409_CONFLICT", Spelling.CONSTANT, 409), ("'410'", Spelling.TEXT, 410),
    ]


@pytest.mark.parametrize(
    "key",
    ["()", "(*codes, 'application/json')", "('4XX', 'application/json')", "(code, 'application/json')"],
    ids=["empty", "starred", "range", "variable"],
)
def test_a_tuple_key_without_a_readable_status_is_an_unknown_site(key: str) -> None:
    # Unknown, not dropped: a rule that needs every key (HTS917) must see that one cannot be read.
    [(_, spelling, code)] = _sites(_call("documented", f"{{{key}: None}}"))
    assert spelling is Spelling.OTHER and code is None


def test_tuple_keys_are_read_only_where_the_api_says_so() -> None:
    [(node, spelling, code)] = _sites(_call("plain", "{(404, 'application/json'): None}"))
    assert node == "(404, 'application/json')" and spelling is Spelling.OTHER and code is None


def test_a_spread_entry_is_no_site() -> None:
    assert _sites(_call("documented", "{**COMMON, 404: None}")) == [("404", Spelling.LITERAL, 404)]


_SPECTACULAR = (
    "from drf_spectacular.utils import extend_schema\n\n\n"
    "@extend_schema(responses={{{key}: None}})\ndef view(request):\n    pass\n"
)


def test_the_fix_rewrites_only_the_status_inside_a_tuple_key() -> None:
    fixed = fix(_SPECTACULAR.format(key="(404, 'application/json', 'text/csv')"))
    assert "from rest_framework import status\n" in fixed
    assert "responses={(status.HTTP_404_NOT_FOUND, 'application/json', 'text/csv'): None}" in fixed


def test_a_tuple_key_is_stringified_so_httpstatus_is_not_written_before_311() -> None:
    source = "from http import HTTPStatus\n" + _SPECTACULAR.format(key="(404, 'application/json'): 1, HTTPStatus.OK")
    assert "(404, 'application/json')" in fix(source, "--http-status-target-python=3.10")
    assert "(HTTPStatus.NOT_FOUND, 'application/json')" in fix(source, "--http-status-target-python=3.11")
