"""Statuses that are keys of a dict argument (`keys_of`): plain keys, and tuple keys whose first element is the status."""

from __future__ import annotations

import ast

import pytest
from conftest import codes
from fixing import fix

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.match import Matcher
from flake8_http_status.analysis.values import Spelling
from flake8_http_status.api import build_table
from flake8_http_status.api.rows import Api, CallRow, Role

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
        ("status.HTTP_409_CONFLICT", Spelling.CONSTANT, 409),
        ("'410'", Spelling.TEXT, 410),
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


def test_a_spread_the_analysis_cannot_read_is_an_unknown_site() -> None:
    assert _sites(_call("documented", "{**common(), 404: None}")) == [
        ("common()", Spelling.OTHER, None),
        ("404", Spelling.LITERAL, 404),
    ]


def _named(dicts: str, responses: str) -> str:
    return f"from docs import documented\n\n{dicts}\n\ndocumented(responses={responses})\n"


def test_a_module_level_dict_bound_once_is_followed() -> None:
    # Its keys are read; the name itself is an unknown site, as code elsewhere may add keys to it.
    assert _sites(_named("ERRORS = {404: None, (409, 'a/b'): None}", "ERRORS")) == [
        ("404", Spelling.LITERAL, 404),
        ("409", Spelling.LITERAL, 409),
        ("ERRORS", Spelling.OTHER, None),
    ]


def test_a_spread_of_a_module_level_dict_is_followed() -> None:
    source = _named("BASE = {401: None}\nERRORS: dict = {**BASE, 403: None}", "{**ERRORS, 200: None}")
    assert [(node, code) for node, _, code in _sites(source)] == [
        ("401", 401),
        ("BASE", None),
        ("403", 403),
        ("ERRORS", None),
        ("200", 200),
    ]


@pytest.mark.parametrize(
    "dicts",
    [
        "ERRORS = {404: None}\nERRORS = {410: None}",  # bound twice
        "def errors(ERRORS={}):\n    return ERRORS\nERRORS = {404: None}",  # a parameter of the same name
        "class Docs:\n    ERRORS = {404: None}",  # not at module level
        "def make():\n    ERRORS = {404: None}",  # local to a function
        "ERRORS = OTHER = {404: None}",  # two targets
        "ERRORS = dict(NOT_FOUND=404)",  # not a dict display
    ],
    ids=["rebound", "parameter", "class-level", "local", "chained", "dict-call"],
)
def test_a_name_the_analysis_cannot_pin_to_one_dict_gives_no_status(dicts: str) -> None:
    assert all(code is None for _, _, code in _sites(_named(dicts, "ERRORS")))


def test_a_dict_that_spreads_itself_does_not_loop() -> None:
    source = _named("A = {**B, 401: None}\nB = {**A, 403: None}", "A")
    assert sorted(code for _, _, code in _sites(source) if code is not None) == [401, 403]


_SPECTACULAR = (
    "from drf_spectacular.utils import extend_schema\n\n\n"
    "@extend_schema(responses={{{key}: None}})\ndef view(request):\n    pass\n"
)


def test_the_fix_rewrites_a_named_dict_once_for_every_call_that_passes_it() -> None:
    source = (
        "from drf_spectacular.utils import extend_schema\n\nERRORS = {404: None}\n\n\n"
        "@extend_schema(responses=ERRORS)\ndef one(request):\n    pass\n\n\n"
        "@extend_schema(responses={**ERRORS, 200: None})\ndef two(request):\n    pass\n"
    )
    fixed = fix(source)
    assert "ERRORS = {status.HTTP_404_NOT_FOUND: None}" in fixed
    assert "responses={**ERRORS, status.HTTP_200_OK: None}" in fixed


def test_the_fix_rewrites_only_the_status_inside_a_tuple_key() -> None:
    fixed = fix(_SPECTACULAR.format(key="(404, 'application/json', 'text/csv')"))
    assert "from rest_framework import status\n" in fixed
    assert "responses={(status.HTTP_404_NOT_FOUND, 'application/json', 'text/csv'): None}" in fixed


def test_a_tuple_key_is_stringified_so_httpstatus_is_not_written_before_311() -> None:
    source = "from http import HTTPStatus\n" + _SPECTACULAR.format(key="(404, 'application/json'): 1, HTTPStatus.OK")
    assert "(404, 'application/json')" in fix(source, "--http-status-target-python=3.10")
    # drf-spectacular keeps the key for its schema, where an HTTPStatus member shows in repr and YAML: only
    # --unsafe-fixes names it (tests/test_fix_value_types.py).
    assert "(404, 'application/json')" in fix(source, "--http-status-target-python=3.11")
    named = fix(source, "--http-status-target-python=3.11", unsafe=True)
    assert "(HTTPStatus.NOT_FOUND, 'application/json')" in named


_FASTAPI = (
    "from fastapi import FastAPI, HTTPException, status\n\napp = FastAPI()\n"
    "ERRORS = {{status.HTTP_404_NOT_FOUND: {{}}}}\n\n\n"
    "@app.get('/items/{{item_id}}', responses={responses})\nasync def item(item_id: int) -> dict:\n"
    "    raise HTTPException(status_code=status.HTTP_409_CONFLICT)\n"
)


@pytest.mark.parametrize(
    ("responses", "expected"),
    [
        ("{status.HTTP_404_NOT_FOUND: {}}", ["HTS917"]),
        ("ERRORS", []),
        ("{**ERRORS, status.HTTP_200_OK: {}}", []),
        ("{**other(), status.HTTP_200_OK: {}}", []),
    ],
    ids=["display", "named", "named-spread", "unreadable-spread"],
)
def test_hts917_stays_silent_when_a_named_dict_may_hold_more_keys(responses: str, expected: list[str]) -> None:
    assert codes(_FASTAPI.format(responses=responses)) == expected
