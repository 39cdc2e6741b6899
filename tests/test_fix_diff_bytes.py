"""`http-status fix --diff` is made of the file's bytes, so that `git apply -p0` and `patch -p0` apply it.

Each case is a file whose bytes are not plain UTF-8 with `\\n` endings (a BOM, a PEP 263 encoding
with non-ASCII bytes, CRLF, mixed and lone CR endings, no final newline). The patch printed by the
real command is applied by the real tools to a copy of the tree, and the result must be exactly the
file that `http-status fix` writes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_http_status.fixer.diff import unified_diff

VIEW = b"from flask import abort\n\n\ndef show():\n    abort(404)\n"
LATIN1 = (
    b"# -*- coding: latin-1 -*-\n"
    b"from flask import abort\n\n\n"
    b"def show():\n    # \xe9t\xe9\n    abort(404)  # caf\xe9 \xe0 l'\xe9t\xe9\n    return '\xff'\n"
)
FILES = {
    "bom": b"\xef\xbb\xbf" + VIEW,
    "bom-crlf-no-final-newline": b"\xef\xbb\xbf" + VIEW.replace(b"\n", b"\r\n").rstrip(b"\r\n") + b"  # caf\xc3\xa9",
    "latin-1": LATIN1,
    "latin-1-crlf": LATIN1.replace(b"\n", b"\r\n"),
    "cp1252": b"# coding: cp1252\n" + VIEW.replace(b"abort(404)", b"abort(404)  # \x93quoted\x94 \x80"),
    "crlf": VIEW.replace(b"\n", b"\r\n"),
    "mixed-endings": b"from flask import abort\r\n\n\r\ndef show():\r\n    abort(404)\n    abort(410)\r\n",
    "no-final-newline": VIEW.rstrip(b"\n"),
}
TOOLS = {"git": ["git", "apply", "-p0", "-"], "patch": ["patch", "-p0", "--batch", "--silent"]}


def http_status_fix(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated", *args]
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, timeout=120, check=False)


def apply(tool: str, patch: bytes, cwd: Path) -> None:
    result = subprocess.run(TOOLS[tool], cwd=cwd, input=patch, capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("tool", TOOLS)
def test_the_patch_applies_and_gives_exactly_the_fixed_files(tmp_path: Path, tool: str) -> None:
    tree, copy = tmp_path / "tree", tmp_path / "copy"
    tree.mkdir()
    for name, data in FILES.items():
        (tree / f"{name}.py").write_bytes(data)
    shutil.copytree(tree, copy)
    diffed = http_status_fix("--diff", ".", cwd=tree)
    assert diffed.returncode == 1, diffed.stderr
    assert diffed.stderr.decode().splitlines()[-1].startswith(f"{len(FILES)} files scanned, {len(FILES)} would change")
    apply(tool, diffed.stdout, copy)
    assert http_status_fix(".", cwd=tree).returncode == 0
    for name in FILES:
        assert (copy / f"{name}.py").read_bytes() == (tree / f"{name}.py").read_bytes(), name
    assert http_status_fix("--check", ".", cwd=copy).returncode == 0  # nothing left to fix


@pytest.mark.slow
def test_the_diff_holds_the_files_own_bytes(tmp_path: Path) -> None:
    for name, data in FILES.items():
        (tmp_path / f"{name}.py").write_bytes(data)
    patch = http_status_fix("--diff", ".", cwd=tmp_path).stdout
    sections = {section.split(b"\n", 1)[0]: section for section in patch.split(b"--- ")[1:]}
    assert set(sections) == {f"{name}.py".encode() for name in FILES}
    bom = sections[b"bom.py"]
    assert bom.startswith(b"bom.py\n+++ bom.py\n@@ -1,5 +1,7 @@\n-\xef\xbb\xbffrom flask import abort\n")
    assert b"+\xef\xbb\xbffrom http import HTTPStatus\n+\n+from flask import abort\n" in bom
    latin = sections[b"latin-1.py"]
    assert (
        b"-    abort(404)  # caf\xe9 \xe0 l'\xe9t\xe9\n+    abort(HTTPStatus.NOT_FOUND)  # caf\xe9 \xe0 l'\xe9t\xe9\n"
        in latin
    )
    assert b"     # \xe9t\xe9\n" in latin and b"\xc3" not in latin  # context lines too; never re-encoded as UTF-8
    crlf = sections[b"crlf.py"]
    assert b"+from http import HTTPStatus\r\n+\r\n from flask import abort\r\n" in crlf
    assert b"-    abort(404)\r\n+    abort(HTTPStatus.NOT_FOUND)\r\n" in crlf
    last = sections[b"no-final-newline.py"]
    assert last.endswith(
        b"-    abort(404)\n\\ No newline at end of file\n+    abort(HTTPStatus.NOT_FOUND)\n\\ No newline at end of file\n"
    )
    mixed = sections[b"mixed-endings.py"]
    assert (
        b"-    abort(404)\n-    abort(410)\r\n+    abort(HTTPStatus.NOT_FOUND)\n+    abort(HTTPStatus.GONE)\r\n"
        in mixed
    )


@pytest.mark.slow
@pytest.mark.parametrize("tool", TOOLS)
def test_a_diff_of_stdin_applies_to_the_file(tmp_path: Path, tool: str) -> None:
    data = FILES["latin-1-crlf"]
    (tmp_path / "views.py").write_bytes(data)
    diffed = http_status_fix("--diff", "--stdin-filename", "views.py", "-", cwd=tmp_path, stdin=data)
    assert diffed.returncode == 1, diffed.stderr
    assert diffed.stdout.startswith(b"--- views.py\n+++ views.py\n@@ ")
    apply(tool, diffed.stdout, tmp_path)
    fixed = http_status_fix("-", cwd=tmp_path, stdin=data)
    assert (tmp_path / "views.py").read_bytes() == fixed.stdout != data


# The diff itself, on inputs the fixer never writes (a file it refuses, such as one with lone CR
# endings, never reaches it): lines are split at "\n" only, as the tools split them.
DIFF_CASES = {
    "lone-cr": (b"a = 1\rb = 404\rc = 3\r", b"a = 1\rb = NOT_FOUND\rc = 3\r"),
    "cr-inside-lines": (b"a = 1\nb = '\r' + 404\nc\n", b"a = 1\nb = '\r' + NOT_FOUND\nc\n"),
    "new-final-newline": (b"a\nb", b"a\nb\n"),
    "dropped-final-newline": (b"a\nb\n", b"a\nb"),
    "undecodable-bytes": (b"\xff\xfe\n\x80404\n", b"\xff\xfe\n\x80NOT_FOUND\n"),
}


@pytest.mark.slow
@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("case", DIFF_CASES, ids=list(DIFF_CASES))
def test_unified_diff_of_any_bytes_applies(tmp_path: Path, tool: str, case: str) -> None:
    old, new = DIFF_CASES[case]
    (tmp_path / "m.py").write_bytes(old)
    apply(tool, unified_diff(old, new, "m.py"), tmp_path)
    assert (tmp_path / "m.py").read_bytes() == new


def test_lines_are_split_at_newlines_only() -> None:
    assert unified_diff(b"a\rb\r", b"a\rc\r", "m.py") == (
        b"--- m.py\n+++ m.py\n@@ -1 +1 @@\n-a\rb\r\n\\ No newline at end of file\n+a\rc\r\n\\ No newline at end of file\n"
    )


def test_a_file_name_that_is_not_utf8_keeps_its_bytes() -> None:
    name = b"caf\xe9.py".decode("utf-8", "surrogateescape")  # as os.listdir gives it
    assert unified_diff(b"a\n", b"b\n", name).startswith(b"--- caf\xe9.py\n+++ caf\xe9.py\n")


@pytest.mark.slow
def test_a_module_on_stdin_that_cannot_be_fixed_prints_no_diff(tmp_path: Path) -> None:
    broken = b"from flask import abort\nabort(404\n"
    diffed = http_status_fix("--diff", "-", cwd=tmp_path, stdin=broken)
    assert (diffed.returncode, diffed.stdout) == (123, b"")  # the module itself is no patch
    assert diffed.stderr.decode().startswith("stdin:2: error: cannot parse")
    assert http_status_fix("-", cwd=tmp_path, stdin=broken).stdout == broken  # as a filter: passed through


# Names each tool misreads unquoted: GNU patch ends a name at a blank, both tools at a tab or a newline.
ODD_NAMES = ["a b.py", " lead.py", "trail .py", "a\tb.py", "a\nb.py", "a\rb.py", 'q"uote.py', "back\\slash.py"]


@pytest.mark.slow
@pytest.mark.parametrize("tool", TOOLS)
def test_a_diff_applies_to_files_with_blanks_tabs_and_newlines_in_their_names(tmp_path: Path, tool: str) -> None:
    tree, copy = tmp_path / "tree", tmp_path / "copy"
    tree.mkdir()
    for name in ODD_NAMES:
        (tree / name).write_bytes(VIEW)
    (tree / "a").write_bytes(b"untouched\n")  # what an unquoted `a\tb.py` or `a b.py` would be read as
    shutil.copytree(tree, copy)
    diffed = http_status_fix("--diff", ".", cwd=tree)
    assert diffed.returncode == 1, diffed.stderr
    lines = diffed.stderr.decode().splitlines()
    assert len(lines) == len(ODD_NAMES) + 1, lines  # one line per file (a newline in a name is quoted), a summary
    assert lines[-1].startswith(f"{len(ODD_NAMES)} files scanned, {len(ODD_NAMES)} would change")
    apply(tool, diffed.stdout, copy)
    assert sorted(path.name for path in copy.iterdir()) == sorted([*ODD_NAMES, "a"])  # no file made up
    assert (copy / "a").read_bytes() == b"untouched\n"
    assert http_status_fix(".", cwd=tree).returncode == 0
    for name in ODD_NAMES:
        assert (copy / name).read_bytes() == (tree / name).read_bytes() != VIEW, repr(name)


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("views.py", b"views.py"),
        ("a b.py", b'"a b.py"'),
        ("a\tb.py", b'"a\\tb.py"'),
        ("a\nb.py", b'"a\\nb.py"'),
        ('q"x\\.py', b'"q\\"x\\\\.py"'),
        ("a\x01b.py", b'"a\\001b.py"'),
        ("caf\u00e9 x.py", b'"caf\xc3\xa9 x.py"'),  # other bytes as they are, as git's core.quotePath=false
    ],
)
def test_a_name_a_tool_would_misread_is_quoted_as_git_quotes_it(name: str, header: bytes) -> None:
    assert unified_diff(b"a\n", b"b\n", name).startswith(b"--- %s\n+++ %s\n@@ " % (header, header))


def test_messages_name_a_file_with_a_newline_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\nb.py").write_bytes(VIEW)
    result = http_status_fix("--check", ".", cwd=tmp_path)
    assert result.stderr.decode().splitlines() == [
        'would fix "a\\nb.py" (1 HTS001)',
        "1 file scanned, 1 would change (1 fix), 0 skipped, 0 failed",
    ]
