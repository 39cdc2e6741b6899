"""The verifier: a rewrite reaches the disk only if it means what the original meant, plus exactly
the declared unsafe edits. These tests feed it wrong rewrites, as a buggy transform would make them."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from fixing import options

from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer import pipeline, transform
from flake8_http_status.fixer.discovery import Found
from flake8_http_status.fixer.errors import Fault, FixError, FixFailure
from flake8_http_status.fixer.files import RunOptions, Status, process
from flake8_http_status.fixer.selection import Chosen
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent

ORIGINAL = "from flask import abort\n\n\ndef show(item):\n    abort(404)\n"


def finding(line: int, start: int, end: int, text: str, *imports: NewImport, unsafe: bool = False) -> Finding:
    safety = FixSafety.UNSAFE if unsafe else FixSafety.SAFE
    edit = Edit(Position(line, start), Position(line, end), text)
    return Finding("HTS001", "test", edit.start, edit.end, Fix((edit,), safety, imports))


def verify(original: str, rewritten: str, *findings: Finding) -> None:
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, findings)


NOT_FOUND = finding(5, 10, 13, "HTTPStatus.NOT_FOUND", NewImport("http", "HTTPStatus"))


def test_a_faithful_rewrite_passes() -> None:
    rewritten = (
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.NOT_FOUND)\n"
    )
    verify(ORIGINAL, rewritten, NOT_FOUND)


@pytest.mark.parametrize(
    "rewritten",
    [
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.OK)\n",
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.NOT_FOUND, item)\n",
        "from flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.NOT_FOUND)\n",
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show(HTTPStatus):\n    abort(HTTPStatus.NOT_FOUND)\n",
        "from http import HTTPStatus\nfrom flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.NOT_FOUND)\n    return\n",
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show(item):\n    abort(HTTPStatus.NOT_FOUND\n",
    ],
    ids=[
        "wrong-value",
        "extra-argument",
        "import-missing",
        "captured-by-parameter",
        "extra-statement",
        "does-not-parse",
    ],
)
def test_an_unfaithful_rewrite_is_refused(rewritten: str) -> None:
    with pytest.raises(FixError):
        verify(ORIGINAL, rewritten, NOT_FOUND)


def test_a_local_binding_in_another_scope_does_not_hide_the_import() -> None:
    original = (
        "from flask import abort\n\n\nclass Form:\n    HTTPStatus = 1\n\n    def show(self):\n        abort(404)\n"
    )
    rewritten = (
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\nclass Form:\n    HTTPStatus = 1\n\n"
        "    def show(self):\n        abort(HTTPStatus.NOT_FOUND)\n"
    )
    # A class attribute is not visible in the class's methods: the name is the import there.
    verify(original, rewritten, finding(8, 14, 17, "HTTPStatus.NOT_FOUND", NewImport("http", "HTTPStatus")))


def test_unsafe_edits_are_allowed_exactly() -> None:
    original = "from django.http import HttpResponse\n\n\ndef made(request):\n    return HttpResponse('x', 201)\n"
    moved = finding(5, 29, 32, "status=201", unsafe=True)
    verify(original, original.replace("'x', 201", "'x', status=201"), moved)
    with pytest.raises(FixError):
        verify(original, original.replace("'x', 201", "'x', status=202"), moved)
    with pytest.raises(FixError):  # the same change without the unsafe edit that allows it
        verify(original, original.replace("'x', 201", "'x', status=201"))


def test_a_misplaced_edit_never_reaches_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the transform put a constant in the wrong place, the fix is refused with the reason (its only
    fix, so the file is left as it was)."""
    source = "from flask import abort\n\n\ndef show():\n    abort(404)\n    return 500\n"
    real = transform.rewrite

    def misplacing(text: str, tree: ast.Module, edits: list[Edit], imports: list[NewImport], **style: Any) -> str:
        moved = [Edit(Position(6, 11), Position(6, 14), edit.text) for edit in edits]
        return real(text, tree, moved, imports, **style)

    monkeypatch.setattr(transform, "rewrite", misplacing)
    path = tmp_path / "views.py"
    path.write_text(source)
    result = process(Found(path, path), RunOptions(options()))
    assert result.status is Status.UNCHANGED
    assert [(fix.code, fix.line, fix.reason, fix.cause) for fix in result.refused] == [
        ("HTS001", 5, "the rewrite would change more than the fixes say", FixFailure.UNVERIFIED)
    ]
    assert path.read_text() == source


def test_fixes_that_never_settle_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two rules that keep undoing each other: each pass is verified, but the file is refused."""
    spellings = ("HTTPStatus.NOT_FOUND", "http.HTTPStatus.NOT_FOUND")

    def flipping(text: str, lines: list[str], filename: str, *_: object) -> tuple[Chosen, ast.Module]:
        tree = ast.parse(text)
        call = next(node for node in ast.walk(tree) if isinstance(node, ast.Call) and node.args)
        argument = call.args[0]
        current = ast.get_source_segment(text, argument)
        other = spellings[1 - spellings.index(current)] if current in spellings else spellings[0]
        edit = Edit(
            Position(argument.lineno, argument.col_offset),
            Position(argument.lineno, argument.end_col_offset or 0),
            other,
        )
        return Chosen([Finding("HTS004", "flip", edit.start, edit.end, Fix((edit,), FixSafety.SAFE))], 0), tree

    monkeypatch.setattr(pipeline, "_chosen", flipping)
    source = (  # both imports stay in use, so that no pass removes one
        "import http\nfrom http import HTTPStatus\nfrom flask import abort\n\nKEPT = (http, HTTPStatus)\n\n\n"
        "def show():\n    abort(404)\n"
    )
    with pytest.raises(FixError, match="did not settle") as raised:
        pipeline.fix_text(source, "views.py", options())
    assert raised.value.cause is FixFailure.UNVERIFIED and raised.value.cause.fault is Fault.FIXER


def test_fixes_that_settle_on_the_last_pass_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_PASSES", 1)
    source = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
    assert pipeline.fix_text(source, "views.py", options()).changed


@pytest.mark.parametrize(
    ("original", "rewritten"),
    [
        ("x = True\n", "x = 1\n"),
        ("x = '200'\n", "x = 200\n"),
        (
            "import falcon\n\n\ndef on_get(req, resp):\n    resp.status = falcon.HTTP_200\n",
            "import falcon\n\n\ndef on_get(req, resp):\n    resp.status = 200\n",
        ),
        ("from http import HTTPStatus\nx = HTTPStatus.OK\n", "from http import HTTPStatus\nx = HTTPStatus.CREATED\n"),
        ("def f():\n    from os import path\n", "def f():\n    pass\n"),
    ],
    ids=["bool-to-int", "str-to-int", "falcon-string-constant", "other-constant", "nested-import-dropped"],
)
def test_changes_no_fix_declares_are_refused(original: str, rewritten: str) -> None:
    with pytest.raises(FixError):
        verify(original, rewritten)


def test_one_family_for_another_is_the_same_program() -> None:
    # Compared, not stored: a stored enum turned into an int is refused (tests/test_fix_value_types.py).
    original = "from http import HTTPStatus\nfrom fastapi import status\n\nx = y == HTTPStatus.OK\n"
    rewritten = "from http import HTTPStatus\nfrom fastapi import status\n\nx = y == status.HTTP_200_OK\n"
    verify(original, rewritten, finding(4, 9, 22, "status.HTTP_200_OK"))
