"""The `http-status` command as a whole: `python -m`, `--version` and the help texts of the settings."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

import pytest

from flake8_http_status import __version__
from flake8_http_status.cli import COMMANDS, main
from flake8_http_status.options import OPTIONS


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=60, check=False)


def test_python_m_runs_the_command() -> None:
    done = _run("-m", "flake8_http_status", "explain", "HTS001")
    assert done.returncode == 0, done.stderr
    assert "HTS001" in done.stdout

    usage = _run("-m", "flake8_http_status", "no-such-command")
    assert usage.returncode == 2
    assert "invalid choice" in usage.stderr


def test_version_names_the_tool_flake8_libcst_and_python(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out.strip()
    python = ".".join(map(str, sys.version_info[:3]))
    assert shown.startswith(f"http-status {__version__} (")
    assert f"flake8 {metadata.version('flake8')}" in shown
    assert f"LibCST {metadata.version('libcst')}" in shown
    assert f"Python {python}" in shown


def test_version_does_not_import_libcst() -> None:
    code = (
        "import sys\nfrom flake8_http_status.cli import COMMANDS, main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('libcst', 'flake8')))"
    )
    done = _run("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_every_setting_has_a_readable_value_name() -> None:
    for spec in OPTIONS:
        assert spec.metavar, spec.name
        assert spec.metavar.startswith("{") or spec.metavar.isupper(), spec.name


@pytest.mark.parametrize(
    "command",
    [
        "fix",
        pytest.param(
            "check",
            marks=pytest.mark.xfail(
                "check" not in {name for name, _, _ in COMMANDS},
                reason="needs the `http-status check` command (issue 15, branch i15-check)",
                strict=True,
            ),
        ),
    ],
)
def test_help_shows_value_names_not_destinations(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "HTTP_STATUS_" not in text
    for spec in OPTIONS:
        assert f"--{spec.name} {spec.metavar}" in text


def test_flake8_help_shows_the_same_value_names() -> None:
    done = _run("-m", "flake8", "--help")
    assert done.returncode == 0, done.stderr
    assert "HTTP_STATUS_" not in done.stdout
    for spec in OPTIONS:
        assert f"{spec.flake8_flag} {spec.metavar}" in done.stdout
