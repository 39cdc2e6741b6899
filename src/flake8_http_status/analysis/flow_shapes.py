"""The shapes of code the status flow (`analysis.flow`) reads: parameters and their defaults, table accesses,
`self.<method>(...)` calls, what a class body defines. Pure functions of the tree, with no state of the flow."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..api.rows import Slot
from .nodes import parameters
from .sites import FunctionNode, Site


def slot_converts(site: Site, bound: dict[str, int]) -> bool:
    """Whether a slot inside a helper turns the value into an int where the helper's callers cannot see it: a call
    of the framework by a name the module binds once (a return goes back to the helper's caller)."""
    if not site.api.converts or not isinstance(site.anchor, ast.Call):
        return False
    root = site.anchor.func
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and (root.id in ("self", "cls") or bound.get(root.id, 0) <= 1)


def table_name(node: ast.expr) -> str | None:
    """`T` in `T[key]` and `T.get(key)`, `T.get(key, default)`."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return node.value.id
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"):
        return None
    receiver = node.func.value
    return receiver.id if isinstance(receiver, ast.Name) and 1 <= len(node.args) <= 2 and not node.keywords else None


def entry_element(entry: ast.expr, index: int) -> ast.expr | None:
    if not isinstance(entry, (ast.Tuple, ast.List)) or index >= len(entry.elts):
        return None
    return None if any(isinstance(element, ast.Starred) for element in entry.elts) else entry.elts[index]


def class_defines(cls: ast.ClassDef, name: str) -> bool:
    return any(class_bindings_of(cls, name))


def class_bindings_of(cls: ast.ClassDef, name: str) -> Iterator[int]:
    """One for each statement of the class body that binds `name` (a method, an assignment)."""
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name:
            yield 1
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            yield from (1 for target in targets if isinstance(target, ast.Name) and target.id == name)


def self_calls(cls: ast.ClassDef, method: str) -> Iterator[tuple[ast.Call, FunctionNode]]:
    """`self.<method>(...)` in the methods the class defines itself, and in the functions nested in them that do
    not take a `self` of their own; never in a nested class, whose `self` is another object."""
    for function in cls.body:
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            pending: list[ast.AST] = list(function.body)
            while pending:
                node = pending.pop()
                if isinstance(node, ast.ClassDef) or (_is_scope(node) and _takes_self(node)):
                    continue
                if isinstance(node, ast.Call) and _is_self_call(node, method):
                    yield node, function
                pending.extend(ast.iter_child_nodes(node))


def sets_self_attribute(cls: ast.ClassDef, name: str) -> bool:
    """The class's methods assign `self.<name> = ...` somewhere."""
    for node in ast.walk(cls):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(is_self_attribute(target, name) for target in targets):
                return True
    return False


def is_self_attribute(target: ast.expr, name: str) -> bool:
    """`self.<name>`."""
    return isinstance(target, ast.Attribute) and target.attr == name and _is_self(target.value)


def only_tested(read: ast.Name, parent: ast.AST | None) -> bool:
    """The read only tests the value: the test of an `if`, `while`, conditional expression or `assert`, the operand
    of `not`, or `x is None`. `bool()` of an `HTTPStatus` member is `bool()` of its int."""
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return parent.test is read
    if isinstance(parent, ast.UnaryOp):
        return isinstance(parent.op, ast.Not)
    return isinstance(parent, ast.Compare) and _is_none_check(parent)


def _is_self_call(node: ast.Call, method: str) -> bool:
    return isinstance(node.func, ast.Attribute) and node.func.attr == method and _is_self(node.func.value)


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _is_scope(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))


def _takes_self(node: ast.AST) -> bool:
    return any(arg.arg == "self" for arg in parameters(node.args))  # type: ignore[attr-defined]


def parameter_slot(function: FunctionNode, parameter: str, skip: int) -> Slot | None:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    for index, arg in enumerate(positional):
        if arg.arg == parameter:
            if index < skip:
                return None
            keyword = None if index < len(args.posonlyargs) else parameter
            return Slot(index - skip, keyword)
    if any(arg.arg == parameter for arg in args.kwonlyargs):
        return Slot(None, parameter)
    return None


def _is_none_check(compare: ast.Compare) -> bool:
    return (
        len(compare.ops) == 1
        and isinstance(compare.ops[0], (ast.Is, ast.IsNot))
        and isinstance(compare.comparators[0], ast.Constant)
        and compare.comparators[0].value is None
    )


def module_level_targets(tree: ast.Module) -> set[int]:
    """Ids of the names the module's own top-level assignments bind (`NOT_FOUND = 404`), not a class's or a
    function's."""
    found: set[int] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        for target in targets:
            found.update(id(node) for node in ast.walk(target) if isinstance(node, ast.Name))
    return found
