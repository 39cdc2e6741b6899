"""WebTest's expected statuses: `TestApp.get(..., status=404)` and its siblings, on a known `TestApp` anywhere and,
in a test module, on any receiver the module cannot type (an app a base class elsewhere builds)."""

from __future__ import annotations

import ast

import pytest
from conftest import run
from fixing import fix

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.match import Matcher
from flake8_http_status.analysis.test_modules import is_test_module
from flake8_http_status.api import default_table

_TYPED = "from webtest import TestApp\n\napp = TestApp(make_app())\n\n\ndef test_it(req):\n"
_UNTYPED = "class T(Base):\n    def test_it(self, req):\n"


def _found(source: str, filename: str = "tests/test_views.py") -> list[tuple[int, str]]:
    return [(finding.start.line, finding.code) for finding in run(source, filename=filename)]


def _site_values(source: str) -> list[str]:
    """The status slots a test module's matcher finds, as written."""
    tree = ast.parse(source)
    imports = collect_imports(tree)
    candidates, bindings = collect(tree, imports, default_table())
    sites = Matcher(default_table(), imports, bindings, in_tests=True).run(candidates)
    return [ast.unparse(site.node) for site in sites if site.node is not None]


def _codes(source: str, filename: str = "tests/test_views.py") -> list[str]:
    return [code for _, code in _found(source, filename)]


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("tests/test_views.py", True),
        ("test_views.py", True),
        ("pkg/views_test.py", True),
        ("pkg/views_tests.py", True),
        ("pkg/conftest.py", True),
        ("pkg/tests/helpers.py", True),
        ("C:\\src\\test\\helpers.py", True),
        ("pkg/views.py", False),
        ("pkg/testing_views.py", False),
        ("pkg/contest.py", False),
    ],
)
def test_test_modules(filename: str, expected: bool) -> None:
    assert is_test_module(filename) is expected


# A known TestApp: every status slot, by keyword and by the position each method really has (WebTest 3.0.7).
TYPED = {
    "get-keyword": ('    app.get("/", status=404)\n', ["HTS002"]),
    "post-json-keyword": ('    app.post_json("/", {"a": 1}, status=201)\n', ["HTS002"]),
    "delete-json-keyword": ('    app.delete_json("/", status=204)\n', ["HTS002"]),
    "get-positional": ('    app.get("/", None, None, None, 404)\n', ["HTS002"]),
    "post-positional": ('    app.post("/", {}, None, None, 409)\n', ["HTS002"]),
    "head-positional": ('    app.head("/", None, None, None, 405)\n', ["HTS002"]),
    # options() takes no params: its status is the fourth argument.
    "options-positional": ('    app.options("/", None, None, 405)\n', ["HTS002"]),
    "options-fifth-is-expect-errors": ('    app.options("/", None, None, None, 405)\n', []),
    "do-request-positional": ("    app.do_request(req, 404)\n", ["HTS002"]),
    "do-request-keyword": ("    app.do_request(req, status=404)\n", ["HTS002"]),
    "request-positional": ('    app.request("/", 404)\n', ["HTS002"]),
    # post_json(url, params=..., **kw): status is a keyword only.
    "post-json-positional": ('    app.post_json("/", {}, None, None, 201)\n', []),
    "list": ('    app.get("/", status=[200, 404])\n', ["HTS002", "HTS002"]),
    "tuple": ('    app.get("/", status=(200, 404))\n', ["HTS002", "HTS002"]),
    # Strings: an exact status line works; a bare number never equals `res.status` ("404 Not Found").
    "status-line": ('    app.get("/", status="404 Not Found")\n', []),
    "status-line-mismatch": ('    app.get("/", status="404 Created")\n', ["HTS003"]),
    "bare-number-string": ('    app.get("/", status="404")\n', ["HTS003"]),
    # Glob patterns and "*" are no status.
    "glob-class": ('    app.get("/", status="4*")\n', []),
    "glob-any": ('    app.get("/", status="*")\n', []),
    "glob-line": ('    app.get("/", status="404 Not*")\n', []),
}


@pytest.mark.parametrize(("line", "expected"), TYPED.values(), ids=TYPED.keys())
def test_typed_test_app(line: str, expected: list[str]) -> None:
    assert _codes(_TYPED + line) == expected
    assert _codes(_TYPED + line, filename="app/smoke.py") == expected  # a known TestApp needs no test module


# A receiver the module cannot type, in a test module: only the `status=` keyword, with a registered code.
UNTYPED = {
    "self-app": ('        self.app.get("/", status=404)\n', ["HTS002"]),
    "self-testapp-json": ('        self.testapp.post_json("/", {}, status=201)\n', ["HTS002"]),
    "fixture-parameter": ('        req.put("/", {}, status=409)\n', ["HTS002"]),
    "do-request": ("        self.app.do_request(req, status=404)\n", ["HTS002"]),
    "list": ('        self.app.get("/", status=[200, 404])\n', ["HTS002", "HTS002"]),
    "unregistered-code": ('        self.app.get("/", status=499)\n', []),
    "unregistered-in-list": ('        self.app.get("/", status=[404, 499])\n', ["HTS002"]),
    "not-a-status": ('        self.app.get("/", status=42)\n', []),
    "glob": ('        self.app.get("/", status="4*")\n', []),
    "positional-not-trusted": ("        self.app.do_request(req, 404)\n", []),
    "other-method": ('        self.app.fetch("/", status=404)\n', []),
    "request-not-in-the-list": ('        self.app.request("/", status=404)\n', []),
}


@pytest.mark.parametrize(("line", "expected"), UNTYPED.values(), ids=UNTYPED.keys())
def test_untyped_receiver_in_a_test_module(line: str, expected: list[str]) -> None:
    assert _codes(_UNTYPED + line) == expected


@pytest.mark.parametrize(
    "line",
    [
        '        self.app.get("/", status=404)\n',
        '        x.get("/", status=404)\n',
        "        self.cache.get(key, status=200)\n",
        "        self.app.do_request(req, status=404)\n",
    ],
)
def test_untyped_receiver_outside_test_modules_stays_silent(line: str) -> None:
    assert _codes(_UNTYPED + line, filename="app/views.py") == []


def test_a_receiver_of_another_known_type_stays_silent_in_a_test_module() -> None:
    source = "import requests\n\n\ndef test_it():\n    requests.get('/', status=404)\n"
    assert _codes(source) == []


def test_a_mock_row_wins_over_the_test_module_row() -> None:
    # aioresponses' `m.get(url, status=500)` plays a server: one finding, as a mock (HTS001), not an expectation.
    source = "import aioresponses\n\n\ndef test_it(mocked):\n    mocked.get('/', status=500)\n"
    assert _codes(source) == ["HTS001"]


def test_a_known_test_app_fix_is_safe() -> None:
    source = _TYPED + '    app.get("/", status=404)\n'
    fixed = fix(source, filename="tests/test_views.py")
    assert 'app.get("/", status=HTTPStatus.NOT_FOUND)' in fixed


def test_an_untyped_receiver_fix_is_unsafe() -> None:
    # Nothing proves the receiver is a TestApp, which only compares the value: another object may show it.
    source = _UNTYPED + '        self.app.get("/", status=404)\n'
    assert fix(source, filename="tests/test_views.py") == source
    fixed = fix(source, filename="tests/test_views.py", unsafe=True)
    assert 'self.app.get("/", status=HTTPStatus.NOT_FOUND)' in fixed


def test_an_untyped_receiver_takes_only_registered_codes_for_statuses() -> None:
    # Evidence that `status=` is a status here is its value alone: a name, an unassigned code or a pattern is none.
    lines = ["status=404", "status=499", "status=600", "status=expected", "status='4*'", "status=HTTPStatus.GONE"]
    source = "from http import HTTPStatus\n" + "".join(f"self.app.get('/', {line})\n" for line in lines)
    assert _site_values(source) == ["404", "HTTPStatus.GONE"]


def test_a_known_test_app_takes_any_value() -> None:
    source = "import webtest\nself.app.get('/', status=499)\nself.app.get('/', status=expected)\n"
    assert _site_values(source) == ["499", "expected"]
