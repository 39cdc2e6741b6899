"""One pass over a module's tree that gathers what the rows are matched against.

The pass records candidate nodes with their scope and the facts needed to type receivers
(`app = Flask(...)`, `response: Response`, class bases). Matching happens afterwards, in
`match`, once every binding in the module is known.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import Any, Final

from ..api import Table
from ..families import constant_for, style_attributes
from .children import CHILD_FIELDS
from .imports import ImportMap
from .nodes import may_carry_status, parameters
from .sites import MODULE_SCOPE, FunctionNode, Scope

_CONFLICT: Final = ""  # a name bound to different types in different places


class Candidates:
    """Nodes some row might match, each with the scope it sits in."""

    def __init__(self) -> None:
        self.calls: list[tuple[ast.Call, Scope]] = []
        self.assignments: list[tuple[ast.Assign | ast.AnnAssign, Scope]] = []
        self.compares: list[tuple[ast.Compare, Scope]] = []
        self.returns: list[tuple[ast.Return, Scope]] = []
        self.matches: list[tuple[ast.Match, Scope]] = []
        self.raises: list[tuple[ast.Raise, Scope]] = []
        self.classes: list[ast.ClassDef] = []
        self.constant_uses: list[ast.expr] = []
        self.pattern_values: set[int] = set()  # ids of `case` value patterns
        self.decorators: set[int] = set()  # ids of calls used as decorators
        # ids of calls kept only because they may call a project callable of another module (`collect`'s
        # `project_roots`): no framework row can match them, so the matcher asks the project index alone
        self.project_calls: set[int] = set()
        self.functions: list[tuple[FunctionNode, Scope]] = []

    @cached_property
    def module_functions(self) -> frozenset[int]:
        """Ids of the functions defined at the module's top level (the matcher and the handler model both ask)."""
        return frozenset(id(function) for function, scope in self.functions if scope == MODULE_SCOPE)


class Bindings:
    """Scope-insensitive facts about names: good enough to type a receiver, never to prove one."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}  # variable -> qualified or local class name
        self.classes: dict[str, ast.ClassDef] = {}
        # How often each name is bound anywhere in the module (assigned, a parameter, imported, deleted...):
        # the speller never writes a name that something else binds.
        self.bound: Counter[str] = Counter()

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


def collect(
    tree: ast.Module, imports: ImportMap, table: Table, project_roots: frozenset[str] = frozenset()
) -> tuple[Candidates, Bindings]:
    """`project_roots`: names whose calls (`fail(...)`, `errors.fail(...)`, `self.fail(...)`) may reach a project
    helper of another module (`ProjectFacts.call_roots`); their calls with arguments are kept too."""
    walker = _Walker(imports, table, project_roots)
    walker.walk(tree)
    return walker.candidates, walker.bindings


# What the walk calls for a node of one type, with the walker first: records it, and returns the scope it opens (a
# function or class) or None, in which case the walk goes on into its children.
Visitor = Callable[["_Walker", Any, Scope, "list[ast.AST | _Exit]"], "Scope | None"]


class _Walker:
    def __init__(self, imports: ImportMap, table: Table, project_roots: frozenset[str] = frozenset()) -> None:
        self.imports = imports
        self._project_roots = project_roots
        self._callees = table.callee_names
        self._status_keywords = table.status_keywords
        # Local aliases of table callables: `from flask import abort as stop` makes `stop` interesting.
        self._aliases = frozenset(
            local for local, qualified in imports.names.items() if qualified.rpartition(".")[2] in self._callees
        )
        self.candidates = Candidates()
        self.bindings = Bindings()
        self._constant_names = frozenset(
            local for local, qualified in imports.names.items() if constant_for(qualified) is not None
        )
        self._style_attributes = style_attributes()

    def walk(self, tree: ast.Module) -> None:
        stack: list[ast.AST | _Exit] = list(reversed(tree.body))
        pop, push, extend = stack.pop, stack.append, stack.extend
        scope = MODULE_SCOPE
        # One look-up per node: its visitor (or None) and the fields that hold its children. Kinds that hold no
        # node and have no visitor (Constant, MatchSingleton...) are left out, so that they cost a failed look-up.
        steps = _STEPS
        # Names and attributes are over half of a module's nodes: they are handled here, without a visitor call or
        # a look-up (a Name holds no node, an Attribute only `value`). A Name matters only in a module that imports
        # a status constant by name.
        name_kind, attribute_kind = ast.Name, ast.Attribute
        constant_names = self._constant_names
        style_attributes = self._style_attributes
        constant_uses = self.candidates.constant_uses
        while stack:
            node = pop()
            kind = type(node)
            if kind is name_kind:
                if constant_names and node.id in constant_names:  # type: ignore[union-attr]
                    constant_uses.append(node)  # type: ignore[arg-type]
                continue
            if kind is attribute_kind:
                if node.attr in style_attributes:  # type: ignore[union-attr]
                    constant_uses.append(node)  # type: ignore[arg-type]
                push(node.value)  # type: ignore[union-attr]
                continue
            step = steps.get(kind)
            if step is None:
                if kind is _Exit:
                    scope = node.scope  # type: ignore[union-attr]
                continue
            visitor, fields = step
            if visitor is not None:
                entered = visitor(self, node, scope, stack)
                if entered is not None:
                    scope = entered
                    continue
            for name in fields:
                value = getattr(node, name)
                if type(value) is list:
                    extend(value)
                elif value is not None:
                    push(value)

    def _call(self, node: ast.Call, scope: Scope, stack: object) -> None:
        """Keep only calls some row could match: by callee name, alias, status keyword or a name saying status."""
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        kept = name in self._callees or name in self._aliases or "tatus" in name
        if not kept and node.keywords:
            status_keywords = self._status_keywords
            for keyword in node.keywords:  # a loop, not `any(...)`: this runs for every call of the module
                if keyword.arg in status_keywords:
                    kept = True
                    break
        if kept:
            self.candidates.calls.append((node, scope))
        elif self._project_roots and self._project_call(node):
            self.candidates.calls.append((node, scope))
            self.candidates.project_calls.add(id(node))

    def _project_call(self, call: ast.Call) -> bool:
        """A call from a project import (or `self`) with an argument that can hold a status: an int literal, a
        dotted constant, a name or a conditional. Others cannot pass one, and asking the index about them would
        read modules for nothing. (Asked of nearly every call in a module that imports from its project.)"""
        if not call.args and not call.keywords:
            return False
        root = call.func
        while isinstance(root, ast.Attribute):  # the chain's root, without building its list of names
            root = root.value
        if not (isinstance(root, ast.Name) and root.id in self._project_roots):
            return False
        for argument in call.args:
            if may_carry_status(argument):
                return True
        return any(may_carry_status(keyword.value) for keyword in call.keywords)

    def _compare(self, node: ast.Compare, scope: Scope, stack: object) -> None:
        self.candidates.compares.append((node, scope))

    def _match(self, node: ast.Match, scope: Scope, stack: object) -> None:
        self.candidates.matches.append((node, scope))

    def _raise(self, node: ast.Raise, scope: Scope, stack: object) -> None:
        self.candidates.raises.append((node, scope))

    def _pattern_value(self, node: ast.MatchValue, scope: Scope, stack: object) -> None:
        self.candidates.pattern_values.add(id(node.value))

    def _import(self, node: ast.Import | ast.ImportFrom, scope: Scope, stack: object) -> None:
        self.bindings.bound.update(alias.asname or alias.name.partition(".")[0] for alias in node.names)
        if scope is not MODULE_SCOPE:  # module-level imports were read before the walk
            self.imports.add(node, runtime=False)

    def _bind_target(self, node: Any, scope: Scope, stack: object) -> None:
        # Every binding statement names its target `target`, except `type X = ...`, which calls it `name`.
        _count_targets(getattr(node, "target", None) or node.name, self.bindings.bound)

    def _bind_deleted(self, node: ast.Delete, scope: Scope, stack: object) -> None:
        for target in node.targets:
            _count_targets(target, self.bindings.bound)

    def _bind_name(self, node: Any, scope: Scope, stack: object) -> None:
        # ExceptHandler, MatchAs, MatchStar and the type parameters: each names what it binds `name`
        if node.name:
            self.bindings.bound[node.name] += 1

    def _bind_rest(self, node: ast.MatchMapping, scope: Scope, stack: object) -> None:
        if node.rest:
            self.bindings.bound[node.rest] += 1

    def _bind_names(self, node: ast.Global | ast.Nonlocal, scope: Scope, stack: object) -> None:
        self.bindings.bound.update(node.names)

    def _lambda(self, node: ast.Lambda, scope: Scope, stack: object) -> None:
        _count_parameters(node.args, self.bindings.bound)

    def _assignment(self, node: ast.Assign | ast.AnnAssign, scope: Scope, stack: object) -> None:
        self.candidates.assignments.append((node, scope))
        self._bind_assignment(node)

    def _return(self, node: ast.Return, scope: Scope, stack: object) -> None:
        if isinstance(node.value, ast.Tuple):
            self.candidates.returns.append((node, scope))

    def _with(self, node: ast.With | ast.AsyncWith, scope: Scope, stack: object) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                _count_targets(item.optional_vars, self.bindings.bound)
            if isinstance(item.optional_vars, ast.Name):
                self.bindings.bind(item.optional_vars.id, self._type_of_value(item.context_expr))

    def _enter_function(self, node: FunctionNode, scope: Scope, stack: list[ast.AST | _Exit]) -> Scope:
        # Decorators, defaults and annotations run in the enclosing scope: they pop after the exit marker.
        self._note_decorators(node.decorator_list)
        self.candidates.functions.append((node, scope))
        self.bindings.bound[node.name] += 1
        _count_parameters(node.args, self.bindings.bound)
        stack.extend(node.decorator_list)
        stack.extend(getattr(node, "type_params", ()))
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
        self.bindings.bound[node.name] += 1
        self._note_decorators(node.decorator_list)
        stack.extend(node.decorator_list)
        stack.extend(getattr(node, "type_params", ()))
        stack.extend(node.bases)
        stack.extend(node.keywords)
        stack.append(_Exit(scope))
        stack.extend(node.body)
        return Scope(None, node)

    def _note_decorators(self, decorators: list[ast.expr]) -> None:
        for decorator in decorators:
            if isinstance(decorator, ast.Call):
                self.candidates.decorators.add(id(decorator))

    def _bind_assignment(self, node: ast.Assign | ast.AnnAssign) -> None:
        bound = self.bindings.bound
        if isinstance(node, ast.AnnAssign):
            _count_targets(node.target, bound)
            if isinstance(node.target, ast.Name):
                annotated = self._type_of_annotation(node.annotation)
                self.bindings.bind(node.target.id, annotated or self._type_of_value(node.value))
            return
        value_type: str | None = None
        typed = False  # the value's type is read once, for the first target that is a name
        for target in node.targets:
            if type(target) is not ast.Name:
                _count_targets(target, bound)
                continue
            bound[target.id] += 1
            if not typed:
                value_type, typed = self._type_of_value(node.value), True
            self.bindings.bind(target.id, value_type)

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


def _steps() -> dict[type, tuple[Visitor | None, tuple[str, ...]]]:
    """`_Walker.walk`'s table: per node type, the walker's method that records it (or None) and the fields holding
    its children (`CHILD_FIELDS`). Built once: the methods are called with the walker as their first argument."""
    w = _Walker
    visitors: dict[type, Visitor] = {
        ast.Call: w._call,
        ast.Import: w._import,
        ast.ImportFrom: w._import,
        ast.FunctionDef: w._enter_function,
        ast.AsyncFunctionDef: w._enter_function,
        ast.ClassDef: w._enter_class,
        ast.Assign: w._assignment,
        ast.AnnAssign: w._assignment,
        ast.Compare: w._compare,
        ast.Return: w._return,
        ast.Match: w._match,
        ast.Raise: w._raise,
        ast.MatchValue: w._pattern_value,
        ast.With: w._with,
        ast.AsyncWith: w._with,
        ast.AugAssign: w._bind_target,
        ast.For: w._bind_target,
        ast.AsyncFor: w._bind_target,
        ast.comprehension: w._bind_target,
        ast.NamedExpr: w._bind_target,
        ast.Delete: w._bind_deleted,
        ast.ExceptHandler: w._bind_name,
        ast.MatchAs: w._bind_name,
        ast.MatchStar: w._bind_name,
        ast.MatchMapping: w._bind_rest,
        ast.Global: w._bind_names,
        ast.Nonlocal: w._bind_names,
        ast.Lambda: w._lambda,
    }
    type_alias = getattr(ast, "TypeAlias", None)  # `type X = ...`, Python 3.12+
    if type_alias is not None:
        visitors[type_alias] = w._bind_target
    for parameter in ("TypeVar", "ParamSpec", "TypeVarTuple"):  # PEP 695 type parameters bind their name
        if hasattr(ast, parameter):
            visitors[getattr(ast, parameter)] = w._bind_name
    steps: dict[type, tuple[Visitor | None, tuple[str, ...]]] = {
        kind: (None, fields) for kind, fields in CHILD_FIELDS.items() if fields
    }
    for kind, visitor in visitors.items():
        steps[kind] = (visitor, CHILD_FIELDS.get(kind, ()))
    return steps


_STEPS: Final = _steps()


def _count_targets(target: ast.expr, bound: Counter[str]) -> None:
    """Names an assignment target binds: `a`, `a, (b, *c)`; attributes and subscripts bind none."""
    pending = [target]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name):
            bound[node.id] += 1
        elif isinstance(node, (ast.Tuple, ast.List)):
            pending.extend(node.elts)
        elif isinstance(node, ast.Starred):
            pending.append(node.value)


def _count_parameters(args: ast.arguments, bound: Counter[str]) -> None:
    bound.update(arg.arg for arg in parameters(args))
