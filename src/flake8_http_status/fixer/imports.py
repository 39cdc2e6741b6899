"""Add the imports that fixes need, where a careful person would put them.

LibCST's AddImportsVisitor appends after the last top-of-module import and puts a merged name
first (`from fastapi import status, APIRouter`). This module places imports the way isort-style
projects expect, so the diff shows one natural line:

* never above the module docstring or `from __future__` imports; an import of the standard library
  in the leading import block, so the name exists before any module-level code runs, and one of
  another package in or right after the module's first import of that package (`first_import_of`),
  since the code before that may make it importable or skip the module without it;
* a name is merged into an existing `from X import ...` of that block (not one with a comment for the
  whole statement, a `# noqa: F401` or `# type: ignore` that would then cover the new name too), in
  sorted position when
  the names are sorted (an aliased name gets its own line, as isort writes it), every comment
  staying on the name it was written next to (`import_names`);
* a statement that the new name makes longer than the project's line length (`line_length`) is
  wrapped as isort's black profile and ruff write it, one name per line; not when it carries a
  comment (a `# noqa` or `# type: ignore` would then sit on another line), and not when it was
  already too long (the project then does not hold it to that length);
* a new statement joins the group of its own kind (standard library, third party, or the group
  already importing from the same package), sorted when that group is sorted, or starts a new
  group before the first group of a later kind, separated by a blank line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from ..findings import NewImport
from .import_names import insert_name, is_multiline, wrapped
from .line_length import DEFAULT_LINE_LENGTH

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement  # what a module's body holds
_STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}
_BLANK = cst.EmptyLine()
_EMPTY = cst.Module(body=[])  # prints a single node


@dataclass(frozen=True)
class ImportStyle:
    """How the project writes imports: the longest line it allows and one level of indentation."""

    line_length: int = DEFAULT_LINE_LENGTH
    indent: str = "    "


def add_imports(module: cst.Module, imports: Sequence[NewImport], style: ImportStyle = ImportStyle()) -> cst.Module:
    for new_import in dict.fromkeys(imports):
        module = _add(module, new_import, style)
    return module


@dataclass(frozen=True)
class _Layout:
    floor: int  # first index an import may take: after the docstring and __future__ imports
    end: int  # end of the leading import block (== floor when there is none)


def _add(module: cst.Module, new_import: NewImport, style: ImportStyle) -> cst.Module:
    body = list(module.body)
    layout = _layout(body)
    anchor = first_import_of(body, new_import.module)
    if new_import.name is not None:
        first = layout.floor if anchor is None else anchor
        for index in range(first, max(layout.end, first + 1) if anchor is not None else layout.end):
            merged = _merge(body[index], new_import, style)
            if merged is not None:
                body[index] = merged
                return module.with_changes(body=body)
    statement = cst.parse_statement(new_import.statement() + "\n")
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    if isinstance(small, cst.ImportFrom) and _width(small) > style.line_length:
        statement = statement.with_changes(body=[wrapped(small, style.indent)])
    if anchor is not None and anchor >= layout.end:  # after code that must run first: right after the import
        return _at(module, body, anchor + 1, statement, new_group=False)
    if layout.end > layout.floor:
        return _into_block(module, body, layout, statement, new_import, -1 if anchor is None else anchor)
    return _at(module, body, layout.floor, statement, new_group=True)


def first_import_of(body: Sequence[Statement], module: str) -> int | None:
    """The first top-level statement importing `module`'s package, unless that is the standard library's.

    An added import of another package runs no earlier than the module's own: the code before that may
    make the package importable (`sys.path.insert`), skip the module without it (`pytest.importorskip`)
    or prepare it (gevent's monkey-patching, `os.environ`)."""
    root = module.partition(".")[0]
    if root in _STDLIB:
        return None
    for index, statement in enumerate(body):
        if isinstance(statement, cst.SimpleStatementLine) and any(
            isinstance(small, (cst.Import, cst.ImportFrom)) and _roots(small) & {root} for small in statement.body
        ):
            return index
    return None


def _roots(node: cst.Import | cst.ImportFrom) -> set[str]:
    if isinstance(node, cst.ImportFrom):
        return set() if node.relative or node.module is None else {_dotted(node.module).partition(".")[0]}
    return {_dotted(alias.name).partition(".")[0] for alias in node.names}


def _layout(body: Sequence[Statement]) -> _Layout:
    index = 0
    if body and _is_docstring(body[0]):
        index = 1
    while index < len(body) and _is_future(body[index]):
        index += 1
    end = index
    while end < len(body) and _import_of(body[end]) is not None:
        end += 1
    return _Layout(index, end)


def _is_docstring(statement: Statement) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    expression = statement.body[0]
    return isinstance(expression, cst.Expr) and isinstance(expression.value, (cst.SimpleString, cst.ConcatenatedString))


def _is_future(statement: Statement) -> bool:
    found = _import_of(statement, allow_future=True)
    return isinstance(found, cst.ImportFrom) and _module_name(found) == "__future__"


def _import_of(statement: Statement, allow_future: bool = False) -> cst.Import | cst.ImportFrom | None:
    """The import a line holds, when the line is nothing but one import statement."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if not isinstance(small, (cst.Import, cst.ImportFrom)):
        return None
    if isinstance(small, cst.ImportFrom) and _module_name(small) == "__future__" and not allow_future:
        return None
    return small


def _module_name(node: cst.Import | cst.ImportFrom) -> str:
    if isinstance(node, cst.Import):
        return _dotted(node.names[0].name)
    dots = "." * len(node.relative)
    return dots + (_dotted(node.module) if node.module is not None else "")


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


# -- merging a name into `from X import ...` ----------------------------------------------------------


def _merge(statement: Statement, new_import: NewImport, style: ImportStyle) -> Statement | None:
    found = _import_of(statement)
    if not isinstance(found, cst.ImportFrom) or found.relative or _module_name(found) != new_import.module:
        return None
    if isinstance(found.names, cst.ImportStar):
        return None
    assert isinstance(statement, cst.SimpleStatementLine) and new_import.name is not None
    if _statement_comment(found, statement):
        return None  # a `# noqa: F401` or `# type: ignore` there speaks for the names it was written for
    names = list(found.names)
    if new_import.alias and not any(item.asname for item in names):
        return None  # isort keeps `from x import y as z` on its own line unless the module combines them
    alias = cst.ImportAlias(
        name=cst.Name(new_import.name),
        asname=cst.AsName(name=cst.Name(new_import.alias)) if new_import.alias else None,
    )
    position = _name_position([_alias_name(item) for item in names], new_import.name)
    merged = insert_name(found, alias, position)
    fits_before = _width(found) <= style.line_length
    if fits_before and _width(merged) > style.line_length and _can_wrap(merged, statement):
        merged = wrapped(merged, style.indent)
    return statement.with_changes(body=[merged])


def _statement_comment(node: cst.ImportFrom, statement: cst.SimpleStatementLine) -> bool:
    """A comment for the whole statement: at the end of its line, or after its opening parenthesis."""
    after_lpar = node.lpar.whitespace_after if node.lpar is not None else None
    first_line = after_lpar.first_line.comment if isinstance(after_lpar, cst.ParenthesizedWhitespace) else None
    return statement.trailing_whitespace.comment is not None or first_line is not None


def _width(node: cst.ImportFrom) -> int:
    """The length of the statement's longest line, without a comment after it."""
    return max(len(line) for line in _EMPTY.code_for_node(node).splitlines())


def _can_wrap(node: cst.ImportFrom, statement: cst.SimpleStatementLine) -> bool:
    return not is_multiline(node) and statement.trailing_whitespace.comment is None


def _alias_name(alias: cst.ImportAlias) -> str:
    return _dotted(alias.name)


def _name_key(name: str) -> tuple[int, str]:
    """isort's default order for imported names: CONSTANTS, then Classes, then other names."""
    if name.isupper() and len(name) > 1:
        return (0, name.lower())
    return (1 if name[:1].isupper() else 2, name.lower())


def _name_position(existing: list[str], name: str) -> int:
    for key in (_name_key, str.lower):
        keys = [key(item) for item in existing]
        if keys == sorted(keys):
            new_key = key(name)
            return next((index for index, item in enumerate(keys) if new_key < item), len(existing))  # type: ignore[operator]
    return len(existing)


# -- placing a new statement ---------------------------------------------------------------------------


def _section(name: str) -> int:
    if name.startswith("."):
        return 3
    return 1 if name.partition(".")[0] in _STDLIB else 2


def _statement_key(node: cst.Import | cst.ImportFrom) -> tuple[int, str]:
    """Within a group, isort puts `import x` lines before `from x import y` lines, each sorted by module."""
    return (0 if isinstance(node, cst.Import) else 1, _module_name(node).lower())


def _groups(body: Sequence[Statement], layout: _Layout) -> list[list[int]]:
    groups: list[list[int]] = []
    for index in range(layout.floor, layout.end):
        starts_group = not groups or any(line.comment is None for line in body[index].leading_lines)
        if starts_group:
            groups.append([index])
        else:
            groups[-1].append(index)
    return groups


def _into_block(
    module: cst.Module,
    body: list[Statement],
    layout: _Layout,
    statement: cst.SimpleStatementLine,
    new_import: NewImport,
    anchor: int,  # the block's first import of the package (-1: none): nothing else runs between them
) -> cst.Module:
    modules = {index: _module_name(_block_import(body[index])) for index in range(layout.floor, layout.end)}
    groups = _groups(body, layout)
    group = _group_for(groups, modules, new_import.module)
    key = _statement_key(_block_import(statement))
    if group is not None:
        keys = [_statement_key(_block_import(body[index])) for index in group]
        before = next((i for i, k in zip(group, keys, strict=True) if key < k), None) if keys == sorted(keys) else None
        if before is not None and before < anchor:  # right before it is as late: no code runs in between
            before = anchor
        if before is None:
            return _at(module, body, max(group[-1], anchor) + 1, statement, new_group=False)
        return _at(module, body, before, statement, new_group=False, first_of_group=before == group[0])
    section = _section(new_import.module)
    later = next((g for g in groups if min(_section(modules[i]) for i in g) > section), None)
    if later is None:
        return _at(module, body, layout.end, statement, new_group=True, after_group=True)
    return _at(module, body, later[0], statement, new_group=True)


def _group_for(groups: list[list[int]], modules: dict[int, str], name: str) -> list[int] | None:
    """The group a new import of `name` joins: one importing the same package, else one of its kind."""
    root, section = name.partition(".")[0], _section(name)
    same_package = [g for g in groups if any(modules[i].partition(".")[0] == root for i in g)]
    pure = [g for g in groups if all(_section(modules[i]) == section for i in g)]
    mixed = [g for g in groups if any(_section(modules[i]) == section for i in g)]
    return next(iter(same_package or pure or mixed), None)


def _block_import(statement: Statement) -> cst.Import | cst.ImportFrom:
    found = _import_of(statement)
    assert found is not None, "only statements of the import block are looked at"
    return found


def _at(
    module: cst.Module,
    body: list[Statement],
    index: int,
    statement: cst.SimpleStatementLine,
    *,
    new_group: bool,
    first_of_group: bool = False,
    after_group: bool = False,
) -> cst.Module:
    """Insert `statement` before `body[index]`, moving blank lines and comments where they belong."""
    header = list(module.header)
    if index == 0 and body:
        header, body[0] = _detach_comments(header, body[0])
    following = body[index] if index < len(body) else None
    if after_group:
        statement = statement.with_changes(leading_lines=[_BLANK])
    elif not new_group:
        if first_of_group and following is not None:
            statement = statement.with_changes(leading_lines=following.leading_lines)
            body[index] = following.with_changes(leading_lines=[])
    elif following is None:
        statement = statement.with_changes(leading_lines=[_BLANK] if index > 0 else [])
    else:
        blanks, comments = _split_leading(following.leading_lines)
        if index > 0 and not blanks:  # after a docstring or __future__ import
            blanks = [_BLANK]
        statement = statement.with_changes(leading_lines=blanks)
        wanted = 2 if _is_definition(following) and _import_of(following) is None else 1
        body[index] = following.with_changes(leading_lines=[_BLANK] * wanted + comments)
    body.insert(index, statement)
    return module.with_changes(header=header, body=body)


def _split_leading(lines: Sequence[cst.EmptyLine]) -> tuple[list[cst.EmptyLine], list[cst.EmptyLine]]:
    """Blank lines above a statement's first comment, and the rest (its comments stay with it)."""
    count = 0
    while count < len(lines) and lines[count].comment is None:
        count += 1
    return list(lines[:count]), list(lines[count:])


def _detach_comments(header: list[cst.EmptyLine], first: Statement) -> tuple[list[cst.EmptyLine], Statement]:
    """LibCST gives comments right above the first statement to the module header; give them back.

    Only comments after the header's last blank line move: a shebang, a coding cookie or a licence
    that runs straight into the first statement stays on top.
    """
    blank = max((i for i, line in enumerate(header) if line.comment is None), default=None)
    if blank is None or blank == len(header) - 1:
        return header, first
    return header[: blank + 1], first.with_changes(leading_lines=[*header[blank + 1 :], *first.leading_lines])


def _is_definition(statement: Statement) -> bool:
    return isinstance(statement, (cst.FunctionDef, cst.ClassDef))
