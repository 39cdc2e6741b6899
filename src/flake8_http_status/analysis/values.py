"""Read the status an expression stands for, whatever its spelling."""

from __future__ import annotations

import ast
import re

from ..enums import Enum
from ..families import Constant, constant_for
from ..lazy_pattern import LazyPattern
from ..records import NamedTuple
from .imports import ImportMap


class Spelling(Enum):
    LITERAL = "literal"  # 404
    TEXT = "text"  # "404 Not Found", "404"
    CONSTANT = "constant"  # HTTPStatus.NOT_FOUND, status.HTTP_404_NOT_FOUND, requests.codes.not_found
    FIXED = "fixed"  # a class that always carries the status: HttpResponseForbidden(...)
    DEFAULT = "default"  # nothing given: the API's default applies
    OTHER = "other"  # a variable, a call, anything not known statically


class Value(NamedTuple):
    spelling: Spelling
    code: int | None = None
    constant: Constant | None = None
    phrase: str | None = None  # the reason phrase of a TEXT status line, if any
    # A CONSTANT another module of the project defines (`codes.NOT_FOUND`, read through the project index): the
    # project's own name for the status, which no fix replaces with a library constant.
    project: bool = False


UNKNOWN = Value(Spelling.OTHER)
_STATUS_LINE = LazyPattern(r"\s*(\d{3})(?:\s+(\S.*?))?\s*\Z", re.DOTALL)
_HTTPSTATUS_CALLS = frozenset({"http.HTTPStatus", "http.client.HTTPStatus"})


def read_value(node: ast.expr | None, imports: ImportMap) -> Value:
    if node is None:
        return UNKNOWN
    if isinstance(node, ast.Constant):
        return _read_constant(node.value)
    while isinstance(node, ast.Attribute) and node.attr == "value":  # HTTPStatus.OK.value is HTTPStatus.OK
        node = node.value
    if isinstance(node, (ast.Attribute, ast.Name)):
        qualified = imports.qualify(node)
        constant = constant_for(qualified) if qualified else None
        if constant is not None:
            return Value(Spelling.CONSTANT, constant.code, constant)
        return UNKNOWN
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        qualified = imports.qualify(node.func)
        if qualified in _HTTPSTATUS_CALLS:
            inner = read_value(node.args[0], imports)
            if inner.spelling is Spelling.LITERAL:
                return Value(Spelling.CONSTANT, inner.code)
    return UNKNOWN


def _read_constant(value: object) -> Value:
    if isinstance(value, bool):
        return UNKNOWN
    if isinstance(value, int):
        return Value(Spelling.LITERAL, value)
    if isinstance(value, str):
        match = _STATUS_LINE.match(value)
        if match:
            return Value(Spelling.TEXT, int(match.group(1)), phrase=match.group(2))
    return UNKNOWN


def is_decimal_literal(node: ast.expr, lines: list[str]) -> bool:
    """True when an int literal is written in plain decimal (`404`, not `0o624` or `0x194`)."""
    if node.lineno != node.end_lineno or node.end_col_offset is None:
        return False
    line = lines[node.lineno - 1].encode("utf-8")
    text = line[node.col_offset : node.end_col_offset]
    return text.isdigit() and not (len(text) > 1 and text.startswith(b"0"))


def looks_like_status(value: Value) -> bool:
    """A value that is plausibly meant as a status: a 100-599 literal or any status constant."""
    if value.spelling is Spelling.CONSTANT:
        return True
    return value.spelling is Spelling.LITERAL and value.code is not None and 100 <= value.code <= 599
