"""Hostile modules as flake8 hands them to the plugin: huge, deeply nested, odd bytes and line endings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import flake8
import pytest

from conftest import run

FLAKE8_MAJOR = int(flake8.__version__.split(".")[0])


def deep(template: str, depth: int) -> str:
    text = "x"
    for _ in range(depth):
        text = template.format(text)
    return text


CHAINS = {
    "calls": "{}()",  # f()()()...
    "value-chain": "{}.value",  # attribute chains the value resolver reads
    "attribute-chain": "{}.status_code",
    "subscripts": "{}[0]",
    "binop": "{} + 1",  # long left-recursive binary operations
}


def deepest(template: str) -> str:
    """The deepest chain this Python's parser accepts: deeper than the default recursion limit."""
    for depth in (5000, 2000, 1500):
        source = f"abort({deep(template, depth)})"
        try:
            ast.parse(source)
        except (RecursionError, SyntaxError, MemoryError):
            continue
        return deep(template, depth)
    raise AssertionError("the parser accepts no chain deeper than the recursion limit")


@pytest.mark.parametrize("template", CHAINS.values(), ids=CHAINS.keys())
def test_deep_chains_do_not_hit_the_recursion_limit(template: str) -> None:
    expression = deepest(template)
    source = f"from flask import abort\n\ndef view(x):\n    abort({expression})\n    return {expression} == 200\n"
    run(source)  # must not raise


def test_huge_module() -> None:
    handler = "@app.get('/items/{n}')\ndef item_{n}():\n    if {n} % 2:\n        abort(404)\n    return jsonify(n={n}), 201\n\n\n"
    filler = "# " + "padding " * 12 + "\n"
    body = "".join(handler.format(n=n) + filler * 50 for n in range(2000))
    source = "from flask import Flask, abort, jsonify\n\napp = Flask(__name__)\n\n\n" + body
    assert len(source.encode()) > 10_000_000
    findings = run(source)
    assert [f.code for f in findings].count("HTS001") == 4000


def flake8_on(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select=HTS,E902,E999", "--format=%(row)d:%(col)d %(code)s %(text)s", str(path)],
        capture_output=True, text=True, check=False,
    )


def test_bom_crlf_and_mixed_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_bytes(b"\xef\xbb\xbffrom flask import abort\r\n\r\ndef v():\n    abort(404)\r\n    abort(410)\n")
    result = flake8_on(path)
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["HTS001", "HTS001"], result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_non_ascii_text_before_the_literal(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    line = '    s = "상태 코드"; abort(404)'
    path.write_text(f"from flask import abort\n\n\ndef v():\n{line}\n", encoding="utf-8")
    result = flake8_on(path)
    # Like pyflakes, the plugin reports ast's column (a UTF-8 byte offset), which flake8 counts from 1.
    column = len(line[: line.index("404")].encode("utf-8")) + 1
    assert result.stdout.splitlines() == [
        f"5:{column} HTS001 use HTTPStatus.NOT_FOUND instead of 404 (the resource does not exist)"
    ]


@pytest.mark.parametrize(
    "content",
    [b"from flask import abort\nabort(404)\x00\n", b"print 'python 2'\nabort(404)\n"],
    ids=["nul", "python2"],
)
def test_unreadable_modules_are_flake8_errors_not_plugin_crashes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.py"
    path.write_bytes(content)
    result = flake8_on(path)
    assert "flake8_http_status" not in result.stderr, result.stderr
    if FLAKE8_MAJOR >= 6:  # flake8 5 itself crashes on a NUL byte, before any plugin runs
        assert "Traceback" not in result.stderr
        assert "E902" in result.stdout or "E999" in result.stdout, result.stdout + result.stderr


def test_undecodable_bytes_reach_the_plugin_as_latin1(tmp_path: Path) -> None:
    # flake8 falls back to latin-1 for a file that is not UTF-8; the plugin must still work.
    path = tmp_path / "legacy.py"
    path.write_bytes(b"from flask import abort\n# caf\xe9\nabort(404)\n")
    result = flake8_on(path)
    assert "Traceback" not in result.stderr
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["HTS001"]
