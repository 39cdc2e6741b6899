"""`http-status fix` end to end: output, exit statuses, configuration, parallel runs."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_http_status.cli import main
from flake8_http_status.fixer import report
from flake8_http_status.fixer.files import FileResult, Mode, Status

VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
CLEAN = "def add(a, b):\n    return a + b\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # no config above the project is read
    (tmp_path / "views.py").write_text(VIEW)
    (tmp_path / "util.py").write_text(CLEAN)
    return tmp_path


def fix(*args: str) -> int:
    return main(["fix", *args])


def test_fix_writes_and_says_what_it_did(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fix(".") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["fixed views.py (1 HTS001)", "2 files scanned, 1 changed (1 fix), 0 skipped, 0 failed"]
    assert "HTTPStatus.NOT_FOUND" in (project / "views.py").read_text()
    assert fix(".") == 0
    assert capsys.readouterr().err.splitlines()[-1] == "2 files scanned, 0 changed (0 fixes), 0 skipped, 0 failed"


def test_check_exits_1_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fix("--check", ".") == 1
    assert capsys.readouterr().err.splitlines() == [
        "would fix views.py (1 HTS001)",
        "2 files scanned, 1 would change (1 fix), 0 skipped, 0 failed",
    ]
    assert (project / "views.py").read_text() == VIEW
    assert fix("--check", "util.py") == 0


def test_diff_prints_a_patch_that_applies(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fix("--diff", ".") == 1
    patch = capsys.readouterr().out
    assert patch.startswith("--- views.py\n+++ views.py\n@@")
    assert (project / "views.py").read_text() == VIEW
    subprocess.run(["git", "apply", "-p0", "-"], input=patch, text=True, check=True, cwd=project)
    assert fix("--check", ".") == 0


def test_a_failed_file_gives_123_and_the_others_are_fixed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "broken.py").write_text("from flask import abort\nabort(404\n")
    assert fix(".") == 123
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("broken.py:2:") and ": error: cannot parse: " in err[0]
    assert err[-1] == "3 files scanned, 1 changed (1 fix), 0 skipped, 1 failed"
    assert "HTTPStatus.NOT_FOUND" in (project / "views.py").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "E501", "."], "--select: 'E501' is not a rule code or a prefix of one"),
        (["--style", "camel", "."], None),  # argparse's own error
        (["missing.py"], "no such file or directory: missing.py"),
        (["--jobs", "0", "."], "--jobs must be at least 1"),
    ],
)
def test_usage_errors_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str | None
) -> None:
    try:
        status = fix(*args)
    except SystemExit as exit:  # argparse
        status = int(exit.code or 0)
    assert status == 2
    if message:
        assert message in capsys.readouterr().err


def test_the_flake8_config_applies_and_flags_override_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "setup.cfg").write_text("[flake8]\nhttp-status-style = starlette\nextend-exclude = util.py\n")
    assert fix("--diff", ".") == 1
    out = capsys.readouterr()
    assert "status.HTTP_404_NOT_FOUND" in out.out and "1 files scanned" not in out.err
    assert "1 file scanned" in out.err  # util.py excluded by the config
    assert fix("--diff", "--style", "httpstatus", ".") == 1
    assert "HTTPStatus.NOT_FOUND" in capsys.readouterr().out
    assert fix("--diff", "--isolated", ".") == 1
    assert "2 files scanned" in capsys.readouterr().err


def test_unsafe_fixes_are_counted_until_enabled(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "views.py").write_text(
        "from django.http import HttpResponse\n\n\ndef made(request):\n    return HttpResponse('made', 201)\n"
    )
    assert fix("--check", ".") == 0
    assert capsys.readouterr().err.splitlines()[-1] == "1 unsafe fix was not applied (--unsafe-fixes applies them)"
    assert fix("--check", "--unsafe-fixes", ".") == 1


def test_parallel_runs_give_the_same_results_in_the_same_order(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(40):
        (project / f"view_{number:02d}.py").write_text(
            VIEW.replace("404", str(400 + number % 10)) if number % 3 else CLEAN
        )
    assert fix("--diff", "--jobs", "1", ".") == 1
    serial = capsys.readouterr()
    assert fix("--diff", "--jobs", "3", ".") == 1
    parallel = capsys.readouterr()
    assert parallel.out == serial.out and parallel.err == serial.err
    # Flask's abort refuses 402 and 407 (HTS605), so the six files with those get no HTS001 fix.
    assert serial.err.splitlines()[-1] == "42 files scanned, 21 would change (21 fixes), 0 skipped, 0 failed"


def test_progress_shows_on_a_terminal_during_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = iter(float(second) for second in range(100))
    monkeypatch.setattr("flake8_http_status.fixer.report.time.monotonic", lambda: next(clock))
    stream = Terminal()
    reporter = report.Reporter(stream, Mode.CHECK)
    for number in range(3):
        reporter.file(FileResult(f"f{number}.py", Status.UNCHANGED), 3)
    reporter.summary()
    text = stream.getvalue()
    assert "\r[2/3] f1.py" in text and "\r[3/3] f2.py" in text
    assert text.endswith(
        "\r" + " " * len("[3/3] f2.py") + "\r3 files scanned, 0 would change (0 fixes), 0 skipped, 0 failed\n"
    )
    quiet = io.StringIO()
    report.Reporter(quiet, Mode.CHECK).file(FileResult("f.py", Status.UNCHANGED), 1)
    assert quiet.getvalue() == ""  # not a terminal: no progress line


@pytest.mark.parametrize(
    "data",
    [
        b"from flask import abort\n\n\ndef show():\n    abort(404)",
        b"from flask import abort\r\n\r\n\r\ndef show():\r\n    abort(404)\r\n",
    ],
    ids=["no-final-newline", "crlf"],
)
def test_diffs_apply_to_unusual_files(project: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    (project / "views.py").write_bytes(data)
    assert fix("--diff", "views.py") == 1
    patch = capsys.readouterr().out
    subprocess.run(["git", "apply", "-p0", "-"], input=patch.encode(), check=True, cwd=project)
    assert fix("--check", "views.py") == 0


@pytest.mark.slow
def test_stdin_to_stdout_keeps_the_bytes_it_does_not_fix(project: Path) -> None:
    data = b"\xef\xbb\xbf" + VIEW.replace("\n", "\r\n").encode()
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated", "-"]
    fixed = subprocess.run(command, input=data, capture_output=True, check=False, cwd=project)
    assert fixed.returncode == 0 and fixed.stdout.startswith(b"\xef\xbb\xbffrom http import HTTPStatus\r\n\r\n")
    assert b"abort(HTTPStatus.NOT_FOUND)\r\n" in fixed.stdout
    checked = subprocess.run([*command[:-1], "--check", "-"], input=data, capture_output=True, check=False, cwd=project)
    assert checked.returncode == 1 and checked.stdout == b""
    broken = subprocess.run(command, input=b"abort(404\n", capture_output=True, check=False, cwd=project)
    assert broken.returncode == 123 and broken.stdout == b"abort(404\n"
    assert broken.stderr.decode().startswith("stdin:1: error: ")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "abc", "1e400"])
def test_a_max_size_that_is_not_a_positive_number_is_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert fix("--isolated", f"--max-size={value}", ".") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"http-status fix: error: --max-size must be a positive number of MiB, such as 4 or 0.5, not '{value}'"
    ]
    assert (project / "views.py").read_text() == VIEW


@pytest.mark.parametrize("value", ["3.x", "3", ">=3.x", "3.10;", "python3.11", "<3.12", "2.7"])
def test_a_malformed_target_python_is_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert fix("--isolated", "--check", f"--target-python={value}", ".") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"http-status fix: error: http-status-target-python must look like 3.10 or >=3.10, not '{value}'"
    ]


CONFIG_ERRORS = {
    "target-python": ("http-status-target-python = 3.x", "http-status-target-python must look like 3.10"),
    "style": ("http_status_style = camel", "http-status-style must be one of auto, "),
    "ignore-values": (
        "http-status-ignore-values = 200, 2xx",
        "http-status-ignore-values: expected integers, not '2xx'",
    ),
    "extra-codes": (
        "http-status-extra-codes =\n    499=A\n    999=HIGH",
        "http-status-extra-codes: 999 is outside 100-599",
    ),
}


@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".flake8"])
@pytest.mark.parametrize("case", CONFIG_ERRORS, ids=list(CONFIG_ERRORS))
def test_a_bad_value_in_the_flake8_config_names_the_file(
    project: Path, capsys: pytest.CaptureFixture[str], config: str, case: str
) -> None:
    line, message = CONFIG_ERRORS[case]
    (project / config).write_text(f"[flake8]\n{line}\n")
    assert fix("--check", ".") == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"http-status fix: error: {config}: {message}"), err
    assert fix("--check", "--isolated", ".") == 1  # the file is the only cause
    capsys.readouterr()


def test_a_flag_overrides_a_bad_config_value_and_its_own_error_names_no_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "setup.cfg").write_text("[flake8]\nhttp-status-target-python = 3.x\n")
    assert fix("--check", "--target-python", "3.11", ".") == 1
    capsys.readouterr()
    assert fix("--check", "--target-python", "3", ".") == 2
    assert capsys.readouterr().err.splitlines() == [
        "http-status fix: error: http-status-target-python must look like 3.10 or >=3.10, not '3'"
    ]
    outside = project.parent / f"{project.name}-elsewhere.cfg"
    outside.write_text("[flake8]\nhttp-status-lang = fr\n")
    assert fix("--check", "--config", str(outside), ".") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"http-status fix: error: {outside}: http-status-lang must be one of en, ko, not 'fr'"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[flake8]\nselect = HTS\noops\n", "bad.cfg:3: not a `key = value` line, a continuation or a [section]"),
        ("select = HTS\n[flake8]\n", "bad.cfg:1: a line before the first [section]"),
        ("[flake8]\n[flake8]\n", "bad.cfg:2: section [flake8] given twice"),
        ("[flake8]\nselect = HTS\nselect = HTS0\n", "bad.cfg:3: select given twice in [flake8]"),
    ],
)
def test_a_config_file_that_does_not_parse_is_one_line_with_its_line(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, line: str
) -> None:
    (project / "bad.cfg").write_text(text)
    assert fix("--config", "bad.cfg", "views.py") == 2
    assert capsys.readouterr().err == f"http-status fix: error: {line}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--style", "bogus"],
            "http-status-style must be one of auto, httpstatus, fastapi, starlette, drf, litestar, not 'bogus'",
        ),
        (["--lang", "fr"], "http-status-lang must be one of en, ko, not 'fr'"),
        (["-", "-"], "- (stdin) must be the only PATH; name a file called - as ./-"),
        (["-", "views.py"], "- (stdin) must be the only PATH; name a file called - as ./-"),
        (
            ["--target-python", ">=3.0"],
            "http-status-target-python: '>=3.0' admits Python 3.0; the oldest this tool knows the status names of is 3.8",
        ),
        (
            ["--target-python", "3.7"],
            "http-status-target-python: '3.7' admits Python 3.7; the oldest this tool knows the status names of is 3.8",
        ),
    ],
)
def test_more_usage_errors_are_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    paths = [] if "-" in args else ["views.py"]
    assert fix("--isolated", *args, *paths) == 2
    assert capsys.readouterr().err == f"http-status fix: error: {message}\n"
    assert (project / "views.py").read_text() == VIEW


def test_target_python_3_8_and_3_9_are_accepted(project: Path) -> None:
    assert fix("--isolated", "--check", "--target-python", "3.8", "views.py") == 1
    assert fix("--isolated", "--check", "--target-python", ">=3.9", "views.py") == 1


def test_an_unknown_http_status_key_is_a_warning_naming_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "setup.cfg").write_text("[flake8]\nhttp-status-stlye = drf\nhttp_status_frob = 1\n")
    assert fix("--check", "views.py") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        "http-status fix: warning: setup.cfg: unknown key http-status-stlye, ignored; did you mean http-status-style?",
        "http-status fix: warning: setup.cfg: unknown key http-status-frob, ignored; known: style, target-python, "
        "extra-codes, ignore-values, extra-calls, lang, auth-decorators, auth-dependencies, creation-calls, "
        "project-index",
    ]
