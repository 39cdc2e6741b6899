"""Small readers of literal syntax that several parts of the handler model share."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator


def optional(node: ast.expr, keyword: str | None) -> bool:
    """The call passes `keyword` with a value that is not a false literal (`optional=True`)."""
    if keyword is None or not isinstance(node, ast.Call):
        return False
    return any(
        k.arg == keyword and not (isinstance(k.value, ast.Constant) and not k.value.value) for k in node.keywords
    )


def strings(node: ast.expr | None) -> set[str]:
    """The strings of a string literal or of a literal list, tuple or set of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return set()


def listed(nodes: Iterable[ast.expr]) -> Iterator[ast.expr]:
    """The elements of literal lists, tuples and sets among `nodes`, and the other nodes themselves."""
    for node in nodes:
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            yield from node.elts
        else:
            yield node


def is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
