"""Edits are applied in small pieces of a module; the result must be what rewriting the whole
module gives. Each case is fixed both ways and compared."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from types import FrameType

import libcst as cst
import pytest
from fixing import fix, options, outcome

from flake8_http_status.findings import Edit, Position
from flake8_http_status.fixer import segments, transform
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.pipeline import _chosen
from flake8_http_status.fixer.source import split_lines

CASES = {
    "method-decorator": (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\nclass Views:\n"
        "    @router.post('/a', status_code=201)\n    async def create(self):\n        return {}\n"
    ),
    "spaced-decorator": "from flask import Flask\n\napp = Flask(__name__)\n\nif True:\n    @ app.errorhandler(404)\n    def missing(e):\n        return '', 404\n",
    "elif-header": (
        "def check(response):\n    if response.status_code == 200:\n        pass\n"
        "    elif response.status_code == 404:\n        pass\n    else:\n        assert response.status_code in (301, 302)\n"
    ),
    "semicolons": "from flask import abort\n\n\ndef show():\n    x = 1; abort(404); y = [\n        2]\n",
    "one-line-suite": "from flask import abort\n\n\ndef show(x):\n    if x: abort(404)\n    while x: abort(410); break\n",
    "backslash": "from flask import abort\n\n\ndef show():\n    abort(\\\n        404)\n",
    "tabs": "from flask import abort\n\n\ndef show(x):\n\tif x:\n\t\tabort(404)\n",
    "multi-line-string": (
        "from flask import make_response\n\n\ndef page():\n    return make_response('''\n  <p>gone</p>\n''', 410)\n"
    ),
    # DRF's family holds ints: an HTTPStatus member on a class attribute would be an unsafe fix.
    "class-attribute": (
        "from rest_framework.exceptions import APIException\n\n\nclass Maintenance(APIException):\n"
        "    status_code = 503\n"
    ),
    "match-case": (
        "def describe(response):\n    match response.status_code:\n        case 200 | 201:\n            return 'ok'\n"
        "        case 404:\n            return 'missing'\n"
    ),
    "try-except-finally": (
        "from flask import abort\n\n\ndef show():\n    try:\n        pass\n    except KeyError:\n        abort(404)\n"
        "    else:\n        abort(409)\n    finally:\n        abort(500)\n"
    ),
    "no-imports-at-all": "def test_home(client):\n    assert client.get('/').status_code == 200\n",
    "docstring-only-then-code": '"""Tests."""\n\n\ndef test_home(client):\n    assert client.get("/").status_code == 200\n',
    "import-with-semicolon": "import os; x = 1\nfrom flask import abort\n\n\ndef show():\n    abort(404)\n",
    "comment-lines-at-column-0": "from flask import abort\n\n\ndef show():\n# a comment at the margin\n    abort(404)  # here\n",
    "form-feed": "from flask import abort\n\x0c\n\ndef show():\n    abort(404)\n",
    "no-final-newline": "from flask import abort\n\n\ndef show():\n    abort(404)",
}


@pytest.mark.parametrize("name", CASES)
def test_pieces_give_what_the_whole_module_gives(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = CASES[name]
    by_pieces = fix(source)
    assert by_pieces != source, "the case should have something to fix"
    with monkeypatch.context() as patch:
        patch.setattr(segments, "candidates", lambda tree, lines, edit: [segments.whole(lines)])
        patch.setattr(segments, "head", lambda tree, lines, packages=(): segments.whole(lines))
        whole = fix(source)
    assert by_pieces == whole


def test_a_simple_statement_is_parsed_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = cst.parse_module

    def recording(source: str) -> object:
        parsed.append(source)
        return real(source)

    monkeypatch.setattr(cst, "parse_module", recording)
    source = "from flask import abort\n\n\nclass Big:\n    def a(self):\n        pass\n\n    def b(self):\n        abort(404)\n"
    text = source
    lines = split_lines(text)
    chosen, tree = _chosen(text, lines, "views.py", options())
    edits = [edit for finding in chosen.findings if finding.fix for edit in finding.fix.edits]
    transform.rewrite(text, tree, edits, [])
    assert parsed == ["if True:\n        abort(404)\n"]


def _fixer_calls(fixes: int) -> int:
    """Python-level calls made inside the fixer's own modules while fixing a module with `fixes` sites."""
    handlers = "".join(
        f"\n\n@app.get('/{n}')\ndef view_{n}():\n    abort(404)\n    return 'x', 201\n" for n in range(fixes // 2)
    )
    source = "from flask import Flask, abort\n\napp = Flask(__name__)\n" + handlers
    fixer = str(Path(transform.__file__).parent)
    calls = 0

    def count(frame: FrameType, event: str, _: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(fixer):
            calls += 1

    sys.setprofile(count)
    try:
        fixed = outcome(source)
    finally:
        sys.setprofile(None)
    assert sum(fixed.applied.values()) == fixes
    return calls


@pytest.mark.slow
def test_the_fixers_work_grows_with_the_fixes_not_with_their_square() -> None:
    # Call counts, not times: a scan of every statement or every other fix per fix shows up as a
    # growth towards sixteenfold for four times the fixes (over sixfold already at this size, where
    # the linear part still weighs), whatever the machine's load; linear work grows about fourfold.
    small, large = _fixer_calls(50), _fixer_calls(200)
    assert large < 5 * small, (small, large)


def _edit(line: int, start: int, end: int, text: str) -> Edit:
    return Edit(Position(line, start), Position(line, end), text)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        # An insertion after a call's last argument, and a replacement after it on the same line.
        ([_edit(2, 6, 6, ", k=3"), _edit(2, 13, 14, "HTTPStatus.OK")], "g(1, 2, k=3)  ; h(HTTPStatus.OK)\n"),
        # A replacement that ends where the text goes in stays in front of it.
        ([_edit(2, 5, 6, "two"), _edit(2, 6, 6, ", 9")], "g(1, two, 9)  ; h(4)\n"),
        # No insertion: nothing moves.
        ([_edit(2, 2, 3, "one")], "g(one, 2)  ; h(4)\n"),
    ],
)
def test_insertions_are_spliced_and_move_the_edits_after_them(edits: list[Edit], expected: str) -> None:
    text = "import x\ng(1, 2)  ; h(4)\n"
    assert transform.rewrite(text, ast.parse(text), edits, ()) == "import x\n" + expected


def test_an_insertion_past_the_end_of_its_line_is_refused() -> None:
    text = "g(1)\n"
    with pytest.raises(FixError, match="past the end of its line") as raised:
        transform.rewrite(text, ast.parse(text), [_edit(1, 9, 9, ", 2")], ())
    assert raised.value.cause is FixFailure.MISPLACED
