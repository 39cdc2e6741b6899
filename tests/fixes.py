"""Apply findings' fixes to source text, for tests (the real fixer is the `http-status fix` command).

Edits are applied from the end of the file backwards; new imports go after the module's last top-level
import (or its docstring). Positions are 1-based lines and UTF-8 byte columns, as `ast` reports them.
"""

from __future__ import annotations

import ast

from flake8_http_status.findings import Finding, Fix, NewImport


def apply(source: str, fixes: list[Fix]) -> str:
    lines = source.splitlines(keepends=True)
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in edits:
        first = lines[edit.start.line - 1].encode("utf-8")
        last = lines[edit.end.line - 1].encode("utf-8")
        merged = first[: edit.start.column] + edit.text.encode("utf-8") + last[edit.end.column :]
        lines[edit.start.line - 1 : edit.end.line] = [merged.decode("utf-8")]
    text = "".join(lines)
    imports = sorted({new_import for fix in fixes for new_import in fix.imports}, key=NewImport.statement)
    return _add_imports(text, [new_import for new_import in imports if not _present(text, new_import)])


def fixes_of(findings: list[Finding], code: str) -> list[Fix]:
    return [finding.fix for finding in findings if finding.code == code and finding.fix is not None]


def _present(text: str, new_import: NewImport) -> bool:
    return new_import.statement() in text


def _add_imports(text: str, imports: list[NewImport]) -> str:
    if not imports:
        return text
    tree = ast.parse(text)
    after = 0
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)) or (
            isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt is tree.body[0]
        ):
            after = stmt.end_lineno or after
    lines = text.splitlines(keepends=True)
    added = "".join(f"{new_import.statement()}\n" for new_import in imports)
    return "".join(lines[:after]) + added + "".join(lines[after:])
