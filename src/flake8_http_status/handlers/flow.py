"""Where a node sits in its function's statements: the blocks that contain it, the conditions that hold
there, the statements that ran before it and the `except` clauses around it.

Paths are found by source position, descending only into the statements that contain the node, so a
query costs the depth of the node rather than a walk of the function. Nested functions and classes
are never entered: what happens in them happens at another time.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from ..analysis.children import labelled_blocks, walk_nodes
from ..analysis.sites import FunctionNode
from ..records import NamedTuple

_TRY = (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_CLOSED = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda})


class Step(NamedTuple):
    """One level of a path: statement `at` of `block`, which is field `field` of `owner`."""

    owner: ast.AST  # the function, or the compound statement whose block this is
    field: str  # "body", "orelse", "finalbody", "handler" or "case"
    part: ast.AST | None  # the ExceptHandler or match_case holding the block
    block: list[ast.stmt]
    at: int

    @property
    def stmt(self) -> ast.stmt:
        return self.block[self.at]

    @property
    def before(self) -> list[ast.stmt]:
        return self.block[: self.at]


Path = tuple[Step, ...]


def _start(node: ast.AST) -> tuple[int, int]:
    decorators = getattr(node, "decorator_list", None)
    first: ast.AST = decorators[0] if decorators else node
    return getattr(first, "lineno", 0), getattr(first, "col_offset", 0)


def _end(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0


def _contains(stmt: ast.stmt, position: tuple[int, int]) -> bool:
    return _start(stmt) <= position < _end(stmt) or position == _start(stmt)


def _blocks(stmt: ast.stmt) -> Iterator[tuple[str, ast.AST | None, list[ast.stmt]]]:
    if isinstance(stmt, _NESTED):
        return iter(())
    return labelled_blocks(stmt)


def path_to(function: FunctionNode, node: ast.AST) -> Path:
    """The steps from the function's body down to the statement holding `node` (empty if not inside)."""
    position = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
    steps: list[Step] = []
    owner: ast.AST = function
    field, part, block = "body", None, function.body
    while True:
        index = _find(block, position)
        if index is None:
            return tuple(steps)
        stmt = block[index]
        steps.append(Step(owner, field, part, block, index))
        if stmt is node:
            return tuple(steps)
        inner = next(((f, p, b) for f, p, b in _blocks(stmt) if _find(b, position) is not None), None)
        if inner is None:
            return tuple(steps)  # the node is in this statement's own expressions (an if's test, a call)
        owner, (field, part, block) = stmt, inner


def _find(block: list[ast.stmt], position: tuple[int, int]) -> int | None:
    for index, stmt in enumerate(block):
        if _contains(stmt, position):
            return index
    return None


# Conditions --------------------------------------------------------------------------------------


class Fact(NamedTuple):
    """`test` is known to be `holds` (True or False) at the point."""

    test: ast.expr
    holds: bool
    branch: bool = False  # from a branch the point is in (`if t:` body), not from a guard before it


def facts(path: Path, exits: Callable[[list[ast.stmt]], bool]) -> Iterator[Fact]:
    """Conditions known at the end of `path`, outermost first.

    They come from the branches the path takes (`if t:` body: t; else: not t; `while t:` body: t)
    and from guards before it in each block: `if t: return` means `not t` afterwards, `assert t` means t.
    """
    for depth, step in enumerate(path):
        if depth:
            yield from _branch(step)
        for stmt in step.before:
            yield from _guard(stmt, exits)


def _branch(step: Step) -> Iterator[Fact]:
    owner = step.owner
    if isinstance(owner, ast.If):
        yield Fact(owner.test, step.field == "body", branch=True)
    elif isinstance(owner, ast.While) and step.field == "body":
        yield Fact(owner.test, True, branch=True)


def _guard(stmt: ast.stmt, exits: Callable[[list[ast.stmt]], bool]) -> Iterator[Fact]:
    if isinstance(stmt, ast.Assert):
        yield Fact(stmt.test, True)
    elif isinstance(stmt, ast.If):
        body_exits = exits(stmt.body)
        else_exits = bool(stmt.orelse) and exits(stmt.orelse)
        if body_exits and not else_exits:
            yield Fact(stmt.test, False)
        elif else_exits and not body_exits:
            yield Fact(stmt.test, True)


# Exceptions --------------------------------------------------------------------------------------


def except_clauses(path: Path) -> list[ast.ExceptHandler]:
    """The `except` clauses whose body holds the point, innermost first."""
    return [step.part for step in reversed(path) if isinstance(step.part, ast.ExceptHandler)]


def try_body(path: Path, clause: ast.ExceptHandler) -> list[ast.stmt]:
    """The statements guarded by the try statement that the `except` clause belongs to."""
    for step in path:
        if step.part is clause and isinstance(step.owner, _TRY):
            body: list[ast.stmt] = step.owner.body
            return body
    return []


# Dominance ---------------------------------------------------------------------------------------


def dominates(earlier: Path, later: Path, exits: Callable[[list[ast.stmt]], bool]) -> bool:
    """True when every run that reaches `later` has run `earlier` first (structured code, no exceptions).

    The paths must share their blocks down to a level where `earlier` comes first. Below that level
    `earlier` may sit only in blocks that always run: a `with` body, a `try` body whose handlers all
    leave, a `finally` block.
    """
    if not earlier or not later:
        return False
    for depth, (mine, theirs) in enumerate(zip(earlier, later, strict=False)):  # the common prefix
        if mine.block is not theirs.block:
            return False
        if mine.at != theirs.at:
            return mine.at < theirs.at and _always_runs(earlier[depth + 1 :], exits)
    # One path is a prefix of the other: the same statement, or `earlier` in the header of `later`'s compound.
    return len(earlier) <= len(later)


def _always_runs(steps: Path, exits: Callable[[list[ast.stmt]], bool]) -> bool:
    for step in steps:
        owner = step.owner
        if isinstance(owner, (ast.With, ast.AsyncWith)):
            continue
        if isinstance(owner, _TRY) and (
            step.field == "finalbody" or (step.field == "body" and all(exits(h.body) for h in owner.handlers))
        ):
            continue
        return False
    return True


# Statements --------------------------------------------------------------------------------------


def walk_statement(stmt: ast.stmt) -> Iterator[ast.AST]:
    """Every node of one statement, without entering nested functions, classes or lambdas."""
    yield from _walk([stmt])


def walk_function(function: FunctionNode) -> Iterator[ast.AST]:
    """Every node of the function's body (not in source order), without entering nested functions,
    classes or lambdas. Uses the collector's table of node-holding fields: contexts and operators are
    skipped, which makes this several times faster than `ast.iter_child_nodes`."""
    return _walk(function.body)


def _walk(nodes: list[ast.stmt]) -> Iterator[ast.AST]:
    return walk_nodes(nodes, _CLOSED)
