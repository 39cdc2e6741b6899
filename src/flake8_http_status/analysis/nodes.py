"""Small questions about one AST node that several analyses ask: the test inside `not`s, the root and
names of an attribute chain, the parameters of a signature and their defaults. Iterative, so that deep nesting
cannot overflow the stack.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator


def strip_not(test: ast.expr, holds: bool = True) -> tuple[ast.expr, bool]:
    """`test` without the `not`s around it, and whether that inner test holds when `test` is `holds`:
    `not not x` gives (`x`, holds), `not x` gives (`x`, not holds)."""
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, holds = test.operand, not holds
    return test, holds


def attribute_chain(node: ast.expr) -> tuple[ast.expr, list[str]]:
    """The expression an attribute chain starts from and the attribute names in source order:
    `a.b.c` gives (`a`, ["b", "c"]); anything that is not an `Attribute` gives (itself, [])."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    names.reverse()
    return node, names


def dotted(node: ast.expr) -> str | None:
    """`a.b.c` for a chain of names, None for anything else."""
    root, names = attribute_chain(node)
    if not isinstance(root, ast.Name):
        return None
    return ".".join([root.id, *names])


def parameters(args: ast.arguments) -> list[ast.arg]:
    """Every parameter of a signature: positional-only, positional, `*args`, keyword-only, `**kwargs`."""
    every = (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg)
    return [arg for arg in every if arg is not None]


def parameter_defaults(args: ast.arguments) -> Iterator[tuple[ast.arg, ast.expr]]:
    """Each parameter that has a default, with that default."""
    positional = [*args.posonlyargs, *args.args]
    yield from zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True)
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if default is not None:
            yield arg, default


def may_carry_status(node: ast.expr) -> bool:
    """An argument that can hand a status to a project callable: an int literal of 100-599, a constant
    (`HTTPStatus.NOT_FOUND`, `status.HTTP_404_NOT_FOUND`), a name or attribute that says status or code
    (`status`, `self.error_code`), or a conditional of those. This only decides which calls are worth reading
    other modules for; the status flow still decides what is a status."""
    while isinstance(node, ast.IfExp):
        if may_carry_status(node.body):
            return True
        node = node.orelse
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute):
        name = node.attr
        if name.isupper():
            return True
    elif isinstance(node, ast.Constant):
        return type(node.value) is int and 100 <= node.value <= 599
    else:
        return False
    return says_status(name)


def says_status(name: str) -> bool:
    lowered = name.lower()
    return "status" in lowered or "code" in lowered


def super_init_calls(cls: ast.ClassDef) -> Iterator[tuple[ast.Call, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """`super().__init__(...)` (or `super(Cls, self).__init__(...)`) in the class's own `__init__`."""
    for method in cls.body:
        if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method.name == "__init__":
            for node in ast.walk(method):
                if isinstance(node, ast.Call) and is_super_init(node.func):
                    yield node, method


def is_super_init(func: ast.expr) -> bool:
    """`super().__init__` or `super(Cls, self).__init__`, the callee of a call."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "super"
    )
