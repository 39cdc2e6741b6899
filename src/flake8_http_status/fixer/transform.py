"""Apply fix edits on LibCST nodes: each edit's span is found as a node, and that node is replaced.

An edit's text is either an expression (`HTTPStatus.NOT_FOUND`, `"200 OK"`), which replaces the
expression with exactly that span, keeping its parentheses, or a keyword argument (`status=201`),
which turns the positional argument with that span into a keyword argument, keeping its comma.

Positions come from LibCST's PositionProvider, which costs a code generation pass over what it
covers. It runs only on the top-level statements that hold an edit (each as a module of its own:
a top-level statement has no indentation, so only its lines shift), and the rewriter does not
descend into nodes that contain no edit.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..findings import Edit
from .errors import FixError
from .positions import CharPosition, first_line, to_characters

Span = tuple[CharPosition, CharPosition]
Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement


@dataclass(frozen=True)
class _Planned:
    edit: Edit
    expression: cst.BaseExpression | None = None
    argument: cst.Arg | None = None


def apply_edits(module: cst.Module, tree: ast.Module, edits: Sequence[Edit], lines: Sequence[str]) -> cst.Module:
    """`module` with every edit applied; FixError when an edit matches no node of its kind.

    `tree` is the same module parsed by `ast`: its line numbers say where each statement is.
    """
    placed = _placements(module, tree)
    by_statement: dict[int, dict[Span, _Planned]] = {}
    for edit in edits:
        start, end = to_characters(edit.start, lines), to_characters(edit.end, lines)
        index = _statement_of(start.line, placed, edit)
        offset = placed[index].offset
        local = (CharPosition(start.line - offset, start.column), CharPosition(end.line - offset, end.column))
        planned = by_statement.setdefault(index, {})
        if local in planned and planned[local].edit.text != edit.text:
            raise FixError("two fixes disagree about one place", edit.start.line, edit.start.column)
        planned[local] = _plan(edit)
    body = list(module.body)
    for index, planned in by_statement.items():
        body[index] = _rewrite_statement(module, body[index], planned)
    return module.with_changes(body=body)


@dataclass(frozen=True)
class _Placed:
    first: int  # the line of the statement's first token in the file
    offset: int  # that line minus the line it has when the statement is a module of its own


def _placements(module: cst.Module, tree: ast.Module) -> list[_Placed]:
    """Where each top-level LibCST statement sits, read from the `ast` statements it corresponds to.

    LibCST keeps `a; b` as one line of two small statements, `ast` as two statements.
    """
    placed = []
    index = 0
    for statement in module.body:
        if index >= len(tree.body):
            raise FixError("LibCST and ast disagree about the statements of this file")
        first = first_line(tree.body[index])
        placed.append(_Placed(first, first - _first_token_line_alone(statement)))
        index += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
    if index != len(tree.body):
        raise FixError("LibCST and ast disagree about the statements of this file")
    return placed


def _first_token_line_alone(statement: Statement) -> int:
    """The line of the first token when `statement` is printed alone: after its leading comments."""
    line = 1 + len(statement.leading_lines)
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.decorators:
        line += len(statement.decorators[0].leading_lines)
    return line


def _statement_of(line: int, placed: Sequence[_Placed], edit: Edit) -> int:
    index = bisect.bisect_right([where.first for where in placed], line) - 1
    if index < 0:
        raise FixError("could not find the statement a fix belongs to", edit.start.line, edit.start.column)
    return index


def _rewrite_statement(module: cst.Module, statement: Statement, planned: dict[Span, _Planned]) -> Statement:
    alone = module.with_changes(body=[statement], header=[], footer=[])
    rewriter = _Rewriter(planned)
    rewritten = MetadataWrapper(alone, unsafe_skip_copy=True).visit(rewriter)
    missing = [plan.edit for span, plan in planned.items() if span not in rewriter.applied]
    if missing:
        first = min(missing, key=lambda edit: edit.start)
        raise FixError("could not find the code a fix replaces", first.start.line, first.start.column)
    return rewritten.body[0]


def _plan(edit: Edit) -> _Planned:
    try:
        return _Planned(edit, expression=cst.parse_expression(edit.text))
    except cst.ParserSyntaxError:
        pass
    try:
        call = cst.parse_expression(f"f({edit.text})")
    except cst.ParserSyntaxError:
        call = None
    if isinstance(call, cst.Call) and len(call.args) == 1 and call.args[0].keyword is not None:
        return _Planned(edit, argument=call.args[0])
    raise FixError(f"a fix's text is not an expression or an argument: {edit.text!r}", edit.start.line)


class _Rewriter(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, planned: dict[Span, _Planned]) -> None:
        super().__init__()
        self.planned = planned
        self.applied: set[Span] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Only expressions and simple statements are sure to lie within their own range
        # (a function's range, for one, leaves out its decorators).
        if not isinstance(node, (cst.BaseExpression, cst.BaseSmallStatement, cst.SimpleStatementLine)):
            return True
        where = self._range(node)
        if where is None:
            return True
        start, end = _bounds(where)
        return any(start <= span[0] and span[1] <= end for span in self.planned)

    def on_leave(self, original_node: cst.CSTNodeT, updated_node: cst.CSTNodeT) -> cst.CSTNodeT:
        if isinstance(original_node, cst.BaseExpression):
            return self._expression(original_node, updated_node)  # type: ignore[return-value]
        if isinstance(original_node, cst.Arg) and isinstance(updated_node, cst.Arg):
            return self._argument(original_node, updated_node)  # type: ignore[return-value]
        return updated_node

    def _expression(self, original: cst.BaseExpression, updated: cst.CSTNode) -> cst.CSTNode:
        span = self._span(original)
        plan = self.planned.get(span) if span is not None else None
        if span is None or plan is None or plan.expression is None or span in self.applied:
            return updated
        assert isinstance(updated, cst.BaseExpression)
        self.applied.add(span)
        new = plan.expression
        return new.with_changes(lpar=[*updated.lpar, *new.lpar], rpar=[*new.rpar, *updated.rpar])

    def _argument(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        span = self._span(original.value)
        plan = self.planned.get(span) if span is not None else None
        if span is None or plan is None or plan.argument is None or original.keyword is not None or original.star:
            return updated
        self.applied.add(span)
        return updated.with_changes(keyword=plan.argument.keyword, equal=plan.argument.equal, value=plan.argument.value)

    def _range(self, node: cst.CSTNode) -> CodeRange | None:
        return self.get_metadata(PositionProvider, node, None)

    def _span(self, node: cst.CSTNode) -> Span | None:
        where = self._range(node)
        return _bounds(where) if where is not None else None


def _bounds(where: CodeRange) -> Span:
    return (CharPosition(where.start.line, where.start.column), CharPosition(where.end.line, where.end.column))
