"""What the client sent: names that hold request data, and code that reads it.

HTS909 asks whether the code an `except` clause guards reads the request: a `ValueError` from parsing
`request.json` is the client's fault, one from the server's own data is not.
"""

from __future__ import annotations

import ast

from ..analysis.receivers import last_name
from ..analysis.sites import FunctionNode
from .body_index import BodyIndex

_NOT_INPUT = frozenset({"self", "cls", "request", "req"})


def request_names(
    function: FunctionNode,
    index: BodyIndex,
    data: dict[str, frozenset[str]],
    handler: bool,
) -> frozenset[str]:
    """Names holding request data: a handler's parameters (route arguments), and names assigned from an
    expression that reads the request (`payload = request.get_json()`)."""
    names: set[str] = set()
    if handler:
        args = function.args
        names.update(arg.arg for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs) if arg.arg not in _NOT_INPUT)
    for name, values in index.assigned.items():
        if any(value is not None and reads_request(value, data, frozenset()) for value in values):
            names.add(name)
    return frozenset(names)


def reads_request(node: ast.AST, data: dict[str, frozenset[str]], names: frozenset[str]) -> bool:
    """`node` reads what the client sent: `request.json`, `self.get_argument(...)`, or one of `names`."""
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id in names:
            return True
        if isinstance(child, ast.Attribute) and child.attr in data.get(last_name(child.value), ()):
            return True
    return False
