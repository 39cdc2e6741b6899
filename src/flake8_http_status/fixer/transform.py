"""Apply fix edits on LibCST nodes: each edit's span is found as a node, and that node is replaced.

An edit's text is either an expression (`HTTPStatus.NOT_FOUND`, `"200 OK"`), which replaces the
expression with exactly that span, keeping its parentheses, or a keyword argument (`status=201`),
which turns the positional argument with that span into a keyword argument, keeping its comma.
An edit with an empty span inserts its text (`, status_code=201` after a call's last argument):
that is spliced into the text before LibCST parses it, since there is no node to replace, and
the parse of the piece that holds it is what checks the result.

Edits are applied within small pieces of the module (see `segments`): each piece is parsed by
LibCST, its nodes are located with LibCST's PositionProvider, rewritten, printed, and put back
in place of the piece's lines. The rewriter does not descend into nodes that hold no edit.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..findings import Edit, NewImport, Position
from . import segments
from .errors import FixError
from .imports import add_imports
from .positions import CharPosition, to_characters
from .segments import Segment
from .source import split_lines

Span = tuple[CharPosition, CharPosition]
_WRAPPER = "if True:"


@dataclass(frozen=True)
class _Planned:
    edit: Edit
    expression: cst.BaseExpression | None = None
    argument: cst.Arg | None = None


def rewrite(text: str, tree: ast.Module, edits: Sequence[Edit], imports: Sequence[NewImport]) -> str:
    """`text` with every edit applied and the imports added; FixError when that cannot be done exactly.

    `tree` is `text` parsed by `ast`: it says which statements hold the edits.
    """
    lines = split_lines(text)
    edits = _insert(lines, edits)
    chains = [(edit, segments.candidates(tree, lines, edit)) for edit in edits]
    choice = {id(edit): 0 for edit in edits}
    head = segments.head(tree, lines) if imports else None
    parsed: dict[Segment, cst.Module] = {}
    while True:
        pieces = _pieces(chains, choice, head)
        failed = _first_unparsable(pieces, lines, parsed)
        if failed is None:
            break
        moved = False
        for edit, chain in chains:  # everything in the piece moves out to an enclosing piece
            while failed.contains(chain[choice[id(edit)]]) and choice[id(edit)] < len(chain) - 1:
                choice[id(edit)] += 1
                moved = True
        if head is not None and failed.contains(head):
            head, moved = segments.whole(lines), True
        if not moved:
            raise FixError("could not isolate the code a fix changes", failed.first)
    for piece in sorted(pieces, reverse=True):
        inside = [edit for edit, chain in chains if piece.contains(chain[choice[id(edit)]])]
        new_imports = imports if piece.first == 1 and not piece.nested else ()
        lines[piece.first - 1 : piece.last] = _rewrite_piece(piece, lines, inside, new_imports, parsed)
    return "".join(lines)


def _insert(lines: list[str], edits: Sequence[Edit]) -> list[Edit]:
    """Splice the insertions into `lines` (one line each); the other edits, moved to match."""
    insertions = sorted((edit for edit in edits if edit.start == edit.end), key=lambda edit: edit.start, reverse=True)
    others = [edit for edit in edits if edit.start != edit.end]
    for insertion in insertions:
        if "\n" in insertion.text or "\r" in insertion.text:
            raise FixError("an inserted fix spans lines", insertion.start.line, insertion.start.column)
        where = insertion.start
        line = lines[where.line - 1].encode("utf-8") if where.line <= len(lines) else b""
        if where.line > len(lines) or where.column > len(line):
            raise FixError("a fix points past the end of its line", where.line, where.column)
        added = insertion.text.encode("utf-8")
        lines[where.line - 1] = (line[: where.column] + added + line[where.column :]).decode("utf-8", "strict")
        others = [_shifted(edit, where, len(added)) for edit in others]
    return others


def _shifted(edit: Edit, at: Position, width: int) -> Edit:
    # A span that ends where the text goes in stays before it; one that starts there moves after it.
    def move(position: Position, is_end: bool) -> Position:
        if position.line == at.line and (position.column > at.column or (position.column == at.column and not is_end)):
            return Position(position.line, position.column + width)
        return position

    return Edit(move(edit.start, False), move(edit.end, True), edit.text)


def _pieces(chains: list[tuple[Edit, list[Segment]]], choice: dict[int, int], head: Segment | None) -> list[Segment]:
    chosen = [chain[choice[id(edit)]] for edit, chain in chains]
    return segments.merged(chosen + ([head] if head is not None else []))


def _first_unparsable(pieces: Sequence[Segment], lines: Sequence[str], parsed: dict[Segment, cst.Module]) -> Segment | None:
    for piece in pieces:
        if piece in parsed or piece == segments.whole(lines):
            continue  # the whole module parses, or the file is reported as LibCST cannot parse it
        try:
            parsed[piece] = cst.parse_module(_source(piece, lines))
        except (cst.ParserSyntaxError, RecursionError):
            return piece
    return None


def _source(piece: Segment, lines: Sequence[str]) -> str:
    text = "".join(lines[piece.first - 1 : piece.last])
    if not piece.nested:
        return text
    return _WRAPPER + _newline(lines[piece.first - 1]) + text


def _newline(line: str) -> str:
    stripped = line.rstrip("\r\n")
    return line[len(stripped) :] or "\n"


def _rewrite_piece(
    piece: Segment, lines: Sequence[str], edits: Sequence[Edit], imports: Sequence[NewImport],
    parsed: dict[Segment, cst.Module],
) -> list[str]:
    module = parsed.get(piece)
    if module is None:
        try:
            module = cst.parse_module(_source(piece, lines))
        except cst.ParserSyntaxError as error:
            raise FixError(f"LibCST cannot parse this file: {error.message}", error.raw_line, error.raw_column) from None
    offset = piece.first - 1 - (1 if piece.nested else 0)  # file line = piece line + offset
    if edits:
        module = _apply(module, edits, lines, offset)
    if imports:
        module = add_imports(module, imports)
    code = module.code
    if piece.nested:
        wrapper = _WRAPPER + _newline(lines[piece.first - 1])
        if not code.startswith(wrapper):
            raise FixError("could not put a fix back in place", piece.first)
        code = code[len(wrapper) :]
    return split_lines(code)


def _apply(module: cst.Module, edits: Sequence[Edit], lines: Sequence[str], offset: int) -> cst.Module:
    planned: dict[Span, _Planned] = {}
    for edit in edits:
        start, end = to_characters(edit.start, lines), to_characters(edit.end, lines)
        span = (CharPosition(start.line - offset, start.column), CharPosition(end.line - offset, end.column))
        if span in planned and planned[span].edit.text != edit.text:
            raise FixError("two fixes disagree about one place", edit.start.line, edit.start.column)
        planned[span] = _plan(edit)
    rewriter = _Rewriter(planned)
    rewritten = MetadataWrapper(module, unsafe_skip_copy=True).visit(rewriter)
    missing = [plan.edit for span, plan in planned.items() if span not in rewriter.applied]
    if missing:
        first = min(missing, key=lambda edit: edit.start)
        raise FixError("could not find the code a fix replaces", first.start.line, first.start.column)
    return rewritten


def _plan(edit: Edit) -> _Planned:
    expression, argument = _parsed_text(edit.text)
    if expression is None and argument is None:
        raise FixError(f"a fix's text is not an expression or an argument: {edit.text!r}", edit.start.line)
    return _Planned(edit, expression, argument)


@functools.lru_cache(maxsize=1024)
def _parsed_text(text: str) -> tuple[cst.BaseExpression | None, cst.Arg | None]:
    """An edit's text as an expression, or as a keyword argument (nodes are immutable: safe to share)."""
    try:
        return cst.parse_expression(text), None
    except cst.ParserSyntaxError:
        pass
    try:
        call = cst.parse_expression(f"f({text})")
    except cst.ParserSyntaxError:
        return None, None
    if isinstance(call, cst.Call) and len(call.args) == 1 and call.args[0].keyword is not None:
        return None, call.args[0]
    return None, None


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
