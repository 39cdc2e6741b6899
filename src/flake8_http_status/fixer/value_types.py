"""The verifier's type check: a rewrite may turn an int into an `http.HTTPStatus` member (or back) only where
nothing but a converting status slot or a comparison sees the value.

The node-by-node comparison reads every constant as its number, so it cannot see this. Here the two modules are
walked again in step, over the statements whose text the fixes changed, and each value whose type differs
between the two (`analysis.family_types.family_type`) must sit, in the rewritten module, where
`analysis.value_uses.ValueUses` says the type cannot show. The sites are found again in the rewritten tree, so
the check does not trust what the rules decided, and the name each converting call starts from is read with
Python's scope rules (`scopes.Resolver`), not the module's import list, so a parameter, a local, a loop variable or
a module-level `def abort` named like the framework's function is not taken for it.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from ..analysis.family_types import INT, family_type
from ..analysis.value_uses import Callees, ValueUses, status_sites
from ..families import constant_for
from .errors import FixError, FixFailure
from .positions import first_line
from .scopes import Resolver

if TYPE_CHECKING:
    from ..analysis.project_facts import ProjectFacts


class Reading(Protocol):
    """How the verifier reads one module (`verify._Reader`): its resolver, and its statements without the
    imports the fixes added."""

    resolver: Resolver

    def statements(self, body: Sequence[ast.stmt]) -> list[ast.stmt]: ...


def check_value_types(
    pairs: Iterable[tuple[ast.stmt, ast.stmt]],
    readers: tuple[Reading, Reading],
    texts: tuple[Sequence[str], Sequence[str]],
    rewritten: ast.Module,
    project: ProjectFacts | None = None,
) -> None:
    """Raise FixError at the first value whose type changes where a use could tell.

    `pairs` are the statements of the expected and the rewritten module, in step; `texts` their lines;
    `project` what the index knows of the rewritten module's project (as the rules read it).
    """
    uses: ValueUses | None = None
    for old_statement, new_statement in pairs:
        if _text(old_statement, texts[0]) == _text(new_statement, texts[1]):
            continue
        for old, new, before, after in _retyped(old_statement, new_statement, readers):
            if uses is None:
                sites, bound = status_sites(rewritten, project)
                uses = ValueUses(rewritten, sites, resolved_callees(readers[1].resolver, bound))
            if not uses.interchangeable(new):
                raise FixError(
                    FixFailure.UNVERIFIED,
                    f"the rewrite would turn a status {before} into {after} where more than a comparison or a "
                    "framework's int() sees it (str, repr or attributes differ); file left unchanged",
                    getattr(old, "lineno", None),
                )


def _retyped(
    old: ast.AST, new: ast.AST, readers: tuple[Reading, Reading]
) -> Iterator[tuple[ast.AST, ast.AST, str, str]]:
    """The pairs of nodes, in step, whose value has one type before and another after (an explicit stack)."""
    left, right = readers
    pending: list[tuple[object, object]] = [(old, new)]
    while pending:
        before, after = pending.pop()
        if not isinstance(before, ast.AST) or not isinstance(after, ast.AST):
            continue
        types = _value_type(before, left.resolver), _value_type(after, right.resolver)
        if types != (None, None):
            if None not in types and types[0] != types[1]:
                yield before, after, str(types[0]), str(types[1])
            continue
        if type(before) is not type(after):
            continue  # the node-by-node comparison refuses this already
        for name in before._fields:
            first, second = getattr(before, name, None), getattr(after, name, None)
            if isinstance(first, list) and isinstance(second, list):
                if first and isinstance(first[0], ast.stmt):
                    first, second = left.statements(first), right.statements(second)
                pending.extend(zip(first, second, strict=False))
            else:
                pending.append((first, second))


def resolved_callees(resolver: Resolver, bound: Counter[str]) -> Callees:
    """The verifier's reading of the name a converting call starts from: an import that nothing else binds in the
    scope Python finds it in (`Resolver.qualify`), the `self`/`cls` of a method, or a name bound by no import in
    the scope that owns it and bound once in the whole module (`app = Flask(...)`: the binding the matcher typed).
    A relative import counts like an absolute one: only the project index can have typed it. `resolver` must have
    been built from the tree the names are in."""

    def reaches(name: ast.Name) -> bool:
        if resolver.qualify(name) is not None:
            return True
        owner = resolver.owner(name)
        if owner is None:
            return False  # a builtin or unbound name
        if name.id in owner.imports:
            # Only a relative import that nothing else binds (`from . import bp`, typed by the project index as
            # the matcher typed it); any other import here is one the scope also binds otherwise.
            return owner.imports[name.id] == {None} and not owner.binds_otherwise(name.id)
        return owner.kind == "function" if name.id in ("self", "cls") else bound[name.id] <= 1

    return reaches


def _value_type(node: ast.AST, resolver: Resolver) -> str | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return INT
    if not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    qualified = resolver.qualify(node)
    constant = constant_for(qualified) if qualified else None
    return family_type(constant.family) if constant is not None else None


def _text(statement: ast.stmt, lines: Sequence[str]) -> str:
    return "".join(lines[first_line(statement) - 1 : statement.end_lineno or statement.lineno])
