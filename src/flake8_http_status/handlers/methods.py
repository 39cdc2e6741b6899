"""Sets of HTTP methods, and how `request.method` guards narrow them."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from ..analysis.nodes import strip_not
from ..api.idioms import UNSAFE_METHODS
from ..records import NamedTuple
from .flow import Fact

# Receivers whose `.method` is the request's method: `request.method`, `self.request.method`, `req.method`.
_REQUEST_NAMES = frozenset({"request", "req", "rq"})


class Methods(NamedTuple):
    """The methods that can reach a point: `known` when finite, else every method but `excluded`."""

    known: frozenset[str] | None
    excluded: frozenset[str] = frozenset()

    def narrow(self, allowed: frozenset[str]) -> Methods:
        if self.known is None:
            return Methods(allowed - self.excluded)
        return Methods(self.known & allowed)

    def exclude(self, methods: frozenset[str]) -> Methods:
        if self.known is None:
            return Methods(None, self.excluded | methods)
        return Methods(self.known - methods)

    def within(self, methods: frozenset[str]) -> bool:
        """True when the point is reached only by some of `methods` (and by at least one method)."""
        return self.known is not None and bool(self.known) and self.known <= methods

    @property
    def only_unsafe(self) -> bool:
        return self.within(UNSAFE_METHODS)

    def union(self, other: Methods) -> Methods:
        if self.known is None or other.known is None:
            excluded = (self.excluded if self.known is None else frozenset()) & (
                other.excluded if other.known is None else frozenset()
            )
            return Methods(None, excluded)
        return Methods(self.known | other.known)


ANY = Methods(None)


def methods_of(names: Iterable[str]) -> Methods:
    return Methods(frozenset(name.upper() for name in names))


def read_methods(node: ast.expr | None) -> frozenset[str] | None:
    """Method names written as a string or a literal list, tuple or set of strings; None if not literal."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return frozenset({node.value.upper()})
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        names = [
            element.value
            for element in node.elts
            if isinstance(element, ast.Constant) and isinstance(element.value, str)
        ]
        if len(names) == len(node.elts):
            return frozenset(name.upper() for name in names)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("frozenset", "set")
        and len(node.args) == 1
    ):
        return read_methods(node.args[0])
    return None


def narrow(methods: Methods, fact: Fact) -> Methods:
    """The methods left once `fact` is known."""
    test, holds = strip_not(fact.test, fact.holds)
    if isinstance(test, ast.BoolOp):
        return _bool_op(methods, test, holds)
    compared = _method_comparison(test)
    if compared is None:
        return methods
    names, positive = compared
    return methods.narrow(names) if positive == holds else methods.exclude(names)


def _bool_op(methods: Methods, test: ast.BoolOp, holds: bool) -> Methods:
    # `a and b` true, or `a or b` false: every operand is known. The other cases say nothing certain.
    every = isinstance(test.op, ast.And) == holds
    if not every:
        return methods
    for value in test.values:
        methods = narrow(methods, Fact(value, holds))
    return methods


def is_method_test(test: ast.expr) -> bool:
    """`request.method == "PUT"`, `request.method in (...)`, possibly negated or combined."""
    test, _ = strip_not(test)
    if isinstance(test, ast.BoolOp):
        return all(is_method_test(value) for value in test.values)
    return _method_comparison(test) is not None


def _method_comparison(test: ast.expr) -> tuple[frozenset[str], bool] | None:
    """(`names`, True) for `request.method == "POST"` or `in (...)`; False for `!=` and `not in`."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, right, op = test.left, test.comparators[0], test.ops[0]
    if _is_request_method(right) and isinstance(op, (ast.Eq, ast.NotEq)):
        left, right = right, left
    if not _is_request_method(left):
        return None
    if isinstance(op, (ast.Eq, ast.NotEq)) and isinstance(right, ast.Constant) and isinstance(right.value, str):
        return frozenset({right.value.upper()}), isinstance(op, ast.Eq)
    if isinstance(op, (ast.In, ast.NotIn)):
        names = read_methods(right)
        if names is not None:
            return names, isinstance(op, ast.In)
    return None


def _is_request_method(node: ast.expr) -> bool:
    if not isinstance(node, ast.Attribute) or node.attr != "method":
        return False
    receiver = node.value
    name = (
        receiver.attr if isinstance(receiver, ast.Attribute) else receiver.id if isinstance(receiver, ast.Name) else ""
    )
    return name in _REQUEST_NAMES
