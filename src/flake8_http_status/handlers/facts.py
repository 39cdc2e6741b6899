"""What one walk over a function's own body records for the handler model.

The walk runs once per function, and only for functions a rule asks about.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass, field

from ..analysis.sites import FunctionNode
from .flow import walk_function

# Attributes whose assignment changes a response's status after it was built.
STATUS_ATTRIBUTES = frozenset({"status_code", "status", "status_int"})
_MAX_LITERAL = 64  # longer strings are prose, never a header name


@dataclass
class FunctionFacts:
    calls: list[ast.Call] = field(default_factory=list)
    returns: list[ast.Return] = field(default_factory=list)
    assigned: dict[str, list[ast.expr | None]] = field(default_factory=lambda: defaultdict(list))  # None: not from `=`
    strings: set[str] = field(default_factory=set)  # short string literals, lower-cased
    attributes: set[str] = field(default_factory=set)  # attribute names read or written
    restatused: set[str] = field(default_factory=set)  # names whose status is set after they were built
    keywords: set[str] = field(default_factory=set)  # keyword argument names, lower-cased
    stores: list[tuple[ast.Attribute, ast.expr, ast.stmt]] = field(default_factory=list)  # `x.attr = value`


def function_facts(function: FunctionNode) -> FunctionFacts:
    found = FunctionFacts()
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


def _call(node: ast.Call, found: FunctionFacts) -> None:
    found.calls.append(node)
    found.keywords.update(keyword.arg.lower() for keyword in node.keywords if keyword.arg)
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "set_status" and isinstance(func.value, ast.Name):
        found.restatused.add(func.value.id)


def _assignment(node: ast.Assign | ast.AnnAssign | ast.AugAssign, found: FunctionFacts) -> None:
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
