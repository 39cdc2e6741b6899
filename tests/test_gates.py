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

from flake8_http_status.engine import analyse_module
from flake8_http_status.findings import Finding
from flake8_http_status.options import Settings, settings_from_args
from flake8_http_status.rules import checkers
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
    ],
    ids=["decorated", "view method", "registered", "connexion"],
)
def test_a_module_with_a_handler_may_have_one(source: str) -> None:
    assert may_have_handler(_context(source))  # type: ignore[arg-type]


def test_a_client_module_has_no_handler() -> None:
    source = "import requests\n\n\ndef fetch(url):\n    return requests.get(url).status_code == 404\n"
    assert not may_have_handler(_context(source))  # type: ignore[arg-type]
