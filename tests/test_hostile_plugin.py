"""Hostile input as flake8 hands it to the plugin: huge, deeply nested, odd bytes and line endings,
symlink loops, unreadable, read-only and racing files, and 20,000 files in one run.

Each case is one flake8 run over the hostile file next to ordinary ones: the hostile file gets at most
one line naming it (flake8's own E902/E999), the plugin's findings in the other files are all there,
and nothing raises. The companion for `http-status fix` is test_hostile_cli.py.
"""

from __future__ import annotations

import fnmatch
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import run
from hostile import (
    CHAINS,
    FINDING,
    FLAKE8_MAJOR,
    VIEW,
    deepest,
    flake8_run,
    huge_module,
    permissions_enforced,
    small_files,
)

pytestmark = pytest.mark.slow  # hostile input through flake8 in subprocesses


def lines_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    """flake8's report, sorted; nothing on stderr may come from a crash."""
    assert "Traceback" not in result.stderr and "flake8_http_status" not in result.stderr, result.stderr
    return sorted(result.stdout.splitlines())


@pytest.mark.parametrize("template", CHAINS.values(), ids=CHAINS.keys())
def test_deep_chains_do_not_hit_the_recursion_limit(template: str) -> None:
    expression = deepest(template)
    source = f"from flask import abort\n\ndef view(x):\n    abort({expression})\n    return {expression} == 200\n"
    run(source)  # must not raise


def test_deep_nesting_through_flake8(tmp_path: Path) -> None:
    chains = "\n".join(f"    v{number} = {deepest(template)}" for number, template in enumerate(CHAINS.values()))
    (tmp_path / "deep.py").write_text(f"from flask import abort\n\n\ndef show(x):\n{chains}\n    abort(404)\n")
    (tmp_path / "parens.py").write_text("x = " + "(" * 1000 + "1" + ")" * 1000 + "\n")  # past the parser's limit
    result = flake8_run(["deep.py", "parens.py"], cwd=tmp_path, only_this_plugin=True)
    found = lines_of(result)
    assert found[0] == f"deep.py:{len(CHAINS) + 5}:11: {FINDING}"
    assert len(found) == 2 and found[1].startswith("parens.py:1:") and " E999 " in found[1]


def test_a_10_mb_module(tmp_path: Path) -> None:
    source, findings = huge_module()
    (tmp_path / "generated.py").write_text(source)
    (tmp_path / "views.py").write_text(VIEW)
    found = lines_of(flake8_run(["generated.py", "views.py"], cwd=tmp_path, only_this_plugin=True))
    assert len(source) >= 10_000_000
    assert sum(line.startswith("generated.py:") and " HTS001 " in line for line in found) == findings
    assert found[-1] == f"views.py:5:11: {FINDING}" and len(found) == findings + 1


# Odd bytes: (content, what flake8 says about the file). Each file sits next to the others, and
# one flake8 run reads them all.
ODD_BYTES = {
    "nul": (b"from flask import abort\nabort(404)\x00\n", ["*:*: E999"]),  # the line and column vary by Python
    "invalid_utf8": (
        b"from flask import abort\n# caf\xe9\nabort(404)\n",
        ["3:7: HTS001"],
    ),  # flake8 falls back to latin-1
    "bom": (b"\xef\xbb\xbffrom flask import abort\n\nabort(404)\n", ["3:7: HTS001"]),
    "mixed_endings": (
        b"from flask import abort\r\n\ndef v():\r\n    abort(404)\n    abort(404)\r\n",
        ["4:11: HTS001", "5:11: HTS001"],
    ),
    "lone_cr": (b"from flask import abort\r\rabort(404)\r", ["3:7: HTS001"]),
    "python2": (b"print 'python 2'\nabort(404)\n", ["1:*: E999"]),
}


@pytest.fixture(scope="module")
def odd_files_checked(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("odd")
    for name, (content, _) in ODD_BYTES.items():
        if name != "nul" or FLAKE8_MAJOR >= 6:  # flake8 5 itself crashes on a NUL byte, before any plugin runs
            (root / f"{name}.py").write_bytes(content)
    (root / "views.py").write_text(VIEW)
    return lines_of(flake8_run(["."], cwd=root))


@pytest.mark.parametrize("case", ODD_BYTES, ids=ODD_BYTES.keys())
def test_odd_bytes_and_line_endings(odd_files_checked: list[str], case: str) -> None:
    if case == "nul" and FLAKE8_MAJOR < 6:
        pytest.skip("flake8 5 itself crashes on a NUL byte, before any plugin runs")
    reported = [
        line.split(": ")[0].split(":", 1)[1] + ": " + line.split(": ")[1].split()[0]
        for line in odd_files_checked
        if line.startswith(f"./{case}.py:")
    ]
    expected = ODD_BYTES[case][1]
    assert len(reported) == len(expected) and all(
        fnmatch.fnmatch(a, b) for a, b in zip(reported, expected, strict=True)
    ), reported
    assert odd_files_checked[-1] == f"./views.py:5:11: {FINDING}"


def test_non_ascii_text_before_the_literal(tmp_path: Path) -> None:
    line = '    s = "상태 코드"; abort(404)'
    (tmp_path / "app.py").write_text(f"from flask import abort\n\n\ndef v():\n{line}\n", encoding="utf-8")
    # Like pyflakes, the plugin reports ast's column (a UTF-8 byte offset), which flake8 counts from 1.
    column = len(line[: line.index("404")].encode("utf-8")) + 1
    assert lines_of(flake8_run(["app.py"], cwd=tmp_path)) == [f"app.py:5:{column}: {FINDING}"]


def test_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text(VIEW)
    (tmp_path / "loop_a.py").symlink_to("loop_b.py")
    (tmp_path / "loop_b.py").symlink_to("loop_a.py")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "up").symlink_to("..")  # a directory loop: flake8 does not follow it
    found = lines_of(flake8_run(["."], cwd=tmp_path))
    assert [line.split(": ")[0] + " " + line.split(": ")[1][:4] for line in found] == [
        "./loop_a.py:0:1 E902",
        "./loop_b.py:0:1 E902",
        "./views.py:5:11 HTS0",
    ]


def test_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text(VIEW)
    secret = tmp_path / "secret.py"
    secret.write_text(VIEW)
    secret.chmod(0)
    try:
        result = flake8_run(["."], cwd=tmp_path, preexec_fn=permissions_enforced())
    except subprocess.SubprocessError as error:  # a container that forbids dropping capabilities
        pytest.skip(f"cannot make a file unreadable for the test process: {error}")
    assert lines_of(result) == [
        "./secret.py:0:1: E902 PermissionError: [Errno 13] Permission denied: './secret.py'",
        f"./views.py:5:11: {FINDING}",
    ]


def test_a_read_only_file_is_checked_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_text(VIEW)
    path.chmod(0o444)
    before = path.stat()
    assert lines_of(flake8_run(["views.py"], cwd=tmp_path)) == [f"views.py:5:11: {FINDING}"]
    after = path.stat()
    assert path.read_text() == VIEW and stat.S_IMODE(after.st_mode) == 0o444 and after.st_mtime_ns == before.st_mtime_ns


RACE_PLUGIN = '''
import os


class Race:
    """Deletes one module and rewrites another while flake8 checks the first."""

    name = "race"
    version = "0"

    def __init__(self, tree, filename):
        self.filename = filename

    def run(self):
        if os.path.basename(self.filename) == "a.py":
            os.remove("c.py")
            with open("b.py", "w") as stream:
                stream.write("from flask import abort\\n\\n\\n\\n\\ndef gone():\\n    abort(410)\\n")
        return iter(())
'''


def test_files_deleted_or_rewritten_during_the_run(tmp_path: Path) -> None:
    (tmp_path / "race.py").write_text(RACE_PLUGIN)
    (tmp_path / "setup.cfg").write_text("[flake8:local-plugins]\nextension =\n    RAC = race:Race\npaths = .\n")
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text(VIEW)
    found = lines_of(flake8_run(["a.py", "b.py", "c.py"], cwd=tmp_path))
    assert found[0] == f"a.py:5:11: {FINDING}"
    # flake8 7 reads each file just before checking it, flake8 5 all of them first: either way the
    # plugin sees one whole version of each file, and a vanished file is one E902 line.
    b_versions = (
        [f"b.py:5:11: {FINDING}"],
        ["b.py:7:11: HTS001 use HTTPStatus.GONE instead of 410 (the resource was removed for good)"],
    )
    assert found[1:2] in b_versions, found
    assert found[2:] in (
        [f"c.py:5:11: {FINDING}"],
        ["c.py:0:1: E902 FileNotFoundError: [Errno 2] No such file or directory: 'c.py'"],
    ), found
    assert not (tmp_path / "c.py").exists()


def test_twenty_thousand_files(tmp_path: Path) -> None:
    small_files(tmp_path, 20_000, {"views.py": VIEW.encode(), "broken.py": b"from flask import abort\nabort(404\n"})
    found = lines_of(flake8_run(["."], cwd=tmp_path, only_this_plugin=True))
    assert len(found) == 2, found
    assert found[0].startswith("./broken.py:") and " E999 SyntaxError" in found[0]
    assert found[1] == f"./views.py:5:11: {FINDING}"
    assert sum(1 for _ in tmp_path.rglob("*")) == 20_002 + 40  # the files and their 40 directories, nothing more
