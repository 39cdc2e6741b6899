"""One file on disk: encodings, line endings, atomic and careful writing, and bad input."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixing import options

from flake8_http_status.fixer import writing
from flake8_http_status.fixer.discovery import Found
from flake8_http_status.fixer.errors import Fault, FixError, FixFailure
from flake8_http_status.fixer.files import FileResult, Mode, RunOptions, Status, process

VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
FIXED = "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show():\n    abort(HTTPStatus.NOT_FOUND)\n"


def run(path: Path, mode: Mode = Mode.WRITE, max_bytes: int = 1 << 20) -> FileResult:
    return process(Found(path, path.resolve()), RunOptions(options(), mode, max_bytes))


def test_a_file_is_rewritten_and_a_second_run_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    assert run(path).status is Status.CHANGED
    assert path.read_bytes() == FIXED.encode()
    assert run(path).status is Status.UNCHANGED


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.DIFF])
def test_check_and_diff_write_nothing(tmp_path: Path, mode: Mode) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    result = run(path, mode)
    assert result.status is Status.CHANGED and path.read_bytes() == VIEW.encode()
    assert (result.diff is not None) == (mode is Mode.DIFF)
    if result.diff:
        assert b"-    abort(404)\n+    abort(HTTPStatus.NOT_FOUND)\n" in result.diff


def test_crlf_line_endings_survive(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.replace("\n", "\r\n").encode())
    run(path)
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_a_bom_survives(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(b"\xef\xbb\xbf" + VIEW.encode())
    run(path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


def test_a_latin1_coding_cookie_and_its_text_survive(tmp_path: Path) -> None:
    source = "# -*- coding: latin-1 -*-\n" + VIEW.replace("abort(404)", "abort(404)  # café à l'été")
    path = tmp_path / "views.py"
    path.write_bytes(source.encode("latin-1"))
    run(path)
    data = path.read_bytes()
    assert data.startswith(b"# -*- coding: latin-1 -*-\n")
    assert b"abort(HTTPStatus.NOT_FOUND)  # caf\xe9 \xe0 l'\xe9t\xe9\n" in data
    assert run(path).status is Status.UNCHANGED


def test_mixed_line_endings_and_no_final_newline_survive(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(b"from flask import abort\r\n\n\ndef show():\r\n    abort(404)")
    run(path)
    assert path.read_bytes() == (
        b"from http import HTTPStatus\r\n\r\nfrom flask import abort\r\n\n\ndef show():\r\n    abort(HTTPStatus.NOT_FOUND)"
    )


def test_the_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    path.chmod(0o751)
    run(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o751
    assert sorted(p.name for p in tmp_path.iterdir()) == ["views.py"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(b"changed by someone else\n")
    with pytest.raises(FixError, match="changed since it was read") as raised:
        writing.replace_file(path, VIEW.encode(), FIXED.encode())
    assert raised.value.cause is FixFailure.CHANGED and raised.value.cause.fault is Fault.DISK
    assert path.read_bytes() == b"changed by someone else\n"


def test_a_file_changed_while_being_written_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    real = writing._write_temporary

    def racing(target: Path, data: bytes, like: os.stat_result) -> str:
        name = real(target, data, like)
        target.write_bytes(VIEW.encode() + b"# an editor saved meanwhile\n")
        return name

    monkeypatch.setattr(writing, "_write_temporary", racing)
    with pytest.raises(FixError, match="changed while") as raised:
        writing.replace_file(path, VIEW.encode(), FIXED.encode())
    assert raised.value.cause is FixFailure.CHANGED
    assert path.read_bytes().endswith(b"# an editor saved meanwhile\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["views.py"]


def test_a_read_only_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    path.chmod(0o444)
    result = run(path)
    assert result.status is Status.FAILED and result.problem == "read-only file; not changed"
    assert result.cause is FixFailure.READ_ONLY
    assert path.read_bytes() == VIEW.encode()
    assert run(path, Mode.CHECK).status is Status.CHANGED  # checking needs no write access


def test_a_vanished_file_is_reported(tmp_path: Path) -> None:
    result = run(tmp_path / "gone.py")
    assert result.status is Status.FAILED and result.problem == "vanished before it could be read"
    assert result.cause is FixFailure.GONE


@pytest.mark.parametrize(
    ("data", "problem", "line", "cause"),
    [
        (
            b"from flask import abort\nx = 'caf\xe9'\nabort(404)\n",
            "cannot decode as utf-8: invalid continuation byte",
            2,
            FixFailure.UNDECODABLE,
        ),
        (b"# coding: klingon\nabort(404)\n", "cannot decode: unknown encoding: klingon", 1, FixFailure.UNDECODABLE),
        (b"from flask import abort\n\ndef f(:\n    abort(404)\n", "cannot parse: invalid syntax", 3, FixFailure.SYNTAX),
        (
            b"from flask import abort\nprint 'moved'\nabort(404)\n",
            "Python 2 syntax is not supported",
            2,
            FixFailure.SYNTAX,
        ),
        (
            b"from flask import abort\ntry:\n    abort(404)\nexcept Exception, e:\n    pass\n",
            "Python 2 syntax is not supported",
            4,
            FixFailure.SYNTAX,
        ),
    ],
    ids=["undecodable", "unknown-encoding", "syntax-error", "python2-print", "python2-except"],
)
def test_bad_input_is_one_line_naming_file_and_line(
    tmp_path: Path, data: bytes, problem: str, line: int, cause: FixFailure
) -> None:
    path = tmp_path / "bad.py"
    path.write_bytes(data)
    result = run(path)
    assert result.status is Status.FAILED
    assert result.problem is not None and result.problem.startswith(problem) and "\n" not in result.problem
    assert result.line == line
    assert result.cause is cause and cause.fault is Fault.MODULE
    assert path.read_bytes() == data


PEP758 = "from flask import abort\n\ntry:\n    abort(404)\nexcept {clause}:\n    pass\n"


@pytest.mark.parametrize(
    "clause", ["ValueError, TypeError", "KeyError, requests.Timeout, OSError", "(A), B"], ids=["two", "three", "paren"]
)
def test_python_314_except_without_parentheses_needs_a_newer_python(tmp_path: Path, clause: str) -> None:
    """PEP 758 syntax read by an older Python is reported as needing 3.14, not as Python 2 (issue 11, item 6)."""
    path = tmp_path / "new.py"
    source = PEP758.format(clause=clause)
    path.write_text(source)
    result = run(path)
    if sys.version_info >= (3, 14):  # it parses there, and the fix goes ahead
        assert result.status is Status.CHANGED
        return
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert result.status is Status.FAILED and result.cause is FixFailure.SYNTAX
    assert result.problem == (
        f"`except A, B:` without parentheses needs Python 3.14 or newer (PEP 758); this is Python {version}"
    )
    assert result.line == 5 and path.read_text() == source


@pytest.mark.parametrize(
    ("clause", "problem"),
    [
        ("Exception, e", "Python 2 syntax is not supported"),
        ("(KeyError, IndexError), error", "Python 2 syntax is not supported"),
        ("KeyError, IndexError as error", "cannot parse: multiple exception types must be parenthesized"),
    ],
    ids=["python2-binding", "python2-tuple-binding", "as-on-no-python"],
)
def test_other_unparenthesized_excepts_are_not_called_python_314(tmp_path: Path, clause: str, problem: str) -> None:
    path = tmp_path / "old.py"
    path.write_text(PEP758.format(clause=clause))
    result = run(path)
    if sys.version_info >= (3, 14) and " as " not in clause:
        return  # Python 3.14 reads `except A, e:` as catching either: it parses
    assert result.status is Status.FAILED and result.problem is not None and result.problem.startswith(problem)


def test_a_huge_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "generated.py"
    path.write_bytes(VIEW.encode() + b"x = 1\n" * 1000)
    result = run(path, max_bytes=1000)
    assert result.status is Status.SKIPPED and result.problem is not None and "too large" in result.problem


def test_a_file_marked_flake8_noqa_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_bytes(b"# flake8: noqa\n" + VIEW.encode())
    assert run(path).status is Status.SKIPPED
    assert path.read_bytes() == b"# flake8: noqa\n" + VIEW.encode()


def test_a_directory_that_cannot_be_written_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, because the test suite may run as root, who can write anywhere.
    def refuse(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("flake8_http_status.fixer.writing.tempfile.mkstemp", refuse)
    path = tmp_path / "views.py"
    path.write_bytes(VIEW.encode())
    result = run(path)
    assert result.status is Status.FAILED and result.problem == "cannot write next to it: Permission denied"
    assert result.cause is FixFailure.UNWRITABLE
    assert path.read_bytes() == VIEW.encode()


def test_a_broken_file_with_nothing_to_fix_is_not_even_parsed(tmp_path: Path) -> None:
    # Only files whose text could hold a fix are parsed; flake8's E999 reports syntax errors elsewhere.
    path = tmp_path / "script.py"
    path.write_bytes(b"print 'hello'\n")
    assert run(path).status is Status.UNCHANGED


def test_every_failure_says_whose_fault_it_is() -> None:
    assert {failure.fault for failure in FixFailure} == set(Fault)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: a read that blocks is interrupted after `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.py"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer that never writes or closes: a read would block
    try:
        with deadline(10):
            result = run(fifo)
    finally:
        os.close(writer)
    assert result.status is Status.SKIPPED and result.problem == "not a regular file (a named pipe), not read"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "y.py"
    link.symlink_to(os.devnull)
    result = process(Found(link, Path(os.devnull)), RunOptions(options(), Mode.WRITE, 1 << 20))
    assert result.status is Status.SKIPPED and result.problem == "not a regular file (a character device), not read"


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux's /proc")
def test_reading_stops_one_byte_past_the_limit_whatever_the_size_says(tmp_path: Path) -> None:
    # /proc files are regular files that say they are empty; so is a file that grows while it is read.
    proc = Path("/proc/self/maps")
    assert proc.stat().st_size == 0 and len(proc.read_bytes()) > 100
    result = process(Found(proc, proc), RunOptions(options(), Mode.CHECK, 100))
    assert result.status is Status.SKIPPED and result.problem == "too large (more than 100 bytes; see --max-size)"


def test_a_file_swapped_for_a_fifo_before_writing_is_not_read_again(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    os.mkfifo(path)  # what was read is VIEW; what is there now is a FIFO with no writer
    with deadline(10), pytest.raises(FixError, match="changed since it was read") as raised:
        writing.replace_file(path, VIEW.encode(), FIXED.encode())
    assert raised.value.cause is FixFailure.CHANGED
    assert stat.S_ISFIFO(path.lstat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["views.py"]
