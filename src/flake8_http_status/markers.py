"""PEP 508 environment markers (`python_version < "3.11"`), read only as far as the Python version decides.

A requirement with a marker applies only where the marker holds. The project's admitted Pythons decide some
markers: one that holds on none of them can be dropped, one that holds on all of them applies everywhere.
Any other variable (`sys_platform`, `extra`, ...) may hold or not, so a marker is held as two sets of Python
releases: where it may hold (a superset of the truth) and where it must hold (a subset). Anything this reader
does not know, a malformed marker included, may hold anywhere and must hold nowhere: the cautious reading.
"""

from __future__ import annotations

import re

from .records import NamedTuple
from .specifiers import Interval, clause, covers, intersect, intervals_of
from .versions import Span, Version, padded

_ZERO = (0, 0, 0)
_EVERYTHING: tuple[Interval, ...] = ((_ZERO, None),)
_TOKEN = r"""\s*(\(|\)|'[^']*'|"[^"]*"|===|==|!=|<=|>=|~=|<|>|[A-Za-z_][A-Za-z0-9_.]*)"""
_PYTHON = ("python_version", "python_full_version")
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}


class Condition(NamedTuple):
    """Where a requirement applies, as Python releases: `may` (a superset) and `must` (a subset)."""

    may: tuple[Interval, ...] = _EVERYTHING
    must: tuple[Interval, ...] = _EVERYTHING

    def both(self, other: Condition) -> Condition:
        return Condition(
            tuple(intersect(list(self.may), list(other.may))), tuple(intersect(list(self.must), list(other.must)))
        )

    def either(self, other: Condition) -> Condition:
        return Condition(self.may + other.may, self.must + other.must)

    def never(self, python: Span) -> bool:
        """It holds on no admitted Python."""
        low, high = _bounds(python)
        return not intersect(list(self.may), [(low, high)])

    def always(self, python: Span) -> bool:
        """It holds on every admitted Python."""
        return covers(list(self.must), *_bounds(python))


ALWAYS = Condition()
UNKNOWN = Condition(_EVERYTHING, ())


def _bounds(python: Span) -> tuple[tuple[int, int, int], tuple[int, int, int] | None]:
    return padded(python.low or (0,)), None if python.high is None else padded(python.high)


def python_condition(specifier: str) -> Condition:
    """Poetry's `python = "^3.8"` on a dependency: a condition on the Python version alone."""
    intervals = intervals_of(specifier)
    return UNKNOWN if intervals is None else Condition(tuple(intervals), tuple(intervals))


def marker_condition(marker: str) -> Condition:
    """Where the PEP 508 `marker` holds; UNKNOWN when it cannot be read."""
    tokens = _tokens(marker)
    if tokens is None:
        return UNKNOWN
    parsed = _Parser(tokens).whole()
    return UNKNOWN if parsed is None else parsed


def _tokens(marker: str) -> list[str] | None:
    tokens: list[str] = []
    position = 0
    while marker[position:].strip():
        match = re.compile(_TOKEN).match(marker, position)
        if match is None:
            return None
        tokens.append(match.group(1))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent over `or` (loosest), `and`, then `(...)` or one comparison."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def whole(self) -> Condition | None:
        condition = self.either()
        return condition if condition is not None and self.at == len(self.tokens) else None

    def either(self) -> Condition | None:
        condition = self.both()
        while condition is not None and self._take("or"):
            right = self.both()
            condition = None if right is None else condition.either(right)
        return condition

    def both(self) -> Condition | None:
        condition = self.atom()
        while condition is not None and self._take("and"):
            right = self.atom()
            condition = None if right is None else condition.both(right)
        return condition

    def atom(self) -> Condition | None:
        if self._take("("):
            inner = self.either()
            return inner if inner is not None and self._take(")") else None
        if self.at + 3 > len(self.tokens):
            return None
        left, operator, right = self.tokens[self.at : self.at + 3]
        if operator == "not" and right == "in" and self.at + 4 <= len(self.tokens):
            self.at += 4  # `not in` compares strings: never decided by the Python version here
            return UNKNOWN
        if operator not in (*_FLIPPED, "===", "~=", "in"):
            return None
        self.at += 3
        return _comparison(left, operator, right)

    def _take(self, token: str) -> bool:
        if self.at < len(self.tokens) and self.tokens[self.at] == token:
            self.at += 1
            return True
        return False


def _comparison(left: str, operator: str, right: str) -> Condition:
    if left in _PYTHON and right[:1] in "'\"":
        return _python(left, operator, right[1:-1])
    if right in _PYTHON and left[:1] in "'\"" and operator in _FLIPPED:
        return _python(right, _FLIPPED[operator], left[1:-1])
    return UNKNOWN


def _python(variable: str, operator: str, text: str) -> Condition:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)*)(\.\*)?\s*", text)
    if match is None or operator in ("===", "in"):
        return UNKNOWN
    version: Version = tuple(int(part) for part in match.group(1).split("."))
    wildcard = bool(match.group(2))
    if variable == "python_version" and not wildcard:
        if len(version) != 2:  # python_version is "3.11": compared with "3.11.2" it is a string of another shape
            return UNKNOWN
        operator, version, wildcard = _minor(operator, version)
    intervals = tuple(clause(operator, version, wildcard))
    return Condition(intervals, intervals)


def _minor(operator: str, version: Version) -> tuple[str, Version, bool]:
    """`python_version OP "3.11"` as a clause on the full version: `<= 3.11` admits every 3.11.x."""
    major, minor = version
    if operator == "<=":
        return "<", (major, minor + 1), False
    if operator == ">":
        return ">=", (major, minor + 1), False
    if operator in ("==", "!="):
        return operator, version, True
    return operator, version, False
