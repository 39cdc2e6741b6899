"""Hostile input for `http-status fix`: huge, deeply nested, odd bytes and line endings, symlink loops,
unreadable, read-only and racing files, and 20,000 files in one run.

Each case runs the command over the hostile file next to an ordinary view. The hostile file gets one
line naming it (and the line, where there is one), or is fixed exactly; the view is still fixed; no
file is half-written and no temporary file is left. Unit tests of the same guards are in
test_fix_files.py and test_fix_discovery.py; the plugin's side is test_hostile_plugin.py.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import FIXED, VIEW, deep, deepest, fix_run, huge_module, leftovers, permissions_enforced, small_files

from flake8_http_status.cli import main
from flake8_http_status.fixer import files
from flake8_http_status.fixer.pipeline import FixOptions, Outcome
from flake8_http_status.fixer.pipeline import fix_text as real_fix_text

pytestmark = pytest.mark.slow  # hostile input: huge modules, deep nesting, 20,000 files


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # no configuration above the project is read
    (tmp_path / "views.py").write_text(VIEW)
    return tmp_path


def fix(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Exit status and stderr lines of `http-status fix --isolated ARGS`, run in this process."""
    status = main(["fix", "--isolated", *args])
    return status, capsys.readouterr().err.splitlines()


def assert_views_fixed(root: Path) -> None:
    assert (root / "views.py").read_text() == FIXED
    assert leftovers(root) == []


def test_a_10_mb_module_is_skipped_by_default_and_fixed_when_allowed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, findings = huge_module()
    (project / "generated.py").write_text(source)
    status, err = fix(capsys, ".")
    assert status == 0 and err[0] == "generated.py: skipped: too large (9.6 MiB; see --max-size)"
    assert_views_fixed(project)
    status, err = fix(capsys, "--max-size", "16", "generated.py")
    assert status == 0 and err == [
        f"fixed generated.py ({findings} HTS001)",
        f"1 file scanned, 1 changed ({findings} fixes), 0 skipped, 0 failed",
    ]
    fixed = (project / "generated.py").read_text()
    compile(fixed, "generated.py", "exec")
    assert fixed.count("HTTPStatus.NOT_FOUND") == findings // 2 and fixed.count("'  # status 200\n") == source.count(
        "'  # status 200\n"
    )


def test_deep_nesting(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chain = deepest("{}()")
    # Deep code outside the fixed statement does not stop the fix; inside it, LibCST's own recursion
    # does (one line); past the parser's limit, the file cannot be parsed at all (one line).
    (project / "elsewhere.py").write_text(f"{VIEW}    return {chain}\n")
    (project / "inside.py").write_text(
        f"from flask import abort\n\n\ndef show(x):\n    abort(404, {deep('{}()', 1500)})\n"
    )
    (project / "parens.py").write_text(VIEW + "    return " + "(" * 1000 + "x" + ")" * 1000 + "\n")
    originals = {name: (project / name).read_bytes() for name in ("inside.py", "parens.py")}
    status, err = fix(capsys, ".")
    assert status == 123
    assert err[0] == "fixed elsewhere.py (1 HTS001)"
    assert err[1] == "inside.py:5: error: too deeply nested for LibCST"
    assert err[2].startswith("parens.py:6:") and err[2].endswith(": error: cannot parse: too many nested parentheses")
    assert err[3:] == ["fixed views.py (1 HTS001)", "4 files scanned, 2 changed (2 fixes), 0 skipped, 2 failed"]
    assert (project / "elsewhere.py").read_text() == f"{FIXED}    return {chain}\n"
    assert {name: (project / name).read_bytes() for name in originals} == originals
    assert_views_fixed(project)


# Odd bytes: (content, the line the run prints about the file, the bytes after the run).
ODD_BYTES = {
    "nul": (
        b"from flask import abort\nabort(404)\x00\n",
        "odd.py: error: cannot parse: source code {} contain null bytes",
        None,
    ),
    "invalid-utf8": (
        b"from flask import abort\n# caf\xe9\nabort(404)\n",
        "odd.py:2: error: cannot decode as utf-8: invalid continuation byte",
        None,
    ),
    "bom": (b"\xef\xbb\xbf" + VIEW.encode(), "fixed odd.py (1 HTS001)", b"\xef\xbb\xbf" + FIXED.encode()),
    "mixed-endings": (
        b"from flask import abort\r\n\ndef v():\r\n    abort(404)\n    abort(410)\r\n",
        "fixed odd.py (2 HTS001)",
        b"from http import HTTPStatus\r\n\r\nfrom flask import abort\r\n\ndef v():\r\n    abort(HTTPStatus.NOT_FOUND)\n    abort(HTTPStatus.GONE)\r\n",
    ),
    "lone-cr": (
        b"from flask import abort\r\rabort(404)\r",
        "odd.py:1: error: lone CR line endings are not supported; file left unchanged",
        None,
    ),
    # A page break on a line of its own is kept; before a statement LibCST cannot print it back.
    "page-break": (
        b"from flask import abort\n\x0c\nabort(404)\n",
        "fixed odd.py (1 HTS001)",
        b"from http import HTTPStatus\n\nfrom flask import abort\n\x0c\nabort(HTTPStatus.NOT_FOUND)\n",
    ),
    "form-feed-indent": (
        b"from flask import abort\n\x0cabort(404)\n",
        "odd.py:2: error: LibCST does not print this code back unchanged (it holds a form feed); file left unchanged",
        None,
    ),
}


@pytest.mark.parametrize("case", ODD_BYTES, ids=ODD_BYTES.keys())
def test_odd_bytes_and_line_endings(project: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    content, message, after = ODD_BYTES[case]
    (project / "odd.py").write_bytes(content)
    status, err = fix(capsys, ".")
    if case == "nul":  # the wording changed in Python 3.12
        assert err[0] in (message.format("string cannot"), message.format("cannot"))
    else:
        assert err[0] == message
    assert err[1] == "fixed views.py (1 HTS001)"
    assert status == (0 if after else 123)
    assert (project / "odd.py").read_bytes() == (after or content)
    assert_views_fixed(project)
    if after:
        assert fix(capsys, "--check", ".")[0] == 0  # a second run changes nothing


def test_symlink_loops(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "loop_a.py").symlink_to("loop_b.py")
    (project / "loop_b.py").symlink_to("loop_a.py")
    (project / "pkg").mkdir()
    (project / "pkg" / "up").symlink_to("..")  # a directory loop: never entered
    status, err = fix(capsys, ".", "loop_a.py")
    assert status == 0
    assert err == [
        "loop_a.py: skipped: symlink loop, not followed",
        "loop_b.py: skipped: symlink loop, not followed",
        "fixed views.py (1 HTS001)",
        "loop_a.py: skipped: symlink loop, not followed",
        "4 files scanned, 1 changed (1 fix), 3 skipped, 0 failed",
    ]
    assert_views_fixed(project)


def test_an_unreadable_file(project: Path) -> None:
    secret = project / "secret.py"
    secret.write_text(VIEW)
    secret.chmod(0)
    try:
        result = fix_run(".", cwd=project, preexec_fn=permissions_enforced())
    except subprocess.SubprocessError as error:  # a container that forbids dropping capabilities
        pytest.skip(f"cannot make a file unreadable for the test process: {error}")
    assert result.returncode == 123, result.stderr
    assert result.stderr.splitlines() == [
        "secret.py: error: cannot read: Permission denied",
        "fixed views.py (1 HTS001)",
        "2 files scanned, 1 changed (1 fix), 0 skipped, 1 failed",
    ]
    secret.chmod(0o600)
    assert secret.read_text() == VIEW
    assert_views_fixed(project)


def test_a_read_only_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = project / "locked.py"
    locked.write_text(VIEW)
    locked.chmod(0o444)
    assert fix(capsys, "--check", ".") == (
        1,
        [
            "would fix locked.py (1 HTS001)",
            "would fix views.py (1 HTS001)",
            "2 files scanned, 2 would change (2 fixes), 0 skipped, 0 failed",
        ],
    )
    status, err = fix(capsys, ".")
    assert status == 123 and err[0] == "locked.py: error: read-only file; not changed"
    assert locked.read_text() == VIEW and stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert_views_fixed(project)


def racing(project: Path, events: dict[str, Callable[[], object]]) -> Callable[[str, str, FixOptions], Outcome]:
    """`fix_text` that first runs the event named for the file it is given: another program
    deleting or saving files while the run goes on (after the file was read, before it is written)."""
    real = real_fix_text  # what flake8_http_status.fixer.files calls

    def fix_text(text: str, filename: str, options: FixOptions) -> Outcome:
        event = events.get(Path(filename).name)
        if event is not None:
            event()
        return real(text, filename, options)

    return fix_text


def test_files_deleted_or_changed_during_the_run(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.py", "b.py", "c.py", "d.py", "e.py"):
        (project / name).write_text(VIEW)
    saved = VIEW.replace("404", "410") + "# saved by an editor\n"

    def save_b_delete_c() -> None:  # before they are read
        (project / "b.py").write_text(saved)
        (project / "c.py").unlink()

    events: dict[str, Callable[[], object]] = {
        "a.py": save_b_delete_c,
        "d.py": lambda: (project / "d.py").write_text(saved),  # after it was read
        "e.py": (project / "e.py").unlink,
    }
    monkeypatch.setattr(files, "fix_text", racing(project, events))
    status, err = fix(capsys, "--jobs", "1", ".")
    assert status == 123
    assert err == [
        "fixed a.py (1 HTS001)",
        "fixed b.py (1 HTS001)",
        "c.py: error: vanished before it could be read",
        "d.py: error: changed since it was read; not overwritten",
        "e.py: error: vanished before it could be written",
        "fixed views.py (1 HTS001)",
        "6 files scanned, 3 changed (3 fixes), 0 skipped, 3 failed",
    ]
    assert (project / "a.py").read_text() == FIXED
    assert (project / "b.py").read_text() == FIXED.replace("NOT_FOUND", "GONE") + "# saved by an editor\n"
    assert (project / "d.py").read_text() == saved
    assert not (project / "c.py").exists() and not (project / "e.py").exists()
    assert_views_fixed(project)


def test_twenty_thousand_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_files(project, 20_000, {"broken.py": b"from flask import abort\nabort(404\n"})
    status, err = fix(capsys, ".")  # all cores: the worker pool's path
    assert status == 123
    assert len(err) == 3 and err[0].startswith("broken.py:2:") and ": error: cannot parse: " in err[0]
    assert err[1:] == ["fixed views.py (1 HTS001)", "20002 files scanned, 1 changed (1 fix), 0 skipped, 1 failed"]
    assert_views_fixed(project)
    untouched = [
        path for path in project.glob("pkg*/m*.py") if path.read_bytes() == b"VALUE = %d\n" % int(path.stem[1:])
    ]
    assert len(untouched) == 20_000


def bounded(limit_bytes: int = 1 << 30) -> Callable[[], None]:
    """A `preexec_fn` that caps the child's address space: reading an endless file must fail there, not
    take the machine's memory."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return cap


def fix_within(*args: str, cwd: Path, seconds: float = 120) -> subprocess.CompletedProcess[str]:
    """`http-status fix --isolated ARGS` in its own process, failing the test if it hangs or runs out of memory."""
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated", *args]
    try:
        return subprocess.run(
            command, capture_output=True, text=True, cwd=cwd, timeout=seconds, preexec_fn=bounded(), check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"http-status fix {' '.join(args)} still running after {seconds} s")


def test_fifos_and_devices_are_skipped_named_or_found(project: Path) -> None:
    os.mkfifo(project / "x.py")  # opening a FIFO for reading waits for a writer
    (project / "y.py").symlink_to("/dev/zero")  # never ends
    (project / "pkg").mkdir()
    os.mkfifo(project / "pkg" / "pipe.py")
    named = fix_within("--check", "x.py", "y.py", "views.py", cwd=project)
    assert named.returncode == 1, named.stderr
    assert named.stderr.splitlines() == [
        "x.py: skipped: not a regular file (a named pipe), not read",
        "y.py: skipped: not a regular file (a character device), not read",
        "would fix views.py (1 HTS001)",
        "3 files scanned, 1 would change (1 fix), 2 skipped, 0 failed",
    ]
    walked = fix_within(".", cwd=project)
    assert walked.returncode == 0, walked.stderr
    assert walked.stderr.splitlines() == [
        "fixed views.py (1 HTS001)",
        "x.py: skipped: not a regular file (a named pipe), not read",
        "y.py: skipped: symlink to a file outside the tree, not followed",
        "pkg/pipe.py: skipped: not a regular file (a named pipe), not read",
        "4 files scanned, 1 changed (1 fix), 3 skipped, 0 failed",
    ]
    assert_views_fixed(project)
    assert stat.S_ISFIFO((project / "x.py").lstat().st_mode) and (project / "y.py").is_symlink()


def test_endless_stdin_is_read_only_up_to_the_limit(project: Path) -> None:
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated", "--max-size", "1", "--diff", "-"]
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            command, stdin=zeros, capture_output=True, cwd=project, timeout=120, preexec_fn=bounded(), check=False
        )
    assert (result.returncode, result.stdout) == (0, b"")
    assert result.stderr.decode().splitlines() == ["stdin: skipped: too large (see --max-size)"]
