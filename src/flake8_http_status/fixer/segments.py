"""The smallest pieces of a module that LibCST must parse to apply some edits.

LibCST is slow, and parsing and printing a whole module to change one number costs far more than
the analysis. A statement that starts on its own line is a complete piece of Python: at the top
level as it is, deeper as the body of an `if True:` line put in front of it (its lines keep
their real indentation, so LibCST's columns are the file's columns). So each edit is applied
within the innermost statement that holds it; where that piece does not parse on its own (a
statement after a semicolon, an `elif` clause), the enclosing statement is tried, up to the
whole module. New imports go into the head of the module: docstring, `__future__` imports and
the leading import block (with the first statement after it when there is no import block).
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..analysis.children import nested_blocks
from ..findings import Edit, Position
from .positions import first_line


@dataclass(frozen=True, order=True)
class Segment:
    first: int  # 1-based, inclusive
    last: int  # inclusive
    nested: bool = False  # indented: parsed as the body of an `if True:` line

    def contains(self, other: Segment) -> bool:
        return self.first <= other.first and other.last <= self.last


def candidates(tree: ast.Module, lines: Sequence[str], edit: Edit) -> list[Segment]:
    """Pieces that hold `edit`, innermost first, ending with the whole module."""
    chain = [_segment(statement, lines) for statement in reversed(_enclosing(tree, edit))]
    return [segment for segment in chain if segment is not None] + [whole(lines)]


def whole(lines: Sequence[str]) -> Segment:
    return Segment(1, max(len(lines), 1))


def head(tree: ast.Module, lines: Sequence[str], packages: Iterable[str] = ()) -> Segment:
    """Docstring, __future__ imports and the leading imports: where new imports are added; down to the
    first top-level import of each of `packages` (an added import of a package goes after it)."""
    body = tree.body
    end = 1 if body and _is_docstring(body[0]) else 0
    while end < len(body) and _is_future(body[end]):
        end += 1
    floor = end
    while end < len(body) and isinstance(body[end], (ast.Import, ast.ImportFrom)):
        end += 1
    if end == floor and end < len(body):  # no import block: the blank lines depend on what follows
        end += 1
    end = max([end, *(index + 1 for index in _first_imports(body, set(packages)))])
    while 0 < end < len(body) and body[end].lineno <= _last_line(body[end - 1]):  # `import os; x = 1`
        end += 1
    if end == 0:
        return whole(lines)
    return Segment(1, _last_line(body[end - 1]))


def _first_imports(body: Sequence[ast.stmt], packages: set[str]) -> Iterable[int]:
    """The index of the first top-level import statement of each package in `packages`."""
    for index, statement in enumerate(body):
        if isinstance(statement, ast.Import):
            found = {alias.name.partition(".")[0] for alias in statement.names} & packages
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            found = {statement.module.partition(".")[0]} & packages
        else:
            continue
        packages -= found
        if found:
            yield index


def _last_line(statement: ast.stmt) -> int:
    return statement.end_lineno or statement.lineno


def merged(segments: Sequence[Segment]) -> list[Segment]:
    """Segments with those inside another dropped (statement pieces are nested or apart)."""
    kept: list[Segment] = []
    for segment in sorted(set(segments), key=lambda s: (s.first, -s.last)):
        if kept and kept[-1].contains(segment):
            continue
        if kept and segment.first <= kept[-1].last:  # overlapping without nesting: join them
            kept[-1] = Segment(kept[-1].first, max(kept[-1].last, segment.last), kept[-1].nested or segment.nested)
            continue
        kept.append(segment)
    return kept


def _enclosing(tree: ast.Module, edit: Edit) -> list[ast.stmt]:
    """The statements that hold the edit, outermost first."""
    found: list[ast.stmt] = []
    blocks: Iterable[Sequence[ast.stmt]] = (tree.body,)
    while True:
        statement = next((s for block in blocks if (s := _holder(block, edit)) is not None), None)
        if statement is None:
            return found
        found.append(statement)
        blocks = nested_blocks(statement)


def _holder(block: Sequence[ast.stmt], edit: Edit) -> ast.stmt | None:
    # The statements of a block are in source order and apart, so only the last one that begins
    # at or before the edit can hold it: a binary search keeps a module with thousands of
    # statements and thousands of edits from costing their product.
    index = bisect.bisect_right(block, edit.start, key=_begin) - 1
    if index < 0:
        return None
    statement = block[index]
    finish = Position(_last_line(statement), statement.end_col_offset or 0)
    return statement if edit.end <= finish else None


def _begin(statement: ast.stmt) -> Position:
    return Position(first_line(statement), 0 if _has_decorators(statement) else statement.col_offset)


def _segment(statement: ast.stmt, lines: Sequence[str]) -> Segment | None:
    """The statement's lines, if nothing but indentation comes before it on its first line."""
    line = first_line(statement)
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1].encode("utf-8")
    column = _start_column(statement, text)
    if column is None or text[:column].strip(b" \t\f"):
        return None
    return Segment(line, _last_line(statement), nested=column > 0)


def _start_column(statement: ast.stmt, text: bytes) -> int | None:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and statement.decorator_list:
        first = min(statement.decorator_list, key=lambda d: (d.lineno, d.col_offset))
        at = text.rfind(b"@", 0, first.col_offset)  # the `@`, perhaps followed by spaces
        return at if at >= 0 else None
    return statement.col_offset


def _has_decorators(statement: ast.stmt) -> bool:
    return bool(getattr(statement, "decorator_list", None))


def _is_future(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.ImportFrom) and statement.module == "__future__"


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )
