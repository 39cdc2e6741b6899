"""One pass over a module's tree that gathers what the rows are matched against.

The pass records candidate nodes with their scope and the facts needed to type receivers
(`app = Flask(...)`, `response: Response`, class bases). Matching happens afterwards, in
`match`, once every binding in the module is known.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, Final

from ..api import Table
from ..families import CONSTANTS, STYLE_ATTRIBUTES
from .children import CHILD_FIELDS
from .imports import ImportMap
from .sites import MODULE_SCOPE, FunctionNode, Scope

_CONFLICT: Final = ""  # a name bound to different types in different places


@dataclass
class Candidates:
    calls: list[tuple[ast.Call, Scope]] = field(default_factory=list)
    assignments: list[tuple[ast.Assign | ast.AnnAssign, Scope]] = field(default_factory=list)
    compares: list[tuple[ast.Compare, Scope]] = field(default_factory=list)
    returns: list[tuple[ast.Return, Scope]] = field(default_factory=list)
    matches: list[tuple[ast.Match, Scope]] = field(default_factory=list)
    raises: list[tuple[ast.Raise, Scope]] = field(default_factory=list)
    classes: list[ast.ClassDef] = field(default_factory=list)
    constant_uses: list[ast.expr] = field(default_factory=list)
    pattern_values: set[int] = field(default_factory=set)  # ids of `case` value patterns
    functions: list[tuple[FunctionNode, Scope]] = field(default_factory=list)  # every def, with its outer scope


@dataclass
class Bindings:
    """Scope-insensitive facts about names: good enough to type a receiver, never to prove one."""

    types: dict[str, str] = field(default_factory=dict)  # variable -> qualified or local class name
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)

    def bind(self, name: str, type_name: str | None) -> None:
        if type_name is None:
            return
        previous = self.types.get(name)
        self.types[name] = type_name if previous in (None, type_name) else _CONFLICT

    def type_of(self, name: str) -> str | None:
        return self.types.get(name) or None


class _Exit:
    """A stack marker: when popped, the walk returns to the enclosing scope."""

    __slots__ = ("scope",)

    def __init__(self, scope: Scope) -> None:
        self.scope = scope


def collect(tree: ast.Module, imports: ImportMap, table: Table) -> tuple[Candidates, Bindings]:
    walker = _Walker(imports, table)
    walker.walk(tree)
    return walker.candidates, walker.bindings


Handler = Callable[[Any, Scope, "list[ast.AST | _Exit]"], "Scope | None"]


class _Walker:
    def __init__(self, imports: ImportMap, table: Table) -> None:
        self.imports = imports
        self._callees = table.callee_names
        self._status_keywords = table.status_keywords
        # Local aliases of table callables: `from flask import abort as stop` makes `stop` interesting.
        self._aliases = frozenset(
            local for local, qualified in imports.names.items() if qualified.rpartition(".")[2] in self._callees
        )
        self.candidates = Candidates()
        self.bindings = Bindings()
        self._constant_names = frozenset(
            local for local, qualified in imports.names.items() if qualified in CONSTANTS
        )
        c = self.candidates
        self._handlers: dict[type, Handler] = {
            ast.Call: self._call,
            ast.Import: self._import,
            ast.ImportFrom: self._import,
            ast.Attribute: self._attribute,
            ast.FunctionDef: self._enter_function,
            ast.AsyncFunctionDef: self._enter_function,
            ast.ClassDef: self._enter_class,
            ast.Assign: self._assignment,
            ast.AnnAssign: self._assignment,
            ast.Compare: lambda node, scope, _: c.compares.append((node, scope)),
            ast.Return: self._return,
            ast.Match: lambda node, scope, _: c.matches.append((node, scope)),
            ast.Raise: lambda node, scope, _: c.raises.append((node, scope)),
            ast.MatchValue: lambda node, scope, _: c.pattern_values.add(id(node.value)),
            ast.With: self._with,
            ast.AsyncWith: self._with,
        }
        if self._constant_names:  # only modules importing constants by name pay for visiting every Name
            self._handlers[ast.Name] = self._name

    def walk(self, tree: ast.Module) -> None:
        stack: list[ast.AST | _Exit] = list(reversed(tree.body))
        scope = MODULE_SCOPE
        handlers = self._handlers
        child_fields = CHILD_FIELDS
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is _Exit:
                scope = node.scope  # type: ignore[union-attr]
                continue
            handler = handlers.get(kind)
            if handler is not None:
                entered = handler(node, scope, stack)
                if entered is not None:
                    scope = entered
                    continue
            for name in child_fields.get(kind, ()):
                value = getattr(node, name)
                if type(value) is list:
                    stack.extend(value)
                elif value is not None:
                    stack.append(value)

    def _call(self, node: ast.Call, scope: Scope, stack: object) -> None:
        """Keep only calls some row could match: by callee name, alias, status keyword or a name saying status."""
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in self._callees or name in self._aliases or "tatus" in name:
            self.candidates.calls.append((node, scope))
        elif node.keywords and any(keyword.arg in self._status_keywords for keyword in node.keywords):
            self.candidates.calls.append((node, scope))

    def _import(self, node: ast.Import | ast.ImportFrom, scope: Scope, stack: object) -> None:
        if scope is not MODULE_SCOPE:  # module-level imports were read before the walk
            self.imports.add(node, runtime=False)

    def _attribute(self, node: ast.Attribute, scope: Scope, stack: object) -> None:
        if node.attr in STYLE_ATTRIBUTES:
            self.candidates.constant_uses.append(node)

    def _name(self, node: ast.Name, scope: Scope, stack: object) -> None:
        if node.id in self._constant_names:
            self.candidates.constant_uses.append(node)

    def _assignment(self, node: ast.Assign | ast.AnnAssign, scope: Scope, stack: object) -> None:
        self.candidates.assignments.append((node, scope))
        self._bind_assignment(node)

    def _return(self, node: ast.Return, scope: Scope, stack: object) -> None:
        if isinstance(node.value, ast.Tuple):
            self.candidates.returns.append((node, scope))

    def _with(self, node: ast.With | ast.AsyncWith, scope: Scope, stack: object) -> None:
        for item in node.items:
            if isinstance(item.optional_vars, ast.Name):
                self.bindings.bind(item.optional_vars.id, self._type_of_value(item.context_expr))

    def _enter_function(self, node: FunctionNode, scope: Scope, stack: list[ast.AST | _Exit]) -> Scope:
        self.candidates.functions.append((node, scope))
        # Decorators, defaults and annotations run in the enclosing scope: they pop after the exit marker.
        stack.extend(node.decorator_list)
        stack.append(node.args)
        if node.returns is not None:
            stack.append(node.returns)
        stack.append(_Exit(scope))
        stack.extend(node.body)
        for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs):
            if arg.annotation is not None:
                self.bindings.bind(arg.arg, self._type_of_annotation(arg.annotation))
        method_of = scope.cls if scope.function is None else None
        return Scope(node, scope.cls, method_of)

    def _enter_class(self, node: ast.ClassDef, scope: Scope, stack: list[ast.AST | _Exit]) -> Scope:
        self.candidates.classes.append(node)
        self.bindings.classes.setdefault(node.name, node)
        stack.extend(node.decorator_list)
        stack.extend(node.bases)
        stack.extend(node.keywords)
        stack.append(_Exit(scope))
        stack.extend(node.body)
        return Scope(None, node)

    def _bind_assignment(self, node: ast.Assign | ast.AnnAssign) -> None:
        if isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name):
                annotated = self._type_of_annotation(node.annotation)
                self.bindings.bind(node.target.id, annotated or self._type_of_value(node.value))
            return
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.bindings.bind(target.id, self._type_of_value(node.value))

    def _type_of_value(self, value: ast.expr | None) -> str | None:
        if isinstance(value, ast.Await):
            value = value.value
        if isinstance(value, ast.Call):
            return self._class_name(value.func)
        return None

    def _type_of_annotation(self, annotation: ast.expr) -> str | None:
        if isinstance(annotation, ast.Subscript):  # Annotated[Response, ...], Optional[Response]
            inner = annotation.slice
            annotation = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
        return self._class_name(annotation)

    def _class_name(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name) and node.id not in self.imports.names:
            return f"<local>.{node.id}"
        return self.imports.qualify(node)
