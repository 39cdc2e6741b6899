"""The typed framework table: every module's rows reach its declaration, and every declaration is registered.

mypy checks that each field of a `Framework` holds its own row type; these tests check what a type cannot:
a row defined in a framework module but left out of its declaration, a framework module left out of
`api.all_frameworks()`, a row that names another framework, and rows of the wrong type built at run time.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from types import ModuleType

import pytest

from flake8_http_status import api
from flake8_http_status.api import framework as framework_module
from flake8_http_status.api import idioms
from flake8_http_status.api import rows as row_types
from flake8_http_status.api.framework import Framework
from flake8_http_status.families import FAMILIES

# Modules of the package that hold row types or shared helpers, not a framework.
_NOT_FRAMEWORKS = frozenset({"rows", "idioms", "framework", "common", "reach"})
_ROW_TYPES = tuple(
    value
    for module in (row_types, idioms)
    for value in vars(module).values()
    if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == module.__name__
)


def _framework_modules() -> list[ModuleType]:
    names = [info.name for info in pkgutil.iter_modules(api.__path__) if info.name not in _NOT_FRAMEWORKS]
    return [importlib.import_module(f"{api.__name__}.{name}") for name in sorted(names)]


# The declaration's fields: the keyword parameters of `Framework`, each stored under its own name.
_FIELDS = [name for name in inspect.signature(Framework).parameters if name != "name"]


def _declared_rows(framework: Framework) -> list[object]:
    rows: list[object] = []
    for field in _FIELDS:
        value = getattr(framework, field)
        if isinstance(value, tuple):
            rows.extend(value)
        elif isinstance(value, _ROW_TYPES):
            rows.append(value)
    return rows


def _module_rows(module: ModuleType) -> list[object]:
    """Rows a module binds at its top level, alone or in a tuple (`CALLS = (CallRow(...), ...)`)."""
    rows: list[object] = []
    for name, value in vars(module).items():
        if name.startswith("__") or isinstance(value, type):
            continue
        values = value if isinstance(value, tuple) else (value,)
        rows.extend(item for item in values if isinstance(item, _ROW_TYPES) and not isinstance(item, row_types.Slot))
    return rows


@pytest.mark.parametrize("module", _framework_modules(), ids=lambda module: module.__name__.rpartition(".")[2])
def test_every_module_declares_one_registered_framework(module: ModuleType) -> None:
    declared = getattr(module, "FRAMEWORK", None)
    assert isinstance(declared, Framework), f"{module.__name__} has no FRAMEWORK = Framework(...)"
    assert any(declared is registered for registered in api.all_frameworks()), (
        f"{declared.name} is not in api.all_frameworks()"
    )


@pytest.mark.parametrize("module", _framework_modules(), ids=lambda module: module.__name__.rpartition(".")[2])
def test_no_row_is_left_out_of_the_declaration(module: ModuleType) -> None:
    declared = _declared_rows(module.FRAMEWORK)
    # Rows shared between frameworks (built by helper functions) may also be declared by another module.
    everywhere = [row for registered in api.all_frameworks() for row in _declared_rows(registered)]
    missing = [row for row in _module_rows(module) if row not in declared and row not in everywhere]
    assert not missing, f"{module.__name__} defines rows its FRAMEWORK leaves out: {missing[:3]}"


def test_framework_names_are_unique() -> None:
    names = [framework.name for framework in api.all_frameworks()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("framework", api.all_frameworks(), ids=lambda framework: framework.name)
def test_every_field_holds_its_declared_row_type(framework: Framework) -> None:
    hints = typing.get_type_hints(Framework.__init__, vars(framework_module))
    for field in _FIELDS:
        value = getattr(framework, field)
        expected = hints[field]
        if typing.get_origin(expected) is tuple:
            row_type = typing.get_args(expected)[0]
            assert isinstance(value, tuple), field
            wrong = [row for row in value if not isinstance(row, row_type)]
            assert not wrong, f"{framework.name}.{field} holds {type(wrong[0]).__name__}, not {row_type}"


@pytest.mark.parametrize("framework", api.all_frameworks(), ids=lambda framework: framework.name)
def test_idiom_rows_name_their_own_framework(framework: Framework) -> None:
    # Handler idioms are indexed by framework name (a handler's framework picks its defaults and policies).
    others = [row for row in _declared_rows(framework) if getattr(row, "framework", framework.name) != framework.name]
    assert not others, f"{framework.name} declares rows of {sorted({str(getattr(r, 'framework', '')) for r in others})}"


def test_families_and_bases_exist() -> None:
    names = {framework.name for framework in api.all_frameworks()}
    for framework in api.all_frameworks():
        assert set(framework.builds_on) <= names, framework.name
        if framework.family is not None:
            assert FAMILIES[framework.family.style] is framework.family


def test_roots_belong_to_one_framework() -> None:
    assert len(api.FRAMEWORK_ROOTS) == len(set(api.FRAMEWORK_ROOTS))


@pytest.mark.parametrize(
    ("modules", "family"),
    [
        ({"fastapi", "starlette"}, "fastapi"),  # FastAPI is built on Starlette: its family wins
        ({"starlette"}, "starlette"),
        ({"rest_framework", "django"}, "drf"),
        ({"drf_spectacular"}, "drf"),  # a schema module that imports drf-spectacular alone writes DRF's ints
        ({"litestar"}, "litestar"),
        ({"flask"}, None),  # Flask has no constant family of its own
    ],
)
def test_the_family_of_the_imported_framework(modules: set[str], family: str | None) -> None:
    assert api.framework_family(modules) == family


@pytest.mark.parametrize(
    ("segment", "parameter"),
    [("<int:id>", True), ("{item_id}", True), (":name", True), ("items", False), ("{", False)],
)
def test_path_parameters_of_every_framework(segment: str, parameter: bool) -> None:
    assert (api.PATH_PARAMETER.match(segment) is not None) is parameter


def test_a_misspelt_field_fails_at_import() -> None:
    with pytest.raises(TypeError):
        Framework("x", rotes=("x",))  # type: ignore[call-arg]


def test_every_parameter_is_stored() -> None:
    declared = Framework("x", roots=("x",), documented=frozenset({422}))
    assert all(hasattr(declared, field) for field in _FIELDS)
    assert declared.roots == ("x",) and declared.documented == frozenset({422})
