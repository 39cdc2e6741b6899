"""A finding as the reports show it: located in characters as editors count them, with its fix as plain edits.

The engine's findings carry `ast` positions (UTF-8 byte columns, 0-based); flake8 prints the byte column + 1.
The machine-readable formats (JSON, SARIF, GitHub, GitLab) count columns in characters, 1-based, as ruff's JSON
does; `column` keeps flake8's own number for the text formats, so that their lines equal flake8's.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterable, Sequence

from ..doc_links import rule_url
from ..findings import Edit, Finding, FixSafety, Position
from ..records import NamedTuple


class Location(NamedTuple):
    row: int  # 1-based line
    column: int  # 1-based, in characters (code points)


class Replacement(NamedTuple):
    content: str
    location: Location
    end_location: Location


class FixRecord(NamedTuple):
    applicability: str  # "safe" or "unsafe"
    message: str
    edits: tuple[Replacement, ...]


class Record(NamedTuple):
    path: str  # as found (relative to the current directory when the user named a relative path)
    absolute: str
    code: str
    message: str  # without the code
    location: Location
    end_location: Location
    column: int  # flake8's column: the UTF-8 byte offset + 1
    fix: FixRecord | None
    noqa_row: int  # the line on which a noqa comment would silence this finding
    source_line: str  # the text of the finding's first line, stripped (fingerprints read it)
    url: str  # the rule's documentation page

    @property
    def fixable(self) -> str | None:
        """ "safe", "unsafe" or None."""
        return None if self.fix is None else self.fix.applicability


def records_for(
    path: str, findings: Iterable[Finding], lines: Sequence[str], lang: str = "en", tree: ast.Module | None = None
) -> list[Record]:
    """The records of one file's findings. The module is parsed (unless `tree` is given) only when some fix
    adds an import, to find where that import goes."""
    findings = list(findings)
    at = None
    if any(finding.fix is not None and finding.fix.imports for finding in findings):
        at = import_row(tree if tree is not None else _tree("".join(lines)))
    return [record_for(path, finding, lines, lang, at) for finding in findings]


def record_for(
    path: str, finding: Finding, lines: Sequence[str], lang: str = "en", import_at: int | None = None
) -> Record:
    """`finding` in the file `path` whose lines are `lines` (with their endings); a fix's imports become an
    insertion before line `import_at` (see `import_row`), or only words in its message when that is None."""
    start, end = finding.start, finding.end
    return Record(
        path,
        os.path.abspath(path),
        finding.code,
        finding.message,
        _location(start, lines),
        _location(end, lines),
        start.column + 1,
        _fix(finding, lines, import_at),
        start.line,
        _line(lines, start.line).strip(),
        rule_url(finding.code, lang),
    )


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _location(position: Position, lines: Sequence[str]) -> Location:
    line = _line(lines, position.line)
    prefix = line.encode("utf-8", "surrogatepass")[: position.column]
    return Location(position.line, len(prefix.decode("utf-8", "replace")) + 1)


def import_row(tree: ast.Module | None) -> int | None:
    """The line before which a new import can go: the module's first statement after its docstring and its
    `from __future__` imports (so after its leading comments, shebang and coding line too). None when there is
    no such statement, or when it shares its line with the one before (`import a; x = 1`): then no single
    insertion is sure to be valid, and the fix's message says which import to add."""
    if tree is None:
        return None
    body = tree.body
    index = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        index = 1 if isinstance(body[0].value.value, str) else 0
    while index < len(body) and _is_future_import(body[index]):
        index += 1
    if index >= len(body) or body[index].col_offset != 0:
        return None
    statement = body[index]
    decorators: list[ast.expr] = getattr(statement, "decorator_list", [])
    first = min([statement.lineno, *(decorator.lineno for decorator in decorators)])
    if index and body[index - 1].end_lineno == first:
        return None
    return first


def _is_future_import(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.ImportFrom) and statement.module == "__future__"


def _tree(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _fix(finding: Finding, lines: Sequence[str], import_at: int | None) -> FixRecord | None:
    fix = finding.fix
    if fix is None or fix.safety is FixSafety.NONE:
        return None
    statements = [i.statement() for i in fix.imports]
    edits = tuple(_replacement(edit, lines) for edit in fix.edits)
    if statements and import_at is not None:
        ending = _ending(lines)
        here = Location(import_at, 1)
        edits = (Replacement("".join(f"{s}{ending}" for s in statements), here, here), *edits)
        return FixRecord(fix.safety.value, _fix_message(fix.edits, []), edits)
    return FixRecord(fix.safety.value, _fix_message(fix.edits, statements), edits)


def _ending(lines: Sequence[str]) -> str:
    """The module's line ending, so that an inserted import keeps the file's style."""
    first = lines[0] if lines else "\n"
    return "\r\n" if first.endswith("\r\n") else "\r" if first.endswith("\r") else "\n"


def _replacement(edit: Edit, lines: Sequence[str]) -> Replacement:
    return Replacement(edit.text, _location(edit.start, lines), _location(edit.end, lines))


def _fix_message(edits: Sequence[Edit], imports: Sequence[str]) -> str:
    """What the fix does, in one line; the imports it adds are named here only when they could not be given as
    an edit (`import_row` found no place that is sure to be valid)."""
    texts = [edit.text for edit in edits]
    said = f"Replace with `{texts[0]}`" if len(texts) == 1 else f"{len(texts)} edits"
    if imports:
        said += "; add `" + "`, `".join(imports) + "`"
    return said
