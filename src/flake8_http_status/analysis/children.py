"""A faster `ast.iter_child_nodes` for the hot loop: per node type, only the fields that hold nodes;
and the statement blocks nested in a statement.

Expression contexts (`Load`, `Store`) and operator singletons never contain a status, so the walk
skips them; they are a third of all nodes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from typing import Final

_SKIP: Final = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
# Fields that never hold a node worth visiting: contexts, operators, and names and flags (plain str/int).
_LEAF_FIELDS: Final = frozenset(
    {
        "ctx",
        "op",
        "ops",
        "id",
        "attr",
        "arg",
        "name",
        "asname",
        "names",
        "module",
        "level",
        "conversion",
        "is_async",
        "simple",
        "kind",
        "type_comment",
        "kwd_attrs",
        "rest",
        "tag",
    }
)
_PRIMITIVE_VALUE: Final = (ast.Constant, ast.MatchSingleton)


def _child_fields(kind: type[ast.AST]) -> tuple[str, ...]:
    if issubclass(kind, _PRIMITIVE_VALUE):
        return ()
    return tuple(name for name in kind._fields if name not in _LEAF_FIELDS)


def _node_types() -> list[type[ast.AST]]:
    found: list[type[ast.AST]] = []
    pending: list[type[ast.AST]] = [ast.AST]
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return [kind for kind in found if not issubclass(kind, _SKIP)]


CHILD_FIELDS: Final[dict[type, tuple[str, ...]]] = {kind: _child_fields(kind) for kind in _node_types()}


def walk_nodes(roots: Iterable[ast.AST], closed: frozenset[type] = frozenset()) -> Iterator[ast.AST]:
    """Every node under `roots`, the roots too, in no particular order: a walk over the fields that hold nodes, a
    few times faster than `ast.walk`. A node of a `closed` type is yielded but not entered. The `None` a list
    field may hold (a keyword-only parameter's missing default, `{**d}`'s key) is not a node and is skipped."""
    stack: list[ast.AST | None] = list(roots)
    fields = CHILD_FIELDS
    while stack:
        node = stack.pop()
        if node is None:
            continue
        yield node
        kind = type(node)
        if kind in closed:
            continue
        for name in fields.get(kind, ()):
            value = getattr(node, name)
            if type(value) is list:
                stack.extend(value)
            elif value is not None:
                stack.append(value)


def nested_blocks(statement: ast.stmt) -> Iterator[list[ast.stmt]]:
    """The statement lists directly inside `statement`: bodies, `else`, `finally`, handlers, cases."""
    for _, _, block in labelled_blocks(statement):
        yield block


def labelled_blocks(statement: ast.stmt) -> Iterator[tuple[str, ast.AST | None, list[ast.stmt]]]:
    """`nested_blocks`, each with where it is: the field that holds it ("body", "orelse", "finalbody",
    "handler" or "case") and the `ExceptHandler` or `match_case` it belongs to (None for the
    statement's own fields). Nested functions and classes count too: callers that must not enter
    them say so."""
    for name in ("body", "orelse", "finalbody"):
        block = getattr(statement, name, None)
        if isinstance(block, list):
            yield name, None, block
    for handler in getattr(statement, "handlers", ()):
        yield "handler", handler, handler.body
    for case in getattr(statement, "cases", ()):
        yield "case", case, case.body
