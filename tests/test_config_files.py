"""Files the tool reads for itself (configuration, pyproject.toml, setup and requirements files, other
tools' settings): regular files only, bounded, never a hang.

A FIFO opened for reading waits for a writer, and `/dev/zero` never ends: each case runs the command in
its own process with a time limit and a memory cap, so that a regression fails the test instead of
hanging it or taking the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import FIXED, VIEW

from flake8_http_status import safe_read
from flake8_http_status.config import find_config, load
from flake8_http_status.options import OptionError
from flake8_http_status.safe_read import Unread, Why, read_bytes, read_text

SECONDS = 60


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def fix_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`http-status fix ARGS` in its own process, HOME at `cwd` so that no configuration above it is read."""
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", *args]
    env = {**os.environ, "HOME": str(cwd)}
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            timeout=SECONDS,
            preexec_fn=_capped,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"http-status fix {' '.join(args)} still running after {SECONDS} s")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "views.py").write_text(VIEW)
    return tmp_path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def zeros(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (fifo, "not a regular file (a named pipe)"),
        (zeros, "not a regular file (a character device)"),
        (lambda path: path.write_bytes(b"[flake8]\n" + b"#" * (5 << 20)) and path, "too large (5.0 MiB)"),
        (lambda path: path.write_bytes(b"[flake8]\nhttp-status-lang = \xff\n") and path, "not UTF-8 text"),
    ],
    ids=["fifo", "dev-zero", "too-large", "undecodable"],
)
def test_a_config_file_that_cannot_be_read_is_one_line_and_exit_2(project: Path, make: object, reason: str) -> None:
    make(project / "my.cfg")  # type: ignore[operator]
    result = fix_in(project, "--config", "my.cfg", "views.py")
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"http-status fix: error: the config file my.cfg: {reason}")
    assert (project / "views.py").read_text() == VIEW


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
@pytest.mark.parametrize("make", [fifo, zeros], ids=["fifo", "dev-zero"])
def test_a_found_flake8_config_that_is_not_a_file_is_skipped_with_a_warning(
    project: Path, name: str, make: object
) -> None:
    make(project / name)  # type: ignore[operator]
    result = fix_in(project, "views.py")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"http-status: warning: skipped {name}: not a regular file ("), lines
    assert lines.count(lines[0]) == 1  # once, however often the file is looked up
    assert "fixed views.py (1 HTS001)" in lines
    assert (project / "views.py").read_text() == FIXED


@pytest.mark.parametrize(
    "name", ["pyproject.toml", "ruff.toml", ".ruff.toml", ".isort.cfg", "requirements.txt", "setup.py"]
)
def test_other_found_files_that_are_not_files_never_hang(project: Path, name: str) -> None:
    fifo(project / name)
    (project / "requirements").mkdir()
    zeros(project / "requirements" / "base.txt")
    result = fix_in(project, "views.py")
    assert result.returncode == 0, result.stderr
    assert (project / "views.py").read_text() == FIXED


def test_a_huge_pyproject_is_skipped_with_a_warning(project: Path) -> None:
    # Project facts come from the pyproject: reading all of a huge one would take its size in memory.
    (project / "pyproject.toml").write_bytes(b'[project]\nrequires-python = ">=3.10"\n' + b"#" * (5 << 20))
    result = fix_in(project, "views.py")
    assert result.returncode == 0, result.stderr
    assert "http-status: warning: skipped pyproject.toml: too large (5.0 MiB)" in result.stderr.splitlines()
    assert (project / "views.py").read_text() == FIXED


def test_load_refuses_a_named_fifo_without_opening_it(tmp_path: Path) -> None:
    # In this process: if the FIFO were opened for reading, the test would hang (the subprocess tests cap that).
    path = fifo(tmp_path / "pipe.cfg")
    with pytest.raises(OptionError, match=r"pipe\.cfg: not a regular file \(a named pipe\)"):
        load(path)


def test_find_config_skips_a_fifo_and_takes_the_next_candidate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(safe_read, "_warned", set())
    fifo(tmp_path / "setup.cfg")
    (tmp_path / "tox.ini").write_text("[flake8]\nhttp-status-lang = ko\n")
    assert find_config() == tmp_path / "tox.ini"
    assert capsys.readouterr().err == "http-status: warning: skipped setup.cfg: not a regular file (a named pipe)\n"


def test_read_bytes_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    with pytest.raises(Unread) as raised:
        read_bytes(zeros(tmp_path / "zero"), 1000)
    assert raised.value.why is Why.SPECIAL
    (tmp_path / "big").write_bytes(b"x" * 1001)
    with pytest.raises(Unread) as raised:
        read_bytes(tmp_path / "big", 1000)
    assert (raised.value.why, raised.value.message) == (Why.TOO_LARGE, "too large (1001 bytes)")
    assert read_bytes(tmp_path / "big", 1001) == b"x" * 1001


def test_read_text_reads_newlines_as_open_does(tmp_path: Path) -> None:
    (tmp_path / "a.cfg").write_bytes(b"[a]\r\nx = 1\ry = 2\n")
    assert read_text(tmp_path / "a.cfg") == "[a]\nx = 1\ny = 2\n"
