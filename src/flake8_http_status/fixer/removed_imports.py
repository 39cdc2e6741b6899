"""The verifier's own check of imports a rewrite removed: nothing can have needed them.

The fixer removes imports its fixes left unused (`unused_imports.py`). This check does not trust
that: it compares the two modules' module-level imports itself, and each name the rewrite dropped
is set aside for the comparison only when

* the original module bound that name by this one import and in no other way (no assignment,
  definition, `global`, second import or star import that could stand in for it); and
* in the rewritten module nothing binds it at module level, no name resolves to it through the
  scopes (a name of that spelling inside a function that binds its own is not a use), and no
  string holds it as a word (`__all__`, a string annotation, `getattr(module, "name")`, a doctest); and
* it is not kept on purpose (`reexports.py`): no comment on its line, not `import X as X`, and no
  `__all__` built by anything but a literal list or tuple of strings.

Any other dropped import raises FixError: the rewrite would change what the module binds, or what
another module importing from it finds.
"""

from __future__ import annotations

import ast
import re
from collections import Counter

from ..findings import NewImport
from .errors import FixError, FixFailure
from .reexports import commented_lines, dynamic_all, explicit_reexport, has_comment
from .scopes import Resolver

_WORD = re.compile(r"[^\W\d]\w*")


def removed_imports(expected: ast.Module, actual: ast.Module, expected_text: str = "") -> frozenset[NewImport]:
    """The module-level imports of `expected` (whose text is `expected_text`) that `actual` no longer has,
    each checked to be unused and not kept on purpose."""
    dropped = _imports(expected) - _imports(actual)
    if not dropped:
        return frozenset()
    _check_not_kept(expected, expected_text, dropped)
    before, after, words = _Bindings(expected), _Bindings(actual), _string_words(actual)
    for new in dropped:
        local = new.bound_name
        if not before.only_import(local, new) or after.binds(local) or local in words or _used(actual, new):
            raise FixError(
                FixFailure.UNVERIFIED,
                f"the rewrite would remove `{new.statement()}`, which the module may still need; file left unchanged",
            )
    return frozenset(dropped)


def _check_not_kept(expected: ast.Module, text: str, dropped: Counter[NewImport]) -> None:
    """No dropped import is a deliberate re-export (`reexports.py`): a comment on its line, `X as X`, or
    an `__all__` that is not a literal list of strings (it may name anything)."""
    dynamic, comments = dynamic_all(expected), commented_lines(text)
    for statement in expected.body:
        if not isinstance(statement, (ast.Import, ast.ImportFrom)):
            continue
        for alias in statement.names:
            new = _form(statement, alias)
            if new is None or new not in dropped:
                continue
            if dynamic or explicit_reexport(alias) or has_comment(statement, alias, comments):
                raise FixError(
                    FixFailure.UNVERIFIED,
                    f"the rewrite would remove `{new.statement()}`, which may be re-exported; file left unchanged",
                    statement.lineno,
                )


def _form(statement: ast.Import | ast.ImportFrom, alias: ast.alias) -> NewImport | None:
    if isinstance(statement, ast.Import):
        return NewImport(alias.name, None, alias.asname)
    if statement.level or not statement.module:
        return None
    return NewImport(statement.module, alias.name, alias.asname)


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
