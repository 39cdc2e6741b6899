"""From `ast` positions (UTF-8 byte columns) to LibCST positions (character columns).

`ast` counts a column in bytes of the line's UTF-8 encoding, LibCST in code points, so a line with
`"한국어"` before a literal has different columns in the two (3 characters, 9 bytes).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import Position
from .errors import FixError, FixFailure


@dataclass(frozen=True, order=True)
class CharPosition:
    line: int  # 1-based
    column: int  # 0-based, in characters


def to_characters(position: Position, lines: Sequence[str]) -> CharPosition:
    if not 0 < position.line <= len(lines) + 1:
        raise FixError(FixFailure.MISPLACED, "a fix points outside the file", position.line)
    if position.line == len(lines) + 1:  # the end of a file that lacks a final newline
        return CharPosition(position.line, position.column)
    encoded = lines[position.line - 1].encode("utf-8")
    if position.column > len(encoded):
        raise FixError(FixFailure.MISPLACED, "a fix points past the end of its line", position.line, position.column)
    try:
        column = len(encoded[: position.column].decode("utf-8"))
    except UnicodeDecodeError:
        raise FixError(
            FixFailure.MISPLACED, "a fix points inside a character", position.line, position.column
        ) from None
    return CharPosition(position.line, column)


def byte_offset(position: Position, line_starts: Sequence[int]) -> int:
    """Offset of `position` in the UTF-8 bytes of the whole text, given where each line starts there."""
    return line_starts[position.line - 1] + position.column


def line_starts(lines: Sequence[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line.encode("utf-8")))
    return starts


def first_line(statement: ast.stmt) -> int:
    """The line a statement starts on, its decorators included (`ast` gives the `def` line)."""
    lines = [statement.lineno]
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        lines.extend(decorator.lineno for decorator in statement.decorator_list)
    return min(lines)
