"""What one walk over a function's own body records for the handler model.

The walk runs once per function, and only for functions a rule asks about.
"""

from __future__ import annotations

import ast
from collections import defaultdict

from ..analysis.sites import FunctionNode
from .flow import walk_function

# Attributes whose assignment changes a response's status after it was built.
STATUS_ATTRIBUTES = frozenset({"status_code", "status", "status_int"})
_MAX_LITERAL = 64  # longer strings are prose, never a header name


class BodyIndex:
    """What one walk over a function's body found."""

    __slots__ = (
        "assigned",
        "attributes",
        "calls",
        "items",
        "opaque_headers",
        "restatused",
        "returns",
        "stores",
        "strings",
    )

    def __init__(self) -> None:
        self.calls: list[ast.Call] = []
        self.returns: list[ast.Return] = []
        self.assigned: dict[str, list[ast.expr | None]] = defaultdict(list)  # None: not from `=`
        self.strings: set[str] = set()  # short string literals, lower-cased
        self.attributes: set[str] = set()  # attribute names read or written
        self.restatused: set[str] = set()  # names whose status is set after they were built
        self.stores: list[tuple[ast.Attribute, ast.expr, ast.stmt]] = []  # `x.attr = value`
        self.items: list[tuple[ast.Subscript, ast.expr, ast.stmt]] = []  # `x[key] = value`
        # Headers added from values we cannot read: `resp.headers.extend(forget(req))`.
        self.opaque_headers = False


def index_body(function: FunctionNode) -> BodyIndex:
    found = BodyIndex()
    for node in walk_function(function):
        kind = type(node)
        if kind is ast.Call:
            _call(node, found)  # type: ignore[arg-type]
        elif kind is ast.Return:
            found.returns.append(node)  # type: ignore[arg-type]
        elif kind is ast.Constant:
            value = node.value  # type: ignore[attr-defined]
            if isinstance(value, str) and len(value) <= _MAX_LITERAL:
                found.strings.add(value.lower())
        elif kind is ast.Attribute:
            found.attributes.add(node.attr)  # type: ignore[attr-defined]
        elif kind in (ast.Assign, ast.AnnAssign, ast.AugAssign):
            _assignment(node, found)  # type: ignore[arg-type]
        elif kind in (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.NamedExpr):
            for target in _loose_targets(node):
                found.assigned[target].append(None)
    return found


_HEADER_METHODS = frozenset({"extend", "update", "add", "setdefault", "add_header", "set_header", "__setitem__"})
_HEADER_OWNERS = frozenset({"headers", "headerlist", "_headers"})


def _call(node: ast.Call, found: BodyIndex) -> None:
    found.calls.append(node)
    func = node.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr in _HEADER_METHODS
        and isinstance(func.value, ast.Attribute)
        and func.value.attr in _HEADER_OWNERS
        and not all(_literal(arg) for arg in node.args)
    ):
        found.opaque_headers = True
    if isinstance(func, ast.Attribute) and func.attr == "set_status" and isinstance(func.value, ast.Name):
        found.restatused.add(func.value.id)


def _literal(node: ast.expr) -> bool:
    """A header argument whose names can be read: a string, or a dict or list of pairs with string names."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Dict):
        return all(isinstance(key, ast.Constant) for key in node.keys)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(isinstance(e, ast.Tuple) and e.elts and isinstance(e.elts[0], ast.Constant) for e in node.elts)
    return False


def _assignment(node: ast.Assign | ast.AnnAssign | ast.AugAssign, found: BodyIndex) -> None:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    value = node.value if not isinstance(node, ast.AugAssign) else None
    for target in targets:
        if isinstance(target, ast.Name):
            found.assigned[target.id].append(value)
        elif isinstance(target, ast.Attribute):
            if value is not None:
                found.stores.append((target, value, node))
            if target.attr in STATUS_ATTRIBUTES and isinstance(target.value, ast.Name):
                found.restatused.add(target.value.id)
        elif isinstance(target, ast.Subscript) and value is not None:
            found.items.append((target, value, node))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in ast.walk(target):
                if isinstance(element, ast.Name):
                    found.assigned[element.id].append(None)


def _loose_targets(node: ast.AST) -> list[str]:
    """Names bound by loops, `with ... as`, and `:=`: never a freshly built object we can vouch for."""
    targets: list[ast.expr] = []
    if isinstance(node, (ast.For, ast.AsyncFor)):
        targets.append(node.target)
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets.extend(item.optional_vars for item in node.items if item.optional_vars is not None)
    elif isinstance(node, ast.NamedExpr):
        targets.append(node.target)
    return [name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)]
