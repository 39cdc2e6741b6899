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


# Request data the client chose what to put in: the body, the query, the form. Headers and cookies may come from
# the server's own proxy, and path values are there whenever the route matched.
_NOT_CHOSEN = frozenset({"headers", "cookies", "match_info", "path_params"})
# Methods that take a value out of request data as it is.
_READERS = frozenset({"get", "getlist", "getall", "getone", "get_json", "get_data", "to_dict", "strip", "lower"})


def sent_value(node: ast.expr, data: dict[str, frozenset[str]], names: frozenset[str]) -> bool:
    """`node` is a value the client sent, taken as it is: `request.form.get("k")`, `request.json["k"]`,
    `await request.json()`, or `payload["k"]` of one of `names` (values read so). Anything computed from it
    (a lookup, a conversion) is not."""
    while True:
        if isinstance(node, ast.Await):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Attribute):
            if node.attr in data.get(last_name(node.value), ()):
                return node.attr not in _NOT_CHOSEN
            if node.attr not in _READERS:
                return False
            node = node.value
        else:
            return isinstance(node, ast.Name) and node.id in names


def sent_names(
    function: FunctionNode, index: BodyIndex, data: dict[str, frozenset[str]], before: int | None = None
) -> frozenset[str]:
    """Local names that only hold a value the client sent (`kind = request.form.get("kind")`, then
    `data = request.get_json()` and `kind = data["kind"]`), counting only assignments above line `before` when
    given. Parameters are left out: a handler's may be a dependency, such as the current user."""
    parameters = {arg.arg for arg in ast.walk(function.args) if isinstance(arg, ast.arg)}
    names: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, values in index.assigned.items():
            if name in names or name in parameters:
                continue
            known = frozenset(names)
            read = [value for value in values if value is not None]
            if len(read) < len(values):
                continue  # a loop variable, an unpacked tuple: not a value read as it is
            earlier = [value for value in read if before is None or value.lineno < before]
            if earlier and all(sent_value(value, data, known) for value in earlier):
                names.add(name)
                changed = True
    return frozenset(names)
