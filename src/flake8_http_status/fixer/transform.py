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
import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from ..findings import Edit, NewImport, Position
from . import segments
from .errors import FixError, FixFailure
from .imports import ImportStyle, add_imports
from .line_length import DEFAULT_LINE_LENGTH
from .positions import CharPosition, to_characters
from .segments import Segment
from .source import split_lines
from .unused_imports import remove_unused

Span = tuple[CharPosition, CharPosition]
_WRAPPER = "if True:"


@dataclass(frozen=True)
class _Planned:
    edit: Edit
    expression: cst.BaseExpression | None = None
    argument: cst.Arg | None = None


def rewrite(
    text: str,
    tree: ast.Module,
    edits: Sequence[Edit],
    imports: Sequence[NewImport],
    *,
    line_length: int = DEFAULT_LINE_LENGTH,
    package_init: bool = False,
) -> str:
    """`text` with every edit applied, the imports added (wrapped to `line_length`) and the imports the
    edits left unused removed (never in a package's `__init__.py`); FixError when that cannot be done exactly.

    `tree` is `text` parsed by `ast`: it says which statements hold the edits.
    """
    style = ImportStyle(line_length, _indentation(tree, split_lines(text)))
    lines = split_lines(text)
    edits = _insert(lines, edits)
    chains = [(edit, segments.candidates(tree, lines, edit)) for edit in edits]
    choice = {id(edit): 0 for edit in edits}
    head = segments.head(tree, lines, (new.module.partition(".")[0] for new in imports)) if imports else None
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
            raise FixError(FixFailure.MISPLACED, "could not isolate the code a fix changes", failed.first)
    inside = _edits_by_piece(pieces, [(edit, chain[choice[id(edit)]]) for edit, chain in chains])
    for piece in sorted(pieces, reverse=True):
        new_imports = imports if piece.first == 1 and not piece.nested else ()
        lines[piece.first - 1 : piece.last] = _rewrite_piece(piece, lines, inside[piece], new_imports, parsed, style)
    return remove_unused(tree, text, "".join(lines), package_init=package_init)


def unplaceable(lines: Sequence[str], edit: Edit) -> str | None:
    """Why `edit` alone cannot be written, whatever the other fixes do; None when it may be. The pipeline
    asks this of each fix before the rewrite, so that one such fix is refused alone, not the rewrite."""
    if edit.end < edit.start:
        return "a fix's span ends before it starts"
    for where in (edit.start, edit.end):
        if not 0 < where.line <= len(lines) or where.column > len(lines[where.line - 1].encode("utf-8")):
            return "a fix points past the end of its line"
    if edit.start == edit.end and ("\n" in edit.text or "\r" in edit.text):
        return "an inserted fix spans lines"
    if edit.start != edit.end and _parsed_text(edit.text) == (None, None):
        return f"a fix's text is not an expression or an argument: {edit.text!r}"
    return None


def _indentation(tree: ast.Module, lines: Sequence[str]) -> str:
    """One level of the module's indentation, as its first indented block writes it (4 spaces without one)."""
    for statement in tree.body:
        inner = next(iter(getattr(statement, "body", ())), None)
        if isinstance(inner, ast.stmt) and inner.lineno > statement.lineno and statement.col_offset == 0:
            line = lines[inner.lineno - 1]
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if indent:
                return indent
    return "    "


def _edits_by_piece(pieces: Sequence[Segment], chosen: Sequence[tuple[Edit, Segment]]) -> dict[Segment, list[Edit]]:
    """Each edit under the piece that holds its chosen segment. Pieces are apart and sorted, so the
    holder is the last piece starting at or before the segment (a search, not a scan per piece)."""
    ordered = sorted(pieces)
    inside: dict[Segment, list[Edit]] = {piece: [] for piece in ordered}
    for edit, segment in chosen:
        index = bisect.bisect_right(ordered, segment.first, key=lambda piece: piece.first) - 1
        if index < 0 or not ordered[index].contains(segment):
            raise FixError(FixFailure.MISPLACED, "could not isolate the code a fix changes", edit.start.line)
        inside[ordered[index]].append(edit)
    return inside


def _insert(lines: list[str], edits: Sequence[Edit]) -> list[Edit]:
    """Splice the insertions into `lines`; the other edits, moved to match (work grows with the edits)."""
    widths: dict[int, list[tuple[int, int]]] = {}  # line: (column, width) of each insertion, right to left
    for insertion in sorted(
        (edit for edit in edits if edit.start == edit.end), key=lambda edit: edit.start, reverse=True
    ):
        where = insertion.start
        if "\n" in insertion.text or "\r" in insertion.text:
            raise FixError(FixFailure.MISPLACED, "an inserted fix spans lines", where.line, where.column)
        line = lines[where.line - 1].encode("utf-8") if where.line <= len(lines) else b""
        if where.line > len(lines) or where.column > len(line):
            raise FixError(FixFailure.MISPLACED, "a fix points past the end of its line", where.line, where.column)
        added = insertion.text.encode("utf-8")
        lines[where.line - 1] = (line[: where.column] + added + line[where.column :]).decode("utf-8", "strict")
        widths.setdefault(where.line, []).append((where.column, len(added)))
    return [_shifted(edit, widths) for edit in edits if edit.start != edit.end]


def _shifted(edit: Edit, widths: dict[int, list[tuple[int, int]]]) -> Edit:
    # A span that ends where text goes in stays before it; one that starts there moves after it.
    def move(position: Position, is_end: bool) -> Position:
        inserted = widths.get(position.line, ())
        width = sum(
            w for column, w in inserted if position.column > column or (position.column == column and not is_end)
        )
        return Position(position.line, position.column + width) if width else position

    if edit.start.line not in widths and edit.end.line not in widths:
        return edit
    return Edit(move(edit.start, False), move(edit.end, True), edit.text)


def _pieces(chains: list[tuple[Edit, list[Segment]]], choice: dict[int, int], head: Segment | None) -> list[Segment]:
    chosen = [chain[choice[id(edit)]] for edit, chain in chains]
    return segments.merged(chosen + ([head] if head is not None else []))


def _first_unparsable(
    pieces: Sequence[Segment], lines: Sequence[str], parsed: dict[Segment, cst.Module]
) -> Segment | None:
    for piece in pieces:
        if piece in parsed or piece == segments.whole(lines):
            continue  # the whole module parses, or the file is reported as LibCST cannot parse it
        try:
            parsed[piece] = _parse_exactly(_source(piece, lines), piece)
        except cst.ParserSyntaxError:
            return piece
        except RecursionError:  # every enclosing piece holds the same nesting: no use trying them
            raise FixError(FixFailure.TOO_DEEP, "too deeply nested for LibCST", piece.first) from None
    return None


def _parse_exactly(source: str, piece: Segment) -> cst.Module:
    """LibCST's module for `source`, which must print back as exactly `source`.

    LibCST drops a lone carriage return (a classic Mac OS line ending) at the end of what it
    parses, and nothing else would notice: `ast` sees no whitespace. So every piece is printed
    back before it is changed, and a file that does not survive that is left alone.
    """
    module = cst.parse_module(source)
    if module.code != source:
        lone_cr = re.search("\r(?!\n)", source) is not None
        problem = (
            "lone CR line endings are not supported" if lone_cr else "LibCST does not print this code back unchanged"
        )
        line, form_feed = piece.first, source.find("\f")
        if form_feed >= 0 and not lone_cr:  # the usual cause: a page break (^L) between definitions
            problem += " (it holds a form feed)"
            line += source.count("\n", 0, form_feed) - (1 if piece.nested else 0)
        raise FixError(FixFailure.LIBCST_CANNOT_PRINT, f"{problem}; file left unchanged", line)
    return module


def _source(piece: Segment, lines: Sequence[str]) -> str:
    text = "".join(lines[piece.first - 1 : piece.last])
    if not piece.nested:
        return text
    return _WRAPPER + _newline(lines[piece.first - 1]) + text


def _newline(line: str) -> str:
    stripped = line.rstrip("\r\n")
    return line[len(stripped) :] or "\n"


def _rewrite_piece(
    piece: Segment,
    lines: Sequence[str],
    edits: Sequence[Edit],
    imports: Sequence[NewImport],
    parsed: dict[Segment, cst.Module],
    style: ImportStyle,
) -> list[str]:
    module = parsed.get(piece)
    if module is None:
        try:
            module = _parse_exactly(_source(piece, lines), piece)
        except cst.ParserSyntaxError as error:
            raise FixError(
                FixFailure.LIBCST_CANNOT_PARSE,
                f"LibCST cannot parse this file: {error.message}",
                error.raw_line,
                error.raw_column,
            ) from None
    offset = piece.first - 1 - (1 if piece.nested else 0)  # file line = piece line + offset
    if edits:
        module = _apply(module, edits, lines, offset)
    if imports:
        module = add_imports(module, imports, style)
    code = module.code
    if piece.nested:
        wrapper = _WRAPPER + _newline(lines[piece.first - 1])
        if not code.startswith(wrapper):
            raise FixError(FixFailure.MISPLACED, "could not put a fix back in place", piece.first)
        code = code[len(wrapper) :]
    return split_lines(code)


def _apply(module: cst.Module, edits: Sequence[Edit], lines: Sequence[str], offset: int) -> cst.Module:
    planned: dict[Span, _Planned] = {}
    for edit in edits:
        start, end = to_characters(edit.start, lines), to_characters(edit.end, lines)
        span = (CharPosition(start.line - offset, start.column), CharPosition(end.line - offset, end.column))
        if span in planned and planned[span].edit.text != edit.text:
            raise FixError(
                FixFailure.MISPLACED, "two fixes disagree about one place", edit.start.line, edit.start.column
            )
        planned[span] = _plan(edit)
    rewriter = _Rewriter(planned)
    rewritten = MetadataWrapper(module, unsafe_skip_copy=True).visit(rewriter)
    missing = [plan.edit for span, plan in planned.items() if span not in rewriter.applied]
    if missing:
        first = min(missing, key=lambda edit: edit.start)
        raise FixError(
            FixFailure.MISPLACED,
            "could not find the code a fix replaces",
            first.start.line,
            first.start.column,
            edits=frozenset(missing),
        )
    return rewritten


def _plan(edit: Edit) -> _Planned:
    expression, argument = _parsed_text(edit.text)
    if expression is None and argument is None:
        raise FixError(
            FixFailure.MISPLACED,
            f"a fix's text is not an expression or an argument: {edit.text!r}",
            edit.start.line,
            edits=frozenset({edit}),
        )
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
        self.spans = sorted(planned)
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
        # Spans sorted by start: those that begin inside the node come after `start`; a scan
        # from there stops at the first that begins after the node's end.
        for span in itertools.islice(self.spans, bisect.bisect_left(self.spans, (start,)), None):
            if span[0] > end:
                return False
            if span[1] <= end:
                return True
        return False

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
