"""The fix edits of the JSON report are whole: applied alone, one finding's edits give a module that parses and
binds every name the fix writes (the import the fix needs is an edit too, placed after the docstring and the
`from __future__` imports). An editor or a bot applies them without `http-status fix`."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_http_status.check.files import CheckOptions, check_bytes
from flake8_http_status.options import Settings
from flake8_http_status.reports.record import Record, import_row

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").rglob("*.py"))


def _apply(source: str, record: Record) -> str:
    assert record.fix is not None
    lines = source.splitlines(keepends=True)
    # Last edit first, so that earlier positions stay valid; columns are 1-based characters.
    for edit in sorted(record.fix.edits, key=lambda e: (e.location.row, e.location.column), reverse=True):
        start = sum(len(line) for line in lines[: edit.location.row - 1]) + edit.location.column - 1
        end = sum(len(line) for line in lines[: edit.end_location.row - 1]) + edit.end_location.column - 1
        text = "".join(lines)
        lines = (text[:start] + edit.content + text[end:]).splitlines(keepends=True)
    return "".join(lines)


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: str(path.relative_to(path.parents[1])))
def test_each_fix_applied_alone_parses_and_binds_what_it_writes(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    options = CheckOptions(Settings(target_python=(3, 10)))
    try:
        records = check_bytes(source.encode("utf-8"), str(path), options)
    except Exception:  # a fixture that is meant not to parse
        pytest.skip("not checkable")
    fixed = [record for record in records if record.fix is not None and record.fix.applicability == "safe"]
    for record in fixed:
        assert record.fix is not None
        if "; add `" in record.fix.message:  # only where there is no sure place for the import
            assert import_row(ast.parse(source)) is None, f"{record.path}:{record.location.row}: import not an edit"
            continue
        after = ast.parse(_apply(source, record))
        bound = _module_names(after) | set(dir(__builtins__))
        for edit in record.fix.edits:
            root = edit.content.strip().split(".")[0].split("(")[0]
            if root.isidentifier() and not edit.content.startswith(("from ", "import ")):
                assert root in bound, f"{record.path}:{record.location.row}: {edit.content} leaves {root} unbound"


def test_the_import_goes_after_the_docstring_and_future_imports() -> None:
    source = textwrap.dedent(
        '''\
        #!/usr/bin/env python
        """Views."""
        from __future__ import annotations

        @decorated
        def f(): ...
        '''
    )
    assert import_row(ast.parse(source)) == 5


def test_no_import_row_when_the_first_statement_shares_a_line() -> None:
    assert import_row(ast.parse('"""Doc."""; import flask\n')) is None
    assert import_row(ast.parse('"""Only a docstring."""\n')) is None
    assert import_row(None) is None


def test_a_module_whose_import_has_no_place_names_it_in_the_message() -> None:
    source = '"""Doc."""; from flask import abort\n\nabort(404)\n'
    [record] = check_bytes(source.encode(), "m.py", CheckOptions(Settings(target_python=(3, 10))))
    assert record.fix is not None
    assert record.fix.message.endswith("; add `from http import HTTPStatus`")
    assert [edit.content for edit in record.fix.edits] == ["HTTPStatus.NOT_FOUND"]


def test_crlf_modules_get_a_crlf_import() -> None:
    source = "from flask import abort\r\n\r\nabort(404)\r\n"
    [record] = check_bytes(source.encode(), "m.py", CheckOptions(Settings(target_python=(3, 10))))
    assert record.fix is not None
    assert record.fix.edits[0].content == "from http import HTTPStatus\r\n"
