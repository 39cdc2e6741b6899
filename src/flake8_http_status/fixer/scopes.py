"""Which import a name refers to, following Python's scope rules (not just the module's import list).

The verifier reads a rewritten module's constants back to numbers through this. It must not be
fooled where the fix would be: a parameter `status` inside a function hides `from fastapi import
status` there, a class attribute does not hide it in the class's methods, decorators and default
values are evaluated outside the function. A name counts as an import only when every binding of
it in the scope that owns it is an import of one and the same thing.

PEP 695 type parameters (`def f[status]()`, `class Store[status]:`, `type X[status] = ...`) live
in a scope of their own between the definition and its body: annotations, bases, the body and
the methods see them, decorators and default values do not (checked on Python 3.12). In a
package's `__init__.py` (given `filename`), importing a submodule anywhere binds its name as a
global: `from .status import x` binds `status`.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from ..analysis.nodes import attribute_chain
from .positions import first_line

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_TYPE_ALIAS: type[ast.AST] | None = getattr(ast, "TypeAlias", None)  # `type X = ...`, Python 3.12+


@dataclass(eq=False)
class Scope:
    kind: str  # "module", "function", "class" or "comprehension"
    parent: Scope | None
    imports: dict[str, set[str | None]] = field(default_factory=dict)  # None: a relative import
    others: set[str] = field(default_factory=set)  # bound some other way: assignment, parameter, def...
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    body: list[ast.stmt] = field(default_factory=list)  # the statements that run in this scope itself
    import_sites: dict[str, list[tuple[ast.Import | ast.ImportFrom, ast.alias]]] = field(default_factory=dict)

    @cached_property
    def order(self) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """Where each statement of `body` starts (decorators included), and the index of each by `id`."""
        starts = [(first_line(statement), statement.col_offset) for statement in self.body]
        return starts, {id(statement): index for index, statement in enumerate(self.body)}

    def holding(self, node: ast.AST) -> int:
        """The index of the statement of `body` that holds `node` (-1: before them all)."""
        starts, _ = self.order
        return bisect_right(starts, (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))) - 1

    def binds(self, name: str) -> bool:
        return name in self.imports or name in self.others or name in self.declared_nonlocal

    def binds_otherwise(self, name: str) -> bool:
        """`name` is bound here by something besides an import (or declared nonlocal)."""
        return name in self.others or name in self.declared_nonlocal


class Resolver:
    """Built once per tree; `qualify` then answers for any `Name` or dotted `Attribute` in it."""

    def __init__(
        self, tree: ast.Module, extra_imports: Iterable[ast.Import | ast.ImportFrom] = (), filename: str = ""
    ) -> None:
        self.module = Scope("module", None, body=tree.body)
        self.stars: list[ast.ImportFrom] = []  # star imports: each may bind any name
        self._scope_of: dict[int, Scope] = {}
        self._submodules: list[ast.Import | ast.ImportFrom] = []
        for statement in extra_imports:
            _bind_import(self.module, statement)
        self._walk(tree)
        package = PurePath(filename.replace("\\", "/"))
        init = package.name in ("__init__.py", "__init__.pyi")
        self.package_bound = _package_bound(self._submodules, package.parent.name) if init else set()
        self.module.others |= self.package_bound

    def owner(self, node: ast.Name) -> Scope | None:
        """The scope whose binding a loaded name means (None: a builtin, or a name nothing binds)."""
        scope = self._scope_of.get(id(node))
        return self._owner(node.id, scope) if scope is not None else None

    def qualify(self, node: ast.expr) -> str | None:
        node, parts = attribute_chain(node)
        if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Load):
            return None
        scope = self._scope_of.get(id(node))
        owner = self._owner(node.id, scope) if scope is not None else None
        if owner is None or node.id in owner.others or node.id in owner.declared_nonlocal:
            return None
        targets = owner.imports.get(node.id, set())
        if len(targets) != 1:
            return None
        (target,) = targets
        if target is None:
            return None
        return ".".join([target, *parts])

    def _owner(self, name: str, scope: Scope) -> Scope | None:
        """The scope whose binding `name` means at a use in `scope`."""
        current: Scope | None = scope
        first = True
        while current is not None:
            if current.kind == "class" and not first:  # class bodies do not enclose their methods
                current = current.parent
                continue
            if name in current.declared_global:
                return self.module
            if current.binds(name):
                return current
            current, first = current.parent, False
        return None

    # -- building the scopes ------------------------------------------------------------------------

    def _walk(self, tree: ast.Module) -> None:
        stack: list[tuple[ast.AST, Scope]] = [(tree, self.module)]
        while stack:
            node, scope = stack.pop()
            stack.extend(self._visit(node, scope))

    def _visit(self, node: ast.AST, scope: Scope) -> Iterator[tuple[ast.AST, Scope]]:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from self._function(node, scope)
        elif isinstance(node, ast.ClassDef):
            scope.others.add(node.name)
            yield from ((child, scope) for child in node.decorator_list)
            parameters = _type_parameters(node, scope)
            inner = Scope("class", parameters, body=node.body)
            yield from ((child, parameters) for child in (*node.bases, *node.keywords))
            yield from ((child, inner) for child in node.body)
        elif _TYPE_ALIAS is not None and isinstance(node, _TYPE_ALIAS):
            self._bind(getattr(node, "name"), scope)  # noqa: B009 (ast.TypeAlias is not in every typeshed we run)
            yield getattr(node, "value"), _type_parameters(node, scope)  # noqa: B009
        elif isinstance(node, _COMPREHENSIONS):
            yield from self._comprehension(node, scope)
        else:
            self._bind(node, scope)
            yield from ((child, scope) for child in ast.iter_child_nodes(node))

    def _function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda, scope: Scope
    ) -> Iterator[tuple[ast.AST, Scope]]:
        parameters = scope if isinstance(node, ast.Lambda) else _type_parameters(node, scope)
        inner = Scope("function", parameters, body=[] if isinstance(node, ast.Lambda) else node.body)
        arguments = node.args
        every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
        inner.others.update(arg.arg for arg in every)
        outside: list[ast.AST] = [*arguments.defaults, *(d for d in arguments.kw_defaults if d is not None)]
        annotations: list[ast.AST] = [arg.annotation for arg in every if arg.annotation is not None]
        if isinstance(node, ast.Lambda):
            yield from ((child, scope) for child in outside)
            yield node.body, inner
            return
        scope.others.add(node.name)
        outside += node.decorator_list
        annotations += [node.returns] if node.returns is not None else []
        yield from ((child, scope) for child in outside)
        yield from ((child, parameters) for child in annotations)
        yield from ((child, inner) for child in node.body)

    def _comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, scope: Scope
    ) -> Iterator[tuple[ast.AST, Scope]]:
        inner = Scope("comprehension", scope)
        first, *rest = node.generators
        yield first.iter, scope  # evaluated in the enclosing scope
        yield first.target, inner
        yield from ((condition, inner) for condition in first.ifs)
        yield from ((generator, inner) for generator in rest)
        elements = (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,)
        yield from ((element, inner) for element in elements)

    def _bind(self, node: ast.AST, scope: Scope) -> None:
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                self._scope_of[id(node)] = scope
            else:
                scope.others.add(node.id)
        elif isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name):
            _function_scope(scope).others.add(node.target.id)  # walrus binds outside comprehensions
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            _bind_import(scope, node)
            self._submodules.append(node)
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                self.stars.append(node)
        elif isinstance(node, ast.Global):
            scope.declared_global.update(node.names)
            self.module.others.update(node.names)  # assigned from inside a function: not only an import
        elif isinstance(node, ast.Nonlocal):
            scope.declared_nonlocal.update(node.names)
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            scope.others.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            scope.others.add(node.rest)


def _function_scope(scope: Scope) -> Scope:
    while scope.kind == "comprehension" and scope.parent is not None:
        scope = scope.parent
    return scope


def _type_parameters(node: ast.AST, scope: Scope) -> Scope:
    """The scope of a definition's PEP 695 type parameters; `scope` itself when it has none."""
    parameters = getattr(node, "type_params", None)
    if not parameters:
        return scope
    inner = Scope("function", scope)
    inner.others.update(parameter.name for parameter in parameters)
    return inner


def _package_bound(imports: Iterable[ast.Import | ast.ImportFrom], package: str) -> set[str]:
    """Globals of a package's `__init__.py` that importing its submodules binds: `from .a.b import x` and
    `import pkg.a` bind `a`. The package's full dotted name is unknown: any component named like its
    directory counts as the package."""
    bound: set[str] = set()
    for node in imports:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            modules = [node.module] if node.module else [alias.name for alias in node.names if alias.name != "*"]
            bound.update(module.partition(".")[0] for module in modules)
            continue
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        if isinstance(node, ast.ImportFrom) and node.level:
            continue
        for name in names:
            parts = name.split(".")
            bound.update(parts[i + 1] for i in range(len(parts) - 1) if parts[i] == package)
    return bound


def _bind_import(scope: Scope, node: ast.Import | ast.ImportFrom) -> None:
    for alias in node.names:
        if alias.name == "*":
            continue
        if isinstance(node, ast.Import):
            local = alias.asname or alias.name.partition(".")[0]
            target: str | None = alias.name if alias.asname else local
        else:
            local = alias.asname or alias.name
            relative = node.level > 0 or not node.module
            target = None if relative else f"{node.module}.{alias.name}"
        scope.imports.setdefault(local, set()).add(target)
        scope.import_sites.setdefault(local, []).append((node, alias))
