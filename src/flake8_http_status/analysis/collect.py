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
from ..families import STYLE_ATTRIBUTES, constant_for
from .children import CHILD_FIELDS
from .imports import ImportMap
from .nodes import may_carry_status, parameters
from .sites import MODULE_SCOPE, FunctionNode, Scope

_CONFLICT: Final = ""
_NAME: Final = ast.Name
_ATTRIBUTE: Final = ast.Attribute  # a name bound to different types in different places


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
Visitor = Callable[["_Walker", Any, Scope, "list[ast.AST | Scope]"], "Scope | None"]


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

    def walk(self, tree: ast.Module) -> None:
        stack: list[ast.AST | Scope] = list(reversed(tree.body))
        pop, push, extend = stack.pop, stack.append, stack.extend
        scope = MODULE_SCOPE
        # One look-up per node: its visitor (or None) and the fields that hold its children. Kinds that hold no
        # node and have no visitor (Constant, MatchSingleton...) are left out, so that they cost a failed look-up.
        steps = _STEPS
        # Names and attributes are over half of a module's nodes: they are handled here, without a visitor call or
        # a look-up (a Name holds no node, an Attribute only `value`). A Name matters only in a module that imports
        # a status constant by name.
        name_kind, attribute_kind, scope_kind = ast.Name, ast.Attribute, Scope
        constant_names = self._constant_names
        style_attributes = STYLE_ATTRIBUTES
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
                if kind is scope_kind:  # a function's or class's end: its enclosing scope, pushed before its body
                    scope = node  # type: ignore[assignment]
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
        """Keep only calls some row could match: by callee name, alias, status keyword or a name saying status.
        Asked of every call of the module: written with `type(...) is` and without helper calls where it can."""
        func = node.func
        kind = type(func)
        name = func.attr if kind is _ATTRIBUTE else func.id if kind is _NAME else ""  # type: ignore[attr-defined]
        kept = name in self._callees or name in self._aliases or "tatus" in name
        if not kept and node.keywords:
            status_keywords = self._status_keywords
            for keyword in node.keywords:  # a loop, not `any(...)`
                if keyword.arg in status_keywords:
                    kept = True
                    break
        if kept:
            self.candidates.calls.append((node, scope))
            return
        roots = self._project_roots
        if not roots or not (node.args or node.keywords):
            return
        root = func
        while type(root) is _ATTRIBUTE:  # the chain's root, without building its list of names
            root = root.value
        if type(root) is _NAME and root.id in roots and _may_pass_status(node):
            self.candidates.calls.append((node, scope))
            self.candidates.project_calls.add(id(node))

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

    def _assignment(self, node: ast.Assign, scope: Scope, stack: object) -> None:
        self.candidates.assignments.append((node, scope))
        bound = self.bindings.bound
        value_type: str | None = None
        typed = False  # the value's type is read once, for the first target that is a name
        for target in node.targets:
            if type(target) is not _NAME:
                _count_targets(target, bound)
                continue
            name = target.id
            bound[name] = bound.get(name, 0) + 1  # not `+= 1`: a new name would call Counter.__missing__
            if not typed:
                value_type, typed = self._type_of_value(node.value), True
            if value_type is not None:
                self.bindings.bind(name, value_type)

    def _annotated_assignment(self, node: ast.AnnAssign, scope: Scope, stack: object) -> None:
        self.candidates.assignments.append((node, scope))
        _count_targets(node.target, self.bindings.bound)
        if isinstance(node.target, ast.Name):
            annotated = self._type_of_annotation(node.annotation)
            self.bindings.bind(node.target.id, annotated or self._type_of_value(node.value))

    def _return(self, node: ast.Return, scope: Scope, stack: object) -> None:
        if isinstance(node.value, ast.Tuple):
            self.candidates.returns.append((node, scope))

    def _with(self, node: ast.With | ast.AsyncWith, scope: Scope, stack: object) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                _count_targets(item.optional_vars, self.bindings.bound)
            if isinstance(item.optional_vars, ast.Name):
                self.bindings.bind(item.optional_vars.id, self._type_of_value(item.context_expr))

    def _enter_function(self, node: FunctionNode, scope: Scope, stack: list[ast.AST | Scope]) -> Scope:
        # Decorators, defaults and annotations run in the enclosing scope: they pop after the scope's marker.
        self._note_decorators(node.decorator_list)
        self.candidates.functions.append((node, scope))
        bound = self.bindings.bound
        bound[node.name] = bound.get(node.name, 0) + 1
        stack.extend(node.decorator_list)
        stack.extend(getattr(node, "type_params", ()))
        self._signature(node.args, stack)
        if node.returns is not None:
            stack.append(node.returns)
        stack.append(scope)  # the marker: popped, the walk is back in `scope`
        stack.extend(node.body)
        method_of = scope.cls if scope.function is None else None
        return Scope(node, scope.cls, method_of)

    def _signature(self, args: ast.arguments, stack: list[ast.AST | Scope]) -> None:
        """Counts and types a function's parameters, and pushes what the walk would visit of its `arguments` node,
        in the same order (annotations, then defaults), without visiting the `arguments` and `arg` nodes.

        Asked of every function: plain loops, no generator or tuple built per function, since most parameters have
        neither an annotation nor a default."""
        bound = self.bindings.bound
        # `arguments`' fields in order: posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults.
        annotations: list[ast.expr] = []
        for arg in args.posonlyargs:
            self._parameter(arg, bound, annotations)
        for arg in args.args:
            self._parameter(arg, bound, annotations)
        vararg, kwarg = args.vararg, args.kwarg
        if vararg is not None:
            bound[vararg.arg] = bound.get(vararg.arg, 0) + 1
            if vararg.annotation is not None:
                annotations.append(vararg.annotation)
        for arg in args.kwonlyargs:
            self._parameter(arg, bound, annotations)
        if annotations:
            stack.extend(annotations)
        if args.kw_defaults:  # None where a keyword-only parameter has no default
            stack.extend(default for default in args.kw_defaults if default is not None)
        if kwarg is not None:
            bound[kwarg.arg] = bound.get(kwarg.arg, 0) + 1
            if kwarg.annotation is not None:
                stack.append(kwarg.annotation)
        stack.extend(args.defaults)

    def _parameter(self, arg: ast.arg, bound: Counter[str], annotations: list[ast.expr]) -> None:
        """Counts a named parameter, and types and keeps its annotation."""
        name, annotation = arg.arg, arg.annotation
        bound[name] = bound.get(name, 0) + 1
        if annotation is not None:
            annotations.append(annotation)
            self.bindings.bind(name, self._type_of_annotation(annotation))

    def _enter_class(self, node: ast.ClassDef, scope: Scope, stack: list[ast.AST | Scope]) -> Scope:
        self.candidates.classes.append(node)
        self.bindings.classes.setdefault(node.name, node)
        bound = self.bindings.bound
        bound[node.name] = bound.get(node.name, 0) + 1
        self._note_decorators(node.decorator_list)
        stack.extend(node.decorator_list)
        stack.extend(getattr(node, "type_params", ()))
        stack.extend(node.bases)
        stack.extend(node.keywords)
        stack.append(scope)  # the marker: popped, the walk is back in `scope`
        stack.extend(node.body)
        return Scope(None, node)

    def _note_decorators(self, decorators: list[ast.expr]) -> None:
        for decorator in decorators:
            if isinstance(decorator, ast.Call):
                self.candidates.decorators.add(id(decorator))

    def _type_of_value(self, value: ast.expr | None) -> str | None:
        kind = type(value)
        if kind is ast.Await:
            value = value.value  # type: ignore[union-attr]
            kind = type(value)
        if kind is ast.Call:
            return self._class_name(value.func)  # type: ignore[union-attr]
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
        ast.AnnAssign: w._annotated_assignment,
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


def _may_pass_status(call: ast.Call) -> bool:
    """A call from a project import (or `self`) with an argument that can hold a status: an int literal, a dotted
    constant, a name or a conditional. Others cannot pass one, and asking the index about them would read modules
    for nothing (`collect`'s `project_roots`)."""
    for argument in call.args:
        if may_carry_status(argument):
            return True
    # Asked of most method calls of a project's modules, few of which have keywords: no generator for those.
    return bool(call.keywords) and any(may_carry_status(keyword.value) for keyword in call.keywords)


def _count_targets(target: ast.expr, bound: Counter[str]) -> None:
    """Names an assignment target binds: `a`, `a, (b, *c)`; attributes and subscripts bind none."""
    pending = [target]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name):
            bound[node.id] = bound.get(node.id, 0) + 1
        elif isinstance(node, (ast.Tuple, ast.List)):
            pending.extend(node.elts)
        elif isinstance(node, ast.Starred):
            pending.append(node.value)


def _count_parameters(args: ast.arguments, bound: Counter[str]) -> None:
    bound.update(arg.arg for arg in parameters(args))
