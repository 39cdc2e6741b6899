"""How to write a status constant in a given module: which family, which name, which import.

The speller reuses an import the module already has (aliases included), and never writes a name
that something else in the module binds: a parameter called `status`, a class called `HTTPStatus`.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..families import FAMILIES, Constant, Family, Target
from ..findings import NewImport
from .children import iter_nodes
from .imports import ImportMap

# Namespaces reachable as an attribute of their parent package without importing a submodule.
_ATTRIBUTE_NAMESPACES = frozenset({"http.HTTPStatus", "fastapi.status", "http.client.HTTPStatus"})
_NAMESPACE_SYNONYMS = {"http.HTTPStatus": ("http.client.HTTPStatus",)}

# A framework's own constant family, tried in this order when a module uses no constants yet.
_FRAMEWORK_FAMILY = (("fastapi", "fastapi"), ("litestar", "litestar"), ("rest_framework", "drf"), ("starlette", "starlette"))

# Ways to spell a family when its usual name is taken, in order of preference.
_FALLBACKS: dict[str, tuple[tuple[NewImport, str], ...]] = {
    "httpstatus": ((NewImport("http"), "http.HTTPStatus"),),
}


@dataclass(frozen=True)
class Spelled:
    text: str
    new_import: NewImport | None = None


def choose_family(style: str, imports: ImportMap, used: Iterable[Constant]) -> Family:
    """The family a module should use: the configured one, the one it already uses most, or its framework's."""
    if style != "auto":
        return FAMILIES[style]
    counts = Counter(constant.family for constant in used if constant.is_style_family)
    preferred = framework_family(imports)
    if counts:
        best = max(counts.values())
        leaders = [family for family, count in counts.items() if count == best]
        return FAMILIES[preferred if preferred in leaders else sorted(leaders)[0]]
    return FAMILIES[preferred]


def framework_family(imports: ImportMap) -> str:
    for module, family in _FRAMEWORK_FAMILY:
        if module in imports.modules:
            return family
    return "httpstatus"


class Speller:
    def __init__(self, family: Family, target: Target, imports: ImportMap, tree: ast.Module) -> None:
        self.family = family
        self.target = target
        self.imports = imports
        self.tree = tree
        self._bound: Counter[str] | None = None

    def spell(self, code: int, *, dotted: bool = False) -> Spelled | None:
        """The text for `code` in this module; `dotted` where a bare name would not work (a `case` pattern)."""
        name = self.family.constant(code, self.target)
        if name is None:
            return None
        existing = self._existing(name, dotted)
        if existing is not None:
            return Spelled(existing)
        return self._new(name, dotted)

    def _existing(self, name: str, dotted: bool) -> str | None:
        namespaces = (self.family.namespace, *_NAMESPACE_SYNONYMS.get(self.family.namespace, ()))
        for local, qualified in self.imports.module_level.items():
            if self._shadowed(local):
                continue
            if qualified in namespaces:
                return f"{local}.{name}"
            if not dotted and qualified in (f"{namespace}.{name}" for namespace in namespaces):
                return local
            for namespace in namespaces:
                if namespace.startswith(f"{qualified}.") and self._reachable(namespace):
                    return f"{local}{namespace[len(qualified):]}.{name}"
        return None

    def _reachable(self, namespace: str) -> bool:
        return namespace in _ATTRIBUTE_NAMESPACES or namespace in self.imports.modules

    def _new(self, name: str, dotted: bool) -> Spelled | None:
        family = self.family
        if not dotted and (family.import_constants or self._imports_constants_by_name()) and self._free(name):
            return Spelled(name, NewImport(family.namespace, name))
        for new_import, prefix in self._candidates():
            if self._free(new_import.bound_name):
                return Spelled(f"{prefix}.{name}", new_import)
        return None

    def _candidates(self) -> list[tuple[NewImport, str]]:
        family = self.family
        usual = NewImport(family.import_from, family.import_name)
        aliased = NewImport(family.import_from, family.import_name, family.alias)
        return [(usual, family.import_name), *_FALLBACKS.get(family.style, ()), (aliased, family.alias)]

    def _imports_constants_by_name(self) -> bool:
        prefix = f"{self.family.namespace}."
        return any(qualified.startswith(prefix) for qualified in self.imports.module_level.values())

    def _shadowed(self, local: str) -> bool:
        """Bound by something besides its import: a parameter, an assignment, a def."""
        return self.bound_names()[local] > 1

    def _free(self, name: str) -> bool:
        return self.bound_names()[name] == 0 and name not in self.imports.names

    def bound_names(self) -> Counter[str]:
        if self._bound is None:
            self._bound = count_bindings(self.tree)
        return self._bound


def count_bindings(tree: ast.Module) -> Counter[str]:
    """How many times each name is bound anywhere in the module."""
    counts: Counter[str] = Counter()
    binders = _BINDERS
    for node in iter_nodes(tree):
        binder = binders.get(type(node))
        if binder is not None:
            for name in binder(node):
                if name:
                    counts[name] += 1
    return counts


def _name(node: Any) -> tuple[str, ...]:
    return () if type(node.ctx) is ast.Load else (node.id,)


def _aliases(node: Any) -> tuple[str, ...]:
    return tuple(alias.asname or alias.name.partition(".")[0] for alias in node.names)


# Per node type, the names it binds (dispatch on the exact type: `ast.walk`-style isinstance chains cost
# a third of the time in modules with many nodes).
_BINDERS: dict[type, Callable[[Any], tuple[str, ...]]] = {
    ast.Name: _name,
    ast.arg: lambda node: (node.arg,),
    ast.FunctionDef: lambda node: (node.name,),
    ast.AsyncFunctionDef: lambda node: (node.name,),
    ast.ClassDef: lambda node: (node.name,),
    ast.Import: _aliases,
    ast.ImportFrom: _aliases,
    ast.ExceptHandler: lambda node: (node.name,),
    ast.MatchAs: lambda node: (node.name,),
    ast.MatchStar: lambda node: (node.name,),
    ast.MatchMapping: lambda node: (node.rest,),
    ast.Global: lambda node: tuple(node.names),
    ast.Nonlocal: lambda node: tuple(node.names),
}
