"""The verifier's own check of imports a rewrite removed: nothing can have needed them.

The fixer removes imports its fixes left unused (`unused_imports.py`). This check does not trust
that: it compares the two modules' module-level imports itself, and each name the rewrite dropped
is set aside for the comparison only when

* the original module bound that name by this one import and in no other way (no assignment,
  definition, `global`, second import or star import that could stand in for it); and
* in the rewritten module nothing binds it at module level, no name resolves to it through the
  scopes (a name of that spelling inside a function that binds its own is not a use), and no
  string holds it as a word (`__all__`, a string annotation, `getattr(module, "name")`, a doctest).

Any other dropped import raises FixError: the rewrite would change what the module binds.
"""

from __future__ import annotations

import ast
import re
from collections import Counter

from ..findings import NewImport
from .errors import FixError, FixFailure
from .scopes import Resolver

_WORD = re.compile(r"[^\W\d]\w*")


def removed_imports(expected: ast.Module, actual: ast.Module) -> frozenset[NewImport]:
    """The module-level imports of `expected` that `actual` no longer has, each checked to be unused."""
    dropped = _imports(expected) - _imports(actual)
    if not dropped:
        return frozenset()
    before, after, words = _Bindings(expected), _Bindings(actual), _string_words(actual)
    for new in dropped:
        local = new.bound_name
        if not before.only_import(local, new) or after.binds(local) or local in words or _used(actual, new):
            raise FixError(
                FixFailure.UNVERIFIED,
                f"the rewrite would remove `{new.statement()}`, which the module may still need; file left unchanged",
            )
    return frozenset(dropped)


def _imports(tree: ast.Module) -> Counter[NewImport]:
    found: Counter[NewImport] = Counter()
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            found.update(NewImport(alias.name, None, alias.asname) for alias in statement.names)
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            module = statement.module
            found.update(NewImport(module, alias.name, alias.asname) for alias in statement.names)
    return found


class _Bindings:
    """How one module binds names: through its resolver's module scope and every import anywhere."""

    def __init__(self, tree: ast.Module) -> None:
        self.module = Resolver(tree).module
        self.imported: Counter[str] = Counter()
        self.star = False
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    self.star |= alias.name == "*"
                    self.imported[_local(node, alias)] += 1

    def only_import(self, local: str, new: NewImport) -> bool:
        """`local` is bound by exactly one import, at module level, of `new`, and in no other way."""
        return (
            not self.star
            and self.imported[local] == 1
            and local not in self.module.others
            and local not in self.module.declared_global
            and self.module.imports.get(local) == {_target(new)}
        )

    def binds(self, local: str) -> bool:
        return self.star or self.imported[local] > 0 or self.module.binds(local)


def _local(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> str:
    if alias.asname:
        return alias.asname
    return alias.name.partition(".")[0] if isinstance(node, ast.Import) else alias.name


def _target(new: NewImport) -> str:
    """What `scopes.Resolver` records as the import's target."""
    if new.name is not None:
        return f"{new.module}.{new.name}"
    return new.module if new.alias else new.module.partition(".")[0]


def _used(actual: ast.Module, new: NewImport) -> bool:
    """Whether some name in `actual` would resolve to `new` if it were still imported at module level."""
    statement = ast.parse(new.statement()).body[0]
    assert isinstance(statement, (ast.Import, ast.ImportFrom))
    resolver = Resolver(actual, [statement])
    local, target = new.bound_name, _target(new)
    return any(
        isinstance(node, ast.Name) and node.id == local and resolver.qualify(node) == target
        for node in ast.walk(actual)
    )


def _string_words(tree: ast.Module) -> set[str]:
    """Words of the strings a program can read: a bare string statement (a docstring) only when it
    holds a doctest, since doctests run with the module's names."""
    bare = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return {
        word
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in bare or ">>>" in node.value
        for word in _WORD.findall(node.value)
    }
