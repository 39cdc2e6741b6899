"""Which framework exceptions a class of the module derives from directly, with their status rows.

`class OrderError(HTTPException)` with `super().__init__(status_code=status)` hands its value to FastAPI's slot;
the status flow (`analysis.carriers`) follows it, and `analysis.status_sites` asks first whether any class can.
A base that is a project exception class of another module counts too, with the rows the project index
found for its constructor, and so does one whose error handler sends an attribute (`ProjectFacts.carried`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..api import Table
from ..api.rows import Api, Role
from .children import walk_nodes
from .imports import ImportMap
from .nodes import is_super_init, may_carry_status, says_status

if TYPE_CHECKING:
    from .project_facts import ProjectFacts


class ClassInit:
    """What a class's `__init__` methods do, from one walk made when first asked. `framework_apis` and
    `project_carried` both ask it of every class with a base the project index can name: in a module that imports
    from its project (every Django module), of nearly every class."""

    __slots__ = ("_walked", "cls")

    def __init__(self, cls: ast.ClassDef) -> None:
        self.cls = cls
        self._walked: tuple[list[ast.Call], list[str]] | None = None

    def super_init_calls(self) -> list[ast.Call]:
        """`nodes.super_init_calls`'s calls, in no particular order."""
        return self._walk()[0]

    def attributes(self) -> list[str]:
        """The attributes it assigns (`self.<name> = ...`, where a constructor's parameter becomes the attribute an
        error handler sends), in no particular order."""
        return self._walk()[1]

    def _walk(self) -> tuple[list[ast.Call], list[str]]:
        if self._walked is None:
            calls: list[ast.Call] = []
            attributes: list[str] = []
            for node in _init_nodes(self.cls):
                if type(node) is ast.Call and is_super_init(node.func):
                    calls.append(node)
                elif type(node) is ast.Assign:
                    attributes.extend(target.attr for target in node.targets if isinstance(target, ast.Attribute))
            self._walked = calls, attributes
        return self._walked


def framework_apis(
    cls: ast.ClassDef,
    imports: ImportMap,
    table: Table,
    project: ProjectFacts | None = None,
    init: ClassInit | None = None,
) -> list[Api]:
    """The status rows of the framework (or project) exceptions the class derives from directly. `init`: the walk
    of the class's `__init__`, when the caller shares it with `project_carried`."""
    found: list[Api] = []
    passes: bool | None = None  # `_passes_status_up`, asked at most once per class (it walks the `__init__`)
    for base in cls.bases:
        if not isinstance(base, (ast.Name, ast.Attribute)):
            continue
        qualified = imports.qualify(base)
        if qualified:
            found.extend(api for api in table.calls.get(qualified, ()) if api.slots and api.role is Role.RAISE)
        if project is None or found:
            continue
        # The name first, then the walk: most bases the project cannot name (`Exception`, a class of the module).
        absolute = qualified or project.qualify(base)
        if not absolute:
            continue
        if passes is None:
            passes = _passes_status_up(init or ClassInit(cls))
        if passes:
            found.extend(api for api in project.rows(absolute) if api.slots)
    return found


def _passes_status_up(init: ClassInit) -> bool:
    """The class's `__init__` calls `super().__init__` with an argument that can hold a status: only then can a
    project base's constructor row matter (the check spares reading other modules for every class)."""
    return any(
        any(may_carry_status(argument) for argument in (*call.args, *(k.value for k in call.keywords)))
        for call in init.super_init_calls()
    )


def _attributes_set(init: ClassInit) -> Iterator[str]:
    """Names the class sets in its body, and as `self.<name> = ...` in its `__init__`; in no particular order."""
    for statement in init.cls.body:
        if isinstance(statement, ast.Assign):
            yield from (target.id for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id
    yield from init.attributes()


def _init_nodes(cls: ast.ClassDef) -> Iterator[ast.AST]:
    """Every node of the class's `__init__` methods, in no particular order: a walk over the fields that hold nodes
    (`children.walk_nodes`) rather than `ast.walk`, which is a few times slower. Both questions above are asked
    of nearly every class of a module that imports from its project."""
    for method in cls.body:
        if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or method.name != "__init__":
            continue
        yield from walk_nodes([method])


def project_carried(
    cls: ast.ClassDef, imports: ImportMap, project: ProjectFacts | None, init: ClassInit | None = None
) -> dict[str, Api]:
    """Attributes an error handler of another module sends as the status, for a class deriving from its class.
    `init`: as for `framework_apis`."""
    carried: dict[str, Api] = {}
    if project is None:
        return carried
    bases = [base for base in cls.bases if isinstance(base, (ast.Name, ast.Attribute))]
    absolutes = [name for base in bases if (name := project.qualify(base)) is not None]
    if absolutes and any(says_status(name) for name in _attributes_set(init or ClassInit(cls))):
        for absolute in absolutes:
            carried.update(project.carried(absolute))
    return carried
