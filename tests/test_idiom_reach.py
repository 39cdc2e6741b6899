"""The handler model's idioms per module (`api.idiom_modules`, `reach.IDIOMS_*`) lose nothing.

A module's handler model indexes only the idioms of the declarations its imports can reach, plus those with a row
that matches by name alone; every fixture (the single-file apps and every module of the fixture projects) is
analysed with every rule shown, with those idioms and with every framework's, and must give the same findings,
fixes and messages included. `tests/test_framework_reach.py` generates the reach data from the declarations.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, read, split_options

from flake8_http_status import api
from flake8_http_status.api import reach
from flake8_http_status.engine import analyse_module
from flake8_http_status.findings import Finding
from flake8_http_status.handlers import handler_model, table
from flake8_http_status.handlers.table import Idioms, idioms_for
from flake8_http_status.options import Settings, settings_from_args


def _everything(code: str) -> bool:
    return True


def _analysed(path: Path, settings: Settings) -> tuple[list[Finding], Idioms | None]:
    """The findings, and the idioms the handler model read (None: it did not run). Every rule module runs, also
    those whose gate (`rules.gates`) stops it, so that the handler model runs on as many fixtures as can build it
    (`tests/test_gates.py` shows the gates change no finding)."""
    source = path.read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    analysis = analyse_module(tree, lines, str(path), settings, shown=_everything, gated=False)
    context = analysis.context
    ran = context is not None and "handlers" in vars(context)
    return analysis.findings, context.handlers.idioms if context is not None and ran else None


def _own_idioms(monkeypatch: pytest.MonkeyPatch) -> None:
    """No idioms of every framework built for an earlier module (`table.idioms_for` would serve those)."""
    monkeypatch.setattr(table, "_EVERY", {})


def _with_every_framework(monkeypatch: pytest.MonkeyPatch) -> None:
    """The handler model as it was: every declaration's idioms, and the calls of every framework's table."""
    _own_idioms(monkeypatch)
    monkeypatch.setattr(handler_model, "idiom_modules", lambda packages: api.MODULES)
    monkeypatch.setattr(handler_model, "reached_modules", lambda packages: api.MODULES)


def _settings(path: Path) -> Settings:
    return settings_from_args(split_options(read(path).options)[0])


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_fixture_gives_the_same_findings_with_its_idioms_and_with_every_frameworks(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(path)
    _own_idioms(monkeypatch)
    per_module, _ = _analysed(path, settings)
    with monkeypatch.context() as patched:
        _with_every_framework(patched)
        everything, _ = _analysed(path, settings)
    assert per_module == everything


def test_many_fixtures_run_the_handler_model_with_fewer_frameworks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: the comparison above runs the handler model on many fixtures with a subset of the idioms."""
    subsets = 0
    for path in fixture_files():
        _own_idioms(monkeypatch)
        settings = _settings(path)
        idioms = _analysed(path, settings)[1]
        subsets += idioms is not None and idioms is not table._cached(
            settings.auth_decorators, settings.auth_dependencies, settings.creation_calls, api.MODULES
        )
    assert subsets > len(fixture_files()) // 3  # the fixture projects' modules have project facts: every framework
    assert len(api.idiom_modules({"flask"})) < len(api.MODULES) // 2


def test_a_flask_module_reads_no_other_frameworks_idioms() -> None:
    modules = api.idiom_modules({"flask", "os"})
    assert {"flask", "werkzeug"} <= set(modules)
    assert not {"django", "drf", "aiohttp", "fastapi", "ninja", "starlette"} & set(modules)
    assert set(reach.IDIOMS_ALWAYS) | set(api.reached_modules({"flask"})) == set(modules)
    assert list(modules) == [module for module in api.MODULES if module in modules]  # table order kept


def test_name_alone_idioms_are_always_read() -> None:
    """Creations (a Django manager's `objects.create` needs no import of Django), request data, auth checks, the
    generic auth decorators and builtin exceptions match by name: their declarations are read for every module."""
    assert {"storage", "generic", "errors", "tornado"} <= reach.IDIOMS_ALWAYS
    assert not [f.name for f in api.all_frameworks() if f.creations and f.name not in reach.IDIOMS_ALWAYS]


def test_the_project_settings_still_apply() -> None:
    settings = Settings(
        auth_decorators=("shop.auth.staff_only",), auth_dependencies=("shop.deps.user",), creation_calls=("make",)
    )
    idioms = idioms_for(settings, api.idiom_modules({"fastapi"}))
    assert idioms.auth_bare_names["staff_only"][-1].framework == "project"
    project = idioms.auth_dependencies[-1]
    assert project.names == ("shop.deps.user",) and "fastapi.Depends" in project.wrappers
    assert "make" in idioms.creation_names


def test_idioms_are_built_once_per_set_of_frameworks(monkeypatch: pytest.MonkeyPatch) -> None:
    _own_idioms(monkeypatch)
    settings = Settings()
    flask = idioms_for(settings, api.idiom_modules({"flask"}))
    assert flask is idioms_for(settings, api.idiom_modules(["flask", "os"]))
    assert flask is not idioms_for(settings, api.idiom_modules({"django"}))


def test_once_every_frameworks_idioms_are_built_every_module_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run over a tree whose modules import each other (Django) builds them for its modules with project facts:
    they answer alike in any module, so no subset is built besides."""
    _own_idioms(monkeypatch)
    settings = Settings(creation_calls=("make",))
    every = idioms_for(settings)
    assert idioms_for(settings, api.idiom_modules({"flask"})) is every
    assert idioms_for(Settings(), api.idiom_modules({"flask"})) is not every  # other project rows: their own


def _status_frameworks(module: str) -> set[str]:
    return {row.framework for row in api.framework_of(module).apis()}


def test_keyed_idioms_are_declared_with_their_framework() -> None:
    """Rows read for a site's framework (bodiless, body and header arguments, automatic headers, redirect flags,
    exception views) or a handler's (plain returns, documented statuses, body writes) are read from the module's
    idioms: the declaration holding them must be loaded wherever such a site or handler can be. A handler's
    framework is its row's, which names its own declaration (`test_frameworks.py`); a site's is its status row's,
    whose declaration the module's status table loads, and which `idiom_modules` adds."""
    names = dict(zip(api.MODULES, (f.name for f in api.all_frameworks()), strict=True))
    for module, framework in zip(api.MODULES, api.all_frameworks(), strict=True):
        keyed = (
            framework.bodiless,
            framework.plain_return,
            framework.documented,
            framework.body_arguments,
            framework.header_arguments,
            framework.auto_headers,
            framework.redirect_flags,
            framework.exception_views,
            framework.body_writes,
        )
        if not any(keyed):
            continue
        others = [other for other in api.MODULES if other != module and framework.name in _status_frameworks(other)]
        always = reach.IDIOMS_ALWAYS | reach.ALWAYS
        assert module in always or not others, f"{names[module]}'s sites are also declared in {others}"
        assert _status_frameworks(module) <= {framework.name}, module


def test_settings_read_by_attribute_name_are_one_frameworks() -> None:
    """A permission setting's or an authenticator setting's class attribute is answered by the first setting
    naming it (`handlers.auth`): two frameworks' settings on one attribute would let a framework not loaded hide
    another's, which the reach data does not allow for."""
    attributes = [
        name
        for framework in api.all_frameworks()
        for setting in framework.permission_settings
        for name in (setting.attribute,)
        if name is not None
    ]
    attributes += [setting.attribute for f in api.all_frameworks() for setting in f.authenticator_settings]
    decorators = {s.decorators_attribute for f in api.all_frameworks() for s in f.permission_settings}
    assert len(attributes) == len(set(attributes)) and not decorators & set(attributes)
