"""Version specifiers as the releases they admit: PEP 440 (`>=3.10,!=3.11.*`, `~=3.13.0`, `==3.11.*`) and
Poetry's (`^3.11`, `~3.11`, `3.11.*`, `>=3.10,<3.12 || >=3.13`), read into a `versions.Span`.

Each clause becomes a set of intervals, commas (and Poetry's blanks) intersect them, `||` unites them, and
the result is held as its hull: that admits more releases than the specifier, never fewer, so a name checked
against it is safe on every release the specifier admits. Pre-, post- and dev-release parts are dropped.
"""

from __future__ import annotations

import re

from .versions import Span, Version, padded

Interval = tuple[tuple[int, int, int], tuple[int, int, int] | None]  # low <= v < high; high None: unbounded

_CLAUSE = r"(===|==|!=|<=|>=|~=|<|>|\^|~|=)?\s*v?(\d+(?:\.\d+)*)(\.\*)?"
_ZERO = (0, 0, 0)
_EVERYTHING: list[Interval] = [(_ZERO, None)]


def span_of(specifier: str) -> Span | None:
    """The hull of what `specifier` admits; None when it cannot be read (or admits nothing)."""
    admitted = intervals_of(specifier)
    if not admitted:
        return None
    low = min(interval[0] for interval in admitted)
    highs = [interval[1] for interval in admitted]
    high = None if None in highs else max(h for h in highs if h is not None)
    return Span(None if low == _ZERO else low, high)


def intervals_of(specifier: str) -> list[Interval] | None:
    """Exactly what `specifier` admits, as intervals (possibly overlapping); None when it cannot be read."""
    admitted: list[Interval] = []
    for alternative in re.split(r"\|\|?", specifier):
        intervals = _alternative(alternative)
        if intervals is None:
            return None
        admitted.extend(intervals)
    return admitted


def clause(operator: str, version: Version, wildcard: bool = False) -> list[Interval]:
    """What one clause (`>=` 3.11) admits."""
    return _clause(operator, version, wildcard)


def intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    """What both sets of intervals admit."""
    return _intersect(left, right)


def covers(intervals: list[Interval], low: tuple[int, int, int], high: tuple[int, int, int] | None) -> bool:
    """Every release from `low` up to (not including) `high` (None: unbounded) lies in some interval."""
    reached = low
    for start, end in sorted(intervals, key=lambda interval: interval[0]):
        if start > reached:
            break
        if end is None:
            return True
        reached = max(reached, end)
        if high is not None and reached >= high:
            return True
    return high is not None and reached >= high


def _alternative(text: str) -> list[Interval] | None:
    text = text.strip()
    if text in ("", "*"):
        return list(_EVERYTHING)
    intervals = list(_EVERYTHING)
    rest = text
    for match in re.finditer(_CLAUSE, text):
        rest = rest.replace(match.group(0), "", 1)
        intervals = _intersect(
            intervals, _clause(match.group(1) or "==", _release(match.group(2)), bool(match.group(3)))
        )
    if re.sub(r"[\s,]", "", rest):  # something the grammar above does not know: do not guess
        return None
    return intervals


def _release(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def _clause(operator: str, version: Version, wildcard: bool) -> list[Interval]:
    low = padded(version)
    if operator in ("==", "=", "===", "!="):
        exact = (low, _bump(version, len(version) - 1) if wildcard else _next(low))
        return _complement([exact]) if operator == "!=" else [exact]
    if operator == ">=":
        return [(low, None)]
    if operator == ">":
        return [(_next(low), None)]
    if operator == "<":
        return [(_ZERO, low)]
    if operator == "<=":
        return [(_ZERO, _next(low))]
    if operator == "~=":  # ~=3.13.0 is >=3.13.0,<3.14; ~=3.10 is >=3.10,<4
        return [(low, _bump(version, max(len(version) - 2, 0)))]
    if operator == "^":  # Poetry: the first non-zero part given may not change
        given = [index for index, part in enumerate(version) if part]
        return [(low, _bump(version, given[0] if given else len(version) - 1))]
    # "~" (Poetry): ~1.2.3 and ~1.2 keep the minor, ~1 keeps the major
    return [(low, _bump(version, 1 if len(version) > 1 else 0))]


def _next(version: tuple[int, int, int]) -> tuple[int, int, int]:
    """The release just after `version` (3.10.0 -> 3.10.1): where `>3.10` and `<=3.10` draw the line."""
    return version[0], version[1], version[2] + 1


def _bump(version: Version, index: int) -> tuple[int, int, int]:
    """`version` with the part at `index` raised by one and the rest dropped: (0, 48, 2), 1 -> (0, 49, 0)."""
    parts = list(version[: index + 1])
    parts[index] += 1
    return padded(tuple(parts))


def _intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    met: list[Interval] = []
    for low_a, high_a in left:
        for low_b, high_b in right:
            low = max(low_a, low_b)
            highs = [h for h in (high_a, high_b) if h is not None]
            high = min(highs) if highs else None
            if high is None or low < high:
                met.append((low, high))
    return met


def _complement(intervals: list[Interval]) -> list[Interval]:
    outside: list[Interval] = []
    start = _ZERO
    for low, high in sorted(intervals):
        if start < low:
            outside.append((start, low))
        if high is None:
            return outside
        start = max(start, high)
    outside.append((start, None))
    return outside
