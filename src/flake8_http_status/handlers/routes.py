"""Which functions are request handlers, of which framework, and for which HTTP methods.

A function is a handler when a route decorator marks it (`@app.post`, `@api_view(["POST"])`,
`@view_config`), when a route table registers it in the same module (`web.post("/", handler)`,
`Route("/", endpoint)`), when it is a method of a class-based view whose name is an HTTP method
(`def post(self, ...)` in a Django `View`, Falcon's `on_post`), or, for handlers that a file outside the
code names (Connexion's), when a module-level function returns what only a handler returns (`NoContent`).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property

from ..analysis.imports import ImportMap
from ..analysis.match import argument, returns_one_of
from ..analysis.receivers import Receivers, last_name
from ..analysis.sites import FunctionNode, Scope
from ..api.idioms import Registration, RouteDecorator, ViewClass
from ..records import NamedTuple
from .methods import ANY, Methods, methods_of, read_methods
from .table import Idioms


class Handler(NamedTuple):
    function: FunctionNode
    framework: str
    methods: Methods
    routes: tuple[ast.expr, ...]  # the route decorators (their sites hold the route's status)
    view: ast.ClassDef | None  # the class-based view the function is a method of


class Routes:
    def __init__(
        self,
        idioms: Idioms,
        imports: ImportMap,
        receivers: Receivers,
        calls: list[tuple[ast.Call, Scope]],
        module_functions: frozenset[int] = frozenset(),
    ) -> None:
        self.idioms = idioms
        self.imports = imports
        self.receivers = receivers
        self._calls = calls
        self._module_functions = module_functions  # ids of the functions defined at the module's top level
        self._marked_rows = tuple(row for row in idioms.marked_handlers if imports.imports_any(row.gate))
        self._handlers: dict[int, Handler | None] = {}

    def handler(self, function: FunctionNode, scope: Scope) -> Handler | None:
        """The handler `function` is, or None; `scope` is the function's own scope (its `method_of`)."""
        key = id(function)
        if key not in self._handlers:
            self._handlers[key] = self._classify(function, scope)
        return self._handlers[key]

    def _classify(self, function: FunctionNode, scope: Scope) -> Handler | None:
        if not self.worth_classifying(function, scope):
            return None
        matches = [*self._decorated(function, scope), *self._registered(function), *self._view_method(function, scope)]
        if not matches:
            matches = list(self._marked(function))
        if not matches:
            return None
        methods = matches[0][1]
        for _, more in matches[1:]:
            methods = methods.union(more)
        routes = tuple(
            decorator for decorator in function.decorator_list if self._route_row(decorator, scope) is not None
        )
        return Handler(function, matches[0][0], methods, routes, scope.method_of)

    # Decorators --------------------------------------------------------------------------------------

    def _decorated(self, function: FunctionNode, scope: Scope) -> Iterator[tuple[str, Methods]]:
        for decorator in function.decorator_list:
            row = self._route_row(decorator, scope)
            if row is not None:
                yield row.framework, _methods(row.method, row.methods, row.default_methods, decorator)

    def _route_row(self, decorator: ast.expr, scope: Scope) -> RouteDecorator | None:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        qualified = self.imports.qualify(func)
        for row in self.idioms.route_names.get(qualified or "", ()):
            if not row.view_class:
                return row
        if not isinstance(func, ast.Attribute):
            return None
        rows = [row for row in self.idioms.route_attributes.get(func.attr, ()) if not row.view_class]
        if not rows:
            return None
        types = self.receivers.types_of(func.value, scope)
        named = self.imports.qualify(func.value)
        if types is not None and types != frozenset({named}):  # the module says what the owner is
            return next((row for row in rows if not types.isdisjoint(row.owners)), None)
        return next((row for row in rows if self.imports.imports_any(row.gate)), None)

    # Route tables ------------------------------------------------------------------------------------

    @cached_property
    def _registrations(self) -> dict[str, list[tuple[str, Methods]]]:
        """Function name -> (framework, methods) for every handler a call in this module registers."""
        found: dict[str, list[tuple[str, Methods]]] = defaultdict(list)
        words = self.idioms.registration_words
        for call, _ in self._calls:
            if last_name(call.func) not in words:
                continue
            for row in self._registration_rows(call):
                handler = argument(call, row.handler)
                name = last_name(handler) if isinstance(handler, (ast.Name, ast.Attribute)) else ""
                if name:
                    found[name].append((row.framework, _methods(row.method, row.methods, row.default_methods, call)))
        return found

    def _registration_rows(self, call: ast.Call) -> Iterator[Registration]:
        named = self.idioms.registration_names.get(self.imports.qualify(call.func) or "", ())
        yield from named
        if not named and isinstance(call.func, ast.Attribute):
            # A method of an object the module made or imported (`app.router.add_post`, `config.add_view`).
            yield from (
                row
                for row in self.idioms.registration_attributes.get(call.func.attr, ())
                if self.imports.imports_any(row.gate)
            )

    def _registered(self, function: FunctionNode) -> list[tuple[str, Methods]]:
        return self._registrations.get(function.name, [])

    # Handlers named outside the code -------------------------------------------------------------------

    def _marked(self, function: FunctionNode) -> Iterator[tuple[str, Methods]]:
        if id(function) not in self._module_functions:
            return
        for row in self._marked_rows:
            if returns_one_of(function, row.names, self.imports):
                yield row.framework, ANY
                return

    # Class-based views -------------------------------------------------------------------------------

    def worth_classifying(self, function: FunctionNode, scope: Scope) -> bool:
        """A cheap test that rejects most functions before decorators or class ancestors are resolved:
        handlers are decorated, registered by name, or methods named like an HTTP method. `scope` is the
        function's own scope or the one around it (both say whether it sits directly in a class)."""
        if function.decorator_list or function.name in self._registrations:
            return True
        if self._marked_rows and id(function) in self._module_functions:
            return True
        in_class = (
            scope.method_of is not None
            if scope.function is function
            else scope.function is None and scope.cls is not None
        )
        name = function.name
        return in_class and (name in self.idioms.view_method_names or name.startswith(self.idioms.view_prefixes))

    def _view_method(self, function: FunctionNode, scope: Scope) -> Iterator[tuple[str, Methods]]:
        cls = scope.method_of
        if cls is None:
            return
        ancestors = self.receivers.class_ancestors(cls)
        for row in self.idioms.view_classes:
            if not self._is_view(row, ancestors):
                continue
            verbs = _verbs(row, function.name)
            if verbs:
                yield row.framework, methods_of(verbs)

    def _is_view(self, row: ViewClass, ancestors: frozenset[str] | None) -> bool:
        if not row.bases:
            return self.imports.imports_any(row.gate)
        return ancestors is not None and not ancestors.isdisjoint(row.bases)


def _verbs(row: ViewClass, name: str) -> list[str]:
    verbs = [verb for python_name, verb in row.methods if python_name == name]
    if row.prefix is not None and name.startswith(row.prefix):
        match = re.match(r"(get|post|put|patch|delete|head|options)(_|\Z)", name[len(row.prefix) :])
        if match:
            verbs.append(match.group(1).upper())
    return verbs


def _methods(fixed: str | None, slot: object, default: tuple[str, ...] | None, node: ast.expr) -> Methods:
    if fixed is not None:
        return methods_of((fixed,))
    given = argument(node, slot) if isinstance(node, ast.Call) and slot is not None else None  # type: ignore[arg-type]
    if given is not None:
        names = read_methods(given)
        return Methods(names) if names is not None else ANY
    return methods_of(default) if default is not None else ANY
