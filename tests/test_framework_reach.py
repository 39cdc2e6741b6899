"""`api/reach.py`: which framework declarations a module can use, derived from the declarations themselves.

The file is generated so that a module's analysis need not import every declaration to learn which ones its
imports can reach; these tests fail when it is stale (`HTTP_STATUS_UPDATE_REACH=1 pytest
tests/test_framework_reach.py` rewrites it), and check that a module's table finds what the whole table finds.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import pytest

from flake8_http_status import api
from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.status_sites import find_sites
from flake8_http_status.analysis.test_modules import is_test_module
from flake8_http_status.api import reach
from flake8_http_status.api.framework import Framework
from flake8_http_status.api.rows import Receiver
from flake8_http_status.engine import build_context, module_table
from flake8_http_status.options import Settings

_REACH = Path(api.__file__).resolve().parent / "reach.py"


def _root(name: str) -> str:
    return name.partition(".")[0]


def _by_name_alone(receiver: Receiver) -> bool:
    """A receiver the analysis matches without any import (`analysis.receivers.Receivers.matches`): any receiver,
    an untyped one in a test module, or one named like a response when no import gates it."""
    return receiver.any_receiver or receiver.in_tests or (bool(receiver.names) and not receiver.gate)


def reaching_packages(framework: Framework) -> tuple[set[str], bool]:
    """The top-level packages whose import can make one of the framework's status rows match, and whether a row
    matches with none (by name alone), which loads the framework for every module.

    A row matches through a module's imports when it names a callable (`CallRow`, qualified through the imports),
    a receiver's or a base class's type (a type the imports give, or the project index, which takes the whole
    table), a gate (`imports_any`). Keyword, helper and default rows match function names by pattern."""
    packages = set(framework.roots)
    alone = bool(framework.keywords or framework.helpers or framework.defaults)
    for row in framework.calls:
        packages.update(_root(name) for name in row.names)
        alone |= any("." not in name for name in row.names)  # a bare name is looked up by last name
    for receiver in (
        *(row.receiver for row in framework.methods),
        *(row.receiver for row in framework.attributes),
        *(row.receiver for row in framework.comparisons),
    ):
        packages.update(_root(name) for name in (*receiver.owners, *receiver.gate))
        alone |= _by_name_alone(receiver)
    alone |= any(row.variable for row in framework.comparisons)
    for cls in framework.class_attributes:
        packages.update(_root(name) for name in cls.bases)
        alone |= cls.any_base
    for ret in framework.returns:
        packages.update(
            _root(name)
            for name in (
                *ret.gate,
                *ret.route_owners,
                *ret.view_bases,
                *ret.body_calls,
                *ret.body_names,
                *ret.marking_returns,
            )
        )
    # A type no import gives (`object`, a builtin) could match without one.
    alone |= "builtins" in packages
    return packages, alone


def _roots(*groups: tuple[str, ...]) -> set[str]:
    return {_root(name) for names in groups for name in names}


def idiom_packages(framework: Framework, frameworks: tuple[Framework, ...]) -> tuple[set[str], bool]:
    """The top-level packages whose import can make one of the framework's handler idiom rows (`api.idioms`)
    match, and whether a row matches with none (by a bare name), which loads the framework for every module the
    handler model reads. As `handlers/*` reads them:

    - through the imports (`ImportMap.qualify`, or a receiver's type or a class's ancestors, which are qualified
      through the imports too): route decorators (names, owners, gate), registrations (names; attributes in
      modules importing `gate`), view classes (bases, or `gate`), marked handlers, auth decorators' names and
      owners, auth bases, auth calls, permission classes and the decorators of permission settings, the
      challenging authenticators, exception classes, outgoing prefixes;
    - rows every framework's rows are tried together with, so that any one's import reaches them all: auth
      arguments (a route that passes the keyword without proof is no proof, whichever framework's keyword it
      is), auth dependencies (once a wrapper matched, every row's names and name pattern are tried), a setting's
      `permission_classes` attribute (it proves through any framework's permission classes);
    - by a bare name: an auth decorator's attribute (an owner named like `auth`) and bare names, auth checks
      (attribute and receiver names), a `decorators` class attribute, creations (a method's name and its
      receiver's text; their words also decide which functions are searched at all), request data, builtin
      exceptions;
    - rows read for a site or a handler of the framework only (bodiless, plain returns, documented statuses, body
      and header arguments, automatic headers, redirect flags, exception views, body writes): a site's
      declaration is loaded with the module's status table, a handler's with the row that made it one
      (`test_keyed_idioms_are_declared_with_their_framework`)."""
    packages: set[str] = set()
    alone = False
    for route in framework.route_decorators:
        packages |= _roots(route.names, route.owners, route.gate)
    for registration in framework.registrations:
        packages |= _roots(registration.names, registration.gate)
    for view in framework.view_classes:
        packages |= _roots(view.bases, view.gate)
    for marked in framework.marked_handlers:
        packages |= _roots(marked.gate)
    for decorator in framework.auth_decorators:
        packages |= _roots(decorator.names, decorator.owners)
        alone |= bool(decorator.attributes or decorator.bare_names)
    if framework.auth_arguments:
        packages |= _roots(
            *(names for f in frameworks for a in f.auth_arguments for names in (a.names, a.bases, a.owners))
        )
    packages |= _roots(*(base.names for base in framework.auth_bases))
    packages |= _roots(*(call.names for call in framework.auth_calls))
    if framework.auth_dependencies:
        packages |= _roots(*(d.wrappers for f in frameworks for d in f.auth_dependencies))
    packages |= _roots(*(permission.names for permission in framework.permission_classes))
    for setting in framework.permission_settings:
        packages |= _roots(setting.decorator, setting.method_decorator)
        if setting.attribute:
            packages |= _roots(*(p.names for f in frameworks for p in f.permission_classes))
        alone |= setting.decorators_attribute is not None
    packages |= _roots(*(setting.challenging for setting in framework.authenticator_settings))
    alone |= bool(framework.auth_checks or framework.creations or framework.request_data)
    for exception in framework.exceptions:
        packages |= _roots(exception.names)
        alone |= bool(exception.builtins)
    packages |= _roots(*(outgoing.prefixes for outgoing in framework.outgoing))
    # A type no import gives (`builtins.object`, an ancestor of any class) could match without one.
    alone |= "builtins" in packages
    return packages, alone


def registration_words(frameworks: tuple[Framework, ...]) -> set[str]:
    """Last names of calls that register handlers (`web.post`, `add_url_rule`), which the handler model reads."""
    words: set[str] = set()
    for row in (row for framework in frameworks for row in framework.registrations):
        words.update(name.rpartition(".")[2] for name in row.names)
        words.update(row.attributes)
    return words


def derive() -> dict[str, object]:
    frameworks = dict(zip(api.MODULES, api.all_frameworks(), strict=True))
    always: set[str] = set()
    reached_by: dict[str, list[str]] = {}
    library: set[str] = set()
    for module, framework in frameworks.items():
        library.update(framework.roots)
        if not any(True for _ in framework.apis()):
            continue  # idioms only (`handlers.table`): no status row to load
        packages, alone = reaching_packages(framework)
        if alone or not packages:
            always.add(module)
        for package in sorted(packages):
            reached_by.setdefault(package, []).append(module)
    for framework in frameworks.values():  # what `LIBRARY_PACKAGES` always held
        library.update(_root(name) for row in framework.calls for name in row.names)
        for receiver in (
            *(row.receiver for row in framework.methods),
            *(row.receiver for row in framework.attributes),
            *(row.receiver for row in framework.comparisons),
        ):
            library.update(_root(name) for name in (*receiver.owners, *receiver.gate))
    callees = {name.rpartition(".")[2] for f in frameworks.values() for row in f.calls for name in row.names}
    callees.update(name for f in frameworks.values() for row in f.methods for name in row.methods)
    registering = registration_words(tuple(frameworks.values()))
    callees.update(registering)
    idioms_always: set[str] = set()
    idioms_reached_by: dict[str, list[str]] = {}
    for module, framework in frameworks.items():
        packages, alone = idiom_packages(framework, tuple(frameworks.values()))
        if alone:
            idioms_always.add(module)
            continue  # loaded anyway: not repeated under its packages
        for package in sorted(packages):
            idioms_reached_by.setdefault(package, []).append(module)
    return {
        "ALWAYS": sorted(always),
        "REACHED_BY": {package: tuple(modules) for package, modules in sorted(reached_by.items())},
        "FRAMEWORK_ROOTS": tuple(root for f in frameworks.values() for root in f.roots),
        "LIBRARY_ROOTS": sorted(library - set(sys.stdlib_module_names)),
        "PATH_PARAMETERS": tuple(dict.fromkeys(p for f in frameworks.values() for p in f.path_parameters)),
        "INJECTED_TYPES": sorted({name for f in frameworks.values() for name in f.injected_types}),
        "FAMILIES": tuple(
            (f.name, f.roots, f.family.style, f.builds_on) for f in frameworks.values() if f.family is not None
        ),
        "CALLEE_NAMES": sorted(callees),
        "IDIOMS_ALWAYS": sorted(idioms_always),
        "IDIOMS_REACHED_BY": {package: tuple(modules) for package, modules in sorted(idioms_reached_by.items())},
        "REGISTRATION_WORDS": sorted(registering),
        "MARKED_GATES": tuple(gate for f in frameworks.values() for row in f.marked_handlers for gate in row.gate),
        # A decorator of a class-based view marks no function: the handlers are the view's methods.
        "ROUTE_NAMES": sorted(
            {
                name
                for f in frameworks.values()
                for row in f.route_decorators
                if not row.view_class
                for name in row.names
            }
        ),
        "ROUTE_ATTRIBUTES": sorted(
            {a for f in frameworks.values() for row in f.route_decorators if not row.view_class for a in row.attributes}
        ),
        "VIEW_METHOD_NAMES": sorted(
            {name for f in frameworks.values() for row in f.view_classes for name, _ in row.methods}
        ),
        "VIEW_PREFIXES": tuple(row.prefix for f in frameworks.values() for row in f.view_classes if row.prefix),
    }


_HEAD = '''"""Which framework declarations a module's table needs, by the top-level packages the module imports.

Generated from the declarations (`api.MODULES`) by `tests/test_framework_reach.py`, which fails when it is stale;
`HTTP_STATUS_UPDATE_REACH=1 pytest tests/test_framework_reach.py` rewrites it. It lets a module's analysis load
only the declarations its imports can reach (for its status table, and for the handler model's idioms), and lets
the rest of the package read what every declaration says (roots, path syntax, injected types, families, callee
names) without importing them all.
"""

from __future__ import annotations

from typing import Final

'''

_COMMENTS = {
    "ALWAYS": "Declarations loaded for every module: a status row of theirs matches by name alone, with no import.",
    "REACHED_BY": "Top-level package -> the declarations with a status row that an import of it can make match.",
    "FRAMEWORK_ROOTS": "Every declaration's `roots`, in table order.",
    "LIBRARY_ROOTS": "Top-level packages (outside the stdlib) that a declaration's roots or status rows name.",
    "PATH_PARAMETERS": "Every framework's patterns for one parameter segment of a route path.",
    "INJECTED_TYPES": "Annotations of handler parameters that some framework fills itself.",
    "FAMILIES": "(framework, roots, constant family style, frameworks it builds on), in table order.",
    "CALLEE_NAMES": "Last names of every framework's status calls, status methods and handler-registering calls.",
    "IDIOMS_ALWAYS": "Declarations whose handler idiom rows match by name alone: loaded wherever the handler model runs.",
    "IDIOMS_REACHED_BY": "Top-level package -> the other declarations with a handler idiom row its import can make match.",
    "REGISTRATION_WORDS": "Last names of every framework's handler-registering calls (the handler model's filter).",
    "MARKED_GATES": "Packages whose import makes module-level functions handlers nothing registers (Connexion's).",
    "ROUTE_NAMES": "Qualified names of every framework's route decorators that mark a function (not a view class).",
    "ROUTE_ATTRIBUTES": "Attribute names of every framework's route decorators that mark a function (`@app.post`).",
    "VIEW_METHOD_NAMES": "Method names some framework's view class answers with.",
    "VIEW_PREFIXES": "Prefixes of view methods answering by the verb that follows (Falcon's `on_get`, `on_get_item`).",
}

_TYPES = {
    "ALWAYS": "frozenset[str]",
    "REACHED_BY": "dict[str, tuple[str, ...]]",
    "FRAMEWORK_ROOTS": "tuple[str, ...]",
    "LIBRARY_ROOTS": "frozenset[str]",
    "PATH_PARAMETERS": "tuple[str, ...]",
    "INJECTED_TYPES": "frozenset[str]",
    "FAMILIES": "tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...]",
    "CALLEE_NAMES": "frozenset[str]",
    "IDIOMS_ALWAYS": "frozenset[str]",
    "IDIOMS_REACHED_BY": "dict[str, tuple[str, ...]]",
    "REGISTRATION_WORDS": "frozenset[str]",
    "MARKED_GATES": "tuple[str, ...]",
    "ROUTE_NAMES": "frozenset[str]",
    "ROUTE_ATTRIBUTES": "frozenset[str]",
    "VIEW_METHOD_NAMES": "frozenset[str]",
    "VIEW_PREFIXES": "tuple[str, ...]",
}


def render() -> str:
    parts = [_HEAD]
    for name, value in derive().items():
        text = repr(value)
        if _TYPES[name].startswith("frozenset"):
            text = f"frozenset({{{', '.join(repr(item) for item in value)}}})"  # type: ignore[attr-defined]
        parts.append(f"# {_COMMENTS[name]}\n{name}: Final[{_TYPES[name]}] = {text}\n\n")
    return "".join(parts).rstrip("\n") + "\n"


def test_reach_is_generated_from_the_declarations() -> None:
    expected = render()
    if os.environ.get("HTTP_STATUS_UPDATE_REACH") == "1":
        _REACH.write_text(expected, encoding="utf-8")
    # Compared as data: `ruff format` may wrap the generated lines.
    assert {name: getattr(reach, name) for name in _TYPES} == _evaluated(expected), (
        "api/reach.py is stale: HTTP_STATUS_UPDATE_REACH=1 pytest tests/test_framework_reach.py"
    )


def _evaluated(source: str) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(compile(source, "reach.py", "exec"), namespace)  # the text this test itself generated
    return {name: namespace[name] for name in _TYPES}


def test_the_static_answers_are_the_declarations() -> None:
    frameworks = api.all_frameworks()
    roots = tuple(root for f in frameworks for root in f.roots)
    injected = frozenset(name for f in frameworks for name in f.injected_types)
    callees = api.default_table().callee_names
    assert (
        roots,
        injected,
        callees,
    ) == (api.FRAMEWORK_ROOTS, api.INJECTED_TYPES, reach.CALLEE_NAMES | api.COMPARISON_CALLS)


def test_name_alone_rows_are_always_loaded() -> None:
    """A framework whose rows match without an import (WebTest's untyped receivers in tests, the generic names)."""
    assert {"generic", "clients", "webtest"} <= reach.ALWAYS
    assert "django" not in reach.ALWAYS and "aiohttp" not in reach.ALWAYS


def test_a_module_reaches_the_frameworks_of_its_imports_and_the_name_alone_ones() -> None:
    reached = api.reached_modules({"flask_restful", "os"})
    assert "flask" in reached and "werkzeug" not in reach.ALWAYS
    assert "django" not in reached and "fastapi" not in reached
    assert set(reach.ALWAYS) <= set(reached)
    assert list(reached) == [module for module in api.MODULES if module in reached]  # table order kept


def test_a_table_is_built_once_per_set_of_frameworks() -> None:
    modules = api.reached_modules({"flask"})
    assert api.table_of(modules) is api.table_of(api.reached_modules(["flask", "os", "flask"]))


def _sites(source: str, table: api.Table, *, in_tests: bool) -> list[tuple[int, int, str, str]]:
    tree = ast.parse(source)
    imports = collect_imports(tree)
    candidates, bindings = collect(tree, imports, table)
    sites, _ = find_sites(tree, imports, candidates, bindings, table, in_tests=in_tests)
    return sorted((*_position(site.anchor), site.api.label, repr(site.value)) for site in sites)


def _position(node: ast.AST) -> tuple[int, int]:
    located = node.pattern if isinstance(node, ast.match_case) else node
    return getattr(located, "lineno", 0), getattr(located, "col_offset", 0)


_FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").rglob("*.py"))


@pytest.mark.parametrize("path", _FIXTURES, ids=lambda path: str(path.relative_to(path.parents[1])))
def test_a_modules_table_finds_the_sites_the_whole_table_finds(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    imports = collect_imports(tree)
    collect(tree, imports, api.default_table())  # adds the imports of functions and classes
    packages = {module.partition(".")[0] for module in imports.modules}
    in_tests = is_test_module(str(path))
    reached = api.table_of(api.reached_modules(packages))
    assert _sites(source, reached, in_tests=in_tests) == _sites(source, api.default_table(), in_tests=in_tests)


@pytest.mark.parametrize(
    "source",
    [
        "def view():\n    from django.http import HttpResponse\n    return HttpResponse(status=404)\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from django.http import HttpResponse\n",
        "try:\n    import django.http as h\nexcept ImportError:\n    h = None\n",
        "from django import http as h\n",
    ],
    ids=["in-a-function", "type-checking", "try", "aliased"],
)
def test_an_import_anywhere_in_the_module_reaches_its_framework(source: str) -> None:
    tree = ast.parse(source)
    imports = collect_imports(tree)
    collect(tree, imports, module_table(imports, ()))  # the walk adds the imports of functions
    table = module_table(imports, ())
    assert "django.http.HttpResponse" in table.calls
    assert "aiohttp.web.Response" not in table.calls


def test_project_facts_keep_every_framework(tmp_path: Path) -> None:
    """A module that reaches a framework through its project (a base class, a re-exported helper) is analysed with
    the whole table, which the index also summarises the project's other modules with."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'shop'\n", encoding="utf-8")
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "compat.py").write_text("from django.http import Http404, HttpResponse\n", encoding="utf-8")
    source = "from .compat import HttpResponse\n\n\ndef view(request):\n    return HttpResponse(status=404)\n"
    (package / "views.py").write_text(source, encoding="utf-8")
    context = build_context(ast.parse(source), source.splitlines(True), str(package / "views.py"), Settings())
    assert context.project is not None
    assert [site.value.code for site in context.sites] == [404]
