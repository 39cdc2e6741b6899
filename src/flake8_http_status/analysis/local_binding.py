"""Proof, not a guess, of what a local name holds: every binding of it in its function is a call to a known class.

`Bindings` types a receiver by name across the whole module, which is good enough to recognise a status site but
not to promise that a value written there is converted (`Receiver.proven`). Here a name counts only when the
function it is used in binds it, and binds it nowhere except as the whole target of `name = Class(...)` (or
`name = await factory(...)`) with a callee among the given ones: no parameter, loop, `with`, walrus, augmented
assignment, `except ... as`, import, pattern capture, nested definition or `global`/`nonlocal` declaration of
that name anywhere in the function (nested scopes included, which only ever refuses more). Python makes a name
assigned anywhere in a function local to all of it, so every read of it in that function sees one of those
calls' results, or fails unbound.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

from .nodes import attribute_chain
from .sites import FunctionNode

Qualify = Callable[[ast.expr], str | None]


def bound_only_by_calls(
    name: str, function: FunctionNode, callees: Iterable[str], qualify: Qualify
) -> frozenset[str] | None:
    """The local names of the callees (`make_response`, `flask` for `flask.Response`) when `function` binds `name`
    at least once and only from calls to one of `callees`, none of whose names the function binds itself (a
    parameter called `make_response` is not Flask's); None otherwise. The caller checks that the module binds
    those names only by their import."""
    wanted = frozenset(callees)
    typed: set[int] = set()
    callee_names: set[str] = set()
    for node in ast.walk(function):
        call = _typed_call(node, wanted, qualify)
        if call is None:
            continue
        root = attribute_chain(call.func)[0]
        if isinstance(root, ast.Name):  # always: `qualify` reads only chains rooted in a name
            callee_names.add(root.id)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]  # type: ignore[attr-defined]
        typed.update(id(target) for target in targets if isinstance(target, ast.Name) and target.id == name)
    if not typed:
        return None
    inner = [node for node in ast.walk(function) if node is not function]
    proven = all(_binds_typed(node, name, typed) for node in inner) and not any(
        not _binds_typed(node, callee, set()) for node in inner for callee in callee_names
    )
    return frozenset(callee_names) if proven else None


def assigned_values(name: str, function: FunctionNode) -> list[ast.expr] | None:
    """The values of every `name = value` in `function`, when those are its only bindings there (nested scopes
    included, which only ever refuses more); None when it binds `name` some other way, or not at all."""
    values: list[ast.expr] = []
    whole: set[int] = set()
    for node in ast.walk(function):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == name:
                    whole.add(id(target))
                    values.append(node.value)
    if not values:
        return None
    inner = (node for node in ast.walk(function) if node is not function)
    return values if all(_binds_typed(node, name, whole) for node in inner) else None


def binds(name: str, function: FunctionNode) -> bool:
    """`function` (or a scope nested in it) binds `name` somehow: the module's name of that spelling is not what
    it reads, or not always."""
    # Its parameters are `ast.arg` nodes inside it: the walk sees them too.
    return any(not _binds_typed(node, name, set()) for node in ast.walk(function) if node is not function)


def _typed_call(node: ast.AST, wanted: frozenset[str], qualify: Qualify) -> ast.Call | None:
    """The call in `x = callee(...)` or `x: T = callee(...)` (awaited or not) when the callee is one of `wanted`."""
    if isinstance(node, ast.Assign):
        value: ast.expr | None = node.value
    elif isinstance(node, ast.AnnAssign):
        value = node.value
    else:
        return None
    if isinstance(value, ast.Await):
        value = value.value
    if isinstance(value, ast.Call) and qualify(value.func) in wanted:
        return value
    return None


def _binds_typed(node: ast.AST, name: str, typed: set[int]) -> bool:
    """False when `node` binds `name` other than as one of the `typed` targets."""
    if isinstance(node, ast.Name):
        return node.id != name or isinstance(node.ctx, ast.Load) or id(node) in typed
    return name not in _other_binding_names(node)


def _other_binding_names(node: ast.AST) -> tuple[str | None, ...]:
    """Names `node` binds without an `ast.Name` target."""
    if isinstance(node, ast.arg):
        return (node.arg,)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)):
        return (node.name,)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return tuple(alias.asname or alias.name.partition(".")[0] for alias in node.names)
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return tuple(node.names)
    if isinstance(node, (ast.MatchAs, ast.MatchStar)):
        return (node.name,)
    if isinstance(node, ast.MatchMapping):
        return (node.rest,)
    return ()
