"""Lines a fix made longer than the project allows: `HTTPStatus.NOT_FOUND` is longer than `404`.

The fixer does not re-wrap code (a formatter's job, and a wrapped expression moves comments
such as `# noqa` away from the line they are for), so it names these lines in its summary instead.
Only lines that fitted before are named: a line the project already let run long is not the
fix's doing. Lengths are counted in characters, as pycodestyle
counts them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from .source import split_lines


def lengthened(before: str, after: str, limit: int) -> tuple[int, ...]:
    """The 1-based numbers of the lines of `after` longer than `limit` because of the change from `before`."""
    old, new = _widths(before), _widths(after)
    if max(new, default=0) <= limit:
        return ()
    matcher = difflib.SequenceMatcher(None, split_lines(before), split_lines(after), autojunk=False)
    found: list[int] = []
    for tag, old_first, old_end, new_first, new_end in matcher.get_opcodes():
        if tag in {"equal", "delete"}:
            continue
        for line in range(new_first, new_end):
            was = _was(old, old_first, old_end, line - new_first, new_end - new_first)
            if new[line] > limit >= was:
                found.append(line + 1)
    return tuple(found)


def _widths(text: str) -> list[int]:
    return [len(line.rstrip("\r\n")) for line in split_lines(text)]


def _was(old: Sequence[int], first: int, end: int, offset: int, count: int) -> int:
    """The width the line had before: its own old line when as many lines were replaced, else the widest."""
    if end - first == count:
        return old[first + offset]
    return max(old[first:end], default=0)
