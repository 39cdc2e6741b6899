"""Decide whether `<receiver>.method(...)` or `<receiver>.attribute` belongs to a table row."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..api import LIBRARY_PACKAGES
from ..api.rows import Api, Receiver
from .collect import Bindings
from .imports import ImportMap
from .sites import Scope

if TYPE_CHECKING:
    from .project_facts import ProjectFacts

_LOCAL = "<local>."


class Receivers:
    def __init__(
        self, imports: ImportMap, bindings: Bindings, *, in_tests: bool = False, project: ProjectFacts | None = None
    ) -> None:
        self.imports = imports
        self.bindings = bindings
        self.in_tests = in_tests  # the module is a test module (`Receiver.in_tests`)
        self.project = project
        self._ancestors: dict[str, frozenset[str] | None] = {}
        # `types_of`'s answers: a receiver is typed once per row that names its method or attribute (ten rows name
        # `get`), and the answer depends only on the node and the class its `self` is. The key holds the node itself,
        # so that its id cannot be reused while the answer is kept.
        self._types: dict[tuple[ast.expr, ast.ClassDef | None], frozenset[str] | None] = {}

    def matches(self, receiver: Receiver, node: ast.expr, scope: Scope, *, decorating: bool = False) -> bool:
        if receiver.any_receiver:
            return True
        if receiver.proven:
            return self._proven(receiver, node, scope)
        if receiver.owners:
            types = self.types_of(node, scope)
            if types is not None:
                return not types.isdisjoint(receiver.owners)
        if receiver.in_tests and self.in_tests:
            return True
        if not receiver.gate and not receiver.names:
            return False
        if receiver.untyped_only_in_decorators and not decorating:
            return False
        if receiver.gate and not self.imports.imports_any(receiver.gate):
            return False
        return not receiver.names or name_matches(last_name(node), receiver.names)

    def _proven(self, receiver: Receiver, node: ast.expr, scope: Scope) -> bool:
        if not isinstance(node, ast.Name) or scope.function is None:
            return False
        from .local_binding import bound_only_by_calls  # a local receiver a row's owner may have made

        callees = bound_only_by_calls(node.id, scope.function, receiver.owners, self.imports.qualify)
        # A callee name the module also binds otherwise (`def make_response(): ...`) may not be the import.
        return callees is not None and all(self.bindings.bound[callee] <= 1 for callee in callees)

    def types_of(self, node: ast.expr, scope: Scope) -> frozenset[str] | None:
        """The qualified names `node` is known to be an instance of (or to be), or None if unknown."""
        key = (node, scope.cls)
        if key not in self._types:
            self._types[key] = self._types_of(node, scope)
        return self._types[key]

    def _types_of(self, node: ast.expr, scope: Scope) -> frozenset[str] | None:
        if isinstance(node, ast.Name):
            if node.id in ("self", "cls") and scope.cls is not None:
                ancestors = self.class_ancestors(scope.cls)
                # A class whose only bases are object or local mixins is itself a mixin:
                # its `self` is whatever it gets mixed into.
                if ancestors is None or not any(is_external(name) for name in ancestors):
                    return None
                return ancestors
            bound = self.bindings.type_of(node.id)
            if bound is not None:
                return self._expand(bound)
        elif isinstance(node, ast.Call):
            qualified = self.imports.qualify(node.func)
            return self._expand(qualified) if qualified else None
        qualified = self.imports.qualify(node)
        if self.project is not None and (qualified is None or self._foreign_object(qualified)):
            absolute = qualified or self.project.qualify(node)
            return self.project.types(absolute) if absolute else None
        if qualified is None or self._foreign_object(qualified):
            return None
        return frozenset({qualified})

    def _foreign_object(self, qualified: str) -> bool:
        """An object imported from a package the table knows nothing about (`from myproject.api import api`).

        Importing an instance says nothing about its class, so its type is unknown, as with a relative import.
        An object of a known library keeps its name (`from flask import request`, `from bottle import response`),
        and so does a module an `import` statement names.
        """
        return qualified.partition(".")[0] not in LIBRARY_PACKAGES and qualified not in self.imports.imported_modules

    def class_ancestors(self, node: ast.ClassDef) -> frozenset[str] | None:
        """Qualified names of a class's bases, through classes of the same module; None if any is unknown."""
        return self._ancestors_of(node.name, node)

    def _expand(self, type_name: str) -> frozenset[str] | None:
        if type_name.startswith(_LOCAL):
            local = self.bindings.classes.get(type_name[len(_LOCAL) :])
            return self._ancestors_of(local.name, local) if local else None
        return frozenset({type_name})

    def _ancestors_of(self, name: str, node: ast.ClassDef) -> frozenset[str] | None:
        key = f"{id(node)}"
        if key in self._ancestors:
            return self._ancestors[key]
        self._ancestors[key] = None  # a cycle through a redefined name resolves to unknown
        found: set[str] = set()
        for base in node.bases:
            names = self._base_names(base, node)
            if names is None:
                return None
            found.update(names)
        result = frozenset(found)
        self._ancestors[key] = result
        return result

    def _base_names(self, base: ast.expr, owner: ast.ClassDef) -> frozenset[str] | None:
        if isinstance(base, ast.Subscript):  # Generic[T], BaseView[Model]
            base = base.value
        if isinstance(base, ast.Name) and base.id not in self.imports.names and base.id not in self.imports.relative:
            local = self.bindings.classes.get(base.id)
            if local is None or local is owner:
                return frozenset({"builtins.object"}) if base.id == "object" else None
            inherited = self._ancestors_of(local.name, local)
            return None if inherited is None else inherited | {f"{_LOCAL}{base.id}"}
        qualified = self.imports.qualify(base)
        if self.project is not None and isinstance(base, (ast.Name, ast.Attribute)):
            absolute = qualified or self.project.qualify(base)
            inherited = self.project.ancestors(absolute) if absolute else None
            if inherited is not None:  # a project class of another module: its bases, through the index
                return inherited | {absolute} if absolute else inherited
        return frozenset({qualified}) if qualified else None

    def project_method_rows(self, func: ast.Attribute, scope: Scope) -> tuple[Api, ...] | None:
        """`self.fail(...)` in a class whose single-inheritance chain leaves the module for a project class: the
        rows of the method the index finds there (empty: a project class defines it, and takes no status there).
        None when the module defines it, several bases could, or the chain leaves the project."""
        receiver = func.value
        if self.project is None or not isinstance(receiver, ast.Name) or receiver.id not in ("self", "cls"):
            return None
        current, seen = scope.cls, set()
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            if _defines_itself(current, func.attr):
                return None
            bases = [b for b in current.bases if not (isinstance(b, ast.Name) and b.id == "object")]
            if len(bases) != 1 or not isinstance(bases[0], (ast.Name, ast.Attribute)):
                return None
            base = bases[0]
            if (
                isinstance(base, ast.Name)
                and base.id not in self.imports.names
                and base.id not in self.imports.relative
            ):
                current = self.bindings.classes.get(base.id)
                continue
            absolute = self.imports.qualify(base) or self.project.qualify(base)
            return self.project.method_rows(absolute, func.attr) if absolute else None
        return None

    def defines(self, cls: ast.ClassDef, name: str) -> bool:
        """The class, or a base class of the same module, defines a method `name` itself."""
        seen: set[int] = set()
        pending = [cls]
        while pending:
            current = pending.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            if _defines_itself(current, name):
                return True
            for base in current.bases:
                local = self.bindings.classes.get(base.id) if isinstance(base, ast.Name) else None
                if local is not None:
                    pending.append(local)
        return False


def _defines_itself(cls: ast.ClassDef, name: str) -> bool:
    return any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name
        for statement in cls.body
    )


def is_external(name: str) -> bool:
    """An ancestor from outside the module (`class_ancestors`), not one of its classes or `object`."""
    return not name.startswith(_LOCAL) and name != "builtins.object"


def last_name(node: ast.expr) -> str:
    while isinstance(node, ast.Call):  # iterative: call chains can be deeper than the recursion limit
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def name_matches(name: str, names: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return lowered in names or any(lowered.endswith(f"_{candidate}") for candidate in names)
