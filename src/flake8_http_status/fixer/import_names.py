"""The names of one `from x import a, b` statement: add or remove one, keeping every comment on its own name.

Inside parentheses, LibCST keeps a comment in the whitespace that follows a comma: the comment at the
end of a name's line is the start of the gap after that name, and comment lines above a name are the
middle of the gap before it. So a new name goes into a gap cut in two (the first half keeps the
comment of the line before, the second the comment lines above the next name), and a removed name
takes only the comment at the end of its own line with it. Copying a gap whole would copy or move a
comment, and with it a `# noqa` or `# type: ignore` onto another name.

`wrapped` writes a statement the way isort's black profile and ruff do when it is too long: one name
per line in parentheses, with a trailing comma.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

Gap = cst.BaseParenthesizableWhitespace
_SPACE = cst.SimpleWhitespace(" ")
_NOTHING = cst.SimpleWhitespace("")


def insert_name(statement: cst.ImportFrom, alias: cst.ImportAlias, position: int) -> cst.ImportFrom:
    """`statement` with `alias` as its name number `position` (0-based; the end when it is the count)."""
    assert isinstance(statement.names, Sequence) and statement.names
    names = list(statement.names)
    indent = _name_indent(statement)
    last = names[-1]
    if position < len(names) or isinstance(last.comma, cst.Comma):
        before, after = _cut(_gap_before(statement, position), indent, at_end=position == len(names))
        new = alias.with_changes(comma=cst.Comma(whitespace_before=_NOTHING, whitespace_after=after))
        if position == 0:
            assert statement.lpar is not None or not isinstance(before, cst.ParenthesizedWhitespace)
            lpar = statement.lpar.with_changes(whitespace_after=before) if statement.lpar is not None else None
            return statement.with_changes(names=[new, *names], lpar=lpar)
        names[position - 1] = _with_gap(names[position - 1], before)
        names.insert(position, new)
        return statement.with_changes(names=names)
    # Appended after a last name with no comma: the gap before `)` is cut instead.
    rpar = statement.rpar
    gap = rpar.whitespace_before if rpar is not None else _NOTHING
    before, after = _cut(gap, indent, at_end=True)
    names[-1] = last.with_changes(comma=cst.Comma(whitespace_before=_NOTHING, whitespace_after=before))
    names.append(alias.with_changes(comma=cst.MaybeSentinel.DEFAULT))
    if rpar is None:
        return statement.with_changes(names=names)
    return statement.with_changes(names=names, rpar=rpar.with_changes(whitespace_before=after))


def remove_name(statement: cst.ImportFrom, position: int) -> cst.ImportFrom:
    """`statement` without name number `position`; it must keep at least one name.

    The comment at the end of the removed name's line goes with it; comment lines above it stay,
    above the name that follows.
    """
    assert isinstance(statement.names, Sequence) and len(statement.names) > 1
    names = list(statement.names)
    removed = names.pop(position)
    after = removed.comma.whitespace_after if isinstance(removed.comma, cst.Comma) else None
    if after is None:  # the last name, with no trailing comma: the gap before `)` follows it
        after = statement.rpar.whitespace_before if statement.rpar is not None else _NOTHING
    joined = _join(_gap_before(statement, position), after)
    if position == 0:
        lpar = statement.lpar.with_changes(whitespace_after=joined) if statement.lpar is not None else None
        return statement.with_changes(names=names, lpar=lpar)
    previous = names[position - 1]
    if isinstance(removed.comma, cst.Comma):
        names[position - 1] = _with_gap(previous, joined)
        return statement.with_changes(names=names)
    names[position - 1] = previous.with_changes(comma=cst.MaybeSentinel.DEFAULT)  # it is now the last name
    if statement.rpar is None:
        return statement.with_changes(names=names)
    return statement.with_changes(names=names, rpar=statement.rpar.with_changes(whitespace_before=joined))


def wrapped(statement: cst.ImportFrom, indent: str) -> cst.ImportFrom:
    """`from x import (` then each name on its own line, indented by `indent`, with a trailing comma."""
    assert isinstance(statement.names, Sequence)
    line_break = cst.ParenthesizedWhitespace(last_line=cst.SimpleWhitespace(indent))
    names = [alias.with_changes(comma=cst.Comma(whitespace_after=line_break)) for alias in statement.names]
    names[-1] = names[-1].with_changes(comma=cst.Comma(whitespace_after=cst.ParenthesizedWhitespace()))
    return statement.with_changes(
        names=names,
        lpar=cst.LeftParen(whitespace_after=line_break),
        rpar=cst.RightParen(whitespace_before=_NOTHING),
        whitespace_after_import=_SPACE,
    )


def is_multiline(statement: cst.ImportFrom) -> bool:
    return any(isinstance(gap, cst.ParenthesizedWhitespace) for gap in _gaps(statement))


def _gaps(statement: cst.ImportFrom) -> list[Gap]:
    gaps: list[Gap] = []
    if statement.lpar is not None:
        gaps.append(statement.lpar.whitespace_after)
    if isinstance(statement.names, Sequence):
        gaps += [alias.comma.whitespace_after for alias in statement.names if isinstance(alias.comma, cst.Comma)]
    if statement.rpar is not None:
        gaps.append(statement.rpar.whitespace_before)
    return gaps


def _gap_before(statement: cst.ImportFrom, position: int) -> Gap:
    """The whitespace in front of name number `position` (or of the end, after a trailing comma)."""
    if position == 0:
        return statement.lpar.whitespace_after if statement.lpar is not None else _NOTHING
    assert isinstance(statement.names, Sequence)
    comma = statement.names[position - 1].comma
    return comma.whitespace_after if isinstance(comma, cst.Comma) else _NOTHING


def _with_gap(alias: cst.ImportAlias, gap: Gap) -> cst.ImportAlias:
    comma = alias.comma if isinstance(alias.comma, cst.Comma) else cst.Comma(whitespace_before=_NOTHING)
    return alias.with_changes(comma=comma.with_changes(whitespace_after=gap))


def _name_indent(statement: cst.ImportFrom) -> cst.SimpleWhitespace:
    """The indentation of the names on their own lines (what follows a line break before a name)."""
    gaps = [statement.lpar.whitespace_after] if statement.lpar is not None else []
    if isinstance(statement.names, Sequence):
        gaps += [alias.comma.whitespace_after for alias in statement.names[:-1] if isinstance(alias.comma, cst.Comma)]
    for gap in gaps:
        if isinstance(gap, cst.ParenthesizedWhitespace):
            return gap.last_line
    return cst.SimpleWhitespace("    ")


def _cut(gap: Gap, indent: cst.SimpleWhitespace, *, at_end: bool) -> tuple[Gap, Gap]:
    """`gap` as two gaps around a new name: the line's end comment stays first, comment lines move second."""
    if not isinstance(gap, cst.ParenthesizedWhitespace):  # on one line: `a, new, b` or `a, b, new`
        return (_SPACE, gap) if at_end else (gap, _SPACE)
    first = gap.with_changes(empty_lines=[], last_line=indent)
    second = gap.with_changes(first_line=cst.TrailingWhitespace(newline=gap.first_line.newline))
    return first, second


def _join(before: Gap, after: Gap) -> Gap:
    """One gap for the two around a removed name: the end comment of the removed name's line is dropped."""
    if isinstance(before, cst.ParenthesizedWhitespace):
        extra = list(after.empty_lines) if isinstance(after, cst.ParenthesizedWhitespace) else []
        last_line = after.last_line if isinstance(after, cst.ParenthesizedWhitespace) else before.last_line
        return before.with_changes(empty_lines=[*before.empty_lines, *extra], last_line=last_line)
    if isinstance(after, cst.ParenthesizedWhitespace):
        return after.with_changes(first_line=cst.TrailingWhitespace(newline=after.first_line.newline))
    return before
