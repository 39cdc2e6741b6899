"""The rule modules' gates (`rules/gates.py`) are necessary: a module they stop would have reported nothing.

Every fixture (the single-file apps and every module of the fixture projects, with the index) is analysed with
every rule shown, with and without the gates, and must give the same findings, fixes and messages included.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, read, split_options
from test_real_code import PACKAGES, package_files

from flake8_http_status.api import reach
from flake8_http_status.engine import analyse_module
from flake8_http_status.findings import Finding
from flake8_http_status.handlers.routes import _verbs
from flake8_http_status.handlers.table import build
from flake8_http_status.options import Settings, settings_from_args
from flake8_http_status.rules import checkers, gates
from flake8_http_status.rules.gates import GATES, may_have_handler


def _everything(code: str) -> bool:
    return True


def _findings(path: Path, settings: Settings, *, gated: bool) -> list[Finding]:
    source = path.read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    return analyse_module(
        tree, lines, str(path), settings, shown=_everything, hidden_skipped=True, gated=gated
    ).findings


def _skipped(path: Path, settings: Settings) -> int:
    """How many gated rule modules the gates stop on `path`."""
    source = path.read_text(encoding="utf-8")
    context = analyse_module(ast.parse(source), source.splitlines(keepends=True), str(path), settings).context
    return 0 if context is None else sum(not gate(context) for gate in GATES.values())


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_fixture_gives_the_same_findings_with_and_without_the_gates(path: Path) -> None:
    settings = settings_from_args(split_options(read(path).options)[0])
    assert _findings(path, settings, gated=True) == _findings(path, settings, gated=False)


def test_the_gates_skip_rule_modules_on_many_fixtures() -> None:
    """Not vacuous: on most fixtures some gated module is skipped (else the comparison above proves nothing)."""
    skipped = [_skipped(path, settings_from_args(split_options(read(path).options)[0])) for path in fixture_files()]
    assert sum(1 for count in skipped if count) > len(skipped) // 2, skipped


@pytest.mark.slow
@pytest.mark.parametrize("package", PACKAGES)
def test_real_code_gives_the_same_findings_with_and_without_the_gates(package: str) -> None:
    settings = Settings(target_python=(3, 10), starlette_renamed=False)
    for path in package_files(package):
        assert _findings(path, settings, gated=True) == _findings(path, settings, gated=False), path


def test_every_gate_is_of_a_rule_module() -> None:
    assert set(GATES) <= set(checkers.MODULES)
    assert "choices.created" in GATES and "naming" not in GATES and "validity" not in GATES


def _context(source: str, filename: str = "m.py") -> object:
    context = analyse_module(ast.parse(source), source.splitlines(keepends=True), filename, Settings()).context
    assert context is not None
    return context


@pytest.mark.parametrize(
    "source",
    [
        "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/')\ndef index():\n    return 'ok', 200\n",
        "from django.views import View\n\nclass V(View):\n    def get(self, request):\n        return 200\n",
        "from aiohttp import web\n\nasync def index(request):\n    return web.Response(status=200)\n\n"
        "app = web.Application()\napp.router.add_get('/', index)\n",
        "import connexion\nfrom connexion import NoContent\n\ndef remove(pet_id):\n    return NoContent, 204\n",
        "from django.views.decorators.http import require_POST as post_only\n\n@post_only\ndef add(request):\n"
        "    return 200\n",
        "import falcon\n\nclass Items:\n    def on_get_item(self, req, resp):\n        resp.status = 200\n",
        "from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.api_route('/', methods=['GET'])\n"
        "def index():\n    return {}\n",
        "from .base import ProjectView\n\nclass V(ProjectView):\n    @staticmethod\n    def post(request):\n"
        "        return 200\n",
    ],
    ids=["decorated", "view method", "registered", "connexion", "aliased decorator", "prefixed", "attribute", "method"],
)
def test_a_module_with_a_handler_may_have_one(source: str) -> None:
    assert may_have_handler(_context(source))  # type: ignore[arg-type]


def test_a_client_module_has_no_handler() -> None:
    source = "import requests\n\n\ndef fetch(url):\n    return requests.get(url).status_code == 404\n"
    assert not may_have_handler(_context(source))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "source",
    [
        # Decorated, but by no route decorator of any framework: a property, a template tag, a cache.
        "from django import template\nfrom functools import cache\nregister = template.Library()\n\n"
        "@register.simple_tag\ndef submit_row(context):\n    return context\n\n@cache\ndef rows():\n    return 200\n",
        # Methods of a class, named as no view class of any framework answers.
        "import requests\n\nclass Range:\n    @property\n    def lower(self):\n        return 200\n\n"
        "    def fetch(self, url):\n        return requests.get(url).status_code == 404\n",
        # A Falcon-like prefix without a verb after it.
        "import requests\n\nclass Server:\n    def on_bind(self, port):\n"
        "        return requests.get(port).status_code == 404\n",
    ],
    ids=["decorated", "methods", "prefix without a verb"],
)
def test_a_module_without_route_decorators_or_view_methods_has_no_handler(source: str) -> None:
    assert not may_have_handler(_context(source))  # type: ignore[arg-type]


def test_the_gate_names_every_framework_s_route_decorators_and_view_methods() -> None:
    """`may_have_handler` reads the route decorators and view methods `api/reach.py` derives from the declarations:
    they are the ones the handler model's table indexes."""
    idioms = build()
    assert {
        name for name, rows in idioms.route_names.items() if any(not r.view_class for r in rows)
    } == reach.ROUTE_NAMES
    assert {
        name for name, rows in idioms.route_attributes.items() if any(not r.view_class for r in rows)
    } == reach.ROUTE_ATTRIBUTES
    assert idioms.view_method_names == reach.VIEW_METHOD_NAMES
    assert idioms.view_prefixes == reach.VIEW_PREFIXES
    # A view class whose prefix were empty would answer with methods `VIEW_PREFIXES` does not name.
    assert all(row.prefix is None or row.prefix for row in idioms.view_classes)


def test_a_function_named_by_a_call_that_registers_nothing_is_no_handler() -> None:
    source = (
        "import requests\n\n\ndef value():\n    return 1\n\n\n"
        "def fetch(url):\n    return requests.request('GET', url, params=value).status_code == 404\n"
    )
    context = _context(source)
    kept = [call for call, _ in context.candidates.calls]  # type: ignore[attr-defined]
    assert any(isinstance(call.func, ast.Attribute) and call.func.attr == "request" for call in kept)
    assert not may_have_handler(context)  # type: ignore[arg-type]
    registered = source.replace("requests.request('GET', url, params=value)", "requests.get(url)") + (
        "\n\nfrom aiohttp import web\napp = web.Application()\napp.router.add_get('/', value)\n"
    )
    assert may_have_handler(_context(registered))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", ["on_get", "on_get_item", "on_post_", "on_bind", "on_", "on_gets", "get", "on_options"]
)
def test_the_gate_reads_a_prefixed_view_method_as_the_routes_do(name: str) -> None:
    falcon = next(row for row in build().view_classes if row.prefix)
    assert gates._view_method_name(name) == (name in reach.VIEW_METHOD_NAMES or bool(_verbs(falcon, name)))


_PLAIN_OK = (
    "from django.http import JsonResponse\nfrom .models import Item\n\n\ndef add(request):\n"
    "    item = Item.objects.create(name='x')\n    return JsonResponse({'id': item.pk})\n"
)


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        (_PLAIN_OK, False),  # a 200 outside any handler, reached by requests of any method
        (_PLAIN_OK.replace("    item =", "    if request.method != 'POST':\n        return None\n    item ="), True),
        (
            _PLAIN_OK.replace("def add", "@require_POST\ndef add").replace(
                "from .models", "from django.views.decorators.http import require_POST\nfrom .models"
            ),
            True,
        ),
    ],
    ids=["any method", "method test", "handler"],
)
def test_the_created_gate_lets_a_200_through_only_where_a_method_is_known(source: str, runs: bool) -> None:
    context = _context(source)
    assert any(site.code == 200 for site in context.sites)  # type: ignore[attr-defined]
    assert GATES["choices.created"](context) is runs  # type: ignore[arg-type]
    findings = {
        f.code
        for f in analyse_module(
            ast.parse(source), source.splitlines(keepends=True), "m.py", Settings(), gated=False
        ).findings
    }
    assert ("HTS904" in findings) is runs


def test_the_content_gate_names_every_key_an_error_payload_needs() -> None:
    from flake8_http_status.rules.choices import payloads

    needed = (
        payloads._STATUS_KEYS
        | payloads._FAILURE_FLAGS
        | payloads._OUTCOME_KEYS
        | payloads._MESSAGE_KEYS
        | payloads._ERROR_KEYS
    )
    assert needed == gates.PAYLOAD_KEYS


_PLAIN_PAYLOAD = (
    "from django.http import JsonResponse\n\n\ndef answer(request):\n    return JsonResponse({'items': []})\n"
)


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        (_PLAIN_PAYLOAD, False),  # a success outside any handler, with no key an error payload has
        (_PLAIN_PAYLOAD.replace("{'items': []}", "{'error': 'no items'}"), True),
        (_PLAIN_PAYLOAD.replace("{'items': []}", "dict(success=False)"), True),
        (
            _PLAIN_PAYLOAD.replace(
                "return JsonResponse({'items': []})", "p = {'ok': False}\n    return JsonResponse(p)"
            ),
            True,
        ),
    ],
    ids=["no payload key", "error key", "keyword", "bound once"],
)
def test_the_content_gate_lets_a_success_through_only_with_an_error_payload_key(source: str, runs: bool) -> None:
    context = _context(source)
    assert any(site.code == 200 for site in context.sites)  # type: ignore[attr-defined]
    assert not may_have_handler(context)  # type: ignore[arg-type]
    assert GATES["choices.content"](context) is runs  # type: ignore[arg-type]
    lines = source.splitlines(keepends=True)
    findings = {f.code for f in analyse_module(ast.parse(source), lines, "m.py", Settings(), gated=False).findings}
    assert ("HTS911" in findings) is runs


def test_a_gate_several_modules_ask_is_answered_once_per_module() -> None:
    """`may_have_handler` walks the module's functions: the created and content gates share one answer per module."""
    asked: list[object] = []

    def gate(context: object) -> bool:
        asked.append(context)
        return len(asked) == 1

    once = gates._once(gate)
    first = _context("from flask import Flask\n")
    second = _context("from flask import Flask\n")
    assert once(first) is True and once(first) is True  # type: ignore[arg-type]
    assert once(second) is False and once(second) is False  # type: ignore[arg-type]
    assert asked == [first, second]
